import { describe, expect, it } from 'vitest';
import { checkPlainJson, receiveMessage, validateRequest, type Request } from '../../lib/messages';
import { annotation, freshRepo, snapshot } from '../storage/fixtures';

const PAGE = { id: 'ext-id', url: 'chrome-extension://ext-id/library.html' };
const env = { extensionId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id' };

function expectInvalid(raw: unknown, message: RegExp) {
  const r = validateRequest(raw);
  expect(r.ok, JSON.stringify(raw)?.slice(0, 200)).toBe(false);
  if (!r.ok) expect(r.error).toMatch(message);
}

/** A JSON round trip, as runtime messaging delivers it (own `__proto__` keys survive JSON.parse). */
const json = (s: string): unknown => JSON.parse(s);

describe('validateRequest accepts well-formed requests', () => {
  const valid: Request[] = [
    {
      type: 'analysis/report',
      url: 'https://www.gov.cn/a.htm',
      noticeId: 'url:gov.cn/a.htm',
      title: '通知',
      isNotice: true,
      counts: { obligation: 3 },
    },
    {
      type: 'analysis/report',
      url: 'https://www.gov.cn/a.htm',
      noticeId: 'url:gov.cn/a.htm',
      title: null,
      isNotice: true,
      counts: {},
      clauseCount: 0,
      timings: {
        extract: 3.5,
        normalise: 1,
        metadata: 2,
        detect: 0.1,
        obligations: 9,
        ranges: 1,
        paint: 0.5,
        total: 20,
        paintedAt: 210,
        runs: 1,
        transfer: 2,
        backgroundPauses: 0,
      },
    },
    { type: 'notice/get-by-url', url: 'https://www.pkulaw.com/chl/abc.html?way=listView' },
    { type: 'notice/get', id: 'cite:CLI.12.7186154' },
    { type: 'notice/upsert', snapshot: snapshot() },
    { type: 'notice/set-saved', id: 'num:国务院|国发〔2019〕5号', saved: true },
    { type: 'notice/set-tags', id: 'num:国务院|国发〔2019〕5号', tags: ['疫情防控'] },
    { type: 'notice/delete', ids: ['url:gov.cn/a.htm'] },
    { type: 'notice/restore', ids: ['url:gov.cn/a.htm'] },
    { type: 'annotation/list', noticeId: 'num:国务院|国发〔2019〕5号', url: 'https://www.gov.cn/a.htm' },
    { type: 'annotation/put', annotation: annotation() },
    { type: 'annotation/put', annotation: annotation(), notice: snapshot() },
    { type: 'annotation/delete', id: '0b5e5f3c-2d2e-4a1f-9a51-4f5d6c7b8a90' },
    { type: 'annotation/restore', id: 'a-1' },
    { type: 'annotation/purge-deleted', olderThan: 1_700_000_000_000 },
    { type: 'library/search', query: '疫情防控', filters: { saved: true, year: 2020 }, limit: 20, deep: false },
    { type: 'library/list', filters: { tag: '重点', deleted: true }, offset: 50 },
  ];
  it.each(valid.map((r) => [r.type, r] as const))('%s', (_type, request) => {
    const r = validateRequest(JSON.parse(JSON.stringify(request)));
    expect(r).toEqual({ ok: true, request });
  });

  it('returns a fresh copy, never the object it was given', () => {
    const raw = { type: 'annotation/put', annotation: annotation() };
    const r = validateRequest(raw);
    expect(r.ok).toBe(true);
    if (r.ok && r.request.type === 'annotation/put') {
      expect(r.request).not.toBe(raw);
      expect(r.request.annotation).not.toBe(raw.annotation);
    }
  });

  it('accepts a whole SavedNotice as a snapshot and drops its timestamps', () => {
    const r = validateRequest({
      type: 'notice/upsert',
      snapshot: { ...snapshot(), saved: false, tags: [], createdAt: 1, updatedAt: 2 },
    });
    expect(r.ok).toBe(true);
    if (r.ok && r.request.type === 'notice/upsert') expect(r.request.snapshot).not.toHaveProperty('createdAt');
  });
});

describe('validateRequest refuses', () => {
  it('page timings that are incomplete, negative or not numbers', () => {
    const report = {
      type: 'analysis/report',
      url: 'https://www.gov.cn/a.htm',
      noticeId: 'url:gov.cn/a.htm',
      title: null,
      isNotice: true,
      counts: {},
    };
    const timings = {
      extract: 1,
      normalise: 1,
      metadata: 1,
      detect: 1,
      obligations: 1,
      ranges: 1,
      paint: 1,
      total: 1,
      paintedAt: 1,
      runs: 1,
      transfer: 1,
      backgroundPauses: 1,
    };
    expectInvalid({ ...report, timings: { ...timings, paint: -1 } }, /timings\.paint: must be between/);
    expectInvalid({ ...report, timings: { ...timings, total: 'fast' } }, /timings\.total: expected a finite number/);
    expectInvalid({ ...report, timings: { extract: 1 } }, /timings\.normalise: missing/);
    expectInvalid({ ...report, timings: { ...timings, note: 1 } }, /unexpected field "note"/);
  });

  it('anything but a known request object', () => {
    expectInvalid(null, /request: expected an object/);
    expectInvalid('annotation/put', /expected an object/);
    expectInvalid([], /expected an object/);
    expectInvalid({}, /request.type: unknown request type/);
    expectInvalid({ type: 'storage/clear' }, /unknown request type "storage\/clear"/);
    expectInvalid({ type: 'notice/get' }, /request.id: missing/);
    expectInvalid({ type: 'notice/get', id: 'url:gov.cn/a', extra: 1 }, /unexpected field "extra"/);
  });

  it('fields of the wrong type, outside their enums or malformed', () => {
    expectInvalid(
      { type: 'annotation/put', annotation: annotation({ colour: 'red' as never }) },
      /annotation.colour: must be one of yellow, green/,
    );
    expectInvalid(
      { type: 'annotation/put', annotation: { ...annotation(), note: 5 } },
      /annotation.note: expected a string, got number/,
    );
    expectInvalid({ type: 'notice/set-saved', id: 'url:gov.cn/a', saved: 'yes' }, /saved: expected true or false/);
    expectInvalid(
      { type: 'notice/get-by-url', url: 'javascript:alert(1)' },
      /url: not an absolute http\(s\) or file URL/,
    );
    expectInvalid({ type: 'library/search', query: 'x', limit: 2.5 }, /limit: expected a whole number/);
    expectInvalid({ type: 'library/search', query: 'x', filters: { year: 20 } }, /year: must be between 1000 and 9999/);
    expectInvalid(
      { type: 'notice/upsert', snapshot: { ...snapshot(), site: 'evil' } },
      /snapshot.site: must be one of/,
    );
    expectInvalid(
      {
        type: 'notice/upsert',
        snapshot: { ...snapshot(), metadata: { ...snapshot().metadata, signedDate: '28/01/2019' } },
      },
      /signedDate: not a date/,
    );
  });

  it('ids that are not ours', () => {
    expectInvalid({ type: 'annotation/delete', id: 'a'.repeat(129) }, /request.id: longer than 128/);
    expectInvalid({ type: 'annotation/delete', id: 'a b' }, /ids are 1–128 characters/);
    expectInvalid({ type: 'annotation/delete', id: '' }, /must not be empty/);
    expectInvalid({ type: 'notice/get', id: 'num:国务院|<img onerror=x>' }, /not a notice id/);
    expectInvalid({ type: 'notice/get', id: 'arbitrary' }, /not a notice id/);
    expectInvalid(
      { type: 'annotation/put', annotation: annotation({ noticeId: 'nope' }) },
      /annotation.noticeId: not a notice id/,
    );
    expectInvalid(
      { type: 'annotation/put', annotation: annotation(), notice: snapshot({ id: 'url:gov.cn/other' }) },
      /differs from annotation.noticeId/,
    );
  });

  it('oversized notes, quotes, tags, selectors, URLs and texts', () => {
    expectInvalid(
      { type: 'annotation/put', annotation: annotation({ note: '注'.repeat(20_001) }) },
      /annotation.note: longer than 20000/,
    );
    expectInvalid(
      { type: 'annotation/put', annotation: annotation({ quote: '引'.repeat(20_001) }) },
      /annotation.quote: longer than 20000/,
    );
    expectInvalid(
      { type: 'annotation/put', annotation: annotation({ tags: ['标'.repeat(65)] }) },
      /tags\[0\]: longer than 64/,
    );
    expectInvalid(
      { type: 'annotation/put', annotation: annotation({ tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }) },
      /tags: more than 50 items/,
    );
    const many = Array.from({ length: 11 }, () => ({ type: 'TextPositionSelector' as const, start: 1, end: 2 }));
    expectInvalid(
      { type: 'annotation/put', annotation: annotation({ selectors: many }) },
      /selectors: more than 10 items/,
    );
    expectInvalid(
      { type: 'annotation/put', annotation: annotation({ selectors: [] }) },
      /selectors: at least 1 item required/,
    );
    expectInvalid({ type: 'notice/get-by-url', url: `https://gov.cn/${'a'.repeat(4100)}` }, /url: longer than 4096/);
    expectInvalid(
      { type: 'notice/upsert', snapshot: snapshot({ text: 'x'.repeat(5_000_001), obligations: [], outline: [] }) },
      /snapshot.text: longer than 5000000/,
    );
  });

  it('selectors with impossible offsets', () => {
    const put = (selector: unknown) => ({
      type: 'annotation/put',
      annotation: { ...annotation(), selectors: [selector] },
    });
    expectInvalid(put({ type: 'TextPositionSelector', start: -1, end: 4 }), /start: must be between 0/);
    expectInvalid(put({ type: 'TextPositionSelector', start: 9, end: 4 }), /selectors\[0\]: start is after end/);
    expectInvalid(put({ type: 'TextPositionSelector', start: 1.5, end: 4 }), /start: expected a whole number/);
    expectInvalid(put({ type: 'TextPositionSelector', start: Number.NaN, end: 4 }), /not a finite number/);
    expectInvalid(put({ type: 'TextPositionSelector', start: 0, end: Infinity }), /not a finite number/);
    expectInvalid(
      put({ type: 'XPathSelector', value: '/html' }),
      /type: must be TextQuoteSelector, TextPositionSelector or StructuralKey/,
    );
    expectInvalid(
      put({ type: 'StructuralKey', section: null, paragraph: -2, sentence: 0, offsetInSentence: 0 }),
      /paragraph: must be between 0/,
    );
    const clauseOutside = snapshot();
    clauseOutside.obligations = [{ ...clauseOutside.obligations[0], end: clauseOutside.text.length + 5 }];
    expectInvalid(
      { type: 'notice/upsert', snapshot: clauseOutside },
      /obligations\[0\]\.end: lies beyond the end of the text/,
    );
  });

  it('prototype tricks, functions and anything that is not plain JSON', () => {
    expectInvalid(
      json('{"type":"notice/get","id":"url:gov.cn/a","__proto__":{"isAdmin":true}}'),
      /key "__proto__" is not allowed/,
    );
    expectInvalid(
      json('{"type":"annotation/put","annotation":{"constructor":{"prototype":{}}}}'),
      /key "constructor" is not allowed/,
    );
    expectInvalid({ type: 'notice/get', id: 'url:gov.cn/a', toString: () => 'x' }, /function is not allowed/);
    expectInvalid({ type: 'annotation/purge-deleted', olderThan: new Date() }, /not plain JSON data/);
    expectInvalid({ type: 'library/list', filters: new Map() }, /not plain JSON data/);
    class Fake {
      type = 'notice/get';
      id = 'url:gov.cn/a';
    }
    expectInvalid(new Fake(), /not plain JSON data/);
    const getter = { type: 'notice/get' } as Record<string, unknown>;
    Object.defineProperty(getter, 'id', { get: () => 'url:gov.cn/a', enumerable: true });
    expectInvalid(getter, /accessors are not allowed/);
    expectInvalid({ type: 'notice/get', id: 'url:gov.cn/a', [Symbol('x')]: 1 }, /symbol keys/);
    const deep: Record<string, unknown> = {};
    let cur = deep;
    for (let i = 0; i < 20; i++) {
      const next: Record<string, unknown> = {};
      cur.x = next;
      cur = next;
    }
    expectInvalid({ type: 'library/list', filters: deep }, /nested deeper than 12 levels/);
  });

  it('messages over the total size cap', () => {
    expect(() => checkPlainJson({ a: 'x'.repeat(100) }, 50)).toThrow(/larger than 50 characters/);
    const big = {
      type: 'library/search',
      query: 'x',
      padding: Array.from({ length: 33 }, () => 'y'.repeat(1_000_000)),
    };
    expectInvalid(big, /request: larger than 32000000 characters/);
  });
});

describe('receiveMessage', () => {
  it('answers a malformed request with a clear error and writes nothing', async () => {
    const { repo, db } = freshRepo();
    const forged = {
      type: 'annotation/put',
      annotation: { ...annotation(), note: '注'.repeat(20_001) },
      notice: snapshot(),
    };
    const r = await receiveMessage(repo, forged, PAGE, env);
    expect(r).toMatchObject({
      ok: false,
      kind: 'invalid',
      retry: false,
      error: expect.stringMatching(/annotation.note: longer than 20000/) as unknown,
    });
    expect(await db.notices.count()).toBe(0);
    expect(await db.annotations.count()).toBe(0);
    expect(await db.aliases.count()).toBe(0);
  });
});
