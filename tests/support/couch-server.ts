/**
 * A CouchDB-compatible server for the sync tests and benchmark: `pouchdb-server` in memory on 127.0.0.1,
 * with a server admin, team members in `_users`, a team database opened to them by its security object,
 * and (optionally) the extension's design document. Each profile can reach it through its own proxy,
 * which the tests cut and restore to take that profile (or everyone) offline without losing the data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { designDoc, securityObject } from '../../lib/sync/design-doc';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ADMIN = { username: 'admin', password: 'admin-pw' };

/**
 * pouchdb-server's validation step overwrites a replicated revision's history (`_revisions`) with the stored
 * document's, so with any `validate_doc_update` installed every replicated edit of an existing document is
 * dropped without an error (CouchDB keeps it). Loaded before the server: keeps the revision's own history.
 */
const PRELOAD = `
const Module = require('module');
const fs = require('fs');
const target = require.resolve('pouchdb-validation', { paths: [process.env.NOTICE_LENS_ROOT] });
const source = fs.readFileSync(target, 'utf8').replace(
  'newDoc._revisions = (oldDoc || {})._revisions;',
  'if (!newDoc._revisions) newDoc._revisions = (oldDoc || {})._revisions;',
);
const m = new Module(target, module);
m.filename = target;
m.paths = Module._nodeModulePaths(require('path').dirname(target));
m._compile(source, target);
require.cache[target] = m;
m.loaded = true;
`;

export interface CouchServer {
  url: string;
  port: number;
  /** `http://user:password@host:port` for the admin. */
  admin(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

export async function startCouch(): Promise<CouchServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'notice-lens-couch-'));
  const bin = join(ROOT, 'node_modules/pouchdb-server/bin/pouchdb-server');
  const preload = join(dir, 'keep-revisions.cjs');
  writeFileSync(preload, PRELOAD);
  const args = ['--require', preload, bin, '--in-memory', '--port', String(port), '--dir', dir, '--no-color'];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: dir,
    env: { ...process.env, NOTICE_LENS_ROOT: ROOT },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`pouchdb-server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  const auth = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
  const put = await fetch(`${url}/_config/admins/${ADMIN.username}`, {
    method: 'PUT',
    body: JSON.stringify(ADMIN.password),
  });
  if (!put.ok) throw new Error(`admin: ${put.status}`);
  // Pages of the extension reach the server with CORS (as a real server behind a permission would not need).
  for (const [section, key, value] of [
    ['httpd', 'enable_cors', 'true'],
    ['cors', 'origins', '*'],
    ['cors', 'credentials', 'true'],
    ['cors', 'headers', 'accept, authorization, content-type, origin, referer'],
    ['cors', 'methods', 'GET, PUT, POST, HEAD, DELETE'],
  ])
    await fetch(`${url}/_config/${section}/${key}`, {
      method: 'PUT',
      headers: { Authorization: auth },
      body: JSON.stringify(value),
    });
  return {
    url,
    port,
    admin: (path, init = {}) =>
      fetch(`${url}${path}`, {
        ...init,
        headers: { Authorization: auth, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
      }),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Team members, a database open to them, and the design document unless `design: false`. */
export async function setUpTeam(
  couch: CouchServer,
  database: string,
  users: Array<{ username: string; password: string }>,
  options: { design?: boolean } = {},
): Promise<void> {
  for (const u of users) {
    const r = await couch.admin(`/_users/org.couchdb.user:${encodeURIComponent(u.username)}`, {
      method: 'PUT',
      body: JSON.stringify({ name: u.username, password: u.password, roles: [], type: 'user' }),
    });
    if (!r.ok && r.status !== 409) throw new Error(`user ${u.username}: ${r.status} ${await r.text()}`);
  }
  const db = await couch.admin(`/${database}`, { method: 'PUT' });
  if (!db.ok && db.status !== 412) throw new Error(`database: ${db.status}`);
  await couch.admin(`/${database}/_security`, {
    method: 'PUT',
    body: JSON.stringify(securityObject({ names: users.map((u) => u.username) }, [ADMIN.username])),
  });
  if (options.design !== false) {
    const r = await couch.admin(`/${database}/_design/notice-lens`, {
      method: 'PUT',
      body: JSON.stringify(designDoc()),
    });
    if (!r.ok) throw new Error(`design doc: ${r.status} ${await r.text()}`);
  }
}

export interface Proxy {
  url: string;
  /** Refuse connections and cut the open ones: the server is away for whoever uses this proxy. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/** A TCP proxy to the server on its own port. */
export async function startProxy(targetPort: number): Promise<Proxy> {
  let up = true;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (!up) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      up = false;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    restore() {
      up = true;
    },
    async close() {
      up = false;
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
