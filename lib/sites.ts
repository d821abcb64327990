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
