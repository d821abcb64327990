/**
 * Schema migrations are additive and keep every record (annotation.md §7). This fixture writes a version 1
 * database through the version 1 schema as shipped, closes it, and opens it with the current class.
 */
import Dexie from 'dexie';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, NoticeLensDB, SCHEMA_V1 } from '../../lib/storage/db';
import { searchKey } from '../../lib/storage/records';
import { NoticeRepository } from '../../lib/storage/repository';
import { noticeTerms } from '../../lib/search/terms';
import { annotation, metadata, uniqueName } from './fixtures';

/** Version 1 exactly as shipped. Never edit: add a version instead. */
const SHIPPED_V1 = {
  notices: 'id, updatedAt, createdAt, saved, deletedAt, *urls, *issuers, year, docType, *tags',
  noticeTexts: 'id',
  noticeAnalyses: 'id',
  noticeTerms: 'key, *terms',
  annotations: 'id, noticeId, [noticeId+updatedAt], updatedAt, colour, *tags, deletedAt, *terms',
  aliases: 'url, noticeId',
  meta: 'key',
};

const T = 1_700_000_000_000;

/** Records in primary-key order, as `toArray()` returns them. */
function sorted<R>(rows: R[], key: keyof R): R[] {
  return [...rows].sort((a, b) => (String(a[key]) < String(b[key]) ? -1 : 1));
}
const A = 'num:国务院|国发〔2019〕5号';
const B = 'cite:CLI.12.7186154';

function v1Notice(id: string, title: string, deletedAt: number | null) {
  return {
    id,
    urls: [`https://www.gov.cn/${encodeURIComponent(id)}.htm`],
    metadata: metadata({ title }),
    site: 'govcn',
    saved: 1,
    tags: ['重点'],
    createdAt: T,
    updatedAt: T + 10,
    deletedAt,
    issuers: ['国务院'],
    year: 2019,
    docType: '意见',
    obligationCounts: { obligation: 1, prohibition: 0, permission: 0, encouragement: 0, accountability: 0 },
    textLength: 12,
    searchKey: searchKey(id, T + 10),
  };
}

async function writeV1Fixture(name: string) {
  const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
  v1.version(1).stores(SHIPPED_V1);
  await v1.open();
  const notices = [v1Notice(A, '关于全面推行双随机一公开监管的意见', null), v1Notice(B, '海口市水务局公告', T + 20)];
  const annotations = [
    { ...annotation({ id: 'a1', noticeId: A, note: '第一条注释', createdAt: T + 3, updatedAt: T + 3 }), terms: ['第一'] },
    { ...annotation({ id: 'a2', noticeId: A, colour: 'green', createdAt: T + 1, updatedAt: T + 5 }), terms: [] },
    { ...annotation({ id: 'a3', noticeId: A, createdAt: T + 2, updatedAt: T + 6, deletedAt: T + 6 }), terms: [] },
    { ...annotation({ id: 'b1', noticeId: B, tags: ['水务'], createdAt: T + 4, updatedAt: T + 4 }), terms: ['水务'] },
  ];
  const texts = notices.map((n) => ({ id: n.id, text: `${n.metadata.title}。各地区要切实加强组织领导。` }));
  const analyses = notices.map((n) => ({ id: n.id, outline: [], obligations: [] }));
  const terms = notices.map((n, i) => ({
    key: n.searchKey,
    id: n.id,
    terms: noticeTerms({ title: n.metadata.title, metadata: [], tags: n.tags, headings: [], text: texts[i].text }),
  }));
  const aliases = notices.map((n) => ({ url: n.urls[0].replace('https://www.', ''), noticeId: n.id }));
  const meta = [{ key: 'createdBy', value: 'v1 fixture' }];
  await v1.table('notices').bulkPut(notices);
  await v1.table('noticeTexts').bulkPut(texts);
  await v1.table('noticeAnalyses').bulkPut(analyses);
  await v1.table('noticeTerms').bulkPut(terms);
  await v1.table('annotations').bulkPut(annotations);
  await v1.table('aliases').bulkPut(aliases);
  await v1.table('meta').bulkPut(meta);
  expect(v1.verno).toBe(1);
  v1.close();
  return { notices, annotations, texts, analyses, terms, aliases, meta };
}

