/**
 * How highlights reach the page, chosen once per page: the CSS Custom Highlight API, which leaves the
 * page's DOM untouched, or — only where the API is missing — wrapping the text in marker elements.
 * Both answer to the same four calls.
 */
import {
  clearAll,
  FLASH_HIGHLIGHT,
  highlightApiAvailable,
  paintByWrapping,
  paintClauses,
  paintUser,
  setHighlight,
} from '../highlight/paint';
import type { AnnotationColour, ObligationCategory } from '../types';
import { DRAFT_HIGHLIGHT } from './highlight-styles';

export interface ClausePaint {
  category: ObligationCategory;
  soft: boolean;
  /** Null where the clause could not be placed in the page. */
  range: Range | null;
}

export interface AnnotationPaint {
  colour: AnnotationColour;
  range: Range;
}

export interface Painter {
  readonly kind: 'highlight-api' | 'wrapping';
  /** Paint the clauses, leaving out the categories the analyst switched off. */
  paintClauses(clauses: readonly ClausePaint[], hidden: ReadonlySet<ObligationCategory>): void;
  /** Paint the analyst's own highlights (replacing the previous ones). */
  paintAnnotations(annotations: readonly AnnotationPaint[]): void;
  /** Mark one range for a moment (after the panel scrolled to it). */
  flash(range: Range): void;
  /** Keep the text a note is being written for marked (null: unmark). */
  draft(range: Range | null): void;
  /** Remove everything painted. */
  clear(): void;
}

const FLASH_MS = 1200;
/** Above clauses (1), the soft overlay (2) and the analyst's highlights (3). */
const FLASH_PRIORITY = 4;
/** The text a note is being written for: with the analyst's highlights, registered after them (so above). */
const DRAFT_PRIORITY = 3;

class HighlightApiPainter implements Painter {
  readonly kind = 'highlight-api';
  private flashTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly win: Window & typeof globalThis) {}

  paintClauses(clauses: readonly ClausePaint[], hidden: ReadonlySet<ObligationCategory>): void {
    const items = [];
    for (const c of clauses) if (c.range) items.push({ category: c.category, soft: c.soft, range: c.range });
    paintClauses(this.win, items, hidden);
  }

  paintAnnotations(annotations: readonly AnnotationPaint[]): void {
    paintUser(this.win, [...annotations]);
  }

  flash(range: Range): void {
    this.stopFlash();
    setHighlight(this.win, FLASH_HIGHLIGHT, [range], FLASH_PRIORITY);
    this.flashTimer = setTimeout(() => {
      this.flashTimer = null;
      this.win.CSS.highlights.delete(FLASH_HIGHLIGHT);
    }, FLASH_MS);
  }

  draft(range: Range | null): void {
    setHighlight(this.win, DRAFT_HIGHLIGHT, range ? [range] : [], DRAFT_PRIORITY);
  }

  clear(): void {
    this.stopFlash();
    clearAll(this.win);
  }

  private stopFlash(): void {
    if (this.flashTimer !== null) clearTimeout(this.flashTimer);
    this.flashTimer = null;
  }
}

/** Wrapped text cannot be repainted in part: every call unwraps all and wraps clauses and highlights again. */
class WrappingPainter implements Painter {
  readonly kind = 'wrapping';
  private clauses: readonly ClausePaint[] = [];
  private hidden: ReadonlySet<ObligationCategory> = new Set();
  private annotations: readonly AnnotationPaint[] = [];
  private unwrap: (() => void) | null = null;

  constructor(private readonly doc: Document) {}

  paintClauses(clauses: readonly ClausePaint[], hidden: ReadonlySet<ObligationCategory>): void {
    this.clauses = clauses;
    this.hidden = hidden;
    this.repaint();
  }

  paintAnnotations(annotations: readonly AnnotationPaint[]): void {
    this.annotations = annotations;
    this.repaint();
  }

  flash(): void {
    // Nothing to add: the panel's scroll already brings the wrapped text into view.
  }

  draft(): void {
    // Wrapping the selection would replace it: the form shows the quote instead.
  }

  clear(): void {
    this.unwrap?.();
    this.unwrap = null;
    this.clauses = [];
    this.annotations = [];
  }

  private repaint(): void {
    this.unwrap?.();
    const items: Array<{ key: string; range: Range }> = [];
    for (const c of this.clauses)
      if (c.range && !this.hidden.has(c.category)) items.push({ key: c.category, range: c.range });
    for (const a of this.annotations) items.push({ key: `user-${a.colour}`, range: a.range });
    this.unwrap = paintByWrapping(this.doc, items);
  }
}

/** The Highlight API where the page's window has it, else wrapping. */
export function choosePainter(win: Window & typeof globalThis, doc: Document): Painter {
  return highlightApiAvailable(win) ? new HighlightApiPainter(win) : new WrappingPainter(doc);
}
