/**
 * Deadlines: time expressions that bound the action of a clause, copied exactly as printed.
 *
 * Our own small grammar (docs/obligations.md §6): chrono-node's `zh` parser drops 前 from
 * 2024年6月30日前, reads 2019年12月底前 as the 10th and finds nothing in 每月5日前 or 3个工作日内.
 * Urgency words (立即, 及时, 尽快, 第一时间, 按时, 定期) are deliberately not deadlines, and neither
 * is an effective-date formula (自2014年8月1日起施行): every pattern here needs a bound (前, 内, 底,
 * 旬, 限期, 提前), which those lack. 日前 without a month before it means "recently" and is ignored.
 */
import type { Deadline } from '../types';
import { CN_DIGIT, daysInMonth, isoDate } from '../metadata/dates';
import { foldWidth } from '../text/normalise';

const CN = '〇零一二两三四五六七八九十百';
const N = `(?:\\d{1,4}|[${CN}]{1,4})`;
const YEAR_NUM = `(?:\\d{4}|[〇零一二三四五六七八九O○]{4})`;
const YEAR = `${YEAR_NUM}年`;
const MONTH = `(?:\\d{1,2}|[一二三四五六七八九十]{1,3})月`;
const DAY = `(?:\\d{1,2}|[一二三四五六七八九十]{1,3})[日号]`;
const UNIT = '(?:个)?(?:工作日|日|天|周|星期|月|年|小时)';
/** A time of day between the date and 前: 1月24日24:00前, 3月5日12时前. */
const CLOCK = '\\d{1,2}(?::\\s?\\d{2}|时)';

interface Pattern {
  re: RegExp;
  type: Deadline['type'];
}

const PATTERNS: Pattern[] = [
  // 于2026年10月20日前, 2019年4月底前, 6月30日之前, 3月上旬
  {
    re: new RegExp(
      `(?:于|在|到|至|截至|截止到|截止)?(${YEAR})?(${MONTH})(${DAY})?(底|末|上旬|中旬|下旬)?(?:${CLOCK})?(?:前|之前|以前)`,
      'g',
    ),
    type: 'date',
  },
  // 2019年3月中旬, 到2020年6月底 (a bound without 前)
  { re: new RegExp(`(?:于|到|至)?(${YEAR})?(${MONTH})()(上旬|中旬|下旬)`, 'g'), type: 'date' },
  { re: new RegExp(`(?:到|至)(${YEAR})?(${MONTH})()(底|末)`, 'g'), type: 'date' },
  // 2019年底前, 到2020年底, 到2022年
  { re: new RegExp(`(${YEAR_NUM})年()()(底|末)(?:前|之前)`, 'g'), type: 'date' },
  { re: new RegExp(`(?:到|至)(${YEAR_NUM})年()()(底|末)?`, 'g'), type: 'date' },
  // 年底前, 今年底前, 年内, 月底前
  {
    re: /(?:今年|本年|当年)?年(?:底|末)(?:前|之前)|(?:今年|本年度?|年)内(?=完成|实现|全面|基本|建成|出台|落实)|(?:本月|当月|月)底(?:前|之前)/g,
    type: 'date',
  },
  // 自受理申请之日起5日内, 自变化事项发生后1个月内
  { re: new RegExp(`(?:自|从)[^,。;:!?\\n]{1,30}?(?:之日|之时|后)起?${N}${UNIT}(?:内|以内)`, 'g'), type: 'relative' },
  // 3个工作日内, 30日内
  { re: new RegExp(`${N}${UNIT}(?:内|以内)`, 'g'), type: 'relative' },
  // 提前5日, 期满6个月前, 限期(30日内)
  { re: new RegExp(`提前${N}${UNIT}`, 'g'), type: 'relative' },
  { re: new RegExp(`(?:届满|期满|到期)${N}${UNIT}(?:前|之前)`, 'g'), type: 'relative' },
  { re: new RegExp(`(?<!、)限期(?:${N}${UNIT}(?:内|以内)?)?(?!、)`, 'g'), type: 'relative' },
  // 每月5日前, 每年12月31日前, 每季度结束后15日内
  {
    re: new RegExp(
      `每(?:个)?(?:日|天|周|月|季度|季|半年|年度|年)(?:${MONTH})?(?:${DAY}|第${N}个工作日)?(?:底|末)?(?:前|之前|以前)`,
      'g',
    ),
    type: 'recurring',
  },
  {
    re: new RegExp(`每(?:个)?(?:月|季度|季|半年|年度|年)(?:结束|终了)后${N}${UNIT}(?:内|以内)`, 'g'),
    type: 'recurring',
  },
];

