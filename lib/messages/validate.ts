/**
 * Checking requests that arrive from pages and content scripts: plain JSON only, every field's type,
 * enum values, lengths and counts, and a total size cap.
 *
 * A request is rebuilt field by field from what was checked, so nothing unchecked reaches storage:
 * unknown keys are refused rather than passed on, accessors and prototypes never run or survive, and
 * `__proto__`/`constructor`/`prototype` keys are refused outright.
 */

import { isNoticeId, tryCanonicalUrl } from '../identity';
import { LIMITS, isAnnotationId } from '../storage/limits';
import type { NoticeFilters, NoticeSnapshot } from '../storage/records';
import {
  ANNOTATION_COLOURS,
  OBLIGATION_CATEGORIES,
  type Annotation,
  type Clause,
  type NoticeMetadata,
  type OutlineItem,
  type Selector,
  type LabelledFields,
  type Site,
} from '../types';
import { MAX_TEXT_LENGTH, type TextForAnalysis } from '../page-text';
import { PAGE_TIMING_FIELDS, REQUEST_TYPES, type Request, type RequestOf, type RequestType } from './protocol';

export type Validation = { ok: true; request: Request } | { ok: false; error: string };

/** A refused value, with the path of the field (`annotation.selectors[2].start`). */
export class Invalid extends Error {
  override readonly name = 'Invalid';
}

type Schema<T> = (value: unknown, path: string) => T;

/* ----- Plain JSON ----- */

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 12;

/**
 * Refuse anything that is not plain JSON data (functions, symbols, class instances, Dates, Maps,
 * accessors, non-finite numbers, cycles, forbidden keys) and anything larger than `maxSize` (string
 * characters plus a little per value). Runs before the schema, iteratively, so a hostile shape cannot
 * exhaust the stack.
 */
export function checkPlainJson(root: unknown, maxSize: number = LIMITS.messageSize): void {
  let size = 0;
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: 'request', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    switch (typeof value) {
      case 'string':
        size += value.length + 2;
        break;
      case 'number':
        if (!Number.isFinite(value)) throw new Invalid(`${path}: not a finite number`);
        size += 8;
        break;
      case 'boolean':
        size += 5;
        break;
      case 'object': {
        if (value === null) {
          size += 4;
          break;
        }
        if (depth >= MAX_DEPTH) throw new Invalid(`${path}: nested deeper than ${MAX_DEPTH} levels`);
        const proto = Object.getPrototypeOf(value);
        const isArray = Array.isArray(value);
        if (isArray ? proto !== Array.prototype : proto !== Object.prototype && proto !== null) {
          throw new Invalid(`${path}: not plain JSON data`);
        }
        if (Object.getOwnPropertySymbols(value).length > 0) throw new Invalid(`${path}: symbol keys are not allowed`);
        const descriptors = Object.getOwnPropertyDescriptors(value);
        for (const key of Object.keys(descriptors)) {
          if (isArray && key === 'length') continue;
          const d = descriptors[key];
          if (!('value' in d)) throw new Invalid(`${path}.${key}: accessors are not allowed`);
          if (FORBIDDEN_KEYS.has(key)) throw new Invalid(`${path}: key "${key}" is not allowed`);
          if (isArray && !/^(0|[1-9]\d*)$/.test(key)) throw new Invalid(`${path}: arrays may only have elements`);
          size += key.length + 3;
          stack.push({ value: d.value, path: isArray ? `${path}[${key}]` : `${path}.${key}`, depth: depth + 1 });
        }
        size += 2;
        break;
      }
      default:
        throw new Invalid(`${path}: ${typeof value} is not allowed`);
    }
    if (size > maxSize) throw new Invalid(`request: larger than ${maxSize} characters`);
  }
}

/* ----- Schemas ----- */

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : typeof v;
}

const str =
  (max: number, options: { min?: number; pattern?: RegExp; what?: string } = {}): Schema<string> =>
  (v, path) => {
    if (typeof v !== 'string') throw new Invalid(`${path}: expected a string, got ${describe(v)}`);
    if (v.length > max) throw new Invalid(`${path}: longer than ${max} characters`);
    if (v.length < (options.min ?? 0)) throw new Invalid(`${path}: must not be empty`);
    if (options.pattern && !options.pattern.test(v)) throw new Invalid(`${path}: not ${options.what ?? 'valid'}`);
    return v;
  };

const bool: Schema<boolean> = (v, path) => {
  if (typeof v !== 'boolean') throw new Invalid(`${path}: expected true or false, got ${describe(v)}`);
  return v;
};

