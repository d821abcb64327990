/**
 * Team sync benchmark, in Node (the extension's PouchDB runs on IndexedDB in the browser; here PouchDB uses
 * its in-memory adapter and Dexie runs on fake-indexeddb, so absolute times are Node's, not Chromium's):
 * 1. first sync of a large library into an empty profile: time and memory;
 * 2. the delay for one new annotation to reach the other side.
 *
 *     npx tsx bench/sync.ts [notices=5000] [annotations=100000]
 */
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { startCouch, setUpTeam } from '../tests/support/couch-server';
import { profile, settings, until } from '../tests/sync/profile';
import { annotation, metadata, snapshot } from '../tests/storage/fixtures';

const NOTICES = Number(process.argv[2] ?? 5000);
const ANNOTATIONS = Number(process.argv[3] ?? 100_000);
const ALICE = { username: 'alice', password: 'alice-pw' };
const BOB = { username: 'bob', password: 'bob-pw' };
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

const couch = await startCouch();
await setUpTeam(couch, 'bench', [ALICE, BOB]);
const a = profile('bench-a');
const b = profile('bench-b');
console.log(
  `load before: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);

// The library on A, written before sync is on (the first sync sends it whole).
let t = performance.now();
const ids: string[] = [];
for (let i = 0; i < NOTICES; i += 500) {
  const batch = Array.from({ length: Math.min(500, NOTICES - i) }, (_, k) =>
    snapshot({
      urls: [`https://www.gov.cn/zhengce/content/2024-01/01/content_${100000 + i + k}.htm`],
      metadata: metadata({ docNumber: `国发〔2024〕${i + k + 1}号` }),
    }),
  );
  ids.push(...(await a.repo.upsertNotices(batch)).map((n) => n.id));
}
for (let i = 0; i < ANNOTATIONS; i += 1000) {
  const batch = Array.from({ length: Math.min(1000, ANNOTATIONS - i) }, (_, k) =>
    annotation({ id: `bench-${i + k}`, noticeId: ids[(i + k) % ids.length], note: `批注 ${i + k}`, creator: 'alice' }),
  );
  await a.repo.putAnnotations(batch);
}
console.log(
  `library on A: ${NOTICES} notices, ${ANNOTATIONS} annotations in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

const watch = setInterval(() => {
  const s = a.engine.status();
  console.log(`  A: ${s.state} pending ${s.pending} ${s.reason ?? ''}`);
}, 10_000);
t = performance.now();
await a.engine.configure(settings(couch.url, ALICE.username, ALICE.password, 'bench'));
await until(
  'A sent everything',
  () => a.engine.status(),
  (s) => s.state === 'synced' && s.pending === 0,
  3_600_000,
);
clearInterval(watch);
console.log(`A → server: ${((performance.now() - t) / 1000).toFixed(1)} s`);

global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let peak = heapBefore;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 200);
t = performance.now();
await b.engine.configure(settings(couch.url, BOB.username, BOB.password, 'bench'));
let lastProgress = '';
await until(
  'B has everything',
  async () => {
    const s = b.engine.status();
    if (s.progress) lastProgress = `${s.progress.done}/${s.progress.total}`;
    return b.repo.db.annotations.count();
  },
  (n) => n === ANNOTATIONS,
  3_600_000,
);
const firstSync = (performance.now() - t) / 1000;
clearInterval(sampler);
console.log(
  `first sync into an empty profile: ${firstSync.toFixed(1)} s; heap ${mb(heapBefore)} → peak ${mb(peak)} (progress last seen ${lastProgress})`,
);

// One new annotation: from A's write to B's library.
const delays: number[] = [];
for (let i = 0; i < 10; i++) {
  const start = performance.now();
  await a.repo.putAnnotation(annotation({ id: `late-${i}`, noticeId: ids[i], note: '新批注', creator: 'alice' }));
  await until(
    'on B',
    () => b.repo.getAnnotation(`late-${i}`),
    (x) => x !== null,
    60_000,
  );
  delays.push(performance.now() - start);
}
delays.sort((x, y) => x - y);
console.log(`one new annotation A → B: median ${delays[5].toFixed(0)} ms, max ${delays[9].toFixed(0)} ms (10 runs)`);
console.log(
  `load after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
await a.close();
await b.close();
await couch.stop();
process.exit(0);
