/**
 * Import of our W3C Web Annotation files: strict validation, then the notices and annotations exactly as
 * they were exported.
 *
 * Nothing is repaired or dropped quietly. A file is taken whole or refused with the first problem found,
 * named by item and field (`import-errors.ts`), so the library is never left half-imported. The changes
 * made to data: line breaks in notes and tags become \n (what the exporter writes, so export → import →
 * export gives the same bytes), and other control characters than \n and \t are removed (they cannot come
 * from a notice's normalised text or from the note editor, and some break JSON tools and XML exports); how
 * many were removed is returned, so the UI can say so. Markup such as `<script>` is kept as text: every
 * view renders text.
 *
 * A file that contradicts itself is refused too, whatever each value looks like alone: a time that is no
 * calendar time (2025-02-30), an `nl:quote` other than the quote selector's `exact`, a text position past
 * the end of its notice's text, a clause whose offsets do not cut its own text from the notice, an
 * annotation whose target `source` is another notice's than the one `nl:noticeId` names.
 *
 * Limits and shapes: the library's own schemas (lib/schema, limits in `lib/storage/limits.ts`), the ones the
 * store and the message validator apply, so that a file taken here is never refused when it is stored, and
 * an imported annotation edited in a page's panel can be sent back whole. The notices in `nl:notices` are
 * our own JSON and are read with the stored notice's schema; the W3C terms of each annotation are read here,
 * each value with the schema of the field it becomes. Further: ids unique within the file; every
 * annotation's notice present. Character counts are UTF-16 code units, like every offset in the extension.
 */

import * as v from 'valibot';
import {
  ANNOTATION_COLOURS,
  REASONS,
  annotationId as annotationIdSchema,
  keyIssue,
  nonEmptyText,
  note as noteSchema,
  offset as offsetSchema,
  pathKeys,
  pathText,
  quote as quoteSchema,
  quoteContext,
  savedNoticeSchema,
  section as sectionSchema,
  structuralCount,
  tag as tagSchema,
  type AnnotationColour,
} from '../schema';
import type { Annotation, SavedNotice, Selector } from '../types';
import {
  ImportRefusal,
  importFailure,
  type ImportErrorCode,
  type ImportFailure,
  type ImportParams,
  type ImportPlace,
  type JsonTypeName,
} from './import-errors';
import { LIMITS } from '../storage/limits';
import { locateJsonError } from './json-error';
import {
  ANNO_CONTEXT,
  ANNOTATION_URN_PREFIX,
  FORMAT_VERSION,
  NOTICE_URN_PREFIX,
  STYLE_CLASS_PREFIX,
  UUID_URN_PREFIX,
  targetSource,
} from './w3c-vocabulary';
import { sourceUrl } from './labels';

export const DEFAULT_MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** W3C strings that become no stored field (`source`, `styleClass`, `language`): one line in the UI. */
const MAX_SHORT = 10_000;

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

/** C0 and C1 control characters but \t and \n. */
const CONTROL_CHARS = /[^\t\n\u0020-\u007E\u00A0-\uFFFF]/g;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Whether an ISO 8601 instant names a real time: month 1–12, a day that month has (29 February in leap
 * years only), hours 0–23, minutes and seconds 0–59, an offset within ±23:59. `Date.parse` alone rolls
 * 2025-02-30 over to 2 March.
 */
function realInstant(s: string): boolean {
  const m = ISO_INSTANT.exec(s);
  if (!m) return false;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  return m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8]) <= 59);
}

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

const NUMBER_CHECKS = new Set(['min_value', 'finite', 'integer', 'max_value']);

