/**
 * Rows for the side-by-side view: two columns, aligned passage by passage.
 *
 * Passages can cross (B moved a paragraph up), and two columns can only be aligned on passages in the same
 * order in both. So the anchors are the heaviest set of passages whose order agrees in A and B (a weighted
 * longest increasing subsequence, O(n log n)); every other passage is `moved`. Between two anchors, each
 * side's own text makes `own` rows, paired in reading order; a moved passage gets its row at A's position
 * and its B text is left out of B's own text there. Every letter and digit of both texts appears in exactly
 * one row.
 */
import { balanceBrackets } from './passages';
import { isKeyCode } from './segment';
import type { AlignedRow, AlignedSide, Passage } from './types';

/** Aligned rows of `passages` (from `comparePair(a, b)`) in reading order of A. */
export function alignPassages(a: string, b: string, passages: Passage[]): AlignedRow[] {
  const sorted = [...passages].sort((x, y) => x.aStart - y.aStart);
  const anchored = orderedSubset(sorted);
  const anchors = sorted.filter((_, k) => anchored[k]);
  const moved = sorted.filter((_, k) => !anchored[k]);
  const rows: AlignedRow[] = [];
  let prevA = 0;
  let prevB = 0;
  let m = 0; // next moved passage, by aStart
  const movedByB = [...moved].sort((x, y) => x.bStart - y.bStart);
  let mb = 0; // next moved passage, by bStart
  for (let k = 0; k <= anchors.length; k++) {
    const anchor = k < anchors.length ? anchors[k] : null;
    const gapAEnd = anchor ? anchor.aStart : a.length;
    const gapBEnd = anchor ? anchor.bStart : b.length;
    // B's own pieces in this gap: the gap minus moved passages' B spans (gaps advance in B as in A).
    const holes: Array<[number, number]> = [];
    while (mb < movedByB.length && movedByB[mb].bStart < gapBEnd) {
      holes.push([movedByB[mb].bStart, movedByB[mb].bEnd]);
      mb++;
    }
    const bOwn = ownPieces(b, prevB, gapBEnd, holes);
    let nextB = 0;
    let from = prevA;
    const emitOwnA = (lo: number, hi: number) => {
      for (const side of ownPieces(a, lo, hi, [])) {
        rows.push({ kind: 'own', moved: false, a: side, b: nextB < bOwn.length ? bOwn[nextB++] : null });
      }
    };
    while (m < moved.length && moved[m].aStart < gapAEnd) {
      const p = moved[m++];
      emitOwnA(from, p.aStart);
      rows.push({ ...passageRow(a, b, p), moved: true });
      from = p.aEnd;
    }
    emitOwnA(from, gapAEnd);
    while (nextB < bOwn.length) rows.push({ kind: 'own', moved: false, a: null, b: bOwn[nextB++] });
    if (!anchor) break;
    rows.push(passageRow(a, b, anchor));
    prevA = anchor.aEnd;
    prevB = anchor.bEnd;
  }
  return rows;
}

function passageRow(a: string, b: string, p: Passage): AlignedRow {
  const row: AlignedRow = {
    kind: p.kind,
    moved: false,
    a: side(a, p.aStart, p.aEnd),
    b: side(b, p.bStart, p.bEnd),
  };
  if (p.matches) row.matches = p.matches;
  return row;
}

/** The same rows read from B's side: A and B swapped, in each row and in its exact stretches. */
export function swapRows(rows: AlignedRow[]): AlignedRow[] {
  return rows.map((r) => {
    const out: AlignedRow = { kind: r.kind, moved: r.moved, a: r.b, b: r.a };
    if (r.matches)
      out.matches = r.matches.map((m) => ({ aStart: m.bStart, aEnd: m.bEnd, bStart: m.aStart, bEnd: m.aEnd }));
    return out;
  });
}

/** The pair of documents with the highest similarity, [a, b] with a < b; [0, 1] when there is none. */
export function mostSimilarPair(pairs: Array<{ a: number; b: number; similarity: number }>): [number, number] {
  let best: [number, number] = [0, 1];
  let top = -1;
  for (const p of pairs) {
    if (p.similarity > top) {
      top = p.similarity;
      best = [p.a, p.b];
    }
  }
  return best;
}

function side(text: string, start: number, end: number): AlignedSide {
  return { start, end, text: text.slice(start, end) };
}

/**
 * The text of [lo, hi) outside `holes` (sorted, disjoint, inside the range), one piece per stretch between
 * holes, trimmed to letters and digits (and the brackets those open or close); pieces without letters or
 * digits are dropped.
 */
function ownPieces(text: string, lo: number, hi: number, holes: Array<[number, number]>): AlignedSide[] {
  const out: AlignedSide[] = [];
  let from = lo;
  for (const [hs, he] of [...holes, [hi, hi] as [number, number]]) {
    let s = from;
    let e = hs;
    while (s < e && !isKeyCode(text.charCodeAt(s))) s++;
    while (e > s && !isKeyCode(text.charCodeAt(e - 1))) e--;
    if (e > s) {
      const [bs, be] = balanceBrackets(text, s, e);
      out.push(side(text, Math.max(from, bs), Math.min(hs, be)));
    }
    from = he;
  }
  return out;
}

/**
 * Which passages (sorted by aStart) to align on: the subset with increasing bStart of greatest total
 * length. Fenwick tree of best chain weight by B rank; ties keep the earlier passage.
 */
function orderedSubset(sorted: Passage[]): boolean[] {
  const n = sorted.length;
  const byB = sorted.map((p, k) => ({ b: p.bStart, k })).sort((x, y) => x.b - y.b || x.k - y.k);
  const rank = new Int32Array(n);
  byB.forEach((e, r) => (rank[e.k] = r + 1));
  const treeBest = new Float64Array(n + 1);
  const treeArg = new Int32Array(n + 1).fill(-1);
  const best = new Float64Array(n);
  const parent = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    // Best chain ending at a passage with smaller B rank (B spans do not overlap, so smaller rank = earlier).
    let q = rank[k] - 1;
    let bestPrev = 0;
    let argPrev = -1;
    while (q > 0) {
      if (treeBest[q] > bestPrev) {
        bestPrev = treeBest[q];
        argPrev = treeArg[q];
      }
      q -= q & -q;
    }
    const p = sorted[k];
    best[k] = bestPrev + (p.aEnd - p.aStart) + (p.bEnd - p.bStart);
    parent[k] = argPrev;
    for (let u = rank[k]; u <= n; u += u & -u) {
      if (best[k] > treeBest[u]) {
        treeBest[u] = best[k];
        treeArg[u] = k;
      }
    }
  }
  const chosen = new Array<boolean>(n).fill(false);
  let end = -1;
  for (let k = 0; k < n; k++) if (end < 0 || best[k] > best[end]) end = k;
  for (let k = end; k >= 0; k = parent[k]) chosen[k] = true;
  return chosen;
}
