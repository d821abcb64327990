/**
 * The field schemas every shape is built from, with the extension's one set of limits (`LIMITS`) and messages
 * that say what was expected and what came instead. Messages are English; the importer words its own from the
 * issue's kind and requirement (lib/export/w3c-import.ts).
 */

import * as v from 'valibot';
import { isNoticeId, tryCanonicalUrl } from '../identity';
import { LIMITS, isAnnotationId } from '../storage/limits';

/** How a value is named in a message: its kind, never its content. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

export const got = (expected: string) => (issue: v.BaseIssue<unknown>) =>
  `expected ${expected}, got ${describe(issue.input)}`;

/** Reasons of the checks that are not a type, a length or a range; the importer words each in both languages. */
export const REASONS = {
  notEmpty: 'must not be empty',
  wholeNumber: 'expected a whole number',
  date: 'not a date YYYY-MM-DD (a calendar day that exists)',
  noticeId: 'not a notice id (cite:, num:, url: or text:)',
  annotationId: `ids are 1–${LIMITS.annotationIdLength} characters of A-Z a-z 0-9 : . _ | -`,
  url: 'not an absolute http(s) or file URL',
  startAfterEnd: 'start is after end',
  beyondText: 'lies beyond the end of the text',
} as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for `YYYY-MM-DD` naming a day that exists. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export const bool = v.boolean(got('true or false'));

/** A string of at most `max` UTF-16 code units (empty allowed). */
export function text(max: number) {
  return v.pipe(v.string(got('a string')), v.maxLength(max, `longer than ${max} characters`));
}

/** A string of 1 to `max` UTF-16 code units. */
export function nonEmptyText(max: number) {
  return v.pipe(text(max), v.minLength(1, REASONS.notEmpty));
}

/** A finite number from `min` to `max`. */
export function num(min: number, max: number) {
  const range = `must be between ${min} and ${max}`;
  return v.pipe(
    v.number(got('a finite number')),
    v.finite(got('a finite number')),
    v.minValue(min, range),
    v.maxValue(max, range),
  );
}

/** A whole number from `min` to `max`. */
export function int(min: number, max: number) {
  const range = `must be between ${min} and ${max}`;
  return v.pipe(
    v.number(got('a finite number')),
    v.finite(got('a finite number')),
    v.integer(REASONS.wholeNumber),
    v.minValue(min, range),
    v.maxValue(max, range),
  );
}

/** One of a fixed set of strings. */
export function oneOf<const T extends readonly string[]>(values: T) {
  return v.picklist(values, `must be one of ${values.join(', ')}`);
}

/** A list of at most `max` items (at least `min`). */
export function list<T extends v.GenericSchema>(item: T, max: number, min = 0) {
  const many = v.maxLength<v.InferOutput<T>[], number, string>(max, `more than ${max} items`);
  const schema = v.array(item, got('an array'));
  if (min === 0) return v.pipe(schema, many);
  return v.pipe(schema, many, v.minLength(min, `at least ${min} item${min === 1 ? '' : 's'} required`));
}

/** Objects: plain JSON objects only (not arrays), exactly these keys (see `describeIssue` for the messages). */
export function record<const E extends v.ObjectEntries>(entries: E) {
  return v.pipe(v.custom<object>(isJsonObject, got('an object')), v.strictObject(entries, got('an object')));
}

/** The same without the array check, for the options of a `v.variant` (which refuses arrays itself). */
export function strictRecord<const E extends v.ObjectEntries>(entries: E) {
  return v.strictObject(entries, got('an object'));
}

export function isJsonObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const isoDate = v.pipe(text(10), v.check(isIsoDate, REASONS.date));
export const metadataField = text(LIMITS.metadataFieldLength);
export const title = text(LIMITS.titleLength);

export const noticeId = v.pipe(nonEmptyText(LIMITS.urlLength + 4), v.check(isNoticeId, REASONS.noticeId));
export const annotationId = v.pipe(
  nonEmptyText(LIMITS.annotationIdLength),
  v.check(isAnnotationId, REASONS.annotationId),
);
export const url = v.pipe(
  nonEmptyText(LIMITS.urlLength),
  v.check((s) => tryCanonicalUrl(s) !== null, REASONS.url),
);

export const tag = nonEmptyText(LIMITS.tagLength);
export const tags = list(tag, LIMITS.tagsPerRecord);
export const time = num(0, LIMITS.timeMax);
/** An offset into a notice's text (UTF-16 code units). */
export const offset = int(0, LIMITS.noticeTextLength);
