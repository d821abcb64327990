/**
 * Labelled metadata blocks: which label means which `NoticeMetadata` field.
 *
 * Sites name the same field differently (pkulaw 2018-22 vs 2023+ wording, gov.cn tables, county 信息公开
 * tables, flk, pkulaw's app API keys). One table, one row per label, in priority order within a field:
 * when a page prints two labels for one field, the earlier row wins.
 */
import type { LabelledFields } from '../types';
import { foldWidth, wellFormed } from '../text/normalise';

export type LabelledField =
  | 'title'
  | 'docType'
  | 'docNumber'
  | 'issuers'
  | 'addressees'
  | 'signedDate'
  | 'publishedDate'
  | 'effectiveDate'
  | 'validity'
  | 'level'
  | 'citationCode'
  | 'url';

export const LABELS: readonly { label: string; field: LabelledField; note: string }[] = [
  // title
  { label: '标题', field: 'title', note: 'gov.cn table.bd1 and policy library' },
  { label: '文件名称', field: 'title', note: '信息公开 tables' },
  { label: '名称', field: 'title', note: '信息公开 tables' },
  { label: '信息名称', field: 'title', note: '信息公开 tables' },
  { label: '法规名称', field: 'title', note: 'law databases' },
  { label: 'title', field: 'title', note: 'pkulaw app API `data.law.title`; MCP API `Title`' },
  { label: 'ArticleTitle', field: 'title', note: 'provincial CMS meta / pkulaw hidden input' },
  // 文种
  { label: '公文种类', field: 'docType', note: 'gov.cn policy library' },
  { label: '文种', field: 'docType', note: 'some 信息公开 tables' },
  // 发文字号
  { label: '发文字号', field: 'docNumber', note: 'gov.cn, pkulaw' },
  { label: '文号', field: 'docNumber', note: '信息公开 tables' },
  { label: '发文号', field: 'docNumber', note: '信息公开 tables' },
  { label: '文件编号', field: 'docNumber', note: '信息公开 tables' },
  { label: 'documentNO', field: 'docNumber', note: 'pkulaw app API; MCP API `DocumentNO`' },
  // 发文机关
  { label: '发文机关', field: 'issuers', note: 'gov.cn (current template separates agencies by spaces)' },
  { label: '制定机关', field: 'issuers', note: 'pkulaw 2023+, flk #zdjg' },
  { label: '发布部门', field: 'issuers', note: 'pkulaw 2018-22' },
  { label: '发文机构', field: 'issuers', note: '信息公开 tables' },
  { label: '发布机构', field: 'issuers', note: '信息公开 tables' },
  { label: '发文单位', field: 'issuers', note: '信息公开 tables' },
  { label: '发布单位', field: 'issuers', note: '信息公开 tables' },
  { label: 'issueDepartment', field: 'issuers', note: 'pkulaw app API (the adapter passes names)' },
  // 主送机关
  { label: '主送机关', field: 'addressees', note: 'rare in tables' },
  { label: '主送', field: 'addressees', note: 'rare in tables' },
  // dates
  { label: '成文日期', field: 'signedDate', note: 'gov.cn' },
  { label: '发文日期', field: 'signedDate', note: '信息公开 tables' },
  { label: '生成日期', field: 'signedDate', note: '信息公开 tables (the document date, not the page date)' },
  { label: '成文时间', field: 'signedDate', note: '信息公开 tables' },
  { label: '发布日期', field: 'publishedDate', note: 'gov.cn, pkulaw 2018-22' },
  { label: '公布日期', field: 'publishedDate', note: 'pkulaw 2023+, flk #gbrq' },
  { label: '公开日期', field: 'publishedDate', note: '信息公开 tables' },
  { label: 'issueDate', field: 'publishedDate', note: 'pkulaw app API (dots: 2009.12.02); MCP `IssueDate`' },
  { label: 'PubDate', field: 'publishedDate', note: 'provincial CMS meta' },
  { label: 'firstpublishedtime', field: 'publishedDate', note: 'gov.cn meta (2026-09-28-21:50:00)' },
  { label: '实施日期', field: 'effectiveDate', note: 'pkulaw 2018-22' },
  { label: '施行日期', field: 'effectiveDate', note: 'pkulaw 2023+, flk #sxrq' },
  { label: '生效日期', field: 'effectiveDate', note: '信息公开 tables' },
  { label: '生效时间', field: 'effectiveDate', note: '信息公开 tables' },
  { label: 'implementDate', field: 'effectiveDate', note: 'pkulaw app API' },
  // status, rank, code, link
  { label: '时效性', field: 'validity', note: 'pkulaw, flk #sxx' },
  { label: '有效性', field: 'validity', note: '信息公开 tables' },
  { label: '时效', field: 'validity', note: 'some copies of pkulaw' },
  { label: 'timelinessDic', field: 'validity', note: 'pkulaw app API (code 01/02/03 mapped below)' },
  { label: '效力级别', field: 'level', note: 'pkulaw 2018-22' },
  { label: '效力位阶', field: 'level', note: 'pkulaw 2023+' },
  { label: '法律效力位阶', field: 'level', note: 'flk #xlwj' },
  { label: 'effectivenessDic', field: 'level', note: 'pkulaw app API (code XE03 etc. mapped below)' },
  { label: '法宝引证码', field: 'citationCode', note: 'pkulaw `.info`, TXT exports' },
  { label: '原文链接', field: 'url', note: 'pkulaw exports' },
  { label: 'ArticleUrl', field: 'url', note: 'pkulaw hidden input' },
  { label: 'Url', field: 'url', note: 'pkulaw MCP API' },
];

