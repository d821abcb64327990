/**
 * 发文字号 (document numbers) in any printed variant, and the look-alikes that are not 文号.
 *
 * Accepted (docs/notice-pages.md §6):
 * - standard 代字〔年份〕序号号: `国发〔2019〕5号`, `国办发明电〔2018〕15号`; brackets 〔〕 [] ［］ () （） 【】 ﹝﹞ 〖〗,
 *   a space or 第 before the number: `科工法字[2000] 851号`, `…公告 [2026]第168号`;
 * - year first: `[1990]法经函字第11号`;
 * - 令/公告/通告 numbers: `国令第706号`, `主席令第63号`, `…总局令（第156号）`, `商务部令2007年第15号`,
 *   `财政部公告2009年第123号`, `财政部公告（2009年第123号）`, `…通告（第1号）`, and the print layout
 *   `…总局令` on one line with `第\u3000156\u3000号` on the next.
 * Rejected: court 案号 `(2020)京01民终123号` (year first, 代字 with court digits or a 民/刑/行/执/赔 case code),
 * 公报 issue numbers `2014年第20号` (no 令/公告/通告 before them), a bare `（2020年）`.
 *
 * The returned `text` has a single documented form: the number as printed with all whitespace and line
 * breaks removed, and for 令/公告/通告 numbers the brackets around the `第N号` part dropped, so
 * `…总局令（第156号）`, `…总局令\n第\u3000156\u3000号` and `…总局令第156号` all read `…总局令第156号` (the GB/T 9704
 * §10 令 form, as `NoticeMetadata.docNumber` documents). `start`/`end` span the printed number in `s`
 * (for a `（国发〔2019〕5号）` line, without the outer parentheses).
 */
import { isHan } from '../text/normalise';
import { removeSpaces } from './lines';

export interface DocNumberMatch {
  text: string;
  start: number;
  end: number;
}

// Patterns accept both widths (（ and (, ０ and 0, U+3000) instead of folding the input: findDocNumber may be
// handed a whole 2 MB text, and folding it would cost more than the scan.
const WS = '[ \\t\\u00a0\\u3000]*';
const D = '[0-9０-９]';
const YEAR = `[12１２]${D}{3}`;
const OPEN = '[〔[［(（【﹝〖]';
const CLOSE = '[〕\\]］)）】﹞〗]';

/** `〔2019〕`: open bracket, year, close bracket (group 1 = the year, checked to be 1900-2099). */
const BRACKET_YEAR = new RegExp(`${OPEN}${WS}(${YEAR})${WS}${CLOSE}`, 'y');
/** A 令 number in Chinese numerals (`主席令第三十五号`), as 主席令 and some 部令 print them. */
const CN_ORDINAL = '[一二三四五六七八九十百零〇]{1,8}';
/** Digits of a serial number; a recognised scan may part them by single spaces (`1 2号`). */
const SERIAL = `${D}(?:[ \\u3000]?${D}){0,5}`;
/**
 * After a bracketed year of the standard form: the number and 号, or 第 and the number in digits or Chinese
 * numerals (`〔2021〕第十二号`, against GB/T 9704 but printed).
 */
const NUMBER_AFTER = new RegExp(`${WS}(?:第${WS}(?:${SERIAL}|${CN_ORDINAL})|${SERIAL})${WS}号`, 'y');
/** After a bracketed year of the year-first form: 代字, optional 第, the number, 号. */
const YEAR_FIRST_TAIL = new RegExp(`${WS}([\\u4e00-\\u9fffA-Za-z]{1,20}?)${WS}第?${WS}${D}{1,6}${WS}号`, 'y');
/** The term of a people's congress before a 公告 number: `〔十四届〕`, `（十三届）`. */
const TERM = `[〔[［(（]${WS}${CN_ORDINAL}届${WS}[〕\\]］)）]${WS}`;
/**
 * 令/公告/通告 followed (on the same or the next line) by `第N号`, `（第N号）`, `2009年第123号`, `（2009年第123号）`,
 * `〔2023〕第5号`.
 */
const ORDER_NUMBER = `(?:${YEAR}${WS}年${WS}|${TERM}|${OPEN}${WS}${YEAR}${WS}${CLOSE}${WS})?第${WS}(?:${D}{1,6}|${CN_ORDINAL})${WS}号`;
const ORDER_TAIL = new RegExp(
  `${WS}(?:\\n${WS})?(?:[(（[［【]${WS}${ORDER_NUMBER}${WS}[)）\\]］】]|${ORDER_NUMBER})`,
  'y',
);

/** Court case-type codes ending a year-first "代字": (2020)京民终…, (2019)最高法民申…, (1998)刑字第… */
const COURT_CASE_CODE = /(?:民|刑|行|执|赔|破)(?:初|终|申|再|监|辖|抗|恢|异|复|特|督|催|保|他|撤|提|请)?字?$/;

