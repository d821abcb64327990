/**
 * Team sync end to end in Node: two libraries (Dexie + PouchDB, as the background runs them) replicate
 * through a real CouchDB-compatible server (pouchdb-server, in memory, with users, a security object and
 * the design document), each through its own proxy so either side can go offline.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCouch, setUpTeam, startProxy, type CouchServer, type Proxy } from '../support/couch-server';
import { annotation, metadata, snapshot } from '../storage/fixtures';
import { profile, settings, until, type Profile } from './profile';

const ALICE = { username: 'alice', password: 'alice-pw' };
const BOB = { username: 'bob', password: 'bob-pw' };

let couch: CouchServer;
let dbCounter = 0;
const open: Array<Profile | Proxy> = [];

beforeAll(async () => {
  couch = await startCouch();
}, 60_000);
afterAll(async () => {
  await couch?.stop();
});
afterEach(async () => {
  for (const x of open.splice(0)) await x.close();
});

/** A fresh team database and two profiles on it, each behind its own proxy. */
async function team(users: [typeof ALICE, typeof ALICE] = [ALICE, BOB]) {
  const database = `team${++dbCounter}`;
  await setUpTeam(couch, database, [ALICE, BOB]);
  const [pa, pb] = [await startProxy(couch.port), await startProxy(couch.port)];
  const [a, b] = [profile('a'), profile('b')];
  open.push(a, b, pa, pb);
  await a.engine.configure(settings(pa.url, users[0].username, users[0].password, database));
  await b.engine.configure(settings(pb.url, users[1].username, users[1].password, database));
  return { a, b, pa, pb, database };
}

