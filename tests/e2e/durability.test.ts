/**
 * No annotation is lost: when the service worker is stopped in the middle of saving, when two tabs save
 * at once, and when the browser restarts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  currentWorker,
  launch,
  PanelDriver,
  readHighlights,
  ROOT,
  selectText,
  stopServiceWorkers,
  storedAnnotations,
  type ExtensionGlobal,
  type Session,
} from './harness';

const DEMO = readFileSync(join(ROOT, 'demo/notice.html'), 'utf8');
const URL_D = 'https://www.gov.cn/zhengce/content/2020-01/30/content_durable.htm';

describe('durability of annotations', () => {
  const profile = mkdtempSync(join(tmpdir(), 'notice-lens-durable-'));
  let s: Session;
  beforeAll(async () => {
    s = await launch({ userDataDir: profile });
    s.serve(URL_D, DEMO);
  });
  afterAll(async () => {
    await s?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('keeps a save made while the service worker is being stopped', async () => {
    const page = await s.open(URL_D);
    await page.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    const panel = await PanelDriver.attach(page);
    await selectText(page, '不信谣不传谣');
    await Promise.all([panel.click('[data-colour="pink"]'), stopServiceWorkers(s)]);
    await stopServiceWorkers(s);
    await expect
      .poll(async () => (await storedAnnotations(await currentWorker(s))).map((a) => a.quote), { timeout: 20000 })
      .toContain('不信谣不传谣');
    await page.close();
  });

  it('keeps both when two tabs save at once', async () => {
    const [a, b] = await Promise.all([s.open(URL_D), s.open(URL_D)]);
    for (const p of [a, b])
      await p.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    const [pa, pb] = await Promise.all([PanelDriver.attach(a), PanelDriver.attach(b)]);
    await selectText(a, '带头少外出少走动');
    await selectText(b, '如实提供有关情况');
    await Promise.all([pa.click('[data-colour="blue"]'), pb.click('[data-colour="purple"]')]);
    const worker = await currentWorker(s);
    await expect
      .poll(async () => (await storedAnnotations(worker)).map((x) => x.quote).sort(), { timeout: 20000 })
      .toEqual(expect.arrayContaining(['如实提供有关情况', '带头少外出少走动']));
    await a.close();
    await b.close();
  });

  it('keeps every save when the service worker is stopped with several in flight from three tabs', async () => {
    const tabs = await Promise.all([s.open(URL_D), s.open(URL_D), s.open(URL_D)]);
    for (const p of tabs)
      await p.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    const panels = await Promise.all(tabs.map((p) => PanelDriver.attach(p)));
    for (const panel of panels) await panel.recordStatus();
    // Blue and purple are left to the restart test below.
    const save = async (i: number, quote: string, colour: 'yellow' | 'green' | 'pink') => {
      // A background tab's timers are throttled: work in the tab the analyst is looking at.
      await tabs[i].bringToFront();
      await selectText(tabs[i], quote);
      await panels[i].click(`[data-colour="${colour}"]`);
    };

    // The worker is kept busy (as by a long task) so that every tab's write reaches it and waits for an answer…
    const worker = await currentWorker(s);
    const busy = worker
      .evaluate(() => {
        const end = Date.now() + 60_000;
        while (Date.now() < end);
      })
      .catch(() => 'stopped');
    await save(0, '加强分析研判', 'green');
    await save(1, '坚守岗位', 'yellow');
    await save(2, '早发现、早报告', 'pink');
    await save(0, '及时灵敏反应', 'yellow');
    for (const panel of panels) await expect.poll(() => panel.statusLog()).toContain('正在保存…');
    // …and is stopped with all of them in flight.
    await stopServiceWorkers(s);
    expect(await busy).toBe('stopped');

    // More saves while the worker is stopped again and again.
    let storm = true;
    const stopping = (async () => {
      while (storm) {
        await stopServiceWorkers(s).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 150));
      }
    })();
    await save(1, '靠前指挥', 'pink');
    await save(2, '当好干部群众的贴心人', 'green');
    await save(0, '狠抓措施执行', 'green');
    await save(1, '率先垂范', 'yellow');
    await save(2, '发扬不畏艰险', 'pink');
    storm = false;
    await stopping;

    const quotes = [
      '加强分析研判',
      '坚守岗位',
      '早发现、早报告',
      '及时灵敏反应',
      '靠前指挥',
      '当好干部群众的贴心人',
      '狠抓措施执行',
      '率先垂范',
      '发扬不畏艰险',
    ];
    await expect
      .poll(async () => (await storedAnnotations(await currentWorker(s))).map((a) => a.quote), {
        timeout: 60000,
        interval: 500,
      })
      .toEqual(expect.arrayContaining(quotes));
    const stored = await storedAnnotations(await currentWorker(s));
    // Each exactly once, none deleted.
    for (const q of quotes) expect(stored.filter((a) => a.quote === q && a.deletedAt === null)).toHaveLength(1);
    // The analyst was told: the writes were retried after a failure, and the last word is that they are saved.
    for (const panel of panels) {
      const log = await panel.statusLog();
      expect(log.some((t) => t.startsWith('保存失败，正在重试'))).toBe(true);
      await expect
        .poll(async () => (await panel.statusLog()).filter(Boolean).at(-1), { timeout: 60000 })
        .toBe('已保存');
    }
    // Nothing is left queued for replay.
    const pending = await (
      await currentWorker(s)
    ).evaluate(async () =>
      Object.keys(await (globalThis as unknown as ExtensionGlobal).chrome.storage.local.get(null)).filter((k) =>
        k.startsWith('pending:'),
      ),
    );
    expect(pending).toEqual([]);
    for (const p of tabs) await p.close();
  }, 180_000);

  it('still has every annotation after the browser restarts', async () => {
    const worker = await currentWorker(s);
    const before = (await storedAnnotations(worker)).map((x) => x.id).sort();
    expect(before.length).toBeGreaterThanOrEqual(3);
    await s.context.close();
    s = await launch({ userDataDir: profile });
    s.serve(URL_D, DEMO);
    const after = (await storedAnnotations(s.worker)).map((x) => x.id).sort();
    expect(after).toEqual(before);
    const page = await s.open(URL_D);
    await page.waitForFunction(() => CSS.highlights.has('notice-lens-user-blue'), null, { timeout: 20000 });
    const painted = await readHighlights(page);
    expect(painted['notice-lens-user-blue']).toEqual(['带头少外出少走动']);
    expect(painted['notice-lens-user-purple']).toEqual(['如实提供有关情况']);
    await page.close();
  });
});
