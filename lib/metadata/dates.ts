/**
 * Dates as notices and their pages print them, to ISO `YYYY-MM-DD`.
 *
 * Forms met in practice (docs/notice-pages.md §6): `2019年1月27日` (GB/T 9704 成文日期, no padding),
 * `2019年01月27日` (gov.cn tables), Chinese numerals `二〇二〇年一月二十九日`, `二○一一年十一月四日` and
 * `二OO九年十二月二日` (the zero typed as ○, 〇, 零 or a Latin O), pkulaw `2009.12.02`, metas
 * `2026-09-28-21:50:00` / `2026-09-22 14:39:00` / `2018-03-11 00:00:00`, `2019/1/27`, run-together
 * `20190127`, and search APIs' epoch milliseconds.
 */
import { foldWidth } from '../text/normalise';

/** Chinese numerals for one digit, the zero written 〇, ○, ◯ or 零 (dates and deadlines read them alike). */
export const CN_DIGIT: Readonly<Record<string, number>> = {
  〇: 0,
  '○': 0,
  '◯': 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Characters besides 0-9 that stand for one digit in a year written digit by digit (二〇二〇, 二OO九). */
const YEAR_DIGIT: Readonly<Record<string, number>> = { ...CN_DIGIT, O: 0, o: 0 };

/** Year: four digits, Arabic or one Chinese numeral per digit. */
const YEAR = '([0-9〇○◯零Oo一二三四五六七八九]{4})';
/** Month or day: Arabic, or Chinese with 十 (十二, 二十九), 廿/卅 (廿九), or 〇一-style digits. */
const MD = '([0-9]{1,2}|[〇○零一二三四五六七八九十廿卅]{1,4})';
const SP = '[ \\t\\u00a0]*';

/** `2019年1月27日` in any numeral form; groups 1-3 = year, month, day. Text already width-folded. */
export const CN_DATE_SOURCE = `${YEAR}${SP}年${SP}${MD}${SP}月${SP}${MD}${SP}日`;
/** `2009.12.02`, `2026-09-28`, `2019/1/27` (one separator kind); groups 1, 3, 4 = year, month, day. */
const NUM_DATE_SOURCE = '((?:1[89]|2[01])[0-9]{2})([./-])([0-9]{1,2})\\2([0-9]{1,2})';
/** A time after the date: ` 14:39:00`, `-21:50:00` (gov.cn firstpublishedtime), `T08:00:00Z`. */
const TIME_SOURCE = '(?:[ \\tT-]*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?';

const WHOLE_CN = new RegExp(`^${CN_DATE_SOURCE}${SP}${TIME_SOURCE}$`);
const WHOLE_NUM = new RegExp(`^${NUM_DATE_SOURCE}${TIME_SOURCE}$`);
const WHOLE_COMPACT = /^((?:19|20)[0-9]{2}|2100)([0-9]{2})([0-9]{2})$/;
const EPOCH_MS = /^1[0-9]{12}$/;
/** A `…年…月…日` date at the very end of a string (the 署名 glued before the 成文日期). */
const CN_DATE_AT_END = new RegExp(`${CN_DATE_SOURCE}$`);

/** Strings longer than this are not "a date" (keeps the whole-string patterns cheap on any input). */
const MAX_DATE_LENGTH = 64;

/**
 * Parse a string that *is* a date (optionally followed by a time) into `YYYY-MM-DD`.
 * Returns null for anything else, including impossible dates (2019年2月30日) and years outside 1900-2100.
 */
export function parseChineseDate(s: string): string | null {
  if (typeof s !== 'string') return null;
  const t = foldWidth(s).trim();
  if (t.length === 0 || t.length > MAX_DATE_LENGTH) return null;
  let m = WHOLE_CN.exec(t);
  if (m) return fromParts(cnYear(m[1]), cnSmall(m[2]), cnSmall(m[3]));
  m = WHOLE_NUM.exec(t);
  if (m) return fromParts(Number(m[1]), Number(m[3]), Number(m[4]));
  m = WHOLE_COMPACT.exec(t);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  if (EPOCH_MS.test(t)) return fromEpochMs(Number(t));
  return null;
}

/**
 * A `…年…月…日` date ending the string: `中共北京市委2020年1月29日` → the date, its start offset and the ISO
 * form. Used for a 署名 and 成文日期 printed on one line. `s` should be short (a line's tail).
 */
export function cnDateAtEnd(s: string): { start: number; iso: string } | null {
  if (s.length > 200) s = s.slice(s.length - 200);
  const folded = foldWidth(s);
  const m = CN_DATE_AT_END.exec(folded);
  if (!m) return null;
  const iso = fromParts(cnYear(m[1]), cnSmall(m[2]), cnSmall(m[3]));
  return iso ? { start: m.index, iso } : null;
}

/** ISO form of a match of `CN_DATE_SOURCE` (groups 1-3), or null when the date does not exist. */
export function cnDateAt(m: RegExpExecArray): string | null {
  return fromParts(cnYear(m[1]), cnSmall(m[2]), cnSmall(m[3]));
}

function cnYear(s: string): number {
  let y = 0;
  for (const ch of s) {
    const d = ch >= '0' && ch <= '9' ? Number(ch) : YEAR_DIGIT[ch];
    if (d === undefined) return NaN;
    y = y * 10 + d;
  }
  return y;
}

/** 1-31 written in Arabic or Chinese numerals: 9, 09, 九, 十, 十一, 二十, 二十九, 廿九, 卅一, 〇九. */
function cnSmall(s: string): number {
  if (/^[0-9]+$/.test(s)) return Number(s);
  let rest = s;
  let value = 0;
  if (rest[0] === '廿') {
    value = 20;
    rest = rest.slice(1);
  } else if (rest[0] === '卅') {
    value = 30;
    rest = rest.slice(1);
  } else {
    const ten = rest.indexOf('十');
    if (ten >= 0) {
      if (rest.indexOf('十', ten + 1) >= 0) return NaN;
      const tens = ten === 0 ? 1 : digitsValue(rest.slice(0, ten));
      value = tens * 10;
      rest = rest.slice(ten + 1);
    } else {
      return digitsValue(rest); // 〇九, 一二 (digit by digit)
    }
  }
  return rest.length === 0 ? value : value + digitsValue(rest);
}

function digitsValue(s: string): number {
  if (s.length === 0 || s.length > 2) return NaN;
  let v = 0;
  for (const ch of s) {
    const d = CN_DIGIT[ch];
    if (d === undefined) return NaN;
    v = v * 10 + d;
  }
  return v;
}

/** Days in a month of the Gregorian calendar (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** ISO date from numbers, or null when the date does not exist. */
export function fromParts(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return isoDate(year, month, day);
}

/** `YYYY-MM-DD` of numbers already checked. */
export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Epoch milliseconds (search APIs) as a date in China Standard Time (UTC+8, no daylight saving). */
function fromEpochMs(ms: number): string | null {
  const d = new Date(ms + 8 * 3600_000);
  if (Number.isNaN(d.getTime())) return null;
  return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
