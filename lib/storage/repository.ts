/**
 * The library's one way in and out of the database: notices, annotations and URL aliases, written in
 * single transactions so an interrupted write leaves nothing half-written, and every failure surfaced as
 * a `StorageError`.
 *
 * Identity rules (annotation.md §7): a notice is keyed by its document id (`lib/identity`), each URL it
 * was seen at is an alias; annotations are keyed by their own id, so a retried save is idempotent and the
 * newest `updatedAt` wins. Deletions are soft (undo) until `purgeDeleted`.
 */

import * as v from 'valibot';
import { documentKey, normaliseKeyPart, sameDocument, tryCanonicalUrl, type DocumentKey } from '../identity';
import {
  annotationSchema,
  clauseSchema,
  describeIssue,
  list,
  storedSnapshotSchema,
  outlineItemSchema,
} from '../schema';
import { TERMS_VERSION, annotationTerms, indexTerms, noticeTerms } from '../search/terms';
import {
  OBLIGATION_CATEGORIES,
  type Annotation,
  type Clause,
  type NoticeMetadata,
  type ObligationCategory,
  type SavedNotice,
  type Site,
} from '../types';
import type {
  AliasRow,
  AnnotationRow,
  MergeRow,
  NoteTermsRow,
  NoticeAnalysisRow,
  NoticeLensDB,
  NoticeRow,
  NoticeTermsRow,
  NoticeTextRow,
} from './db';
import { buildNoteRows, withAnnotation } from './notes';
import { StorageError, guard } from './errors';
import { LIMITS, normaliseTags } from './limits';
import {
  metadataStrings,
  pageByRecency,
  resolveTagFilter,
  searchKey,
  toSummary,
  type NoticeFilters,
  type NoticeSnapshot,
  type NoticeSummary,
  type Page,
} from './records';
import { searchNotices, type SearchOptions, type SearchResult } from './search';

export type { NoticeFilters, NoticeSnapshot, NoticeSummary, Page } from './records';

export interface PutAnnotationResult {
  /** The stored annotation after the write: the incoming one, or the stored one when it was newer. */
  annotation: Annotation;
  /** false when the stored annotation was as new or newer (a retry, or an outdated write). */
  applied: boolean;
}

export interface RepositoryOptions {
  /** Clock, injectable for tests. */
  now?: () => number;
}

/** Meta key: the notices whose note rows are still to be built (see `rebuildPendingNotes`). */
const PENDING_NOTES = 'notesPending';

/** The tables a notice's rows live in (its note row moves with its terms). */
const NOTICE_TABLES = [
  'notices',
  'noticeTexts',
  'noticeAnalyses',
  'noticeTerms',
  'noteTerms',
  'aliases',
  'merges',
  'annotations',
] as const;

/** A merge as the library shows it on the entry that stayed. */
export interface MergeSummary {
  /** The id of the entry merged in (what `splitMerge` takes). */
  from: string;
  mergedAt: number;
  metadata: NoticeMetadata;
  site: Site;
  /** The addresses it brought. */
  urls: string[];
  annotationCount: number;
}

export class NoticeRepository {
  private readonly now: () => number;

