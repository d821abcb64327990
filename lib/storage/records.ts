/**
 * The shapes the repository, search and messages share: what is stored from a page, what lists show,
 * how the library is filtered; and the index lookups behind the filters.
 */

import { normaliseKeyPart } from '../identity';
import type { NoticeMetadata, ObligationCategory, Site } from '../types';
import type { NoticeFilters } from '../schema/requests';
import type { NoticeLensDB, NoticeRow } from './db';

/** What a page or the reader sends to store a notice, and how the library is filtered: lib/schema defines both. */
export type { NoticeSnapshot } from '../schema/notice';
export type { NoticeFilters } from '../schema/requests';

/** A notice in lists: everything but the text, outline and clauses, plus counts. */
export interface NoticeSummary {
  id: string;
  urls: string[];
  metadata: NoticeMetadata;
  site: Site;
  saved: boolean;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
  annotationCount: number;
  obligationCounts: Record<ObligationCategory, number>;
  textLength: number;
}

export interface Page<T> {
  items: T[];
  /** Matching records in all pages. */
  total: number;
}

/** Later than any millisecond timestamp until the year 10000, and 10 base-36 digits. */
const KEY_TIME_MAX = 36 ** 10 - 1;

/**
 * The key of a notice's search-terms row: (KEY_TIME_MAX − time) in fixed-width base 36, then the id, so
 * keys sort newest first and index entries of every term come out in recency order.
 */
export function searchKey(id: string, time: number): string {
  const t = Math.min(KEY_TIME_MAX, Math.max(0, Math.floor(time)));
  return `${(KEY_TIME_MAX - t).toString(36).padStart(10, '0')}|${id}`;
}

export function idOfSearchKey(key: string): string {
  return key.slice(11);
}

/** The searchable strings of a notice's metadata (not its title, which is indexed separately). */
export function metadataStrings(m: NoticeMetadata): string[] {
  const out: string[] = [];
  for (const v of [m.docType, m.docNumber, m.validity, m.level, m.citationCode, m.signedDate, m.publishedDate])
    if (v) out.push(v);
  out.push(...m.issuers, ...m.addressees);
  return out;
}

export function toSummary(row: NoticeRow): NoticeSummary {
  return {
    id: row.id,
    urls: row.urls,
    metadata: row.metadata,
    site: row.site,
    saved: row.saved === 1,
    tags: row.tags,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
    annotationCount: row.annotationCount ?? 0,
    obligationCounts: row.obligationCounts,
    textLength: row.textLength,
  };
}

/** Filters with the tag filter resolved: `tagged` holds the notices whose live annotations carry the tag. */
export type ResolvedFilters = NoticeFilters & { tagged?: ReadonlySet<string> };

/**
 * A tag is the notice's own or one written on any of its live annotations: read the notices with such an
 * annotation (the annotations' `tags` index) before the library is filtered.
 */
export async function resolveTagFilter(db: NoticeLensDB, filters: NoticeFilters = {}): Promise<ResolvedFilters> {
  const tag = filters.tag?.trim();
  if (!tag) return filters;
  const tagged = new Set<string>();
  await db.annotations
    .where('tags')
    .equals(tag)
    .each((a) => {
      if (a.deletedAt === null) tagged.add(a.noticeId);
    });
  return { ...filters, tagged };
}

/** True when a notice row passes the field filters (not the bin flag). */
export function rowPasses(row: NoticeRow, filters: ResolvedFilters): boolean {
  if (filters.saved !== undefined && row.saved !== (filters.saved ? 1 : 0)) return false;
  if (filters.issuer && !row.issuers.includes(normaliseKeyPart(filters.issuer))) return false;
  if (filters.year !== undefined && row.year !== filters.year) return false;
  if (filters.docType && row.docType !== filters.docType.trim()) return false;
  if (filters.tag && !row.tags.includes(filters.tag.trim()) && !filters.tagged?.has(row.id)) return false;
  return true;
}

/** A filter whose index holds at most this many notices is read and sorted; broader filters walk newest first. */
const READ_AND_SORT_UP_TO = 500;

interface FilterLookup {
  count(): Promise<number>;
  keys(): Promise<string[]>;
}

