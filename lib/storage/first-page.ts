/**
 * The popup's first page of the library, read with IndexedDB itself (no Dexie, nothing else imported), so
 * a small script (entrypoints/popup-prefetch.ts) can read it while the popup's own code is still loading:
 * opening the database and reading the page then overlap with fetching and compiling that code, instead of
 * following it. The same notices as `NoticeRepository.recentNotices` without filters: the newest first
 * (the `updatedAt` index backwards), those in the bin left out.
 */
import type { AnnotationRow, MergeRow, NoticeAnalysisRow, NoticeRow, NoticeTextRow } from './db';

/**
 * IndexedDB's getAllRecords (Chromium 141+): keys and values in one request, in either direction. Used on
 * the notices store, whose primary keys are the notices' string ids.
 */
interface IndexWithRecords {
  getAllRecords?: (options: {
    count?: number;
    direction?: IDBCursorDirection;
  }) => IDBRequest<Array<{ key: IDBValidKey; primaryKey: string; value: unknown }>>;
}

/** Notices in the popup's list. */
export const POPUP_PAGE = 30;

/** The database's name (`DB_NAME` in db.ts, not imported: that would bring Dexie along). */
export const FIRST_PAGE_DB_NAME = 'notice-lens';

/**
 * The newest `limit` notices not in the bin, or null when there is no library yet (the database is not
 * created) or reading failed (the caller then reads through the repository, which reports errors).
 */
export function readFirstPage(
  idb: IDBFactory,
  limit = POPUP_PAGE,
  name = FIRST_PAGE_DB_NAME,
  keyRange: Pick<typeof IDBKeyRange, 'upperBound'> = globalThis.IDBKeyRange,
): Promise<NoticeRow[] | null> {
  return readExisting<NoticeRow[]>(idb, name, (db, done) => {
    if (!db.objectStoreNames.contains('notices')) return done(null);
    const tx = db.transaction('notices', 'readonly');
    const index = tx.objectStore('notices').index('updatedAt');
    const rows: NoticeRow[] = [];
    // A cursor from the newest, a notice at a time (each a round trip through the page's busy thread
    // while its code loads), after one request for the first few where the browser has getAllRecords.
    const walk = (after: IDBValidKey | null, skip: string[]) => {
      const cursor = index.openCursor(after === null ? null : keyRange.upperBound(after), 'prev');
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return;
        const row = c.value as NoticeRow;
        if (skip.includes(row.id)) return c.continue();
        if (row.deletedAt === null) rows.push(row);
        if (rows.length < limit) c.continue();
      };
    };
    const getAllRecords = (index as IndexWithRecords).getAllRecords;
    if (typeof getAllRecords !== 'function') walk(null, []);
    else {
      const count = limit + 10;
      const request = getAllRecords.call(index, { count, direction: 'prev' });
      request.onsuccess = () => {
        const records = request.result;
        for (const r of records)
          if (rows.length < limit && (r.value as NoticeRow).deletedAt === null) rows.push(r.value as NoticeRow);
        if (rows.length >= limit || records.length < count) return;
        // More in the bin than expected: go on from the last one read (same time: skip those already read).
        const last = records[records.length - 1];
        walk(
          last.key,
          records.filter((r) => r.key === last.key).map((r) => r.primaryKey),
        );
      };
    }
    tx.oncomplete = () => done(rows);
    tx.onabort = () => done(null);
  });
}

/** Annotations the library's detail of a notice draws first (the rest follow once it is shown). */
export const FIRST_ANNOTATIONS = 40;

/** A notice's rows and the first of its annotations, as stored (see `readNoticeFirstScreen`). */
export interface NoticeFirstScreen {
  row: NoticeRow;
  text: NoticeTextRow | undefined;
  analysis: NoticeAnalysisRow | undefined;
  /** The first `limit` annotations not in the bin, oldest first (`NoticeRepository.firstAnnotations`). */
  annotations: AnnotationRow[];
  /** True when these are all of them. */
  complete: boolean;
}

