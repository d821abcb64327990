/**
 * Re-anchoring: find where an annotation's span is in a (possibly edited) text, or say it is unplaced.
 *
 * Candidates come from every source: exact occurrences of the quote (the stored position and the
 * structural key's place among them), approximate matches around where the key points, and approximate
 * matches anywhere. They are scored together (match-quote.ts); the best is placed only when its quote and
 * at least one side of its context agree and it is clearly better than the runner-up. Two places nothing
 * tells apart give 'ambiguous' with both, never a guess. Cheap first: the approximate search runs only
 * when the exact occurrences did not settle it. Short quotes (不得, 要) are only ever placed on exact text.
 */

import type { OutlineItem } from '../types';
import { prepareDocument, textEnd, textStart, type AnchoringDocument } from './document';
import {
  TUNING,
  decide,
  expectationFor,
  boundedSides,
  contextRuns,
  prepareAnnotation,
  weigh,
  type Expectation,
  type Evidence,
  type PreparedAnnotation,
} from './match-quote';
import { compilePattern, searchPattern, type CompiledPattern } from '../text/myers';
import { readSelectors, type Selector } from './selectors';

export interface AnchorResult {
  /** Text offsets (UTF-16 code units) of the span in the current text. */
  start: number;
  end: number;
  method: 'exact-position' | 'exact-quote' | 'structure' | 'fuzzy';
  /** 0..1, the weighted evidence (quote 50, prefix 20, suffix 20, position 2, structure 8) / 100. */
  confidence: number;
  /** The text there differs from the stored quote (beyond whitespace and punctuation width): show both. */
  differs: boolean;
}

/** Where an annotation is: placed, one of several places nothing tells apart, or nowhere. */
export type AnchorOutcome =
  | ({ kind: 'placed' } & AnchorResult)
  | { kind: 'ambiguous'; places: { start: number; end: number }[] }
  | { kind: 'unplaced' };

const UNPLACED: AnchorOutcome = { kind: 'unplaced' };

/** Texts up to this many folded units are searched whole; longer ones go through the trigram filter. */
const WHOLE_SCAN_LIMIT = 16384;
/** Quotes longer than this are not searched approximately (cost grows with length; exact steps still apply). */
const FUZZY_QUOTE_LIMIT = 4096;
/** Trigram windows verified per quote. */
const WINDOW_LIMIT = 48;

/**
 * Error budget of the approximate search: a quarter of the quote, at most 256. Hypothesis allows half;
 * a quarter keeps the trigram filter exact (the q-gram bound stays positive) and the gates accept no
 * more than 30% errors anyway.
 */
function errorBudget(quoteLength: number): number {
  return Math.min(256, Math.max(1, Math.ceil(quoteLength / 4)));
}

function result(
  start: number,
  end: number,
  method: AnchorResult['method'],
  confidence: number,
  errors: number,
): AnchorOutcome {
  const c = Math.round(Math.min(1, Math.max(0, confidence)) * 1000) / 1000;
  return { kind: 'placed', start, end, method, confidence: c, differs: errors > 0 };
}

function reverse(s: string): string {
  let r = '';
  for (let i = s.length - 1; i >= 0; i--) r += s[i];
  return r;
}

/** What one annotation's search shares between steps. */
interface Search {
  doc: AnchoringDocument;
  a: PreparedAnnotation;
  expected: Expectation;
}

/**
 * More exact occurrences than this that could all pass the gates (the same words with the same context)
 * is a text repeating itself: no occurrence can be told from the others, and scoring them all would
 * stall the page. The annotation is then left unplaced.
 */
const MAX_EXACT_CANDIDATES = 1000;

/**
 * Step 2 candidates: exact occurrences of the folded quote that could pass the gates, i.e. with one side
 * of context whole or at the structural key's position. The rest can never be placed nor tie, so they are
 * not scored at all: 要 occurs ~2,000 times in 100,000 characters. Null when there are too many.
 */
