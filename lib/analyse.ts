/**
 * The whole analysis of one notice: page or text in, `NoticeAnalysis` out.
 *
 * Data flows one way: extract (site adapter, Readability fallback) → linear text with a DOM map →
 * normalise → metadata and outline → detect → obligations. Pure: a Document or a string in, plain data out;
 * the same code runs in the extension, the command-line analyser and the tests. In the extension the DOM
 * stages (page-text.ts) run in the content script and the string stages (`textAnalysisSteps`) in the
 * background, off the page's main thread.
 */
import type { DomText } from './text/dom-text';
import { normaliseText, type NormalisedText } from './text/normalise';
import { extractPkulawApiRecord } from './extract';
import { lineariseRoots, MAX_TEXT_LENGTH, readPageText, textForAnalysis, type TextForAnalysis } from './page-text';
import { detectNotice } from './detect';
import { readMetadata, readOutline } from './metadata';
import { findObligations, obligationSteps } from './obligations';
import { locateClauses } from './obligations/locate';
import type {
  Clause,
  ExtractedPage,
  LabelledFields,
  NoticeAnalysis,
  NoticeMetadata,
  OutlineItem,
  Result,
  Site,
} from './types';

export interface AnalyseOptions {
  /** Find obligations even when the page is not judged a notice (the analyst asked for it). */
  force?: boolean;
}

/** A page's analysis plus what the content script needs to paint it: the DOM text map and the normalisation map. */
export interface PageAnalysis {
  analysis: NoticeAnalysis;
  domText: DomText;
  norm: NormalisedText;
  page: ExtractedPage;
}

export { lineariseRoots, MAX_TEXT_LENGTH, readPageText, textForAnalysis, type TextForAnalysis } from './page-text';

/** Per-stage timings in ms, for the benchmarks and the in-page budget checks. */
export interface StageTimings {
  extract: number;
  normalise: number;
  metadata: number;
  detect: number;
  obligations: number;
}

type Stage = keyof StageTimings;

/**
 * The document analysis as steps: each `yield` names the stage whose work ran since the previous one, and is
 * a point where the thread running it may be given back (see `runSliced`);
 * `analyseDocument` runs the steps straight through.
 */
export function* documentAnalysisSteps(
  doc: Document,
  url: string | null,
  options: AnalyseOptions = {},
): Generator<Stage, PageAnalysis, void> {
  const text = readPageText(doc, url);
  yield 'extract';
  const { analysis, norm } = yield* textAnalysisSteps(textForAnalysis(text, url), options);
  return { analysis, norm, ...text };
}

/** What the string stages give: the analysis, and the normalised text with its map to the text as read. */
export interface TextAnalysis {
  analysis: NoticeAnalysis;
  norm: NormalisedText;
}

/** The string stages: normalise, metadata and outline, detection, obligations (the part that needs no DOM). */
export function* textAnalysisSteps(
  input: TextForAnalysis,
  options: AnalyseOptions = {},
): Generator<Stage, TextAnalysis, void> {
  const { site, labelled, title, url } = input;
  const norm = normaliseText(input.text.length > MAX_TEXT_LENGTH ? input.text.slice(0, MAX_TEXT_LENGTH) : input.text);
  const text = norm.text;
  yield 'normalise';
  const { metadata, outline } = readMetadataAndOutline(text, labelled, title, url);
  yield 'metadata';
  const detection = detect(text, site, labelled, metadata, url, input.listPage, input.pending);
  yield 'detect';
  let obligations: Clause[] = [];
  if (detection.isNotice || options.force) {
    const steps = obligationSteps(text, { addressees: metadata.addressees });
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        obligations = step.value;
        break;
      }
      yield 'obligations';
    }
  }
  return { analysis: assemble(text, site, metadata, outline, detection, obligations), norm };
}

/** Analyse a live or parsed document in one go. */
export function analyseDocument(
  doc: Document,
  url: string | null,
  options: AnalyseOptions = {},
  timings?: StageTimings,
): PageAnalysis {
  const steps = documentAnalysisSteps(doc, url, options);
  for (;;) {
    const step = stepTimed(steps, timings, 'obligations');
    if (step.done) return step.value;
  }
}

/** How long the analysis may hold the page's main thread before it gives it back (ms). */
export const SLICE_MS = 12;

/**
 * Run analysis steps, awaiting `pause()` whenever a stretch of work has used up `sliceMs`, so no single task
 * holds its thread for long (the page's, or the background worker's, which has messages to answer).
 * Timings count work only, not the pauses.
 */
export async function runSliced<T>(
  steps: Generator<Stage, T, void>,
  pause: () => Promise<void>,
  timings?: StageTimings,
  sliceMs = SLICE_MS,
): Promise<T> {
  let sliceStart = now();
  for (;;) {
    const step = stepTimed(steps, timings, 'obligations');
    if (step.done) return step.value;
    if (now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = now();
    }
  }
}

/** Analyse a live document in slices (see `runSliced`). */
export function analyseDocumentSliced(
  doc: Document,
  url: string | null,
  pause: () => Promise<void>,
  options: AnalyseOptions = {},
  timings?: StageTimings,
  sliceMs = SLICE_MS,
): Promise<PageAnalysis> {
  return runSliced(documentAnalysisSteps(doc, url, options), pause, timings, sliceMs);
}

