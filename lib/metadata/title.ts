/**
 * Titles: the page's `<title>` without its site suffixes, and the title printed at the top of the text.
 */
import { normaliseText } from '../text/normalise';
import { docTypeOfTitle } from './doc-type';
import { findDocNumber } from './doc-number';
import { parseChineseDate } from './dates';
import type { Line } from './lines';
import { looksLikeAddressees, splitAddressees } from './addressees';
import { isOrgName } from './organisations';
import { matchHeading } from './outline';

/**
 * Column and site names gov.cn appends (`_国务院文件_中国政府网`, `__2014年第20号国务院公报_中国政府网`,
 * `_中央有关文件_`, `_最新政策_`, `_滚动新闻_`, `_部门政务_`), and the shape of other sites' names.
 */
const KNOWN_COLUMNS = new Set([
  '国务院文件',
  '国务院部门文件',
  '中央有关文件',
  '最新政策',
  '滚动新闻',
  '部门政务',
  '政策解读',
  '国务院公报',
  '政策文件',
  '通知公告',
  '政府信息公开',
  '信息公开',
  '文件通知',
  '政务公开',
  '政策法规',
  '法律法规',
]);
const SITE_NAME =
  /(?:网|网站|门户|官网|法宝|数据库|频道|首页|新闻|论坛|博客|公众号|\.com|\.cn|\.net|\.org|\.gov|Powered by.*|北大法宝V\d+)$/i;
const GONGBAO_ISSUE = /^[0-9]{4}年第[0-9]+号国务院公报$/;

/** Separators between a title and the site's names: `_`, `__`, `|`, `｜`, ` - `, `--`, a `-` not between digits. */
const SEPARATOR = /(?:_+|[|｜]|\s+[-–—]+\s+|-{2,}|(?<![0-9])-(?![0-9]))/g;

/**
 * The page title without site and column suffixes, repeatedly: `…的意见_国务院文件_中国政府网` → `…的意见`,
 * `中华人民共和国监察法-纪检` → `中华人民共和国监察法`. A trailing part is dropped when it is a site name, a known
 * gov.cn column, a 公报 issue, or a short column name after a title that already ends in a 文种 (or after a
 * site name was dropped). Never returns an empty string for a non-blank input.
 */
export function stripTitleSuffix(pageTitle: string): string {
  if (typeof pageTitle !== 'string') return '';
  let t = pageTitle.trim();
  let droppedSite = false;
  for (let guard = 0; guard < 12; guard++) {
    let last: RegExpExecArray | null = null;
    SEPARATOR.lastIndex = 0;
    for (let m = SEPARATOR.exec(t); m; m = SEPARATOR.exec(t)) last = m;
    if (!last) break;
    const head = t.slice(0, last.index).trim();
    const tail = t.slice(last.index + last[0].length).trim();
    if (!head) break;
    const site = tail.length === 0 || SITE_NAME.test(tail) || KNOWN_COLUMNS.has(tail) || GONGBAO_ISSUE.test(tail);
    const column = tail.length <= 8 && !/[0-9（）()《》]/.test(tail) && (droppedSite || docTypeOfTitle(head) !== null);
    if (!site && !column) break;
    if (site) droppedSite = true;
    t = head;
  }
  return t;
}