/** One index lookup per field filter (not the bin flag). */
function filterLookups(db: NoticeLensDB, filters: ResolvedFilters): FilterLookup[] {
  const where = [];
  if (filters.saved !== undefined) where.push(() => db.notices.where('saved').equals(filters.saved ? 1 : 0));
  if (filters.issuer) where.push(() => db.notices.where('issuers').equals(normaliseKeyPart(filters.issuer!)));
  if (filters.year !== undefined) where.push(() => db.notices.where('year').equals(filters.year!));
  if (filters.docType) where.push(() => db.notices.where('docType').equals(filters.docType!.trim()));
  const lookups: FilterLookup[] = where.map((w) => ({ count: () => w().count(), keys: () => w().primaryKeys() }));
  if (filters.tag) {
    // The notice's own tag, or one on its annotations.
    const keys = async () => {
      const own = await db.notices.where('tags').equals(filters.tag!.trim()).primaryKeys();
      return [...new Set([...own, ...(filters.tagged ?? [])])];
    };
    lookups.push({ keys, count: async () => (await keys()).length });
  }
  return lookups;
}

function newestFirst(rows: NoticeRow[]): NoticeRow[] {
  return rows.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
}

/**
 * One page of the library (or the bin), most recently changed first, and the number of matching notices.
 * Counting index entries is cheap and reading keys and records is not, so: the bin and narrow filters
 * read their few notices and sort them; no filter or only broad ones walk the `updatedAt` index newest
 * first and stop at the end of the page.
 *
 * With `withTotal: false` the total is left out (null) where it would cost more than the page: counting the
 * whole library reads every notice record (~40 ms for 5,000 in Chromium), and requests in a transaction
 * run one after another, so the page's rows would wait for it.
 */
export async function pageByRecency(
  db: NoticeLensDB,
  filters: NoticeFilters,
  offset: number,
  limit: number,
  readAndSortUpTo?: number,
): Promise<{ rows: NoticeRow[]; total: number }>;
export async function pageByRecency(
  db: NoticeLensDB,
  filters: NoticeFilters,
  offset: number,
  limit: number,
  readAndSortUpTo: number | undefined,
  withTotal: false,
): Promise<{ rows: NoticeRow[]; total: number | null }>;
export async function pageByRecency(
  db: NoticeLensDB,
  filters: NoticeFilters,
  offset: number,
  limit: number,
  readAndSortUpTo = READ_AND_SORT_UP_TO,
  withTotal = true,
): Promise<{ rows: NoticeRow[]; total: number | null }> {
  const page = (rows: NoticeRow[]) => ({ rows: newestFirst(rows).slice(offset, offset + limit), total: rows.length });
  const binIds = await db.notices.where('deletedAt').aboveOrEqual(-Infinity).primaryKeys();
  if (filters.deleted === true) {
    const bin = (await db.notices.bulkGet(binIds)).filter((r): r is NoticeRow => !!r && rowPasses(r, filters));
    return page(bin);
  }
  const live = (r: NoticeRow) => r.deletedAt === null && rowPasses(r, filters);
  const walk = () => db.notices.orderBy('updatedAt').reverse().filter(live).offset(offset).limit(limit).toArray();
  const lookups = filterLookups(db, filters);
  if (lookups.length === 0) {
    if (!withTotal) return { rows: await walk(), total: null };
    const [rows, all] = await Promise.all([walk(), db.notices.count()]);
    return { rows, total: all - binIds.length };
  }
  const counts = await Promise.all(lookups.map((l) => l.count()));
  const narrowest = counts.indexOf(Math.min(...counts));
  if (counts[narrowest] <= readAndSortUpTo) {
    const rows = await db.notices.bulkGet(await lookups[narrowest].keys());
    return page(rows.filter((r): r is NoticeRow => !!r && live(r)));
  }
  // Broad filters: the total needs the keys of each (no record is read), the page walks newest first.
  if (!withTotal) return { rows: await walk(), total: null };
  const [rows, sets, binRows] = await Promise.all([
    walk(),
    Promise.all(lookups.map((l) => l.keys())),
    db.notices.bulkGet(binIds),
  ]);
  let matching = new Set(sets[0]);
  for (const s of sets.slice(1)) {
    const next = new Set(s);
    matching = new Set([...matching].filter((id) => next.has(id)));
  }
  for (const r of binRows) if (r) matching.delete(r.id);
  return { rows, total: matching.size };
}
