import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { analyseDocument } from '../../lib/analyse';
import { extractPage } from '../../lib/extract';
import { isLawTextHost, lawTextFrame } from '../../lib/extract/npc';
import { bodyText, loadFixture, parse, readFixture } from './helpers';
import { corpusLaw, lawParagraphs, lawTextPage } from './law-text-page';

const FRAME_URL = 'https://wb.flk.npc.gov.cn/flfg/html/f67cb9b4c170ef6e4fb39168f35a21916d6bcdd3.html';
const SHELL_URL = 'https://flk.npc.gov.cn/detail2.html?ZmY4MDgxODE4YmE2ZTk4ZjAxOGJhN2I3YzQ5NzAwNzA%3D';
const SHELL = 'edge-01-flk-npc-detail2-shell-zengzhishuifa.html';
const law = corpusLaw();

describe('the law-text page the detail shell shows in its frame', () => {
  it('reads the text of div.law-content, titled by <title>', () => {
    const page = extractPage(parse(lawTextPage(law)), FRAME_URL);
    expect(page.site).toBe('npc');
    expect(page.title).toBe('中华人民共和国密码法');
    expect(page.labelled['标题']).toBe('中华人民共和国密码法');
    expect(page.pageSignals).toEqual({ listPage: false, pending: false });
    const text = bodyText(page);
    expect(text).toContain('第一条 为了规范密码应用和管理');
    expect(text).toContain('第四十四条 本法自2020年1月1日起施行。');
  });

  it('takes the first line for a title when <title> is empty, and not a sentence', () => {
    expect(extractPage(parse(lawTextPage(law, { title: '' })), FRAME_URL).title).toBe('中华人民共和国密码法');
    const untitled = law.split('\n').slice(2).join('\n');
    expect(extractPage(parse(lawTextPage(untitled, { title: '' })), FRAME_URL).title).toBeNull();
  });

  it('an empty container (text still to come by script) is pending, with no body claimed', () => {
    const page = extractPage(parse(lawTextPage(law, { body: '' })), FRAME_URL);
    expect(page.roots).toEqual([]);
    expect(page.pageSignals.pending).toBe(true);
  });

  it('is analysed as a notice: the law, its 制定机关, dates and clauses', () => {
    const { document } = parseHTML(lawTextPage(law));
    const { analysis } = analyseDocument(document, FRAME_URL);
    expect(analysis.isNotice).toBe(true);
    expect(analysis.metadata.title).toBe('中华人民共和国密码法');
    expect(analysis.metadata.effectiveDate).toBe('2020-01-01');
    expect(analysis.obligations.length).toBeGreaterThan(20);
    expect(analysis.obligations.some((c) => c.text.includes('不得窃取他人加密保护的信息'))).toBe(true);
  });

  it('the portal home page stays a non-document', () => {
    const page = extractPage(parse(readFixture('neg-17-flk-npc-homepage.html')), 'https://flk.npc.gov.cn/');
    expect(page.roots).toEqual([]);
    expect(page.pageSignals.pending).toBe(false);
  });
});

describe('the detail shell that shows the text in a frame from the law-text host', () => {
  it('knows the law-text host', () => {
    expect(isLawTextHost(FRAME_URL)).toBe(true);
    expect(isLawTextHost('https://flk.npc.gov.cn/detail2.html?x')).toBe(false);
    expect(isLawTextHost('https://wb.flk.npc.gov.cn.example.com/flfg/html/a.html')).toBe(false);
  });

  it('before its script sets the frame: no frame to hand over to', () => {
    expect(lawTextFrame(loadFixture(SHELL), SHELL_URL)).toBeNull();
  });

  it('once the frame shows the law-text host: that frame, absolute or protocol-relative', () => {
    for (const src of [FRAME_URL, '//wb.flk.npc.gov.cn/flfg/html/a.html']) {
      const doc = loadFixture(SHELL);
      const frame = doc.querySelector('iframe#viewDoc')!;
      frame.setAttribute('src', src);
      expect(lawTextFrame(doc, SHELL_URL)).toBe(frame);
    }
  });

  it('a frame on the portal itself, or a page that is no shell, hands nothing over', () => {
    const doc = loadFixture(SHELL);
    doc.querySelector('iframe#viewDoc')!.setAttribute('src', './html/local.html');
    expect(lawTextFrame(doc, SHELL_URL)).toBeNull();
    const other = parse(`<html><body><iframe src="${FRAME_URL}"></iframe><p>新闻</p></body></html>`);
    expect(lawTextFrame(other, 'https://www.example.gov.cn/news/1.html')).toBeNull();
  });
});

describe('a page of the newer portal that prints the law in its own page, by script', () => {
  const url = 'https://flk.npc.gov.cn/detail?id=ff8081816f3cbb3c016f4138d48b0359';
  const app = (inner: string) =>
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>国家法律法规数据库</title></head><body><div id="app"><div class="nav"><a href="/">首页</a><a href="/search">检索</a></div>${inner}</div></body></html>`;

  it('before its script ran: no document', () => {
    const { document } = parseHTML(app(''));
    const { analysis } = analyseDocument(document, url);
    expect(analysis.site).toBe('npc');
    expect(analysis.isNotice).toBe(false);
  });

  it('once the text is in the page: read and analysed as the law', () => {
    const { document } = parseHTML(
      app(`<div class="detail"><h1>${law.split('\n')[0]}</h1>${lawParagraphs(law)}</div>`),
    );
    const { analysis } = analyseDocument(document, url);
    expect(analysis.site).toBe('npc');
    expect(analysis.isNotice).toBe(true);
    expect(analysis.metadata.title).toBe('中华人民共和国密码法');
    expect(analysis.text).toContain('第一条 为了规范密码应用和管理');
    expect(analysis.text).not.toContain('检索');
  });

  it("the portal's own entry pages stay non-documents even when they print a law's articles", () => {
    for (const entry of [
      'https://flk.npc.gov.cn/',
      'https://flk.npc.gov.cn/index.html',
      'https://flk.npc.gov.cn/fl.html',
    ]) {
      const page = extractPage(parse(app(`<div>${lawParagraphs(law)}</div>`)), entry);
      expect(page.roots, entry).toEqual([]);
    }
  });
});
