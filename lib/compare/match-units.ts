/**
 * Which clauses of one text are found in another, and how they run together: the core of the comparison.
 *
 * 1. Candidates. A clause of A is paired with the clauses of B that have the same key (a hash lookup) and
 *    with those whose key is a rewording of its key (`near-match.ts`: found once for all texts compared,
 *    among distinct keys, from both sides, so the result does not depend on which text is A).
 * 2. Runs. Candidate pairs (i, j), (i+1, j+1), … form a run: text copied in one piece.
 * 3. Tiling. Runs are taken heaviest first (in shared characters), each clause used at most once per side;
 *    a run that collides with one already taken is cut into its free pieces, which go back in the queue.
 *    This is Greedy String Tiling (Wise 1993, the algorithm of JPlag) on clauses instead of tokens: it finds
 *    passages that moved as well as those in order, and a repeated phrase cannot claim two places.
 * 4. Edges. A taken run grows into the free clauses of its sentence by their common suffix (before) and
 *    prefix (after) when those are at least MIN_EXTEND_CHARS long; the grown part joins the run's edge clause
 *    and its kind. `各级党组织要在疫情防控第一线考察…` against `要在疫情防控第一线考察…` shares the clause's end
 *    although the clauses differ. A reworded clause at the edge of a run that is the other one plus a
 *    lead-in (or a tail) becomes an exact match of the common part.
 *
 * Candidate lists, runs and the queue are integer arrays: long texts have tens of thousands of clauses.
 */
import { IntBuffer, sortRange } from './int-buffer';
import { findNearPairs } from './near-match';
import { segmentText, type SegmentedText } from './segment';

/** Runs sharing fewer key characters than this are chance (`要严肃问责`, `特此通知`), not reuse. */
export const MIN_RUN_CHARS = 8;
/**
 * A run grows into the neighbouring clauses of its sentence only by a common stretch at least this long
 * (never across a sentence end: `…要严肃问责。各级` would take the next sentence's first word).
 */
const MIN_EXTEND_CHARS = 3;
/**
 * A clause whose key occurs more often than this in the other text is paired with this many of its
 * occurrences only: those continuing a run and those at the same relative position. Keeps generated or
 * boilerplate-heavy texts (the same clause hundreds of times) linear.
 */
const MAX_EXACT_CANDIDATES = 16;
/** The same, per rewording of a clause's key. */
const MAX_NEAR_CANDIDATES = 4;
/** Above this many texts, keys carry no bitmask of the texts that have them (see `KeyPool`). */
const MAX_MASKED_TEXTS = 30;

/** One text cut into clauses (`segment.ts`), with each clause's key. */
export interface PreparedText {
  seg: SegmentedText;
  unitKeys: string[];
}

export function prepareText(text: string): PreparedText {
  const seg = segmentText(text);
  return { seg, unitKeys: seg.units.map((u) => seg.key.slice(u.keyStart, u.keyEnd)) };
}

/** Texts ready for comparison with each other. */
export interface PreparedSet {
  texts: PreparedText[];
  /** The distinct clause keys of all texts. */
  keys: string[];
  /** Per text, per clause: the number of its key in `keys`. */
  keyIds: Int32Array[];
  /** Per text: key number → its clauses with that key, ascending. */
  occurrences: Array<Map<number, number[]>>;
  /** Rewordings of key k (key numbers): `nearList[nearStart[k] .. nearStart[k + 1])`, ascending. */
  nearStart: Int32Array;
  nearList: Int32Array;
}

