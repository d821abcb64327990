/**
 * Scoring candidate places for a quote and deciding whether one of them is clearly the annotation's.
 *
 * Every candidate is a folded span `[start, end)` with its quote errors. It is scored like Hypothesis
 * (`match-quote.ts`: quote 50, prefix 20, suffix 20, position 2) plus agreement with the stored structural
 * key. The score alone never places an annotation: a candidate must pass the gates (`passes`), and it must
 * beat every other passing place clearly or be singled out by verbatim context, structure or (at a large
 * scale) position. When in doubt the answer is "unplaced": a highlight on the wrong words is worse than one
 * in the 未定位 list (docs/annotation.md §5).
 */

import type { AnchoringDocument } from './document';
import { textEnd, textStart } from './document';
import { foldString } from './folded-text';
import { alignAt, compilePattern, type CompiledPattern } from '../text/myers';
import type { ReadSelectors } from './selectors';
import { agreementAt, prepareKey, resolveKey, type PreparedKey, type StructureAgreement } from './structure';

/** Tuning, in one place. Measured with `npx tsx bench/anchoring.ts`. */
export const TUNING = {
  /** Hypothesis's weights; structure is ours. Confidence = weighted sum / 100. */
  weights: { quote: 50, prefix: 20, suffix: 20, position: 2, structure: 8 },
  /** Context stored and compared on each side, in code units (what `describeSpan` stores). */
  contextLength: 32,
  /**
   * Quotes shorter than this (folded) are "short": 不得, 要, 严肃问责. They match dozens of places, so they
   * are placed on exact text only, never approximately (hypothesis/h#2634: "Linus" matched "chines").
   */
  shortQuote: 8,
  /** Least quote similarity (1 − errors / length) accepted for a longer quote. */
  quoteGate: 0.7,
  /** One side of context must be whole: a stored context at least this long, found unbroken … */
  wholeContext: 16,
  /** … and the other side at least this similar, or the span in the same sentence position. */
  otherSide: 0.4,
  /** Least confidence accepted. */
  confidenceGate: 0.55,
  /**
   * Two places whose content scores (quote + prefix + suffix, out of 90) differ by less than this are a
   * tie: a word of context is not enough to prefer one place over another.
   */
  tieMargin: 6,
  /**
   * "Near the stored position", in code units. When the stored section cannot tell (no key, or its
   * heading is gone), a place farther than this needs context verbatim on both sides. Kept small:
   * reflowed whitespace drifts offsets by a percent or two, which in a long notice is farther than the
   * distance between restated passages; the section path, not the offset, locates a span there.
   */
  nearPosition: 2000,
  /** Position separates places only when the far one is this many times farther, plus the slack (units). */
  farRatio: 4,
  farSlack: 2000,
};

/** An annotation's selectors, folded once; context patterns compiled on first use. */
export interface PreparedAnnotation {
  /** The quote as stored. */
  exact: string;
  /** Folded quote, prefix (its last 32 units) and suffix (its first 32 units). */
  quote: string;
  prefix: string;
  suffix: string;
  short: boolean;
  position: { start: number; end: number } | null;
  key: PreparedKey | null;
  /** Reversed prefix and suffix, compiled for aligning context next to a candidate (lazily). */
  patterns: { prefix?: CompiledPattern; suffix?: CompiledPattern };
}

function reverse(s: string): string {
  let r = '';
  for (let i = s.length - 1; i >= 0; i--) r += s[i];
  return r;
}

/** Fold an annotation's selectors; null when there is no usable quote. */
export function prepareAnnotation(read: ReadSelectors): PreparedAnnotation | null {
  if (read.quote === null) return null;
  const quote = foldString(read.quote.exact);
  if (quote.length === 0) return null;
  const n = TUNING.contextLength;
  const foldedPrefix = foldString(read.quote.prefix);
  return {
    exact: read.quote.exact,
    quote,
    prefix: foldedPrefix.slice(Math.max(0, foldedPrefix.length - n)),
    suffix: foldString(read.quote.suffix).slice(0, n),
    short: quote.length < TUNING.shortQuote,
    position: read.position === null ? null : { start: read.position.start, end: read.position.end },
    key: read.structure === null ? null : prepareKey(read.structure),
    patterns: {},
  };
}

