/**
 * Team sync in the background: PouchDB replicates a local database with the team's CouchDB (continuous,
 * resumable from PouchDB's checkpoints, retried with back-off while the server is away), and the bridge
 * moves changes between that database and the library. The library (Dexie) stays what the extension reads.
 *
 * Browser-free: the PouchDB constructor, the change-log notifications and the clock are passed in, so the
 * same code runs in the service worker, in Node tests and in the benchmark.
 */

import type { NoticeRepository } from '../storage/repository';
import {
  applyDocs,
  conflictedAnnotations,
  docId,
  indexPendingNotes,
  pullRemoteChanges,
  pushLocalChanges,
  recordConflicts,
  resetPullCheckpoint,
} from './bridge';
import { remoteUrl } from './urls';
import { DESIGN_DOC_ID, DESIGN_DOC_VERSION, designDoc } from './design-doc';
import { describeError, describeRefusal, keyOnly, type SyncTranslate } from './messages';
import type { SyncSettings, SyncStatus, ConflictInfo, ConnectionReport } from '../schema/sync';
import type { PouchChangesFeed, PouchDatabase, PouchReplication, PouchStatic, PouchSync } from './pouch-types';

export type { SyncSettings, SyncStatus, ConflictInfo, ConnectionReport } from '../schema/sync';

export type { PouchStatic } from './pouch-types';
type Db = PouchDatabase;

/** Delay before the next attempt after the server was unreachable: 1 s doubling to 60 s. */
export function backOff(delay: number): number {
  return delay === 0 ? 1000 : Math.min(delay * 2, 60_000);
}

export { originPattern, remoteUrl } from './urls';

function target(s: SyncSettings): string {
  return `${s.url.replace(/\/+$/, '')}|${s.database}`;
}

/** One local PouchDB database per server and database. */
function localName(s: SyncSettings): string {
  let h = 0;
  for (const c of target(s)) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return `notice-lens-sync-${(h >>> 0).toString(36)}`;
}

function remoteDb(P: PouchStatic, s: Pick<SyncSettings, 'url' | 'database' | 'username' | 'password'>): Db {
  return new P(remoteUrl(s), { skip_setup: true, auth: { username: s.username, password: s.password } });
}

function reasonOf(e: unknown): string {
  const err = e as { reason?: unknown; message?: unknown; status?: unknown; name?: unknown } | null;
  const text = String(err?.reason ?? err?.message ?? err?.name ?? e);
  return (typeof err?.status === 'number' ? `${err.status} ${text}` : text).slice(0, 300);
}

export interface EngineOptions {
  repo: NoticeRepository;
  PouchDB: PouchStatic;
  /** Called whenever the status changes. */
  onStatus?: (s: SyncStatus) => void;
  now?: () => number;
  /** Delay before sending logged changes to PouchDB (ms). */
  pushDelay?: number;
  /** Put before the local database's name (several profiles in one process: tests, benchmark). */
  localPrefix?: string;
  /** The message catalogue every reason shown is looked up in (browser.i18n in the extension). */
  t?: SyncTranslate;
  /** The annotations (ids) with other versions to choose from, whenever that list changes (empty: sync off). */
  onConflicts?: (annotationIds: string[]) => void;
}

export class SyncEngine {
  private settings: SyncSettings | null = null;
  private local: Db | null = null;
  private remote: Db | null = null;
  private replication: PouchSync | null = null;
  private feed: PouchChangesFeed | null = null;
  private pushTimer: ReturnType<typeof setTimeout> | null = null;
  private sweep: ReturnType<typeof setInterval> | null = null;
  private pushing: Promise<void> | null = null;
  private pushAgain = false;
  private pulling: Promise<void> | null = null;
  private pullAgain = false;
  private pushedSeq = 0;
  private generation = 0;
  private readonly now: () => number;
  private readonly t: SyncTranslate;
  private state: SyncStatus = {
    state: 'off',
    pending: 0,
    reason: null,
    progress: null,
    user: null,
    lastSyncedAt: null,
    denied: [],
  };

  constructor(private readonly options: EngineOptions) {
    this.now = options.now ?? Date.now;
    this.t = options.t ?? keyOnly;
  }

  get user(): string | null {
    return this.settings?.enabled ? this.settings.username : null;
  }

  status(): SyncStatus {
    return { ...this.state, denied: [...this.state.denied] };
  }