/** Why a value that has the right JSON type is refused, in both languages, from a schema issue. */
function reason(issue: v.BaseIssue<unknown>): [zh: string, en: string] {
  const input = issue.input;
  const found = shown(input);
  const requirement = (issue as { requirement?: unknown }).requirement;
  if (NUMBER_CHECKS.has(issue.type)) {
    if (issue.type === 'integer') return [`应为整数，实际为 ${found}`, `must be a whole number, found ${found}`];
    if (issue.type === 'max_value')
      return [
        `应不大于 ${String(requirement)}，实际为 ${found}`,
        `must be at most ${String(requirement)}, found ${found}`,
      ];
    if (issue.type === 'min_value' && requirement !== 0)
      return [
        `应不小于 ${String(requirement)}，实际为 ${found}`,
        `must be at least ${String(requirement)}, found ${found}`,
      ];
    return [`应为非负数，实际为 ${found}`, `must be a non-negative number, found ${found}`];
  }
  if (issue.type === 'min_length') {
    if (typeof input === 'string') return ['不能为空', 'must not be empty'];
    return [`至少需要 ${String(requirement)} 项`, `needs at least ${String(requirement)} entries`];
  }
  if (issue.type === 'raw_check' && issue.expected === 'start ≤ end') {
    const { start, end } = input as { start: number; end: number };
    return [`start（${start}）大于 end（${end}）`, `start (${start}) is after end (${end})`];
  }
  if (issue.type === 'raw_check' && issue.expected?.startsWith('≤ ')) {
    const [length, at] = [issue.expected.slice(2), issue.received];
    return [`${at} 超出正文长度 ${length}`, `${at} is beyond the end of the text (${length})`];
  }
  switch (issue.message) {
    case REASONS.date:
      return [`应为 YYYY-MM-DD 日期或 null，实际为 ${found}`, `must be a YYYY-MM-DD date or null, found ${found}`];
    case REASONS.noticeId:
      return [
        `不是公文透镜的公文 id（cite:、num:、url: 或 text: 加其键值），实际为 ${found}`,
        `is not a Notice Lens notice id (cite:, num:, url: or text: and its key), found ${found}`,
      ];
    case REASONS.url:
      return [`应为 http(s) 或 file 网址，实际为 ${found}`, `must be an absolute http(s) or file URL, found ${found}`];
    default:
      return [`${issue.message}（${found}）`, `${issue.message} (${found})`];
  }
}

/** The JSON type a schema issue expected (`string`, `object` …). */
function expectedType(issue: v.BaseIssue<unknown>): JsonTypeName {
  const t = issue.type;
  return t === 'string' || t === 'number' || t === 'boolean' || t === 'array' ? t : 'object';
}

/** A schema issue as the importer words it, at `base` + the issue's path inside the place. */
function refusalOf(issue: v.BaseIssue<unknown>, place: ImportPlace, base: string): ImportRefusal {
  const key = keyIssue(issue);
  const path = pathText(base, pathKeys(issue));
  if (key?.kind === 'missing' || (issue.kind === 'schema' && issue.input === undefined))
    return new ImportRefusal('missing', place, path);
  if (key?.kind === 'unexpected')
    return new ImportRefusal('invalid', place, path, {
      reasonZh: '不是该项的字段',
      reasonEn: 'is not a field of this item',
    });
  if (issue.type === 'picklist' || issue.type === 'literal' || issue.type === 'variant')
    return new ImportRefusal('wrong-value', place, path, {
      expected: (issue.expected ?? '').replace(/^\((.*)\)$/, '$1'),
      actual: shown(issue.input),
    });
  if (issue.kind === 'schema')
    return new ImportRefusal('wrong-type', place, path, {
      expected: expectedType(issue),
      actual: jsonType(issue.input),
    });
  if (issue.type === 'max_length') {
    const limit = Number((issue as { requirement?: unknown }).requirement);
    return typeof issue.input === 'string'
      ? new ImportRefusal('too-long', place, path, { length: issue.input.length, limit })
      : new ImportRefusal('too-many', place, path, { count: (issue.input as unknown[]).length, limit });
  }
  const [reasonZh, reasonEn] = reason(issue);
  return new ImportRefusal('invalid', place, path, { reasonZh, reasonEn });
}

/**
 * `value` with control characters removed from every string (see the file comment), counted in `stripped`.
 * A copy made without recursion, own keys only: a key such as `__proto__` stays a plain key.
 */
function stripControls(value: unknown, stripped: { count: number }): unknown {
  const clean = (s: string) => {
    const out = s.replace(CONTROL_CHARS, '');
    stripped.count += s.length - out.length;
    return out;
  };
  const root: Obj = { value };
  const stack: Array<{ from: unknown; to: Obj | unknown[]; key: string | number }> = [
    { from: value, to: root, key: 'value' },
  ];
  while (stack.length > 0) {
    const { from, to, key } = stack.pop()!;
    let copy: unknown = from;
    if (typeof from === 'string') copy = clean(from);
    else if (Array.isArray(from)) {
      const list: unknown[] = new Array<unknown>(from.length);
      from.forEach((x, i) => stack.push({ from: x, to: list, key: i }));
      copy = list;
    } else if (from !== null && typeof from === 'object') {
      const obj: Obj = {};
      for (const k of Object.keys(from)) stack.push({ from: (from as Obj)[k], to: obj, key: clean(k) });
      copy = obj;
    }
    Object.defineProperty(to, key, { value: copy, enumerable: true, writable: true, configurable: true });
  }
  return root.value;
}

