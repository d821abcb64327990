/**
 * Our W3C export against the MUST assertions of the Web Annotation model's test suite (annotation,
 * specific resource, collection and page tests), each rule written out here from the model
 * (https://www.w3.org/TR/annotation-model/) and named after the assertion it mirrors; then the round trip
 * (export → import → export gives the same bytes) and the files an import must refuse because they
 * contradict themselves.
 */

import { describe, expect, it } from 'vitest';
import { fromW3C, parseImportFile, toW3C, toW3CJson } from '../../lib/export/w3c';
import type { ExportItem } from '../../lib/export/highlights';
import { annotate, noticeA, noticeB, noticeHostile, uuid } from './fixtures';

type Json = Record<string, unknown>;

const ANNO = 'http://www.w3.org/ns/anno.jsonld';
const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
];
const SELECTOR_TYPES = [
  'FragmentSelector',
  'CssSelector',
  'XPathSelector',
  'TextQuoteSelector',
  'TextPositionSelector',
  'DataPositionSelector',
  'SvgSelector',
  'RangeSelector',
];

/** RFC 3986 URI: a scheme, then only URI characters, every `%` starting an escape. */
function isUri(v: unknown): boolean {
  return (
    typeof v === 'string' &&
    /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/.test(v) &&
    !/%(?![0-9A-Fa-f]{2})/.test(v)
  );
}

/** RFC 3339 date-time that names a real instant (the JSON Schema `date-time` format). */
function isDateTime(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/i.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days && h <= 23 && mi <= 59 && s <= 60;
}

/** One value or a one-item array of it (the suite's `arraySingle…` shapes). */
function single(v: unknown, ok: (x: unknown) => boolean): boolean {
  return ok(v) || (Array.isArray(v) && v.length === 1 && ok(v[0]));
}

