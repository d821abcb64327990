/**
 * The library search as its documentation states it, done the slow, obvious way: an oracle for
 * `lib/storage/search.ts`, whose index lookups, probes and streams must answer exactly this.
 *
 * - A hit is a notice in the library (not the bin) that passes the filters and holds every phrase of the
 *   query somewhere: its title, metadata, tags, the note or tags of one of its live annotations, or its text.
 * - A phrase is held when it is a substring of the field's normalised form (`normaliseForSearch`).
 * - Hits rank by title tier (every phrase in the title, then some, then none), then newest saved first
 *   (search keys ascending).
 * - `total` counts the hits up to the end of the requested page; `exact` says there are no more than that.
 *
 * Every call reads every notice, text and annotation. It never uses the term index, so `deep` and
 * `checkCutUpTo` change nothing here and the answer is never partial.
 */

import { normaliseForSearch, parseQuery, snippet, type MatchField } from '../../lib/search/terms';
import type { NoticeLensDB, NoticeRow } from '../../lib/storage/db';
import { metadataStrings, rowPasses, toSummary, type NoticeFilters } from '../../lib/storage/records';
import type { NoticeHit, SearchOptions, SearchResult } from '../../lib/storage/search';

/** The places a phrase is looked for, strongest first (the order of `NoticeHit.fields`). */
const FIELDS: MatchField[] = ['title', 'metadata', 'tags', 'notes', 'text'];

/** `limit` counts as a whole number from 1 to 500, `offset` as a whole number from 0. */
export async function searchNotices(
  db: NoticeLensDB,
  query: string,
  filters: NoticeFilters = {},
  { limit = 50, offset = 0 }: SearchOptions = {},
): Promise<SearchResult> {
  const parsed = parseQuery(query);
  const phrases = parsed.phrases.map((p) => p.text);
  const start = Math.max(0, Math.floor(offset));
  const end = start + Math.min(500, Math.max(1, Math.floor(limit)));

  const rows = await db.notices.toArray();
  const texts = new Map((await db.noticeTexts.toArray()).map((t) => [t.id, t.text]));
  const annotations = (await db.annotations.toArray()).filter((a) => a.deletedAt === null);

  const found: Array<{ row: NoticeRow; hit: NoticeHit }> = [];
  for (const row of rows) {
    if (row.deletedAt !== null || !rowPasses(row, filters)) continue;
    const text = texts.get(row.id) ?? '';
    const strings: Record<MatchField, string[]> = {
      title: [row.metadata.title ?? ''],
      metadata: metadataStrings(row.metadata),
      tags: row.tags,
      notes: annotations.filter((a) => a.noticeId === row.id).flatMap((a) => [a.note, ...a.tags]),
      text: [text],
    };
    const holds = (field: MatchField, phrase: string) =>
      strings[field].some((s) => normaliseForSearch(s).includes(phrase));

    // A query without phrases (empty, or punctuation only) finds nothing.
    if (phrases.length === 0 || !phrases.every((p) => FIELDS.some((f) => holds(f, p)))) continue;
    const inTitle = phrases.filter((p) => holds('title', p)).length;
    const fields = FIELDS.filter((f) => phrases.some((p) => holds(f, p)));
    found.push({
      row,
      hit: {
        notice: toSummary(row),
        titleTier: inTitle === phrases.length ? 2 : inTitle > 0 ? 1 : 0,
        fields,
        snippet: fields.includes('text') ? snippet(text, parsed) : null,
      },
    });
  }

  found.sort(
    (a, b) =>
      b.hit.titleTier - a.hit.titleTier ||
      (a.row.searchKey < b.row.searchKey ? -1 : a.row.searchKey > b.row.searchKey ? 1 : 0),
  );
  return {
    hits: found.slice(start, end).map((f) => f.hit),
    total: Math.min(found.length, end),
    exact: found.length < end,
    partial: false,
  };
}
