/**
 * Import of our W3C Web Annotation files: strict validation, then the notices and annotations exactly as
 * they were exported.
 *
 * Nothing is repaired or dropped quietly. A file is taken whole or refused with the first problem found,
 * named by item and field (`import-errors.ts`), so the library is never left half-imported. The one change
 * made to data is the removal of control characters other than \n and \t (they cannot come from a notice's
 * normalised text or from the note editor, and some break JSON tools and XML exports); how many were removed
 * is returned, so the UI can say so. Markup such as `<script>` is kept as text: every view renders text.
 *
 * Limits: the library store's own (`lib/storage/limits.ts`), so that a file taken here is never refused
 * when it is stored: note and quote ≤ 20,000 characters; ≤ 50 tags of ≤ 64 characters; notice text
 * ≤ 5,000,000; ≤ 100 URLs per notice; notice ids of our four kinds (`cite:`, `num:`, `url:`, `text:`, see
 * `lib/identity.ts`); annotation ids of 1-128 letters, digits and `:._|-` (a UUID, or a foreign IRI without
 * `/`; Hypothesis-style `https://…` ids cannot be stored and are refused); 1-10 selectors, as a page sends
 * them (exact ≤ 20,000, prefix and suffix ≤ 1,000, section ≤ 200, paragraph and sentence ≤ 1,000,000),
 * since an imported annotation edited in a page's panel is sent back whole. Further: one-line fields
 * ≤ 10,000; numbers finite and non-negative, offsets whole numbers with start ≤ end (clauses and outline
 * within the notice text); ids unique within the file; every annotation's notice present. Character counts
 * are UTF-16 code units, like every offset in the extension.
 */

import {
  ANNOTATION_COLOURS,
  OBLIGATION_CATEGORIES,
  type Annotation,
  type AnnotationColour,
  type Bearer,
  type Clause,
  type Deadline,
  type NoticeMetadata,
  type OutlineItem,
  type SavedNotice,
  type Selector,
} from '../types';
import {
  ImportRefusal,
  importFailure,
  type ImportErrorCode,
  type ImportFailure,
  type ImportParams,
  type ImportPlace,
  type JsonTypeName,
} from './import-errors';
import { isNoticeId } from '../identity';
import { LIMITS, isAnnotationId } from '../storage/limits';
import { locateJsonError } from './json-error';
import {
  ANNO_CONTEXT,
  ANNOTATION_URN_PREFIX,
  BEARER_SOURCES,
  DEADLINE_TYPES,
  FORMAT_VERSION,
  SITES,
  STRENGTHS,
  STYLE_CLASS_PREFIX,
  UUID_URN_PREFIX,
} from './w3c-vocabulary';

export const DEFAULT_MAX_IMPORT_BYTES = 100 * 1024 * 1024;
export const MAX_NOTE = LIMITS.noteLength;
export const MAX_QUOTE = LIMITS.quoteLength;
export const MAX_TAGS = LIMITS.tagsPerRecord;
export const MAX_TAG = LIMITS.tagLength;
export const MAX_TEXT = LIMITS.noticeTextLength;
export const MAX_URLS = LIMITS.urlsPerNotice;
/**
 * Selectors as the background accepts them from a page (lib/messages/validate.ts): an imported annotation
 * edited in a page's panel is sent back whole, and must not be refused then.
 */
const MAX_SELECTORS = LIMITS.selectorsPerAnnotation;
const MAX_SECTION = 200;
const MAX_PARAGRAPH = 1_000_000;
/** Ids, titles, metadata values, URLs, labels: anything that is one line in the UI. */
export const MAX_SHORT = 10_000;
/** URLs per notice, outline items, clauses and selectors per item: generous, but bounded. */
const MAX_LIST = 100_000;

export type ImportResult =
  | {
      ok: true;
      notices: SavedNotice[];
      annotations: Annotation[];
      /** Control characters removed from strings (see the file comment); 0 for files we wrote. */
      strippedControlChars: number;
    }
  | ImportFailure;

type Obj = Record<string, unknown>;

