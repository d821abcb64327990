import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  classifySender,
  handleRequest,
  isTrustedSender,
  receiveMessage,
  type Request,
  type SenderContext,
} from '../../lib/messages';
import { noticeId } from '../../lib/identity';
import { annotation, freshRepo, GOVCN_URL, metadata, snapshot } from '../storage/fixtures';

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT_ID}`;
const env = { extensionId: EXT_ID, extensionOrigin: ORIGIN };

const pageSender = { id: EXT_ID, url: `${ORIGIN}/library.html` };
const contentSender = (url = GOVCN_URL) => ({ id: EXT_ID, url, tab: { id: 7, url }, frameId: 0 });
const page: SenderContext = { kind: 'extension-page', url: `${ORIGIN}/library.html` };
const content = (url = GOVCN_URL): SenderContext => ({ kind: 'content-script', url, tabId: 7, frameId: 0 });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('senders', () => {
  it('takes a top frame’s address from its tab, which follows history.pushState; a subframe keeps its own', () => {
    const moved = 'https://www.gov.cn/zhengce/content/2020-01/30/content_next.htm';
    expect(
      classifySender({ id: EXT_ID, url: GOVCN_URL, tab: { id: 7, url: moved }, frameId: 0 }, EXT_ID, ORIGIN),
    ).toMatchObject({ url: moved });
    expect(
      classifySender({ id: EXT_ID, url: GOVCN_URL, tab: { id: 7, url: moved }, frameId: 3 }, EXT_ID, ORIGIN),
    ).toMatchObject({ url: GOVCN_URL });
    expect(
      classifySender(
        { id: EXT_ID, url: GOVCN_URL, tab: { id: 7, url: 'chrome://newtab/' }, frameId: 0 },
        EXT_ID,
        ORIGIN,
      ),
    ).toMatchObject({ url: GOVCN_URL });
  });

  it('trusts our extension pages and our content scripts only', () => {
    expect(classifySender(pageSender, EXT_ID, ORIGIN)).toEqual(page);
    expect(classifySender({ ...pageSender, tab: { id: 3 } }, EXT_ID, `${ORIGIN}/`)).toEqual(page);
    expect(classifySender(contentSender(), EXT_ID, ORIGIN)).toEqual(content());
    expect(classifySender({ id: EXT_ID, url: 'file:///home/a/notice.html', tab: {} }, EXT_ID, ORIGIN)).toMatchObject({
      kind: 'content-script',
      tabId: null,
    });

    const refused = [
      // A web page through externally_connectable: no id.
      { url: GOVCN_URL, tab: { id: 7 }, origin: 'https://www.gov.cn' },
      // Another extension, its page and its content script.
      { id: 'otherextensionidotherextensionid', url: 'chrome-extension://otherextensionidotherextensionid/x.html' },
      { id: 'otherextensionidotherextensionid', url: GOVCN_URL, tab: { id: 7 } },
      // Our id but a page of another extension origin, or no URL, or no tab for a web page.
      { id: EXT_ID, url: 'chrome-extension://otherextensionidotherextensionid/x.html', tab: { id: 1 } },
      { id: EXT_ID, tab: { id: 7 } },
      { id: EXT_ID, url: GOVCN_URL },
      { id: EXT_ID, url: 'data:text/html,<script>', tab: { id: 7 } },
      null,
      'sender',
    ];
    for (const s of refused) expect(isTrustedSender(s, EXT_ID, ORIGIN), JSON.stringify(s)).toBe(false);
    expect(isTrustedSender(pageSender, '', ORIGIN)).toBe(false);
  });

  it('does not answer untrusted senders at all', async () => {
    const { repo, db } = freshRepo();
    const r = await receiveMessage(
      repo,
      { type: 'notice/upsert', snapshot: snapshot() },
      { url: GOVCN_URL, tab: { id: 1 } },
      env,
    );
    expect(r).toBeNull();
    expect(await db.notices.count()).toBe(0);
  });
});

describe('handleRequest', () => {
  it('serves extension pages everything', async () => {
    const { repo } = freshRepo();
    const s = snapshot();
    const put = await handleRequest(
      repo,
      { type: 'annotation/put', annotation: annotation({ noticeId: s.id, note: '疫情防控' }), notice: s },
      { sender: page },
    );
    expect(put).toMatchObject({ ok: true, value: { applied: true } });
    const list = await handleRequest(repo, { type: 'library/list' }, { sender: page });
    expect(list).toMatchObject({ ok: true, value: { total: 1 } });
    const search = await handleRequest(repo, { type: 'library/search', query: '疫情防控' }, { sender: page });
    expect(search).toMatchObject({ ok: true, value: { total: 1 } });
    const del = await handleRequest(repo, { type: 'notice/delete', ids: [s.id] }, { sender: page });
    expect(del).toEqual({ ok: true, value: 1 });
  });

  it('lets a content script read and write the notice of its own page', async () => {
    const { repo } = freshRepo();
    const s = snapshot();
    const a = annotation({ noticeId: s.id });
    expect(await handleRequest(repo, { type: 'notice/upsert', snapshot: s }, { sender: content() })).toMatchObject({
      ok: true,
    });
    expect(await handleRequest(repo, { type: 'annotation/put', annotation: a }, { sender: content() })).toMatchObject({
      ok: true,
    });
    const list = await handleRequest(
      repo,
      { type: 'annotation/list', noticeId: s.id, url: GOVCN_URL },
      { sender: content() },
    );
    expect(list).toMatchObject({ ok: true, value: [{ id: a.id }] });
    expect(
      await handleRequest(repo, { type: 'notice/get-by-url', url: `${GOVCN_URL}#p3` }, { sender: content() }),
    ).toMatchObject({
      ok: true,
      value: { id: s.id },
    });
    expect(await handleRequest(repo, { type: 'annotation/delete', id: a.id }, { sender: content() })).toMatchObject({
      ok: true,
    });
    expect(await handleRequest(repo, { type: 'annotation/restore', id: a.id }, { sender: content() })).toMatchObject({
      ok: true,
    });
    expect(
      await handleRequest(repo, { type: 'notice/set-saved', id: s.id, saved: true }, { sender: content() }),
    ).toMatchObject({
      ok: true,
      value: { saved: true },
    });
  });

  it('keeps library choices out of a content script snapshot', async () => {
    const { repo } = freshRepo();
    const s = snapshot();
    await repo.upsertNotice({ ...s, saved: true, tags: ['重点'] });
    const r = await handleRequest(
      repo,
      { type: 'notice/upsert', snapshot: { ...s, saved: false, tags: [] } },
      { sender: content() },
    );
    expect(r).toMatchObject({ ok: true, value: { saved: true, tags: ['重点'] } });
  });

  it('refuses a content script the library and other pages’ notices', async () => {
    const { repo, db } = freshRepo();
    const own = snapshot();
    const otherUrl = 'https://www.example.gov.cn/zwgk/content_9.htm';
    const other = snapshot({ urls: [otherUrl], metadata: metadata({ docNumber: null, issuers: [] }) });
    expect(other.id).toBe('url:example.gov.cn/zwgk/content_9.htm');
    await repo.upsertNotice(own);
    await repo.upsertNotice(other);
    const foreign = annotation({ noticeId: other.id, note: '私人笔记' });
    await repo.putAnnotation(foreign);

    const refused: Request[] = [
      { type: 'library/search', query: '私人笔记' },
      { type: 'library/list' },
      { type: 'notice/delete', ids: [other.id] },
      { type: 'notice/set-tags', id: own.id, tags: [] },
      { type: 'annotation/purge-deleted', olderThan: Date.now() },
      { type: 'notice/get', id: other.id },
      { type: 'annotation/list', noticeId: other.id },
      { type: 'annotation/list', noticeId: own.id, includeDeleted: true },
      { type: 'annotation/delete', id: foreign.id },
      { type: 'annotation/put', annotation: annotation({ noticeId: other.id }) },
      { type: 'notice/set-saved', id: other.id, saved: false },
      { type: 'notice/get-by-url', url: otherUrl },
      // Aliasing another site's URL to this notice, or storing this page under an id of its choosing.
      { type: 'notice/upsert', snapshot: { ...own, urls: [GOVCN_URL, otherUrl] } },
      { type: 'notice/upsert', snapshot: { ...own, id: other.id } },
      { type: 'annotation/put', annotation: annotation({ noticeId: other.id }), notice: { ...own, id: other.id } },
      { type: 'analysis/report', url: otherUrl, noticeId: other.id, title: null, isNotice: true, counts: {} },
    ];
    for (const request of refused) {
      const r = await handleRequest(repo, request, { sender: content() });
      expect(r, request.type).toMatchObject({ ok: false, kind: 'forbidden', retry: false });
    }
    expect((await repo.getAnnotation(foreign.id))?.deletedAt).toBeNull();
    expect(await repo.findNoticeIdByUrl(otherUrl)).toBe(other.id);
    expect(await db.annotations.count()).toBe(1);
  });

  it('shares annotations with a mirror page that names the same 文号', async () => {
    const { repo } = freshRepo();
    const s = snapshot();
    await repo.putAnnotation(annotation({ noticeId: s.id, note: '原文' }), s);
    const mirrorUrl = 'https://www.pkulaw.com/chl/fb0f20d4001e4c26bdfb.html';
    const mirrorMeta = metadata({ docNumber: '国发[2019]5号' });
    const mirror = snapshot({ urls: [mirrorUrl], metadata: mirrorMeta, id: noticeId(mirrorMeta, mirrorUrl) });
    expect(
      await handleRequest(repo, { type: 'notice/upsert', snapshot: mirror }, { sender: content(mirrorUrl) }),
    ).toMatchObject({ ok: true });
    const list = await handleRequest(
      repo,
      { type: 'annotation/list', noticeId: mirror.id },
      { sender: content(mirrorUrl) },
    );
    expect(list).toMatchObject({ ok: true, value: [{ note: '原文' }] });
  });

  it('passes analysis reports to the background without storing them', async () => {
    const { repo, db } = freshRepo();
    const seen: unknown[] = [];
    const report = {
      url: GOVCN_URL,
      noticeId: snapshot().id,
      title: '意见',
      isNotice: true,
      counts: { obligation: 4, prohibition: 1 },
    };
    const r = await receiveMessage(repo, { type: 'analysis/report', ...report, clauseCount: 5 }, contentSender(), {
      ...env,
      onAnalysisReport: (rep, sender) => seen.push([rep, sender.kind]),
    });
    expect(r).toEqual({ ok: true, value: null });
    expect(seen).toEqual([[{ type: 'analysis/report', ...report, clauseCount: 5 }, 'content-script']]);
    expect(await db.notices.count()).toBe(0);
  });

  it('turns storage failures into typed responses', async () => {
    const { repo, db } = freshRepo();
    const s = snapshot();
    vi.spyOn(db.annotations, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const quota = await handleRequest(
      repo,
      { type: 'annotation/put', annotation: annotation({ noticeId: s.id }), notice: s },
      { sender: page },
    );
    expect(quota).toMatchObject({
      ok: false,
      kind: 'quota',
      retry: true,
      error: expect.stringContaining('存储空间已满') as unknown,
    });
    vi.restoreAllMocks();
    const missing = await handleRequest(
      repo,
      { type: 'notice/set-saved', id: 'url:gov.cn/none', saved: true },
      { sender: page },
    );
    expect(missing).toMatchObject({ ok: false, kind: 'invalid', retry: false });
    vi.spyOn(db.notices, 'get').mockImplementation(() => {
      throw new Error('disk on fire');
    });
    expect(await handleRequest(repo, { type: 'notice/get', id: s.id }, { sender: page })).toMatchObject({
      ok: false,
      kind: 'unknown',
      retry: true,
    });
  });
});
