/**
 * The Chinese words every export uses, in one place, so Markdown, CSV and Word say the same thing the panel
 * says (`public/_locales/zh_CN/messages.json`). Exports are written for Chinese readers whatever the UI
 * language: they are shared with colleagues and pasted into briefings.
 */

import type { AnnotationColour, Bearer, NoticeMetadata, ObligationCategory, Strength } from '../types';

export const PRODUCT_NAME = '公文透镜';

export const CATEGORY_LABELS: Record<ObligationCategory, string> = {
  obligation: '义务',
  prohibition: '禁止',
  permission: '授权',
  encouragement: '鼓励',
  accountability: '问责',
};

export const STRENGTH_LABELS: Record<Strength, string> = { hard: '刚性', soft: '柔性' };

export const COLOUR_LABELS: Record<AnnotationColour, string> = {
  yellow: '黄色',
  green: '绿色',
  blue: '蓝色',
  pink: '粉色',
  purple: '紫色',
};

/** Background fills for the analyst's colours where a format can paint them (Word shading), hex without `#`. */
export const COLOUR_FILLS: Record<AnnotationColour, string> = {
  yellow: 'FFF3A0',
  green: 'C8F0C0',
  blue: 'C4E0FF',
  pink: 'FFD0E0',
  purple: 'E2D4F8',
};

export const NOT_STATED = '未载明';
export const NO_BEARER = '未指明主体';
export const NO_TITLE = '（无标题）';

/** How a bearer was found, said after its name when it is not written in the clause itself. */
export function bearerLabel(bearer: Bearer | null): string {
  if (!bearer) return NO_BEARER;
  if (bearer.source === 'inherited') return `${bearer.text}（承上文）`;
  if (bearer.source === 'addressee') return `${bearer.text}（主送机关）`;
  return bearer.text;
}

/** One metadata row: label and value, with lists joined by 、 and missing values as null. */
export interface MetadataRow {
  label: string;
  value: string | null;
}

/**
 * The notice's metadata in the order a reader expects from a 公文 header block. The source link falls back
 * to the first URL the notice was read at when the page itself stated none.
 */
export function metadataRows(metadata: NoticeMetadata, urls: readonly string[]): MetadataRow[] {
  const list = (values: readonly string[]) => (values.length > 0 ? values.join('、') : null);
  return [
    { label: '文种', value: metadata.docType },
    { label: '发文字号', value: metadata.docNumber },
    { label: '发文机关', value: list(metadata.issuers) },
    { label: '主送机关', value: list(metadata.addressees) },
    { label: '成文日期', value: metadata.signedDate },
    { label: '发布日期', value: metadata.publishedDate },
    { label: '施行日期', value: metadata.effectiveDate },
    { label: '时效性', value: metadata.validity },
    { label: '效力级别', value: metadata.level },
    { label: '法宝引证码', value: metadata.citationCode },
    { label: '来源链接', value: sourceUrl(metadata, urls) },
  ];
}

/** The notice's link: its stated URL, else the first address it was seen at; blank values are no link. */
export function sourceUrl(metadata: NoticeMetadata, urls: readonly string[]): string | null {
  for (const u of [metadata.url, ...urls]) if (typeof u === 'string' && u.trim() !== '') return u;
  return null;
}