function many(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

function hasType(o: unknown, type: string): boolean {
  if (o === null || typeof o !== 'object') return false;
  const t = (o as Json).type;
  return t === type || (Array.isArray(t) && t.includes(type));
}

function contextOk(v: unknown): boolean {
  return v === ANNO || (Array.isArray(v) && v.includes(ANNO));
}

function nonNegativeInteger(v: unknown): boolean {
  return single(v, (x) => Number.isInteger(x) && (x as number) >= 0);
}

/** The failed assertions for one selector value. */
function selectorFailures(sel: unknown): string[] {
  if (isUri(sel)) return [];
  const o = sel as Json;
  if (o === null || typeof o !== 'object' || typeof o.type !== 'string' || !SELECTOR_TYPES.includes(o.type))
    return ['4.2-selectorValidIfPresent'];
  const out: string[] = [];
  if (o.type === 'TextQuoteSelector' && typeof o.exact !== 'string') out.push('4.2.4-textQuoteSelectorValid');
  if (
    o.type === 'TextQuoteSelector' &&
    (('prefix' in o && typeof o.prefix !== 'string') || ('suffix' in o && typeof o.suffix !== 'string'))
  )
    out.push('4.2.4-textQuoteSelectorValid');
  if (
    (o.type === 'TextPositionSelector' || o.type === 'DataPositionSelector') &&
    !(nonNegativeInteger(o.start) && nonNegativeInteger(o.end))
  )
    out.push('4.2-TextDataPositionSelectorValid');
  return out;
}

/** The failed MUST assertions of one annotation, as the suite checks an annotation pasted on its own. */
function annotationFailures(a: Json): string[] {
  const out: string[] = [];
  if (!contextOk(a['@context'])) out.push('3.1-annotationContextValidated');
  if (!single(a.id, isUri)) out.push('3.1-annotationIdValidated');
  if (!hasType(a, 'Annotation')) out.push('3.1-annotationTypeValidated');
  if (!('target' in a)) out.push('3.1-targetKeyFound');
  if ('body' in a && 'bodyValue' in a) out.push('3.2.5-notBodyBodyValue');
  for (const key of ['created', 'modified', 'generated'])
    if (key in a && !single(a[key], isDateTime))
      out.push(`3.3.1-annotation${key[0].toUpperCase()}${key.slice(1)}Validated`);
  for (const key of ['rights', 'canonical', 'via'])
    if (key in a && !many(a[key]).every(isUri)) out.push(`3.3.x-annotation-${key}Validated`);
  if ('motivation' in a && !many(a.motivation).every((m) => MOTIVATIONS.includes(m as string)))
    out.push('3.3.5-motivationRecognized');
  // Bodies: a TextualBody has exactly one string value; purpose from the model's list; one format, one language.
  for (const body of 'body' in a ? many(a.body) : []) {
    if (isUri(body)) continue;
    const b = body as Json;
    if (hasType(b, 'TextualBody') && typeof b.value !== 'string') out.push('3.2.4-textualBodyValue');
    if ('purpose' in b && !many(b.purpose).every((p) => MOTIVATIONS.includes(p as string))) out.push('3.3.5-purpose');
    if ('format' in b && !single(b.format, (x) => typeof x === 'string')) out.push('3.2.1-bodySingleFormat');
    if ('language' in b && !single(b.language, (x) => typeof x === 'string')) out.push('3.2.1-bodySingleLanguage');
  }
  // Targets: a URI, or an object (a specific resource with one source URI, or an external resource with an id).
  let styleClass = false;
  for (const target of many(a.target)) {
    if (isUri(target)) continue;
    const t = target as Json;
    if (t === null || typeof t !== 'object') {
      out.push('3.2-targetObjectsRecognized');
      continue;
    }
    if ('source' in t ? !single(t.source, isUri) : !single(t.id, isUri)) out.push('3.2-targetObjectsRecognized');
    if ('selector' in t) {
      const list = many(t.selector);
      if (list.length === 0) out.push('4.2-selectorValidIfPresent');
      for (const sel of list) out.push(...selectorFailures(sel));
    }
    if ('styleClass' in t) {
      styleClass = true;
      if (!many(t.styleClass).every((c) => typeof c === 'string')) out.push('4.4-styleClassValidIfPresent');
    }
  }
  if (styleClass && !('stylesheet' in a)) out.push('4.4-styleClassValidIfPresent');
  if ('stylesheet' in a && !isUri(a.stylesheet)) {
    const s = a.stylesheet as Json;
    if (!hasType(s, 'CssStylesheet') || 'id' in s === 'value' in s) out.push('4.4-stylesheetValueDefinition');
  }
  return out;
}

/** The failed MUST assertions of the collection and its embedded page. */
function collectionFailures(c: Json): string[] {
  const out: string[] = [];
  if (!contextOk(c['@context'])) out.push('5.1-collectionContextValidated');
  if (!single(c.id, isUri)) out.push('5.1-collectionIdValidated');
  if (!hasType(c, 'AnnotationCollection')) out.push('5.1-collectionTypeValidated');
  if (
    'label' in c &&
    !(
      typeof c.label === 'string' ||
      (Array.isArray(c.label) && c.label.length > 0 && c.label.every((l) => typeof l === 'string'))
    )
  )
    out.push('5.1-collectionLabelValidated');
  if ('total' in c && !nonNegativeInteger(c.total)) out.push('5.1-collectionTotalValidated');
  if ((c.total as number) > 0 && !('first' in c)) out.push('5.1-collectionFirstValidated');
  if ('last' in c && !single(c.last, isUri)) out.push('5.1-collectionLastValidated');
  for (const key of ['created', 'modified'])
    if (key in c && !single(c[key], isDateTime)) out.push(`3.3.1-collection-${key}Validated`);
  const first = c.first;
  if (!isUri(first) && !hasType(first, 'AnnotationPage')) out.push('5.1-collectionFirstValidated');
  if (first !== null && typeof first === 'object') {
    const p = first as Json;
    if (!single(p.id, isUri)) out.push('5.2-pageIdValidated');
    if (!hasType(p, 'AnnotationPage')) out.push('5.2-pageTypeValidated');
    if (!Array.isArray(p.items) || !p.items.every((i) => isUri(i) || hasType(i, 'Annotation')))
      out.push('5.2-pageItemsValidated');
    if ('startIndex' in p && !nonNegativeInteger(p.startIndex)) out.push('5.2-pageStartIndexValidated');
    if ('partOf' in p && !(single(p.partOf, isUri) || single((p.partOf as Json).id, isUri)))
      out.push('5.2-pagePartOfValidated');
    for (const key of ['next', 'prev']) if (key in p && !single(p[key], isUri)) out.push(`5.2-page-${key}Validated`);
    if (p.partOf !== undefined && p.partOf !== c.id) out.push('5.2-pagePartOf names its collection');
  }
  return out;
}

/** Seeds with annotations of every shape, plus a source URL that is not ASCII and a note typed on Windows. */
function library(): ExportItem[] {
  const a = noticeA();
  const windows = annotate(a.notice, '严防发生聚集性疫情和安全问题', {
    id: uuid('a', 90),
    colour: 'green',
    note: '第一行\r\n第二行\r第三行',
    tags: ['跨行\r\n标签'],
    section: '一、（二）',
  });
  const b = noticeB();
  const unicodeUrl = {
    ...b,
    notice: { ...b.notice, metadata: { ...b.notice.metadata, url: 'https://www.gov.cn/政策/通知 2019.htm' } },
  };
  return [{ ...a, annotations: [...a.annotations, windows] }, unicodeUrl, noticeHostile()];
}

describe('the export meets every MUST of the W3C suite', () => {
  const json = JSON.parse(toW3CJson(library())) as Json;
  const page = json.first as Json;
  const annotations = page.items as Json[];

  it('every annotation, taken out of the file on its own', () => {
    expect(annotations.length).toBeGreaterThan(10);
    for (const a of annotations)
      expect({ id: a.id, failures: annotationFailures(a) }).toEqual({ id: a.id, failures: [] });
  });

  it('the collection and its page', () => {
    expect(collectionFailures(json)).toEqual([]);
  });

  it('the rules catch what the suite catches: our old structural selector, ids missing, a rolled-over date', () => {
    const a = structuredClone(annotations[0]);
    ((a.target as Json).selector as Json[]).push({ type: 'nl:StructuralKey', 'nl:paragraph': 1 });
    a.created = '2025-02-30T08:00:00Z';
    delete a['@context'];
    expect(annotationFailures(a)).toEqual([
      '3.1-annotationContextValidated',
      '3.3.1-annotationCreatedValidated',
      '4.2-selectorValidIfPresent',
    ]);
    const c = structuredClone(json);
    delete c.id;
    delete (c.first as Json).id;
    delete (c.first as Json).partOf;
    expect(collectionFailures(c)).toEqual(['5.1-collectionIdValidated', '5.2-pageIdValidated']);
  });

  it('ids are derived from the content: the same library gives the same ids, another library other ids', () => {
    const again = toW3C(library());
    expect(again.id).toBe(json.id);
    expect(again.first.id).toBe(page.id);
    expect(again.first.partOf).toBe(json.id);
    const smaller = toW3C(library().slice(0, 2));
    expect(smaller.id).not.toBe(json.id);
    expect(String(json.id)).toMatch(/^urn:notice-lens:collection:[0-9a-f]{16}$/);
  });

  it('the structural key sits on the target under our prefix, declared in the context', () => {
    const target = annotations[0].target as Json;
    expect((target['nl:structure'] as Json[])[0].type).toBe('nl:StructuralKey');
    expect((json['@context'] as unknown[])[1]).toMatchObject({ nl: 'urn:notice-lens:ns#' });
  });
});

describe('round trip', () => {
  it('export → import → export gives the same bytes, Windows line breaks included', () => {
    const first = toW3CJson(library());
    const imported = parseImportFile(first);
    if (!imported.ok) throw new Error(imported.error);
    const byNotice = imported.notices.map((notice) => ({
      notice,
      annotations: imported.annotations.filter((a) => a.noticeId === notice.id),
    }));
    const second = toW3CJson(byNotice);
    expect(second).toBe(first);
    const note = imported.annotations.find((a) => a.id === uuid('a', 90))?.note;
    expect(note).toBe('第一行\n第二行\n第三行');
    expect(imported.strippedControlChars).toBe(0);
  });

  it('keeps each clause location and every deadline through the file', () => {
    const item = noticeA();
    const withPlaces = item.notice.obligations.map((c, i) => ({
      ...c,
      location: i === 0 ? '一、' : null,
      deadlines: c.deadline ? [c.deadline] : [],
    }));
    const notice = { ...item.notice, obligations: withPlaces };
    const result = parseImportFile(toW3CJson([{ notice, annotations: item.annotations }]));
    if (!result.ok) throw new Error(result.error);
    expect(result.notices[0].obligations.map((c) => c.location)).toEqual(withPlaces.map((c) => c.location));
    expect(result.notices[0].obligations.map((c) => c.deadlines)).toEqual(withPlaces.map((c) => c.deadlines));
  });

  it('reads a format 1 file, the structural key inside the selector list', () => {
    const json = JSON.parse(toW3CJson([noticeA()])) as Json;
    json['nl:formatVersion'] = 1;
    for (const a of (json.first as Json).items as Json[]) {
      const target = a.target as Json;
      target.selector = [...(target.selector as Json[]), ...((target['nl:structure'] as Json[] | undefined) ?? [])];
      delete target['nl:structure'];
    }
    const result = fromW3C(json);
    if (!result.ok) throw new Error(result.error);
    expect(result.annotations).toEqual(noticeA().annotations);
  });
});

describe('import refuses a file that contradicts itself, and says where', () => {
  const exported = () => JSON.parse(toW3CJson([noticeA(), noticeB()])) as Json;
  const item = (j: Json, i: number) => ((j.first as Json).items as Json[])[i];
  const cases: Array<[string, (j: Json) => void, string]> = [
    [
      'an impossible date',
      (j) => (item(j, 0).created = '2025-02-30T08:00:00.000Z'),
      '第 1 条批注：created 无效：不是真实存在的时间："2025-02-30T08:00:00.000Z"',
    ],
    [
      'a 25th hour',
      (j) => (item(j, 0).modified = '2025-01-28T24:30:00Z'),
      '第 1 条批注：modified 无效：不是真实存在的时间："2025-01-28T24:30:00Z"',
    ],
    [
      'nl:quote other than the quote selector',
      (j) => (item(j, 0)['nl:quote'] = '另一段话'),
      '第 1 条批注：该项 无效：nl:quote "另一段话" 与 target.selector[0].exact',
    ],
    [
      'a position past the end of the text',
      (j) => {
        const sel = ((item(j, 0).target as Json).selector as Json[])[1];
        sel.start = 900_000;
        sel.end = 900_010;
      },
      '第 1 条批注：target.selector[1].end 无效：900010 超出所属公文正文长度',
    ],
    [
      'clause offsets that do not cut the clause from the text',
      (j) => {
        const clause = ((j['nl:notices'] as Json[])[0].obligations as Json[])[0];
        clause.start = (clause.start as number) + 3;
      },
      '第 1 篇公文：obligations[0] 无效：start–end',
    ],
    [
      'an annotation moved to another notice',
      (j) => {
        const target = item(j, 0).target as Json;
        target['nl:noticeId'] = (j['nl:notices'] as Json[])[1].id;
      },
      '第 1 条批注：target 无效：source ',
    ],
  ];
  for (const [what, corrupt, message] of cases) {
    it(what, () => {
      const json = exported();
      corrupt(json);
      const result = fromW3C(json);
      if (result.ok) throw new Error('expected the import to be refused');
      expect(result.error.startsWith(message)).toBe(true);
    });
  }

  it('an untouched export is taken', () => {
    expect(fromW3C(exported()).ok).toBe(true);
  });
});
