/**
 * Team sync in the extension's pages: the settings form (entrypoints/options) and the status line (popup).
 * Everything goes through the background (`sync/*` requests); the password is sent there and never read back.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ConnectionReport, SyncSettingsView, SyncStatus } from '../lib/schema/sync';
import { OWNER_FILTERS, type OwnerFilter } from '../lib/sync/owner';
import { originPattern } from '../lib/sync/urls';
import type { MessageKey, Translate } from './messages';

type Answer<T> = { ok: true; value: T } | { ok: false; error: string };

async function ask<T>(message: object): Promise<T> {
  const r = await browser.runtime.sendMessage<object, Answer<T>>(message);
  if (!r?.ok) throw new Error(r?.error ?? 'no answer');
  return r.value;
}

/** The sync status in words: 已同步, 待同步 N, 离线 (why), 错误 (why), first-sync progress. */
export function statusText(t: Translate, s: SyncStatus): string {
  const n = (x: number) => x.toLocaleString('zh-CN');
  switch (s.state) {
    case 'off':
      return t('syncOff');
    case 'syncing':
      return s.progress
        ? t('syncFirst', n(s.progress.done), n(s.progress.total))
        : s.pending > 0
          ? t('syncSyncingPending', n(s.pending))
          : t('syncSyncing');
    case 'synced':
      return t('syncSynced');
    case 'pending':
      return t('syncPending', n(s.pending));
    case 'offline': {
      const why = s.reason ?? t('syncServerAway');
      return s.pending > 0 ? t('syncOfflinePending', n(s.pending), why) : t('syncOffline', why);
    }
    case 'error':
      return t('syncError', s.reason ?? t('syncUnknown'));
  }
}

/** One line for the popup: 已同步, 待同步 N, 离线, 错误 with its reason, first-sync progress. */
export function SyncStatusLine(p: { t: Translate }) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let live = true;
    const read = () =>
      void ask<SyncStatus>({ type: 'sync/status' }).then(
        (s) => live && setStatus(s),
        () => undefined,
      );
    read();
    const timer = setInterval(read, 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  if (!status || status.state === 'off') return null;
  return (
    <div class={`sync-status sync-${status.state}`} data-sync-state={status.state} role="status">
      {statusText(p.t, status)}
    </div>
  );
}

interface Form {
  url: string;
  database: string;
  username: string;
  password: string;
}

export function SyncSettings(p: { t: Translate }) {
  const { t } = p;
  const [form, setForm] = useState<Form>({ url: '', database: '', username: '', password: '' });
  const [saved, setSaved] = useState<SyncSettingsView | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void ask<SyncSettingsView>({ type: 'sync/get-settings' }).then((s) => {
      setSaved(s);
      setForm({ url: s.url, database: s.database, username: s.username, password: '' });
    });
    const read = () => void ask<SyncStatus>({ type: 'sync/status' }).then(setStatus, () => undefined);
    read();
    const timer = setInterval(read, 1000);
    return () => clearInterval(timer);
  }, []);

  const connection = () => ({
    url: form.url.trim(),
    database: form.database.trim(),
    username: form.username.trim(),
    ...(form.password ? { password: form.password } : {}),
  });
  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    try {
      await what();
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  /** Host permission for this server only (optional_host_permissions), asked on the analyst's click. */
  const permit = async (): Promise<boolean> => {
    try {
      return await browser.permissions.request({ origins: [originPattern(form.url.trim())] });
    } catch {
      return false;
    }
  };

  const field = (key: keyof Form, label: string, type = 'text') => (
    <label>
      <span>{label}</span>
      <input
        name={key}
        type={type}
        value={form[key]}
        placeholder={key === 'password' && saved?.hasPassword ? t('syncPasswordKept') : ''}
        onInput={(e) => setForm({ ...form, [key]: (e.target as HTMLInputElement).value })}
      />
    </label>
  );

  return (
    <form class="sync-settings" onSubmit={(e) => e.preventDefault()}>
      <h1>{t('syncTitle')}</h1>
      <p class="muted">{t('syncIntro')}</p>
      {field('url', t('syncServer'))}
      {field('database', t('syncDatabase'))}
      {field('username', t('syncUser'))}
      {field('password', t('syncPassword'), 'password')}
      <div class="actions">
        <button
          type="button"
          name="test"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              await permit();
              const r = await ask<ConnectionReport>({ type: 'sync/test', ...connection() });
              setMessage({ ok: r.ok, text: r.message });
            })
          }
        >
          {t('syncTest')}
        </button>
        <button
          type="button"
          name="save"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const granted = await permit();
              const s = await ask<SyncSettingsView>({ type: 'sync/save-settings', ...connection(), enabled: true });
              setSaved(s);
              setForm({ ...form, password: '' });
              setMessage({
                ok: true,
                text: granted ? t('syncSaved') : t('syncSavedNoPermission'),
              });
            })
          }
        >
          {t('syncSave')}
        </button>
        <button
          type="button"
          name="disable"
          disabled={busy || !saved?.enabled}
          onClick={() =>
            void run(async () => {
              const s = await ask<SyncSettingsView>({ type: 'sync/save-settings', ...connection(), enabled: false });
              setSaved(s);
              setMessage({ ok: true, text: t('syncDisabledDone') });
            })
          }
        >
          {t('syncDisable')}
        </button>
        <button
          type="button"
          name="install"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const r = await ask<{ ok: boolean; message: string }>({ type: 'sync/install-design', ...connection() });
              setMessage({ ok: r.ok, text: r.message });
            })
          }
        >
          {t('syncInstall')}
        </button>
      </div>
      {message && (
        <p class={message.ok ? 'ok' : 'error'} role="status" data-result={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
      {status && status.state !== 'off' && (
        <p class="muted" data-sync-state={status.state}>
          {statusText(t, status)}
          {status.denied.length > 0 && ` · ${t('syncDenied', status.denied.length, status.denied.at(-1)!.reason)}`}
        </p>
      )}
    </form>
  );
}

const OWNER_LABEL: Record<OwnerFilter, MessageKey> = {
  mine: 'syncFilterMine',
  team: 'syncFilterTeam',
  all: 'syncFilterAll',
};

/** 我的 / 团队 / 全部 over a list of annotations (shown only while team sync is on). */
export function OwnerFilterButtons(p: { t: Translate; value: OwnerFilter; onChange: (f: OwnerFilter) => void }) {
  return (
    <span class="owner-filter" role="group" data-owner-filter={p.value}>
      {OWNER_FILTERS.map((f) => (
        <button
          type="button"
          key={f}
          class={`link${p.value === f ? ' on' : ''}`}
          aria-pressed={p.value === f}
          data-owner={f}
          onClick={() => p.onChange(f)}
        >
          {p.t(OWNER_LABEL[f])}
        </button>
      ))}
    </span>
  );
}
