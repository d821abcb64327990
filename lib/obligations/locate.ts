/**
 * Where a clause stands in the document's outline, as analysts cite it: `第十二条` in a regulation (the
 * article alone: its chapter is not repeated, nor its 款/项), `一、（二）3.` in a notice (the labels of the
 * enclosing headings, outermost first, run together), null before the first heading.
 *
 * One forward sweep over the outline and the clause starts together, with a stack of the open headings by
 * level: O(outline + clauses) when the starts are in order (they are: clauses come sorted by start).
 */
import { LIMITS } from '../storage/limits';
import type { OutlineItem } from '../types';

/** 第十二条, 第3条, 第十条之一: an article of a law or regulation. */
const ARTICLE = /^第.{1,7}条(?:之.{1,3})?$/;

/**
 * The location label of each clause start, in the order given. `outline` is in order of start (as
 * `readOutline` gives it); starts out of order are handled by sweeping them in sorted order.
 */
export function locateClauses(outline: readonly OutlineItem[], starts: readonly number[]): Array<string | null> {
  const out: Array<string | null> = new Array<string | null>(starts.length).fill(null);
  const order = starts.map((_s, i) => i);
  if (starts.some((s, i) => i > 0 && s < starts[i - 1])) order.sort((a, b) => starts[a] - starts[b]);
  const open: OutlineItem[] = [];
  /** Index in `open` of the innermost article, or -1. */
  let article = -1;
  let label: string | null = null;
  let next = 0;
  for (const i of order) {
    const start = starts[i];
    let moved = false;
    while (next < outline.length && outline[next].start <= start) {
      const item = outline[next++];
      while (open.length > 0 && open[open.length - 1].level >= item.level) open.pop();
      if (article >= open.length) article = -1;
      open.push(item);
      if (ARTICLE.test(item.label)) article = open.length - 1;
      moved = true;
    }
    if (moved) label = locationOf(open, article);
    out[i] = label;
  }
  return out;
}

/** The label of the open headings: the innermost article alone, else every label from the outermost down. */
function locationOf(open: readonly OutlineItem[], article: number): string | null {
  if (open.length === 0) return null;
  if (article >= 0) return clip(open[article].label);
  let label = '';
  // Innermost first, so that a (pathologically) deep outline keeps the labels nearest the clause.
  for (let k = open.length - 1; k >= 0; k--) {
    if (open[k].label.length + label.length > LIMITS.labelLength) break;
    label = open[k].label + label;
  }
  return label === '' ? null : label;
}

function clip(label: string): string {
  return label.length > LIMITS.labelLength ? label.slice(0, LIMITS.labelLength) : label;
}
