/**
 * One analysis of the page: read its text here (the part that needs the DOM), have the background run the
 * string stages, and decode its answer against the text that was sent. `AnalysisRuns` keeps runs from
 * overlapping and bounds the re-runs a changing page may cause.
 */
import type { PageAnalysis, StageTimings } from '../analyse';
import { provideReadability, readabilityProvided, type ReadabilityConstructor } from '../extract/readability-roots';
import { noticeId as identify } from '../identity';
import type { AnalysisReport, Request, Response } from '../messages';
import { decodeAnalysis } from '../messages/wire';
import { readPageText, textForAnalysis, type PageText, type TextForAnalysis } from '../page-text';
import type { ObligationCategory } from '../types';
import { loadedModule, type LazyModule, type LoadModuleRequest } from './modules';
import { yieldToMain } from './schedule';
import { RerunBudget, whenSettled } from './watch-page';

export type Send = (request: Request | LoadModuleRequest) => Promise<Response>;

export interface AnalysisDeps {
  win: Window & typeof globalThis;
  doc: Document;
  send: Send;
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
  const readPage = (): PageText => {
    const t = performance.now();
    const text = readPageText(doc, url);
    stages.extract += performance.now() - t;
    return text;
  };
  let text = readPage();
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
  const sent = performance.now();
  const input = textForAnalysis(text, url);
  const answer = await analyseRemotely(send, input, force, signal);
  if (answer === null || signal?.aborted) return null;
  const received = performance.now();
  let decoded: ReturnType<typeof decodeAnalysis>;
  try {
    decoded = decodeAnalysis(answer, input.text);
  } catch {
    return null;
  }
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
  };
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
