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
import { foldQuoteMark, foldString, isIgnorable } from './folded-text';
import { alignAt, compilePattern, searchPattern, type CompiledPattern } from '../text/myers';
import type { ReadSelectors } from './selectors';
import {
  agreementAt,
  prepareKey,
  resolveKey,
  sectionsWithPath,
  type PreparedKey,
  type StructureAgreement,
} from './structure';

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
  /** Quotes this short are single words (要, 不得, 严禁): found near any place, they say nothing alone. */
  wordQuote: 3,
  /** Least quote similarity (1 − errors / length) accepted for a longer quote. */
  quoteGate: 0.7,
  /** One side of context must be whole: a stored context at least this long, found unbroken … */
  wholeContext: 16,
  /** Context similarity a side counts for when it agrees up to the sentence's edge (`prefixTail`). */
  boundedSide: 0.75,
  /** Two copies of the annotated sentence at most this far apart (folded units) are "in a row". */
  adjacentCopy: 600,
  /** … and the other side's part inside the span's sentence at least this similar. */
  sameSentenceSide: 0.7,
  /** … or differ by at most one changed word (this many edits), whichever allows more … */
  changedWord: 3,
  /** … and, next to a short quote, the whole side at least this similar … */
  shortOtherSide: 0.9,
  /** … or this similar in the span's own slot (its section's sentence and offset, `slot`). */
  shortOtherSideInSlot: 0.75,
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
  /**
   * A sentence found by its in-sentence context alone (neither stored side whole) counts as moved only
   * this near its stored position (units). Farther, in a very long text, an identical sentence is a
   * restatement of it (compiled regulations repeat their headings), not the span carried there.
   */
  movedReach: 50000,
  /**
   * A place outside the stored section, in the span's sentence slot (sentence index, offset) and this near
   * the stored position (units): a paragraph or two inserted before it brought a heading with them.
   */
  slotReach: 600,
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
  /**
   * The stored context inside the span's own sentence: the units of `prefix` after its last sentence
   * boundary and of `suffix` up to and including its first one (a sentence end, a line break). Null when
   * the stored side holds no boundary. A sentence moved elsewhere keeps these, not the 32 units around.
   */
  prefixTail: string | null;
  suffixHead: string | null;
  /** Both of those stop at a line break (or the text's edge): the quote and they are a whole paragraph. */
  wholeLine: boolean;
  position: { start: number; end: number } | null;
  key: PreparedKey | null;
  /**
   * The folded quote with the numbers of the outline labels in it masked (`（三）…（四）` as `(#)…(#)`),
   * when it holds any: a renumbered version changes only those. Null otherwise.
   */
  maskedQuote: string | null;
  /** `prefixTail` and `suffixHead` likewise, when they hold label numbers; null otherwise. */
  maskedTail: string | null;
  maskedHead: string | null;
  /**
   * Quote or context holds an outline label: in a renumbered version another place may agree with it
   * through the renumbered labels, so a verbatim place is not alone just because its words are.
   */
  labelled: boolean;
  /** Reversed prefix and suffix, compiled for aligning context next to a candidate (lazily). */
  patterns: { prefix?: CompiledPattern; suffix?: CompiledPattern; tail?: CompiledPattern; head?: CompiledPattern };
}

function reverse(s: string): string {
  let r = '';
  for (let i = s.length - 1; i >= 0; i--) r += s[i];
  return r;
}

/** Sentence ends (folded: ；and ; are one). */
export function isSentenceEnd(code: number): boolean {
  return code === 0x3002 || code === 0x3b || code === 0x21 || code === 0x3f || code === 0xff01 || code === 0xff1f;
}

/**
 * Fold a context side, remembering where boundaries were: `breaks[i]` when a sentence ends just before
 * folded unit i (its previous unit ends a sentence, or a line break stood between them).
 */
function foldWithBreaks(raw: string): { folded: string; breaks: boolean[]; lines: boolean[] } {
  const units: number[] = [];
  const breaks: boolean[] = [];
  const lines: boolean[] = [];
  let lineBreak = false;
  let prev = -1;
  for (let j = 0; j < raw.length; j++) {
    let code = raw.charCodeAt(j);
    if (code === 0x0a || code === 0x0d) lineBreak = true;
    code = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code === 0x3000 ? 0x20 : code; // foldWidth
    if (isIgnorable(code)) continue;
    breaks.push(lineBreak || (prev >= 0 && isSentenceEnd(prev)));
    lines.push(lineBreak);
    prev = foldQuoteMark(code);
    units.push(prev);
    lineBreak = false;
  }
  breaks.push(lineBreak || (prev >= 0 && isSentenceEnd(prev)));
  lines.push(lineBreak);
  return { folded: String.fromCharCode(...units), breaks, lines };
}

/** Label numbers at a line's start or after a sentence's end: 第五条, 三、, （二）, 4. (one `#` per digit). */
const LINE_LABEL =
  /(^|\n|[。；;！？!?])([ \t\u3000]*)(第|[（(])?([零〇一二三四五六七八九十百千两0-9０-９]+)(?=[条章节、.．)）])/gu;

const LINE_LABEL_TEST = new RegExp(LINE_LABEL.source, 'u');

/** A raw text with its outline labels' numbers masked, one `#` per unit: offsets and folding unchanged. */
export function maskLineLabels(raw: string): string {
  return raw.replace(LINE_LABEL, (_m, lead: string, space: string, open: string | undefined, digits: string) => {
    return lead + space + (open ?? '') + '#'.repeat(digits.length);
  });
}

/**
 * The quote and its in-sentence context with label numbers masked, masked across their edges (a label's
 * number in the quote is known by the `、` or `）` after it in the suffix). Masking is unit for unit, so
 * the folded parts line up with the unmasked ones; a part is null when masking left it as it was.
 */
function maskedParts(
  raw: { prefix: string; exact: string; suffix: string },
  quote: string,
  tail: string | null,
  head: string | null,
): { quote: string | null; tail: string | null; head: string | null } {
  const all = maskLineLabels(raw.prefix + raw.exact + raw.suffix);
  const p = raw.prefix.length;
  const q = p + raw.exact.length;
  const mq = foldString(all.slice(p, q));
  const mp = foldString(all.slice(0, p));
  const ms = foldString(all.slice(q));
  const mTail = tail === null ? null : mp.slice(mp.length - tail.length);
  const mHead = head === null ? null : ms.slice(0, head.length);
  const lined = (x: string | null, y: string | null) =>
    x !== null && y !== null && x.length === y.length && x !== y ? x : null;
  return { quote: lined(mq, quote), tail: lined(mTail, tail), head: lined(mHead, head) };
}

