/**
 * The comparison's vocabulary, defined once here and re-exported by `lib/compare/index.ts`.
 *
 * Offsets are UTF-16 code units into each input text, like everywhere else in the engine:
 * `aText === a.slice(aStart, aEnd)`.
 */
import type { Clause, NoticeMetadata } from '../types';

/** One notice to compare: its normalised text (`NoticeAnalysis.text`) and, optionally, what the analyser found. */
export interface CompareInput {
  title: string | null;
  text: string;
  obligations?: Clause[];
  metadata?: NoticeMetadata;
}

/** Where A and B are exactly alike inside a reworded passage (text offsets); the rest of it differs. */
export interface PassageMatch {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/**
 * A stretch of A found in B. `same`: identical once width, case, punctuation and spaces are folded away.
 * `reworded`: the two align with edits (words changed, added, dropped, or list items in another order).
 * Spans start and end on a letter or digit (or a bracket that closes one opened inside the span).
 */
export interface Passage {
  kind: 'same' | 'reworded';
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  aText: string;
  bText: string;
  /** Reworded passages: the exact stretches inside, in reading order of A. */
  matches?: PassageMatch[];
}

export interface PairResult {
  /** Indexes into the compared documents, a < b. */
  a: number;
  b: number;
  /** 2 · shared / (|a| + |b|), counting letters and digits only; 0..1, 1 for a text against itself. */
  similarity: number;
  /** In reading order of document a. */
  passages: Passage[];
}

/** A span of one document (offsets into its text). */
export interface DocumentSpan {
  start: number;
  end: number;
}

export interface ReuseSpan {
  doc: number;
  start: number;
  end: number;
  /** The other documents this span was found in (same or reworded), ascending. */
  foundIn: number[];
}

export interface BearerGroup {
  /** The clause's bearer as printed (width-folded, spaces removed); '' for clauses that name none. */
  bearer: string;
  category: string;
  /** Per document, indexes into its `obligations` of the clauses in this group. */
  perDoc: number[][];
}

export interface Comparison {
  /** One per unordered pair of documents, a < b, in order (0,1), (0,2), … (1,2), … */
  pairs: PairResult[];
  /** Per document in order, then by position: the parts of it found in other documents, and where. */
  reuse: ReuseSpan[];
  /** Per document, what it adds of its own (in no other document), one span per paragraph piece. */
  own: DocumentSpan[][];
  /** Obligations grouped by bearer and category; groups in most documents first. */
  obligationsByBearer: BearerGroup[];
}

/** One side of an aligned row. */
export interface AlignedSide {
  start: number;
  end: number;
  text: string;
}

/**
 * A row of the side-by-side view. `same` / `reworded`: a passage and its counterpart. `own`: what each side
 * has of its own between the same two aligned passages (either side may be null). `moved`: a passage found
 * in both but out of order; it is shown at A's position, and B's text of it does not appear elsewhere.
 */
export interface AlignedRow {
  kind: 'same' | 'reworded' | 'own';
  moved: boolean;
  a: AlignedSide | null;
  b: AlignedSide | null;
  /** Reworded rows: the exact stretches inside the passage (text offsets); the rest of both sides differs. */
  matches?: PassageMatch[];
}
