import type { AnalysisReport } from '../../lib/messages';

/**
 * The toolbar badge: the number of obligation clauses on a notice page, nothing elsewhere. The last report
 * per tab is kept in session storage, so the popup can show the current page's state and a restarted
 * service worker still knows it.
 */
export class Badge {
  async show(tabId: number, report: AnalysisReport): Promise<void> {
    const count = report.clauseCount ?? Object.values(report.counts).reduce((a, b) => a + (b ?? 0), 0);
    const text = report.isNotice ? (count > 999 ? '999+' : String(count)) : '';
    await Promise.all([
      browser.action.setBadgeText({ tabId, text }).catch(() => undefined),
      browser.action.setBadgeBackgroundColor({ tabId, color: '#b22222' }).catch(() => undefined),
      browser.action
        .setTitle({
          tabId,
          title: report.isNotice ? `${report.title ?? ''}\n${count}` : browser.i18n.getMessage('actionTitle'),
        })
        .catch(() => undefined),
      browser.storage.session.set({ [`tab:${tabId}`]: { ...report, at: Date.now() } }).catch(() => undefined),
    ]);
  }

  async forget(tabId: number): Promise<void> {
    await browser.storage.session.remove(`tab:${tabId}`).catch(() => undefined);
  }
}
