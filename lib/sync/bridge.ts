/**
 * The bridge between the library (Dexie, what the extension reads) and the local PouchDB database that
 * PouchDB replicates with the team server.
 *
 * - Pure mapping: a notice's rows ↔ a `notice:<id>` document; an annotation ↔ an `annotation:<id>`
 *   document carrying its creator at the top level (what the server's `validate_doc_update` checks).
 *   Deleting for good (emptying the bin) becomes a CouchDB tombstone; a deletion to the bin travels as
 *   `deletedAt` like any other edit.
 * - Push (`pushLocalChanges`): reads the change log (`change-log.ts`), maps the rows it names, and writes
 *   to PouchDB only what differs from every leaf revision there (so what came from the server is not sent
 *   back, and a conflict's losing revision is not overwritten by its own content).
 * - Pull (`pullRemoteChanges`): reads PouchDB's changes feed from a checkpoint and applies each document
 *   to the library through the repository (validated: the server's documents are untrusted). For a
 *   document in conflict every leaf is applied, and the repository keeps the newest edit (`updatedAt`).
 */

import * as v from 'valibot';
import { annotationSchema } from '../schema/annotation';
import { storedSnapshotSchema } from '../schema/notice';
import type { NoticeAnalysisRow, NoticeLensDB, NoticeRow, NoticeTextRow } from '../storage/db';
import type { NoticeSnapshot } from '../storage/records';
import type { NoticeRepository } from '../storage/repository';
import type { Annotation } from '../types';
import { withoutLogging } from './change-log';

export const NOTICE_PREFIX = 'notice:';
export const ANNOTATION_PREFIX = 'annotation:';

/** A notice as the team shares it: no per-device fields (counts, search keys, `updatedAt`). */
export interface SharedNotice extends NoticeSnapshot {
  saved: boolean;
  tags: string[];
  createdAt: number;
  deletedAt: number | null;
}

export interface NoticeDoc {
  _id: string;
  _rev?: string;
  kind: 'notice';
  notice: SharedNotice;
}

export interface AnnotationDoc {
  _id: string;
  _rev?: string;
  kind: 'annotation';
  /** The CouchDB user who made it (checked by the server). */
  creator: string;
  annotation: Annotation;
}

export interface Tombstone {
  _id: string;
  _rev?: string;
  _deleted: true;
}

export type SyncDoc = NoticeDoc | AnnotationDoc;

/** What a document means for the library. */
export type RemoteChange =
  | { kind: 'notice'; notice: SharedNotice }
  | { kind: 'annotation'; annotation: Annotation }
  | { kind: 'deleted'; table: 'notices' | 'annotations'; id: string }
  | { kind: 'invalid'; id: string; reason: string }
  /** Design documents (the server's rules): not library data. */
  | { kind: 'ignored'; id: string };

export function docId(table: 'notices' | 'annotations', id: string): string {
  return (table === 'notices' ? NOTICE_PREFIX : ANNOTATION_PREFIX) + id;
}

/* ----- Pure mapping ----- */

export function noticeToDoc(
  row: NoticeRow,
  text: NoticeTextRow | undefined,
  analysis: NoticeAnalysisRow | undefined,
): NoticeDoc {
  return {
    _id: docId('notices', row.id),
    kind: 'notice',
    notice: {
      id: row.id,
      urls: row.urls,
      metadata: row.metadata,
      site: row.site,
      text: text?.text ?? '',
      outline: analysis?.outline ?? [],
      obligations: analysis?.obligations ?? [],
      saved: row.saved === 1,
      tags: row.tags,
      createdAt: row.createdAt,
      deletedAt: row.deletedAt,
    },
  };
}

/** An annotation's document; one made before sync was set up is credited to `user`. */
export function annotationToDoc(a: Annotation & { terms?: unknown }, user: string): AnnotationDoc {
  const annotation: Annotation = {
    id: a.id,
    noticeId: a.noticeId,
    colour: a.colour,
    note: a.note,
    tags: a.tags,
    selectors: a.selectors,
    quote: a.quote,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    deletedAt: a.deletedAt,
    creator: a.creator ?? user,
  };
  return { _id: docId('annotations', a.id), kind: 'annotation', creator: annotation.creator!, annotation };
}

const deletedAtSchema = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)));