/** Page layout text a line may carry after the title: `发布时间：…`, `来源：…`, `【字体：大 中 小】`, `浏览次数`. */
const LAYOUT_TAIL =
  /[\s\u3000]*[【[（(]?(?:发布时间|发布日期|发文日期|来源|信息来源|作者|字体|字号|浏览次数|点击数|阅读次数|打印本页|分享到)[:：】\]]/;

/**
 * A title with page chrome glued to it removed: a column name before it (`政府信息公开关于…的通知`,
 * `通知公告某某市人民政府关于…`) and layout text after it (`…的通知发布时间：2020-01-01`). The cut is kept
 * only when what remains still ends in a 文种.
 */
export function stripGluedChrome(title: string): string {
  let t = title;
  // 当前位置：首页 > 政策文件 > …的通知: the breadcrumb's last step
  const crumbs = t.split(/\s*[>＞»]\s*/);
  if (crumbs.length > 2 || (crumbs.length === 2 && BREADCRUMB_START.test(crumbs[0]))) {
    const last = crumbs[crumbs.length - 1].trim();
    if (last.length >= MIN_TITLE && docTypeOfTitle(last) !== null) t = last;
  }
  // 【已废止】…, …（2018修正）: a status tag or a version note of a database entry
  const bare = t.replace(STATUS_TAG, '').replace(VERSION_NOTE, '').trim();
  if (bare !== t && bare.length >= MIN_TITLE && docTypeOfTitle(bare) !== null) t = bare;
  // 某某市人民政府门户网站 …的通知: the site's name before the title
  const site = /^[^\s\u3000关《]{2,30}?(?:门户网站|网站|政府网|门户)[\s\u3000]*/.exec(t);
  if (site) {
    const rest = t.slice(site[0].length).trim();
    if (rest.length >= MIN_TITLE && docTypeOfTitle(rest) !== null) t = rest;
  }
  const layout = LAYOUT_TAIL.exec(t);
  if (layout && layout.index >= MIN_TITLE) {
    const head = t.slice(0, layout.index).trim();
    if (docTypeOfTitle(head) !== null) t = head;
  }
  for (const column of KNOWN_COLUMNS) {
    if (!t.startsWith(column)) continue;
    const rest = t.slice(column.length).replace(/^[\s\u3000>＞»:：|｜_-]+/, '');
    if (rest.length >= MIN_TITLE && docTypeOfTitle(rest) !== null) t = rest;
    break;
  }
  t = stripListMarks(t);
  return withoutGluedNumber(t);
}

/** `…工作的通知某政发〔2021〕12号` (and a date after it): the title without the 文号 the page glued to it. */
function withoutGluedNumber(title: string): string {
  if (title.length < MIN_TITLE + 6 || !/号/.test(title)) return title;
  const found = findDocNumber(title);
  if (!found || found.start < MIN_TITLE) return title;
  const rest = title.slice(found.end).replace(/^[\s\u3000)）\]］】]+/, '');
  if (rest.length > 0 && parseChineseDate(rest) === null) return title;
  const head = title.slice(0, found.start).replace(/[\s\u3000(（[［【]+$/, '');
  return docTypeOfTitle(head) !== null ? head : title;
}

/** A column tag in brackets before a title (`【党建工作】`, `[通知公告]`), a list mark (`置顶`, `【新】`). */
const LEADING_TAG = /^[【[［]([^】\]］]{1,12})[】\]］][\s\u3000]*/;
const LEADING_MARK = /^(?:置顶|推荐|热门|最新)[\s\u3000]*/;
const TRAILING_MARK = /[\s\u3000]*[【[［(（]?(?:新|NEW|new|New|热|荐|置顶|图|图文|视频)[】\]］)）]?$/;
/** A site or column name after a separator (`…的通知-机关党委`, `…的通知 | 某某大学`). */
const TRAILING_SITE = /[\s\u3000]*[-_—|｜][\s\u3000]*[^-_—|｜]{1,30}$/;
/** A site or column name before a separator (`机关党委 | …的通知`). */
const LEADING_SITE = /^[^|｜]{1,30}?[\s\u3000]*[|｜][\s\u3000]*/;

/** List and column marks around a title, each cut only when what remains still ends in a 文种. */
function stripListMarks(title: string): string {
  let t = title;
  const keep = (rest: string) => rest.length >= MIN_TITLE && docTypeOfTitle(rest) !== null;
  for (const re of [LEADING_TAG, LEADING_MARK, LEADING_SITE]) {
    const m = re.exec(t);
    if (m) {
      const rest = t.slice(m[0].length).trim();
      if (keep(rest)) t = rest;
    }
  }
  if (docTypeOfTitle(t) === null || TRAILING_MARK.test(t)) {
    for (const re of [TRAILING_MARK, TRAILING_SITE]) {
      const m = re.exec(t);
      if (!m || docTypeOfTitle(m[0]) !== null) continue;
      const rest = t.slice(0, m.index).trim();
      if (keep(rest)) {
        t = rest;
        break;
      }
    }
  }
  return t;
}

const BREADCRUMB_START = /^(?:当前位置|您的位置|您现在的位置|现在的位置|所在位置|位置)[:：]|^首页$/;
const STATUS_TAG =
  /^[\s\u3000]*[【[［(（](?:已废止|废止|失效|已失效|部分失效|现行有效|有效|已修改|尚未生效)[】\]］)）]/;