/** Fold an annotation's selectors; null when there is no usable quote. */
export function prepareAnnotation(read: ReadSelectors): PreparedAnnotation | null {
  if (read.quote === null) return null;
  const quote = foldString(read.quote.exact);
  if (quote.length === 0) return null;
  const n = TUNING.contextLength;
  const before = foldWithBreaks(read.quote.prefix);
  const after = foldWithBreaks(read.quote.suffix);
  const cut = Math.max(0, before.folded.length - n);
  const prefix = before.folded.slice(cut);
  const suffix = after.folded.slice(0, n);
  // The last boundary in the prefix (not at its very start, which says nothing, unless the stored side
  // stops short there because the text began: a title), the first in the suffix (or the text's end).
  const edge = n - 1; // a side cut shorter than this met the text's edge (a surrogate pair may cost one)
  let p = read.quote.prefix.length < edge ? 0 : -1;
  for (let i = before.folded.length; i > cut; i--)
    if (before.breaks[i]) {
      p = i;
      break;
    }
  let q = isSentenceEnd(quote.charCodeAt(quote.length - 1)) ? 0 : -1;
  for (let i = 0; q < 0 && i <= suffix.length; i++)
    if (after.breaks[i]) {
      q = i;
      break;
    }
  if (q < 0 && read.quote.suffix.length < edge) q = suffix.length;
  const prefixLine = p >= 0 && (before.lines[p] || (p === 0 && read.quote.prefix.length < edge));
  const suffixLine = q >= 0 && (after.lines[q] || (q === suffix.length && read.quote.suffix.length < edge));
  const prefixTail = p >= 0 ? before.folded.slice(p) : null;
  const suffixHead = q >= 0 ? after.folded.slice(0, q) : null;
  const masked = maskedParts(read.quote, quote, prefixTail, suffixHead);
  return {
    exact: read.quote.exact,
    quote,
    prefix,
    suffix,
    prefixTail,
    suffixHead,
    wholeLine: prefixLine && suffixLine,
    short: quote.length < TUNING.shortQuote,
    position: read.position === null ? null : { start: read.position.start, end: read.position.end },
    key: read.structure === null ? null : prepareKey(read.structure),
    patterns: {},
    maskedQuote: masked.quote,
    maskedTail: masked.tail,
    maskedHead: masked.head,
    labelled: LINE_LABEL_TEST.test(read.quote.prefix + read.quote.exact + read.quote.suffix),
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
  /**
   * The text where the key points still holds the quote, exactly or nearly (a quarter of its units
   * edited). Then the section was not renumbered away, and a place in a neighbouring number is another
   * article. Worked out on first use.
   */
  keyHoldsQuote(): boolean;
  /**
   * Where the stored place still stands with the quote taken out of it or written over: the end of the
   * stored prefix and the start of the stored suffix, at most a quote's length apart, near the stored
   * position or where the key points, and something else than the quote between them (folded offsets of
   * the gap). Only when the stored context holds part of the span's own sentence: a sentence moved away
   * takes that part with it, so its old surroundings never close up around a gap. Null otherwise.
   * Worked out on first use.
   */
  emptiedAt(): { start: number; end: number } | null;
  /**
   * The span's whole sentence was taken out of its stored place: the stored context outside the sentence
   * (before the in-sentence part of the prefix, after that of the suffix) now meets, nothing between
   * them, near the stored position or where the key points. Worked out on first use.
   */
  closedUp(): boolean;
}

/** Units of stored context on either side that a longer quote must stand next to where the key points. */
const HOLDS_EDGE = 4;

/** A number followed by what ends an outline label (3. 四、 (二) 第五条). */
const LABEL_NUMBER = /[0-9零〇一二三四五六七八九十百千两]+(?=[、.)条章节款])/gu;

/** Units of each stored side that make the frame of an emptied place. */
const FRAME_SIDE = 8;

/**
 * The stored context closed up around a gap where the quote was: see `Expectation.emptiedAt`. `homes` are
 * folded offsets where the span is expected (the stored position, the key's targets).
 */
function emptiedPlace(
  doc: AnchoringDocument,
  a: PreparedAnnotation,
  homes: number[],
): { start: number; end: number } | null {
  if (a.prefixTail === null && a.suffixHead === null) return null;
  if ((a.prefixTail ?? '').length === 0 && (a.suffixHead ?? '').length === 0) return null; // a whole sentence
  const left = a.prefix.slice(-FRAME_SIDE);
  const right = a.suffix.slice(0, FRAME_SIDE);
  // A span that began or ended the text is framed by the text's edge on that side.
  const atStart = a.prefix.length === 0;
  const atEnd = a.suffix.length === 0;
  if (atStart && atEnd) return null;
  if ((!atStart && left.length < FRAME_SIDE / 2) || (!atEnd && right.length < FRAME_SIDE / 2)) return null; // near the edge
  const f = doc.folded.text;
  const m = a.quote.length;
  const widest = m + Math.max(2, Math.ceil(m / 4));
  const reach = TUNING.contextLength + widest;
  let found: { start: number; end: number } | null = null;
  const nextLeft = (from: number) => (atStart ? (from === 0 ? 0 : -1) : f.indexOf(left, from));
  const nextRight = (from: number) => (atEnd ? (from <= f.length ? f.length : -1) : f.indexOf(right, from));
  for (const home of homes) {
    const from = Math.max(0, home - reach - left.length);
    const to = Math.min(f.length, home + m + reach + right.length);
    for (let i = nextLeft(from); i >= 0 && i < to; i = atStart ? -1 : nextLeft(i + 1)) {
      const gap = i + left.length;
      for (let j = nextRight(gap); j >= 0 && j <= gap + widest; j = atEnd ? -1 : nextRight(j + 1)) {
        const between = f.slice(gap, j);
        // The quote still between them (the text unchanged there, a copy in a row): not emptied.
        if (between.includes(a.quote)) return null;
        // … or with its labels renumbered (3. now 4.): the span in a renumbered version.
        if (between.length === m && between.replace(LABEL_NUMBER, '#') === a.quote.replace(LABEL_NUMBER, '#'))
          return null;
        // Emptied: nothing left of the quote (a stray mark at most), or the quote written over (a number, a name).
        if (between.length <= 2 || editDistance(a.quote, between) <= Math.max(2, m / 3))
          found ??= { start: gap, end: j };
      }
    }
  }
  return found;
}

/** Units of the stored context outside the span's sentence, each side, that must meet where it was taken out. */
const SEAM_SIDE = 6;

