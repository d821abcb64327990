/**
 * The command-line analyser's output shape (README "Command line", `toCliRecord` in analyze.ts), checked.
 *
 * `cliRecordProblems` lists every way a printed record departs from the documented shape: field names and
 * types, sites, categories and strengths from their fixed sets, ISO calendar dates, offsets that are whole
 * numbers inside `text` (a clause's `text` is exactly `text.slice(start, end)`, an outline label is printed
 * at its `start`), clauses in order of start, numbers finite and in range, and strings that are well-formed
 * UTF-16 (no lone surrogate: they cannot be written as UTF-8 and strict JSON readers refuse their escapes).
 * An empty list means the record is well-formed. Pure: no Node APIs.
 */
import { loneSurrogateAt } from '../text/normalise';
import { OBLIGATION_CATEGORIES } from '../types';

const SITES = ['pkulaw', 'govcn', 'npc', 'generic', 'text'];
const STRENGTHS = ['hard', 'soft'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const METADATA_STRINGS = ['title', 'docType', 'docNumber', 'validity', 'level', 'citationCode', 'url'] as const;
const METADATA_DATES = ['signedDate', 'publishedDate', 'effectiveDate'] as const;
const METADATA_LISTS = ['issuers', 'addressees'] as const;
const RECORD_KEYS = ['file', 'isNotice', 'confidence', 'site', 'metadata', 'text', 'outline', 'obligations'];
const METADATA_KEYS = [...METADATA_STRINGS, ...METADATA_DATES, ...METADATA_LISTS];
const OUTLINE_KEYS = ['level', 'label', 'title', 'start'];
const CLAUSE_KEYS = [
  'category',
  'categories',
  'strength',
  'start',
  'end',
  'text',
  'trigger',
  'bearer',
  'deadline',
  'quoted',
  'score',
];

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export { loneSurrogateAt };

/** True for `YYYY-MM-DD` naming a day that exists. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function isWhole(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

class Problems {
  readonly list: string[] = [];

  add(path: string, what: string): void {
    this.list.push(`${path}: ${what}`);
  }

  string(v: unknown, path: string): v is string {
    if (typeof v !== 'string') {
      this.add(path, `expected a string, found ${describe(v)}`);
      return false;
    }
    const at = loneSurrogateAt(v);
    if (at >= 0) this.add(path, `lone surrogate U+${v.charCodeAt(at).toString(16).toUpperCase()} at ${at}`);
    return true;
  }

  stringOrNull(v: unknown, path: string): void {
    if (v !== null) this.string(v, path);
  }

  boolean(v: unknown, path: string): void {
    if (typeof v !== 'boolean') this.add(path, `expected a boolean, found ${describe(v)}`);
  }

  keys(o: Obj, path: string, keys: readonly string[]): void {
    for (const k of keys) if (!(k in o)) this.add(path ? `${path}.${k}` : k, 'missing');
    for (const k of Object.keys(o))
      if (!keys.includes(k)) this.add(path ? `${path}.${k}` : k, 'not a field of the output');
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return typeof v;
}

function checkMetadata(v: unknown, p: Problems): void {
  if (!isObject(v)) {
    p.add('metadata', `expected an object, found ${describe(v)}`);
    return;
  }
  p.keys(v, 'metadata', METADATA_KEYS);
  for (const k of METADATA_STRINGS) p.stringOrNull(v[k], `metadata.${k}`);
  for (const k of METADATA_DATES) {
    const d = v[k];
    if (d !== null && p.string(d, `metadata.${k}`) && !isIsoDate(d))
      p.add(`metadata.${k}`, `not an ISO calendar date: ${describe(d)}`);
  }
  for (const k of METADATA_LISTS) {
    const list = v[k];
    if (!Array.isArray(list)) p.add(`metadata.${k}`, `expected an array, found ${describe(list)}`);
    else list.forEach((s, i) => p.string(s, `metadata.${k}[${i}]`));
  }
}

function checkOutline(v: unknown, text: string | null, p: Problems): void {
  if (!Array.isArray(v)) {
    p.add('outline', `expected an array, found ${describe(v)}`);
    return;
  }
  let previous = -1;
  v.forEach((item, i) => {
    const path = `outline[${i}]`;
    if (!isObject(item)) return p.add(path, `expected an object, found ${describe(item)}`);
    p.keys(item, path, OUTLINE_KEYS);
    if (!isWhole(item.level) || item.level < 1)
      p.add(`${path}.level`, `expected a whole number ≥ 1, found ${describe(item.level)}`);
    const labelOk = p.string(item.label, `${path}.label`);
    p.string(item.title, `${path}.title`);
    if (!isWhole(item.start)) return p.add(`${path}.start`, `expected a whole number, found ${describe(item.start)}`);
    if (item.start <= previous) p.add(`${path}.start`, `${item.start} does not follow the previous item (${previous})`);
    previous = item.start;
    if (text === null) return;
    if (item.start >= text.length) p.add(`${path}.start`, `${item.start} is not inside the text (${text.length})`);
    else if (labelOk && !text.startsWith(item.label as string, item.start)) {
      p.add(`${path}.label`, `${describe(item.label)} is not printed at ${item.start}`);
    }
  });
}

function checkClauses(v: unknown, text: string | null, p: Problems): void {
  if (!Array.isArray(v)) {
    p.add('obligations', `expected an array, found ${describe(v)}`);
    return;
  }
  let previousStart = -1;
  v.forEach((c, i) => {
    const path = `obligations[${i}]`;
    if (!isObject(c)) return p.add(path, `expected an object, found ${describe(c)}`);
    p.keys(c, path, CLAUSE_KEYS);
    const categories = c.categories;
    if (!OBLIGATION_CATEGORIES.includes(c.category as never))
      p.add(`${path}.category`, `not a category: ${describe(c.category)}`);
    if (!Array.isArray(categories) || categories.length === 0) {
      p.add(`${path}.categories`, `expected a non-empty array, found ${describe(categories)}`);
    } else {
      categories.forEach((x, j) => {
        if (!OBLIGATION_CATEGORIES.includes(x as never))
          p.add(`${path}.categories[${j}]`, `not a category: ${describe(x)}`);
      });
      if (new Set(categories).size !== categories.length) p.add(`${path}.categories`, 'lists a category twice');
      if (categories[0] !== c.category)
        p.add(`${path}.category`, `${describe(c.category)} is not categories[0] (${describe(categories[0])})`);
    }
    if (!STRENGTHS.includes(c.strength as string)) p.add(`${path}.strength`, `not a strength: ${describe(c.strength)}`);
    const textOk = p.string(c.text, `${path}.text`);
    p.string(c.trigger, `${path}.trigger`);
    p.stringOrNull(c.bearer, `${path}.bearer`);
    p.stringOrNull(c.deadline, `${path}.deadline`);
    p.boolean(c.quoted, `${path}.quoted`);
    if (typeof c.score !== 'number' || !(c.score >= 0 && c.score <= 1))
      p.add(`${path}.score`, `expected a number in [0, 1], found ${describe(c.score)}`);
    const { start, end } = c;
    if (!isWhole(start) || !isWhole(end))
      return p.add(path, `start/end must be whole numbers, found ${describe(start)}/${describe(end)}`);
    if (start >= end) p.add(path, `start ${start} is not before end ${end}`);
    if (start < previousStart)
      p.add(`${path}.start`, `${start} comes before the previous clause's start (${previousStart})`);
    previousStart = start;
    if (text === null) return;
    if (end > text.length) p.add(`${path}.end`, `${end} is beyond the text (${text.length})`);
    else if (textOk && text.slice(start, end) !== c.text) p.add(`${path}.text`, `is not text.slice(${start}, ${end})`);
  });
}

/**
 * Every departure of `record` from the analyser's printed shape (`{file, error}` for a file that failed is a
 * shape of its own and is accepted). Returns [] for a well-formed record. `forced`: the analysis was asked
 * for obligations whatever the detector said (`AnalyseOptions.force`), so a non-notice may have clauses.
 */
export function cliRecordProblems(record: unknown, options: { forced?: boolean } = {}): string[] {
  const p = new Problems();
  if (!isObject(record)) {
    p.add('record', `expected an object, found ${describe(record)}`);
    return p.list;
  }
  if ('error' in record) {
    p.keys(record, '', ['file', 'error']);
    p.string(record.file, 'file');
    if (p.string(record.error, 'error') && (record.error as string).trim() === '') p.add('error', 'empty message');
    return p.list;
  }
  p.keys(record, '', RECORD_KEYS);
  p.string(record.file, 'file');
  p.boolean(record.isNotice, 'isNotice');
  const confidence = record.confidence;
  if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) {
    p.add('confidence', `expected a number in [0, 1], found ${describe(confidence)}`);
  }
  if (!SITES.includes(record.site as string)) p.add('site', `not a site: ${describe(record.site)}`);
  checkMetadata(record.metadata, p);
  const text = p.string(record.text, 'text') ? (record.text as string) : null;
  checkOutline(record.outline, text, p);
  checkClauses(record.obligations, text, p);
  if (
    !options.forced &&
    record.isNotice === false &&
    Array.isArray(record.obligations) &&
    record.obligations.length > 0
  ) {
    // The analyser reports obligations only for notices (README); `force` is not a command-line option.
    p.add('obligations', `${record.obligations.length} clauses reported for a page that is not a notice`);
  }
  return p.list;
}