  /** Stop what runs and start again with these settings (null or disabled: sync off, nothing changes). */
  async configure(settings: SyncSettings | null): Promise<void> {
    const wasOn = this.settings !== null;
    await this.stop();
    const gen = ++this.generation;
    if (!settings?.enabled || !settings.url || !settings.database) {
      this.settings = null;
      // Nothing is sent anywhere: the change log is not kept. A worker starting with sync off leaves the
      // database closed (nothing was logged while off); it is cleared when sync was on or the library is open.
      if (wasOn || this.options.repo.db.isOpen()) {
        await this.options.repo.db.syncLog.clear();
        // Notes a stopped first sync left out of the search index are indexed now.
        await indexPendingNotes(this.options.repo);
      }
      this.options.onConflicts?.([]);
      this.set({ state: 'off', pending: 0, reason: null, progress: null, user: null, denied: [] });
      return;
    }
    this.settings = settings;
    const P = this.options.PouchDB;
    this.local = new P((this.options.localPrefix ?? '') + localName(settings), { auto_compaction: true });
    this.remote = remoteDb(P, settings);
    this.set({ state: 'syncing', user: settings.username, reason: null, denied: [] });
    const db = this.options.repo.db;
    const meta = await db.meta.get('syncTarget');
    if (meta?.value !== target(settings)) {
      // Another server or database: everything is read and sent again.
      await resetPullCheckpoint(db);
      await enqueueWholeLibrary(this.options.repo);
      await db.meta.put({ key: 'syncTarget', value: target(settings) });
    }
    if (gen !== this.generation) return;
    this.options.onConflicts?.(await conflictedAnnotations(db));
    this.pushedSeq = Number((await db.meta.get('syncPushedSeq'))?.value ?? 0);
    this.feed = this.local.changes({ live: true, since: 'now' }).on('change', () => this.schedulePull());
    void this.feed.on('error', () => undefined);
    this.startReplication(gen);
    this.schedulePush(0);
    // A change logged by a transaction still open when it was announced is sent on the next sweep.
    this.sweep = setInterval(() => this.schedulePush(0), 3000);
    this.schedulePull();
  }

  async stop(): Promise<void> {
    this.generation++;
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.pushTimer = null;
    if (this.sweep) clearInterval(this.sweep);
    this.sweep = null;
    this.replication?.cancel();
    this.feed?.cancel();
    this.replication = null;
    this.feed = null;
    await Promise.allSettled([this.pushing, this.pulling]);
    const [local, remote] = [this.local, this.remote];
    this.local = this.remote = null;
    await Promise.allSettled([local?.close(), remote?.close()]);
  }

  /** The library changed (the change log has rows): send them soon. */
  notifyLocalChange(): void {
    if (this.settings) this.schedulePush(this.options.pushDelay ?? 150);
  }

