/**
 * Team sync in real Chromium with the built extension: a first sync of a team database of 5,000 notices and
 * 100,000 annotations into a fresh profile, and the delay for one new annotation to reach it.
 *
 *     npx wxt build && npx tsx bench/browser/sync.ts [--notices 5000] [--annotations 100000] [--chars 4000]
 *                                                    [--runs 10] [--json]
 *     npx tsx bench/browser/sync.ts --cpu-profile DIR   # the service worker's CPU profile of the first sync
 *     npm run bench -- --only sync                      # the same through the suite (over ten minutes at full
 *                                                       # size: never part of a plain `npm run bench`)
 *
 * The server is pouchdb-server in memory on 127.0.0.1 (tests/support/couch-server.ts), seeded directly with
 * `_bulk_docs` (as the team's earlier syncs would have left it: every annotation alice's). The profile signs
 * in as bob from the settings page's own requests; nothing goes through Playwright's network layer.
 *
 * Figures:
 * - first sync: from the settings saved with sync on to every notice and annotation in the library's
 *   IndexedDB (counted from the service worker every 250 ms), to every note in the search index (the
 *   notes' rows are built once the pull has caught up: none left to build), and to the status 已同步;
 * - memory: the service worker's JS heap (CDP `Runtime.getHeapUsage` on the worker's target, sampled every
 *   second, and after a collection once synced), and the extension process's resident memory (/proc VmRSS
 *   sampled, VmHWM at the end: the settings page shares that process);
 * - one new annotation: written by alice straight to the server, to the moment it is in the profile's library
 *   (polled every 20 ms), `--runs` times.
 */

import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { chromiumOptions } from '../../tests/e2e/harness';
import { setUpTeam, startCouch, type CouchServer } from '../../tests/support/couch-server';
import { annotation, metadata, snapshot } from '../../tests/storage/fixtures';
import { docId } from '../../lib/sync/bridge';
import { summarise as summariseProfile } from './library-profile';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const BUILD = join(ROOT, '.output/chrome-mv3');
const DB = 'team';
const ALICE = { username: 'alice', password: 'alice-pw' };
const BOB = { username: 'bob', password: 'bob-pw' };

export interface SyncBenchOptions {
  notices?: number;
  annotations?: number;
  /** Characters per notice (default 4,000). */
  chars?: number;
  /** Single new annotations timed (default 10). */
  runs?: number;
  /** Save the service worker's CPU profile of the first sync here (and print its functions by self time). */
  profileDir?: string | null;
  log?: (line: string) => void;
}

export interface SyncBench {
  notices: number;
  annotations: number;
  chars: number;
  seedSeconds: number;
  firstSyncSeconds: number;
  /** Every record in the library and every note in the search index. */
  indexedSeconds: number;
  syncedSeconds: number;
  heapMB: { start: number; peak: number; end: number; afterGc: number };
  rssMB: { peak: number; hwm: number };
  newAnnotationMs: { median: number; min: number; max: number };
  load: { before: string; after: string };
}