function exactCandidates(s: Search): Evidence[] | null {
  const { doc, a, expected } = s;
  const { targets } = expected;
  const f = doc.folded.text;
  const m = a.quote.length;
  const starts = doc.indexedSearch ? indexedStarts(s) : scannedStarts();
  if (starts === null) return null;
  return starts.map((i) => weigh(doc, a, expected, { start: i, end: i + m, errors: 0, source: 'exact' }));

  function scannedStarts(): number[] | null {
    // Labels around the quote: its context may agree only through renumbered labels; weigh every place.
    const relabel = a.labelled && m > TUNING.wordQuote;
    const found: number[] = [];
    for (let i = f.indexOf(a.quote); i >= 0; i = f.indexOf(a.quote, i + 1)) {
      if (!relabel && !wholeSide(f, a, i, i + m) && !bothBounded(s, i, i + m) && !targets.includes(i)) continue;
      if (found.push(i) > MAX_EXACT_CANDIDATES) return null;
    }
    return found;
  }
}

/**
 * The same starts as the scan, found through the trigram index: a whole prefix means `prefix + quote`
 * occurs, a whole suffix means `quote + suffix` does (both at least 17 units long, so rare); short stored
 * sides (the text's edges) and structural targets are single positions to check.
 */
function indexedStarts(s: Search): number[] | null {
  const { doc, a, expected } = s;
  const { targets } = expected;
  const f = doc.folded.text;
  const m = a.quote.length;
  const index = doc.trigrams();
  const found = new Set<number>();
  const pl = a.prefix.length;
  const sl = a.suffix.length;
  const limit = MAX_EXACT_CANDIDATES + 1;
  if (pl >= TUNING.wholeContext) for (const p of index.occurrences(a.prefix + a.quote, limit)) found.add(p + pl);
  else if (f.startsWith(a.quote, pl)) found.add(pl);
  if (sl >= TUNING.wholeContext) for (const p of index.occurrences(a.quote + a.suffix, limit)) found.add(p);
  else if (f.length - sl - m >= 0 && f.startsWith(a.quote, f.length - sl - m)) found.add(f.length - sl - m);
  for (const t of targets) if (f.startsWith(a.quote, t)) found.add(t);
  // A moved sentence: the quote with its in-sentence context, wherever it went.
  const inSentence = (a.prefixTail ?? '') + a.quote + (a.suffixHead ?? '');
  if (a.prefixTail !== null && a.suffixHead !== null && inSentence.length >= 3)
    for (const p of index.occurrences(inSentence, limit)) found.add(p + a.prefixTail.length);
  const p = a.position === null ? -1 : doc.folded.fromSource[Math.min(a.position.start, doc.text.length)];
  if (p >= 0 && f.startsWith(a.quote, p)) found.add(p);
  const relabel = a.labelled && m > TUNING.wordQuote; // see scannedStarts
  if (relabel) for (const i of index.occurrences(a.quote, limit)) found.add(i);
  if (found.size > MAX_EXACT_CANDIDATES) return null;
  return [...found]
    .filter((i) => relabel || wholeSide(f, a, i, i + m) || bothBounded(s, i, i + m) || targets.includes(i))
    .sort((x, y) => x - y);
}

function bothBounded({ doc, a }: Search, start: number, end: number): boolean {
  if (a.prefixTail === null || a.suffixHead === null) return false;
  const b = boundedSides(doc, a, start, end);
  return b.prefix && b.suffix;
}

/** `contextRuns(...).prefixWhole || .suffixWhole`, without allocating (it runs for every occurrence). */
function wholeSide(f: string, a: PreparedAnnotation, start: number, end: number): boolean {
  const { prefix, suffix } = a;
  const pl = prefix.length;
  const sl = suffix.length;
  if (start >= pl && (pl >= TUNING.wholeContext || start === pl)) {
    let k = 1;
    while (k <= pl && f.charCodeAt(start - k) === prefix.charCodeAt(pl - k)) k++;
    if (k > pl) return true;
  }
  if (f.length - end >= sl && (sl >= TUNING.wholeContext || f.length - end === sl)) {
    let k = 0;
    while (k < sl && f.charCodeAt(end + k) === suffix.charCodeAt(k)) k++;
    if (k === sl) return true;
  }
  return false;
}

