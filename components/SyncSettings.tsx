/**
 * Team sync in the extension's pages: the settings form (entrypoints/options) and the status line (popup).
 * Everything goes through the background (`sync/*` requests); the password is sent there and never read back.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ConnectionReport, SyncSettingsView, SyncStatus } from '../lib/schema/sync';
import { originPattern } from '../lib/sync/urls';
import { statusText } from '../lib/sync/status-text';

type Answer<T> = { ok: true; value: T } | { ok: false; error: string };

async function ask<T>(message: object): Promise<T> {
  const r = await browser.runtime.sendMessage<object, Answer<T>>(message);
  if (!r?.ok) throw new Error(r?.error ?? '后台没有回应');
  return r.value;
}

/** One line for the popup: 已同步, 待同步 N, 离线, 错误 with its reason, first-sync progress. */
export function SyncStatusLine() {
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
      {statusText(status)}
    </div>
  );
}

interface Form {
  url: string;
  database: string;
  username: string;
  password: string;
}

export function SyncSettings() {
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
        placeholder={key === 'password' && saved?.hasPassword ? '（已保存，不变则留空）' : ''}
        onInput={(e) => setForm({ ...form, [key]: (e.target as HTMLInputElement).value })}
      />
    </label>
  );

  return (
    <form class="sync-settings" onSubmit={(e) => e.preventDefault()}>
      <h1>团队同步</h1>
      <p class="muted">与团队的 CouchDB 服务器同步公文和批注。不设置服务器时一切照旧，资料只留在本机。</p>
      {field('url', '服务器地址（如 https://couch.example.org:6984）')}
      {field('database', '数据库')}
      {field('username', '用户名')}
      {field('password', '密码', 'password')}
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
          测试连接
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
                text: granted ? '已保存，开始同步' : '已保存；未获准访问该服务器，同步可能失败（需服务器允许跨域）',
              });
            })
          }
        >
          保存并开启同步
        </button>
        <button
          type="button"
          name="disable"
          disabled={busy || !saved?.enabled}
          onClick={() =>
            void run(async () => {
              const s = await ask<SyncSettingsView>({ type: 'sync/save-settings', ...connection(), enabled: false });
              setSaved(s);
              setMessage({ ok: true, text: '已关闭同步（本机资料保留）' });
            })
          }
        >
          关闭同步
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
          安装权限规则
        </button>
      </div>
      {message && (
        <p class={message.ok ? 'ok' : 'error'} role="status" data-result={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
      {status && status.state !== 'off' && (
        <p class="muted" data-sync-state={status.state}>
          {statusText(status)}
          {status.denied.length > 0 && ` · 被拒绝 ${status.denied.length} 项：${status.denied.at(-1)!.reason}`}
        </p>
      )}
    </form>
  );
}
