/**
 * Moving the library in and out: every notice with its annotations for export, and an import that is all
 * or nothing. Import runs in one transaction over every table, so a file that fails half-way (or storage
 * that refuses it) leaves the library exactly as it was; annotations already present with the same or a
 * newer version are recognised as duplicates and not doubled.
 *
 * Both run in the library page itself (its own connection to the database), not in the service worker: a
 * stopped service worker does not touch them. What can interrupt them is the page going away (closed,
 * crashed, the browser quitting). An export then simply produced no file; an import leaves a marker behind
 * (written before it starts, removed by the import's own transaction), so the library can tell the analyst
 * next time that the import did not happen and should be run again.
 */
import type { ExportItem } from '../export';
import { ensureRoomToWrite, guard } from '../storage/errors';
import type { NoticeRepository } from '../storage/repository';
import type { Annotation, SavedNotice } from '../types';

/** Notices read at once by an export. */
const EXPORT_BATCH = 100;

/** Notices (all, or the given ids, in that order) with their annotations, deleted ones included for a lossless backup. */
export async function exportLibrary(repo: NoticeRepository, ids?: string[]): Promise<ExportItem[]> {
  const db = repo.db;
  // One read transaction: a tab saving while the export runs cannot give a file with a notice from before
  // the save and its annotations from after it.
  return guard(() =>
    db.transaction('r', db.notices, db.noticeTexts, db.noticeAnalyses, db.annotations, async () => {
      const list =
        ids ??
        (await db.notices
          .orderBy('updatedAt')
          .reverse()
          .filter((n) => n.deletedAt == null)
          .primaryKeys());
      const items: ExportItem[] = [];
      // A batch of notices and their annotations per round trip, not one notice (and four requests) at a time.
      for (let i = 0; i < list.length; i += EXPORT_BATCH) {
        const batch = list.slice(i, i + EXPORT_BATCH);
        const [notices, annotations] = await Promise.all([
          repo.getNotices(batch),
          repo.listAnnotationsOf(batch, { includeDeleted: true }),
        ]);
        notices.forEach((notice, k) => notice && items.push({ notice, annotations: annotations.get(batch[k]) ?? [] }));
      }
      return items;
    }),
  );
}

/**
 * What an import did. A notice is new (not in the library), changed (the file's copy was newer and replaced
 * it) or unchanged (the library's copy is as new or newer); an annotation likewise. Re-importing the same
 * file reports everything unchanged.
 */
export interface ImportOutcome {
  /** Notices in the file. */
  notices: number;
  /** Annotations written (new or changed). */
  annotations: number;
  /** Annotations already stored as new or newer. */
  duplicates: number;
  added: number;
  changed: number;
  unchanged: number;
  annotationsAdded: number;
  annotationsChanged: number;
}

/** What an import that never finished left behind: shown to the analyst by the library page. */
export interface InterruptedImport {
  fileName: string;
  startedAt: number;
  notices: number;
  annotations: number;
}

const IMPORT_MARKER = 'importInProgress';

/**
 * Store an imported library: notices keep their own dates, saved state and tags; annotations are idempotent.
 * `source.fileName` names the file in the interrupted-import marker; `source.onStarted` is called once the
 * marker is stored, as the import's own transaction begins.
 */
export async function importLibrary(
  repo: NoticeRepository,
  notices: SavedNotice[],
  annotations: Annotation[],
  source: { fileName: string; now?: number; onStarted?: () => void } = { fileName: '' },
): Promise<ImportOutcome> {
  const db = repo.db;
  const marker: InterruptedImport = {
    fileName: source.fileName,
    startedAt: source.now ?? Date.now(),
    notices: notices.length,
    annotations: annotations.length,
  };
  // Room for the records (texts, terms and indexes take a few times the characters' bytes) and a margin.
  let chars = 0;
  for (const n of notices) chars += n.text.length + JSON.stringify(n.metadata).length;
  for (const a of annotations) chars += a.note.length + a.quote.length + 500;
  await ensureRoomToWrite(chars * 8);
  await guard(() => db.meta.put({ key: IMPORT_MARKER, value: marker }));
  try {
    return await guard(() =>
      db.transaction('rw', db.tables, async () => {
        source.onStarted?.();
        const stored = new Map<string, number>();
        for (const r of (await db.notices.bulkGet(notices.map((n) => n.id))) as Array<{
          id: string;
          updatedAt: number;
        } | null>)
          if (r) stored.set(r.id, r.updatedAt);
        const existing = new Set(stored.keys());
        let added = 0;
        let changed = 0;
        for (const n of notices) {
          const at = stored.get(n.id);
          if (at === undefined) added++;
          else if (at < n.updatedAt) changed++;
        }
        const storedAnnotations = new Set(
          (await db.annotations.bulkGet(annotations.map((a) => a.id))).flatMap((a) => (a ? [a.id] : [])),
        );
        await repo.restoreSavedNotices(notices);
        let written = 0;
        let annotationsAdded = 0;
        let duplicates = 0;
        for (const a of annotations) {
          const result = await repo.putAnnotation(a);
          if (!result.applied) duplicates++;
          else if (storedAnnotations.has(a.id)) written++;
          else {
            written++;
            annotationsAdded++;
          }
        }
        // Writing annotations moves their notice's updatedAt; a notice new to the library keeps the exported one.
        for (const n of notices) if (!existing.has(n.id)) await repo.setNoticeUpdatedAt(n.id, n.updatedAt);
        // Committed with the import, or not at all.
        await db.meta.delete(IMPORT_MARKER);
        return {
          notices: notices.length,
          annotations: written,
          duplicates,
          added,
          changed,
          unchanged: notices.length - added - changed,
          annotationsAdded,
          annotationsChanged: written - annotationsAdded,
        };
      }),
    );
  } catch (e) {
    // The caller reports this failure now; the marker is for imports nobody could report.
    await db.meta.delete(IMPORT_MARKER).catch(() => undefined);
    throw e;
  }
}

/** The import that was running when the library page last went away, if any; reading it clears it. */
export async function takeInterruptedImport(repo: NoticeRepository): Promise<InterruptedImport | null> {
  const db = repo.db;
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(IMPORT_MARKER);
    if (!row) return null;
    await db.meta.delete(IMPORT_MARKER);
    const v = row.value as Partial<InterruptedImport> | null;
    return {
      fileName: typeof v?.fileName === 'string' ? v.fileName : '',
      startedAt: typeof v?.startedAt === 'number' ? v.startedAt : 0,
      notices: typeof v?.notices === 'number' ? v.notices : 0,
      annotations: typeof v?.annotations === 'number' ? v.annotations : 0,
    };
  });
}
