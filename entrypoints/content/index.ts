import { NOTICE_SITE_MATCHES } from '../../lib/sites';
import { loadTranslate } from '../shared/i18n';
import type { Request, Response } from '../../lib/messages';
import type { LoadModuleRequest } from '../../lib/page/modules';
import type { QueuedWrite } from '../../lib/page/save-queue';
import { dropStartAnnouncement } from '../../lib/page/quiet-start';
import { NoticeLens } from './notice-lens';

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
  async main() {
    const holder = window as unknown as Record<symbol, Promise<NoticeLens> | undefined>;
    // Injected again on demand (toolbar button on another site): reuse the running instance.
    if (holder[INSTANCE]) {
      void holder[INSTANCE]!.then((lens) => lens.run(true));
      return;
    }
    let ready!: (lens: NoticeLens) => void;
    holder[INSTANCE] = new Promise((resolve) => (ready = resolve));
    const lens = new NoticeLens({
      win: window,
      doc: document,
      t: await loadTranslate(),
      send: async (request: Request | LoadModuleRequest): Promise<Response> => {
        try {
          const response = (await browser.runtime.sendMessage(request)) as Response | undefined;
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
    ready(lens);

    browser.runtime.onMessage.addListener((raw: unknown, sender) => {
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
          return Promise.resolve(lens.currentSnapshot);
        default:
          return undefined;
      }
    });
    lens.start();
  },
});
