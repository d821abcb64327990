/**
 * The extension on notice pages in real Chromium: from the page's load to the obligation highlights
 * painted, with its parts, against Readability.parse and wrap-in-elements painting on the same page in the
 * same run; long tasks; memory the content script adds; re-anchoring and compare in the browser's engine.
 *
 *     npx wxt build && npx tsx bench/browser/page.ts [--runs 7] [--sizes 5000,30000,100000,300000] [--pages-only]
 *       [--no-probes]   (first paint, stages and long tasks only: no Readability or wrapping comparison)
 *       [--floor]       (also the floor: a minimal content script that finds one sentence and paints it, same pages)
 *
 * Every page is served under a www.gov.cn URL (the content script runs there as on the live site) and
 * opened in a new tab per run, so each run is a cold start of the content script. The content script
 * reports its stage timings (its own, and the background's for the string stages it runs there) with its
 * analysis report; the benchmark reads them in the background.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { launch, ROOT, seedPage, type Session } from '../../tests/e2e/harness';
import type { PageTimings } from '../../lib/messages';
import { buildOutline, buildWorkload, editWorkload, loadSeeds, longNotice } from '../../tests/support/anchoring-cases';
import { builtNotice, seedNotices } from '../../tests/support/compare-corpus';
import { regulationPage } from '../../tests/support/generate';
import { round, summarise, type Timing } from '../stats';
import { FLOOR_FRAME_MARK, FLOOR_MARK, writeFloorExtension } from './floor';
import type { PaintComparison, Probe } from './page-probe';
import { PIPELINE_STAGES, type PipelineStage } from './stages';

export const PAGE_SIZES = [5_000, 30_000, 100_000, 300_000];
export const SEED_FILES = [
  '000_539b2a5a56109cc5.txt',
  '001_7a46141c47266846.txt',
  '002_2386fa277481c7d6.txt',
  '003_c9608edf68f48eb1.txt',
];

export interface PageFigures {
  label: string;
  /** The machine's load average (1 min) when this page's runs started and ended. */
  load?: { start: number; end: number };
  /** Characters of the notice's extracted text. */
  chars: number;
  clauses: number;
  runs: number;
  /** DOMContentLoaded (the event's start) to the first highlights painted. */
  paintedAfterLoad: Timing;
  /** Navigation start to highlights painted. */
  paintedSinceNavigation: Timing;
  /**
   * From the end of the page's own task holding DOMContentLoaded (its parsing and, unless a frame came
   * before the event, its first layout of the whole text) to the highlights painted: the part of
   * `paintedAfterLoad` that is the extension's, whichever side of the event the page laid itself out.
   */
  paintedAfterPageTask?: Timing;
  /**
   * The floor, on the same page in the same harness: a minimal extension whose content script (same timing
   * as ours) only finds one sentence and paints it as a highlight, timed the same two ways; and ours minus it
   * (medians).
   */
  floor?: {
    load: { start: number; end: number };
    paintedAfterLoad: Timing;
    paintedAfterPageTask: Timing;
    /** DOMContentLoaded to the next frame rendered after the floor's highlight was registered (on screen). */
    frameAfterLoad: Timing;
    /**
     * Ours (registered) minus the floor: counted from the event, and from the end of the page's task holding
     * it; and ours registered minus the floor on screen (ours is on screen a frame after it is registered, so
     * this is a lower bound of the gap on screen: the floor registers its highlight inside the page's task,
     * before the page has laid out its text, and is seen only once it has).
     */
    oursMinusFloor: { afterLoad: number; afterPageTask: number; registeredMinusFloorOnScreen: number };
  };
  /** extract, normalise, ranges, paint: on the page's main thread; metadata, detect, obligations: in the background; transfer: the messages. */
  parts: Record<PipelineStage, Timing>;
  /** Time the background's analysis waited between its slices (its thread busy elsewhere). */
  backgroundPauses: Timing;
  /** The pipeline's whole work (the parts summed, without the pauses given back to the page). */
  pipeline: Timing;
  /** The part of it on the page's main thread. */
  onPage: Timing;
  /** The longest single stretch of work on the page's main thread between two yields (ranges are built in slices of 8 ms). */
  longestStage: Timing;
  /** Long tasks (over 50 ms) on the page's main thread from the content script's start until its UI was up. */
  longTasks: {
    total: number;
    runsWithAny: number;
    longest: number;
    /**
     * Of `total`, the tasks already running when the content script started: the page's own parsing and
     * first layout, into which its DOMContentLoaded handler (reading and sending the head) is added.
     */
    joined?: number;
    /** The longest of those. */
    longestJoined?: number;
    /**
     * The task holding DOMContentLoaded (0 when under 50 ms): median over the loads with the extension, and
     * over as many loads of the same page under a host the extension does not run on (the page alone).
     */
    dclTask?: { withExtension: number; pageAlone: number };
  };
  readabilityParse: Timing;
  readabilityClone: Timing;
  /** pipeline median / Readability.parse median, same pages, same run. */
  pipelineOverReadability: number;
  paint: Record<keyof Omit<PaintComparison, 'ranges'>, Timing> & { ranges: number };
  /** wrapping median / highlight median: script only, and up to the next rendered frame. */
  wrapOverHighlight: { script: number; frame: number };
}

