/**
 * The requests content scripts and extension pages send the background: one schema per request type,
 * for the fields besides `type`. Every field is checked and unknown ones are refused.
 */

import * as v from 'valibot';
import { MAX_TEXT_LENGTH } from '../page-text';
import { LIMITS } from '../storage/limits';
import { annotationSchema } from './annotation';
import { OBLIGATION_CATEGORIES, PAGE_TIMING_FIELDS, SITES, type RequestType } from './enums';
import {
  annotationId,
  bool,
  got,
  int,
  isJsonObject,
  list,
  noticeId,
  num,
  oneOf,
  record,
  tag,
  tags,
  text,
  time,
  title,
  url,
} from './fields';
import { issueAt } from './issues';
import { noticeSnapshotSchema } from './notice';

const labelRefused = (issue: v.BaseIssue<unknown>) => `label "${String(issue.input).slice(0, 40)}" not allowed`;

/** Label → value as a page prints them (发文字号：…): a bounded plain record. */
const labelledSchema = v.pipe(
  v.custom<object>(isJsonObject, got('an object')),
  v.record(v.pipe(v.string(), v.minLength(1, labelRefused), v.maxLength(LIMITS.fieldLabelLength, labelRefused)), title),
  v.check(
    (fields) => Object.keys(fields).length <= LIMITS.metadataListLength,
    `more than ${LIMITS.metadataListLength} labels`,
  ),
);

export const textForAnalysisSchema = record({
  /** The body text as read from the page (normalised by the string stages). */
  text: text(MAX_TEXT_LENGTH),
  site: oneOf(SITES),
  labelled: labelledSchema,
  title: v.nullable(title),
  url: v.nullable(url),
  listPage: bool,
  pending: bool,
});

export const noticeFiltersSchema = record({
  saved: v.optional(bool),
  /** An issuer as printed; matched after `normaliseKeyPart`. */
  issuer: v.optional(text(LIMITS.metadataFieldLength)),
  year: v.optional(int(1000, 9999)),
  docType: v.optional(text(LIMITS.docTypeFilterLength)),
  tag: v.optional(tag),
  /** true: the bin (soft-deleted notices) instead of the library. */
  deleted: v.optional(bool),
});

const timing = num(0, LIMITS.timingMax);
/** The content script's cost on one page, in ms (see `PageTimings` in lib/messages/protocol.ts). */
export const pageTimingsSchema = record(
  Object.fromEntries(PAGE_TIMING_FIELDS.map((f) => [f, timing])) as Record<
    (typeof PAGE_TIMING_FIELDS)[number],
    typeof timing
  >,
);

const count = int(0, LIMITS.countMax);
/** Clauses per category; categories without clauses may be left out. */
const countsSchema = record(
  Object.fromEntries(OBLIGATION_CATEGORIES.map((c) => [c, v.optional(count)])) as Record<
    (typeof OBLIGATION_CATEGORIES)[number],
    v.OptionalSchema<typeof count, undefined>
  >,
);

/** What a content script tells the background after analysing its page (badge, popup). */
export const analysisReportSchema = record({
  url,
  noticeId,
  title: v.nullable(title),
  isNotice: bool,
  counts: countsSchema,
  clauseCount: v.optional(int(0, LIMITS.clauses)),
  timings: v.optional(pageTimingsSchema),
});

const ids = list(noticeId, LIMITS.idsPerRequest, 1);
const pageLimit = v.optional(int(1, LIMITS.pageSize));
const pageOffset = v.optional(int(0, LIMITS.pageOffsetMax));

const annotationPutSchema = v.pipe(
  record({ annotation: annotationSchema, notice: v.optional(noticeSnapshotSchema) }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (dataset.typed && dataset.value.notice && dataset.value.notice.id !== dataset.value.annotation.noticeId) {
      addIssue({ message: 'differs from annotation.noticeId', path: issueAt(dataset.value, ['notice', 'id']) });
    }
  }),
);

/** The fields of each request type besides `type`. */
export const REQUEST_SCHEMAS = {
  'engine/analyse': record({ input: textForAnalysisSchema, force: v.optional(bool) }),
  'analysis/report': analysisReportSchema,
  'notice/get-by-url': record({ url }),
  'notice/get': record({ id: noticeId, includeDeleted: v.optional(bool) }),
  /** Content scripts: `saved` and `tags` of the snapshot are ignored (the library decides those). */
  'notice/upsert': record({ snapshot: noticeSnapshotSchema }),
  'notice/set-saved': record({ id: noticeId, saved: bool }),
  'notice/set-tags': record({ id: noticeId, tags }),
  'notice/delete': record({ ids }),
  'notice/restore': record({ ids }),
  /** `url` (the sender's page) is accepted for the content script's convenience and not used. */
  'annotation/list': record({ noticeId, includeDeleted: v.optional(bool), url: v.optional(url) }),
  /** With `notice`, the notice is stored in the same transaction (first annotation on a page). */
  'annotation/put': annotationPutSchema,
  'annotation/delete': record({ id: annotationId }),
  'annotation/restore': record({ id: annotationId }),
  'annotation/purge-deleted': record({ olderThan: time }),
  'library/search': record({
    query: text(LIMITS.queryLength),
    filters: v.optional(noticeFiltersSchema),
    limit: pageLimit,
    offset: pageOffset,
    deep: v.optional(bool),
  }),
  'library/list': record({ filters: v.optional(noticeFiltersSchema), limit: pageLimit, offset: pageOffset }),
} satisfies Record<RequestType, v.GenericSchema>;

/** The fields of a request of type `T`, besides `type`. */
export type RequestFields<T extends RequestType> = v.InferOutput<(typeof REQUEST_SCHEMAS)[T]>;
export type TextForAnalysis = v.InferOutput<typeof textForAnalysisSchema>;
export type NoticeFilters = v.InferOutput<typeof noticeFiltersSchema>;
export type PageTimings = v.InferOutput<typeof pageTimingsSchema>;
export type AnalysisReport = v.InferOutput<typeof analysisReportSchema>;
