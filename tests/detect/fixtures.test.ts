/**
 * detectNotice on every fixture and seed. The page-level facts the caller computes (文号, title 文种, 主送)
 * are passed as each page truly has them, read by a person from the page, so the detector is tested on its
 * own and not through the metadata readers.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectNotice, type DetectionInput } from '../../lib/detect';
import { extractPage, extractPkulawApiRecord } from '../../lib/extract';
import { normaliseText } from '../../lib/text/normalise';
import type { ExtractedPage } from '../../lib/types';
import { FIXTURES, SEEDS, bodyText, loadFixture, parse } from '../extract/helpers';

interface Facts {
  url: string | null;
  hasDocNumber: boolean;
  docTypeFromTitle: string | null;
  hasAddresseeLine: boolean;
  notice: boolean;
}

/** What each page is, read from the page by a person. */
const PAGES: Record<string, Facts> = {
  // 国发〔2019〕5号, …的意见, 主送 各省、自治区、直辖市人民政府…
  'pos-01-govcn-zhengce-2019-guofa5-yijian.html': {
    url: 'http://www.gov.cn/zhengce/content/2019-02/15/content_5365945.htm',
    hasDocNumber: true,
    docTypeFromTitle: '意见',
    hasAddresseeLine: true,
    notice: true,
  },
  'pos-02-govcn-zhengce-2019-guofa4-yinfa-tongzhi.html': {
    url: 'http://www.gov.cn/zhengce/content/2019-02/13/content_5365341.htm',
    hasDocNumber: true,
    docTypeFromTitle: '通知',
    hasAddresseeLine: true,
    notice: true,
  },
  // 总局令（第156号）; the title ends in 实施办法; no 主送.
  'pos-11-govcn-gongbao-2014-zhijianzongju-ling156-banfa.html': {
    url: 'https://www.gov.cn/gongbao/content/2014/content_2717369.htm',
    hasDocNumber: true,
    docTypeFromTitle: '办法',
    hasAddresseeLine: false,
    notice: true,
  },
  // 发文字号 empty; the title ends in the embedded 《…指导意见》; no 主送.
  'pos-13-govcn-zhengceku-2026-pbc-8bumen-jinrong-fuwuye-yijian.html': {
    url: 'https://www.gov.cn/zhengce/zhengceku/202609/content_7082302.htm',
    hasDocNumber: false,
    docTypeFromTitle: '指导意见',
    hasAddresseeLine: false,
    notice: true,
  },
  // A law on a university site: title 中华人民共和国监察法.
  'pos-19-sxmu-jijian-jianchafa.html': {
    url: null,
    hasDocNumber: false,
    docTypeFromTitle: '法',
    hasAddresseeLine: false,
    notice: true,
  },
  'edge-01-flk-npc-detail2-shell-zengzhishuifa.html': {
    url: 'https://flk.npc.gov.cn/detail2.html?ZmY4MDgxODE4YmE2ZTk4ZjAxOGJhN2I3YzQ5NzAwNzA%3D',
    hasDocNumber: false,
    docTypeFromTitle: null,
    hasAddresseeLine: false,
    notice: false,
  },
  'neg-01-sina-news-society.html': {
    url: null,
    hasDocNumber: false,
    docTypeFromTitle: null,
    hasAddresseeLine: false,
    notice: false,
  },
  'neg-02-qq-news.html': {
    url: null,
    hasDocNumber: false,
    docTypeFromTitle: null,
    hasAddresseeLine: false,
    notice: false,
  },
  'neg-03-163-sports-news.html': {
    url: null,
    hasDocNumber: false,
    docTypeFromTitle: null,
    hasAddresseeLine: false,
    notice: false,
  },
  'neg-04-people-culture-article.html': {
    url: null,
    hasDocNumber: false,
    docTypeFromTitle: null,
    hasAddresseeLine: false,
    notice: false,
  },
  'neg-05-baijiahao-product-trousers.html': {
    url: null,
    hasDocNumber: false,
    docTypeFromTitle: null,
    hasAddresseeLine: false,
    notice: false,
  },
  'neg-06-csdn-tech-news.html': {
    url: null,
    hasDocNumber: false,
    docTypeFromTitle: null,
    hasAddresseeLine: false,
    notice: false,
  },
  'neg-07-netease-game-forum-list.html': {
    url: null,
    hasDocNumber: false,
    docTypeFromTitle: null,
    hasAddresseeLine: false,
    notice: false,
  },
  // Hard: news about a notice; quotes its directives.
  'neg-08-163-news-about-covid-policy.html': {
    url: 'https://news.163.com/20/0229/18/F6GB0DCT0001899O.html',
    hasDocNumber: false,
    docTypeFromTitle: null,
    hasAddresseeLine: false,
    notice: false,
  },
  // Hard: a provincial government domain, but news.
  'neg-10-shanxi-gov-portal-news.html': {
    url: 'http://www.shanxi.gov.cn/yw/sxyw/201909/t20190918_693227.shtml',
    hasDocNumber: false,
    docTypeFromTitle: null,
    hasAddresseeLine: false,
    notice: false,
  },
  // Hard: the flk portal; legal vocabulary everywhere, no document.
  'neg-17-flk-npc-homepage.html': {
    url: 'https://flk.npc.gov.cn/index.html',
    hasDocNumber: false,
    docTypeFromTitle: null,
    hasAddresseeLine: false,
    notice: false,
  },
};

