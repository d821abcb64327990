/**
 * Team sync in the background: settings from extension storage (never sent to pages), the sync engine
 * (lib/sync), the `sync/*` requests of extension pages, and the creator rule on annotation writes.
 */
import PouchDB from 'pouchdb-core';
import idbAdapter from 'pouchdb-adapter-idb';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import { classifySender, errorResponse, type Response } from '../../lib/messages';
import type { NoticeRepository } from '../../lib/storage';
import { installChangeLog } from '../../lib/sync/change-log';
import { SyncEngine, installDesignDoc, testConnection, type PouchStatic } from '../../lib/sync/engine';
import type { SyncTranslate } from '../../lib/sync/messages';
import type { Translate } from '../../components/messages';
import { UI_LANGUAGE_KEY } from '../../components/translate';
import { loadTranslate } from '../locale/i18n';
import { SYNC_CONFLICTS_KEY, SYNC_USER_KEY } from '../../lib/sync/owner';
import { parseSyncRequest, syncSettingsSchema, type SyncSettings, type SyncSettingsView } from '../../lib/schema/sync';
import * as v from 'valibot';

export const SETTINGS_KEY = 'sync:settings';

// PouchDB's core with only what sync needs: IndexedDB, HTTP and replication (no map/reduce, which evaluates
// strings). Untyped imports (lib/sync/pouchdb-modules.d.ts): lib/sync/pouch-types.ts says what is used of them.
const Pouch = (PouchDB as PouchStatic).plugin(idbAdapter).plugin(httpAdapter).plugin(replication);

/**
 * Every message sync shows, from the extension's catalogues (public/_locales) in the language the pages use:
 * the analyst's choice in the popup, else the browser's.
 */
let translate: Translate = (key, ...subs) => browser.i18n.getMessage(key, subs.map(String)) || key;
const t: SyncTranslate = (key, ...subs) => translate(key, ...subs);
const followLanguage = (): Promise<unknown> =>
  loadTranslate().then(
    (x) => (translate = x),
    () => undefined,
  );

async function readSettings(): Promise<SyncSettings | null> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const parsed = v.safeParse(syncSettingsSchema, stored);
  return parsed.success ? parsed.output : null;
}

function view(s: SyncSettings | null): SyncSettingsView {
  return {
    url: s?.url ?? '',
    database: s?.database ?? '',
    username: s?.username ?? '',
    hasPassword: !!s?.password,
    enabled: s?.enabled ?? false,
  };
}

export interface TeamSync {
  /** The answer to a `sync/*` request, or null when `raw` is not one. */
  handle(raw: unknown, sender: unknown): Promise<Response> | null;
  /** A refusal for an annotation write the creator rule forbids; otherwise stamps the creator and returns null. */
  guard(raw: unknown): Promise<Response | null>;
}

/** Wakes the service worker while sync is on: Chrome stops an idle worker, and sync starts again with it. */
const ALARM = 'team-sync';
/** How often an extension API is called while documents are moving (Chrome stops a worker idle for 30 s). */
const KEEP_AWAKE_MS = 20_000;

