/**
 * `NoticeMetadata` from what a page offers: its labelled block (wins when non-empty), its title hint, its
 * URL, and the normalised body text (inference where no label says it).
 *
 * Where each field comes from, first source that yields a value:
 * - title: label 标题/文件名称/… → page title if it ends in a 文种 (unless it is a news headline about the
 *   document and the text prints the document's own title) → title printed in the text head → page title;
 *   column names and layout text glued to a title are dropped.
 * - docType: label 公文种类 → the title's 文种 → the 文种 of a 令/公告/通告 number.
 * - docNumber: label (checked: `（2020年）`, `无` are not numbers) → a 文号 standing alone on a line of the
 *   text head (the lines before the body, at most the first 600 characters) → a number alone under the closing
 *   date.
 * - issuers: label (split at spaces, 、，；) → the 机关 before 关于 in the title → a line of agencies under the
 *   title (split where the normaliser glued them) → the issuer named by a
 *   令/公告 number → the 署名 of the closing block (a 印发 notice's: under its cover letter, not the attachment's);
 *   the 署名's form when it is the title's agency without its higher place, all of a joint 署名 when the title
 *   names its lead agency; agencies glued without a separator split when each part is a whole name. Never from
 *   body prose.
 * - addressees: label 主送机关 → the 主送 line in the first 15 lines.
 * - signedDate: label 成文日期/发文日期/生成日期 → the closing date (a 印发 notice's cover letter's).
 *   publishedDate: label only.
 * - effectiveDate: label 施行日期/实施日期/… → the text's own `本办法自…起施行` (see effective-date.ts).
 * - validity, level: labels (pkulaw codes mapped). citationCode: label → `【法宝引证码】CLI.…` in the text.
 * - url: input.url → label 原文链接 → `原文链接：https://…` in the text (pkulaw exports).
 */
import type { LabelledFields, NoticeMetadata } from '../types';
import { citedOwnDate, orderIssuer, readAdoptionNote, readOrderSentence, withoutSession } from './adoption';
import { readClosing, readCoverClosing } from './closing';
import { parseChineseDate } from './dates';
import { docTypeOfOrderNumber, findDocNumber } from './doc-number';
import { docTypeOfTitle } from './doc-type';
import { findEffectiveDate } from './effective-date';
import { findAddressees, isAddresseeLine, looksLikeAddressees, splitAddressees } from './addressees';
import { issuersFromTitle } from './issuers';
import { levelName, readLabelled, validityName } from './labels';
import { lastLines, removeSpaces, splitLines, type Line } from './lines';
import { isOrgName, segmentJointAgencies, splitAgencies, splitGluedAgencies } from './organisations';
import { matchHeading } from './outline';
import { cleanTitle, findTextTitle, isHeadline, stripGluedChrome, stripTitleSuffix } from './title';

export interface MetadataInput {
  /** Normalised body text: one paragraph per line, no indents, punctuation width as printed. */
  text: string;
  /** Labelled block from the site adapter; keys already stripped of spaces and trailing ：. */
  labelled?: LabelledFields;
  /** Title hint from the page (h1, `<title>` without site suffix), may be null. */
  title?: string | null;
  url?: string | null;
}

/** The 文号 is looked for only in the document's head: before the body, and within this many characters. */
const HEAD_CHARS = 600;
/** Only the first lines matter for the head (title, 文号, 主送); the closing needs the last ones. */
const HEAD_LINES = 40;
/** A body paragraph: a sentence and more than a short line's worth of text. */
const BODY_LINE = 40;

