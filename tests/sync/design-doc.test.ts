/**
 * The server's rules: the function as CouchDB runs it (its source, evaluated), and the same rules enforced by
 * a real CouchDB-compatible server on direct writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALIDATE_SOURCE, designDoc } from '../../lib/sync/design-doc';
import { annotationToDoc } from '../../lib/sync/bridge';
import { startCouch, setUpTeam, type CouchServer } from '../support/couch-server';
import { annotation } from '../storage/fixtures';

type Validate = (
  newDoc: Record<string, unknown>,
  oldDoc: Record<string, unknown> | null,
  userCtx: { name: string | null; roles: string[] },
) => void;
// The stored source, compiled as CouchDB compiles it.
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const compile = new Function(`return (${VALIDATE_SOURCE});`) as () => Validate;
const stored = compile();

const alice = { name: 'alice', roles: [] };
const bob = { name: 'bob', roles: [] };
const admin = { name: 'root', roles: ['_admin'] };

function refusal(f: () => void): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return JSON.stringify(e);
  }
}

describe('validate_doc_update', () => {
  const mine = annotationToDoc(annotation({ id: 'x-1', note: '原文', creator: 'alice' }), 'alice') as unknown as Record<
    string,
    unknown
  >;
  const edited = { ...mine, annotation: { ...(mine.annotation as object), note: '改过' } };

  for (const [name, validate] of [['as stored in the design document', stored]] as const) {
    describe(name, () => {
      it('lets the creator make, edit and delete a note', () => {
        expect(refusal(() => validate(mine, null, alice))).toBeNull();
        expect(refusal(() => validate(edited, mine, alice))).toBeNull();
        expect(refusal(() => validate({ _id: mine._id, _deleted: true }, mine, alice))).toBeNull();
      });
      it("refuses another member's edit and deletion, naming the owner", () => {
        expect(refusal(() => validate(edited, mine, bob))).toContain('alice 的批注');
        expect(refusal(() => validate({ _id: mine._id, _deleted: true }, mine, bob))).toContain('forbidden');
      });
      it('refuses a note credited to someone else, and taking a note over', () => {
        expect(refusal(() => validate(mine, null, bob))).toContain('forbidden');
        expect(refusal(() => validate({ ...edited, creator: 'bob' }, mine, bob))).toContain('forbidden');
      });
      it("lets anyone put back the team's version (only the time differs)", () => {
        const restored = { ...mine, annotation: { ...(mine.annotation as object), updatedAt: 1_800_000_000_000 } };
        expect(refusal(() => validate(restored, mine, bob))).toBeNull();
      });
      it('lets members write notices, not other documents; admins anything', () => {
        expect(refusal(() => validate({ _id: 'notice:n', kind: 'notice', notice: {} }, null, bob))).toBeNull();
        expect(refusal(() => validate({ _id: 'other', x: 1 }, null, bob))).toContain('forbidden');
        expect(refusal(() => validate({ _id: 'notice:n', kind: 'x' }, null, bob))).toContain('forbidden');
        expect(refusal(() => validate(edited, mine, admin))).toBeNull();
        expect(refusal(() => validate(mine, null, { name: null, roles: [] }))).toContain('unauthorized');
      });
    });
  }

  it('is stored as ES5 source', () => {
    expect(designDoc().validate_doc_update).toMatch(/^function \(/);
    expect(designDoc().validate_doc_update).not.toMatch(/\b(?:const|let)\s|=>/);
  });
});

describe('on a server', () => {
  let couch: CouchServer;
  beforeAll(async () => {
    couch = await startCouch();
    await setUpTeam(couch, 'rules', [
      { username: 'alice', password: 'a' },
      { username: 'bob', password: 'b' },
    ]);
  }, 60_000);
  afterAll(() => couch?.stop());

  const as = (user: string, pw: string, path: string, body: unknown) =>
    fetch(`${couch.url}/rules/${path}`, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Basic ${Buffer.from(`${user}:${pw}`).toString('base64')}`,
      },
      body: JSON.stringify(body),
    });

  it("refuses bob's edit of alice's note with 403 and keeps alice's", async () => {
    const doc = annotationToDoc(annotation({ id: 'y-1', note: 'alice', creator: 'alice' }), 'alice');
    const made = await as('alice', 'a', encodeURIComponent(doc._id), doc);
    expect(made.status).toBe(201);
    const { rev } = (await made.json()) as { rev: string };
    const changed = { ...doc, _rev: rev, annotation: { ...doc.annotation, note: 'bob' } };
    const refused = await as('bob', 'b', encodeURIComponent(doc._id), changed);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { reason: string }).reason).toContain('alice');
    const mine = await as('alice', 'a', encodeURIComponent(doc._id), {
      ...changed,
      annotation: { ...doc.annotation, note: 'alice 2' },
    });
    expect(mine.status).toBe(201);
  });

  it('keeps non-members out', async () => {
    const r = await fetch(`${couch.url}/rules/_all_docs`);
    expect(r.status).toBe(401);
  });
});
