import type { AnalysisReport } from '../../lib/messages';
import { reportApplies, type LastReport } from '../../lib/page/frames';

/**
 * The toolbar badge: the number of obligation clauses on a notice page, nothing elsewhere. The last report
 * per tab is kept in session storage, so the popup can show the current page's state and a restarted
 * service worker still knows it.
 */
export class Badge {
  /**
   * Show a report from one of the tab's frames (0: the top one). A frame without a notice does not clear
   * what another frame of the tab reported (see `reportApplies`).
   */
  async report(tabId: number, report: AnalysisReport, frameId: number | null): Promise<void> {
    const last = frameId ? await this.last(tabId) : null;
    if (reportApplies(report.isNotice, frameId, last)) await this.show(tabId, report, frameId);
  }

  /** The tab's last shown report: which frame sent it and whether it was a notice. */
  async last(tabId: number): Promise<LastReport | null> {
    const key = `tab:${tabId}`;
    const all: Record<string, unknown> = await browser.storage.session.get(key).catch(() => ({}));
    const stored = all[key] as { isNotice?: unknown; frameId?: unknown } | undefined;
    if (!stored || typeof stored.isNotice !== 'boolean') return null;
    return { isNotice: stored.isNotice, frameId: typeof stored.frameId === 'number' ? stored.frameId : null };
  }

  async show(tabId: number, report: AnalysisReport, frameId: number | null = 0): Promise<void> {
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
      browser.storage.session.set({ [`tab:${tabId}`]: { ...report, frameId, at: Date.now() } }).catch(() => undefined),
    ]);
  }

  async forget(tabId: number): Promise<void> {
    await browser.storage.session.remove(`tab:${tabId}`).catch(() => undefined);
  }
}
