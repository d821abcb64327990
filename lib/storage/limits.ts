/**
 * Size limits of stored records, shared by the message validator (which refuses oversized input from
 * pages) and the repository (which refuses it from anywhere else).
 */

import { MAX_KEY_ID_LENGTH, MAX_URL_LENGTH } from '../identity';

export const LIMITS = {
  /** Annotation ids: random UUIDs in practice. */
  annotationIdLength: MAX_KEY_ID_LENGTH,
  noteLength: 20_000,
  quoteLength: 20_000,
  tagLength: 64,
  tagsPerRecord: 50,
  selectorsPerAnnotation: 10,
  /** prefix/suffix of a TextQuoteSelector (Hypothesis stores 32; room for longer context). */
  quoteContextLength: 1_000,
  urlLength: MAX_URL_LENGTH,
  urlsPerNotice: 100,
  noticeTextLength: 5_000_000,
  /** Short metadata fields (文号, dates, 文种, 效力…) and each issuer/addressee. */
  metadataFieldLength: 1_000,
  metadataListLength: 100,
  titleLength: 2_000,
  outlineItems: 20_000,
  clauses: 50_000,
  clauseTextLength: 20_000,
  /** An outline item's numbering as printed (一、 （三） 第十二条), a clause's trigger word, a structural key's section path. */
  labelLength: 200,
  /** Outline levels are relative within a document: 1 is the top. */
  outlineLevels: 50,
  /** Paragraph and sentence numbers of a structural key. */
  structuralCount: 1_000_000,
  /** Labels of a page's metadata block (发文字号, 成文日期 …). */
  fieldLabelLength: 40,
  /** 文种 in a library filter. */
  docTypeFilterLength: 100,
  /** Milliseconds since 1970: up to the year 10000. */
  timeMax: 253_402_300_800_000,
  /** Clauses per category in an analysis report. */
  countMax: 1_000_000,
  /** Page timings, in ms. */
  timingMax: 1e9,
  pageOffsetMax: 10_000_000,
  queryLength: 500,
  idsPerRequest: 1_000,
  pageSize: 500,
  /** Whole message, as counted by the validator (string characters plus structure). */
  messageSize: 32_000_000,
} as const;

const ANNOTATION_ID = /^[A-Za-z0-9:._|-]+$/;

/** Annotation ids: 1–128 characters of `[A-Za-z0-9:._|-]` (UUIDs, or ids made by imports). */
export function isAnnotationId(id: string): boolean {
  return id.length > 0 && id.length <= LIMITS.annotationIdLength && ANNOTATION_ID.test(id);
}

/**
 * Tags as stored: trimmed, inner whitespace runs collapsed to one space, empty ones dropped, duplicates
 * (ignoring Latin case and full/half width) dropped keeping the first spelling.
 */
export function normaliseTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim();
    if (tag === '') continue;
    const key = tag.normalize('NFKC').toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}