  constructor(
    readonly db: NoticeLensDB,
    options: RepositoryOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /* ----- Notices ----- */

  /**
   * Store a notice's latest analysis. URLs are merged with those already stored; `saved` and `tags` keep
   * their stored values unless the snapshot sets them; nothing is written (and `updatedAt` stays) when
   * nothing changed. A soft-deleted notice that is stored again is back in the library.
   */
  upsertNotice(snapshot: NoticeSnapshot): Promise<SavedNotice> {
    return guard(async () => {
      checkSnapshot(snapshot);
      const prepared = prepareNotice(snapshot);
      return this.db.transaction(
        'rw',
        NOTICE_TABLES.map((t) => this.db.table(t)),
        () => this.writeNotice(prepared),
      );
    });
  }

  /**
   * Store many notices in one transaction (restoring a backup, bulk import): each merged like
   * `upsertNotice`; all are written or none.
   */
  upsertNotices(snapshots: NoticeSnapshot[]): Promise<SavedNotice[]> {
    return guard(async () => {
      snapshots.forEach(checkSnapshot);
      const prepared = snapshots.map(prepareNotice);
      return this.db.transaction(
        'rw',
        NOTICE_TABLES.map((t) => this.db.table(t)),
        async () => {
          // What is stored is read in one go and every write made at the end in bulk: a few requests per
          // batch instead of several per notice (each costs a round trip to the database).
          for (const p of await this.toRoute(prepared)) await this.step(() => this.route(p));
          const stored = await this.readStored(prepared.map(targetId));
          const writes = new NoticeWrites();
          const out = prepared.map((p) => this.mergeNotice(p, stored, writes));
          await writes.flush(this.db);
          return out;
        },
      );
    });
  }

  /** Mark a notice saved to (or removed from) the library. */
  setSaved(id: string, saved: boolean): Promise<SavedNotice> {
    return guard(() =>
      this.db.transaction(
        'rw',
        this.db.notices,
        this.db.noticeTexts,
        this.db.noticeAnalyses,
        this.db.merges,
        async () => {
          const row = await this.db.notices.get(await this.resolveId(id));
          if (!row) throw new StorageError('invalid', `No notice ${id}`);
          const flag = saved ? 1 : 0;
          if (row.saved !== flag || row.deletedAt !== null) {
            row.saved = flag;
            row.deletedAt = null;
            row.updatedAt = this.tick(row.updatedAt);
            await this.db.notices.put(row);
          }
          return (await this.assemble(row))!;
        },
      ),
    );
  }

  /** Set a notice's tags (replacing them), reindexing its terms. */
  setNoticeTags(id: string, tags: string[]): Promise<SavedNotice> {
    return guard(async () => {
      const clean = checkTags(tags);
      return this.db.transaction(
        'rw',
        NOTICE_TABLES.map((t) => this.db.table(t)),
        async () => {
          const row = await this.db.notices.get(await this.resolveId(id));
          if (!row) throw new StorageError('invalid', `No notice ${id}`);
          const [textRow, analysis] = await Promise.all([
            this.db.noticeTexts.get(row.id),
            this.db.noticeAnalyses.get(row.id),
          ]);
          row.tags = clean;
          row.updatedAt = this.tick(row.updatedAt);
          const terms = noticeTerms({
            title: row.metadata.title,
            metadata: metadataStrings(row.metadata),
            tags: clean,
            headings: (analysis?.outline ?? []).map((o) => `${o.label}${o.title}`),
            text: textRow?.text ?? '',
          });
          await this.replaceTerms(row, terms);
          await this.db.notices.put(row);
          return (await this.assemble(row))!;
        },
      );
    });
  }

  /** The notice, or null when there is none (or it is in the bin, unless `includeDeleted`). */
  getNotice(id: string, options: { includeDeleted?: boolean } = {}): Promise<SavedNotice | null> {
    return guard(() =>
      this.db.transaction(
        'r',
        this.db.notices,
        this.db.noticeTexts,
        this.db.noticeAnalyses,
        this.db.merges,
        async () => {
          const row = await this.db.notices.get(await this.resolveId(id));
          if (!row || (row.deletedAt !== null && !options.includeDeleted)) return null;
          return this.assemble(row);
        },
      ),
    );
  }

  /**
   * Many notices in one go, in the order asked: each as `getNotice` gives it (null when there is none, or
   * it is in the bin unless `includeDeleted`).
   */
  getNotices(ids: string[], options: { includeDeleted?: boolean } = {}): Promise<Array<SavedNotice | null>> {
    return guard(() =>
      this.db.transaction('r', this.db.notices, this.db.noticeTexts, this.db.noticeAnalyses, async () => {
        const [rows, texts, analyses] = await Promise.all([
          this.db.notices.bulkGet(ids),
          this.db.noticeTexts.bulkGet(ids),
          this.db.noticeAnalyses.bulkGet(ids),
        ]);
        return rows.map((row, i) =>
          !row || (row.deletedAt !== null && !options.includeDeleted)
            ? null
            : assembleNotice(row, texts[i], analyses[i]),
        );
      }),
    );
  }

  /** The id of the notice seen at this URL (any alias, any tracking parameters), or null. */
  findNoticeIdByUrl(url: string): Promise<string | null> {
    const key = url.length <= LIMITS.urlLength ? tryCanonicalUrl(url) : null;
    return guard(async () => {
      if (key) {
        const alias = await this.db.aliases.get(key);
        if (alias) return alias.noticeId;
      }
      const direct = await this.db.notices.where('urls').equals(url).first();
      return direct?.id ?? null;
    });
  }

  /** The notice seen at this URL, or null (also when it is in the bin). */
  async findNoticeByUrl(url: string): Promise<SavedNotice | null> {
    const id = await this.findNoticeIdByUrl(url);
    return id ? this.getNotice(id) : null;
  }

  /**
   * Library page, most recently changed first, with annotation counts. Filters use the indexes, so a page
   * costs the same however large the library is.
   */
  listNotices(
    options: { filters?: NoticeFilters; limit?: number; offset?: number } = {},
  ): Promise<Page<NoticeSummary>> {
    const limit = clampInt(options.limit ?? 50, 1, LIMITS.pageSize);
    const offset = clampInt(options.offset ?? 0, 0, Number.MAX_SAFE_INTEGER);
    return guard(async () => {
      const filters = await resolveTagFilter(this.db, options.filters);
      return this.db.transaction('r', this.db.notices, async () => {
        const { rows, total } = await pageByRecency(this.db, filters, offset, limit);
        return { items: rows.map(toSummary), total };
      });
    });
  }

  /**
   * The notices of a library page without the number of matching notices (`listNotices` has both): the
   * page does not wait for counting the whole library. `countNotices` gives the number.
   */
  recentNotices(options: { filters?: NoticeFilters; limit?: number; offset?: number } = {}): Promise<NoticeSummary[]> {
    const limit = clampInt(options.limit ?? 50, 1, LIMITS.pageSize);
    const offset = clampInt(options.offset ?? 0, 0, Number.MAX_SAFE_INTEGER);
    return guard(async () => {
      const filters = await resolveTagFilter(this.db, options.filters);
      return this.db.transaction('r', this.db.notices, async () => {
        const { rows } = await pageByRecency(this.db, filters, offset, limit, undefined, false);
        return rows.map(toSummary);
      });
    });
  }

  /** How many notices match the filters (the `total` of `listNotices`). */
  async countNotices(filters: NoticeFilters = {}): Promise<number> {
    return (await this.listNotices({ filters, limit: 1 })).total;
  }

  /** Move notices to the bin (undo with `restoreNotices`). Their annotations stay, hidden with them. */
  deleteNotices(ids: string[]): Promise<number> {
    return this.setNoticesDeleted(ids, true);
  }

  restoreNotices(ids: string[]): Promise<number> {
    return this.setNoticesDeleted(ids, false);
  }

  /**
   * Store notices from an import or a backup as they were: their own dates, saved state and tags, so an
   * export imported elsewhere exports again the same. A notice already here that was updated later than
   * the imported copy is kept as it is. Runs inside the caller's transaction when there is one.
   */
  restoreSavedNotices(notices: SavedNotice[]): Promise<number> {
    return guard(() =>
      this.db.transaction(
        'rw',
        NOTICE_TABLES.map((t) => this.db.table(t)),
        async () => {
          let written = 0;
          for (const n of notices) {
            const existing = await this.db.notices.get(n.id);
            if (existing && existing.updatedAt >= n.updatedAt) continue;
            const snapshot: NoticeSnapshot = {
              id: n.id,
              urls: n.urls,
              metadata: n.metadata,
              text: n.text,
              outline: n.outline,
              obligations: n.obligations,
              site: n.site,
              saved: n.saved,
              tags: n.tags,
            };
            checkSnapshot(snapshot);
            await this.writeNotice(prepareNotice(snapshot));
            await this.db.notices.update(n.id, {
              createdAt: existing?.createdAt ?? n.createdAt,
              updatedAt: n.updatedAt,
            });
            written++;
          }
          return written;
        },
      ),
    );
  }

  /** Set a notice's `updatedAt` (an import restoring the exported value after its annotations were written). */
  setNoticeUpdatedAt(id: string, updatedAt: number): Promise<void> {
    return guard(async () => {
      await this.db.notices.update(id, { updatedAt });
    });
  }

  private setNoticesDeleted(ids: string[], deleted: boolean): Promise<number> {
    return guard(async () => {
      if (ids.length > LIMITS.idsPerRequest)
        throw new StorageError('invalid', `At most ${LIMITS.idsPerRequest} ids at once`);
      const at = this.now();
      return this.db.transaction('rw', this.db.notices, async () => {
        const rows = await this.db.notices.bulkGet(ids);
        const changed = rows.filter((r): r is NoticeRow => !!r && (r.deletedAt !== null) !== deleted);
        for (const r of changed) r.deletedAt = deleted ? at : null;
        await this.db.notices.bulkPut(changed);
        return changed.length;
      });
    });
  }

  /* ----- One entry per document ----- */

  /**
   * Where a snapshot goes (inside a transaction over NOTICE_TABLES): an id merged into another entry goes
   * there; otherwise, when other live entries are the same document (`sameDocument`: same 发文字号, an issuer
   * in common), they become one, the oldest entry staying, and the snapshot goes to it. A pair split by the
   * analyst (`splitMerge`) is not merged again.
   */
  private async route(p: PreparedNotice): Promise<void> {
    const id = p.snapshot.id;
    const record = await this.db.merges.get(id);
    if (record) {
      if (record.splitAt === null && (await this.db.notices.get(record.into))) p.into = record.into;
      return;
    }
    if (!p.key) return;
    const key = p.key;
    const split = await this.step(() => this.splitPartners(id));
    const others = (await this.db.notices.where('docNumber').equals(key.number).toArray()).filter(
      (r) => r.id !== id && r.deletedAt === null && !split.has(r.id) && sameDocument(key, documentKey(r.metadata)),
    );
    if (others.length === 0) return;
    const own = await this.db.notices.get(id);
    const entries = own ? [own, ...others] : others;
    entries.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    const [keeper, ...rest] = entries;
    for (const r of rest) await this.step(() => this.mergeEntry(r.id, keeper, r.metadata, r.site));
    if (!own) await this.step(() => this.mergeEntry(id, keeper, p.snapshot.metadata, p.snapshot.site));
    await this.db.notices.put(keeper);
    if (keeper.id !== id) p.into = keeper.id;
  }

  /**
   * The snapshots `route` may send elsewhere: those with a merge record, or with another live entry of
   * their 发文字号. Found for a whole batch in two reads; `route` reads several times per snapshot.
   */
  private async toRoute(prepared: PreparedNotice[]): Promise<PreparedNotice[]> {
    const numbers = [...new Set(prepared.flatMap((p) => (p.key ? [p.key.number] : [])))];
    const [records, sameNumber] = await Promise.all([
      this.db.merges.bulkGet(prepared.map((p) => p.snapshot.id)),
      numbers.length ? this.db.notices.where('docNumber').anyOf(numbers).toArray() : Promise.resolve([]),
    ]);
    const byNumber = new Map<string, string[]>();
    for (const r of sameNumber)
      if (r.deletedAt === null && r.docNumber) byNumber.set(r.docNumber, [...(byNumber.get(r.docNumber) ?? []), r.id]);
    return prepared.filter(
      (p, i) => records[i] || (p.key && (byNumber.get(p.key.number) ?? []).some((id) => id !== p.snapshot.id)),
    );
  }

  /**
   * Run a step of a larger write inside the caller's transaction and come back to it: awaiting an async
   * method's own (native) promise can leave Dexie's transaction zone after a few steps, and what follows
   * would run outside the transaction; a nested transaction's promise brings the zone back.
   */
  private step<T>(fn: () => Promise<T>): Promise<T> {
    return this.db.transaction(
      'rw',
      NOTICE_TABLES.map((t) => this.db.table(t)),
      fn,
    );
  }

  /** Entries split from this one, or it from them: not merged again. */
  private async splitPartners(id: string): Promise<Set<string>> {
    const out = new Set<string>();
    await this.db.merges
      .where('into')
      .equals(id)
      .each((m) => {
        if (m.splitAt !== null) out.add(m.from);
      });
    // And the entry this one was split from (the older of a pair may be either).
    const own = await this.db.merges.get(id);
    if (own && own.splitAt !== null) out.add(own.into);
    return out;
  }

  /**
   * Merge the entry `from` (stored or not yet) into `into` (a row read in this transaction, updated in place;
   * the caller writes it): its addresses, tags, saved flag and annotations go to `into`, its rows are kept in
   * a merge record for `splitMerge` and removed.
   */
  private async mergeEntry(from: string, into: NoticeRow, metadata: NoticeMetadata, site: Site): Promise<void> {
    // One request after another: awaiting Promise.all here loses the transaction's zone (Dexie) and the
    // rest of the merge would run outside it.
    const row = await this.db.notices.get(from);
    const text = await this.db.noticeTexts.get(from);
    const analysis = await this.db.noticeAnalyses.get(from);
    const annotations = await this.db.annotations.where('noticeId').equals(from).toArray();
    const aliases = await this.db.aliases.where('noticeId').equals(from).toArray();
    const urls = row ? mergeUrls(into.urls, row.urls).slice(into.urls.length) : [];
    const tags = row ? row.tags.filter((t) => !into.tags.includes(t)) : [];
    const record: MergeRow = {
      from,
      into: into.id,
      mergedAt: this.now(),
      splitAt: null,
      metadata: row?.metadata ?? metadata,
      site: row?.site ?? site,
      urls,
      tags,
      annotationIds: annotations.map((a) => a.id),
      notice: row ? { row, text: text ?? null, analysis: analysis ?? null } : null,
    };
    // Entries merged into `from` before now belong to `into`.
    const chained = await this.db.merges.where('into').equals(from).toArray();
    if (chained.length) await this.db.merges.bulkPut(chained.map((m) => ({ ...m, into: into.id })));
    into.urls = [...into.urls, ...urls];
    if (tags.length) into.tags = [...into.tags, ...tags];
    if (row?.saved === 1) into.saved = 1;
    for (const a of annotations) a.noticeId = into.id;
    into.annotationCount = (into.annotationCount ?? 0) + annotations.filter((a) => a.deletedAt === null).length;
    into.updatedAt = this.tick(into.updatedAt);
    await Promise.all([
      this.db.annotations.bulkPut(annotations),
      this.db.aliases.bulkPut(aliases.map((a) => ({ url: a.url, noticeId: into.id }))),
      this.db.merges.put(record),
    ]);
    if (row) {
      await this.db.notices.delete(from);
      await this.db.noticeTexts.delete(from);
      await this.db.noticeAnalyses.delete(from);
      await this.db.noticeTerms.delete(row.searchKey);
      await this.db.noteTerms.delete(row.searchKey);
    }
    await this.step(() => this.refreshIndexes(into, tags.length > 0));
  }

  /**
   * After a merge or a split: the notice's search terms made again when its tags changed (under a new
   * key), and its note row rebuilt from its live annotations.
   */
  private async refreshIndexes(row: NoticeRow, tagsChanged: boolean): Promise<void> {
    if (tagsChanged || !row.searchKey) {
      const textRow = await this.db.noticeTexts.get(row.id);
      const analysis = await this.db.noticeAnalyses.get(row.id);
      const terms = noticeTerms({
        title: row.metadata.title,
        metadata: metadataStrings(row.metadata),
        tags: row.tags,
        headings: (analysis?.outline ?? []).map((o) => `${o.label}${o.title}`),
        text: textRow?.text ?? '',
      });
      const key = searchKey(row.id, row.updatedAt);
      if (row.searchKey && row.searchKey !== key) {
        await this.db.noticeTerms.delete(row.searchKey);
        await this.db.noteTerms.delete(row.searchKey);
      }
      row.searchKey = key;
      await this.db.noticeTerms.put({ key, id: row.id, terms });
    }
    const annotations = await this.db.annotations.where('noticeId').equals(row.id).toArray();
    const notes = buildNoteRows(annotations, new Map([[row.id, row]]));
    if (notes.length) await this.db.noteTerms.bulkPut(notes);
    else await this.db.noteTerms.delete(row.searchKey);
  }

  /** The id a notice is stored under: its own, or the entry it was merged into. */
  private async resolveId(id: string): Promise<string> {
    const record = await this.db.merges.get(id);
    return record && record.splitAt === null ? record.into : id;
  }

  /** The entries merged into this one, oldest merge first (what the library shows and offers to split). */
  listMerges(into: string): Promise<MergeSummary[]> {
    return guard(async () => {
      const rows = await this.db.merges.where('into').equals(into).toArray();
      return rows
        .filter((m) => m.splitAt === null)
        .sort((a, b) => a.mergedAt - b.mergedAt)
        .map((m) => ({
          from: m.from,
          mergedAt: m.mergedAt,
          metadata: m.metadata,
          site: m.site,
          urls: m.urls,
          annotationCount: m.annotationIds.length,
        }));
    });
  }

  /**
   * Undo a merge: the entry `from` comes back with its own rows (or, merged as it was first saved, with the
   * text of the entry it went to), the addresses, tags and annotations it brought or received since; the
   * other entry keeps the rest. The pair is not merged again. Returns the entry split off.
   */
  splitMerge(from: string): Promise<SavedNotice> {
    return guard(() =>
      this.db.transaction(
        'rw',
        NOTICE_TABLES.map((t) => this.db.table(t)),
        async () => {
          const record = await this.db.merges.get(from);
          if (!record || record.splitAt !== null) throw new StorageError('invalid', `No merge of ${from}`);
          const into = await this.db.notices.get(record.into);
          if (!into) throw new StorageError('invalid', `No notice ${record.into}`);
          const intoText = await this.db.noticeTexts.get(into.id);
          const intoAnalysis = await this.db.noticeAnalyses.get(into.id);
          const moved = (await this.db.annotations.bulkGet(record.annotationIds)).filter(
            (a): a is AnnotationRow => !!a && a.noticeId === into.id,
          );
          const live = moved.filter((a) => a.deletedAt === null).length;
          const now = this.now();
          const old = record.notice?.row;
          const text: NoticeTextRow = { id: from, text: record.notice?.text?.text ?? intoText?.text ?? '' };
          const analysis: NoticeAnalysisRow = {
            id: from,
            outline: record.notice?.analysis?.outline ?? intoAnalysis?.outline ?? [],
            obligations: record.notice?.analysis?.obligations ?? intoAnalysis?.obligations ?? [],
          };
          const fields = indexFields(record.metadata);
          const urls = mergeUrls(old?.urls ?? [], record.urls);
          const row: NoticeRow = {
            id: from,
            urls,
            metadata: record.metadata,
            site: record.site,
            saved: old ? old.saved : into.saved,
            tags: old?.tags ?? [],
            createdAt: old?.createdAt ?? record.mergedAt,
            updatedAt: now,
            deletedAt: null,
            issuers: fields.issuers,
            year: fields.year,
            docType: fields.docType,
            annotationCount: live,
            obligationCounts: countObligations(analysis.obligations),
            textLength: text.text.length,
            searchKey: '',
            ...(fields.docNumber ? { docNumber: fields.docNumber } : {}),
          };
          const ownUrls = new Set(urls.map((u) => tryCanonicalUrl(u) ?? u));
          const aliasKeys = urls.flatMap((u) => tryCanonicalUrl(u) ?? []);
          into.urls = into.urls.filter((u) => !ownUrls.has(tryCanonicalUrl(u) ?? u));
          const tagsBefore = into.tags.length;
          into.tags = into.tags.filter((t) => !record.tags.includes(t));
          into.annotationCount = Math.max(0, (into.annotationCount ?? 0) - live);
          into.updatedAt = this.tick(into.updatedAt);
          for (const a of moved) a.noticeId = from;
          await this.db.noticeTexts.put(text);
          await this.db.noticeAnalyses.put(analysis);
          if (moved.length) await this.db.annotations.bulkPut(moved);
          if (aliasKeys.length) await this.db.aliases.bulkPut(aliasKeys.map((url) => ({ url, noticeId: from })));
          await this.db.merges.put({ ...record, splitAt: now });
          await this.step(() => this.refreshIndexes(row, true));
          await this.step(() => this.refreshIndexes(into, into.tags.length !== tagsBefore));
          await this.db.notices.bulkPut([row, into]);
          return assembleNotice(row, text, analysis);
        },
      ),
    );
  }

  /**
   * Merge entries already stored that are one document (a library from before entries were merged, an
   * import): each group into its oldest entry. Returns how many entries were merged away.
   */
  mergeDuplicates(): Promise<number> {
    return guard(async () => {
      // The 发文字号 index's keys alone, read-only, say whether two entries share a number: most often none do,
      // and the library's first reads then wait for no write over every table, nor for every entry read.
      const numbers = await this.db.notices.orderBy('docNumber').keys();
      const repeated = [...new Set(numbers.filter((n, i) => n !== '' && n === numbers[i - 1]))] as string[];
      if (repeated.length === 0) return 0;
      return this.mergeRepeated(repeated);
    });
  }

  /** `mergeDuplicates` over the entries with one of these 发文字号. */
  private mergeRepeated(numbers: string[]): Promise<number> {
    return guard(() =>
      this.db.transaction(
        'rw',
        NOTICE_TABLES.map((t) => this.db.table(t)),
        async () => {
          const rows = (await this.db.notices.where('docNumber').anyOf(numbers).toArray()).filter(
            (r) => r.deletedAt === null,
          );
          const byNumber = new Map<string, NoticeRow[]>();
          for (const r of rows) byNumber.set(r.docNumber!, [...(byNumber.get(r.docNumber!) ?? []), r]);
          let merged = 0;
          for (const group of byNumber.values()) {
            if (group.length < 2) continue;
            group.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
            const gone = new Set<string>();
            for (const keeper of group) {
              if (gone.has(keeper.id)) continue;
              const split = await this.step(() => this.splitPartners(keeper.id));
              const key = documentKey(keeper.metadata);
              for (const r of group) {
                if (r === keeper || gone.has(r.id) || split.has(r.id)) continue;
                if (!sameDocument(key, documentKey(r.metadata))) continue;
                if ((await this.db.merges.get(r.id))?.into === keeper.id) continue;
                await this.step(() => this.mergeEntry(r.id, keeper, r.metadata, r.site));
                gone.add(r.id);
                merged++;
              }
              if (gone.size) await this.db.notices.put(keeper);
            }
          }
          return merged;
        },
      ),
    );
  }

  /* ----- Annotations ----- */

  /**
   * Store an annotation, idempotently: a retry with the same id and the same or an older `updatedAt`
   * changes nothing; a newer one replaces it (keeping the first `createdAt`). With `notice`, the notice is
   * stored in the same transaction (annotating keeps a record of the notice, unsaved); without, it must
   * already exist. Either both are written or neither. A live annotation brings its notice back from the bin.
   */
  putAnnotation(annotation: Annotation, notice?: NoticeSnapshot): Promise<PutAnnotationResult> {
    return guard(async () => {
      checkAnnotation(annotation);
      if (notice) {
        checkSnapshot(notice);
        if (notice.id !== annotation.noticeId) {
          throw new StorageError(
            'invalid',
            `Annotation ${annotation.id} belongs to ${annotation.noticeId}, not ${notice.id}`,
          );
        }
      }
      const prepared = notice ? prepareNotice(notice) : null;
      const terms = annotationTerms(annotation);
      const tables = NOTICE_TABLES.map((t) => this.db.table(t));
      return this.db.transaction('rw', tables, async () => {
        if (prepared) await this.writeNotice(prepared);
        return this.applyAnnotation(annotation, terms);
      });
    });
  }

  /**
   * Store many annotations in one transaction, each as `putAnnotation` (idempotent, newest wins); their
   * notices must exist. All are written or none. For imports: `skipped` counts those already stored as new.
   */
  putAnnotations(
    annotations: Annotation[],
    options: { deferNotes?: boolean } = {},
  ): Promise<{ applied: number; skipped: number }> {
    return guard(async () => {
      annotations.forEach(checkAnnotation);
      const terms = annotations.map(annotationTerms);
      return this.db.transaction(
        'rw',
        [this.db.notices, this.db.annotations, this.db.noteTerms, this.db.merges, this.db.meta],
        async () => {
          annotations = await this.redirectAnnotations(annotations);
          // Read their notices and stored versions in bulk, apply in order in memory, write in bulk.
          const noticeIds = [...new Set(annotations.map((a) => a.noticeId))];
          const ids = [...new Set(annotations.map((a) => a.id))];
          const [rows, existing] = await Promise.all([
            this.db.notices.bulkGet(noticeIds),
            this.db.annotations.bulkGet(ids),
          ]);
          const notices = new Map(noticeIds.map((id, i) => [id, rows[i]]));
          const stored = new Map(ids.map((id, i) => [id, existing[i]]));
          // Deferred (a first sync's batches): the notices are named in the same transaction, their note rows
          // built once from their annotations (`rebuildPendingNotes`), not rewritten by every batch.
          const notes = options.deferNotes ? null : new NoteWrites(this.db);
          await notes?.read(rows);
          const inBin = new Set(rows.flatMap((r) => (r && r.deletedAt !== null ? [r.id] : [])));
          const changedNotices = new Set<NoticeRow>();
          const written = new Map<string, AnnotationRow>();
          let applied = 0;
          for (let i = 0; i < annotations.length; i++) {
            const r = this.mergeAnnotation(
              annotations[i],
              terms[i],
              notices.get(annotations[i].noticeId),
              stored.get(annotations[i].id),
            );
            if (!r.stored) continue;
            applied++;
            stored.set(r.stored.id, r.stored);
            written.set(r.stored.id, r.stored);
            changedNotices.add(r.notice);
            notes?.apply(r.notice, r.stored);
          }
          // Deferred, a notice row is written now only when a note brought it back from the bin; its count
          // of notes is set when its note row is built.
          const noticeWrites = notes
            ? [...changedNotices]
            : [...changedNotices].filter((n) => inBin.has(n.id) && n.deletedAt === null);
          await Promise.all([
            this.db.annotations.bulkPut([...written.values()]),
            noticeWrites.length ? this.db.notices.bulkPut(noticeWrites) : null,
            notes ? notes.flush() : this.addPendingNotes([...changedNotices].map((n) => n.id)),
          ]);
          return { applied, skipped: annotations.length - applied };
        },
      );
    });
  }

  /** The notices whose note rows wait to be built (`putAnnotations` with `deferNotes`). */
  pendingNotes(): Promise<string[]> {
    // A Dexie promise (not an async function's): awaited inside a transaction, it keeps its zone.
    return this.db.meta
      .get(PENDING_NOTES)
      .then((r) => (Array.isArray(r?.value) ? r.value.filter((x): x is string => typeof x === 'string') : []));
  }

  private addPendingNotes(ids: string[]): Promise<unknown> {
    if (!ids.length) return Promise.resolve();
    return this.pendingNotes().then((before) => {
      const next = new Set(before);
      for (const id of ids) next.add(id);
      return next.size === before.length ? undefined : this.db.meta.put({ key: PENDING_NOTES, value: [...next] });
    });
  }

  /**
   * Build the note rows of the notices named by deferred annotation writes from their live annotations
   * (and set their counts of live annotations),
   * `chunk` notices a transaction (each removed from the list in the transaction that writes its row), at
   * most `chunks` transactions.
   * Until then search does not find those notices by their notes. Returns how many notices were done.
   */
  rebuildPendingNotes(chunk = 250, chunks = Infinity): Promise<number> {
    return guard(async () => {
      let done = 0;
      for (let c = 0; c < chunks; c++) {
        const n = await this.db.transaction(
          'rw',
          [this.db.notices, this.db.annotations, this.db.noteTerms, this.db.meta],
          async () => {
            const pending = await this.pendingNotes();
            if (!pending.length) return 0;
            const ids = pending.slice(0, chunk);
            const [rows, annotations] = await Promise.all([
              this.db.notices.bulkGet(ids),
              // One request per notice, all at once (an anyOf() query walks a cursor).
              Promise.all(ids.map((id) => this.db.annotations.where('noticeId').equals(id).toArray())),
            ]);
            const notices = new Map(rows.flatMap((r) => (r ? [[r.id, r] as const] : [])));
            const built = buildNoteRows(annotations.flat(), notices);
            const keep = new Set(built.map((r) => r.key));
            // A notice left without live notes has no row.
            const gone = rows.flatMap((r) => (r?.searchKey && !keep.has(r.searchKey) ? [r.searchKey] : []));
            // And its count of live notes is what the annotations say.
            const counted = rows.flatMap((r, i) => {
              const live = annotations[i].filter((a) => a.deletedAt === null).length;
              if (!r || r.annotationCount === live) return [];
              return [{ ...r, annotationCount: live, updatedAt: this.tick(r.updatedAt) }];
            });
            await Promise.all([
              counted.length ? this.db.notices.bulkPut(counted) : null,
              built.length ? this.db.noteTerms.bulkPut(built) : null,
              gone.length ? this.db.noteTerms.bulkDelete(gone) : null,
              this.db.meta.put({ key: PENDING_NOTES, value: pending.slice(chunk) }),
            ]);
            return ids.length;
          },
        );
        if (!n) return done;
        done += n;
      }
      return done;
    });
  }

  /** The write of `putAnnotation`, inside a transaction over notices and annotations. */
  private async applyAnnotation(incoming: Annotation, terms: string[]): Promise<PutAnnotationResult> {
    const annotation = await this.redirectAnnotation(incoming);
    const [row, existing] = await Promise.all([
      this.db.notices.get(annotation.noticeId),
      this.db.annotations.get(annotation.id),
    ]);
    const r = this.mergeAnnotation(annotation, terms, row, existing);
    if (!r.stored) return { annotation: stripTerms(existing!), applied: false };
    const notes = new NoteWrites(this.db);
    await notes.read([r.notice]);
    notes.apply(r.notice, r.stored);
    await this.db.annotations.put(r.stored);
    await this.db.notices.put(r.notice);
    await notes.flush();
    return { annotation: stripTerms(r.stored), applied: true };
  }

  /**
   * Apply an annotation to what is stored, in memory: the row to store (null when the stored one is as new
   * or newer) and its notice row, updated in place (annotation count, `updatedAt`, back from the bin).
   */
  private mergeAnnotation(
    annotation: Annotation,
    terms: string[],
    row: NoticeRow | undefined,
    existing: AnnotationRow | undefined,
  ): { stored: AnnotationRow; notice: NoticeRow } | { stored: null } {
    if (!row) throw new StorageError('invalid', `No notice ${annotation.noticeId} for annotation ${annotation.id}`);
    if (existing) {
      if (existing.noticeId !== annotation.noticeId) {
        throw new StorageError('conflict', `Annotation ${annotation.id} already belongs to ${existing.noticeId}`);
      }
      if (annotation.updatedAt <= existing.updatedAt) return { stored: null };
    }
    const stored: AnnotationRow = {
      ...copyAnnotation(annotation),
      createdAt: existing ? existing.createdAt : annotation.createdAt,
      terms,
    };
    const live = stored.deletedAt === null;
    const delta = (live ? 1 : 0) - (existing && existing.deletedAt === null ? 1 : 0);
    row.annotationCount = Math.max(0, (row.annotationCount ?? 0) + delta);
    row.updatedAt = this.tick(row.updatedAt);
    if (live) row.deletedAt = null;
    return { stored, notice: row };
  }

  /**
   * An annotation written under an entry merged into another goes to that entry (a page of the merged
   * entry still names its own id), and is noted in the merge so a split takes it back.
   */
  private async redirectAnnotations(annotations: Annotation[]): Promise<Annotation[]> {
    // One read of the merge records of their notices; only annotations of merged entries are redirected.
    const noticeIds = [...new Set(annotations.map((a) => a.noticeId))];
    const records = await this.db.merges.bulkGet(noticeIds);
    const merged = new Set(noticeIds.filter((_, i) => records[i] && records[i].splitAt === null));
    if (!merged.size) return annotations;
    return Promise.all(
      annotations.map((a) => (merged.has(a.noticeId) ? this.redirectAnnotation(a) : Promise.resolve(a))),
    );
  }

  private async redirectAnnotation(a: Annotation): Promise<Annotation> {
    const record = await this.db.merges.get(a.noticeId);
    if (!record || record.splitAt !== null) return a;
    if (!record.annotationIds.includes(a.id))
      await this.db.merges.put({ ...record, annotationIds: [...record.annotationIds, a.id] });
    return { ...a, noticeId: record.into };
  }

  getAnnotation(id: string): Promise<Annotation | null> {
    return guard(async () => {
      const row = await this.db.annotations.get(id);
      return row ? stripTerms(row) : null;
    });
  }

  /** A notice's annotations in the order they were made; deleted ones only with `includeDeleted`. */
  listAnnotations(noticeId: string, options: { includeDeleted?: boolean } = {}): Promise<Annotation[]> {
    return guard(async () => {
      const id = await this.resolveId(noticeId);
      const rows = await this.db.annotations.where('noticeId').equals(id).toArray();
      return rows
        .filter((r) => options.includeDeleted || r.deletedAt === null)
        .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
        .map(stripTerms);
    });
  }

  /**
   * The first `limit` live annotations of a notice in the order `listAnnotations` gives them, read from the
   * `[noticeId+createdAt]` index with a limit (a notice may have thousands: the first screen needs a few).
   * `complete`: these are all of them; `total`: how many live annotations the notice has (its count).
   */
  firstAnnotations(
    noticeId: string,
    limit: number,
  ): Promise<{ annotations: Annotation[]; complete: boolean; total: number }> {
    const want = clampInt(limit, 1, LIMITS.pageSize);
    return guard(async () => {
      const id = await this.resolveId(noticeId);
      const range = () =>
        this.db.annotations.where('[noticeId+createdAt]').between([id, -Infinity], [id, Infinity], true, true);
      // One request for a few more than asked (a deleted one or two among them is common) …
      const read = want + 8;
      const [rows, notice] = await Promise.all([range().limit(read).toArray(), this.db.notices.get(id)]);
      let live = rows.filter((r) => r.deletedAt === null);
      let readAll = rows.length < read;
      // … and a walk past the deleted ones when there were more of them.
      if (live.length < want && !readAll) {
        live = await range()
          .filter((r) => r.deletedAt === null)
          .limit(want + 1)
          .toArray();
        readAll = live.length <= want;
      }
      const complete = readAll && live.length <= want;
      return {
        annotations: live.slice(0, want).map(stripTerms),
        complete,
        total: complete ? live.length : Math.max(notice?.annotationCount ?? 0, want),
      };
    });
  }

  /** The annotations of many notices in one go, each notice's as `listAnnotations` gives them. */
  listAnnotationsOf(
    noticeIds: string[],
    options: { includeDeleted?: boolean } = {},
  ): Promise<Map<string, Annotation[]>> {
    return guard(async () => {
      const out = new Map<string, Annotation[]>(noticeIds.map((id) => [id, []]));
      // One request per notice, all sent at once: an anyOf() query walks a cursor, a round trip per annotation.
      const rows = (
        await Promise.all(
          [...new Set(noticeIds)].map((id) => this.db.annotations.where('noticeId').equals(id).toArray()),
        )
      ).flat();
      rows.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
      for (const r of rows)
        if (options.includeDeleted || r.deletedAt === null) out.get(r.noticeId)?.push(stripTerms(r));
      return out;
    });
  }

  /** Soft delete: kept for undo (`restoreAnnotation`) until `purgeDeleted`. Null when there is no such annotation. */
  deleteAnnotation(id: string): Promise<Annotation | null> {
    return this.setAnnotationDeleted(id, true);
  }

  restoreAnnotation(id: string): Promise<Annotation | null> {
    return this.setAnnotationDeleted(id, false);
  }

  private setAnnotationDeleted(id: string, deleted: boolean): Promise<Annotation | null> {
    return guard(() =>
      this.db.transaction('rw', this.db.annotations, this.db.notices, this.db.noteTerms, async () => {
        const a = await this.db.annotations.get(id);
        if (!a) return null;
        if ((a.deletedAt !== null) === deleted) return stripTerms(a);
        // Later than the stored version, so a retried older save of this annotation cannot undo the deletion.
        const at = this.tick(a.updatedAt);
        a.deletedAt = deleted ? at : null;
        a.updatedAt = at;
        await this.db.annotations.put(a);
        const n = await this.db.notices.get(a.noticeId);
        if (n) {
          n.annotationCount = Math.max(0, (n.annotationCount ?? 0) + (deleted ? -1 : 1));
          n.updatedAt = this.tick(n.updatedAt);
          await this.db.notices.put(n);
          const notes = new NoteWrites(this.db);
          await notes.read([n]);
          notes.apply(n, a);
          await notes.flush();
        }
        return stripTerms(a);
      }),
    );
  }

  /**
   * Empty the bin: delete for good the annotations and notices deleted before `olderThan` (a notice goes
   * with all its annotations, texts and aliases).
   */
  purgeDeleted(olderThan: number): Promise<{ notices: number; annotations: number }> {
    const tables = NOTICE_TABLES.map((t) => this.db.table(t));
    return guard(() =>
      this.db.transaction('rw', tables, async () => {
        const oldAnnotations = await this.db.annotations.where('deletedAt').below(olderThan).primaryKeys();
        const oldNotices = await this.db.notices.where('deletedAt').below(olderThan).primaryKeys();
        const termKeys = (await this.db.notices.bulkGet(oldNotices)).flatMap((r) =>
          r?.searchKey ? [r.searchKey] : [],
        );
        const theirAnnotations = oldNotices.length
          ? await this.db.annotations.where('noticeId').anyOf(oldNotices).primaryKeys()
          : [];
        const theirAliases = oldNotices.length
          ? await this.db.aliases.where('noticeId').anyOf(oldNotices).primaryKeys()
          : [];
        const annotationIds = [...new Set([...oldAnnotations, ...theirAnnotations])];
        await this.db.annotations.bulkDelete(annotationIds);
        await Promise.all([
          this.db.notices.bulkDelete(oldNotices),
          this.db.noticeTexts.bulkDelete(oldNotices),
          this.db.noticeAnalyses.bulkDelete(oldNotices),
          this.db.noticeTerms.bulkDelete(termKeys),
          this.db.noteTerms.bulkDelete(termKeys),
          this.db.aliases.bulkDelete(theirAliases),
        ]);
        return { notices: oldNotices.length, annotations: annotationIds.length };
      }),
    );
  }

  /* ----- Search ----- */

  search(query: string, filters: NoticeFilters = {}, options: SearchOptions = {}): Promise<SearchResult> {
    return guard(async () => searchNotices(this.db, query, await resolveTagFilter(this.db, filters), options));
  }

  /** True when stored search terms were made by other term rules than this code's (`TERMS_VERSION`). */
  async needsReindex(): Promise<boolean> {
    return guard(async () => {
      const stored = await this.db.meta.get('termsVersion');
      if (stored) return stored.value !== TERMS_VERSION;
      return (await this.db.notices.count()) + (await this.db.annotations.count()) > 0;
    });
  }

  /**
   * Recompute every stored search term with the current rules, a batch per transaction (a stopped service
   * worker resumes where it left off, since each batch is whole), keeping each notice's place in search
   * order. Records themselves are not changed. Returns how many notices and annotations were reindexed.
   */
  reindex(batchSize = 100): Promise<{ notices: number; annotations: number }> {
    return guard(async () => {
      let notices = 0;
      let annotations = 0;
      const ids = await this.db.notices.toCollection().primaryKeys();
      for (let i = 0; i < ids.length; i += batchSize) {
        await this.db.transaction(
          'rw',
          this.db.notices,
          this.db.noticeTexts,
          this.db.noticeAnalyses,
          this.db.noticeTerms,
          async () => {
            const batch = ids.slice(i, i + batchSize);
            const [rows, texts, analyses] = await Promise.all([
              this.db.notices.bulkGet(batch),
              this.db.noticeTexts.bulkGet(batch),
              this.db.noticeAnalyses.bulkGet(batch),
            ]);
            const terms: NoticeTermsRow[] = [];
            const moved: NoticeRow[] = [];
            rows.forEach((row, j) => {
              if (!row) return;
              if (!row.searchKey) {
                row.searchKey = searchKey(row.id, row.updatedAt);
                moved.push(row);
              }
              terms.push({
                key: row.searchKey,
                id: row.id,
                terms: noticeTerms({
                  title: row.metadata.title,
                  metadata: metadataStrings(row.metadata),
                  tags: row.tags,
                  headings: (analyses[j]?.outline ?? []).map((o) => `${o.label}${o.title}`),
                  text: texts[j]?.text ?? '',
                }),
              });
            });
            await this.db.noticeTerms.bulkPut(terms);
            if (moved.length) await this.db.notices.bulkPut(moved);
            notices += terms.length;
          },
        );
      }
      const annotationIds = await this.db.annotations.toCollection().primaryKeys();
      for (let i = 0; i < annotationIds.length; i += batchSize) {
        await this.db.transaction('rw', this.db.annotations, async () => {
          const rows = (await this.db.annotations.bulkGet(annotationIds.slice(i, i + batchSize))).filter(
            (r): r is AnnotationRow => r !== undefined,
          );
          for (const r of rows) r.terms = annotationTerms(r);
          await this.db.annotations.bulkPut(rows);
          annotations += rows.length;
        });
      }
      await this.rebuildNoteTerms();
      await this.db.meta.put({ key: 'termsVersion', value: TERMS_VERSION });
      return { notices, annotations };
    });
  }

  /** The notes index (`notes.ts`) made again from the annotations as stored. */
  private rebuildNoteTerms(): Promise<void> {
    return this.db.transaction('rw', this.db.annotations, this.db.notices, this.db.noteTerms, async () => {
      const annotations: AnnotationRow[] = [];
      await this.db.annotations.each((a) => {
        if (a.deletedAt === null && a.terms.length > 0) annotations.push(a);
      });
      const ids = [...new Set(annotations.map((a) => a.noticeId))];
      const rows = await this.db.notices.bulkGet(ids);
      const keys = new Map(ids.map((id, i) => [id, { searchKey: rows[i]?.searchKey ?? '' }]));
      await this.db.noteTerms.clear();
      await this.db.noteTerms.bulkPut(buildNoteRows(annotations, keys));
    });
  }

  /* ----- Internals ----- */

  /** A timestamp later than `previous`, so every write moves `updatedAt` forward even within one millisecond. */
  private tick(previous: number): number {
    return Math.max(this.now(), previous + 1);
  }

  /** Merge a prepared snapshot into the stored notice (inside a transaction). */
  private async writeNotice(p: PreparedNotice): Promise<SavedNotice> {
    await this.step(() => this.route(p));
    const stored = await this.readStored([targetId(p)]);
    const writes = new NoticeWrites();
    const out = this.mergeNotice(p, stored, writes);
    await writes.flush(this.db);
    return out;
  }

  /** The stored rows of these notices (inside a transaction), to merge snapshots into. */
  private async readStored(ids: string[]): Promise<Map<string, StoredNotice>> {
    const unique = [...new Set(ids)];
    const [rows, texts, analyses] = await Promise.all([
      this.db.notices.bulkGet(unique),
      this.db.noticeTexts.bulkGet(unique),
      this.db.noticeAnalyses.bulkGet(unique),
    ]);
    return new Map(unique.map((id, i) => [id, { row: rows[i], text: texts[i], analysis: analyses[i] }]));
  }

  /**
   * Merge a prepared snapshot into its stored notice, in memory: records the writes in `writes` and what
   * is now stored in `stored` (a later snapshot of the same notice in the batch merges into it).
   */
  private mergeNotice(p: PreparedNotice, stored: Map<string, StoredNotice>, writes: NoticeWrites): SavedNotice {
    const { snapshot } = p;
    const id = targetId(p);
    const { row, text: textRow, analysis } = stored.get(id) ?? {};
    // A page of a document merged into another entry adds its address; the entry keeps its own text.
    const keepEntry = p.into !== undefined && row !== undefined && !!textRow?.text;
    const metadata = keepEntry ? row.metadata : snapshot.metadata;
    const site = keepEntry ? row.site : snapshot.site;
    const fields = keepEntry ? indexFields(metadata) : p;
    const urls = mergeUrls(row?.urls ?? [], snapshot.urls);
    if (p.into !== undefined) writes.addToMerge(snapshot.id, urls.slice(row?.urls.length ?? 0));
    const tags = snapshot.tags !== undefined ? checkTags(snapshot.tags) : (row?.tags ?? []);
    const saved: 0 | 1 = snapshot.saved !== undefined ? (snapshot.saved ? 1 : 0) : (row?.saved ?? 0);
    // A page that has not filled in its body yet (flk.npc.gov.cn) must not blank a stored text.
    const keepStoredText = keepEntry || (snapshot.text === '' && !!textRow?.text);
    const text = keepStoredText ? textRow.text : snapshot.text;
    const outline = keepStoredText ? analysis!.outline : snapshot.outline;
    const obligations = keepStoredText ? analysis!.obligations : snapshot.obligations;

    const unchanged =
      row !== undefined &&
      row.deletedAt === null &&
      row.saved === saved &&
      row.site === site &&
      sameList(row.urls, urls) &&
      sameList(row.tags, tags) &&
      textRow?.text === text &&
      JSON.stringify(row.metadata) === JSON.stringify(metadata) &&
      (keepStoredText || JSON.stringify([analysis?.outline, analysis?.obligations]) === p.analysisJson);
    if (unchanged) return assembleNotice(row, textRow, analysis);

    const now = this.now();
    const next: NoticeRow = {
      id,
      urls,
      metadata,
      site,
      saved,
      tags,
      createdAt: row?.createdAt ?? now,
      updatedAt: row ? this.tick(row.updatedAt) : now,
      deletedAt: null,
      issuers: fields.issuers,
      year: fields.year,
      docType: fields.docType,
      annotationCount: row?.annotationCount ?? 0,
      obligationCounts: countObligations(obligations),
      textLength: text.length,
      searchKey: row?.searchKey ?? '',
      ...(fields.docNumber ? { docNumber: fields.docNumber } : {}),
    };
    // Only a change to what is indexed rewrites the terms (and moves the notice up in search order).
    const termsChanged =
      !row ||
      textRow?.text !== text ||
      !sameList(row.tags, tags) ||
      JSON.stringify(row.metadata) !== JSON.stringify(metadata) ||
      (!keepStoredText && JSON.stringify(analysis?.outline) !== p.outlineJson);
    if (termsChanged) {
      const tagTerms = new Set<string>();
      for (const tag of tags) for (const t of indexTerms(tag, 2000)) tagTerms.add(t);
      const baseTerms = keepStoredText
        ? noticeTerms({
            title: metadata.title,
            metadata: metadataStrings(metadata),
            tags: [],
            headings: outline.map((o) => `${o.label}${o.title}`),
            text,
          })
        : p.terms;
      writes.replaceTerms(next, mergeTerms(baseTerms, tagTerms));
    }
    const textOut: NoticeTextRow = { id, text };
    const analysisOut: NoticeAnalysisRow = { id, outline, obligations };
    writes.notices.set(next.id, next);
    writes.texts.set(next.id, textOut);
    writes.analyses.set(next.id, analysisOut);
    for (const url of p.aliasKeys) writes.aliases.set(url, { url, noticeId: id });
    stored.set(next.id, { row: next, text: textOut, analysis: analysisOut });
    return assembleNotice(next, textOut, analysisOut);
  }

  /** Store a notice's terms under a new, newest-first key (see `searchKey`) and set `row.searchKey`. */
  private async replaceTerms(row: NoticeRow, terms: string[]): Promise<void> {
    const writes = new NoticeWrites();
    writes.replaceTerms(row, terms);
    await writes.flushTerms(this.db);
  }

  private async assemble(row: NoticeRow): Promise<SavedNotice | null> {
    const [text, analysis] = await Promise.all([this.db.noticeTexts.get(row.id), this.db.noticeAnalyses.get(row.id)]);
    return assembleNotice(row, text, analysis);
  }
}

/* ----- Helpers (pure) ----- */

/** A notice's rows as stored (any may be missing). */
interface StoredNotice {
  row?: NoticeRow;
  text?: NoticeTextRow;
  analysis?: NoticeAnalysisRow;
}

/** The writes of merged notices, made together at the end of the transaction (the last of a notice's rows wins). */
class NoticeWrites {
  readonly notices = new Map<string, NoticeRow>();
  readonly texts = new Map<string, NoticeTextRow>();
  readonly analyses = new Map<string, NoticeAnalysisRow>();
  readonly aliases = new Map<string, AliasRow>();
  private readonly termsPut = new Map<string, NoticeTermsRow>();
  private readonly termsDelete: string[] = [];
  /** New search key → the stored key it replaces (its note row moves there). */
  private readonly moves = new Map<string, string>();
  /** Addresses a page of a merged entry added to the entry it was merged into, by merged id. */
  private readonly mergeUrls = new Map<string, string[]>();