/** Digits of Chinese numerals as deadlines print them (二〇一九, 两, the Latin O typed for 〇). */
const DIGIT: Readonly<Record<string, number>> = { ...CN_DIGIT, O: 0, 两: 2 };

/** Arabic or Chinese numeral to a number; 二〇一九 digit by digit, 三十一 by tens. NaN when unreadable. */
export function readNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s.includes('十') && !s.includes('百')) {
    let v = 0;
    for (const ch of s) {
      if (!(ch in DIGIT)) return NaN;
      v = v * 10 + DIGIT[ch];
    }
    return v;
  }
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (cur || 1) * 100;
      cur = 0;
    } else if (ch === '十') {
      total += (cur || 1) * 10;
      cur = 0;
    } else if (ch in DIGIT) cur = DIGIT[ch];
    else return NaN;
  }
  return total + cur;
}

/**
 * ISO date for an absolute deadline when the year is printed: a day as given, month-end (底/末/下旬)
 * as the month's last day, 上旬/中旬 as the 10th/20th, a year-end (2019年底) as 12-31; a month alone
 * before 前 (4月前) as the last day of the month before. Null when the year or the date is missing or
 * impossible.
 */
function isoOf(
  yearS: string | undefined,
  monthS: string | undefined,
  dayS: string | undefined,
  part: string | undefined,
  hasBefore: boolean,
): string | null {
  if (!yearS) return null;
  const year = readNumber(yearS.replace(/年$/, ''));
  if (!Number.isFinite(year) || year < 1900 || year > 2200) return null;
  if (!monthS) return part === '底' || part === '末' || !hasBefore ? `${year}-12-31` : null;
  const month = readNumber(monthS.replace(/月$/, ''));
  if (!Number.isFinite(month) || month < 1 || month > 12) return null;
  if (dayS) {
    const day = readNumber(dayS.replace(/[日号]$/, ''));
    if (!Number.isFinite(day) || day < 1 || day > daysInMonth(year, month)) return null;
    return isoDate(year, month, day);
  }
  if (part === '上旬') return isoDate(year, month, 10);
  if (part === '中旬') return isoDate(year, month, 20);
  if (part === '底' || part === '末' || part === '下旬') return isoDate(year, month, daysInMonth(year, month));
  if (hasBefore) {
    // 2019年4月前: before April begins
    const y = month === 1 ? year - 1 : year;
    const m = month === 1 ? 12 : month - 1;
    return isoDate(y, m, daysInMonth(y, m));
  }
  return null;
}

/** Clauses longer than this are searched only in their first part (a deadline sits near its verb). */
const MAX_SCAN = 4000;

/** The first deadline in `clause` (text as printed), or null. */
export function findDeadline(clause: string): Deadline | null {
  const text = clause.length > MAX_SCAN ? clause.slice(0, MAX_SCAN) : clause;
  // Every pattern ends in one of these bounds; most clauses have none and skip the patterns.
  if (!/[前内底旬限]/.test(text)) return null;
  const f = foldWidth(text);
  let best: { index: number; length: number; pattern: Pattern; m: RegExpExecArray } | null = null;
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    const m = p.re.exec(f);
    if (!m || m[0].length === 0) continue;
    if (!best || m.index < best.index || (m.index === best.index && m[0].length > best.length)) {
      best = { index: m.index, length: m[0].length, pattern: p, m };
    }
  }
  if (!best) return null;
  const { m, pattern } = best;
  let iso: string | null = null;
  if (pattern.type === 'date') {
    const hasBefore = /前$/.test(m[0]);
    iso = isoOf(m[1] || undefined, m[2] || undefined, m[3] || undefined, m[4] || undefined, hasBefore);
  }
  return { text: text.slice(best.index, best.index + best.length), type: pattern.type, iso };
}
