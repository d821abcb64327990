/**
 * Citations of notices and passages, in the form analysts paste into reports, and the notices as records
 * for reference managers.
 *
 * A passage is quoted and followed by its source in parentheses:
 * “各级党委要……”（《国务院关于……的通知》（国发〔2019〕5号）第三条，2019年1月24日，https://…）
 * — the title in 《》, the 发文字号 in （）, the place in the document (第三条, 一、（二）), the date written out,
 * and the link, else the 法宝引证码. Whatever is not known is left out, never guessed.
 *
 * Records: CSL-JSON (Zotero, Mendeley, every citeproc; type `legislation`, the issuing agencies as
 * `authority`, the 发文字号 as `number`) and RIS (EndNote, Zotero; `GOVDOC`). Pure: data in, text out.
 */

import type { Annotation, SavedNotice } from '../types';
import { locateAnnotation, overlappingClause } from './highlights';
import { NO_TITLE, sourceUrl } from './labels';

type Cited = Pick<SavedNotice, 'id' | 'metadata' | 'urls'>;

/** `2019-01-24` as `2019年1月24日`; anything else as printed. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** The date a notice is cited by: its 成文日期, else the date it was published. */
export function citedDate(notice: Cited): string | null {
  return notice.metadata.signedDate ?? notice.metadata.publishedDate ?? null;
}

/** One line: line breaks and runs of spaces in page text become one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A place in the document as analysts write it: the structural path `一、/（二）` run together, `一、（二）`. */
export function locationLabel(location: string | null | undefined): string | null {
  if (!location) return null;
  const label = location.replace(/\//g, '').trim();
  return label === '' ? null : label;
}

/**
 * The source of a notice, as the parenthesis after a quote holds it:
 * `《title》（docNumber）location，date，link`.
 */
export function noticeReference(notice: Cited, location: string | null = null): string {
  const m = notice.metadata;
  const title = m.title?.trim() ? `《${oneLine(m.title).replace(/^《(.*)》$/, '$1')}》` : NO_TITLE;
  const number = m.docNumber?.trim() ? `（${oneLine(m.docNumber)}）` : '';
  const place = locationLabel(location) ?? '';
  const parts = [`${title}${number}${place}`];
  const date = citedDate(notice);
  if (date) parts.push(chineseDate(date));
  const url = sourceUrl(m, notice.urls);
  if (url && /^https?:\/\//i.test(url)) parts.push(url.trim());
  else if (m.citationCode?.trim()) parts.push(`【法宝引证码】${oneLine(m.citationCode)}`);
  return parts.join('，');
}

/** A passage with its citation: `“passage”（reference）`. */
export function citePassage(passage: string, notice: Cited, location: string | null = null): string {
  return `“${oneLine(passage)}”（${noticeReference(notice, location)}）`;
}

/**
 * Where an annotation stands: the location of the clause it falls in, else its structural key's section,
 * else null.
 */
export function annotationLocation(
  annotation: Annotation,
  notice: Pick<SavedNotice, 'text' | 'obligations'>,
): string | null {
  const span = locateAnnotation(annotation, notice.text);
  const clause = span ? overlappingClause(span, notice.obligations) : null;
  if (clause?.location) return locationLabel(clause.location);
  for (const s of annotation.selectors) if (s.type === 'StructuralKey' && s.section) return locationLabel(s.section);
  return null;
}

/** An annotation's quote with its citation. */
export function citeAnnotation(annotation: Annotation, notice: SavedNotice): string {
  return citePassage(annotation.quote, notice, annotationLocation(annotation, notice));
}

/* ----- Reference-manager records ----- */

export interface CslDate {
  'date-parts': number[][];
}

export interface CslItem {
  id: string;
  type: 'legislation';
  title: string;
  authority?: string;
  number?: string;
  genre?: string;
  issued?: CslDate;
  'available-date'?: CslDate;
  URL?: string;
  note?: string;
  language: 'zh-CN';
  source?: string;
}

function cslDate(iso: string | null): CslDate | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? { 'date-parts': [[Number(m[1]), Number(m[2]), Number(m[3])]] } : undefined;
}

/** A notice as a CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export function toCslItem(notice: Cited): CslItem {
  const m = notice.metadata;
  const url = sourceUrl(m, notice.urls);
  const notes = [
    m.citationCode ? `法宝引证码：${m.citationCode}` : null,
    m.effectiveDate ? `施行日期：${m.effectiveDate}` : null,
    m.validity ? `时效性：${m.validity}` : null,
    m.level ? `效力级别：${m.level}` : null,
  ].filter((x): x is string => x !== null);
  const item: CslItem = {
    id: notice.id,
    type: 'legislation',
    title: m.title ? oneLine(m.title) : NO_TITLE,
    language: 'zh-CN',
  };
  if (m.issuers.length > 0) item.authority = m.issuers.join('、');
  if (m.docNumber) item.number = oneLine(m.docNumber);
  if (m.docType) item.genre = m.docType;
  const issued = cslDate(citedDate(notice));
  if (issued) item.issued = issued;
  const published = cslDate(m.publishedDate);
  if (published) item['available-date'] = published;
  if (url) item.URL = url.trim();
  if (notes.length > 0) item.note = notes.join('\n');
  return item;
}

/** Saved notices as a CSL-JSON file (an array of items), pretty-printed. */
export function toCslJson(notices: readonly Cited[]): string {
  return `${JSON.stringify(notices.map(toCslItem), null, 2)}\n`;
}

/** A RIS value on one line (a tag's value ends at the line break). */
function risValue(text: string): string {
  return oneLine(text);
}

/** `YYYY/MM/DD/` as RIS dates are written. */
function risDate(iso: string | null): string | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[1]}/${m[2]}/${m[3]}/` : null;
}

/** A notice as one RIS record (type GOVDOC), lines ended by CRLF as the format specifies. */
export function toRisRecord(notice: Cited): string {
  const m = notice.metadata;
  const lines: Array<[string, string]> = [['TY', 'GOVDOC']];
  lines.push(['TI', m.title ? risValue(m.title) : NO_TITLE]);
  for (const issuer of m.issuers) lines.push(['AU', risValue(issuer)]);
  if (m.issuers.length > 0) lines.push(['PB', risValue(m.issuers.join('、'))]);
  if (m.docNumber) lines.push(['M1', risValue(m.docNumber)]);
  if (m.docType) lines.push(['M3', risValue(m.docType)]);
  const date = citedDate(notice);
  if (date) {
    lines.push(['PY', date.slice(0, 4)]);
    lines.push(['DA', risDate(date) ?? date]);
  }
  const published = risDate(m.publishedDate);
  if (published) lines.push(['Y2', published]);
  const url = sourceUrl(m, notice.urls);
  if (url) lines.push(['UR', risValue(url)]);
  if (m.citationCode) lines.push(['N1', `法宝引证码：${risValue(m.citationCode)}`]);
  if (m.validity) lines.push(['N1', `时效性：${risValue(m.validity)}`]);
  lines.push(['LA', 'zh-CN']);
  lines.push(['ID', risValue(notice.id)]);
  lines.push(['ER', '']);
  return lines.map(([tag, value]) => `${tag}  - ${value}`).join('\r\n') + '\r\n';
}

/** Saved notices as a RIS file, one record each. */
export function toRis(notices: readonly Cited[]): string {
  return notices.map(toRisRecord).join('\r\n');
}
