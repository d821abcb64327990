/**
 * The properties every engine entry point must keep on any input, as functions returning a list of
 * problems ([] = fine). An exception escaping an entry point is caught here and reported as a problem, so
 * one case's failure names the entry point and the case's seed rather than aborting the run.
 */
import { MAX_TEXT_LENGTH, analyseDocument, analysePkulawRecord, analyseText } from '../../lib/analyse';
import { anchorOutcomes, anchorSelectors, describeSpan } from '../../lib/anchoring';
import { toCliRecord } from '../../lib/cli/analyze';
import { cliRecordProblems, isIsoDate, loneSurrogateAt } from '../../lib/cli/output-shape';
import {
  docTypeOfTitle,
  findDocNumber,
  parseChineseDate,
  readMetadata,
  readOutline,
  stripTitleSuffix,
} from '../../lib/metadata';
import { findObligations } from '../../lib/obligations';
import { tryCanonicalUrl } from '../../lib/identity';
import { validateRequest } from '../../lib/messages/validate';
import { textForAnalysis } from '../../lib/page-text';
import { normaliseText } from '../../lib/text/normalise';
import { decodeOffsetMap, encodeOffsetMap } from '../../lib/text/offset-runs';
import type { LabelledFields, NoticeAnalysis, OutlineItem } from '../../lib/types';
import { emptyMetadata } from '../../lib/types';
import type { Rng } from './generate';

/**
 * Liveness bounds (ms): generous, to catch hangs and quadratic blow-ups, not to measure speed. They bound
 * the CPU time this test process spent on the call, not the time on the clock, so a machine busy with other
 * work does not make a case fail (a hang or a blow-up spends CPU all the same).
 */
export const ORDINARY_MS = 2_000;
export const LARGE_MS = 10_000;
export const HUGE_MS = 20_000;

