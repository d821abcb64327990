/**
 * Approximate string matching with Myers' bit-parallel algorithm (G. Myers, "A fast bit-vector algorithm
 * for approximate string matching based on dynamic programming", J. ACM 1999), in the block form of
 * H. Hyyrö so that patterns longer than 32 code units run as several 32-bit words.
 *
 * One engine serves re-anchoring (searching a quote anywhere, aligning context at a fixed position,
 * forwards or backwards) and comparison (edit distance between two clause keys, with a cut-off).
 *
 * Why our own: it is ~200 lines, we need variants the usual library does not expose (alignment anchored
 * at a fixed text position, scanning backwards, a cut-off), and the project adds no dependencies.
 * Hypothesis uses the same algorithm through `approx-string-match`.
 *
 * Everything counts UTF-16 code units and unit edit costs (insert, delete, substitute). The cost per text
 * unit is O(⌈m / 32⌉) for a pattern of m units.
 *
 * Allocation: the Peq table's code-unit index (`rowOf`) and the multi-block column are shared by all
 * patterns. A pattern is installed into `rowOf` when a scan needs it (O(m), nothing when it is already
 * installed), and `compilePattern(text, into)` recompiles a pattern in place, so a caller that reuses one
 * pattern object (comparison, thousands of look-ups) allocates nothing once its buffers are large enough.
 */

const WORD = 32;
/** The bit of a full block's last row. */
const HIGH = 1 << (WORD - 1);

/** A pattern ready for scanning. Only `compilePattern` writes its fields. */
export interface CompiledPattern {
  /** The pattern's text. */
  text: string;
  /** Its length in UTF-16 code units (at least 1). */
  length: number;
  /** 32-unit blocks. */
  blocks: number;
  /**
   * Peq masks: `rows[row * blocks + b]` has bit i set when `text[b * 32 + i]` is the row's code unit.
   * Rows are numbered by first appearance in the text, from 1; row 0 (code units absent from the
   * pattern) is all zero.
   */
  rows: Int32Array;
  /** The bit of the pattern's last unit in the last block. */
  lastBit: number;
}

/** Code unit → Peq row of the installed pattern; 0 for code units not in it. */
const rowOf = new Int32Array(0x10000);
/** The pattern whose code units are in `rowOf`, and the text they came from (to clear them). */
let installed: CompiledPattern | null = null;
let installedText = '';
/** Vertical deltas of the DP column, for patterns of more than one block. */
let plus = new Int32Array(8);
let minus = new Int32Array(8);
/** Set while a scan runs: a visitor must not start another scan (it would replace the installed pattern). */
let scanning = false;

function uninstall(): void {
  for (let i = 0; i < installedText.length; i++) rowOf[installedText.charCodeAt(i)] = 0;
  installed = null;
  installedText = '';
}

/** Number the pattern's distinct code units in `rowOf`, by first appearance; returns how many. */
function assignRows(text: string): number {
  let distinct = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (rowOf[c] === 0) rowOf[c] = ++distinct;
  }
  return distinct;
}

function install(pattern: CompiledPattern): void {
  if (installed === pattern) return;
  uninstall();
  assignRows(pattern.text);
  installed = pattern;
  installedText = pattern.text;
}

/**
 * Compile a non-empty pattern. With `into`, that pattern object is recompiled in place (its mask buffer
 * reused when large enough) and returned.
 */
export function compilePattern(text: string, into?: CompiledPattern): CompiledPattern {
  if (scanning) throw new Error('compilePattern called during a scan');
  const m = text.length;
  if (m === 0) throw new RangeError('compilePattern needs a non-empty pattern');
  const blocks = Math.ceil(m / WORD);
  uninstall();
  const distinct = assignRows(text);
  const size = (distinct + 1) * blocks;
  let rows: Int32Array;
  if (into !== undefined && into.rows.length >= size) {
    rows = into.rows;
    rows.fill(0, 0, size);
  } else {
    rows = new Int32Array(size);
  }
  for (let i = 0; i < m; i++) rows[rowOf[text.charCodeAt(i)] * blocks + ((i / WORD) | 0)] |= 1 << (i % WORD);
  const lastBit = 1 << ((m - 1) % WORD);
  let pattern: CompiledPattern;
  if (into === undefined) pattern = { text, length: m, blocks, rows, lastBit };
  else {
    pattern = into;
    pattern.text = text;
    pattern.length = m;
    pattern.blocks = blocks;
    pattern.rows = rows;
    pattern.lastBit = lastBit;
  }
  installed = pattern;
  installedText = text;
  return pattern;
}

/** Called after each text unit with the distance so far; `false` stops the scan. */
export type ScanVisitor = (index: number, distance: number) => boolean | void;