const CITATION = /法宝引证码[】\]]?[ \t\u3000]*[:：]?[ \t\u3000]*(CLI\.[A-Za-z0-9]{1,6}\.[A-Za-z0-9]+)/;
const CITATION_VALUE = /CLI\.[A-Za-z0-9]{1,6}\.[A-Za-z0-9]+/;
const SOURCE_LINK = /原文链接[ \t\u3000]*[:：]?[ \t\u3000]*(https?:\/\/[^\s，。；、<>"'“”）)】]+)/;

export function readMetadata(input: MetadataInput): NoticeMetadata {
  const text = typeof input?.text === 'string' ? input.text : '';
  const fields = readLabelled(input?.labelled);
  const headLines = splitLines(text.length > 200_000 ? text.slice(0, 200_000) : text, HEAD_LINES);

  // Title and 文种.
  const rawHint = cleanTitle(typeof input?.title === 'string' ? stripTitleSuffix(input.title) : null);
  const hint = rawHint ? stripGluedChrome(rawHint) : null;
  const textTitle = findTextTitle(headLines);
  // A page titled by a news headline (`…印发《关于…的意见》`) that prints the document's own title: that title.
  const ownTextTitle = textTitle && !isHeadline(textTitle.title) ? textTitle.title : null;
  const pageTitle = hint && docTypeOfTitle(hint) && !(ownTextTitle && isHeadline(hint)) ? hint : null;
  const title = cleanTitle(fields.title) ?? pageTitle ?? textTitle?.title ?? hint;

  // 题注 of a law or regulation, and the order that promulgated it (both under the title).
  const noteFrom = textTitle ? textTitle.line + 1 : 0;
  const note = readAdoptionNote(headLines, noteFrom, (t) => matchHeading(t) !== null);
  const order = readOrderSentence(headLines, 0);

  // 发文字号.
  const docNumber =
    labelledDocNumber(fields.docNumber) ??
    headDocNumber(text, headLines, textTitle?.line ?? null) ??
    note.orderNumber ??
    serialUnderTitle(headLines, textTitle?.line ?? null, title) ??
    closingDocNumber(text);

  const labelDocType = fields.docType && !/^其[他它]$/.test(fields.docType) ? fields.docType : null; // 公文种类：其他
  const docType =
    labelDocType ?? (title ? docTypeOfTitle(title) : null) ?? (docNumber ? docTypeOfOrderNumber(docNumber) : null);

  // Closing block: 署名 and 成文日期 (read once, used for issuers and signedDate).
  // A 印发 notice is signed under its cover letter, not by whoever signed the attachment after it.
  const closing = readCoverClosing(text) ?? readClosing(text);

  const labelIssuers = fields.issuers ? splitAgencies(fields.issuers) : [];
  const ordered = docNumber ? orderIssuer(docNumber) : null;
  const issuers =
    labelIssuers.length > 0
      ? labelIssuers
      : preferSignature(
          firstNonEmpty(
            issuersFromTitle(title).map(withoutSession),
            issuerLineUnderTitle(headLines, textTitle?.line ?? null),
            ordered ? [ordered] : [],
            closing.issuers,
            note.issuer ? [note.issuer] : [],
            order.issuer ? [order.issuer] : [],
          ),
          closing.issuers,
        )
          .flatMap(splitGluedAgencies)
          .flatMap((name) => segmentJointAgencies(name) ?? [name]);

  const labelAddressees = fields.addressees ? splitAddressees(fields.addressees) : [];
  const addressees =
    labelAddressees.length > 0 && looksLikeAddressees(labelAddressees) ? labelAddressees : findAddressees(headLines);

  const publishedDate = labelDate(fields.publishedDate);
  const signedDate =
    labelDate(fields.signedDate) ??
    note.date ??
    orderSignatureDate(headLines) ??
    closing.date ??
    order.date ??
    citedOwnDate(text, title);
  const effectiveDate = labelDate(fields.effectiveDate) ?? findEffectiveDate(text, publishedDate);

  return {
    title,
    docType,
    docNumber,
    issuers,
    addressees,
    signedDate,
    publishedDate,
    effectiveDate,
    validity: fields.validity ? validityName(fields.validity) : null,
    level: fields.level ? levelName(fields.level) : null,
    citationCode: citationCode(fields.citationCode, text),
    url: nonEmpty(input?.url) ?? linkIn(fields.url) ?? linkIn(text),
  };
}

/**
 * A line of agencies printed under the title, before the 文号 or the body (`财政部 国家发展和改革委员会 工业和信息化部`,
 * the joint issuers of a notice whose title opens with 关于): every part an agency name. [] if there is none.
 */
function issuerLineUnderTitle(lines: Line[], titleLine: number | null): string[] {
  if (titleLine === null) return [];
  for (let i = titleLine + 1; i < Math.min(lines.length, titleLine + 3); i++) {
    const line = lines[i].text.trim();
    if (line.length === 0) continue;
    if (line.length > 80 || /[。：:，,；;《》“”0-9０-９〔〕]/.test(line)) return [];
    const parts = splitAgencies(line).map(segmentAgencies);
    return parts.every((p) => p !== null) ? parts.flat() : [];
  }
  return [];
}

/** How an agency name ends but never opens (办公厅 is not an agency after 人民政府, 公厅 not after 办). */
const NAME_END_ONLY = /^(?:[部委局院厅办府会署室处所司组社站队团馆心关构位门支员]|公厅|公室|政府)/;

/**
 * Agencies the normaliser glued together when the page separated them by spaces
 * (`财政部国家发展和改革委员会工业和信息化部`): the split into the most names, each at least three characters, an
 * agency name, and not opening with a character that only ends one. null when the text is not agency names.
 */
function segmentAgencies(s: string): string[] | null {
  if (s.length > 80) return null;
  // best[i]: the most names text[0, i) splits into (−1: none), with the split that gives it.
  const best: number[] = new Array<number>(s.length + 1).fill(-1);
  const from: number[] = new Array<number>(s.length + 1).fill(-1);
  best[0] = 0;
  for (let end = 3; end <= s.length; end++) {
    for (let start = Math.max(0, end - 30); start <= end - 3; start++) {
      if (best[start] < 0 || best[start] + 1 <= best[end]) continue;
      const piece = s.slice(start, end);
      if (NAME_END_ONLY.test(piece) || !isOrgName(piece)) continue;
      best[end] = best[start] + 1;
      from[end] = start;
    }
  }
  if (best[s.length] < 1) return null;
  const out: string[] = [];
  for (let end = s.length; end > 0; end = from[end]) out.unshift(s.slice(from[end], end));
  return out;
}

/**
 * The date a 令 is signed, printed under its order (`…通过，现予公布，自…起施行。` / `省长 某某` / `二○一○年十二月二十五日`):
 * the 令's 成文日期, which the adoption date in the order's sentence is not.
 */
function orderSignatureDate(lines: Line[]): string | null {
  const limit = Math.min(lines.length, 12);
  for (let i = 0; i < limit; i++) {
    if (!/现予(?:公布|发布)/.test(lines[i].text)) continue;
    for (let k = i + 1; k < Math.min(lines.length, i + 4); k++) {
      const t = lines[k].text;
      if (t.length === 0 || t.length > 30) continue;
      const iso = parseChineseDate(t.replace(/^[\u4e00-\u9fff]{0,10}[\s\u3000]+/, ''));
      if (iso) return iso;
    }
    return null;
  }
  return null;
}

function firstNonEmpty(...lists: string[][]): string[] {
  for (const l of lists) if (l.length > 0) return l;
  return [];
}

/**
 * The 署名 as printed, where it names the same agencies as the title:
 * - the normaliser glues agencies that a title separates by single spaces (`中国人民银行 金融监管总局 …关于…`
 *   reads `中国人民银行金融监管总局…`); when the 署名 prints them one per line, take those;
 * - a title names the agency in full (`泉州市丰泽区人民政府关于…`) and the 署名 by its 规范化简称, its own
 *   name without its parent place (`丰泽区人民政府`): the 署名's form is the 发文机关. (`中国银保监会…` signed
 *   `银保监会…` keeps the title's form: 中国 is part of the name; so does a 署名 naming its place only by the
 *   district's word, `区委组织部办公室`.)
 */
function preferSignature(issuers: string[], signature: string[]): string[] {
  if (issuers.length === 1 && signature.length > 1 && signature.join('') === issuers[0]) return signature;
  // `中国人民银行等三部门关于…`: the title names the lead agency, the 署名 all of them.
  if (issuers.length === 1 && signature.length > 1 && signature[0] === issuers[0]) return signature;
  if (
    signature.length > 0 &&
    signature.length === issuers.length &&
    signature.every((s, i) => s.length >= 4 && parentPlace(issuers[i], s))
  )
    return signature;
  return issuers;
}

/**
 * Is `short` the agency `full` under its 规范化简称: its own name without the higher places it belongs to
 * (泉州市 + 丰泽区人民政府)? A name whose place is only the district's word (区委组织部办公室 under
 * 上海市浦东新区区委组织部办公室) no longer says which district it is: the title's full name stays.
 */
function parentPlace(full: string, short: string): boolean {
  if (full.length <= short.length || !full.endsWith(short)) return false;
  if (/^[区县旗市]/.test(short)) return false;
  return /^[\u4e00-\u9fff]{1,10}(?:省|市|自治区|自治州|州|盟)$/.test(full.slice(0, full.length - short.length));
}

function nonEmpty(s: string | null | undefined): string | null {
  return typeof s === 'string' && s.trim().length > 0 ? s.trim() : null;
}

function labelDate(value: string | undefined): string | null {
  return value ? parseChineseDate(value) : null;
}

/** A labelled 发文字号, checked: a real number is kept (in findDocNumber's form); `（2020年）` or `无` is not one. */
function labelledDocNumber(value: string | undefined): string | null {
  if (!value) return null;
  const found = findDocNumber(value);
  if (found) return found.text;
  // An unusual number still counts when it has a digit and ends in 号 (`沪教委〔2019〕第A3号`-like).
  return /[0-9０-９]/.test(value) && /号[)）]?$/.test(value) && value.length <= 40 ? value.replace(/\s+/g, '') : null;
}

/**
 * Where the head ends: the first body paragraph or heading, the 主送 line (a 公文 prints its 文号 above it; a
 * number under it is cited or belongs to an attachment), the first sentence under the title (above it a page
 * may print a greeting), and never beyond HEAD_CHARS (counted from the title when a page's header pushed the
 * title down).
 */
function headEnd(text: string, lines: Line[], titleLine: number | null): number {
  const limit = HEAD_CHARS + (titleLine !== null && titleLine < lines.length ? lines[titleLine].start : 0);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.start >= limit) break;
    const t = line.text;
    if (matchHeading(t) || (t.length > BODY_LINE && /[。；]/.test(t))) return line.start;
    if (titleLine !== null && i > titleLine && t.length >= 8 && /[。！？!?]$/.test(t)) return line.start;
    if (isAddresseeLine(t)) {
      // `某政发〔2021〕12号各区县人民政府：`: a 文号 whose line break was lost opens the 主送 line.
      const lead = findDocNumber(t.slice(0, 40));
      return lead && lead.start === 0 ? line.start + lead.end : line.start;
    }
  }
  return Math.min(text.length, limit);
}

