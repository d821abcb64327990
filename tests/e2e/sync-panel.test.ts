/**
 * The page's panel with team sync on, in Chromium with the built extension: bob is signed in, his own note
 * was made on the page through the selection toolbar, alice's note on the same notice arrives from the team
 * server; 我的 / 团队 / 全部 list the right ones. A note with another version on the server is marked
 * 另有版本 in the panel, pointing to the library; with the panel open, the mark goes when one version is kept
 * on the server and comes back, with the newer text, when another version arrives (no reload).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, PanelDriver, ROOT, selectText, storedAnnotations, type Session } from './harness';
import { setUpTeam, startCouch, type CouchServer } from '../support/couch-server';

const ALICE = { username: 'alice', password: 'alice-pw' };
const BOB = { username: 'bob', password: 'bob-pw' };
const DB = 'team';
const URL_A = 'https://www.gov.cn/zhengce/content/2020-01/30/content_sync_panel.htm';
const DEMO = readFileSync(join(ROOT, 'demo/notice.html'), 'utf8');
const QUOTE = '自觉接受党性锻炼和实践考验';

type Answer = { ok: boolean; value?: unknown; error?: string };

interface Stored {
  id: string;
  noticeId: string;
  creator?: string;
  note: string;
  quote: string;
  selectors: unknown[];
}

/** Wait until `check` holds (setup runs outside a test, where expect.poll is not available). */
async function until(check: () => Promise<boolean>, ms = 30000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out: ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("the page's panel with team sync on", () => {
  let couch: CouchServer;
  let s: Session;
  let settings: Page;
  let alicesId = '';
  let bobsId = '';

  const send = (m: object): Promise<Answer> =>
    settings.evaluate(
      (x) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Answer> } } }
        ).chrome.runtime.sendMessage(x),
      m,
    );
  const storage = (): Promise<Record<string, unknown>> =>
    settings.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }
      ).chrome.storage.local.get(null),
    );
  const stored = async () => (await storedAnnotations(s.worker)) as unknown as Stored[];

  /** A PUT to the team database as alice (her client's replication would send the same). */
  const asAlice = (path: string, body: object) =>
    fetch(`${couch.url}/${DB}/${path}`, {
      method: 'PUT',
      headers: {
        Authorization: `Basic ${Buffer.from(`${ALICE.username}:${ALICE.password}`).toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
    });

  /** The page opened afresh with its panel open, once it shows its notes. */
  async function openPanel(count: number): Promise<{ page: Page; panel: PanelDriver }> {
    const page = await s.open(URL_A);
    await page.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    const panel = await PanelDriver.attach(page);
    await panel.click('[data-action="open"]');
    await expect.poll(() => listed(panel).then((x) => x.length), { timeout: 15000 }).toBe(count);
    return { page, panel };
  }

  /** Which of the two notes the panel lists (placed or not). */
  async function listed(panel: PanelDriver): Promise<string[]> {
    const ids: string[] = [];
    for (const id of [alicesId, bobsId]) if (await panel.exists(`[data-annotation="${id}"]`)) ids.push(id);
    return ids;
  }

  beforeAll(async () => {
    couch = await startCouch();
    await setUpTeam(couch, DB, [ALICE, BOB]);
    s = await launch();
    // The background reaches the team server; every other address stays closed as the harness set it.
    await s.context.route(
      (url) => url.toString().startsWith(couch.url),
      (route) => route.continue(),
    );
    s.serve(URL_A, DEMO);
    settings = await s.context.newPage();
    await settings.goto(`chrome-extension://${s.extensionId}/options.html`);
    const saved = await send({ type: 'sync/save-settings', url: couch.url, database: DB, ...BOB, enabled: true });
    expect(saved.ok).toBe(true);
    await until(async () => ((await send({ type: 'sync/status' })).value as { state: string }).state === 'synced');
    await until(async () => (await storage())['sync:user'] === 'bob');
  }, 120_000);

  afterAll(async () => {
    await s?.close();
    await couch?.stop();
  });

  it("bob's note made on the page and alice's from the server: 我的 lists his, 团队 hers, 全部 both", async () => {
    // Bob's note, through the selection toolbar.
    const page = await s.open(URL_A);
    await page.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    const panel = await PanelDriver.attach(page);
    await selectText(page, QUOTE);
    await panel.click('[data-action="note"]');
    await panel.type('[data-field="note"]', '乙的批注');
    await panel.click('[data-action="save"]');
    await expect.poll(async () => (await stored()).length, { timeout: 10000 }).toBe(1);
    const [bobs] = await stored();
    expect(bobs.creator).toBe('bob');
    bobsId = bobs.id;
    await page.close();
    // It reached the server (the notice with it).
    await expect
      .poll(async () => (await couch.admin(`/${DB}/annotation:${bobsId}`)).status, { timeout: 20000 })
      .toBe(200);

    // Alice's note on the same words, from her machine through the server.
    alicesId = 'alice-on-page';
    const now = Date.now();
    // Only an annotation's own fields: the stored row carries search keys the server's documents never have.
    const alices = {
      noticeId: bobs.noticeId,
      selectors: bobs.selectors,
      quote: bobs.quote,
      id: alicesId,
      note: '甲的批注',
      colour: 'blue',
      tags: [],
      creator: 'alice',
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    const put = await asAlice(`annotation:${alicesId}`, { kind: 'annotation', creator: 'alice', annotation: alices });
    expect(put.status).toBe(201);
    await expect
      .poll(async () => (await stored()).find((a) => a.id === alicesId)?.creator, { timeout: 20000 })
      .toBe('alice');

    const opened = await openPanel(2);
    const p = opened.panel;
    expect((await p.text('.owner-filter')).replace(/\s/g, '')).toBe('我的团队全部');
    await p.click('[data-owner="team"]');
    await expect.poll(() => listed(p), { timeout: 10000 }).toEqual([alicesId]);
    expect(await p.text(`[data-annotation="${alicesId}"] [data-field="creator"]`)).toContain('alice');
    await p.click('[data-owner="mine"]');
    await expect.poll(() => listed(p), { timeout: 10000 }).toEqual([bobsId]);
    expect(await p.text(`[data-annotation="${bobsId}"]`)).toContain('乙的批注');
    await p.click('[data-owner="all"]');
    await expect.poll(() => listed(p), { timeout: 10000 }).toEqual([alicesId, bobsId]);
    await opened.page.close();
  });

  it('a note with another version on the server is marked 另有版本 in the panel, pointing to the library', async () => {
    // Alice edited her note on two machines, one offline: the server keeps both revisions (a CouchDB conflict).
    const doc = (await (await couch.admin(`/${DB}/annotation:${alicesId}`)).json()) as {
      _rev: string;
      annotation: Record<string, unknown>;
    };
    const sibling = {
      _id: `annotation:${alicesId}`,
      _rev: `1-${'f'.repeat(32)}`,
      _revisions: { start: 1, ids: ['f'.repeat(32)] },
      kind: 'annotation',
      creator: 'alice',
      annotation: {
        ...doc.annotation,
        note: '甲在另一台电脑上的修改',
        updatedAt: Number(doc.annotation.updatedAt) - 1,
      },
    };
    const r = await couch.admin(`/${DB}/_bulk_docs`, {
      method: 'POST',
      body: JSON.stringify({ new_edits: false, docs: [sibling] }),
    });
    expect(r.ok).toBe(true);
    await expect.poll(async () => (await storage())['sync:conflicts'], { timeout: 20000 }).toEqual([alicesId]);

    const { page, panel } = await openPanel(2);
    await panel.waitFor(`[data-annotation="${alicesId}"] [data-conflict]`);
    const mark = await panel.text(`[data-annotation="${alicesId}"] [data-conflict]`);
    expect(mark).toContain('另有版本');
    expect(mark).toContain('资料库');
    expect(await panel.exists(`[data-annotation="${bobsId}"] [data-conflict]`)).toBe(false);
    await page.close();
  });

  it('the open panel follows the server: the mark goes once one version is kept, and comes back with a newer one', async () => {
    const { page, panel } = await openPanel(2);
    const mark = `[data-annotation="${alicesId}"] [data-conflict]`;
    await panel.waitFor(mark);
    const text = () => panel.text(`[data-annotation="${alicesId}"]`);
    expect(await text()).toContain('甲的批注');
    // A mark in the page's own window: gone if the page were loaded again.
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

    // Alice keeps her first version: the other revision is deleted on the server.
    const deleted = await fetch(`${couch.url}/${DB}/annotation:${alicesId}?rev=1-${'f'.repeat(32)}`, {
      method: 'DELETE',
      headers: { Authorization: `Basic ${Buffer.from(`${ALICE.username}:${ALICE.password}`).toString('base64')}` },
    });
    expect(deleted.ok).toBe(true);
    await expect.poll(() => panel.exists(mark), { timeout: 20000 }).toBe(false);
    expect(await text()).toContain('甲的批注');

    // Another machine's newer edit arrives as a second version: marked, and the newer text shown.
    const doc = (await (await couch.admin(`/${DB}/annotation:${alicesId}`)).json()) as {
      annotation: Record<string, unknown>;
    };
    const r = await couch.admin(`/${DB}/_bulk_docs`, {
      method: 'POST',
      body: JSON.stringify({
        new_edits: false,
        docs: [
          {
            _id: `annotation:${alicesId}`,
            _rev: `1-${'e'.repeat(32)}`,
            _revisions: { start: 1, ids: ['e'.repeat(32)] },
            kind: 'annotation',
            creator: 'alice',
            annotation: {
              ...doc.annotation,
              note: '甲在第三台电脑上的修改',
              updatedAt: Number(doc.annotation.updatedAt) + 5,
            },
          },
        ],
      }),
    });
    expect(r.ok).toBe(true);
    await panel.waitFor(mark, 20000);
    await expect.poll(text, { timeout: 10000 }).toContain('甲在第三台电脑上的修改');
    expect(await panel.exists(`[data-annotation="${bobsId}"] [data-conflict]`)).toBe(false);
    // The same document all along.
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await page.close();
  });
});