const VERSION_NOTE =
  /[(（](?:19|20)[0-9]{2}年?(?:第?[一二三四五六七八九十]+次)?(?:修正|修订|修改|修正文本|修订文本|年版)[)）]$/;

/** A title from a page or a label as one clean line: no line breaks, no stray spaces inside Chinese. */
export function cleanTitle(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const oneLine = raw.replace(/[\r\n\u2028\u2029]+/g, '');
  const t = normaliseText(oneLine).text.replace(/\n/g, '').trim();
  return t.length > 0 ? t : null;
}

/** Lines that are never (part of) a title: pkulaw's code and link lines, labels, breadcrumbs, 红头 `…文件`. */
function isNoise(line: string): boolean {
  return /法宝|https?:|CLI\.|[：:>＞|｜]|文件$|^(?:首页|当前位置|您的位置|返回|打印|关闭|字号)/.test(line);
}

const DOC_NUMBER_LINE = /[〔[［【(（]\s*(?:19|20)[0-9]{2}\s*[〕\]］】)）]\s*第?\s*[0-9]+\s*号/;
const MARK_LINE = /^(?:特急|加急|特提|急件|平急|明电|密电|机密|秘密|绝密|内部|公开方式)/;
const ORDER_NUMBER_LINE =
  /^[(（[［【]?\s*(?:(?:19|20)[0-9]{2}\s*年)?\s*第\s*(?:[0-9０-９]+|[一二三四五六七八九十百零〇]{1,8})\s*号\s*[)）\]］】]?$/;
const MAX_TITLE_LINE = 120;
const MAX_TITLE_FRAGMENT = 40;
/** Shorter lines are navigation or facet labels (`宪法`, `通知`), not a document's title. */
const MIN_TITLE = 5;
const MIN_TITLE_FRAGMENT = 3;
const TITLE_SCAN_LINES = 15;

/** Can this line be (part of) a title? Short, no sentence punctuation, not a heading, date or number line. */
function titleish(line: string, maxLength: number): boolean {
  if (line.length < 2 || line.length > maxLength) return false;
  // a 文号 line (某教〔2023〕5号) or a mark of secrecy or urgency (特急, 机密★1年) above the title
  if (DOC_NUMBER_LINE.test(line) || MARK_LINE.test(line)) return false;
  if (/[。；;！!？?]/.test(line) || isNoise(line)) return false;
  if (parseChineseDate(line) !== null || ORDER_NUMBER_LINE.test(line)) return false;
  return true;
}

/**
 * The title printed at the top of the text: the first line among the first 15 (before the first heading)
 * that ends in a 文种, joined with up to two short lines before it when the title wraps
 * (`国务院关于在市场监管领域全面推行` + `部门联合“双随机、一公开”监管的意见`); a title shorter than 5
 * characters is a navigation or facet label and skipped. A `…令`/`…公告` line followed by a
 * `第156号` line is the 令/公告 header, not the title: the scan goes on past it (the 令's own text and
 * signature) and falls back to the header when no other title follows. Lines with sentence punctuation
 * are body text and skipped.
 */