export interface Timed<T> {
  value?: T;
  error?: unknown;
  /** CPU time (user + system) of this process during the call. */
  ms: number;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export function timed<T>(run: () => T): Timed<T> {
  const t = cpuMs();
  try {
    const value = run();
    return { value, ms: cpuMs() - t };
  } catch (error) {
    return { error, ms: cpuMs() - t };
  }
}

function describeError(e: unknown): string {
  const err = e as Error;
  const where = err?.stack?.split('\n').slice(1, 4).join(' | ') ?? '';
  return `${err?.name ?? 'Error'}: ${err?.message ?? String(e)} ${where}`;
}

/** Run `name`, adding a problem when it throws or takes longer than `limitMs`. */
export function guarded<T>(problems: string[], name: string, limitMs: number, run: () => T): T | undefined {
  const r = timed(run);
  if (r.error !== undefined) problems.push(`${name} threw ${describeError(r.error)}`);
  if (r.ms > limitMs) problems.push(`${name} took ${Math.round(r.ms)} ms of CPU (bound ${limitMs} ms)`);
  return r.value;
}

/** The printed record, as a reader of the analyser's output sees it (through JSON). */
function printed(a: NoticeAnalysis): unknown {
  return JSON.parse(JSON.stringify(toCliRecord('case', a)));
}

function recordProblems(problems: string[], name: string, a: NoticeAnalysis | undefined, forced = false): void {
  if (!a) return;
  for (const p of cliRecordProblems(printed(a), { forced })) problems.push(`${name}: ${p}`);
  // A highlight covers words: no clause starts or ends with white space.
  for (const c of a.obligations) {
    if (/^\s|\s$/.test(c.text))
      problems.push(
        `${name}: clause ${c.start}-${c.end} has white space at an edge: ${JSON.stringify(c.text.slice(0, 30))}`,
      );
  }
}

/** The normaliser's contract: a map back to the source that is strictly increasing and ends at its length. */
export function normaliseProblems(source: string, limitMs = ORDINARY_MS): string[] {
  const problems: string[] = [];
  const norm = guarded(problems, 'normaliseText', limitMs, () => normaliseText(source));
  if (!norm) return problems;
  const { text, map } = norm;
  if (map.length !== text.length + 1)
    problems.push(`normaliseText: map has ${map.length} entries for ${text.length} units`);
  if (map[text.length] !== source.length)
    problems.push(`normaliseText: map ends at ${map[text.length]}, source length ${source.length}`);
  for (let i = 0; i < text.length; i++) {
    const m = map[i];
    if (m < 0 || m >= source.length || (i > 0 && m <= map[i - 1])) {
      problems.push(`normaliseText: map[${i}] = ${m} is out of order or range`);
      break;
    }
    const c = text.charCodeAt(i);
    const from = source.charCodeAt(m);
    const loneSurrogate = from >= 0xd800 && from <= 0xdfff && c === 0xfffd;
    if (c !== 0x0a && c !== 0x20 && c !== from && !loneSurrogate) {
      problems.push(
        `normaliseText: text[${i}] U+${c.toString(16)} is not source[${m}] U+${source.charCodeAt(m).toString(16)}`,
      );
      break;
    }
  }
  if (/^[ \n]|[ \n]$|\n\n| \n|\n /.test(text))
    problems.push('normaliseText: blank line, or space at a line edge, left in the text');
  return problems;
}

/**
 * A document's analysis (obligations forced or not): no throw, in time, the printed record well-formed, the
 * DOM text map consistent. Returns the analysis too, for further checks on its text.
 */
export function checkDocument(
  doc: Document,
  url: string | null,
  force: boolean,
  limitMs = ORDINARY_MS,
): { problems: string[]; analysis?: NoticeAnalysis } {
  const problems: string[] = [];
  const name = `analyseDocument(force=${force})`;
  const result = guarded(problems, name, limitMs, () => analyseDocument(doc, url, { force }));
  if (!result) return { problems };
  recordProblems(problems, name, result.analysis, force);
  const { domText, norm } = result;
  if (domText.nodes.length !== domText.starts.length)
    problems.push(`${name}: ${domText.nodes.length} nodes, ${domText.starts.length} starts`);
  for (let i = 0; i < domText.starts.length; i++) {
    const s = domText.starts[i];
    const data = domText.nodes[i].data;
    if (
      s < 0 ||
      (i > 0 && s < domText.starts[i - 1]) ||
      domText.text.slice(s, s + data.length) !== data.slice(0, domText.text.length - s)
    ) {
      problems.push(`${name}: text node ${i} is not at its start ${s}`);
      break;
    }
  }
  if (norm.text !== result.analysis.text) problems.push(`${name}: the analysis text is not the normalised text`);
  // The normalised text is of the DOM text, cut at MAX_TEXT_LENGTH (a text node may run past the cut).
  if (
    norm.map.length !== norm.text.length + 1 ||
    norm.map[norm.text.length] !== Math.min(domText.text.length, MAX_TEXT_LENGTH)
  ) {
    problems.push(`${name}: the normalisation map does not span the DOM text`);
  }
  // In the extension the page's text goes to the background for the string stages: the request the content
  // script makes of this page must pass the background's validator, or the page is silently not analysed.
  const href = url !== null && tryCanonicalUrl(url) !== null ? url : 'https://www.example.com/page.html';
  const request = { type: 'engine/analyse', input: textForAnalysis({ page: result.page, domText }, href), force };
  const validation = validateRequest(JSON.parse(JSON.stringify(request)));
  if (!validation.ok)
    problems.push(`the page's engine/analyse request is refused by the background: ${validation.error}`);
  // The background sends the normalisation map back in runs: they must decode to the same map.
  const decoded = decodeOffsetMap(encodeOffsetMap(norm.map), norm.map.length);
  if (decoded.length !== norm.map.length || decoded.some((v, i) => v !== norm.map[i]))
    problems.push(`${name}: the offset map does not survive its encoding in runs`);
  return { problems, analysis: result.analysis };
}

/** A text's analysis (obligations forced or not), plus the normaliser on the same text. */
export function checkText(
  source: string,
  url: string | null,
  force: boolean,
  limitMs = ORDINARY_MS,
): { problems: string[]; analysis?: NoticeAnalysis } {
  const problems: string[] = [];
  const name = `analyseText(force=${force})`;
  const analysis = guarded(problems, name, limitMs, () => analyseText(source, url, { force }));
  recordProblems(problems, name, analysis, force);
  problems.push(...normaliseProblems(source, limitMs));
  return { problems, analysis };
}

/** A pkulaw API record: a well-formed analysis or a clear error, never a throw. */
export function pkulawProblems(json: unknown, parseHtml: (html: string) => Document, limitMs = ORDINARY_MS): string[] {
  const problems: string[] = [];
  const r = guarded(problems, 'analysePkulawRecord', limitMs, () =>
    analysePkulawRecord(json, parseHtml, null, { force: true }),
  );
  if (!r) return problems;
  if (r.ok) recordProblems(problems, 'analysePkulawRecord', r.value, true);
  else if (typeof r.error !== 'string' || r.error.trim() === '')
    problems.push('analysePkulawRecord: an error without a message');
  // The catch-all message means something inside the reader threw: a malformed record must get a clear one.
  else if (/could not be read/.test(r.error))
    problems.push(`analysePkulawRecord: an exception inside the reader: ${r.error}`);
  return problems;
}

/**
 * The metadata readers and the obligation finder on a raw (not normalised) text, labelled fields and a
 * title: no throw, in time, well-formed output.
 */
export function readerProblems(
  text: string,
  labelled: LabelledFields,
  title: string | null,
  limitMs = ORDINARY_MS,
): string[] {
  const problems: string[] = [];
  const metadata = guarded(problems, 'readMetadata', limitMs, () => readMetadata({ text, labelled, title, url: null }));
  const outline = guarded(problems, 'readOutline', limitMs, () => readOutline(text));
  const clauses = guarded(problems, 'findObligations', limitMs, () =>
    findObligations(text, { addressees: metadata?.addressees ?? [] }),
  );
  const analysis: NoticeAnalysis = {
    isNotice: true,
    confidence: 1,
    site: 'text',
    metadata: metadata ?? emptyMetadata(),
    text,
    outline: outline ?? [],
    obligations: clauses ?? [],
    signals: [],
  };
  // The readers run on raw text here, so only shape and offsets are checked, not well-formed strings of
  // the text itself (the normaliser is what guarantees those).
  for (const p of cliRecordProblems(printed(analysis))) if (!/lone surrogate/.test(p)) problems.push(`readers: ${p}`);
  for (const s of [text, title ?? '', ...Object.values(labelled)]) {
    const number = guarded(problems, 'findDocNumber', limitMs, () => findDocNumber(s));
    if (number) problems.push(...docNumberProblems(s, number));
    const date = guarded(problems, 'parseChineseDate', limitMs, () => parseChineseDate(s));
    if (date !== null && date !== undefined && !isIsoDate(date))
      problems.push(`parseChineseDate: ${JSON.stringify(date)} is not an ISO date`);
    guarded(problems, 'docTypeOfTitle', limitMs, () => docTypeOfTitle(s));
    const stripped = guarded(problems, 'stripTitleSuffix', limitMs, () => stripTitleSuffix(s));
    if (stripped !== undefined && s.trim() !== '' && stripped === '')
      problems.push('stripTitleSuffix: blank result for a non-blank title');
  }
  return problems;
}

const IGNORED_IN_NUMBER = /[\s\u3000()（）[\]［］【】]/g;

/** A 文号 found in `s`: its span inside `s`, its text the printed number without spaces (and 令 brackets). */
export function docNumberProblems(s: string, m: { text: string; start: number; end: number }): string[] {
  const problems: string[] = [];
  if (!(Number.isInteger(m.start) && Number.isInteger(m.end) && 0 <= m.start && m.start < m.end && m.end <= s.length)) {
    problems.push(`findDocNumber: span ${m.start}-${m.end} is not inside the string (${s.length})`);
    return problems;
  }
  if (/\s|\u3000/.test(m.text)) problems.push(`findDocNumber: ${JSON.stringify(m.text)} keeps whitespace`);
  if (s.slice(m.start, m.end).replace(IGNORED_IN_NUMBER, '') !== m.text.replace(IGNORED_IN_NUMBER, '')) {
    problems.push(
      `findDocNumber: ${JSON.stringify(m.text)} is not what is printed at ${m.start}-${m.end}: ${JSON.stringify(s.slice(m.start, m.end))}`,
    );
  }
  if (!m.text.endsWith('号')) problems.push(`findDocNumber: ${JSON.stringify(m.text)} does not end in 号`);
  return problems;
}

/**
 * Anchoring on a text: random spans described and anchored again on the same text come back where they
 * were (the stored position holds); on a damaged copy anchoring returns null or a span inside the text.
 */
export function anchoringProblems(
  r: Rng,
  text: string,
  outline: OutlineItem[],
  spans: number,
  limitMs = ORDINARY_MS,
): string[] {
  const problems: string[] = [];
  if (text.length < 2) return problems;
  for (let k = 0; k < spans; k++) {
    const start = r.int(text.length - 1);
    const end = Math.min(text.length, start + 1 + r.int(120));
    const selectors = guarded(problems, 'describeSpan', limitMs, () => describeSpan(text, start, end, outline));
    if (!selectors || selectors.length === 0) continue;
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
    if (quote && quote.type === 'TextQuoteSelector') {
      for (const part of [quote.exact, quote.prefix, quote.suffix]) {
        if (loneSurrogateAt(part) >= 0 && loneSurrogateAt(text) < 0)
          problems.push(`describeSpan: a lone surrogate in the selector of ${start}-${end}`);
      }
      if (quote.exact.trim() === '') continue;
    }
    const position = selectors.find((s) => s.type === 'TextPositionSelector');
    const same = guarded(problems, 'anchorSelectors', limitMs, () => anchorSelectors(text, selectors, outline));
    if (same === null || same === undefined) {
      // Not placed: allowed only where nothing in the text tells the span from a copy of it (its quote with
      // its whole context occurs more than once), or where its own place is among the places offered (an edge may
      // move by a character that folding drops, such as a stray surrogate).
      const offered = same === null ? anchorOutcomes(text, [selectors], outline)[0] : null;
      const own =
        offered?.kind === 'ambiguous' &&
        position?.type === 'TextPositionSelector' &&
        offered.places.some((p) => Math.abs(p.start - position.start) <= 1 && Math.abs(p.end - position.end) <= 1);
      const inContext = quote?.type === 'TextQuoteSelector' ? quote.prefix + quote.exact + quote.suffix : null;
      const repeated = inContext !== null && text.indexOf(inContext) !== text.lastIndexOf(inContext);
      if (same === null && !own && !repeated)
        problems.push(`anchorSelectors: span ${start}-${end} not found again in the unchanged text`);
    } else if (
      position &&
      position.type === 'TextPositionSelector' &&
      (same.start !== position.start || same.end !== position.end)
    ) {
      problems.push(
        `anchorSelectors: span ${position.start}-${position.end} found at ${same.start}-${same.end} in the unchanged text`,
      );
    }
    // The same selectors against a damaged copy of the text.
    const cut = r.int(text.length);
    const damaged = text.slice(0, cut) + text.slice(Math.min(text.length, cut + r.int(200)));
    const moved = guarded(problems, 'anchorSelectors(damaged)', limitMs, () =>
      anchorSelectors(damaged, selectors, outline),
    );
    if (moved && !(0 <= moved.start && moved.start <= moved.end && moved.end <= damaged.length)) {
      problems.push(`anchorSelectors: span ${moved.start}-${moved.end} outside the damaged text (${damaged.length})`);
    }
  }
  return problems;
}