const LABEL_SPACE = '[\\s\\u3000]*';
/** A 文号 label: 发文字号, 文号 (`文 号`), 发文号, 字号, 文件编号, in 【】 or not, with its colon. */
const spaced = (word: string) => [...word].join(LABEL_SPACE);
const NUMBER_LABEL = new RegExp(
  `[【\\[]?${LABEL_SPACE}(?:${['发文字号', '发文编号', '发文号', '文号', '字号', '文件编号'].map(spaced).join('|')})${LABEL_SPACE}[】\\]]?${LABEL_SPACE}[：:]?${LABEL_SPACE}$`,
);
/** A date as page headers and 署名 print it (`2021年3月5日`, `2021-03-08`), with its label or not. */
const DATE_TEXT =
  /^(?:[\u4e00-\u9fff]{2,6}[：:])?[\s\u3000]*(?:[0-9０-９〇○零一二三四五六七八九]{4}年[0-9０-９一二三四五六七八九十]{1,3}月[0-9０-９一二三四五六七八九十]{1,3}日|[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2})[\s\u3000]*$/;

/** What may stand before a 文号 on its line: nothing, a bracket, its label (also after other labels), a date. */
function numberMayFollow(before: string): boolean {
  if (/^[\s\u3000(（[［【]*$/.test(before)) return true;
  const label = NUMBER_LABEL.exec(before);
  if (label) {
    const rest = before.slice(0, label.index);
    // Only other labels and their values before it: `索引号：… 发文机关：国务院 发文字号：`, `【发布部门】国务院 【发文字号】`.
    if (
      /^[\s\u3000(（[［]*$/.test(rest) ||
      /^(?:[\u4e00-\u9fff]{2,6}[：:]|[【[][\u4e00-\u9fff]{2,6}[】\]])/.test(rest.trim())
    )
      return label[0].length > 0;
  }
  // Glued to the title it belongs to (`…的通知（国发〔2021〕7号）`), after the issuer's name, or after a date of
  // the page header.
  const t = before.replace(/[\s\u3000(（[［【]+$/, '').trim();
  if (t.length >= 6 && docTypeOfTitle(t) !== null && !/[。；，]/.test(t)) return true;
  // The 版头 (`某某市人民政府文件`) glued above it.
  return (
    (t.length <= 30 && (isOrgName(t) || /^[\u4e00-\u9fff]{2,28}文件$/.test(t))) ||
    DATE_TEXT.test(before.replace(/^[\s\u3000(（[［]+/, ''))
  );
}

/**
 * Labels of a disclosure table (gov.cn 信息公开, pkulaw) that may follow a 文号 on its line with nothing between
 * (the page parted its cells by a tab or a cell border the normaliser dropped).
 */
const TABLE_LABEL =
  /^[【[]?(?:主题分类|主题词|成文日期|发文日期|发布日期|印发日期|生效日期|施行日期|实施日期|公开日期|废止日期|发文机关|发布机关|发布机构|发布部门|制定机关|索引号|公开方式|公开范围|公开形式|有效性|时效性|效力级别|效力位阶|体裁分类|组配分类|公文种类|文种|信息来源|来源|标题|名称|签发人|紧急程度|密级)[】\]]?[\s\u3000]*[：:]?/;

/** What may stand after a 文号 on its line: nothing, a bracket, 签发人, a date, the next label of a table line. */
function numberMayPrecede(after: string): boolean {
  return (
    /^[\s\u3000)）\]］】。.]*(?:签发人.*)?$/.test(after) ||
    DATE_TEXT.test(after.replace(/^[\s\u3000)）\]］】]+/, '')) ||
    /^[\s\u3000]+[\u4e00-\u9fff]{2,6}[：:]/.test(after) ||
    TABLE_LABEL.test(after.replace(/^[\s\u3000)）\]］】|｜]+/, '')) ||
    gluedHeadLine(after.replace(/^[\s\u3000)）\]］】]+/, ''))
  );
}