  addToMerge(from: string, urls: string[]): void {
    if (urls.length) this.mergeUrls.set(from, [...(this.mergeUrls.get(from) ?? []), ...urls]);
  }

  /** A notice's terms under a new, newest-first key (see `searchKey`); sets `row.searchKey`. */
  replaceTerms(row: NoticeRow, terms: string[]): void {
    const key = searchKey(row.id, row.updatedAt);
    if (row.searchKey && row.searchKey !== key) {
      this.termsDelete.push(row.searchKey);
      // A key made earlier in this batch was never stored: the note row comes from the stored one.
      const stored = this.moves.get(row.searchKey) ?? row.searchKey;
      this.moves.delete(row.searchKey);
      this.moves.set(key, stored);
    }
    row.searchKey = key;
    this.termsPut.set(row.id, { key, id: row.id, terms });
  }

  async flush(db: NoticeLensDB): Promise<void> {
    await Promise.all([
      db.notices.bulkPut([...this.notices.values()]),
      db.noticeTexts.bulkPut([...this.texts.values()]),
      db.noticeAnalyses.bulkPut([...this.analyses.values()]),
      db.aliases.bulkPut([...this.aliases.values()]),
    ]);
    for (const [from, urls] of this.mergeUrls) {
      const record = await db.merges.get(from);
      if (record) await db.merges.put({ ...record, urls: [...new Set([...record.urls, ...urls])] });
    }
    await this.flushTerms(db);
  }

