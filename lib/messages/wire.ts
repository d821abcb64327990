/**
 * The background's analysis of a page's text as it crosses the message channel to the content script.
 * Extension messaging costs in proportion to the bytes sent, and a long law has thousands of clauses, so
 * nothing the page can rebuild is sent: the normalised text travels as its offset runs plus the few places
 * where it differs from the text the page read, and each clause as a row without its text (a slice of the
 * normalised text) or its field names. A clause's location label is not sent either: the page rebuilds it from
 * the outline and the clause starts, with the same function the analysis used.
 */
import { locateClauses } from '../obligations/locate';
import { BEARER_SOURCES, DEADLINE_TYPES } from '../schema/enums';
import { decodeOffsetMap, encodeOffsetMap } from '../text/offset-runs';
import type { NormalisedText } from '../text/normalise';
import type { TextForAnalysis } from '../page-text';
import {
  OBLIGATION_CATEGORIES,
  type Clause,
  type Deadline,
  type NoticeAnalysis,
  type ObligationCategory,
} from '../types';

export interface BackgroundTimings {
  normalise: number;
  metadata: number;
  detect: number;
  obligations: number;
  /** From the request's arrival to the answer, pauses included. */
  wall: number;
}

type ClauseRow = [
  categories: string,
  hard: 0 | 1,
  start: number,
  end: number,
  trigger: string,
  bearer: string | null,
  bearerSource: 0 | 1 | 2,
  /** Every deadline of the clause, the first one being its `deadline`. */
  deadlines: Array<[text: string, type: 0 | 1 | 2, iso: string | null]>,
  flags: number,
  score: number,
];

interface Wire {
  analysis: Omit<NoticeAnalysis, 'text' | 'obligations'>;
  clauses: ClauseRow[];
  offsets: number[];
  /** [position in the normalised text, characters]: where it is not the read text at the mapped offset. */
  patches: Array<[number, string]>;
  /** Length of the text the page sent: an answer is only decoded against that text. */
  sourceLength: number;
  timings: BackgroundTimings;
}

/** Bearer sources and deadline types travel as their index in these lists (one build encodes and decodes). */
const SOURCES = BEARER_SOURCES;
const DEADLINES = DEADLINE_TYPES;

export function encodeAnalysis(
  analysis: NoticeAnalysis,
  norm: NormalisedText,
  source: string,
  timings: BackgroundTimings,
): string {
  const { text, obligations, ...rest } = analysis;
  const clauses: ClauseRow[] = obligations.map((c) => [
    c.categories.map((k) => OBLIGATION_CATEGORIES.indexOf(k)).join(','),
    c.strength === 'hard' ? 1 : 0,
    c.start,
    c.end,
    c.trigger,
    c.bearer?.text ?? null,
    c.bearer ? (SOURCES.indexOf(c.bearer.source) as 0 | 1 | 2) : 0,
    (c.deadlines ?? (c.deadline ? [c.deadline] : [])).map((d) => [
      d.text,
      DEADLINES.indexOf(d.type) as 0 | 1 | 2,
      d.iso,
    ]),
    (c.quoted ? 1 : 0) | (c.heading ? 2 : 0),
    c.score,
  ]);
  const patches: Array<[number, string]> = [];
  for (let i = 0; i < text.length;) {
    if (text.charCodeAt(i) === source.charCodeAt(norm.map[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) !== source.charCodeAt(norm.map[j])) j++;
    patches.push([i, text.slice(i, j)]);
    i = j;
  }
  const wire: Wire = {
    analysis: rest,
    clauses,
    offsets: encodeOffsetMap(norm.map),
    patches,
    sourceLength: source.length,
    timings,
  };
  return JSON.stringify(wire);
}

/** The analysis and normalised text back, from the wire form and the text the page read. Throws on a malformed answer. */
export function decodeAnalysis(
  json: string,
  source: string,
): { analysis: NoticeAnalysis; norm: NormalisedText; timings: BackgroundTimings } {
  const steps = decodeSteps(json, source);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Rows of clauses decoded between two steps. */
const CLAUSES_PER_STEP = 500;

function* decodeSteps(
  json: string,
  source: string,
): Generator<void, { analysis: NoticeAnalysis; norm: NormalisedText; timings: BackgroundTimings }, void> {
  const wire = JSON.parse(json) as Wire;
  if (wire.sourceLength !== source.length) throw new Error('analysis: not of this text');
  const runs = wire.offsets;
  // The normalised text's length is the map's: its last run ends at the source's length.
  const length = runs.length >= 2 ? runs[runs.length - 2] + (source.length - runs[runs.length - 1]) : 0;
  const map = decodeOffsetMap(runs, length + 1);
  const chars: string[] = [];
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k];
    const end = Math.min(k + 2 < runs.length ? runs[k + 2] : length + 1, length);
    if (end > start) chars.push(source.slice(runs[k + 1], runs[k + 1] + (end - start)));
  }
  let text = chars.join('');
  if (wire.patches.length > 0) {
    const parts: string[] = [];
    let at = 0;
    for (const [pos, s] of wire.patches) {
      parts.push(text.slice(at, pos), s);
      at = pos + s.length;
    }
    parts.push(text.slice(at));
    text = parts.join('');
  }
  if (text.length !== length) throw new Error('analysis: the text does not match its map');
  yield;
  const locations = locateClauses(
    wire.analysis.outline,
    wire.clauses.map((r) => r[2]),
  );
  yield;
  const obligations: Clause[] = [];
  for (let i = 0; i < wire.clauses.length; i++) {
    if (i > 0 && i % CLAUSES_PER_STEP === 0) yield;
    const r = wire.clauses[i];
    const categories = r[0].split(',').map((i) => OBLIGATION_CATEGORIES[Number(i)]);
    const deadlines: Deadline[] = r[7].map(([text, type, iso]) => ({ text, type: DEADLINES[type], iso }));
    obligations.push({
      category: categories[0],
      categories,
      strength: r[1] ? 'hard' : 'soft',
      start: r[2],
      end: r[3],
      text: text.slice(r[2], r[3]),
      trigger: r[4],
      bearer: r[5] === null ? null : { text: r[5], source: SOURCES[r[6]] },
      deadline: deadlines[0] ?? null,
      deadlines,
      quoted: (r[8] & 1) !== 0,
      heading: (r[8] & 2) !== 0,
      score: r[9],
      location: locations[i],
    });
  }
  return { analysis: { ...wire.analysis, text, obligations }, norm: { text, map }, timings: wire.timings };
}