export function setUpTeamSync(repo: NoticeRepository, extensionId: string, extensionOrigin: string): TeamSync {
  // While replication works (a first sync of a large library), the worker is kept from stopping; once
  // idle, it may stop, and the alarm (or any message) starts it and the sync again.
  let awake: ReturnType<typeof setInterval> | null = null;
  // The in-page panel reads who is signed in (its 我的 / 团队 filter) from storage: only the name.
  let shownUser: string | null | undefined;
  const onStatus = (s: { state: string; user: string | null }) => {
    const user = s.state === 'off' ? null : s.user;
    if (user !== shownUser) {
      shownUser = user;
      void (
        user ? browser.storage.local.set({ [SYNC_USER_KEY]: user }) : browser.storage.local.remove(SYNC_USER_KEY)
      ).catch(() => undefined);
    }
    if (s.state === 'syncing' && !awake)
      awake = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), KEEP_AWAKE_MS);
    else if (s.state !== 'syncing' && awake) {
      clearInterval(awake);
      awake = null;
    }
  };
  // The page's panel marks notes with other versions (ids only; they are chosen between in the library).
  const onConflicts = (ids: string[]) =>
    void (
      ids.length
        ? browser.storage.local.set({ [SYNC_CONFLICTS_KEY]: ids })
        : browser.storage.local.remove(SYNC_CONFLICTS_KEY)
    ).catch(() => undefined);
  const engine = new SyncEngine({ repo, PouchDB: Pouch, onStatus, onConflicts, t });
  // Before the database opens: every later write of a notice or annotation is logged.
  installChangeLog(repo.db, () => engine.notifyLocalChange());
  // A failure to start is reported in the status; annotation writes never wait on a rejected start.
  const start = () =>
    readSettings()
      .then(async (s) => {
        await engine.configure(s);
        if (s?.enabled) await browser.alarms.create(ALARM, { periodInMinutes: 1 });
        else await browser.alarms.clear(ALARM);
      })
      .catch(() => undefined);
  let configured = start();
  // The worker was started by the alarm: sync is starting above; nothing more to do.
  browser.alarms.onAlarm.addListener(() => undefined);
  // Answers wait for the catalogue, so a worker just started never answers in another language.
  let language = followLanguage();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && UI_LANGUAGE_KEY in changes) language = followLanguage();
    if (area === 'local' && SETTINGS_KEY in changes) configured = configured.then(start);
  });

  const ok = (value: unknown): Response => ({ ok: true, value });
  async function answer(raw: unknown): Promise<Response> {
    await language;
    const parsed = parseSyncRequest(raw);
    if (!parsed.ok) return errorResponse('invalid', parsed.error);
    const r = parsed.request;
    const stored = await readSettings();
    const withPassword = (x: { url: string; database: string; username: string; password?: string }) => ({
      ...x,
      password: x.password ?? (stored && stored.url === x.url && stored.username === x.username ? stored.password : ''),
    });
    switch (r.type) {
      case 'sync/status':
        return ok(engine.status());
      case 'sync/get-settings':
        return ok(view(stored));
      case 'sync/save-settings': {
        // Only the settings' own fields are kept (the stored object is checked strictly when read).
        const next: SyncSettings = {
          ...withPassword({ url: r.url, database: r.database, username: r.username, password: r.password }),
          enabled: r.enabled,
        };
        await browser.storage.local.set({ [SETTINGS_KEY]: next });
        return ok(view(next));
      }
      case 'sync/test':
        return ok(await testConnection(Pouch, withPassword(r), t));
      case 'sync/install-design':
        return ok(await installDesignDoc(Pouch, withPassword(r), t));
      case 'sync/conflicts':
        return ok(await engine.conflicts(r.noticeId));
      case 'sync/resolve':
        await engine.resolve(r.annotationId, r.rev);
        return ok(null);
    }
  }

  return {
    handle(raw, sender) {
      const type = (raw as { type?: unknown } | null)?.type;
      if (typeof type !== 'string' || !type.startsWith('sync/')) return null;
      // Extension pages only: a content script never learns about the server.
      if (classifySender(sender, extensionId, extensionOrigin)?.kind !== 'extension-page')
        return Promise.resolve(errorResponse('forbidden', `${type} is not available to pages`));
      return answer(raw).catch((e: unknown) => errorResponse('unknown', String((e as Error)?.message ?? e)));
    },
    async guard(raw) {
      const r = raw as { type?: unknown; id?: unknown; annotation?: { id?: unknown; creator?: unknown } } | null;
      const type = r?.type;
      if (type !== 'annotation/put' && type !== 'annotation/delete' && type !== 'annotation/restore') return null;
      const id = type === 'annotation/put' ? r?.annotation?.id : r?.id;
      if (typeof id !== 'string') return null;
      await Promise.all([configured, language]);
      const user = engine.user;
      const existing = await repo.getAnnotation(id).catch(() => null);
      if (user && existing?.creator && existing.creator !== user)
        return errorResponse('forbidden', t('syncRefusedEditOrDelete', existing.creator));
      if (type === 'annotation/put' && r?.annotation && typeof r.annotation === 'object') {
        // The creator is decided here, never by the page: the stored one, else the signed-in user.
        const creator = existing?.creator ?? user;
        if (creator) r.annotation.creator = creator;
        else delete r.annotation.creator;
      }
      return null;
    },
  };
}