export function prepareSet(texts: string[]): PreparedSet {
  const prepared = texts.map(prepareText);
  const docCount = prepared.length;
  const keyIndex = new Map<string, number>();
  const keys: string[] = [];
  const masks: number[] = [];
  const keyIds = prepared.map((p, d) => {
    const ids = new Int32Array(p.unitKeys.length);
    p.unitKeys.forEach((key, u) => {
      let id = keyIndex.get(key);
      if (id === undefined) {
        id = keys.length;
        keyIndex.set(key, id);
        keys.push(key);
        masks.push(0);
      }
      ids[u] = id;
      if (d < MAX_MASKED_TEXTS) masks[id] |= 1 << d;
    });
    return ids;
  });
  const occurrences = keyIds.map((ids) => {
    const map = new Map<number, number[]>();
    ids.forEach((id, u) => {
      const list = map.get(id);
      if (list) list.push(u);
      else map.set(id, [u]);
    });
    return map;
  });
  const pairs = findNearPairs({
    keys,
    docMask: docCount <= MAX_MASKED_TEXTS ? Int32Array.from(masks) : null,
    docCount,
  });
  // Pairs → per-key lists (both directions), sorted, without repeats.
  const n = keys.length;
  const nearStart = new Int32Array(n + 1);
  for (let p = 0; p < pairs.length; p++) nearStart[pairs.data[p] + 1]++;
  for (let k = 0; k < n; k++) nearStart[k + 1] += nearStart[k];
  const fill = nearStart.slice(0, n);
  const nearList = new Int32Array(pairs.length);
  for (let p = 0; p < pairs.length; p += 2) {
    const x = pairs.data[p];
    const y = pairs.data[p + 1];
    nearList[fill[x]++] = y;
    nearList[fill[y]++] = x;
  }
  let at = 0;
  for (let k = 0; k < n; k++) {
    const from = nearStart[k];
    const to = nearStart[k + 1];
    nearStart[k] = at;
    sortRange(nearList, from, to);
    for (let q = from; q < to; q++) if (q === from || nearList[q] !== nearList[q - 1]) nearList[at++] = nearList[q];
  }
  nearStart[n] = at;
  return { texts: prepared, keys, keyIds, occurrences, nearStart, nearList: nearList.slice(0, at) };
}

/** One matched clause pair inside a run, as key ranges (edges may cover part of a clause). */
export interface MatchedPair {
  aLo: number;
  aHi: number;
  bLo: number;
  bHi: number;
  same: boolean;
}

/** A taken run: consecutive clause pairs, contiguous in both keys. */
export interface MatchedRun {
  pairs: MatchedPair[];
}

/**
 * Candidate pairs of A's clauses, compressed rows: the partners of clause i are
 * `list[start[i] .. start[i + 1])`, each encoded `j * 2 + (reworded ? 1 : 0)`.
 */
interface Candidates {
  start: Int32Array;
  list: IntBuffer;
}

/** Whether (i, j) is a candidate pair. */
function isCandidate(c: Candidates, i: number, j: number): boolean {
  const data = c.list.data;
  for (let k = c.start[i], end = c.start[i + 1]; k < end; k++) if (data[k] >> 1 === j) return true;
  return false;
}