export function findTextTitle(lines: Line[]): { title: string; line: number } | null {
  let fallback: { title: string; line: number } | null = null;
  const limit = Math.min(lines.length, TITLE_SCAN_LINES);
  let firstFree = 0; // lines before this one belong to an earlier candidate and cannot join a title
  let headline: { title: string; line: number } | null = null;
  for (let i = 0; i < limit; i++) {
    const line = stripGluedChrome(lines[i].text);
    if (line.length === 0) continue;
    if (matchHeading(line)) break;
    // The 主送 line follows the title: a title-like line after it is an attachment's (a plan sent with the notice).
    if (/[：:]$/.test(line) && looksLikeAddressees(splitAddressees(line))) break;
    const bare = bareDocTypeTitle(lines, i);
    if (bare) return { title: bare, line: i };
    if (!titleish(line, MAX_TITLE_LINE) || docTypeOfTitle(line) === null) continue;
    // A news headline about the document (`某某厅印发《关于…的意见》`): the document's own title may follow.
    // …and a gazette's masthead (`中华人民共和国国务院公报`) stands above the document it publishes.
    if (isHeadline(line) || GAZETTE_MASTHEAD.test(line)) {
      headline ??= { title: line, line: i };
      firstFree = i + 1;
      continue;
    }
    // A short line (`的通知`) may end a wrapped title: the joined title's length is checked below.
    const next = i + 1 < lines.length ? lines[i + 1].text : '';
    if (/(?:令|公告|通告)$/.test(line) && ORDER_NUMBER_LINE.test(next)) {
      fallback ??= { title: line, line: i };
      firstFree = i + 2;
      i++;
      continue;
    }
    // A headline that carries the title after a verb (`学校发布关于…的通知`) when the title follows as its own line.
    const own = titleRepeatedBelow(lines, i, line);
    if (own) {
      headline ??= { title: line, line: i };
      firstFree = i + 1;
      continue;
    }
    let first = i;
    // A title that opens with 关于 is whole; only the issuer's name may stand on the line above it.
    const whole = line.startsWith('关于');
    while (first - 1 >= firstFree && i - (first - 1) <= 2) {
      const prev = lines[first - 1].text;
      if (prev.length < MIN_TITLE_FRAGMENT || !titleish(prev, MAX_TITLE_FRAGMENT)) break;
      if (docTypeOfTitle(prev) !== null || matchHeading(prev)) break;
      if (whole && !isOrgName(prev.replace(/[\s\u3000]+/g, ''))) break;
      first--;
    }
    let title = '';
    for (let k = first; k < i; k++) title += lines[k].text;
    title += line;
    if (title.length < MIN_TITLE) continue;
    return { title, line: i };
  }
  return fallback ?? headline;
}

/** Does one of the next three lines repeat the end of this line from its 关于 on (`某校印发关于…的通知` / `关于…的通知`)? */
function titleRepeatedBelow(lines: Line[], i: number, line: string): boolean {
  const at = line.indexOf('关于');
  if (at <= 0) return false;
  const own = line.slice(at);
  for (let k = i + 1; k < Math.min(lines.length, i + 4); k++) {
    if (stripGluedChrome(lines[k].text) === own) return true;
  }
  return false;
}

/** A title that is its 文种 alone, maybe spaced out as printed (`通 知`, `紧急通知`, `公\u3000告`). */
const BARE_DOC_TYPE = /^(?:紧急|补充|重要|预备)?(?:通知|通告|公告|通报|决定|启事)$/;

/**
 * A title printed as the 文种 alone (`通 知`), which a navigation menu also shows: taken only when a 主送 line
 * (a short line ending in a colon, without sentence punctuation) follows within two lines. Returned without
 * its spacing.
 */
function bareDocTypeTitle(lines: Line[], i: number): string | null {
  const bare = lines[i].text.replace(/[\s\u3000]+/g, '');
  if (!BARE_DOC_TYPE.test(bare)) return null;
  for (let k = i + 1; k < Math.min(lines.length, i + 3); k++) {
    const next = lines[k].text.trim();
    if (next.length === 0) continue;
    return next.length <= 80 && /[：:]$/.test(next) && !/[。；;！!？?]/.test(next) && !isNoise(next.slice(0, -1))
      ? bare
      : null;
  }
  return null;
}

/** The name of a 公报 (gazette) that publishes documents, as its pages print it above each one. */
const GAZETTE_MASTHEAD =
  /^(?:中华人民共和国)?[\u4e00-\u9fff]{0,20}(?:政府|国务院|委员会|人民代表大会|部|局|厅)公报(?:[0-9]{4}年第[0-9]+[号期])?$/;

/** Is this line a 公报's masthead (`中华人民共和国国务院公报`, `某某省人民政府公报2020年第3号`)? */
export function isGazetteMasthead(line: string): boolean {
  return GAZETTE_MASTHEAD.test(line.trim());
}

/** A headline that reports a document (`…印发《关于…的意见》`, `…出台…办法`) rather than a document's title. */
export function isHeadline(title: string): boolean {
  const t = title.trim();
  if (/》[\s）)]*$/.test(t)) return true;
  return /(?:出台|推出|发布|印发|公布)(?!的)/.test(t) && !/关于/.test(t);
}
