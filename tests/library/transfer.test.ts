/**
 * Export and import of the whole library: an import is all or nothing whatever stops it half-way (a bad
 * record, storage full, the page going away), and an export is one consistent reading of the library.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportLibrary, importLibrary, takeInterruptedImport } from '../../lib/library/transfer';
import type { NoticeLensDB } from '../../lib/storage/db';
import { StorageError } from '../../lib/storage/errors';
import type { Annotation, SavedNotice } from '../../lib/types';
import { annotation, freshRepo, metadata, snapshot } from '../storage/fixtures';

/** Every row of every table, by table: what "the library is unchanged" means. */
async function dump(db: NoticeLensDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

/** A file's worth of notices and annotations, as `parseImportFile` gives them. */
function file(count: number, perNotice: number): { notices: SavedNotice[]; annotations: Annotation[] } {
  const notices: SavedNotice[] = [];
  const annotations: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const url = `https://www.gov.cn/zhengce/content/2024-01/0${i % 9}/content_${1000 + i}.htm`;
    const s = snapshot({
      urls: [url],
      metadata: metadata({ title: `关于第${i}项工作的通知`, docNumber: `国办发〔2024〕${i + 1}号` }),
    });
    notices.push({
      ...s,
      saved: true,
      tags: ['导入'],
      createdAt: 1_690_000_000_000 + i,
      updatedAt: 1_690_000_100_000 + i,
    });
    for (let j = 0; j < perNotice; j++) {
      annotations.push(
        annotation({
          id: `imp-${i}-${j}`,
          noticeId: s.id,
          note: `第${i}篇第${j}条`,
          createdAt: 1_690_000_000_000 + j,
          updatedAt: 1_690_000_000_000 + j,
        }),
      );
    }
  }
  return { notices, annotations };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('import', () => {
  it('imports notices and annotations, keeping their dates, and counts duplicates on a second run', async () => {
    const { db, repo } = freshRepo();
    const f = file(3, 2);
    expect(await importLibrary(repo, f.notices, f.annotations, { fileName: 'a.jsonld' })).toEqual({
      notices: 3,
      annotations: 6,
      duplicates: 0,
      added: 3,
      changed: 0,
      unchanged: 0,
      annotationsAdded: 6,
      annotationsChanged: 0,
    });
    const listed = await repo.listNotices();
    expect(listed.items.map((n) => [n.id, n.updatedAt, n.annotationCount])).toEqual(
      [...f.notices].reverse().map((n) => [n.id, n.updatedAt, 2]),
    );
    const before = await dump(db);
    expect(await importLibrary(repo, f.notices, f.annotations, { fileName: 'a.jsonld' })).toEqual({
      notices: 3,
      annotations: 0,
      duplicates: 6,
      added: 0,
      changed: 0,
      unchanged: 3,
      annotationsAdded: 0,
      annotationsChanged: 0,
    });
    expect(await dump(db)).toEqual(before);
    expect(await takeInterruptedImport(repo)).toBeNull();
  });

  it('reports what a newer copy of the file changed, and nothing on importing it again', async () => {
    const { repo } = freshRepo();
    const f = file(3, 2);
    await importLibrary(repo, f.notices, f.annotations, { fileName: 'a.jsonld' });
    const [first, ...rest] = f.notices;
    const later = {
      notices: [{ ...first, tags: ['导入', '已修订'], updatedAt: first.updatedAt + 86_400_000 }, ...rest],
      annotations: f.annotations.map((a, i) =>
        i === 0 ? { ...a, note: '改过的批注', updatedAt: a.updatedAt + 86_400_000 } : a,
      ),
    };
    const outcome = await importLibrary(repo, later.notices, later.annotations, { fileName: 'b.jsonld' });
    expect(outcome).toMatchObject({ added: 0, changed: 1, unchanged: 2, annotationsAdded: 0, annotationsChanged: 1 });
    expect((await repo.getNotice(first.id))?.tags).toEqual(['导入', '已修订']);
    const again = await importLibrary(repo, later.notices, later.annotations, { fileName: 'b.jsonld' });
    expect(again).toMatchObject({ added: 0, changed: 0, unchanged: 3, annotationsAdded: 0, annotationsChanged: 0 });
  });

  it('writes nothing when a record half-way through the file is refused', async () => {
    const { db, repo } = freshRepo();
    await repo.upsertNotice(snapshot());
    const before = await dump(db);
    const f = file(4, 3);
    // An annotation of a notice that is neither in the file nor in the library, after the notices were written.
    f.annotations.splice(7, 0, annotation({ id: 'orphan', noticeId: 'url:gov.cn/nowhere' }));
    const error = await importLibrary(repo, f.notices, f.annotations, { fileName: 'bad.jsonld' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'invalid' });
    expect(await dump(db)).toEqual(before);
    // The failure was reported to the caller: nothing is left to report next time.
    expect(await takeInterruptedImport(repo)).toBeNull();
  });

  it('writes nothing when storage fills up half-way, and the same file imports once there is room', async () => {
    const { db, repo } = freshRepo();
    const existing = await repo.upsertNotice(snapshot({ tags: ['原有'] }));
    await repo.putAnnotation(annotation({ id: 'kept', noticeId: existing.id, note: '原有批注' }));
    const before = await dump(db);
    const f = file(5, 4);
    const put = db.annotations.put.bind(db.annotations);
    let calls = 0;
    vi.spyOn(db.annotations, 'put').mockImplementation((...args) => {
      if (++calls === 11)
        throw new DOMException(
          'Connection is closing because of: IO error: 000003.log: FILE_ERROR_NO_SPACE',
          'UnknownError',
        );
      return put(...args);
    });
    await expect(importLibrary(repo, f.notices, f.annotations, { fileName: 'big.jsonld' })).rejects.toMatchObject({
      kind: 'quota',
    });
    expect(calls).toBe(11);
    expect(await dump(db)).toEqual(before);
    vi.restoreAllMocks();
    expect(await importLibrary(repo, f.notices, f.annotations, { fileName: 'big.jsonld' })).toEqual({
      notices: 5,
      annotations: 20,
      duplicates: 0,
      added: 5,
      changed: 0,
      unchanged: 0,
      annotationsAdded: 20,
      annotationsChanged: 0,
    });
    expect((await repo.listNotices()).total).toBe(6);
    expect((await repo.listAnnotations(existing.id)).map((a) => a.note)).toEqual(['原有批注']);
  });

  it('leaves a marker when the import never finished (the page went away), reported once', async () => {
    const { db, repo } = freshRepo();
    const before = await dump(db);
    const f = file(2, 1);
    // The page dies while the import transaction is open: it never commits (nor settles).
    vi.spyOn(db, 'transaction').mockImplementationOnce((() => new Promise(() => undefined)) as never);
    void importLibrary(repo, f.notices, f.annotations, { fileName: '文库备份.jsonld', now: 1_700_000_000_000 });
    await vi.waitFor(async () => expect(await db.meta.get('importInProgress')).toBeDefined());
    vi.restoreAllMocks();
    expect(await takeInterruptedImport(repo)).toEqual({
      fileName: '文库备份.jsonld',
      startedAt: 1_700_000_000_000,
      notices: 2,
      annotations: 2,
    });
    expect(await takeInterruptedImport(repo)).toBeNull();
    expect(await dump(db)).toEqual(before);
  });
});

describe('export', () => {
  it('round-trips: a library exported and imported into an empty one exports the same', async () => {
    const a = freshRepo();
    const f = file(3, 2);
    await importLibrary(a.repo, f.notices, f.annotations);
    await a.repo.deleteAnnotation('imp-1-0');
    const exported = await exportLibrary(a.repo);
    expect(exported.map((i) => i.annotations.length)).toEqual([2, 2, 2]);
    const b = freshRepo();
    await importLibrary(
      b.repo,
      exported.map((i) => i.notice),
      exported.flatMap((i) => i.annotations),
    );
    expect(await exportLibrary(b.repo)).toEqual(exported);
  });

  it('is one consistent reading while another tab saves an annotation', async () => {
    const { repo } = freshRepo();
    const f = file(4, 1);
    await importLibrary(repo, f.notices, f.annotations);
    const target = f.notices[2];
    // Another tab's write lands just after the export has read the notice and before it reads its annotations.
    // Set inside the mock below, so typed here as what it may become.
    let write = null as Promise<unknown> | null;
    const getNotices = repo.getNotices.bind(repo);
    vi.spyOn(repo, 'getNotices').mockImplementation(async (ids, options) => {
      const notices = await getNotices(ids, options);
      if (ids.includes(target.id) && !write) {
        write = Dexie.ignoreTransaction(() =>
          repo.putAnnotation(
            annotation({
              id: 'from-another-tab',
              noticeId: target.id,
              createdAt: 1_800_000_000_000,
              updatedAt: 1_800_000_000_000,
            }),
          ),
        );
      }
      return notices;
    });
    const items = await exportLibrary(repo);
    await write;
    const item = items.find((i) => i.notice.id === target.id)!;
    // The library as it was before the write: the notice as imported with its one annotation.
    expect(item.notice.updatedAt).toBe(target.updatedAt);
    expect(item.annotations.map((a) => a.id)).toEqual(['imp-2-0']);
    // The write itself went through, after the export.
    expect((await repo.listAnnotations(target.id)).map((a) => a.id)).toEqual(['imp-2-0', 'from-another-tab']);
  });
});
