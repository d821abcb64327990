/**
 * One analysis of the page: read its text here (the part that needs the DOM), have the background run the
 * string stages, and decode its answer against the text that was sent. `AnalysisRuns` keeps runs from
 * overlapping and bounds the re-runs a changing page may cause.
 */
import type { PageAnalysis, StageTimings } from '../analyse';
import { extractPage } from '../extract';
import { provideReadability, readabilityProvided, type ReadabilityConstructor } from '../extract/readability-roots';
import { clearAll, highlightApiAvailable, paintClauses } from '../highlight/paint';
import { rawRange } from '../highlight/text-map';
import { noticeId as identify } from '../identity';
import type { AnalysisReport, Request, Response } from '../messages';
import {
  decodeAnalysisSliced,
  decodeFirstClauses,
  type EngineAnswer,
  type EngineRequest,
  type FirstClauses,
} from '../messages/wire';
import { PageTextReader, readPageText, textForAnalysis, type PageText, type TextForAnalysis } from '../page-text';
import type { DomText } from '../text/dom-text';
import type { ObligationCategory } from '../types';
import { installHighlightStyles } from './highlight-styles';
import { loadedModule, type LazyModule, type LoadModuleRequest } from './modules';
import { yieldToMain, yieldToTasks } from './schedule';
import { RerunBudget, whenSettled } from './watch-page';

export type Send = (request: Request | LoadModuleRequest) => Promise<Response>;

export interface AnalysisDeps {
  win: Window & typeof globalThis;
  doc: Document;
  send: Send;
  /** Opens the port to the background's engine (`ENGINE_PORT`); without one, analyses go through `send`. */
  connectEngine?: () => EnginePort | null;
}

/** The part of `runtime.Port` the engine client uses (the port is named `ENGINE_PORT`, lib/messages/wire.ts). */
export interface EnginePort {
  name: string;
  postMessage(message: unknown): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
  disconnect(): void;
}

/** A finished analysis, with what it cost so far (painting adds its own part). */
export interface AnalysedPage {
  result: PageAnalysis;
  noticeId: string;
  url: string;
  /** A notice, or analysed on the analyst's request (then painted whatever the engine says). */
  show: boolean;
  report: AnalysisReport & { type: 'analysis/report' };
  stages: StageTimings;
  started: number;
  transfer: number;
  backgroundPauses: number;
  /** When the clauses on screen were painted, ahead of the whole analysis (first run of a page only). */
  firstPaintedAt: number | null;
}

/** How many times a page with a body still being filled in by script is read again. */
const SETTLE_TRIES = 3;

/** The export of a module the background injects on request (once per page), or undefined when it could not. */
export async function loadModule(send: Send, name: LazyModule): Promise<unknown> {
  const present = loadedModule(name);
  if (present) return present;
  const response = await send({ type: 'page/load-module', module: name });
  return response.ok ? loadedModule(name) : undefined;
}

