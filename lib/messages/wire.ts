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
import { OBLIGATION_CATEGORIES, type Clause, type Deadline, type NoticeAnalysis } from '../types';

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
  const locations = locateClauses(
    wire.analysis.outline,
    wire.clauses.map((r) => r[2]),
  );
  const obligations: Clause[] = wire.clauses.map((r, i) => {
    const categories = r[0].split(',').map((i) => OBLIGATION_CATEGORIES[Number(i)]);
    const deadlines: Deadline[] = r[7].map(([text, type, iso]) => ({ text, type: DEADLINES[type], iso }));
    return {
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
    };
  });
  return { analysis: { ...wire.analysis, text, obligations }, norm: { text, map }, timings: wire.timings };
}
