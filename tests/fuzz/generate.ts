/**
 * Seeded generators and mutators for the fuzz tests: hostile HTML and text, every 文号 and date variant
 * broken in every way, and mutations of the real pages and seed texts. Everything is drawn from
 * `tests/support/prng.ts`, so a case is fully determined by its seed (printed in every assertion message).
 */
import { allCases, pageCases, readSource, seedCases, type FixtureCase } from '../support/fixtures';
import { prng } from '../support/prng';

/* ----- Random source ----- */

export class Rng {
  private readonly next: () => number;

  constructor(readonly seed: number) {
    this.next = prng(seed);
  }

  float(): number {
    return this.next();
  }

  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A whole number in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }

  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  }
}

/* ----- Inputs on disk ----- */

export interface Sample {
  name: string;
  content: string;
}

/** A test case as a sample, named as its file was supplied. */
const sample = (c: FixtureCase): Sample => ({ name: c.expected.file, content: readSource(c) });

/** The real HTML pages of tests/fixtures. */
export function fixturePages(): Sample[] {
  return allCases()
    .filter((c) => c.format === 'html')
    .map(sample);
}

/** A test case's source, by its supplied file name or folder name. */
export function fixtureFile(name: string): string {
  return readSource(name);
}

/** The seed notices (plain texts) and the pkulaw TXT export. */
export function seedTexts(): Sample[] {
  return [...seedCases(), ...pageCases().filter((c) => c.format === 'txt')].map(sample);
}

/* ----- Characters ----- */

/** Code units that break things: lone surrogates, controls, zero-width, odd spaces and breaks, BOM, U+FFFD. */
export const NASTY_UNITS = [
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\u0000',
  '\u0001',
  '\u001F',
  '\u007F',
  '\u0085',
  '\u00A0',
  '\u00AD',
  '\u200B',
  '\u200D',
  '\u2028',
  '\u2029',
  '\u3000',
  '\uFEFF',
  '\uFFFD',
  '\uFFFF',
  '\r',
  '\n',
  '\t',
  '\v',
  '\f',
  '😀',
  '\uD83D',
  '𠀀',
  '〔',
  '〕',
  '《',
  '》',
  '“',
  '”',
  '<',
  '>',
  '&',
  '"',
  "'",
  '\\',
];

const HAN =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研';
const PUNCT = '，。、；：？！“”（）《》〔〕【】…—　 \n';
const ASCII = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?-_=+()[]{}<>/\\|@#$%^&*~`"\'';

/** Random text: mostly Han with punctuation, some ASCII, some nasty units. */
export function randomText(r: Rng, length: number): string {
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    const x = r.float();
    if (x < 0.7) out.push(HAN[r.int(HAN.length)]);
    else if (x < 0.85) out.push(PUNCT[r.int(PUNCT.length)]);
    else if (x < 0.97) out.push(ASCII[r.int(ASCII.length)]);
    else out.push(r.pick(NASTY_UNITS));
  }
  return out.join('');
}

/** A random UTF-16 string: any code unit, lone surrogates included. */
export function randomUnits(r: Rng, length: number): string {
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    const x = r.float();
    out.push(String.fromCharCode(x < 0.3 ? r.int(0x80) : x < 0.5 ? 0xd800 + r.int(0x800) : r.int(0x10000)));
  }
  return out.join('');
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

function widen(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return FULL_WIDTH_DIGITS[code - 0x30];
  if (code >= 0x21 && code <= 0x7e) return String.fromCharCode(code + 0xfee0);
  return c;
}

function narrow(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return c;
}

/** Each character at random width (２0２０年, [2020〕, （第１56号)). */
export function mixWidths(r: Rng, s: string): string {
  return Array.from(s, (c) => (r.chance(0.5) ? widen(c) : narrow(c))).join('');
}

/* ----- 文号 and dates ----- */

