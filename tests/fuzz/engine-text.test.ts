/**
 * Property-based tests of the engine on text: mutated seed notices, generated notices with every 文号 and
 * date variant broken every way, random strings and code units, huge single lines, 10 MB.
 *
 * For every case: no exception escapes analyseText, normaliseText, the metadata readers, findObligations,
 * findDocNumber, parseChineseDate, describeSpan, anchorSelectors; every call finishes within its liveness
 * bound; the printed record is well-formed (lib/cli/output-shape.ts); the normaliser's map holds; dates read
 * exactly as documented (the ISO day for 1900-2100 days that exist, else null) and an impossible date is
 * never reported. Cases are seeded (see run.ts for FUZZ_ONLY / FUZZ_SCALE / FUZZ_SEED).
 */
import { describe, expect, it } from 'vitest';
import { analyseText } from '../../lib/analyse';
import { findDocNumber, parseChineseDate } from '../../lib/metadata';
import {
  DATE_BREAKERS,
  DATE_FORMS,
  DOC_NUMBERS,
  DOC_NUMBER_BREAKERS,
  URLS,
  dateParts,
  expectedIso,
  mutateText,
  noticeText,
  randomText,
  randomUnits,
  seedTexts,
} from './generate';
import {
  HUGE_MS,
  LARGE_MS,
  anchoringProblems,
  checkText,
  docNumberProblems,
  guarded,
  readerProblems,
} from './properties';
import { reportCounts, runCases, timeout } from './run';

reportCounts('engine-text');

describe('engine fuzz: the checks themselves', () => {
  it('catch a wrong 文号 span, a date that does not exist and an ill-formed record', () => {
    expect(docNumberProblems('根据国发〔2019〕5号', { text: '国发〔2019〕5号', start: 2, end: 12 })).toEqual([]);
    expect(docNumberProblems('根据国发〔2019〕5号', { text: '国发〔2019〕6号', start: 2, end: 12 })).toHaveLength(1);
    expect(docNumberProblems('国发', { text: '国发', start: 0, end: 9 })).toHaveLength(1);
    expect(expectedIso({ year: 2020, month: 2, day: 30 })).toBeNull();
    expect(expectedIso({ year: 2100, month: 12, day: 31 })).toBe('2100-12-31');
    const bad = checkText('', null, false);
    expect(bad.problems).toEqual([]);
    expect(readerProblems('国发〔2019〕5号', {}, null)).toEqual([]);
  });
});

