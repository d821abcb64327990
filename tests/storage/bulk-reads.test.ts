/** Reading many notices or their annotations at once gives what reading them one by one gives. */
import { describe, expect, it } from 'vitest';
import { annotation, freshRepo, metadata, snapshot } from './fixtures';

describe('bulk reads', () => {
  it('reads notices and annotations of many notices as one at a time does', async () => {
    const { repo } = freshRepo();
    const notices = Array.from({ length: 5 }, (_, i) =>
      snapshot({
        metadata: metadata({ title: `关于第${i}项工作的通知`, docNumber: `国发〔2020〕${i + 1}号` }),
        urls: [`https://www.gov.cn/${i}.htm`],
      }),
    );
    await repo.upsertNotices(notices);
    const ids = notices.map((n) => n.id);
    await repo.putAnnotations([
      annotation({ id: 'b', noticeId: ids[0], createdAt: 20 }),
      annotation({ id: 'a', noticeId: ids[0], createdAt: 20 }),
      annotation({ id: 'c', noticeId: ids[0], createdAt: 10 }),
      annotation({ id: 'd', noticeId: ids[2], createdAt: 5 }),
    ]);
    await repo.deleteAnnotation('c');
    await repo.deleteNotices([ids[3]]);
    const asked = [ids[2], 'url:gov.cn/none', ids[0], ids[3], ids[1], ids[0]];
    for (const includeDeleted of [false, true]) {
      expect(await repo.getNotices(asked, { includeDeleted })).toEqual(
        await Promise.all(asked.map((id) => repo.getNotice(id, { includeDeleted }))),
      );
      const lists = await repo.listAnnotationsOf(asked, { includeDeleted });
      for (const id of asked) expect(lists.get(id), id).toEqual(await repo.listAnnotations(id, { includeDeleted }));
    }
    expect((await repo.listAnnotationsOf([ids[0]], { includeDeleted: true })).get(ids[0])!.map((a) => a.id)).toEqual([
      'c',
      'a',
      'b',
    ]);
    expect(await repo.getNotices([])).toEqual([]);
    expect(await repo.listAnnotationsOf([])).toEqual(new Map());
  });

  it("reads a notice's first annotations as the first of all of them, past deleted ones, with the count", async () => {
    const { repo } = freshRepo();
    const [notice, other] = [0, 1].map((i) =>
      snapshot({
        metadata: metadata({ title: `关于第${i}项工作的通知`, docNumber: `国发〔2021〕${i + 1}号` }),
        urls: [`https://www.gov.cn/f${i}.htm`],
      }),
    );
    await repo.upsertNotices([notice, other]);
    // 60 annotations, several made at the same moment, the first 20 made deleted; one on another notice.
    await repo.putAnnotations([
      ...Array.from({ length: 60 }, (_, i) =>
        annotation({
          id: `n${String(59 - i).padStart(2, '0')}`,
          noticeId: notice.id,
          createdAt: 100 + Math.floor(i / 3),
        }),
      ),
      annotation({ id: 'o1', noticeId: other.id, createdAt: 1 }),
    ]);
    const all = await repo.listAnnotations(notice.id);
    for (const a of all.slice(0, 20)) await repo.deleteAnnotation(a.id);
    const live = await repo.listAnnotations(notice.id);
    expect(live).toHaveLength(40);
    const total = live.length;
    for (const n of [1, 5, total - 1]) {
      const first = await repo.firstAnnotations(notice.id, n);
      expect(first.annotations).toEqual(live.slice(0, n));
      expect(first).toMatchObject({ complete: false, total });
    }
    expect(await repo.firstAnnotations(notice.id, total)).toEqual({ annotations: live, complete: true, total });
    expect(await repo.firstAnnotations(notice.id, 100)).toEqual({ annotations: live, complete: true, total });
    expect(await repo.firstAnnotations(other.id, 10)).toEqual({
      annotations: await repo.listAnnotations(other.id),
      complete: true,
      total: 1,
    });
    expect(await repo.firstAnnotations('url:gov.cn/none', 10)).toEqual({ annotations: [], complete: true, total: 0 });
  });
});