/** A title or a 主送 line the page glued after the 文号 (its line break lost). */
function gluedHeadLine(t: string): boolean {
  if (t.length < 6 || t.length > 120) return false;
  return (docTypeOfTitle(t) !== null && !/[。；，,]/.test(t)) || isAddresseeLine(t);
}

/** A 文号 whose brackets were lost (`某政发2021年12号`, `某政发 2021 12号`), as the whole of a line. */
const UNBRACKETED =
  /^([\u4e00-\u9fff]{2,12}?)[\s\u3000]*((?:19|20)[0-9]{2})[\s\u3000]*(年)?[\s\u3000]*(第)?[\s\u3000]*[0-9]{1,5}[\s\u3000]*号$/;
/** 代字 that name a periodical's issue, not a document (`国务院公报2014年第20号`). */
const ISSUE_WORDS = /(?:公报|年鉴|期刊|杂志|报刊|简报|专刊|增刊|总第)$/;

function unbracketedNumber(line: string): string | null {
  const t = line.replace(/^[(（]/, '').replace(/[)）]$/, '');
  const m = UNBRACKETED.exec(t);
  if (!m || ISSUE_WORDS.test(m[1]) || /[的之和与]/.test(m[1])) return null;
  // Without 年 the year and the number run together: a space must part them.
  if (!m[3] && !/[0-9][\s\u3000]+[0-9]/.test(t)) return null;
  return removeSpaces(t);
}