/** See `Expectation.closedUp`. `homes` are folded offsets where the span is expected. */
function sentenceTakenOut(doc: AnchoringDocument, a: PreparedAnnotation, homes: number[]): boolean {
  if (a.prefixTail === null || a.suffixHead === null) return false;
  const outerLeft = a.prefix.slice(0, a.prefix.length - a.prefixTail.length).slice(-SEAM_SIDE);
  const outerRight = a.suffix.slice(a.suffixHead.length).slice(0, SEAM_SIDE);
  if (outerLeft.length < SEAM_SIDE / 2 || outerRight.length < SEAM_SIDE / 2) return false;
  const seam = outerLeft + outerRight;
  const f = doc.folded.text;
  const reach = TUNING.contextLength + a.quote.length + a.prefixTail.length + a.suffixHead.length;
  for (const home of homes) {
    const from = Math.max(0, home - reach - seam.length);
    const at = f.indexOf(seam, from);
    if (at >= 0 && at <= home + reach) return true;
  }
  return false;
}

/**
 * The sentence after the quote ends with the mark the stored one ended with (a word changed in it
 * leaves that): a lead-in to a list (…予以处分：) that now reads as a statement (…予以处分。) is another
 * sentence, the next article's. True when the stored in-sentence context ends in no mark.
 */
function endsAlike(doc: AnchoringDocument, a: PreparedAnnotation, end: number): boolean {
  const head = a.suffixHead;
  if (head === null || head.length === 0) return true;
  const mark = head.charCodeAt(head.length - 1);
  const isMark = (c: number) => isSentenceEnd(c) || c === 0x3a || c === 0xff1a || c === 0x2c || c === 0xff0c;
  if (!isMark(mark)) return true;
  const f = doc.folded.text;
  const to = Math.min(f.length, end + head.length + TUNING.changedWord);
  for (let k = end; k < to; k++) if (boundaryAt(doc, k + 1)) return f.charCodeAt(k) === mark;
  return false;
}

/** Levenshtein distance (short strings only: a quote and the text in its place). */
function editDistance(x: string, y: string): number {
  let row = Array.from({ length: y.length + 1 }, (_, k) => k);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let k = 1; k <= y.length; k++)
      next.push(Math.min(row[k] + 1, next[k - 1] + 1, row[k - 1] + (x[i - 1] === y[k - 1] ? 0 : 1)));
    row = next;
  }
  return row[y.length];
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
    section === undefined ? false : section === null || sectionsWithPath(doc.structure, section).length > 0;
  let holds: boolean | null = null;
  const keyHoldsQuote = () => {
    if (holds !== null) return holds;
    holds = false;
    const f = doc.folded.text;
    const m = a.quote.length;
    const budget = Math.max(1, Math.floor(m / 4));
    const slack = budget + TUNING.contextLength;
    // A word (要, 不得) or a short quote occurs next to any place: there it must stand with its
    // in-sentence context.
    const word = a.short;
    // A whole paragraph (a title line) holds there only as a whole paragraph: the same words inside
    // another sentence (the title cited in 《》) are a mention of it.
    const line = a.wholeLine;
    const before = word ? (a.prefixTail ?? a.prefix.slice(-4)) : line ? (a.prefixTail ?? '') : '';
    const after = word ? (a.suffixHead ?? a.suffix.slice(0, 4)) : line ? (a.suffixHead ?? '') : '';
    const withContext = before + a.quote + after;
    // A longer quote holds there with a few units of its context on one side at least: the same words
    // between other words are another occurrence of a recurring phrase, not the span.
    const edge = word || line ? 0 : HOLDS_EDGE;
    const left = edge === 0 ? '' : a.prefix.slice(-edge);
    const right = a.suffix.slice(0, edge);
    const framed = (at: number) =>
      line
        ? lineBreakAt(doc, at) && lineBreakAt(doc, at + withContext.length)
        : edge === 0 || f.startsWith(left, at - left.length) || f.startsWith(right, at + withContext.length);
    // Only inside the stored section: a renumbered version puts the span in the next one, nearby.
    const regions =
      section === undefined
        ? []
        : section === null
          ? [{ start: 0, end: doc.structure.sections[0]?.start ?? doc.text.length }]
          : sectionsWithPath(doc.structure, section);
    for (const t of targets) {
      const region = regions.find((r) => doc.folded.fromSource[r.start] <= t && t <= doc.folded.fromSource[r.end]);
      const lo = region === undefined ? 0 : doc.folded.fromSource[region.start];
      const hi = region === undefined ? f.length : doc.folded.fromSource[region.end];
      const from = Math.max(lo, t - slack - before.length);
      const to = Math.min(hi, t + m + slack + after.length);
      for (let at = f.indexOf(withContext, from); !holds && at >= 0 && at + withContext.length <= to;)
        if (framed(at)) holds = true;
        else at = f.indexOf(withContext, at + 1);
      if (!holds && m > TUNING.wordQuote && withContext.length <= 256) {
        // Nearly: a quarter of the quote's units edited (a short quote: with its context around it; a
        // longer one: between a few units of its context on both sides, which an edit inside it keeps).
        const pattern = left + withContext + right;
        const forward = compilePattern(pattern);
        const backward = compilePattern(reverse(pattern));
        const within = [Math.max(lo, from - left.length), Math.min(hi, to + right.length)] as const;
        holds = searchPattern(forward, backward, f, within[0], within[1], budget).some(
          (found) => !line || (found.errors === 0 && lineBreakAt(doc, found.start) && lineBreakAt(doc, found.end)),
        );
      }
      if (holds) break;
    }
    return holds;
  };
  let emptied: { start: number; end: number } | null | undefined;
  const emptiedAt = () => {
    if (emptied !== undefined) return emptied;
    const homes = [...targets];
    if (a.position !== null) homes.unshift(doc.folded.fromSource[Math.min(a.position.start, doc.text.length)]);
    emptied = emptiedPlace(doc, a, homes);
    return emptied;
  };
  let closed: boolean | undefined;
  const closedUp = () => {
    if (closed !== undefined) return closed;
    const homes = [...targets];
    if (a.position !== null) homes.unshift(doc.folded.fromSource[Math.min(a.position.start, doc.text.length)]);
    closed = sentenceTakenOut(doc, a, homes);
    return closed;
  };
  return { targets, hint, sectionExists, keyHoldsQuote, emptiedAt, closedUp };
}

/** Where a candidate came from; decides the reported method. */
export type CandidateSource = 'position' | 'exact' | 'structure' | 'fuzzy';

