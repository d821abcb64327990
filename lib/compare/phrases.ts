/**
 * Phrase-level text reuse between two notices, on their keys (letters and digits, width-folded: see
 * `segment.ts`), so clause and sentence boundaries, line breaks and punctuation neither cut nor join a
 * passage.
 *
 * 1. Seeds. Every 4-character gram of a text is hashed; each text keeps its grams in hash buckets (once, for
 *    all the pairs it takes part in). Walking A, each gram looks up its occurrences in B; a hit on a diagonal
 *    (j − i) not yet covered is extended backwards and forwards into a maximal exact match (MEM). A gram with
 *    more than FREQUENT_GRAM occurrences in B only looks up the ones nearest A's relative position, and only
 *    where A is not yet covered by a match: templated texts stay linear.
 * 2. Chains. MEMs are chained in order on both texts across gaps of at most MAX_GAP characters on each side
 *    (sparse dynamic programming, as in BLAST-style or minimap2-style chaining): score = characters matched
 *    − gap costs + twice the gap's aligned characters (edit distance, `lib/text/myers.ts`, cached per gap).
 *    A replaced character costs one, an inserted or deleted one 0.3: a clause added inside a sentence keeps
 *    it one passage, a long stretch replaced by another does not.
 * 3. Tiling. Chains are taken best first; each position of either text belongs to at most one chain (the
 *    whole span of a chain, gaps included). A chain that collides with one already taken is cut into its
 *    free pieces, which go back into the queue (greedy string tiling on phrases).
 * 4. Blocks. Short chains adjacent in both texts but in another order are one passage: a list whose items
 *    were reordered (`确保A到位、B到位、C到位` against `确保C到位、A到位、B到位`). A short match lying in the
 *    gap of a taken chain on one side and next to it on the other is the same list item moved: it joins the
 *    chain.
 * 5. Passages. A block under MIN_PASSAGE_CHARS matched characters is chance. A chain is cut at A's sentence
 *    ends into pieces; a piece is `same` when it has no gap (the keys are equal), `reworded` otherwise;
 *    consecutive `same` pieces without a gap between them join again, so a passage may run over several
 *    sentences. A reordered block is one `reworded` passage.
 * 6. Edges. Each passage of an ordered block extends past its ends by banded alignment with an X-drop
 *    (`extendEdge`: `…防控斗争第一线的` against `…防控一线的`, `及时发现、大力宣传在…` against `及时总结、宣传…`)
 *    within its clause, then snaps to the clause's edge when what is left there is short and alike, or one
 *    word replaced by another (`…最重要的工作` against `…最重要的重大政治任务`).
 */
import { levenshtein } from '../text/myers';
import { IntBuffer } from './int-buffer';
import type { SegmentedText } from './segment';

/** Gram length of the seeds. */
export const SEED_CHARS = 4;
/** Passages matching fewer key characters than this are chance (`要严肃问责`, `特此通知`), not reuse. */
export const MIN_PASSAGE_CHARS = 8;
/** Most characters on either side between two matches of one chain. */
const MAX_GAP = 20;
/** A gram occurring more often than this in B is frequent (see step 1). */
const FREQUENT_GRAM = 24;
/** Predecessors examined per match when chaining (the nearest ones). */
const MAX_PREDECESSORS = 24;
/** A gram occurring more often than this in B keeps only its longest match at each position of A. */
const SEVERAL = 8;
/** Occurrences of a frequent gram looked up (those nearest A's relative position). */
const FREQUENT_LOOKUPS = 8;
/** Chains next to each other in both texts join into a reordered block across at most this many characters. */
const BLOCK_JOIN_A = 3;
const BLOCK_JOIN_B = 8;
/** Only chains this short (matched characters) join into reordered blocks: list items, not sentences. */
const BLOCK_MEMBER_MAX = 24;

/** A text ready for comparison with others: its key as code units, its grams sorted, its sentence ends. */
export interface IndexedText {
  seg: SegmentedText;
  codes: Uint16Array;
  /** Gram hash at each key position (30 bits); length max(0, n − SEED_CHARS + 1). */
  hashes: Int32Array;
  /**
   * The grams by bucket (hash modulo a power of two, `mask`): bucket k's positions, ascending, are
   * `bucketPos[bucketStart[k] .. bucketStart[k + 1])`. A counting sort, once per text; a bucket may hold a
   * few grams of another hash, which the comparison of the characters themselves leaves out.
   */
  bucketStart: Int32Array;
  bucketPos: Int32Array;
  mask: number;
  /** `sentenceStart[k]` = 1 when a sentence ends between key characters k − 1 and k (or k = 0, k = n). */
  sentenceStart: Uint8Array;
  /** `clauseStart[k]` = 1 when a clause or sentence ends between key characters k − 1 and k (，：；。！？…). */
  clauseStart: Uint8Array;
}

