/**
 * What a notice site's own script can learn about the analyst's annotations. The page carries a spy (main
 * world, before anything else) that watches the DOM, window messages and its globals; after the analyst has
 * annotated through the panel, the spy looks everywhere a page can: document text and attributes, the
 * extension's element and shadow root, style sheets, CSS.highlights, the site's own storage, and the
 * extension itself through chrome.runtime.
 *
 * Allowed, and checked to carry nothing more: the closed-shadow host element <notice-lens-ui>, one
 * constructed style sheet with the ::highlight() rules, and CSS.highlights with the painted ranges (their
 * text is the page's own; the notes are never in it).
 *
 * Not covered, by design of an in-page editor: while the analyst types a note in the panel, the key and
 * input events (composed, so retargeted to the host but carrying `key` and `data`) reach the page's own
 * listeners, which see what is typed as it is typed. Only an editor in an extension frame would hide them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentWorker, launch, PanelDriver, readDatabase, seedPage, selectText, type Session } from './harness';

const URL_P = 'https://www.gov.cn/zhengce/content/2024-02/02/content_privacy.htm';
const NOTE = '机密批注7f3a：与上年度文件对照，第二条口径收紧';
const TAG = '内部标签9c1e';

/** What the spy below keeps on the page's window. */
interface Spy {
  added: Array<{ node: string; parent: string; html: string }>;
  attributes: string[];
  text: string[];
  messages: string[];
  globalsAtLoad: string[];
}

/** What a web page gets of `chrome.runtime` when an installed extension is externally connectable. */
interface PageRuntime {
  sendMessage(extensionId: string, message: unknown, callback: (response: unknown) => void): void;
  connect(extensionId: string): {
    onDisconnect: { addListener(listener: () => void): void };
    onMessage: { addListener(listener: (message: unknown) => void): void };
    postMessage(message: unknown): void;
  };
  lastError?: { message?: string };
}

/** The page's window: the spy's record (where the spy runs), and the extension API Chromium may give the page. */
type PageWindow = Window & { __spy?: Spy; chrome?: { runtime?: PageRuntime } };

/** Installed before the page's body is parsed: what a hostile site would run. */
const SPY = `<script>
(() => {
  const spy = { added: [], attributes: [], text: [], messages: [], globalsAtLoad: null };
  let watching = false;
  const observer = new MutationObserver((records) => {
    if (!watching) return;
    for (const r of records) {
      if (r.type === 'attributes') spy.attributes.push(r.target.nodeName + ' ' + r.attributeName + '=' + r.target.getAttribute(r.attributeName));
      if (r.type === 'characterData') spy.text.push(r.target.data);
      for (const n of r.addedNodes) spy.added.push({ node: n.nodeName, parent: r.target.nodeName, html: (n.outerHTML || n.textContent || '').slice(0, 500) });
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  addEventListener('message', (e) => spy.messages.push(String(JSON.stringify(e.data)).slice(0, 300)), true);
  document.addEventListener('DOMContentLoaded', () => {
    spy.globalsAtLoad = Object.getOwnPropertyNames(window);
    observer.takeRecords(); // the page's own parsing
    watching = true;
  });
  window.__spy = spy;
})();
</script>`;