export interface Candidate {
  /** Folded span. */
  start: number;
  end: number;
  errors: number;
  source: CandidateSource;
  /** Found with label numbers masked: the units that differ are label numbers (a renumbered version). */
  relabelled?: boolean;
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
  /** The stored context inside the span's sentence is there, up to a sentence boundary (`prefixTail`). */
  prefixBounded: boolean;
  suffixBounded: boolean;
  structure: StructureAgreement | null;
  /** Text units between the candidate and the expected start, or null without a hint. */
  distance: number | null;
  /** The same, signed: positive when the candidate is after the expected start. */
  shift: number | null;
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

/** Similarity of the stored in-sentence context (`prefixTail` or `suffixHead`) to the text next to a candidate. */
function inSentenceSimilarity(
  doc: AnchoringDocument,
  a: PreparedAnnotation,
  part: 'tail' | 'head',
  from: number,
): number {
  const stored = part === 'tail' ? a.prefixTail : a.suffixHead;
  if (stored === null) return 0;
  if (stored.length === 0) return 1;
  const pattern = (a.patterns[part] ??= compilePattern(part === 'tail' ? reverse(stored) : stored));
  const { distance } = alignAt(pattern, doc.folded.text, from, part === 'tail' ? -1 : 1, stored.length + 8);
  return 1 - distance / stored.length;
}

/** A sentence boundary just before folded unit k: the text's edges, a sentence end, or a line break. */
export function boundaryAt(doc: AnchoringDocument, k: number): boolean {
  const f = doc.folded.text;
  if (k <= 0 || k >= f.length) return true;
  if (isSentenceEnd(f.charCodeAt(k - 1))) return true;
  const from = doc.folded.toSource[k - 1];
  const nl = doc.text.indexOf('\n', from);
  return nl >= 0 && nl < doc.folded.toSource[k];
}

/** The stored context inside the sentence is next to the candidate, and the sentence ends where it did. */
export function boundedSides(
  doc: AnchoringDocument,
  a: PreparedAnnotation,
  start: number,
  end: number,
): { prefix: boolean; suffix: boolean } {
  const f = doc.folded.text;
  const tail = a.prefixTail;
  const head = a.suffixHead;
  const prefix =
    tail !== null &&
    start >= tail.length &&
    f.startsWith(tail, start - tail.length) &&
    boundaryAt(doc, start - tail.length);
  const suffix = head !== null && f.startsWith(head, end) && boundaryAt(doc, end + head.length);
  return { prefix, suffix };
}

const LABEL_DIGITS = '[零〇一二三四五六七八九十百千两0-9]+';
const ARTICLE_NUMBER = new RegExp(`第${LABEL_DIGITS}(?=[条章节款])`, 'gu');
const ITEM_NUMBER = new RegExp(`(^|[。;!?(])${LABEL_DIGITS}(?=[、.)])`, 'gu');
const HAS_DIGIT = new RegExp(LABEL_DIGITS, 'u');

const LABEL_DIGIT_CODES = new Set(Array.from('零〇一二三四五六七八九十百千两0123456789', (c) => c.charCodeAt(0)));

function isLabelDigit(code: number): boolean {
  return LABEL_DIGIT_CODES.has(code);
}

/** Folded text with the numbers of outline labels (第五条, 三、, (二), 4.) masked: renumbering changes only those. */
function maskLabels(s: string): string {
  return s.replace(ARTICLE_NUMBER, '第#').replace(ITEM_NUMBER, '$1#');
}

/**
 * The stored side agrees with the text next to a candidate once label numbers are masked (a renumbered
 * version: 第五十一条 is now 第五十二条), wholly or up to a sentence boundary. Only tried when the exact
 * comparison failed and the side holds a numeral.
 */
function renumberedSide(
  doc: AnchoringDocument,
  stored: string,
  side: 'prefix' | 'suffix',
  edge: number,
  bounded: boolean,
  quote: string,
): boolean {
  if (stored.length === 0 || !HAS_DIGIT.test(stored)) return false;
  const f = doc.folded.text;
  // Read with the quote's first (last) units: a label cut at the quote's edge (第十五 | 条) is known by
  // what follows it.
  const seam = Math.min(2, quote.length);
  const want =
    side === 'prefix'
      ? maskLabels(stored + quote.slice(0, seam))
      : maskLabels(quote.slice(quote.length - seam) + stored);
  const slack = 4;
  for (let d = -slack; d <= slack; d++) {
    const n = stored.length + d;
    if (n <= 0) continue;
    const from = side === 'prefix' ? edge - n : edge;
    if (from < 0 || from + n > f.length) continue;
    const found = side === 'prefix' ? f.slice(from, from + n + seam) : f.slice(Math.max(0, from - seam), from + n);
    if (maskLabels(found) !== want) continue;
    if (!bounded) return true;
    if (boundaryAt(doc, side === 'prefix' ? from : from + n)) return true;
  }
  return false;
}

/** Units of in-sentence context plus quote a moved sentence is recognised by, at least. */
const MOVED_EVIDENCE = 17;
/** … or this many when its stored place closed up where the sentence was (`Expectation.closedUp`). */
const TAKEN_OUT_EVIDENCE = 4;
/** … or this many when they are a whole paragraph, line break to line break. */
const MOVED_LINE_EVIDENCE = 8;

/** A line break just before folded unit k, or the text's edge. */
function lineBreakAt(doc: AnchoringDocument, k: number): boolean {
  const f = doc.folded.text;
  if (k <= 0 || k >= f.length) return true;
  const nl = doc.text.indexOf('\n', doc.folded.toSource[k - 1]);
  return nl >= 0 && nl < doc.folded.toSource[k];
}

/**
 * Score one candidate and apply the gates. A candidate that cannot pass (no side of context whole or
 * bounded) is returned at once, unscored (`passes: false`, context similarities from the exact runs
 * only): it can never be placed nor tie, and approximate search yields many such near-misses.
 */
export function weigh(doc: AnchoringDocument, a: PreparedAnnotation, expected: Expectation, c: Candidate): Evidence {
  const w = TUNING.weights;
  const hint = expected.hint;
  const runs = contextRuns(doc, a, c.start, c.end);
  const bounded = boundedSides(doc, a, c.start, c.end);
  // Renumbered labels next to the span (第五十一条 → 第五十二条) do not break its context. Tried only where
  // the exact comparison stopped at a numeral, which is rare.
  const f = doc.folded.text;
  const prefixBreak = c.start - 1 - runs.prefixRun;
  if (
    runs.prefixRun < a.prefix.length &&
    (isLabelDigit(a.prefix.charCodeAt(a.prefix.length - 1 - runs.prefixRun)) ||
      (prefixBreak >= 0 && isLabelDigit(f.charCodeAt(prefixBreak))))
  ) {
    if (!runs.prefixWhole && a.prefix.length >= TUNING.wholeContext)
      runs.prefixWhole = renumberedSide(doc, a.prefix, 'prefix', c.start, false, a.quote);
    if (!bounded.prefix && a.prefixTail !== null && !runs.prefixWhole)
      bounded.prefix = renumberedSide(doc, a.prefixTail, 'prefix', c.start, true, a.quote);
  }
  const suffixBreak = c.end + runs.suffixRun;
  if (
    runs.suffixRun < a.suffix.length &&
    (isLabelDigit(a.suffix.charCodeAt(runs.suffixRun)) ||
      (suffixBreak < f.length && isLabelDigit(f.charCodeAt(suffixBreak))))
  ) {
    if (!runs.suffixWhole && a.suffix.length >= TUNING.wholeContext)
      runs.suffixWhole = renumberedSide(doc, a.suffix, 'suffix', c.end, false, a.quote);
    if (!bounded.suffix && a.suffixHead !== null && !runs.suffixWhole)
      bounded.suffix = renumberedSide(doc, a.suffixHead, 'suffix', c.end, true, a.quote);
  }
  const quote = Math.max(0, 1 - c.errors / a.quote.length);
  const start = textStart(doc, c.start);
  const structure = a.key === null ? null : agreementAt(doc.structure, doc.folded, a.key, start);
  const shift = hint === null ? null : start - hint;
  const distance = shift === null ? null : Math.abs(shift);
  const hopeless =
    !runs.prefixWhole &&
    !runs.suffixWhole &&
    !bounded.prefix &&
    !bounded.suffix &&
    (a.prefix.length > 0 || a.suffix.length > 0);
  let prefix = hopeless
    ? runs.prefixRun / Math.max(1, a.prefix.length)
    : sideSimilarity(doc, a, 'prefix', runs.prefixRun, c.start - 1);
  let suffix = hopeless
    ? runs.suffixRun / Math.max(1, a.suffix.length)
    : sideSimilarity(doc, a, 'suffix', runs.suffixRun, c.end);
  // Context agreeing up to the sentence's edge is what a moved sentence keeps: count it as good agreement.
  if (bounded.prefix) prefix = Math.max(prefix, TUNING.boundedSide);
  if (bounded.suffix) suffix = Math.max(suffix, TUNING.boundedSide);
  const position = distance === null ? 0 : 1 - Math.min(1, distance / Math.max(1, doc.text.length));
  const structureScore =
    structure === null
      ? 0
      : (structure.section ? 0.4 : structure.renumbered ? 0.3 : 0) +
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
    relabelled: c.relabelled,
    prefixRun: runs.prefixRun,
    suffixRun: runs.suffixRun,
    prefixWhole: runs.prefixWhole,
    suffixWhole: runs.suffixWhole,
    prefixBounded: bounded.prefix,
    suffixBounded: bounded.suffix,
    quote,
    prefix,
    suffix,
    structure,
    distance,
    shift,
    content,
    confidence,
    passes: false,
  };
  e.passes = !hopeless && passesGates(doc, a, expected, e);
  return e;
}