  /** Wait until what is logged is in PouchDB and what PouchDB has is in the library (tests, benchmark). */
  async settle(): Promise<void> {
    for (let i = 0; i < 50; i++) {
      await Promise.allSettled([this.pushing, this.pulling]);
      if (!this.pushing && !this.pulling && (await this.options.repo.db.syncLog.count()) === 0) return;
      if (!this.pushing) this.schedulePush(0);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private set(patch: Partial<SyncStatus>): void {
    this.state = { ...this.state, ...patch };
    this.options.onStatus?.(this.status());
  }

  private startReplication(gen: number): void {
    const P = this.options.PouchDB;
    const local = this.local!;
    const remote = this.remote!;
    let firstPull = this.state.lastSyncedAt === null;
    void remote.info().then(
      (info) => {
        if (gen === this.generation && firstPull && info.doc_count > 0)
          this.set({ progress: { done: 0, total: info.doc_count } });
      },
      () => undefined,
    );
    const rep = P.sync(local, remote, {
      live: true,
      retry: true,
      back_off_function: backOff,
      batch_size: 500,
      batches_limit: 4,
    });
    this.replication = rep;
    // Each direction on its own: the pair reports "paused" only when both are, and never why one is stuck.
    const stuck: Record<'push' | 'pull', string | null> = { push: null, pull: null };
    const idle: Record<'push' | 'pull', boolean> = { push: false, pull: false };
    const watch = (direction: 'push' | 'pull', r: PouchReplication) => {
      void r.on('change', (info) => {
        if (gen !== this.generation) return;
        if (direction === 'push') this.pushedSeq = Number(info.last_seq) || this.pushedSeq;
        if (direction === 'pull' && this.state.progress) {
          const done = Math.min(this.state.progress.total, this.state.progress.done + info.docs_written);
          this.set({ progress: { ...this.state.progress, done } });
        }
        void this.refreshPending();
      });
      void r.on('active', () => {
        if (gen !== this.generation) return;
        idle[direction] = false;
        if (this.state.state !== 'offline' && this.state.state !== 'error') this.set({ state: 'syncing' });
      });
      void r.on('paused', (err) => {
        if (gen !== this.generation) return;
        stuck[direction] = err ? describeError(this.t, err, this.settings?.database) : null;
        idle[direction] = !err;
        if (err) {
          this.set({ state: 'offline', reason: stuck[direction] });
          return;
        }
        if (!idle.push || !idle.pull) return;
        firstPull = false;
        void local.info().then(async (info) => {
          if (gen !== this.generation || !idle.push || !idle.pull) return;
          if (this.state.state === 'offline' || (this.state.state === 'error' && !this.state.denied.length))
            this.set({ state: 'synced', reason: null });
          else if (this.state.state === 'syncing') this.set({ state: 'synced' });
          this.pushedSeq = Math.max(this.pushedSeq, Number(info.update_seq) || 0);
          await this.options.repo.db.meta.put({ key: 'syncPushedSeq', value: this.pushedSeq });
          this.set({ lastSyncedAt: this.now(), progress: null });
          await this.refreshPending();
        });
      });
      void r.on('denied', (err) => {
        if (gen !== this.generation) return;
        const e = err as {
          id?: string;
          reason?: string;
          message?: string;
          doc?: { id?: string; reason?: string; message?: string };
        };
        const id = String(e.id ?? e.doc?.id ?? '');
        const why = describeRefusal(
          this.t,
          String(e.reason ?? e.message ?? e.doc?.reason ?? e.doc?.message ?? 'forbidden'),
        );
        this.set({
          state: 'error',
          reason: this.t('syncRefused', why),
          denied: [...this.state.denied, { id, reason: why }].slice(-20),
        });
        void this.revertDenied(id, gen);
      });
      void r.on('error', (err) => {
        if (gen === this.generation)
          this.set({ state: 'error', reason: describeError(this.t, err, this.settings?.database) });
      });
    };
    const pair = rep as unknown as Record<'push' | 'pull', PouchReplication>;
    watch('push', pair.push);
    watch('pull', pair.pull);
  }

  private async refreshPending(): Promise<void> {
    if (!this.local) return;
    const [logged, info] = await Promise.all([this.options.repo.db.syncLog.count(), this.local.info()]);
    const pending = logged + Math.max(0, Number(info.update_seq) - this.pushedSeq);
    const s = this.state.state;
    // Offline, in error or at work: that says more than the count, which is shown with it.
    const state = s === 'synced' || s === 'pending' ? (pending > 0 ? 'pending' : 'synced') : s;
    this.set({ pending, state });
  }

  /**
   * The server refused a revision (someone else's note): put the server's version back in the library,
   * as a newer edit, so the view shows what the team sees; the server takes it since nothing but the time
   * differs (see design-doc.ts).
   */
  private async revertDenied(id: string, gen: number): Promise<void> {
    if (!id.startsWith('annotation:') || !this.remote) return;
    try {
      const server = (await this.remote.get(id)) as unknown as Record<string, unknown>;
      if (gen !== this.generation) return;
      const a = server.annotation as { updatedAt: number; id: string } | undefined;
      if (!a) return;
      const mine = await this.options.repo.getAnnotation(a.id);
      const updatedAt = Math.max(a.updatedAt, mine?.updatedAt ?? 0) + 1;
      await applyDocs(this.options.repo, this.local, [{ ...server, annotation: { ...a, updatedAt } }], [], true);
    } catch {
      // Not on the server at all (a new note credited to someone else): left as it is, reported.
    }
  }

  private schedulePush(delay: number): void {
    if (this.pushTimer) return;
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      void this.push();
    }, delay);
  }

  private async push(): Promise<void> {
    if (this.pushing) {
      this.pushAgain = true;
      return;
    }
    const local = this.local;
    const user = this.settings?.username;
    if (!local || !user) return;
    this.pushAgain = false;
    this.pushing = (async () => {
      try {
        await pushLocalChanges(this.options.repo.db, local, user);
        await this.refreshPending();
      } catch (e) {
        this.set({ state: 'error', reason: this.t('syncLocalWriteFailed', reasonOf(e)) });
      }
    })();
    await this.pushing;
    this.pushing = null;
    if (this.pushAgain) void this.push();
  }

