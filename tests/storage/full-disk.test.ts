/**
 * A full disk, as Chromium shows it to IndexedDB under unlimitedStorage: a write fails with nothing naming
 * the cause (an aborted transaction), the browser closes the connection, and opening the database again
 * fails until the analyst makes room. The failure must read as "storage full", and the library must work
 * again once there is room, without restarting the extension.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importLibrary, takeInterruptedImport } from '../../lib/library/transfer';
import { handleRequest } from '../../lib/messages/router';
import { NoticeLensDB, REOPEN_DELAY_MS } from '../../lib/storage/db';
import { NEARLY_FULL_BYTES, StorageError } from '../../lib/storage/errors';
import { NoticeRepository } from '../../lib/storage/repository';
import { annotation, freshRepo, GOVCN_URL, snapshot, testClock, uniqueName } from './fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** `navigator.storage.estimate()` reporting `free` bytes left, as Chromium does for an unlimited origin. */
function stubFreeSpace(free: number) {
  vi.stubGlobal('navigator', {
    storage: { estimate: () => Promise.resolve({ usage: 500_000, quota: 500_000 + free }) },
  });
}

/** An IndexedDB whose `open` fails (as on a full disk) while `failing.on` is set. */
function flakyIndexedDB() {
  const failing = { on: false, attempts: 0 };
  const wrapper = {
    open(name: string, version?: number) {
      failing.attempts++;
      if (!failing.on) return indexedDB.open(name, version);
      const request: Record<string, unknown> = { readyState: 'pending', result: undefined, error: null };
      setTimeout(() => {
        request.readyState = 'done';
        request.error = new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
        const event = { type: 'error', target: request, preventDefault() {}, stopPropagation() {} };
        (request.onerror as ((e: unknown) => void) | undefined)?.(event);
      }, 0);
      return request;
    },
    deleteDatabase: (name: string) => indexedDB.deleteDatabase(name),
    databases: () => indexedDB.databases(),
    cmp: (a: unknown, b: unknown) => indexedDB.cmp(a, b),
  };
  return { failing, deps: { indexedDB: wrapper, IDBKeyRange } };
}