function lowerBound(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function findCandidates(set: PreparedSet, da: number, db: number): Candidates {
  const idsA = set.keyIds[da];
  const idsB = set.keyIds[db];
  const inA = set.occurrences[da];
  const inB = set.occurrences[db];
  const nA = idsA.length;
  const nB = idsB.length;
  const start = new Int32Array(nA + 1);
  const list = new IntBuffer();
  const chosen: number[] = [];

  /**
   * Push clause i's partners among `occ` (B's clauses with key `id`), at most `cap`: if there are more,
   * those continuing a run from clause i-1 first, then those nearest the same relative position.
   */
  const pick = (i: number, id: number, occ: number[], cap: number, flag: number) => {
    if (occ.length <= cap) {
      for (const j of occ) list.push(j * 2 + flag);
      return;
    }
    chosen.length = 0;
    for (let k = i > 0 ? start[i - 1] : 0; i > 0 && k < start[i] && chosen.length < cap; k++) {
      const j = (list.data[k] >> 1) + 1;
      if (j < nB && idsB[j] === id && !chosen.includes(j)) chosen.push(j);
    }
    const target = Math.round((i * nB) / Math.max(1, nA));
    let hi = lowerBound(occ, target);
    let lo = hi - 1;
    while (chosen.length < cap && (lo >= 0 || hi < occ.length)) {
      const j = hi >= occ.length || (lo >= 0 && target - occ[lo] <= occ[hi] - target) ? occ[lo--] : occ[hi++];
      if (!chosen.includes(j)) chosen.push(j);
    }
    sortRange(chosen, 0, chosen.length);
    for (const j of chosen) list.push(j * 2 + flag);
  };

  for (let i = 0; i < nA; i++) {
    start[i] = list.length;
    const x = idsA[i];
    const exact = inB.get(x);
    if (exact) pick(i, x, exact, MAX_EXACT_CANDIDATES, 0);
    // Rewordings of x in B, when this pair of texts needs them: x is missing from B (A's clause looks for
    // a rewording there) or the rewording is missing from A (B's clause does).
    for (let k = set.nearStart[x]; k < set.nearStart[x + 1]; k++) {
      const y = set.nearList[k];
      const near = inB.get(y);
      if (near && (!exact || !inA.has(y))) pick(i, y, near, MAX_NEAR_CANDIDATES, 1);
    }
  }
  start[nA] = list.length;
  return { start, list };
}

/** Runs as parallel integer arrays: run r covers clauses i..i+length-1 of A and j.. of B. */
class Runs {
  readonly i = new IntBuffer();
  readonly j = new IntBuffer();
  readonly length = new IntBuffer();
  /** Shared key characters: per pair, the shorter clause. */
  readonly weight = new IntBuffer();
  add(i: number, j: number, length: number, weight: number): number {
    this.i.push(i);
    this.j.push(j);
    this.length.push(length);
    this.weight.push(weight);
    return this.i.length - 1;
  }
}

function runWeight(a: PreparedText, b: PreparedText, i: number, j: number, length: number): number {
  let w = 0;
  for (let k = 0; k < length; k++) w += Math.min(a.unitKeys[i + k].length, b.unitKeys[j + k].length);
  return w;
}

/** Run ids ordered by weight, heaviest first, stable (a counting sort: weights are small integers). */
function byWeightDescending(runs: Runs): Int32Array {
  const n = runs.i.length;
  const w = runs.weight.data;
  let max = 0;
  for (let r = 0; r < n; r++) if (w[r] > max) max = w[r];
  const slot = new Int32Array(max + 2);
  for (let r = 0; r < n; r++) slot[max - w[r] + 1]++;
  for (let k = 0; k <= max; k++) slot[k + 1] += slot[k];
  const order = new Int32Array(n);
  for (let r = 0; r < n; r++) order[slot[max - w[r]]++] = r;
  return order;
}

/** Max-heap of run ids: heavier first; ties by position in A, then in B, so results are deterministic. */
class RunHeap {
  private readonly ids = new IntBuffer();
  constructor(private readonly runs: Runs) {}
  get size(): number {
    return this.ids.length;
  }
  peek(): number {
    return this.ids.data[0];
  }
  before(x: number, y: number): boolean {
    const w = this.runs.weight.data;
    if (w[x] !== w[y]) return w[x] > w[y];
    const i = this.runs.i.data;
    if (i[x] !== i[y]) return i[x] < i[y];
    const j = this.runs.j.data;
    return j[x] < j[y];
  }
  push(r: number): void {
    this.ids.push(r);
    const h = this.ids.data;
    let k = this.ids.length - 1;
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (!this.before(h[k], h[p])) break;
      const t = h[k];
      h[k] = h[p];
      h[p] = t;
      k = p;
    }
  }
  pop(): number {
    const h = this.ids.data;
    const top = h[0];
    const n = --this.ids.length;
    if (n > 0) {
      h[0] = h[n];
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < n && this.before(h[l], h[m])) m = l;
        if (r < n && this.before(h[r], h[m])) m = r;
        if (m === k) break;
        const t = h[k];
        h[k] = h[m];
        h[m] = t;
        k = m;
      }
    }
    return top;
  }
}

/** A run taken by the tiling. */
interface TakenRun {
  i: number;
  j: number;
  length: number;
}