  private schedulePull(): void {
    if (this.pulling) {
      this.pullAgain = true;
      return;
    }
    const local = this.local;
    if (!local) return;
    this.pullAgain = false;
    this.pulling = (async () => {
      try {
        const r = await pullRemoteChanges(this.options.repo, local);
        const conflicted = await recordConflicts(this.options.repo.db, r.conflicts);
        if (conflicted) this.options.onConflicts?.(conflicted);
        if (r.invalid.length)
          this.set({
            state: 'error',
            reason: this.t('syncUnreadable', r.invalid.length, `${r.invalid[0].id} ${r.invalid[0].reason}`),
          });
      } catch (e) {
        this.set({ state: 'error', reason: this.t('syncLibraryWriteFailed', reasonOf(e)) });
      }
    })();
    void this.pulling.then(() => {
      this.pulling = null;
      if (this.pullAgain) this.schedulePull();
    });
  }

  /** The annotations of a notice that have other versions (CouchDB conflicts), each version with its content. */
  async conflicts(noticeId: string): Promise<ConflictInfo[]> {
    const local = this.local;
    if (!local) return [];
    const annotations = await this.options.repo.listAnnotations(noticeId, { includeDeleted: true });
    if (!annotations.length) return [];
    const shown = new Map(annotations.map((a) => [a.id, a.updatedAt]));
    const { rows } = await local.allDocs({
      keys: annotations.map((a) => docId('annotations', a.id)),
      include_docs: true,
      conflicts: true,
    });
    const out: ConflictInfo[] = [];
    for (const row of rows) {
      const doc =
        'doc' in row ? (row.doc as (Record<string, unknown> & { _rev: string; _conflicts?: string[] }) | null) : null;
      if (!doc?._conflicts?.length) continue;
      const leaves = await local.get(row.key, { open_revs: [doc._rev, ...doc._conflicts] });
      const versions: ConflictInfo['versions'] = [];
      for (const l of leaves) {
        if (!('ok' in l)) continue;
        const d = l.ok as unknown as { _rev: string; _deleted?: boolean; annotation?: Record<string, unknown> };
        const a = (d.annotation ?? {}) as {
          note?: string;
          colour?: string;
          tags?: string[];
          updatedAt?: number;
          creator?: string;
          deletedAt?: number | null;
        };
        versions.push({
          rev: d._rev,
          note: a.note ?? '',
          colour: a.colour ?? '',
          tags: a.tags ?? [],
          updatedAt: a.updatedAt ?? 0,
          creator: a.creator ?? '',
          deleted: !!d._deleted || (a.deletedAt ?? null) !== null,
          shown: false,
        });
      }
      const id = row.key.slice('annotation:'.length);
      const current = versions.find((x) => x.updatedAt === shown.get(id));
      const newest = versions.reduce((m, x) => (x.updatedAt > m.updatedAt ? x : m), versions[0]);
      (current ?? newest).shown = true;
      versions.sort((x, y) => y.updatedAt - x.updatedAt);
      out.push({ annotationId: id, versions });
    }
    return out;
  }

  /** Keep one version of an annotation in conflict: it becomes the current one, the other revisions are deleted. */
  async resolve(annotationId: string, keepRev: string): Promise<void> {
    const local = this.local;
    if (!local) throw new Error('sync is off');
    const id = docId('annotations', annotationId);
    const doc = (await local.get(id, { conflicts: true })) as unknown as { _rev: string; _conflicts?: string[] };
    const leaves = [doc._rev, ...(doc._conflicts ?? [])];
    if (!leaves.includes(keepRev)) throw new Error('no such version');
    const kept = (await local.get(id, { rev: keepRev })) as unknown as { annotation: { updatedAt: number } } & Record<
      string,
      unknown
    >;
    const writes: object[] = [
      {
        ...kept,
        _rev: doc._rev,
        annotation: { ...kept.annotation, updatedAt: Math.max(this.now(), kept.annotation.updatedAt + 1) },
      },
      ...leaves.filter((r) => r !== doc._rev).map((r) => ({ _id: id, _rev: r, _deleted: true })),
    ];
    const results = await local.bulkDocs(writes);
    const failed = results.find((r) => 'error' in r && r.error);
    if (failed) throw new Error(reasonOf(failed));
    // The library shows the kept version when this returns.
    this.schedulePull();
    while (this.pulling) await this.pulling;
  }
}