interface Patterns {
  forward: CompiledPattern;
  backward: CompiledPattern;
  budget: number;
}

/** Approximate matches of the quote inside `[from, to)` of the folded text, scored. */
function searchRange(
  s: Search,
  patterns: Patterns,
  from: number,
  to: number,
  source: 'structure' | 'fuzzy',
): Evidence[] {
  const f = s.doc.folded.text;
  const lo = Math.max(0, from);
  const hi = Math.min(f.length, to);
  if (hi <= lo) return [];
  return searchPattern(patterns.forward, patterns.backward, f, lo, hi, patterns.budget).map((m) =>
    weigh(s.doc, s.a, s.expected, { start: m.start, end: m.end, errors: m.errors, source }),
  );
}

/** Where `pattern` occurs: the only place, or -1 when it occurs elsewhere too or not at all. */
function onlyOccurrence(doc: AnchoringDocument, pattern: string): number {
  if (doc.indexedSearch) {
    const found = doc.trigrams().occurrences(pattern, 2);
    return found.length === 1 ? found[0] : -1;
  }
  const f = doc.folded.text;
  const at = f.indexOf(pattern);
  return at >= 0 && f.indexOf(pattern, at + 1) < 0 ? at : -1;
}

/** The fast path: `prefix + quote` and `quote + suffix` each occur exactly once, at the same place. */
function uniqueVerbatim(s: Search): AnchorOutcome | null {
  const { doc, a } = s;
  if (a.prefix.length < TUNING.wholeContext || a.suffix.length < TUNING.wholeContext || a.labelled) return null;
  const before = onlyOccurrence(doc, a.prefix + a.quote);
  if (before < 0) return null;
  const start = before + a.prefix.length;
  if (onlyOccurrence(doc, a.quote + a.suffix) !== start) return null;
  const e = weigh(doc, a, s.expected, { start, end: start + a.quote.length, errors: 0, source: 'exact' });
  if (!e.passes) return null;
  return placedAt(doc, a, e, textStart(doc, e.start), textEnd(doc, e.end));
}

/**
 * Places where the quote stands with only label numbers changed, in it or in its in-sentence context (at
 * most 20 of each looked at): the quote with its masked labels, and the quote between its masked
 * in-sentence context, in the text with its labels masked.
 */
function relabelledCandidates(s: Search): Evidence[] {
  const { doc, a, expected } = s;
  const f = doc.folded.text;
  const quote = a.maskedQuote ?? a.quote;
  const tail = a.maskedTail ?? a.prefixTail ?? '';
  const head = a.maskedHead ?? a.suffixHead ?? '';
  const patterns: { text: string; skip: number }[] = [];
  if (a.maskedQuote !== null) patterns.push({ text: a.maskedQuote, skip: 0 });
  if (a.maskedTail !== null || a.maskedHead !== null) patterns.push({ text: tail + quote + head, skip: tail.length });
  if (patterns.length === 0) return [];
  const text = doc.masked();
  const out: Evidence[] = [];
  const seen = new Set<number>();
  for (const { text: pattern, skip } of patterns) {
    let n = 0;
    for (let i = text.indexOf(pattern); i >= 0 && n < 20; i = text.indexOf(pattern, i + 1), n++) {
      const at = i + skip;
      if (seen.has(at)) continue;
      seen.add(at);
      let errors = 0;
      for (let k = 0; k < quote.length; k++) if (f.charCodeAt(at + k) !== a.quote.charCodeAt(k)) errors++;
      const c = { start: at, end: at + quote.length, errors, source: 'exact' as const, relabelled: true };
      out.push(weigh(doc, a, expected, c));
    }
  }
  return out;
}

/** Another exact occurrence of the quote within `adjacentCopy` units of `at` (a copy in a row). */
function copyNearby(f: string, quote: string, at: number): boolean {
  const reach = TUNING.adjacentCopy + quote.length;
  const from = Math.max(0, at - reach);
  const near = f.slice(from, at + reach + quote.length);
  for (let i = near.indexOf(quote); i >= 0; i = near.indexOf(quote, i + 1)) if (from + i !== at) return true;
  return false;
}