  /** Terms rows: the old keys deleted, then the new ones written (one bulk write, not an index update per row). */
  async flushTerms(db: NoticeLensDB): Promise<void> {
    if (this.termsDelete.length) await db.noticeTerms.bulkDelete(this.termsDelete);
    if (this.termsPut.size) await db.noticeTerms.bulkPut([...this.termsPut.values()]);
    if (this.moves.size === 0) return;
    // Note rows follow their notice's terms to the new key.
    const moves = [...this.moves];
    const rows = await db.noteTerms.bulkGet(moves.map(([, from]) => from));
    const moved = moves.flatMap(([to], i) => (rows[i] ? [{ ...rows[i], key: to }] : []));
    if (moved.length === 0) return;
    await db.noteTerms.bulkDelete(moves.filter((_, i) => rows[i]).map(([, from]) => from));
    await db.noteTerms.bulkPut(moved);
  }
}

/** Note rows (`notes.ts`) of annotation writes: read for their notices, updated in memory, written at the end. */
class NoteWrites {
  private readonly rows = new Map<string, NoteTermsRow | null>();
  private readonly changed = new Set<string>();

  constructor(private readonly db: NoticeLensDB) {}

  /** Read the note rows of these notices (by their search keys). */
  async read(notices: Array<NoticeRow | undefined>): Promise<void> {
    const keys = [
      ...new Set(notices.flatMap((n) => (n?.searchKey && !this.rows.has(n.searchKey) ? [n.searchKey] : []))),
    ];
    const rows = await this.db.noteTerms.bulkGet(keys);
    keys.forEach((k, i) => this.rows.set(k, rows[i] ?? null));
  }

