/**
 * Launches Debian's Chromium with the built extension loaded (no browser download), and serves pages under
 * real notice-site URLs by intercepting requests, so the content script runs exactly as on the live sites
 * without any network.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSource, seedSource } from '../support/fixtures';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
/** The built extension; E2E_EXTENSION_DIR points at another build (e.g. one made from a clean checkout). */
export const EXTENSION_DIR = process.env.E2E_EXTENSION_DIR ?? join(ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A storage area of the extension API, as far as the tests use it. */
export interface ExtensionStorageArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** What the tests call of the extension API inside the extension's own contexts (service worker, pages). */
export interface ExtensionApi {
  storage: { local: ExtensionStorageArea; session: ExtensionStorageArea };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  runtime: { getManifest(): { manifest_version: number } & Record<string, unknown> };
}

/** The global object of an extension context, to reach `chrome` with types: `(globalThis as unknown as ExtensionGlobal).chrome`. */
export interface ExtensionGlobal {
  chrome: ExtensionApi;
}

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

/**
 * How every test and benchmark starts Debian's Chromium: headless, Chinese locale, these unpacked extensions
 * loaded, and none of the background traffic this machine's closed network would refuse.
 */
export function chromiumOptions(extensionDirs: string[]): Parameters<typeof chromium.launchPersistentContext>[1] {
  return {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    // The extension's UI language follows the browser's: Chinese first.
    env: { ...process.env, LANGUAGE: 'zh_CN:zh', LANG: 'zh_CN.UTF-8' },
    args: [
      `--disable-extensions-except=${extensionDirs.join(',')}`,
      `--load-extension=${extensionDirs.join(',')}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
    ],
  };
}

export async function launch(
  options: {
    userDataDir?: string;
    uiLanguage?: 'zh_CN' | 'en' | 'auto';
    /** Another build of the extension to load instead. */
    extensionDir?: string;
    /** Other unpacked extensions to load alongside (without a service worker of their own). */
    alongside?: string[];
  } = {},
): Promise<Session> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error('build the extension first: npx wxt build');
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'notice-lens-e2e-'));
  const context = await chromium.launchPersistentContext(
    userDataDir,
    chromiumOptions([extensionDir, ...(options.alongside ?? [])]),
  );
  let worker = context.serviceWorkers()[0];
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 20000 });
  const extensionId = new URL(worker.url()).host;
  // Headless Chromium always reports an en-US UI; analysts choose Chinese in the popup, and so do the tests.
  await worker.evaluate(
    (lang) => (globalThis as unknown as ExtensionGlobal).chrome.storage.local.set({ 'settings:uiLanguage': lang }),
    options.uiLanguage ?? 'zh_CN',
  );

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
      // Sub-resources of saved pages are not served; the content script runs at document_idle anyway.
      await page.goto(url, { waitUntil: 'domcontentloaded' });
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

/** A real page of tests/fixtures, by the name it was supplied under. */
export function fixture(name: string): string {
  return readSource(name);
}

/** A seed notice of tests/fixtures, by its supplied file name or number. */
export function seed(name: string): string {
  return seedSource(name);
}

/** A seed text served as a simple notice page: one paragraph per line, as a county site would print it. */
export function seedPage(name: string): string {
  const text = seed(name).replace(/\r/g, '');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paragraphs = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `<p>${esc(l)}</p>`)
    .join('\n');
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
    CSS.highlights.forEach((h, name) => {
      if (!name.startsWith('notice-lens-')) return;
      out[name] = [...h].map((r) => (r as Range).toString());
    });
    return out;
  });
}

/**
 * The in-page panel lives in a closed shadow root (the page cannot read the analyst's notes), so tests
 * reach it as a person would — by clicking where it is drawn — finding it through the DevTools protocol,
 * which sees closed shadow roots.
 */
export class PanelDriver {
  private constructor(
    private readonly page: Page,
    private readonly cdp: import('playwright-core').CDPSession,
    private readonly inFrames = false,
  ) {}

  /** `inFrames`: the panel may be inside one of the page's (same-process) frames, where a notice is a frame's document. */
  static async attach(page: Page, options: { inFrames?: boolean } = {}): Promise<PanelDriver> {
    return new PanelDriver(page, await page.context().newCDPSession(page), options.inFrames ?? false);
  }

  private async shadowRootId(): Promise<number | null> {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const stack = [root];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.localName === 'notice-lens-ui' && n.shadowRoots?.length) return n.shadowRoots[0].nodeId;
      for (const c of n.children ?? []) stack.push(c);
      for (const c of n.shadowRoots ?? []) stack.push(c);
      if (this.inFrames && n.contentDocument) stack.push(n.contentDocument);
    }
    return null;
  }

  async exists(selector: string): Promise<boolean> {
    const rootId = await this.shadowRootId();
    if (rootId === null) return false;
    const { nodeId } = await this.cdp.send('DOM.querySelector', { nodeId: rootId, selector });
    return nodeId > 0;
  }

  async waitFor(selector: string, timeout = 10000): Promise<void> {
    const end = Date.now() + timeout;
    while (Date.now() < end) {
      if (await this.exists(selector)) return;
      await this.page.waitForTimeout(100);
    }
    throw new Error(`panel element ${selector} did not appear`);
  }

  private async node(selector: string): Promise<number> {
    await this.waitFor(selector);
    const rootId = (await this.shadowRootId())!;
    const { nodeId } = await this.cdp.send('DOM.querySelector', { nodeId: rootId, selector });
    return nodeId;
  }

  /** Click the centre of a panel element with the real mouse. */
  async click(selector: string): Promise<void> {
    const nodeId = await this.node(selector);
    await this.cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId }).catch(() => undefined);
    const { model } = await this.cdp.send('DOM.getBoxModel', { nodeId });
    const q = model.content;
    await this.page.mouse.click((q[0] + q[4]) / 2, (q[1] + q[5]) / 2);
  }

  /** Focus a field and type into it with the keyboard. */
  async type(selector: string, text: string): Promise<void> {
    const nodeId = await this.node(selector);
    await this.cdp.send('DOM.focus', { nodeId });
    await this.page.keyboard.type(text);
  }

  /**
   * Start recording every text the panel's status line shows (it changes faster than a test can poll):
   * a MutationObserver on the closed shadow root, reached through the DevTools protocol.
   */
  async recordStatus(): Promise<void> {
    await this.onShadowRoot(`function () {
      const log = [];
      const read = () => {
        const el = this.querySelector('[role=status]');
        const text = el ? el.textContent : '';
        if (log[log.length - 1] !== text) log.push(text);
      };
      new MutationObserver(read).observe(this, { subtree: true, childList: true, characterData: true });
      read();
      this.__statusLog = log;
    }`);
  }

  /** The status texts shown since `recordStatus`, in order ('' while none was shown). */
  async statusLog(): Promise<string[]> {
    return ((await this.onShadowRoot('function () { return this.__statusLog || []; }')) as string[]) ?? [];
  }

  private async onShadowRoot(functionDeclaration: string): Promise<unknown> {
    await this.waitFor('*');
    const rootId = (await this.shadowRootId())!;
    const { object } = await this.cdp.send('DOM.resolveNode', { nodeId: rootId });
    const { result } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration,
      returnByValue: true,
    });
    return result.value as unknown;
  }

  /** The viewport rectangle of a panel element (zero-sized when it is not displayed). */
  async rect(selector: string): Promise<{ left: number; top: number; right: number; bottom: number; width: number }> {
    return (await this.onShadowRoot(`function () {
      const el = this.querySelector(${JSON.stringify(selector)});
      const r = el ? el.getBoundingClientRect() : { left: 0, top: 0, right: 0, bottom: 0, width: 0 };
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width };
    }`)) as { left: number; top: number; right: number; bottom: number; width: number };
  }

  /** A computed style property of a panel element ('' when there is none). */
  async style(selector: string, property: string): Promise<string> {
    return (await this.onShadowRoot(`function () {
      const el = this.querySelector(${JSON.stringify(selector)});
      return el ? getComputedStyle(el).getPropertyValue(${JSON.stringify(property)}) : '';
    }`)) as string;
  }

  /** Focus a panel element (as a click or Tab would). */
  async focus(selector: string): Promise<void> {
    await this.cdp.send('DOM.focus', { nodeId: await this.node(selector) });
  }

  async text(selector: string): Promise<string> {
    const nodeId = await this.node(selector);
    const { object } = await this.cdp.send('DOM.resolveNode', { nodeId });
    const { result } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { return this.textContent; }',
      returnByValue: true,
    });
    return result.value as string;
  }
}

/** Select the first occurrence of `quote` in the page's text with a real mouse drag. */
export async function selectText(page: Page, quote: string): Promise<void> {
  const box = await page.evaluate((q) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(q);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + q.length);
      (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const rects = r.getClientRects();
      const first = rects[0];
      const last = rects[rects.length - 1];
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    }
    return null;
  }, quote);
  if (!box) throw new Error(`text not on the page: ${quote}`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

/** An annotation as the extension's database stores it (the fields the tests read). */
export interface StoredAnnotation {
  id: string;
  quote: string;
  note: string;
  tags: string[];
  colour: string;
  deletedAt: number | null;
}

/** The annotations stored in the extension's own database, read from the service worker. */
export async function storedAnnotations(worker: Worker): Promise<StoredAnnotation[]> {
  return worker.evaluate(
    () =>
      new Promise<StoredAnnotation[]>((resolve, reject) => {
        const open = indexedDB.open('notice-lens');
        open.onerror = () => reject(open.error ?? new Error('the database did not open'));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('annotations')) return resolve([]);
          const req = db.transaction('annotations').objectStore('annotations').getAll();
          req.onsuccess = () => {
            resolve(req.result as StoredAnnotation[]);
            db.close();
          };
          req.onerror = () => reject(req.error ?? new Error('the annotations were not read'));
        };
      }),
  );
}

/** Stop the extension's service worker (as Chromium does when it idles or is updated); the next event starts it again. */
export async function stopServiceWorkers(s: Session): Promise<void> {
  const page = s.context.pages()[0] ?? (await s.context.newPage());
  const cdp = await s.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach().catch(() => undefined);
}

/**
 * The extension's service worker, started if it was stopped. (Playwright keeps a stopped worker listed, and
 * calls into it wait until it runs again: nothing else may be there to wake it.)
 */
export async function currentWorker(s: Session): Promise<Worker> {
  const page = s.context.pages().find((p) => !p.isClosed()) ?? (await s.context.newPage());
  const cdp = await s.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${s.extensionId}/` });
  await cdp.detach().catch(() => undefined);
  return s.context.serviceWorkers()[0] ?? (await s.context.waitForEvent('serviceworker', { timeout: 20000 }));
}

