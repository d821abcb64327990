/**
 * The library database (Dexie over IndexedDB). Opened only by the background service worker and extension
 * pages; content scripts reach it through messages (`lib/messages`).
 *
 * Layout, and why:
 * - A notice is stored in four rows with the same `id`, so the library list, search verification and the
 *   index never read what they do not need. Reading a row deserialises all of it: measured in
 *   fake-indexeddb, a row carrying 2,500 terms or 40 clauses costs ~0.3 ms each, a 10,000-character text
 *   alone ~0.03 ms.
 *   - `notices`: the lean row (metadata, URLs, flags, tags, counts) and the library's index fields;
 *   - `noticeTexts`: the normalised text (what substring checks and the reader need);
 *   - `noticeAnalyses`: outline and obligation clauses (the reader, export and compare);
 *   - `noticeTerms`: the search terms, written on save and only ever read through the `*terms` index. Its
 *     primary key is `searchKey(id, time of the write)`, which sorts the most recently saved first, so
 *     every term's index entries come out newest first and a search reads only as far as its page
 *     (`lib/storage/search.ts`) instead of whole posting lists.
 * - `noteTerms`: the analyst's notes and annotation tags per notice, under the notice's `searchKey`, for
 *   the same newest-first walk (`notes.ts`).
 * - `aliases` maps each canonical URL to a notice id: the same notice under another URL (redirect, mirror,
 *   pkulaw query strings) finds the same record and annotations.
 * - Booleans and null are not IndexedDB keys: `saved` is stored as 0/1, and a null `deletedAt`, `year` or
 *   `docType` simply leaves the row out of that index (so `deletedAt` lists the bin).
 *
 * Versions are additive (docs/annotation.md §7): never edit a shipped `version(n)`; add `version(n + 1)` with
 * an upgrade that derives what is new from what is there, and a fixture test (tests/storage/migration).
 */

import Dexie, { type DexieOptions, type Table } from 'dexie';
import { documentKey } from '../identity';
import { TERMS_VERSION } from '../search/terms';
import { buildNoteRows } from './notes';
import type { Annotation, Clause, NoticeMetadata, ObligationCategory, OutlineItem, Site } from '../types';

export const DB_NAME = 'notice-lens';

/** Schema of version 1, as shipped. Frozen: the migration fixture test checks it never changes. */
export const SCHEMA_V1 = {
  notices: 'id, updatedAt, createdAt, saved, deletedAt, *urls, *issuers, year, docType, *tags',
  noticeTexts: 'id',
  noticeAnalyses: 'id',
  noticeTerms: 'key, *terms',
  annotations: 'id, noticeId, [noticeId+updatedAt], updatedAt, colour, *tags, deletedAt, *terms',
  aliases: 'url, noticeId',
  meta: 'key',
} as const;

/**
 * Version 2: annotations get a `createdAt` index (lists in the order the analyst made them, export by
 * date), and notices get `annotationCount`, the number of live annotations, kept by every annotation
 * write in the same transaction. The upgrade counts existing annotations to fill it in.
 */
export const SCHEMA_V2 = {
  annotations: 'id, noticeId, [noticeId+updatedAt], updatedAt, createdAt, colour, *tags, deletedAt, *terms',
} as const;

/**
 * Version 3: `noteTerms`, the search index of notes (`notes.ts`): one row per notice with notes, keyed by
 * the notice's `searchKey`, so search finds notices by their notes newest first without reading
 * annotations. The upgrade builds it from the live annotations' stored terms.
 */
export const SCHEMA_V3 = {
  noteTerms: 'key, *terms',
} as const;

/**
 * Version 4: `syncLog`, the change log of team sync (`lib/sync/change-log.ts`): one row per write to a
 * notice or an annotation, in order, naming the row that changed; the sync bridge reads and clears it.
 * Nothing to derive from what is there: the first sync with a server sends the whole library anyway.
 */
export const SCHEMA_V4 = {
  syncLog: '++seq',
} as const;

