/** A library page without its total is the same page; the total on its own is the same total. */
import { describe, expect, it } from 'vitest';
import { pageByRecency, type NoticeFilters } from '../../lib/storage/records';
import { freshRepo, metadata, snapshot } from './fixtures';

describe('library pages without their total', () => {
  it('list the same notices, and countNotices gives the same total', async () => {
    const { repo, db, clock } = freshRepo();
    const issuers = ['国务院', '财政部', '教育部'];
    for (let i = 0; i < 40; i++) {
      clock.advance(1000);
      await repo.upsertNotice(
        snapshot({
          metadata: metadata({
            title: `关于第${i}项工作的通知`,
            docNumber: `国发〔${2018 + (i % 3)}〕${i + 1}号`,
            issuers: [issuers[i % 3]],
            signedDate: `${2018 + (i % 3)}-01-01`,
          }),
          urls: [`https://www.gov.cn/${i}.htm`],
          saved: i % 4 !== 0,
          tags: i % 5 === 0 ? ['重点'] : [],
        }),
      );
    }
    const ids = (await repo.listNotices({ limit: 500 })).items.map((n) => n.id);
    await repo.deleteNotices(ids.filter((_, i) => i % 7 === 3));
    const cases: NoticeFilters[] = [
      {},
      { saved: true },
      { year: 2019 },
      { issuer: '财政部', saved: true },
      { tag: '重点' },
      { deleted: true },
    ];
    for (const filters of cases) {
      for (const [offset, limit] of [
        [0, 10],
        [5, 7],
        [0, 500],
      ]) {
        const page = await repo.listNotices({ filters, offset, limit });
        expect(await repo.recentNotices({ filters, offset, limit }), JSON.stringify(filters)).toEqual(page.items);
        expect(await repo.countNotices(filters), JSON.stringify(filters)).toBe(page.total);
      }
      // The walk for broad filters, too.
      for (const readAndSortUpTo of [0, 500]) {
        const full = await db.transaction('r', db.notices, () => pageByRecency(db, filters, 2, 9, readAndSortUpTo));
        const rows = await db.transaction('r', db.notices, () =>
          pageByRecency(db, filters, 2, 9, readAndSortUpTo, false),
        );
        expect(rows.rows).toEqual(full.rows);
        expect(rows.total === null || rows.total === full.total).toBe(true);
      }
    }
  });
});
