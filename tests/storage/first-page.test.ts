/** The popup's first page read without Dexie is the repository's first page. */
import { IDBIndex, IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DB_NAME } from '../../lib/storage/db';
import { FIRST_PAGE_DB_NAME, POPUP_PAGE, readFirstPage, readNoticeFirstScreen } from '../../lib/storage/first-page';
import { assembleNotice, stripTerms } from '../../lib/storage/repository';
import { toSummary } from '../../lib/storage/records';
import { annotation, freshRepo, metadata, snapshot, uniqueName } from './fixtures';

describe('the first page read without Dexie', () => {
  it('is the newest notices not in the bin, as the repository lists them', async () => {
    const { repo, db, clock } = freshRepo();
    for (let i = 0; i < 45; i++) {
      clock.advance(i % 5 === 0 ? 0 : 1000);
      await repo.upsertNotice(
        snapshot({
          metadata: metadata({ title: `第${i}号通知`, docNumber: `国发〔2020〕${i + 1}号` }),
          urls: [`https://www.gov.cn/${i}.htm`],
        }),
      );
    }
    const all = (await repo.listNotices({ limit: 500 })).items;
    await repo.deleteNotices([all[0].id, all[3].id, all[17].id]);
    for (const limit of [POPUP_PAGE, 5, 100]) {
      const rows = await readFirstPage(indexedDB, limit, db.name, IDBKeyRange);
      expect(rows!.map(toSummary)).toEqual(await repo.recentNotices({ limit }));
    }
    expect(FIRST_PAGE_DB_NAME).toBe(DB_NAME);
  });

  it('reads the first notices in one request where the browser can, and the rest with a cursor', async () => {
    // getAllRecords (Chromium 141+) as the browser gives it, made here from a cursor.
    const proto = IDBIndex.prototype as unknown as { getAllRecords?: unknown };
    let requests = 0;
    proto.getAllRecords = function (this: IDBIndex, o: { count: number; direction: IDBCursorDirection }) {
      requests++;
      const request = { result: [] as unknown[], onsuccess: null as null | (() => void) };
      const cursor = this.openCursor(null, o.direction);
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (c && request.result.length < o.count) {
          request.result.push({ key: c.key, primaryKey: c.primaryKey, value: c.value as unknown });
          c.continue();
        } else request.onsuccess?.();
      };
      return request;
    };
    try {
      const { repo, db, clock } = freshRepo();
      for (let i = 0; i < 60; i++) {
        clock.advance(1000);
        await repo.upsertNotice(
          snapshot({
            metadata: metadata({ title: `第${i}号通知`, docNumber: `国发〔2021〕${i + 1}号` }),
            urls: [`https://www.gov.cn/${i}.htm`],
          }),
        );
      }
      expect((await readFirstPage(indexedDB, POPUP_PAGE, db.name, IDBKeyRange))!.map(toSummary)).toEqual(
        await repo.recentNotices({ limit: POPUP_PAGE }),
      );
      expect(requests).toBe(1);
      // Most of the newest in the bin: the first request does not give enough, the cursor goes on.
      const all = (await repo.listNotices({ limit: 500 })).items;
      await repo.deleteNotices(all.slice(0, 25).map((n) => n.id));
      expect((await readFirstPage(indexedDB, POPUP_PAGE, db.name, IDBKeyRange))!.map(toSummary)).toEqual(
        await repo.recentNotices({ limit: POPUP_PAGE }),
      );
    } finally {
      delete proto.getAllRecords;
    }
  });

  it('gives null and creates nothing when there is no library yet', async () => {
    const name = uniqueName('none');
    expect(await readFirstPage(indexedDB, POPUP_PAGE, name)).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });
});

describe('a notice and its first screen of annotations read without Dexie', () => {
  it('are the notice and the first annotations the repository gives, past those in the bin', async () => {
    const { repo, db } = freshRepo();
    const notice = await repo.upsertNotice({ ...snapshot(), saved: true });
    const other = await repo.upsertNotice(
      snapshot({
        urls: ['https://www.gov.cn/other.htm'],
        metadata: metadata({ title: '另一通知', docNumber: '国发〔2020〕9号' }),
      }),
    );
    const at = 1_700_000_000_000;
    await repo.putAnnotations(
      Array.from({ length: 60 }, (_, i) =>
        annotation({ id: `n-${i}`, noticeId: notice.id, note: `第${i}条`, createdAt: at + i, updatedAt: at + i }),
      ),
    );
    await repo.putAnnotations([annotation({ id: 'elsewhere', noticeId: other.id, createdAt: at - 1 })]);
    // In the bin: two among the first, and most of those after the first screen.
    for (const id of ['n-0', 'n-3', ...Array.from({ length: 15 }, (_, i) => `n-${45 + i}`)])
      await repo.deleteAnnotation(id);
    for (const limit of [40, 5, 43, 100]) {
      const read = await readNoticeFirstScreen(indexedDB, notice.id, limit, db.name, IDBKeyRange);
      const first = await repo.firstAnnotations(notice.id, limit);
      expect(assembleNotice(read!.row, read!.text, read!.analysis)).toEqual(await repo.getNotice(notice.id));
      expect(read!.annotations.map(stripTerms)).toEqual(first.annotations);
      expect(read!.complete).toBe(first.complete);
    }
    // More in the bin than a first request's few: the walk goes on past them to the one left.
    for (let i = 1; i < 45; i++) if (i !== 3) await repo.deleteAnnotation(`n-${i}`);
    await repo.putAnnotations([
      annotation({ id: 'late', noticeId: notice.id, createdAt: at + 99, updatedAt: at + 99 }),
    ]);
    const read = await readNoticeFirstScreen(indexedDB, notice.id, 1, db.name, IDBKeyRange);
    expect(read!.annotations.map((a) => a.id)).toEqual(['late']);
    expect(read!.complete).toBe(true);
    expect((await repo.firstAnnotations(notice.id, 1)).annotations.map((a) => a.id)).toEqual(['late']);
  });

  it('gives null for a notice that is not there or is in the bin', async () => {
    const { repo, db } = freshRepo();
    const notice = await repo.upsertNotice(snapshot());
    expect(await readNoticeFirstScreen(indexedDB, 'no-such-notice', 40, db.name, IDBKeyRange)).toBeNull();
    await repo.deleteNotices([notice.id]);
    expect(await readNoticeFirstScreen(indexedDB, notice.id, 40, db.name, IDBKeyRange)).toBeNull();
    expect(await readNoticeFirstScreen(indexedDB, notice.id, 40, uniqueName('none'), IDBKeyRange)).toBeNull();
  });
});
