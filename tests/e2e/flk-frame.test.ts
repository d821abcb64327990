/**
 * The national law database in real Chromium: the detail page on flk.npc.gov.cn is a shell, the law's text
 * a frame from wb.flk.npc.gov.cn. The content script runs in that frame, paints the clauses there, shows
 * the panel there, saves through the background with the frame's address and the shell's as the source,
 * and leaves the shell alone; a frame whose text arrives by script is analysed when it arrives; the
 * analyst's commands to the tab reach the frame. A page of the newer portal that prints the law by script
 * in its own page is analysed when the text arrives.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { parseHTML } from 'linkedom';
import { analyseDocument } from '../../lib/analyse';
import { corpusLaw, lawParagraphs, lawTextPage } from '../extract/law-text-page';
import {
  fixture,
  launch,
  PanelDriver,
  readDatabase,
  storedAnnotations,
  tabReport,
  waitForReport,
  type ExtensionGlobal,
  type Session,
} from './harness';

const LAW = corpusLaw();
const TITLE = '中华人民共和国密码法';
const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * The detail shell of tests/fixtures as the portal's script leaves it: name and header filled, the frame
 * pointed at the law-text host. Its stylesheet is not served here; the frame gets the height the site's
 * gives it.
 */
function filledShell(frameUrl: string): string {
  const values: Record<string, string> = {
    xlwj: '法律',
    zdjg: '全国人民代表大会常务委员会',
    sxx: '有效',
    sxrq: '2020-01-01',
    gbrq: '2019-10-26',
  };
  let html = fixture('edge-01-flk-npc-detail2-shell-zengzhishuifa.html')
    .replace('<div class="title" id="flName"></div>', `<div class="title" id="flName">${TITLE}</div>`)
    .replace('<iframe id="viewDoc" name="viewDoc" src=""', `<iframe id="viewDoc" name="viewDoc" src="${frameUrl}"`)
    .replace('</head>', '<style>.qx-tab { width: 100%; } #viewDoc { height: 820px; border: 0; }</style></head>');
  for (const [id, value] of Object.entries(values))
    html = html.replace(`<span id="${id}"></span>`, `<span id="${id}">${value}</span>`);
  expect(html).toContain(`src="${frameUrl}"`);
  return html;
}

/** Our highlights in one document: name → texts of its ranges. */
function highlightsIn(target: Page | Frame): Promise<Record<string, string[]>> {
  return target.evaluate(() => {
    const out: Record<string, string[]> = {};
    CSS.highlights.forEach((h, name) => {
      if (name.startsWith('notice-lens-')) out[name] = [...h].map((r) => (r as Range).toString());
    });
    return out;
  });
}

async function frameAt(page: Page, url: string): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url() === url), { timeout: 10000 }).toBe(true);
  return page.frames().find((f) => f.url() === url)!;
}

/** The clauses the engine finds in the law-text page (run in Node), by highlight name. */
function expectedClauses(html: string, url: string): Map<string, string[]> {
  const { document } = parseHTML(html);
  const byName = new Map<string, string[]>();
  for (const c of analyseDocument(document, url).analysis.obligations) {
    const name = `notice-lens-${c.category}`;
    byName.set(name, [...(byName.get(name) ?? []), squash(c.text)]);
  }
  return byName;
}

