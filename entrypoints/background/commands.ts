import { commandFrame, type LastReport } from '../../lib/page/frames';

/**
 * The analyst's ways to ask: context menu items, keyboard shortcuts, and analysing a page outside the
 * known notice sites (activeTab grants this tab; the content script is injected on demand).
 *
 * A command goes to the frame that holds the tab's notice when a frame reported one (the national law
 * database shows the law in a frame), else to every frame of the tab, where only a frame with something
 * to do acts on it.
 */
type LastReportOf = (tabId: number) => Promise<LastReport | null>;
let lastReportOf: LastReportOf = () => Promise.resolve(null);

async function sendToTab(tabId: number, message: object): Promise<void> {
  const frameId = commandFrame(await lastReportOf(tabId).catch(() => null));
  if (frameId !== undefined) {
    try {
      await browser.tabs.sendMessage(tabId, message, { frameId });
      return;
    } catch {
      // That frame is gone (the tab moved on): tell every frame.
    }
  }
  await browser.tabs.sendMessage(tabId, message);
}

export async function analyseTab(tabId: number): Promise<void> {
  try {
    await sendToTab(tabId, { type: 'page/analyse', force: true });
  } catch {
    // No content script on this page yet: inject it (allowed by activeTab after the analyst's gesture).
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
  }
}

async function tellTab(tabId: number, type: string): Promise<void> {
  try {
    await sendToTab(tabId, { type });
  } catch {
    await analyseTab(tabId);
    await sendToTab(tabId, { type }).catch(() => undefined);
  }
}

export function installMenusAndCommands(lastReport: LastReportOf): void {
  lastReportOf = lastReport;
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: 'analyse', title: browser.i18n.getMessage('menuAnalyse'), contexts: ['page'] });
      browser.contextMenus.create({
        id: 'highlight',
        title: browser.i18n.getMessage('menuHighlight'),
        contexts: ['selection'],
      });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    if (info.menuItemId === 'analyse') void analyseTab(tab.id);
    if (info.menuItemId === 'highlight') void tellTab(tab.id, 'page/annotate-selection');
  });
  browser.commands.onCommand.addListener((command, tab) => {
    const tabId = tab?.id;
    const run = async (id: number) => {
      if (command === 'analyse-page') await analyseTab(id);
      if (command === 'highlight-selection') await tellTab(id, 'page/highlight-selection');
      if (command === 'toggle-panel') await tellTab(id, 'page/toggle-panel');
    };
    if (tabId !== undefined) void run(tabId);
    else
      void browser.tabs.query({ active: true, currentWindow: true }).then(async ([t]) => {
        if (t?.id !== undefined) await run(t.id);
      });
  });
}
