/**
 * What team sync tells the analyst, as keys of the extension's message catalogues (public/_locales): the
 * background looks them up with browser.i18n, Node (tests, benchmark) with a catalogue read from disk.
 * The server's refusals (the design document's `forbidden` texts) are read back into keys with the owner's name.
 */

export const SYNC_MESSAGE_KEYS = [
  'syncErrUnreachable',
  'syncErrUnauthorized',
  'syncErrForbidden',
  'syncErrNoDatabase',
  'syncErrNotCouch',
  'syncErrUserUnknown',
  'syncErrServer',
  'syncConnected',
  'syncDesignMissing',
  'syncDesignOld',
  'syncDesignOk',
  'syncInstalled',
  'syncInstallNeedsAdmin',
  'syncInstallFailed',
  'syncRefused',
  'syncRefusedEdit',
  'syncRefusedDelete',
  'syncRefusedEditOrDelete',
  'syncRefusedCreator',
  'syncRefusedDesign',
  'syncRefusedUnknownDoc',
  'syncRefusedShape',
  'syncRefusedLogin',
  'syncLocalWriteFailed',
  'syncLibraryWriteFailed',
  'syncUnreadable',
  'syncFilterMine',
  'syncFilterTeam',
  'syncFilterAll',
] as const;

export type SyncMessageKey = (typeof SYNC_MESSAGE_KEYS)[number];

export type SyncTranslate = (key: SyncMessageKey, ...substitutions: Array<string | number>) => string;

/** Without a catalogue: the key and its values (never shown in the extension, which passes browser.i18n). */
export const keyOnly: SyncTranslate = (key, ...subs) => (subs.length ? `${key}(${subs.join(', ')})` : key);

/** A catalogue as public/_locales/<lang>/messages.json holds it, looked up as browser.i18n.getMessage does. */
export function catalogueTranslator(
  catalogue: Record<string, { message: string; placeholders?: Record<string, { content: string }> }>,
): SyncTranslate {
  return (key, ...subs) => {
    const entry = catalogue[key];
    if (!entry) return keyOnly(key, ...subs);
    const placeholders = entry.placeholders ?? {};
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
      const content = placeholders[name.toLowerCase()]?.content ?? whole;
      return content.replace(/\$(\d)/g, (_m, n: string) => String(subs[Number(n) - 1] ?? ''));
    });
  };
}

/** An error of PouchDB or of a request in words: unreachable, 401, 403, 404 (the database), the server's own. */
export function describeError(t: SyncTranslate, e: unknown, database = ''): string {
  const err = e as { reason?: unknown; message?: unknown; status?: unknown; name?: unknown } | null;
  const detail = String(err?.reason ?? err?.message ?? err?.name ?? e).slice(0, 200);
  const status = typeof err?.status === 'number' ? err.status : 0;
  if (status === 401) return t('syncErrUnauthorized');
  if (status === 403) return t('syncErrForbidden');
  if (status === 404) return t('syncErrNoDatabase', database);
  if (status >= 400) return t('syncErrServer', `${status} ${detail}`);
  return t('syncErrUnreachable', detail);
}

/** The server's refusal of a write (the design document's texts, `lib/sync/design-doc.ts`) in the analyst's language. */
export function describeRefusal(t: SyncTranslate, reason: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^这是 (.+) 的批注，只有本人可以删除$/.exec(reason))) return t('syncRefusedDelete', m[1]);
  if ((m = /^这是 (.+) 的批注，只有本人可以修改$/.exec(reason))) return t('syncRefusedEdit', m[1]);
  if ((m = /^批注的作者必须是当前用户 (.+)$/.exec(reason))) return t('syncRefusedCreator', m[1]);
  if ((m = /^不认识的文档：(.*)$/.exec(reason))) return t('syncRefusedUnknownDoc', m[1]);
  if (reason === '只有管理员可修改设计文档') return t('syncRefusedDesign');
  if (reason === '公文文档格式不对' || reason === '批注文档格式不对') return t('syncRefusedShape');
  if (reason === '请先登录') return t('syncRefusedLogin');
  return reason.slice(0, 200);
}