/* ----- The engine port: the page's text in parts, the first clauses before the whole analysis ----- */

/** The name of the long-lived port a content script opens to the background's engine. */
export const ENGINE_PORT = 'notice-lens/engine';

/**
 * What a content script posts on the engine port. `head` starts an analysis with the first part of the
 * text (cut at a line break), and is the whole text when `complete`; `part`s carry the rest in order and
 * `end` closes it. The background answers `first` (the clauses of the head, for painting what is on screen)
 * and then `full` (the whole analysis in the wire form above), or `failed`.
 */
export type EngineRequest =
  | { kind: 'head'; id: number; input: TextForAnalysis; force: boolean; complete: boolean }
  | { kind: 'part'; id: number; text: string }
  | { kind: 'end'; id: number };

export type EngineAnswer =
  | { kind: 'first'; id: number; first: FirstClauses }
  | { kind: 'full'; id: number; value: string }
  | { kind: 'failed'; id: number; error: string };

/**
 * The clauses of the head for painting them: whether it reads as a notice, and per clause four numbers,
 * start and end in the text as the page read it (not the normalised text, so the page needs no map),
 * category index and 1 for hard. Nothing else: bearers, deadlines and the text come with the full analysis.
 */
export interface FirstClauses {
  isNotice: boolean;
  clauses: number[];
}

/** The head's clauses, in the page's own offsets. */
export function encodeFirstClauses(analysis: NoticeAnalysis, norm: NormalisedText): FirstClauses {
  const clauses: number[] = [];
  for (const c of analysis.obligations) {
    if (!(c.start >= 0 && c.end <= norm.text.length && c.start < c.end)) continue;
    clauses.push(
      norm.map[c.start],
      norm.map[c.end - 1] + 1,
      OBLIGATION_CATEGORIES.indexOf(c.category),
      c.strength === 'hard' ? 1 : 0,
    );
  }
  return { isNotice: analysis.isNotice, clauses };
}

/** The head's clauses back: raw offsets, category and strength; malformed rows are left out. */
export function decodeFirstClauses(
  first: FirstClauses,
  sourceLength: number,
): Array<{ start: number; end: number; category: ObligationCategory; soft: boolean }> {
  const out: Array<{ start: number; end: number; category: ObligationCategory; soft: boolean }> = [];
  const rows = Array.isArray(first?.clauses) ? first.clauses : [];
  for (let i = 0; i + 3 < rows.length; i += 4) {
    const [start, end, category, hard] = [rows[i], rows[i + 1], rows[i + 2], rows[i + 3]];
    const cat = OBLIGATION_CATEGORIES[category];
    if (!cat || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > sourceLength || start >= end)
      continue;
    out.push({ start, end, category: cat, soft: hard !== 1 });
  }
  return out;
}

/**
 * `decodeAnalysis` in steps, giving the thread back between them (`pause`), so a long law's answer is never
 * decoded in one long task on the page.
 */
export async function decodeAnalysisSliced(
  json: string,
  source: string,
  pause: () => Promise<void>,
  sliceMs = 12,
): Promise<{ analysis: NoticeAnalysis; norm: NormalisedText; timings: BackgroundTimings }> {
  const steps = decodeSteps(json, source);
  let started = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - started >= sliceMs) {
      await pause();
      started = performance.now();
    }
  }
}