/** Seeds are plain texts (site 'text'); 004 is a news report about a notice. */
const SEED_FACTS: Record<string, Omit<Facts, 'url'>> = {
  '000_539b2a5a56109cc5.txt': { hasDocNumber: true, docTypeFromTitle: '通知', hasAddresseeLine: true, notice: true },
  '001_7a46141c47266846.txt': { hasDocNumber: false, docTypeFromTitle: '通知', hasAddresseeLine: true, notice: true },
  '002_2386fa277481c7d6.txt': { hasDocNumber: false, docTypeFromTitle: '通知', hasAddresseeLine: true, notice: true },
  '003_c9608edf68f48eb1.txt': { hasDocNumber: false, docTypeFromTitle: '通知', hasAddresseeLine: true, notice: true },
  '004_b2e78ef3420a5e86.txt': { hasDocNumber: false, docTypeFromTitle: null, hasAddresseeLine: false, notice: false },
};

function inputFromPage(page: ExtractedPage, facts: Omit<Facts, 'notice'>): DetectionInput {
  return {
    url: facts.url,
    site: page.site,
    text: bodyText(page),
    labelled: page.labelled,
    title: page.title,
    hasDocNumber: facts.hasDocNumber,
    docTypeFromTitle: facts.docTypeFromTitle,
    hasAddresseeLine: facts.hasAddresseeLine,
    listPage: page.pageSignals.listPage,
    pending: page.pageSignals.pending,
  };
}

describe('detectNotice on the HTML fixtures', () => {
  it('has facts for every HTML fixture', () => {
    const files = readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.html'))
      .sort();
    expect(Object.keys(PAGES).sort()).toEqual(files);
  });

  for (const [file, facts] of Object.entries(PAGES)) {
    it(`${file} → ${facts.notice ? 'notice' : 'not a notice'}`, () => {
      const page = extractPage(loadFixture(file), facts.url);
      const result = detectNotice(inputFromPage(page, facts));
      expect(result.isNotice, JSON.stringify(result.signals)).toBe(facts.notice);
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
      if (facts.notice) expect(result.confidence).toBeGreaterThan(0.5);
      else expect(result.confidence).toBeLessThan(0.5);
    });
  }

  it('the gov.cn positives still pass without a URL (known source from the template and its table)', () => {
    for (const file of [
      'pos-01-govcn-zhengce-2019-guofa5-yijian.html',
      'pos-13-govcn-zhengceku-2026-pbc-8bumen-jinrong-fuwuye-yijian.html',
    ]) {
      const facts = { ...PAGES[file], url: null };
      const result = detectNotice(inputFromPage(extractPage(loadFixture(file), null), facts));
      expect(result.isNotice, file).toBe(true);
      expect(result.signals.map((s) => s.name)).toContain('known-source');
    }
  });

  it('names the signals that decided, with their points', () => {
    const facts = PAGES['pos-01-govcn-zhengce-2019-guofa5-yijian.html'];
    const page = extractPage(loadFixture('pos-01-govcn-zhengce-2019-guofa5-yijian.html'), facts.url);
    const { signals } = detectNotice(inputFromPage(page, facts));
    expect(signals).toEqual([
      { name: 'labelled-block', points: 3 },
      { name: 'known-source', points: 2 },
      { name: 'title-doctype', points: 2 },
      { name: 'doc-number', points: 2 },
      { name: 'addressee', points: 2 },
      { name: 'headings', points: 1 },
      { name: 'closing', points: 1 },
    ]);
  });

  it('neg-08 (news about a notice) is held down by its dateline byline', () => {
    const facts = PAGES['neg-08-163-news-about-covid-policy.html'];
    const page = extractPage(loadFixture('neg-08-163-news-about-covid-policy.html'), facts.url);
    const { signals } = detectNotice(inputFromPage(page, facts));
    expect(signals).toContainEqual({ name: 'byline', points: -3 });
  });

  it('edge-01 is not a notice yet: pending', () => {
    const facts = PAGES['edge-01-flk-npc-detail2-shell-zengzhishuifa.html'];
    const page = extractPage(loadFixture('edge-01-flk-npc-detail2-shell-zengzhishuifa.html'), facts.url);
    const result = detectNotice(inputFromPage(page, facts));
    expect(result.signals.map((s) => s.name)).toContain('pending');
    expect(result.confidence).toBeLessThanOrEqual(0.2);
  });

  it('neg-17 (flk portal) is a list page', () => {
    const facts = PAGES['neg-17-flk-npc-homepage.html'];
    const page = extractPage(loadFixture('neg-17-flk-npc-homepage.html'), facts.url);
    expect(detectNotice(inputFromPage(page, facts)).signals).toContainEqual({ name: 'list-page', points: -3 });
  });
});

