/**
 * Schema migrations are additive and keep every record (docs/annotation.md §7). For each version step there is a
 * fixture of the database as the older version stored it (tests/storage/fixtures/v<N>.json, made once by
 * make-fixture.ts and never regenerated): the test creates that version's database with that version's
 * schema declaration as shipped, fills it from the fixture, opens it with the current code, and checks every
 * record field by field, with the fields the step adds set to their defaults.
 *
 * Adding version N + 1: while N is still current, run `npx tsx tests/storage/fixtures/make-fixture.ts N`
 * (extend it if N has new fields) and commit v<N>.json; then freeze `SHIPPED_V<N+1>` below and add a STEPS
 * entry for N → N + 1. An older fixture goes through every later step, each step's expectation applied in turn.
 */
import Dexie from 'dexie';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_VERSION,
  NoticeLensDB,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
} from '../../lib/storage/db';
import { LIMITS } from '../../lib/storage/limits';
import { NoticeRepository } from '../../lib/storage/repository';
import type { NoticeMetadata } from '../../lib/types';
import { annotation, uniqueName } from './fixtures';

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

/** Version 2's changes exactly as shipped. */
const SHIPPED_V2 = {
  annotations: 'id, noticeId, [noticeId+updatedAt], updatedAt, createdAt, colour, *tags, deletedAt, *terms',
};

/** Version 3's changes exactly as shipped. */
const SHIPPED_V3 = {
  noteTerms: 'key, *terms',
};

/** Version 4's changes exactly as shipped. */
const SHIPPED_V4 = {
  syncLog: '++seq',
};

/** Version 5's changes exactly as shipped. */
const SHIPPED_V5 = {
  notices: 'id, updatedAt, createdAt, saved, deletedAt, *urls, *issuers, year, docType, *tags, docNumber',
  merges: 'from, into',
};

/** Version 6's changes exactly as shipped. */
const SHIPPED_V6 = {
  annotations:
    'id, noticeId, [noticeId+updatedAt], updatedAt, createdAt, colour, *tags, deletedAt, *terms, [noticeId+createdAt]',
};

/** A stored record, read as plain data. */
type Row = Record<string, unknown>;

/** A notice as the older versions stored it: the fields these checks read, and the rest. */
type NoticeRow = Row & {
  id: string;
  urls: string[];
  tags: string[];
  metadata: NoticeMetadata;
  searchKey: string;
  deletedAt: number | null;
};

/** An annotation as the older versions stored it: the fields these checks read, and the rest. */
type AnnotationRow = Row & {
  id: string;
  noticeId: string;
  note: string;
  tags: string[];
  terms: string[];
  createdAt: number;
  deletedAt: number | null;
};

/** Version 3's search row of a notice's annotations. */
type NoteTermsRow = {
  key: string | undefined;
  id: string;
  notes: Record<string, { text: string; terms: string[] }>;
  terms: string[];
};

/** A database's records by table. */
type Tables = Record<string, Row[]> & { notices: NoticeRow[]; annotations: AnnotationRow[]; meta: Row[] };

interface Fixture {
  version: number;
  tables: Tables;
}

function loadFixture(version: number): Fixture {
  const fixture = JSON.parse(readFileSync(new URL(`./fixtures/v${version}.json`, import.meta.url), 'utf8')) as Fixture;
  expect(fixture.version).toBe(version);
  return fixture;
}

const PRIMARY_KEYS: Record<string, string> = {
  notices: 'id',
  noticeTexts: 'id',
  noticeAnalyses: 'id',
  noticeTerms: 'key',
  annotations: 'id',
  aliases: 'url',
  meta: 'key',
  noteTerms: 'key',
  syncLog: 'seq',
  merges: 'from',
};

/** Declare versions 1…`upTo` exactly as shipped. */
function declareShipped(db: Dexie, upTo: number): void {
  if (upTo >= 1) db.version(1).stores(SHIPPED_V1);
  if (upTo >= 2) db.version(2).stores(SHIPPED_V2);
  if (upTo >= 3) db.version(3).stores(SHIPPED_V3);
  if (upTo >= 4) db.version(4).stores(SHIPPED_V4);
  if (upTo >= 5) db.version(5).stores(SHIPPED_V5);
  if (upTo >= 6) db.version(6).stores(SHIPPED_V6);
}

