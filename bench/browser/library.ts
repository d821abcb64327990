/**
 * The library in real Chromium with the built extension: 5,000 generated notices of ~10,000 characters
 * and 100,000 annotations in the extension's own IndexedDB, then what the analyst waits for.
 *
 *     npx wxt build && npx tsx bench/browser/library.ts [--notices 5000] [--annotations 100000] [--runs 9]
 *                                                       [--export-runs 3] [--no-export] [--fresh] [--json]
 *                                                       [--build DIR]   # another built extension
 *     npx tsx bench/browser/library.ts --cpu-profile DIR   # CPU profiles of the popup, searches, two notices
 *
 * The seeded browser profile is kept in $TMPDIR/notice-lens-bench-library/<key> and reused by later runs
 * with the same numbers and the same storage, search-term and generator code (the key hashes them);
 * `--fresh` seeds a throw-away profile instead. The extension is loaded from a copy of
 * .output/chrome-mv3 taken at the start (a build finishing mid-run cannot swap it),
 * with a fixed manifest key, so its id, and so its database, stays the same from run to run.
 *
 * Figures (median / min / max over runs, milliseconds):
 * - popup first render: popup.html opened as a tab, from navigation start (performance.timeOrigin) to the
 *   first paint after the library list holds its first page of notices (`ul.notices` with rows, showing the
 *   unfiltered library). "Painted" is the first task after the next animation frame: the frame that shows
 *   the list has been produced by then. The DOM-only moment is reported too.
 * - search: a Chinese query committed into the search box at once (as an IME commits a word:
 *   `Input.insertText`), from the input event's timestamp to the paint after the list shows that query's
 *   results (the list carries the query its rows answer, `data-query`). Queries are words from titles,
 *   bodies, notes and tags; in the popup (first page of 30) and in the library page (first 200: it shows
 *   the first screen of hits, then adds the others, `aria-busy` on the list meanwhile; the figure is the
 *   first screen, the rows reported are the list once complete; the time to the paint of the complete list
 *   is reported beside it).
 * - open one notice: library.html#notice=<id> loaded in a new tab, navigation start to the paint after the
 *   detail (metadata, outline, clauses, annotations) is in the DOM; a notice with the median number of
 *   annotations, and the one with the most.
 * - export all: the library page's export buttons with nothing selected (every notice), from the click to
 *   the downloaded file complete on disk, per format (W3C JSON-LD, CSV, Markdown), with file sizes.
 *
 * Seeding goes through the extension's storage code (`NoticeRepository.upsertNotices`, `putAnnotations`)
 * bundled with esbuild and run in an extension page (`library-seed.ts`); it is not a figure.
 */

import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumOptions } from '../../tests/e2e/harness';
import { corpusText } from '../corpus';
import { sentencesOf } from '../notices';
import { fmt, round, summarise, type Timing } from '../stats';
import type { SeedOptions, SeedOutcome } from './library-seed';
import { profiled } from './library-profile';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const BUILD = join(ROOT, '.output/chrome-mv3');
/**
 * A public key for the copy's manifest: an unpacked extension's id (and so its database's origin) follows
 * from its path unless the manifest has a key. With one, a cached profile finds its database wherever the
 * copy is. (The key only names the extension; nothing is signed with it.)
 */
const EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA30sTCeVPkkzdP5z2hRfcXFYTv+WNXG6IJ7CUjNFkdimjMIIu3oLBa9ty+YOVjyjBRKp4tCZijGU7gzHn4xr3smCE6Wj/PS3czf4wTElYPyC5vr85rQ+zLYYK0s1dCE0rVluR5Eq/uq7BdnPg3dM0wPPLJ7r4jvnjBgduYkaFV15/KiNizve4bdeWmhWQuGqKqV8FWe4trkbAzBBv3E7sv5vj9MiI4RGG7kSeX3wDQQlDV31z2/MyYPAPU/tpIq17FmLNzh6Fcy0D+BZYC3C4j5rsmCzKTKIZ6tsoUKZ2HwwWd24gEzldNrp+AG8cmG+avCalWO6p8nCQRuMn+xZDoQIDAQAB';

