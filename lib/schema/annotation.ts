/**
 * Annotations: W3C Web Annotation selectors plus our structural key, and the annotation as stored.
 * Offsets are UTF-16 code units into the notice's normalised text (not code points; see annotation.md §1).
 */

import * as v from 'valibot';
import { LIMITS } from '../storage/limits';
import { ANNOTATION_COLOURS, SELECTOR_TYPES } from './enums';
import { annotationId, int, list, noticeId, offset, oneOf, record, strictRecord, tags, text, time } from './fields';
import { ordered } from './notice';

export const quote = text(LIMITS.quoteLength);
export const quoteContext = text(LIMITS.quoteContextLength);
export const note = text(LIMITS.noteLength);
export const section = text(LIMITS.labelLength);
export const structuralCount = int(0, LIMITS.structuralCount);
/** A CouchDB user name (its `_users` id is `org.couchdb.user:` and the name). */
export const creator = v.pipe(text(LIMITS.labelLength), v.minLength(1, 'empty'));

export const textQuoteSelectorSchema = strictRecord({
  type: v.literal('TextQuoteSelector'),
  exact: quote,
  prefix: quoteContext,
  suffix: quoteContext,
});

export const textPositionSelectorSchema = v.pipe(
  strictRecord({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
  ordered(),
);

/** Where a span sits in the notice's structure: steadier than XPath on government CMS pages. */
export const structuralKeySchema = strictRecord({
  type: v.literal('StructuralKey'),
  /** Outline path such as `二/（三）` or `第十二条`; null before the first heading. */
  section: v.nullable(section),
  paragraph: structuralCount,
  sentence: structuralCount,
  offsetInSentence: offset,
});

export const selectorSchema = v.variant(
  'type',
  [textQuoteSelectorSchema, textPositionSelectorSchema, structuralKeySchema],
  `must be ${SELECTOR_TYPES.slice(0, -1).join(', ')} or ${SELECTOR_TYPES[SELECTOR_TYPES.length - 1]}`,
);

/** One highlight or note made by the analyst. */
export const annotationSchema = record({
  /** Random UUID made where the analyst acted; the same id is used for retries, so a retried save never doubles. */
  id: annotationId,
  noticeId,
  colour: oneOf(ANNOTATION_COLOURS),
  note,
  tags,
  selectors: list(selectorSchema, LIMITS.selectorsPerAnnotation, 1),
  /** The exact quote at the time of saving (also in the TextQuoteSelector), for lists and exports. */
  quote,
  createdAt: time,
  updatedAt: time,
  /** Set when deleted: kept for undo until purged. */
  deletedAt: v.nullable(time),
  /** Who made it: the team server's user name (team sync); absent in a library that was never shared. */
  creator: v.optional(creator),
});

export type TextQuoteSelector = v.InferOutput<typeof textQuoteSelectorSchema>;
export type TextPositionSelector = v.InferOutput<typeof textPositionSelectorSchema>;
export type StructuralKey = v.InferOutput<typeof structuralKeySchema>;
export type Selector = v.InferOutput<typeof selectorSchema>;
export type Annotation = v.InferOutput<typeof annotationSchema>;
