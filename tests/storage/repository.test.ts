import { afterEach, describe, expect, it, vi } from 'vitest';
import { noticeId } from '../../lib/identity';
import { StorageError, toStorageError } from '../../lib/storage/errors';
import { pageByRecency } from '../../lib/storage/records';
import { annotation, freshRepo, GOVCN_URL, metadata, snapshot } from './fixtures';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('notices', () => {
  it('stores a snapshot and reads it back whole', async () => {
    const { repo } = freshRepo();
    const s = snapshot({ tags: ['重点'] });
    const stored = await repo.upsertNotice(s);
    expect(stored).toMatchObject({
      id: s.id,
      urls: [GOVCN_URL],
      saved: false,
      tags: ['重点'],
      text: s.text,
      site: 'govcn',
    });
    expect(stored.createdAt).toBe(stored.updatedAt);
    const read = await repo.getNotice(s.id);
    expect(read).toEqual(stored);
    expect(read!.outline).toEqual(s.outline);
    expect(read!.obligations).toEqual(s.obligations);
  });

  it('merges URLs and keeps saved and tags unless the snapshot sets them', async () => {
    const { repo } = freshRepo();
    const first = await repo.upsertNotice(snapshot({ saved: true, tags: ['重点', '待办'] }));
    const pkulaw = 'https://www.pkulaw.com/chl/abc.html?way=listView';
    const second = await repo.upsertNotice(snapshot({ urls: [pkulaw, `${GOVCN_URL}#top`] }));
    expect(second.id).toBe(first.id);
    expect(second.urls).toEqual([GOVCN_URL, pkulaw]);
    expect(second.saved).toBe(true);
    expect(second.tags).toEqual(['重点', '待办']);
    expect(second.createdAt).toBe(first.createdAt);
    expect(second.updatedAt).toBeGreaterThan(first.updatedAt);
    const third = await repo.upsertNotice(snapshot({ saved: false, tags: [' 已传达 ', '已传达'] }));
    expect(third.saved).toBe(false);
    expect(third.tags).toEqual(['已传达']);
  });

  it('stores many notices in one transaction, the same notice twice as one', async () => {
    const { repo, db } = freshRepo();
    const a = snapshot();
    const b = snapshot({
      metadata: metadata({ docNumber: '国发〔2019〕4号', title: '关于印发国家职业教育改革实施方案的通知' }),
      urls: ['https://www.gov.cn/b.htm'],
    });
    const stored = await repo.upsertNotices([a, b, { ...a, tags: ['重点'] }]);
    expect(stored.map((n) => n.id)).toEqual([a.id, b.id, a.id]);
    expect(await db.notices.count()).toBe(2);
    expect(await db.noticeTerms.count()).toBe(2);
    expect((await repo.getNotice(a.id))?.tags).toEqual(['重点']);
    expect((await repo.search('职业教育')).hits.map((h) => h.notice.id)).toEqual([b.id]);
    expect((await repo.search('重点')).hits.map((h) => h.notice.id)).toEqual([a.id]);
  });

  it('leaves an unchanged notice untouched (a revisit does not reorder the library)', async () => {
    const { repo } = freshRepo();
    const first = await repo.upsertNotice(snapshot());
    const again = await repo.upsertNotice(snapshot());
    expect(again.updatedAt).toBe(first.updatedAt);
  });

  it('does not blank a stored text with a page that has not filled in its body', async () => {
    const { repo } = freshRepo();
    const first = await repo.upsertNotice(snapshot());
    const later = await repo.upsertNotice(snapshot({ text: '', outline: [], obligations: [] }));
    expect(later.text).toBe(first.text);
    expect(later.obligations).toEqual(first.obligations);
  });

  it('finds a notice by any spelling of any URL it was seen at', async () => {
    const { repo } = freshRepo();
    const s = snapshot({ urls: [GOVCN_URL, 'https://www.pkulaw.com/chl/abc.html'] });
    await repo.upsertNotice(s);
    for (const url of [
      GOVCN_URL,
      'http://gov.cn/zhengce/content/2019-02/15/content_5365945.htm?utm_source=weixin#p2',
      'https://pkulaw.com/chl/abc.html?way=listView',
    ]) {
      expect((await repo.findNoticeByUrl(url))?.id, url).toBe(s.id);
    }
    expect(await repo.findNoticeByUrl('https://www.gov.cn/zhengce/content/2019-02/15/content_0000000.htm')).toBeNull();
    expect(await repo.findNoticeByUrl('not a url')).toBeNull();
  });

  it('sets saved and tags, and refuses unknown notices', async () => {
    const { repo } = freshRepo();
    const s = await repo.upsertNotice(snapshot());
    expect((await repo.setSaved(s.id, true)).saved).toBe(true);
    expect((await repo.setNoticeTags(s.id, ['疫情防控', '重点'])).tags).toEqual(['疫情防控', '重点']);
    await expect(repo.setSaved('url:gov.cn/none', true)).rejects.toMatchObject({ kind: 'invalid' });
    await expect(
      repo.setNoticeTags(
        s.id,
        Array.from({ length: 51 }, (_, i) => `t${i}`),
      ),
    ).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('lists the library newest first with annotation counts, filters and pages', async () => {
    const { repo, clock } = freshRepo();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.advance(1000);
      const m = metadata({
        docNumber: `国发〔${2015 + i}〕${i + 1}号`,
        signedDate: `${2015 + i}-03-01`,
        docType: i % 2 ? '通知' : '意见',
      });
      const n = await repo.upsertNotice(snapshot({ metadata: m, saved: i !== 2 }));
      ids.push(n.id);
    }
    await repo.putAnnotation(annotation({ noticeId: ids[1] }));
    await repo.putAnnotation(annotation({ noticeId: ids[1] }));
    const page = await repo.listNotices({ limit: 2 });
    expect(page.total).toBe(5);
    // Annotating moved notice 1 to the top.
    expect(page.items.map((n) => n.id)).toEqual([ids[1], ids[4]]);
    expect(page.items[0].annotationCount).toBe(2);
    expect(page.items[0]).not.toHaveProperty('text');
    expect((await repo.listNotices({ limit: 2, offset: 2 })).items.map((n) => n.id)).toEqual([ids[3], ids[2]]);
    expect((await repo.listNotices({ filters: { saved: false } })).items.map((n) => n.id)).toEqual([ids[2]]);
    expect((await repo.listNotices({ filters: { year: 2016 } })).items.map((n) => n.id)).toEqual([ids[1]]);
    expect((await repo.listNotices({ filters: { docType: '通知', issuer: ' 国务院 ' } })).total).toBe(2);
    expect((await repo.listNotices({ filters: { issuer: '财政部' } })).total).toBe(0);

    // The same answers when every filter counts as broad (walk newest first, count by keys).
    await repo.deleteNotices([ids[4]]);
    const broad = await pageByRecency(repo.db, { saved: true, issuer: '国务院' }, 0, 2, 0);
    expect(broad.rows.map((r) => r.id)).toEqual([ids[1], ids[3]]);
    expect(broad.total).toBe(3);
    const narrow = await pageByRecency(repo.db, { saved: true, issuer: '国务院' }, 0, 2);
    expect(narrow).toEqual(broad);
  });

  it('deletes notices softly, hides them, restores them, and purges them for good', async () => {
    const { repo, clock } = freshRepo();
    const a = await repo.upsertNotice(snapshot());
    const b = await repo.upsertNotice(
      snapshot({
        metadata: metadata({ docNumber: '国发〔2019〕4号' }),
        urls: ['https://www.gov.cn/zhengce/content/2019-02/12/content_5365341.htm'],
      }),
    );
    const note = await repo.putAnnotation(annotation({ noticeId: a.id }));
    expect(await repo.deleteNotices([a.id])).toBe(1);
    expect(await repo.getNotice(a.id)).toBeNull();
    expect(await repo.getNotice(a.id, { includeDeleted: true })).not.toBeNull();
    expect(await repo.findNoticeByUrl(GOVCN_URL)).toBeNull();
    expect((await repo.listNotices()).items.map((n) => n.id)).toEqual([b.id]);
    expect((await repo.listNotices({ filters: { deleted: true } })).items.map((n) => n.id)).toEqual([a.id]);
    expect(await repo.restoreNotices([a.id])).toBe(1);
    expect((await repo.listNotices()).total).toBe(2);
    expect(await repo.listAnnotations(a.id)).toHaveLength(1);

    await repo.deleteNotices([a.id]);
    clock.advance(60_000);
    const purged = await repo.purgeDeleted(clock.now());
    expect(purged).toEqual({ notices: 1, annotations: 1 });
    expect(await repo.getNotice(a.id, { includeDeleted: true })).toBeNull();
    expect(await repo.getAnnotation(note.annotation.id)).toBeNull();
    expect(await repo.findNoticeIdByUrl(GOVCN_URL)).toBeNull();
    expect(await repo.getNotice(b.id)).not.toBeNull();
    expect(await repo.db.noticeTerms.count()).toBe(1);
    expect(await repo.db.noticeTexts.count()).toBe(1);
  });
});

describe('annotations', () => {
  it('is idempotent: a retried save is not doubled, an older one is ignored, a newer one wins', async () => {
    const { repo } = freshRepo();
    await repo.upsertNotice(snapshot());
    const a = annotation({ note: '第一稿', createdAt: 100, updatedAt: 100 });
    expect((await repo.putAnnotation(a)).applied).toBe(true);
    const retry = await repo.putAnnotation({ ...a });
    expect(retry.applied).toBe(false);
    expect(await repo.listAnnotations(a.noticeId)).toHaveLength(1);
    expect((await repo.getNotice(a.noticeId)) && (await repo.listNotices()).items[0].annotationCount).toBe(1);

    const older = await repo.putAnnotation({ ...a, note: '旧稿', updatedAt: 50 });
    expect(older).toEqual({ annotation: a, applied: false });

    const newer = await repo.putAnnotation({ ...a, note: '第二稿', colour: 'green', createdAt: 999, updatedAt: 200 });
    expect(newer.applied).toBe(true);
    const stored = await repo.getAnnotation(a.id);
    expect(stored).toMatchObject({ note: '第二稿', colour: 'green', createdAt: 100, updatedAt: 200 });
    expect(stored).not.toHaveProperty('terms');
    expect((await repo.listNotices()).items[0].annotationCount).toBe(1);
  });

  it('stores many annotations in one transaction, skipping those already stored', async () => {
    const { repo } = freshRepo();
    const n = await repo.upsertNotice(snapshot());
    const a = annotation({ noticeId: n.id, updatedAt: 10 });
    await repo.putAnnotation(a);
    const b = annotation({ noticeId: n.id, updatedAt: 10 });
    expect(await repo.putAnnotations([a, b, { ...a, updatedAt: 5 }])).toEqual({ applied: 1, skipped: 2 });
    expect((await repo.listNotices()).items[0].annotationCount).toBe(2);
    // One bad annotation (its notice is missing): nothing of the batch is written.
    const c = annotation({ noticeId: n.id });
    await expect(repo.putAnnotations([c, annotation({ noticeId: 'url:gov.cn/missing' })])).rejects.toMatchObject({
      kind: 'invalid',
    });
    expect(await repo.getAnnotation(c.id)).toBeNull();
  });

  it('keeps both of two concurrent saves to the same notice', async () => {
    const { repo } = freshRepo();
    const n = await repo.upsertNotice(snapshot());
    const [x, y] = [annotation({ noticeId: n.id, note: 'x' }), annotation({ noticeId: n.id, note: 'y' })];
    await Promise.all([repo.putAnnotation(x), repo.putAnnotation(y), repo.putAnnotation(x)]);
    expect((await repo.listAnnotations(n.id)).map((a) => a.note).sort()).toEqual(['x', 'y']);
    expect((await repo.listNotices()).items[0].annotationCount).toBe(2);
  });

  it('stores the notice with its first annotation in one transaction, and needs a notice otherwise', async () => {
    const { repo } = freshRepo();
    const s = snapshot();
    const a = annotation({ noticeId: s.id });
    await expect(repo.putAnnotation(a)).rejects.toMatchObject({ kind: 'invalid' });
    expect(await repo.getAnnotation(a.id)).toBeNull();
    await repo.putAnnotation(a, s);
    expect((await repo.getNotice(s.id))?.saved).toBe(false);
    expect(await repo.listAnnotations(s.id)).toHaveLength(1);
    await expect(repo.putAnnotation(annotation({ noticeId: 'url:gov.cn/other' }), s)).rejects.toBeInstanceOf(
      StorageError,
    );
  });

  it('refuses to move an annotation to another notice', async () => {
    const { repo } = freshRepo();
    const a1 = await repo.upsertNotice(snapshot());
    const other = await repo.upsertNotice(snapshot({ metadata: metadata({ docNumber: '国发〔2019〕4号' }) }));
    const a = annotation({ noticeId: a1.id });
    await repo.putAnnotation(a);
    await expect(repo.putAnnotation({ ...a, noticeId: other.id, updatedAt: a.updatedAt + 1 })).rejects.toMatchObject({
      kind: 'conflict',
    });
    expect((await repo.getAnnotation(a.id))?.noticeId).toBe(a1.id);
  });

  it('deletes softly, restores, and a retried older save cannot undo the deletion', async () => {
    const { repo, clock } = freshRepo();
    const n = await repo.upsertNotice(snapshot());
    const a = annotation({ noticeId: n.id, updatedAt: clock.now() });
    await repo.putAnnotation(a);
    const deleted = await repo.deleteAnnotation(a.id);
    expect(deleted?.deletedAt).not.toBeNull();
    expect(await repo.listAnnotations(n.id)).toEqual([]);
    expect(await repo.listAnnotations(n.id, { includeDeleted: true })).toHaveLength(1);
    expect((await repo.listNotices()).items[0].annotationCount).toBe(0);

    expect((await repo.putAnnotation(a)).applied).toBe(false);
    expect(await repo.listAnnotations(n.id)).toEqual([]);

    const restored = await repo.restoreAnnotation(a.id);
    expect(restored?.deletedAt).toBeNull();
    expect(await repo.listAnnotations(n.id)).toHaveLength(1);
    expect((await repo.listNotices()).items[0].annotationCount).toBe(1);
    expect(await repo.deleteAnnotation('missing')).toBeNull();
  });

  it('purges only annotations deleted before the cut-off', async () => {
    const { repo, clock } = freshRepo();
    const n = await repo.upsertNotice(snapshot());
    const [old, recent, live] = [
      annotation({ noticeId: n.id }),
      annotation({ noticeId: n.id }),
      annotation({ noticeId: n.id }),
    ];
    for (const a of [old, recent, live]) await repo.putAnnotation(a);
    await repo.deleteAnnotation(old.id);
    clock.advance(10_000);
    const cutoff = clock.now();
    await repo.deleteAnnotation(recent.id);
    expect(await repo.purgeDeleted(cutoff)).toEqual({ notices: 0, annotations: 1 });
    expect((await repo.listAnnotations(n.id, { includeDeleted: true })).map((a) => a.id).sort()).toEqual(
      [live.id, recent.id].sort(),
    );
  });

  it('shows the same annotations for the same notice under another URL', async () => {
    const { repo } = freshRepo();
    const govcn = snapshot();
    const a = annotation({ noticeId: govcn.id, note: '与上年度文件对照' });
    await repo.putAnnotation(a, govcn);
    // The same notice on pkulaw: same issuer and 文号, printed with other brackets, another address.
    const pkulawUrl = 'https://www.pkulaw.com/chl/fb0f20d4001e4c26bdfb.html?way=listView';
    const mirrorMeta = metadata({ docNumber: '国发[2019]5号', url: pkulawUrl });
    const mirror = snapshot({
      urls: [pkulawUrl],
      metadata: mirrorMeta,
      site: 'pkulaw',
      id: noticeId(mirrorMeta, pkulawUrl),
    });
    expect(mirror.id).toBe(govcn.id);
    await repo.upsertNotice(mirror);
    const found = await repo.findNoticeByUrl('http://pkulaw.com/chl/fb0f20d4001e4c26bdfb.html#tiao_2');
    expect(found?.id).toBe(govcn.id);
    expect((await repo.listAnnotations(found!.id)).map((x) => x.note)).toEqual(['与上年度文件对照']);
    expect(found!.urls).toEqual([GOVCN_URL, pkulawUrl]);
  });
});

describe('storage errors', () => {
  it('maps a full quota to a quota error and leaves the data as it was', async () => {
    const { db, repo } = freshRepo();
    const n = await repo.upsertNotice(snapshot());
    const kept = annotation({ noticeId: n.id, note: 'kept' });
    await repo.putAnnotation(kept);
    const before = await repo.listNotices();
    vi.spyOn(db.annotations, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const failed = annotation({ noticeId: n.id, note: 'lost' });
    const error = await repo.putAnnotation(failed).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'quota' });
    expect((error as StorageError).userMessage).toMatch(/存储空间已满.*quota/);
    vi.restoreAllMocks();
    expect(await repo.getAnnotation(failed.id)).toBeNull();
    expect(await repo.listNotices()).toEqual(before);
    expect((await repo.listAnnotations(n.id)).map((a) => a.note)).toEqual(['kept']);
  });

  it('writes neither the notice nor the annotation when the annotation write fails', async () => {
    const { db, repo } = freshRepo();
    vi.spyOn(db.annotations, 'put').mockImplementation(() => {
      throw new DOMException('disk full', 'QuotaExceededError');
    });
    const s = snapshot();
    await expect(repo.putAnnotation(annotation({ noticeId: s.id }), s)).rejects.toMatchObject({ kind: 'quota' });
    vi.restoreAllMocks();
    expect(await repo.getNotice(s.id, { includeDeleted: true })).toBeNull();
    expect(await db.aliases.count()).toBe(0);
    expect(await db.noticeTerms.count()).toBe(0);
  });

  it('treats a full disk, as Chromium reports it under unlimitedStorage, as storage full', async () => {
    // Messages as Chromium 156 gives them when the profile's disk is full (tests/e2e/storage-full.test.ts).
    const logFull = new DOMException(
      'Connection is closing because of: IO error: .../chrome-extension_x_0.indexeddb.leveldb/000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
      'UnknownError',
    );
    const blobFull = new DOMException('Failed to write blobs (IOError)', 'DataError');
    expect(toStorageError(logFull).kind).toBe('quota');
    expect(toStorageError({ name: 'AbortError', message: 'Transaction aborted', inner: logFull }).kind).toBe('quota');
    expect(toStorageError({ name: 'DataError', message: blobFull.message, inner: blobFull }).kind).toBe('quota');
    expect(toStorageError(new DOMException('No space left on device', 'UnknownError')).kind).toBe('quota');
    // Other unknown and data errors keep their kinds.
    expect(toStorageError(new DOMException('Internal error committing transaction.', 'UnknownError')).kind).toBe(
      'unknown',
    );
    expect(toStorageError(new DOMException('Failed to read blobs', 'DataError')).kind).toBe('invalid');

    const { db, repo } = freshRepo();
    const n = await repo.upsertNotice(snapshot());
    const before = await repo.listNotices();
    vi.spyOn(db.annotations, 'put').mockImplementation(() => {
      throw logFull;
    });
    const error = await repo.putAnnotation(annotation({ noticeId: n.id })).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(error).toMatchObject({ kind: 'quota' });
    expect((error as StorageError).userMessage).toMatch(/^存储空间已满/);
    expect(await repo.listNotices()).toEqual(before);
    expect(await db.annotations.count()).toBe(0);
  });

  it('finds a quota error wrapped by Dexie and classifies the rest', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(toStorageError({ name: 'AbortError', message: 'aborted', inner: quota }).kind).toBe('quota');
    expect(toStorageError({ name: 'BulkError', message: '1 failed', failures: { 3: quota } }).kind).toBe('quota');
    expect(toStorageError(new Error('x', { cause: quota })).kind).toBe('quota');
    expect(toStorageError(new DOMException('dup', 'ConstraintError')).kind).toBe('conflict');
    expect(toStorageError(new DOMException('bad key', 'DataError')).kind).toBe('invalid');
    expect(toStorageError(new Error('boom')).kind).toBe('unknown');
    const e = new StorageError('conflict', 'x');
    expect(toStorageError(e)).toBe(e);
  });
});
