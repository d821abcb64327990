/**
 * Painting with the CSS Custom Highlight API: the page's DOM is never modified, highlights are ranges
 * registered in `CSS.highlights`. The registry names are a public contract (tests outside the project
 * read them): `notice-lens-<category>` for obligation clauses, `notice-lens-user-<colour>` for the
 * analyst's highlights. Soft-strength clauses stay in their category's highlight and get a lighter tone
 * from the overlay `notice-lens-soft`, painted above with a higher priority.
 *
 * Where the API is missing (older browsers), `paintByWrapping` wraps text in custom elements instead.
 */
import { ANNOTATION_COLOURS, OBLIGATION_CATEGORIES, type AnnotationColour, type ObligationCategory } from '../types';

export const CATEGORY_HIGHLIGHT = (c: ObligationCategory) => `notice-lens-${c}`;
export const USER_HIGHLIGHT = (c: AnnotationColour) => `notice-lens-user-${c}`;
export const SOFT_HIGHLIGHT = 'notice-lens-soft';
export const FLASH_HIGHLIGHT = 'notice-lens-flash';

/** Category colours: distinct hues, readable under black text; soft is the same hue, lighter. */
export const CATEGORY_COLOURS: Record<ObligationCategory, { hard: string; soft: string; label: string }> = {
  obligation: { hard: '#ffd54f', soft: '#fff1bf', label: '#b58900' },
  prohibition: { hard: '#ff8a80', soft: '#ffd7d3', label: '#c62828' },
  permission: { hard: '#80d8ff', soft: '#d2f1ff', label: '#0277bd' },
  encouragement: { hard: '#9be7b2', soft: '#d9f7e2', label: '#2e7d32' },
  accountability: { hard: '#d1a3ff', soft: '#ecdcff', label: '#6a1b9a' },
};

/**
 * The analyst's colours: hues the categories do not use (lime, teal, indigo, rose, magenta rather than the
 * categories' amber, red, sky, mint and lavender), and each with its own underline pattern, so two of them
 * (or one of them and a clause) are never told apart by colour alone.
 */
export const USER_COLOURS: Record<AnnotationColour, string> = {
  yellow: '#e6ee6a',
  green: '#7fe0cf',
  blue: '#aab4ff',
  pink: '#ff9ec0',
  purple: '#e79cf5',
};

/** The underline of each of the analyst's colours: a darker ink of the colour and a line style. */
export const USER_MARKS: Record<
  AnnotationColour,
  { ink: string; style: 'solid' | 'double' | 'dotted' | 'dashed' | 'wavy' }
> = {
  yellow: { ink: '#827717', style: 'solid' },
  green: { ink: '#00796b', style: 'double' },
  blue: { ink: '#303f9f', style: 'dotted' },
  pink: { ink: '#ad1457', style: 'dashed' },
  purple: { ink: '#7b1fa2', style: 'wavy' },
};

/** How a category shows where colour does not (print, greyscale): its own underline style. */
export const CATEGORY_PRINT: Record<ObligationCategory, 'solid' | 'double' | 'dotted' | 'dashed' | 'wavy'> = {
  obligation: 'solid',
  prohibition: 'double',
  permission: 'dotted',
  encouragement: 'dashed',
  accountability: 'wavy',
};

/**
 * The stylesheet for all our highlight names; installed once per document. Soft clauses keep their category's
 * hue: the overlay lightens it only so far that the palest category (green) still shows on a white or grey
 * page, and adds a dotted underline. Printed, each category is an underline of its own style (backgrounds
 * are usually not printed) and the analyst's highlights an overline.
 */
