/**
 * The messages between content scripts, the background service worker and extension pages.
 *
 * Only the background opens the database; content scripts and pages send it a `Request` and get a
 * `Response`. Every request is checked by `validateRequest` before it is handled (pages are untrusted),
 * and content scripts may send only `ALLOWED_FROM_CONTENT_SCRIPT`, each limited to the notice of the page
 * that sent it (see `router.ts`).
 */

import type { PutAnnotationResult } from '../storage/repository';
import type { NoticeSummary, Page } from '../storage/records';
import type { SearchResult } from '../storage/search';
import type { StorageErrorKind } from '../storage/errors';
import type { Annotation, SavedNotice } from '../types';
import type { RequestType } from '../schema/enums';
import type { RequestFields } from '../schema/requests';

export { PAGE_TIMING_FIELDS, REQUEST_TYPES, type RequestType } from '../schema/enums';
/** What a content script tells the background after analysing its page (badge, popup), and its timings. */
export type { AnalysisReport, PageTimings } from '../schema/requests';

/** Each request type: the fields it carries and the value of a successful response. */
export interface RequestMap extends Record<RequestType, { request: object; value: unknown }> {
  /**
   * The string stages of the analysis, for a content script (off the page's main thread). The value is the
   * analysis in its wire form (wire.ts): one compact string, nothing in it the page can rebuild.
   */
  'engine/analyse': { request: RequestFields<'engine/analyse'>; value: string };
  'analysis/report': { request: RequestFields<'analysis/report'>; value: null };
  'notice/get-by-url': { request: RequestFields<'notice/get-by-url'>; value: SavedNotice | null };
  'notice/get': { request: RequestFields<'notice/get'>; value: SavedNotice | null };
  /** Content scripts: `saved` and `tags` of the snapshot are ignored (the library decides those). */
  'notice/upsert': { request: RequestFields<'notice/upsert'>; value: SavedNotice };
  'notice/set-saved': { request: RequestFields<'notice/set-saved'>; value: SavedNotice };
  'notice/set-tags': { request: RequestFields<'notice/set-tags'>; value: SavedNotice };
  'notice/delete': { request: RequestFields<'notice/delete'>; value: number };
  'notice/restore': { request: RequestFields<'notice/restore'>; value: number };
  /** `url` (the sender's page) is accepted for the content script's convenience and not used. */
  'annotation/list': { request: RequestFields<'annotation/list'>; value: Annotation[] };
  /** With `notice`, the notice is stored in the same transaction (first annotation on a page). */
  'annotation/put': { request: RequestFields<'annotation/put'>; value: PutAnnotationResult };
  'annotation/delete': { request: RequestFields<'annotation/delete'>; value: Annotation | null };
  'annotation/restore': { request: RequestFields<'annotation/restore'>; value: Annotation | null };
  'annotation/purge-deleted': {
    request: RequestFields<'annotation/purge-deleted'>;
    value: { notices: number; annotations: number };
  };
  'library/search': {
    request: RequestFields<'library/search'>;
    value: SearchResult;
  };
  'library/list': { request: RequestFields<'library/list'>; value: Page<NoticeSummary> };
}

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