function gramHash(c: Uint16Array, i: number): number {
  let h =
    Math.imul(c[i], 0x9e3779b1) ^
    Math.imul(c[i + 1] + 0x1000, 0x85ebca77) ^
    Math.imul(c[i + 2] + 0x2000, 0xc2b2ae3d) ^
    Math.imul(c[i + 3] + 0x3000, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 2;
}

function isClauseEnd(c: number): boolean {
  return c === 0xff0c || c === 0x2c || c === 0xff1a || c === 0x3a || isSentenceEnd(c);
}

function isSentenceEnd(c: number): boolean {
  return (
    c === 0x3002 || // 。
    c === 0xff01 || // ！
    c === 0xff1f || // ？
    c === 0xff1b || // ；
    c === 0x21 ||
    c === 0x3f ||
    c === 0x3b ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0x2028 ||
    c === 0x2029
  );
}

export function indexText(seg: SegmentedText): IndexedText {
  const n = seg.key.length;
  const codes = new Uint16Array(n);
  for (let k = 0; k < n; k++) codes[k] = seg.key.charCodeAt(k);
  const g = Math.max(0, n - SEED_CHARS + 1);
  const hashes = new Int32Array(g);
  let size = 1;
  while (size < 2 * g) size *= 2;
  const mask = size - 1;
  const bucketStart = new Int32Array(size + 1);
  for (let i = 0; i < g; i++) {
    hashes[i] = gramHash(codes, i);
    bucketStart[(hashes[i] & mask) + 1]++;
  }
  for (let k = 0; k < size; k++) bucketStart[k + 1] += bucketStart[k];
  const fill = bucketStart.slice(0, size);
  const bucketPos = new Int32Array(g);
  for (let i = 0; i < g; i++) bucketPos[fill[hashes[i] & mask]++] = i;
  const sentenceStart = new Uint8Array(n + 1);
  const clauseStart = new Uint8Array(n + 1);
  sentenceStart[0] = sentenceStart[n] = clauseStart[0] = clauseStart[n] = 1;
  const text = seg.text;
  for (let k = 1; k < n; k++) {
    for (let p = seg.keyPos[k - 1] + 1; p < seg.keyPos[k]; p++) {
      const c = text.charCodeAt(p);
      if (isSentenceEnd(c)) sentenceStart[k] = clauseStart[k] = 1;
      else if (isClauseEnd(c)) clauseStart[k] = 1;
    }
  }
  return { seg, codes, hashes, bucketStart, bucketPos, mask, sentenceStart, clauseStart };
}

function lowerBoundInt(xs: Int32Array, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBound(xs: Float64Array, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Maximal exact matches, as parallel arrays. */
interface Mems {
  sa: IntBuffer;
  sb: IntBuffer;
  len: IntBuffer;
}

function findMems(A: IndexedText, B: IndexedText): Mems {
  const a = A.codes;
  const b = B.codes;
  const n = a.length;
  const m = b.length;
  const out: Mems = { sa: new IntBuffer(), sb: new IntBuffer(), len: new IntBuffer() };
  if (n < SEED_CHARS || m < SEED_CHARS) return out;
  const lastEnd = new Int32Array(n + m + 1);
  const pos = B.bucketPos;
  const starts = B.bucketStart;
  let coveredUntil = 0;
  for (let i = 0; i + SEED_CHARS <= n; i++) {
    const bucket = A.hashes[i] & B.mask;
    const lo = starts[bucket];
    const hi = starts[bucket + 1];
    if (lo === hi) continue;
    let from = lo;
    let to = hi;
    const frequent = hi - lo > FREQUENT_GRAM;
    const several = hi - lo > SEVERAL;
    const target = several ? Math.round((i * m) / n) : 0;
    if (frequent) {
      if (i < coveredUntil) continue;
      const at = lowerBoundInt(pos, target, lo, hi);
      from = Math.max(lo, at - (FREQUENT_LOOKUPS >> 1));
      to = Math.min(hi, from + FREQUENT_LOOKUPS);
      from = Math.max(lo, to - FREQUENT_LOOKUPS);
    }
    // A frequent gram keeps only its longest match (the nearest A's relative position among equals).
    let bestS = -1;
    let bestT = 0;
    let bestLen = 0;
    for (let q = from; q < to; q++) {
      const j = pos[q];
      const d = j - i + n;
      if (lastEnd[d] > i) continue;
      if (a[i] !== b[j] || a[i + 1] !== b[j + 1] || a[i + 2] !== b[j + 2] || a[i + 3] !== b[j + 3]) continue;
      let s = i;
      let t = j;
      while (s > 0 && t > 0 && a[s - 1] === b[t - 1]) {
        s--;
        t--;
      }
      let e = i + SEED_CHARS;
      let f = j + SEED_CHARS;
      while (e < n && f < m && a[e] === b[f]) {
        e++;
        f++;
      }
      lastEnd[d] = e;
      if (!several) {
        out.sa.push(s);
        out.sb.push(t);
        out.len.push(e - s);
        if (e > coveredUntil) coveredUntil = e;
      } else if (
        e - s > bestLen ||
        (e - s === bestLen && Math.abs(t - s - target + i) < Math.abs(bestT - bestS - target + i))
      ) {
        bestS = s;
        bestT = t;
        bestLen = e - s;
      }
    }
    if (bestS >= 0) {
      out.sa.push(bestS);
      out.sb.push(bestT);
      out.len.push(bestLen);
      if (bestS + bestLen > coveredUntil) coveredUntil = bestS + bestLen;
    }
  }
  return out;
}

/** MEMs this short or shorter… */
const SHADOW_MAX = 8;
/** …lying inside one this long or longer, on either text, are dropped (see `dropShadowed`). */
const SHADOW_BY = 16;

/**
 * Drop the short MEMs lying, in A or in B, inside a long one: a phrase repeated in a text meets every other
 * copy of its words, and tiling would give those characters to the long match anyway. Texts made of
 * repeated sentences yield a MEM per character and position otherwise, most of the cost of a large pair.
 */
function dropShadowed(mems: Mems): Mems {
  const count = mems.sa.length;
  const len = mems.len.data;
  const shadowed = new Uint8Array(count);
  for (const starts of [mems.sa.data, mems.sb.data]) {
    const order = sortedBy(count, (k) => starts[k]);
    let reach = -1;
    for (let r = 0; r < count; r++) {
      const k = order[r];
      const end = starts[k] + len[k];
      if (len[k] <= SHADOW_MAX && end <= reach) shadowed[k] = 1;
      if (len[k] >= SHADOW_BY && end > reach) reach = end;
    }
  }
  const out: Mems = { sa: new IntBuffer(), sb: new IntBuffer(), len: new IntBuffer() };
  for (let k = 0; k < count; k++) {
    if (shadowed[k]) continue;
    out.sa.push(mems.sa.data[k]);
    out.sb.push(mems.sb.data[k]);
    out.len.push(len[k]);
  }
  return out;
}

/** One exact stretch of a chain: A[sa, sa + len) = B[sb, sb + len). */
export interface Segment {
  sa: number;
  sb: number;
  len: number;
}

/**
 * What a gap of `ga` characters in A against `gb` in B costs before its own aligned characters count
 * (ALIGNED_GAIN each, see `gapGain`): a replaced character costs one, an inserted or deleted one less. A local
 * notice adds a clause (`各级党组织和广大党员、干部在`) more often than it swaps whole words, and a long
 * stretch replaced by another (`为我们做好` against `多次主持召开会议，对`) is two phrases, not one.
 */
function gapCost(ga: number, gb: number): number {
  return 0.5 + Math.min(ga, gb) + INDEL_COST * Math.abs(ga - gb);
}

/** Cost of one inserted or deleted character inside a chain's gap. */
const INDEL_COST = 0.3;

/** Extra cost of a gap that holds a sentence end on either side: a phrase rarely runs on into the next. */
const SENTENCE_GAP_COST = 3;

function crossesSentence(X: IndexedText, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (X.sentenceStart[k]) return true;
  return false;
}

/** Cost of the gap between A[.., a0) A[a1, ..) and B[.., b0) B[b1, ..). */
function fullGapCost(A: IndexedText, B: IndexedText, a0: number, a1: number, b0: number, b1: number): number {
  let c = gapCost(a1 - a0, b1 - b0);
  if (crossesSentence(A, a0, a1) || crossesSentence(B, b0, b1)) c += SENTENCE_GAP_COST;
  return c;
}

/** Edit distances of gaps already computed, by their four ends (chaining asks for the same gap again). */
const gapCache = new Map<number, number>();
let gapCacheOwner: [IndexedText | null, IndexedText | null] = [null, null];

/**
 * Characters of A[a0, a1) and B[b0, b1) that align (substitutions and indels cost one edit each): the
 * shorter length minus the substitutions, by edit distance.
 */
export function gapAligned(A: IndexedText, B: IndexedText, a0: number, a1: number, b0: number, b1: number): number {
  const la = a1 - a0;
  const lb = b1 - b0;
  if (la <= 0 || lb <= 0) return 0;
  if (gapCacheOwner[0] !== A || gapCacheOwner[1] !== B) {
    gapCache.clear();
    gapCacheOwner = [A, B];
  }
  // Gaps are at most a few dozen characters: a key of a0, b0 (below 2^19 each) and both lengths (below 2^7).
  const cacheable = la < 128 && lb < 128 && a0 < 2 ** 19 && b0 < 2 ** 19;
  const key = cacheable ? ((a0 * 2 ** 19 + b0) * 128 + la) * 128 + lb : -1;
  let d = cacheable ? gapCache.get(key) : undefined;
  if (d === undefined) {
    d = levenshtein(A.seg.key.slice(a0, a1), B.seg.key.slice(b0, b1));
    if (cacheable) gapCache.set(key, d);
  }
  return Math.max(0, Math.min(la, lb) - (d - Math.abs(la - lb)));
}

/**
 * What an aligned character inside a gap adds to a chain's score: it pays back its cost as a substitution
 * (one) and adds a little less than an exact character, so that a chain through an exact match inside the
 * gap (a list item) is worth more than one across it.
 */
const ALIGNED_GAIN = 1.8;

/** What the aligned characters of a gap add to a chain's score. */
function gapGain(A: IndexedText, B: IndexedText, a0: number, a1: number, b0: number, b1: number): number {
  return ALIGNED_GAIN * gapAligned(A, B, a0, a1, b0, b1);
}

type Scorer = (segs: Segment[]) => number;

function scorer(A: IndexedText, B: IndexedText): Scorer {
  return (segs) => {
    let s = 0;
    for (let k = 0; k < segs.length; k++) {
      s += segs[k].len;
      if (k === 0) continue;
      const p = segs[k - 1];
      const q = segs[k];
      s +=
        gapGain(A, B, p.sa + p.len, q.sa, p.sb + p.len, q.sb) -
        fullGapCost(A, B, p.sa + p.len, q.sa, p.sb + p.len, q.sb);
    }
    return s;
  };
}

function matchedChars(segs: Segment[]): number {
  let s = 0;
  for (const x of segs) s += x.len;
  return s;
}

/** 0..count−1 ordered by a non-negative integer key below 2^23 (ties by index): one typed-array sort. */
function sortedBy(count: number, key: (k: number) => number): Int32Array {
  const keys = new Float64Array(count);
  for (let k = 0; k < count; k++) keys[k] = key(k) * 2 ** 30 + k;
  keys.sort();
  const out = new Int32Array(count);
  for (let k = 0; k < count; k++) out[k] = keys[k] % 2 ** 30;
  return out;
}

/** Chain the MEMs: each MEM's best predecessor, then chains read off best first, each MEM in one chain. */
function chainMems(A: IndexedText, B: IndexedText, mems: Mems): Segment[][] {
  const count = mems.sa.length;
  const sa = mems.sa.data;
  const sb = mems.sb.data;
  const len = mems.len.data;
  const byStart = sortedBy(count, (k) => sa[k]);
  const ends = sortedBy(count, (k) => sa[k] + len[k]);
  const endAt = Float64Array.from(ends, (k) => sa[k] + len[k]);
  const score = new Float64Array(count);
  const pred = new Int32Array(count).fill(-1);
  const trim = new Int32Array(count);
  const done = new Uint8Array(count);
  for (const q of byStart) {
    let best = len[q];
    let bestPred = -1;
    let bestTrim = 0;
    // Predecessors end in [sa − MAX_GAP, sa + SEED_CHARS − 1].
    let r = lowerBound(endAt, sa[q] + SEED_CHARS, 0, count) - 1;
    for (let seen = 0; r >= 0 && endAt[r] >= sa[q] - MAX_GAP && seen < MAX_PREDECESSORS; r--, seen++) {
      const p = ends[r];
      if (!done[p] || sa[p] >= sa[q]) continue;
      const overlap = Math.max(0, sa[p] + len[p] - sa[q], sb[p] + len[p] - sb[q]);
      if (overlap >= len[q]) continue;
      const ga = sa[q] + overlap - (sa[p] + len[p]);
      const gb = sb[q] + overlap - (sb[p] + len[p]);
      if (ga < 0 || gb < 0 || ga > MAX_GAP || gb > MAX_GAP || (ga === 0 && gb === 0)) continue;
      const base =
        score[p] +
        len[q] -
        overlap -
        fullGapCost(A, B, sa[p] + len[p], sa[q] + overlap, sb[p] + len[p], sb[q] + overlap);
      if (base + ALIGNED_GAIN * Math.min(ga, gb) <= best) continue;
      const s = base + gapGain(A, B, sa[p] + len[p], sa[q] + overlap, sb[p] + len[p], sb[q] + overlap);
      if (s > best) {
        best = s;
        bestPred = p;
        bestTrim = overlap;
      }
    }
    score[q] = best;
    pred[q] = bestPred;
    trim[q] = bestTrim;
    done[q] = 1;
  }
  let top = 0;
  for (let k = 0; k < count; k++) if (score[k] > top) top = score[k];
  // Best score first (to a tenth), ties in the order the MEMs were found (along A).
  const order = sortedBy(count, (k) => Math.round(10 * (top - score[k])));
  const visited = new Uint8Array(count);
  const chains: Segment[][] = [];
  for (const q of order) {
    if (visited[q]) continue;
    const segs: Segment[] = [];
    let x = q;
    while (x >= 0 && !visited[x]) {
      visited[x] = 1;
      // Trimmed against its predecessor only when the predecessor is in this chain too.
      const t = pred[x] >= 0 && !visited[pred[x]] ? trim[x] : 0;
      segs.push({ sa: sa[x] + t, sb: sb[x] + t, len: len[x] - t });
      x = pred[x];
    }
    segs.reverse();
    chains.push(segs);
  }
  return chains;
}

/** A taken chain or reordered block. */
export interface Block {
  segs: Segment[];
  /** Extents: A[a0, a1), B[b0, b1). */
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  /** False for a reordered block (segments not in the same order in A and B). */
  ordered: boolean;
}

function extentOf(segs: Segment[], ordered: boolean): Block {
  let a0 = Infinity;
  let a1 = -Infinity;
  let b0 = Infinity;
  let b1 = -Infinity;
  for (const s of segs) {
    a0 = Math.min(a0, s.sa);
    a1 = Math.max(a1, s.sa + s.len);
    b0 = Math.min(b0, s.sb);
    b1 = Math.max(b1, s.sb + s.len);
  }
  return { segs, a0, a1, b0, b1, ordered };
}

/** Binary max-heap of chains by score (ties: earlier in A first). */
class ChainHeap {
  private items: Array<{ segs: Segment[]; score: number }> = [];
  constructor(private readonly score: Scorer) {}
  get size(): number {
    return this.items.length;
  }
  private before(x: { segs: Segment[]; score: number }, y: { segs: Segment[]; score: number }): boolean {
    return x.score !== y.score ? x.score > y.score : x.segs[0].sa < y.segs[0].sa;
  }
  push(segs: Segment[]): void {
    const item = { segs, score: this.score(segs) };
    const h = this.items;
    h.push(item);
    let k = h.length - 1;
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (!this.before(h[k], h[p])) break;
      const t = h[k];
      h[k] = h[p];
      h[p] = t;
      k = p;
    }
  }
  pop(): Segment[] {
    const h = this.items;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < h.length && this.before(h[l], h[m])) m = l;
        if (r < h.length && this.before(h[r], h[m])) m = r;
        if (m === k) break;
        const t = h[k];
        h[k] = h[m];
        h[m] = t;
        k = m;
      }
    }
    return top.segs;
  }
}

