/**
 * W3C Web Annotation export: an `AnnotationCollection` holding the analyst's annotations and, under `nl:`,
 * the notices they belong to, so that importing the file restores the library exactly (see
 * `w3c-vocabulary.ts` for what goes where, `w3c-import.ts` for the reverse).
 */

import { hash64 } from '../identity';
import type { Annotation, SavedNotice, Selector } from '../types';
import type { ExportItem } from './highlights';
import { COLOUR_FILLS } from './labels';
import {
  ANNO_CONTEXT,
  FORMAT_VERSION,
  W3C_CONTEXT,
  annotationIri,
  collectionIri,
  styleClassOf,
  targetSource,
  type W3CAnnotation,
  type W3CCollection,
  type W3CSelector,
  type W3CStructuralKey,
  type W3CTextualBody,
} from './w3c-vocabulary';

export { fromW3C, parseImportFile, DEFAULT_MAX_IMPORT_BYTES, type ImportResult } from './w3c-import';
export type { ImportErrorCode } from './import-errors';
export { ANNO_CONTEXT, W3C_CONTEXT, type W3CAnnotation, type W3CCollection } from './w3c-vocabulary';

/** Milliseconds since the epoch as an ISO 8601 instant; the importer reads it back to the same integer. */
function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Line breaks as \n only: a note typed on Windows reads back, and exports again, byte for byte the same. */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * The annotation's W3C selectors, in stored order. A position past the end of the notice's text (left by an
 * older snapshot of the notice) points nowhere in this file and is left out; the quote still places it.
 */
function w3cSelectors(selectors: readonly Selector[], textLength: number): W3CSelector[] {
  const out: W3CSelector[] = [];
  for (const s of selectors) {
    if (s.type === 'TextQuoteSelector') out.push({ type: s.type, exact: s.exact, prefix: s.prefix, suffix: s.suffix });
    else if (s.type === 'TextPositionSelector' && s.end <= textLength)
      out.push({ type: s.type, start: s.start, end: s.end });
  }
  return out;
}

function structuralKeys(selectors: readonly Selector[]): W3CStructuralKey[] {
  return selectors.flatMap((s) =>
    s.type === 'StructuralKey'
      ? [
          {
            type: 'nl:StructuralKey' as const,
            'nl:section': s.section,
            'nl:paragraph': s.paragraph,
            'nl:sentence': s.sentence,
            'nl:offsetInSentence': s.offsetInSentence,
          },
        ]
      : [],
  );
}

function toW3CAnnotation(a: Annotation, notice: SavedNotice): W3CAnnotation {
  const body: W3CTextualBody[] = [];
  const note = normaliseLineEnds(a.note);
  // An empty note is no note: the annotation is then a plain highlight with no commenting body.
  if (note !== '') {
    body.push({ type: 'TextualBody', value: note, purpose: 'commenting', format: 'text/plain', language: 'zh' });
  }
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: normaliseLineEnds(tag), purpose: 'tagging' });
  const styleClass = styleClassOf(a.colour);
  const structure = structuralKeys(a.selectors);
  return {
    '@context': ANNO_CONTEXT,
    id: annotationIri(a.id),
    type: 'Annotation',
    motivation: note !== '' ? 'commenting' : 'highlighting',
    created: isoTime(a.createdAt),
    modified: isoTime(a.updatedAt),
    ...(a.deletedAt !== null ? { 'nl:deletedAt': isoTime(a.deletedAt) } : {}),
    'nl:quote': a.quote,
    ...(body.length > 0 ? { body } : {}),
    stylesheet: { type: 'CssStylesheet', value: `.${styleClass} { background-color: #${COLOUR_FILLS[a.colour]}; }` },
    target: {
      type: 'SpecificResource',
      source: targetSource(notice),
      styleClass,
      'nl:noticeId': a.noticeId,
      selector: w3cSelectors(a.selectors, notice.text.length),
      ...(structure.length > 0 ? { 'nl:structure': structure } : {}),
    },
  };
}

/**
 * A copy of the notice with exactly the SavedNotice fields, so nothing a storage layer attached at run
 * time (Dexie keys, caches) leaks into the file.
 */
function noticeRecord(n: SavedNotice): SavedNotice {
  const m = n.metadata;
  return {
    id: n.id,
    urls: [...n.urls],
    metadata: {
      title: m.title,
      docType: m.docType,
      docNumber: m.docNumber,
      issuers: [...m.issuers],
      addressees: [...m.addressees],
      signedDate: m.signedDate,
      publishedDate: m.publishedDate,
      effectiveDate: m.effectiveDate,
      validity: m.validity,
      level: m.level,
      citationCode: m.citationCode,
      url: m.url,
    },
    text: n.text,
    outline: n.outline.map((o) => ({ level: o.level, label: o.label, title: o.title, start: o.start })),
    obligations: n.obligations.map((c) => ({
      category: c.category,
      categories: [...c.categories],
      strength: c.strength,
      start: c.start,
      end: c.end,
      text: c.text,
      trigger: c.trigger,
      bearer: c.bearer ? { text: c.bearer.text, source: c.bearer.source } : null,
      deadline: c.deadline ? { text: c.deadline.text, type: c.deadline.type, iso: c.deadline.iso } : null,
      // Optional fields stay absent when absent, so a file read and written again is the same file.
      ...(c.deadlines !== undefined
        ? { deadlines: c.deadlines.map((d) => ({ text: d.text, type: d.type, iso: d.iso })) }
        : {}),
      quoted: c.quoted,
      heading: c.heading,
      ...(c.location !== undefined ? { location: c.location } : {}),
      score: c.score,
    })),
    site: n.site,
    saved: n.saved,
    tags: [...n.tags],
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  };
}

/**
 * The items as one W3C AnnotationCollection, deleted annotations included (with `nl:deletedAt`), so a
 * backup restores undo state too. A notice listed twice is written once and an annotation id seen twice is
 * written once (the first occurrence wins), so every file we write can be imported again; an annotation
 * whose notice is not among the items throws, for the same reason.
 */
export function toW3C(items: ExportItem[]): W3CCollection {
  const notices = new Map<string, SavedNotice>();
  const annotations = new Map<string, Annotation>();
  for (const { notice, annotations: list } of items) {
    if (!notices.has(notice.id)) notices.set(notice.id, notice);
    for (const a of list) if (!annotations.has(a.id)) annotations.set(a.id, a);
  }
  const annotationItems = [...annotations.values()].map((a) => {
    const notice = notices.get(a.noticeId);
    // A caller bug, not a data problem: the file would be refused on import, so refuse to write it.
    if (!notice) throw new Error(`annotation ${a.id} belongs to notice ${a.noticeId}, which is not being exported`);
    return toW3CAnnotation(a, notice);
  });
  const noticeRecords = [...notices.values()].map(noticeRecord);
  // The ids come from the content: the same library exports to the same bytes, and two different
  // exports never share an id.
  const id = collectionIri(hash64(JSON.stringify([FORMAT_VERSION, annotationItems, noticeRecords])));
  return {
    '@context': W3C_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: '公文透镜批注导出',
    total: annotationItems.length,
    first: { id: `${id}:page:1`, type: 'AnnotationPage', partOf: id, startIndex: 0, items: annotationItems },
    'nl:formatVersion': FORMAT_VERSION,
    'nl:notices': noticeRecords,
  };
}

/** The collection as JSON text, pretty-printed (people open backups in editors). */
export function toW3CJson(items: ExportItem[]): string {
  return `${JSON.stringify(toW3C(items), null, 2)}\n`;
}