describe('team sync through a CouchDB server', () => {
  it('a notice and an annotation saved on one side appear on the other, credited to their creator', async () => {
    const { a, b } = await team();
    const notice = snapshot({ saved: true, tags: ['营商环境'] });
    await a.repo.putAnnotation(
      annotation({ id: 'n-1', noticeId: notice.id, note: '重点：组织领导', creator: 'alice' }),
      notice,
    );

    const seen = await until(
      'the annotation on B',
      () => b.repo.getAnnotation('n-1'),
      (x) => x !== null,
    );
    expect(seen).toMatchObject({ note: '重点：组织领导', creator: 'alice', quote: '切实加强组织领导' });
    expect(seen!.selectors).toEqual(annotation().selectors);
    const n = await b.repo.getNotice(notice.id);
    expect(n).toMatchObject({ saved: true, tags: ['营商环境'], text: notice.text });
    expect(n!.obligations).toEqual(notice.obligations);
    await until(
      'B synced',
      () => b.engine.status(),
      (s) => s.state === 'synced' && s.pending === 0,
    );
  }, 30_000);

  it("refuses on the server an edit of someone else's note, reports it and shows the team's version again", async () => {
    const { a, b } = await team();
    const notice = snapshot();
    await a.repo.putAnnotation(
      annotation({
        id: 'n-2',
        noticeId: notice.id,
        note: 'alice 的原文',
        creator: 'alice',
        updatedAt: 1_700_000_000_000,
      }),
      notice,
    );
    const theirs = await until(
      'on B',
      () => b.repo.getAnnotation('n-2'),
      (x) => x !== null,
    );
    // A client that skipped its own check: the library takes the edit, the server does not.
    await b.repo.putAnnotation({ ...theirs!, note: 'bob 改的', updatedAt: theirs!.updatedAt + 10 });

    const status = await until(
      'the refusal',
      () => b.engine.status(),
      (s) => s.denied.length > 0,
    );
    expect(status.state).toBe('error');
    expect(status.reason).toContain('服务器拒绝');
    expect(status.denied[0]).toMatchObject({ id: 'annotation:n-2' });
    expect(status.denied[0].reason).toContain('alice');
    await until(
      'B shows the team version again',
      () => b.repo.getAnnotation('n-2'),
      (x) => x?.note === 'alice 的原文',
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect((await a.repo.getAnnotation('n-2'))?.note).toBe('alice 的原文');
    expect((await b.repo.getAnnotation('n-2'))?.note).toBe('alice 的原文');
  }, 30_000);

  it('the same note edited offline in two places: both edits kept, the newest shown, the other offered, resolving keeps one', async () => {
    // One analyst on two machines.
    const { a, b, pa, pb } = await team([ALICE, ALICE]);
    const notice = snapshot();
    await a.repo.putAnnotation(
      annotation({ id: 'n-3', noticeId: notice.id, note: '初稿', creator: 'alice', updatedAt: 1_700_000_000_000 }),
      notice,
    );
    const first = await until(
      'on B',
      () => b.repo.getAnnotation('n-3'),
      (x) => x !== null,
    );
    await until(
      'A synced',
      () => a.engine.status(),
      (s) => s.state === 'synced',
    );
    pa.cut();
    pb.cut();
    await a.repo.putAnnotation({ ...first!, note: 'A 的修改', updatedAt: first!.updatedAt + 100 });
    await b.repo.putAnnotation({ ...first!, note: 'B 的修改（较新）', updatedAt: first!.updatedAt + 200 });
    const offline = await until(
      'B offline with a pending change',
      () => b.engine.status(),
      (s) => s.state === 'offline' && s.pending > 0,
    );
    expect(offline.reason).toBeTruthy();
    pa.restore();
    pb.restore();

    // Newest edit in the view on both sides.
    await until(
      'A shows the newest',
      () => a.repo.getAnnotation('n-3'),
      (x) => x?.note === 'B 的修改（较新）',
      30_000,
    );
    expect((await b.repo.getAnnotation('n-3'))?.note).toBe('B 的修改（较新）');
    const conflicts = await until(
      'the other version on A',
      () => a.engine.conflicts(notice.id),
      (c) => c.length === 1,
    );
    const notes = conflicts[0].versions.map((v) => v.note).sort();
    expect(notes).toEqual(['A 的修改', 'B 的修改（较新）']);
    expect(conflicts[0].versions.find((v) => v.shown)?.note).toBe('B 的修改（较新）');
    // The page's panel is told which notes have other versions, on both machines.
    await until(
      'B told of the other version',
      () => b.conflicted,
      (ids) => ids.includes('n-3'),
    );
    await until(
      'A told of the other version',
      () => a.conflicted,
      (ids) => ids.length === 1 && ids[0] === 'n-3',
    );

    // The analyst keeps A's edit: it becomes current everywhere, the other revision is gone.
    const keep = conflicts[0].versions.find((v) => v.note === 'A 的修改')!;
    await a.engine.resolve('n-3', keep.rev);
    await until(
      'A shows the kept edit',
      () => a.repo.getAnnotation('n-3'),
      (x) => x?.note === 'A 的修改',
    );
    await until(
      'B shows the kept edit',
      () => b.repo.getAnnotation('n-3'),
      (x) => x?.note === 'A 的修改',
      20_000,
    );
    await until(
      'no conflict left on B',
      () => b.engine.conflicts(notice.id),
      (c) => c.length === 0,
    );
    expect(await a.engine.conflicts(notice.id)).toEqual([]);
    await until(
      'the panel no longer told of it on B',
      () => b.conflicted,
      (ids) => ids.length === 0,
    );
    await until(
      'the panel no longer told of it on A',
      () => a.conflicted,
      (ids) => ids.length === 0,
    );
  }, 60_000);

  it('the server goes away mid-sync and comes back: everything arrives, once', async () => {
    const { a, b, pa } = await team();
    const notices = Array.from({ length: 40 }, (_, i) =>
      snapshot({
        urls: [`https://www.gov.cn/zhengce/content/2024-01/01/content_${1000 + i}.htm`],
        metadata: metadata({ docNumber: `国发〔2024〕${i + 1}号` }),
      }),
    );
    const ids = new Set(notices.map((n) => n.id));
    expect(ids.size).toBe(40);
    await a.repo.upsertNotices(notices.slice(0, 20));
    await new Promise((r) => setTimeout(r, 150));
    pa.cut();
    await a.repo.upsertNotices(notices.slice(20));
    for (let i = 0; i < 40; i++)
      await a.repo.putAnnotation(
        annotation({ id: `m-${i}`, noticeId: notices[i].id, note: `第${i}条`, creator: 'alice' }),
      );
    await until(
      'A offline',
      () => a.engine.status(),
      (s) => s.state === 'offline',
    );
    pa.restore();
    await until(
      'all on B',
      () => b.repo.countNotices(),
      (n) => n === 40,
      30_000,
    );
    await until(
      'all annotations on B',
      async () => await b.repo.db.annotations.count(),
      (n) => n === 40,
    );
    await b.engine.settle();
    expect(await b.repo.countNotices()).toBe(40);
    const rows = await b.repo.db.annotations.toArray();
    expect(new Set(rows.map((r) => r.id)).size).toBe(40);
    expect(rows.map((r) => r.note).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `第${i}条`).sort());
    await until(
      'A synced',
      () => a.engine.status(),
      (s) => s.state === 'synced' && s.pending === 0,
      20_000,
    );
  }, 60_000);

  it('a deletion reaches the other side; emptying the bin leaves a tombstone on the server', async () => {
    const { a, b, database } = await team();
    const notice = snapshot();
    await a.repo.putAnnotation(
      annotation({ id: 'n-5', noticeId: notice.id, note: '要删的', creator: 'alice' }),
      notice,
    );
    await until(
      'on B',
      () => b.repo.getAnnotation('n-5'),
      (x) => x !== null,
    );
    await a.repo.deleteAnnotation('n-5');
    await until(
      'deleted on B',
      () => b.repo.getAnnotation('n-5'),
      (x) => x?.deletedAt !== null,
    );
    expect(await b.repo.listAnnotations(notice.id)).toEqual([]);
    await a.repo.purgeDeleted(Date.now() + 10_000_000_000);
    await until(
      'tombstone on the server',
      async () => (await couch.admin(`/${database}/annotation:n-5`)).status,
      (s) => s === 404,
    );
    const r = await (await couch.admin(`/${database}/annotation:n-5?open_revs=all`)).text();
    expect(r).toContain('"_deleted":true');
  }, 30_000);

  it('with sync off nothing is logged or sent', async () => {
    const p = profile('off');
    open.push(p);
    await p.engine.configure(null);
    await p.repo.putAnnotation(annotation({ id: 'n-6' }), snapshot());
    expect(await p.repo.db.syncLog.count()).toBeGreaterThan(0);
    await p.engine.configure({
      url: 'http://127.0.0.1:9',
      database: 'team',
      username: 'x',
      password: '',
      enabled: false,
    });
    expect(await p.repo.db.syncLog.count()).toBe(0);
    expect(p.engine.status().state).toBe('off');
  });
});