/**
 * The library page opened on a notice: the notice and the annotations its first screen draws, read with
 * IndexedDB itself while the page's code loads (entrypoints/library-prefetch.ts), as the popup's first page
 * is. The same rows as `NoticeRepository.getNotice` and `firstAnnotations(id, limit)`: an id merged into
 * another entry reads that entry. Null when there is no such notice (or it is in the bin), no library yet,
 * or reading failed: the page then reads through the repository, which reports errors.
 */
export function readNoticeFirstScreen(
  idb: IDBFactory,
  id: string,
  limit: number,
  name = FIRST_PAGE_DB_NAME,
  keyRange: Pick<typeof IDBKeyRange, 'bound'> = globalThis.IDBKeyRange,
): Promise<NoticeFirstScreen | null> {
  const stores = ['merges', 'notices', 'noticeTexts', 'noticeAnalyses', 'annotations'];
  return readExisting<NoticeFirstScreen>(idb, name, (db, done) => {
    if (stores.some((s) => !db.objectStoreNames.contains(s))) return done(null);
    const tx = db.transaction(stores, 'readonly');
    let row: IDBRequest | null = null;
    let text: IDBRequest | null = null;
    let analysis: IDBRequest | null = null;
    const live: AnnotationRow[] = [];
    let readAll = false;
    tx.onabort = () => done(null);
    tx.oncomplete = () => {
      const notice = row?.result as NoticeRow | undefined;
      if (!notice || notice.deletedAt !== null) return done(null);
      done({
        row: notice,
        text: text?.result as NoticeTextRow | undefined,
        analysis: analysis?.result as NoticeAnalysisRow | undefined,
        annotations: live.slice(0, limit),
        complete: readAll && live.length <= limit,
      });
    };
    const merge = tx.objectStore('merges').get(id);
    merge.onsuccess = () => {
      const m = merge.result as MergeRow | undefined;
      const at = m && m.splitAt === null ? m.into : id;
      row = tx.objectStore('notices').get(at);
      text = tx.objectStore('noticeTexts').get(at);
      analysis = tx.objectStore('noticeAnalyses').get(at);
      const range = keyRange.bound([at, -Infinity], [at, Infinity]);
      const index = tx.objectStore('annotations').index('[noticeId+createdAt]');
      // One request for a few more than drawn (a deleted one or two among them is common), oldest first …
      const read = limit + 8;
      const first = index.getAll(range, read);
      first.onsuccess = () => {
        const rows = first.result as AnnotationRow[];
        for (const a of rows) if (a.deletedAt === null) live.push(a);
        readAll = rows.length < read;
        if (readAll || live.length >= limit) return;
        // … and a walk past the ones in the bin when there were more of them.
        live.length = 0;
        const cursor = index.openCursor(range);
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) {
            readAll = true;
            return;
          }
          const a = c.value as AnnotationRow;
          if (a.deletedAt === null) live.push(a);
          if (live.length <= limit) c.continue();
        };
      };
    };
  });
}

/**
 * Opens the extension's database as it is and hands it to `read`, which answers through `done` (closing it):
 * null when there is no database yet (an empty one is never created: the extension's own code creates it with
 * its schema), when it cannot be opened, or when `read` throws. A schema upgrade by the extension's code is never
 * held up: the database closes when asked.
 */
function readExisting<T>(
  idb: IDBFactory,
  name: string,
  read: (db: IDBDatabase, done: (value: T | null) => void) => void,
): Promise<T | null> {
  return new Promise((resolve) => {
    let open: IDBOpenDBRequest;
    try {
      open = idb.open(name);
    } catch {
      return resolve(null);
    }
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve(null);
    open.onsuccess = () => {
      const db = open.result;
      db.onversionchange = () => db.close();
      const done = (value: T | null) => {
        db.close();
        resolve(value);
      };
      try {
        read(db, done);
      } catch {
        done(null);
      }
    };
  });
}
