/**
 * The content script says nothing to the page. WXT's content-script context announces every start with
 * `window.postMessage({ type: '<extension id>:content:wxt:content-script-started', … }, '*')` (so that an
 * older copy stops after an update; it dispatches the same announcement as a document event, which is what
 * it listens to). Every script of the page that listens for messages would receive it, and with it the
 * extension's id. `dropStartAnnouncement` keeps that one message from being posted; call it at the top of
 * the content script's module, which runs before WXT creates the context.
 */

const MARK = Symbol.for('notice-lens:quiet-start');

export function dropStartAnnouncement(win: Window, extensionId: string): void {
  const holder = win as unknown as Record<symbol, boolean>;
  if (holder[MARK] || !extensionId || typeof win.postMessage !== 'function') return;
  holder[MARK] = true;
  const post = win.postMessage.bind(win);
  const prefix = `${extensionId}:`;
  win.postMessage = function (this: Window, message: unknown, ...rest: unknown[]) {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && type.startsWith(prefix) && type.endsWith(':wxt:content-script-started')) return;
    return (post as (...args: unknown[]) => void)(message, ...rest);
  } as Window['postMessage'];
}