describe('a full disk', () => {
  it('turns an unexplained failure into a storage-full error when the estimate shows no room left', async () => {
    const db = new NoticeLensDB(uniqueName('full'), { indexedDB, IDBKeyRange });
    const repo = new NoticeRepository(db, { now: testClock().now });
    const n = await repo.upsertNotice(snapshot());
    // What Dexie rejects with when the browser aborts the transaction under it: the request's AbortError.
    const aborted = () => {
      throw new DOMException('The transaction was aborted, so the request cannot be fulfilled.', 'AbortError');
    };
    vi.spyOn(db.annotations, 'put').mockImplementation(aborted);

    stubFreeSpace(1024);
    const full = await repo.putAnnotation(annotation({ noticeId: n.id })).catch((e: unknown) => e);
    expect(full).toBeInstanceOf(StorageError);
    expect(full).toMatchObject({ kind: 'quota' });
    expect((full as StorageError).userMessage).toMatch(/^存储空间已满/);

    // With room left, the same failure stays unexplained (and retryable).
    stubFreeSpace(NEARLY_FULL_BYTES * 4);
    await expect(repo.putAnnotation(annotation({ noticeId: n.id }))).rejects.toMatchObject({ kind: 'unknown' });
    // No estimate at all (another browser, a test): unexplained.
    vi.unstubAllGlobals();
    await expect(repo.putAnnotation(annotation({ noticeId: n.id }))).rejects.toMatchObject({ kind: 'unknown' });
    db.close();
  });

  it('keeps the library usable: once opening works again, the next call opens the database', async () => {
    const { failing, deps } = flakyIndexedDB();
    const name = uniqueName('reopen');
    const db = new NoticeLensDB(name, deps);
    const repo = new NoticeRepository(db, { now: testClock().now });
    const n = await repo.upsertNotice(snapshot());
    await repo.putAnnotation(annotation({ id: 'before', noticeId: n.id, note: '磁盘写满前' }));

    // The browser closes the connection (Dexie's onclose handler does exactly this), and the disk stays full.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined); // Dexie's notes on its own open retries
    failing.on = true;
    db.close({ disableAutoOpen: false });
    stubFreeSpace(0);
    await expect(repo.getAnnotation('before')).rejects.toMatchObject({ kind: 'quota' });
    await expect(repo.listAnnotations(n.id)).rejects.toMatchObject({ kind: 'quota' });

    // Room is made: within the reopen delay the library works again, without a new database object.
    failing.on = false;
    vi.unstubAllGlobals();
    await vi.waitFor(async () => expect((await repo.getAnnotation('before'))?.note).toBe('磁盘写满前'), {
      timeout: REOPEN_DELAY_MS * 10,
      interval: 50,
    });
    await repo.putAnnotation(
      annotation({ id: 'after', noticeId: n.id, createdAt: 1_800_000_000_000, updatedAt: 1_800_000_000_000 }),
    );
    expect((await repo.listAnnotations(n.id)).map((a) => a.id)).toEqual(['before', 'after']);
    db.close();
  });

  it('refuses writes before they start when the disk is nearly full, so no write can run out half-way', async () => {
    const { db, repo } = freshRepo();
    const s = snapshot();
    await repo.upsertNotice(s);
    const before: Record<string, unknown[]> = {};
    for (const t of db.tables) before[t.name] = await t.toArray();
    const spies = db.tables.map((t) => [vi.spyOn(t, 'put'), vi.spyOn(t, 'bulkPut')]).flat();
    const content = { kind: 'content-script' as const, url: GOVCN_URL, tabId: 1, frameId: 0 };

    stubFreeSpace(NEARLY_FULL_BYTES - 1);
    const put = await handleRequest(
      repo,
      { type: 'annotation/put', annotation: annotation({ noticeId: s.id }) },
      { sender: content },
    );
    expect(put).toMatchObject({
      ok: false,
      kind: 'quota',
      retry: true,
      error: expect.stringMatching(/^存储空间已满/) as unknown,
    });
    const upsert = await handleRequest(
      repo,
      { type: 'notice/upsert', snapshot: snapshot({ text: `${s.text}\n补充。` }) },
      { sender: content },
    );
    expect(upsert).toMatchObject({ ok: false, kind: 'quota' });
    // Reading, and emptying the bin (which makes room), still work.
    expect(await handleRequest(repo, { type: 'notice/get-by-url', url: GOVCN_URL }, { sender: content })).toMatchObject(
      { ok: true },
    );
    const page = { kind: 'extension-page' as const, url: 'chrome-extension://x/library.html' };
    expect(
      await handleRequest(repo, { type: 'annotation/purge-deleted', olderThan: 0 }, { sender: page }),
    ).toMatchObject({ ok: true });
    // An import needs room for what it brings: refused before its marker is written.
    stubFreeSpace(NEARLY_FULL_BYTES + 1024);
    const big = {
      ...s,
      id: 'url:gov.cn/big',
      urls: ['https://www.gov.cn/big.htm'],
      text: '字'.repeat(10_000),
      saved: true,
      tags: [],
      createdAt: 1,
      updatedAt: 2,
    };
    await expect(importLibrary(repo, [big], [], { fileName: 'big.jsonld' })).rejects.toMatchObject({ kind: 'quota' });
    expect(await takeInterruptedImport(repo)).toBeNull();

    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    for (const t of db.tables) expect(await t.toArray(), t.name).toEqual(before[t.name]);
    // With room again, the same write goes through.
    stubFreeSpace(NEARLY_FULL_BYTES * 4);
    expect(
      await handleRequest(
        repo,
        { type: 'annotation/put', annotation: annotation({ noticeId: s.id }) },
        { sender: content },
      ),
    ).toMatchObject({ ok: true });
    db.close();
  });

  it('does not reopen a database our own code closed', async () => {
    const db = new NoticeLensDB(uniqueName('closed'), { indexedDB, IDBKeyRange });
    await db.open();
    db.close();
    await new Promise((r) => setTimeout(r, REOPEN_DELAY_MS * 2));
    await expect(db.notices.count()).rejects.toMatchObject({ name: 'DatabaseClosedError' });
  });
});
