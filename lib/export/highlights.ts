/**
 * The analyst's highlights as the human-readable exports show them: live (not deleted) annotations in
 * reading order, each with the obligation clause it overlaps, so a highlight can be filed under that
 * clause's category and borrow its bearer and deadline.
 */

import type { Annotation, Clause, SavedNotice } from '../types';

export interface PlacedHighlight {
  annotation: Annotation;
  /** UTF-16 span in the notice text, or null when the annotation cannot be placed in this snapshot. */
  span: { start: number; end: number } | null;
  /** The clause sharing the most characters with the span, or null. */
  clause: Clause | null;
}

/**
 * Where an annotation sits in the notice text. The TextPositionSelector is trusted only when it still
 * reproduces the quote (as in Hypothesis's re-anchoring, docs/annotation.md §2); otherwise the first exact
 * occurrence of the quote is used. Exports never run the fuzzy anchorer: a highlight that does not match
 * exactly is simply listed without a place.
 */
export function locateAnnotation(annotation: Annotation, text: string): { start: number; end: number } | null {
  for (const s of annotation.selectors) {
    if (s.type !== 'TextPositionSelector') continue;
    if (s.start >= 0 && s.end <= text.length && s.start < s.end && text.slice(s.start, s.end) === annotation.quote) {
      return { start: s.start, end: s.end };
    }
  }
  if (annotation.quote.length === 0) return null;
  const at = text.indexOf(annotation.quote);
  return at >= 0 ? { start: at, end: at + annotation.quote.length } : null;
}

/** The clause with the largest overlap with the span (the earliest on a tie), or null when none overlaps. */
export function overlappingClause(span: { start: number; end: number }, clauses: readonly Clause[]): Clause | null {
  let best: Clause | null = null;
  let bestOverlap = 0;
  for (const c of clauses) {
    const overlap = Math.min(c.end, span.end) - Math.max(c.start, span.start);
    if (overlap > bestOverlap) {
      best = c;
      bestOverlap = overlap;
    }
  }
  return best;
}

/**
 * Live highlights of one notice in reading order; unplaced ones follow, oldest first. Deleted annotations
 * (kept for undo) are left out of every human-readable export; the W3C export keeps them for restores.
 */
export function placedHighlights(notice: SavedNotice, annotations: readonly Annotation[]): PlacedHighlight[] {
  const placed = annotations
    .filter((a) => a.deletedAt === null)
    .map((annotation) => {
      const span = locateAnnotation(annotation, notice.text);
      return { annotation, span, clause: span ? overlappingClause(span, notice.obligations) : null };
    });
  return placed.sort((a, b) => {
    if (a.span && b.span) return a.span.start - b.span.start || a.span.end - b.span.end;
    if (a.span) return -1;
    if (b.span) return 1;
    return a.annotation.createdAt - b.annotation.createdAt;
  });
}

/** Items grouped by a key in order of first appearance; `lastKey` (the "none" group) is moved to the end. */
export function groupInOrder<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  lastKey?: string,
): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const entries = [...groups.entries()];
  if (lastKey === undefined) return entries;
  return [...entries.filter(([k]) => k !== lastKey), ...entries.filter(([k]) => k === lastKey)];
}

export interface ExportItem {
  notice: SavedNotice;
  annotations: Annotation[];
}
