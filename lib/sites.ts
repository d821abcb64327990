/**
 * The known notice sites, where the content script runs on its own. Everywhere else it runs only when the
 * analyst asks (toolbar button, context menu, shortcut: activeTab) or after granting that site.
 */
export const NOTICE_SITE_MATCHES = [
  '*://*.pkulaw.com/*',
  '*://pkulaw.com/*',
  '*://*.pkulaw.cn/*',
  '*://www.gov.cn/*',
  '*://*.gov.cn/*',
];

/**
 * Where the notice is a frame's document: the national law database's detail page (flk.npc.gov.cn) shows
 * the law's text in a frame served by this host. The content script also runs in frames here, and only
 * here; the shell page around the frame is left alone.
 */
export const LAW_TEXT_FRAME_MATCHES = ['*://wb.flk.npc.gov.cn/*'];
