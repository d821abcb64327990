/**
 * W3C Web Annotation export: an `AnnotationCollection` holding the analyst's annotations and, under `nl:`,
 * the notices they belong to, so that importing the file restores the library exactly (see
 * `w3c-vocabulary.ts` for what goes where, `w3c-import.ts` for the reverse).
 */

import type { Annotation, SavedNotice, Selector } from '../types';
import type { ExportItem } from './highlights';
import { COLOUR_FILLS, sourceUrl } from './labels';
import {
  FORMAT_VERSION,
  NOTICE_URN_PREFIX,
  W3C_CONTEXT,
  annotationIri,
  styleClassOf,
  type W3CAnnotation,
  type W3CCollection,
  type W3CSelector,
  type W3CTextualBody,
} from './w3c-vocabulary';

export { fromW3C, parseImportFile, DEFAULT_MAX_IMPORT_BYTES, type ImportResult } from './w3c-import';
export type { ImportErrorCode } from './import-errors';
export { ANNO_CONTEXT, W3C_CONTEXT, type W3CAnnotation, type W3CCollection } from './w3c-vocabulary';

/** Milliseconds since the epoch as an ISO 8601 instant; the importer reads it back to the same integer. */
function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

function toW3CSelector(s: Selector): W3CSelector {
  switch (s.type) {
    case 'TextQuoteSelector':
      return { type: s.type, exact: s.exact, prefix: s.prefix, suffix: s.suffix };
    case 'TextPositionSelector':
      return { type: s.type, start: s.start, end: s.end };
    case 'StructuralKey':
      return {
        type: 'nl:StructuralKey',
        'nl:section': s.section,
        'nl:paragraph': s.paragraph,
        'nl:sentence': s.sentence,
        'nl:offsetInSentence': s.offsetInSentence,
      };
  }
}

function toW3CAnnotation(a: Annotation, notice: SavedNotice): W3CAnnotation {
  const body: W3CTextualBody[] = [];
  // An empty note is no note: the annotation is then a plain highlight with no commenting body.
  if (a.note !== '') {
    body.push({ type: 'TextualBody', value: a.note, purpose: 'commenting', format: 'text/plain', language: 'zh' });
  }
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const source = sourceUrl(notice.metadata, notice.urls) ?? `${NOTICE_URN_PREFIX}${encodeURI(a.noticeId)}`;
  const styleClass = styleClassOf(a.colour);
  return {
    id: annotationIri(a.id),
    type: 'Annotation',
    motivation: a.note !== '' ? 'commenting' : 'highlighting',
    created: isoTime(a.createdAt),
    modified: isoTime(a.updatedAt),
    ...(a.deletedAt !== null ? { 'nl:deletedAt': isoTime(a.deletedAt) } : {}),
    'nl:quote': a.quote,
    ...(body.length > 0 ? { body } : {}),
    stylesheet: { type: 'CssStylesheet', value: `.${styleClass} { background-color: #${COLOUR_FILLS[a.colour]}; }` },
    target: {
      type: 'SpecificResource',
      source,
      styleClass,
      'nl:noticeId': a.noticeId,
      selector: a.selectors.map(toW3CSelector),
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
      quoted: c.quoted,
      heading: c.heading,
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
  return {
    '@context': W3C_CONTEXT,
    type: 'AnnotationCollection',
    label: '公文透镜批注导出',
    total: annotationItems.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: annotationItems },
    'nl:formatVersion': FORMAT_VERSION,
    'nl:notices': [...notices.values()].map(noticeRecord),
  };
}

/** The collection as JSON text, pretty-printed (people open backups in editors). */
export function toW3CJson(items: ExportItem[]): string {
  return `${JSON.stringify(toW3C(items), null, 2)}\n`;
}
