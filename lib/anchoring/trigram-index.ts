/**
 * A trigram index of the folded text, to find where an edited quote may be without scanning the whole text
 * with the bit-parallel matcher.
 *
 * Why: Myers costs O(n · ⌈m/32⌉) per quote, about 3 ms for a 200-unit quote over 100,000 units; with
 * hundreds of annotations on a long notice that is the freeze users complain about (hypothesis/h#2895).
 * The q-gram lemma says a match of m units with k edits shares at least (m − 2) − 3k trigrams with the
 * pattern, all on diagonals (text offset − pattern offset) within k of the match start. So we count
 * trigram hits per band of diagonals and verify only the bands that can hold a match.
 *
 * The index is built once per document (lazily, on the first fuzzy search) and shared by `anchorMany`.
 */

/** Trigrams occurring more often than this are skipped (they say little and cost most); the bound accounts for it. */
const FREQUENT_TRIGRAM = 512;

/** A stretch of folded text to verify with the matcher. */
export interface Window {
  from: number;
  to: number;
}

function hash3(a: number, b: number, c: number, mask: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 15;
  return h & mask;
}

export class TrigramIndex {
  private readonly text: string;
  private readonly mask: number;
  /** Bucket b holds positions `positions[heads[b] .. heads[b + 1])` (hash collisions included). */
  private readonly heads: Int32Array;
  private readonly positions: Int32Array;

  constructor(text: string) {
    this.text = text;
    const n = text.length;
    // About two positions per bucket: a table that fits the cache better than one bucket per position.
    let size = 1024;
    while (size * 2 < n && size < 1 << 21) size <<= 1;
    this.mask = size - 1;
    const count = Math.max(0, n - 2);
    const hashes = new Int32Array(count);
    const heads = new Int32Array(size + 1);
    for (let i = 0; i < count; i++) {
      const h = hash3(text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2), this.mask);
      hashes[i] = h;
      heads[h + 1]++;
    }
    for (let b = 0; b < size; b++) heads[b + 1] += heads[b];
    const fill = heads.slice(0, size);
    const positions = new Int32Array(count);
    for (let i = 0; i < count; i++) positions[fill[hashes[i]]++] = i;
    this.heads = heads;
    this.positions = positions;
  }

  /**
   * Every occurrence of a pattern of at least 3 units, ascending: the positions of its rarest trigram,
   * verified. Replaces a scan of the whole text by a few dozen comparisons. Stops after `limit` found.
   */
  occurrences(pattern: string, limit = Infinity): number[] {
    const m = pattern.length;
    if (m < 3) throw new RangeError('occurrences() needs a pattern of at least 3 code units');
    let best = 0;
    let bestSize = Infinity;
    for (let i = 0; i + 2 < m; i++) {
      const h = hash3(pattern.charCodeAt(i), pattern.charCodeAt(i + 1), pattern.charCodeAt(i + 2), this.mask);
      const size = this.heads[h + 1] - this.heads[h];
      if (size < bestSize) {
        best = i;
        bestSize = size;
        if (size === 0) return [];
      }
    }
    const h = hash3(pattern.charCodeAt(best), pattern.charCodeAt(best + 1), pattern.charCodeAt(best + 2), this.mask);
    const found: number[] = [];
    for (let k = this.heads[h]; k < this.heads[h + 1]; k++) {
      const start = this.positions[k] - best;
      if (start >= 0 && this.text.startsWith(pattern, start) && found.push(start) >= limit) break;
    }
    return found;
  }

  /**
   * Windows of the folded text that may hold `pattern` with at most `maxErrors` edits, best-supported first,
   * at most `limit` of them, merged where they overlap.
   */
  windows(pattern: string, maxErrors: number, limit: number): Window[] {
    const m = pattern.length;
    if (m < 3) return [];
    const text = this.text;
    const band = 2 * maxErrors + 2;
    const counts = new Map<number, number>();
    let skipped = 0;
    for (let i = 0; i + 2 < m; i++) {
      const a = pattern.charCodeAt(i);
      const b = pattern.charCodeAt(i + 1);
      const c = pattern.charCodeAt(i + 2);
      const h = hash3(a, b, c, this.mask);
      const lo = this.heads[h];
      const hi = this.heads[h + 1];
      if (hi - lo > FREQUENT_TRIGRAM) {
        skipped++;
        continue;
      }
      for (let k = lo; k < hi; k++) {
        const t = this.positions[k];
        if (text.charCodeAt(t) !== a || text.charCodeAt(t + 1) !== b || text.charCodeAt(t + 2) !== c) continue;
        const bucket = Math.floor((t - i) / band);
        counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
      }
    }
    const need = Math.max(1, m - 2 - skipped - 3 * maxErrors);
    const bands: { bucket: number; hits: number }[] = [];
    for (const [bucket, hits] of counts) {
      const pair = hits + (counts.get(bucket + 1) ?? 0);
      if (pair >= need) bands.push({ bucket, hits: pair });
    }
    bands.sort((x, y) => y.hits - x.hits || x.bucket - y.bucket);
    const chosen = bands.slice(0, limit).map((b) => ({
      from: Math.max(0, b.bucket * band - maxErrors - 1),
      to: Math.min(text.length, (b.bucket + 2) * band + m + maxErrors + 1),
    }));
    chosen.sort((x, y) => x.from - y.from);
    const merged: Window[] = [];
    for (const w of chosen) {
      const last = merged[merged.length - 1];
      if (last !== undefined && w.from <= last.to) last.to = Math.max(last.to, w.to);
      else merged.push({ ...w });
    }
    return merged;
  }
}