export interface PageBench {
  pages: PageFigures[];
  memory: { label: string; runs: number; heapAddedKB: Timing; domNodesAdded: Timing };
  anchoring: {
    annotations: number;
    chars: number;
    exactCold: number;
    exact: Timing;
    editedCold: number;
    edited: Timing;
    placedExact: number;
    placedEdited: number;
  };
  compare: { notices: number; chars: number[]; time: Timing };
  chromium: string;
}

export interface PageBenchOptions {
  runs?: number;
  sizes?: number[];
  /** Also the seeds, memory, re-anchoring and compare (default true). */
  extras?: boolean;
  /** Also Readability and wrap-in-elements painting on each page (default true; without: first paint and stages only). */
  probes?: boolean;
  /** Also the floor on the generated pages: a minimal content script that finds one sentence and paints it. */
  floor?: boolean;
  log?: (line: string) => void;
}

type LongTask = { start: number; duration: number };

/** How long after the page's load the bench first asks the extension's worker for the page's report. */
const QUIET_BEFORE_ASKING_MS = 1500;

async function probeCode(): Promise<string> {
  const out = await build({
    entryPoints: [`${ROOT}/bench/browser/page-probe.ts`],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    charset: 'utf8',
    minify: true,
    write: false,
    logLevel: 'error',
  });
  return out.outputFiles[0].text;
}