/**
 * Version 5: one library entry per document. Notices get a `docNumber` index (the normalised 发文字号 of a
 * number that names one document, `documentKey`), so saving a notice finds another entry of the same
 * document (same number, an issuer in common) under another id; `merges` records each merge (the entry
 * merged, what it brought, the rows it had) so it can be split back. The upgrade fills `docNumber` in;
 * pairs already stored are merged by `NoticeRepository.mergeDuplicates`.
 */
export const SCHEMA_V5 = {
  notices: `${SCHEMA_V1.notices}, docNumber`,
  merges: 'from, into',
} as const;

/**
 * Version 6: annotations get a `[noticeId+createdAt]` index: a notice's annotations in the order they were
 * made, so its first screen of them is read with a limit (the library's detail) rather than all of them read
 * and sorted. Nothing to fill in: the browser builds the index from the rows there.
 */
export const SCHEMA_V6 = {
  annotations: `${SCHEMA_V2.annotations}, [noticeId+createdAt]`,
} as const;

export const CURRENT_VERSION = 6;

/** After a failed open, calls fail at once for this long before the next one opens the database again. */
export const REOPEN_DELAY_MS = 500;

/** The lean notice row: `SavedNotice` without text, outline and clauses, plus index and summary fields. */
export interface NoticeRow {
  id: string;
  urls: string[];
  metadata: NoticeMetadata;
  site: Site;
  /** 1 when saved to the library (booleans cannot be IndexedDB keys). */
  saved: 0 | 1;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  /** Set when the analyst deleted the notice: kept for undo until purged. */
  deletedAt: number | null;
  /** `metadata.issuers` normalised (`normaliseKeyPart`), for the issuer filter. */
  issuers: string[];
  /** Year of the signed (else published) date. */
  year: number | null;
  docType: string | null;
  /** Live (not deleted) annotations of this notice. Since version 2. */
  annotationCount: number;
  obligationCounts: Record<ObligationCategory, number>;
  textLength: number;
  /** Primary key of this notice's `noticeTerms` row (`searchKey`). */
  searchKey: string;
  /** `documentKey(metadata).number`, absent when there is none. Since version 5. */
  docNumber?: string;
}

export interface NoticeTextRow {
  id: string;
  text: string;
}

export interface NoticeAnalysisRow {
  id: string;
  outline: OutlineItem[];
  obligations: Clause[];
}

export interface NoticeTermsRow {
  /** `searchKey(id, savedAt)`: newest first. */
  key: string;
  id: string;
  terms: string[];
}

export interface AnnotationRow extends Annotation {
  terms: string[];
}

export interface NoteTermsRow {
  /** The notice's `searchKey`. */
  key: string;
  /** The notice's id. */
  id: string;
  /** Each live annotation with a note or tags: what search checks (`noteText`) and its terms. */
  notes: Record<string, { text: string; terms: string[] }>;
  /** The union of the entries' terms (the `*terms` index). */
  terms: string[];
}

export interface AliasRow {
  /** `canonicalUrl` of an address the notice was seen at. */
  url: string;
  noticeId: string;
}

export interface SyncLogRow {
  /** Assigned by the database, increasing. */
  seq?: number;
  table: 'notices' | 'annotations';
  /** Primary key of the row that was written or deleted. */
  id: string;
}

/**
 * A merge of one library entry (`from`) into another of the same document (`into`), kept to split it back.
 * Saves and annotations arriving under `from` go to `into` while the merge stands (and are noted here).
 */
