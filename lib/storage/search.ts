/**
 * Library search: index lookups propose notices newest first, each proposed notice's own title,
 * metadata, tags, notes and text confirm every phrase as a substring, and hits rank title matches first,
 * then the most recently saved.
 *
 * Why it reads only as far as the page: the terms rows are keyed newest first (`searchKey`), so a term's
 * index entries come out in recency order; the notes index (`noteTerms`, `notes.ts`) uses the same keys.
 * The search walks, tier by tier, the entries of the one term that proposes the fewest notices and stops
 * when the page is full: a word found in every notice costs one batch, not 5,000 keys. The other terms are
 * not intersected; the substring check does that job, exactly, on the few notices read.
 *
 * What it costs, measured in Chromium with 5,000 notices and 100,000 annotations: reading an index entry
 * costs about as much as a small record (IndexedDB checks each entry against its record), and a
 * 10,000-character text much more. So terms are sized up from a few entries each (`PROBE`: how far back in
 * time its first entries reach says how common a term is, see `estimateOf`), the checks read the notice
 * rows first and a text only for a notice that can be a hit of the tier being walked, and the batches are
 * about as large as what is left of the page.
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
} from '../search/terms';
import type { NoteTermsRow, NoticeLensDB, NoticeRow } from './db';
import {
  idOfSearchKey,
  metadataStrings,
  rowPasses,
  toSummary,
  type NoticeFilters,
  type NoticeSummary,
} from './records';

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
   * Notices matched on their body terms include long ones matched only on the terms their budget kept
   * (more of them than the search checks directly): a phrase they mention once or twice may be missing.
   * `deep: true` checks every text. (Title hits are exact: a page of them is never partial.)
   */
  partial: boolean;
}

/**
 * How many index entries a lookup reads to size a term up. Fewer is an exact, small posting (and its keys
 * are at hand); this many is "common", and how common is estimated from how far back the entries reach.
 */
const PROBE = 64;
/**
 * Whose notes may hold a phrase is known by reading the notes index entries of its rarest term as far as
 * the notices checked reach, up to this many; past that, the notes of every notice checked are read.
 */