/**
 * The cheapest answer: where the stored position (or the one place the structural key points) is, the
 * quote stands with its whole context on both sides, in its stored sentence, and no copy of it stands
 * within a copy's reach. Every other place could at best tie on content, and a tie among verbatim places
 * goes to the one in the stored section at the stored offset: this one. No search, no index.
 */
function verifiedInPlace(s: Search): AnchorOutcome | null {
  const { doc, a, expected } = s;
  const f = doc.folded.text;
  const spots: number[] = [];
  if (a.position !== null && a.position.start < doc.text.length) spots.push(doc.folded.fromSource[a.position.start]);
  if (expected.targets.length === 1 && expected.targets[0] !== spots[0]) spots.push(expected.targets[0]);
  for (const at of spots) {
    if (!f.startsWith(a.quote, at)) continue;
    const end = at + a.quote.length;
    const runs = contextRuns(doc, a, at, end);
    if (!runs.prefixWhole || !runs.suffixWhole) continue;
    const e = weigh(doc, a, expected, { start: at, end, errors: 0, source: 'exact' });
    if (!e.passes || (e.structure !== null && !e.structure.offset) || copyNearby(f, a.quote, at)) continue;
    if (e.structure === null && e.distance !== 0) continue;
    return placedAt(doc, a, e, textStart(doc, at), textEnd(doc, end));
  }
  return null;
}

/** Where the winner is in the text, with the stored offsets when the text there is unchanged. */
function placedAt(
  doc: AnchoringDocument,
  a: PreparedAnnotation,
  w: Evidence,
  start: number,
  end: number,
): AnchorOutcome {
  const p = a.position;
  if (w.errors === 0 && p !== null && p.end <= doc.text.length && doc.folded.fromSource[p.start] === w.start) {
    if (doc.text.slice(p.start, p.end) === a.exact) return result(p.start, p.end, 'exact-position', w.confidence, 0);
    return result(start, end, 'exact-position', w.confidence, 0);
  }
  const method = w.errors === 0 ? 'exact-quote' : w.source === 'structure' ? 'structure' : 'fuzzy';
  return result(start, end, method, w.confidence, w.errors);
}

function ambiguous(doc: AnchoringDocument, places: Evidence[]): AnchorOutcome {
  return {
    kind: 'ambiguous',
    places: places
      .map((e) => ({ start: textStart(doc, e.start), end: textEnd(doc, e.end) }))
      .sort((x, y) => x.start - y.start),
  };
}

