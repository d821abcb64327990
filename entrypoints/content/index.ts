import { NOTICE_SITE_MATCHES } from '../../lib/sites';
import { loadTranslate } from '../locale/i18n';
import type { Request, Response } from '../../lib/messages';
import type { LoadModuleRequest } from '../../lib/page/modules';
import type { QueuedWrite } from '../../lib/page/save-queue';
import { dropStartAnnouncement } from '../../lib/page/quiet-start';
import { NoticeLens } from '../../lib/page/controller';

// Before WXT's context announces this script to the page (see quiet-start.ts).
dropStartAnnouncement(window, browser.runtime.id);

/** Commands the background may send to this page's content script. */
type PageCommand =
  | { type: 'page/analyse'; force: boolean }
  | { type: 'page/toggle-panel' }
  | { type: 'page/highlight-selection' }
  | { type: 'page/annotate-selection' }
  | { type: 'page/snapshot' };

const INSTANCE = Symbol.for('notice-lens');

export default defineContentScript({
  matches: NOTICE_SITE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const holder = window as unknown as Record<symbol, NoticeLens | undefined>;
    // Injected again on demand (toolbar button on another site): the copy already here was stopped when this
    // one's context started; this one takes over and analyses the page as the analyst asked.
    const previous = holder[INSTANCE];
    previous?.destroy();
    const t = await loadTranslate();
    if (ctx.isInvalid) return;
    const lens = new NoticeLens({
      win: window,
      doc: document,
      t,
      send: async (request: Request | LoadModuleRequest): Promise<Response> => {
        // An extension updated or reloaded leaves this copy without a background: stop it.
        if (ctx.isInvalid) return { ok: false, error: 'the extension was reloaded', kind: 'unknown' };
        try {
          const response = await browser.runtime.sendMessage<Request | LoadModuleRequest, Response | undefined>(
            request,
          );
          return response ?? { ok: false, error: 'no answer from the extension', kind: 'unknown' };
        } catch (e) {
          return { ok: false, error: (e as Error).message || 'the extension did not answer', kind: 'unknown' };
        }
      },
      persistPending: (key: string, writes: QueuedWrite<Request>[]) => {
        const store = browser.storage.local;
        void (writes.length ? store.set({ [key]: { url: location.href, writes } }) : store.remove(key)).catch(
          () => undefined,
        );
      },
    });
    holder[INSTANCE] = lens;

    const onMessage = (
      raw: unknown,
      sender: { id?: string },
      sendResponse: (response?: unknown) => void,
    ): undefined => {
      if (sender.id !== browser.runtime.id) return undefined;
      const command = raw as PageCommand;
      switch (command?.type) {
        case 'page/analyse':
          void lens.run(Boolean(command.force));
          return undefined;
        case 'page/toggle-panel':
          lens.togglePanel();
          return undefined;
        case 'page/highlight-selection':
          lens.offerSelection(true);
          return undefined;
        case 'page/annotate-selection':
          lens.offerSelection(false, true);
          return undefined;
        case 'page/snapshot':
          sendResponse(lens.currentSnapshot);
          return undefined;
        default:
          return undefined;
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      lens.destroy();
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => lens.locationChanged());
    lens.start(previous !== undefined);
  },
});