/** What the stored position and structural key lead us to expect in this text, worked out once. */
export interface Expectation {
  /** Where the structural key points (folded offsets; several if a section path repeats). */
  targets: number[];
  /** The expected text position: the stored one, else where the key points (if uniquely). */
  hint: number | null;
  /** The stored section still exists in this text (any section with that path, or "before any heading"). */
  sectionExists: boolean;
}

export function expectationFor(doc: AnchoringDocument, a: PreparedAnnotation): Expectation {
  const targets = a.key === null ? [] : resolveKey(doc.structure, doc.folded, a.key);
  const hint =
    a.position !== null
      ? Math.min(a.position.start, doc.text.length)
      : targets.length === 1
        ? textStart(doc, targets[0])
        : null;
  const section = a.key?.section;
  const sectionExists =
    section === undefined ? false : section === null || doc.structure.sections.some((s) => s.match === section);
  return { targets, hint, sectionExists };
}

/** Where a candidate came from; decides the reported method. */
export type CandidateSource = 'position' | 'exact' | 'structure' | 'fuzzy';

export interface Candidate {
  /** Folded span. */
  start: number;
  end: number;
  errors: number;
  source: CandidateSource;
}

/** Exact context next to a candidate. */
export interface ContextRuns {
  /** Stored context units found unbroken right next to the candidate. */
  prefixRun: number;
  suffixRun: number;
  /**
   * The whole stored side is there. A stored side shorter than `wholeContext` means the span was near the
   * text's edge; it then counts as whole only if the candidate is just as near.
   */
  prefixWhole: boolean;
  suffixWhole: boolean;
}

/** Cheap: compares code units outwards from the candidate and stops at the first difference. */
export function contextRuns(doc: AnchoringDocument, a: PreparedAnnotation, start: number, end: number): ContextRuns {
  const f = doc.folded.text;
  const pl = a.prefix.length;
  const sl = a.suffix.length;
  let p = 0;
  while (p < pl && start - 1 - p >= 0 && f.charCodeAt(start - 1 - p) === a.prefix.charCodeAt(pl - 1 - p)) p++;
  let s = 0;
  while (s < sl && end + s < f.length && f.charCodeAt(end + s) === a.suffix.charCodeAt(s)) s++;
  return {
    prefixRun: p,
    suffixRun: s,
    prefixWhole: p === pl && (pl >= TUNING.wholeContext || start === pl),
    suffixWhole: s === sl && (sl >= TUNING.wholeContext || f.length - end === sl),
  };
}

export interface Evidence extends Candidate, ContextRuns {
  /** Similarities in 0..1: quote from its errors, context sides from their edit distance. */
  quote: number;
  prefix: number;
  suffix: number;
  structure: StructureAgreement | null;
  /** Text units between the candidate and the expected start, or null without a hint. */
  distance: number | null;
  /** quote 50 + prefix 20 + suffix 20. */
  content: number;
  confidence: number;
  /** Passes the gates: may be placed. */
  passes: boolean;
}

/** Similarity of one stored context side to the text next to a candidate. */
function sideSimilarity(
  doc: AnchoringDocument,
  a: PreparedAnnotation,
  side: 'prefix' | 'suffix',
  run: number,
  from: number,
): number {
  const stored = a[side];
  if (stored.length === 0) return from < 0 || from >= doc.folded.text.length ? 1 : 0; // at the text edge
  if (run === stored.length) return 1;
  const pattern = (a.patterns[side] ??= compilePattern(side === 'prefix' ? reverse(stored) : stored));
  const { distance } = alignAt(pattern, doc.folded.text, from, side === 'prefix' ? -1 : 1, stored.length + 8);
  return 1 - distance / stored.length;
}