/** Characters read before the first message to the engine: a page this short is sent whole. */
const FIRST_READ = 4_500;
/** The head sent ahead of the rest: about two screens of a notice, cut at a line break. */
const HEAD_CHARS = 3_000;
/** The rest of a long text goes in messages of at most this many characters (each is serialised in one task). */
const PART_CHARS = 60_000;
/** Reading and decoding give the page's thread back after this long (ms). */
const SLICE_MS = 10;
/** How long the rest of the text waits for the head's clauses to be painted (ms). */
const HEAD_WAIT_MS = 150;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Analyse the page; null when the background gave no usable answer or `signal` was aborted on the way. */
export async function analysePage(
  deps: AnalysisDeps,
  force: boolean,
  signal?: AbortSignal,
): Promise<AnalysedPage | null> {
  const { win, doc, send } = deps;
  const started = performance.now();
  const stages: StageTimings = { extract: 0, normalise: 0, metadata: 0, detect: 0, obligations: 0 };
  const url = win.location.href;
  // The port first: it is set up while the page is read.
  const engine = engineClient(deps);
  let t = performance.now();
  const page = extractPage(doc, url);
  const reader = new PageTextReader(page);
  let text: PageText;
  let head: { text: DomText; complete: boolean } | null = null;
  if (!engine || page.readabilityWanted || page.pageSignals.pending) {
    reader.read(Number.MAX_SAFE_INTEGER);
    text = { page, domText: reader.result() };
    stages.extract += performance.now() - t;
  } else {
    // The first characters, sent ahead; the rest is read in slices while the engine works on them.
    const complete = reader.read(FIRST_READ);
    const read = reader.result();
    head = { text: complete ? read : headOf(read), complete };
    stages.extract += performance.now() - t;
    text = { page, domText: read };
  }
  const readPage = (): PageText => {
    const t0 = performance.now();
    const read = readPageText(doc, url);
    stages.extract += performance.now() - t0;
    return read;
  };

  let answer: string | null;
  let sent: number;
  let firstPaintedAt: number | null = null;
  let input: TextForAnalysis;
  if (head && engine) {
    sent = performance.now();
    const headInput = textForAnalysis({ page, domText: head.text }, url);
    const firstPaint = shouldPaintFirst(deps);
    let headAnswered = () => undefined as void;
    const headDone = new Promise<void>((resolve) => (headAnswered = resolve));
    const job = engine.start(headInput, force, head.complete, (first) => {
      headAnswered();
      if (!firstPaint || signal?.aborted) return;
      if (paintFirst(deps, head.text, first, force)) firstPaintedAt = performance.now();
    });
    if (!head.complete) {
      // The head's clauses first: the page's thread is left to them (and to the page's own first rendering)
      // until they are painted, or the engine is slow to answer; then the rest is read, in slices.
      if (firstPaint) await Promise.race([headDone, job.done, delay(HEAD_WAIT_MS)]);
      for (;;) {
        await yieldToTasks();
        if (signal?.aborted) return engine.cancel(job.id);
        t = performance.now();
        const done = reader.read(Number.MAX_SAFE_INTEGER, t + SLICE_MS);
        stages.extract += performance.now() - t;
        if (done) break;
      }
      t = performance.now();
      text = { page, domText: reader.result() };
      stages.extract += performance.now() - t;
      input = textForAnalysis(text, url);
      for (let at = head.text.text.length; at < input.text.length; at += PART_CHARS) {
        engine.part(job.id, input.text.slice(at, at + PART_CHARS));
        await yieldToTasks();
      }
      engine.end(job.id);
    } else input = headInput;
    answer = await job.done;
  } else {
    // Only Readability could find this page's body: load it (once per page) and read the page again.
    if (text.page.readabilityWanted && !readabilityProvided()) {
      const loaded = await loadModule(send, 'readability');
      if (signal?.aborted) return null;
      if (typeof loaded === 'function') {
        provideReadability(loaded as ReadabilityConstructor);
        text = readPage();
      }
    }
    // flk.npc.gov.cn and similar fill their body by script: wait for the page to settle, then read it again.
    for (let tries = 0; text.page.pageSignals.pending && tries < SETTLE_TRIES; tries++) {
      await whenSettled(doc, 600, 10_000, signal);
      if (signal?.aborted) return null;
      text = readPage();
    }
    // The string stages run in the background, off this page's main thread.
    await yieldToMain();
    if (signal?.aborted) return null;
    sent = performance.now();
    input = textForAnalysis(text, url);
    answer = engine
      ? await engine.start(input, force, true, () => undefined).done
      : await analyseRemotely(send, input, force, signal);
  }
  // The port closed or the engine failed on it: once more the plain way.
  if (answer === null && !signal?.aborted) answer = await analyseRemotely(send, input, force, signal);
  if (answer === null && firstPaintedAt !== null) clearAll(win);
  if (answer === null || signal?.aborted) return null;
  const received = performance.now();
  let decoded: Awaited<ReturnType<typeof decodeAnalysisSliced>>;
  try {
    decoded = await decodeAnalysisSliced(answer, input.text, yieldToMain, SLICE_MS);
  } catch {
    return null;
  }
  if (signal?.aborted) return null;
  const { analysis, norm, timings: background } = decoded;
  stages.normalise += background.normalise + (performance.now() - received);
  stages.metadata += background.metadata;
  stages.detect += background.detect;
  stages.obligations += background.obligations;
  const work = background.normalise + background.metadata + background.detect + background.obligations;
  const here = win.location.href;
  const id = identify(analysis.metadata, here);
  const counts: Partial<Record<ObligationCategory, number>> = {};
  for (const c of analysis.obligations) counts[c.category] = (counts[c.category] ?? 0) + 1;
  const show = analysis.isNotice || force;
  return {
    result: { analysis, norm, ...text },
    noticeId: id,
    url: here,
    show,
    report: {
      type: 'analysis/report',
      url: here,
      noticeId: id,
      isNotice: show,
      title: analysis.metadata.title,
      clauseCount: analysis.obligations.length,
      counts,
    },
    stages,
    started,
    transfer: Math.max(0, received - sent - background.wall),
    backgroundPauses: Math.max(0, background.wall - work),
    firstPaintedAt,
  };
}

