// The search as it was before the notes index (lib/storage/notes.ts): reads annotations to match notes.
// Kept for tests only, as the reference the faster search must agree with.

/**
 * Library search: index lookups propose notices newest first, each proposed notice's own title,
 * metadata, tags, notes and text confirm every phrase as a substring, and hits rank title matches first,
 * then the most recently saved.
 *
 * Why it reads only as far as the page: the terms rows are keyed newest first (`searchKey`), so a term's
 * index entries come out in recency order. The search walks, tier by tier, the entries of the one term
 * that proposes the fewest notices (sized up by reading at most 256 entries each: IndexedDB counts a range
 * by walking it, so counting a common term costs as much as reading it) and stops when the page is full:
 * a word found in every notice costs one batch, not 5,000 keys. The other terms are not intersected; the
 * substring check does that job, exactly, on the few notices read.
 *
 * Tiers: every phrase in the title (walk the title terms `t:…` of the rarest phrase), then some phrase in
 * the title (multi-phrase queries), then the rest. Title terms are never cut by the term budget, so the
 * tiers are exact; within a tier, recency order is the walk's order.
 */

import type { Table } from 'dexie';
import {
  CUT_MARKER,
  Haystack,
  TITLE_PREFIX,
  parseQuery,
  snippet,
  type MatchField,
  type ParsedQuery,
  type QueryPhrase,
} from '../../lib/search/terms';
import type { NoticeLensDB, NoticeRow } from '../../lib/storage/db';
import {
  idOfSearchKey,
  metadataStrings,
  rowPasses,
  toSummary,
  type NoticeFilters,
  type NoticeSummary,
} from '../../lib/storage/records';

export interface SearchOptions {
  limit?: number;
  offset?: number;
  /**
   * Check the text of every notice, not only those the index proposes. Long notices index a bounded
   * number of body terms (`NOTICE_TEXT_TERM_BUDGET`), so a word met once deep in a long notice may only be
   * found this way. Slower: reads texts newest first until the page is full.
   */
  deep?: boolean;
  /** How many notices with a cut body are checked directly on every search (default 250). */
  checkCutUpTo?: number;
}

export interface NoticeHit {
  notice: NoticeSummary;
  /** 2: every phrase in the title; 1: some; 0: none. */
  titleTier: 0 | 1 | 2;
  /** Where the phrases were found, strongest first. */
  fields: MatchField[];
  /** Text around the first match in the body, when it is there. */
  snippet: string | null;
}

export interface SearchResult {
  hits: NoticeHit[];
  /** Matching notices when `exact`; otherwise how many were found before the page filled (there are more). */
  total: number;
  exact: boolean;
  /**
   * Some long notices were only matched on the terms their budget kept (more of them than the search
   * checks directly): a phrase they mention once or twice may be missing. `deep: true` checks every text.
   */
  partial: boolean;
}

/**
 * How many index entries a lookup reads to size a term up. Counting a range costs as much as reading it
 * (IndexedDB counts by walking), so terms are probed: fewer entries than this is an exact, small posting
 * (and its keys are at hand); this many means "common", and common terms are walked, never counted.
 */
const PROBE = 256;
/** Prefix lookups (1-character phrases) read at most this many entries; more scan the library newest first. */
const PREFIX_PROBE = 1024;
const FIRST_BATCH = 64;
/**
 * Up to this many notices with a cut body (`CUT_MARKER`) have their texts checked on every search, so a
 * typical library, where few notices exceed the budget, gets complete results from the fast path.
 */
const CHECK_CUT_UP_TO = 250;
/**
 * The words route (`QueryPhrase.words`) proposes at most this many notices, newest first: its words may be
 * common (监督, 管理) while the phrase is rare, and walking all of them would read most of the library.
 */
const WORDS_ROUTE_BUDGET = 256;

/**
 * Search the library (not the bin) for notices matching every phrase of `query`: the page of hits, title
 * matches first, then the most recently saved.
 */
