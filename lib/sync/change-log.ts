/**
 * The change feed of team sync, on the Dexie side: a DBCore middleware that writes one `syncLog` row per
 * notice or annotation written or deleted, in the same transaction as the write (so a write and its log
 * row are stored together or not at all). The bridge (`bridge.ts`) reads the log, sends what changed to
 * the local PouchDB database and clears the rows it handled.
 *
 * Every read-write transaction over a tracked table is widened to include `syncLog`; the repository's
 * code is unchanged. Install before the database opens.
 */

import Dexie from 'dexie';
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction } from 'dexie';
import type { SyncLogRow } from '../storage/db';

export const TRACKED_TABLES: ReadonlySet<string> = new Set(['notices', 'annotations']);
const LOG = 'syncLog';

/** Transactions whose writes are not logged: what the pull writes is already in PouchDB. */
const quiet = new WeakSet<object>();

/**
 * Run `fn` in one transaction over every table whose writes are not logged (the pull applying what came from
 * PouchDB: sending it back would only be compared and dropped, and a deletion would be brought back from
 * the bin). `fn` may only await Dexie work.
 */
export function withoutLogging<T>(db: Dexie, fn: () => Promise<T>): Promise<T> {
  return db.transaction('rw', db.tables, () => {
    const t = Dexie.currentTransaction;
    if (t?.idbtrans) quiet.add(t.idbtrans);
    return fn();
  });
}

/** `onLogged` is called after rows were logged (the transaction may not have committed yet: read later). */
export function installChangeLog(db: Dexie, onLogged?: () => void): void {
  db.use({
    stack: 'dbcore',
    name: 'SyncChangeLog',
    create(down: DBCore): DBCore {
      return {
        ...down,
        transaction(stores, mode, options) {
          const widened =
            mode === 'readwrite' && stores.some((s) => TRACKED_TABLES.has(s)) && !stores.includes(LOG)
              ? [...stores, LOG]
              : stores;
          return down.transaction(widened, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!TRACKED_TABLES.has(name)) return table;
          return { ...table, mutate: (req) => mutateAndLog(down, table, name as SyncLogRow['table'], req, onLogged) };
        },
      };
    },
  });
}

async function mutateAndLog(
  down: DBCore,
  table: DBCoreTable,
  name: SyncLogRow['table'],
  req: DBCoreMutateRequest,
  onLogged?: () => void,
): ReturnType<DBCoreTable['mutate']> {
  const before = req.type === 'deleteRange' ? await keysInRange(table, req.trans, req.range) : null;
  const res = await table.mutate(req);
  if (quiet.has(req.trans)) return res;
  let keys: unknown[];
  switch (req.type) {
    case 'add':
    case 'put':
      keys = (req.keys ??
        res.results ??
        req.values.map((v): unknown => table.schema.primaryKey.extractKey?.(v))) as unknown[];
      break;
    case 'delete':
      keys = req.keys;
      break;
    case 'deleteRange':
      keys = before ?? [];
      break;
  }
  const failed = new Set(Object.keys(res.failures).map(Number));
  const rows: SyncLogRow[] = [];
  keys.forEach((k, i) => {
    if (typeof k === 'string' && !failed.has(i)) rows.push({ table: name, id: k });
  });
  if (rows.length) {
    await down.table(LOG).mutate({ type: 'add', trans: req.trans, values: rows });
    onLogged?.();
  }
  return res;
}

async function keysInRange(
  table: DBCoreTable,
  trans: DBCoreTransaction,
  range: Parameters<DBCoreTable['query']>[0]['query']['range'],
): Promise<unknown[]> {
  const r = await table.query({ trans, values: false, query: { index: table.schema.primaryKey, range } });
  return r.result as unknown[];
}
