/**
 * Near matches between clause keys: the same clause with a word changed (`作风飘浮` / `作风漂浮`), a character
 * added or dropped.
 *
 * Cheap first, expensive second: candidates come from an inverted index of character bigrams (never all
 * pairs of clauses), a bound on shared bigrams filters them, the best by bigram Dice get a Levenshtein
 * distance (bit-parallel, `lib/text/myers`), and that decides.
 * The decision is on edit similarity (1 − distance / longer length) because Dice punishes short clauses
 * too hard: one substituted character in ten leaves only 7 of 9 bigrams shared (Dice 0.78) while the
 * clauses are 90% the same.
 *
 * Everything here is typed arrays: a comparison of long texts has tens of thousands of clauses, and one
 * small array or Map entry per clause was most of the time (allocation and garbage collection).
 */

import { compilePattern, patternDistance, type CompiledPattern } from '../text/myers';
import { IntBuffer, sortRange } from './int-buffer';

/** Clauses shorter than this many key characters are matched exactly or not at all. */
export const MIN_NEAR_CHARS = 6;
/** Edit similarity (1 − Levenshtein / longer length) at or above which two clauses are a rewording. */
export const MIN_EDIT_SIMILARITY = 0.8;
/**
 * Bigrams found in more distinct keys than this (per text compared) are too common to look up (every bigram
 * of a templated text, where a look-up would touch most keys). Only a key's rarest bigrams are looked up,
 * so this matters only for keys made of such bigrams, which then find no rewording (they may still match
 * exactly).
 */
const FREQUENT_BIGRAM_PER_TEXT = 64;
/** Rewordings kept per key, best bigram Dice first. */
const MAX_NEAR_PER_KEY = 8;
/** Candidates per key that get an edit distance, best bigram Dice first (templated text has dozens). */
const MAX_VERIFIED_PER_KEY = 24;

/**
 * Each key's distinct bigrams as dense ids, sorted: key k's are `ids[start[k] .. start[k + 1])`.
 * A bigram (two UTF-16 code units) gets an id the first time it is seen, through an open-addressing table
 * that grows as needed; `count` is the number of distinct bigrams.
 */
export interface KeyBigrams {
  start: Int32Array;
  ids: Int32Array;
  count: number;
}

/** Bigram ids of every key of at least MIN_NEAR_CHARS units (shorter keys get none). */
export function keyBigrams(keys: string[]): KeyBigrams {
  let total = 0;
  for (const k of keys) if (k.length >= MIN_NEAR_CHARS) total += k.length - 1;
  const start = new Int32Array(keys.length + 1);
  const ids = new Int32Array(total);
  let bits = 12;
  let slots = new Int32Array(1 << bits).fill(-1); // slot → id, or -1
  let grams = new Int32Array(1 << (bits - 1)); // id → bigram
  let count = 0;
  const idOf = (gram: number): number => {
    let mask = (1 << bits) - 1;
    let s = Math.imul(gram, 0x9e3779b1) >>> (32 - bits);
    while (slots[s] >= 0) {
      if (grams[slots[s]] === gram) return slots[s];
      s = (s + 1) & mask;
    }
    if (2 * (count + 1) > 1 << bits) {
      // Keep the load under one half: double and re-insert.
      bits++;
      mask = (1 << bits) - 1;
      slots = new Int32Array(1 << bits).fill(-1);
      const more = new Int32Array(1 << (bits - 1));
      more.set(grams.subarray(0, count));
      grams = more;
      for (let id = 0; id < count; id++) {
        let t = Math.imul(grams[id], 0x9e3779b1) >>> (32 - bits);
        while (slots[t] >= 0) t = (t + 1) & mask;
        slots[t] = id;
      }
      s = Math.imul(gram, 0x9e3779b1) >>> (32 - bits);
      while (slots[s] >= 0) s = (s + 1) & mask;
    }
    grams[count] = gram;
    slots[s] = count;
    return count++;
  };
  let at = 0;
  for (let g = 0; g < keys.length; g++) {
    start[g] = at;
    const key = keys[g];
    if (key.length < MIN_NEAR_CHARS) continue;
    const from = at;
    for (let i = 0; i + 1 < key.length; i++) ids[at++] = idOf((key.charCodeAt(i) << 16) | key.charCodeAt(i + 1));
    // Sort this clause's ids (short: insertion sort) and drop repeats.
    sortRange(ids, from, at);
    let m = from;
    for (let p = from; p < at; p++) if (p === from || ids[p] !== ids[p - 1]) ids[m++] = ids[p];
    at = m;
  }
  start[keys.length] = at;
  return { start, ids, count };
}

