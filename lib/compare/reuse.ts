/**
 * Per document: which of its parts other documents share (and which ones), and what it adds of its own.
 *
 * Worked on the key (letters and digits), so punctuation between two shared passages neither splits a
 * reuse span nor counts as the document's own text; every letter and digit of a document lies in exactly
 * one reuse span or one own span.
 */
import { keySpan, type SegmentedText } from './segment';
import type { DocumentSpan, ReuseSpan } from './types';

/** A key range of one document found in another document. */
export interface KeyRangeFound {
  lo: number;
  hi: number;
  partner: number;
}

/**
 * Reuse spans of document `doc`: maximal key stretches found in the same set of other documents.
 * A sweep over range boundaries, O(r log r) for r ranges.
 */
export function reuseSpans(doc: number, seg: SegmentedText, found: KeyRangeFound[]): ReuseSpan[] {
  const events: Array<{ at: number; partner: number; delta: number }> = [];
  for (const f of found) {
    if (f.hi <= f.lo) continue;
    events.push({ at: f.lo, partner: f.partner, delta: 1 }, { at: f.hi, partner: f.partner, delta: -1 });
  }
  events.sort((x, y) => x.at - y.at);
  const active = new Map<number, number>();
  const keyRanges: Array<{ lo: number; hi: number; foundIn: number[] }> = [];
  let e = 0;
  while (e < events.length) {
    const at = events[e].at;
    while (e < events.length && events[e].at === at) {
      const { partner, delta } = events[e++];
      const n = (active.get(partner) ?? 0) + delta;
      if (n === 0) active.delete(partner);
      else active.set(partner, n);
    }
    if (e >= events.length || active.size === 0) continue;
    const next = events[e].at;
    const foundIn = [...active.keys()].sort((x, y) => x - y);
    const prev = keyRanges[keyRanges.length - 1];
    if (prev && prev.hi === at && sameList(prev.foundIn, foundIn)) prev.hi = next;
    else keyRanges.push({ lo: at, hi: next, foundIn });
  }
  return keyRanges.map((r) => {
    const [start, end] = keySpan(seg, r.lo, r.hi);
    return { doc, start, end, foundIn: r.foundIn };
  });
}

function sameList(x: number[], y: number[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * What a document adds of its own: the key stretches outside every found range, cut at line breaks so each
 * span stays within a paragraph.
 */
export function ownSpans(seg: SegmentedText, found: KeyRangeFound[]): DocumentSpan[] {
  const n = seg.key.length;
  const covered = new Uint8Array(n + 1);
  // Difference array: +1 at lo, −1 at hi; a prefix sum > 0 means covered.
  const diff = new Int32Array(n + 1);
  for (const f of found) {
    if (f.hi <= f.lo) continue;
    diff[f.lo]++;
    diff[f.hi]--;
  }
  let depth = 0;
  for (let k = 0; k < n; k++) {
    depth += diff[k];
    covered[k] = depth > 0 ? 1 : 0;
  }
  const out: DocumentSpan[] = [];
  let k = 0;
  while (k < n) {
    if (covered[k]) {
      k++;
      continue;
    }
    const lo = k;
    k++;
    while (k < n && !covered[k] && !lineBreakBetween(seg, k - 1, k)) k++;
    const [start, end] = keySpan(seg, lo, k);
    out.push({ start, end });
  }
  return out;
}

function lineBreakBetween(seg: SegmentedText, k1: number, k2: number): boolean {
  const text = seg.text;
  for (let p = seg.keyPos[k1] + 1; p < seg.keyPos[k2]; p++) {
    const c = text.charCodeAt(p);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}