/** The first HEAD_CHARS characters of a text read so far, cut at the next line break (or the last one). */
function headOf(read: DomText): DomText {
  let cut = read.text.indexOf('\n', HEAD_CHARS);
  if (cut < 0) cut = read.text.lastIndexOf('\n');
  if (cut <= 0) cut = read.text.length;
  let n = read.starts.length;
  while (n > 0 && read.starts[n - 1] >= cut) n--;
  return { text: read.text.slice(0, cut), nodes: read.nodes.slice(0, n), starts: read.starts.slice(0, n) };
}

/** Documents whose first analysis has started: only that one paints ahead (later runs repaint a painted page). */
const firstRuns = new WeakSet<Document>();

function shouldPaintFirst({ win, doc }: AnalysisDeps): boolean {
  if (firstRuns.has(doc)) return false;
  firstRuns.add(doc);
  return highlightApiAvailable(win);
}

/** Paint the head's clauses (a notice's, or any when the analyst asked); true when something was painted. */
function paintFirst({ win, doc }: AnalysisDeps, head: DomText, first: FirstClauses, force: boolean): boolean {
  if (!first.isNotice && !force) return false;
  const items: Array<{ category: ObligationCategory; soft: boolean; range: Range }> = [];
  for (const c of decodeFirstClauses(first, head.text.length)) {
    const range = rawRange(doc, head, c.start, c.end);
    if (range) items.push({ category: c.category, soft: c.soft, range });
  }
  if (items.length === 0) return false;
  installHighlightStyles(doc);
  paintClauses(win, items, new Set());
  return true;
}

/**
 * Open the port to the engine now, ahead of the first analysis: a background worker that was asleep
 * starts while the page is read. False when there is no port (the page then analyses through `send`).
 */
export function openEngine(deps: AnalysisDeps): boolean {
  return engineClient(deps) !== null;
}

/** One engine client per content script (the deps object a controller passes on every run). */
const clients = new WeakMap<AnalysisDeps, EngineClient | null>();

function engineClient(deps: AnalysisDeps): EngineClient | null {
  let client = clients.get(deps);
  if (client === undefined) {
    client = deps.connectEngine ? new EngineClient(deps.connectEngine) : null;
    clients.set(deps, client);
  }
  return client?.open() ? client : null;
}

interface Job {
  id: number;
  /** The whole analysis in wire form, or null when the engine failed or the port closed. */
  done: Promise<string | null>;
}

/**
 * The page's side of the engine port: one port kept open (opened again when the background restarted),
 * requests numbered, each answered first with the head's clauses and then with the whole analysis.
 */
class EngineClient {
  private port: EnginePort | null = null;
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { first: (first: FirstClauses) => void; resolve: (value: string | null) => void }
  >();

  constructor(private readonly connect: () => EnginePort | null) {}

