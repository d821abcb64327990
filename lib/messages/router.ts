/**
 * The background's request handler: checks who may ask, calls the repository, and turns every outcome
 * into a `Response` (it never throws). Pure with respect to the browser: the repository and the sender
 * are passed in, so it runs in Node tests.
 */

import { canonicalUrl, noticeId as computeNoticeId, noticeIdKind, tryCanonicalUrl } from '../identity';
import { StorageError, ensureRoomToWrite, toStorageError } from '../storage/errors';
import type { NoticeSnapshot } from '../storage/records';
import type { NoticeRepository } from '../storage/repository';
import {
  ALLOWED_FROM_CONTENT_SCRIPT,
  errorResponse,
  type AnalysisReport,
  type Request,
  type RequestType,
  type Response,
  type ResponseValue,
} from './protocol';
import { classifySender, type SenderContext } from './sender';
import type { TextForAnalysis } from '../page-text';
import { validateRequest } from './validate';

export interface RequestContext {
  sender: SenderContext;
  /** Called for `analysis/report` (the background updates the badge); not stored. */
  onAnalysisReport?(report: AnalysisReport, sender: SenderContext): void;
  /** Runs the string stages of the analysis for `engine/analyse` (the background passes the engine in). */
  analyse?(input: TextForAnalysis, force: boolean): Promise<string>;
}

class Forbidden extends Error {}

/** Requests that write to the library: refused up front when storage is nearly full (emptying the bin is not). */
const WRITES: ReadonlySet<RequestType> = new Set<RequestType>([
  'notice/upsert',
  'notice/set-saved',
  'notice/set-tags',
  'notice/delete',
  'notice/restore',
  'annotation/put',
  'annotation/delete',
  'annotation/restore',
]);

/** Handle a validated request from a classified sender. Every failure becomes `{ ok: false }`. */
export async function handleRequest(
  repo: NoticeRepository,
  request: Request,
  context: RequestContext,
): Promise<Response> {
  try {
    if (context.sender.kind === 'content-script') {
      if (!ALLOWED_FROM_CONTENT_SCRIPT.has(request.type))
        throw new Forbidden(`${request.type} is not available to pages`);
      await checkContentScript(repo, request, context.sender.url);
    }
    if (WRITES.has(request.type)) await ensureRoomToWrite();
    const value = await dispatch(repo, request, context);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof Forbidden) return errorResponse('forbidden', e.message);
    const err = toStorageError(e);
    return errorResponse(err.kind, err.kind === 'invalid' ? `${err.userMessage} (${err.message})` : err.userMessage);
  }
}

/**
 * The whole path of a runtime message: refuse untrusted senders, validate, handle. Returns null for a
 * sender that is not ours (the listener should not answer at all). In the background:
 *
 *     browser.runtime.onMessage.addListener((raw, sender) => {
 *       if (!isTrustedSender(sender, browser.runtime.id, origin)) return undefined;
 *       return receiveMessage(repo, raw, sender, { extensionId: browser.runtime.id, extensionOrigin: origin });
 *     });
 */
export async function receiveMessage(
  repo: NoticeRepository,
  raw: unknown,
  sender: unknown,
  env: {
    extensionId: string;
    extensionOrigin: string;
    onAnalysisReport?: RequestContext['onAnalysisReport'];
    analyse?: RequestContext['analyse'];
  },
): Promise<Response | null> {
  const from = classifySender(sender, env.extensionId, env.extensionOrigin);
  if (!from) return null;
  const checked = validateRequest(raw);
  if (!checked.ok) return errorResponse('invalid', checked.error);
  return handleRequest(repo, checked.request, {
    sender: from,
    onAnalysisReport: env.onAnalysisReport,
    analyse: env.analyse,
  });
}