/**
 * Score one candidate and apply the gates. A candidate that cannot pass (no whole side of context and
 * not at the structural key's position) is returned at once, unscored (`passes: false`, context
 * similarities from the exact runs only): it can never be placed nor tie, and approximate search yields
 * many such near-misses.
 */
export function weigh(doc: AnchoringDocument, a: PreparedAnnotation, expected: Expectation, c: Candidate): Evidence {
  const w = TUNING.weights;
  const hint = expected.hint;
  const runs = contextRuns(doc, a, c.start, c.end);
  const quote = Math.max(0, 1 - c.errors / a.quote.length);
  const start = textStart(doc, c.start);
  const structure = a.key === null ? null : agreementAt(doc.structure, doc.folded, a.key, start);
  const distance = hint === null ? null : Math.abs(start - hint);
  const hopeless =
    !runs.prefixWhole &&
    !runs.suffixWhole &&
    structure?.offset !== true &&
    (a.prefix.length > 0 || a.suffix.length > 0);
  const prefix = hopeless
    ? runs.prefixRun / Math.max(1, a.prefix.length)
    : sideSimilarity(doc, a, 'prefix', runs.prefixRun, c.start - 1);
  const suffix = hopeless
    ? runs.suffixRun / Math.max(1, a.suffix.length)
    : sideSimilarity(doc, a, 'suffix', runs.suffixRun, c.end);
  const position = distance === null ? 0 : 1 - Math.min(1, distance / Math.max(1, doc.text.length));
  const structureScore =
    structure === null
      ? 0
      : (structure.section ? 0.4 : 0) +
        (structure.paragraph ? 0.3 : 0) +
        (structure.sentence ? 0.2 : 0) +
        (structure.offset ? 0.1 : 0);
  const content = w.quote * quote + w.prefix * prefix + w.suffix * suffix;
  const confidence = (content + w.position * position + w.structure * structureScore) / 100;
  const e: Evidence = {
    start: c.start,
    end: c.end,
    errors: c.errors,
    source: c.source,
    prefixRun: runs.prefixRun,
    suffixRun: runs.suffixRun,
    prefixWhole: runs.prefixWhole,
    suffixWhole: runs.suffixWhole,
    quote,
    prefix,
    suffix,
    structure,
    distance,
    content,
    confidence,
    passes: false,
  };
  e.passes = !hopeless && passesGates(a, expected, e);
  return e;
}

/**
 * The gates every placement must pass, whatever its score.
 *
 * Quote: a short quote must be exact; a longer one at least `quoteGate` similar.
 *
 * Context: the whole stored context on one side, verbatim, and the other side not contradicting it
 * (similar, or the span in the same sentence position); or the very same structural position. Why
 * "whole": after the edits a notice really gets (a word changed, a paragraph inserted, reflowed
 * whitespace) at least one side of a span's 32-unit context is still there unbroken. A place that is only
 * *similar* on both sides is a near-copy: notices restate central instructions nearly verbatim, and a
 * phrase repeated in the notice (为打赢疫情防控阻击战提供坚强政治保证 twice) shares part of its context
 * with the span it repeats. Such places must never win, even when the span itself was deleted.
 *
 * Location: a place outside the stored section (while that section still exists), or far from the stored
 * position when the section cannot tell, is a surprise: a near-copy of the passage (notices restate
 * central instructions) is likelier than a span moved there. Then only context verbatim on both sides
 * will do.
 */