  /** Open the port unless it is open; false when it cannot be. */
  open(): boolean {
    if (this.port) return true;
    let port: EnginePort | null;
    try {
      port = this.connect();
    } catch {
      port = null;
    }
    if (!port) return false;
    this.port = port;
    port.onMessage.addListener((raw) => this.receive(raw as EngineAnswer));
    port.onDisconnect.addListener(() => {
      if (this.port === port) this.port = null;
      for (const w of this.waiting.values()) w.resolve(null);
      this.waiting.clear();
    });
    return true;
  }

  start(input: TextForAnalysis, force: boolean, complete: boolean, first: (first: FirstClauses) => void): Job {
    const id = this.nextId++;
    const done = new Promise<string | null>((resolve) => this.waiting.set(id, { first, resolve }));
    if (!this.post({ kind: 'head', id, input, force, complete })) this.settle(id, null);
    return { id, done };
  }

  part(id: number, text: string): void {
    if (!this.post({ kind: 'part', id, text })) this.settle(id, null);
  }

  end(id: number): void {
    if (!this.post({ kind: 'end', id })) this.settle(id, null);
  }

  /** Stop waiting for a job (the page is going away); null, for the caller to return. */
  cancel(id: number): null {
    this.settle(id, null);
    return null;
  }

  private post(request: EngineRequest): boolean {
    if (!this.port && !this.open()) return false;
    try {
      this.port!.postMessage(request);
      return true;
    } catch {
      this.port = null;
      return false;
    }
  }

  private receive(answer: EngineAnswer): void {
    const w = answer && typeof answer === 'object' ? this.waiting.get(answer.id) : undefined;
    if (!w) return;
    if (answer.kind === 'first') {
      try {
        w.first(answer.first);
      } catch {
        // painting ahead is a bonus: the whole analysis still comes
      }
    } else this.settle(answer.id, answer.kind === 'full' && typeof answer.value === 'string' ? answer.value : null);
  }

  private settle(id: number, value: string | null): void {
    const w = this.waiting.get(id);
    this.waiting.delete(id);
    w?.resolve(value);
  }
}

/** The background's analysis of this page's text; one retry (the worker may be starting), then null. */
async function analyseRemotely(
  send: Send,
  input: TextForAnalysis,
  force: boolean,
  signal?: AbortSignal,
): Promise<string | null> {
  for (let attempt = 0; attempt < 2 && !signal?.aborted; attempt++) {
    const response = await send({ type: 'engine/analyse', input, force });
    if (response.ok) return typeof response.value === 'string' ? response.value : null;
    if (response.kind === 'invalid' || response.kind === 'forbidden') break;
  }
  return null;
}

/**
 * Runs of one page's analysis, one at a time: a run asked for while one is going becomes a single
 * follow-up run. Once the analyst asked for the page to be analysed, every later run is forced too.
 * Re-runs caused by the page changing are limited by a budget (renewed when the address changes), so a
 * page that never stops changing is not analysed again and again.
 */
export class AnalysisRuns {
  private running: Promise<void> | null = null;
  private again = false;
  private forced = false;
  private stopped = false;
  private count = 0;
  private readonly budget = new RerunBudget(4, 60_000);

  constructor(private readonly work: (force: boolean, run: number) => Promise<void>) {}

  /** Analyse now, or right after the run under way. Resolves when the run it joined is done. */
  run(force = false): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (force) this.forced = true;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.work(this.forced, ++this.count).finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.run();
      }
    });
    return this.running;
  }

  /** Run again because the page changed, if the budget allows; false when it does not. */
  rerun(): boolean {
    if (this.stopped || !this.budget.take()) return false;
    void this.run();
    return true;
  }

  /** A new address: the page is a new page, with a new budget. */
  renew(): void {
    this.budget.reset();
  }

  /** How many runs were started. */
  get runs(): number {
    return this.count;
  }

  /** No run starts after this. */
  stop(): void {
    this.stopped = true;
    this.again = false;
  }
}