// Not here on purpose: 发布时间 (a CMS article's posting time: a law reposted on a university site would get
// the repost date, and `本法自公布之日起施行` would resolve to it).

/** pkulaw 效力 codes (ZhangYafei `level_dict`), used when a value is a bare code. */
export const LEVEL_CODES: Readonly<Record<string, string>> = {
  XA01: '法律',
  XC02: '行政法规',
  XE03: '部门规章',
  XG04: '司法解释',
  XQ09: '军事法规',
  XR12: '党内法规',
  XI05: '团体规定',
  XK06: '行业规定',
};

/** pkulaw API `TimelinessDic` codes. `02` is 废止或失效 in the API; 失效 is the detail pages' word. */
export const VALIDITY_CODES: Readonly<Record<string, string>> = {
  '01': '现行有效',
  '02': '失效',
  '03': '已被修改',
};

/** Values that mean "nothing here" in tables (empty 发文字号 cells print 无 or a dash). */
const EMPTY_VALUE = /^(?:[-—–―/\\_.·…\s\u3000]*|无|暂无|空|null|undefined|none|N\/A)$/i;

/** A label as a lookup key: no whitespace, no trailing colon, half-width, lower-case Latin. */
export function labelKey(label: string): string {
  return foldWidth(label)
    .replace(/[\s\u00a0]+/g, '')
    .replace(/^【(.*)】$/, '$1')
    .replace(/[:]+$/, '')
    .toLowerCase();
}

const FIELD_OF = new Map<string, { field: LabelledField; rank: number }>();
LABELS.forEach((row, rank) => {
  const key = labelKey(row.label);
  if (!FIELD_OF.has(key)) FIELD_OF.set(key, { field: row.field, rank });
});

/** Is `label` (with or without its colon) a known metadata label? */
export function isKnownLabel(label: string): boolean {
  return FIELD_OF.has(labelKey(label));
}

export type LabelledValues = Partial<Record<LabelledField, string>>;

/**
 * The labelled block as field values: for each field the value of its highest-priority label that has a
 * non-empty value. Unknown labels are ignored; non-string values (untrusted JSON) are skipped; a lone
 * surrogate in a value becomes U+FFFD, as in the normalised text.
 */
export function readLabelled(labelled: LabelledFields | null | undefined): LabelledValues {
  const out: LabelledValues = {};
  if (!labelled || typeof labelled !== 'object') return out;
  const ranks: Partial<Record<LabelledField, number>> = {};
  for (const [label, raw] of Object.entries(labelled)) {
    if (typeof raw !== 'string') continue;
    const hit = FIELD_OF.get(labelKey(label));
    if (!hit) continue;
    const value = wellFormed(raw).trim();
    if (EMPTY_VALUE.test(value)) continue;
    const seen = ranks[hit.field];
    if (seen !== undefined && seen <= hit.rank) continue;
    ranks[hit.field] = hit.rank;
    out[hit.field] = value;
  }
  return out;
}

/** 效力级别: a bare pkulaw code (`XE03`, `XE0303`) as its name; any other value as given. */
export function levelName(value: string): string {
  const code = /^X[A-Z][0-9]{2}/.exec(value);
  if (code && /^X[A-Z][0-9]{2,6}$/.test(value)) return LEVEL_CODES[code[0]] ?? value;
  return value;
}

/** 时效性: a bare pkulaw code (`01`) as its name; any other value as given. */
export function validityName(value: string): string {
  return VALIDITY_CODES[value] ?? value;
}
