/**
 * Obligation highlights in real Chromium: painted through CSS.highlights under the contract names, over
 * the clauses the engine finds (checked against the engine run in Node on the same page), and nothing on
 * pages that are not notices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { analyseDocument } from '../../lib/analyse';
import { fixture, launch, readHighlights, ROOT, seedPage, waitForReport, type Session } from './harness';

const CONTRACT = ['obligation', 'prohibition', 'permission', 'encouragement', 'accountability'].map(
  (c) => `notice-lens-${c}`,
);
const squash = (s: string) => s.replace(/\s+/g, '');

function expectedClauses(html: string, url: string): Map<string, string[]> {
  const { document } = parseHTML(html);
  const { analysis } = analyseDocument(document, url);
  const byName = new Map<string, string[]>();
  for (const c of analysis.obligations) {
    const name = `notice-lens-${c.category}`;
    byName.set(name, [...(byName.get(name) ?? []), squash(c.text)]);
  }
  return byName;
}

describe('obligation highlights on notice pages', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
  });

  const positives: Array<[string, string, () => string]> = [
    [
      'the bundled demo notice',
      'https://www.gov.cn/zhengce/content/2020-01/30/content_demo.htm',
      () => readFileSync(join(ROOT, 'demo/notice.html'), 'utf8'),
    ],
    [
      'gov.cn 国务院文件 (old template)',
      'https://www.gov.cn/zhengce/content/2019-02/15/content_5365945.htm',
      () => fixture('pos-01-govcn-zhengce-2019-guofa5-yijian.html'),
    ],
    [
      'gov.cn policy library (body printed twice)',
      'https://www.gov.cn/zhengce/zhengceku/202609/content_7082302.htm',
      () => fixture('pos-13-govcn-zhengceku-2026-pbc-8bumen-jinrong-fuwuye-yijian.html'),
    ],
    [
      'gov.cn 公报 with a 办法',
      'https://www.gov.cn/gongbao/content/2014/content_2717369.htm',
      () => fixture('pos-11-govcn-gongbao-2014-zhijianzongju-ling156-banfa.html'),
    ],
    ['seed 000 as a county page', 'http://www.xx.gov.cn/xxgk/000.html', () => seedPage('000_539b2a5a56109cc5.txt')],
    [
      'seed 001 (stray spaces inside words)',
      'http://www.nb.gov.cn/xxgk/001.html',
      () => seedPage('001_7a46141c47266846.txt'),
    ],
    [
      'seed 002 (a whole notice on one line)',
      'http://www.bj.gov.cn/xxgk/002.html',
      () => seedPage('002_2386fa277481c7d6.txt'),
    ],
    ['seed 003', 'http://www.hx.gov.cn/xxgk/003.html', () => seedPage('003_c9608edf68f48eb1.txt')],
  ];

  for (const [name, url, html] of positives) {
    it(`paints the clauses of ${name} over the right text`, async () => {
      const body = html();
      s.serve(url, body);
      const page = await s.open(url);
      await page.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 20000 });
      // The clauses of the first screen are painted ahead; the report comes once every clause is painted.
      await waitForReport(s.worker, url);
      const painted = await readHighlights(page);
      const expected = expectedClauses(body, url);
      expect(expected.size).toBeGreaterThan(0);
      for (const key of Object.keys(painted)) expect([...CONTRACT, 'notice-lens-soft']).toContain(key);
      for (const [hname, texts] of expected) {
        expect(painted[hname], hname).toBeDefined();
        expect(painted[hname].map(squash).sort()).toEqual([...texts].sort());
      }
      const report = await waitForReport(s.worker, url);
      expect(report.isNotice).toBe(true);
      const total = [...expected.values()].reduce((n, t) => n + t.length, 0);
      expect(report.clauseCount).toBe(total);
      // The toolbar badge says a notice is here and how many clauses it has.
      await expect.poll(async () => (await waitForReport(s.worker, url)).badge).toBe(String(total));
      // The page's own DOM is untouched: no wrapper elements around the text.
      expect(await page.evaluate(() => document.querySelectorAll('notice-lens-mark, mark').length)).toBe(0);
      await page.close();
    });
  }

  const negatives: Array<[string, string]> = [
    ['neg-08-163-news-about-covid-policy.html', 'http://news.example.gov.cn/a/neg08.html'],
    ['neg-10-shanxi-gov-portal-news.html', 'http://www.shanxi.gov.cn/yw/neg10.html'],
    ['neg-01-sina-news-society.html', 'http://www.example.gov.cn/n/neg01.html'],
    ['neg-07-netease-game-forum-list.html', 'http://bbs.example.gov.cn/list/neg07.html'],
  ];
  for (const [file, url] of negatives) {
    it(`leaves ${file} alone`, async () => {
      s.serve(url, fixture(file));
      const page = await s.open(url);
      const report = await waitForReport(s.worker, url);
      expect(report.isNotice).toBe(false);
      expect(report.badge).toBe('');
      expect(await readHighlights(page)).toEqual({});
      expect(await page.evaluate(() => document.querySelector('notice-lens-ui'))).toBeNull();
      await page.close();
    });
  }

  it('leaves seed 004, a news report about a notice, alone', async () => {
    const url = 'http://www.jt.gov.cn/news/004.html';
    s.serve(url, seedPage('004_b2e78ef3420a5e86.txt'));
    const page = await s.open(url);
    expect((await waitForReport(s.worker, url)).isNotice).toBe(false);
    expect(await readHighlights(page)).toEqual({});
    await page.close();
  });

  it('waits for a body filled in by script, then paints it', async () => {
    const url = 'https://www.gov.cn/zhengce/content/2020-01/30/content_late.htm';
    const demo = readFileSync(join(ROOT, 'demo/notice.html'), 'utf8');
    const body = demo.slice(demo.indexOf('<div id="UCAP-CONTENT">'), demo.indexOf('</body>'));
    const shell = `<!doctype html><html><head><meta charset="utf-8"><title>加载中</title></head><body><div id="app">加载中…</div>
      <script>setTimeout(() => { document.getElementById('app').innerHTML = ${JSON.stringify(body)}; }, 1500);</script></body></html>`;
    s.serve(url, shell);
    const page = await s.open(url);
    await page.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    const painted = await readHighlights(page);
    expect(painted['notice-lens-obligation'].length).toBeGreaterThan(5);
    await page.close();
  });
  it('follows a single-page site to its next notice: the new address is analysed and painted', async () => {
    const first = 'https://www.gov.cn/zhengce/content/2020-01/30/content_spa.htm';
    const next = 'https://www.gov.cn/zhengce/content/2020-01/30/content_spa_next.htm';
    s.serve(first, seedPage('004_b2e78ef3420a5e86.txt'));
    const page = await s.open(first);
    expect((await waitForReport(s.worker, first)).isNotice).toBe(false);
    // The site swaps in another notice and pushes its address, as single-page sites do.
    const notice = seedPage('000_539b2a5a56109cc5.txt');
    const body = notice.slice(notice.indexOf('<body>') + 6, notice.indexOf('</body>'));
    await page.evaluate(
      ([html, url]) => {
        document.body.innerHTML = html;
        history.pushState({}, '', url);
      },
      [body, next] as const,
    );
    const report = await waitForReport(s.worker, next);
    expect(report.isNotice).toBe(true);
    await page.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    await page.close();
  });
});
