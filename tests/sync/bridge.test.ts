/** The pure mapping between library rows and CouchDB documents, and the change log that feeds the push. */
import { describe, expect, it } from 'vitest';
import { annotationToDoc, applyDocs, contentKey, docToChange, noticeToDoc } from '../../lib/sync/bridge';
import { installChangeLog } from '../../lib/sync/change-log';
import { NoticeRepository } from '../../lib/storage/repository';
import { annotation, freshDb, snapshot } from '../storage/fixtures';

describe('mapping', () => {
  it('an annotation and its document map to each other, creator and selectors included', () => {
    const a = annotation({ id: 'b-1', note: '注', tags: ['重点'], creator: 'alice' });
    const doc = annotationToDoc(a, 'bob');
    expect(doc._id).toBe('annotation:b-1');
    expect(doc.creator).toBe('alice');
    expect(docToChange(JSON.parse(JSON.stringify(doc)) as Record<string, unknown>)).toEqual({
      kind: 'annotation',
      annotation: a,
    });
  });

  it('an annotation made before sync was set up is credited to the user', () => {
    const doc = annotationToDoc(annotation({ id: 'b-2' }), 'carol');
    expect(doc.creator).toBe('carol');
    expect(doc.annotation.creator).toBe('carol');
  });

  it('refuses documents that are malformed, disagree with their id or their creator, and ignores design documents', () => {
    const doc = annotationToDoc(annotation({ id: 'b-3', creator: 'alice' }), 'alice');
    expect(docToChange({ ...doc, _id: 'annotation:other' }).kind).toBe('invalid');
    expect(docToChange({ ...doc, creator: 'mallory' }).kind).toBe('invalid');
    expect(docToChange({ ...doc, annotation: { ...doc.annotation, colour: 'ultraviolet' } }).kind).toBe('invalid');
    expect(docToChange({ _id: 'x', kind: 'annotation' }).kind).toBe('invalid');
    expect(docToChange({ _id: '_design/notice-lens' }).kind).toBe('ignored');
    expect(docToChange({ _id: 'notice:n', _deleted: true })).toEqual({ kind: 'deleted', table: 'notices', id: 'n' });
  });

  it('a notice travels with its text, analysis, library fields and deletion, not per-device fields', async () => {
    const db = freshDb();
    const repo = new NoticeRepository(db);
    const s = snapshot({ saved: true, tags: ['税务'] });
    await repo.upsertNotice(s);
    await repo.deleteNotices([s.id]);
    const [row, text, analysis] = await Promise.all([
      db.notices.get(s.id),
      db.noticeTexts.get(s.id),
      db.noticeAnalyses.get(s.id),
    ]);
    const doc = noticeToDoc(row!, text, analysis);
    expect(doc.notice).not.toHaveProperty('updatedAt');
    expect(doc.notice).not.toHaveProperty('searchKey');
    const back = docToChange(JSON.parse(JSON.stringify(doc)) as Record<string, unknown>);
    expect(back.kind).toBe('notice');
    if (back.kind !== 'notice') return;
    expect(back.notice).toMatchObject({
      id: s.id,
      text: s.text,
      saved: true,
      tags: ['税务'],
      obligations: s.obligations,
    });
    expect(back.notice.deletedAt).toBe(row!.deletedAt);
    db.close();
  });

  it('content keys ignore CouchDB fields and key order', () => {
    expect(contentKey({ _id: 'a', _rev: '1-x', b: 1, a: { y: 2, x: 1 } })).toBe(
      contentKey({ a: { x: 1, y: 2 }, b: 1 }),
    );
    expect(contentKey({ a: 1 })).not.toBe(contentKey({ a: 2 }));
  });
});

describe('change log', () => {
  it('logs every notice and annotation written or deleted, in the same transaction, and nothing else', async () => {
    const db = freshDb();
    let told = 0;
    installChangeLog(db, () => told++);
    const repo = new NoticeRepository(db);
    const s = snapshot();
    await repo.putAnnotation(annotation({ id: 'c-1', noticeId: s.id }), s);
    await repo.deleteAnnotation('c-1');
    await repo.purgeDeleted(Date.now() + 1e9);
    const log = await db.syncLog.toArray();
    expect(told).toBeGreaterThan(0);
    expect(new Set(log.map((r) => `${r.table}:${r.id}`))).toEqual(new Set([`notices:${s.id}`, 'annotations:c-1']));
    // The purge is logged after the deletion: the row is gone, which the push turns into a tombstone.
    expect(log.at(-1)!.table).toBe('annotations');
    expect(await db.annotations.get('c-1')).toBeUndefined();
    db.close();
  });

  it('logs nothing for a write that failed', async () => {
    const db = freshDb();
    installChangeLog(db);
    const repo = new NoticeRepository(db);
    await expect(
      repo.putAnnotation(annotation({ id: 'c-2', noticeId: 'url:https://nowhere.example/' })),
    ).rejects.toThrow();
    expect(await db.syncLog.count()).toBe(0);
    db.close();
  });

  it('what the pull applies is not logged for the push, while a local write at the same time is', async () => {
    const db = freshDb();
    installChangeLog(db);
    const repo = new NoticeRepository(db);
    const s = snapshot();
    await repo.upsertNotice(s);
    await db.syncLog.clear();
    const remote = annotationToDoc(
      annotation({ id: 'c-3', noticeId: s.id, note: '来自服务器', creator: 'alice' }),
      'x',
    );
    const gone = { _id: 'annotation:c-4', _deleted: true };
    await repo.putAnnotation(annotation({ id: 'c-4', noticeId: s.id, creator: 'alice' }));
    await db.syncLog.clear();
    await Promise.all([
      applyDocs(repo, null, [JSON.parse(JSON.stringify(remote)) as Record<string, unknown>, gone]),
      repo.putAnnotation(annotation({ id: 'c-5', noticeId: s.id, note: '本机', creator: 'bob' })),
    ]);
    expect((await repo.getAnnotation('c-3'))?.note).toBe('来自服务器');
    expect((await repo.getAnnotation('c-4'))?.deletedAt).not.toBeNull();
    const logged = (await db.syncLog.toArray()).map((r) => `${r.table}:${r.id}`);
    expect(logged).toContain('annotations:c-5');
    expect(logged).not.toContain('annotations:c-3');
    expect(logged).not.toContain('annotations:c-4');
    db.close();
  });
});