/** Shared ids of two sorted runs `ids[xa..xb)` and `ids[ya..yb)`. */
function sharedCount(ids: Int32Array, xa: number, xb: number, ya: number, yb: number): number {
  let shared = 0;
  while (xa < xb && ya < yb) {
    const x = ids[xa];
    const y = ids[ya];
    if (x === y) {
      shared++;
      xa++;
      ya++;
    } else if (x < y) xa++;
    else ya++;
  }
  return shared;
}

/** The key whose rewordings are being verified, recompiled in place for each key (no allocation). */
let keyPattern: CompiledPattern | undefined;

/** Most edits a rewording of a key of `length` units can have against a key of `other` units. */
function maxEdits(length: number, other: number): number {
  return Math.floor(Math.max(length, other) * (1 - MIN_EDIT_SIMILARITY) + 1e-9);
}

/** Bigram id → keys holding it: `members[head[id] .. head[id + 1])`, ascending. */
interface Postings {
  head: Int32Array;
  members: Int32Array;
}

function buildPostings(b: KeyBigrams, n: number): Postings {
  const head = new Int32Array(b.count + 1);
  const total = b.start[n];
  for (let p = 0; p < total; p++) head[b.ids[p] + 1]++;
  for (let id = 0; id < b.count; id++) head[id + 1] += head[id];
  const fill = head.slice(0, b.count);
  const members = new Int32Array(total);
  for (let g = 0; g < n; g++) {
    for (let p = b.start[g]; p < b.start[g + 1]; p++) members[fill[b.ids[p]]++] = g;
  }
  return { head, members };
}

/**
 * The distinct clause keys of all texts compared. `docMask[k]` has bit d set when text d has key k; null
 * when there are more than 30 texts (then every key looks for rewordings, and every pair found is kept).
 */
export interface KeyPool {
  keys: string[];
  docMask: Int32Array | null;
  docCount: number;
}

/**
 * Rewordings among distinct keys: pairs of key numbers `pairs.data[2k] < pairs.data[2k + 1]` (a pair may be
 * listed twice, found from both sides). Working on distinct keys rather than clauses means a clause repeated
 * a hundred times in a templated text is looked up once.
 *
 * A key present in every text looks for nothing (wherever it is, its exact copy is there too), and a key
 * only keeps a rewording found in some text it is missing from; the rewording's own look-up covers the
 * other direction, so the result does not depend on the order of the texts. At most MAX_NEAR_PER_KEY
 * rewordings per key, best first.
 *
 * Filtering by the q-gram lemma (Ukkonen 1992): an edit destroys at most two bigrams, so two keys at most
 * e edits apart share at least max(|X|, |Y|) − 2e distinct bigrams. Hence (prefix filtering) a rewording of
 * X shares one of X's 2e + 1 rarest bigrams, and only their postings are walked; the hits counted there
 * bound the shared bigrams, a merge gives the exact count for candidates within the bound, the best by
 * Dice get an edit distance, and that decides.
 */