/** Match the clauses of texts `da` and `db` of a prepared set: the runs taken, in reading order of A. */
export function matchUnits(set: PreparedSet, da: number, db: number): MatchedRun[] {
  const a = set.texts[da];
  const b = set.texts[db];
  const nA = a.unitKeys.length;
  const nB = b.unitKeys.length;
  if (nA === 0 || nB === 0) return [];
  const cands = findCandidates(set, da, db);

  // Runs: start where (i-1, j-1) is not a candidate, walk the diagonal.
  const runs = new Runs();
  for (let i = 0; i < nA; i++) {
    for (let k = cands.start[i]; k < cands.start[i + 1]; k++) {
      const j = cands.list.data[k] >> 1;
      if (i > 0 && j > 0 && isCandidate(cands, i - 1, j - 1)) continue;
      let length = 1;
      while (i + length < nA && j + length < nB && isCandidate(cands, i + length, j + length)) length++;
      const weight = runWeight(a, b, i, j, length);
      if (weight >= MIN_RUN_CHARS) runs.add(i, j, length, weight);
    }
  }

  // Heaviest first: the runs found, by a counting sort on weight (stable, so ties stay in order of A),
  // merged with a heap of the pieces of runs cut by collisions.
  const order = byWeightDescending(runs);
  const pieces = new RunHeap(runs);
  const usedA = new Uint8Array(nA);
  const usedB = new Uint8Array(nB);
  const taken: TakenRun[] = [];
  let next = 0;
  while (next < order.length || pieces.size > 0) {
    const fromPieces = pieces.size > 0 && (next >= order.length || pieces.before(pieces.peek(), order[next]));
    const r = fromPieces ? pieces.pop() : order[next++];
    const i = runs.i.data[r];
    const j = runs.j.data[r];
    const length = runs.length.data[r];
    let free = true;
    for (let k = 0; k < length && free; k++) free = !usedA[i + k] && !usedB[j + k];
    if (free) {
      for (let k = 0; k < length; k++) {
        usedA[i + k] = 1;
        usedB[j + k] = 1;
      }
      taken.push({ i, j, length });
      continue;
    }
    // Collides with a heavier run already taken: requeue its free pieces.
    let k = 0;
    while (k < length) {
      while (k < length && (usedA[i + k] || usedB[j + k])) k++;
      const from = k;
      while (k < length && !usedA[i + k] && !usedB[j + k]) k++;
      if (k > from) {
        const weight = runWeight(a, b, i + from, j + from, k - from);
        if (weight >= MIN_RUN_CHARS) pieces.push(runs.add(i + from, j + from, k - from, weight));
      }
    }
  }
  taken.sort((x, y) => x.i - y.i);

  const idsA = set.keyIds[da];
  const idsB = set.keyIds[db];
  const matched: MatchedRun[] = taken.map((r) => {
    const pairs: MatchedPair[] = [];
    for (let k = 0; k < r.length; k++) {
      const ua = a.seg.units[r.i + k];
      const ub = b.seg.units[r.j + k];
      pairs.push({
        aLo: ua.keyStart,
        aHi: ua.keyEnd,
        bLo: ub.keyStart,
        bHi: ub.keyEnd,
        same: idsA[r.i + k] === idsB[r.j + k],
      });
    }
    return { pairs };
  });
  trimContainedEdges(a, b, matched);
  extendRuns(a, b, taken, matched, usedA, usedB);
  return matched;
}

/**
 * A reworded clause at the start of a run that is the other clause with a lead-in (`要在疫情防控第一线…`
 * against `在疫情防控第一线…`) is an exact match of the shorter one; likewise a tail at the run's end.
 */
function trimContainedEdges(a: PreparedText, b: PreparedText, runs: MatchedRun[]): void {
  const ka = a.seg.key;
  const kb = b.seg.key;
  for (const run of runs) {
    const first = run.pairs[0];
    if (!first.same) {
      const la = first.aHi - first.aLo;
      const lb = first.bHi - first.bLo;
      if (la > lb && ka.endsWith(kb.slice(first.bLo, first.bHi), first.aHi)) {
        first.aLo = first.aHi - lb;
        first.same = true;
      } else if (lb > la && kb.endsWith(ka.slice(first.aLo, first.aHi), first.bHi)) {
        first.bLo = first.bHi - la;
        first.same = true;
      }
    }
    const last = run.pairs[run.pairs.length - 1];
    if (!last.same) {
      const la = last.aHi - last.aLo;
      const lb = last.bHi - last.bLo;
      if (la > lb && ka.startsWith(kb.slice(last.bLo, last.bHi), last.aLo)) {
        last.aHi = last.aLo + lb;
        last.same = true;
      } else if (lb > la && kb.startsWith(ka.slice(last.aLo, last.aHi), last.bLo)) {
        last.bHi = last.bLo + la;
        last.same = true;
      }
    }
  }
}