const NOTES_COVER = 4096;
/** Prefix lookups (1-character phrases) read at most this many entries; more scan the library newest first. */
const PREFIX_PROBE = 1024;
const FIRST_BATCH = 64;
/** Fewest notices checked at once (each batch is a round trip to the database). */
const MIN_BATCH = 16;
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

  return db.transaction('r', [db.notices, db.noticeTexts, db.noticeTerms, db.noteTerms], async () => {
    const span = new LibrarySpan(db);
    // Notices with a cut body, read only if the body tier is reached. Few: check them all (complete).
    // Many: the words route gives them a second chance.
    const cutLimit = options.checkCutUpTo ?? CHECK_CUT_UP_TO;
    const cut = once(async () => {
      const keys = options.deep
        ? []
        : await db.noticeTerms
            .where('terms')
            .equals(CUT_MARKER)
            .limit(cutLimit + 1)
            .primaryKeys();
      return { keys, many: keys.length > cutLimit };
    });
    const plans = await Promise.all(q.phrases.map((p) => planPhrase(db, p, span, async () => (await cut()).many)));
    const checker = new Checker(db, q, plans, filters);
    const hits: NoticeHit[] = [];
    const emitted = new Set<string>();

    /** Walk a stream, emitting unemitted hits of this tier in stream order; false when the page filled up. */
    const walk = async (stream: KeyStream, tier: 0 | 1 | 2): Promise<boolean> => {
      for (let keys = await stream.next(); keys.length > 0; keys = await stream.next()) {
        // Check in batches about as large as what is left of the page: a dense query stops after the first.
        for (let i = 0; i < keys.length;) {
          const size = Math.min(FIRST_BATCH, Math.max(MIN_BATCH, want - hits.length + 8));
          const fresh = keys.slice(i, i + size).filter((k) => !emitted.has(idOfSearchKey(k)));
          i += size;
          const verdicts = await checker.check(fresh, tier, want - hits.length);
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
    let partial = false;
    if (complete) {
      let rest: KeyStream;
      if (options.deep) rest = scanAll(db);
      else {
        const { keys: cutKeys, many } = await cut();
        partial = many;
        const bodies = await Promise.all(plans.map((p) => p.body()));
        const driver = bodies.reduce((best, b) => (b.estimate < best.estimate ? b : best));
        rest = cutKeys.length > 0 && !many ? new MergeStream([driver.open(), new ArrayStream(cutKeys)]) : driver.open();
      }
      complete = await walk(rest, 0);
    }

    return { hits: hits.slice(offset, offset + limit), total: hits.length, exact: complete, partial };
  });
}

/* ----- Verification ----- */

/**
 * Reads proposed notices in batches and checks every phrase against them. A notice's row (title, metadata,
 * tags) is read first; its text and notes only when it can be a hit of the tier being walked.
 */
class Checker {
  /** Final verdicts (a hit, or null: no match or filtered out). */
  private readonly verdicts = new Map<string, NoticeHit | null>();
  /** Rows read so far (null: missing). */
  private readonly rows = new Map<string, NoticeRow | null>();

  constructor(
    private readonly db: NoticeLensDB,
    private readonly q: ParsedQuery,
    private readonly plans: PhrasePlan[],
    private readonly filters: NoticeFilters,
  ) {}

  /**
   * Verdicts for the notices of these keys that can be hits of `tier`; others map to null for now. `need`:
   * hits the page still needs (a notice with every phrase in its title is a hit, so no more of their texts
   * are read than that).
   */
  async check(keys: string[], tier: 0 | 1 | 2, need: number): Promise<Map<string, NoticeHit | null>> {
    const byId = new Map<string, string>();
    for (const k of keys) if (!this.verdicts.has(idOfSearchKey(k))) byId.set(idOfSearchKey(k), k);
    const unread = [...byId.keys()].filter((id) => !this.rows.has(id));
    if (unread.length > 0) {
      const read = await this.db.notices.bulkGet(unread);
      unread.forEach((id, i) => this.rows.set(id, read[i] ?? null));
    }
    // Texts and notes of the notices that pass the filters and can be hits of this tier.
    const pending: Array<{ row: NoticeRow; key: string }> = [];
    for (const [id, key] of byId) {
      const row = this.rows.get(id);
      if (!row || row.deletedAt !== null || !rowPasses(row, this.filters)) this.verdicts.set(id, null);
      else if (this.titleTierOf(row) === tier) pending.push({ row, key });
    }
    if (tier === 2) pending.splice(Math.max(need, 0));
    if (pending.length > 0) {
      const may = await this.mayHaveNotes(pending.map((p) => p.key));
      const noteKeys = pending.filter((p) => may(p.key)).map((p) => p.key);
      const [texts, notes] = await Promise.all([
        this.db.noticeTexts.bulkGet(pending.map((p) => p.row.id)),
        noteKeys.length > 0 ? this.db.noteTerms.bulkGet(noteKeys) : Promise.resolve([]),
      ]);
      const noteByKey = new Map(noteKeys.map((k, i) => [k, notes[i]]));
      pending.forEach(({ row, key }, i) =>
        this.verdicts.set(row.id, this.verify(row, texts[i]?.text ?? '', noteByKey.get(key))),
      );
    }
    const out = new Map<string, NoticeHit | null>();
    for (const k of keys) out.set(idOfSearchKey(k), this.verdicts.get(idOfSearchKey(k)) ?? null);
    return out;
  }

  private titleTierOf(row: NoticeRow): 0 | 1 | 2 {
    const [title] = fieldsOf(row);
    let inTitle = 0;
    for (const p of this.q.phrases) if (title.has(p)) inTitle++;
    return inTitle === 0 ? 0 : inTitle === this.q.phrases.length ? 2 : 1;
  }

  /** Which of these notices may have a phrase in their notes (the others certainly do not). */
  private async mayHaveNotes(keys: string[]): Promise<(key: string) => boolean> {
    const last = keys.reduce((a, b) => (b > a ? b : a));
    const tests = await Promise.all(this.plans.map((p) => p.notes.covering(last)));
    return (key) => tests.some((t) => t(key));
  }

  private verify(row: NoticeRow, text: string, notes: NoteTermsRow | undefined): NoticeHit | null {
    const [title, meta, tags] = fieldsOf(row);
    const body = new Haystack(text);
    const noteTexts = notes ? Object.values(notes.notes).map((n) => new Haystack(n.text)) : [];
    const fields = new Set<MatchField>();
    let inTitle = 0;
    for (const p of this.q.phrases) {
      let found = false;
      const where: [boolean, MatchField][] = [
        [title.has(p), 'title'],
        [meta.has(p), 'metadata'],
        [tags.has(p), 'tags'],
        [noteTexts.some((n) => n.has(p)), 'notes'],
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
  /** About how many notices it proposes (exact when small; see `estimateOf`). */
  estimate: number;
  open(): KeyStream;
}

interface PhrasePlan {
  /** Notices whose title may hold the phrase. */
  title: Source;
  /** Notices that may hold the phrase anywhere (index or a note). */
  body(): Promise<Source>;
  /** Notices whose notes may hold the phrase. */
  notes: NotesLookup;
}

async function planPhrase(
  db: NoticeLensDB,
  p: QueryPhrase,
  span: LibrarySpan,
  manyCut: () => Promise<boolean>,
): Promise<PhrasePlan> {
  const title = await rarestTerm(
    db.noticeTerms,
    db,
    span,
    p.exact.map((t) => TITLE_PREFIX + t),
    p.prefixes.map((t) => TITLE_PREFIX + t),
  );
  const notes = new NotesLookup(db, span, p);
  return {
    title,
    // Sized up only when the title tiers leave the page unfilled.
    body: once(async () => {
      const useWords = (await manyCut()) && p.words.length > 0;
      const [index, words, inNotes] = await Promise.all([
        rarestTerm(db.noticeTerms, db, span, p.exact, p.prefixes),
        useWords ? rarestTerm(db.noticeTerms, db, span, p.words, []) : Promise.resolve(null),
        notes.source(),
      ]);
      return {
        estimate: index.estimate + (words ? Math.min(words.estimate, WORDS_ROUTE_BUDGET) : 0) + inNotes.estimate,
        open: () =>
          new MergeStream([
            index.open(),
            ...(words ? [new LimitedStream(words.open(), WORDS_ROUTE_BUDGET)] : []),
            inNotes.open(),
          ]),
      };
    }),
    notes,
  };
}

/**
 * Notices with a note or annotation tag holding a phrase's terms, from the notes index: as a source for the
 * body tier, and to tell which notices checked need their notes read. Both only when asked.
 */
class NotesLookup {
  readonly source = once(() => rarestTerm(this.db.noteTerms, this.db, this.span, this.p.exact, this.p.prefixes));
  /** The entries of the rarest term read so far (ascending), and whether that is all of them. */
  private read: { term: string | null; keys: string[]; all: boolean } | null = null;

  constructor(
    private readonly db: NoticeLensDB,
    private readonly span: LibrarySpan,
    private readonly p: QueryPhrase,
  ) {}

  /** A test of which notices up to key `last` may have the phrase in their notes. */
  async covering(last: string): Promise<(key: string) => boolean> {
    if (!this.read) {
      const s = await this.source();
      this.read = { term: s.term, keys: s.keys ?? s.first, all: s.keys !== null };
    }
    const r = this.read;
    // Read further into the rarest term's entries until they reach past `last` (or are all read).
    while (!r.all && r.term !== null && r.keys[r.keys.length - 1] < last && r.keys.length < NOTES_COVER) {
      const limit = Math.min(NOTES_COVER, r.keys.length * 4);
      r.keys = await this.db.noteTerms.where('terms').equals(r.term).limit(limit).primaryKeys();
      r.all = r.keys.length < limit;
    }
    if (!r.all && (r.term === null || r.keys[r.keys.length - 1] < last)) return () => true;
    const keys = new Set(r.keys);
    return (key) => keys.has(key);
  }
}

/**
 * A source, with its keys when they were all read (a small posting); else the term it walks (null for a
 * scan) and the entries read so far.
 */
type ProbedSource = Source & { keys: string[] | null; term: string | null; first: string[] };

/**
 * The term with the fewest index entries in `table` (the notices' or the notes' terms), as a source of its
 * entries newest first. Terms are probed (`probe` entries), not counted. A phrase of 1-character prefixes
 * only reads the prefix's entries when they are few and sorts them, and otherwise scans newest first (a
 * common character is in most notices anyway).
 */
async function rarestTerm(
  table: Table<{ key: string }, string>,
  db: NoticeLensDB,
  span: LibrarySpan,
  exact: string[],
  prefixes: string[],
  probe = PROBE,
): Promise<ProbedSource> {
  if (exact.length > 0) {
    const probes = await Promise.all(exact.map((t) => table.where('terms').equals(t).limit(probe).primaryKeys()));
    const estimates = await Promise.all(probes.map((keys) => estimateOf(keys, probe, span)));
    let best = 0;
    for (let i = 1; i < probes.length; i++) if (estimates[i] < estimates[best]) best = i;
    const keys = probes[best];
    if (keys.length < probe)
      return { estimate: keys.length, keys, term: null, first: keys, open: () => new ArrayStream(keys) };
    const term = exact[best];
    return {
      estimate: estimates[best],
      keys: null,
      term,
      first: keys,
      open: () => new IndexStream((n) => table.where('terms').equals(term).limit(n).primaryKeys(), keys),
    };
  }
  if (prefixes.length === 0) return { estimate: 0, keys: [], term: null, first: [], open: () => new ArrayStream([]) };
  const probes = await Promise.all(
    prefixes.map((t) => table.where('terms').startsWith(t).limit(PREFIX_PROBE).primaryKeys()),
  );
  let best = 0;
  for (let i = 1; i < probes.length; i++) if (probes[i].length < probes[best].length) best = i;
  if (probes[best].length < PREFIX_PROBE) {
    const keys = [...new Set(probes[best])].sort();
    return { estimate: keys.length, keys, term: null, first: keys, open: () => new ArrayStream(keys) };
  }
  return {
    estimate: await span.size(),
    keys: null,
    term: null,
    first: [],
    open: () => (table === db.noticeTerms ? scanAll(db) : scanTable(table)),
  };
}

/**
 * About how many entries a term has, from its first `probe` (newest first): all of them when fewer, else
 * scaled by how far back in time they reach against the whole library's span — a term in every notice
 * reaches back a few notices, a rare one most of the way.
 */
async function estimateOf(keys: string[], probe: number, span: LibrarySpan): Promise<number> {
  if (keys.length < probe) return keys.length;
  const range = await span.range();
  if (!range) return probe;
  const reach = timeOfKey(keys[keys.length - 1]) - range.newest;
  const whole = range.oldest - range.newest;
  if (whole <= 0) return (await span.size()) || probe;
  return Math.max(probe, Math.round((probe * whole) / Math.max(reach, 1)));
}

/** The time part of a search key, growing into the past (see `searchKey`). */
function timeOfKey(key: string): number {
  return parseInt(key.slice(0, 10), 36);
}

/** The newest and oldest search keys of the library and how many there are, each read once if needed. */
class LibrarySpan {
  readonly range = once(async () => {
    const [first, last] = await Promise.all([
      this.db.noticeTerms.toCollection().limit(1).primaryKeys(),
      this.db.noticeTerms.toCollection().reverse().limit(1).primaryKeys(),
    ]);
    return first.length && last.length ? { newest: timeOfKey(first[0]), oldest: timeOfKey(last[0]) } : null;
  });
  readonly size = once(() => this.db.noticeTerms.count());
  constructor(private readonly db: NoticeLensDB) {}
}

/** A function computed at most once (its promise is kept). */
function once<T>(f: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => (p ??= f());
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
  return scanTable(db.noticeTerms);
}

/** Every row of a table keyed by search key, newest first. */
function scanTable(table: Table<{ key: string }, string>): KeyStream {
  return new IndexStream((n) => table.toCollection().limit(n).primaryKeys());
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
