/**
 * What sync tells the analyst comes from the catalogues: the server's refusals with the owner's name, and
 * the connection test's outcomes (unreachable, 401, 404 database, not CouchDB, connected) in Chinese and English.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALIDATE_SOURCE } from '../../lib/sync/design-doc';
import { annotationToDoc } from '../../lib/sync/bridge';
import { testConnection } from '../../lib/sync/engine';
import { SYNC_MESSAGE_KEYS, catalogueTranslator, describeRefusal } from '../../lib/sync/messages';
import { startCouch, setUpTeam, type CouchServer } from '../support/couch-server';
import { annotation } from '../storage/fixtures';
import { Pouch, zhCN } from './profile';

type Catalogue = Parameters<typeof catalogueTranslator>[0];
const read = (lang: string) =>
  JSON.parse(
    readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8'),
  ) as Catalogue;
const en = catalogueTranslator(read('en'));

type Validate = (n: Record<string, unknown>, o: Record<string, unknown> | null, u: object) => void;
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const validate = (new Function(`return (${VALIDATE_SOURCE});`) as () => Validate)();
function forbidden(f: () => void): string {
  try {
    f();
  } catch (e) {
    return String((e as { forbidden?: string }).forbidden);
  }
  throw new Error('not refused');
}

describe('sync messages', () => {
  it('every sync message is in both catalogues', () => {
    for (const lang of ['zh_CN', 'en']) {
      const c = read(lang);
      expect(SYNC_MESSAGE_KEYS.filter((k) => !c[k]?.message)).toEqual([]);
    }
  });

  it("the server's refusals of someone else's note read with the owner's name, in either language", () => {
    const mine = annotationToDoc(annotation({ id: 'x', note: '原文', creator: 'alice' }), 'alice') as unknown as Record<
      string,
      unknown
    >;
    const bob = { name: 'bob', roles: [] };
    const edit = forbidden(() =>
      validate({ ...mine, annotation: { ...(mine.annotation as object), note: '改' } }, mine, bob),
    );
    const del = forbidden(() => validate({ _id: mine._id, _deleted: true }, mine, bob));
    const credit = forbidden(() => validate(mine, null, bob));
    expect(describeRefusal(zhCN, edit)).toBe('这是 alice 的批注，只有本人可以修改');
    expect(describeRefusal(en, edit)).toBe('This note is alice’s: only they can change it');
    expect(describeRefusal(en, del)).toBe('This note is alice’s: only they can delete it');
    expect(describeRefusal(en, credit)).toBe('A note’s author must be the signed-in user bob');
  });
});

describe('connection test', () => {
  let couch: CouchServer;
  let other: Server;
  let otherUrl = '';
  const user = { username: 'carol', password: 'carol-pw' };

  beforeAll(async () => {
    couch = await startCouch();
    await setUpTeam(couch, 'team', [user]);
    other = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><body>not a database</body></html>');
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const address = other.address();
    otherUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }, 60_000);

  afterAll(async () => {
    await couch?.stop();
    await new Promise((r) => other?.close(r));
  });

  it('says connected, and each failure in words of its own', async () => {
    const ok = await testConnection(Pouch, { url: couch.url, database: 'team', ...user }, zhCN);
    expect(ok.ok).toBe(true);
    expect(ok.message).toMatch(/^已连接：carol，数据库 team，\d+ 个文档，权限规则已安装$/);

    const wrong = await testConnection(Pouch, { url: couch.url, database: 'team', ...user, password: 'x' }, zhCN);
    expect(wrong.message).toBe('用户名或密码不对（401）');
    const missing = await testConnection(Pouch, { url: couch.url, database: 'nothing', ...user }, zhCN);
    expect(missing.message).toBe('服务器上没有数据库 nothing（404）');
    const notCouch = await testConnection(Pouch, { url: otherUrl, database: 'team', ...user }, zhCN);
    expect(notCouch.message).toBe('这个地址不是 CouchDB 服务器');
    const away = await testConnection(Pouch, { url: 'http://127.0.0.1:9', database: 'team', ...user }, en);
    expect(away.ok).toBe(false);
    expect(away.message).toMatch(/^Cannot reach the server \(.+\)$/);
  });
});