/** Digits, and Chinese numerals where they count something (第三, 三日, 十二月, 五条), never in words (统一). */
const NUMBER_TOKEN =
  /[0-9]+|第?[零〇一二三四五六七八九十百千两]+(?=[年月日号时条款项章节次届批个名人起家户元万亿])|第[零〇一二三四五六七八九十百千两]+/gu;

/** The numbers a text counts with, 第 dropped (第二款 and 二款 say the same). */
function numbers(s: string): string[] {
  return (s.match(NUMBER_TOKEN) ?? []).map((t) => (t.startsWith('第') ? t.slice(1) : t));
}
/** Holidays, provinces and large cities (named without 节/省/市 as often as with). */
const PLACE_NAME =
  /元旦|春节|除夕|清明节?|劳动节|端午节?|中秋节?|国庆节?|北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|广州|深圳|杭州|南京|武汉|成都|西安|郑州|长沙|济南|青岛|厦门|福州|合肥|南昌|沈阳|大连|长春|哈尔滨|石家庄|太原|呼和浩特|南宁|昆明|贵阳|拉萨|兰州|西宁|银川|乌鲁木齐|海口|苏州|宁波|无锡/gu;
/** A character that ends a name: a place, an office, a holiday, a school, a company. */
const NAME_END = /[省市县区镇乡村节局厅委部院校司处所站队署办社]/u;

/**
 * An approximate match that is another sentence of the same kind, not the span edited: its numbers differ
 * (another accident report, the next holiday's date), or the words it changed end a name (春节 → 清明节,
 * 海淀区 → 朝阳区). Such a match is never the annotation, whatever its context says.
 */
function namesOrNumbersDiffer(quote: string, found: string): boolean {
  // Label numbers (第五条, 三、) change in a renumbered version: they do not make it another sentence.
  const x = numbers(maskLabels(quote));
  const y = numbers(maskLabels(found));
  if (x.length !== y.length || x.some((t, i) => t !== y[i])) return true;
  const u = quote.match(PLACE_NAME) ?? [];
  const v = found.match(PLACE_NAME) ?? [];
  if (u.length !== v.length || u.some((t, i) => t !== v[i])) return true;
  // The one stretch that differs, between the longest common prefix and suffix.
  let p = 0;
  while (p < quote.length && p < found.length && quote.charCodeAt(p) === found.charCodeAt(p)) p++;
  let q = 0;
  while (
    q < quote.length - p &&
    q < found.length - p &&
    quote.charCodeAt(quote.length - 1 - q) === found.charCodeAt(found.length - 1 - q)
  )
    q++;
  const changedOld = quote.slice(p, quote.length - q);
  const changedNew = found.slice(p, found.length - q);
  if (changedOld.length > 6 || changedNew.length > 6) return false; // several edits: numbers decided above
  // One name for another: both changed words end like a name (春节 → 清明节), or both are the head of a name
  // whose last character stayed (海淀区 → 朝阳区).
  const after = quote.charAt(quote.length - q);
  const han = /^[\u4e00-\u9fff]+$/u;
  return (
    (NAME_END.test(changedOld.slice(-1)) && NAME_END.test(changedNew.slice(-1))) ||
    (NAME_END.test(after) && han.test(changedOld) && han.test(changedNew))
  );
}

const NUMBER_RUN = /[0-9]+|[零〇一二三四五六七八九十百千两]+/gu;

/**
 * The two texts differ only in their numbers and names: one number for another (the next report, the next
 * date), one holiday or place for another. That states another fact. A word written over part of a number
 * or a name (`10月12日` → `1深入2日`) is an edit of the same sentence.
 */
function likeForLike(quote: string, found: string): boolean {
  const mask = (s: string) => s.replace(PLACE_NAME, '@').replace(NUMBER_RUN, '#');
  return mask(quote) === mask(found);
}

/**
 * Units of the quote read with a context side when comparing their numbers: a number may run across the
 * quote's edge (违法所得十 | 万元以上的).
 */
