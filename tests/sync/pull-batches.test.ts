/**
 * The pull's batches as the library takes them: each batch and the checkpoint past it in one transaction
 * (all or none), the notes' search rows built once when the pull has caught up, and never lost: a pull
 * stopped part way leaves the list of notices to index, and the next one indexes them.
 */
import { describe, expect, it } from 'vitest';
import { annotationToDoc, docId, pullRemoteChanges, type PouchLike } from '../../lib/sync/bridge';
import { installChangeLog } from '../../lib/sync/change-log';
import { NoticeRepository } from '../../lib/storage/repository';
import type { NoticeLensDB } from '../../lib/storage/db';
import { annotation, freshDb, metadata, snapshot, uniqueName } from '../storage/fixtures';
import { Pouch } from './profile';

const WORDS = ['麒麟', '凤凰', '白泽'];

/** A team database of three notices and thirty notes, the notes taking turns between the notices. */
async function teamDatabase(): Promise<{ pouch: PouchLike; noticeIds: string[] }> {
  const pouch = new Pouch(uniqueName('pull'), {}) as unknown as PouchLike;
  const notices = WORDS.map((w, i) =>
    snapshot({
      id: `url:https://www.gov.cn/zhengce/content/2024-0${i + 1}/01/content_${i}.htm`,
      urls: [`https://www.gov.cn/zhengce/content/2024-0${i + 1}/01/content_${i}.htm`],
      metadata: metadata({ title: `关于第${i + 1}项工作的通知`, docNumber: `国办发〔2024〕${i + 1}号` }),
    }),
  );
  const docs: object[] = notices.map((s) => ({
    _id: docId('notices', s.id),
    kind: 'notice',
    notice: { ...s, saved: false, tags: [], createdAt: 1, deletedAt: null },
  }));
  for (let k = 0; k < 30; k++) {
    const a = annotation({
      id: `n-${k}`,
      noticeId: notices[k % 3].id,
      note: `${WORDS[k % 3]}批注第${k}条`,
      creator: 'alice',
      createdAt: 100 + k,
      updatedAt: 100 + k,
    });
    docs.push(annotationToDoc(a, 'alice'));
  }
  await pouch.bulkDocs(docs);
  return { pouch, noticeIds: notices.map((s) => s.id) };
}

async function foundByNote(repo: NoticeRepository, word: string): Promise<string[]> {
  return (await repo.search(word)).hits.map((h) => h.notice.id);
}

async function expectIndexed(repo: NoticeRepository, db: NoticeLensDB, noticeIds: string[]): Promise<void> {
  expect(await repo.pendingNotes()).toEqual([]);
  for (let i = 0; i < 3; i++) expect(await foundByNote(repo, WORDS[i])).toEqual([noticeIds[i]]);
  expect((await db.notices.bulkGet(noticeIds)).map((r) => r?.annotationCount)).toEqual([10, 10, 10]);
  // One row of notes per notice, each holding its ten notes.
  const rows = await db.noteTerms.toArray();
  expect(rows.map((r) => Object.keys(r.notes).length)).toEqual([10, 10, 10]);
}

describe("the pull's batches", () => {
  it('bring every note, each notice findable by its notes and counting them once the pull has caught up', async () => {
    const { pouch, noticeIds } = await teamDatabase();
    const db = freshDb();
    installChangeLog(db);
    const repo = new NoticeRepository(db);
    const batches: number[] = [];
    const r = await pullRemoteChanges(repo, pouch, { batch: 7, onBatch: (n) => batches.push(n) });
    expect(r.invalid).toEqual([]);
    expect(batches.length).toBe(5);
    expect(await db.annotations.count()).toBe(30);
    await expectIndexed(repo, db, noticeIds);
    // Nothing of it is sent back.
    expect(await db.syncLog.count()).toBe(0);
  });

  it('a pull stopped part way keeps what its batches stored and the notices still to index; the next indexes them', async () => {
    const { pouch, noticeIds } = await teamDatabase();
    const name = uniqueName('restart');
    const db = freshDb(name);
    let feeds = 0;
    // The worker stops during the third batch's read of the feed.
    const stopping: PouchLike = {
      ...pouch,
      allDocs: (o) => pouch.allDocs(o),
      get: (id, o) => pouch.get(id, o),
      bulkDocs: (d) => pouch.bulkDocs(d),
      changes: (o) => (++feeds === 3 ? Promise.reject(new Error('stopped')) : pouch.changes(o)),
    };
    await expect(pullRemoteChanges(new NoticeRepository(db), stopping, { batch: 7 })).rejects.toThrow('stopped');
    const stored = await db.annotations.count();
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(30);
    expect((await new NoticeRepository(db).pendingNotes()).length).toBeGreaterThan(0);
    db.close();

    // Started again: the pull goes on from its checkpoint and indexes what the first one left.
    const again = freshDb(name);
    const repo = new NoticeRepository(again);
    await pullRemoteChanges(repo, pouch, { batch: 7 });
    expect(await again.annotations.count()).toBe(30);
    await expectIndexed(repo, again, noticeIds);
  });

  it('a batch the library refuses stores none of its documents and leaves the checkpoint where it was', async () => {
    const { pouch, noticeIds } = await teamDatabase();
    const db = freshDb();
    const repo = new NoticeRepository(db);
    // A note of this library with the id of one in the team database's second batch, on another notice.
    await repo.upsertNotice(snapshot());
    await repo.putAnnotation(annotation({ id: 'n-10', noticeId: snapshot().id, updatedAt: 1 }));
    await expect(pullRemoteChanges(repo, pouch, { batch: 7 })).rejects.toThrow();
    // The first batch (three notices, four notes) is in; of the second, nothing.
    const notes = (await db.annotations.toCollection().primaryKeys()).sort();
    expect(notes).toEqual(['n-0', 'n-1', 'n-10', 'n-2', 'n-3']);
    expect((await db.annotations.get('n-7'))?.id).toBeUndefined();
    expect((await db.notices.bulkGet(noticeIds)).every(Boolean)).toBe(true);
    const checkpoint = (await db.meta.get('syncPulledSeq'))?.value;
    await expect(pullRemoteChanges(repo, pouch, { batch: 7 })).rejects.toThrow();
    expect((await db.meta.get('syncPulledSeq'))?.value).toBe(checkpoint);
  });
});