describe('the extension is not reachable from web pages', () => {
  // Chromium gives a page chrome.runtime when any installed extension lists it in externally_connectable:
  // load one such extension alongside ours, so the page has the API and can try it on us.
  const probe = mkdtempSync(join(tmpdir(), 'notice-lens-probe-'));
  let s: Session;
  beforeAll(async () => {
    writeFileSync(
      join(probe, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'externally connectable probe',
        version: '1',
        externally_connectable: { matches: ['https://www.gov.cn/*'] },
      }),
    );
    s = await launch({ alongside: [probe] });
    s.serve(URL_P, seedPage('000_539b2a5a56109cc5.txt'));
  });
  afterAll(async () => {
    await s?.close();
    rmSync(probe, { recursive: true, force: true });
  });

  it('chrome.runtime.sendMessage and connect from a notice page get no answer and reach nothing', async () => {
    const page = await s.open(URL_P);
    await page.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    // The page's own content script opens the database once it has painted (to load the page's annotations):
    // wait for that, so what follows compares the database with itself and not with its creation.
    await expect
      .poll(async () => Object.keys(await readDatabase(await currentWorker(s))).length, { timeout: 20_000 })
      .toBeGreaterThan(0);
    const before = await readDatabase(await currentWorker(s));
    const tried = await page.evaluate(async (id) => {
      const runtime = (window as PageWindow).chrome?.runtime;
      if (!runtime?.sendMessage) return { available: false };
      const ask = (message: unknown) =>
        new Promise<{ response: unknown; error: string | null }>((resolve) => {
          try {
            runtime.sendMessage(id, message, (response: unknown) =>
              resolve({ response: response ?? null, error: runtime.lastError?.message ?? null }),
            );
          } catch (e) {
            resolve({ response: null, error: `threw: ${(e as Error).message}` });
          }
        });
      const list = await ask({ type: 'library/list' });
      const write = await ask({
        type: 'notice/upsert',
        snapshot: { id: 'url:evil.example/x', urls: ['https://evil.example/x'], text: 'x' },
      });
      const port = await new Promise<string>((resolve) => {
        try {
          const p = runtime.connect(id);
          p.onDisconnect.addListener(() => resolve(`disconnected: ${runtime.lastError?.message ?? ''}`));
          p.onMessage.addListener((m: unknown) => resolve(`message: ${JSON.stringify(m)}`));
          p.postMessage({ type: 'library/list' });
        } catch (e) {
          resolve(`threw: ${(e as Error).message}`);
        }
      });
      return { available: true, list, write, port };
    }, s.extensionId);
    expect(tried.available).toBe(true);
    expect(tried.list).toEqual({ response: null, error: expect.any(String) as unknown });
    expect(tried.write).toEqual({ response: null, error: expect.any(String) as unknown });
    expect(tried.port).toMatch(/^(disconnected|threw)/);
    // Nothing was written.
    expect(await readDatabase(await currentWorker(s))).toEqual(before);
    await page.close();
  });
});

