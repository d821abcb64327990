/**
 * The whole engine on every real page and seed, through the command-line analyser's own entry point:
 * detection, the metadata fields each page states, the body without chrome, and the output contract.
 * Expected values were written by reading each file (see ../shared/fixtures/INDEX.md), not from the output.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyseFileContent } from '../../lib/cli/analyze';

const SHARED = resolve(__dirname, '../../../shared');

interface Expect {
  isNotice: boolean;
  site: string;
  title?: string | null;
  docType?: string | null;
  docNumber?: string | null;
  issuers?: string[];
  signedDate?: string | null;
  publishedDate?: string | null;
  effectiveDate?: string | null;
  citationCode?: string | null;
  validity?: string | null;
  level?: string | null;
  /** Sentences the body must contain, and chrome it must not. */
  contains?: string[];
  lacks?: string[];
  /** At least this many obligation clauses (notices) — none at all on non-notices. */
  minClauses?: number;
}

const CASES: Record<string, Expect> = {
  'fixtures/pos-01-govcn-zhengce-2019-guofa5-yijian.html': {
    isNotice: true,
    site: 'govcn',
    title: '国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见',
    docType: '意见',
    docNumber: '国发〔2019〕5号',
    issuers: ['国务院'],
    signedDate: '2019-01-27',
    publishedDate: '2019-02-15',
    contains: ['各省、自治区、直辖市人民政府，国务院各部委、各直属机构：', '现提出如下意见。'],
    lacks: ['索引号', '主题分类'],
    minClauses: 20,
  },
  'fixtures/pos-02-govcn-zhengce-2019-guofa4-yinfa-tongzhi.html': {
    isNotice: true,
    site: 'govcn',
    title: '国务院关于印发国家职业教育改革实施方案的通知',
    docType: '通知',
    docNumber: '国发〔2019〕4号',
    issuers: ['国务院'],
    signedDate: '2019-01-24',
    publishedDate: '2019-02-13',
    contains: ['现将《国家职业教育改革实施方案》印发给你们，请认真贯彻执行。', '（一）健全国家职业教育制度框架。'],
    minClauses: 40,
  },
  'fixtures/pos-11-govcn-gongbao-2014-zhijianzongju-ling156-banfa.html': {
    isNotice: true,
    site: 'govcn',
    docType: '办法',
    docNumber: '国家质量监督检验检疫总局令第156号',
    issuers: ['国家质量监督检验检疫总局'],
    signedDate: '2014-04-21',
    effectiveDate: '2014-08-01',
    contains: ['第一条', '第一章 总则'],
    lacks: ['2014年第20号国务院公报_中国政府网'],
    minClauses: 40,
  },
  'fixtures/pos-13-govcn-zhengceku-2026-pbc-8bumen-jinrong-fuwuye-yijian.html': {
    isNotice: true,
    site: 'govcn',
    docNumber: null,
    signedDate: '2026-09-25',
    publishedDate: '2026-09-28',
    minClauses: 20,
  },
  'fixtures/pos-17-pkulaw-lar-CLI.12.7186154-haikou-shuiwuju-gonggao.txt': {
    isNotice: true,
    site: 'pkulaw',
    title: '海口市水务局关于2020年2月1日—2020年2月29日生产建设项目水土保持方案审批决定的公告',
    docType: '公告',
    docNumber: null,
    issuers: ['海口市水务局'],
    citationCode: 'CLI.12.7186154',
    contains: ['可以自公告期限届满之日起六十日内向海口市水务局提起行政复议'],
    minClauses: 1,
  },
  'fixtures/pos-18-pkulaw-api-chl-124290-caizhengbu-gonggao-2009-123.json': {
    isNotice: true,
    site: 'pkulaw',
    docType: '公告',
    docNumber: '财政部公告2009年第123号',
    issuers: ['财政部'],
    publishedDate: '2009-12-02',
    validity: '现行有效',
    level: '部门规章',
    contains: ['根据国家国债发行的有关规定'],
    lacks: ['chl_124290'],
    minClauses: 1,
  },
  'fixtures/pos-19-sxmu-jijian-jianchafa.html': {
    isNotice: true,
    site: 'generic',
    title: '中华人民共和国监察法',
    docType: '法',
    contains: ['第六十九条 本法自公布之日起施行。'],
    minClauses: 40,
  },
  'fixtures/edge-01-flk-npc-detail2-shell-zengzhishuifa.html': { isNotice: false, site: 'npc' },
  'fixtures/neg-01-sina-news-society.html': { isNotice: false, site: 'generic' },
  'fixtures/neg-02-qq-news.html': { isNotice: false, site: 'generic' },
  'fixtures/neg-03-163-sports-news.html': { isNotice: false, site: 'generic' },
  'fixtures/neg-04-people-culture-article.html': { isNotice: false, site: 'generic' },
  'fixtures/neg-05-baijiahao-product-trousers.html': { isNotice: false, site: 'generic' },
  'fixtures/neg-06-csdn-tech-news.html': { isNotice: false, site: 'generic' },
  'fixtures/neg-07-netease-game-forum-list.html': { isNotice: false, site: 'generic' },
  'fixtures/neg-08-163-news-about-covid-policy.html': { isNotice: false, site: 'generic' },
  'fixtures/neg-10-shanxi-gov-portal-news.html': { isNotice: false, site: 'generic' },
  'fixtures/neg-17-flk-npc-homepage.html': { isNotice: false, site: 'npc' },
  'seeds/000_539b2a5a56109cc5.txt': {
    isNotice: true,
    site: 'pkulaw',
    docType: '通知',
    docNumber: '银保监党办发〔2020〕3号',
    issuers: ['中国银保监会党委办公室'],
    signedDate: '2020-01-29',
    citationCode: 'CLI.16.338947',
    contains: ['各银保监局党委，机关党委，各会管单位党委：'],
    minClauses: 15,
  },
  'seeds/001_7a46141c47266846.txt': {
    isNotice: true,
    site: 'text',
    docType: '通知',
    docNumber: null,
    issuers: ['中共宁波市委'],
    signedDate: '2020-01-30',
    contains: ['坚决打赢疫情防控阻击战'],
    lacks: ['纠错:171964650@qq.com'],
    minClauses: 10,
  },
  'seeds/002_2386fa277481c7d6.txt': {
    isNotice: true,
    site: 'text',
    title: '中共北京市委关于加强党的领导、为打赢疫情防控阻击战提供坚强政治保证的通知',
    docType: '通知',
    issuers: ['中共北京市委'],
    signedDate: '2020-01-29',
    minClauses: 15,
  },
  'seeds/003_c9608edf68f48eb1.txt': { isNotice: true, site: 'text', docType: '通知', minClauses: 15 },
  // A report about a notice (通知指出 / 通知要求 / 集团领导强调): news, not the notice itself.
  'seeds/004_b2e78ef3420a5e86.txt': { isNotice: false, site: 'text' },
};