/** Words that precede a 文号 in running text and are not part of its 代字 (`根据国发〔2019〕5号`). */
const LEAD_WORDS = /^(?:.*?(?:根据|按照|依据|依照|参照|参见|详见|关于|印发|转发|执行|贯彻|落实|通过|下发|发布))/;

const MAX_AGENCY_CODE = 20;
const MAX_ORDER_ISSUER = 30;

function isCodeChar(code: number): boolean {
  return isHan(code) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Start of the 代字 ending just before `end`: Han or Latin letters, at most `max`, optionally one space before `end`. */
function codeStart(s: string, end: number, max: number, allowSpace: boolean): number {
  let e = end;
  if (allowSpace) {
    let k = e;
    while (k > 0 && k > end - 2 && (s.charCodeAt(k - 1) === 0x20 || s.charCodeAt(k - 1) === 0x3000)) k--;
    e = k;
  }
  let b = e;
  while (b > 0 && e - b < max && isCodeChar(s.charCodeAt(b - 1))) b--;
  if (b === e) return -1;
  // A date glued before it (`2021年3月5日某政发〔2021〕12号`): the 日 ends the date.
  if (s.charCodeAt(b) === 0x65e5 /* 日 */ && b > 0 && /[0-9０-９〇一二三四五六七八九十]/.test(s[b - 1]) && e - b > 2)
    b++;
  // Trim a leading "根据…" etc. from a code found in running text.
  const code = s.slice(b, e);
  const lead = LEAD_WORDS.exec(code);
  if (lead && lead[0].length < code.length) b += lead[0].length;
  // A number glued to the title it follows (`…工作的通知某政发〔2021〕12号`): no 代字 holds 的 or 》, so the
  // title's last words end before it.
  const glued = GLUED_TITLE_END.exec(s.slice(b, e));
  if (glued && glued[0].length < e - b) b += glued[0].length;
  // …and to the issuer's name printed before it (`某某市人民政府 某政发〔2021〕12号`, the space lost): a 代字 is an
  // abbreviation, never a full name.
  // A 令/公告/通告 number's issuer is part of the number and is kept whole.
  const named = allowSpace ? GLUED_ISSUER.exec(s.slice(b, e)) : null;
  if (named) b += named[1].length;
  // …and to its label or the 版头 (`发文字号某政发〔2021〕12号`, `某某市人民政府文件某政发〔2021〕12号`).
  const label = GLUED_LABEL.exec(s.slice(b, e));
  if (label) b += label[0].length;
  return b;
}

/** A 文号 label or the end of a 版头 (`…文件`) glued before a 代字. */
const GLUED_LABEL = /^(?:.*文件|发文字号|发文编号|发文号|文号|字号|文件编号)(?=[\u4e00-\u9fffA-Za-z]{2})/;

/**
 * A full agency name glued before a 代字, the longest one (`某某市人民政府办公厅` in `某某市人民政府办公厅某政办发`);
 * not before 公告/通告/令, whose issuer is part of the number (`某某市人民政府办公室公告`).
 */
const GLUED_ISSUER =
  /^([\u4e00-\u9fff]{2,16}(?:人民政府|办公厅|办公室|委员会))(?![\u4e00-\u9fffA-Za-z]*(?:公告|通告|令)$)[\u4e00-\u9fffA-Za-z]{2,}$/;

/** The end of a title a number is glued to: up to the last 的 or 》, and the 文种 right after it. */
const GLUED_TITLE_END =
  /^.*[的》](?:实施意见|指导意见|通知|意见|决定|决议|通报|批复|复函|函|公告|通告|报告|请示|办法|规定|细则|方案|规划|纪要)?/;

/** `（第156号）` → `第156号`: brackets dropped only when they enclose the whole number part. */
function withoutOuterBrackets(part: string): string {
  const m = /^[([（［【](.*)[)\]）］】]$/.exec(part);
  return m && !/[()[\]（）［］【】〔〕]/.test(m[1]) ? m[1] : part;
}

/** 〔 [ ［ ( （ 【 ﹝ 〖 */
function isOpenBracket(c: number): boolean {
  return (
    c === 0x3014 ||
    c === 0x5b ||
    c === 0xff3b ||
    c === 0x28 ||
    c === 0xff08 ||
    c === 0x3010 ||
    c === 0xfe5d ||
    c === 0x3016
  );
}

function isDigitOrSpace(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000
  );
}

/** Value of Arabic digits of either width. */
function digitsValue(s: string): number {
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    v = v * 10 + (c >= 0xff10 ? c - 0xff10 : c - 0x30);
  }
  return v;
}