const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function jsonType(v: unknown): JsonTypeName {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'object';
}

const SHOWN_LENGTH = 80;

/** A short, safe rendering of an offending value for messages. */
function shown(v: unknown): string {
  if (v === undefined) return '（缺失）';
  const s = preview(v, 3);
  if (s.length <= SHOWN_LENGTH) return s;
  let cut = SHOWN_LENGTH - 3;
  // Never half a surrogate pair: the message is shown and may be copied into a bug report.
  const last = s.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${s.slice(0, cut)}…`;
}

/**
 * `v` as JSON text, with values nested deeper than `depth` and lists beyond a few entries elided, so that
 * rendering costs little and a value nested 100,000 deep (JSON.parse takes it) cannot overflow the stack.
 */
function preview(v: unknown, depth: number): string {
  if (typeof v === 'string') return JSON.stringify(v.length > SHOWN_LENGTH ? v.slice(0, SHOWN_LENGTH) : v);
  if (v === null || typeof v !== 'object') return String(v);
  const more = 8;
  if (Array.isArray(v)) {
    if (depth === 0) return v.length === 0 ? '[]' : '[…]';
    const items = v.slice(0, more).map((x) => preview(x, depth - 1));
    return `[${items.join(',')}${v.length > more ? ',…' : ''}]`;
  }
  const keys = Object.keys(v);
  if (depth === 0) return keys.length === 0 ? '{}' : '{…}';
  const entries = keys.slice(0, more).map((k) => `${JSON.stringify(k)}:${preview((v as Obj)[k], depth - 1)}`);
  return `{${entries.join(',')}${keys.length > more ? ',…' : ''}}`;
}

/** Own property only: a key such as `__proto__` or `constructor` in the file must not reach the prototype. */
function get(o: Obj, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

function join(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

/** Typed reads of untrusted JSON for one item (or the file), each refusing with the item and path. */
class Reader {
  constructor(
    readonly place: ImportPlace,
    private readonly stripped: { count: number },
  ) {}

  refuse(code: ImportErrorCode, path: string, params: ImportParams = {}): never {
    throw new ImportRefusal(code, this.place, path, params);
  }

  /** Refuse a value that has the right type but is wrong, saying why in both languages. */
  invalid(path: string, reasonZh: string, reasonEn: string): never {
    return this.refuse('invalid', path, { reasonZh, reasonEn });
  }

  private expect(v: unknown, path: string, expected: JsonTypeName): void {
    if (v === undefined) this.refuse('missing', path);
    if (jsonType(v) !== expected) this.refuse('wrong-type', path, { expected, actual: jsonType(v) });
  }

  obj(v: unknown, path: string): Obj {
    this.expect(v, path, 'object');
    return v as Obj;
  }

  arr(v: unknown, path: string, max = MAX_LIST): unknown[] {
    this.expect(v, path, 'array');
    const a = v as unknown[];
    if (a.length > max) this.refuse('too-many', path, { count: a.length, limit: max });
    return a;
  }

  str(v: unknown, path: string, max = MAX_SHORT): string {
    this.expect(v, path, 'string');
    const raw = v as string;
    const s = raw.replace(CONTROL_CHARS, '');
    this.stripped.count += raw.length - s.length;
    if (s.length > max) this.refuse('too-long', path, { length: s.length, limit: max });
    return s;
  }

  nonEmpty(v: unknown, path: string, max = MAX_SHORT): string {
    const s = this.str(v, path, max);
    if (s.trim() === '') this.invalid(path, '不能为空', 'must not be empty');
    return s;
  }

  strOrNull(v: unknown, path: string, max = MAX_SHORT): string | null {
    return v === null ? null : this.str(v, path, max);
  }

  strList(v: unknown, path: string, maxItems = MAX_LIST, maxLength = MAX_SHORT): string[] {
    return this.arr(v, path, maxItems).map((s, i) => this.str(s, join(path, i), maxLength));
  }

  bool(v: unknown, path: string): boolean {
    this.expect(v, path, 'boolean');
    return v as boolean;
  }

  /** A finite, non-negative number; a whole number when `integer`. */
  num(v: unknown, path: string, integer = false): number {
    this.expect(v, path, 'number');
    const n = v as number;
    if (!Number.isFinite(n) || n < 0)
      this.invalid(path, `应为非负数，实际为 ${n}`, `must be a non-negative number, found ${n}`);
    if (integer && !Number.isInteger(n))
      this.invalid(path, `应为整数，实际为 ${n}`, `must be a whole number, found ${n}`);
    return n;
  }

  /** A whole number from 0 to `max`. */
  count(v: unknown, path: string, max: number): number {
    const n = this.num(v, path, true);
    if (n > max) this.invalid(path, `应不大于 ${max}，实际为 ${n}`, `must be at most ${max}, found ${n}`);
    return n;
  }

  oneOf<T extends string>(v: unknown, path: string, values: readonly T[]): T {
    this.expect(v, path, 'string');
    if (!values.includes(v as T)) {
      this.refuse('wrong-value', path, { expected: values.map((x) => `"${x}"`).join(' | '), actual: shown(v) });
    }
    return v as T;
  }

  literal(v: unknown, path: string, value: string): void {
    this.oneOf(v, path, [value]);
  }

  /** An ISO 8601 instant (what `created`/`modified` hold) as milliseconds since the epoch. */
  instant(v: unknown, path: string): number {
    const s = this.str(v, path, 64);
    const ms = ISO_INSTANT.test(s) ? Date.parse(s) : NaN;
    if (!Number.isFinite(ms) || ms < 0) {
      this.invalid(
        path,
        `应为 1970 年以后的 ISO 8601 时间（如 2026-01-31T08:00:00.000Z），实际为 ${shown(v)}`,
        `must be an ISO 8601 time after 1970 (e.g. 2026-01-31T08:00:00.000Z), found ${shown(v)}`,
      );
    }
    return ms;
  }

  /** A calendar date YYYY-MM-DD that exists, or null. */
  date(v: unknown, path: string): string | null {
    if (v === null) return null;
    const s = this.str(v, path, 10);
    const m = ISO_DATE.exec(s);
    const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
    if (!m || !d || d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
      this.invalid(
        path,
        `应为 YYYY-MM-DD 日期或 null，实际为 ${shown(v)}`,
        `must be a YYYY-MM-DD date or null, found ${shown(v)}`,
      );
    }
    return s;
  }

  beyondText(path: string, offset: number, length: number): never {
    return this.invalid(
      path,
      `${offset} 超出正文长度 ${length}`,
      `${offset} is beyond the end of the text (${length})`,
    );
  }

  /** A span [start, end) with start ≤ end ≤ limit (the text's length; without one, the longest text). */
  span(o: Obj, path: string, limit: number | null): { start: number; end: number } {
    const offset = (key: string) =>
      limit === null
        ? this.count(get(o, key), join(path, key), MAX_TEXT)
        : this.num(get(o, key), join(path, key), true);
    const start = offset('start');
    const end = offset('end');
    if (start > end)
      this.invalid(path, `start（${start}）大于 end（${end}）`, `start (${start}) is after end (${end})`);
    if (limit !== null && end > limit) this.beyondText(join(path, 'end'), end, limit);
    return { start, end };
  }
}

/* ----- Notices (`nl:notices`, our own JSON) ----- */

function readMetadata(v: unknown, path: string, r: Reader): NoticeMetadata {
  const o = r.obj(v, path);
  const s = (key: string) => r.strOrNull(get(o, key), join(path, key));
  return {
    title: s('title'),
    docType: s('docType'),
    docNumber: s('docNumber'),
    issuers: r.strList(get(o, 'issuers'), join(path, 'issuers')),
    addressees: r.strList(get(o, 'addressees'), join(path, 'addressees')),
    signedDate: r.date(get(o, 'signedDate'), join(path, 'signedDate')),
    publishedDate: r.date(get(o, 'publishedDate'), join(path, 'publishedDate')),
    effectiveDate: r.date(get(o, 'effectiveDate'), join(path, 'effectiveDate')),
    validity: s('validity'),
    level: s('level'),
    citationCode: s('citationCode'),
    url: s('url'),
  };
}

function readOutlineItem(v: unknown, path: string, r: Reader, textLength: number): OutlineItem {
  const o = r.obj(v, path);
  const start = r.num(get(o, 'start'), join(path, 'start'), true);
  if (start > textLength) r.beyondText(join(path, 'start'), start, textLength);
  return {
    level: r.num(get(o, 'level'), join(path, 'level'), true),
    label: r.str(get(o, 'label'), join(path, 'label')),
    title: r.str(get(o, 'title'), join(path, 'title')),
    start,
  };
}

function readBearer(v: unknown, path: string, r: Reader): Bearer | null {
  if (v === null) return null;
  const o = r.obj(v, path);
  return {
    text: r.str(get(o, 'text'), join(path, 'text')),
    source: r.oneOf(get(o, 'source'), join(path, 'source'), BEARER_SOURCES),
  };
}

function readDeadline(v: unknown, path: string, r: Reader): Deadline | null {
  if (v === null) return null;
  const o = r.obj(v, path);
  return {
    text: r.str(get(o, 'text'), join(path, 'text')),
    type: r.oneOf(get(o, 'type'), join(path, 'type'), DEADLINE_TYPES),
    iso: r.date(get(o, 'iso'), join(path, 'iso')),
  };
}

function readClause(v: unknown, path: string, r: Reader, textLength: number): Clause {
  const o = r.obj(v, path);
  const { start, end } = r.span(o, path, textLength);
  const categories = r
    .arr(get(o, 'categories'), join(path, 'categories'), OBLIGATION_CATEGORIES.length)
    .map((c, i) => r.oneOf(c, join(join(path, 'categories'), i), OBLIGATION_CATEGORIES));
  const category = r.oneOf(get(o, 'category'), join(path, 'category'), OBLIGATION_CATEGORIES);
  const score = r.num(get(o, 'score'), join(path, 'score'));
  if (score > 1)
    r.invalid(join(path, 'score'), `应在 0 到 1 之间，实际为 ${score}`, `must be between 0 and 1, found ${score}`);
  return {
    category,
    categories,
    strength: r.oneOf(get(o, 'strength'), join(path, 'strength'), STRENGTHS),
    start,
    end,
    text: r.str(get(o, 'text'), join(path, 'text'), MAX_TEXT),
    trigger: r.str(get(o, 'trigger'), join(path, 'trigger')),
    bearer: readBearer(get(o, 'bearer'), join(path, 'bearer'), r),
    deadline: readDeadline(get(o, 'deadline'), join(path, 'deadline'), r),
    quoted: r.bool(get(o, 'quoted'), join(path, 'quoted')),
    heading: r.bool(get(o, 'heading'), join(path, 'heading')),
    score,
  };
}

function readTags(v: unknown, path: string, r: Reader): string[] {
  return r.strList(v, path, MAX_TAGS, MAX_TAG);
}

function readNotice(v: unknown, r: Reader): SavedNotice {
  const o = r.obj(v, '');
  const text = r.str(get(o, 'text'), 'text', MAX_TEXT);
  const id = r.nonEmpty(get(o, 'id'), 'id');
  if (!isNoticeId(id)) {
    r.invalid(
      'id',
      `不是公文透镜的公文 id（cite:、num:、url: 或 text: 加其键值），实际为 ${shown(id)}`,
      `is not a Notice Lens notice id (cite:, num:, url: or text: and its key), found ${shown(id)}`,
    );
  }
  return {
    id,
    urls: r.strList(get(o, 'urls'), 'urls', MAX_URLS),
    metadata: readMetadata(get(o, 'metadata'), 'metadata', r),
    text,
    outline: r.arr(get(o, 'outline'), 'outline').map((x, i) => readOutlineItem(x, `outline[${i}]`, r, text.length)),
    obligations: r
      .arr(get(o, 'obligations'), 'obligations')
      .map((x, i) => readClause(x, `obligations[${i}]`, r, text.length)),
    site: r.oneOf(get(o, 'site'), 'site', SITES),
    saved: r.bool(get(o, 'saved'), 'saved'),
    tags: readTags(get(o, 'tags'), 'tags', r),
    createdAt: r.num(get(o, 'createdAt'), 'createdAt'),
    updatedAt: r.num(get(o, 'updatedAt'), 'updatedAt'),
  };
}

/* ----- Annotations (W3C terms) ----- */

/**
 * Our id back from the annotation's IRI; an IRI from another tool is kept whole as the id when the store
 * can hold it (`isAnnotationId`), else refused.
 */
function annotationId(iri: string, r: Reader): string {
  let id = iri;
  if (iri.startsWith(UUID_URN_PREFIX)) id = iri.slice(UUID_URN_PREFIX.length);
  else if (iri.startsWith(ANNOTATION_URN_PREFIX)) {
    try {
      id = decodeURIComponent(iri.slice(ANNOTATION_URN_PREFIX.length));
    } catch {
      r.invalid('id', `无法解码 ${shown(iri)}`, `cannot be decoded: ${shown(iri)}`);
    }
  }
  if (id.trim() === '') r.invalid('id', `${shown(iri)} 中没有 id`, `${shown(iri)} holds no id`);
  if (!isAnnotationId(id)) {
    r.invalid(
      'id',
      `应为 1 到 ${LIMITS.annotationIdLength} 个字母、数字或 : . _ | - 字符（如 UUID），实际为 ${shown(id)}`,
      `must be 1 to ${LIMITS.annotationIdLength} letters, digits or : . _ | - (a UUID, say), found ${shown(id)}`,
    );
  }
  return id;
}

/** W3C allows one value or an array wherever several are allowed (`body`, `selector`). */
function oneOrMany(v: unknown, path: string, r: Reader, max?: number): Array<{ value: unknown; path: string }> {
  if (Array.isArray(v)) return r.arr(v, path, max).map((value, i) => ({ value, path: join(path, i) }));
  r.obj(v, path);
  return [{ value: v, path }];
}

function readSelector(v: unknown, path: string, r: Reader): Selector {
  const o = r.obj(v, path);
  const type = r.oneOf(get(o, 'type'), join(path, 'type'), [
    'TextQuoteSelector',
    'TextPositionSelector',
    'nl:StructuralKey',
  ]);
  if (type === 'TextQuoteSelector') {
    // prefix and suffix are optional in W3C; we always write them.
    const optional = (key: string) =>
      get(o, key) === undefined ? '' : r.str(get(o, key), join(path, key), LIMITS.quoteContextLength);
    const exact = r.str(get(o, 'exact'), join(path, 'exact'), MAX_QUOTE);
    return { type, exact, prefix: optional('prefix'), suffix: optional('suffix') };
  }
  if (type === 'TextPositionSelector') return { type, ...r.span(o, path, null) };
  return {
    type: 'StructuralKey',
    section: r.strOrNull(get(o, 'nl:section'), join(path, 'nl:section'), MAX_SECTION),
    paragraph: r.count(get(o, 'nl:paragraph'), join(path, 'nl:paragraph'), MAX_PARAGRAPH),
    sentence: r.count(get(o, 'nl:sentence'), join(path, 'nl:sentence'), MAX_PARAGRAPH),
    offsetInSentence: r.count(get(o, 'nl:offsetInSentence'), join(path, 'nl:offsetInSentence'), MAX_TEXT),
  };
}

function readBodies(v: unknown, r: Reader): { note: string; tags: string[] } {
  let note: string | null = null;
  const tags: string[] = [];
  if (v === undefined) return { note: '', tags };
  for (const { value, path } of oneOrMany(v, 'body', r)) {
    const o = r.obj(value, path);
    r.literal(get(o, 'type'), join(path, 'type'), 'TextualBody');
    const purpose = r.oneOf(get(o, 'purpose'), join(path, 'purpose'), ['commenting', 'tagging']);
    if (purpose === 'commenting') {
      if (note !== null)
        r.invalid(path, '一条批注只能有一个 commenting 正文', 'an annotation can have only one commenting body');
      if (get(o, 'format') !== undefined) r.literal(get(o, 'format'), join(path, 'format'), 'text/plain');
      if (get(o, 'language') !== undefined) r.str(get(o, 'language'), join(path, 'language'), 64);
      note = r.str(get(o, 'value'), join(path, 'value'), MAX_NOTE);
    } else {
      tags.push(r.str(get(o, 'value'), join(path, 'value'), MAX_TAG));
      if (tags.length > MAX_TAGS) {
        r.invalid(
          'body',
          `标签（tagging 正文）过多，上限 ${MAX_TAGS} 个`,
          `too many tags (tagging bodies); the limit is ${MAX_TAGS}`,
        );
      }
    }
  }
  return { note: note ?? '', tags };
}

function readAnnotation(v: unknown, r: Reader): Annotation {
  const o = r.obj(v, '');
  const id = annotationId(r.nonEmpty(get(o, 'id'), 'id'), r);
  r.literal(get(o, 'type'), 'type', 'Annotation');
  r.oneOf(get(o, 'motivation'), 'motivation', ['highlighting', 'commenting']);
  const createdAt = r.instant(get(o, 'created'), 'created');
  const updatedAt = r.instant(get(o, 'modified'), 'modified');
  const deleted = get(o, 'nl:deletedAt');
  const deletedAt = deleted === undefined || deleted === null ? null : r.instant(deleted, 'nl:deletedAt');
  const quote = r.str(get(o, 'nl:quote'), 'nl:quote', MAX_QUOTE);
  const { note, tags } = readBodies(get(o, 'body'), r);

  const target = r.obj(get(o, 'target'), 'target');
  r.nonEmpty(get(target, 'source'), 'target.source');
  const noticeId = r.nonEmpty(get(target, 'nl:noticeId'), 'target.nl:noticeId');
  const styleClass = r.str(get(target, 'styleClass'), 'target.styleClass');
  const colour = styleClass.slice(STYLE_CLASS_PREFIX.length) as AnnotationColour;
  if (!styleClass.startsWith(STYLE_CLASS_PREFIX) || !ANNOTATION_COLOURS.includes(colour)) {
    r.refuse('wrong-value', 'target.styleClass', {
      expected: ANNOTATION_COLOURS.map((c) => `"${STYLE_CLASS_PREFIX}${c}"`).join(' | '),
      actual: shown(styleClass),
    });
  }
  const selectorValue = get(target, 'selector');
  if (selectorValue === undefined) r.refuse('missing', 'target.selector');
  const selectors = oneOrMany(selectorValue, 'target.selector', r, MAX_SELECTORS).map(({ value, path }) =>
    readSelector(value, path, r),
  );
  if (selectors.length === 0) r.invalid('target.selector', '至少需要一个选择器', 'needs at least one selector');

  return { id, noticeId, colour, note, tags, selectors, quote, createdAt, updatedAt, deletedAt };
}

/* ----- The collection ----- */

function checkContext(v: unknown, r: Reader): void {
  const first = Array.isArray(v) ? v[0] : v;
  if (first !== ANNO_CONTEXT) {
    r.refuse('wrong-context', '@context', { expected: ANNO_CONTEXT, actual: shown(v) });
  }
}

function readCollection(
  json: unknown,
  stripped: { count: number },
): { notices: SavedNotice[]; annotations: Annotation[] } {
  const file = new Reader({ kind: 'file' }, stripped);
  if (jsonType(json) !== 'object')
    throw new ImportRefusal('not-object', { kind: 'file' }, '', { actual: jsonType(json) });
  const root = json as Obj;
  checkContext(get(root, '@context'), file);
  file.literal(get(root, 'type'), 'type', 'AnnotationCollection');
  const version = get(root, 'nl:formatVersion');
  if (version === undefined) file.refuse('missing', 'nl:formatVersion');
  file.num(version, 'nl:formatVersion', true);
  if ((version as number) > FORMAT_VERSION) {
    file.refuse('unsupported-version', 'nl:formatVersion', { version: version as number });
  }
  const first = file.obj(get(root, 'first'), 'first');
  file.literal(get(first, 'type'), 'first.type', 'AnnotationPage');
  if (get(first, 'next') !== undefined) file.refuse('paged', 'first.next');
  const items = file.arr(get(first, 'items'), 'first.items', Number.MAX_SAFE_INTEGER);
  const total = file.num(get(root, 'total'), 'total', true);
  if (total !== items.length) file.refuse('total-mismatch', 'total', { total, count: items.length });
  const noticeValues = file.arr(get(root, 'nl:notices'), 'nl:notices', Number.MAX_SAFE_INTEGER);

  const notices: SavedNotice[] = [];
  const noticeIndex = new Map<string, number>();
  noticeValues.forEach((v, index) => {
    const r = new Reader({ kind: 'notice', index }, stripped);
    const notice = readNotice(v, r);
    const seen = noticeIndex.get(notice.id);
    if (seen !== undefined) {
      r.refuse('duplicate-id', 'id', {
        id: notice.id,
        otherZh: `第 ${seen + 1} 篇公文`,
        otherEn: `notice ${seen + 1}`,
      });
    }
    noticeIndex.set(notice.id, index);
    notices.push(notice);
  });

  const annotations: Annotation[] = [];
  const annotationIndex = new Map<string, number>();
  items.forEach((v, index) => {
    const r = new Reader({ kind: 'annotation', index }, stripped);
    const annotation = readAnnotation(v, r);
    const seen = annotationIndex.get(annotation.id);
    if (seen !== undefined) {
      r.refuse('duplicate-id', 'id', {
        id: annotation.id,
        otherZh: `第 ${seen + 1} 条批注`,
        otherEn: `annotation ${seen + 1}`,
      });
    }
    annotationIndex.set(annotation.id, index);
    if (!noticeIndex.has(annotation.noticeId)) {
      r.refuse('unknown-notice', 'target.nl:noticeId', { noticeId: annotation.noticeId });
    }
    annotations.push(annotation);
  });
  return { notices, annotations };
}

/**
 * Notices and annotations from a parsed W3C file, exactly as `toW3C` wrote them, or the first reason to
 * refuse the file (see `import-errors.ts` for the message format).
 */
export function fromW3C(json: unknown): ImportResult {
  const stripped = { count: 0 };
  try {
    const { notices, annotations } = readCollection(json, stripped);
    return { ok: true, notices, annotations, strippedControlChars: stripped.count };
  } catch (e) {
    if (e instanceof ImportRefusal) return importFailure(e);
    throw e;
  }
}

/** UTF-8 size of a string, counted without encoding it; stops counting once past `limit` (a lower bound then). */
function utf8Bytes(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * A whole import file's text: refused when larger than `maxBytes` (UTF-8) before any parsing, refused with
 * line and column when it is not JSON (a truncated download says so), then read by `fromW3C`.
 * A leading byte-order mark is ignored.
 */
export function parseImportFile(text: string, maxBytes = DEFAULT_MAX_IMPORT_BYTES): ImportResult {
  const file: ImportPlace = { kind: 'file' };
  // Every UTF-16 unit is at least one UTF-8 byte, so a string longer than the limit is too large uncounted.
  const size = text.length > maxBytes ? text.length : utf8Bytes(text, maxBytes);
  if (size > maxBytes) return importFailure(new ImportRefusal('too-large', file, '', { size, limit: maxBytes }));
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    const p = locateJsonError(body) ?? {
      offset: 0,
      line: 1,
      column: 1,
      zh: `：${(e as Error).message}`,
      en: (e as Error).message,
    };
    const params = { line: p.line, column: p.column, offset: p.offset, problemZh: p.zh, problemEn: p.en };
    return importFailure(new ImportRefusal('invalid-json', file, '', params));
  }
  return fromW3C(json);
}
