/** A library with team sync as the background runs it, in Node: Dexie on fake-indexeddb, PouchDB in memory. */
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import { readFileSync } from 'node:fs';
import { installChangeLog } from '../../lib/sync/change-log';
import { catalogueTranslator } from '../../lib/sync/messages';
import type { PouchStatic } from '../../lib/sync/pouch-types';
import { SyncEngine, type SyncSettings, type SyncStatus } from '../../lib/sync/engine';
import { NoticeRepository } from '../../lib/storage/repository';
import { freshDb, uniqueName } from '../storage/fixtures';

// Untyped imports (lib/sync/pouchdb-modules.d.ts): lib/sync/pouch-types.ts says what is used of them.
export const Pouch = (PouchDB as PouchStatic).plugin(memoryAdapter).plugin(httpAdapter).plugin(replication);

/**
 * When a connection is cut mid-request (the tests' proxy going down), PouchDB's HTTP adapter leaves that
 * request's rejection unhandled while the replication retries on its own: only that rejection is let go.
 */
process.on('unhandledRejection', (e: unknown) => {
  const err = e as { type?: string; code?: string; message?: string } | null;
  if (err?.code === 'ECONNRESET' || err?.code === 'ECONNREFUSED' || /socket hang up/.test(err?.message ?? '')) return;
  throw e;
});

/** The Chinese catalogue, looked up as the extension's background does with browser.i18n. */
export const zhCN = catalogueTranslator(
  JSON.parse(readFileSync(new URL('../../public/_locales/zh_CN/messages.json', import.meta.url), 'utf8')) as Parameters<
    typeof catalogueTranslator
  >[0],
);

export interface Profile {
  repo: NoticeRepository;
  engine: SyncEngine;
  statuses: SyncStatus[];
  /** The notes with other versions, as the engine last reported them (what the page's panel marks). */
  conflicted: string[];
  close(): Promise<void>;
}

export function profile(name: string, now?: () => number): Profile {
  const db = freshDb(uniqueName(name));
  const statuses: SyncStatus[] = [];
  const out = { conflicted: [] as string[] };
  let engine: SyncEngine | null = null;
  installChangeLog(db, () => engine?.notifyLocalChange());
  const repo = new NoticeRepository(db, now ? { now } : {});
  engine = new SyncEngine({
    repo,
    PouchDB: Pouch,
    localPrefix: `${uniqueName(name)}-`,
    onStatus: (s) => statuses.push(s),
    onConflicts: (ids) => (out.conflicted = ids),
    pushDelay: 20,
    t: zhCN,
    ...(now ? { now } : {}),
  });
  const e = engine;
  return {
    repo,
    engine: e,
    statuses,
    get conflicted() {
      return out.conflicted;
    },
    async close() {
      await e.stop();
      db.close();
    },
  };
}

export function settings(url: string, username: string, password: string, database = 'team'): SyncSettings {
  return { url, database, username, password, enabled: true };
}

/** Poll until `check` holds (what the analyst would wait for), or fail with what was last seen. */
export async function until<T>(
  what: string,
  read: () => Promise<T> | T,
  check: (v: T) => boolean,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T;
  for (;;) {
    last = await read();
    if (check(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
