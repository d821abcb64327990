/**
 * The JSON-LD vocabulary of our W3C Web Annotation files (https://www.w3.org/TR/annotation-model/), shared by
 * the exporter and the importer.
 *
 * Standard terms carry everything a generic W3C tool understands: the note is a `commenting` TextualBody,
 * each tag a `tagging` TextualBody, the colour a CSS class on the target (the model's own styling mechanism,
 * `stylesheet` + `styleClass`, §4.4), the quote and position as TextQuoteSelector and TextPositionSelector.
 * What W3C has no term for lives under the `nl:` prefix, declared in the file's `@context`:
 * `nl:StructuralKey` selectors, `nl:noticeId` on each target, `nl:quote` and `nl:deletedAt` on annotations,
 * and the notices themselves as a JSON literal (`@type: @json`) in `nl:notices` on the collection.
 */

import type { AnnotationColour, SavedNotice } from '../types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const NL_NAMESPACE = 'urn:notice-lens:ns#';
export const W3C_CONTEXT = [ANNO_CONTEXT, { nl: NL_NAMESPACE, 'nl:notices': { '@type': '@json' } }] as const;

/** Bumped when a file written by this version could not be read correctly by an older one. */
export const FORMAT_VERSION = 1;

/** Target `source` for a notice the analyst read without a URL (a pasted text, a local file). */
export const NOTICE_URN_PREFIX = 'urn:notice-lens:';
/** Annotation ids that are not UUIDs (never made by us, but possible in older or hand-made data). */
export const ANNOTATION_URN_PREFIX = 'urn:notice-lens:annotation:';
export const UUID_URN_PREFIX = 'urn:uuid:';
export const STYLE_CLASS_PREFIX = 'nl-';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An annotation id as an IRI: `urn:uuid:<id>` for UUIDs, otherwise our own URN with the id percent-encoded. */
export function annotationIri(id: string): string {
  return UUID.test(id) ? `${UUID_URN_PREFIX}${id}` : `${ANNOTATION_URN_PREFIX}${encodeURIComponent(id)}`;
}

export interface W3CTextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
  language?: string;
}

export interface W3CStructuralKey {
  type: 'nl:StructuralKey';
  'nl:section': string | null;
  'nl:paragraph': number;
  'nl:sentence': number;
  'nl:offsetInSentence': number;
}

export type W3CSelector =
  | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
  | { type: 'TextPositionSelector'; start: number; end: number }
  | W3CStructuralKey;

export interface W3CAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  'nl:deletedAt'?: string;
  'nl:quote': string;
  body?: W3CTextualBody[];
  stylesheet: { type: 'CssStylesheet'; value: string };
  target: {
    type: 'SpecificResource';
    source: string;
    styleClass: string;
    'nl:noticeId': string;
    selector: W3CSelector[];
  };
}

export interface W3CCollection {
  '@context': typeof W3C_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: W3CAnnotation[] };
  'nl:formatVersion': typeof FORMAT_VERSION;
  /** Every notice the annotations refer to, plus notices exported without annotations. */
  'nl:notices': SavedNotice[];
}

export function styleClassOf(colour: AnnotationColour): string {
  return `${STYLE_CLASS_PREFIX}${colour}`;
}
