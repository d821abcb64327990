/** The popup's first page read without Dexie is the repository's first page. */
import { IDBIndex, IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DB_NAME } from '../../lib/storage/db';
import { FIRST_PAGE_DB_NAME, POPUP_PAGE, readFirstPage } from '../../lib/storage/first-page';
import { toSummary } from '../../lib/storage/records';
import { freshRepo, metadata, snapshot, uniqueName } from './fixtures';

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
