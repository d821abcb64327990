/**
 * Team sync between two Chromium profiles with the built extension: a CouchDB-compatible server
 * (pouchdb-server) on 127.0.0.1, each profile reaching it through its own proxy (cut to take that profile
 * offline). Sync is set up on the settings page as an analyst would; notices and notes are written through
 * the same requests the extension's pages send the background.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { currentWorker, launch, readDatabase, stopServiceWorkers, type Session } from './harness';
import { setUpTeam, startCouch, startProxy, type CouchServer, type Proxy } from '../support/couch-server';
import { annotation, snapshot } from '../storage/fixtures';

const ALICE = { username: 'alice', password: 'alice-pw' };
const BOB = { username: 'bob', password: 'bob-pw' };
const DB = 'team';

interface Side {
  s: Session;
  proxy: Proxy;
  /** The settings page, kept open: requests go from it to the background as the library's do. */
  page: Page;
}

type Answer = { ok: boolean; value?: unknown; error?: string; kind?: string };

async function send(side: Side, message: object): Promise<Answer> {
  return side.page.evaluate(
    (m) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Answer> } } }
      ).chrome.runtime.sendMessage(m),
    message,
  );
}

async function annotationsOf(side: Side): Promise<Array<Record<string, unknown>>> {
  return (await readDatabase(await currentWorker(side.s))).annotations ?? [];
}

async function status(side: Side): Promise<{ state: string; pending: number; reason: string | null }> {
  const r = await send(side, { type: 'sync/status' });
  return r.value as { state: string; pending: number; reason: string | null };
}

/** Wait until `read` gives what `check` wants (setup runs outside a test, where expect.poll is not available). */
async function until<T>(what: string, read: () => Promise<T>, check: (v: T) => boolean, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (check(v)) return v;
    if (Date.now() > end) throw new Error(`${what}: last ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function setUp(couch: CouchServer, user: { username: string; password: string }): Promise<Side> {
  const s = await launch();
  const proxy = await startProxy(couch.port);
  // The background reaches the team server; every other address stays closed as the harness set it.
  await s.context.route(
    (url) => url.toString().startsWith(proxy.url),
    (route) => route.continue(),
  );
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/options.html`);
  // The page's buttons first ask Chromium for the server's host permission, a prompt headless Chromium never
  // answers; the page's requests to the background are sent as its buttons send them after the prompt (the
  // test server allows cross-origin requests, as the settings page tells the analyst a server must without it).
  const connection = { url: proxy.url, database: DB, username: user.username, password: user.password };
  const tested = await page.evaluate(
    (m) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Answer> } } }
      ).chrome.runtime.sendMessage(m),
    { type: 'sync/test', ...connection },
  );
  expect((tested.value as { message: string }).message).toContain('已连接');
  const saved = await page.evaluate(
    (m) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Answer> } } }
      ).chrome.runtime.sendMessage(m),
    { type: 'sync/save-settings', ...connection, enabled: true },
  );
  expect(saved.ok).toBe(true);
  const side = { s, proxy, page };
  await until(
    'first sync',
    async () => (await status(side)).state,
    (x) => x === 'synced',
    30_000,
  );
  return side;
}

