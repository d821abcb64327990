/**
 * The search index of the analyst's notes: one row per notice (`noteTerms`), keyed by the notice's own
 * `searchKey`, holding the note and tags of each of its live annotations and the union of their terms.
 *
 * Why per notice and keyed like the notice's terms: search walks index entries newest first and stops when
 * its page is full (`search.ts`). Entries of the annotations' own `*terms` index name annotations, in no
 * useful order, so finding which notices have a note with a common word meant reading every annotation
 * with it (14,000 records for a stock phrase in a library of 100,000 annotations: seconds). Keyed by
 * `searchKey`, a term's entries here name notices, newest first, like the notices' own terms, and the
 * row holds what the substring check needs.
 *
 * Kept in the transaction of every annotation write; moved with the notice when its terms get a new key;
 * removed with it when it is purged.
 */

import type { AnnotationRow, NoteTermsRow, NoticeRow } from './db';

/** What search checks a phrase against in an annotation: its note and tags, one per line. */
export function noteText(a: { note: string; tags: string[] }): string {
  return `${a.note}\n${a.tags.join('\n')}`;
}

/**
 * The note row after an annotation write: the annotation's entry set (live, with terms) or removed; null
 * when no entry is left (the row is then deleted). `row` is not modified.
 */
export function withAnnotation(
  row: NoteTermsRow | undefined,
  key: string,
  noticeId: string,
  a: AnnotationRow,
): NoteTermsRow | null {
  const notes = { ...(row?.notes ?? {}) };
  if (a.deletedAt === null && a.terms.length > 0) notes[a.id] = { text: noteText(a), terms: a.terms };
  else delete notes[a.id];
  return noteRow(key, noticeId, notes);
}

/** A note row from its entries; null when there are none. */
export function noteRow(key: string, noticeId: string, notes: NoteTermsRow['notes']): NoteTermsRow | null {
  const entries = Object.values(notes);
  if (entries.length === 0) return null;
  const terms = new Set<string>();
  for (const e of entries) for (const t of e.terms) terms.add(t);
  return { key, id: noticeId, notes, terms: [...terms] };
}

/** Note rows for annotations as stored (live ones with terms), under their notices' search keys. */
export function buildNoteRows(
  annotations: Iterable<AnnotationRow>,
  notices: Map<string, Pick<NoticeRow, 'searchKey'>>,
): NoteTermsRow[] {
  const byNotice = new Map<string, NoteTermsRow['notes']>();
  for (const a of annotations) {
    if (a.deletedAt !== null || !a.terms || a.terms.length === 0) continue;
    let notes = byNotice.get(a.noticeId);
    if (!notes) byNotice.set(a.noticeId, (notes = {}));
    notes[a.id] = { text: noteText(a), terms: a.terms };
  }
  const rows: NoteTermsRow[] = [];
  for (const [id, notes] of byNotice) {
    const key = notices.get(id)?.searchKey;
    if (!key) continue;
    const row = noteRow(key, id, notes);
    if (row) rows.push(row);
  }
  return rows;
}