export const DOC_NUMBERS = [
  '国办发〔2020〕12号',
  '京政发[2020]3号',
  '国发〔2019〕5号',
  '国发(2019)5号',
  '国发（2019）5号',
  '粤府办〔2020〕1号',
  '银保监党办发〔2020〕3号',
  '国办发明电〔2018〕15号',
  '科工法字[2000] 851号',
  '海关总署公告 [2026]第168号',
  '[1990]法经函字第11号',
  '京政办发〔２０２０〕３号',
  '国函〔2019〕12号',
  '法释〔2020〕17号',
  '财政部公告2009年第123号',
  '财政部公告（2009年第123号）',
  '国家质量监督检验检疫总局令第156号',
  '国家质量监督检验检疫总局令（第156号）',
  '国令第706号',
  '主席令第63号',
  '商务部令2007年第15号',
  '国务院令第７０８号',
  '第12号',
  '第十二号',
  '中华人民共和国主席令第三十一号',
  '（2020年）',
  '(2020)京01民终123号',
  '2014年第20号',
  '国家税务总局通告（第1号）',
  '署发[2019]4号',
  '国发〔2019〕第5号',
  '京政发【2020】3号',
  '沪府规﹝2020﹞1号',
  '苏政发〖2020〗9号',
];

/** Every way a 文号 gets broken. Each takes the number and returns a damaged copy. */
export const DOC_NUMBER_BREAKERS: ReadonlyArray<[string, (r: Rng, s: string) => string]> = [
  ['truncated', (r, s) => s.slice(0, r.int(s.length + 1))],
  ['head cut off', (r, s) => s.slice(r.int(s.length + 1))],
  [
    'a digit as a letter',
    (r, s) => s.replace(/[0-9０-９]/g, (d) => (r.chance(0.4) ? r.pick(['O', 'l', 'I', 'o', 'Z', 'S', 'B', 'ｌ']) : d)),
  ],
  ['every digit as a letter', (r, s) => s.replace(/[0-9０-９]/g, () => r.pick(['O', 'l', 'x', 'Ｏ']))],
  ['closing bracket lost', (_r, s) => s.replace(/[〕\]］)）】﹞〗]/, '')],
  ['opening bracket lost', (_r, s) => s.replace(/[〔[［(（【﹝〖]/, '')],
  [
    'brackets mismatched',
    (r, s) =>
      s.replace(/[〔〕[\]［］()（）【】﹝﹞〖〗]/g, () =>
        r.pick(['〔', '〕', '[', ']', '（', ')', '【', '〗', '《', '》']),
      ),
  ],
  ['brackets doubled', (_r, s) => s.replace(/([〔[［(（【﹝〖])/g, '$1$1').replace(/([〕\]］)）】﹞〗])/g, '$1$1')],
  ['nested brackets', (_r, s) => s.replace(/([〔[［(（【﹝〖])/, '$1〔（[')],
  ['giant serial', (r, s) => s.replace(/[0-9０-９一二三四五六七八九十百]+(?=号)/, '9'.repeat(r.between(7, 400)))],
  ['giant year', (r, s) => s.replace(/(?:19|20)\d\d|２０２０/, '1'.repeat(r.between(5, 300)))],
  ['year 0', (_r, s) => s.replace(/(?:19|20)\d\d|２０２０/, '0')],
  ['year 0000', (_r, s) => s.replace(/(?:19|20)\d\d|２０２０/, '0000')],
  ['year 99999', (_r, s) => s.replace(/(?:19|20)\d\d|２０２０/, '99999')],
  ['serial 0', (_r, s) => s.replace(/[0-9０-９]+(?=号)/, '0')],
  ['mixed widths', (r, s) => mixWidths(r, s)],
  [
    'spaces inside',
    (r, s) => Array.from(s, (c) => c + (r.chance(0.3) ? r.pick([' ', '　', '\u00a0', '\t', '  ']) : '')).join(''),
  ],
  ['line break inside', (r, s) => insertAt(r, s, r.pick(['\n', '\r\n', '\n\n', '\u2028']))],
  ['lone surrogate inside', (r, s) => insertAt(r, s, r.pick(['\uD800', '\uDC00', '\uDBFF']))],
  ['control character inside', (r, s) => insertAt(r, s, r.pick(['\u0000', '\u0008', '\u200B', '\uFEFF', '\u00AD']))],
  ['repeated', (r, s) => s.repeat(r.between(2, 60))],
  ['repeated without the code', (r, s) => s.replace(/^[^〔[［(（【﹝〖第]*/, '').repeat(r.between(2, 60))],
  ['no 号', (_r, s) => s.replace(/号/g, '')],
  ['号 repeated', (r, s) => s.replace(/号/, '号'.repeat(r.between(2, 50)))],
  ['第 repeated', (r, s) => s.replace(/第|(?=\d+号)/, '第'.repeat(r.between(2, 50)))],
  ['long code', (r, s) => '国'.repeat(r.between(20, 400)) + s],
  ['chars shuffled', (r, s) => r.shuffle(Array.from(s)).join('')],
  ['two glued', (r, s) => s + r.pick(DOC_NUMBERS)],
];

function insertAt(r: Rng, s: string, piece: string): string {
  const at = r.int(s.length + 1);
  return s.slice(0, at) + piece + s.slice(at);
}

/** A possibly impossible calendar day; `expected` is the ISO date a correct reader gives, or null. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const CN_DIGITS = '〇一二三四五六七八九';

function cnYear(y: number, zero: string): string {
  return String(y)
    .split('')
    .map((d) => (d === '0' ? zero : CN_DIGITS[Number(d)]))
    .join('');
}

/** 1-99 in Chinese numerals as notices print them: 五, 十, 十二, 二十, 三十一; others digit by digit. */
function cnSmall(n: number): string {
  if (n === 0) return '〇';
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  return String(n)
    .split('')
    .map((d) => CN_DIGITS[Number(d)])
    .join('');
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The printed date forms (docs/notice-pages.md §6), each rendering any numbers, possible or not. */
export const DATE_FORMS: ReadonlyArray<[string, (p: DateParts) => string]> = [
  ['年月日', (p) => `${p.year}年${p.month}月${p.day}日`],
  ['年月日 padded', (p) => `${p.year}年${pad2(p.month)}月${pad2(p.day)}日`],
  ['年月日 spaced', (p) => `${p.year} 年 ${p.month} 月 ${p.day} 日`],
  ['Chinese numerals 〇', (p) => `${cnYear(p.year, '〇')}年${cnSmall(p.month)}月${cnSmall(p.day)}日`],
  ['Chinese numerals ○', (p) => `${cnYear(p.year, '○')}年${cnSmall(p.month)}月${cnSmall(p.day)}日`],
  ['Chinese numerals O', (p) => `${cnYear(p.year, 'O')}年${cnSmall(p.month)}月${cnSmall(p.day)}日`],
  ['full width', (p) => `${p.year}年${p.month}月${p.day}日`.replace(/\d/g, (d) => FULL_WIDTH_DIGITS[Number(d)])],
  ['dotted', (p) => `${p.year}.${p.month}.${p.day}`],
  ['dashed', (p) => `${p.year}-${pad2(p.month)}-${pad2(p.day)}`],
  ['dashed unpadded', (p) => `${p.year}-${p.month}-${p.day}`],
  ['slashed', (p) => `${p.year}/${p.month}/${p.day}`],
  ['compact', (p) => `${p.year}${pad2(p.month)}${pad2(p.day)}`],
  ['dashed with time', (p) => `${p.year}-${pad2(p.month)}-${pad2(p.day)} 14:39:00`],
  ['gov.cn meta time', (p) => `${p.year}-${pad2(p.month)}-${pad2(p.day)}-21:50:00`],
];

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** The documented reading of a printed date: the ISO day for 1900-2100 days that exist, else null. */
export function expectedIso(p: DateParts): string | null {
  const ok =
    p.year >= 1900 &&
    p.year <= 2100 &&
    p.month >= 1 &&
    p.month <= 12 &&
    p.day >= 1 &&
    p.day <= daysInMonth(p.year, p.month);
  return ok ? `${p.year}-${pad2(p.month)}-${pad2(p.day)}` : null;
}

/** Dates possible and impossible: ordinary days, month 13, day 32, 2月30日, year 0 and 99999, leap days. */
export function dateParts(r: Rng): DateParts {
  const base = { year: r.between(1990, 2030), month: r.between(1, 12), day: r.between(1, 28) };
  switch (r.int(12)) {
    case 0:
      return { ...base, month: 13 };
    case 1:
      return { ...base, day: 32 };
    case 2:
      return { ...base, month: 2, day: r.between(29, 31) };
    case 3:
      return { ...base, year: 0 };
    case 4:
      return { ...base, year: 99999 };
    case 5:
      return { ...base, month: 0 };
    case 6:
      return { ...base, day: 0 };
    case 7:
      return { ...base, year: r.pick([1899, 1900, 2100, 2101, 1000, 9999]) };
    case 8:
      return { ...base, month: r.pick([4, 6, 9, 11]), day: 31 };
    default:
      return base;
  }
}

/** Breaking a printed date (beyond impossible numbers, which `dateParts` makes). */
export const DATE_BREAKERS: ReadonlyArray<[string, (r: Rng, s: string) => string]> = [
  ['truncated', (r, s) => s.slice(0, r.int(s.length + 1))],
  ['head cut off', (r, s) => s.slice(r.int(s.length + 1))],
  ['a digit as a letter', (r, s) => s.replace(/[0-9０-９]/, () => r.pick(['O', 'l', 'I', 'o', 'x']))],
  ['giant number', (r, s) => s.replace(/[0-9]+/, '8'.repeat(r.between(5, 400)))],
  ['giant Chinese number', (r, s) => s.replace(/月/, '十'.repeat(r.between(2, 200)) + '月')],
  ['mixed widths', (r, s) => mixWidths(r, s)],
  [
    'spaces inside',
    (r, s) => Array.from(s, (c) => c + (r.chance(0.3) ? r.pick([' ', '　', '\u00a0', '\t']) : '')).join(''),
  ],
  ['line break inside', (r, s) => insertAt(r, s, '\n')],
  ['lone surrogate inside', (r, s) => insertAt(r, s, r.pick(['\uD800', '\uDFFF']))],
  ['separator doubled', (_r, s) => s.replace(/[年./-]/, (c) => c + c)],
  ['unit lost', (r, s) => s.replace(r.pick([/年/, /月/, /日/, /\./, /-/]), '')],
  ['repeated', (r, s) => s.repeat(r.between(2, 80))],
  ['negative', (_r, s) => `-${s}`],
  ['exponent', (_r, s) => s.replace(/\d+/, '1e400')],
];

/* ----- Texts ----- */

const ADDRESSEES = [
  '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
  '各区人民政府，市政府各委、办、局：',
  '各银保监局党委，机关党委：',
];
const BODY_LINES = [
  '各地区、各部门要认真贯彻落实本通知要求，加强组织领导，明确责任分工。',
  '各单位应当于{date}前将工作进展情况报送市政府办公厅。',
  '任何单位和个人不得擅自变更用途，不得截留、挪用专项资金。',
  '鼓励社会资本参与基础设施建设，支持民营企业发展。',
  '对工作不力、造成严重后果的，依法依规严肃追究责任。',
  '可以根据实际情况制定具体实施办法，报{issuer}备案。',
  '根据{docNumber}的规定，现将有关事项通知如下：',
  '本办法自{date}起施行。',
  '第一条　为了规范管理，根据有关法律法规，制定本办法。',
  '第二条　本办法适用于本市行政区域内的各类单位。',
  '一、提高政治站位，坚决扛起疫情防控的政治责任',
  '（一）加强组织领导。各级党委要切实履行主体责任。',
  '1．建立健全工作机制，确保各项措施落到实处。',
];

/** A notice-like text with a planted 文号 and date (either may be broken): head, addressees, body, closing. */
export function noticeText(r: Rng, docNumber: string, date: string): string {
  const issuer = r.pick(['国务院办公厅', '北京市人民政府', '财政部', '中国银保监会党委办公室', '海口市水务局']);
  const title = `${issuer}关于${randomText(r, r.between(0, 12)).replace(/\n/g, '')}的${r.pick(['通知', '意见', '办法', '公告', '决定', '通告'])}`;
  const fill = (line: string) =>
    line.replace('{date}', date).replace('{issuer}', issuer).replace('{docNumber}', docNumber);
  const lines: string[] = [];
  if (r.chance(0.3))
    lines.push(`发文字号：${docNumber}`, `成文日期：${date}`, `发布日期：${date}`, `施行日期：${date}`);
  lines.push(title);
  lines.push(r.chance(0.5) ? docNumber : `（${docNumber}）`);
  lines.push(r.pick(ADDRESSEES));
  const count = r.between(1, 12);
  for (let i = 0; i < count; i++) lines.push(fill(r.pick(BODY_LINES)));
  lines.push(issuer, date);
  if (r.chance(0.2)) lines.push(`（此件公开发布）`);
  return lines.map((l) => (r.chance(0.5) ? `\u3000\u3000${l}` : l)).join(r.pick(['\n', '\r\n', '\n\n', '　　']));
}

/* ----- HTML ----- */

const TAGS = [
  'div',
  'p',
  'span',
  'font',
  'td',
  'table',
  'tr',
  'ul',
  'li',
  'section',
  'article',
  'b',
  'center',
  'pre',
  'blockquote',
  'a',
  'h1',
  'h2',
];

/** A random tag soup around text, some tags left open or closed twice. */
export function tagSoup(r: Rng, pieces: number, text: () => string): string {
  const out: string[] = [];
  const open: string[] = [];
  for (let i = 0; i < pieces; i++) {
    const x = r.float();
    if (x < 0.35) {
      const tag = r.pick(TAGS);
      const attrs = r.chance(0.3)
        ? ` class="${r.pick(['content', 'TRS_Editor', 'pages_content', 'article', 'nav', 'footer', 'zoom'])}"`
        : '';
      const id = r.chance(0.1) ? ` id="${r.pick(['UCAP-CONTENT', 'zoom', 'fontzoom', 'divFullText'])}"` : '';
      out.push(`<${tag}${attrs}${id}>`);
      open.push(tag);
    } else if (x < 0.6 && open.length > 0) {
      out.push(`</${open.pop()}>`);
    } else if (x < 0.63) {
      out.push(`</${r.pick(TAGS)}>`);
    } else if (x < 0.66) {
      out.push(
        r.pick(['<br>', '<hr>', '<br/>', '<img src=x onerror=alert(1)>', '<!-- 注释 -->', '<![CDATA[ x ]]>', '<p/>']),
      );
    } else {
      out.push(escapeHtml(text()));
    }
  }
  return out.join('');
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function page(body: string, head = '<title>测试页面</title>'): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

/** `depth` nested elements of mixed kinds with text at some levels, closed (or not) at the end. */
export function deepNesting(r: Rng, depth: number, text: string): string {
  const tags: string[] = [];
  const out: string[] = [];
  for (let i = 0; i < depth; i++) {
    const tag = r.pick(['div', 'span', 'font', 'section', 'blockquote', 'ul', 'li', 'b', 'i', 'em', 'table', 'p']);
    out.push(`<${tag}>`);
    tags.push(tag);
    if (r.chance(0.05)) out.push(escapeHtml(randomText(r, r.between(1, 20))));
  }
  out.push(escapeHtml(text));
  if (r.chance(0.7)) for (let i = tags.length - 1; i >= 0; i--) out.push(`</${tags[i]}>`);
  return out.join('');
}

/** A `rows` × `cols` table whose cells hold short texts, 文号, dates and clauses. */
export function bigTable(r: Rng, rows: number, cols: number): string {
  const cell = () => {
    const x = r.float();
    if (x < 0.2) return r.pick(DOC_NUMBERS);
    if (x < 0.4) return DATE_FORMS[r.int(DATE_FORMS.length)][1](dateParts(r));
    if (x < 0.5) return r.pick(BODY_LINES).replace(/\{\w+\}/g, '');
    if (x < 0.6) return r.pick(['发文字号：', '成文日期：', '发文机关：', '标题：', '主送机关：']);
    return randomText(r, r.between(0, 6));
  };
  const out: string[] = ['<table class="bd1">'];
  for (let i = 0; i < rows; i++) {
    out.push('<tr>');
    for (let j = 0; j < cols; j++) out.push(`<td>${escapeHtml(cell())}</td>`);
    out.push('</tr>');
  }
  out.push('</table>');
  return out.join('');
}

/* ----- Mutations ----- */

/** Damage an HTML string: cut it, insert random units or whitespace, drop or repeat a slice. */
export function mutateString(r: Rng, s: string, rounds: number): string {
  let out = s;
  for (let k = 0; k < rounds; k++) {
    const at = r.int(out.length + 1);
    switch (r.int(7)) {
      case 0:
        out = out.slice(0, at);
        break;
      case 1:
        out = out.slice(0, at) + randomUnits(r, r.between(1, 40)) + out.slice(at);
        break;
      case 2:
        out =
          out.slice(0, at) +
          r.pick([' ', '\n', '\t', '　', '\r\n', '\u00a0']).repeat(r.between(1, 200)) +
          out.slice(at);
        break;
      case 3: {
        const end = Math.min(out.length, at + r.int(2000));
        out = out.slice(0, at) + out.slice(end);
        break;
      }
      case 4: {
        const end = Math.min(out.length, at + r.int(2000));
        out = out.slice(0, end) + out.slice(at, end) + out.slice(end);
        break;
      }
      case 5:
        out =
          out.slice(0, at) +
          r.pick([
            '<',
            '>',
            '</',
            '<!--',
            '"',
            "'",
            '&',
            '&#',
            '&#xD800;',
            '<script>',
            '</body>',
            '<body>',
            '</html>',
            '<frameset>',
            '<template>',
          ]) +
          out.slice(at);
        break;
      default:
        out = out.slice(0, at) + r.pick(NASTY_UNITS) + out.slice(at);
    }
  }
  return out;
}

/** Every element under `root` (root included), in document order; iterative. */
export function elementsOf(root: Element): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    out.push(el);
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

function contains(a: Node, b: Node): boolean {
  for (let n: Node | null = b; n; n = n.parentNode) if (n === a) return true;
  return false;
}

/**
 * Damage a parsed page in place: delete, duplicate, swap and move random subtrees, replace text, insert
 * nasty characters into text nodes. Returns the operations done (for failure messages).
 */
export function mutateDom(r: Rng, doc: Document, rounds: number): string[] {
  const done: string[] = [];
  const root = doc.documentElement;
  if (!root) return done;
  for (let k = 0; k < rounds; k++) {
    const all = elementsOf(root);
    if (all.length < 2) break;
    const a = all[1 + r.int(all.length - 1)];
    const b = all[1 + r.int(all.length - 1)];
    const op = r.int(6);
    if (op === 0 && a.parentNode) {
      a.parentNode.removeChild(a);
      done.push(`delete <${a.nodeName}>`);
    } else if (op === 1 && a.parentNode) {
      a.parentNode.insertBefore(a.cloneNode(true), a.nextSibling);
      done.push(`duplicate <${a.nodeName}>`);
    } else if (op === 2 && a !== b && !contains(a, b) && !contains(b, a) && a.parentNode && b.parentNode) {
      const marker = doc.createTextNode('');
      a.parentNode.insertBefore(marker, a);
      b.parentNode.insertBefore(a, b);
      marker.parentNode!.insertBefore(b, marker);
      marker.parentNode!.removeChild(marker);
      done.push(`swap <${a.nodeName}> <${b.nodeName}>`);
    } else if (op === 3 && !contains(a, b)) {
      b.appendChild(a);
      done.push(`move <${a.nodeName}> into <${b.nodeName}>`);
    } else if (op === 4) {
      a.appendChild(
        doc.createTextNode(r.chance(0.5) ? randomText(r, r.between(1, 300)) : randomUnits(r, r.between(1, 50))),
      );
      done.push(`text into <${a.nodeName}>`);
    } else {
      const el = doc.createElement(
        r.pick(['div', 'p', 'table', 'iframe', 'script', 'br', 'td', 'template', 'frameset']),
      );
      el.textContent = r.pick(BODY_LINES).replace(/\{\w+\}/g, '');
      a.insertBefore(el, a.firstChild);
      done.push(`insert <${el.nodeName}> into <${a.nodeName}>`);
    }
  }
  return done;
}

/** Damage a text: every kind of string mutation plus line shuffles. */
export function mutateText(r: Rng, s: string, rounds: number): string {
  let out = s;
  for (let k = 0; k < rounds; k++) {
    if (r.chance(0.2)) {
      const lines = out.split('\n');
      const i = r.int(lines.length);
      const j = r.int(lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      if (r.chance(0.5)) lines.splice(r.int(lines.length), 0, lines[r.int(lines.length)]);
      out = lines.join(r.pick(['\n', '\n', '\r\n', '　　', '']));
    } else {
      out = mutateString(r, out, 1);
    }
  }
  return out;
}

/* ----- Pages ----- */

/** Page addresses, real and broken. */
export const URLS = [
  null,
  'https://www.gov.cn/zhengce/content/2019-02/15/content_5365945.htm',
  'https://www.pkulaw.com/chl/1b8b7e4fc052b9babdfb.html',
  'https://flk.npc.gov.cn/detail2.html?ZmY4MDgxODE',
  'https://www.beijing.gov.cn/zhengce/zfwj/202003/t20200305_1.html',
  'file:///C:/Users/a/Desktop/%E9%80%9A%E7%9F%A5.html',
  'not a url',
  'javascript:alert(1)',
  'https://[::1',
  `https://www.gov.cn/zhengce/content/2020-03/05/content_1.htm?q=${'长'.repeat(3000)}`,
];

/** A notice body as HTML: paragraphs of a generated notice with a broken 文号 and date. */
export function noticeHtml(r: Rng): string {
  const [, breakNumber] = r.pick(DOC_NUMBER_BREAKERS);
  const [, form] = r.pick(DATE_FORMS);
  const text = noticeText(r, breakNumber(r, r.pick(DOC_NUMBERS)), form(dateParts(r)));
  return text
    .split('\n')
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('');
}

/** Generated page kinds: each returns HTML built from the random source. */
export const PAGE_KINDS: ReadonlyArray<[string, (r: Rng) => string]> = [
  ['nesting 1,000 deep', (r) => page(deepNesting(r, 1000, noticeText(r, r.pick(DOC_NUMBERS), '2020年3月5日')))],
  ['nesting 1,000 deep, unclosed', (r) => deepNesting(r, 1000, randomText(r, 500))],
  [
    'tag soup',
    (r) =>
      page(
        tagSoup(r, r.between(10, 400), () =>
          r.chance(0.3) ? noticeText(r, r.pick(DOC_NUMBERS), '2020-03-05') : randomText(r, r.between(1, 60)),
        ),
      ),
  ],
  [
    'no body',
    (r) =>
      `<html><head><title>${escapeHtml(randomText(r, 30))}</title><meta name="ArticleTitle" content="${escapeHtml(randomText(r, 20))}"></head></html>`,
  ],
  [
    'empty document',
    (r) => r.pick(['', ' ', '<!DOCTYPE html>', '<html></html>', '<html><body></body></html>', '\uFEFF', '<']),
  ],
  ['bare text', (r) => noticeText(r, r.pick(DOC_NUMBERS), '2020年3月5日')],
  [
    'only scripts',
    (r) =>
      page(
        Array.from(
          { length: r.between(1, 30) },
          () => `<script>var s = ${JSON.stringify(noticeText(r, r.pick(DOC_NUMBERS), '2020年3月5日'))};</script>`,
        ).join('') +
          r.pick([
            '',
            '<noscript>请启用脚本</noscript>',
            '<style>p{color:red}</style>',
            '<template><p>各单位要认真执行。</p></template>',
          ]),
      ),
  ],
  [
    'frameset',
    (r) =>
      `<html><head><title>${escapeHtml(randomText(r, 20))}</title></head><frameset rows="20%,*">${'<frame src="a.htm">'.repeat(r.between(1, 20))}<noframes>${noticeHtml(r)}</noframes></frameset></html>`,
  ],
  [
    'iframes',
    (r) =>
      page(
        Array.from(
          { length: r.between(1, 20) },
          () =>
            `<iframe id="viewDoc" src="about:blank" srcdoc="${escapeHtml(noticeHtml(r)).replace(/"/g, '&quot;')}"></iframe>`,
        ).join('') + (r.chance(0.5) ? noticeHtml(r) : ''),
      ),
  ],
  [
    'huge single line',
    (r) => page(`<div id="zoom">${escapeHtml(randomText(r, r.between(50_000, 300_000)).replace(/\n/g, ''))}</div>`),
  ],
  [
    'huge line of clauses',
    (r) =>
      page(
        `<div class="TRS_Editor">${'各单位要认真落实，不得推诿，鼓励创新，'.repeat(r.between(5_000, 25_000))}</div>`,
      ),
  ],
  [
    'lone surrogates and controls',
    (r) =>
      page(
        `<div id="UCAP-CONTENT">${escapeHtml(randomUnits(r, r.between(100, 5_000)))}${noticeHtml(r)}${escapeHtml(randomUnits(r, 200))}</div>`,
      ),
  ],
  [
    'notice with broken 文号 and date',
    (r) =>
      page(
        `<div class="pages_content">${noticeHtml(r)}</div>`,
        `<title>${escapeHtml(randomText(r, 30))}_中国政府网</title>`,
      ),
  ],
  [
    'gov.cn metadata table with broken fields',
    (r) => {
      const [, breakNumber] = r.pick(DOC_NUMBER_BREAKERS);
      const [, form] = r.pick(DATE_FORMS);
      const [, breakDate] = r.pick(DATE_BREAKERS);
      const row = (label: string, value: string) => `<tr><td><b>${label}：</b></td><td>${escapeHtml(value)}</td></tr>`;
      const table = `<table class="bd1">${row('标　　题', randomText(r, 30))}${row('发文机关', randomText(r, 8))}${row('发文字号', breakNumber(r, r.pick(DOC_NUMBERS)))}${row('成文日期', breakDate(r, form(dateParts(r))))}${row('发布日期', form(dateParts(r)))}</table>`;
      return page(`${table}<div id="UCAP-CONTENT">${noticeHtml(r)}</div>`);
    },
  ],
  [
    'metadata cells holding paragraphs',
    (r) => {
      const long = () => randomText(r, r.between(1_000, 6_000));
      const row = (label: string, value: string) => `<tr><td>${label}：</td><td>${escapeHtml(value)}</td></tr>`;
      const head = `<title>${escapeHtml(long())}</title><meta name="ArticleTitle" content="${escapeHtml(long()).replace(/"/g, '&quot;')}">`;
      return page(
        `<table class="bd1">${row('标　　题', long())}${row('发文字号', r.pick(DOC_NUMBERS).repeat(r.between(1, 400)))}${row('成文日期', long())}${row('发文机关', long())}</table><div id="UCAP-CONTENT">${noticeHtml(r)}</div><h1>${escapeHtml(long())}</h1>`,
        head,
      );
    },
  ],
  [
    'pkulaw detail page',
    (r) =>
      page(
        `<div class="fields"><ul><li><strong>发文字号：</strong>${escapeHtml(r.pick(DOC_NUMBERS))}</li><li><strong>公布日期：</strong>${escapeHtml(DATE_FORMS[r.int(DATE_FORMS.length)][1](dateParts(r)))}</li></ul></div><div id="divFullText">${noticeHtml(r)}</div>`,
      ),
  ],
  [
    'list page',
    (r) =>
      page(
        `<ul>${Array.from({ length: r.between(5, 200) }, () => `<li><a href="/a.html">${escapeHtml(randomText(r, 20))}</a><span>${DATE_FORMS[r.int(DATE_FORMS.length)][1](dateParts(r))}</span></li>`).join('')}</ul>`,
      ),
  ],
];