export async function searchNotices(
  db: NoticeLensDB,
  query: string,
  filters: NoticeFilters = {},
  options: SearchOptions = {},
): Promise<SearchResult> {
  const q = parseQuery(query);
  if (q.phrases.length === 0) return { hits: [], total: 0, exact: true, partial: false };
  const limit = Math.max(1, Math.min(500, Math.floor(options.limit ?? 50)));
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const want = offset + limit;

  return db.transaction('r', [db.notices, db.noticeTexts, db.noticeTerms, db.annotations], async () => {
    // Few cut notices: check them all (complete). Many: the words route gives them a second chance.
    const cutLimit = options.checkCutUpTo ?? CHECK_CUT_UP_TO;
    const cutKeys = options.deep
      ? []
      : await db.noticeTerms
          .where('terms')
          .equals(CUT_MARKER)
          .limit(cutLimit + 1)
          .primaryKeys();
    const manyCut = cutKeys.length > cutLimit;
    const plans = await Promise.all(q.phrases.map((p) => planPhrase(db, p, manyCut)));
    const checker = new Checker(db, q, plans, filters);
    const hits: NoticeHit[] = [];
    const emitted = new Set<string>();

    /** Walk a stream, emitting unemitted hits of this tier in stream order; false when the page filled up. */
    const walk = async (stream: KeyStream, tier: 0 | 1 | 2): Promise<boolean> => {
      for (let keys = await stream.next(); keys.length > 0; keys = await stream.next()) {
        // Check in small batches, whatever the stream hands over: a dense query stops after the first.
        for (let i = 0; i < keys.length; i += FIRST_BATCH) {
          const fresh = keys.slice(i, i + FIRST_BATCH).filter((k) => !emitted.has(idOfSearchKey(k)));
          const verdicts = await checker.check(fresh);
          for (const k of fresh) {
            const v = verdicts.get(idOfSearchKey(k));
            if (!v || v.titleTier !== tier) continue;
            emitted.add(v.notice.id);
            hits.push(v);
            if (hits.length >= want) return false;
          }
        }
      }
      return true;
    };

    // Tier 2: every phrase in the title, proposed by the title terms of the phrase with the fewest.
    const byTitle = [...plans].sort((a, b) => a.title.estimate - b.title.estimate);
    let complete = await walk(byTitle[0].title.open(), 2);
    // Tier 1: some phrase in the title.
    if (complete && plans.length > 1) complete = await walk(new MergeStream(plans.map((p) => p.title.open())), 1);
    // Tier 0: the rest, proposed by the body terms (and notes) of the phrase with the fewest.
    if (complete) {
      let rest: KeyStream;
      if (options.deep) rest = scanAll(db);
      else {
        const bodies = await Promise.all(plans.map((p) => p.body()));
        const driver = bodies.reduce((best, b) => (b.estimate < best.estimate ? b : best));
        rest =
          cutKeys.length > 0 && !manyCut ? new MergeStream([driver.open(), new ArrayStream(cutKeys)]) : driver.open();
      }
      complete = await walk(rest, 0);
    }

    return { hits: hits.slice(offset, offset + limit), total: hits.length, exact: complete, partial: manyCut };
  });
}

/* ----- Verification ----- */

/** Reads proposed notices in batches and checks every phrase against them; remembers each verdict. */
class Checker {
  private readonly verdicts = new Map<string, NoticeHit | null>();
  private readonly known = new Map<string, NoticeRow>();

  constructor(
    private readonly db: NoticeLensDB,
    private readonly q: ParsedQuery,
    private readonly plans: PhrasePlan[],
    private readonly filters: NoticeFilters,
  ) {
    for (const p of plans) for (const r of p.noteRows) this.known.set(r.id, r);
  }