/** Create a database of version `version` through its shipped schema and fill it with the fixture's records. */
async function writeOldDatabase(name: string, fixture: Fixture): Promise<void> {
  const old = new Dexie(name, { indexedDB, IDBKeyRange });
  declareShipped(old, fixture.version);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkPut(structuredClone(rows));
  });
  expect(old.verno).toBe(fixture.version);
  old.close();
}

async function readAll(db: Dexie): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const t of db.tables) out[t.name] = (await t.toArray()) as Row[];
  return out;
}

/** A copy of `row` without `field`, as a record was before the field was added. */
function omitField(row: object, field: string): Row {
  return Object.fromEntries(Object.entries(row).filter(([k]) => k !== field));
}

/** Rows by primary key. */
function byKey(table: string, rows: Row[]): Map<string, Row> {
  return new Map(rows.map((r) => [String(r[PRIMARY_KEYS[table]]), r]));
}

interface Step {
  from: number;
  /** The fixture's records as the next version must hold them: the old fields unchanged, new ones defaulted. */
  expected(old: Tables): Tables;
  /** Rows the upgrade itself adds (bookkeeping), by table. */
  added: Record<string, string[]>;
}

const STEPS: Step[] = [
  {
    from: 1,
    expected(old) {
      // Version 2 adds `annotationCount` to notices: their live (not deleted) annotations, deleted notices too.
      const live = new Map<string, number>();
      for (const a of old.annotations) if (a.deletedAt === null) live.set(a.noticeId, (live.get(a.noticeId) ?? 0) + 1);
      return { ...old, notices: old.notices.map((n) => ({ ...n, annotationCount: live.get(n.id) ?? 0 })) };
    },
    added: { meta: ['migratedToV2At'] },
  },
  {
    from: 2,
    expected(old) {
      // Version 3 adds `noteTerms`: per notice (under its search key), each live annotation with terms, its
      // note and tags as search checks them, and the union of their stored terms.
      const keyOf = new Map(old.notices.map((n) => [n.id, n.searchKey]));
      const rows = new Map<string, NoteTermsRow>();
      for (const a of [...old.annotations].sort((x, y) => (x.id < y.id ? -1 : 1))) {
        if (a.deletedAt !== null || a.terms.length === 0 || !keyOf.get(a.noticeId)) continue;
        const row = rows.get(a.noticeId) ?? { key: keyOf.get(a.noticeId), id: a.noticeId, notes: {}, terms: [] };
        row.notes[a.id] = { text: `${a.note}\n${a.tags.join('\n')}`, terms: a.terms };
        row.terms = [...new Set([...row.terms, ...a.terms])];
        rows.set(a.noticeId, row);
      }
      return { ...old, noteTerms: [...rows.values()] };
    },
    added: {},
  },
  {
    from: 3,
    // Version 4 adds the sync change log, empty: nothing was written while it did not exist.
    expected: (old) => ({ ...old, syncLog: [] }),
    added: {},
  },
  {
    from: 4,
    // Version 5 indexes each notice's 发文字号 when it names one document and there is an issuer (written as
    // the library normalises it: full-width folded, brackets as 〔〕), and adds the merge records, empty.
    expected: (old) => ({
      ...old,
      notices: old.notices.map((n) => {
        const number = (n.metadata.docNumber ?? '')
          .replace(/[[(（［]/g, '〔')
          .replace(/[\])）］]/g, '〕')
          .replace(/\s/g, '');
        const names = /\d/.test(number.replace(/〔\d{4}〕/, '')) && n.metadata.issuers.length > 0;
        return names ? { ...n, docNumber: number } : n;
      }),
      merges: [],
    }),
    added: {},
  },
  {
    from: 5,
    // Version 6 only adds an index on annotations: every record stays as it was.
    expected: (old) => old,
    added: {},
  },
];