export interface LibraryBenchOptions {
  notices?: number;
  annotations?: number;
  runs?: number;
  /** Characters per notice (default 10,000). */
  chars?: number;
  /** Runs of each export format (default min(runs, 3): each reads and writes the whole library). */
  exportRuns?: number;
  /** Seed a throw-away profile instead of reusing (or making) the cached one. */
  fresh?: boolean;
  /** The built extension to load (default .output/chrome-mv3), e.g. a copy kept to compare two builds. */
  build?: string;
  log?: (line: string) => void;
}

export interface QueryFigure {
  query: string;
  /** Where the analyst's word comes from: a title, a body, a note or a tag. */
  source: 'title' | 'body' | 'note' | 'tag' | 'metadata' | 'none';
  popup: Timing;
  library: Timing;
  /** Rows the popup showed and the library's count of matches found. */
  popupRows: number;
  libraryRows: number;
}

export interface ExportFigure extends Timing {
  bytes: number;
}

export interface LibraryBench {
  notices: number;
  annotations: number;
  averageNoticeChars: number;
  /** navigator.storage.estimate() usage of the extension origin after seeding, bytes. */
  databaseBytes: number | null;
  seedSeconds: number;
  chromium: string;
  cores: number;
  /** The machine's 1-minute load average when the measurements started and ended (other work inflates them). */
  loadAverage: { start: number; end: number };
  popupFirstRender: Timing;
  /** Same moment without waiting for the paint: the list rows inserted in the DOM. */
  popupFirstRenderDom: Timing;
  search: {
    /** Every query × run in the popup. */
    popup: Timing;
    /** Every query × run in the library page, to its first screen of hits. */
    library: Timing;
    /** The same, to the paint of the whole list (up to 200 rows). */
    libraryFull: Timing;
    queries: QueryFigure[];
  };
  openNotice: {
    typical: Timing & { annotations: number };
    busiest: Timing & { annotations: number };
  };
  exportAll: { json: ExportFigure; csv: ExportFigure; markdown: ExportFigure };
  budgets: {
    popupFirstRender: { budget: number; median: number; met: boolean };
    search: { budget: number; median: number; met: boolean };
  };
}

const HERE = fileURLToPath(new URL('.', import.meta.url));

const QUERIES: Array<{ query: string; source: QueryFigure['source'] }> = [
  { query: '安全生产', source: 'title' },
  { query: '营商环境', source: 'title' },
  { query: '碳达峰', source: 'title' },
  { query: '党组织', source: 'body' },
  { query: '监督管理', source: 'body' },
  { query: '高度重视', source: 'body' },
  { query: '列入整改台账', source: 'note' },
  { query: '复核意见', source: 'note' },
  { query: '专项督查', source: 'tag' },
  { query: '季度报告', source: 'tag' },
  { query: '国务院办公厅', source: 'metadata' },
  { query: '量子计算机', source: 'none' },
];

