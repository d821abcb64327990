/**
 * The whole engine on every test case (real pages and seeds, tests/fixtures), through the command-line
 * analyser's own entry point: detection, the metadata fields each page states, the body without chrome, and
 * the output contract, as each case's expected.json (`notice`, `engine`) states them. Expected values were
 * written by reading each file (see tests/fixtures/README.md), not from the output.
 */
import { describe, expect, it } from 'vitest';
import { analyseFileContent, type toCliRecord } from '../../lib/cli/analyze';
import { allCases, readSource } from '../support/fixtures';

/** The analyser's record for a file it could read; an error record fails the test with its message. */
function analysed(file: string, content: string, url: string | null): ReturnType<typeof toCliRecord> {
  const r = analyseFileContent(file, content, url);
  if ('error' in r) throw new Error(`${file}: ${r.error}`);
  return r;
}

const META_FIELDS = [
  'title',
  'docType',
  'docNumber',
  'issuers',
  'signedDate',
  'publishedDate',
  'effectiveDate',
  'citationCode',
  'validity',
  'level',
] as const;

describe('the engine on every real page and seed', () => {
  it('covers every test case', () => {
    expect(allCases().length).toBeGreaterThanOrEqual(23);
    expect(
      allCases()
        .filter((c) => !c.expected.engine)
        .map((c) => c.name),
    ).toEqual([]);
  });

  for (const c of allCases()) {
    const want = c.expected.engine;
    const isNotice = c.expected.notice;
    it(`${c.name.slice(0, 48)}: ${isNotice ? 'a notice' : 'not a notice'}`, () => {
      const record = analysed(c.source, readSource(c), null);
      expect(record.isNotice).toBe(isNotice);
      expect(record.site).toBe(want.site);
      for (const field of META_FIELDS)
        if (want.metadata?.[field] !== undefined) expect(record.metadata[field], field).toEqual(want.metadata[field]);
      for (const s of want.contains ?? []) expect(record.text).toContain(s);
      for (const s of want.lacks ?? []) expect(record.text).not.toContain(s);
      if (isNotice) expect(record.obligations.length).toBeGreaterThanOrEqual(want.minClauses ?? 1);
      else expect(record.obligations).toEqual([]);
      // The output contract: every clause's offsets slice to its text; outline starts point at their labels.
      for (const o of record.obligations) expect(record.text.slice(o.start, o.end)).toBe(o.text);
      for (const o of record.outline) expect(record.text.startsWith(o.label, o.start)).toBe(true);
      expect(record.confidence).toBeGreaterThanOrEqual(0);
      expect(record.confidence).toBeLessThanOrEqual(1);
    });
  }
});

describe('the analyser on bad input', () => {
  it('reports unparseable JSON and a JSON that is not a pkulaw record as errors, not exceptions', () => {
    expect(analyseFileContent('x.json', '{"data": ', null)).toMatchObject({
      file: 'x.json',
      error: expect.stringContaining('JSON') as unknown,
    });
    expect(analyseFileContent('y.json', '[1,2,3]', null)).toMatchObject({
      file: 'y.json',
      error: expect.any(String) as unknown,
    });
  });

  it('answers for an empty page, an empty text and a page of scripts only', () => {
    for (const [name, content] of [
      ['a.html', ''],
      ['b.txt', ''],
      ['c.html', '<script>'.repeat(1000)],
    ]) {
      const r = analysed(name, content, null);
      expect(r.isNotice).toBe(false);
      expect(r.obligations).toEqual([]);
    }
  });

  it('uses --url to recognise a known source', () => {
    const text = readSource('pos-17-pkulaw-lar-CLI.12.7186154-haikou-shuiwuju-gonggao');
    const r = analysed('p.txt', text, 'https://www.pkulaw.com/lar/3d49cd077b5cb3401d1f098a8b7fd628bdfb.html');
    expect(r.metadata.url).toContain('pkulaw.com/lar/');
  });
});