async function reportWithTimings(
  session: Session,
  url: string,
  timeout = 30_000,
): Promise<{ timings: PageTimings; clauseCount: number }> {
  const end = Date.now() + timeout;
  // The report is read from the extension's worker, where the analysis runs: asking while it works would be
  // measured as ours. The first ask waits until even the longest page has long been painted.
  await new Promise((r) => setTimeout(r, QUIET_BEFORE_ASKING_MS));
  while (Date.now() < end) {
    // Runs in the service worker: the types are written inline, nothing from this module exists there.
    const found = await session.worker.evaluate(async (u) => {
      type Entry = { url?: unknown; timings?: unknown };
      const storage = (
        globalThis as unknown as {
          chrome: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } };
        }
      ).chrome.storage.session;
      const all = await storage.get(null);
      for (const [k, v] of Object.entries(all))
        if (k.startsWith('tab:') && (v as Entry).url === u && (v as Entry).timings)
          return v as { timings: PageTimings; clauseCount: number };
      return null;
    }, url);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no painted report for ${url}`);
}

/** The long task holding DOMContentLoaded's start, in ms (0 when that task was under 50 ms). */
function dclTask(tasks: LongTask[], dcl: number): number {
  const holding = tasks.find((t) => t.start <= dcl && t.start + t.duration >= dcl);
  return holding ? holding.duration : 0;
}

/** When the task holding DOMContentLoaded's start ended (the event itself when that task was under 50 ms). */
function dclTaskEnd(tasks: LongTask[], dcl: number): number {
  const holding = tasks.find((t) => t.start <= dcl && t.start + t.duration >= dcl);
  return holding ? holding.start + holding.duration : dcl;
}

async function openMeasured(session: Session, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: Array<{ start: number; duration: number }> };
    w.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      /* no long-task timing here */
    }
  });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** The UI (loaded after painting) is in the page: the work that follows the paint is done too. */
async function uiSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('notice-lens-ui') !== null, null, { timeout: 15_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 200))));
}

async function measurePage(
  session: Session,
  label: string,
  html: string,
  runs: number,
  probe: string,
  log: (s: string) => void,
  probes = true,
): Promise<PageFigures> {
  const samples: Record<string, number[]> = {};
  const add = (k: string, v: number) => (samples[k] ??= []).push(v);
  let clauses = 0;
  let chars = 0;
  let rangesPainted = 0;
  const long = { total: 0, runsWithAny: 0, longest: 0, joined: 0, longestJoined: 0 };
  const loadAtStart = loadavg()[0];
  // One warm-up load: the browser's own caches (fonts, the extension's files) are then as on a working day.
  for (let r = -1; r < runs; r++) {
    const url = `https://www.gov.cn/zhengce/content/bench/${label}.htm?run=${r + 1}`;
    session.serve(url, html);
    const page = await openMeasured(session, url);
    const { timings, clauseCount } = await reportWithTimings(session, url);
    await uiSettled(page);
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      // Its start: the content script is loaded before it and starts right after it; all of that counts.
      return { dcl: n.domContentLoadedEventStart };
    });
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks);
    if (r >= 0) add('dclTask', dclTask(tasks, nav.dcl));
    let readability = { parse: 0, clone: 0, found: false };
    let paint: PaintComparison = { ranges: 0, highlightScript: 0, highlightFrame: 0, wrapScript: 0, wrapFrame: 0 };
    if (probes) {
      await page.addScriptTag({ content: probe });
      readability = await page.evaluate(() =>
        (globalThis as unknown as { __noticeLensBench: Probe }).__noticeLensBench.readability(),
      );
      paint = await page.evaluate(() =>
        (globalThis as unknown as { __noticeLensBench: Probe }).__noticeLensBench.paint(),
      );
    }
    chars = await page.evaluate(() => document.body.innerText.length);
    await page.close();
    if (r < 0) continue;

    clauses = clauseCount;
    rangesPainted = paint.ranges;
    const started = timings.paintedAt - timings.total;
    const ours = tasks.filter((t) => t.start + t.duration > started);
    long.total += ours.length;
    if (ours.length) long.runsWithAny++;
    for (const t of ours) long.longest = Math.max(long.longest, t.duration);
    for (const t of ours.filter((t) => t.start < started)) {
      long.joined++;
      long.longestJoined = Math.max(long.longestJoined, t.duration);
    }
    add('paintedAfterLoad', timings.paintedAt - nav.dcl);
    add('paintedAfterPageTask', timings.paintedAt - dclTaskEnd(tasks, nav.dcl));
    add('paintedSinceNavigation', timings.paintedAt);
    for (const k of PIPELINE_STAGES) add(k, timings[k]);
    add(
      'pipeline',
      timings.extract +
        timings.normalise +
        timings.metadata +
        timings.detect +
        timings.obligations +
        timings.transfer +
        timings.ranges +
        timings.paint,
    );
    add('backgroundPauses', timings.backgroundPauses);
    add('onPage', timings.extract + timings.normalise + timings.ranges + timings.paint);
    add('longestStage', Math.max(timings.extract, timings.normalise, timings.paint));
    add('readabilityParse', readability.parse);
    add('readabilityClone', readability.clone);
    for (const k of ['highlightScript', 'highlightFrame', 'wrapScript', 'wrapFrame'] as const) add(k, paint[k]);
  }
  // The same page without the extension: how long its own task holding DOMContentLoaded (parsing, the event,
  // the first layout) is, so the long tasks that begin before the script can be told apart from its own.
  for (let r = -1; r < runs; r++) {
    const url = `https://bench.example.org/${label}.htm?run=${r + 1}`;
    session.serve(url, html);
    const page = await openMeasured(session, url);
    await page.evaluate(() => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 300))));
    const dcl = await page.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
    );
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks);
    await page.close();
    if (r >= 0) add('dclTaskAlone', dclTask(tasks, dcl));
  }
  const t = (k: string) => summarise(samples[k]);
  const ratio = (a: string, b: string) => round(t(a).median / Math.max(t(b).median, 0.01));
  const figures: PageFigures = {
    label,
    load: { start: round(loadAtStart), end: round(loadavg()[0]) },
    chars,
    clauses,
    runs,
    paintedAfterLoad: t('paintedAfterLoad'),
    paintedSinceNavigation: t('paintedSinceNavigation'),
    paintedAfterPageTask: t('paintedAfterPageTask'),
    parts: {
      extract: t('extract'),
      normalise: t('normalise'),
      metadata: t('metadata'),
      detect: t('detect'),
      obligations: t('obligations'),
      transfer: t('transfer'),
      ranges: t('ranges'),
      paint: t('paint'),
    },
    pipeline: t('pipeline'),
    backgroundPauses: t('backgroundPauses'),
    onPage: t('onPage'),
    longestStage: t('longestStage'),
    longTasks: {
      ...long,
      longest: round(long.longest),
      longestJoined: round(long.longestJoined),
      dclTask: { withExtension: t('dclTask').median, pageAlone: t('dclTaskAlone').median },
    },
    readabilityParse: t('readabilityParse'),
    readabilityClone: t('readabilityClone'),
    pipelineOverReadability: ratio('pipeline', 'readabilityParse'),
    paint: {
      ranges: rangesPainted,
      highlightScript: t('highlightScript'),
      highlightFrame: t('highlightFrame'),
      wrapScript: t('wrapScript'),
      wrapFrame: t('wrapFrame'),
    },
    wrapOverHighlight: { script: ratio('wrapScript', 'highlightScript'), frame: ratio('wrapFrame', 'highlightFrame') },
  };
  log(
    `${label.padEnd(14)} ${String(chars).padStart(7)} chars ${String(clauses).padStart(5)} clauses  painted ${figures.paintedAfterLoad.median} ms after load (${figures.paintedAfterPageTask?.median} after the page's task holding it)` +
      ` (pipeline ${figures.pipeline.median}, Readability.parse ${figures.readabilityParse.median}, ×${figures.pipelineOverReadability})` +
      `  longest stage ${figures.longestStage.median} ms, long tasks ${long.total} (${long.joined} begun before the script, longest ${round(long.longestJoined)} ms;` +
      ` the task holding DOMContentLoaded ${figures.longTasks.dclTask?.withExtension} ms, page alone ${figures.longTasks.dclTask?.pageAlone} ms)` +
      `  wrap/highlight ×${figures.wrapOverHighlight.script} script, ×${figures.wrapOverHighlight.frame} to frame` +
      `  (load ${figures.load!.start}→${figures.load!.end})`,
  );
  return figures;
}

