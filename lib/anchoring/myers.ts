/**
 * Approximate string matching with Myers' bit-parallel algorithm (G. Myers, "A fast bit-vector algorithm
 * for approximate string matching based on dynamic programming", J. ACM 1999), in the block form of
 * H. Hyyrö so that patterns longer than 32 code units run as several 32-bit words.
 *
 * Why our own: it is ~150 lines, we need two variants the usual library does not expose (alignment
 * anchored at a fixed text position, and scanning backwards), and the project adds no dependencies.
 * Hypothesis uses the same algorithm through `approx-string-match`.
 *
 * Everything counts UTF-16 code units and unit edit costs (insert, delete, substitute). The cost per text
 * unit is O(⌈m / 32⌉) for a pattern of m units.
 */

const WORD = 32;

/** A pattern ready for scanning: per code unit, one bit mask per 32-unit block. */
export interface CompiledPattern {
  readonly length: number;
  readonly blocks: number;
  /** Bit i of block b is set when pattern[b * 32 + i] equals the code unit. */
  readonly peq: Map<number, Int32Array>;
  /** Per block, the bit of the block's last row (the last pattern unit for the last block). */
  readonly lastRow: Int32Array;
  /** Masks for code units absent from the pattern. */
  readonly none: Int32Array;
}

/** Compile a non-empty pattern. */
export function compilePattern(pattern: string): CompiledPattern {
  const m = pattern.length;
  const blocks = Math.max(1, Math.ceil(m / WORD));
  const peq = new Map<number, Int32Array>();
  for (let i = 0; i < m; i++) {
    const code = pattern.charCodeAt(i);
    let masks = peq.get(code);
    if (masks === undefined) {
      masks = new Int32Array(blocks);
      peq.set(code, masks);
    }
    masks[(i / WORD) | 0] |= 1 << (i % WORD);
  }
  const lastRow = new Int32Array(blocks).fill(1 << (WORD - 1));
  lastRow[blocks - 1] = 1 << ((m - 1) % WORD);
  return { length: m, blocks, peq, lastRow, none: new Int32Array(blocks) };
}

/**
 * Feed `count` text units to the automaton, starting at `from` and stepping by `dir` (1 forwards,
 * -1 backwards), and report after each unit the edit distance between the whole pattern and the best
 * text substring that ends at that unit.
 *
 * - `freeStart = true`: the substring may start anywhere (searching; the classic algorithm).
 * - `freeStart = false`: the substring starts at `from` (aligning a context string against the text right
 *   next to a candidate; the distance then grows by one per unit of text skipped).
 *
 * `visit(index, distance)` may return `false` to stop early.
 */
export function scanPattern(
  pattern: CompiledPattern,
  text: string,
  from: number,
  count: number,
  dir: 1 | -1,
  freeStart: boolean,
  visit: (index: number, distance: number) => boolean | void,
): void {
  const { blocks, peq, lastRow, none } = pattern;
  if (blocks === 1) {
    scanOneWord(pattern, text, from, count, dir, freeStart, visit);
    return;
  }
  // Vertical deltas of the DP column, +1 everywhere at the start (D[i][0] = i).
  const plus = new Int32Array(blocks).fill(-1);
  const minus = new Int32Array(blocks);
  let distance = pattern.length;
  // Horizontal delta entering the top row: 0 when a match may start anywhere, +1 when D[0][j] = j.
  const topIn = freeStart ? 0 : 1;
  for (let step = 0, i = from; step < count; step++, i += dir) {
    const masks = peq.get(text.charCodeAt(i)) ?? none;
    let carry = topIn;
    for (let b = 0; b < blocks; b++) {
      const pV = plus[b];
      const mV = minus[b];
      const carryNegative = carry < 0 ? 1 : 0;
      const eq = masks[b] | carryNegative;
      const xV = eq | mV;
      const xH = (((eq & pV) + pV) ^ pV) | eq;
      let pH = mV | ~(xH | pV);
      let mH = pV & xH;
      const last = lastRow[b];
      const out = (pH & last) !== 0 ? 1 : (mH & last) !== 0 ? -1 : 0;
      pH = (pH << 1) | (carry > 0 ? 1 : 0);
      mH = (mH << 1) | carryNegative;
      plus[b] = mH | ~(xV | pH);
      minus[b] = pH & xV;
      carry = out;
    }
    distance += carry;
    if (visit(i, distance) === false) return;
  }
}