/** Anchor one prepared annotation. */
function anchorPrepared(doc: AnchoringDocument, a: PreparedAnnotation): AnchorOutcome {
  const expected = expectationFor(doc, a);
  const s: Search = { doc, a, expected };

  // 0. The quote with its whole context on both sides, once in the text and its halves nowhere else:
  // nothing can match better or as well, nor be a copy of it in a row.
  const inPlace = verifiedInPlace(s);
  if (inPlace !== null) return inPlace;
  const verbatim = uniqueVerbatim(s);
  if (verbatim !== null) return verbatim;

  // 1. Exact occurrences, the stored position and the structural key's place among them.
  const exact = exactCandidates(s);
  if (exact === null) return UNPLACED;
  const first = decide(doc, exact);
  // Exact places nothing tells apart: for a short quote that is the answer; a longer one may still be the
  // edited span in its stored place, with its context whole, which the approximate search finds.
  if (first.kind === 'ambiguous' && a.short) return ambiguous(doc, first.places);
  if (first.kind === 'placed') {
    // Commit at once when the match's context is verbatim on both sides, or it is in the stored section
    // (near the stored position, without a key). Otherwise it may be a near-copy of the span while the
    // span itself, edited, is still where it was: let the approximate search put both side by side.
    const w = first.winner;
    const located =
      w.structure === null
        ? w.distance === null || w.distance <= TUNING.nearPosition
        : w.structure.section || w.structure.renumbered;
    if (a.short || (located && (w.prefixWhole || w.suffixWhole)) || (w.prefixWhole && w.suffixWhole)) {
      return placedAt(doc, a, w, first.start, first.end);
    }
  }
  // A quote holding outline labels, in a renumbered version: the same text with other label numbers.
  const relabelled = a.labelled ? relabelledCandidates(s) : [];
  if (relabelled.length > 0) {
    const d = decide(doc, [...exact, ...relabelled]);
    if (d.kind === 'placed' && d.winner.relabelled === true) return placedAt(doc, a, d.winner, d.start, d.end);
    if (d.kind === 'ambiguous' && a.short) return ambiguous(doc, d.places);
  }
  // A short quote is placed on exact text only (hypothesis/h#2634: "Linus" matched "chines").
  if (a.short || a.quote.length > FUZZY_QUOTE_LIMIT) return UNPLACED;

  const m = a.quote.length;
  const patterns: Patterns = {
    forward: compilePattern(a.quote),
    backward: compilePattern(reverse(a.quote)),
    budget: errorBudget(m),
  };

  // 2. Approximate matches around where the structural key points.
  const structural: Evidence[] = [];
  const slack = patterns.budget + TUNING.contextLength;
  for (const target of expected.targets)
    structural.push(...searchRange(s, patterns, target - slack, target + m + slack, 'structure'));

  // The stored sentence, with its context verbatim on both sides, where the key points: overwhelming
  // local evidence, no need to look anywhere else.
  if (structural.length > 0) {
    const local = decide(doc, [...exact, ...structural]);
    const w = local.kind === 'placed' ? local.winner : null;
    if (local.kind === 'placed' && w?.source === 'structure' && w.structure?.sentence && w.prefixWhole && w.suffixWhole)
      return placedAt(doc, a, w, local.start, local.end);
  }

  // 3. Approximate matches anywhere.
  const f = doc.folded.text;
  const fuzzy: Evidence[] = [];
  if (f.length <= WHOLE_SCAN_LIMIT) {
    fuzzy.push(...searchRange(s, patterns, 0, f.length, 'fuzzy'));
  } else {
    for (const w of doc.trigrams().windows(a.quote, patterns.budget, WINDOW_LIMIT)) {
      fuzzy.push(...searchRange(s, patterns, w.from, w.to, 'fuzzy'));
    }
  }

  // All sources scored together.
  const decision = decide(doc, [...exact, ...structural, ...fuzzy]);
  if (decision.kind === 'ambiguous') return ambiguous(doc, decision.places);
  if (decision.kind !== 'placed') return UNPLACED;
  return placedAt(doc, a, decision.winner, decision.start, decision.end);
}

/**
 * Find an annotation in a normalised text. Returns null (an orphan, for the 未定位 list) when the quote is
 * missing or malformed, when its text is gone, or when more than one place fits and nothing tells them
 * apart. Never throws on bad selectors.
 */
export function anchorSelectors(text: string, selectors: Selector[], outline: OutlineItem[]): AnchorResult | null {
  return anchorMany(text, [selectors], outline)[0] ?? null;
}

/**
 * Anchor many annotations against one text, sharing the folded view, the structure and the trigram index:
 * one outcome per item, in order.
 */
export function anchorOutcomes(text: string, items: Selector[][], outline: OutlineItem[]): AnchorOutcome[] {
  if (!Array.isArray(items)) return [];
  if (typeof text !== 'string') return items.map(() => UNPLACED);
  const doc = prepareDocument(text, Array.isArray(outline) ? outline : [], items.length);
  return items.map((selectors) => {
    const a = prepareAnnotation(readSelectors(selectors));
    return a === null ? UNPLACED : anchorPrepared(doc, a);
  });
}

/** `anchorOutcomes`, with only the placed ones: null for unplaced and ambiguous. */
export function anchorMany(text: string, items: Selector[][], outline: OutlineItem[]): (AnchorResult | null)[] {
  return anchorOutcomes(text, items, outline).map((o) => {
    if (o.kind !== 'placed') return null;
    return { start: o.start, end: o.end, method: o.method, confidence: o.confidence, differs: o.differs };
  });
}
