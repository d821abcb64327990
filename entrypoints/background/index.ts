import { NoticeLensDB, NoticeRepository } from '../../lib/storage';
import { receiveMessage, type AnalysisReport, type Response } from '../../lib/messages';
import { isTopUrlRequest, topUrlFor } from '../../lib/page/frames';
import { NOTICE_SITE_MATCHES } from '../../lib/sites';
import { Badge } from './badge';
import { analyseTab, installMenusAndCommands } from './commands';
import { replayPendingWrites } from './pending';
import { registerGrantedSites } from './granted-sites';
import { loadModuleFor } from './modules';
import { analyseForPage, warmUpEngine } from './engine';
import { setUpTeamSync } from './sync';

export default defineBackground({
  type: 'module',
  main() {
    const repository = new NoticeRepository(new NoticeLensDB());
    const badge = new Badge();
    const extensionId = browser.runtime.id;
    const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
    const teamSync = setUpTeamSync(repository, extensionId, extensionOrigin);
    const onAnalysisReport = (
      report: AnalysisReport,
      from: { kind: string; tabId?: number | null; frameId?: number | null },
    ) => {
      if (from.kind === 'content-script' && typeof from.tabId === 'number')
        void badge.report(from.tabId, report, from.frameId ?? null);
    };

    // The listener answers by returning a promise, which the runtime sends back; the typings only know sendResponse.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    browser.runtime.onMessage.addListener((raw: unknown, sender) => {
      // The popup asks to analyse its tab (activeTab was granted by opening the popup).
      const popup = raw as { type?: unknown; tabId?: unknown };
      if (popup?.type === 'popup/analyse-tab') {
        if (sender.id !== extensionId || sender.tab || typeof popup.tabId !== 'number') return undefined;
        return analyseTab(popup.tabId).then(
          () => ({ ok: true, value: null }),
          (e) => ({ ok: false, error: String((e as Error)?.message ?? e), kind: 'unknown' }),
        );
      }
      // A content script asks for a script it loads only where needed (the UI on notices, the Readability fallback).
      if (popup?.type === 'page/load-module') return loadModuleFor(raw, sender, extensionId, extensionOrigin);
      // A content script in a frame asks for the address of the page around it (the page the analyst sees).
      if (isTopUrlRequest(raw)) {
        const url = topUrlFor(sender, extensionId);
        return Promise.resolve(
          url === null
            ? { ok: false, error: 'not a frame of a web page', kind: 'forbidden' }
            : { ok: true, value: url },
        );
      }
      const syncAnswer = teamSync.handle(raw, sender);
      if (syncAnswer) return syncAnswer;
      // Returning the promise keeps the channel open; a null answer (not our sender) sends nothing back.
      return teamSync
        .guard(raw)
        .then(
          (refused) =>
            refused ??
            receiveMessage(repository, raw, sender, {
              extensionId,
              extensionOrigin,
              onAnalysisReport,
              analyse: analyseForPage,
            }),
        )
        .then((r: Response | null) => r ?? undefined);
    });

    browser.tabs.onRemoved.addListener((tabId) => void badge.forget(tabId));
    installMenusAndCommands((tabId) => badge.last(tabId));
    warmUpEngine();
    void registerGrantedSites(NOTICE_SITE_MATCHES);
    // Writes queued by tabs that could not reach us: replayed as if their page's content script sent them.
    void replayPendingWrites((raw, pageUrl) =>
      receiveMessage(
        repository,
        raw,
        { id: extensionId, url: pageUrl, tab: { id: -1 } },
        { extensionId, extensionOrigin },
      ),
    );
  },
});
