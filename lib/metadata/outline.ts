/**
 * The document's outline: numbered headings and articles at line start.
 *
 * Numbering kinds (GB/T 9704 §7.3.3 and legal texts): 第X编, 第X部分, 第X章, 第X节, 第X条, 一、, （一）,
 * 1. / 1． / 1、, （1）, ⑴, ①; Arabic numbers in ASCII or full-width digits (５６． （１２） are 1. and （1） kinds).
 * Levels are relative within a document: each kind gets the next level the first time it appears, so
 * 一、→（一）→1.→（1） reads 1-2-3-4 and 第一章→第一条→（一） reads 1-2-3, whatever the notice skips.
 * (A document that uses 1. before 一、 gets 1. at level 1: the order is what it printed.)
 *
 * Not headings: a date at line start (`2020年1月…`, `1月27日,…`), decimals (`1.5亿元`), numbers inside
 * sentences, and 第X条 that starts a cross-reference (`第十条规定的…`).
 */
import type { OutlineItem } from '../types';

type HeadingKind =
  | 'bian'
  | 'bufen'
  | 'zhang'
  | 'jie'
  | 'tiao'
  | 'cn'
  | 'cnParen'
  | 'arabic'
  | 'arabicParen'
  | 'parenCircled'
  | 'circled';

const CN_NUM = '[一二三四五六七八九十百千零〇两]{1,7}';
const NUM = `(?:${CN_NUM}|[0-9]{1,3})`;

/** 第X编/部分/章/节/条 in one sticky pattern: group 1 names the unit. */
const DI = new RegExp(`第${NUM}(编|部分|章|节|条(?:之[一二三四五六七八九十]{1,3})?)`, 'y');
const DI_KIND: Record<string, HeadingKind> = { 编: 'bian', 部分: 'bufen', 章: 'zhang', 节: 'jie' };
const CN = new RegExp(`${CN_NUM}、`, 'y');
const CN_PAREN = new RegExp(`[（(]${CN_NUM}[）)]`, 'y');
const ARABIC = /[0-9０-９]{1,2}(?:[.．](?![0-9０-９])|、)/y;
const ARABIC_PAREN = /[（(][0-9０-９]{1,2}[）)]/y;
const CN_DIGITS = '一二三四五六七八九十百千零〇两';
const CN_DIGIT_CODES = new Set(Array.from(CN_DIGITS, (ch) => ch.charCodeAt(0)));

/** An ASCII or full-width digit (0-9, ０-９). */
function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** The label at the start of `line` and its kind, dispatching on the first character (one regex per line). */
function matchLabel(line: string): { kind: HeadingKind; label: string } | null {
  const c = line.charCodeAt(0);
  let re: RegExp;
  let kind: HeadingKind;
  if (c === 0x7b2c /* 第 */) {
    DI.lastIndex = 0;
    const m = DI.exec(line);
    if (!m) return null;
    return { kind: m[1].startsWith('条') ? 'tiao' : DI_KIND[m[1]], label: m[0] };
  }
  if (c >= 0x2474 && c <= 0x2487) return { kind: 'parenCircled', label: line[0] };
  if (c >= 0x3220 && c <= 0x3229) return { kind: 'cnParen', label: line[0] }; // ㈠-㈩: （一）-（十） in one character
  if (c >= 0x2460 && c <= 0x2473) return { kind: 'circled', label: line[0] };
  if (isDigit(c)) {
    re = ARABIC;
    kind = 'arabic';
  } else if (c === 0x28 || c === 0xff08) {
    const arabic = isDigit(line.charCodeAt(1));
    re = arabic ? ARABIC_PAREN : CN_PAREN;
    kind = arabic ? 'arabicParen' : 'cnParen';
  } else if (CN_DIGIT_CODES.has(c)) {
    re = CN;
    kind = 'cn';
  } else {
    return null;
  }
  re.lastIndex = 0;
  const m = re.exec(line);
  return m ? { kind, label: m[0] } : null;
}

