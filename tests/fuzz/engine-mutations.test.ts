/**
 * Property-based tests of the engine on mutations of real pages: the pages in tests/fixtures with
 * subtrees deleted, duplicated, swapped and moved, cut and damaged as text, and the pkulaw API record with
 * wrong types and hostile values in its fields. Same properties as engine-pages.test.ts (no exception, CPU
 * time within the liveness bound, well-formed record, consistent maps, the background accepts the page's
 * analysis request, spans anchor back); a pkulaw record is analysed or refused with a clear error.
 * Cases are seeded (see run.ts for FUZZ_ONLY / FUZZ_SCALE / FUZZ_SEED); a failure names its seed.
 */
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../lib/cli/analyze';
import {
  DOC_NUMBERS,
  DOC_NUMBER_BREAKERS,
  deepNesting,
  fixtureFile,
  fixturePages,
  mutateDom,
  mutateString,
  noticeHtml,
  randomText,
} from './generate';
import { htmlProblems, domProblems } from './pages';
import { pkulawProblems } from './properties';
import { reportCounts, runCases, timeout } from './run';

reportCounts('engine-mutations');

describe('engine fuzz: mutated real pages', () => {
  const pages = fixturePages();

  it(
    'subtrees deleted, duplicated, swapped and moved; text and nasty characters inserted',
    () => {
      const failures: string[] = [];
      pages.forEach((p, k) => {
        failures.push(
          ...runCases(`fixture DOM mutation: ${p.name}`, 300_000 + k * 1_000, 10, (r) => {
            const doc = parseHtmlDocument(p.content);
            const ops = mutateDom(r, doc, r.between(1, 25));
            const problems = domProblems(doc, r, 1);
            return problems.length > 0 ? [...problems, `after ${ops.join(', ')}`] : problems;
          }),
        );
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );

  it(
    'the HTML truncated at random points, random bytes and whitespace inserted, slices dropped and repeated',
    () => {
      const failures: string[] = [];
      pages.forEach((p, k) => {
        failures.push(
          ...runCases(`fixture HTML mutation: ${p.name}`, 400_000 + k * 1_000, 10, (r) =>
            htmlProblems(mutateString(r, p.content, r.between(1, 12)), r, 1),
          ),
        );
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );

  it(
    'the pkulaw API record with wrong types, broken and generated full texts',
    () => {
      const original = JSON.parse(
        fixtureFile('pos-18-pkulaw-api-chl-124290-caizhengbu-gonggao-2009-123.json'),
      ) as unknown;
      const WRONG = [
        null,
        0,
        -1,
        1e308,
        true,
        '',
        ' ',
        [],
        {},
        ['x'],
        { a: 1 },
        '\uD800',
        '<script>alert(1)</script>',
        'x'.repeat(100_000),
        JSON.parse(`${'['.repeat(20_000)}"财政部"${']'.repeat(20_000)}`),
        Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`X${i}`, `名称${i}`])),
        { '6': '国务院各机构', '602': '各部', '60210': '财政部', XE03: 'XE03', '': '' },
      ];
      const failures = runCases('pkulaw API record', 500_000, 150, (r) => {
        const json = JSON.parse(JSON.stringify(original)) as { data: { law: Record<string, unknown> } };
        const law = json.data.law;
        const keys = Object.keys(law);
        for (let k = r.between(1, 6); k > 0; k--) {
          const key = r.pick(keys);
          const x = r.int(5);
          if (x === 0) law[key] = r.pick(WRONG);
          else if (x === 1) delete law[key];
          else if (x === 2 && typeof law[key] === 'string') law[key] = mutateString(r, law[key], r.between(1, 6));
          else if (x === 3)
            law.fullText = r.chance(0.5) ? noticeHtml(r) : deepNesting(r, r.between(10, 1000), randomText(r, 300));
          else law.documentNO = DOC_NUMBER_BREAKERS[r.int(DOC_NUMBER_BREAKERS.length)][1](r, r.pick(DOC_NUMBERS));
        }
        const whole: unknown =
          r.int(20) === 0
            ? r.pick([null, 1, 'x', [], { data: null }, { data: { law: null } }, { data: { law: [] } }])
            : json;
        return pkulawProblems(whole, parseHtmlDocument);
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );
});
