// Opens Debian's Chromium with the built extension and the bundled demo notice served as a gov.cn page.
// With a display the window stays open until you close it; without one it runs headless, waits for the
// highlights and saves a screenshot to .tmp/demo.png.
/* global chrome, CSS -- the browser's, in the functions evaluated in the service worker and the page */
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const extension = join(root, '.output/chrome-mv3');
const demoUrl = 'https://www.gov.cn/zhengce/content/2020-01/30/content_demo.htm';
const headless = !process.env.DISPLAY || process.argv.includes('--headless');

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'notice-lens-')), {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless,
  viewport: headless ? { width: 1400, height: 900 } : null,
  locale: 'zh-CN',
  // The extension's UI language follows the browser's: Chinese first.
  env: { ...process.env, LANGUAGE: 'zh_CN:zh', LANG: 'zh_CN.UTF-8' },
  args: [
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--lang=zh-CN',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});
// Chinese UI (headless Chromium reports en-US whatever the system language).
let worker = context.serviceWorkers()[0];
if (!worker) worker = await context.waitForEvent('serviceworker');
await worker.evaluate(() => chrome.storage.local.set({ 'settings:uiLanguage': 'zh_CN' }));
const demo = readFileSync(join(root, 'demo/notice.html'), 'utf8');
await context.route(demoUrl, (route) =>
  route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: demo }),
);
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demoUrl);
await page.waitForFunction(() => CSS.highlights && CSS.highlights.has('notice-lens-obligation'), null, {
  timeout: 20000,
});
const counts = await page.evaluate(() => {
  const out = {};
  CSS.highlights.forEach((h, name) => name.startsWith('notice-lens-') && (out[name] = h.size));
  return out;
});
console.log('Highlights painted on the demo notice:', JSON.stringify(counts));
if (headless) {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  await page.screenshot({ path: join(root, '.tmp/demo.png') });
  console.log('No display: ran headless; screenshot saved to .tmp/demo.png');
  await context.close();
} else {
  console.log('Chromium is open on the demo notice; close the window to finish.');
  await new Promise((r) => context.on('close', r));
}