  async check(keys: string[]): Promise<Map<string, NoticeHit | null>> {
    const ids = [...new Set(keys.map(idOfSearchKey))].filter((id) => !this.verdicts.has(id));
    if (ids.length > 0) {
      const unread = ids.filter((id) => !this.known.has(id));
      const read = unread.length > 0 ? await this.db.notices.bulkGet(unread) : [];
      read.forEach((r, i) => r && this.known.set(unread[i], r));
      const rows = ids.map((id) => this.known.get(id));
      // Texts of the notices that pass the filters: to check phrases not in the record, and for snippets.
      const pending: NoticeRow[] = [];
      ids.forEach((id, i) => {
        const row = rows[i];
        if (row && this.passes(row)) pending.push(row);
        else this.verdicts.set(id, null);
      });
      const texts = pending.length ? await this.db.noticeTexts.bulkGet(pending.map((r) => r.id)) : [];
      pending.forEach((row, i) => this.verdicts.set(row.id, this.verify(row, texts[i]?.text ?? '')));
    }
    const out = new Map<string, NoticeHit | null>();
    for (const k of keys) out.set(idOfSearchKey(k), this.verdicts.get(idOfSearchKey(k)) ?? null);
    return out;
  }

  private passes(row: NoticeRow): boolean {
    return row.deletedAt === null && rowPasses(row, this.filters);
  }

  private verify(row: NoticeRow, text: string): NoticeHit | null {
    const [title, meta, tags] = fieldsOf(row);
    const body = new Haystack(text);
    const fields = new Set<MatchField>();
    let inTitle = 0;
    for (let i = 0; i < this.q.phrases.length; i++) {
      const p = this.q.phrases[i];
      let found = false;
      const where: [boolean, MatchField][] = [
        [title.has(p), 'title'],
        [meta.has(p), 'metadata'],
        [tags.has(p), 'tags'],
        [this.plans[i].notes.has(row.id), 'notes'],
        [body.has(p), 'text'],
      ];
      for (const [has, field] of where) {
        if (!has) continue;
        fields.add(field);
        found = true;
      }
      if (where[0][0]) inTitle++;
      if (!found) return null;
    }
    const order: MatchField[] = ['title', 'metadata', 'tags', 'notes', 'text'];
    return {
      notice: toSummary(row),
      titleTier: inTitle === 0 ? 0 : inTitle === this.q.phrases.length ? 2 : 1,
      fields: order.filter((f) => fields.has(f)),
      snippet: fields.has('text') ? snippet(body, this.q) : null,
    };
  }
}

const fieldCache = new WeakMap<NoticeRow, [Haystack, Haystack, Haystack]>();

/** Title, metadata and tags of a notice row, to match phrases against. */
function fieldsOf(row: NoticeRow): [Haystack, Haystack, Haystack] {
  let f = fieldCache.get(row);
  if (!f) {
    f = [
      new Haystack(row.metadata.title ?? ''),
      new Haystack(metadataStrings(row.metadata).join('\n')),
      new Haystack(row.tags.join('\n')),
    ];
    fieldCache.set(row, f);
  }
  return f;
}

/* ----- Plans: which index entries propose notices for a phrase ----- */

interface Source {
  /** Upper bound of the notices it proposes (index entries counted, not read). */
  estimate: number;
  open(): KeyStream;
}

interface PhrasePlan {
  /** Notices whose title may hold the phrase. */
  title: Source;
  /** Notices that may hold the phrase anywhere (index or a note). */
  body(): Promise<Source>;
  /** Notices with a live annotation whose note or tags contain the phrase (checked). */
  notes: Set<string>;
  /** Their records, already read (the checker reuses them). */
  noteRows: NoticeRow[];
}