/**
 * The floor's figures on one page: loads in a session of the minimal extension (fresh profile), one warm-up
 * load first, the paint read from the mark its content script sets, counted from DOMContentLoaded and from the
 * end of the page's own task holding it, as for the extension.
 */
async function measureFloor(
  session: Session,
  label: string,
  html: string,
  runs: number,
): Promise<Omit<NonNullable<PageFigures['floor']>, 'oursMinusFloor'>> {
  const afterLoad: number[] = [];
  const afterPageTask: number[] = [];
  const frame: number[] = [];
  const loadAtStart = loadavg()[0];
  for (let r = -1; r < runs; r++) {
    const url = `https://www.gov.cn/zhengce/content/bench/floor-${label}.htm?run=${r + 1}`;
    session.serve(url, html);
    const page = await openMeasured(session, url);
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, FLOOR_FRAME_MARK, {
      timeout: 15_000,
    });
    // As for the extension: a frame and a moment more, so the long tasks up to the paint are reported.
    await page.evaluate(() => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 200))));
    const seen = await page.evaluate(
      ([painted, frame]) => ({
        dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
        paintedAt: performance.getEntriesByName(painted)[0].startTime,
        frameAt: performance.getEntriesByName(frame)[0].startTime,
        tasks: (window as unknown as { __longTasks: LongTask[] }).__longTasks,
      }),
      [FLOOR_MARK, FLOOR_FRAME_MARK] as const,
    );
    await page.close();
    if (r < 0) continue;
    afterLoad.push(seen.paintedAt - seen.dcl);
    afterPageTask.push(seen.paintedAt - dclTaskEnd(seen.tasks, seen.dcl));
    frame.push(seen.frameAt - seen.dcl);
  }
  return {
    load: { start: round(loadAtStart), end: round(loadavg()[0]) },
    paintedAfterLoad: summarise(afterLoad),
    paintedAfterPageTask: summarise(afterPageTask),
    frameAfterLoad: summarise(frame),
  };
}

