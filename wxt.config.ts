import { defineConfig } from 'wxt';

import { LAW_TEXT_FRAME_MATCHES, NOTICE_SITE_MATCHES } from './lib/sites';

export default defineConfig({
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'contextMenus', 'alarms'],
    host_permissions: NOTICE_SITE_MATCHES,
    optional_host_permissions: ['*://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'analyse-page': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_cmdAnalyse__' },
      'highlight-selection': { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_cmdHighlight__' },
      'toggle-panel': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_cmdTogglePanel__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'notice-lens@notice-lens.app',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // The law-text host serves the national law database's texts into a frame of its detail page: the same
    // content script runs there in frames too (all_frames on this host only; it is inside *.gov.cn already).
    'build:manifestGenerated': (_wxt, manifest) => {
      const main = manifest.content_scripts?.find((cs) => cs.js?.includes('content-scripts/content.js'));
      if (!main) return;
      manifest.content_scripts!.push({
        matches: LAW_TEXT_FRAME_MATCHES,
        js: main.js,
        ...(main.css ? { css: main.css } : {}),
        run_at: main.run_at,
        all_frames: true,
      });
    },
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // NOTICE_LENS_UNMINIFIED=1: readable function names in CPU profiles (bench/browser/profile-page.ts).
    build: process.env.NOTICE_LENS_UNMINIFIED ? { minify: false } : {},
  }),
});
