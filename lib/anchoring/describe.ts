/**
 * Describe a span of the normalised text with every selector we store: quote with context, position, and
 * structural key. Anchoring later tries them cheapest first.
 */

import type { OutlineItem } from '../types';
import { foldText, type FoldedText } from './folded-text';
import { TUNING } from './match-quote';
import type { Selector } from './selectors';
import { buildStructure, structuralKeyAt, type DocumentStructure } from './structure';

/**
 * The last text described, with its structure: the analyst usually marks several spans of one notice in
 * a row, and folding a long notice again for each would cost milliseconds per selection.
 */
let last: { text: string; outline: string; structure: DocumentStructure; folded: FoldedText } | null = null;

function structureOf(text: string, outline: OutlineItem[]): { structure: DocumentStructure; folded: FoldedText } {
  const signature = JSON.stringify(Array.isArray(outline) ? outline : []);
  if (last === null || last.text !== text || last.outline !== signature) {
    last = { text, outline: signature, structure: buildStructure(text, outline), folded: foldText(text) };
  }
  return last;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Selectors for `text.slice(start, end)`. Offsets are UTF-16 code units of the normalised text; a span edge
 * inside a surrogate pair is widened to the whole character, and `prefix`/`suffix` (32 code units) drop a
 * half pair at their outer edge, so no selector ever holds a lone surrogate (recogito/text-annotator-js#251).
 * Returns [] for an empty or out-of-range span.
 */
export function describeSpan(text: string, start: number, end: number, outline: OutlineItem[]): Selector[] {
  if (typeof text !== 'string' || !Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return [];
  if (start < 0 || end > text.length || end <= start) return [];
  if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end++;

  const n = TUNING.contextLength;
  let prefixStart = Math.max(0, start - n);
  if (
    prefixStart > 0 &&
    isLowSurrogate(text.charCodeAt(prefixStart)) &&
    isHighSurrogate(text.charCodeAt(prefixStart - 1))
  ) {
    prefixStart++;
  }
  let suffixEnd = Math.min(text.length, end + n);
  if (
    suffixEnd < text.length &&
    isLowSurrogate(text.charCodeAt(suffixEnd)) &&
    isHighSurrogate(text.charCodeAt(suffixEnd - 1))
  ) {
    suffixEnd--;
  }

  const { structure, folded } = structureOf(text, outline);
  const key = structuralKeyAt(structure, folded, start);
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    { type: 'TextPositionSelector', start, end },
    key,
  ];
}