describe('detectNotice on the pkulaw API record (pos-18)', () => {
  it('is a notice', () => {
    const json = JSON.parse(
      readFileSync(resolve(FIXTURES, 'pos-18-pkulaw-api-chl-124290-caizhengbu-gonggao-2009-123.json'), 'utf8'),
    );
    const r = extractPkulawApiRecord(json, parse);
    if ('error' in r) throw new Error(r.error);
    // 财政部公告2009年第123号 is its 文号; the title ends in 国债, not a 文种; no 主送.
    const result = detectNotice(
      inputFromPage(r.page, { url: null, hasDocNumber: true, docTypeFromTitle: null, hasAddresseeLine: false }),
    );
    expect(result.isNotice, JSON.stringify(result.signals)).toBe(true);
    expect(result.signals.map((s) => s.name)).toEqual(
      expect.arrayContaining(['labelled-block', 'known-source', 'doc-number', 'headings', 'closing']),
    );
  });
});

describe('detectNotice on the pkulaw TXT export (pos-17)', () => {
  it('is a notice: a short 公告 whose 文号 is only （2020年） passes on the known source', () => {
    const text = normaliseText(
      readFileSync(resolve(FIXTURES, 'pos-17-pkulaw-lar-CLI.12.7186154-haikou-shuiwuju-gonggao.txt'), 'utf8'),
    ).text;
    // An export is site pkulaw (its first line is 【法宝引证码】); the title ends in 公告; no real 文号, no 主送.
    const result = detectNotice({
      url: null,
      site: 'pkulaw',
      text,
      labelled: {},
      title: null,
      hasDocNumber: false,
      docTypeFromTitle: '公告',
      hasAddresseeLine: false,
      listPage: false,
      pending: false,
    });
    expect(result.isNotice, JSON.stringify(result.signals)).toBe(true);
    expect(result.signals.map((s) => s.name)).toEqual(['known-source', 'title-doctype']);
  });
});

describe('detectNotice on the seeds (plain texts)', () => {
  for (const [file, facts] of Object.entries(SEED_FACTS)) {
    it(`${file} → ${facts.notice ? 'notice' : 'not a notice'}`, () => {
      const text = normaliseText(readFileSync(resolve(SEEDS, file), 'utf8')).text;
      const result = detectNotice({
        url: null,
        site: 'text',
        text,
        labelled: {},
        title: null,
        hasDocNumber: facts.hasDocNumber,
        docTypeFromTitle: facts.docTypeFromTitle,
        hasAddresseeLine: facts.hasAddresseeLine,
        listPage: false,
        pending: false,
      });
      expect(result.isNotice, JSON.stringify(result.signals)).toBe(facts.notice);
    });
  }

  it('seed 004 (通知指出 … 通知要求 …) is recognised as a report, whatever its score', () => {
    const text = normaliseText(readFileSync(resolve(SEEDS, '004_b2e78ef3420a5e86.txt'), 'utf8')).text;
    const base: DetectionInput = {
      url: null,
      site: 'text',
      text,
      labelled: {},
      title: null,
      hasDocNumber: false,
      docTypeFromTitle: null,
      hasAddresseeLine: false,
      listPage: false,
      pending: false,
    };
    const result = detectNotice(base);
    expect(result.signals.map((s) => s.name)).toContain('reported');
    // Even on a known source with a labelled block it stays a report.
    const boosted = detectNotice({
      ...base,
      labelled: { 成文日期: '2020年2月1日' },
      url: 'https://www.gov.cn/zhengce/content/x.htm',
    });
    expect(boosted.isNotice).toBe(false);
    expect(boosted.confidence).toBeLessThanOrEqual(0.2);
  });
});