describe('the national law database: the law in a frame from another origin', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
  });
  // Each test finds its tab by the page's address: none may be left open by one that failed.
  afterEach(async () => {
    for (const p of s.context.pages()) await p.close();
  });

  const TOP = 'https://flk.npc.gov.cn/detail2.html?ZmY4MDgxODE2ZjNjYmIzYzAxNmY0MTM4ZDQ4YjAzNTk%3D';
  const FRAME = 'https://wb.flk.npc.gov.cn/flfg/html/5a1b7c0e2d9f4e3a8b6c1d0e9f8a7b6c5d4e3f2a.html';

  it('paints the clauses inside the frame, shows the count there, and leaves the shell alone', async () => {
    const frameHtml = lawTextPage(LAW);
    s.serve(TOP, filledShell(FRAME));
    s.serve(FRAME, frameHtml);
    const page = await s.open(TOP);
    const frame = await frameAt(page, FRAME);
    await frame.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });

    const expected = expectedClauses(frameHtml, FRAME);
    const total = [...expected.values()].reduce((n, t) => n + t.length, 0);
    expect(total).toBeGreaterThan(20);
    // The first screen is painted ahead of the full analysis: compare once the frame's report is in and
    // the full set of highlights is painted.
    const report = await waitForReport(s.worker, FRAME);
    const byName = async () => {
      const painted = await highlightsIn(frame);
      return [...expected.keys()].map((name) => [name, (painted[name] ?? []).map(squash).sort()]);
    };
    await expect
      .poll(byName, { timeout: 20000 })
      .toEqual([...expected].map(([name, texts]) => [name, [...texts].sort()]));

    // The badge and the tab's report: the frame's notice and its clause count.
    expect(report.isNotice).toBe(true);
    expect(report.clauseCount).toBe(total);
    await expect.poll(async () => (await tabReport(s.worker, FRAME))?.badge).toBe(String(total));

    // The panel's launcher in the frame shows the count.
    const panel = await PanelDriver.attach(page, { inFrames: true });
    await panel.waitFor('[data-action="open"]');
    expect(await panel.text('[data-action="open"] .n')).toBe(String(total));
    expect(await frame.evaluate(() => document.querySelectorAll('notice-lens-ui').length)).toBe(1);

    // The shell: no highlights, no panel, no report of its own; its DOM untouched.
    expect(await highlightsIn(page)).toEqual({});
    expect(await page.evaluate(() => document.querySelector('notice-lens-ui'))).toBeNull();
    expect(await tabReport(s.worker, TOP)).toBeNull();
    await page.close();
  });

  it('saves the law from the frame: the library lists it, with the frame and the page it was read in', async () => {
    const page = await s.open(TOP);
    const frame = await frameAt(page, FRAME);
    await frame.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    // The panel is drawn in the frame's corner: bring the whole frame into view.
    await page.evaluate(() => document.querySelector('iframe#viewDoc')!.scrollIntoView({ block: 'end' }));
    const panel = await PanelDriver.attach(page, { inFrames: true });
    await panel.click('[data-action="open"]');
    await panel.click('[data-action="save-notice"]');
    await expect.poll(() => panel.text('[data-action="save-notice"]'), { timeout: 10000 }).toContain('已收藏');

    let notices: Array<Record<string, unknown>> = [];
    await expect
      .poll(
        async () => {
          notices = (await readDatabase(s.worker)).notices ?? [];
          return notices.filter((n) => n.saved === 1).length;
        },
        { timeout: 10000 },
      )
      .toBe(1);
    const [notice] = notices;
    expect(notice.urls).toEqual([FRAME]);
    const metadata = notice.metadata as { title: string; url: string; effectiveDate: string };
    expect(metadata.title).toBe(TITLE);
    expect(metadata.url).toBe(TOP);
    expect(metadata.effectiveDate).toBe('2020-01-01');

    const lib = await s.context.newPage();
    await lib.goto(`chrome-extension://${s.extensionId}/library.html`);
    await lib.waitForSelector('.library');
    await expect
      .poll(async () => (await lib.locator('li.notice .t').allTextContents()).map((t) => t.replace(/^★\s*/, '')), {
        timeout: 10000,
      })
      .toEqual([TITLE]);
    await lib.locator('li.notice .t').first().click();
    // The notice's link is the law's page the analyst read it on.
    await expect.poll(async () => lib.locator('.detail a.src').getAttribute('href'), { timeout: 10000 }).toBe(TOP);
    await lib.close();
    await page.close();
  });

  it("the analyst's commands to the tab reach the frame; the shell answers none of them", async () => {
    const page = await s.open(TOP);
    const frame = await frameAt(page, FRAME);
    await frame.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    await expect.poll(async () => (await tabReport(s.worker, FRAME))?.timings?.runs).toBe(1);
    const panel = await PanelDriver.attach(page, { inFrames: true });
    await panel.waitFor('[data-action="open"]');
    expect(await panel.exists('[data-action="save-notice"]')).toBe(false);
    const lib = await s.context.newPage();
    await lib.goto(`chrome-extension://${s.extensionId}/library.html`);
    // Told to every frame of the tab, as the popup asks for the page's notice and as the background sends a
    // command before a frame of the tab has reported a notice.
    const snapshot = await lib.evaluate(async (top) => {
      const chrome = (globalThis as unknown as ExtensionGlobal).chrome as unknown as {
        tabs: {
          query(q: { url: string }): Promise<Array<{ id: number }>>;
          sendMessage(tabId: number, message: unknown): Promise<unknown>;
        };
      };
      const [tab] = await chrome.tabs.query({ url: top });
      const answer = (await chrome.tabs.sendMessage(tab.id, { type: 'page/snapshot' })) as {
        urls: string[];
        metadata: { url: string; title: string };
      } | null;
      await chrome.tabs.sendMessage(tab.id, { type: 'page/analyse', force: true }).catch(() => undefined);
      await chrome.tabs.sendMessage(tab.id, { type: 'page/toggle-panel' }).catch(() => undefined);
      return answer;
    }, TOP);
    // The frame answered with its notice (the shell, which has none, kept quiet).
    expect(snapshot?.metadata.title).toBe(TITLE);
    expect(snapshot?.urls).toEqual([FRAME]);
    expect(snapshot?.metadata.url).toBe(TOP);
    // The frame analysed again on the analyst's request and opened its panel; the shell stayed as it was.
    await expect.poll(async () => (await tabReport(s.worker, FRAME))?.timings?.runs, { timeout: 10000 }).toBe(2);
    await panel.waitFor('[data-action="save-notice"]');
    expect(await highlightsIn(page)).toEqual({});
    expect(await page.evaluate(() => document.querySelector('notice-lens-ui'))).toBeNull();
    expect(await tabReport(s.worker, TOP)).toBeNull();
    await lib.close();
    await page.close();
  });

  it('highlights a selection in the frame on the shortcut, stored against the law and painted there', async () => {
    const quote = '任何组织或者个人不得窃取他人加密保护的信息';
    const page = await s.open(TOP);
    const frame = await frameAt(page, FRAME);
    await frame.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    const before = (await storedAnnotations(s.worker)).length;
    await frame.evaluate((q) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(q);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + q.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(r);
        return;
      }
      throw new Error('quote not in the frame');
    }, quote);
    const lib = await s.context.newPage();
    await lib.goto(`chrome-extension://${s.extensionId}/library.html`);
    await lib.evaluate(async (top) => {
      const chrome = (globalThis as unknown as ExtensionGlobal).chrome as unknown as {
        tabs: {
          query(q: { url: string }): Promise<Array<{ id: number }>>;
          sendMessage(tabId: number, message: unknown): Promise<unknown>;
        };
      };
      const [tab] = await chrome.tabs.query({ url: top });
      await chrome.tabs.sendMessage(tab.id, { type: 'page/highlight-selection' }).catch(() => undefined);
    }, TOP);
    await expect.poll(async () => (await storedAnnotations(s.worker)).length, { timeout: 10000 }).toBe(before + 1);
    const stored = (await storedAnnotations(s.worker)).find((a) => a.quote === quote);
    expect(stored).toBeDefined();
    await expect.poll(async () => (await highlightsIn(frame))['notice-lens-user-yellow']).toEqual([quote]);
    expect(await highlightsIn(page)).toEqual({});
  });

  it('a frame whose text arrives by script after load is analysed when it arrives', async () => {
    const top = 'https://flk.npc.gov.cn/detail2.html?bGF0ZS10ZXh0LWZyYW1l';
    const late = 'https://wb.flk.npc.gov.cn/flfg/html/late0000000000000000000000000000000000000.html';
    const paragraphs = JSON.stringify(lawParagraphs(LAW));
    const script = `setTimeout(() => { document.querySelector('.law-content').innerHTML = ${paragraphs}; }, 2500);`;
    s.serve(top, filledShell(late));
    s.serve(late, lawTextPage(LAW, { body: '', script }));
    const page = await s.open(top);
    const frame = await frameAt(page, late);
    // Nothing to paint before the text is there.
    expect(await highlightsIn(frame)).toEqual({});
    await frame.waitForFunction(() => document.querySelectorAll('.law-content p').length > 0, null, {
      timeout: 10000,
    });
    await frame.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    const painted = await highlightsIn(frame);
    expect(
      (painted['notice-lens-prohibition'] ?? []).some((t) => squash(t).includes('不得窃取他人加密保护的信息')),
    ).toBe(true);
    const report = await waitForReport(s.worker, late);
    expect(report.isNotice).toBe(true);
    expect(await highlightsIn(page)).toEqual({});
    await page.close();
  });

  it('a page of the newer portal that prints the law in its own page by script is analysed when the text arrives', async () => {
    const url = 'https://flk.npc.gov.cn/detail?id=ff8081816f3cbb3c016f4138d48b0359';
    const detail = JSON.stringify(`<div class="detail"><h1>${TITLE}</h1>${lawParagraphs(LAW)}</div>`);
    s.serve(
      url,
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>国家法律法规数据库</title></head><body><div id="app">加载中…</div>
      <script>setTimeout(() => { document.getElementById('app').innerHTML = ${detail}; }, 2000);</script></body></html>`,
    );
    const page = await s.open(url);
    expect(await highlightsIn(page)).toEqual({});
    await page.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    // The page said 'no notice' while it was empty; the notice's report replaces that.
    await expect.poll(async () => (await tabReport(s.worker, url))?.isNotice, { timeout: 10000 }).toBe(true);
    expect((await tabReport(s.worker, url))?.clauseCount).toBeGreaterThan(20);
  });
});
