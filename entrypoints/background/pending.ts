import type { Response } from '../../lib/messages';

/**
 * Writes a tab queued but could not deliver (the service worker was stopped, the tab closed) are kept in
 * extension storage under `pending:<instance>` with the page's URL; on start the background applies them
 * with the same checks as if that page's content script had sent them, and clears the key. Each write is
 * idempotent (annotation id + updatedAt), so replaying one that did arrive changes nothing.
 */
export async function replayPendingWrites(
  apply: (request: unknown, pageUrl: string) => Promise<Response | null>,
): Promise<void> {
  const all = await browser.storage.local.get(null).catch(() => ({}));
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith('pending:')) continue;
    const entry = value as { url?: unknown; writes?: unknown };
    if (typeof entry?.url !== 'string' || !Array.isArray(entry.writes)) {
      await browser.storage.local.remove(key).catch(() => undefined);
      continue;
    }
    let allDone = true;
    for (const write of entry.writes as Array<{ payload?: unknown }>) {
      const response = await apply(write?.payload, entry.url);
      if (!response || (!response.ok && response.retry)) allDone = false;
    }
    if (allDone) await browser.storage.local.remove(key).catch(() => undefined);
  }
}