export interface MergeRow {
  from: string;
  into: string;
  mergedAt: number;
  /** Set when the merge was undone: `from` is its own entry again and is not merged a second time. */
  splitAt: number | null;
  /** The merged entry's metadata and site (its own id and 文号 come back with it). */
  metadata: NoticeMetadata;
  site: Site;
  /** Addresses the merge added to `into`. */
  urls: string[];
  /** Tags the merge added to `into`. */
  tags: string[];
  /** Annotations moved to `into` (and annotations written under `from` since). */
  annotationIds: string[];
  /** The merged entry's rows as they were, when it had one (a notice merged as it is first saved has none). */
  notice: { row: NoticeRow; text: NoticeTextRow | null; analysis: NoticeAnalysisRow | null } | null;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** What the tests pass instead of the browser's IndexedDB (fake-indexeddb). */
export interface IndexedDBDeps {
  indexedDB: NonNullable<DexieOptions['indexedDB']>;
  IDBKeyRange: NonNullable<DexieOptions['IDBKeyRange']>;
}

export class NoticeLensDB extends Dexie {
  notices!: Table<NoticeRow, string>;
  noticeTexts!: Table<NoticeTextRow, string>;
  noticeAnalyses!: Table<NoticeAnalysisRow, string>;
  noticeTerms!: Table<NoticeTermsRow, string>;
  annotations!: Table<AnnotationRow, string>;
  noteTerms!: Table<NoteTermsRow, string>;
  aliases!: Table<AliasRow, string>;
  meta!: Table<MetaRow, string>;
  syncLog!: Table<SyncLogRow, number>;
  merges!: Table<MergeRow, string>;

  constructor(name: string = DB_NAME, deps?: IndexedDBDeps) {
    super(name, deps ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : undefined);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        const counts = new Map<string, number>();
        await tx
          .table('annotations')
          .toCollection()
          .each((a: { noticeId: string; deletedAt: number | null }) => {
            if (a.deletedAt == null) counts.set(a.noticeId, (counts.get(a.noticeId) ?? 0) + 1);
          });
        await tx
          .table('notices')
          .toCollection()
          .modify((n: { id: string; annotationCount?: number }) => {
            n.annotationCount = counts.get(n.id) ?? 0;
          });
        await tx.table('meta').put({ key: 'migratedToV2At', value: Date.now() });
      });
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade(async (tx) => {
        const annotations: AnnotationRow[] = [];
        await tx
          .table('annotations')
          .toCollection()
          .each((a: AnnotationRow) => {
            if (a.deletedAt === null && a.terms?.length) annotations.push(a);
          });
        const ids = [...new Set(annotations.map((a) => a.noticeId))];
        const notices = (await tx.table('notices').bulkGet(ids)) as Array<NoticeRow | undefined>;
        const keys = new Map(ids.map((id, i) => [id, { searchKey: notices[i]?.searchKey ?? '' }]));
        await tx.table('noteTerms').bulkPut(buildNoteRows(annotations, keys));
      });
    this.version(4).stores(SCHEMA_V4);
    this.version(5)
      .stores(SCHEMA_V5)
      .upgrade(async (tx) => {
        await tx
          .table('notices')
          .toCollection()
          .modify((n: NoticeRow) => {
            const number = documentKey(n.metadata)?.number;
            if (number) n.docNumber = number;
          });
      });
    this.version(6).stores(SCHEMA_V6);
    // A database created by this code has terms made by its rules (see `NoticeRepository.needsReindex`).
    this.on('populate', (tx) => {
      void tx.table('meta').put({ key: 'termsVersion', value: TERMS_VERSION });
    });
    this.on('close', () => this.reopenLater());
  }

  private reopenTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * When the browser closes the connection (Chromium does when the disk fills up), Dexie opens the database
   * again on the next call; but if that open fails too (the disk is still full), Dexie fails every later call
   * with DatabaseClosedError and never tries again, so a long-lived service worker would stay broken after
   * the analyst made room. After a failed open, let the next call try again (Dexie reports the failure
   * through 'close'). Not after `close()` by our own code, which leaves a DatabaseClosedError.
   */
  private reopenLater(): void {
    if (this.reopenTimer !== null) return;
    this.reopenTimer = setTimeout(() => {
      this.reopenTimer = null;
      if (!this.isOpen() && this.hasFailed() && !this.hasBeenClosed()) this.close({ disableAutoOpen: false });
    }, REOPEN_DELAY_MS);
  }
}