  /** Apply a stored annotation to its notice's note row (read first). */
  apply(notice: NoticeRow, a: AnnotationRow): void {
    const key = notice.searchKey;
    if (!key) return;
    this.rows.set(key, withAnnotation(this.rows.get(key) ?? undefined, key, notice.id, a));
    this.changed.add(key);
  }

  async flush(): Promise<void> {
    const put: NoteTermsRow[] = [];
    const del: string[] = [];
    for (const key of this.changed) {
      const row = this.rows.get(key);
      if (row) put.push(row);
      else del.push(key);
    }
    await Promise.all([
      put.length ? this.db.noteTerms.bulkPut(put) : null,
      del.length ? this.db.noteTerms.bulkDelete(del) : null,
    ]);
  }
}

/** The index fields of a notice row that follow from its metadata. */
interface IndexFields {
  issuers: string[];
  year: number | null;
  docType: string | null;
  /** `documentKey(metadata).number`. */
  docNumber: string | null;
}

function indexFields(m: NoticeMetadata): IndexFields {
  const date = m.signedDate ?? m.publishedDate;
  return {
    issuers: [...new Set(m.issuers.map(normaliseKeyPart).filter((s) => s !== ''))],
    year: date && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : null,
    docType: m.docType?.trim() || null,
    docNumber: documentKey(m)?.number ?? null,
  };
}

interface PreparedNotice extends IndexFields {
  snapshot: NoticeSnapshot;
  /** Terms of everything but the tags (tags are merged inside the transaction). */
  terms: string[];
  /** What makes it one document with another entry (`documentKey`). */
  key: DocumentKey | null;
  /** Set inside the transaction when the snapshot goes to another entry of the same document (`route`). */
  into?: string;
  aliasKeys: string[];
  analysisJson: string;
  outlineJson: string;
}

/** The expensive, transaction-free part of storing a notice: terms, index fields, alias keys. */
function prepareNotice(snapshot: NoticeSnapshot): PreparedNotice {
  const m = snapshot.metadata;
  const aliasKeys = new Set<string>();
  for (const u of snapshot.urls) {
    const key = tryCanonicalUrl(u);
    if (key) aliasKeys.add(key);
  }
  return {
    snapshot,
    terms: noticeTerms({
      title: m.title,
      metadata: metadataStrings(m),
      tags: [],
      headings: snapshot.outline.map((o) => `${o.label}${o.title}`),
      text: snapshot.text,
    }),
    ...indexFields(m),
    key: documentKey(m),
    aliasKeys: [...aliasKeys],
    analysisJson: JSON.stringify([snapshot.outline, snapshot.obligations]),
    outlineJson: JSON.stringify(snapshot.outline),
  };
}

/** The id a prepared snapshot is stored under: its own, or the entry it was merged into. */
function targetId(p: PreparedNotice): string {
  return p.into ?? p.snapshot.id;
}

function mergeTerms(terms: string[], extra: Set<string>): string[] {
  if (extra.size === 0) return terms;
  const out = new Set(terms);
  for (const t of extra) out.add(t);
  return [...out];
}

/** Stored URLs plus new ones, one per canonical address (the first spelling seen is kept). */
function mergeUrls(stored: string[], incoming: string[]): string[] {
  const out = [...stored];
  const keys = new Set(stored.map((u) => tryCanonicalUrl(u) ?? u));
  for (const u of incoming) {
    const key = tryCanonicalUrl(u) ?? u;
    if (keys.has(key)) continue;
    keys.add(key);
    out.push(u);
  }
  return out.slice(0, LIMITS.urlsPerNotice);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function countObligations(clauses: Clause[]): Record<ObligationCategory, number> {
  const counts = Object.fromEntries(OBLIGATION_CATEGORIES.map((c) => [c, 0])) as Record<ObligationCategory, number>;
  for (const c of clauses) if (c.category in counts) counts[c.category]++;
  return counts;
}

export function assembleNotice(
  row: NoticeRow,
  text: NoticeTextRow | undefined,
  analysis: NoticeAnalysisRow | undefined,
): SavedNotice {
  return {
    id: row.id,
    urls: row.urls,
    metadata: row.metadata,
    text: text?.text ?? '',
    outline: analysis?.outline ?? [],
    obligations: analysis?.obligations ?? [],
    site: row.site,
    saved: row.saved === 1,
    tags: row.tags,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function stripTerms(row: AnnotationRow): Annotation {
  const annotation: Annotation & { terms?: string[] } = { ...row };
  delete annotation.terms;
  return annotation;
}

/** Only the fields of an Annotation, so nothing extra a caller attached is stored. */
function copyAnnotation(a: Annotation): Annotation {
  return {
    id: a.id,
    noticeId: a.noticeId,
    colour: a.colour,
    note: a.note,
    tags: normaliseTags(a.tags),
    selectors: a.selectors,
    quote: a.quote,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    deletedAt: a.deletedAt,
    ...(a.creator ? { creator: a.creator } : {}),
  };
}

/**
 * Refuse a record that does not fit its schema (lib/schema): the same shapes and limits the message validator
 * and the importer apply, so nothing stored here could not also be sent or imported. Tags are checked as stored,
 * after `normaliseTags`.
 */
function checkShape(schema: v.GenericSchema, value: unknown, what: string): void {
  const parsed = v.safeParse(schema, value, { abortEarly: true });
  if (!parsed.success) throw new StorageError('invalid', describeIssue(parsed.issues[0], what).slice(0, 300));
}

const OUTLINE = list(outlineItemSchema, LIMITS.outlineItems);
const CLAUSES = list(clauseSchema, LIMITS.clauses);

function checkSnapshot(s: NoticeSnapshot): void {
  const snapshot = s.tags ? { ...s, tags: checkTags(s.tags) } : s;
  if (s.text !== '') return checkShape(storedSnapshotSchema, snapshot, 'notice');
  // No body yet (see `mergeNotice`): a stored text, outline and clauses are kept, so offsets are not held to ''.
  checkShape(storedSnapshotSchema, { ...snapshot, outline: [], obligations: [] }, 'notice');
  checkShape(OUTLINE, s.outline, 'notice.outline');
  checkShape(CLAUSES, s.obligations, 'notice.obligations');
}

function checkAnnotation(a: Annotation): void {
  checkShape(annotationSchema, { ...a, tags: checkTags(a.tags) }, 'annotation');
}

function checkTags(tags: string[]): string[] {
  const clean = normaliseTags(tags);
  if (clean.length > LIMITS.tagsPerRecord) throw new StorageError('invalid', `At most ${LIMITS.tagsPerRecord} tags`);
  if (clean.some((t) => t.length > LIMITS.tagLength))
    throw new StorageError('invalid', `Tags are at most ${LIMITS.tagLength} characters`);
  return clean;
}

function clampInt(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.floor(n))) : min;
}