describe('privacy from the page', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
    s.serve(URL_P, seedPage('000_539b2a5a56109cc5.txt').replace('<head>', `<head>${SPY}`));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the page cannot find or read the analyst’s annotations', async () => {
    const page = await s.open(URL_P);
    await page.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    const panel = await PanelDriver.attach(page);
    await selectText(page, '不信谣不传谣');
    await panel.click('[data-action="note"]');
    await panel.type('[data-field="note"]', NOTE);
    await panel.type('[data-field="tags"]', TAG);
    await panel.click('[data-action="save"]');
    await selectText(page, '带头少外出少走动');
    await panel.click('[data-colour="green"]');
    await panel.click('[data-action="open"]');
    await expect
      .poll(async () => (await readDatabase(await currentWorker(s))).annotations?.length ?? 0, { timeout: 20000 })
      .toBe(2);
    await expect
      .poll(async () =>
        (await page.evaluate(() => [...CSS.highlights.keys()])).filter((n) => n.startsWith('notice-lens-user')),
      )
      .toHaveLength(2);

    const seen = await page.evaluate(
      async ([note, tag]) => {
        const spy = (window as PageWindow).__spy!;
        const host = document.querySelector('notice-lens-ui') as HTMLElement;
        const allText = [document.documentElement.outerHTML, document.body.innerText];
        for (const el of document.querySelectorAll('*')) for (const a of el.attributes) allText.push(a.value);
        const sheets = [...document.styleSheets, ...document.adoptedStyleSheets].map((sh) =>
          [...sh.cssRules].map((r) => r.cssText).join('\n'),
        );
        const highlights: Record<string, string[]> = {};
        CSS.highlights.forEach((h, name) => (highlights[name] = [...h].map((r) => (r as Range).toString())));
        let reopened = 'no error';
        try {
          host.attachShadow({ mode: 'open' });
        } catch (e) {
          reopened = (e as Error).name;
        }
        const runtime = (window as PageWindow).chrome?.runtime;
        return {
          found: allText.some((t) => t.includes(note) || t.includes(tag)),
          added: spy.added,
          attributes: spy.attributes,
          messages: spy.messages,
          text: spy.text,
          newGlobals: Object.getOwnPropertyNames(window).filter((g) => !spy.globalsAtLoad.includes(g)),
          hostAttributes: [...host.attributes].map((a) => a.name),
          hostChildren: host.childNodes.length,
          shadowRoot: host.shadowRoot === null ? null : 'open',
          reopened,
          sheets,
          sheetsMention: sheets.some((t) => t.includes(note) || t.includes(tag)),
          highlights,
          localStorage: localStorage.length,
          sessionStorage: sessionStorage.length,
          databases: (await indexedDB.databases()).map((d) => d.name),
          caches: await caches.keys(),
          cookie: document.cookie,
          expando:
            (document as Document & { __noticeLensSheet?: unknown }).__noticeLensSheet === undefined &&
            (window as unknown as Record<symbol, unknown>)[Symbol.for('notice-lens')] === undefined,
          runtime: runtime ? Object.keys(runtime) : null,
        };
      },
      [NOTE, TAG],
    );
    // Nothing of the notes or tags anywhere in the document, its attributes or its style sheets.
    expect(seen.found).toBe(false);
    expect(seen.sheetsMention).toBe(false);
    // The one element added: the host of a closed shadow root, empty to the page, with one style attribute.
    expect(seen.added).toEqual([
      { node: 'NOTICE-LENS-UI', parent: 'HTML', html: '<notice-lens-ui style="all: initial;"></notice-lens-ui>' },
    ]);
    expect(seen.hostAttributes).toEqual(['style']);
    expect(seen.hostChildren).toBe(0);
    expect(seen.shadowRoot).toBeNull();
    expect(seen.reopened).toBe('NotSupportedError');
    // No attribute set on the page's elements, no text of theirs changed, no message posted, no global.
    expect(seen.attributes).toEqual([]);
    expect(seen.text).toEqual([]);
    expect(seen.messages).toEqual([]);
    expect(seen.newGlobals).toEqual([]);
    expect(seen.expando).toBe(true);
    // One style sheet holds the ::highlight() rules (and those of the fallback marks); while the panel is open, a
    // second narrows the page's root by the panel's width. Nothing else.
    expect(seen.sheets.length).toBeGreaterThanOrEqual(1);
    expect(seen.sheets.length).toBeLessThanOrEqual(2);
    const highlightRule = /^\s*(::highlight\(notice-lens-[a-z-]+\)|notice-lens-mark(\[data-k="[a-z-]+"\])?) \{/;
    // The dock: only the root's right margin, width and box sizing (in whatever order the browser prints them).
    const dockRule =
      /^\s*html(\[data-notice-lens-panel\])? \{( (margin-right: \d+px|width: fit-content) !important;| box-sizing: border-box;)+ \}$/;
    const mediaLine = /^(@media (\(max-width: \d+px\)|print) \{|\})$/;
    for (const rule of seen.sheets.join('\n').split('\n'))
      expect(highlightRule.test(rule) || dockRule.test(rule) || mediaLine.test(rule), rule).toBe(true);
    // CSS.highlights: our names only, and the annotations' ranges are the quotes the analyst marked.
    expect(Object.keys(seen.highlights).every((n) => n.startsWith('notice-lens-'))).toBe(true);
    const user = Object.entries(seen.highlights)
      .filter(([n]) => n.startsWith('notice-lens-user-'))
      .flatMap(([, texts]) => texts);
    expect(user.sort()).toEqual(['不信谣不传谣', '带头少外出少走动'].sort());
    expect(
      Object.values(seen.highlights)
        .flat()
        .some((t) => t.includes(NOTE) || t.includes(TAG)),
    ).toBe(false);
    // The site's own storage holds nothing of ours.
    expect([seen.localStorage, seen.sessionStorage, seen.databases, seen.caches, seen.cookie]).toEqual([
      0,
      0,
      [],
      [],
      '',
    ]);
    // And the extension is not reachable from the page: no chrome.runtime without externally_connectable.
    expect(seen.runtime).toBeNull();
    await page.close();
  });
});