const num =
  (min: number, max: number, integer = false): Schema<number> =>
  (v, path) => {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new Invalid(`${path}: expected a finite number, got ${describe(v)}`);
    if (integer && !Number.isInteger(v)) throw new Invalid(`${path}: expected a whole number`);
    if (v < min || v > max) throw new Invalid(`${path}: must be between ${min} and ${max}`);
    return v;
  };

const int = (min: number, max: number) => num(min, max, true);

const oneOf =
  <T extends string>(values: readonly T[]): Schema<T> =>
  (v, path) => {
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
      throw new Invalid(`${path}: must be one of ${values.join(', ')}`);
    }
    return v as T;
  };

const literal =
  <T extends string>(value: T): Schema<T> =>
  (v, path) => {
    if (v !== value) throw new Invalid(`${path}: expected "${value}"`);
    return value;
  };

const nullable =
  <T>(schema: Schema<T>): Schema<T | null> =>
  (v, path) =>
    v === null ? null : schema(v, path);

const arr =
  <T>(item: Schema<T>, max: number, min = 0): Schema<T[]> =>
  (v, path) => {
    if (!Array.isArray(v)) throw new Invalid(`${path}: expected an array, got ${describe(v)}`);
    if (v.length > max) throw new Invalid(`${path}: more than ${max} items`);
    if (v.length < min) throw new Invalid(`${path}: at least ${min} item${min === 1 ? '' : 's'} required`);
    const out: T[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = item(v[i], `${path}[${i}]`);
    return out;
  };

type Shape = Record<string, Schema<unknown>>;
type Out<S extends Shape> = { [K in keyof S]: S[K] extends Schema<infer T> ? T : never };
type Obj<R extends Shape, O extends Shape> = Out<R> & Partial<Out<O>>;

/** An object with exactly these required keys and any of these optional ones (undefined counts as absent). */
function obj<R extends Shape, O extends Shape = {}>(required: R, optional?: O): Schema<Obj<R, O>> {
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      throw new Invalid(`${path}: expected an object, got ${describe(v)}`);
    const input = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(input)) {
      if (!Object.hasOwn(required, key) && !(optional && Object.hasOwn(optional, key)))
        throw new Invalid(`${path}: unexpected field "${key.slice(0, 40)}"`);
    }
    for (const key of Object.keys(required)) {
      if (!Object.hasOwn(input, key)) throw new Invalid(`${path}.${key}: missing`);
      out[key] = required[key](input[key], `${path}.${key}`);
    }
    if (optional) {
      for (const key of Object.keys(optional)) {
        if (input[key] !== undefined) out[key] = optional[key](input[key], `${path}.${key}`);
      }
    }
    return out as Obj<R, O>;
  };
}

/* ----- Domain fields ----- */

const noticeId: Schema<string> = (v, path) => {
  const s = str(LIMITS.urlLength + 4, { min: 1 })(v, path);
  if (!isNoticeId(s)) throw new Invalid(`${path}: not a notice id (cite:, num:, url: or text:)`);
  return s;
};

const annotationId: Schema<string> = (v, path) => {
  const s = str(LIMITS.annotationIdLength, { min: 1 })(v, path);
  if (!isAnnotationId(s))
    throw new Invalid(`${path}: ids are 1–${LIMITS.annotationIdLength} characters of A-Z a-z 0-9 : . _ | -`);
  return s;
};

const url: Schema<string> = (v, path) => {
  const s = str(LIMITS.urlLength, { min: 1 })(v, path);
  if (tryCanonicalUrl(s) === null) throw new Invalid(`${path}: not an absolute http(s) or file URL`);
  return s;
};

const tag = str(LIMITS.tagLength, { min: 1 });
const tags = arr(tag, LIMITS.tagsPerRecord);
/** Milliseconds since 1970, up to the year 10000. */
const time = num(0, 253_402_300_800_000);
const offset = int(0, LIMITS.noticeTextLength);
const isoDate = str(10, { pattern: /^\d{4}-\d{2}-\d{2}$/, what: 'a date YYYY-MM-DD' });
const field = str(LIMITS.metadataFieldLength);

