/**
 * The messages between content scripts, the background service worker and extension pages.
 *
 * Only the background opens the database; content scripts and pages send it a `Request` and get a
 * `Response`. Every request is checked by `validateRequest` before it is handled (pages are untrusted),
 * and content scripts may send only `ALLOWED_FROM_CONTENT_SCRIPT`, each limited to the notice of the page
 * that sent it (see `router.ts`).
 */

import type { PutAnnotationResult } from '../storage/repository';
import type { NoticeFilters, NoticeSnapshot, NoticeSummary, Page } from '../storage/records';
import type { SearchResult } from '../storage/search';
import type { StorageErrorKind } from '../storage/errors';
import type { TextForAnalysis } from '../page-text';
import type { Annotation, ObligationCategory, SavedNotice } from '../types';

/** What a content script tells the background after analysing its page (badge, popup). */
export interface AnalysisReport {
  url: string;
  noticeId: string;
  title: string | null;
  isNotice: boolean;
  /** Clauses per category; categories without clauses may be left out. */
  counts: Partial<Record<ObligationCategory, number>>;
  clauseCount?: number;
  /** Where the time went on this page, in ms: shown to nobody, read by the benchmarks and kept per tab. */
  timings?: PageTimings;
}

/** The content script's cost on one page, in ms (`paintedAt` is since the page's navigation started). */
export interface PageTimings {
  extract: number;
  normalise: number;
  metadata: number;
  detect: number;
  obligations: number;
  /** Text offsets → DOM ranges for every clause. */
  ranges: number;
  paint: number;
  /** From the start of the analysis to the highlights painted, including the pauses given back to the page. */
  total: number;
  paintedAt: number;
  /** How many times the page was analysed since the content script started. */
  runs: number;
  /** The round trip to the background for the string stages, less the background's time on it (the messages). */
  transfer: number;
  /** The background's pauses while it analysed (answering other messages, or waiting for its thread). */
  backgroundPauses: number;
}

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
] as const satisfies ReadonlyArray<keyof PageTimings>;

/** Each request type: the fields it carries and the value of a successful response. */
export interface RequestMap {
  /**
   * The string stages of the analysis, for a content script (off the page's main thread). The value is the
   * analysis in its wire form (wire.ts): one compact string, nothing in it the page can rebuild.
   */
  'engine/analyse': { request: { input: TextForAnalysis; force?: boolean }; value: string };
  'analysis/report': { request: AnalysisReport; value: null };
  'notice/get-by-url': { request: { url: string }; value: SavedNotice | null };
  'notice/get': { request: { id: string; includeDeleted?: boolean }; value: SavedNotice | null };
  /** Content scripts: `saved` and `tags` of the snapshot are ignored (the library decides those). */
  'notice/upsert': { request: { snapshot: NoticeSnapshot }; value: SavedNotice };
  'notice/set-saved': { request: { id: string; saved: boolean }; value: SavedNotice };
  'notice/set-tags': { request: { id: string; tags: string[] }; value: SavedNotice };
  'notice/delete': { request: { ids: string[] }; value: number };
  'notice/restore': { request: { ids: string[] }; value: number };
  /** `url` (the sender's page) is accepted for the content script's convenience and not used. */
  'annotation/list': { request: { noticeId: string; includeDeleted?: boolean; url?: string }; value: Annotation[] };
  /** With `notice`, the notice is stored in the same transaction (first annotation on a page). */
  'annotation/put': { request: { annotation: Annotation; notice?: NoticeSnapshot }; value: PutAnnotationResult };
  'annotation/delete': { request: { id: string }; value: Annotation | null };
  'annotation/restore': { request: { id: string }; value: Annotation | null };
  'annotation/purge-deleted': { request: { olderThan: number }; value: { notices: number; annotations: number } };
  'library/search': {
    request: { query: string; filters?: NoticeFilters; limit?: number; offset?: number; deep?: boolean };
    value: SearchResult;
  };
  'library/list': { request: { filters?: NoticeFilters; limit?: number; offset?: number }; value: Page<NoticeSummary> };
}

export type RequestType = keyof RequestMap;
export type RequestOf<T extends RequestType> = { type: T } & RequestMap[T]['request'];
export type Request = { [T in RequestType]: RequestOf<T> }[RequestType];
export type ResponseValue<T extends RequestType> = RequestMap[T]['value'];

/** Why a request failed: a storage failure, a malformed request, or one its sender may not make. */
export type ErrorKind = StorageErrorKind | 'forbidden';

export type ErrorResponse = {
  ok: false;
  /** Message for the analyst (bilingual for storage failures) or, for a refused request, the reason. */
  error: string;
  kind: ErrorKind;
  /** Whether sending the same request again may succeed (storage busy or full, not a malformed request). Always set by the background. */
  retry?: boolean;
};

export type Response<V = unknown> = { ok: true; value: V } | ErrorResponse;
export type ResponseFor<T extends RequestType> = Response<ResponseValue<T>>;

export const REQUEST_TYPES: readonly RequestType[] = [
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
];

/**
 * What a content script may ask for: reading and writing the notice of its own page. The library
 * (lists, search, tags, deletion of notices, purging the bin) is for extension pages only.
 */
export const ALLOWED_FROM_CONTENT_SCRIPT: ReadonlySet<RequestType> = new Set<RequestType>([
  'engine/analyse',
  'analysis/report',
  'notice/get-by-url',
  'notice/upsert',
  'notice/set-saved',
  'annotation/list',
  'annotation/put',
  'annotation/delete',
  'annotation/restore',
]);

export function isRetryable(kind: ErrorKind): boolean {
  return kind === 'quota' || kind === 'unknown';
}

export function errorResponse(kind: ErrorKind, error: string): ErrorResponse {
  return { ok: false, error, kind, retry: isRetryable(kind) };
}
