import { lazyModuleFile } from '../../lib/page/modules';

/**
 * Injects a lazily loaded script into the content script's frame that asked for it. Only our own content
 * scripts may ask (same extension id, sent from a tab's web page), and only for a file on the fixed list.
 */
export async function loadModuleFor(
  raw: unknown,
  sender: { id?: string; url?: string; tab?: { id?: number }; frameId?: number },
  extensionId: string,
  extensionOrigin: string,
): Promise<{ ok: true; value: null } | { ok: false; error: string; kind: 'forbidden' | 'unknown' }> {
  const file = lazyModuleFile(raw);
  const tabId = sender.tab?.id;
  if (!file) return { ok: false, error: 'malformed module request', kind: 'forbidden' };
  if (
    sender.id !== extensionId ||
    typeof tabId !== 'number' ||
    tabId < 0 ||
    !/^(https?|file):/i.test(sender.url ?? '') ||
    sender.url!.startsWith(extensionOrigin)
  ) {
    return { ok: false, error: 'modules are loaded into content scripts only', kind: 'forbidden' };
  }
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [file] });
    return { ok: true, value: null };
  } catch (e) {
    return { ok: false, error: String((e as Error)?.message ?? e), kind: 'unknown' };
  }
}
