/**
 * Storage failures as one typed error with a message the analyst can act on (Chinese first, then English).
 *
 * Dexie rejects with its own classes (`Dexie.AbortError` whose `inner` is the browser's
 * `QuotaExceededError`, `Dexie.BulkError` with `failures`, …); callers should not have to know them.
 *
 * "Storage full" comes in two forms. A browser quota gives `QuotaExceededError`. An extension with
 * `unlimitedStorage` has no quota (Chromium does not enforce one for extension origins, even under a DevTools
 * quota override), so its storage is full only when the disk is, and Chromium (156) reports that as an
 * `UnknownError` whose message names the file error ("IO error: …/000003.log: FILE_ERROR_NO_SPACE") or, for
 * values stored as blobs, a `DataError` "Failed to write blobs (IOError)". Both are the `quota` kind here:
 * the analyst's remedy is the same (make room, then retry), and a `DataError` must not read as bad data.
 */

export type StorageErrorKind = 'quota' | 'conflict' | 'invalid' | 'unknown';

const USER_MESSAGES: Record<StorageErrorKind, string> = {
  quota:
    '存储空间已满，本次修改未保存。请释放磁盘空间，或导出备份并清空回收站后重试。 / Storage is full (disk or quota): this change was not saved. Free disk space, or export a backup and empty the bin, then try again.',
  conflict:
    '数据已被其他操作修改，本次修改未保存。请刷新后重试。 / The data was changed elsewhere: this change was not saved. Reload and try again.',
  invalid: '数据不完整或格式不正确，未保存。 / The data is incomplete or malformed and was not saved.',
  unknown: '保存失败，数据未改动。请重试。 / Saving failed and nothing was changed. Please try again.',
};

export class StorageError extends Error {
  override readonly name = 'StorageError';
  /** The bilingual message to show the analyst; `message` carries the technical detail. */
  readonly userMessage: string;

  constructor(
    readonly kind: StorageErrorKind,
    detail: string,
    cause?: unknown,
  ) {
    super(detail, cause === undefined ? undefined : { cause });
    this.userMessage = USER_MESSAGES[kind];
  }
}

/** The errors a Dexie/IndexedDB failure wraps, outermost first (inner, cause, BulkError failures). */
function chain(err: unknown, depth = 0): unknown[] {
  if (err == null || typeof err !== 'object' || depth > 5) return [err];
  const e = err as { inner?: unknown; cause?: unknown; failures?: unknown };
  const out: unknown[] = [err];
  if (e.inner) out.push(...chain(e.inner, depth + 1));
  if (e.cause) out.push(...chain(e.cause, depth + 1));
  if (e.failures && typeof e.failures === 'object') {
    for (const f of Object.values(e.failures as Record<string, unknown>).slice(0, 20)) out.push(...chain(f, depth + 1));
  }
  return out;
}

function nameOf(e: unknown): string {
  return e && typeof e === 'object' && typeof (e as { name?: unknown }).name === 'string'
    ? (e as { name: string }).name
    : '';
}

function messageOf(e: unknown): string {
  if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string')
    return (e as { message: string }).message;
  return String(e);
}

/** What Chromium and Firefox write in the message of an IndexedDB error caused by a full disk. */
const DISK_FULL =
  /FILE_ERROR_NO_SPACE|No space left on device|\bENOSPC\b|NS_ERROR_FILE_NO_DEVICE_SPACE|Failed to write blobs \(IOError\)/i;

/** Map any error thrown by storage code to a StorageError (a StorageError passes through unchanged). */
export function toStorageError(err: unknown): StorageError {
  if (err instanceof StorageError) return err;
  const errors = chain(err);
  for (const e of errors) if (e instanceof StorageError) return e;
  const names = errors.map(nameOf);
  const detail = messageOf(err);
  if (names.some((n) => n === 'QuotaExceededError' || n === 'NS_ERROR_DOM_QUOTA_REACHED')) {
    return new StorageError('quota', detail, err);
  }
  if (errors.some((e) => DISK_FULL.test(messageOf(e)))) return new StorageError('quota', detail, err);
  if (names.some((n) => n === 'ConstraintError' || n === 'VersionError'))
    return new StorageError('conflict', detail, err);
  if (names.some((n) => n === 'DataError' || n === 'DataCloneError' || n === 'TypeError')) {
    return new StorageError('invalid', detail, err);
  }
  return new StorageError('unknown', detail, err);
}

/** Free space below this counts as full: Chromium fails writes, and even opening the database, before the last byte. */
export const NEARLY_FULL_BYTES = 32 * 1024 * 1024;

/**
 * Whether this origin's storage is (nearly) used up, from `navigator.storage.estimate()`. For an extension
 * with unlimitedStorage, Chromium reports the usage plus the free disk space as the quota, so this also sees
 * a full disk. False where there is no estimate (Node, or the call fails).
 */
export async function storageNearlyFull(needed = 0): Promise<boolean> {
  type Estimate = { quota?: number; usage?: number };
  const storage = (globalThis as { navigator?: { storage?: { estimate?: () => Promise<Estimate> } } }).navigator
    ?.storage;
  if (typeof storage?.estimate !== 'function') return false;
  try {
    const { quota, usage } = await storage.estimate();
    return typeof quota === 'number' && typeof usage === 'number' && quota - usage < NEARLY_FULL_BYTES + needed;
  } catch {
    return false;
  }
}

/**
 * Refuse a write before it starts when the disk (or quota) is nearly used up: `needed` bytes and a margin
 * must be free. Chromium's IndexedDB can be left unreadable by a write that runs out of disk half-way, and
 * then discards the whole database the next time it opens it (every record lost, seen in
 * tests/e2e/storage-full.test.ts); a write that never starts cannot do that.
 */
export async function ensureRoomToWrite(needed = 0): Promise<void> {
  if (await storageNearlyFull(needed)) {
    throw new StorageError(
      'quota',
      `Less than ${Math.round((NEARLY_FULL_BYTES + needed) / 1048576)} MB of storage left: not written`,
    );
  }
}

/**
 * Run a storage operation and rethrow whatever it throws as a StorageError. An unexplained failure is
 * checked against the room left: Chromium reports a full disk to IndexedDB as an aborted transaction (the
 * request's AbortError, the cause lost) and then as "Internal error opening backing store", neither of which
 * names it.
 */
export async function guard<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    const error = toStorageError(err);
    if (error.kind === 'unknown' && (await storageNearlyFull())) throw new StorageError('quota', error.message, err);
    throw error;
  }
}

/** What to show the analyst for a failed storage call: the message they can act on, with the detail for malformed data. */
export function describeStorageError(err: unknown): string {
  const e = toStorageError(err);
  return e.kind === 'invalid' ? `${e.userMessage} (${e.message})` : e.userMessage;
}