async function seedBundle(): Promise<string> {
  const out = await build({
    entryPoints: [join(HERE, 'library-seed.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

/**
 * Code for every extension page, run before the page's own scripts: records when a condition on the DOM
 * first holds, and when the frame after it has been produced. `__bench.when(name, test)` arms a watch;
 * `__bench.done[name]` resolves with { dom, painted } in performance.now() time (navigation start = 0).
 * A string, not a function: the transpiler's helpers would not exist in the page.
 */
const INSTRUMENT = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  const watches = new Map();
  const done = {};
  const input = { at: 0 };
  const check = () => {
    for (const [name, w] of watches) {
      if (!w.test()) continue;
      watches.delete(name);
      const dom = performance.now();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => w.resolve({ dom, painted: performance.now() });
        ch.port2.postMessage(null);
      });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  addEventListener('input', (e) => { input.at = e.timeStamp; }, true);
  window.__bench = {
    done,
    input,
    when(name, test) {
      const watch = { test, resolve: null };
      const p = new Promise((resolve, reject) => {
        watch.resolve = resolve;
        // Fail loudly (with what the page shows) rather than wait for ever.
        setTimeout(() => {
          if (watches.get(name) !== watch) return;
          watches.delete(name);
          reject(new Error(name + ' did not appear in 60 s; the page shows: ' + document.body.innerText.slice(0, 300)));
        }, 60000);
      });
      p.catch(() => {});
      watches.set(name, watch);
      done[name] = p;
      check();
    },
  };
  // The list showing the unfiltered library (data-query empty) with at least one row; a notice's detail.
  window.__bench.when('list', () => !!document.querySelector('ul.notices[data-query=""] > li.notice'));
  window.__bench.when('detail', () => !!document.querySelector('article.detail'));
})();`;

/**
 * What INSTRUMENT and the seed bundle put on an extension page's global object, as the page callbacks below
 * read it (cast inline: those callbacks run in the page, where nothing from this module exists).
 */
interface BenchTimes {
  dom: number;
  painted: number;
}
export interface BenchGlobals {
  __bench: {
    done: Record<string, Promise<BenchTimes>>;
    input: { at: number };
    when(name: string, test: () => boolean): void;
  };
  noticeLensSeed(o: SeedOptions, progress: (line: string) => void): Promise<SeedOutcome>;
  chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
}
interface Browser {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

/** Debian's Chromium with the extension loaded, flags as the e2e harness (tests/e2e/harness.ts) uses. */
async function launchBrowser(extensionDir: string, userDataDir: string): Promise<Browser> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...chromiumOptions([extensionDir]),
    acceptDownloads: true,
  });
  let worker = context.serviceWorkers()[0];
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 20000 });
  const extensionId = new URL(worker.url()).host;
  await worker.evaluate(() =>
    (globalThis as unknown as BenchGlobals).chrome.storage.local.set({ 'settings:uiLanguage': 'zh_CN' }),
  );
  // Nothing may reach the network.
  await context.route(/^https?:/, (route) => route.fulfill({ status: 404, body: '' }));
  return { context, extensionId, close: () => context.close() };
}

/** True when a running browser holds this profile (Chromium's SingletonLock names its host and process). */
function profileInUse(dir: string): boolean {
  try {
    const pid = Number(readlinkSync(join(dir, 'SingletonLock')).split('-').pop());
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * What the seeded database depends on: the numbers, the generator, and the search-term rules. A cached
 * profile seeded under an older schema is upgraded by the extension's own migration when it opens the
 * database; a change to how the repository writes rows needs `--fresh`.
 */
function seedKey(o: { notices: number; annotations: number; chars: number }): string {
  const h = createHash('sha256').update(JSON.stringify(o));
  for (const f of ['lib/search/terms.ts', 'bench/notices.ts', 'bench/browser/library-seed.ts'])
    h.update(f).update(readFileSync(join(ROOT, f)));
  return `${o.notices}-${o.annotations}-${o.chars}-${h.digest('hex').slice(0, 12)}`;
}

export async function newExtensionPage(s: Browser, path: string): Promise<Page> {
  const page = await s.context.newPage();
  await page.addInitScript(INSTRUMENT);
  await page.goto(`chrome-extension://${s.extensionId}/${path}`);
  return page;
}

async function firstRender(s: Browser, runs: number): Promise<{ painted: Timing; dom: Timing }> {
  const painted: number[] = [];
  const dom: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const page = await newExtensionPage(s, 'popup.html');
    const t = await page.evaluate(
      () => (globalThis as unknown as BenchGlobals).__bench.done.list as Promise<{ dom: number; painted: number }>,
    );
    await page.close();
    if (i < 2) continue; // warm-up: the first opens also start the database backend
    painted.push(t.painted);
    dom.push(t.dom);
  }
  return { painted: summarise(painted), dom: summarise(dom) };
}

/**
 * Commit `query` into the search box (as an IME commits a word) and wait for the paint of its first screen of
 * results; the milliseconds from the input event to that paint.
 */
export async function searchFirstScreen(page: Page, query: string): Promise<number> {
  await page.evaluate((q) => {
    const sel = `[data-query="${CSS.escape(q)}"]`;
    (globalThis as unknown as BenchGlobals).__bench.when(
      'search',
      () => !!document.querySelector(`ul.notices${sel}, .empty${sel}`),
    );
  }, query);
  await page.focus('input[data-field="search"]');
  await page.keyboard.insertText(query);
  return page.evaluate(async () => {
    const b = (globalThis as unknown as BenchGlobals).__bench;
    const t = await b.done.search;
    return t.painted - b.input.at;
  });
}

/** Empty the search box and wait for the unfiltered list. */
export async function clearSearch(page: Page): Promise<void> {
  await page.evaluate(() =>
    (globalThis as unknown as BenchGlobals).__bench.when(
      'list',
      () => !!document.querySelector('ul.notices[data-query=""] > li.notice'),
    ),
  );
  await page.fill('input[data-field="search"]', '');
  await page.evaluate(() => (globalThis as unknown as BenchGlobals).__bench.done.list);
}

/**
 * Time `query` to the paint of its first screen of results (`ms`) and to the paint of the whole list
 * (`fullMs`: a long list shows its first hits, then fills in); then clear the box.
 */
export async function timedSearch(page: Page, query: string): Promise<{ ms: number; rows: number; fullMs: number }> {
  const ms = await searchFirstScreen(page, query);
  // Rows counted once the list has them all (a list still filling says so with aria-busy), timed to the frame
  // after it is complete. (No named functions inside: the page gets the callback's source as it is.)
  const fullMs = await page.evaluate(async (q) => {
    const b = (globalThis as unknown as BenchGlobals).__bench;
    const filling = `ul.notices[data-query="${CSS.escape(q)}"][aria-busy]`;
    if (document.querySelector(filling))
      await new Promise<void>((resolve) => {
        const watch = new MutationObserver(() => {
          if (document.querySelector(filling)) return;
          watch.disconnect();
          resolve();
        });
        watch.observe(document.body, { subtree: true, childList: true, attributes: true });
      });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - b.input.at;
  }, query);
  const rows = await page.evaluate(
    (q) => document.querySelectorAll(`ul.notices[data-query="${CSS.escape(q)}"] > li.notice`).length,
    query,
  );
  await clearSearch(page);
  return { ms, rows, fullMs };
}

async function searches(
  s: Browser,
  path: string,
  runs: number,
): Promise<Map<string, { samples: number[]; full: number[]; rows: number }>> {
  const page = await newExtensionPage(s, path);
  await page.evaluate(() => (globalThis as unknown as BenchGlobals).__bench.done.list);
  const out = new Map<string, { samples: number[]; full: number[]; rows: number }>();
  for (const { query } of QUERIES) await timedSearch(page, query); // warm-up
  for (let r = 0; r < runs; r++) {
    for (const { query } of QUERIES) {
      const { ms, rows, fullMs } = await timedSearch(page, query);
      const e = out.get(query) ?? { samples: [], full: [], rows };
      e.samples.push(ms);
      e.full.push(fullMs);
      out.set(query, e);
    }
  }
  await page.close();
  return out;
}

export async function openNotice(s: Browser, id: string, runs: number): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const page = await newExtensionPage(s, `library.html#notice=${encodeURIComponent(id)}`);
    const t = await page.evaluate(
      () => (globalThis as unknown as BenchGlobals).__bench.done.detail as Promise<{ dom: number; painted: number }>,
    );
    const ok = await page.evaluate(
      (nid) => document.querySelector('article.detail')?.getAttribute('data-notice') === nid,
      id,
    );
    await page.close();
    if (!ok) throw new Error(`library.html did not show notice ${id}`);
    if (i > 0) samples.push(t.painted);
  }
  return summarise(samples);
}