/** Read a document from PouchDB (it may come from anyone on the server): what it means, or why it is refused. */
export function docToChange(doc: Record<string, unknown>): RemoteChange {
  const id = typeof doc._id === 'string' ? doc._id : '';
  if (id.startsWith('_design/')) return { kind: 'ignored', id };
  const table = id.startsWith(NOTICE_PREFIX) ? 'notices' : id.startsWith(ANNOTATION_PREFIX) ? 'annotations' : null;
  if (!table) return { kind: 'invalid', id, reason: 'unknown document' };
  const key = id.slice(table === 'notices' ? NOTICE_PREFIX.length : ANNOTATION_PREFIX.length);
  if (doc._deleted === true) return { kind: 'deleted', table, id: key };
  if (table === 'notices') {
    const n = (doc.notice ?? null) as Record<string, unknown> | null;
    if (doc.kind !== 'notice' || !n || typeof n !== 'object') return { kind: 'invalid', id, reason: 'not a notice' };
    const rest = { ...n };
    const deletedAt = v.safeParse(deletedAtSchema, rest.deletedAt ?? null);
    delete rest.deletedAt;
    const parsed = v.safeParse(storedSnapshotSchema, rest);
    if (!parsed.success || !deletedAt.success) return { kind: 'invalid', id, reason: issueText(parsed.issues) };
    if (parsed.output.id !== key) return { kind: 'invalid', id, reason: 'id differs from the document id' };
    const createdAt = typeof n.createdAt === 'number' ? n.createdAt : 0;
    return {
      kind: 'notice',
      notice: {
        ...parsed.output,
        saved: parsed.output.saved ?? false,
        tags: parsed.output.tags ?? [],
        createdAt,
        deletedAt: deletedAt.output,
      },
    };
  }
  if (doc.kind !== 'annotation') return { kind: 'invalid', id, reason: 'not an annotation' };
  const parsed = v.safeParse(annotationSchema, doc.annotation);
  if (!parsed.success) return { kind: 'invalid', id, reason: issueText(parsed.issues) };
  if (parsed.output.id !== key) return { kind: 'invalid', id, reason: 'id differs from the document id' };
  if (parsed.output.creator !== doc.creator) return { kind: 'invalid', id, reason: 'creator differs' };
  return { kind: 'annotation', annotation: parsed.output };
}

function issueText(issues: v.BaseIssue<unknown>[] | undefined): string {
  const i = issues?.[0];
  if (!i) return 'malformed';
  const path = i.path?.map((p) => String(p.key)).join('.') ?? '';
  return `${path ? `${path}: ` : ''}${i.message}`.slice(0, 200);
}

/** The document's content without CouchDB's own fields, in a fixed key order, for comparison. */
export function contentKey(doc: object): string {
  return stableStringify(doc, true);
}