describe('migration', () => {
  it('never changes the shipped version 1 schema', () => {
    expect(SCHEMA_V1).toEqual(SHIPPED_V1);
  });

  it('opens a version 1 database with every record intact and the annotation counts filled in', async () => {
    const name = uniqueName('v1');
    const before = await writeV1Fixture(name);
    const db = new NoticeLensDB(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);

    const notices = await db.notices.toArray();
    expect(notices.map(({ annotationCount: _, ...rest }) => rest)).toEqual(sorted(before.notices, 'id'));
    expect(Object.fromEntries(notices.map((n) => [n.id, n.annotationCount]))).toEqual({ [A]: 2, [B]: 1 });
    expect(await db.annotations.toArray()).toEqual(sorted(before.annotations, 'id'));
    expect(await db.noticeTexts.toArray()).toEqual(sorted(before.texts, 'id'));
    expect(await db.noticeAnalyses.toArray()).toEqual(sorted(before.analyses, 'id'));
    expect(await db.noticeTerms.toArray()).toEqual(sorted(before.terms, 'key'));
    expect(await db.aliases.toArray()).toEqual(sorted(before.aliases, 'url'));
    expect(await db.meta.get('createdBy')).toEqual(before.meta[0]);
    expect(await db.meta.get('migratedToV2At')).toBeDefined();

    // The new index works on old records.
    expect(await db.annotations.orderBy('createdAt').primaryKeys()).toEqual(['a2', 'a3', 'a1', 'b1']);
    db.close();
  });

  it('marks a new database with the current term rules', async () => {
    const db = new NoticeLensDB(uniqueName('fresh'), { indexedDB, IDBKeyRange });
    const repo = new NoticeRepository(db);
    await repo.upsertNotice({ id: 'url:gov.cn/a', urls: ['https://gov.cn/a'], metadata: metadata(), text: '正文', outline: [], obligations: [], site: 'govcn' });
    expect(await repo.needsReindex()).toBe(false);
    db.close();
  });

  it('leaves a migrated library fully usable', async () => {
    const name = uniqueName('v1');
    await writeV1Fixture(name);
    const db = new NoticeLensDB(name, { indexedDB, IDBKeyRange });
    const repo = new NoticeRepository(db, { now: () => T + 1000 });
    const page = await repo.listNotices();
    expect(page.items.map((n) => [n.id, n.annotationCount])).toEqual([[A, 2]]);
    expect((await repo.listNotices({ filters: { deleted: true } })).items.map((n) => n.id)).toEqual([B]);
    expect((await repo.findNoticeByUrl(`http://gov.cn/${encodeURIComponent(A)}.htm`))?.id).toBe(A);
    expect((await repo.search('双随机')).hits.map((h) => h.notice.id)).toEqual([A]);
    await repo.putAnnotation(annotation({ id: 'a4', noticeId: A, createdAt: T + 100, updatedAt: T + 100 }));
    expect((await repo.listNotices()).items[0].annotationCount).toBe(3);
    expect((await repo.listAnnotations(A)).map((a) => a.id)).toEqual(['a2', 'a1', 'a4']);
    db.close();
  });

  it('reindexes terms made by older term rules, keeping records and search order', async () => {
    const name = uniqueName('v1');
    const before = await writeV1Fixture(name);
    const db = new NoticeLensDB(name, { indexedDB, IDBKeyRange });
    const repo = new NoticeRepository(db, { now: () => T + 1000 });
    // The fixture's annotation terms are hand-made (not the current rules): a note word is not findable yet.
    expect(await repo.needsReindex()).toBe(true);
    expect((await repo.search('注释')).hits).toEqual([]);
    expect(await repo.reindex(1)).toEqual({ notices: 2, annotations: 4 });
    expect(await repo.needsReindex()).toBe(false);
    expect((await repo.search('注释')).hits.map((h) => h.notice.id)).toEqual([A]);
    expect((await db.noticeTerms.toArray()).map((r) => r.key)).toEqual(sorted(before.terms, 'key').map((r) => r.key));
    expect((await db.notices.toArray()).map(({ annotationCount: _, ...n }) => n)).toEqual(sorted(before.notices, 'id'));
    expect((await db.annotations.toArray()).map(({ terms: _, ...a }) => a)).toEqual(sorted(before.annotations, 'id').map(({ terms: _, ...a }) => a));
    db.close();
  });
});
