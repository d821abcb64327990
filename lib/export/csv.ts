/**
 * CSV export for Excel and WPS: one row per highlight, the analyst's annotations first and then, unless
 * left out, the notice's obligation clauses, told apart by the 类型 column. Category and colour are
 * separate columns (a clause has a category, an annotation a colour and the category of the clause it
 * falls in), so each can be filtered on; every row says where it stands in the document (条款位置); clause
 * rows say how their bearer was found (主体来源) and every deadline they state; annotation rows their
 * times, in Beijing time (UTC+8, fixed, so the same data always gives the same file).
 *
 * - UTF-8 with a byte-order mark: without it Excel on a Chinese Windows reads the file as GBK and every
 *   Han character turns to mojibake.
 * - RFC 4180: CRLF between records, every field in double quotes with inner quotes doubled, so commas,
 *   quotes and line breaks inside notes survive. Line breaks inside a field are written as LF, which Excel
 *   shows as a line break in the cell.
 * - Formula injection (OWASP "CSV Injection"): a field starting with = + - @ tab or CR gets a leading `'`,
 *   so `=HYPERLINK(...)` in a note or a page title is shown, never evaluated.
 * - A field is cut at Excel's 32,767-character cell limit (with a marker) rather than spilling into the
 *   next cell.
 */

import type { Bearer, Clause, Deadline } from '../types';
import { annotationLocation, locationLabel } from './citation';
import { placedHighlights, type ExportItem } from './highlights';
import { CATEGORY_LABELS, COLOUR_LABELS, STRENGTH_LABELS, sourceUrl } from './labels';

export const CSV_HEADER = [
  '公文标题',
  '发文字号',
  '发文机关',
  '成文日期',
  '类型',
  '条款位置',
  '类别',
  '颜色',
  '引文',
  '批注',
  '标签',
  '责任主体',
  '主体来源',
  '期限',
  '期限日期',
  '创建时间',
  '修改时间',
  '来源链接',
  'id',
] as const;

/** How the bearer was found, in the 主体来源 column. */
export const BEARER_SOURCE_LABELS: Record<Bearer['source'], string> = {
  explicit: '条款明示',
  inherited: '承上文',
  addressee: '主送机关',
};

/** Every deadline a clause states (older notices stored only the first). */
export function deadlinesOf(c: Clause): Deadline[] {
  return c.deadlines ?? (c.deadline ? [c.deadline] : []);
}

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** Milliseconds since the epoch as `2025-01-29 05:33` in Beijing time. */
export function beijingTime(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** What the 类型 column says. */
export const CSV_KIND_ANNOTATION = '批注';
export const CSV_KIND_CLAUSE = '义务条款';

export interface CsvOptions {
  /** Add one row per obligation clause after the notice's annotations (default true). */
  includeObligations?: boolean;
}

const EXCEL_CELL_LIMIT = 32767;
const CUT_MARKER = '…（已截断）';
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are removed from cells
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted per RFC 4180 and neutralised against formula injection. */
export function csvField(value: string): string {
  let text = value.replace(/\r\n?/g, '\n').replace(CONTROL_CHARS, '');
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (text.length > EXCEL_CELL_LIMIT) {
    let cut = EXCEL_CELL_LIMIT - CUT_MARKER.length;
    // Never split a surrogate pair: half an emoji is not valid UTF-8.
    if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? '')) cut -= 1;
    text = text.slice(0, cut) + CUT_MARKER;
  }
  return `"${text.replace(/"/g, '""')}"`;
}

function csvRecord(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/** The notices' highlights (and clauses) as CSV text, starting with a BOM, records ended by CRLF. */
export function toCsv(items: ExportItem[], options: CsvOptions = {}): string {
  const includeObligations = options.includeObligations ?? true;
  const records: string[] = [csvRecord(CSV_HEADER)];
  for (const { notice, annotations } of items) {
    const m = notice.metadata;
    const common = [m.title ?? '', m.docNumber ?? '', m.issuers.join('、'), m.signedDate ?? ''];
    const link = sourceUrl(m, notice.urls) ?? '';
    const clauseFields = (c: Clause | null): string[] => {
      const deadlines = c ? deadlinesOf(c) : [];
      return [
        c?.bearer?.text ?? '',
        c?.bearer ? BEARER_SOURCE_LABELS[c.bearer.source] : '',
        deadlines.map((d) => d.text).join('；'),
        deadlines
          .map((d) => d.iso ?? '')
          .join('；')
          .replace(/^；+$/, ''),
      ];
    };
    const category = (c: Clause | null) =>
      c ? `${CATEGORY_LABELS[c.category]}（${STRENGTH_LABELS[c.strength]}）` : '';
    for (const h of placedHighlights(notice, annotations)) {
      const a = h.annotation;
      records.push(
        csvRecord([
          ...common,
          CSV_KIND_ANNOTATION,
          annotationLocation(a, notice) ?? '',
          category(h.clause),
          COLOUR_LABELS[a.colour],
          a.quote,
          a.note,
          a.tags.join('、'),
          ...clauseFields(h.clause),
          beijingTime(a.createdAt),
          beijingTime(a.updatedAt),
          link,
          a.id,
        ]),
      );
    }
    if (!includeObligations) continue;
    for (const c of notice.obligations) {
      records.push(
        csvRecord([
          ...common,
          CSV_KIND_CLAUSE,
          locationLabel(c.location) ?? '',
          category(c),
          '',
          c.text,
          '',
          '',
          ...clauseFields(c),
          '',
          '',
          link,
          `${notice.id}#${c.start}-${c.end}`,
        ]),
      );
    }
  }
  return `\uFEFF${records.join('\r\n')}\r\n`;
}

/** The CSV as UTF-8 bytes (the BOM becomes EF BB BF), ready for a Blob or a file. */
export function toCsvBytes(items: ExportItem[], options: CsvOptions = {}): Uint8Array {
  return new TextEncoder().encode(toCsv(items, options));
}
