/** The analyser's output-shape check: well-formed records pass, and each kind of departure is reported. */
import { describe, expect, it } from 'vitest';
import { analyseText } from '../../lib/analyse';
import { analyseFileContent, toCliRecord } from '../../lib/cli/analyze';
import { cliRecordProblems, isIsoDate, loneSurrogateAt } from '../../lib/cli/output-shape';
import { seedSource } from '../support/fixtures';

const TEXT = seedSource('000');

/** A clause as the printed record holds it, loosely typed so that tests can corrupt it. */
interface PrintedClause {
  category: string;
  categories: string[];
  text: string;
  start: number;
  end: number;
  bearer: string | null;
  bearerSource: string | null;
  deadline: string | null;
  deadlines: string[];
  location: string | null;
}

/** The analyser's printed record, loosely typed so that tests can corrupt it. */
interface PrintedRecord {
  isNotice: boolean;
  site: string;
  confidence: number;
  text: string;
  extra?: unknown;
  metadata: Record<string, unknown>;
  outline: Array<{ start: number }>;
  obligations: PrintedClause[];
}

function record(): PrintedRecord {
  const r = analyseFileContent('notice.txt', TEXT, null);
  return JSON.parse(JSON.stringify(r)) as PrintedRecord;
}

describe('cliRecordProblems', () => {
  it('passes the analyser’s own records and its error records', () => {
    const r = record();
    expect(r.isNotice).toBe(true);
    expect(r.obligations.length).toBeGreaterThan(0);
    expect(r.outline.length).toBeGreaterThan(2);
    expect(cliRecordProblems(r)).toEqual([]);
    expect(cliRecordProblems({ file: 'a.json', error: 'not valid JSON: Unexpected end' })).toEqual([]);
  });

  it('prints each clause’s location, bearer source and deadlines', () => {
    const text = [
      '关于做好安全生产工作的通知',
      '各区县人民政府：',
      '各单位要高度重视。',
      '一、压实责任',
      '（一）市应急局要于2024年6月30日前完成排查。',
      '二、加强督查',
      '要定期通报。',
    ].join('\n');
    const analysis = analyseText(text, null, { force: true });
    const r = JSON.parse(JSON.stringify(toCliRecord('n.txt', analysis))) as PrintedRecord;
    expect(cliRecordProblems(r, { forced: true })).toEqual([]);
    const clause = (words: string) => r.obligations.find((c) => c.text.includes(words))!;
    expect(clause('高度重视')).toMatchObject({ location: null, bearerSource: 'explicit', deadlines: [] });
    expect(clause('完成排查')).toMatchObject({
      location: '一、（一）',
      bearer: '市应急局',
      bearerSource: 'explicit',
      deadline: '2024年6月30日前',
      deadlines: ['2024年6月30日前'],
    });
    expect(clause('定期通报')).toMatchObject({ location: '二、', bearerSource: 'addressee', bearer: '各区县人民政府' });
    for (const c of r.obligations) {
      expect(c.bearerSource === null).toBe(c.bearer === null);
      expect(c.deadlines).toEqual(c.deadline === null ? [] : [c.deadline]);
    }
  });

  it.each<[string, (r: PrintedRecord) => void, RegExp]>([
    ['a missing field', (r) => delete r.metadata.level, /^metadata\.level: missing$/],
    ['an extra field', (r) => (r.extra = 1), /^extra: not a field of the output$/],
    ['a site outside the set', (r) => (r.site = 'weibo'), /^site: must be one of pkulaw, govcn/],
    ['confidence out of range', (r) => (r.confidence = 1.5), /^confidence: must be between 0 and 1/],
    [
      'an impossible date',
      (r) => (r.metadata.signedDate = '2026-02-30'),
      /^metadata\.signedDate: not a date YYYY-MM-DD/,
    ],
    [
      'a date with a time',
      (r) => (r.metadata.publishedDate = '2026-03-01T00:00'),
      /^metadata\.publishedDate: not a date YYYY-MM-DD/,
    ],
    ['a number for a string', (r) => (r.metadata.issuers = [5]), /^metadata\.issuers\[0\]: expected a string/],
    ['a lone surrogate', (r) => (r.metadata.title = 'a\ud800b'), /^metadata\.title: lone surrogate U\+D800 at 1$/],
    [
      'an outline label not at its start',
      (r) => (r.outline[1].start -= 1),
      /^outline\[1\]\.label: "二、" is not printed at/,
    ],
    [
      'an outline start beyond the text',
      (r) => (r.outline[1].start = r.text.length + 5),
      /^outline\[1\]\.start: \d+ is not inside the text/,
    ],
    [
      'a category outside the set',
      (r) => (r.obligations[0].category = 'duty'),
      /^obligations\[0\]\.category: must be one of obligation, prohibition/,
    ],
    [
      'category not first of categories',
      (r) => (r.obligations[0].categories = ['permission', r.obligations[0].category]),
      /^obligations\[0\]\.category: .* is not categories\[0\]/,
    ],
    [
      'a clause text that is not its span',
      (r) => (r.obligations[0].text += '。'),
      /^obligations\[0\]\.text: is not text\.slice/,
    ],
    [
      'a clause beyond the text',
      (r) => (r.obligations[0].end = r.text.length + 1),
      /^obligations\[0\]\.end: \d+ is beyond the text/,
    ],
    [
      'an empty clause',
      (r) => (r.obligations[0].end = r.obligations[0].start),
      /^obligations\[0\]: start \d+ is not before end/,
    ],
    [
      'a fractional offset',
      (r) => (r.obligations[0].start += 0.5),
      /^obligations\[0\]\.start: expected a whole number/,
    ],
    ['clauses out of order', (r) => r.obligations.reverse(), /comes before the previous clause's start/],
    [
      'a bearer source outside the set',
      (r) => (r.obligations[0].bearerSource = 'guessed'),
      /^obligations\[0\]\.bearerSource: must be one of explicit, inherited, addressee/,
    ],
    [
      'a bearer source without a bearer',
      (r) => ((r.obligations[0].bearer = null), (r.obligations[0].bearerSource = 'explicit')),
      /^obligations\[0\]\.bearerSource: "explicit" does not go with bearer null/,
    ],
    [
      'a deadline its deadlines do not list',
      (r) => ((r.obligations[0].deadline = '月底前'), (r.obligations[0].deadlines = [])),
      /^obligations\[0\]\.deadlines: does not list the deadline "月底前"/,
    ],
    [
      'deadlines without a deadline',
      (r) => ((r.obligations[0].deadline = null), (r.obligations[0].deadlines = ['月底前'])),
      /^obligations\[0\]\.deadlines: 1 deadlines listed but deadline is null/,
    ],
    [
      'a location that is not a string',
      (r) => ((r.obligations[0] as unknown as Record<string, unknown>).location = 3),
      /^obligations\[0\]\.location: expected a string/,
    ],
    [
      'a missing location',
      (r) => delete (r.obligations[0] as unknown as Record<string, unknown>).location,
      /^obligations\[0\]\.location: missing$/,
    ],
    [
      'clauses on a page that is not a notice',
      (r) => (r.isNotice = false),
      /^obligations: \d+ clauses reported for a page that is not a notice$/,
    ],
  ])('reports %s', (_name, corrupt, message) => {
    const r = record();
    if (r.obligations.length < 2) r.obligations.push({ ...r.obligations[0] });
    corrupt(r);
    const problems = cliRecordProblems(r);
    expect(
      problems.some((p) => message.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('clauses on a non-notice are fine when obligations were forced', () => {
    const r = record();
    r.isNotice = false;
    expect(cliRecordProblems(r, { forced: true })).toEqual([]);
  });

  it('helpers: ISO dates and lone surrogates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-9')).toBe(false);
    expect(loneSurrogateAt('😀汉字')).toBe(-1);
    expect(loneSurrogateAt('汉\udc00')).toBe(1);
    expect(loneSurrogateAt('\ud83d')).toBe(0);
  });
});