describe('engine fuzz: texts', () => {
  const seeds = seedTexts();

  it(
    'seed texts mutated (line swaps, cuts, inserted units and whitespace)',
    () => {
      const failures: string[] = [];
      seeds.forEach((s, k) => {
        failures.push(
          ...runCases(`seed text mutation: ${s.name}`, 600_000 + k * 1_000, 60, (r) => {
            const text = mutateText(r, s.content, r.between(1, 20));
            const { problems, analysis } = checkText(text, r.pick(URLS), r.chance(0.5));
            if (analysis) problems.push(...anchoringProblems(r, analysis.text, analysis.outline, 2));
            return problems;
          }),
        );
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );

  it(
    'notices with broken 文号 and dates: the analysis and the readers',
    () => {
      const failures = runCases('notice text with broken 文号 and date', 700_000, 400, (r) => {
        const [, breakNumber] = r.pick(DOC_NUMBER_BREAKERS);
        const [, form] = r.pick(DATE_FORMS);
        const [, breakDate] = r.pick(DATE_BREAKERS);
        const number = breakNumber(r, r.pick(DOC_NUMBERS));
        const date = r.chance(0.5) ? form(dateParts(r)) : breakDate(r, form(dateParts(r)));
        const text = noticeText(r, number, date);
        const labelled = {
          发文字号: number,
          成文日期: date,
          发布日期: date,
          施行日期: date,
          发文机关: randomText(r, 10),
          主送机关: randomText(r, 20),
        };
        return [
          ...checkText(text, null, r.chance(0.5)).problems,
          ...readerProblems(text, labelled, r.chance(0.5) ? text.slice(0, r.int(80)) : null),
        ];
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );

  it(
    'random texts and random code units',
    () => {
      const failures = runCases('random text', 800_000, 300, (r) => {
        const text = r.chance(0.5) ? randomText(r, r.between(0, 3000)) : randomUnits(r, r.between(0, 3000));
        return [
          ...checkText(text, null, r.chance(0.5)).problems,
          ...readerProblems(text, { 标题: text.slice(0, 50) }, text.slice(0, 100)),
        ];
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );

  it(
    'a huge single line, many short lines, one pattern repeated',
    () => {
      const failures = runCases('huge line / many lines', 810_000, 4, (r) => {
        const piece = r.pick([
          '各单位要认真落实，',
          '第一条　',
          '一、',
          '国发〔2019〕5号',
          '2020年3月5日',
          '　　',
          '（一）',
          '不得',
          '\n',
          '令第',
        ]);
        const text = piece.repeat(Math.ceil(r.between(200_000, 600_000) / piece.length));
        return checkText(text, null, true, LARGE_MS).problems;
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );

  it(
    'a 10 MB text comes back in time with well-formed output',
    () => {
      const failures = runCases('text: 10 MB', 820_000, 1, (r) => {
        const parts: string[] = [];
        let size = 0;
        while (size < 10_000_000) {
          const p = noticeText(r, r.pick(DOC_NUMBERS), '2020年3月5日');
          parts.push(p);
          size += p.length;
        }
        return checkText(parts.join('\n'), null, true, HUGE_MS).problems;
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );
});

describe('engine fuzz: 文号 and dates, every variant broken every way', () => {
  it(
    'findDocNumber: every number × every breaker, alone, in a sentence and on its own line',
    () => {
      const failures: string[] = [];
      DOC_NUMBER_BREAKERS.forEach(([name, breakIt], b) => {
        DOC_NUMBERS.forEach((number, n) => {
          failures.push(
            ...runCases(`文号 ${name}`, 900_000 + b * 1_000 + n * 20, 4, (r) => {
              const broken = breakIt(r, number);
              const problems: string[] = [];
              for (const s of [
                broken,
                `根据${broken}的规定`,
                `${randomText(r, 20)}\n${broken}\n${randomText(r, 20)}`,
              ]) {
                const m = guarded(problems, 'findDocNumber', 2_000, () => findDocNumber(s));
                if (m) problems.push(...docNumberProblems(s, m));
              }
              return problems.map((p) => `${p} in ${JSON.stringify(broken.slice(0, 80))}`);
            }),
          );
        });
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );

  it(
    'parseChineseDate: every form of possible and impossible days reads as the documented date or null',
    () => {
      const failures: string[] = [];
      DATE_FORMS.forEach(([name, form], f) => {
        failures.push(
          ...runCases(`date ${name}`, 960_000 + f * 1_000, 120, (r) => {
            const parts = dateParts(r);
            const printed = form(parts);
            const got = parseChineseDate(printed);
            const want = expectedIso(parts);
            return got === want ? [] : [`${JSON.stringify(printed)} read as ${got}, expected ${want}`];
          }),
        );
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );

  it(
    'parseChineseDate: a broken date is null or a day that exists',
    () => {
      const failures: string[] = [];
      DATE_BREAKERS.forEach(([name, breakIt], b) => {
        failures.push(
          ...runCases(`date broken: ${name}`, 980_000 + b * 1_000, 80, (r) => {
            const [, form] = r.pick(DATE_FORMS);
            const printed = breakIt(r, form(dateParts(r)));
            const problems: string[] = [];
            const got = guarded(problems, 'parseChineseDate', 2_000, () => parseChineseDate(printed));
            if (typeof got === 'string') {
              const [year, month, day] = got.split('-').map(Number);
              if (expectedIso({ year, month, day }) !== got) problems.push(`${JSON.stringify(printed)} read as ${got}`);
            }
            return problems;
          }),
        );
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );

  it(
    'an impossible date in a notice is never reported as its date',
    () => {
      const failures = runCases('impossible date in a notice', 995_000, 200, (r) => {
        let parts = dateParts(r);
        while (expectedIso(parts) !== null) parts = dateParts(r);
        const [, form] = r.pick(DATE_FORMS.slice(0, 7));
        const date = form(parts);
        const { problems, analysis } = checkText(noticeText(r, r.pick(DOC_NUMBERS), date), null, false);
        for (const key of ['signedDate', 'publishedDate', 'effectiveDate'] as const) {
          const v = analysis?.metadata[key];
          if (v) problems.push(`${key} ${v} from ${JSON.stringify(date)}`);
        }
        return problems;
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );

  it(
    'a valid date in a notice is reported as the day it names',
    () => {
      const failures = runCases('valid date in a notice', 996_000, 200, (r) => {
        let parts = dateParts(r);
        while (expectedIso(parts) === null) parts = dateParts(r);
        const [, form] = r.pick(DATE_FORMS.slice(0, 7));
        const a = analyseText(noticeText(r, r.pick(DOC_NUMBERS), form(parts)));
        const problems: string[] = [];
        for (const key of ['signedDate', 'publishedDate', 'effectiveDate'] as const) {
          const v = a.metadata[key];
          if (v !== null && v !== expectedIso(parts))
            problems.push(`${key} ${v}, the notice says ${expectedIso(parts)}`);
        }
        return problems;
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );
});