export function highlightCss(): string {
  const rules: string[] = [];
  for (const c of OBLIGATION_CATEGORIES) {
    rules.push(`::highlight(${CATEGORY_HIGHLIGHT(c)}){background-color:${CATEGORY_COLOURS[c].hard};color:inherit}`);
  }
  rules.push(
    `::highlight(${SOFT_HIGHLIGHT}){background-color:rgba(255,255,255,0.38);text-decoration:underline dotted 1px rgba(60,60,60,0.7)}`,
  );
  for (const c of ANNOTATION_COLOURS) {
    const m = USER_MARKS[c];
    rules.push(
      `::highlight(${USER_HIGHLIGHT(c)}){background-color:${USER_COLOURS[c]};text-decoration:underline ${m.style} 2px ${m.ink}}`,
    );
  }
  rules.push(`::highlight(${FLASH_HIGHLIGHT}){background-color:#ff6d00;color:#fff}`);
  rules.push('@media print{');
  for (const c of OBLIGATION_CATEGORIES)
    rules.push(
      `::highlight(${CATEGORY_HIGHLIGHT(c)}){text-decoration:underline ${CATEGORY_PRINT[c]} 1.5px ${CATEGORY_COLOURS[c].label}}`,
    );
  rules.push(`::highlight(${SOFT_HIGHLIGHT}){background-color:transparent}`);
  for (const c of ANNOTATION_COLOURS)
    rules.push(
      `::highlight(${USER_HIGHLIGHT(c)}){text-decoration:overline ${USER_MARKS[c].style} 2px ${USER_MARKS[c].ink}}`,
    );
  rules.push('}');
  // Fallback elements (no Highlight API).
  rules.push('notice-lens-mark{all:unset;display:inline}');
  for (const c of OBLIGATION_CATEGORIES)
    rules.push(`notice-lens-mark[data-k="${c}"]{background-color:${CATEGORY_COLOURS[c].hard}}`);
  for (const c of ANNOTATION_COLOURS)
    rules.push(
      `notice-lens-mark[data-k="user-${c}"]{background-color:${USER_COLOURS[c]};text-decoration:underline ${USER_MARKS[c].style} 2px ${USER_MARKS[c].ink}}`,
    );
  return rules.join('\n');
}

/** Priorities: user highlights above clause highlights, the soft overlay above its clauses, flash on top. */
const PRIORITY = { category: 1, soft: 2, user: 3, flash: 4 };

export function highlightApiAvailable(win: Window & typeof globalThis): boolean {
  return (
    typeof win.CSS !== 'undefined' &&
    'highlights' in win.CSS &&
    typeof (win as { Highlight?: unknown }).Highlight === 'function'
  );
}

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;

/** Replace the ranges of one named highlight (creating it when absent; removing it when empty). */
export function setHighlight(win: Window & typeof globalThis, name: string, ranges: Range[], priority: number): void {
  const registry = win.CSS.highlights;
  if (ranges.length === 0) {
    registry.delete(name);
    return;
  }
  const Ctor = (win as unknown as { Highlight: HighlightCtor }).Highlight;
  const h = new Ctor(...ranges);
  h.priority = priority;
  registry.set(name, h);
}

export interface CategoryRanges {
  category: ObligationCategory;
  soft: boolean;
  range: Range;
}

/** Clause ranges registered at once; the rest are added in batches of this size, one per frame. */
export const PAINT_BATCH = 400;

/** Each window's current clause painting: a newer paint or `clearAll` stops the batches of an older one. */
const paintGeneration = new WeakMap<object, number>();

function nextGeneration(win: Window & typeof globalThis): number {
  const n = (paintGeneration.get(win) ?? 0) + 1;
  paintGeneration.set(win, n);
  return n;
}

/**
 * Paint clause ranges by category, with categories the analyst switched off left out. The first
 * PAINT_BATCH ranges (in text order: the top of the notice, what is on screen first) are registered at
 * once; the rest are added a batch per animation frame, so the browser repaints a long law's thousands of
 * ranges in many short frames instead of one long one.
 */
export function paintClauses(
  win: Window & typeof globalThis,
  items: CategoryRanges[],
  hidden: ReadonlySet<ObligationCategory>,
): void {
  const generation = nextGeneration(win);
  const shown = hidden.size === 0 ? items : items.filter((item) => !hidden.has(item.category));
  const byCategory = new Map<ObligationCategory, Range[]>();
  const soft: Range[] = [];
  const first = shown.length > PAINT_BATCH ? shown.slice(0, PAINT_BATCH) : shown;
  for (const item of first) {
    let list = byCategory.get(item.category);
    if (!list) byCategory.set(item.category, (list = []));
    list.push(item.range);
    if (item.soft) soft.push(item.range);
  }
  for (const c of OBLIGATION_CATEGORIES)
    setHighlight(win, CATEGORY_HIGHLIGHT(c), byCategory.get(c) ?? [], PRIORITY.category);
  setHighlight(win, SOFT_HIGHLIGHT, soft, PRIORITY.soft);
  if (shown.length > first.length) addInFrames(win, shown, first.length, generation);
}