const META_FIELDS = [
  'title',
  'docType',
  'docNumber',
  'issuers',
  'signedDate',
  'publishedDate',
  'effectiveDate',
  'citationCode',
  'validity',
  'level',
] as const;

describe('the engine on every real page and seed', () => {
  it('covers every fixture and seed file', () => {
    const files = [
      ...readdirSync(resolve(SHARED, 'fixtures'))
        .filter((f) => f !== 'INDEX.md')
        .map((f) => `fixtures/${f}`),
      ...readdirSync(resolve(SHARED, 'seeds')).map((f) => `seeds/${f}`),
    ];
    expect(files.filter((f) => !(f in CASES))).toEqual([]);
  });

  for (const [file, want] of Object.entries(CASES)) {
    it(`${file.split('/')[1].slice(0, 48)}: ${want.isNotice ? 'a notice' : 'not a notice'}`, () => {
      const record = analyseFileContent(file, readFileSync(resolve(SHARED, file), 'utf8'), null) as any;
      expect(record.error).toBeUndefined();
      expect(record.isNotice).toBe(want.isNotice);
      expect(record.site).toBe(want.site);
      for (const field of META_FIELDS)
        if (want[field] !== undefined) expect(record.metadata[field], field).toEqual(want[field]);
      for (const s of want.contains ?? []) expect(record.text).toContain(s);
      for (const s of want.lacks ?? []) expect(record.text).not.toContain(s);
      if (want.isNotice) expect(record.obligations.length).toBeGreaterThanOrEqual(want.minClauses ?? 1);
      else expect(record.obligations).toEqual([]);
      // The output contract: every clause's offsets slice to its text; outline starts point at their labels.
      for (const c of record.obligations) expect(record.text.slice(c.start, c.end)).toBe(c.text);
      for (const o of record.outline) expect(record.text.startsWith(o.label, o.start)).toBe(true);
      expect(record.confidence).toBeGreaterThanOrEqual(0);
      expect(record.confidence).toBeLessThanOrEqual(1);
    });
  }
});

describe('the analyser on bad input', () => {
  it('reports unparseable JSON and a JSON that is not a pkulaw record as errors, not exceptions', () => {
    expect(analyseFileContent('x.json', '{"data": ', null)).toMatchObject({
      file: 'x.json',
      error: expect.stringContaining('JSON'),
    });
    expect(analyseFileContent('y.json', '[1,2,3]', null)).toMatchObject({ file: 'y.json', error: expect.any(String) });
  });

  it('answers for an empty page, an empty text and a page of scripts only', () => {
    for (const [name, content] of [
      ['a.html', ''],
      ['b.txt', ''],
      ['c.html', '<script>'.repeat(1000)],
    ]) {
      const r = analyseFileContent(name, content, null) as any;
      expect(r.isNotice).toBe(false);
      expect(r.obligations).toEqual([]);
    }
  });

  it('uses --url to recognise a known source', () => {
    const text = readFileSync(
      resolve(SHARED, 'fixtures/pos-17-pkulaw-lar-CLI.12.7186154-haikou-shuiwuju-gonggao.txt'),
      'utf8',
    );
    const r = analyseFileContent(
      'p.txt',
      text,
      'https://www.pkulaw.com/lar/3d49cd077b5cb3401d1f098a8b7fd628bdfb.html',
    ) as any;
    expect(r.metadata.url).toContain('pkulaw.com/lar/');
  });
});
