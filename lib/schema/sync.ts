/**
 * Team sync: the settings kept in extension storage and the requests extension pages (settings page,
 * popup, library) send the background about sync. Pages and content scripts never send these.
 */

import * as v from 'valibot';
import { annotationId, bool, noticeId, record, text } from './fields';

const serverUrl = v.pipe(
  text(2000),
  v.check((s) => /^https?:\/\/[^/\s]+/i.test(s), 'must be an http(s) address'),
);
/** CouchDB's rule for database names. */
const database = v.pipe(text(238), v.regex(/^[a-z][a-z0-9_$()+/-]*$/, 'lower-case letters, digits and _$()+-/ only'));
const userName = v.pipe(text(200), v.minLength(1, 'empty'));
const password = text(1000);

export const syncSettingsSchema = record({
  url: serverUrl,
  database,
  username: userName,
  password,
  enabled: bool,
});

/** The settings as the settings page sees them: the password never leaves the background. */
export const syncSettingsViewSchema = record({
  url: v.string(),
  database: v.string(),
  username: v.string(),
  hasPassword: bool,
  enabled: bool,
});

/** A connection to check: the stored password is used when `password` is left out. */
const connectionSchema = record({ url: serverUrl, database, username: userName, password: v.optional(password) });

export const SYNC_REQUEST_SCHEMAS = {
  'sync/status': record({}),
  'sync/get-settings': record({}),
  /** Without `password`, the stored one is kept. */
  'sync/save-settings': record({
    url: serverUrl,
    database,
    username: userName,
    password: v.optional(password),
    enabled: bool,
  }),
  'sync/test': connectionSchema,
  'sync/install-design': connectionSchema,
  'sync/conflicts': record({ noticeId }),
  'sync/resolve': record({ annotationId, rev: v.pipe(text(200), v.regex(/^\d+-[0-9a-f]+$/, 'not a revision')) }),
} as const;

export type SyncRequestType = keyof typeof SYNC_REQUEST_SCHEMAS;
export const SYNC_REQUEST_TYPES = Object.keys(SYNC_REQUEST_SCHEMAS) as SyncRequestType[];

export type SyncRequestOf<T extends SyncRequestType> = { type: T } & v.InferOutput<(typeof SYNC_REQUEST_SCHEMAS)[T]>;
export type SyncRequest = { [T in SyncRequestType]: SyncRequestOf<T> }[SyncRequestType];

export function isSyncRequestType(type: unknown): type is SyncRequestType {
  return typeof type === 'string' && Object.hasOwn(SYNC_REQUEST_SCHEMAS, type);
}

/** Check a raw message as one of the sync requests. */
export function parseSyncRequest(raw: unknown): { ok: true; request: SyncRequest } | { ok: false; error: string } {
  const type = (raw as { type?: unknown } | null)?.type;
  if (!isSyncRequestType(type)) return { ok: false, error: 'not a sync request' };
  const rest = { ...(raw as Record<string, unknown>) };
  delete rest.type;
  const parsed = v.safeParse(SYNC_REQUEST_SCHEMAS[type], rest);
  if (!parsed.success) {
    const i = parsed.issues[0];
    const path = i.path?.map((p) => String(p.key)).join('.');
    return { ok: false, error: `${type}: ${path ? `${path}: ` : ''}${i.message}` };
  }
  return { ok: true, request: { type, ...parsed.output } as SyncRequest };
}

export type SyncSettings = v.InferOutput<typeof syncSettingsSchema>;
export type SyncSettingsView = v.InferOutput<typeof syncSettingsViewSchema>;

export type SyncState = 'off' | 'syncing' | 'synced' | 'pending' | 'offline' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** Changes made here not yet on the server. */
  pending: number;
  /** Why offline or in error. */
  reason: string | null;
  /** First sync of a library: documents received of those on the server. */
  progress: { done: number; total: number } | null;
  /** The user the server knows us as (the creator of our notes). */
  user: string | null;
  lastSyncedAt: number | null;
  /** Writes the server refused, latest last. */
  denied: Array<{ id: string; reason: string }>;
}

export interface ConflictInfo {
  annotationId: string;
  /** Every version, newest first; `shown` is the one the library shows. */
  versions: Array<{
    rev: string;
    note: string;
    colour: string;
    tags: string[];
    updatedAt: number;
    creator: string;
    deleted: boolean;
    shown: boolean;
  }>;
}

export interface ConnectionReport {
  ok: boolean;
  message: string;
  user: string | null;
  docCount: number | null;
  /** The installed design document's version, null when there is none. */
  designDoc: number | null;
}