const uptime = () => {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`;
  }
};
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

const SENTENCES = [
  '各地区、各部门要切实加强组织领导，确保各项措施落实到位。',
  '市场监管部门应当会同有关部门建立健全随机抽查事项清单，明确抽查依据、主体、内容和方式。',
  '县级以上人民政府应当于每年3月31日前将上一年度工作情况报送上级主管部门。',
  '对检查中发现的违法违规行为，依法依规加大惩处力度，形成有效震慑。',
  '各有关单位要高度重视信息公开工作，及时向社会公布抽查结果。',
  '鼓励社会力量参与监督，畅通投诉举报渠道，对举报属实的给予奖励。',
];

/** A notice body of about `chars` characters: numbered parts of varied sentences. */
function body(n: number, chars: number): string {
  const parts = ['各省、自治区、直辖市人民政府：\n为全面推行部门联合监管，现提出以下意见。\n'];
  let len = parts[0].length;
  for (let i = 0; len < chars; i++) {
    const s = `${i % 8 === 0 ? `${'一二三四五六七八九十'[(i / 8) % 10]}、第${n}号文件的要求\n` : ''}${SENTENCES[(i + n) % SENTENCES.length]}\n`;
    parts.push(s);
    len += s.length;
  }
  return parts.join('');
}

/** The team database as earlier syncs left it: notices (the team's) and annotations (alice's). */
async function seed(
  couch: CouchServer,
  NOTICES: number,
  ANNOTATIONS: number,
  CHARS: number,
): Promise<{ noticeIds: string[]; seconds: number }> {
  const start = performance.now();
  const noticeIds: string[] = [];
  const post = async (docs: object[]) => {
    const r = await couch.admin(`/${DB}/_bulk_docs`, { method: 'POST', body: JSON.stringify({ docs }) });
    if (!r.ok) throw new Error(`_bulk_docs: ${r.status} ${await r.text()}`);
    const out = (await r.json()) as Array<{ error?: string; reason?: string }>;
    const bad = out.find((x) => x.error);
    if (bad) throw new Error(`_bulk_docs: ${bad.error} ${bad.reason ?? ''}`);
  };
  const created = 1_700_000_000_000;
  for (let i = 0; i < NOTICES; i += 250) {
    const docs = [];
    for (let k = i; k < Math.min(NOTICES, i + 250); k++) {
      const s = snapshot({
        urls: [`https://www.gov.cn/zhengce/content/2024-01/01/content_${100000 + k}.htm`],
        metadata: metadata({ docNumber: `国发〔2024〕${k + 1}号`, title: `国务院关于第${k + 1}项监管工作的意见` }),
        text: body(k, CHARS),
      });
      noticeIds.push(s.id);
      docs.push({
        _id: docId('notices', s.id),
        kind: 'notice',
        notice: {
          ...s,
          saved: k % 3 === 0,
          tags: k % 5 === 0 ? ['专项督查'] : [],
          createdAt: created,
          deletedAt: null,
        },
      });
    }
    await post(docs);
  }
  for (let i = 0; i < ANNOTATIONS; i += 2000) {
    const docs = [];
    for (let k = i; k < Math.min(ANNOTATIONS, i + 2000); k++) {
      const a = annotation({
        id: `seed-${k}`,
        noticeId: noticeIds[k % noticeIds.length],
        note: k % 4 === 0 ? `复核意见 ${k}：列入整改台账` : '',
        tags: k % 7 === 0 ? ['季度报告'] : [],
        creator: ALICE.username,
        createdAt: created + k,
        updatedAt: created + k,
      });
      docs.push({ _id: docId('annotations', a.id), kind: 'annotation', creator: ALICE.username, annotation: a });
    }
    await post(docs);
  }
  return { noticeIds, seconds: (performance.now() - start) / 1000 };
}

/** Counts of the library's tables, read from the service worker (the database opened read-only, closed again). */
/** The library's notices and annotations, and the notices whose notes are not yet indexed for search. */
async function counts(worker: Worker): Promise<{ notices: number; annotations: number; notesPending: number }> {
  return worker.evaluate(
    () =>
      new Promise<{ notices: number; annotations: number; notesPending: number }>((resolve) => {
        const none = { notices: 0, annotations: 0, notesPending: 0 };
        const open = indexedDB.open('notice-lens');
        let absent = false;
        open.onupgradeneeded = () => {
          absent = true;
          open.transaction!.abort();
        };
        open.onerror = () => resolve(none);
        open.onsuccess = () => {
          const db = open.result;
          if (absent || !db.objectStoreNames.contains('annotations')) {
            db.close();
            return resolve(none);
          }
          const tx = db.transaction(['notices', 'annotations', 'meta']);
          const n = tx.objectStore('notices').count();
          const a = tx.objectStore('annotations').count();
          const p = tx.objectStore('meta').get('notesPending');
          tx.oncomplete = () => {
            db.close();
            const pending = (p.result as { value?: unknown } | undefined)?.value;
            resolve({
              notices: n.result,
              annotations: a.result,
              notesPending: Array.isArray(pending) ? pending.length : 0,
            });
          };
          tx.onerror = () => resolve(none);
        };
      }),
  );
}

async function hasAnnotation(worker: Worker, id: string): Promise<boolean> {
  return worker.evaluate(
    (key) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('notice-lens');
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('annotations').objectStore('annotations').getKey(key);
          req.onsuccess = () => {
            db.close();
            resolve(req.result !== undefined);
          };
          req.onerror = () => {
            db.close();
            resolve(false);
          };
        };
      }),
    id,
  );
}

/** The extension process's resident memory now and at its peak (kB), from /proc. */
function extensionRss(userDataDir: string): { rss: number; hwm: number } {
  let rss = 0;
  let hwm = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      if (!cmd.includes('--extension-process') || !cmd.includes(`--user-data-dir=${userDataDir}`)) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      hwm += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // ended meanwhile
    }
  }
  return { rss, hwm };
}

/**
 * A CDP session on the extension's service worker: Playwright opens sessions on pages only, so the browser's
 * session attaches to the worker's target and relays messages to it.
 */