const selector: Schema<Selector> = (v, path) => {
  const type = (v as { type?: unknown } | null)?.type;
  switch (type) {
    case 'TextQuoteSelector':
      return obj({
        type: literal('TextQuoteSelector'),
        exact: str(LIMITS.quoteLength),
        prefix: str(LIMITS.quoteContextLength),
        suffix: str(LIMITS.quoteContextLength),
      })(v, path);
    case 'TextPositionSelector': {
      const s = obj({ type: literal('TextPositionSelector'), start: offset, end: offset })(v, path);
      if (s.start > s.end) throw new Invalid(`${path}: start is after end`);
      return s;
    }
    case 'StructuralKey':
      return obj({
        type: literal('StructuralKey'),
        section: nullable(str(200)),
        paragraph: int(0, 1_000_000),
        sentence: int(0, 1_000_000),
        offsetInSentence: int(0, LIMITS.noticeTextLength),
      })(v, path);
    default:
      throw new Invalid(`${path}.type: must be TextQuoteSelector, TextPositionSelector or StructuralKey`);
  }
};

const annotation: Schema<Annotation> = (v, path) => {
  const a = obj({
    id: annotationId,
    noticeId,
    colour: oneOf(ANNOTATION_COLOURS),
    note: str(LIMITS.noteLength),
    tags,
    selectors: arr(selector, LIMITS.selectorsPerAnnotation, 1),
    quote: str(LIMITS.quoteLength),
    createdAt: time,
    updatedAt: time,
    deletedAt: nullable(time),
  })(v, path);
  return a;
};

const metadata: Schema<NoticeMetadata> = obj({
  title: nullable(str(LIMITS.titleLength)),
  docType: nullable(field),
  docNumber: nullable(field),
  issuers: arr(field, LIMITS.metadataListLength),
  addressees: arr(field, LIMITS.metadataListLength),
  signedDate: nullable(isoDate),
  publishedDate: nullable(isoDate),
  effectiveDate: nullable(isoDate),
  validity: nullable(field),
  level: nullable(field),
  citationCode: nullable(field),
  url: nullable(str(LIMITS.urlLength)),
});

const SITES: readonly Site[] = ['pkulaw', 'govcn', 'npc', 'generic', 'text'];
const categories = oneOf(OBLIGATION_CATEGORIES);

const outlineItem: Schema<OutlineItem> = obj({
  level: int(1, 50),
  label: str(200),
  title: str(LIMITS.metadataFieldLength),
  start: offset,
});

const clause: Schema<Clause> = (v, path) => {
  const c = obj({
    category: categories,
    categories: arr(categories, OBLIGATION_CATEGORIES.length, 1),
    strength: oneOf(['hard', 'soft'] as const),
    start: offset,
    end: offset,
    text: str(LIMITS.clauseTextLength),
    trigger: str(200),
    bearer: nullable(
      obj({ text: str(LIMITS.metadataFieldLength), source: oneOf(['explicit', 'inherited', 'addressee'] as const) }),
    ),
    deadline: nullable(
      obj({
        text: str(LIMITS.metadataFieldLength),
        type: oneOf(['date', 'relative', 'recurring'] as const),
        iso: nullable(isoDate),
      }),
    ),
    quoted: bool,
    heading: bool,
    score: num(0, 1),
  })(v, path);
  if (c.start > c.end) throw new Invalid(`${path}: start is after end`);
  return c;
};

const snapshot: Schema<NoticeSnapshot> = (v, path) => {
  const s = obj(
    {
      id: noticeId,
      urls: arr(url, LIMITS.urlsPerNotice),
      metadata,
      text: str(LIMITS.noticeTextLength),
      outline: arr(outlineItem, LIMITS.outlineItems),
      obligations: arr(clause, LIMITS.clauses),
      site: oneOf(SITES),
    },
    // createdAt/updatedAt: accepted so a whole SavedNotice can be sent; the background's clock decides.
    { saved: bool, tags, createdAt: time, updatedAt: time },
  )(v, path);
  for (let i = 0; i < s.obligations.length; i++) {
    if (s.obligations[i].end > s.text.length) throw new Invalid(`${path}.obligations[${i}]: ends after the text`);
  }
  for (let i = 0; i < s.outline.length; i++) {
    if (s.outline[i].start > s.text.length) throw new Invalid(`${path}.outline[${i}]: starts after the text`);
  }
  const { createdAt: _c, updatedAt: _u, ...rest } = s;
  return rest;
};

const filters: Schema<NoticeFilters> = obj(
  {},
  {
    saved: bool,
    issuer: str(LIMITS.metadataFieldLength),
    year: int(1000, 9999),
    docType: str(100),
    tag,
    deleted: bool,
  },
);