async function planPhrase(db: NoticeLensDB, p: QueryPhrase, useWords: boolean): Promise<PhrasePlan> {
  const [title, notes] = await Promise.all([
    rarestTerm(
      db,
      p.exact.map((t) => TITLE_PREFIX + t),
      p.prefixes.map((t) => TITLE_PREFIX + t),
    ),
    notesMatching(db, p),
  ]);
  const noteRows =
    notes.size > 0 ? (await db.notices.bulkGet([...notes])).filter((r): r is NoticeRow => r !== undefined) : [];
  const noteKeys = noteRows.map((r) => r.searchKey).sort();
  let body: Promise<Source> | null = null;
  return {
    title,
    // Sized up only when the title tiers leave the page unfilled.
    body: () =>
      (body ??= Promise.all([
        rarestTerm(db, p.exact, p.prefixes),
        useWords && p.words.length > 0 ? rarestTerm(db, p.words, []) : Promise.resolve(null),
      ]).then(([index, words]) => ({
        estimate: index.estimate + (words ? Math.min(words.estimate, WORDS_ROUTE_BUDGET) : 0) + noteKeys.length,
        open: () =>
          new MergeStream([
            index.open(),
            ...(words ? [new LimitedStream(words.open(), WORDS_ROUTE_BUDGET)] : []),
            new ArrayStream(noteKeys),
          ]),
      }))),
    notes,
    noteRows,
  };
}

/**
 * The term of the phrase with the fewest index entries, as a source of its entries newest first. Terms
 * are probed (`PROBE`), not counted; when every term is common the first is walked. A phrase of
 * 1-character prefixes only reads the prefix's entries when they are few and sorts them, and otherwise
 * scans the library newest first (a common character is in most notices anyway).
 */
async function rarestTerm(db: NoticeLensDB, exact: string[], prefixes: string[]): Promise<Source> {
  const terms = db.noticeTerms;
  if (exact.length > 0) {
    const probes = await Promise.all(exact.map((t) => terms.where('terms').equals(t).limit(PROBE).primaryKeys()));
    let best = 0;
    for (let i = 1; i < probes.length; i++) if (probes[i].length < probes[best].length) best = i;
    const keys = probes[best];
    if (keys.length < PROBE) return { estimate: keys.length, open: () => new ArrayStream(keys) };
    const term = exact[best];
    return {
      estimate: PROBE,
      open: () => new IndexStream((n) => terms.where('terms').equals(term).limit(n).primaryKeys(), keys),
    };
  }
  const probes = await Promise.all(
    prefixes.map((t) => terms.where('terms').startsWith(t).limit(PREFIX_PROBE).primaryKeys()),
  );
  let best = 0;
  for (let i = 1; i < probes.length; i++) if (probes[i].length < probes[best].length) best = i;
  if (probes[best].length < PREFIX_PROBE) {
    const keys = [...new Set(probes[best])].sort();
    return { estimate: keys.length, open: () => new ArrayStream(keys) };
  }
  return { estimate: PREFIX_PROBE, open: () => scanAll(db) };
}

/** Notices with a live annotation whose note or tags contain the phrase (quotes are the notice's own text). */
async function notesMatching(db: NoticeLensDB, p: QueryPhrase): Promise<Set<string>> {
  const out = new Set<string>();
  const source = await rarestAnnotationTerm(db.annotations, p);
  if (source === null) return out;
  const rows = await db.annotations.bulkGet(source);
  for (const a of rows) {
    if (!a || a.deletedAt !== null) continue;
    if (new Haystack(`${a.note}\n${a.tags.join('\n')}`).has(p)) out.add(a.noticeId);
  }
  return out;
}

/** The annotation ids holding the phrase's rarest term (all of them), or null when one of its terms is in none. */
async function rarestAnnotationTerm(table: Table<{ id: string }, string>, p: QueryPhrase): Promise<string[] | null> {
  const lookups = [
    ...p.exact.map((t) => () => table.where('terms').equals(t)),
    ...p.prefixes.map((t) => () => table.where('terms').startsWith(t)),
  ];
  if (lookups.length === 0) return null;
  const probes = await Promise.all(lookups.map((l) => l().limit(PROBE).primaryKeys()));
  let best = 0;
  for (let i = 1; i < probes.length; i++) if (probes[i].length < probes[best].length) best = i;
  if (probes[best].length === 0) return null;
  const all =
    probes[best].length < PROBE ? Promise.resolve(probes[best]) : (lookups[best]().primaryKeys() as Promise<string[]>);
  return all.then((keys) => [...new Set(keys)]);
}