function stableStringify(value: unknown, top = false): string {
  if (Array.isArray(value)) return `[${value.map((x) => stableStringify(x)).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value)
      .filter((k) => !(top && k.startsWith('_')))
      .sort();
    const obj = value as Record<string, unknown>;
    return `{${keys
      .filter((k) => obj[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/* ----- The PouchDB side, as far as the bridge uses it ----- */

export interface PouchLike {
  allDocs(options: { keys: string[]; include_docs: true; conflicts: true }): Promise<{
    rows: Array<{
      key: string;
      error?: string;
      value?: { rev: string; deleted?: boolean };
      doc?: (Record<string, unknown> & { _rev: string; _conflicts?: string[] }) | null;
    }>;
  }>;
  get(id: string, options: { open_revs: string[] }): Promise<Array<{ ok?: Record<string, unknown> }>>;
  bulkDocs(docs: object[]): Promise<Array<{ ok?: boolean; id?: string; error?: string | boolean; reason?: string }>>;
  changes(options: { since: number | string; limit: number; include_docs: true; conflicts: true }): Promise<{
    results: Array<{ id: string; doc?: Record<string, unknown> & { _conflicts?: string[] } }>;
    last_seq: number | string;
  }>;
}

/* ----- Push: Dexie → PouchDB ----- */

export interface PushResult {
  /** Log rows read. */
  read: number;
  /** Documents written to PouchDB. */
  written: number;
}

/**
 * Send the logged changes to PouchDB, `batch` log rows at a time, until the log is empty. `user` is the
 * creator given to annotations made before sync was set up.
 */
export async function pushLocalChanges(
  db: NoticeLensDB,
  pouch: PouchLike,
  user: string,
  batch = 500,
): Promise<PushResult> {
  const out: PushResult = { read: 0, written: 0 };
  for (;;) {
    const log = await db.syncLog.orderBy(':id').limit(batch).toArray();
    if (!log.length) return out;
    out.read += log.length;
    const noticeIds = [...new Set(log.filter((r) => r.table === 'notices').map((r) => r.id))];
    const annotationIds = [...new Set(log.filter((r) => r.table === 'annotations').map((r) => r.id))];
    const [rows, texts, analyses, annotations] = await Promise.all([
      db.notices.bulkGet(noticeIds),
      db.noticeTexts.bulkGet(noticeIds),
      db.noticeAnalyses.bulkGet(noticeIds),
      db.annotations.bulkGet(annotationIds),
    ]);
    const wanted = new Map<string, SyncDoc | null>();
    noticeIds.forEach((id, i) => {
      const row = rows[i];
      wanted.set(docId('notices', id), row ? noticeToDoc(row, texts[i], analyses[i]) : null);
    });
    annotationIds.forEach((id, i) => {
      const a = annotations[i];
      wanted.set(docId('annotations', id), a ? annotationToDoc(a, user) : null);
    });
    const writes = await diffAgainstPouch(pouch, wanted);
    if (writes.length) {
      const results = await pouch.bulkDocs(writes);
      const failed = results.filter((r) => r.error);
      if (failed.length)
        throw new Error(`PouchDB refused ${failed.length} writes: ${failed[0].reason ?? failed[0].error}`);
      out.written += writes.length;
    }
    await db.syncLog.bulkDelete(log.map((r) => r.seq!));
  }
}

/** The documents to write so PouchDB holds `wanted` (null: deleted for good). */
async function diffAgainstPouch(pouch: PouchLike, wanted: Map<string, SyncDoc | null>): Promise<object[]> {
  const ids = [...wanted.keys()];
  if (!ids.length) return [];
  const { rows } = await pouch.allDocs({ keys: ids, include_docs: true, conflicts: true });
  const writes: object[] = [];
  for (const row of rows) {
    const want = wanted.get(row.key) ?? null;
    const live = row.doc && !row.value?.deleted ? row.doc : null;
    if (!want) {
      if (live) writes.push({ _id: row.key, _rev: live._rev, _deleted: true } satisfies Tombstone);
      continue;
    }
    const key = contentKey(want);
    if (live) {
      if (contentKey(live) === key) continue;
      if (live._conflicts?.length) {
        const leaves = await pouch.get(row.key, { open_revs: live._conflicts });
        if (leaves.some((l) => l.ok && !l.ok._deleted && contentKey(l.ok) === key)) continue;
      }
      writes.push({ ...want, _rev: live._rev });
    } else {
      // New, or made again after a deletion for good (a tombstone's revision is extended).
      writes.push(row.value?.rev ? { ...want, _rev: row.value.rev } : want);
    }
  }
  return writes;
}

/* ----- Pull: PouchDB → Dexie ----- */

export interface PullResult {
  applied: number;
  invalid: Array<{ id: string; reason: string }>;
  lastSeq: number | string;
  /** Annotations (their ids) seen in this pull with other versions, and those seen without: latest state each. */
  conflicts: Map<string, boolean>;
}

const PULL_CHECKPOINT = 'syncPulledSeq';
const WAITING = 'syncWaiting';
const NO_NOTICE = 'its notice is not here yet';

/**
 * Apply PouchDB's changes since the stored checkpoint to the library, `batch` at a time; the checkpoint
 * moves after each batch. `onBatch` reports progress.
 */
export async function pullRemoteChanges(
  repo: NoticeRepository,
  pouch: PouchLike,
  options: { batch?: number; onBatch?: (applied: number) => void } = {},
): Promise<PullResult> {
  const db = repo.db;
  const batch = options.batch ?? 500;
  const out: PullResult = { applied: 0, invalid: [], lastSeq: 0, conflicts: new Map() };
  let since = ((await db.meta.get(PULL_CHECKPOINT))?.value as number | string | undefined) ?? 0;
  // Annotations that came before their notice: tried again on every pull until it is here.
  const waiting = ((await db.meta.get(WAITING))?.value as string[] | undefined) ?? [];
  if (waiting.length) {
    const { rows } = await pouch.allDocs({ keys: waiting, include_docs: true, conflicts: true });
    const still: Array<{ id: string; reason: string }> = [];
    out.applied += await applyDocs(
      repo,
      pouch,
      rows.flatMap((r) => (r.doc ? [r.doc] : [])),
      still,
      false,
      {
        deferNotes: true,
        alsoWrite: () =>
          db.meta.put({ key: WAITING, value: still.filter((x) => x.reason === NO_NOTICE).map((x) => x.id) }),
      },
    );
  }
  const read = (from: number | string) => {
    const p = pouch.changes({ since: from, limit: batch, include_docs: true, conflicts: true });
    // Read ahead: a failure is met when the batch is taken, not left unhandled if the pull stops before.
    p.catch(() => undefined);
    return p;
  };
  let ahead = read(since);
  for (;;) {
    const feed = await ahead;
    out.lastSeq = feed.last_seq;
    if (!feed.results.length) {
      // Caught up: the notes written by the batches are indexed for search (and any an earlier pull left).
      await indexPendingNotes(repo);
      return out;
    }
    // The next batch is read from PouchDB's database while this one is written to the library's.
    ahead = read(feed.last_seq);
    const docs: Array<Record<string, unknown>> = [];
    for (const r of feed.results) {
      if (r.id.startsWith(ANNOTATION_PREFIX))
        out.conflicts.set(r.id.slice(ANNOTATION_PREFIX.length), !!r.doc?._conflicts?.length && !r.doc._deleted);
      if (!r.doc) continue;
      docs.push(r.doc);
      // Every leaf of a document in conflict: the repository keeps the newest edit in the view.
      if (r.doc._conflicts?.length) {
        const leaves = await pouch.get(r.id, { open_revs: r.doc._conflicts });
        for (const l of leaves) if (l.ok && !l.ok._deleted) docs.push(l.ok);
      }
    }
    const problems: Array<{ id: string; reason: string }> = [];
    const next = feed.last_seq;
    // The batch and the checkpoint past it are stored together, in one transaction.
    out.applied += await applyDocs(repo, pouch, docs, problems, false, {
      deferNotes: true,
      alsoWrite: async () => {
        const early = problems.filter((x) => x.reason === NO_NOTICE).map((x) => x.id);
        if (early.length) {
          const before = ((await db.meta.get(WAITING))?.value as string[] | undefined) ?? [];
          await db.meta.put({ key: WAITING, value: [...new Set([...before, ...early])] });
        }
        await db.meta.put({ key: PULL_CHECKPOINT, value: next });
      },
    });
    out.invalid.push(...problems.filter((x) => x.reason !== NO_NOTICE));
    since = next;
    options.onBatch?.(out.applied);
  }
}

/**
 * Build the note rows the pull's batches left to do (`NoticeRepository.rebuildPendingNotes`), a few hundred
 * notices a transaction, unlogged: the notices' counts of notes are not the team's.
 */
export async function indexPendingNotes(repo: NoticeRepository): Promise<number> {
  let done = 0;
  for (;;) {
    const n = await withoutLogging(repo.db, () => repo.rebuildPendingNotes(250, 1));
    if (!n) return done;
    done += n;
  }
}

/** Forget the pull checkpoint (a new server or database: everything is read again). */
export async function resetPullCheckpoint(db: NoticeLensDB): Promise<void> {
  await db.meta.bulkDelete([PULL_CHECKPOINT, WAITING, CONFLICTED]);
}

const CONFLICTED = 'syncConflicted';

/** The annotations (ids) known to have other versions, as the pulls so far left them. */
export async function conflictedAnnotations(db: NoticeLensDB): Promise<string[]> {
  const value = (await db.meta.get(CONFLICTED))?.value;
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
}

/** Fold a pull's findings into the stored list; the new list, or null when nothing changed. */
export async function recordConflicts(db: NoticeLensDB, seen: Map<string, boolean>): Promise<string[] | null> {
  if (!seen.size) return null;
  const before = await conflictedAnnotations(db);
  const next = new Set(before);
  for (const [id, conflicted] of seen) {
    if (conflicted) next.add(id);
    else next.delete(id);
  }
  if (next.size === before.length && before.every((id) => next.has(id))) return null;
  const list = [...next];
  await db.meta.put({ key: CONFLICTED, value: list });
  return list;
}

/** What `applyDocs` does besides applying the documents. */
export interface ApplyOptions {
  /** Log the writes for the push (a version put back as a new edit); by default they are PouchDB's already. */
  log?: boolean;
  /**
   * Leave the note rows of the notices whose annotations are written to `NoticeRepository.rebuildPendingNotes`
   * (a pull's batches: each notice's row is then built once, not rewritten by every batch).
   */
  deferNotes?: boolean;
  /** More writes of the same transaction (the pull's checkpoint), after the documents'. */
  alsoWrite?: () => Promise<unknown>;
}

/**
 * Apply documents to the library in one transaction: notices first, then annotations (whose notices must be
 * there: one missing from the library and from the documents is read from PouchDB first), then deletions.
 * Every read of PouchDB comes before the transaction (IndexedDB commits a transaction left waiting on
 * anything else). `log` (or `options.log`): see `ApplyOptions`.
 */
export async function applyDocs(
  repo: NoticeRepository,
  pouch: PouchLike | null,
  docs: Array<Record<string, unknown>>,
  invalid: Array<{ id: string; reason: string }> = [],
  log = false,
  options: ApplyOptions = {},
): Promise<number> {
  const notices: SharedNotice[] = [];
  const annotations: Annotation[] = [];
  const deleted: Array<{ table: 'notices' | 'annotations'; id: string }> = [];
  for (const c of docs.map(docToChange)) {
    if (c.kind === 'notice') notices.push(c.notice);
    else if (c.kind === 'annotation') annotations.push(c.annotation);
    else if (c.kind === 'deleted') deleted.push(c);
    else if (c.kind === 'invalid') invalid.push({ id: c.id, reason: c.reason });
  }
  // Annotations whose notice is neither among the documents nor in the library: its document is fetched.
  const have = new Set(notices.map((n) => n.id));
  const others = [...new Set(annotations.map((a) => a.noticeId))].filter((id) => !have.has(id));
  const stored = others.length ? await repo.db.notices.bulkGet(others) : [];
  others.forEach((id, i) => stored[i] && have.add(id));
  const missing = others.filter((id) => !have.has(id));
  if (missing.length && pouch) {
    const { rows } = await pouch.allDocs({
      keys: missing.map((id) => docId('notices', id)),
      include_docs: true,
      conflicts: true,
    });
    for (const r of rows) {
      const c = r.doc ? docToChange(r.doc) : null;
      if (c?.kind === 'notice') {
        notices.push(c.notice);
        have.add(c.notice.id);
      }
    }
  }
  const ready = annotations.filter((a) => have.has(a.noticeId));
  for (const a of annotations)
    if (!have.has(a.noticeId)) invalid.push({ id: docId('annotations', a.id), reason: NO_NOTICE });
  const db = repo.db;
  const write = (fn: () => Promise<number>): Promise<number> =>
    log || options.log ? db.transaction('rw', db.tables, fn) : withoutLogging(db, fn);
  // Each step as a transaction nested in the batch's: awaiting an async function's own promise can leave
  // Dexie's transaction zone, a nested transaction's promise brings it back.
  const step = <T>(fn: () => Promise<T>): Promise<T> => db.transaction('rw', db.tables, fn);
  return write(async () => {
    let applied = await step(() => applyNotices(repo, notices));
    if (ready.length)
      applied += (await step(() => repo.putAnnotations(ready, { deferNotes: options.deferNotes }))).applied;
    const gone = deleted.filter((d) => d.table === 'annotations').map((d) => d.id);
    const live = gone.length ? await db.annotations.bulkGet(gone) : [];
    for (const a of live) {
      if (a && a.deletedAt === null) {
        await step(() => repo.deleteAnnotation(a.id));
        applied++;
      }
    }
    const goneNotices = deleted.filter((d) => d.table === 'notices').map((d) => d.id);
    for (let i = 0; i < goneNotices.length; i += 100)
      applied += await step(() => repo.deleteNotices(goneNotices.slice(i, i + 100)));
    if (options.alsoWrite) await step(options.alsoWrite);
    return applied;
  });
}

/** Store the notices that differ from the library's (inside the caller's transaction). */
async function applyNotices(repo: NoticeRepository, notices: SharedNotice[]): Promise<number> {
  if (!notices.length) return 0;
  const stored = await repo.db.notices.bulkGet(notices.map((n) => n.id));
  const changed = notices.filter((n, i) => {
    const row = stored[i];
    if (!row) return true;
    const text = row.textLength;
    // Only what the team shares: a notice seen again with the same content writes nothing.
    return (
      row.saved !== (n.saved ? 1 : 0) ||
      JSON.stringify(row.tags) !== JSON.stringify(n.tags) ||
      JSON.stringify(row.metadata) !== JSON.stringify(n.metadata) ||
      n.urls.some((u) => !row.urls.includes(u)) ||
      text !== n.text.length ||
      (row.deletedAt === null) !== (n.deletedAt === null)
    );
  });
  if (!changed.length) return 0;
  const snapshots = changed.map((n) => {
    const s: NoticeSnapshot & { deletedAt?: unknown; createdAt?: unknown } = { ...n };
    delete s.deletedAt;
    delete s.createdAt;
    return s;
  });
  const step = <T>(fn: () => Promise<T>): Promise<T> => repo.db.transaction('rw', repo.db.tables, fn);
  await step(() => repo.upsertNotices(snapshots));
  const toDelete = changed.filter((n) => n.deletedAt !== null).map((n) => n.id);
  for (let i = 0; i < toDelete.length; i += 100) await step(() => repo.deleteNotices(toDelete.slice(i, i + 100)));
  return changed.length;
}
