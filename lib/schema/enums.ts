/**
 * The fixed sets of the extension's vocabulary, each written once: the schemas check values against them and
 * the types are derived from them.
 */

export const SITES = ['pkulaw', 'govcn', 'npc', 'generic', 'text'] as const;
export type Site = (typeof SITES)[number];

/** Most important first: a clause's `category` is the first of its `categories` in this order. */
export const OBLIGATION_CATEGORIES = [
  'obligation',
  'prohibition',
  'permission',
  'encouragement',
  'accountability',
] as const;
export type ObligationCategory = (typeof OBLIGATION_CATEGORIES)[number];

export const STRENGTHS = ['hard', 'soft'] as const;
export type Strength = (typeof STRENGTHS)[number];

/** explicit: named in the clause; inherited: from an earlier clause, list intro or heading; addressee: the 主送机关. */
export const BEARER_SOURCES = ['explicit', 'inherited', 'addressee'] as const;
export type BearerSource = (typeof BEARER_SOURCES)[number];

export const DEADLINE_TYPES = ['date', 'relative', 'recurring'] as const;
export type DeadlineType = (typeof DEADLINE_TYPES)[number];

export const ANNOTATION_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type AnnotationColour = (typeof ANNOTATION_COLOURS)[number];

export const SELECTOR_TYPES = ['TextQuoteSelector', 'TextPositionSelector', 'StructuralKey'] as const;

/** Every request the background answers (see lib/messages/protocol.ts). */
export const REQUEST_TYPES = [
  'engine/analyse',
  'analysis/report',
  'notice/get-by-url',
  'notice/get',
  'notice/upsert',
  'notice/set-saved',
  'notice/set-tags',
  'notice/delete',
  'notice/restore',
  'annotation/list',
  'annotation/put',
  'annotation/delete',
  'annotation/restore',
  'annotation/purge-deleted',
  'library/search',
  'library/list',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** The analysis timings a content script reports for its page, in ms. */
export const PAGE_TIMING_FIELDS = [
  'extract',
  'normalise',
  'metadata',
  'detect',
  'obligations',
  'ranges',
  'paint',
  'total',
  'paintedAt',
  'runs',
  'transfer',
  'backgroundPauses',
] as const;
export type PageTimingField = (typeof PAGE_TIMING_FIELDS)[number];