async function dispatch(repo: NoticeRepository, r: Request, context: RequestContext): Promise<unknown> {
  const contentScript = context.sender.kind === 'content-script';
  switch (r.type) {
    case 'engine/analyse':
      if (!context.analyse) throw new Forbidden('engine/analyse: no analysis engine here');
      return (await context.analyse(r.input, r.force ?? false)) satisfies ResponseValue<'engine/analyse'>;
    case 'analysis/report':
      context.onAnalysisReport?.(r, context.sender);
      return null satisfies ResponseValue<'analysis/report'>;
    case 'notice/get-by-url':
      return repo.findNoticeByUrl(r.url);
    case 'notice/get':
      return repo.getNotice(r.id, { includeDeleted: r.includeDeleted });
    case 'notice/upsert':
      return repo.upsertNotice(contentScript ? withoutLibraryFields(r.snapshot) : r.snapshot);
    case 'notice/set-saved':
      return repo.setSaved(r.id, r.saved);
    case 'notice/set-tags':
      return repo.setNoticeTags(r.id, r.tags);
    case 'notice/delete':
      return repo.deleteNotices(r.ids);
    case 'notice/restore':
      return repo.restoreNotices(r.ids);
    case 'annotation/list':
      return repo.listAnnotations(r.noticeId, { includeDeleted: r.includeDeleted });
    case 'annotation/put':
      return repo.putAnnotation(r.annotation, r.notice && contentScript ? withoutLibraryFields(r.notice) : r.notice);
    case 'annotation/delete':
      return repo.deleteAnnotation(r.id);
    case 'annotation/restore':
      return repo.restoreAnnotation(r.id);
    case 'annotation/purge-deleted':
      return repo.purgeDeleted(r.olderThan);
    case 'library/search':
      return repo.search(r.query, r.filters, { limit: r.limit, offset: r.offset, deep: r.deep });
    case 'library/list':
      return repo.listNotices({ filters: r.filters, limit: r.limit, offset: r.offset });
    default: {
      const never: never = r;
      throw new StorageError('invalid', `Unknown request ${(never as { type: string }).type}`);
    }
  }
}

/** A page keeps the analyst's library choices out of its writes: saving and tagging are the library's. */
function withoutLibraryFields(s: NoticeSnapshot): NoticeSnapshot {
  const rest = { ...s };
  delete rest.saved;
  delete rest.tags;
  return rest;
}

/* ----- What a content script may touch ----- */

/**
 * A content script reads and writes only the notice of the page it runs in:
 * - URLs it names (lookups, reports, a snapshot's aliases) must be its own page's URL;
 * - a notice snapshot's id must be the id of that metadata at that URL (`noticeId`), so a page cannot
 *   store its text under an id of its choosing;
 * - a notice id it names must be one its page can have: the page's URL key, an id the URL is already an
 *   alias of, or a `cite:`/`num:` id (those come from the page's own metadata; a page that claims another
 *   notice's 法宝引证码 or 文号 is treated as that notice, which is what lets mirrors share annotations).
 */
async function checkContentScript(repo: NoticeRepository, r: Request, pageUrl: string): Promise<void> {
  const pageKey = canonicalUrl(pageUrl);
  const ownUrl = (url: string, what: string) => {
    if (tryCanonicalUrl(url) !== pageKey) throw new Forbidden(`${what}: a page may only name its own URL`);
  };
  let aliasOfPage: Promise<string | null> | null = null;
  const ownNotice = async (id: string, what: string) => {
    const kind = noticeIdKind(id);
    if (kind === 'cite' || kind === 'num' || id === `url:${pageKey}`) return;
    aliasOfPage ??= repo.findNoticeIdByUrl(pageUrl);
    if ((await aliasOfPage) === id) return;
    throw new Forbidden(`${what}: not the notice of this page`);
  };
  const ownSnapshot = (s: NoticeSnapshot, what: string) => {
    for (const u of s.urls) ownUrl(u, `${what}.urls`);
    const expected = computeNoticeId(s.metadata, pageUrl);
    if (s.id !== expected)
      throw new Forbidden(`${what}.id: does not match the notice's metadata on this page (${expected.slice(0, 80)})`);
  };

  switch (r.type) {
    case 'engine/analyse':
      // Reads nothing stored: any page may have its own text analysed.
      return;
    case 'analysis/report':
      ownUrl(r.url, 'url');
      return;
    case 'notice/get-by-url':
      ownUrl(r.url, 'url');
      return;
    case 'notice/upsert':
      ownSnapshot(r.snapshot, 'snapshot');
      return;
    case 'notice/set-saved':
      return ownNotice(r.id, 'id');
    case 'annotation/list':
      if (r.includeDeleted) throw new Forbidden('includeDeleted: not available to pages');
      return ownNotice(r.noticeId, 'noticeId');
    case 'annotation/put':
      if (r.notice) ownSnapshot(r.notice, 'notice');
      return ownNotice(r.annotation.noticeId, 'annotation.noticeId');
    case 'annotation/delete':
    case 'annotation/restore': {
      const existing = await repo.getAnnotation(r.id);
      // Nothing to protect: the repository answers null.
      if (existing) await ownNotice(existing.noticeId, 'id');
      return;
    }
    default:
      throw new Forbidden(`${(r as { type: RequestType }).type} is not available to pages`);
  }
}
