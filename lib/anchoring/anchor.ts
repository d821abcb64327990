/**
 * Re-anchoring: find where an annotation's span is in a (possibly edited) text, or say it is unplaced.
 *
 * Cheap first, expensive second, as Hypothesis does (docs/annotation.md §2):
 *   1. the stored position, if it still holds the quote and the gates pass there;
 *   2. exact occurrences of the quote (folded view), told apart by context, structure and position;
 *   3. the stored structural key, verifying the quote approximately around where it points;
 *   4. approximate search over the whole text (Myers, behind a trigram filter on long texts).
 * Short quotes (不得, 要) stop after step 2: they are only ever placed on exact text with strong context.
 */

import type { OutlineItem } from '../types';
import { prepareDocument, type AnchoringDocument } from './document';
import {
  TUNING,
  decide,
  expectationFor,
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
}

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

function result(start: number, end: number, method: AnchorResult['method'], confidence: number): AnchorResult {
  return { start, end, method, confidence: Math.round(Math.min(1, Math.max(0, confidence)) * 1000) / 1000 };
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

/** Step 1: the stored position, accepted when it still holds the quote (folded) and the gates pass there. */
function anchorAtPosition({ doc, a, expected }: Search): AnchorResult | null {
  const p = a.position;
  if (p === null || p.end > doc.text.length) return null;
  const fs = doc.folded.fromSource[p.start];
  const fe = doc.folded.fromSource[p.end];
  if (fe - fs !== a.quote.length || !doc.folded.text.startsWith(a.quote, fs)) return null;
  const e = weigh(doc, a, expected, { start: fs, end: fe, errors: 0, source: 'position' });
  if (!e.passes) return null;
  // The stored offsets when the text there is unchanged; else the folded span, without edge whitespace.
  if (doc.text.slice(p.start, p.end) === a.exact) return result(p.start, p.end, 'exact-position', e.confidence);
  const start = doc.folded.toSource[fs];
  return result(start, doc.folded.toSource[fe - 1] + 1, 'exact-position', e.confidence);
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
    const found: number[] = [];
    for (let i = f.indexOf(a.quote); i >= 0; i = f.indexOf(a.quote, i + 1)) {
      if (!wholeSide(f, a, i, i + m) && !targets.includes(i)) continue;
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
function indexedStarts({ doc, a, expected }: Search): number[] | null {
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
  if (found.size > MAX_EXACT_CANDIDATES) return null;
  return [...found].filter((i) => wholeSide(f, a, i, i + m) || targets.includes(i)).sort((x, y) => x - y);
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

/** Anchor one prepared annotation. */
function anchorPrepared(doc: AnchoringDocument, a: PreparedAnnotation): AnchorResult | null {
  const expected = expectationFor(doc, a);
  const s: Search = { doc, a, expected };

  // 1. The stored position.
  const atPosition = anchorAtPosition(s);
  if (atPosition !== null) return atPosition;

  // 2. Exact occurrences.
  const exact = exactCandidates(s);
  if (exact === null) return null;
  const first = decide(doc, exact);
  if (first.kind === 'ambiguous') return null;
  if (first.kind === 'placed') {
    // Commit at once when the match's context is verbatim on both sides, or it is in the stored section
    // (near the stored position, without a key). Otherwise it may be a near-copy of the span while the
    // span itself, edited, is still where it was: let the approximate search put both side by side.
    const w = first.winner;
    const located =
      w.structure === null ? w.distance === null || w.distance <= TUNING.nearPosition : w.structure.section;
    if (a.short || located || (w.prefixWhole && w.suffixWhole)) {
      return result(first.start, first.end, 'exact-quote', w.confidence);
    }
  }
  // A short quote is placed on exact text only (hypothesis/h#2634: "Linus" matched "chines").
  if (a.short || a.quote.length > FUZZY_QUOTE_LIMIT) return null;

  const m = a.quote.length;
  const patterns: Patterns = {
    forward: compilePattern(a.quote),
    backward: compilePattern(reverse(a.quote)),
    budget: errorBudget(m),
  };

  // 3. The structural key: search a window around where it points. Accept at once only on overwhelming
  // local evidence (the stored sentence, context verbatim on both sides); else compare globally below.
  const structural: Evidence[] = [];
  const slack = patterns.budget + TUNING.contextLength;
  for (const target of expected.targets)
    structural.push(...searchRange(s, patterns, target - slack, target + m + slack, 'structure'));
  if (structural.length > 0) {
    const local = decide(doc, [...exact, ...structural]);
    const w = local.kind === 'placed' ? local.winner : null;
    if (
      local.kind === 'placed' &&
      w !== null &&
      w.source === 'structure' &&
      w.structure?.sentence === true &&
      w.prefixWhole &&
      w.suffixWhole
    ) {
      return result(local.start, local.end, 'structure', w.confidence);
    }
  }

  // 4. Approximate search over the whole text.
  const f = doc.folded.text;
  const fuzzy: Evidence[] = [];
  if (f.length <= WHOLE_SCAN_LIMIT) {
    fuzzy.push(...searchRange(s, patterns, 0, f.length, 'fuzzy'));
  } else {
    for (const w of doc.trigrams().windows(a.quote, patterns.budget, WINDOW_LIMIT)) {
      fuzzy.push(...searchRange(s, patterns, w.from, w.to, 'fuzzy'));
    }
  }
  const decision = decide(doc, [...exact, ...structural, ...fuzzy]);
  if (decision.kind !== 'placed') return null;
  const w = decision.winner;
  const method = w.errors === 0 ? 'exact-quote' : w.source === 'structure' ? 'structure' : 'fuzzy';
  return result(decision.start, decision.end, method, w.confidence);
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
 * Anchor many annotations against one text, sharing the folded view, the structure and the trigram index.
 * Returns one result per item, in order.
 */
export function anchorMany(text: string, items: Selector[][], outline: OutlineItem[]): (AnchorResult | null)[] {
  if (!Array.isArray(items)) return [];
  if (typeof text !== 'string') return items.map(() => null);
  const doc = prepareDocument(text, Array.isArray(outline) ? outline : [], items.length);
  return items.map((selectors) => {
    const a = prepareAnnotation(readSelectors(selectors));
    return a === null ? null : anchorPrepared(doc, a);
  });
}