/**
 * The 文号 of the head: on a line of its own (`国发〔2019〕5号`, `（银保监党办发〔2020〕3号）`, `…令` + `第156号`),
 * after its label, glued to the title or a date; a number whose brackets were lost when it is the whole line.
 */
function headDocNumber(text: string, lines: Line[], titleLine: number | null): string | null {
  const head = text.slice(0, headEnd(text, lines, titleLine));
  let from = 0;
  for (let guard = 0; guard < 20 && from < head.length; guard++) {
    const found = findDocNumber(head.slice(from));
    if (!found) break;
    const start = from + found.start;
    const end = from + found.end;
    const lineStart = head.lastIndexOf('\n', start - 1) + 1;
    let lineEnd = head.indexOf('\n', end);
    if (lineEnd < 0) lineEnd = head.length;
    if (numberMayFollow(head.slice(lineStart, start)) && numberMayPrecede(head.slice(end, lineEnd))) return found.text;
    from = end;
  }
  for (const line of lines) {
    if (line.start >= head.length) break;
    const t = line.text.replace(NUMBER_LABEL_START, '');
    const found = t.length <= 40 ? unbracketedNumber(t) : null;
    if (found) return found;
  }
  return null;
}

/**
 * The serial number a 公告 or 通告 prints alone under its title (`某某市公安局关于…的通告` / `（2023年第1号）`):
 * the number as printed, without its brackets. Only on the line right under a title ending in 公告 or 通告.
 */