const NUMBER_SEAM = 2;

/** The numbers and place names of a context side and of the text there, a token cut at the outer edge left out. */
function sideNamesOrNumbersDiffer(stored: string, found: string, side: 'prefix' | 'suffix'): boolean {
  const tokens = (s: string) => {
    const out: string[] = [];
    for (const re of [NUMBER_TOKEN, PLACE_NAME])
      for (const m of s.matchAll(re)) {
        const at = m.index ?? 0;
        const cut = side === 'prefix' ? at === 0 : at + m[0].length === s.length;
        if (!cut) out.push(m[0].startsWith('第') ? m[0].slice(1) : m[0]);
      }
    return out;
  };
  // Another item of a list has other numbers in the same places, its other words the same; an edit that
  // wrote words over a number leaves fewer of them, or other words around them.
  const x = tokens(stored);
  const y = tokens(found);
  if (x.length !== y.length || x.every((t, i) => t === y[i])) return false;
  // Like for like, lined up at the quote's edge: the two sides were cut at the same length, so a longer
  // number on one of them shifts its outer end.
  const mask = (s: string) => s.replace(PLACE_NAME, '@').replace(NUMBER_RUN, '#');
  const ms = mask(stored);
  const mf = mask(found);
  const n = Math.min(ms.length, mf.length);
  return side === 'prefix' ? ms.slice(ms.length - n) === mf.slice(mf.length - n) : ms.slice(0, n) === mf.slice(0, n);
}

/**
 * The gates every placement must pass, whatever its score.
 *
 * Quote: a short quote must be exact; a longer one at least `quoteGate` similar, and an approximate one
 * must not differ from the quote in its numbers or names (`namesOrNumbersDiffer`).
 *
 * Context, always on at least one side (a stored position or structural key alone places nothing):
 * - the whole stored side verbatim, and the other side not contradicting it (similar, bounded, or the span
 *   in the same sentence position); after the edits a notice really gets (a word changed, a paragraph
 *   inserted, reflowed whitespace) at least one side of a span's 32-unit context is still there unbroken;
 * - or, for an exact quote, the stored context inside the span's own sentence on both sides, up to the
 *   sentence's edges: the sentence was moved (to another section, another paragraph), and its 32 units
 *   of surroundings with it.
 *
 * Location: a place outside the stored section (while that section still exists, and not merely
 * renumbered), or far from the stored position when the section cannot tell, is a surprise: a near-copy
 * of the passage (notices restate central instructions) is likelier than a span moved there. Then only
 * context verbatim on both sides, or an exact quote in its own sentence, will do.
 */
function passesGates(doc: AnchoringDocument, a: PreparedAnnotation, expected: Expectation, e: Evidence): boolean {
  if (e.confidence < TUNING.confidenceGate) return false;
  const exact = e.errors === 0 || e.relabelled === true;
  if (a.short ? !exact : e.quote < TUNING.quoteGate) return false;
  // Numbers or names that differ make another sentence of the same kind, unless the context agrees on both
  // sides in full: then the sentence stands where the span stood, edited, and only a like-for-like change
  // (another number, another name in its place) says it now states another fact.
  if (!exact) {
    const found = doc.folded.text.slice(e.start, e.end);
    const enclosed = e.prefixWhole && e.suffixWhole;
    if (namesOrNumbersDiffer(a.quote, found) && (!enclosed || likeForLike(a.quote, found))) return false;
  }
  if (a.prefix.length === 0 && a.suffix.length === 0) return true; // the quote was the whole text
  const structure = e.structure;
  // The other side: its in-sentence part verbatim up to the boundary, or similar enough. A stored side
  // that stays inside the span's sentence must be close (the next item of a list starts with the same
  // words and goes on differently); one that crosses into the next sentence may differ beyond it.
  // A side that is neither whole nor bounded agrees when the part of it inside the span's sentence is
  // close (the next item of a list starts with the same words and goes on differently; beyond the
  // sentence anything may have changed), nearly all there next to a short quote, and keeps its numbers
  // and names (the next holiday of a list, the next report).
  // Next to a short quote, the prefix may have lost a few words more when the suffix is whole and the place
  // is the span's own slot in its section (two words changed before it); nowhere else. Not the suffix:
  // items of a list read alike from their start, and the words after the span are what tell the next
  // item, renumbered into the span's slot, from the span's own.
  const inSlot = structure?.slot === true;
  const least = (length: number, slotted: boolean) =>
    a.short
      ? slotted
        ? TUNING.shortOtherSideInSlot
        : TUNING.shortOtherSide
      : Math.min(TUNING.sameSentenceSide, 1 - TUNING.changedWord / Math.max(1, length));
  const f = doc.folded.text;
  // Not across a label's number (第四十 | 条 renumbered is the same label).
  const seam = a.labelled ? 0 : NUMBER_SEAM;
  const prefixAgreesAt = (slotted: boolean) =>
    e.prefixBounded ||
    e.prefixWhole ||
    ((a.prefixTail === null || a.short ? e.prefix : inSentenceSimilarity(doc, a, 'tail', e.start - 1)) >=
      least((a.prefixTail ?? a.prefix).length, slotted) &&
      !sideNamesOrNumbersDiffer(
        (a.prefixTail ?? a.prefix) + a.quote.slice(0, seam),
        f.slice(Math.max(0, e.start - (a.prefixTail ?? a.prefix).length), e.start + seam),
        'prefix',
      ));
  const suffixAgreesAt = (slotted: boolean) =>
    e.suffixBounded ||
    e.suffixWhole ||
    ((a.suffixHead === null || a.short ? e.suffix : inSentenceSimilarity(doc, a, 'head', e.end)) >=
      least((a.suffixHead ?? a.suffix).length, slotted) &&
      !sideNamesOrNumbersDiffer(
        a.quote.slice(a.quote.length - seam) + (a.suffixHead ?? a.suffix),
        f.slice(Math.max(e.start, e.end - seam), e.end + (a.suffixHead ?? a.suffix).length),
        'suffix',
      ));
  const prefixAgrees = prefixAgreesAt(false);
  const suffixAgrees = suffixAgreesAt(false);
  // The quote with one whole side occurring nowhere else, near the stored position: whatever happened on
  // the other side (a paragraph inserted into the stored prefix, two words changed), no other place reads so.
  const near = e.distance !== null && e.distance <= TUNING.slotReach;
  const alone = near && sideAlone(doc, a, e);
  const strong =
    (e.prefixWhole && suffixAgrees) || (e.suffixWhole && (prefixAgrees || (inSlot && prefixAgreesAt(true)))) || alone;
  const inSentence =
    (e.prefixWhole ? a.prefix.length : (a.prefixTail?.length ?? 0)) +
      a.quote.length +
      (e.suffixWhole ? a.suffix.length : (a.suffixHead?.length ?? 0)) >=
    MOVED_EVIDENCE;
  // A short paragraph (a signature, a title) moved whole: the line is the evidence. Not a date or any
  // line with figures: a notice dates its head and its foot alike, and the next report differs in a digit.
  const line =
    a.wholeLine &&
    !/[0-9]/u.test((a.prefixTail ?? '') + a.quote + (a.suffixHead ?? '')) &&
    e.prefixBounded &&
    e.suffixBounded &&
    (a.prefixTail?.length ?? 0) + a.quote.length + (a.suffixHead?.length ?? 0) >= MOVED_LINE_EVIDENCE &&
    lineBreakAt(doc, e.start - (a.prefixTail?.length ?? 0)) &&
    lineBreakAt(doc, e.end + (a.suffixHead?.length ?? 0));
  const moved =
    exact && (inSentence || line) && (e.prefixWhole || e.prefixBounded) && (e.suffixWhole || e.suffixBounded);
  // Moved within its section, and a word changed next to it: one side to the sentence's edge, the other
  // close. Elsewhere that is too little: another list's item reads the same up to a word.
  // In its own section, not merely in the next number: the next article often repeats the same clause.
  const ownSection = structure === null || structure.section;
  const movedEdited =
    exact &&
    inSentence &&
    ownSection &&
    ((e.prefixBounded && suffixAgrees && endsAlike(doc, a, e.end)) || (e.suffixBounded && prefixAgrees));
  // Its whole sentence, however short, verbatim to both edges, while the stored place closed up where
  // that sentence stood: the sentence was taken out and put here.
  const takenOut =
    exact &&
    e.prefixBounded &&
    e.suffixBounded &&
    (a.prefixTail?.length ?? 0) + a.quote.length + (a.suffixHead?.length ?? 0) >= TAKEN_OUT_EVIDENCE &&
    expected.closedUp();
  if (!strong && !moved && !movedEdited && !takenOut) return false;
  // The stored place emptied (the quote deleted there, or written over with other words): a place
  // elsewhere with the same wording is a copy that was there all along, whatever its context says.
  const gap = expected.emptiedAt();
  if (gap !== null && (e.end < gap.start || e.start > gap.end)) return false;
  // Its in-sentence context alone, very far from where it was: a restatement, even in a section of the
  // same number (compiled texts repeat their outlines).
  const reachable = e.distance === null || e.distance <= TUNING.movedReach;
  if (!strong && !reachable) return false;
  const far = e.distance !== null && e.distance > TUNING.nearPosition;
  const home = structure?.section === true || (structure?.renumbered === true && !expected.keyHoldsQuote());
  const elsewhere = !home && (expected.sectionExists || far);
  // A sentence found by its in-sentence context far from home is a moved one only if home no longer
  // holds the quote; otherwise it is a restatement elsewhere, and the span, edited, is still at home.
  // Even with its context verbatim on both sides, a place elsewhere is not the span while home still holds
  // it, edited: a clause repeated word for word in the next article is another one.
  if (!elsewhere) return true;
  if (expected.keyHoldsQuote()) return false;
  // Near the stored position, in the sentence and at the offset it was in, a heading inserted or written
  // over before it (a new article, a label a word replaced) is what changed its section, not a move.
  const resettled = strong && near && (structure?.sentenceSlot === true || alone);
  return (e.prefixWhole && e.suffixWhole) || moved || takenOut || resettled;
}

