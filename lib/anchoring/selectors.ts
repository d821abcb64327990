/**
 * The selectors an annotation stores, and their validation.
 *
 * Offsets are UTF-16 code units into the normalised text of a notice (`normaliseText(...).text`), the same
 * units as JavaScript strings and Hypothesis: `text.slice(start, end)` is the span. The W3C model counts code
 * points; we deliberately do not (see docs/annotation.md §1).
 *
 * Selectors arrive from storage, imports and other tools, so nothing here trusts its input: `readSelectors`
 * keeps the first well-formed selector of each kind and ignores the rest, and never throws.
 */

/*
 * The selector types are the engine's own (lib/types.ts). Our StructuralKey:
 * - `section`: outline path of the innermost heading before the span, labels without their trailing
 *   `、`/`.` joined by `/` (`二/（三）`); an article label stands alone (`第十二条`) because articles are
 *   numbered through the whole document. `null` before the first heading.
 * - `paragraph`: index of the paragraph (line of the normalised text) within the section; the heading's
 *   own line is paragraph 0.
 * - `sentence`: index of the sentence within the paragraph; sentences end after 。！？；!?; (and any
 *   closing quote or bracket that follows).
 * - `offsetInSentence`: code units from the sentence start to the span start, whitespace not counted,
 *   so that reflowed whitespace does not change it.
 */
import type { Selector, StructuralKey, TextPositionSelector, TextQuoteSelector } from '../types';

export type { Selector, StructuralKey, TextPositionSelector, TextQuoteSelector };

/** The selectors of one annotation after validation: at most one of each kind. */
export interface ReadSelectors {
  quote: TextQuoteSelector | null;
  position: TextPositionSelector | null;
  structure: StructuralKey | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Keep the first well-formed selector of each kind; anything malformed is ignored, never thrown on. */
export function readSelectors(selectors: unknown): ReadSelectors {
  const read: ReadSelectors = { quote: null, position: null, structure: null };
  if (!Array.isArray(selectors)) return read;
  for (const s of selectors) {
    if (!isRecord(s)) continue;
    if (s.type === 'TextQuoteSelector' && read.quote === null) {
      if (typeof s.exact !== 'string' || s.exact.length === 0) continue;
      read.quote = {
        type: 'TextQuoteSelector',
        exact: s.exact,
        prefix: typeof s.prefix === 'string' ? s.prefix : '',
        suffix: typeof s.suffix === 'string' ? s.suffix : '',
      };
    } else if (s.type === 'TextPositionSelector' && read.position === null) {
      if (!isCount(s.start) || !isCount(s.end) || s.end <= s.start) continue;
      read.position = { type: 'TextPositionSelector', start: s.start, end: s.end };
    } else if (s.type === 'StructuralKey' && read.structure === null) {
      if (!(s.section === null || typeof s.section === 'string')) continue;
      if (!isCount(s.paragraph) || !isCount(s.sentence) || !isCount(s.offsetInSentence)) continue;
      read.structure = {
        type: 'StructuralKey',
        section: s.section,
        paragraph: s.paragraph,
        sentence: s.sentence,
        offsetInSentence: s.offsetInSentence,
      };
    }
  }
  return read;
}