describe('team sync between two profiles', () => {
  let couch: CouchServer;
  let a: Side;
  let b: Side;
  const notice = snapshot();

  beforeAll(async () => {
    couch = await startCouch();
    await setUpTeam(couch, DB, [ALICE, BOB]);
    a = await setUp(couch, ALICE);
    b = await setUp(couch, BOB);
  }, 120_000);

  afterAll(async () => {
    await a?.s.close();
    await b?.s.close();
    await a?.proxy.close();
    await b?.proxy.close();
    await couch?.stop();
  });

  it('shows the signed-in state on the settings page', async () => {
    await expect.poll(() => a.page.locator('[data-sync-state]').textContent(), { timeout: 10_000 }).toBe('已同步');
  });

  it('a notice saved on A and its note appear on B within seconds, credited to alice', async () => {
    expect((await send(a, { type: 'notice/upsert', snapshot: notice })).ok).toBe(true);
    expect((await send(a, { type: 'notice/set-saved', id: notice.id, saved: true })).ok).toBe(true);
    const note = annotation({ id: 'shared-1', noticeId: notice.id, note: '甲的批注' });
    delete note.creator;
    const put = await send(a, { type: 'annotation/put', annotation: note });
    expect(put.ok).toBe(true);

    await expect
      .poll(async () => (await annotationsOf(b)).find((x) => x.id === 'shared-1')?.note, { timeout: 20_000 })
      .toBe('甲的批注');
    const [onB] = (await annotationsOf(b)).filter((x) => x.id === 'shared-1');
    expect(onB.creator).toBe('alice');
    const notices = (await readDatabase(await currentWorker(b.s))).notices ?? [];
    expect(notices.find((n) => n.id === notice.id)?.saved).toBe(1);
  });

  it("B cannot change A's note: refused with the owner's name, the note unchanged everywhere", async () => {
    const [mine] = (await annotationsOf(b)).filter((x) => x.id === 'shared-1');
    const edited = { ...annotation({ id: 'shared-1', noticeId: notice.id }), note: '乙改的', updatedAt: Date.now() };
    delete edited.creator;
    const r = await send(b, { type: 'annotation/put', annotation: edited });
    expect(r.ok).toBe(false);
    expect(r.kind).toBe('forbidden');
    expect(r.error).toContain('alice');
    const del = await send(b, { type: 'annotation/delete', id: 'shared-1' });
    expect(del.ok).toBe(false);
    expect((await annotationsOf(b)).find((x) => x.id === 'shared-1')?.note).toBe(mine.note);
    const server = (await (await couch.admin(`/${DB}/annotation:shared-1`)).json()) as { annotation: { note: string } };
    expect(server.annotation.note).toBe('甲的批注');
  });

  it('a deletion on A reaches B', async () => {
    const note = annotation({ id: 'to-delete', noticeId: notice.id, note: '将删除' });
    delete note.creator;
    expect((await send(a, { type: 'annotation/put', annotation: note })).ok).toBe(true);
    await expect
      .poll(async () => (await annotationsOf(b)).some((x) => x.id === 'to-delete'), { timeout: 20_000 })
      .toBe(true);
    expect((await send(a, { type: 'annotation/delete', id: 'to-delete' })).ok).toBe(true);
    await expect
      .poll(async () => (await annotationsOf(b)).find((x) => x.id === 'to-delete')?.deletedAt ?? null, {
        timeout: 20_000,
      })
      .not.toBeNull();
  });

  it('B is cut off mid-sync and comes back: every note arrives, once; the status said offline meanwhile', async () => {
    b.proxy.cut();
    await expect.poll(async () => (await status(b)).state, { timeout: 90_000 }).toBe('offline');
    for (let i = 0; i < 20; i++) {
      const note = annotation({ id: `batch-${i}`, noticeId: notice.id, note: `批量 ${i}` });
      delete note.creator;
      expect((await send(a, { type: 'annotation/put', annotation: note })).ok).toBe(true);
    }
    b.proxy.restore();
    await expect
      .poll(async () => (await annotationsOf(b)).filter((x) => String(x.id).startsWith('batch-')).length, {
        timeout: 90_000,
      })
      .toBe(20);
    const all = (await (
      await couch.admin(`/${DB}/_all_docs?startkey="annotation:batch-"&endkey="annotation:batch-\ufff0"`)
    ).json()) as { rows: unknown[] };
    expect(all.rows.length).toBe(20);
    await expect.poll(async () => (await status(b)).state, { timeout: 30_000 }).toBe('synced');
  });

  it("B's service worker stopped by Chromium: sync starts again with it and brings A's next note", async () => {
    await stopServiceWorkers(b.s);
    const note = annotation({ id: 'after-restart', noticeId: notice.id, note: '重启后' });
    delete note.creator;
    expect((await send(a, { type: 'annotation/put', annotation: note })).ok).toBe(true);
    // Any event starts the worker again (here the test reading the database; in use, the alarm or a page).
    await expect
      .poll(async () => (await annotationsOf(b)).find((x) => x.id === 'after-restart')?.note, { timeout: 30_000 })
      .toBe('重启后');
  });

  it("the library's notice detail on B filters notes by 我的 / 团队 / 全部: bob's own, alice's", async () => {
    const own = annotation({ id: 'bob-own', noticeId: notice.id, note: '乙自己的' });
    delete own.creator;
    expect((await send(b, { type: 'annotation/put', annotation: own })).ok).toBe(true);
    const lib = await b.s.context.newPage();
    await lib.goto(`chrome-extension://${b.s.extensionId}/library.html#notice=${encodeURIComponent(notice.id)}`);
    const shown = () =>
      lib.locator('[data-annotation]').evaluateAll((els) => els.map((e) => e.getAttribute('data-annotation')));
    await expect.poll(async () => (await shown()).includes('bob-own'), { timeout: 20_000 }).toBe(true);
    expect(await lib.locator('[data-owner="all"]').getAttribute('aria-pressed')).toBe('true');
    expect((await lib.locator('.owner-filter').textContent())?.replace(/\s/g, '')).toBe('我的团队全部');

    await lib.locator('[data-owner="team"]').click();
    await expect.poll(async () => (await shown()).includes('bob-own'), { timeout: 10_000 }).toBe(false);
    const team = await shown();
    expect(team).toContain('shared-1');
    expect(new Set(await lib.locator('[data-annotation] [data-field="creator"]').allTextContents()).size).toBe(1);
    expect(await lib.locator('[data-annotation] [data-field="creator"]').first().textContent()).toContain('alice');

    await lib.locator('[data-owner="mine"]').click();
    await expect.poll(shown, { timeout: 10_000 }).toEqual(['bob-own']);
    // The in-page panel learns the signed-in name (and only that) from extension storage.
    const stored = await b.page.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }
      ).chrome.storage.local.get(null),
    );
    expect(stored['sync:user']).toBe('bob');
    expect(JSON.stringify(Object.entries(stored).filter(([k]) => k !== 'sync:settings'))).not.toContain('bob-pw');

    await lib.locator('[data-owner="all"]').click();
    await expect.poll(async () => (await shown()).length, { timeout: 10_000 }).toBe(team.length + 1);
    await lib.close();
  });

  it('one analyst on two machines edits the same note, one offline: both versions kept, shown as 另有版本, one kept everywhere', async () => {
    // B is the same analyst's second machine: signed in as alice too.
    expect(
      (await send(b, { type: 'sync/save-settings', url: b.proxy.url, database: DB, ...ALICE, enabled: true })).ok,
    ).toBe(true);
    await expect
      .poll(
        async () => {
          const s = (await send(b, { type: 'sync/status' })).value as { state: string; user: string | null };
          return `${s.user} ${s.state}`;
        },
        { timeout: 30_000 },
      )
      .toBe('alice synced');
    const first = annotation({ id: 'both-1', noticeId: notice.id, note: '初稿' });
    delete first.creator;
    expect((await send(a, { type: 'annotation/put', annotation: first })).ok).toBe(true);
    await expect
      .poll(async () => (await annotationsOf(b)).find((x) => x.id === 'both-1')?.note, { timeout: 20_000 })
      .toBe('初稿');

    b.proxy.cut();
    await expect.poll(async () => (await status(b)).state, { timeout: 90_000 }).toBe('offline');
    const onA = { ...first, note: '甲机上的修改', updatedAt: Date.now() };
    expect((await send(a, { type: 'annotation/put', annotation: onA })).ok).toBe(true);
    await expect
      .poll(
        async () =>
          ((await (await couch.admin(`/${DB}/annotation:both-1`)).json()) as { annotation?: { note: string } })
            .annotation?.note,
        { timeout: 20_000 },
      )
      .toBe('甲机上的修改');
    // B's edit is the later one.
    const onB = { ...first, note: '乙机离线时的修改', updatedAt: Date.now() + 1000 };
    expect((await send(b, { type: 'annotation/put', annotation: onB })).ok).toBe(true);
    await expect.poll(async () => (await status(b)).pending, { timeout: 20_000 }).toBeGreaterThan(0);
    b.proxy.restore();

    // The server holds both revisions; each library shows the newest edit.
    await expect
      .poll(
        async () =>
          ((await (await couch.admin(`/${DB}/annotation:both-1?conflicts=true`)).json()) as { _conflicts?: string[] })
            ._conflicts?.length ?? 0,
        { timeout: 60_000 },
      )
      .toBe(1);
    for (const side of [a, b])
      await expect
        .poll(async () => (await annotationsOf(side)).find((x) => x.id === 'both-1')?.note, { timeout: 30_000 })
        .toBe('乙机离线时的修改');

    // The library page of either machine shows the note with 另有版本 and both texts.
    const conflictCount = async (side: Side) =>
      ((await send(side, { type: 'sync/conflicts', noticeId: notice.id })).value as unknown[] | undefined)?.length ?? 0;
    for (const side of [a, b]) await expect.poll(() => conflictCount(side), { timeout: 30_000 }).toBe(1);
    const libraries: Page[] = [];
    for (const side of [a, b]) {
      const lib = await side.s.context.newPage();
      await lib.goto(`chrome-extension://${side.s.extensionId}/library.html#notice=${encodeURIComponent(notice.id)}`);
      const box = lib.locator('[data-conflict="both-1"]');
      await expect.poll(() => box.count(), { timeout: 20_000 }).toBe(1);
      expect(await box.textContent()).toContain('另有版本');
      expect((await box.locator('[data-field="version-note"]').allTextContents()).sort()).toEqual(
        ['乙机离线时的修改', '甲机上的修改'].sort(),
      );
      expect(await box.locator('[data-shown="true"] [data-field="version-note"]').textContent()).toBe(
        '乙机离线时的修改',
      );
      expect(await lib.locator('[data-annotation="both-1"] > .note').textContent()).toBe('乙机离线时的修改');
      libraries.push(lib);
    }

    // Keeping A's version on A: it is the note on both machines, and the conflict is gone on both.
    const [libA, libB] = libraries;
    await libA
      .locator('[data-conflict="both-1"] [data-shown="false"]')
      .filter({ hasText: '甲机上的修改' })
      .locator('[data-action="keep-version"]')
      .click();
    await expect.poll(() => libA.locator('[data-conflict="both-1"]').count(), { timeout: 20_000 }).toBe(0);
    await expect
      .poll(() => libA.locator('[data-annotation="both-1"] > .note').textContent(), { timeout: 20_000 })
      .toBe('甲机上的修改');
    for (const side of [a, b]) {
      await expect
        .poll(async () => (await annotationsOf(side)).find((x) => x.id === 'both-1')?.note, { timeout: 30_000 })
        .toBe('甲机上的修改');
      await expect.poll(() => conflictCount(side), { timeout: 30_000 }).toBe(0);
    }
    await libB.reload();
    await expect
      .poll(() => libB.locator('[data-annotation="both-1"] > .note').textContent(), { timeout: 20_000 })
      .toBe('甲机上的修改');
    expect(await libB.locator('[data-conflict="both-1"]').count()).toBe(0);
    const server = (await (await couch.admin(`/${DB}/annotation:both-1?conflicts=true`)).json()) as {
      _conflicts?: string[];
      annotation: { note: string };
    };
    expect(server._conflicts ?? []).toEqual([]);
    expect(server.annotation.note).toBe('甲机上的修改');
    for (const lib of libraries) await lib.close();
  });
});