function addInFrames(win: Window & typeof globalThis, items: CategoryRanges[], from: number, generation: number): void {
  const frame =
    typeof win.requestAnimationFrame === 'function'
      ? (cb: () => void) => win.requestAnimationFrame(cb)
      : (cb: () => void) => win.setTimeout(cb, 16);
  let at = from;
  const step = () => {
    if (paintGeneration.get(win) !== generation) return;
    const end = Math.min(at + PAINT_BATCH, items.length);
    for (; at < end; at++) {
      const item = items[at];
      const name = CATEGORY_HIGHLIGHT(item.category);
      const h = win.CSS.highlights.get(name);
      if (h) h.add(item.range);
      else setHighlight(win, name, [item.range], PRIORITY.category);
      if (!item.soft) continue;
      const s = win.CSS.highlights.get(SOFT_HIGHLIGHT);
      if (s) s.add(item.range);
      else setHighlight(win, SOFT_HIGHLIGHT, [item.range], PRIORITY.soft);
    }
    if (at < items.length) frame(step);
  };
  frame(step);
}

export function paintUser(
  win: Window & typeof globalThis,
  items: Array<{ colour: AnnotationColour; range: Range }>,
): void {
  const byColour = new Map<AnnotationColour, Range[]>();
  for (const { colour, range } of items) {
    let list = byColour.get(colour);
    if (!list) byColour.set(colour, (list = []));
    list.push(range);
  }
  for (const c of ANNOTATION_COLOURS) setHighlight(win, USER_HIGHLIGHT(c), byColour.get(c) ?? [], PRIORITY.user);
}

/** Flash one range for a moment (after a click in the panel scrolls to it). */
export function flash(win: Window & typeof globalThis, range: Range, ms = 1200): void {
  setHighlight(win, FLASH_HIGHLIGHT, [range], PRIORITY.flash);
  win.setTimeout(() => {
    const current = win.CSS.highlights.get(FLASH_HIGHLIGHT);
    if (current && current.has(range)) win.CSS.highlights.delete(FLASH_HIGHLIGHT);
  }, ms);
}

/** Remove every highlight this extension registered. */
export function clearAll(win: Window & typeof globalThis): void {
  if (!highlightApiAvailable(win)) return;
  nextGeneration(win);
  const names: string[] = [];
  win.CSS.highlights.forEach((_v, name) => {
    if (name.startsWith('notice-lens-')) names.push(name);
  });
  for (const n of names) win.CSS.highlights.delete(n);
}

/**
 * Fallback for browsers without the Highlight API: wrap each range's text nodes in `<notice-lens-mark>`.
 * Returns an undo function that unwraps and re-joins the split text nodes.
 */
export function paintByWrapping(doc: Document, items: Array<{ key: string; range: Range }>): () => void {
  const marks: Element[] = [];
  // Wrap from the last range to the first so earlier offsets stay valid.
  for (const { key, range } of [...items].reverse()) {
    const texts: Text[] = [];
    const root = range.commonAncestorContainer as Node | null;
    // A range over nodes the page has taken out since it was built: the next analysis paints the new text.
    if (!root?.isConnected) continue;
    if (root.nodeType === 3) texts.push(root as Text);
    else {
      const walker = doc.createTreeWalker(root, 4);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (range.intersectsNode(n)) texts.push(n as Text);
    }
    for (const t of texts.reverse()) {
      // A node the page has taken out since the range was built (a page rewriting itself): nothing to wrap.
      if (!t.parentNode || !t.isConnected) continue;
      let node = t;
      const start = node === range.startContainer ? range.startOffset : 0;
      const end = node === range.endContainer ? range.endOffset : node.data.length;
      if (end <= start || !node.data.slice(start, end).trim()) continue;
      if (end < node.data.length) node.splitText(end);
      if (start > 0) node = node.splitText(start);
      const mark = doc.createElement('notice-lens-mark');
      mark.setAttribute('data-k', key);
      node.parentNode?.insertBefore(mark, node);
      mark.appendChild(node);
      marks.push(mark);
    }
  }
  return () => {
    for (const mark of marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
      parent.normalize();
    }
  };
}