/** `scanPattern` for patterns of at most 32 units (context strings): the same steps on plain numbers. */
function scanOneWord(
  pattern: CompiledPattern,
  text: string,
  from: number,
  count: number,
  dir: 1 | -1,
  freeStart: boolean,
  visit: (index: number, distance: number) => boolean | void,
): void {
  const { peq } = pattern;
  const last = pattern.lastRow[0];
  let pV = -1;
  let mV = 0;
  let distance = pattern.length;
  const topIn = freeStart ? 0 : 1;
  for (let step = 0, i = from; step < count; step++, i += dir) {
    const masks = peq.get(text.charCodeAt(i));
    const eq = masks === undefined ? 0 : masks[0];
    const xV = eq | mV;
    const xH = (((eq & pV) + pV) ^ pV) | eq;
    let pH = mV | ~(xH | pV);
    let mH = pV & xH;
    if ((pH & last) !== 0) distance++;
    else if ((mH & last) !== 0) distance--;
    pH = (pH << 1) | topIn;
    mH = mH << 1;
    pV = mH | ~(xV | pH);
    mV = pH & xV;
    if (visit(i, distance) === false) return;
  }
}

/** A match found by `searchPattern`: `[start, end)` in the scanned text, with its edit distance. */
export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * All approximate occurrences of `pattern` in `text[from, to)` with at most `maxErrors` edits, one per
 * local minimum of the distance (so a match is not reported again one unit later with one more error).
 * Starts are found by aligning the reversed pattern backwards from each end.
 */
export function searchPattern(
  pattern: CompiledPattern,
  reversed: CompiledPattern,
  text: string,
  from: number,
  to: number,
  maxErrors: number,
): ApproxMatch[] {
  // Local minima of the distance; a plateau of equal minima is kept whole ([first, last] end).
  const ends: { first: number; last: number; errors: number }[] = [];
  let prevDistance = Number.MAX_SAFE_INTEGER;
  let pending: { first: number; last: number; errors: number } | null = null;
  scanPattern(pattern, text, from, Math.max(0, to - from), 1, true, (i, d) => {
    if (d <= maxErrors && d < prevDistance) {
      pending = { first: i + 1, last: i + 1, errors: d };
    } else if (pending !== null && d === pending.errors && prevDistance === d) {
      pending.last = i + 1;
    } else if (pending !== null && d > pending.errors) {
      ends.push(pending);
      pending = null;
    }
    prevDistance = d;
  });
  if (pending !== null) ends.push(pending);

  // On a plateau (an edit at the quote's end: 位的 → 深入 costs two either way), prefer the end that
  // keeps the match as long as the pattern, so an edited word stays inside the span.
  const span = pattern.length + maxErrors;
  const matches: ApproxMatch[] = [];
  for (const { first, last, errors } of ends) {
    let end = first;
    let alignment = alignAt(reversed, text, end - 1, -1, Math.min(span, end - from));
    if (last > first) {
      const wanted = Math.min(last, Math.max(first, end - alignment.length + pattern.length));
      if (wanted !== end) {
        const other = alignAt(reversed, text, wanted - 1, -1, Math.min(span, wanted - from));
        if (other.distance <= alignment.distance) {
          end = wanted;
          alignment = other;
        }
      }
    }
    matches.push({ start: end - alignment.length, end, errors: Math.min(errors, alignment.distance) });
  }
  return matches;
}

/** The best alignment of a whole pattern against text read from a fixed position. */
export interface Alignment {
  distance: number;
  /** Text units consumed by the best alignment. */
  length: number;
}

/**
 * Edit distance between the pattern and the best text piece that starts exactly at `from` and runs in
 * direction `dir` for at most `limit` units (the piece may be empty). For a prefix, pass the reversed
 * prefix and `dir = -1` from the unit before the candidate. Ties go to the length closest to the pattern's.
 */
export function alignAt(pattern: CompiledPattern, text: string, from: number, dir: 1 | -1, limit: number): Alignment {
  const m = pattern.length;
  const available = dir === 1 ? text.length - from : from + 1;
  const count = Math.max(0, Math.min(limit, available));
  let best: Alignment = { distance: m, length: 0 };
  scanPattern(pattern, text, from, count, dir, false, (i, d) => {
    const length = dir === 1 ? i - from + 1 : from - i + 1;
    if (d < best.distance || (d === best.distance && Math.abs(length - m) < Math.abs(best.length - m))) {
      best = { distance: d, length };
    }
    // The distance can never fall below (length - m) once the piece is longer than the pattern.
    return length - m <= best.distance;
  });
  return best;
}

/** Reference edit distance by dynamic programming (tests compare the bit-parallel version against it). */
export function editDistance(a: string, b: string): number {
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}