/** One step, its time added to the stage it names (the final step's to `last`). */
function stepTimed<T>(
  steps: Generator<Stage, T, void>,
  timings: StageTimings | undefined,
  last: Stage,
): IteratorResult<Stage, T> {
  if (!timings) return steps.next();
  const t = now();
  const step = steps.next();
  timings[step.done ? last : step.value] += now() - t;
  return step;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Analyse a plain text: a pasted notice, a pkulaw TXT export (`【法宝引证码】` on its first line). */
export function analyseText(source: string, url: string | null = null, options: AnalyseOptions = {}): NoticeAnalysis {
  const norm = dropTrailingChrome(
    normaliseText(source.length > MAX_TEXT_LENGTH ? source.slice(0, MAX_TEXT_LENGTH) : source),
  );
  const labelled = readLabelledLines(norm.text);
  const site: Site = /【法宝引证码】|北大法宝/.test(norm.text.slice(0, 400)) ? 'pkulaw' : 'text';
  return analyseNormalised(norm.text, site, labelled, null, url, null, options);
}

/** Analyse a pkulaw app-API JSON record (`data.law` with `fullText` HTML). */
export function analysePkulawRecord(
  json: unknown,
  parseHtml: (html: string) => Document,
  url: string | null = null,
  options: AnalyseOptions = {},
): Result<NoticeAnalysis> {
  const extracted = extractPkulawApiRecord(json, parseHtml);
  if ('error' in extracted) return { ok: false, error: extracted.error };
  const page = { ...extracted.page, url: extracted.page.url ?? url };
  const domText = lineariseRoots(page);
  const norm = normaliseText(domText.text);
  return {
    ok: true,
    value: analyseNormalised(norm.text, 'pkulaw', page.labelled, page.title, page.url, page, options),
  };
}

function analyseNormalised(
  text: string,
  site: Site,
  labelled: LabelledFields,
  title: string | null,
  url: string | null,
  page: ExtractedPage | null,
  options: AnalyseOptions,
): NoticeAnalysis {
  const { metadata, outline } = readMetadataAndOutline(text, labelled, title, url);
  const detection = detect(
    text,
    site,
    labelled,
    metadata,
    url,
    page?.pageSignals.listPage ?? false,
    page?.pageSignals.pending ?? false,
  );
  const obligations =
    detection.isNotice || options.force ? findObligations(text, { addressees: metadata.addressees }) : [];
  return assemble(text, site, metadata, outline, detection, obligations);
}

function readMetadataAndOutline(text: string, labelled: LabelledFields, title: string | null, url: string | null) {
  return { metadata: readMetadata({ text, labelled, title, url }), outline: readOutline(text) };
}

function detect(
  text: string,
  site: Site,
  labelled: LabelledFields,
  metadata: NoticeMetadata,
  url: string | null,
  listPage: boolean,
  pending: boolean,
) {
  return detectNotice({
    url: metadata.url ?? url,
    site,
    text,
    labelled,
    title: metadata.title,
    hasDocNumber: metadata.docNumber !== null,
    docTypeFromTitle: metadata.docType,
    hasAddresseeLine: metadata.addressees.length > 0,
    listPage,
    pending,
  });
}

function assemble(
  text: string,
  site: Site,
  metadata: NoticeMetadata,
  outline: OutlineItem[],
  detection: ReturnType<typeof detectNotice>,
  obligations: Clause[],
): NoticeAnalysis {
  const locations = locateClauses(
    outline,
    obligations.map((c) => c.start),
  );
  return {
    isNotice: detection.isNotice,
    confidence: detection.confidence,
    site,
    metadata,
    text,
    outline,
    obligations: obligations.map((c, i) => ({ ...c, location: locations[i] })),
    signals: detection.signals,
  };
}

/**
 * Page furniture that copied texts carry after the signature: editor and correction lines, print/close
 * links, share prompts. Only trailing lines are dropped, so nothing inside the notice can be lost.
 */
const TRAILING_CHROME =
  /^(?:(?:责任)?编辑\s*[:：]|纠错\s*[:：]|【?\s*(?:打印|关闭)(?:本页|窗口)?\s*】?$|分享到|扫一扫|来源\s*[:：].{0,20}$|\[?(?:打印|关闭)\]?\s*\[?(?:打印|关闭)?\]?$)/;

export function dropTrailingChrome(norm: NormalisedText): NormalisedText {
  let end = norm.text.length;
  for (let i = 0; i < 6 && end > 0; i++) {
    const lineStart = norm.text.lastIndexOf('\n', end - 1) + 1;
    if (!TRAILING_CHROME.test(norm.text.slice(lineStart, end))) break;
    end = Math.max(0, lineStart - 1);
  }
  if (end === norm.text.length) return norm;
  const map = norm.map.slice(0, end + 1);
  map[end] = norm.map[end];
  return { text: norm.text.slice(0, end), map };
}

/** Labels a pkulaw TXT export or a copied detail page prints as `label：value` lines near the top. */
const HEAD_LABELS = new Set([
  '发文字号',
  '制定机关',
  '发布部门',
  '发文机关',
  '公布日期',
  '发布日期',
  '施行日期',
  '实施日期',
  '成文日期',
  '时效性',
  '效力位阶',
  '效力级别',
  '法规类别',
  '批准部门',
  '批准日期',
]);

/** Read `制定机关：全国人大常委会`-style lines from the first 40 lines of a text. */
export function readLabelledLines(text: string): LabelledFields {
  const fields: LabelledFields = {};
  const lines = text.split('\n', 40);
  for (const line of lines) {
    const m = /^([\u4e00-\u9fff]{2,6})\s*[：:]\s*(.{1,200})$/.exec(line);
    if (m && HEAD_LABELS.has(m[1]) && !(m[1] in fields)) fields[m[1]] = m[2].trim();
  }
  return fields;
}