/** JS heap and DOM nodes of the same page with the content script (gov.cn URL) and without (another host). */
async function measureMemory(session: Session, label: string, html: string, runs: number) {
  const heap: number[] = [];
  const nodes: number[] = [];
  const metrics = async (page: Page) => {
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { metrics: list } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => list.find((m) => m.name === name)?.value ?? 0;
    await cdp.detach();
    return { heap: get('JSHeapUsedSize'), nodes: get('Nodes') };
  };
  for (let r = 0; r < runs; r++) {
    const withUrl = `https://www.gov.cn/zhengce/content/bench/memory-${label}.htm?run=${r}`;
    const withoutUrl = `https://bench.example.org/memory-${label}.htm?run=${r}`;
    session.serve(withUrl, html);
    session.serve(withoutUrl, html);
    const plain = await session.context.newPage();
    await plain.goto(withoutUrl, { waitUntil: 'load' });
    await plain.evaluate(() => new Promise((res) => setTimeout(res, 300)));
    const before = await metrics(plain);
    await plain.close();
    const page = await session.context.newPage();
    await page.goto(withUrl, { waitUntil: 'load' });
    await reportWithTimings(session, withUrl);
    await uiSettled(page);
    const after = await metrics(page);
    await page.close();
    heap.push((after.heap - before.heap) / 1024);
    nodes.push(after.nodes - before.nodes);
  }
  return { label, runs, heapAddedKB: summarise(heap), domNodesAdded: summarise(nodes) };
}

