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