function serialUnderTitle(lines: Line[], titleLine: number | null, title: string | null): string | null {
  if (titleLine === null || !title || !/(?:公告|通告)$/.test(title)) return null;
  const next = lines.slice(titleLine + 1).find((l) => l.text.length > 0);
  const m = next ? SERIAL_LINE.exec(next.text) : null;
  return m ? removeSpaces(m[1]) : null;
}

const SERIAL_LINE =
  /^[(（[［〔]?[\s\u3000]*((?:(?:19|20)[0-9]{2}[\s\u3000]*年[\s\u3000]*)?第[\s\u3000]*(?:[0-9０-９]{1,4}|[一二三四五六七八九十百零〇]{1,6})[\s\u3000]*号)[\s\u3000]*[)）\]］〕]?$/;

/** A 文号 label with its colon anywhere in a line (a table row flattened into one line). */
const LABEL_IN_LINE = /[【[]?(?:发文字号|发文编号|文号)[】\]]?[\s\u3000]*[：:】\]][\s\u3000]*/;

/** Lines at the end of the text where a 文号 printed under the 成文日期 is looked for. */
const CLOSING_NUMBER_LINES = 10;

/**
 * A 文号 printed on a line of its own right under the closing date (`某某市人民政府` / `2021年3月5日` /
 * `某政发〔2021〕12号`, as some sites print the number with the 版记), when the head has none. Only the line
 * after the date, or after the 附注 under it (`（此件公开发布）`), and only a number standing alone there.
 */
function closingDocNumber(text: string): string | null {
  const tail = lastLines(text, CLOSING_NUMBER_LINES * 2).filter((l) => l.text.length > 0);
  // A disclosure table printed under the text (`索引号：… 发文字号：某政发〔2021〕12号 …`): the labelled number.
  for (const line of tail.slice(-CLOSING_NUMBER_LINES)) {
    const label = LABEL_IN_LINE.exec(line.text);
    if (!label) continue;
    const rest = line.text.slice(label.index + label[0].length);
    const found = findDocNumber(rest.slice(0, 60));
    if (found && /^[\s\u3000]*$/.test(rest.slice(0, found.start)) && numberMayPrecede(rest.slice(found.end)))
      return found.text;
  }
  const from = Math.max(0, tail.length - CLOSING_NUMBER_LINES);
  for (let i = tail.length - 1; i > from; i--) {
    if (!DATE_TEXT.test(tail[i - 1].text) || /[：:]/.test(tail[i - 1].text)) continue;
    let k = i;
    if (/^[(（]此件[^()（）]{1,12}[)）]$/.test(tail[k].text) && k + 1 < tail.length) k++;
    const line = tail[k].text.replace(NUMBER_LABEL_START, '');
    const found = line.length <= 40 ? findDocNumber(line) : null;
    if (
      found &&
      /^[\s\u3000(（[［【]*$/.test(line.slice(0, found.start)) &&
      /^[\s\u3000)）\]］】]*$/.test(line.slice(found.end))
    )
      return found.text;
  }
  return null;
}

/** A 文号 label at the start of a line. */
const NUMBER_LABEL_START = /^[【[]?(?:发文字号|发文编号|文号|发文号|文件编号)[】\]]?[\s\u3000]*[：:]?[\s\u3000]*/;

function citationCode(labelValue: string | undefined, text: string): string | null {
  if (labelValue) {
    const m = CITATION_VALUE.exec(labelValue);
    return m ? m[0] : labelValue;
  }
  const k = text.indexOf('法宝引证码');
  if (k < 0) return null;
  const m = CITATION.exec(text.slice(k, k + 80));
  return m ? m[1] : null;
}

/** The `原文链接：https://…` URL (or a bare URL as a label value). */
function linkIn(s: string | undefined): string | null {
  if (!s) return null;
  const k = s.indexOf('原文链接');
  if (k < 0) {
    const bare = /^https?:\/\/\S+$/.exec(s.trim());
    return bare ? bare[0] : null;
  }
  const m = SOURCE_LINK.exec(s.slice(k, k + 400));
  return m ? m[1].replace(/[.,;:!?]+$/, '') : null;
}