/**
 * The quote with a whole side of its context (read inside the span's sentence) occurs once only, at the
 * candidate, and the other side agrees up to a paragraph's edge.
 */
function sideAlone(doc: AnchoringDocument, a: PreparedAnnotation, e: Evidence): boolean {
  // The whole side read inside the span's sentence: across a boundary it is the next item's start or the
  // previous one's end, which a list's neighbour shares with the span's place.
  const inside = (part: string | null) => part === null || part.length >= TUNING.wholeContext;
  const suffixSide = e.suffixWhole && inside(a.suffixHead);
  if (!suffixSide && !(e.prefixWhole && inside(a.prefixTail))) return false;
  // The other side agrees up to where a paragraph now begins or ends: a paragraph was inserted there, or the
  // sentence was moved, not its words rewritten (a restatement reads otherwise within the sentence).
  const edge = suffixSide ? e.start - e.prefixRun : e.end + e.suffixRun;
  if (!lineBreakAt(doc, edge)) return false;
  const pattern = suffixSide ? a.quote + a.suffix : a.prefix + a.quote;
  if (pattern.length < TUNING.wholeContext + 1) return false;
  const at = suffixSide ? e.start : e.start - a.prefix.length;
  if (doc.indexedSearch) {
    const found = doc.trigrams().occurrences(pattern, 2);
    return found.length === 1 && found[0] === at;
  }
  const f = doc.folded.text;
  const first = f.indexOf(pattern);
  return first === at && f.indexOf(pattern, first + 1) < 0;
}

function overlaps(x: Candidate, y: Candidate): boolean {
  const overlap = Math.min(x.end, y.end) - Math.max(x.start, y.start);
  return overlap > 0 && overlap * 2 >= Math.min(x.end - x.start, y.end - y.start);
}

export type Decision =
  | { kind: 'placed'; winner: Evidence; start: number; end: number }
  | { kind: 'ambiguous'; places: Evidence[] }
  | { kind: 'rejected' };

/** One entry per place, best content first. */
function dedupe(list: Evidence[]): Evidence[] {
  const out: Evidence[] = [];
  for (const e of list.slice().sort((x, y) => y.content - x.content)) if (!out.some((p) => overlaps(p, e))) out.push(e);
  return out;
}

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
 * Decide among scored candidates from every source together. Only candidates passing the gates compete
 * (one whose context contradicts the stored one is not the annotation, so it cannot tie either). The best
 * wins when no other place comes within `tieMargin` of its content score; otherwise `breakTie`, and
 * when nothing breaks the tie the answer is 'ambiguous' with the tied places. Whatever decides, a pick far
 * from the stored position while another fitting place sits near it is refused.
 */