/**
 * Grow each run into the untaken clauses before and after it by their common suffix / prefix. A clause
 * between two runs can give its start to the run before and its end to the run after, never the same
 * characters twice.
 */
function extendRuns(
  a: PreparedText,
  b: PreparedText,
  taken: TakenRun[],
  runs: MatchedRun[],
  usedA: Uint8Array,
  usedB: Uint8Array,
): void {
  const ka = a.seg.key;
  const kb = b.seg.key;
  // Free key range left in each untaken clause: [lo, hi).
  const freeLoA = new Int32Array(a.seg.units.map((u) => u.keyStart));
  const freeHiA = new Int32Array(a.seg.units.map((u) => u.keyEnd));
  const freeLoB = new Int32Array(b.seg.units.map((u) => u.keyStart));
  const freeHiB = new Int32Array(b.seg.units.map((u) => u.keyEnd));
  for (let r = 0; r < runs.length; r++) {
    const { i, j, length } = taken[r];
    const pairs = runs[r].pairs;
    const first = pairs[0];
    const ua = i - 1;
    const ub = j - 1;
    if (
      ua >= 0 &&
      ub >= 0 &&
      !usedA[ua] &&
      !usedB[ub] &&
      !a.seg.units[i].sentenceStart &&
      !b.seg.units[j].sentenceStart &&
      first.aLo === a.seg.units[i].keyStart &&
      first.bLo === b.seg.units[j].keyStart &&
      freeHiA[ua] === first.aLo &&
      freeHiB[ub] === first.bLo
    ) {
      let n = 0;
      while (
        freeHiA[ua] - n > freeLoA[ua] &&
        freeHiB[ub] - n > freeLoB[ub] &&
        ka.charCodeAt(freeHiA[ua] - n - 1) === kb.charCodeAt(freeHiB[ub] - n - 1)
      )
        n++;
      if (n >= MIN_EXTEND_CHARS) {
        freeHiA[ua] -= n;
        freeHiB[ub] -= n;
        first.aLo -= n;
        first.bLo -= n;
      }
    }
    const last = pairs[pairs.length - 1];
    const va = i + length;
    const vb = j + length;
    if (
      va < usedA.length &&
      vb < usedB.length &&
      !usedA[va] &&
      !usedB[vb] &&
      !a.seg.units[va].sentenceStart &&
      !b.seg.units[vb].sentenceStart &&
      last.aHi === a.seg.units[va - 1].keyEnd &&
      last.bHi === b.seg.units[vb - 1].keyEnd &&
      freeLoA[va] === last.aHi &&
      freeLoB[vb] === last.bHi
    ) {
      let n = 0;
      while (
        freeLoA[va] + n < freeHiA[va] &&
        freeLoB[vb] + n < freeHiB[vb] &&
        ka.charCodeAt(freeLoA[va] + n) === kb.charCodeAt(freeLoB[vb] + n)
      )
        n++;
      if (n >= MIN_EXTEND_CHARS) {
        freeLoA[va] += n;
        freeLoB[vb] += n;
        last.aHi += n;
        last.bHi += n;
      }
    }
  }
}

/** Key characters of A and of B covered by the runs. */
export function coveredChars(runs: MatchedRun[]): { a: number; b: number } {
  let ca = 0;
  let cb = 0;
  for (const run of runs) {
    for (const p of run.pairs) {
      ca += p.aHi - p.aLo;
      cb += p.bHi - p.bLo;
    }
  }
  return { a: ca, b: cb };
}