/** Can a 令/公告 number part start with this character? (Skips the regex for the common 令 in prose.) */
function mayStartOrderTail(c: number): boolean {
  return (
    c === 0x7b2c /* 第 */ ||
    c === 0x28 ||
    c === 0xff08 ||
    c === 0x5b ||
    c === 0xff3b ||
    c === 0x3010 ||
    c === 0x3014 /* 〔 */ ||
    c === 0x20 ||
    c === 0x09 ||
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0x0a ||
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0xff10 && c <= 0xff19)
  );
}

/**
 * The first 发文字号 in `s`, or null. Linear in `s`: one pass over the characters, anchored on opening
 * brackets and on 令/公告/通告; every look-behind and look-ahead is bounded.
 */
export function findDocNumber(s: string): DocNumberMatch | null {
  if (typeof s !== 'string' || s.length === 0) return null;
  let best: DocNumberMatch | null = null;
  let bestStart = Infinity;
  const offer = (m: DocNumberMatch) => {
    if (m.start < bestStart) {
      best = m;
      bestStart = m.start;
    }
  };

  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isOpenBracket(c)) {
      if (i - MAX_AGENCY_CODE - 2 > bestStart) break;
      BRACKET_YEAR.lastIndex = i;
      const m = BRACKET_YEAR.exec(s);
      if (!m) continue;
      const year = digitsValue(m[1]);
      if (year < 1900 || year > 2099) continue;
      const closeEnd = i + m[0].length;
      const next = s.charCodeAt(closeEnd);
      // Standard form: 代字 before the bracket, number after it.
      if (next === 0x7b2c /* 第 */ || isDigitOrSpace(next)) {
        NUMBER_AFTER.lastIndex = closeEnd;
        const num = NUMBER_AFTER.exec(s);
        if (num) {
          const b = codeStart(s, i, MAX_AGENCY_CODE, true);
          if (b >= 0) {
            const end = closeEnd + num[0].length;
            offer({ text: removeSpaces(s.slice(b, end)), start: b, end });
            continue;
          }
        }
      }
      // Year first: [1990]法经函字第11号, but not a court 案号.
      YEAR_FIRST_TAIL.lastIndex = closeEnd;
      const tail = isCodeChar(next) || next === 0x20 || next === 0x3000 ? YEAR_FIRST_TAIL.exec(s) : null;
      if (tail && !COURT_CASE_CODE.test(tail[1])) {
        const end = closeEnd + tail[0].length;
        offer({ text: removeSpaces(s.slice(i, end)), start: i, end });
      }
      continue;
    }
    // 令 / 公告 / 通告 followed by a 第N号 part.
    let anchorLength = 0;
    if (c === 0x4ee4 /* 令 */) anchorLength = 1;
    else if ((c === 0x516c /* 公 */ || c === 0x901a) /* 通 */ && s.charCodeAt(i + 1) === 0x544a /* 告 */)
      anchorLength = 2;
    if (anchorLength === 0) continue;
    if (i - MAX_ORDER_ISSUER > bestStart) break;
    const anchorEnd = i + anchorLength;
    if (!mayStartOrderTail(s.charCodeAt(anchorEnd))) continue;
    ORDER_TAIL.lastIndex = anchorEnd;
    const tail = ORDER_TAIL.exec(s);
    if (!tail) continue;
    const b = codeStart(s, i, MAX_ORDER_ISSUER, false);
    if (b < 0) continue; // a bare 公告第3号 names no issuer: not a 文号
    const end = anchorEnd + tail[0].length;
    offer({ text: s.slice(b, anchorEnd) + withoutOuterBrackets(removeSpaces(s.slice(anchorEnd, end))), start: b, end });
  }
  return best;
}

/**
 * The issuing agency a 令/公告/通告 number names: `财政部公告2009年第123号` → 财政部,
 * `国家质量监督检验检疫总局令第156号` → 国家质量监督检验检疫总局. Null for other 文号 (their 代字 is an
 * abbreviation, 国发 → 国务院, that no table here resolves) and for 国令/主席令.
 */
export function issuerOfOrderNumber(docNumber: string): string | null {
  const m =
    /^([\u4e00-\u9fff]{3,30}?)(?:令|公告|通告)(?:(?:19|20)[0-9]{2}年|[〔[［(（](?:(?:19|20)[0-9]{2}|[一二三四五六七八九十]{1,4}届)[〕\]］)）])?第?(?:[0-9０-９]+|[一二三四五六七八九十百零〇]+)号$/.exec(
      docNumber,
    );
  return m ? m[1] : null;
}

/** 文种 a 令/公告/通告 number implies (`财政部公告2009年第123号` → 公告), else null. */
export function docTypeOfOrderNumber(docNumber: string): string | null {
  const m =
    /(令|公告|通告)(?:(?:19|20)[0-9]{2}年|[〔[［(（](?:(?:19|20)[0-9]{2}|[一二三四五六七八九十]{1,4}届)[〕\]］)）])?第?(?:[0-9０-９]+|[一二三四五六七八九十百零〇]+)号$/.exec(
      docNumber,
    );
  return m ? m[1] : null;
}