export function findNearPairs(pool: KeyPool): IntBuffer {
  const { keys, docMask, docCount } = pool;
  const n = keys.length;
  const out = new IntBuffer();
  if (docCount < 2) return out;
  const all = docMask ? (1 << docCount) - 1 : 0;
  const bigrams = keyBigrams(keys);
  const { start, ids } = bigrams;
  const postings = buildPostings(bigrams, n);
  const frequent = FREQUENT_BIGRAM_PER_TEXT * docCount;
  const counts = new Int32Array(n);
  const touched = new Int32Array(n);
  const best = new Float64Array(MAX_VERIFIED_PER_KEY);
  let order = new Int32Array(64);

  for (let x = 0; x < n; x++) {
    const key = keys[x];
    const xa = start[x];
    const xb = start[x + 1];
    const gx = xb - xa;
    if (gx === 0) continue;
    if (docMask && docMask[x] === all) continue;

    // X's bigrams, rarest first: (postings size << 8 | position), sorted. Keys have at most 256 units.
    if (order.length < gx) order = new Int32Array(gx * 2);
    const sorted = order.subarray(0, gx);
    for (let k = 0; k < gx; k++) {
      const id = ids[xa + k];
      sorted[k] = (Math.min(postings.head[id + 1] - postings.head[id], 0x7fffff) << 8) | k;
    }
    sorted.sort();
    const maxLength = Math.floor(key.length / MIN_EDIT_SIMILARITY + 1e-9);
    const minLength = Math.ceil(key.length * MIN_EDIT_SIMILARITY - 1e-9);
    const prefix = Math.min(gx, 2 * maxEdits(key.length, maxLength) + 1);
    let nTouched = 0;
    let walked = 0;
    for (; walked < prefix; walked++) {
      // When one of these is too common so are the rest (they are sorted): the look-up would touch most
      // keys of a templated text. Give up on this key.
      if (sorted[walked] >> 8 > frequent) break;
      const id = ids[xa + (sorted[walked] & 0xff)];
      for (let q = postings.head[id], end = postings.head[id + 1]; q < end; q++) {
        const y = postings.members[q];
        if (counts[y]++ === 0) touched[nTouched++] = y;
      }
    }
    if (walked < prefix) {
      for (let t = 0; t < nTouched; t++) counts[touched[t]] = 0;
      continue;
    }

    // Filter by the q-gram bound; keep the MAX_VERIFIED_PER_KEY best by Dice, as (quantised 1 − Dice) · 2^24
    // + position in `touched`, in a short sorted buffer (ascending: best first).
    let nBest = 0;
    for (let t = 0; t < nTouched; t++) {
      const y = touched[t];
      const hits = counts[y];
      counts[y] = 0;
      if (y === x) continue;
      // Only texts that have y but not x can hold a rewording x is looking for.
      if (docMask && (docMask[y] & ~docMask[x]) === 0) continue;
      const other = keys[y];
      if (other.length < minLength || other.length > maxLength) continue;
      const gy = start[y + 1] - start[y];
      const e = maxEdits(key.length, other.length);
      const need = Math.max(gx, gy) - 2 * e;
      // At most gx − walked shared bigrams lie outside the postings walked.
      if (hits + gx - walked < need) continue;
      const shared = sharedCount(ids, xa, xb, start[y], start[y + 1]);
      if (shared < need) continue;
      const rank = Math.round((1 - (2 * shared) / (gx + gy)) * 0xfffff) * 0x1000000 + t;
      if (nBest === MAX_VERIFIED_PER_KEY && rank >= best[nBest - 1]) continue;
      let q = nBest < MAX_VERIFIED_PER_KEY ? nBest++ : nBest - 1;
      while (q > 0 && best[q - 1] > rank) {
        best[q] = best[q - 1];
        q--;
      }
      best[q] = rank;
    }
    if (nBest === 0) continue;
    const pattern = (keyPattern = compilePattern(key, keyPattern));
    let accepted = 0;
    for (let c = 0; c < nBest && accepted < MAX_NEAR_PER_KEY; c++) {
      const y = touched[best[c] % 0x1000000];
      const other = keys[y];
      const limit = maxEdits(key.length, other.length);
      const dist = patternDistance(pattern, other, limit);
      if (dist > limit) continue;
      accepted++;
      out.push(Math.min(x, y));
      out.push(Math.max(x, y));
    }
  }
  return out;
}