const ids = arr(noticeId, LIMITS.idsPerRequest, 1);
const pageLimit = int(1, LIMITS.pageSize);
const pageOffset = int(0, 10_000_000);

const counts: Schema<Partial<Record<(typeof OBLIGATION_CATEGORIES)[number], number>>> = obj(
  {},
  Object.fromEntries(OBLIGATION_CATEGORIES.map((c) => [c, int(0, 1_000_000)])) as Record<
    (typeof OBLIGATION_CATEGORIES)[number],
    Schema<number>
  >,
);

/** Label → value as a page prints them (发文字号：…): a bounded plain record. */
const labelled: Schema<LabelledFields> = (v, path) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new Invalid(`${path}: expected an object, got ${describe(v)}`);
  const keys = Object.keys(v);
  if (keys.length > LIMITS.metadataListLength)
    throw new Invalid(`${path}: more than ${LIMITS.metadataListLength} labels`);
  const out: LabelledFields = {};
  for (const key of keys) {
    if (key.length === 0 || key.length > 40 || FORBIDDEN_KEYS.has(key))
      throw new Invalid(`${path}: label "${key.slice(0, 40)}" not allowed`);
    out[key] = str(LIMITS.titleLength)((v as Record<string, unknown>)[key], `${path}.${key}`);
  }
  return out;
};

const textForAnalysis: Schema<TextForAnalysis> = obj({
  text: str(MAX_TEXT_LENGTH),
  site: oneOf(SITES),
  labelled,
  title: nullable(str(LIMITS.titleLength)),
  url: nullable(url),
  listPage: bool,
  pending: bool,
});

const timings = obj(
  Object.fromEntries(PAGE_TIMING_FIELDS.map((f) => [f, num(0, 1e9)])) as Record<
    (typeof PAGE_TIMING_FIELDS)[number],
    Schema<number>
  >,
);

/** One schema per request type; `type` is checked by `validateRequest`. */
const SCHEMAS: { [T in RequestType]: Schema<Omit<RequestOf<T>, 'type'>> } = {
  'engine/analyse': obj({ input: textForAnalysis }, { force: bool }),
  'analysis/report': obj(
    { url, noticeId, title: nullable(str(LIMITS.titleLength)), isNotice: bool, counts },
    { clauseCount: int(0, LIMITS.clauses), timings },
  ),
  'notice/get-by-url': obj({ url }),
  'notice/get': obj({ id: noticeId }, { includeDeleted: bool }),
  'notice/upsert': obj({ snapshot }),
  'notice/set-saved': obj({ id: noticeId, saved: bool }),
  'notice/set-tags': obj({ id: noticeId, tags }),
  'notice/delete': obj({ ids }),
  'notice/restore': obj({ ids }),
  'annotation/list': obj({ noticeId }, { includeDeleted: bool, url }),
  'annotation/put': (v, path) => {
    const r = obj({ annotation }, { notice: snapshot })(v, path);
    if (r.notice && r.notice.id !== r.annotation.noticeId)
      throw new Invalid(`${path}.notice.id: differs from annotation.noticeId`);
    return r;
  },
  'annotation/delete': obj({ id: annotationId }),
  'annotation/restore': obj({ id: annotationId }),
  'annotation/purge-deleted': obj({ olderThan: time }),
  'library/search': obj(
    { query: str(LIMITS.queryLength) },
    { filters, limit: pageLimit, offset: pageOffset, deep: bool },
  ),
  'library/list': obj({}, { filters, limit: pageLimit, offset: pageOffset }),
};

/**
 * Check an incoming message. On success the request is a fresh object holding only checked fields; on
 * failure `error` names the first offending field and why.
 */
export function validateRequest(raw: unknown): Validation {
  try {
    checkPlainJson(raw);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new Invalid(`request: expected an object, got ${describe(raw)}`);
    const type = (raw as { type?: unknown }).type;
    if (typeof type !== 'string' || !(REQUEST_TYPES as readonly string[]).includes(type)) {
      throw new Invalid(
        `request.type: unknown request type ${typeof type === 'string' ? `"${type.slice(0, 40)}"` : describe(type)}`,
      );
    }
    const { type: _type, ...fields } = raw as Record<string, unknown>;
    const schema = SCHEMAS[type as RequestType] as Schema<object>;
    const body = schema(fields, 'request');
    return { ok: true, request: { type, ...body } as Request };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    return { ok: false, error: `request: could not be read (${(e as Error)?.message ?? String(e)})` };
  }
}
