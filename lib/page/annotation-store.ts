/**
 * The analyst's annotations on this page, in one place: each with its range in the page when it could be
 * placed, or listed as unplaced when its text is gone. The panel's list and the painted highlights are
 * both read from here.
 */
import type { Annotation, AnnotationColour } from '../types';

export interface ListedAnnotation {
  annotation: Annotation;
  placed: boolean;
  /** Placed on text that differs from its quote (a word edited since): the text there now. */
  current?: string;
  /** Unplaced because several places fit equally well: how many are offered (`placeOf`). */
  places?: number;
}

/**
 * Where `replaceAll` puts one annotation: a range, nothing, or a range with the text there now (when it
 * differs from the quote) and, for an annotation left unplaced between several equally fitting places,
 * those places.
 */
export type Placing = Range | null | { range: Range | null; current?: string; places?: Range[] };

export class AnnotationStore {
  private annotations: Annotation[] = [];
  private readonly ranges = new Map<string, Range>();
  /** The range of the last deleted annotation, given back on undo. */
  private deleted: { id: string; range: Range | undefined } | null = null;
  private listed: ListedAnnotation[] | null = null;
  /** Text under a placed annotation that differs from its quote. */
  private readonly current = new Map<string, string>();
  /** Places offered for an annotation nothing could tell between. */
  private readonly places = new Map<string, Range[]>();

  /** Replace everything with the notice's stored annotations; `place` finds each one's range, or null. */
  replaceAll(annotations: readonly Annotation[], place: (annotation: Annotation, index: number) => Placing): void {
    this.annotations = annotations.filter((a) => !a.deletedAt);
    this.ranges.clear();
    this.current.clear();
    this.places.clear();
    this.deleted = null;
    this.annotations.forEach((a, i) => {
      const placing = place(a, i);
      if (!placing) return;
      if (!('range' in placing)) {
        this.ranges.set(a.id, placing);
        return;
      }
      if (placing.range) this.ranges.set(a.id, placing.range);
      if (placing.range && placing.current !== undefined) this.current.set(a.id, placing.current);
      if (!placing.range && placing.places && placing.places.length > 0) this.places.set(a.id, placing.places);
    });
    this.changed();
  }

  /**
   * The analyst put an annotation on new text by hand: its new version (selectors and quote taken there)
   * and its range. It no longer differs from its quote nor waits between places.
   */
  reattach(annotation: Annotation, range: Range | null): boolean {
    if (!this.get(annotation.id)) return false;
    this.annotations = this.annotations.map((a) => (a.id === annotation.id ? annotation : a));
    if (range) this.ranges.set(annotation.id, range);
    this.current.delete(annotation.id);
    this.places.delete(annotation.id);
    this.changed();
    return true;
  }

  /** The `index`-th place offered for an annotation left unplaced between several. */
  placeOf(id: string, index: number): Range | undefined {
    return this.places.get(id)?.[index];
  }

  /** A new annotation, placed at `range` when the page has it. */
  add(annotation: Annotation, range: Range | null): void {
    this.annotations = [...this.annotations.filter((a) => a.id !== annotation.id), annotation];
    if (range) this.ranges.set(annotation.id, range);
    this.changed();
  }

  /** A new version of an annotation already here (its colour, note or tags edited); false when it is not here. */
  update(annotation: Annotation): boolean {
    if (!this.get(annotation.id)) return false;
    this.annotations = this.annotations.map((a) => (a.id === annotation.id ? annotation : a));
    this.changed();
    return true;
  }

  /** Mark an annotation deleted (it can be brought back with `undo`); the deleted version, or null. */
  delete(id: string, now = Date.now()): Annotation | null {
    const current = this.get(id);
    if (!current) return null;
    const removed = { ...current, deletedAt: now, updatedAt: now };
    this.annotations = this.annotations.map((a) => (a.id === id ? removed : a));
    this.deleted = { id, range: this.ranges.get(id) };
    this.ranges.delete(id);
    this.changed();
    return removed;
  }

  get canUndo(): boolean {
    return this.deleted !== null;
  }

  /** Bring back the last deleted annotation, placed where it was; its id, or null when there is nothing to undo. */
  undo(now = Date.now()): string | null {
    const last = this.deleted;
    if (!last) return null;
    this.deleted = null;
    this.annotations = this.annotations.map((a) =>
      a.id === last.id ? { ...a, deletedAt: null, updatedAt: Math.max(now, a.updatedAt + 1) } : a,
    );
    if (last.range) this.ranges.set(last.id, last.range);
    this.changed();
    return last.id;
  }

  /** An annotation that is not deleted, by id. */
  get(id: string): Annotation | undefined {
    return this.annotations.find((a) => a.id === id && !a.deletedAt);
  }

  rangeOf(id: string): Range | undefined {
    return this.ranges.get(id);
  }

  /** The panel's list: every annotation not deleted, in order, placed or not. The same array until a change. */
  list(): ListedAnnotation[] {
    this.listed ??= this.annotations
      .filter((a) => !a.deletedAt)
      .map((annotation) => {
        const item: ListedAnnotation = { annotation, placed: this.ranges.has(annotation.id) };
        const current = this.current.get(annotation.id);
        if (item.placed && current !== undefined) item.current = current;
        const places = this.places.get(annotation.id);
        if (!item.placed && places) item.places = places.length;
        return item;
      });
    return this.listed;
  }

  /** What to paint: each placed annotation's colour and range. */
  painted(): Array<{ colour: AnnotationColour; range: Range }> {
    const out: Array<{ colour: AnnotationColour; range: Range }> = [];
    for (const a of this.annotations) {
      const range = this.ranges.get(a.id);
      if (range && !a.deletedAt) out.push({ colour: a.colour, range });
    }
    return out;
  }

  /** The ranges of the placed annotations. */
  placedRanges(): Iterable<Range> {
    return this.ranges.values();
  }

  clear(): void {
    this.annotations = [];
    this.ranges.clear();
    this.current.clear();
    this.places.clear();
    this.deleted = null;
    this.changed();
  }

  private changed(): void {
    this.listed = null;
  }
}
