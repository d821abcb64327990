/**
 * The notes index (`noteTerms`, lib/storage/notes.ts) is derived data: after any sequence of writes it must
 * be exactly what building it from the stored annotations and notices gives.
 */
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { NoticeLensDB, SCHEMA_V1, SCHEMA_V2 } from '../../lib/storage/db';
import { buildNoteRows, noteText } from '../../lib/storage/notes';
import { searchKey } from '../../lib/storage/records';
import { annotationTerms } from '../../lib/search/terms';
import { prng } from '../support/prng';
import { annotation, freshRepo, metadata, snapshot, uniqueName } from './fixtures';

async function expectConsistent(db: NoticeLensDB, label: string): Promise<void> {
  const [annotations, notices, rows] = await Promise.all([
    db.annotations.toArray(),
    db.notices.toArray(),
    db.noteTerms.toArray(),
  ]);
  const expected = buildNoteRows(annotations, new Map(notices.map((n) => [n.id, n])));
  const norm = (rs: typeof rows) =>
    rs.map((r) => ({ ...r, terms: [...r.terms].sort() })).sort((a, b) => (a.key < b.key ? -1 : 1));
  expect(norm(rows), label).toEqual(norm(expected));
}

const NOTES = ['', '复核意见', '与上年度文件对照', '落实情况待报', '重点关注时限要求'];
const TAGS = ['重点', '待办', '纪律'];

describe('the notes index', () => {
  it('stays what the stored annotations give through every kind of write', async () => {
    const { repo, db, clock } = freshRepo();
    const rnd = prng(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const notices = Array.from({ length: 6 }, (_, i) =>
      snapshot({
        metadata: metadata({ title: `关于第${i}项工作的通知`, docNumber: `国发〔2020〕${i + 1}号` }),
        urls: [`https://www.gov.cn/${i}.htm`],
        text: `各地区要做好第${i}项工作。`,
      }),
    );
    await repo.upsertNotices(notices);
    const made: string[] = [];
    const newAnnotation = () => {
      const a = annotation({
        noticeId: pick(notices).id,
        note: pick(NOTES),
        tags: rnd() < 0.3 ? [pick(TAGS)] : [],
        updatedAt: clock.now(),
      });
      made.push(a.id);
      return a;
    };
    for (let step = 0; step < 120; step++) {
      clock.advance(10);
      const r = rnd();
      if (r < 0.25) await repo.putAnnotation(newAnnotation());
      else if (r < 0.35) await repo.putAnnotations(Array.from({ length: 5 }, newAnnotation));
      else if (r < 0.45 && made.length) {
        // A newer version of an existing annotation: another note, maybe none.
        const old = (await repo.getAnnotation(pick(made)))!;
        await repo.putAnnotation({
          ...old,
          note: pick(NOTES),
          tags: rnd() < 0.5 ? [] : [pick(TAGS)],
          updatedAt: old.updatedAt + 1,
        });
      } else if (r < 0.55 && made.length) await repo.deleteAnnotation(pick(made));
      else if (r < 0.62 && made.length) await repo.restoreAnnotation(pick(made));
      else if (r < 0.7) {
        // The notice saved again with another text: its terms, and so its note row, get a new key.
        const n = pick(notices);
        await repo.upsertNotice({ ...n, text: `${n.text}补充${step}。` });
      } else if (r < 0.76) await repo.setNoticeTags(pick(notices).id, [pick(TAGS)]);
      else if (r < 0.82) {
        const n = pick(notices);
        await repo.upsertNotices([
          { ...n, text: `${n.text}甲${step}。` },
          { ...n, text: `${n.text}乙${step}。` },
        ]);
      } else if (r < 0.86) {
        // Annotating a notice stores it in the same transaction (with a changed text: a new key too).
        const n = pick(notices);
        const a = annotation({ noticeId: n.id, note: pick(NOTES), updatedAt: clock.now() });
        made.push(a.id);
        await repo.putAnnotation(a, { ...n, text: `${n.text}丙${step}。` });
      } else if (r < 0.9) await repo.deleteNotices([pick(notices).id]);
      else if (r < 0.93) await repo.restoreNotices(notices.map((n) => n.id));
      else if (r < 0.95) await repo.purgeDeleted(clock.now() + 1);
      else {
        await repo.upsertNotices(notices);
      }
      await expectConsistent(db, `step ${step}`);
    }
    expect(await db.noteTerms.count()).toBeGreaterThan(0);
    await repo.reindex(2);
    await expectConsistent(db, 'after reindex');
  });

  it('holds each live annotation with a note or tags, under its notice search key', async () => {
    const { repo, db } = freshRepo();
    const n = await repo.upsertNotice(snapshot());
    const a = annotation({ noticeId: n.id, note: '复核意见', tags: ['重点'] });
    await repo.putAnnotation(a);
    await repo.putAnnotation(annotation({ noticeId: n.id, note: '' })); // a plain highlight: nothing to find
    const row = (await db.noteTerms.toArray())[0];
    const key = (await db.notices.get(n.id))!.searchKey;
    expect(row).toEqual({
      key,
      id: n.id,
      notes: { [a.id]: { text: noteText(a), terms: annotationTerms(a) } },
      terms: annotationTerms(a),
    });
    await repo.deleteAnnotation(a.id);
    expect(await db.noteTerms.count()).toBe(0);
  });

  it('is built for a library made before it existed', async () => {
    const name = uniqueName('v2');
    const v2 = new Dexie(name, { indexedDB, IDBKeyRange });
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    const id = 'num:国务院|国发〔2019〕5号';
    const key = searchKey(id, 1000);
    await v2.table('notices').put({
      id,
      urls: [],
      metadata: metadata(),
      site: 'govcn',
      saved: 1,
      tags: [],
      createdAt: 1,
      updatedAt: 1000,
      deletedAt: null,
      issuers: [],
      year: 2019,
      docType: '意见',
      annotationCount: 2,
      obligationCounts: {},
      textLength: 0,
      searchKey: key,
    });
    const live = {
      ...annotation({ id: 'x1', noticeId: id, note: '复核意见' }),
      terms: annotationTerms({ note: '复核意见', tags: [] }),
    };
    const gone = {
      ...annotation({ id: 'x2', noticeId: id, note: '旧注', deletedAt: 5 }),
      terms: annotationTerms({ note: '旧注', tags: [] }),
    };
    const orphan = { ...annotation({ id: 'x3', noticeId: 'url:gov.cn/none', note: '无主' }), terms: ['无主'] };
    await v2.table('annotations').bulkPut([live, gone, orphan]);
    v2.close();
    const db = new NoticeLensDB(name, { indexedDB, IDBKeyRange });
    expect(await db.noteTerms.toArray()).toEqual([
      { key, id, notes: { x1: { text: noteText(live), terms: live.terms } }, terms: live.terms },
    ]);
    db.close();
  });
});
