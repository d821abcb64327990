/**
 * The part of PouchDB's API that team sync uses, typed here. The community typings of PouchDB declare a global
 * `Buffer` that clashes with Node's, so the project does not install them; the packages are imported untyped
 * (lib/sync/pouchdb-modules.d.ts) and given these types where they are used.
 */
import type { PouchLike } from './bridge';

export interface PouchInfo {
  doc_count: number;
  update_seq: number | string;
}

export interface PouchDoc extends Record<string, unknown> {
  _id: string;
  _rev: string;
  _conflicts?: string[];
}

/** One direction of a replication, or the pair from `sync` (which also has `push` and `pull`). */
export interface PouchReplication {
  on(event: 'change', listener: (info: { last_seq: number | string; docs_written: number }) => void): this;
  on(event: 'active', listener: () => void): this;
  on(event: 'paused', listener: (err?: unknown) => void): this;
  on(event: 'denied' | 'error', listener: (err: unknown) => void): this;
  cancel(): void;
}

export interface PouchSync extends PouchReplication {
  push: PouchReplication;
  pull: PouchReplication;
}

export interface PouchChangesFeed {
  on(event: 'change', listener: () => void): this;
  on(event: 'error', listener: (err: unknown) => void): this;
  cancel(): void;
}

export interface PouchDatabase extends PouchLike {
  info(): Promise<PouchInfo>;
  get(id: string, options: { open_revs: string[] }): Promise<Array<{ ok?: Record<string, unknown> }>>;
  get(id: string, options?: { conflicts?: boolean; rev?: string }): Promise<PouchDoc>;
  put(doc: object): Promise<{ ok: boolean; id: string; rev: string }>;
  changes(options: { live: true; since: number | string }): PouchChangesFeed;
  changes(options: Parameters<PouchLike['changes']>[0]): ReturnType<PouchLike['changes']>;
  close(): Promise<void>;
}

export interface PouchStatic {
  new (name: string, options?: Record<string, unknown>): PouchDatabase;
  sync(local: PouchDatabase, remote: PouchDatabase, options: Record<string, unknown>): PouchSync;
  plugin(plugin: unknown): PouchStatic;
}
