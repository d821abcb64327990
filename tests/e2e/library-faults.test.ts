/**
 * Import and export of the whole library under faults. Both run in the library page's own connection to
 * the database, so stopping the service worker in the middle must not disturb them; the page itself going
 * away (crashed, closed) in the middle of an import must leave the library exactly as it was, the next
 * library page must say so, and importing the same file again must work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parseImportFile } from '../../lib/export';
import {
  currentWorker,
  killExtensionProcess,
  launch,
  readDatabase,
  stopServiceWorkers,
  type DbRow,
  type Session,
} from './harness';
import { bigLibraryFile } from './library-file';

const dir = mkdtempSync(join(tmpdir(), 'notice-lens-faults-'));
// Big enough that importing takes seconds in Chromium (the window the faults are aimed at).
const NOTICES = 40;
const PER_NOTICE = 10;

async function openLibrary(s: Session): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/library.html`);
  await page.waitForSelector('.library');
  // Every text the status line shows from now on is recorded in the page, so a status that comes and goes
  // between two polls (a quick export, a busy machine, a tab in the background without animation frames) is
  // still seen by `waitForStatus`.
  await page.evaluate(() => {
    const w = window as unknown as StatusLog;
    w.statusSeen = [];
    w.statusRead = 0;
    const record = () => {
      const text = document.querySelector('[data-section="status"]')?.textContent;
      if (text && text !== w.statusSeen[w.statusSeen.length - 1]) w.statusSeen.push(text);
    };
    record();
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return page;
}

interface StatusLog {
  statusSeen: string[];
  statusRead: number;
}

/** The next status line text, after those already read, that matches `pattern`. */
async function waitForStatus(lib: Page, pattern: RegExp, timeout = 120_000): Promise<string> {
  const handle = await lib.waitForFunction(
    (source) => {
      const w = window as unknown as StatusLog;
      for (let i = w.statusRead; i < w.statusSeen.length; i++) {
        if (new RegExp(source).test(w.statusSeen[i])) {
          w.statusRead = i + 1;
          return w.statusSeen[i];
        }
      }
      return null;
    },
    pattern.source,
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as string;
}

/** The library's records by table, ordered, without the bookkeeping rows of `meta`. */
async function snapshotOf(s: Session) {
  const db = await readDatabase(await currentWorker(s));
  const key = (r: DbRow) => String(r.id ?? r.key ?? r.url);
  const out: Record<string, DbRow[]> = {};
  for (const [table, rows] of Object.entries(db)) out[table] = [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return out;
}

describe('faults during import and export', () => {
  let s: Session;
  // ASCII names: Chromium reads a chosen file's non-ASCII path only under a UTF-8 system locale.
  const fileA = join(dir, 'library-a.jsonld');
  const fileB = join(dir, 'library-b.jsonld');
  const fileC = join(dir, 'library-c.jsonld');
  beforeAll(async () => {
    writeFileSync(fileA, bigLibraryFile(NOTICES, PER_NOTICE, '甲'));
    writeFileSync(fileB, bigLibraryFile(NOTICES, PER_NOTICE, '乙乙'));
    writeFileSync(fileC, bigLibraryFile(NOTICES, PER_NOTICE, '丙丙丙'));
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an import carries on and is applied completely when the service worker is stopped in the middle', async () => {
    const lib = await openLibrary(s);
    await lib.setInputFiles('[data-field="import"]', fileA);
    expect(await waitForStatus(lib, /正在导入/)).toContain(
      `正在导入「library-a.jsonld」：${NOTICES} 篇公文、${NOTICES * PER_NOTICE} 条批注`,
    );
    await stopServiceWorkers(s);
    await stopServiceWorkers(s);
    expect(await waitForStatus(lib, /导入完成|失败/)).toBe(
      `导入完成：新增 ${NOTICES} 篇，更新 0 篇，未变 0 篇；新批注 ${NOTICES * PER_NOTICE} 条`,
    );
    const db = await snapshotOf(s);
    expect(db.notices).toHaveLength(NOTICES);
    expect(db.annotations).toHaveLength(NOTICES * PER_NOTICE);
    expect(db.notices.every((n) => n.annotationCount === PER_NOTICE)).toBe(true);
    expect(db.noticeTexts).toHaveLength(NOTICES);
    expect(db.meta.find((m) => m.key === 'importInProgress')).toBeUndefined();
    await expect.poll(() => lib.locator('li.notice').count()).toBe(NOTICES);
    await lib.close();
  }, 180_000);

  /** Interrupt an import of `file` (the `label`-th file imported) in the middle with `fault`; check and retry it. */
  async function interruptAndRetry(file: string, name: string, imported: number, fault: (lib: Page) => Promise<void>) {
    const before = await snapshotOf(s);
    expect(before.notices).toHaveLength(imported * NOTICES);
    const lib = await openLibrary(s);
    await lib.setInputFiles('[data-field="import"]', file);
    await waitForStatus(lib, /正在导入/);
    await fault(lib);

    // Nothing of the file was written: the library is record for record what it was.
    const { meta, ...after } = await snapshotOf(s);
    const { meta: metaBefore, ...records } = before;
    for (const table of Object.keys(records)) expect(after[table], table).toEqual(records[table]);
    expect(meta.filter((m) => m.key !== 'importInProgress')).toEqual(metaBefore);
    expect(meta.find((m) => m.key === 'importInProgress')?.value).toMatchObject({ fileName: name, notices: NOTICES });
    const again = await openLibrary(s);
    expect(await waitForStatus(again, /上次导入/, 20_000)).toBe(
      `上次导入「${name}」未完成（页面被关闭或浏览器退出），文库未作任何修改。请重新导入该文件。`,
    );
    await expect.poll(() => again.locator('li.notice').count()).toBe(imported * NOTICES);
    expect(await snapshotOf(s)).toEqual(before);
    // Said once: the next visit is quiet.
    const third = await openLibrary(s);
    await expect.poll(() => third.locator('li.notice').count()).toBe(imported * NOTICES);
    expect(await third.locator('[data-section="status"]').count()).toBe(0);
    await third.close();

    // The retry imports everything, and what was there before is untouched.
    await again.setInputFiles('[data-field="import"]', file);
    expect(await waitForStatus(again, /导入完成|失败/)).toBe(
      `导入完成：新增 ${NOTICES} 篇，更新 0 篇，未变 0 篇；新批注 ${NOTICES * PER_NOTICE} 条`,
    );
    const retried = await snapshotOf(s);
    expect(retried.notices).toHaveLength((imported + 1) * NOTICES);
    expect(retried.annotations).toHaveLength((imported + 1) * NOTICES * PER_NOTICE);
    for (const table of ['notices', 'noticeTexts', 'noticeAnalyses', 'noticeTerms', 'annotations', 'aliases']) {
      for (const row of before[table]) expect(retried[table]).toContainEqual(row);
    }
    await again.close();
  }

  it('an import cut off by the analyst closing the library tab writes nothing, is reported on the next visit, and a retry works', async () => {
    await interruptAndRetry(fileB, 'library-b.jsonld', 1, async (lib) => {
      await lib.close({ runBeforeUnload: false });
    });
  }, 240_000);

  it('an import cut off by the extension process being killed (service worker and page) writes nothing, is reported, and a retry works', async () => {
    await interruptAndRetry(fileC, 'library-c.jsonld', 2, async (lib) => {
      const crashed = lib.waitForEvent('crash');
      expect(killExtensionProcess(s).length).toBeGreaterThan(0);
      await crashed;
      await lib.close().catch(() => undefined);
    });
  }, 240_000);

  it('an export of the whole library completes with every record when the service worker is stopped in the middle', async () => {
    const lib = await openLibrary(s);
    await expect.poll(() => lib.locator('li.notice').count()).toBe(3 * NOTICES);
    // The page's CPU slowed tenfold, so that the export is still running when the worker is stopped.
    const cdp = await s.context.newCDPSession(lib);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 10 });
    const downloading = lib.waitForEvent('download', { timeout: 120_000 });
    await lib.click('[data-export="json"]');
    await waitForStatus(lib, /正在导出/);
    await stopServiceWorkers(s);
    const download = await downloading;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const path = join(dir, 'export.jsonld');
    await download.saveAs(path);
    const parsed = parseImportFile(readFileSync(path, 'utf8'));
    if (!parsed.ok) throw new Error(`export does not read back: ${JSON.stringify(parsed).slice(0, 300)}`);
    const db = await snapshotOf(s);
    expect(parsed.notices.map((n) => n.id).sort()).toEqual(db.notices.map((n) => n.id).sort());
    expect(parsed.annotations.map((a) => a.id).sort()).toEqual(db.annotations.map((a) => a.id).sort());
    // The status line no longer says it is exporting.
    await expect.poll(() => lib.locator('[data-section="status"]').count()).toBe(0);
    await lib.close();
  }, 180_000);
});
