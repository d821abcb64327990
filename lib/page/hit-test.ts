/**
 * Which clause is under the pointer. The Highlight API gives no click target, so we hit-test ourselves:
 * the caret position under the point, mapped to a text offset, then a binary search over the clauses; the
 * clause's own client rectangles confirm the point is really on its text (not in a margin nearby).
 */
import type { TextMap } from '../highlight/text-map';

export interface Span {
  start: number;
  end: number;
}

export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/** Index of the span containing `offset` in spans sorted by start (non-overlapping), or -1. */
export function spanAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i];
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}

/** The span under the point, or -1. `rangeOf` builds the span's DOM range for the final check. */
export function hitTest(
  doc: Document,
  map: TextMap,
  spans: readonly Span[],
  x: number,
  y: number,
  rangeOf: (index: number) => Range | null,
): number {
  const caret = caretAt(doc, x, y);
  if (!caret) return -1;
  const offset = map.toOffset(caret.node, caret.offset);
  if (offset < 0) return -1;
  for (const candidate of [offset, offset - 1]) {
    const index = spanAt(spans, candidate);
    if (index < 0) continue;
    const range = rangeOf(index);
    if (range && rangeContainsPoint(range, x, y)) return index;
  }
  return -1;
}

/** The analyst's selection as offsets into the notice text, trimmed of surrounding whitespace; null if outside. */
export function selectionSpan(selection: Selection | null, map: TextMap): Span | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  let start = map.toOffset(range.startContainer, range.startOffset);
  let end = map.toOffset(range.endContainer, range.endOffset);
  if (start < 0 || end < 0) return null;
  const text = map.norm.text;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}