describe('migration', () => {
  it('never changes a shipped schema', () => {
    expect(SCHEMA_V1).toEqual(SHIPPED_V1);
    expect(SCHEMA_V2).toEqual(SHIPPED_V2);
    expect(SCHEMA_V3).toEqual(SHIPPED_V3);
    expect(SCHEMA_V4).toEqual(SHIPPED_V4);
    expect(SCHEMA_V5).toEqual(SHIPPED_V5);
    expect(SCHEMA_V6).toEqual(SHIPPED_V6);
    expect(CURRENT_VERSION).toBe(STEPS.at(-1)!.from + 1);
  });

  it('has a fixture with the edge cases for every version before the current one', () => {
    for (let v = 1; v < CURRENT_VERSION; v++) {
      const { tables } = loadFixture(v);
      expect(STEPS.some((s) => s.from === v)).toBe(true);
      expect(tables.notices.some((n) => n.deletedAt !== null)).toBe(true);
      expect(tables.notices.some((n) => n.urls.length > 1)).toBe(true);
      expect(tables.annotations.some((a) => a.deletedAt !== null)).toBe(true);
      expect(tables.annotations.some((a) => a.note.length === LIMITS.noteLength)).toBe(true);
      expect(tables.annotations.some((a) => a.tags.length === LIMITS.tagsPerRecord)).toBe(true);
      expect(tables.annotations.some((a) => /[\uD800-\uDBFF]/.test(a.note) && a.note.includes('\n'))).toBe(true);
      expect(tables.notices.some((n) => n.tags.some((t: string) => /[\uD800-\uDBFF]/.test(t)))).toBe(true);
    }
  });

  for (const step of STEPS) {
    describe(`version ${step.from} → ${step.from + 1}`, () => {
      it('keeps every record, field for field, and fills in what the new version adds', async () => {
        const fixture = loadFixture(step.from);
        const name = uniqueName(`v${step.from}`);
        await writeOldDatabase(name, fixture);

        const current = new NoticeLensDB(name, { indexedDB, IDBKeyRange });
        await current.open();
        expect(current.verno).toBe(CURRENT_VERSION);

        // This step and every later one, in order.
        const later = STEPS.filter((s) => s.from >= step.from).sort((x, y) => x.from - y.from);
        const expected = later.reduce((tables, s) => s.expected(tables), structuredClone(fixture.tables));
        const added: Record<string, string[]> = {};
        for (const s of later) for (const [table, keys] of Object.entries(s.added)) (added[table] ??= []).push(...keys);
        const actual = await readAll(current);
        expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
        for (const [table, rows] of Object.entries(expected)) {
          const got = byKey(table, actual[table]);
          for (const row of rows)
            expect(
              got.get(String(row[PRIMARY_KEYS[table]])),
              `${table} ${String(row[PRIMARY_KEYS[table]])}`,
            ).toStrictEqual(row);
          const extra = [...got.keys()].filter((k) => !rows.some((r) => String(r[PRIMARY_KEYS[table]]) === k));
          expect(extra.sort(), table).toEqual((added[table] ?? []).sort());
        }
        current.close();
      });
    });
  }

  it('opens a database of the current version with every record unchanged', async () => {
    const fixture = loadFixture(CURRENT_VERSION);
    const name = uniqueName('current');
    await writeOldDatabase(name, fixture);
    const db = new NoticeLensDB(name, { indexedDB, IDBKeyRange });
    await db.open();
    const actual = await readAll(db);
    for (const [table, rows] of Object.entries(fixture.tables)) expect(actual[table], table).toStrictEqual(rows);
    db.close();
  });

  it('leaves a migrated library fully usable: lists, bin, aliases, search, the new index, new writes', async () => {
    const fixture = loadFixture(1);
    const name = uniqueName('v1-usable');
    await writeOldDatabase(name, fixture);
    const db = new NoticeLensDB(name, { indexedDB, IDBKeyRange });
    const repo = new NoticeRepository(db, { now: () => Date.UTC(2025, 0, 1) });
    const notices = fixture.tables.notices;
    const live = notices.filter((n) => n.deletedAt === null);
    const deleted = notices.filter((n) => n.deletedAt !== null);

    const page = await repo.listNotices();
    expect(page.items.map((n) => n.id).sort()).toEqual(live.map((n) => n.id).sort());
    expect((await repo.listNotices({ filters: { deleted: true } })).items.map((n) => n.id)).toEqual(
      deleted.map((n) => n.id),
    );
    const mirrored = notices.find((n) => n.urls.length > 1)!;
    for (const url of mirrored.urls) expect(await repo.findNoticeIdByUrl(url)).toBe(mirrored.id);

    // The largest note reads back whole, and is found by a word in it.
    const largest = fixture.tables.annotations.find((a) => a.note.length === LIMITS.noteLength)!;
    expect((await repo.getAnnotation(largest.id))?.note).toBe(largest.note);
    expect((await repo.search('落实主体责任')).hits.map((h) => h.notice.id)).toContain(largest.noticeId);

    // Version 2's createdAt index orders old annotations.
    const byCreated = [...fixture.tables.annotations]
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
      .map((a) => a.id);
    expect(await db.annotations.orderBy('createdAt').primaryKeys()).toEqual(byCreated);

    // New writes keep the counts.
    const before = (await repo.listNotices()).items.find((n) => n.id === mirrored.id)!.annotationCount;
    await repo.putAnnotation(
      annotation({
        id: 'after-migration',
        noticeId: mirrored.id,
        createdAt: Date.UTC(2025, 0, 1),
        updatedAt: Date.UTC(2025, 0, 1),
      }),
    );
    expect((await repo.listNotices()).items.find((n) => n.id === mirrored.id)!.annotationCount).toBe(before + 1);
    expect((await repo.listAnnotations(mirrored.id)).at(-1)!.id).toBe('after-migration');
    db.close();
  });

  it("reads a migrated notice's first annotations from version 6's index, in the order of all of them", async () => {
    const fixture = loadFixture(5);
    const name = uniqueName('v5-first');
    await writeOldDatabase(name, fixture);
    const db = new NoticeLensDB(name, { indexedDB, IDBKeyRange });
    const repo = new NoticeRepository(db);
    const counts = new Map<string, number>();
    for (const a of fixture.tables.annotations) counts.set(a.noticeId, (counts.get(a.noticeId) ?? 0) + 1);
    const [busiest] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const all = await repo.listAnnotations(busiest);
    expect(all.length).toBeGreaterThan(1);
    const first = await repo.firstAnnotations(busiest, all.length - 1);
    expect(first.annotations).toStrictEqual(all.slice(0, -1));
    expect(first.complete).toBe(false);
    const whole = await repo.firstAnnotations(busiest, all.length);
    expect(whole).toStrictEqual({ annotations: all, complete: true, total: all.length });
    db.close();
  });

  it('marks a new database with the current term rules', async () => {
    const db = new NoticeLensDB(uniqueName('fresh'), { indexedDB, IDBKeyRange });
    const repo = new NoticeRepository(db);
    await repo.upsertNotice({
      id: 'url:gov.cn/a',
      urls: ['https://gov.cn/a'],
      metadata: loadFixture(1).tables.notices[0].metadata,
      text: '正文',
      outline: [],
      obligations: [],
      site: 'govcn',
    });
    expect(await repo.needsReindex()).toBe(false);
    db.close();
  });

  it('reindexes terms made by older term rules, keeping records and search order', async () => {
    // A version 1 library whose terms were made by other rules: unmarked, annotation terms missing.
    const fixture = loadFixture(1);
    fixture.tables.meta = fixture.tables.meta.filter((m) => m.key !== 'termsVersion');
    fixture.tables.annotations = fixture.tables.annotations.map((a) => ({ ...a, terms: [] }));
    const name = uniqueName('v1-reindex');
    await writeOldDatabase(name, fixture);
    const db = new NoticeLensDB(name, { indexedDB, IDBKeyRange });
    const repo = new NoticeRepository(db, { now: () => Date.UTC(2025, 0, 1) });
    expect(await repo.needsReindex()).toBe(true);
    const edited = fixture.tables.annotations.find((a) => a.note.startsWith('改稿'))!;
    expect((await repo.search('改稿')).hits).toEqual([]);
    expect(await repo.reindex(1)).toEqual({
      notices: fixture.tables.notices.length,
      annotations: fixture.tables.annotations.length,
    });
    expect(await repo.needsReindex()).toBe(false);
    expect((await repo.search('改稿')).hits.map((h) => h.notice.id)).toEqual([edited.noticeId]);
    const sortedKeys = (rows: Array<{ key?: unknown }>) => rows.map((r) => r.key).sort();
    expect(sortedKeys(await db.noticeTerms.toArray())).toEqual(sortedKeys(fixture.tables.noticeTerms));
    expect(
      (await db.notices.toArray()).map((n) => omitField(omitField(n, 'annotationCount'), 'docNumber')),
    ).toStrictEqual([...fixture.tables.notices].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect((await db.annotations.toArray()).map((a) => omitField(a, 'terms'))).toStrictEqual(
      [...fixture.tables.annotations].sort((a, b) => (a.id < b.id ? -1 : 1)).map((a) => omitField(a, 'terms')),
    );
    db.close();
  });
});