/**
 * Kill (SIGKILL) this session's extension renderer process: the service worker and every extension page
 * (library, popup) die at once, as in a crash. Returns the ids of the killed processes.
 */
export function killExtensionProcess(s: Session): number[] {
  const killed: number[] = [];
  for (const pid of readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)) {
    let args: string[];
    try {
      // Chromium rewrites its process title: the arguments may be separated by spaces instead of NULs.
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    } catch {
      continue;
    }
    if (!args.includes('--type=renderer') || !args.includes('--extension-process')) continue;
    if (!args.includes(`--user-data-dir=${s.userDataDir}`)) continue;
    process.kill(pid, 'SIGKILL');
    killed.push(pid);
  }
  return killed;
}

/**
 * CPU time (s) used so far by this session's extension process (service worker and extension pages), from
 * /proc: what the content script's work costs once it has been handed to the background.
 */
export function extensionCpuSeconds(s: Session): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      if (!args.includes('--extension-process') || !args.includes(`--user-data-dir=${s.userDataDir}`)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks / 100;
}

/** A row of the extension's database: whatever the table holds, read as plain data. */
export type DbRow = Record<string, unknown>;

/** Every row of every table of the extension's database, read from the service worker: `{ table: rows }`. */
export async function readDatabase(worker: Worker): Promise<Record<string, DbRow[]>> {
  return worker.evaluate(
    () =>
      new Promise<Record<string, DbRow[]>>((resolve, reject) => {
        const open = indexedDB.open('notice-lens');
        // No database yet: do not create one (the extension would find an empty version 1).
        let absent = false;
        open.onupgradeneeded = () => {
          absent = true;
          open.transaction!.abort();
        };
        open.onerror = () => (absent ? resolve({}) : reject(open.error ?? new Error('the database did not open')));
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const out: Record<string, DbRow[]> = {};
          if (names.length === 0) return resolve(out);
          const tx = db.transaction(names);
          for (const name of names) {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => {
              out[name] = req.result as DbRow[];
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error ?? new Error('the database was not read'));
        };
      }),
  );
}

