/**
 * The version 1 → 2 migration in Chromium's own IndexedDB: a database laid out exactly as the version 1
 * schema made it (Dexie's native version 10, the same stores and indexes), filled with the version 1
 * fixture (tests/storage/fixtures/v1.json), then opened by the extension. Every record must come through
 * field for field, with version 2's annotation counts filled in. (The same step runs against
 * fake-indexeddb in tests/storage/migration.test.ts.)
 */
import { documentKey } from '../../lib/identity';
import type { NoticeMetadata } from '../../lib/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentWorker, launch, readDatabase, ROOT, type Session } from './harness';
import { CURRENT_VERSION } from '../../lib/storage/db';

type Row = Record<string, unknown>;
const fixture = JSON.parse(readFileSync(join(ROOT, 'tests/storage/fixtures/v1.json'), 'utf8')) as {
  version: number;
  schema: Record<string, string>;
  tables: Record<string, Row[]>;
};

/** A Dexie schema string as IndexedDB stores and indexes: `id, *urls, [a+b]` → key path, indexes. */
function layout(schema: Record<string, string>) {
  return Object.entries(schema).map(([name, spec]) => {
    const [primary, ...indexes] = spec.split(',').map((s) => s.trim());
    return {
      name,
      keyPath: primary,
      indexes: indexes.map((ix) => {
        const multiEntry = ix.startsWith('*');
        const bare = ix.replace(/^[*&]/, '');
        const keyPath = bare.startsWith('[') ? bare.slice(1, -1).split('+') : bare;
        return { name: bare, keyPath, multiEntry };
      }),
    };
  });
}

describe('migration in Chromium', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('opens a version 1 database made in the browser with every record intact', async () => {
    expect(fixture.version).toBe(1);
    // An extension page that does not open the library database: the extension's origin, nothing else.
    const page = await s.context.newPage();
    await page.goto(`chrome-extension://${s.extensionId}/manifest.json`);
    const created = await page.evaluate(
      ({ stores, tables }) =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('notice-lens', 10); // Dexie's version 1
          open.onupgradeneeded = () => {
            if (open.result.objectStoreNames.length) return reject(new Error('the database already exists'));
            for (const st of stores) {
              const store = open.result.createObjectStore(st.name, { keyPath: st.keyPath });
              for (const ix of st.indexes) store.createIndex(ix.name, ix.keyPath, { multiEntry: ix.multiEntry });
            }
            const tx = open.transaction!;
            for (const [name, rows] of Object.entries(tables))
              for (const row of rows as object[]) tx.objectStore(name).put(row);
          };
          open.onerror = () => reject(open.error ?? new Error('the database did not open'));
          open.onsuccess = () => {
            open.result.close();
            resolve('created');
          };
        }),
      { stores: layout(fixture.schema), tables: fixture.tables },
    );
    expect(created).toBe('created');
    await page.close();

    // The library opens it with the current code.
    const lib = await s.context.newPage();
    await lib.goto(`chrome-extension://${s.extensionId}/library.html`);
    const live = fixture.tables.notices.filter((n) => n.deletedAt === null);
    await expect.poll(() => lib.locator('li.notice').count(), { timeout: 20000 }).toBe(live.length);
    await lib.close();

    const db = await readDatabase(await currentWorker(s));
    const liveCount = new Map<string, number>();
    for (const a of fixture.tables.annotations)
      if (a.deletedAt === null) liveCount.set(a.noticeId as string, (liveCount.get(a.noticeId as string) ?? 0) + 1);
    const key: Record<string, string> = {
      notices: 'id',
      noticeTexts: 'id',
      noticeAnalyses: 'id',
      noticeTerms: 'key',
      annotations: 'id',
      aliases: 'url',
      meta: 'key',
    };
    for (const [table, rows] of Object.entries(fixture.tables)) {
      const got = new Map(db[table].map((r) => [String(r[key[table]]), r]));
      for (const row of rows) {
        // Version 5 indexes each notice's normalised 发文字号 (one library entry per document).
        const number = table === 'notices' ? documentKey(row.metadata as NoticeMetadata)?.number : undefined;
        const expected =
          table === 'notices'
            ? {
                ...row,
                annotationCount: liveCount.get(row.id as string) ?? 0,
                ...(number ? { docNumber: number } : {}),
              }
            : row;
        expect(got.get(String(row[key[table]])), `${table} ${String(row[key[table]])}`).toStrictEqual(expected);
      }
      const added = [...got.keys()].filter((k) => !rows.some((r) => String(r[key[table]]) === k));
      expect(added, table).toEqual(table === 'meta' ? ['migratedToV2At'] : []);
    }
    // Version 2's index is there, in the browser's own database.
    const schema = await (
      await currentWorker(s)
    ).evaluate(
      () =>
        new Promise<{ version: number; annotationIndexes: string[] }>((resolve) => {
          const open = indexedDB.open('notice-lens');
          open.onsuccess = () => {
            const d = open.result;
            const out = {
              version: d.version,
              annotationIndexes: [...d.transaction('annotations').objectStore('annotations').indexNames],
            };
            d.close();
            resolve(out);
          };
        }),
    );
    // Opened at the current version (later versions' upgrades ran too).
    expect(schema.version).toBe(CURRENT_VERSION * 10);
    expect(schema.annotationIndexes).toContain('createdAt');
  });
});