function passesGates(a: PreparedAnnotation, expected: Expectation, e: Evidence): boolean {
  if (e.confidence < TUNING.confidenceGate) return false;
  if (a.short ? e.errors !== 0 : e.quote < TUNING.quoteGate) return false;
  if (a.prefix.length === 0 && a.suffix.length === 0) return true; // the quote was the whole text
  const structure = e.structure;
  const sameSentencePosition = structure?.local === true;
  const strong =
    structure?.offset === true ||
    (e.prefixWhole && (e.suffix >= TUNING.otherSide || sameSentencePosition)) ||
    (e.suffixWhole && (e.prefix >= TUNING.otherSide || sameSentencePosition));
  if (!strong) return false;
  const far = e.distance !== null && e.distance > TUNING.nearPosition;
  const elsewhere = structure?.section !== true && (expected.sectionExists || far);
  return !elsewhere || (e.prefixWhole && e.suffixWhole);
}

function overlaps(x: Candidate, y: Candidate): boolean {
  const overlap = Math.min(x.end, y.end) - Math.max(x.start, y.start);
  return overlap > 0 && overlap * 2 >= Math.min(x.end - x.start, y.end - y.start);
}

export type Decision =
  { kind: 'placed'; winner: Evidence; start: number; end: number } | { kind: 'ambiguous' } | { kind: 'rejected' };

/**
 * Position tells two places apart only at a scale no local edit reaches: the far one is at least
 * `farRatio` times farther from the stored position than the near one, plus `farSlack` units. (A
 * duplicated sentence or inserted paragraph moves a span by hundreds of units and may put a copy right
 * where it was, so nearness alone means nothing; a copy ten thousand units away is another passage.)
 */
function farApart(near: Evidence, far: Evidence): boolean {
  if (near.distance === null || far.distance === null) return false;
  return far.distance >= TUNING.farRatio * near.distance + TUNING.farSlack;
}

/**
 * Decide among scored candidates. Only candidates passing the gates compete (one that fails can never be
 * placed, so it cannot tie either: a near-copy scoring higher than the span must not orphan the span
 * found with its context whole). The best wins outright when no other place comes within `tieMargin` of
 * its content score; otherwise `breakTie`. Whatever decides, a pick far from the stored position while
 * another fitting place sits near it is refused: one of them is an edited copy of the other.
 */
export function decide(doc: AnchoringDocument, scored: Evidence[]): Decision {
  const passing = scored.filter((e) => e.passes).sort((x, y) => y.content - x.content || y.confidence - x.confidence);
  // One entry per place: overlapping candidates are the same place, keep the best-scored.
  const places: Evidence[] = [];
  for (const e of passing) if (!places.some((p) => overlaps(p, e))) places.push(e);
  if (places.length === 0) return { kind: 'rejected' };
  const tied = places.filter((e) => e.content > places[0].content - TUNING.tieMargin);
  const pick = tied.length === 1 ? tied[0] : breakTie(tied);
  if (pick === null || places.some((other) => other !== pick && farApart(other, pick))) return { kind: 'ambiguous' };
  return { kind: 'placed', winner: pick, start: textStart(doc, pick.start), end: textEnd(doc, pick.end) };
}

/**
 * Break a tie between places with about the same content score:
 * 1. Context verbatim on both sides. Approximate context overlaps itself: in 不聚会、不聚餐 each 不聚's
 *    context is the other's shifted by four units, so their scores are close; the one whose stored
 *    context is all there is the span.
 * 2. The structural key: the most specific level at which exactly one place agrees decides; two agreeing
 *    at that level is a real tie.
 * 3. Position, only at the scale of `farApart`.
 */
function breakTie(tied: Evidence[]): Evidence | null {
  const verbatim = tied.filter((e) => e.prefixWhole && e.suffixWhole);
  if (verbatim.length === 1) return verbatim[0];

  for (const level of ['offset', 'sentence', 'local', 'paragraph', 'section'] as const) {
    const agreeing = tied.filter((e) => e.structure?.[level] === true);
    if (agreeing.length > 1) break;
    if (agreeing.length === 1) return agreeing[0];
  }

  const nearest = tied.reduce((x, y) => ((y.distance ?? Infinity) < (x.distance ?? Infinity) ? y : x));
  return tied.every((e) => e === nearest || farApart(nearest, e)) ? nearest : null;
}