export function decide(doc: AnchoringDocument, scored: Evidence[]): Decision {
  const passing = scored.filter((e) => e.passes).sort((x, y) => y.content - x.content || y.confidence - x.confidence);
  // One entry per place: overlapping candidates are the same place, keep the best-scored.
  const places: Evidence[] = [];
  for (const e of passing) if (!places.some((p) => overlaps(p, e))) places.push(e);
  if (places.length === 0) return { kind: 'rejected' };
  const tied = places.filter((e) => e.content > places[0].content - TUNING.tieMargin);
  const pick = tied.length === 1 ? tied[0] : breakTie(doc, tied);
  if (pick === null) return { kind: 'ambiguous', places: tied };
  // The annotated sentence twice in a row: whichever copy the 32 units of context favour depends only on
  // whether the copy went above or below. Nothing stored tells them apart.
  const exact = scored.filter((e) => e.errors === 0 && e !== pick && !overlaps(e, pick));
  const twins = exact.filter((other) => sameSentenceTwice(doc.folded.text, pick, other));
  if (twins.length > 0) return { kind: 'ambiguous', places: [pick, ...dedupe(twins)] };
  // The runner-up, among the exact places with one side of context whole even if they fail the gates: a
  // place that is no better than one of those is not clearly the annotation's (unless its own context is
  // verbatim on both sides).
  const verbatim = pick.prefixWhole && pick.suffixWhole;
  const close = exact.filter(
    (e) =>
      !e.passes &&
      !verbatim &&
      (e.prefixWhole || e.suffixWhole) &&
      e.content > pick.content - TUNING.tieMargin &&
      !farApart(pick, e), // a passage ten thousand units away is another one (see farApart)
  );
  if (close.length > 0) return { kind: 'ambiguous', places: [pick, ...dedupe(close)] };
  const rivals = places.filter((other) => other !== pick && farApart(other, pick));
  if (rivals.length > 0) return { kind: 'ambiguous', places: [pick, ...rivals] };
  return { kind: 'placed', winner: pick, start: textStart(doc, pick.start), end: textEnd(doc, pick.end) };
}

/**
 * Two exact places in consecutive copies of one stretch of text (a sentence pasted right above or below
 * itself): the text agrees with itself shifted by their distance over at least that distance around
 * them. The 32 units of context then favour one copy or the other only by where the copy went.
 */
function sameSentenceTwice(f: string, x: Evidence, y: Evidence): boolean {
  if (x.errors !== 0 || y.errors !== 0) return false;
  const [a, b] = x.start < y.start ? [x.start, y.start] : [y.start, x.start];
  const d = b - a;
  if (d === 0 || d > TUNING.adjacentCopy) return false;
  let run = 0;
  for (let i = a - 1; i >= 0 && run < d && f.charCodeAt(i) === f.charCodeAt(i + d); i--) run++;
  for (let i = a; i + d < f.length && run < d && f.charCodeAt(i) === f.charCodeAt(i + d); i++) run++;
  return run >= d;
}

/** How far a place may be from the stored position plus a copy's length and still be explained by it. */
const COPY_SHIFT_SLACK = 4;

/**
 * A copy of the passage pasted somewhere before the span (a paragraph restating it) moves the span by the
 * copy's length and nothing else: the place whose offset is the stored one plus the length of the stretch
 * it shares with an earlier verbatim place is the span, that earlier place the copy. (A copy pasted after
 * the span leaves it at its stored offset: `unchanged`.)
 */
function shiftedByCopy(doc: AnchoringDocument, e: Evidence, places: Evidence[]): boolean {
  if (e.errors !== 0 || e.shift === null || e.shift <= 0) return false;
  const t = doc.text;
  const at = textStart(doc, e.start);
  return places.some((other) => {
    if (other === e || other.errors !== 0 || other.start >= e.start) return false;
    const from = textStart(doc, other.start);
    const d = at - from;
    // The stretch the two places share: the copy, give or take the units around it that happen to agree.
    let run = 0;
    for (let i = from - 1; i >= 0 && run <= d && t.charCodeAt(i) === t.charCodeAt(i + d); i--) run++;
    for (let i = from; i + d < t.length && run <= d && t.charCodeAt(i) === t.charCodeAt(i + d); i++) run++;
    return run < d && Math.abs(e.shift! - run) <= COPY_SHIFT_SLACK;
  });
}

/**
 * Break a tie between places with about the same content score:
 * 1. Context verbatim on both sides, at exactly one of them. In 不聚会、不聚餐 each 不聚's context is the
 *    other's shifted by four units, so their scores are close; the one whose stored context is all there
 *    is the span.
 * 2. Among those (or all, when none is verbatim), the stored section, when exactly one place is in it.
 *    Finer levels of the key (paragraph, sentence, offset) do not decide: a copy of a sentence inserted
 *    right before it takes the original's sentence index and offset, so they would pick the copy.
 * 3. The stored offsets, when they still hold the quote with its whole context (the text is unchanged
 *    there; a copy pasted right above it is caught as a twin afterwards), or the stored offset moved by
 *    exactly the length of a copy pasted before it (`shiftedByCopy`).
 * 4. Position, only at the scale of `farApart`, and only for a place with one side of context whole.
 */
function breakTie(doc: AnchoringDocument, tied: Evidence[]): Evidence | null {
  const verbatim = tied.filter((e) => e.prefixWhole && e.suffixWhole);
  if (verbatim.length === 1) return verbatim[0];
  const pool = verbatim.length > 1 ? verbatim : tied;

  // Only among places verbatim on both sides: a sentence found by its in-sentence context alone may
  // have a twin in the stored section that happens to share the 32 units before it.
  const inSection = verbatim.filter((e) => e.structure?.section === true);
  if (inSection.length === 1) return inSection[0];

  // The stored offsets still hold the quote with its whole context and its structural key: the text did
  // not change up to there.
  const unchanged = verbatim.filter(
    (e) => e.errors === 0 && e.distance === 0 && (e.structure === null || e.structure.offset),
  );
  if (unchanged.length === 1) return unchanged[0];
  const explained = verbatim.filter((e) => shiftedByCopy(doc, e, verbatim));
  if (explained.length === 1) return explained[0];

  // A sentence found by its in-sentence context alone may have moved any distance: its copies' offsets say
  // nothing about which one is the span.
  const near = inSection.length > 1 ? inSection : pool;
  const nearest = near.reduce((x, y) => ((y.distance ?? Infinity) < (x.distance ?? Infinity) ? y : x));
  if (!nearest.prefixWhole && !nearest.suffixWhole) return null;
  // Nor against a place holding the quote exactly between its in-sentence context verbatim to both edges
  // (a moved sentence) when the nearest place's own sentence reads otherwise: that sentence may be a
  // near-copy of the span's (the next item of a list), and the span itself moved any distance.
  const sentenceWhole = (e: Evidence) => e.errors === 0 && e.prefixBounded && e.suffixBounded;
  if (!sentenceWhole(nearest) && near.some((e) => e !== nearest && sentenceWhole(e))) return null;
  return near.every((e) => e === nearest || farApart(nearest, e)) ? nearest : null;
}