async function measureAnchoring(session: Session, probe: string, runs: number) {
  const text = longNotice(loadSeeds(), 100_000, 7);
  const workload = buildWorkload(text, 500, 11);
  const edited = editWorkload(workload, 13);
  const url = 'https://bench.example.org/anchoring.htm';
  session.serve(url, '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  const page = await session.context.newPage();
  await page.goto(url);
  await page.addScriptTag({ content: probe });
  const run = (t: string) =>
    page.evaluate(
      ([t, items, outline, n]) =>
        (globalThis as unknown as { __noticeLensBench: Probe }).__noticeLensBench.anchor(t, items, outline, n),
      [t, workload.items, buildOutline(t), runs + 1] as const,
    );
  const exact = await run(workload.text);
  const after = await run(edited.text);
  await page.close();
  return {
    annotations: workload.items.length,
    chars: text.length,
    exactCold: round(exact.times[0]),
    exact: summarise(exact.times.slice(1)),
    editedCold: round(after.times[0]),
    edited: summarise(after.times.slice(1)),
    placedExact: exact.placed,
    placedEdited: after.placed,
  };
}

async function measureCompare(session: Session, probe: string, runs: number) {
  const seeds = seedNotices();
  const texts = Array.from({ length: 5 }, (_, k) => builtNotice(seeds, k, 10_000));
  const url = 'https://bench.example.org/compare.htm';
  session.serve(url, '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  const page = await session.context.newPage();
  await page.goto(url);
  await page.addScriptTag({ content: probe });
  const result = await page.evaluate(
    ([t, n]) => (globalThis as unknown as { __noticeLensBench: Probe }).__noticeLensBench.compare(t, n),
    [texts, runs + 2] as const,
  );
  await page.close();
  return { notices: texts.length, chars: texts.map((t) => t.length), time: summarise(result.times.slice(2)) };
}

/**
 * The floor beside each generated page's figures, in a browser of its own with the minimal extension only
 * (a fresh profile, as for the extension), then closed.
 */
async function addFloor(
  generated: Array<{ p: PageFigures; size: number }>,
  runs: number,
  log: (s: string) => void,
): Promise<void> {
  const dir = writeFloorExtension();
  const session = await launch({ uiLanguage: 'zh_CN', extensionDir: dir });
  try {
    for (const { p, size } of generated) {
      const floor = await measureFloor(session, p.label, regulationPage(size), runs);
      const afterPageTask = p.paintedAfterPageTask?.median ?? p.paintedAfterLoad.median;
      p.floor = {
        ...floor,
        oursMinusFloor: {
          afterLoad: round(p.paintedAfterLoad.median - floor.paintedAfterLoad.median),
          afterPageTask: round(afterPageTask - floor.paintedAfterPageTask.median),
          registeredMinusFloorOnScreen: round(p.paintedAfterLoad.median - floor.frameAfterLoad.median),
        },
      };
      log(
        `${p.label.padEnd(14)} floor (a content script that finds one sentence and paints it): ${floor.paintedAfterLoad.median} ms after load, ${floor.paintedAfterPageTask.median} after the page's task holding it, on screen (next frame) ${floor.frameAfterLoad.median} (${floor.frameAfterLoad.min}–${floor.frameAfterLoad.max}) ms after load;` +
          ` ours ${p.paintedAfterLoad.median} / ${afterPageTask}; ours minus floor ${p.floor.oursMinusFloor.afterLoad} / ${p.floor.oursMinusFloor.afterPageTask} ms, ours registered minus floor on screen ${p.floor.oursMinusFloor.registeredMinusFloorOnScreen} ms` +
          `  (load ${floor.load.start}→${floor.load.end})`,
      );
    }
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchPages(options: PageBenchOptions = {}): Promise<PageBench> {
  const runs = options.runs ?? 7;
  const log = options.log ?? console.log;
  const probe = await probeCode();
  const session = await launch({ uiLanguage: 'zh_CN' });
  try {
    const chromium = session.context.browser()?.version() ?? 'unknown';
    const pages: PageFigures[] = [];
    for (const size of options.sizes ?? PAGE_SIZES)
      pages.push(
        await measurePage(
          session,
          `generated-${size / 1000}k`,
          regulationPage(size),
          runs,
          probe,
          log,
          options.probes !== false,
        ),
      );
    const sizes = options.sizes ?? PAGE_SIZES;
    if (options.floor)
      await addFloor(
        sizes.map((size, i) => ({ p: pages[i], size })),
        runs,
        log,
      );
    if (options.extras === false) return { pages, chromium } as PageBench;
    for (const file of SEED_FILES)
      pages.push(
        await measurePage(
          session,
          `seed-${file.slice(0, 3)}`,
          seedPage(file),
          Math.max(3, Math.ceil(runs / 2)),
          probe,
          log,
        ),
      );
    const memory = await measureMemory(session, '100k', regulationPage(100_000), Math.max(3, Math.ceil(runs / 2)));
    log(
      `memory added by the content script on the 100k page: ${memory.heapAddedKB.median} KB JS heap, ${memory.domNodesAdded.median} DOM nodes`,
    );
    const anchoring = await measureAnchoring(session, probe, Math.max(9, runs));
    log(
      `re-anchoring ${anchoring.annotations} annotations on ${anchoring.chars} chars: exact ${anchoring.exact.median} ms (cold ${anchoring.exactCold}), after edits ${anchoring.edited.median} ms (cold ${anchoring.editedCold})`,
    );
    const compare = await measureCompare(session, probe, Math.max(9, runs));
    log(`compare of five 10,000-character notices: ${compare.time.median} ms`);
    return { pages, memory, anchoring, compare, chromium };
  } finally {
    await session.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const started = performance.now();
  const result = await benchPages({
    runs: arg('runs') ? Number(arg('runs')) : undefined,
    sizes: arg('sizes')?.split(',').map(Number),
    extras: !process.argv.includes('--pages-only'),
    probes: !process.argv.includes('--no-probes'),
    floor: process.argv.includes('--floor'),
  });
  for (const p of result.pages)
    console.log(
      `${p.label}: ${Object.entries(p.parts)
        .map(([k, v]) => `${k} ${v.median}`)
        .join(', ')}, background pauses ${p.backgroundPauses.median}`,
    );
  console.log(`(${Math.round((performance.now() - started) / 1000)} s)`);
}
