/**
 * Launches Debian's Chromium with the built extension loaded (no browser download), and serves pages under
 * real notice-site URLs by intercepting requests, so the content script runs exactly as on the live sites
 * without any network.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const SHARED = resolve(ROOT, '../shared');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  /** Serve `body` at `url` (any host) for every later navigation. */
  serve(url: string, body: string, contentType?: string): void;
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launch(options: { userDataDir?: string } = {}): Promise<Session> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('build the extension first: npx wxt build');
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'notice-lens-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
    ],
  });
  let worker = context.serviceWorkers()[0];
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 20000 });
  const extensionId = new URL(worker.url()).host;

  const pages = new Map<string, { body: string; contentType: string }>();
  await context.route(
    (url) => pages.has(stripHash(url.toString())),
    (route) => {
      const page = pages.get(stripHash(route.request().url()))!;
      return route.fulfill({ status: 200, contentType: page.contentType, body: page.body });
    },
  );
  // Nothing else may reach the network: fail it fast instead of waiting for a timeout.
  await context.route(
    (url) => /^https?:/.test(url.toString()) && !pages.has(stripHash(url.toString())),
    (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not served in tests' }),
  );

  return {
    context,
    extensionId,
    worker,
    userDataDir,
    serve(url, body, contentType = 'text/html; charset=utf-8') {
      pages.set(stripHash(url), { body, contentType });
    },
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async close() {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

function stripHash(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

export function fixture(name: string): string {
  return readFileSync(join(SHARED, 'fixtures', name), 'utf8');
}

export function seed(name: string): string {
  return readFileSync(join(SHARED, 'seeds', name), 'utf8');
}

/** A seed text served as a simple notice page: one paragraph per line, as a county site would print it. */
export function seedPage(name: string): string {
  const text = seed(name).replace(/\r/g, '');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paragraphs = text.split('\n').filter((l) => l.trim()).map((l) => `<p>${esc(l)}</p>`).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(text.trim().split('\n')[0].trim())}</title></head><body><div class="header"><a href="/">首页</a> &gt; <a href="/xxgk">信息公开</a></div><div id="zoom">${paragraphs}</div><div class="footer">主办单位：县委办公室</div></body></html>`;
}

/** Wait until the content script has painted (or decided there is nothing to paint) on this page. */
export async function waitForAnalysis(page: Page, timeout = 15000): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.noticeLens === 'done', null, { timeout });
}

/** Read our highlights: name → texts of its ranges, from the page's own CSS.highlights registry. */
export async function readHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    (CSS as any).highlights.forEach((h: any, name: string) => {
      if (!name.startsWith('notice-lens-')) return;
      out[name] = [...h].map((r: Range) => r.toString());
    });
    return out;
  });
}