/** Typed reads of untrusted JSON for one item (or the file), each refusing with the item and path. */
class Reader {
  constructor(
    readonly place: ImportPlace,
    readonly stripped: { count: number },
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

  /** A value read with the schema of the field it becomes (control characters removed first). */
  field<S extends v.GenericSchema>(schema: S, value: unknown, path: string): v.InferOutput<S> {
    const parsed = v.safeParse(schema, stripControls(value, this.stripped), { abortEarly: true });
    if (!parsed.success) throw refusalOf(parsed.issues[0], this.place, path);
    return parsed.output;
  }

  obj(v: unknown, path: string): Obj {
    this.expect(v, path, 'object');
    return v as Obj;
  }

  arr(v: unknown, path: string, max: number): unknown[] {
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

  /** A finite, non-negative whole number. */
  num(v: unknown, path: string): number {
    this.expect(v, path, 'number');
    const n = v as number;
    if (!Number.isFinite(n) || n < 0)
      this.invalid(path, `应为非负数，实际为 ${n}`, `must be a non-negative number, found ${n}`);
    if (!Number.isInteger(n)) this.invalid(path, `应为整数，实际为 ${n}`, `must be a whole number, found ${n}`);
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
    if (ISO_INSTANT.test(s) && !realInstant(s)) {
      this.invalid(path, `不是真实存在的时间：${shown(v)}`, `is not a real calendar time: ${shown(v)}`);
    }
    if (!Number.isFinite(ms) || ms < 0 || ms > LIMITS.timeMax) {
      this.invalid(
        path,
        `应为 1970 年以后的 ISO 8601 时间（如 2026-01-31T08:00:00.000Z），实际为 ${shown(v)}`,
        `must be an ISO 8601 time after 1970 (e.g. 2026-01-31T08:00:00.000Z), found ${shown(v)}`,
      );
    }
    return ms;
  }
}

/* ----- Notices (`nl:notices`, our own JSON) ----- */

function readNotice(value: unknown, r: Reader): SavedNotice {
  const notice = r.field(savedNoticeSchema, value, '');
  notice.obligations.forEach((c, i) => {
    const cut = notice.text.slice(c.start, c.end);
    // A clause text at the length limit may have been clipped: then it must open the span.
    const clipped = c.text.length === LIMITS.clauseTextLength && cut.startsWith(c.text);
    if (cut !== c.text && !clipped) {
      r.invalid(
        `obligations[${i}]`,
        `start–end（${c.start}–${c.end}）在正文中截出的是 ${shown(cut)}，与条款文字 ${shown(c.text)} 不一致`,
        `start–end (${c.start}–${c.end}) cut ${shown(cut)} from the text, not the clause's text ${shown(c.text)}`,
      );
    }
  });
  return notice;
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
  if (!v.is(annotationIdSchema, id)) {
    r.invalid(
      'id',
      `应为 1 到 ${LIMITS.annotationIdLength} 个字母、数字或 : . _ | - 字符（如 UUID），实际为 ${shown(id)}`,
      `must be 1 to ${LIMITS.annotationIdLength} letters, digits or : . _ | - (a UUID, say), found ${shown(id)}`,
    );
  }
  return id;
}

/** W3C allows one value or an array wherever several are allowed (`body`, `selector`). */
function oneOrMany(v: unknown, path: string, r: Reader, max: number): Array<{ value: unknown; path: string }> {
  if (Array.isArray(v)) return r.arr(v, path, max).map((value, i) => ({ value, path: join(path, i) }));
  r.obj(v, path);
  return [{ value: v, path }];
}

function readSelector(value: unknown, path: string, r: Reader): Selector {
  const o = r.obj(value, path);
  const type = r.oneOf(get(o, 'type'), join(path, 'type'), [
    'TextQuoteSelector',
    'TextPositionSelector',
    'nl:StructuralKey',
  ]);
  const at = (key: string) => join(path, key);
  if (type === 'TextQuoteSelector') {
    // prefix and suffix are optional in W3C; we always write them.
    const optional = (key: string) => (get(o, key) === undefined ? '' : r.field(quoteContext, get(o, key), at(key)));
    const exact = r.field(quoteSchema, get(o, 'exact'), at('exact'));
    return { type, exact, prefix: optional('prefix'), suffix: optional('suffix') };
  }
  if (type === 'TextPositionSelector') {
    const start = r.field(offsetSchema, get(o, 'start'), at('start'));
    const end = r.field(offsetSchema, get(o, 'end'), at('end'));
    if (start > end) r.invalid(path, `start（${start}）大于 end（${end}）`, `start (${start}) is after end (${end})`);
    return { type, start, end };
  }
  return {
    type: 'StructuralKey',
    section: r.field(v.nullable(sectionSchema), get(o, 'nl:section'), at('nl:section')),
    paragraph: r.field(structuralCount, get(o, 'nl:paragraph'), at('nl:paragraph')),
    sentence: r.field(structuralCount, get(o, 'nl:sentence'), at('nl:sentence')),
    offsetInSentence: r.field(offsetSchema, get(o, 'nl:offsetInSentence'), at('nl:offsetInSentence')),
  };
}

/** \r\n and lone \r as \n, as the exporter writes them (a string; anything else is left to the schema). */
function lineEnds(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : value;
}

function readBodies(value: unknown, r: Reader): { note: string; tags: string[] } {
  let note: string | null = null;
  const tags: string[] = [];
  if (value === undefined) return { note: '', tags };
  for (const { value: body, path } of oneOrMany(value, 'body', r, Number.MAX_SAFE_INTEGER)) {
    const o = r.obj(body, path);
    r.literal(get(o, 'type'), join(path, 'type'), 'TextualBody');
    const purpose = r.oneOf(get(o, 'purpose'), join(path, 'purpose'), ['commenting', 'tagging']);
    if (purpose === 'commenting') {
      if (note !== null)
        r.invalid(path, '一条批注只能有一个 commenting 正文', 'an annotation can have only one commenting body');
      if (get(o, 'format') !== undefined) r.literal(get(o, 'format'), join(path, 'format'), 'text/plain');
      if (get(o, 'language') !== undefined) r.str(get(o, 'language'), join(path, 'language'), 64);
      note = r.field(noteSchema, lineEnds(get(o, 'value')), join(path, 'value'));
    } else {
      tags.push(r.field(tagSchema, lineEnds(get(o, 'value')), join(path, 'value')));
      if (tags.length > LIMITS.tagsPerRecord) {
        r.invalid(
          'body',
          `标签（tagging 正文）过多，上限 ${LIMITS.tagsPerRecord} 个`,
          `too many tags (tagging bodies); the limit is ${LIMITS.tagsPerRecord}`,
        );
      }
    }
  }
  return { note: note ?? '', tags };
}

/** An annotation as read, with what the file-wide checks need: its target's source and selector paths. */
interface ReadAnnotation {
  annotation: Annotation;
  source: string;
  selectorPaths: string[];
}

function checkAnnotationContext(v: unknown, r: Reader): void {
  if (v === undefined) return; // inherited from the collection
  const values: unknown[] = Array.isArray(v) ? v : [v];
  if (!values.includes(ANNO_CONTEXT))
    r.refuse('wrong-context', '@context', { expected: ANNO_CONTEXT, actual: shown(v) });
}

function readAnnotation(value: unknown, r: Reader): ReadAnnotation {
  const o = r.obj(value, '');
  checkAnnotationContext(get(o, '@context'), r);
  const id = annotationId(r.nonEmpty(get(o, 'id'), 'id'), r);
  r.literal(get(o, 'type'), 'type', 'Annotation');
  r.oneOf(get(o, 'motivation'), 'motivation', ['highlighting', 'commenting']);
  const createdAt = r.instant(get(o, 'created'), 'created');
  const updatedAt = r.instant(get(o, 'modified'), 'modified');
  const deleted = get(o, 'nl:deletedAt');
  const deletedAt = deleted === undefined || deleted === null ? null : r.instant(deleted, 'nl:deletedAt');
  const quote = r.field(quoteSchema, get(o, 'nl:quote'), 'nl:quote');
  const { note, tags } = readBodies(get(o, 'body'), r);

  const target = r.obj(get(o, 'target'), 'target');
  const source = r.nonEmpty(get(target, 'source'), 'target.source');
  const noticeId = r.field(nonEmptyText(LIMITS.urlLength + 4), get(target, 'nl:noticeId'), 'target.nl:noticeId');
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
  const listed = oneOrMany(selectorValue, 'target.selector', r, LIMITS.selectorsPerAnnotation);
  // Format 2 keeps the structural key beside the selector list (`nl:structure`); format 1 had it inside.
  const structure = get(target, 'nl:structure');
  const keys =
    structure === undefined ? [] : oneOrMany(structure, 'target.nl:structure', r, LIMITS.selectorsPerAnnotation);
  const all = [...listed, ...keys];
  if (all.length > LIMITS.selectorsPerAnnotation)
    r.refuse('too-many', 'target.selector', { count: all.length, limit: LIMITS.selectorsPerAnnotation });
  const selectors = all.map(({ value, path }) => readSelector(value, path, r));
  if (selectors.length === 0) r.invalid('target.selector', '至少需要一个选择器', 'needs at least one selector');
  selectors.forEach((s, i) => {
    if (s.type === 'TextQuoteSelector' && s.exact !== quote) {
      // Either may be the wrong one: the refusal names the annotation and both fields.
      r.invalid(
        '',
        `nl:quote ${shown(quote)} 与 ${all[i].path}.exact ${shown(s.exact)} 不一致`,
        `nl:quote ${shown(quote)} differs from ${all[i].path}.exact ${shown(s.exact)}`,
      );
    }
  });

  return {
    annotation: { id, noticeId, colour, note, tags, selectors, quote, createdAt, updatedAt, deletedAt },
    source,
    selectorPaths: all.map((x) => x.path),
  };
}

/** The target sources a file may give an annotation of this notice: ours, and what format 1 wrote. */
function sourcesOf(notice: SavedNotice): string[] {
  const legacy = sourceUrl(notice.metadata, notice.urls) ?? `${NOTICE_URN_PREFIX}${encodeURI(notice.id)}`;
  return [targetSource(notice), legacy];
}

/**
 * The checks across an annotation and the notice it names (see the file comment). A target source that
 * is another notice's in the file, and not this one's, says the annotation was moved there by hand.
 */
function checkAgainstNotice(
  read: ReadAnnotation,
  notice: SavedNotice,
  owners: ReadonlyMap<string, readonly string[]>,
  r: Reader,
): void {
  const { annotation: a } = read;
  const owning = owners.get(read.source) ?? [];
  if (owning.length > 0 && !owning.includes(notice.id)) {
    // Either the source or the notice id may be the wrong one: the refusal names the target.
    r.invalid(
      'target',
      `source ${shown(read.source)} 不是 nl:noticeId 所指公文（${shown(notice.id)}）的来源 ${shown(targetSource(notice))}，批注可能被移到了别的公文`,
      `source ${shown(read.source)} is not the source ${shown(targetSource(notice))} of the notice nl:noticeId names (${shown(notice.id)}); the annotation may have been moved to another notice`,
    );
  }
  a.selectors.forEach((s, i) => {
    if (s.type === 'TextPositionSelector' && s.end > notice.text.length) {
      r.invalid(
        `${read.selectorPaths[i]}.end`,
        `${s.end} 超出所属公文正文长度 ${notice.text.length}`,
        `${s.end} is beyond the end of its notice's text (${notice.text.length})`,
      );
    }
  });
}

/* ----- The collection ----- */

function checkContext(v: unknown, r: Reader): void {
  const first: unknown = Array.isArray(v) ? v[0] : v;
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
  file.num(version, 'nl:formatVersion');
  if (!Number.isInteger(version) || (version as number) > FORMAT_VERSION) {
    file.refuse('unsupported-version', 'nl:formatVersion', { version: version as number });
  }
  const first = file.obj(get(root, 'first'), 'first');
  file.literal(get(first, 'type'), 'first.type', 'AnnotationPage');
  if (get(first, 'next') !== undefined) file.refuse('paged', 'first.next');
  const items = file.arr(get(first, 'items'), 'first.items', Number.MAX_SAFE_INTEGER);
  const total = file.num(get(root, 'total'), 'total');
  if (total !== items.length) file.refuse('total-mismatch', 'total', { total, count: items.length });
  const noticeValues = file.arr(get(root, 'nl:notices'), 'nl:notices', Number.MAX_SAFE_INTEGER);

  if (get(root, 'id') !== undefined) file.nonEmpty(get(root, 'id'), 'id');
  if (get(first, 'id') !== undefined) file.nonEmpty(get(first, 'id'), 'first.id');
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

  // Which notices each target source may stand for, computed once for the whole file.
  const owners = new Map<string, string[]>();
  for (const n of notices) {
    for (const source of new Set(sourcesOf(n))) owners.set(source, [...(owners.get(source) ?? []), n.id]);
  }
  const annotations: Annotation[] = [];
  const annotationIndex = new Map<string, number>();
  items.forEach((v, index) => {
    const r = new Reader({ kind: 'annotation', index }, stripped);
    const read = readAnnotation(v, r);
    const annotation = read.annotation;
    const seen = annotationIndex.get(annotation.id);
    if (seen !== undefined) {
      r.refuse('duplicate-id', 'id', {
        id: annotation.id,
        otherZh: `第 ${seen + 1} 条批注`,
        otherEn: `annotation ${seen + 1}`,
      });
    }
    annotationIndex.set(annotation.id, index);
    const at = noticeIndex.get(annotation.noticeId);
    if (at === undefined) return r.refuse('unknown-notice', 'target.nl:noticeId', { noticeId: annotation.noticeId });
    checkAgainstNotice(read, notices[at], owners, r);
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