async function exportAll(s: Browser, format: 'json' | 'csv' | 'md', runs: number, dir: string): Promise<ExportFigure> {
  const page = await newExtensionPage(s, 'library.html');
  await page.evaluate(() => (globalThis as unknown as BenchGlobals).__bench.done.list);
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 600_000 }),
      page.click(`[data-export="${format}"]`),
    ]);
    const path = join(dir, `export-${i}.${format}`);
    await download.saveAs(path);
    samples.push(performance.now() - t0);
    bytes = statSync(path).size;
    rmSync(path);
    await download.delete();
  }
  await page.close();
  return { ...summarise(samples), bytes };
}

interface Seeded {
  browser: Browser;
  seeded: SeedOutcome;
  databaseBytes: number | null;
  chromium: string;
  /** A scratch directory, removed afterwards. */
  tmp: string;
}

/** Launch Chromium with the extension and a seeded library (made, or reused from the cache), run `fn`. */
export async function withLibrary<T>(options: LibraryBenchOptions, fn: (l: Seeded) => Promise<T>): Promise<T> {
  const notices = options.notices ?? 5000;
  const annotations = options.annotations ?? 100_000;
  const chars = options.chars ?? 10_000;
  const log = options.log ?? (() => undefined);
  const built = options.build ?? BUILD;
  if (!existsSync(join(built, 'manifest.json'))) throw new Error('build the extension first: npx wxt build');
  const tmp = mkdtempSync(join(tmpdir(), 'notice-lens-bench-'));
  const home = options.fresh
    ? tmp
    : join(tmpdir(), 'notice-lens-bench-library', seedKey({ notices, annotations, chars }));
  let profileDir = join(home, 'profile');
  const extensionDir = join(tmp, 'extension');
  const recordFile = join(home, 'seeded.json');
  if (profileInUse(profileDir)) {
    if (!existsSync(recordFile)) throw new Error(`another run is seeding ${home}: try again when it has finished`);
    // Another run has the cached profile open (a browser locks its profile): work on a copy of it.
    const copy = join(tmp, 'profile');
    cpSync(profileDir, copy, { recursive: true, filter: (src) => !/Singleton(Lock|Cookie|Socket)$/.test(src) });
    profileDir = copy;
    log('the cached profile is open in another run: using a copy');
  } else if (!existsSync(recordFile)) {
    // A profile without its record was left half-seeded: start again.
    rmSync(profileDir, { recursive: true, force: true });
  }
  mkdirSync(home, { recursive: true });
  cpSync(built, extensionDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(extensionDir, 'manifest.json'), JSON.stringify({ ...manifest, key: EXTENSION_KEY }));
  const s = await launchBrowser(extensionDir, profileDir);
  try {
    const chromium = `Chromium ${s.context.browser()?.version() ?? ''}`.trim();
    // Seed (or reuse the profile seeded with the same numbers and code).
    const seeder = await newExtensionPage(s, 'library.html');
    await seeder.waitForSelector('.library');
    let seeded: SeedOutcome;
    if (existsSync(recordFile)) {
      seeded = JSON.parse(readFileSync(recordFile, 'utf8')) as SeedOutcome;
      const count = await seeder.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('notice-lens');
            open.onerror = () => reject(open.error ?? new Error('the library database did not open'));
            open.onsuccess = () => {
              const req = open.result.transaction('annotations').objectStore('annotations').count();
              req.onsuccess = () => (resolve(req.result), open.result.close());
            };
          }),
      );
      if (count !== annotations)
        throw new Error(`${profileDir} holds ${count} annotations, not ${annotations}: remove ${home}`);
      log(`reusing the library seeded in ${profileDir}`);
    } else {
      await seeder.evaluate(await seedBundle());
      seeder.on('console', (m) => m.type() === 'info' && log(`  seeding: ${m.text()}`));
      const seedOptions: SeedOptions = { sentences: sentencesOf(corpusText()), notices, annotations, chars };
      seeded = await seeder.evaluate(
        (o) => (globalThis as unknown as BenchGlobals).noticeLensSeed(o, (line: string) => console.info(line)),
        seedOptions,
      );
      if (seeded.notices !== notices || seeded.annotations !== annotations) {
        throw new Error(
          `seeded ${seeded.notices} notices and ${seeded.annotations} annotations, wanted ${notices} and ${annotations}`,
        );
      }
      writeFileSync(recordFile, JSON.stringify(seeded));
      log(`seeded ${notices} notices, ${annotations} annotations in ${seeded.seconds.toFixed(0)} s`);
    }
    const databaseBytes = await seeder
      .evaluate(async () => (await navigator.storage.estimate()).usage ?? null)
      .catch(() => null);
    await seeder.close();
    return await fn({ browser: s, seeded, databaseBytes, chromium, tmp });
  } finally {
    await s.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function benchLibrary(options: LibraryBenchOptions = {}): Promise<LibraryBench> {
  return runBench(options, true);
}

/** The benchmark without the exports (they read and write the whole library: minutes), for quick looks. */
type WithoutExports = Omit<LibraryBench, 'exportAll'> & { exportAll: null };

function runBench(options: LibraryBenchOptions, exports: true): Promise<LibraryBench>;
function runBench(options: LibraryBenchOptions, exports: false): Promise<WithoutExports>;
async function runBench(options: LibraryBenchOptions, exports: boolean): Promise<LibraryBench | WithoutExports> {
  const runs = Math.max(1, options.runs ?? 9);
  const exportRuns = Math.max(1, options.exportRuns ?? Math.min(runs, 3));
  const log = options.log ?? (() => undefined);
  return withLibrary(options, async ({ browser: s, seeded, databaseBytes, chromium, tmp }) => {
    const { notices, annotations } = seeded;
    const loadAtStart = round(loadavg()[0]);
    log('popup first render…');
    const first = await firstRender(s, runs);
    log('search in the popup…');
    const inPopup = await searches(s, 'popup.html', runs);
    log('search in the library page…');
    const inLibrary = await searches(s, 'library.html', runs);
    log('open one notice…');
    const busiestSeed = seeded.busiest[0];
    const typical = await openNotice(s, seeded.median.id, runs);
    const busiest = await openNotice(s, busiestSeed.id, runs);
    let exported: LibraryBench['exportAll'] | null = null;
    if (exports) {
      log('export all…');
      const json = await exportAll(s, 'json', exportRuns, tmp);
      const csv = await exportAll(s, 'csv', exportRuns, tmp);
      const markdown = await exportAll(s, 'md', exportRuns, tmp);
      exported = { json, csv, markdown };
    }

    const queries: QueryFigure[] = QUERIES.map(({ query, source }) => ({
      query,
      source,
      popup: summarise(inPopup.get(query)!.samples),
      library: summarise(inLibrary.get(query)!.samples),
      popupRows: inPopup.get(query)!.rows,
      libraryRows: inLibrary.get(query)!.rows,
    }));
    const popupSearch = summarise([...inPopup.values()].flatMap((e) => e.samples));
    const librarySearch = summarise([...inLibrary.values()].flatMap((e) => e.samples));
    const librarySearchFull = summarise([...inLibrary.values()].flatMap((e) => e.full));
    return {
      notices,
      annotations,
      averageNoticeChars: Math.round(seeded.textChars / notices),
      databaseBytes,
      seedSeconds: round(seeded.seconds),
      chromium,
      cores: cpus().length,
      loadAverage: { start: loadAtStart, end: round(loadavg()[0]) },
      popupFirstRender: first.painted,
      popupFirstRenderDom: first.dom,
      search: { popup: popupSearch, library: librarySearch, libraryFull: librarySearchFull, queries },
      openNotice: {
        typical: { ...typical, annotations: seeded.median.annotations },
        busiest: { ...busiest, annotations: busiestSeed.annotations },
      },
      exportAll: exported,
      budgets: {
        popupFirstRender: { budget: 150, median: first.painted.median, met: first.painted.median < 150 },
        search: {
          budget: 50,
          median: Math.max(popupSearch.median, librarySearch.median),
          met: popupSearch.median < 50 && librarySearch.median <= 50,
        },
      },
    };
  });
}

/**
 * CPU profiles of opening the popup, searches in it and in the library page, and opening a notice (a median one
 * and the busiest), into `dir`; returns their summaries.
 */
export async function profileLibrary(options: LibraryBenchOptions & { dir: string }): Promise<string> {
  return withLibrary(options, async ({ browser: s, seeded }) => {
    const out: string[] = [];
    const popup = await newExtensionPage(s, 'popup.html');
    await popup.evaluate(() => (globalThis as unknown as BenchGlobals).__bench.done.list);
    out.push(
      await profiled(popup, options.dir, 'popup-open', async () => {
        await popup.reload();
        await popup.evaluate(() => (globalThis as unknown as BenchGlobals).__bench.done.list);
      }),
    );
    for (const q of ['复核意见', '党组织', '安全生产']) {
      await timedSearch(popup, q);
      out.push(await profiled(popup, options.dir, `popup-search-${q}`, () => timedSearch(popup, q)));
    }
    await popup.close();
    const library = await newExtensionPage(s, 'library.html');
    await library.evaluate(() => (globalThis as unknown as BenchGlobals).__bench.done.list);
    for (const q of ['党组织', '安全生产']) {
      await timedSearch(library, q);
      out.push(await profiled(library, options.dir, `library-search-${q}`, () => timedSearch(library, q)));
    }
    await library.close();
    for (const [name, id] of [
      ['open-notice', seeded.median.id],
      ['open-busiest', seeded.busiest[0].id],
    ]) {
      const detail = await newExtensionPage(s, `library.html#notice=${encodeURIComponent(id)}`);
      await detail.evaluate(() => (globalThis as unknown as BenchGlobals).__bench.done.detail);
      out.push(
        await profiled(detail, options.dir, name, async () => {
          await detail.reload();
          await detail.evaluate(() => (globalThis as unknown as BenchGlobals).__bench.done.detail);
        }),
      );
      await detail.close();
    }
    return out.join('\n\n');
  });
}

function table(r: LibraryBench | WithoutExports): string {
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  const lines = [
    `library benchmark in ${r.chromium} (${r.cores} cores): ${r.notices} notices (~${r.averageNoticeChars} characters), ${r.annotations} annotations` +
      (r.databaseBytes ? `, database ${mb(r.databaseBytes)}` : '') +
      `; seeded in ${r.seedSeconds.toFixed(0)} s; load average ${r.loadAverage.start} → ${r.loadAverage.end}`,
    '',
    `popup first render (list painted)   ${fmt(r.popupFirstRender)}   budget 150 ms: ${r.budgets.popupFirstRender.met ? 'met' : 'MISSED'}`,
    `  list rows in the DOM              ${fmt(r.popupFirstRenderDom)}`,
    `search, popup (30 rows)             ${fmt(r.search.popup)}   budget 50 ms: ${r.search.popup.median < 50 ? 'met' : 'MISSED'}`,
    `search, library page (first screen) ${fmt(r.search.library)}   budget 50 ms: ${r.search.library.median <= 50 ? 'met' : 'MISSED'}`,
    `search, library page (whole list)   ${fmt(r.search.libraryFull)}`,
    ...r.search.queries.map(
      (q) =>
        `  ${q.query.padEnd(7, '　')} (${q.source.padEnd(8)})  popup ${String(q.popup.median).padStart(6)} ms [${q.popup.min}–${q.popup.max}] ${String(q.popupRows).padStart(3)} rows` +
        `   library ${String(q.library.median).padStart(6)} ms [${q.library.min}–${q.library.max}] ${String(q.libraryRows).padStart(3)} rows`,
    ),
    `open one notice (${r.openNotice.typical.annotations} annotations)    ${fmt(r.openNotice.typical)}`,
    `open the busiest (${r.openNotice.busiest.annotations} annotations)  ${fmt(r.openNotice.busiest)}   budget 150 ms: ${r.openNotice.busiest.median <= 150 ? 'met' : 'MISSED'}`,
    ...(r.exportAll
      ? [
          `export all, W3C JSON-LD             ${fmt(r.exportAll.json)}, ${mb(r.exportAll.json.bytes)}`,
          `export all, CSV                     ${fmt(r.exportAll.csv)}, ${mb(r.exportAll.csv.bytes)}`,
          `export all, Markdown                ${fmt(r.exportAll.markdown)}, ${mb(r.exportAll.markdown.bytes)}`,
        ]
      : []),
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const num = (name: string) => (arg(name) === undefined ? undefined : Number(arg(name)));
  const options: LibraryBenchOptions = {
    notices: num('notices'),
    annotations: num('annotations'),
    runs: num('runs'),
    chars: num('chars'),
    exportRuns: num('export-runs'),
    fresh: args.includes('--fresh'),
    build: arg('build'),
    log: (l) => console.error(l),
  };
  const profileDir = arg('cpu-profile');
  const run = profileDir
    ? profileLibrary({ ...options, dir: profileDir }).then((summary) => console.log(summary))
    : (args.includes('--no-export') ? runBench(options, false) : benchLibrary(options)).then((r) => {
        console.log(table(r));
        if (args.includes('--json')) console.log(JSON.stringify(r, null, 2));
      });
  run.catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