async function workerSession(context: BrowserContext, extensionId: string) {
  const browser = await context.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await browser.send('Target.getTargets')) as {
    targetInfos: Array<{ targetId: string; type: string; url: string }>;
  };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(extensionId));
  if (!target) throw new Error('no service worker target');
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let next = 1;
  const waiting = new Map<number, (v: { result?: unknown; error?: unknown }) => void>();
  browser.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
    if (m.id !== undefined) waiting.get(m.id)?.(m);
    if (m.id !== undefined) waiting.delete(m.id);
  });
  const send = async <T>(method: string, params: object = {}): Promise<T> => {
    const id = next++;
    const answer = new Promise<{ result?: unknown; error?: unknown }>((r) => waiting.set(id, r));
    await browser.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const m = await answer;
    if (m.error) throw new Error(`${method}: ${JSON.stringify(m.error)}`);
    return m.result as T;
  };
  return { send, close: () => browser.detach().catch(() => undefined) as Promise<unknown> };
}

type Answer = { ok: boolean; value?: unknown; error?: string };

export async function benchSync(options: SyncBenchOptions = {}): Promise<SyncBench> {
  const NOTICES = options.notices ?? 5000;
  const ANNOTATIONS = options.annotations ?? 100_000;
  const CHARS = options.chars ?? 4000;
  const RUNS = options.runs ?? 10;
  const PROFILE_DIR = options.profileDir ?? null;
  const log = options.log ?? ((line: string) => console.log(line));
  log(`machine: ${cpus().length} cores; ${uptime()}`);
  const couch = await startCouch();
  await setUpTeam(couch, DB, [ALICE, BOB]);
  const seeded = await seed(couch, NOTICES, ANNOTATIONS, CHARS);
  log(
    `server seeded: ${NOTICES} notices (~${CHARS} characters each), ${ANNOTATIONS} annotations in ${seeded.seconds.toFixed(1)} s`,
  );

  const extensionDir = mkdtempSync(join(tmpdir(), 'notice-lens-bench-sync-ext-'));
  cpSync(BUILD, extensionDir, { recursive: true });
  const userDataDir = mkdtempSync(join(tmpdir(), 'notice-lens-bench-sync-'));
  const context = await chromium.launchPersistentContext(userDataDir, chromiumOptions([extensionDir]));
  let worker = context.serviceWorkers()[0];
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 20000 });
  const extensionId = new URL(worker.url()).host;
  await worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { set(x: object): Promise<void> } } } }
    ).chrome.storage.local.set({ 'settings:uiLanguage': 'zh_CN' }),
  );
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const send = (m: object) =>
    page.evaluate(
      (x) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Answer> } } }
        ).chrome.runtime.sendMessage(x),
      m,
    );
  const cdp = await workerSession(context, extensionId);
  await cdp.send('Runtime.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const heapAtStart = (await cdp.send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
  if (PROFILE_DIR) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }

  const loadBefore = uptime();
  let heapPeak = heapAtStart;
  let rssPeak = 0;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, extensionRss(userDataDir).rss);
    void cdp
      .send<{ usedSize: number }>('Runtime.getHeapUsage')
      .then((h) => (heapPeak = Math.max(heapPeak, h.usedSize)))
      .catch(() => undefined);
  }, 1000);

  const start = performance.now();
  const saved = await send({
    type: 'sync/save-settings',
    url: couch.url,
    database: DB,
    username: BOB.username,
    password: BOB.password,
    enabled: true,
  });
  if (!saved.ok) throw new Error(`settings: ${saved.error}`);
  let last = { notices: 0, annotations: 0, notesPending: 0 };
  let lastLog = start;
  let noticesAt = 0;
  for (;;) {
    last = await counts(worker);
    const now = performance.now();
    if (!noticesAt && last.notices === NOTICES) noticesAt = now;
    if (last.notices === NOTICES && last.annotations === ANNOTATIONS) break;
    if (now - lastLog > 15_000) {
      lastLog = now;
      const s = (await send({ type: 'sync/status' })).value as { state: string; progress: unknown; reason: string };
      log(
        `  ${((now - start) / 1000).toFixed(0)} s: ${last.notices} notices, ${last.annotations} annotations; ${s.state} ${JSON.stringify(s.progress)} ${s.reason ?? ''}`,
      );
    }
    if (now - start > 3_600_000) throw new Error(`first sync did not finish: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const firstSync = (performance.now() - start) / 1000;
  // The notes' search rows are built once the pull has caught up: the library is whole when they are.
  while (last.notesPending > 0) {
    if (performance.now() - start > 3_600_000) throw new Error(`notes never indexed: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await counts(worker);
  }
  const indexed = (performance.now() - start) / 1000;
  let state = '';
  while (state !== 'synced') {
    state = ((await send({ type: 'sync/status' })).value as { state: string }).state;
    if (performance.now() - start > 3_600_000) throw new Error(`never 已同步: ${state}`);
    if (state !== 'synced') await new Promise((r) => setTimeout(r, 250));
  }
  const toSynced = (performance.now() - start) / 1000;
  clearInterval(sampler);
  if (PROFILE_DIR) {
    const { profile } = await cdp.send<{ profile: Parameters<typeof summariseProfile>[0] }>('Profiler.stop');
    mkdirSync(PROFILE_DIR, { recursive: true });
    writeFileSync(join(PROFILE_DIR, 'sync-worker.cpuprofile'), JSON.stringify(profile));
    log(`service worker CPU profile of the first sync:\n${summariseProfile(profile, 25)}`);
  }
  const loadAfter = uptime();
  const heapAtEnd = (await cdp.send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
  await cdp.send('HeapProfiler.collectGarbage');
  const heapAfterGc = (await cdp.send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
  const { rss, hwm } = extensionRss(userDataDir);
  const storage = await page.evaluate(() => navigator.storage.estimate().then((e) => e.usage ?? 0));
  log(
    `first sync into an empty profile: every record in the library ${firstSync.toFixed(1)} s (notices ${((noticesAt - start) / 1000).toFixed(1)} s), every note indexed for search ${indexed.toFixed(1)} s, 已同步 ${toSynced.toFixed(1)} s`,
  );
  log(
    `service worker JS heap: ${mb(heapAtStart)} MB before, peak ${mb(heapPeak)} MB (sampled each second), ${mb(heapAtEnd)} MB at the end, ${mb(heapAfterGc)} MB after a collection`,
  );
  log(
    `extension process resident memory: peak ${mb(Math.max(rssPeak, rss) * 1024)} MB sampled, VmHWM ${mb(hwm * 1024)} MB, ${mb(rss * 1024)} MB now; extension storage ${mb(storage)} MB`,
  );
  log(`load: before ${loadBefore}\n      after  ${loadAfter}`);

  // One annotation from alice, written to the server, to the moment it is in bob's library.
  const delays: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = annotation({
      id: `late-${i}`,
      noticeId: seeded.noticeIds[i],
      note: '新批注',
      creator: ALICE.username,
      createdAt: Date.now(),
      updatedAt: Date.now(),
    });
    const t0 = performance.now();
    const r = await fetch(`${couch.url}/${DB}/${encodeURIComponent(docId('annotations', a.id))}`, {
      method: 'PUT',
      headers: {
        Authorization: `Basic ${Buffer.from(`${ALICE.username}:${ALICE.password}`).toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ kind: 'annotation', creator: ALICE.username, annotation: a }),
    });
    if (!r.ok) throw new Error(`PUT: ${r.status} ${await r.text()}`);
    while (!(await hasAnnotation(worker, a.id))) {
      if (performance.now() - t0 > 60_000) throw new Error(`late-${i} never arrived`);
      await new Promise((res) => setTimeout(res, 20));
    }
    delays.push(performance.now() - t0);
    await new Promise((res) => setTimeout(res, 300));
  }
  delays.sort((x, y) => x - y);
  const median = delays[Math.floor(delays.length / 2)];
  log(
    `one new annotation, server → library: median ${median.toFixed(0)} ms, min ${delays[0].toFixed(0)} ms, max ${delays[delays.length - 1].toFixed(0)} ms (${RUNS} runs)`,
  );
  log(`load at the end: ${uptime()}`);
  const out: SyncBench = {
    notices: NOTICES,
    annotations: ANNOTATIONS,
    chars: CHARS,
    seedSeconds: seeded.seconds,
    firstSyncSeconds: firstSync,
    indexedSeconds: indexed,
    syncedSeconds: toSynced,
    heapMB: { start: mb(heapAtStart), peak: mb(heapPeak), end: mb(heapAtEnd), afterGc: mb(heapAfterGc) },
    rssMB: { peak: mb(Math.max(rssPeak, rss) * 1024), hwm: mb(hwm * 1024) },
    newAnnotationMs: { median, min: delays[0], max: delays[delays.length - 1] },
    load: { before: loadBefore, after: loadAfter },
  };
  await cdp.close();
  await context.close();
  await couch.stop();
  rmSync(userDataDir, { recursive: true, force: true });
  rmSync(extensionDir, { recursive: true, force: true });
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const arg = (name: string): number | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const json = args.includes('--json');
  const profileAt = args.indexOf('--cpu-profile');
  const figures = await benchSync({
    notices: arg('notices'),
    annotations: arg('annotations'),
    chars: arg('chars'),
    runs: arg('runs'),
    profileDir: profileAt >= 0 ? args[profileAt + 1] : null,
    log: (line) => (json ? process.stderr : process.stdout).write(`${line}\n`),
  });
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
}