/** What the background keeps of a tab's last analysis (the fields the tests read), with the tab's toolbar badge. */
export interface TabReport {
  isNotice: boolean;
  clauseCount?: number;
  badge: string;
  timings?: { runs: number; total: number };
}

/** The last analysis report the background received for a tab showing `url`, with that tab's toolbar badge. */
export async function tabReport(worker: Worker, url: string): Promise<TabReport | null> {
  return worker.evaluate(async (u) => {
    const chrome = (globalThis as unknown as ExtensionGlobal).chrome;
    const all = await chrome.storage.session.get(null);
    for (const [k, v] of Object.entries(all)) {
      const stored = v as Omit<TabReport, 'badge'> & { url?: string };
      if (!k.startsWith('tab:') || stored.url !== u) continue;
      const badge = await chrome.action.getBadgeText({ tabId: Number(k.slice(4)) });
      return { ...stored, badge };
    }
    return null;
  }, url);
}

export async function waitForReport(worker: Worker, url: string, timeout = 15000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const r = await tabReport(worker, url);
    if (r) return r;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`no analysis report for ${url}`);
}

/** RFC 4180 rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * The popup as it opens over `page`. Headless Chromium draws no toolbar, and a popup opened by
 * `action.openPopup` is not a page Playwright can drive, so the popup's own page is opened in a tab whose
 * question "which tab is in front of this window?" is answered with `page`'s tab: everything else (the
 * database, the content script's snapshot, the background) is the extension's own.
 */