/** Kinds that only head a short line of their own (第一章 总则), never a paragraph. */
const TITLE_LINE_KINDS = new Set<HeadingKind>(['bian', 'bufen', 'zhang', 'jie']);
/** After 第X条 with no space: words that make it a cross-reference, not an article (第十条规定的…, 第一条至第三条). */
const ARTICLE_REFERENCE = /^[的所之规中第至和及或、，,款项]/;
/** Characters that end a heading's title. */
const TITLE_END = /[。；：;:！？!?]/;

/**
 * At most this many items: the longest codes have about 1,300 articles (民法典 1,260), so the cap never
 * truncates a real document; it bounds the work on junk text made of heading-like lines.
 */
export const MAX_OUTLINE_ITEMS = 20_000;

const MAX_HEADING_TITLE = 60;
const MAX_ARTICLE_TITLE = 40;
const MAX_TITLE_LINE = 60;

export interface HeadingMatch {
  kind: HeadingKind;
  label: string;
  /** Offset in the line where the heading's words start (after the label and any space). */
  wordsStart: number;
}

/** Can a label start with this character? (A cheap filter before slicing the line.) */
function isLabelStart(c: number): boolean {
  return (
    c === 0x7b2c ||
    c === 0x28 ||
    c === 0xff08 ||
    isDigit(c) ||
    (c >= 0x2460 && c <= 0x2487) ||
    (c >= 0x3220 && c <= 0x3229) ||
    CN_DIGIT_CODES.has(c)
  );
}

/** The heading that starts `line` (already trimmed), or null. */
export function matchHeading(line: string): HeadingMatch | null {
  const found = matchLabel(line);
  if (!found) return null;
  const { kind, label } = found;
  let w = label.length;
  let spaced = false;
  while (w < line.length && (line[w] === ' ' || line[w] === '\u3000' || line[w] === '\t' || line[w] === '\u00a0')) {
    w++;
    spaced = true;
  }
  const rest = line.slice(w, w + 1);
  if (TITLE_LINE_KINDS.has(kind)) {
    if (line.length > MAX_TITLE_LINE || /[。；;]/.test(line)) return null;
    if (!spaced && ARTICLE_REFERENCE.test(rest)) return null;
  } else if (kind === 'tiao') {
    if (!spaced && ARTICLE_REFERENCE.test(rest)) return null;
  }
  return { kind, label, wordsStart: w };
}

/** The heading's own words: up to the first 。；：！？, capped (articles shorter: their line is body text). */
function headingTitle(line: string, match: HeadingMatch): string {
  const words = line.slice(match.wordsStart);
  const cut = TITLE_END.exec(words);
  const title = cut ? words.slice(0, cut.index) : words;
  const cap = match.kind === 'tiao' ? MAX_ARTICLE_TITLE : MAX_HEADING_TITLE;
  return title.length > cap ? title.slice(0, cap) : title;
}

/** Every heading and article in the text, in order (at most MAX_OUTLINE_ITEMS). Linear: one sticky match per line. */
export function readOutline(text: string): OutlineItem[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const items: OutlineItem[] = [];
  const levels = new Map<HeadingKind, number>();
  const n = text.length;
  let pos = 0;
  while (pos <= n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    let s = pos;
    while (s < end && isSpace(text.charCodeAt(s))) s++;
    if (s < end && isLabelStart(text.charCodeAt(s))) {
      // Only the first 200 characters matter for a label and its title.
      let e = end < s + 200 ? end : s + 200;
      while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
      const line = text.slice(s, e);
      const match = matchHeading(line);
      if (match) {
        let level = levels.get(match.kind);
        if (level === undefined) {
          level = levels.size + 1;
          levels.set(match.kind, level);
        }
        items.push({ level, label: match.label, title: headingTitle(line, match), start: s });
        if (items.length >= MAX_OUTLINE_ITEMS) break;
      }
    }
    pos = end + 1;
  }
  return items;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x3000 || c === 0x09 || c === 0xa0 || c === 0x0d;
}