/**
 * The engine: feed `count` text units from `from`, stepping by `dir`, and return the distance after the
 * last unit fed. `topIn` is the horizontal delta entering the top row (0: a match may start anywhere,
 * 1: it starts at `from`). With a visitor, it is told the distance after each unit; without one, the scan
 * gives up and returns `limit + 1` as soon as the final distance must exceed `limit` (it falls by at most
 * one per unit left).
 */
function run(
  pattern: CompiledPattern,
  text: string,
  from: number,
  count: number,
  dir: 1 | -1,
  topIn: 0 | 1,
  visit: ScanVisitor | null,
  limit: number,
): number {
  if (scanning) throw new Error('a Myers scan was started from inside another');
  install(pattern);
  scanning = true;
  try {
    return pattern.blocks === 1
      ? runOneWord(pattern, text, from, count, dir, topIn, visit, limit)
      : runBlocks(pattern, text, from, count, dir, topIn, visit, limit);
  } finally {
    scanning = false;
  }
}

function runBlocks(
  pattern: CompiledPattern,
  text: string,
  from: number,
  count: number,
  dir: 1 | -1,
  topIn: 0 | 1,
  visit: ScanVisitor | null,
  limit: number,
): number {
  const { blocks, rows, lastBit } = pattern;
  const lastBlock = blocks - 1;
  if (plus.length < blocks) {
    plus = new Int32Array(blocks * 2);
    minus = new Int32Array(blocks * 2);
  }
  // +1 everywhere at the start (D[i][0] = i).
  plus.fill(-1, 0, blocks);
  minus.fill(0, 0, blocks);
  let distance = pattern.length;
  for (let step = 0, i = from; step < count; step++, i += dir) {
    const row = rowOf[text.charCodeAt(i)] * blocks;
    let carry = topIn as number;
    for (let b = 0; b < blocks; b++) {
      const pV = plus[b];
      const mV = minus[b];
      const carryNegative = carry < 0 ? 1 : 0;
      const eq = rows[row + b] | carryNegative;
      const xV = eq | mV;
      const xH = (((eq & pV) + pV) ^ pV) | eq;
      let pH = mV | ~(xH | pV);
      let mH = pV & xH;
      const last = b === lastBlock ? lastBit : HIGH;
      const out = (pH & last) !== 0 ? 1 : (mH & last) !== 0 ? -1 : 0;
      pH = (pH << 1) | (carry > 0 ? 1 : 0);
      mH = (mH << 1) | carryNegative;
      plus[b] = mH | ~(xV | pH);
      minus[b] = pH & xV;
      carry = out;
    }
    distance += carry;
    if (visit !== null) {
      if (visit(i, distance) === false) return distance;
    } else if (distance - (count - 1 - step) > limit) return limit + 1;
  }
  return distance;
}

/** `runBlocks` for patterns of at most 32 units: the same steps on plain numbers. */
function runOneWord(
  pattern: CompiledPattern,
  text: string,
  from: number,
  count: number,
  dir: 1 | -1,
  topIn: 0 | 1,
  visit: ScanVisitor | null,
  limit: number,
): number {
  const { rows, lastBit } = pattern;
  let pV = -1;
  let mV = 0;
  let distance = pattern.length;
  for (let step = 0, i = from; step < count; step++, i += dir) {
    const eq = rows[rowOf[text.charCodeAt(i)]];
    const xV = eq | mV;
    const xH = (((eq & pV) + pV) ^ pV) | eq;
    let pH = mV | ~(xH | pV);
    let mH = pV & xH;
    if ((pH & lastBit) !== 0) distance++;
    else if ((mH & lastBit) !== 0) distance--;
    pH = (pH << 1) | topIn;
    mH = mH << 1;
    pV = mH | ~(xV | pH);
    mV = pH & xV;
    if (visit !== null) {
      if (visit(i, distance) === false) return distance;
    } else if (distance - (count - 1 - step) > limit) return limit + 1;
  }
  return distance;
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
 * `visit(index, distance)` may return `false` to stop early. It must not start another scan.
 */
export function scanPattern(
  pattern: CompiledPattern,
  text: string,
  from: number,
  count: number,
  dir: 1 | -1,
  freeStart: boolean,
  visit: ScanVisitor,
): void {
  run(pattern, text, from, count, dir, freeStart ? 0 : 1, visit, Infinity);
}

/**
 * Levenshtein distance between the whole pattern and the whole of `text`, or some value above `limit` as
 * soon as the distance must exceed it. Allocates nothing.
 */
export function patternDistance(pattern: CompiledPattern, text: string, limit = Infinity): number {
  if (text.length === 0) return pattern.length;
  return run(pattern, text, 0, text.length, 1, 1, null, limit);
}

/** Reused by `levenshtein`, so that it allocates nothing once its buffer is large enough. */
let scratch: CompiledPattern | undefined;

/** Levenshtein distance of two strings (unit costs, UTF-16 code units). */
export function levenshtein(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  scratch = compilePattern(a, scratch);
  return patternDistance(scratch, b);
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