/**
 * The free pieces of a chain that collides with taken positions: each segment cut to its free stretches,
 * consecutive stretches kept together while their gaps stay free and within MAX_GAP.
 */
function freePieces(segs: Segment[], usedA: Uint8Array, usedB: Uint8Array): Segment[][] {
  const parts: Segment[] = [];
  for (const s of segs) {
    let t = 0;
    while (t < s.len) {
      while (t < s.len && (usedA[s.sa + t] || usedB[s.sb + t])) t++;
      const from = t;
      while (t < s.len && !usedA[s.sa + t] && !usedB[s.sb + t]) t++;
      if (t - from >= SEED_CHARS) parts.push({ sa: s.sa + from, sb: s.sb + from, len: t - from });
    }
  }
  const pieces: Segment[][] = [];
  let current: Segment[] = [];
  for (const p of parts) {
    const prev = current[current.length - 1];
    if (prev) {
      const ga = p.sa - prev.sa - prev.len;
      const gb = p.sb - prev.sb - prev.len;
      let free = ga >= 0 && gb >= 0 && ga <= MAX_GAP && gb <= MAX_GAP;
      for (let k = prev.sa + prev.len; free && k < p.sa; k++) free = !usedA[k];
      for (let k = prev.sb + prev.len; free && k < p.sb; k++) free = !usedB[k];
      if (!free) {
        pieces.push(current);
        current = [];
      }
    }
    current.push(p);
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}

function isFree(used: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (used[k]) return false;
  return true;
}

function mark(used: Uint8Array, from: number, to: number): void {
  used.fill(1, from, to);
}

/**
 * Positions taken so far, with a count per block of 64: whether a long span is free is a look at its ends
 * and at the counts of the blocks between, not a walk over it (chains of templated texts span thousands of
 * characters).
 */
class Taken {
  readonly used: Uint8Array;
  private readonly blocks: Int32Array;
  constructor(n: number) {
    this.used = new Uint8Array(n);
    this.blocks = new Int32Array((n >> 6) + 1);
  }
  free(from: number, to: number): boolean {
    const used = this.used;
    let k = from;
    while (k < to && k & 63) if (used[k++]) return false;
    while (k + 64 <= to) {
      if (this.blocks[k >> 6]) return false;
      k += 64;
    }
    while (k < to) if (used[k++]) return false;
    return true;
  }
  mark(from: number, to: number): void {
    const used = this.used;
    for (let k = from; k < to; k++) {
      if (used[k]) continue;
      used[k] = 1;
      this.blocks[k >> 6]++;
    }
  }
}

/** Take chains best first, each position once (whole extents); then gather reordered blocks. */
function tile(
  A: IndexedText,
  B: IndexedText,
  score: Scorer,
  chains: Segment[][],
  n: number,
  m: number,
): { blocks: Block[]; usedA: Uint8Array; usedB: Uint8Array } {
  const heap = new ChainHeap(score);
  for (const c of chains) heap.push(c);
  const takenA = new Taken(n);
  const takenB = new Taken(m);
  const usedA = takenA.used;
  const usedB = takenB.used;
  const taken: Block[] = [];
  const rejected: Segment[][] = [];
  while (heap.size > 0) {
    const segs = heap.pop();
    const block = extentOf(segs, true);
    if (takenA.free(block.a0, block.a1) && takenB.free(block.b0, block.b1)) {
      takenA.mark(block.a0, block.a1);
      takenB.mark(block.b0, block.b1);
      taken.push(block);
      continue;
    }
    const pieces = freePieces(segs, usedA, usedB);
    if (pieces.length === 1 && pieces[0].length === segs.length && sameSegments(pieces[0], segs)) {
      // Segments free but a gap is not: nothing smaller to try.
      rejected.push(segs);
      continue;
    }
    for (const p of pieces) heap.push(p);
    // Segments left out of every piece may still be a moved list item (see absorbMovedItems).
    const kept = pieces.flat();
    let q = 0;
    const lost = segs.filter((x) => {
      while (q < kept.length && kept[q].sa < x.sa) q++;
      return !(q < kept.length && kept[q].sa < x.sa + x.len);
    });
    if (lost.length > 0) rejected.push(lost);
  }
  absorbMovedItems(taken, rejected, usedA, usedB);
  return { blocks: joinReordered(A, B, taken), usedA, usedB };
}

function sameSegments(x: Segment[], y: Segment[]): boolean {
  return x.every((s, k) => s.sa === y[k].sa && s.sb === y[k].sb && s.len === y[k].len);
}

/**
 * A short match inside a taken chain's gap on one side and right next to the chain on the other is an item
 * of the same list, moved: it joins the chain, which becomes a reordered block.
 */
function absorbMovedItems(taken: Block[], rejected: Segment[][], usedA: Uint8Array, usedB: Uint8Array): void {
  if (taken.length === 0) return;
  const byA = [...taken].sort((x, y) => x.a0 - y.a0);
  const startsA = byA.map((b) => b.a0);
  const byB = [...taken].sort((x, y) => x.b0 - y.b0);
  const startsB = byB.map((b) => b.b0);
  for (const segs of rejected) {
    for (const whole of segs) {
      if (whole.len > BLOCK_MEMBER_MAX) continue;
      // Its longest stretch free on at least one side (the other side may lie in a block's gap).
      let s: Segment | null = null;
      for (const used of [usedA, usedB]) {
        const at = used === usedA ? whole.sa : whole.sb;
        let t = 0;
        while (t < whole.len) {
          while (t < whole.len && used[at + t]) t++;
          const from = t;
          while (t < whole.len && !used[at + t]) t++;
          if (t - from >= SEED_CHARS && (!s || t - from > s.len)) {
            s = { sa: whole.sa + from, sb: whole.sb + from, len: t - from };
          }
        }
      }
      if (!s) continue;
      // The taken block whose A extent contains s, and the one whose B extent does.
      const inA = lastAtOrBefore(startsA, s.sa);
      const inB = lastAtOrBefore(startsB, s.sb);
      for (const blk of [inA >= 0 ? byA[inA] : undefined, inB >= 0 ? byB[inB] : undefined]) {
        if (!blk || blk.segs.length < 2) continue;
        // Only its part outside the block's exact stretches (`请示报告到位`, not the `到位` before it).
        const x = clipToGaps(blk, s);
        if (!x) continue;
        const insideA = x.sa >= blk.a0 && x.sa + x.len <= blk.a1;
        const insideB = x.sb >= blk.b0 && x.sb + x.len <= blk.b1;
        const nearA = x.sa + x.len >= blk.a0 - BLOCK_JOIN_B && x.sa <= blk.a1 + BLOCK_JOIN_B;
        const nearB = x.sb + x.len >= blk.b0 - BLOCK_JOIN_B && x.sb <= blk.b1 + BLOCK_JOIN_B;
        if (!((insideA && nearB && !insideB) || (insideB && nearA && !insideA))) continue;
        if (insideA && !segmentGapFree(blk, x, 'a')) continue;
        if (insideB && !segmentGapFree(blk, x, 'b')) continue;
        // The other side must be free (outside the block) and bridge to it without taken text.
        // The other side: free itself; what lies between it and the block may be another list item.
        if (insideA) {
          if (!isFree(usedB, x.sb, x.sb + x.len)) continue;
          mark(usedB, x.sb, x.sb + x.len);
        } else {
          if (!isFree(usedA, x.sa, x.sa + x.len)) continue;
          mark(usedA, x.sa, x.sa + x.len);
        }
        blk.segs.push(x);
        blk.ordered = false;
        blk.a0 = Math.min(blk.a0, x.sa);
        blk.a1 = Math.max(blk.a1, x.sa + x.len);
        blk.b0 = Math.min(blk.b0, x.sb);
        blk.b1 = Math.max(blk.b1, x.sb + x.len);
        break;
      }
    }
  }
}

/** The longest part of `s` (SEED_CHARS or more) overlapping none of the block's stretches on either text. */
function clipToGaps(blk: Block, s: Segment): Segment | null {
  let best: Segment | null = null;
  let t = 0;
  const clear = (k: number) =>
    blk.segs.every(
      (y) => !(s.sa + k >= y.sa && s.sa + k < y.sa + y.len) && !(s.sb + k >= y.sb && s.sb + k < y.sb + y.len),
    );
  while (t < s.len) {
    while (t < s.len && !clear(t)) t++;
    const from = t;
    while (t < s.len && clear(t)) t++;
    if (t - from >= SEED_CHARS && (!best || t - from > best.len)) {
      best = { sa: s.sa + from, sb: s.sb + from, len: t - from };
    }
  }
  return best;
}

/** Index of the last of `sorted` at or before x, −1 if none. */
function lastAtOrBefore(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Whether segment s lies in a gap of the block on side `side` (not over one of its matched stretches). */
function segmentGapFree(blk: Block, s: Segment, side: 'a' | 'b'): boolean {
  const lo = side === 'a' ? s.sa : s.sb;
  const hi = lo + s.len;
  return blk.segs.every((t) => {
    const tl = side === 'a' ? t.sa : t.sb;
    return tl >= hi || tl + t.len <= lo;
  });
}

/**
 * Short blocks next to each other in both texts, in another order (or with a word between them), join into
 * one reordered block.
 */
function joinReordered(A: IndexedText, B: IndexedText, taken: Block[]): Block[] {
  const byA = [...taken].sort((x, y) => x.a0 - y.a0);
  const out: Block[] = [];
  let k = 0;
  while (k < byA.length) {
    let group = [byA[k]];
    let next = k + 1;
    let best: Block[] | null = null;
    let bestNext = next;
    while (next < byA.length) {
      const cand = byA[next];
      const a1 = Math.max(...group.map((b) => b.a1));
      if (cand.a0 - a1 > BLOCK_JOIN_A) break;
      const members = [...group, cand];
      if (members.some((b) => matchedChars(b.segs) > BLOCK_MEMBER_MAX)) break;
      const byB = [...members].sort((x, y) => x.b0 - y.b0);
      let tight = true;
      for (let q = 1; q < byB.length && tight; q++) tight = byB[q].b0 - byB[q - 1].b1 <= BLOCK_JOIN_B;
      if (!tight) break;
      group = members;
      next++;
      // A reordered block is one list: items in another order, within one sentence on each side, mostly
      // made of the matched items.
      const joined = extentOf(
        group.flatMap((b) => b.segs),
        false,
      );
      const reordered = byB.some((b, q) => b !== group[q]);
      if (reordered && isList(A, B, joined)) {
        best = group;
        bestNext = next;
      }
    }
    if (best) {
      out.push(
        extentOf(
          best.flatMap((b) => b.segs),
          false,
        ),
      );
      k = bestNext;
    } else {
      out.push(byA[k]);
      k++;
    }
  }
  return out;
}

/** Share of a reordered block's extent, on each side, that its matched stretches must cover. */
const LIST_COVER = 0.75;
/** Fewest characters a reordered list matches. */
const LIST_MIN_CHARS = 12;

function isList(A: IndexedText, B: IndexedText, blk: Block): boolean {
  const matched = matchedChars(blk.segs);
  if (matched < LIST_MIN_CHARS) return false;
  if (matched < LIST_COVER * (blk.a1 - blk.a0) || matched < LIST_COVER * (blk.b1 - blk.b0)) return false;
  for (let k = blk.a0 + 1; k < blk.a1; k++) if (A.sentenceStart[k]) return false;
  for (let k = blk.b0 + 1; k < blk.b1; k++) if (B.sentenceStart[k]) return false;
  return true;
}

/**
 * Whether an ordered block is a phrase rather than a few common words in a row: one exact stretch of a
 * phrase's length (MIN_LONGEST), or a list with an item dropped or added (`医疗救护、科研攻关、基础预防等`
 * against `医疗救护、基础预防等`): two stretches of four characters or more, nine or more in all, making most
 * of the block on both sides, within one sentence.
 */
function phraseLike(A: IndexedText, B: IndexedText, blk: Block): boolean {
  if (blk.segs.some((x) => x.len >= MIN_LONGEST)) return true;
  const long = blk.segs.filter((x) => x.len >= SEED_CHARS);
  const matched = matchedChars(long);
  if (long.length < 2 || matched < MIN_PASSAGE_CHARS + 1) return false;
  if (matched < LIST_COVER_ANY * Math.max(blk.a1 - blk.a0, blk.b1 - blk.b0)) return false;
  return !crossesSentence(A, blk.a0 + 1, blk.a1 - 1) && !crossesSentence(B, blk.b0 + 1, blk.b1 - 1);
}

/** Share of an ordered block without a phrase-long stretch that its stretches must cover. */
const LIST_COVER_ANY = 0.6;

/** One passage of a pair, on the keys: A[aLo, aHi) against B[bLo, bHi). */
export interface KeyPassage {
  kind: 'same' | 'reworded';
  aLo: number;
  aHi: number;
  bLo: number;
  bHi: number;
  /** The exact stretches inside (the rest of the passage differs). */
  segs: Segment[];
}

/** Cut a chain at A's sentence starts into passages, `same` where a piece has no gap. */
function chainPassages(A: IndexedText, segs: Segment[]): KeyPassage[] {
  // Split segments at sentence starts.
  const parts: Array<Segment & { starts: boolean }> = [];
  for (const s of segs) {
    let from = 0;
    for (let t = 1; t < s.len; t++) {
      if (A.sentenceStart[s.sa + t]) {
        parts.push({ sa: s.sa + from, sb: s.sb + from, len: t - from, starts: from === 0 ? false : true });
        from = t;
      }
    }
    parts.push({ sa: s.sa + from, sb: s.sb + from, len: s.len - from, starts: from > 0 });
  }
  for (const p of parts) if (A.sentenceStart[p.sa]) p.starts = true;
  const pieces: Segment[][] = [];
  for (const p of parts) {
    if (pieces.length === 0 || p.starts) pieces.push([]);
    pieces[pieces.length - 1].push({ sa: p.sa, sb: p.sb, len: p.len });
  }
  const out: KeyPassage[] = [];
  pieces.forEach((piece) => {
    // A few words carried over a sentence end at either end of a chain are not a passage.
    const weak = !piece.some((x) => x.len >= MIN_LONGEST) && matchedChars(piece) < MIN_PASSAGE_CHARS;
    const last0 = piece[piece.length - 1];
    const wholeSentence = A.sentenceStart[piece[0].sa] === 1 && A.sentenceStart[last0.sa + last0.len] === 1;
    if (weak && !wholeSentence) return;
    const first = piece[0];
    const last = piece[piece.length - 1];
    const kind = piece.length === 1 ? 'same' : 'reworded';
    const prev = out[out.length - 1];
    const touching = prev !== undefined && prev.aHi === first.sa && prev.bHi === first.sb;
    // Consecutive pieces of the same text without a gap between them join again.
    if (prev && touching && prev.kind === 'same' && kind === 'same') {
      prev.aHi = last.sa + last.len;
      prev.bHi = last.sb + last.len;
      prev.segs.push(...piece);
      return;
    }
    out.push({ kind, aLo: first.sa, aHi: last.sa + last.len, bLo: first.sb, bHi: last.sb + last.len, segs: piece });
  });
  return out;
}

/** Aligned characters of a passage: its exact stretches plus what its gaps align (edit distance). */
export function alignedChars(A: IndexedText, B: IndexedText, p: KeyPassage): number {
  let n = matchedChars(p.segs);
  if (p.kind === 'same' || p.segs.length < 2) return n;
  const ordered = [...p.segs].sort((x, y) => x.sa - y.sa);
  for (let k = 1; k < ordered.length; k++) {
    const x = ordered[k - 1];
    const y = ordered[k];
    const ga = y.sa - x.sa - x.len;
    const gb = y.sb - x.sb - x.len;
    if (ga > 0 && gb > 0) {
      const sa = A.seg.key.slice(x.sa + x.len, y.sa);
      const sb = B.seg.key.slice(x.sb + x.len, y.sb);
      n += Math.max(0, Math.min(ga, gb) - (levenshtein(sa, sb) - Math.abs(ga - gb)));
    }
  }
  return n;
}

/** Banded extension past a passage's end: score per matched character, per substituted or indel one. */
const EXT_MATCH = 2;
const EXT_MISS = -1;
/** Band half-width, most characters looked at, and the drop-off below the best score that stops it. */
const EXT_BAND = 8;
const EXT_MAX = 40;
const EXT_DROP = 6;

/** Scratch rows of the extension's dynamic programme (grown as needed). */
let extScore = new Int32Array(0);
let extMove = new Uint8Array(0);

/**
 * Extend a passage past one of its edges by banded alignment with an X-drop (as BLAST extends a hit): from
 * A[a] and B[b] outwards (`dir` = 1 after the passage, −1 before it), over free characters of one clause on
 * each side, matches scoring EXT_MATCH and substitutions, insertions and deletions EXT_MISS; the row loop
 * stops once its best cell falls EXT_DROP below the best so far. The extension ends on the best cell (the
 * farthest of equal ones) when it gains at least two matched characters. Returns the exact stretches it
 * aligned (in text order) and the new edge, or null.
 */
function extendEdge(
  A: IndexedText,
  B: IndexedText,
  a: number,
  b: number,
  dir: 1 | -1,
  usedA: Uint8Array,
  usedB: Uint8Array,
): { a: number; b: number; segs: Segment[] } | null {
  const la = room(A, a, dir, usedA);
  const lb = room(B, b, dir, usedB);
  if (la === 0 || lb === 0) return null;
  const width = 2 * EXT_BAND + 1;
  const cells = (la + 1) * width;
  if (extScore.length < cells) {
    extScore = new Int32Array(cells * 2);
    extMove = new Uint8Array(cells * 2);
  }
  const ca = A.codes;
  const cb = B.codes;
  const NEG = -1e9;
  // Cell (i, j), |i − j| ≤ EXT_BAND, at i · width + (j − i + EXT_BAND). Moves: 1 diagonal, 2 up (A), 3 left (B).
  let best = 0;
  let bi = 0;
  let bj = 0;
  for (let i = 0; i <= la; i++) {
    let rowBest = NEG;
    const jFrom = Math.max(0, i - EXT_BAND);
    const jTo = Math.min(lb, i + EXT_BAND);
    for (let j = i - EXT_BAND; j <= i + EXT_BAND; j++) extScore[i * width + (j - i + EXT_BAND)] = NEG;
    for (let j = jFrom; j <= jTo; j++) {
      const at = i * width + (j - i + EXT_BAND);
      if (i === 0 && j === 0) {
        extScore[at] = 0;
        extMove[at] = 0;
        rowBest = 0;
        continue;
      }
      let sc = NEG;
      let mv = 0;
      if (i > 0 && j > 0) {
        const d = extScore[(i - 1) * width + (j - i + EXT_BAND)];
        const same = ca[dir === 1 ? a + i - 1 : a - i] === cb[dir === 1 ? b + j - 1 : b - j];
        const v = d + (same ? EXT_MATCH : EXT_MISS);
        if (d > NEG && v > sc) {
          sc = v;
          mv = same ? 1 : 4;
        }
      }
      if (i > 0 && j - i + 1 <= EXT_BAND) {
        const u = extScore[(i - 1) * width + (j - i + 1 + EXT_BAND)];
        if (u > NEG && u + EXT_MISS > sc) {
          sc = u + EXT_MISS;
          mv = 2;
        }
      }
      if (j > 0 && j - 1 - i >= -EXT_BAND) {
        const l = extScore[at - 1];
        if (l > NEG && l + EXT_MISS > sc) {
          sc = l + EXT_MISS;
          mv = 3;
        }
      }
      extScore[at] = sc;
      extMove[at] = mv;
      if (sc > rowBest) rowBest = sc;
      if (mv === 1 && (sc > best || (sc === best && i + j > bi + bj))) {
        best = sc;
        bi = i;
        bj = j;
      }
    }
    if (rowBest < best - EXT_DROP) break;
  }
  if (best < EXT_MATCH) return null;
  // Trace back the matched characters into exact stretches.
  const segs: Segment[] = [];
  let i = bi;
  let j = bj;
  let run = 0;
  let matched = 0;
  const flush = () => {
    if (run === 0) return;
    // The run covers steps i+1..i+run (and j+1..j+run) from the edge.
    const sa = dir === 1 ? a + i : a - i - run;
    const sb = dir === 1 ? b + j : b - j - run;
    segs.push({ sa, sb, len: run });
    run = 0;
  };
  while (i > 0 || j > 0) {
    const mv = extMove[i * width + (j - i + EXT_BAND)];
    if (mv === 1) {
      run++;
      matched++;
      i--;
      j--;
      continue;
    }
    flush();
    if (mv === 4) {
      i--;
      j--;
    } else if (mv === 2) i--;
    else j--;
  }
  flush();
  if (matched < 2) return null;
  segs.sort((x, y) => x.sa - y.sa);
  return { a: dir === 1 ? a + bi : a - bi, b: dir === 1 ? b + bj : b - bj, segs };
}

/** Free characters from X[at] in direction `dir` before a clause edge or a taken character, at most EXT_MAX. */
function room(X: IndexedText, at: number, dir: 1 | -1, used: Uint8Array): number {
  const n = X.codes.length;
  let k = 0;
  while (k < EXT_MAX) {
    const c = dir === 1 ? at + k : at - k - 1;
    if (c < 0 || c >= n || used[c]) break;
    // A clause edge before character c (going forwards) or after it (going backwards) stops the extension.
    if (X.clauseStart[dir === 1 ? c : c + 1]) break;
    k++;
  }
  return k;
}

/** Extend both edges of a passage (see `extendEdge`); returns the aligned characters gained. */
function extendPassage(
  A: IndexedText,
  B: IndexedText,
  p: KeyPassage,
  usedA: Uint8Array,
  usedB: Uint8Array,
  start: boolean,
  end: boolean,
): number {
  let gained = 0;
  if (end) {
    const e = extendEdge(A, B, p.aHi, p.bHi, 1, usedA, usedB);
    if (e) {
      usedA.fill(1, p.aHi, e.a);
      usedB.fill(1, p.bHi, e.b);
      p.aHi = e.a;
      p.bHi = e.b;
      p.segs.push(...e.segs);
      p.kind = 'reworded';
      gained += matchedChars(e.segs);
    }
  }
  if (start) {
    const e = extendEdge(A, B, p.aLo, p.bLo, -1, usedA, usedB);
    if (e) {
      usedA.fill(1, e.a, p.aLo);
      usedB.fill(1, e.b, p.bLo);
      p.aLo = e.a;
      p.bLo = e.b;
      p.segs.unshift(...e.segs);
      p.kind = 'reworded';
      gained += matchedChars(e.segs);
    }
  }
  return gained;
}

/** Most characters a passage grows by, on each side, to reach the clause's edge. */
const MAX_SNAP = 8;

/**
 * Grow a passage to the edges of its clauses when what is left of them on both sides is short and partly
 * alike (`把政治优势…` against `把党的政治优势…`, `…斗争优势` against `…的强大政治优势`): the seeds cannot
 * start or end inside a changed word, the clause can. Returns the aligned characters gained.
 */
function snapEdges(
  A: IndexedText,
  B: IndexedText,
  p: KeyPassage,
  usedA: Uint8Array,
  usedB: Uint8Array,
  start: boolean,
  end: boolean,
  matched: number,
): number {
  let gained = 0;
  const snaps = (ra: number, rb: number, aligned: number) =>
    // What is left is short and partly alike…
    (ra <= MAX_SNAP && rb <= MAX_SNAP && aligned > 0 && aligned * 2 >= Math.min(ra, rb)) ||
    // …or one word replaced by another at the clause's edge (`…最重要的工作` against `…最重要的重大政治任务`,
    // `系统各单位党委动员党组织…` against `对党组织…`), next to a passage of twice its length at least.
    (Math.min(ra, rb) >= 1 &&
      Math.min(ra, rb) <= EDGE_WORD &&
      Math.max(ra, rb) <= MAX_EDGE &&
      matched >= 2 * Math.max(ra, rb));
  if (start) {
    let ka = p.aLo;
    while (ka > 0 && !A.clauseStart[ka] && !usedA[ka - 1] && p.aLo - ka < MAX_EDGE) ka--;
    let kb = p.bLo;
    while (kb > 0 && !B.clauseStart[kb] && !usedB[kb - 1] && p.bLo - kb < MAX_EDGE) kb--;
    const ok = A.clauseStart[ka] && B.clauseStart[kb];
    const aligned = ok ? gapAligned(A, B, ka, p.aLo, kb, p.bLo) : 0;
    if (ok && snaps(p.aLo - ka, p.bLo - kb, aligned)) {
      usedA.fill(1, ka, p.aLo);
      usedB.fill(1, kb, p.bLo);
      p.aLo = ka;
      p.bLo = kb;
      p.kind = 'reworded';
      gained += aligned;
    }
  }
  if (end) {
    const n = A.codes.length;
    const m = B.codes.length;
    let ka = p.aHi;
    while (ka < n && !A.clauseStart[ka] && !usedA[ka] && ka - p.aHi < MAX_EDGE) ka++;
    let kb = p.bHi;
    while (kb < m && !B.clauseStart[kb] && !usedB[kb] && kb - p.bHi < MAX_EDGE) kb++;
    const ok = A.clauseStart[ka] && B.clauseStart[kb];
    const aligned = ok ? gapAligned(A, B, p.aHi, ka, p.bHi, kb) : 0;
    if (ok && snaps(ka - p.aHi, kb - p.bHi, aligned)) {
      usedA.fill(1, p.aHi, ka);
      usedB.fill(1, p.bHi, kb);
      p.aHi = ka;
      p.bHi = kb;
      p.kind = 'reworded';
      gained += aligned;
    }
  }
  return gained;
}

/** A replaced word at a clause's edge: at most this many characters on one side… */
const EDGE_WORD = 2;
/** …and at most this many on the other. */
const MAX_EDGE = 10;

/** The longest exact stretch of a passage (not a reordered list) has at least this many characters. */
const MIN_LONGEST = 6;
/** A passage spilling this many characters or fewer over a clause edge is cut back to it. */
const MAX_SPILL = 3;

/**
 * Cut back the few characters a passage runs over the edge of A's clause (`…的通知》，请` → `…的通知》`):
 * an exact match that happens to go on by a word is still the clause. Only exact edges, by equal amounts.
 */
function tidyEdges(A: IndexedText, p: KeyPassage): void {
  const first = p.segs.reduce((x, y) => (y.sa < x.sa ? y : x));
  const last = p.segs.reduce((x, y) => (y.sa + y.len > x.sa + x.len ? y : x));
  for (let t = 1; t <= MAX_SPILL && p.aHi - t > p.aLo; t++) {
    if (A.clauseStart[p.aHi - t] && last.len - t >= MIN_LONGEST && p.aHi - t - p.aLo >= MIN_PASSAGE_CHARS) {
      last.len -= t;
      p.aHi -= t;
      p.bHi -= t;
      break;
    }
  }
  for (let t = 1; t <= MAX_SPILL && p.aLo + t < p.aHi; t++) {
    if (A.clauseStart[p.aLo + t] && first.len - t >= MIN_LONGEST && p.aHi - p.aLo - t >= MIN_PASSAGE_CHARS) {
      first.sa += t;
      first.sb += t;
      first.len -= t;
      p.aLo += t;
      p.bLo += t;
      break;
    }
  }
}

/** Blocks matching fewer characters than this are not grown to their clause edges (chance stays chance). */
const MIN_SNAP_BASE = 6;

/** The passages two indexed texts share, in reading order of A. */
export function alignTexts(A: IndexedText, B: IndexedText): KeyPassage[] {
  const mems = findMems(A, B);
  if (mems.sa.length === 0) return [];
  const score = scorer(A, B);
  const kept = dropShadowed(mems);
  const chains = chainMems(A, B, kept);
  const { blocks, usedA, usedB } = tile(A, B, score, chains, A.codes.length, B.codes.length);
  // Longest blocks first, so they grow before their neighbours.
  const weight = new Map(blocks.map((b) => [b, matchedChars(b.segs)]));
  blocks.sort((x, y) => weight.get(y)! - weight.get(x)! || x.a0 - y.a0);
  const groups: Array<{ passages: KeyPassage[]; matched: number; ordered: boolean }> = [];
  for (const blk of blocks) {
    const matched = weight.get(blk)!;
    if (matched < MIN_SNAP_BASE) continue;
    if (blk.ordered && !phraseLike(A, B, blk)) continue;
    const passages: KeyPassage[] = blk.ordered
      ? chainPassages(A, blk.segs)
      : [{ kind: 'reworded', aLo: blk.a0, aHi: blk.a1, bLo: blk.b0, bHi: blk.b1, segs: blk.segs }];
    if (passages.length === 0) continue;
    for (const p of passages) tidyEdges(A, p);
    groups.push({ passages, matched, ordered: blk.ordered });
  }
  // Only what is left of the taken blocks stays taken: chance blocks and the pieces cut off them free
  // their characters for the extensions.
  usedA.fill(0);
  usedB.fill(0);
  for (const g of groups) {
    for (const p of g.passages) {
      usedA.fill(1, p.aLo, p.aHi);
      usedB.fill(1, p.bLo, p.bHi);
    }
  }
  const out: KeyPassage[] = [];
  for (const { passages, matched, ordered } of groups) {
    let gained = 0;
    passages.forEach((p, k) => {
      // A reordered block's edges are not the ends of one alignment: it does not extend.
      if (ordered) gained += extendPassage(A, B, p, usedA, usedB, k === 0, k === passages.length - 1);
      gained += snapEdges(A, B, p, usedA, usedB, k === 0, k === passages.length - 1, matched);
    });
    if (matched + gained < MIN_PASSAGE_CHARS) {
      for (const p of passages) {
        usedA.fill(0, p.aLo, p.aHi);
        usedB.fill(0, p.bLo, p.bHi);
      }
      continue;
    }
    out.push(...passages);
  }
  out.sort((x, y) => x.aLo - y.aLo);
  return out;
}