/* ----- Streams of search keys, ascending (newest first) ----- */

interface KeyStream {
  /** The next keys in ascending order; empty when done. */
  next(): Promise<string[]>;
}

/**
 * The primary keys of one index range, in key order, read in growing batches: a query satisfied by its
 * first 64 entries never reads more. Each batch re-reads from the start with a larger limit (IndexedDB's
 * getAllKeys has no "after this primary key" within one index key), which costs at most 1.33× the keys.
 */
class IndexStream implements KeyStream {
  private seen = 0;
  private limit = FIRST_BATCH;
  private done = false;

  /** `first`: keys already read from the start of the range (a probe), used as the first batch. */
  constructor(
    private readonly fetch: (limit: number) => Promise<string[]>,
    private first: string[] | null = null,
  ) {}

  async next(): Promise<string[]> {
    if (this.done) return [];
    if (this.first) {
      const batch = this.first;
      this.first = null;
      this.seen = batch.length;
      this.limit = batch.length * 4;
      return batch;
    }
    const keys = await this.fetch(this.limit);
    if (keys.length < this.limit) this.done = true;
    const batch = keys.slice(this.seen);
    this.seen = keys.length;
    this.limit *= 4;
    return batch;
  }
}

/** Every notice, newest first. */
function scanAll(db: NoticeLensDB): KeyStream {
  return new IndexStream((n) => db.noticeTerms.toCollection().limit(n).primaryKeys());
}

class ArrayStream implements KeyStream {
  private at = 0;
  constructor(private readonly keys: string[]) {}
  next(): Promise<string[]> {
    const batch = this.keys.slice(this.at, this.at + FIRST_BATCH * 4);
    this.at += batch.length;
    return Promise.resolve(batch);
  }
}

/** The first `max` keys of a stream. */
class LimitedStream implements KeyStream {
  private left: number;
  constructor(
    private readonly inner: KeyStream,
    max: number,
  ) {
    this.left = max;
  }
  async next(): Promise<string[]> {
    if (this.left <= 0) return [];
    const batch = (await this.inner.next()).slice(0, this.left);
    this.left -= batch.length;
    return batch;
  }
}

/** Several ascending streams merged into one, without repeats. */
class MergeStream implements KeyStream {
  private readonly buffers: string[][];
  private readonly done: boolean[];
  private last: string | null = null;

  constructor(private readonly streams: KeyStream[]) {
    this.buffers = streams.map(() => []);
    this.done = streams.map(() => false);
  }

  async next(): Promise<string[]> {
    for (;;) {
      await Promise.all(
        this.streams.map(async (s, i) => {
          if (this.buffers[i].length === 0 && !this.done[i]) {
            const batch = await s.next();
            if (batch.length === 0) this.done[i] = true;
            else this.buffers[i] = batch;
          }
        }),
      );
      // Safe to emit everything up to the smallest last key among streams that may still add keys.
      let bound: string | null = null;
      this.buffers.forEach((b, i) => {
        if (!this.done[i] && b.length > 0 && (bound === null || b[b.length - 1] < bound)) bound = b[b.length - 1];
      });
      const out: string[] = [];
      this.buffers.forEach((b, i) => {
        let cut = 0;
        while (cut < b.length && (bound === null || b[cut] <= bound)) cut++;
        out.push(...b.slice(0, cut));
        this.buffers[i] = b.slice(cut);
      });
      if (out.length === 0) {
        if (this.done.every(Boolean)) return [];
        continue;
      }
      out.sort();
      const unique = out.filter((k, i) => k !== out[i - 1] && k !== this.last);
      if (unique.length > 0) this.last = unique[unique.length - 1];
      if (unique.length > 0) return unique;
    }
  }
}