/** Log every notice and annotation, so the next push sends the whole library. */
export async function enqueueWholeLibrary(repo: NoticeRepository): Promise<void> {
  const db = repo.db;
  const [notices, annotations] = await Promise.all([
    db.notices.toCollection().primaryKeys(),
    db.annotations.toCollection().primaryKeys(),
  ]);
  const rows = [
    ...notices.map((id) => ({ table: 'notices' as const, id })),
    ...annotations.map((id) => ({ table: 'annotations' as const, id })),
  ];
  for (let i = 0; i < rows.length; i += 5000) await db.syncLog.bulkAdd(rows.slice(i, i + 5000));
}

/**
 * Reach the server with these settings: who we are to it, the database, whether the design document is there.
 * Every outcome is told in words from the catalogue: unreachable, 401, not CouchDB, 404 database, connected.
 */
export async function testConnection(
  P: PouchStatic,
  s: Pick<SyncSettings, 'url' | 'database' | 'username' | 'password'>,
  t: SyncTranslate = keyOnly,
  fetchImpl: typeof fetch = fetch,
): Promise<ConnectionReport> {
  const fail = (message: string, user: string | null = null): ConnectionReport => ({
    ok: false,
    message,
    user,
    docCount: null,
    designDoc: null,
  });
  let user: string | null = null;
  try {
    const r = await fetchImpl(`${s.url.replace(/\/+$/, '')}/_session`, {
      headers: {
        Authorization: `Basic ${btoa(unescape(encodeURIComponent(`${s.username}:${s.password}`)))}`,
        Accept: 'application/json',
      },
    });
    if (r.status === 401) return fail(t('syncErrUnauthorized'));
    type Session = { userCtx?: { name?: string | null } | null };
    const body = (await r.json().catch(() => null)) as Session | null;
    // CouchDB answers /_session with a user context; anything else there is some other server.
    if (!r.ok || !body || typeof body.userCtx !== 'object' || body.userCtx === null) return fail(t('syncErrNotCouch'));
    user = body.userCtx.name ?? null;
  } catch (e) {
    return fail(t('syncErrUnreachable', reasonOf(e)));
  }
  if (!user) return fail(t('syncErrUserUnknown'));
  const remote = remoteDb(P, s);
  try {
    const info = await remote.info();
    // A database that is not there answers with an error body rather than a failure.
    if (typeof info.doc_count !== 'number') throw Object.assign(new Error('not_found'), { status: 404 });
    let version: number | null = null;
    try {
      const d = (await remote.get(DESIGN_DOC_ID)) as unknown as { noticeLensVersion?: number };
      version = d.noticeLensVersion ?? 0;
    } catch {
      version = null;
    }
    const design =
      version === null ? t('syncDesignMissing') : version < DESIGN_DOC_VERSION ? t('syncDesignOld') : t('syncDesignOk');
    return {
      ok: true,
      message: t('syncConnected', user, s.database, info.doc_count.toLocaleString('zh-CN'), design),
      user,
      docCount: info.doc_count,
      designDoc: version,
    };
  } catch (e) {
    return fail(describeError(t, e, s.database), user);
  } finally {
    void remote.close();
  }
}

/** Install (or update) the design document; needs a database admin's account. */
export async function installDesignDoc(
  P: PouchStatic,
  s: Pick<SyncSettings, 'url' | 'database' | 'username' | 'password'>,
  t: SyncTranslate = keyOnly,
): Promise<{ ok: boolean; message: string }> {
  const remote = remoteDb(P, s);
  try {
    let rev: string | undefined;
    try {
      rev = (await remote.get(DESIGN_DOC_ID))._rev;
    } catch {
      rev = undefined;
    }
    await remote.put({ ...designDoc(), ...(rev ? { _rev: rev } : {}) });
    return { ok: true, message: t('syncInstalled') };
  } catch (e) {
    const status = (e as { status?: number }).status;
    return {
      ok: false,
      message:
        status === 401 || status === 403
          ? t('syncInstallNeedsAdmin')
          : t('syncInstallFailed', describeError(t, e, s.database)),
    };
  } finally {
    void remote.close();
  }
}
