import { defineConfig } from 'wxt';

// Known notice sites: analysed automatically. Everything else only when the analyst asks (activeTab),
// or after the analyst grants the optional host permission for that site.
export const NOTICE_SITE_MATCHES = [
  '*://*.pkulaw.com/*',
  '*://pkulaw.com/*',
  '*://*.pkulaw.cn/*',
  '*://www.gov.cn/*',
  '*://*.gov.cn/*',
];

export default defineConfig({
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'contextMenus'],
    host_permissions: NOTICE_SITE_MATCHES,
    optional_host_permissions: ['*://*/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'notice-lens@notice-lens.app', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