export async function openPopupOver(s: Session, page: Page): Promise<Page> {
  const url = page.url();
  const tab = await s.worker.evaluate(async (u) => {
    const chrome = (
      globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ url?: string }>> } } }
    ).chrome;
    return (await chrome.tabs.query({})).find((t) => t.url === u) ?? null;
  }, url);
  if (!tab) throw new Error(`no tab shows ${url}`);
  const popup = await s.context.newPage();
  await popup.addInitScript((front) => {
    const tabs = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<unknown[]> } } }).chrome.tabs;
    const query = tabs.query.bind(tabs);
    tabs.query = (q: { active?: boolean; currentWindow?: boolean }) =>
      q.active && q.currentWindow ? Promise.resolve([front]) : query(q);
  }, tab);
  await popup.goto(`chrome-extension://${s.extensionId}/popup.html`);
  await popup.waitForSelector('.popup');
  return popup;
}

/** One element's own text as painted: its colour's contrast ratio against the background behind it. */
export interface TextContrast {
  tag: string;
  text: string;
  colour: string;
  background: string;
  ratio: number;
}

/**
 * The WCAG contrast ratio of every visible piece of text on the page (elements with text of their own, and
 * the values of fields and buttons) against the background painted behind it (translucent backgrounds
 * blended over what lies under them).
 */
export function textContrasts(page: Page): Promise<TextContrast[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba => {
      const m = c.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1];
    };
    const over = (top: Rgba, under: Rgba): Rgba => {
      const a = top[3] + under[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const mix = (i: number) => (top[i] * top[3] + under[i] * under[3] * (1 - top[3])) / a;
      return [mix(0), mix(1), mix(2), a];
    };
    const backgroundOf = (el: Element | null): Rgba => {
      const layers: Rgba[] = [];
      for (let e = el; e; e = e.parentElement) {
        const b = parse(getComputedStyle(e).backgroundColor);
        if (b[3] > 0) layers.push(b);
        if (b[3] >= 1) break;
      }
      // The canvas under everything: the page's own background is the body's (propagated), else white.
      let colour: Rgba = [255, 255, 255, 1];
      for (const l of layers.reverse()) colour = over(l, colour);
      return colour;
    };
    const luminance = ([r, g, b]: Rgba) => {
      const lin = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const out: TextContrast[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const own = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      const field = el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? el : null;
      const text = own || (field && field.type !== 'checkbox' && field.type !== 'file' ? field.value : '');
      if (!text) continue;
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (rect.width === 0 || rect.height === 0 || style.visibility !== 'visible' || Number(style.opacity) === 0)
        continue;
      const background = backgroundOf(el);
      const colour = over(parse(style.color), background);
      const [hi, lo] = [luminance(colour), luminance(background)].sort((a, b) => b - a);
      out.push({
        tag: el.localName,
        text: text.slice(0, 30),
        colour: style.color,
        background: `rgb(${background.slice(0, 3).map(Math.round).join(', ')})`,
        ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
      });
    }
    return out;
  });
}
