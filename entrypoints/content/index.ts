import { LAW_TEXT_FRAME_MATCHES, NOTICE_SITE_MATCHES } from '../../lib/sites';
import { lawTextFrame } from '../../lib/extract/npc';
import { TOP_URL_REQUEST } from '../../lib/page/frames';
import { loadTranslate } from '../locale/i18n';
import type { Translate } from '../../components/messages';
import type { Request, Response } from '../../lib/messages';
import { ENGINE_PORT } from '../../lib/messages/wire';
import { openEngine, type AnalysisDeps } from '../../lib/page/analysis-run';
import type { LoadModuleRequest } from '../../lib/page/modules';
import type { QueuedWrite } from '../../lib/page/save-queue';
import { dropStartAnnouncement } from '../../lib/page/quiet-start';
import { NoticeLens, type NoticeLensDeps } from '../../lib/page/controller';
import { SYNC_CONFLICTS_KEY, SYNC_USER_KEY, conflictIds } from '../../lib/sync/owner';

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
  // The law-text host gets this same script from a second entry that also runs it in frames (wxt.config.ts).
  excludeMatches: LAW_TEXT_FRAME_MATCHES,
  // Loaded while the document is parsed (the script's own evaluation and the engine's port are out of the
  // way by then); the page is read as soon as it is parsed, before images and frames load (see `main`).
  runAt: 'document_start',
  main(ctx) {
    const topFrame = window === window.top;
    // A detail page of the national law database whose text is a frame from the law-text host: the script
    // in that frame reads and paints it; this page has nothing of its own (no panel, no report).
    const textElsewhere = () => topFrame && lawTextFrame(document, location.href) !== null;
    const holder = window as unknown as Record<symbol, NoticeLens | undefined>;
    // Injected again on demand (toolbar button on another site): the copy already here was stopped when this
    // one's context started; this one takes over and analyses the page as the analyst asked.
    const previous = holder[INSTANCE];
    previous?.destroy();
    // The UI language is read while the page is analysed; the UI, the first thing to speak, waits for it.
    let translate: Translate = (key) => key;
    const translating = loadTranslate().then((loaded) => {
      translate = loaded;
    });
    const deps: NoticeLensDeps & AnalysisDeps = {
      win: window,
      doc: document,
      t: (key, ...subs) => translate(key, ...subs),
      // One port to the background's engine for every analysis of this page (see analysis-run.ts).
      connectEngine: () => (ctx.isInvalid ? null : browser.runtime.connect({ name: ENGINE_PORT })),
      syncUser: async () => {
        const value = (await browser.storage.local.get(SYNC_USER_KEY))[SYNC_USER_KEY];
        return typeof value === 'string' && value !== '' ? value : null;
      },
      syncConflicts: async () => conflictIds((await browser.storage.local.get(SYNC_CONFLICTS_KEY))[SYNC_CONFLICTS_KEY]),
      // The background writes both keys as replicated changes land: the panel follows without a reload.
      watchSync: (changed) => {
        const listener = (changes: Record<string, unknown>, area: string) => {
          if (area === 'local' && (SYNC_CONFLICTS_KEY in changes || SYNC_USER_KEY in changes)) changed();
        };
        browser.storage.onChanged.addListener(listener);
        return () => browser.storage.onChanged.removeListener(listener);
      },
      send: async (request: Request | LoadModuleRequest): Promise<Response> => {
        // An extension updated or reloaded leaves this copy without a background: stop it.
        if (ctx.isInvalid) return { ok: false, error: 'the extension was reloaded', kind: 'unknown' };
        if (request.type === 'page/load-module') await translating;
        try {
          const response = await browser.runtime.sendMessage<Request | LoadModuleRequest, Response | undefined>(
            request,
          );
          return response ?? { ok: false, error: 'no answer from the extension', kind: 'unknown' };
        } catch (e) {
          return { ok: false, error: (e as Error).message || 'the extension did not answer', kind: 'unknown' };
        }
      },
      textElsewhere,
      // In a frame, the page the analyst sees around it is the notice's source (the background knows its address).
      viewedAt: topFrame
        ? undefined
        : async () => {
            if (ctx.isInvalid) return null;
            const r = await browser.runtime
              .sendMessage<{ type: string }, { ok: boolean; value?: unknown } | undefined>({ type: TOP_URL_REQUEST })
              .catch(() => undefined);
            return r?.ok && typeof r.value === 'string' ? r.value : null;
          },
      persistPending: (key: string, writes: QueuedWrite<Request>[]) => {
        const store = browser.storage.local;
        void (writes.length ? store.set({ [key]: { url: location.href, writes } }) : store.remove(key)).catch(
          () => undefined,
        );
      },
    };
    // The engine's port before anything else: the background wakes while the page is read.
    if (!textElsewhere()) openEngine(deps);
    const lens = new NoticeLens(deps);
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
          // Asked of every frame: the one holding the text answers, the shell around it stays as it is.
          if (!textElsewhere()) void lens.run(Boolean(command.force));
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
        case 'page/snapshot': {
          // The first answer wins: a frame answers only with a notice, a shell around one not at all.
          const snapshot = lens.currentSnapshot;
          if (snapshot || (topFrame && !textElsewhere())) sendResponse(snapshot);
          return undefined;
        }
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
    // The text is there once the document is parsed: start in the task right after DOMContentLoaded, so the
    // page's own first rendering is not added to the reading's task (injected into a parsed page, as on the
    // toolbar button: at once).
    const begin = () => {
      if (!lens.destroyed) lens.start(previous !== undefined);
    };
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', () => setTimeout(begin, 0), { once: true });
    else begin();
  },
});
