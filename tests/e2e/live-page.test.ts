/**
 * Pages that never stop changing, on notice-site URLs: a live ticker rewriting its text every 50 ms inside
 * the notice's container, an infinite scroll appending notice-like paragraphs, and a page re-rendering the
 * whole notice every 50 ms. For ~10 s each, the content script must neither loop nor eat the CPU:
 * - analyses: counted by the content script and read from the background's tab report (never from the
 *   page, which the site could read); bounded by the re-run budget (1 + 4 per minute), and 1 where the
 *   painted text never changes;
 * - the page's script time (CDP Performance.getMetrics, which counts the content script too) compared with
 *   the same page where the extension does not run, and the extension process's CPU time (/proc).
 * The bounds are liveness guards, generous on purpose: a loop would use the whole 10 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { currentWorker, extensionCpuSeconds, launch, seed, tabReport, type Session } from './harness';

const WINDOW_MS = 10_000;
const text = seed('003_c9608edf68f48eb1.txt').replace(/\r/g, '');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const paragraphs = text
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => `<p>${esc(l)}</p>`)
  .join('\n');

const SCRIPTS = {
  ticker: `const t = document.getElementById('ticker'); let n = 0;
    setInterval(() => { t.textContent = '实时行情：上证指数 ' + (3000 + (n++ % 500)) + ' 点，成交 ' + n + ' 亿元'; }, 50);`,
  scroll: `const z = document.getElementById('zoom'); let n = 0;
    setInterval(() => {
      const p = document.createElement('p');
      p.textContent = '（' + (++n) + '）各单位要于' + ((n % 12) + 1) + '月底前完成第' + n + '批隐患排查整治，不得瞒报、谎报，严禁违规作业。';
      z.appendChild(p);
      window.scrollTo(0, document.body.scrollHeight);
    }, 50);`,
  rerender: `const z = document.getElementById('zoom'); const html = z.innerHTML; let n = 0;
    setInterval(() => { z.innerHTML = html.replace('实时行情', '实时行情 ' + (++n)); }, 50);`,
} as const;

function livePage(kind: keyof typeof SCRIPTS): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(text.trim().split('\n')[0])}</title></head><body>
<div id="zoom"><div id="ticker">实时行情</div>${paragraphs}</div><script>${SCRIPTS[kind]}</script></body></html>`;
}

interface Measure {
  wall: number;
  script: number;
  task: number;
  extensionCpu: number;
}

/** Watch a page for WINDOW_MS: its main thread's script and task time, the extension process's CPU time. */
async function measure(s: Session, page: Page): Promise<Measure> {
  const cdp = await s.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const m0 = await metrics();
  const c0 = extensionCpuSeconds(s);
  const t0 = Date.now();
  // The window is what is measured: nothing to wait for but time.
  await page.waitForTimeout(WINDOW_MS);
  const m1 = await metrics();
  const out = {
    wall: (Date.now() - t0) / 1000,
    script: m1.ScriptDuration - m0.ScriptDuration,
    task: m1.TaskDuration - m0.TaskDuration,
    extensionCpu: extensionCpuSeconds(s) - c0,
  };
  await cdp.detach();
  return out;
}

describe('pages that change all the time', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
  });

  const cases: Array<{ kind: keyof typeof SCRIPTS; runs: (n: number) => void }> = [
    // The ticker is not under any highlight: nothing to analyse again.
    { kind: 'ticker', runs: (n) => expect(n).toBe(1) },
    // Paragraphs appended below change nothing painted.
    { kind: 'scroll', runs: (n) => expect(n).toBe(1) },
    // Every painted range is replaced 20 times a second: the budget (1 + 4 a minute) is all it gets.
    { kind: 'rerender', runs: (n) => expect(n).toBeLessThanOrEqual(5) },
  ];

  for (const { kind, runs } of cases) {
    it(`${kind}: analyses stay within the budget and the extension uses a small share of the time`, async () => {
      const url = `https://www.gov.cn/zhengce/content/2024-05/01/content_live_${kind}.htm`;
      const baselineUrl = `https://www.example.com/live/${kind}.htm`; // no content script there
      s.serve(url, livePage(kind));
      s.serve(baselineUrl, livePage(kind));

      const page = await s.open(url);
      await expect
        .poll(async () => (await tabReport(await currentWorker(s), url))?.timings?.runs, { timeout: 20000 })
        .toBeGreaterThanOrEqual(1);
      const withExtension = await measure(s, page);
      const report = await tabReport(await currentWorker(s), url);
      await page.close();

      const baselinePage = await s.open(baselineUrl);
      const baseline = await measure(s, baselinePage);
      await baselinePage.close();
      console.log(
        `${kind}: analyses ${report?.timings?.runs}; with the extension ${JSON.stringify(withExtension)}; without ${JSON.stringify(baseline)}`,
      );

      runs(report!.timings!.runs);
      expect(report!.isNotice).toBe(true);
      // What the extension adds to the page's main thread, and its own process: a fraction of the window.
      expect(withExtension.script - baseline.script).toBeLessThan(0.25 * withExtension.wall);
      expect(withExtension.extensionCpu).toBeLessThan(0.25 * withExtension.wall);
      // The page is still being painted (the highlights did not stop it).
      expect(withExtension.task).toBeLessThan(0.9 * withExtension.wall);
    }, 120_000);
  }
});
