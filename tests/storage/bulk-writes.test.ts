/**
 * Batches are written in bulk (stored rows read at once, merged in memory, written at the end): the
 * result must be exactly what writing the same records one at a time gives.
 */
import { describe, expect, it } from 'vitest';
import type { NoticeLensDB } from '../../lib/storage/db';
import type { Annotation } from '../../lib/types';
import { annotation, freshRepo, metadata, snapshot } from './fixtures';

async function dump(db: NoticeLensDB) {
  const [notices, texts, analyses, terms, annotations, aliases] = await Promise.all([
    db.notices.toArray(),
    db.noticeTexts.toArray(),
    db.noticeAnalyses.toArray(),
    db.noticeTerms.toArray(),
    db.annotations.toArray(),
    db.aliases.toArray(),
  ]);
  return { notices, texts, analyses, terms, annotations, aliases };
}

const other = snapshot({
  metadata: metadata({ docNumber: '国发〔2019〕4号', title: '关于印发国家职业教育改革实施方案的通知' }),
  urls: ['https://www.gov.cn/b.htm'],
  text: '各省、自治区、直辖市人民政府：\n职业教育与普通教育是两种不同教育类型。\n一、完善国家职业教育制度体系\n各地要健全职业教育制度。',
});

describe('bulk writes', () => {
  it('stores a batch of notices as storing them one at a time does', async () => {
    const a = snapshot();
    const batch = [
      a,
      other,
      { ...a, tags: ['重点'], urls: ['https://www.pkulaw.com/chl/abc.html?way=listView'] },
      { ...other, saved: true },
      { ...a, text: '' }, // a page without its body yet: keeps the stored text
      { ...other, text: `${other.text}\n二、附则` },
    ];
    const one = freshRepo();
    const bulk = freshRepo();
    const singly = [];
    for (const s of batch) singly.push(await one.repo.upsertNotice(s));
    const together = await bulk.repo.upsertNotices(batch);
    expect(together).toEqual(singly);
    expect(await dump(bulk.db)).toEqual(await dump(one.db));
    // Stored again unchanged: nothing moves.
    const again = await bulk.repo.upsertNotices([batch[5]]);
    expect(again[0].updatedAt).toBe(together[5].updatedAt);
  });

  it('stores a batch of annotations as storing them one at a time does, in order', async () => {
    const one = freshRepo();
    const bulk = freshRepo();
    for (const r of [one, bulk]) await r.repo.upsertNotices([snapshot(), other]);
    const a = annotation({ id: 'a-1', note: '第一稿', tags: ['重点'], createdAt: 10, updatedAt: 10 });
    const list: Annotation[] = [
      a,
      annotation({ id: 'b-1', noticeId: other.id, note: '职业教育', updatedAt: 11 }),
      { ...a, note: '第二稿', updatedAt: 20, createdAt: 99 }, // newer: wins, keeps the first createdAt
      { ...a, note: '旧稿', updatedAt: 15 }, // older than what the batch already holds: skipped
      annotation({ id: 'c-1', deletedAt: 30, updatedAt: 30 }), // deleted: not counted
      { ...a, deletedAt: 40, updatedAt: 40 }, // deleted in the same batch
      annotation({ id: 'd-1', note: '留存', updatedAt: 12 }),
    ];
    const singly = { applied: 0, skipped: 0 };
    for (const x of list) {
      if ((await one.repo.putAnnotation(x)).applied) singly.applied++;
      else singly.skipped++;
    }
    expect(await bulk.repo.putAnnotations(list)).toEqual(singly);
    expect(singly).toEqual({ applied: 6, skipped: 1 });
    expect(await dump(bulk.db)).toEqual(await dump(one.db));
    const counts = Object.fromEntries((await bulk.repo.listNotices()).items.map((n) => [n.id, n.annotationCount]));
    expect(counts).toEqual({ [snapshot().id]: 1, [other.id]: 1 });
    expect((await bulk.repo.search('留存')).hits.map((h) => h.notice.id)).toEqual([snapshot().id]);
    expect((await bulk.repo.search('第二稿')).hits).toEqual([]);
  });

  it('writes nothing of a batch with an annotation on a missing notice or moved to another notice', async () => {
    const { repo, db } = freshRepo();
    await repo.upsertNotices([snapshot(), other]);
    const before = await dump(db);
    const ok = annotation({ id: 'ok-1' });
    await expect(repo.putAnnotations([ok, annotation({ noticeId: 'url:gov.cn/missing' })])).rejects.toMatchObject({
      kind: 'invalid',
    });
    await expect(
      repo.putAnnotations([ok, { ...ok, noticeId: other.id, updatedAt: ok.updatedAt + 1 }]),
    ).rejects.toMatchObject({ kind: 'conflict' });
    expect(await dump(db)).toEqual(before);
  });
});
