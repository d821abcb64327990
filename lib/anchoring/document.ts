/**
 * Everything the engine precomputes about one text, built once and shared by every annotation anchored
 * against it (`anchorMany`): the folded view, the structure, and lazily the trigram index.
 */

import type { OutlineItem } from '../types';
import { foldText, type FoldedText } from './folded-text';
import { buildStructure, type DocumentStructure } from './structure';
import { TrigramIndex } from './trigram-index';
import { maskLineLabels } from './match-quote';

export interface AnchoringDocument {
  text: string;
  folded: FoldedText;
  structure: DocumentStructure;
  /** The folded text with outline labels' numbers masked (`maskLineLabels`), same offsets; built on first use. */
  masked(): string;
  /** Built on first use: most annotations never need the fuzzy search. */
  trigrams(): TrigramIndex;
  /**
   * Find exact occurrences through the trigram index rather than by scanning: worth building the index
   * when many annotations are anchored against a long text.
   */
  indexedSearch: boolean;
}

/** Above this many folded units, `anchorMany` with many items searches through the index. */
const INDEXED_SEARCH_TEXT = 16384;
const INDEXED_SEARCH_ITEMS = 16;

export function prepareDocument(text: string, outline: readonly OutlineItem[], items = 1): AnchoringDocument {
  const folded = foldText(text);
  const structure = buildStructure(text, outline);
  let index: TrigramIndex | null = null;
  let masked: string | null = null;
  return {
    text,
    folded,
    structure,
    indexedSearch: folded.text.length > INDEXED_SEARCH_TEXT && items >= INDEXED_SEARCH_ITEMS,
    masked() {
      masked ??= foldText(maskLineLabels(text)).text;
      return masked;
    },
    trigrams() {
      index ??= new TrigramIndex(folded.text);
      return index;
    },
  };
}

/** Text offset of a folded span's start. */
export function textStart(doc: AnchoringDocument, foldedStart: number): number {
  return doc.folded.toSource[foldedStart];
}

/** Text offset just after a folded span's last unit (so trailing whitespace is not included). */
export function textEnd(doc: AnchoringDocument, foldedEnd: number): number {
  return foldedEnd > 0 ? doc.folded.toSource[foldedEnd - 1] + 1 : 0;
}
