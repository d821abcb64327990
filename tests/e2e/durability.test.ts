/**
 * No annotation is lost: when the service worker is stopped in the middle of saving, when two tabs save
 * at once, and when the browser restarts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, PanelDriver, readHighlights, ROOT, selectText, storedAnnotations, type Session } from './harness';

const DEMO = readFileSync(join(ROOT, 'demo/notice.html'), 'utf8');
const URL_D = 'https://www.gov.cn/zhengce/content/2020-01/30/content_durable.htm';

async function stopServiceWorkers(s: Session) {
  const page = s.context.pages()[0] ?? (await s.context.newPage());
  const cdp = await s.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
}

/** The running service worker (a stopped one is started again by the next message). */
async function currentWorker(s: Session) {
  return s.context.serviceWorkers()[0] ?? (await s.context.waitForEvent('serviceworker'));
}

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
    await page.waitForFunction(() => (CSS as any).highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    const panel = await PanelDriver.attach(page);
    await selectText(page, '不信谣不传谣');
    await Promise.all([panel.click('[data-colour="pink"]'), stopServiceWorkers(s)]);
    await stopServiceWorkers(s);
    await expect.poll(async () => (await storedAnnotations(await currentWorker(s))).map((a) => a.quote), { timeout: 20000 }).toContain('不信谣不传谣');
    await page.close();
  });

  it('keeps both when two tabs save at once', async () => {
    const [a, b] = await Promise.all([s.open(URL_D), s.open(URL_D)]);
    for (const p of [a, b]) await p.waitForFunction(() => (CSS as any).highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    const [pa, pb] = await Promise.all([PanelDriver.attach(a), PanelDriver.attach(b)]);
    await selectText(a, '带头少外出少走动');
    await selectText(b, '如实提供有关情况');
    await Promise.all([pa.click('[data-colour="blue"]'), pb.click('[data-colour="purple"]')]);
    const worker = await currentWorker(s);
    await expect.poll(async () => (await storedAnnotations(worker)).map((x) => x.quote).sort(), { timeout: 20000 }).toEqual(
      expect.arrayContaining(['如实提供有关情况', '带头少外出少走动']),
    );
    await a.close();
    await b.close();
  });

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
    await page.waitForFunction(() => (CSS as any).highlights.has('notice-lens-user-blue'), null, { timeout: 20000 });
    const painted = await readHighlights(page);
    expect(painted['notice-lens-user-blue']).toEqual(['带头少外出少走动']);
    expect(painted['notice-lens-user-purple']).toEqual(['如实提供有关情况']);
    await page.close();
  });
});
