/**
 * Moving the library in and out: every notice with its annotations for export, and an import that is all
 * or nothing. Import runs in one transaction over every table, so a file that fails half-way (or storage
 * that refuses it) leaves the library exactly as it was; annotations already present with the same or a
 * newer version are recognised as duplicates and not doubled.
 */
import type { ExportItem } from '../export';
import type { NoticeRepository } from '../storage/repository';
import type { Annotation, SavedNotice } from '../types';

/** Notices (all, or the given ids, in that order) with their annotations, deleted ones included for a lossless backup. */
export async function exportLibrary(repo: NoticeRepository, ids?: string[]): Promise<ExportItem[]> {
  const list = ids ?? (await repo.db.notices.orderBy('updatedAt').reverse().filter((n) => n.deletedAt == null).primaryKeys());
  const items: ExportItem[] = [];
  for (const id of list) {
    const notice = await repo.getNotice(id);
    if (!notice) continue;
    items.push({ notice, annotations: await repo.listAnnotations(id, { includeDeleted: true }) });
  }
  return items;
}

export interface ImportOutcome {
  notices: number;
  annotations: number;
  duplicates: number;
}

/** Store an imported library: notices keep their own dates, saved state and tags; annotations are idempotent. */
export async function importLibrary(repo: NoticeRepository, notices: SavedNotice[], annotations: Annotation[]): Promise<ImportOutcome> {
  const db = repo.db;
  return db.transaction('rw', db.tables, async () => {
    const existing = new Set((await db.table('notices').bulkGet(notices.map((n) => n.id))).filter(Boolean).map((r: { id: string }) => r.id));
    await repo.restoreSavedNotices(notices);
    let added = 0;
    let duplicates = 0;
    for (const a of annotations) {
      const result = await repo.putAnnotation(a);
      if (result.applied) added++;
      else duplicates++;
    }
    // Writing annotations moves their notice's updatedAt; a notice new to the library keeps the exported one.
    for (const n of notices) if (!existing.has(n.id)) await repo.setNoticeUpdatedAt(n.id, n.updatedAt);
    return { notices: notices.length, annotations: added, duplicates };
  });
}
