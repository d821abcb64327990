/**
 * The JSON-LD vocabulary of our W3C Web Annotation files (https://www.w3.org/TR/annotation-model/), shared by
 * the exporter and the importer.
 *
 * Standard terms carry everything a generic W3C tool understands: the note is a `commenting` TextualBody,
 * each tag a `tagging` TextualBody, the colour a CSS class on the target (the model's own styling mechanism,
 * `stylesheet` + `styleClass`, §4.4), the quote and position as TextQuoteSelector and TextPositionSelector.
 * What W3C has no term for lives under the `nl:` prefix, declared in the file's `@context`: the structural
 * key as `nl:structure` on the target (beside the selector list, never in it: W3C allows only its own
 * selector types there, §4.2), `nl:noticeId` on each target, `nl:quote` and `nl:deletedAt` on annotations,
 * and the notices themselves as a JSON literal (`@type: @json`) in `nl:notices` on the collection.
 *
 * Each annotation repeats the annotation context, so one copied out of the file stands alone as a valid
 * W3C annotation. The collection and its page carry ids derived from their content (`collectionIri`):
 * the same library gives the same file, byte for byte.
 */

import type { AnnotationColour, SavedNotice } from '../types';
import { sourceUrl } from './labels';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const NL_NAMESPACE = 'urn:notice-lens:ns#';
export const W3C_CONTEXT = [ANNO_CONTEXT, { nl: NL_NAMESPACE, 'nl:notices': { '@type': '@json' } }] as const;

/**
 * Bumped when a file written by this version could not be read correctly by an older one. Version 2 moved
 * the structural key out of the selector list (`nl:structure`); version 1 files are still read.
 */
export const FORMAT_VERSION = 2;

/** Target `source` for a notice the analyst read without a URL (a pasted text, a local file). */
export const NOTICE_URN_PREFIX = 'urn:notice-lens:';
/** Annotation ids that are not UUIDs (never made by us, but possible in older or hand-made data). */
export const ANNOTATION_URN_PREFIX = 'urn:notice-lens:annotation:';
export const UUID_URN_PREFIX = 'urn:uuid:';
export const STYLE_CLASS_PREFIX = 'nl-';
/** Ids of the collection and its single page: `urn:notice-lens:collection:<hash of the content>`. */
export const COLLECTION_URN_PREFIX = 'urn:notice-lens:collection:';

/** The collection's id from a hash of everything it holds; its page is `<collection id>:page:1`. */
export function collectionIri(contentHash: string): string {
  return `${COLLECTION_URN_PREFIX}${contentHash}`;
}

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

/** The selectors W3C defines that we write; the structural key is not one of them. */
export type W3CSelector =
  | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
  | { type: 'TextPositionSelector'; start: number; end: number };

export interface W3CAnnotation {
  '@context': typeof ANNO_CONTEXT;
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
    /** Where the span sits in the notice's structure (absent when the annotation has no structural key). */
    'nl:structure'?: W3CStructuralKey[];
  };
}

export interface W3CPage {
  id: string;
  type: 'AnnotationPage';
  partOf: string;
  startIndex: 0;
  items: W3CAnnotation[];
}

export interface W3CCollection {
  '@context': typeof W3C_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: W3CPage;
  'nl:formatVersion': typeof FORMAT_VERSION;
  /** Every notice the annotations refer to, plus notices exported without annotations. */
  'nl:notices': SavedNotice[];
}

/**
 * The target's `source`: the notice's link when it is an absolute URI (non-ASCII percent-encoded, as W3C's
 * `format: uri` wants), else `urn:notice-lens:<notice id>`. The importer recomputes it from the notice the
 * annotation names and refuses a file where the two disagree (an annotation moved to another notice).
 */
export function targetSource(notice: Pick<SavedNotice, 'id' | 'metadata' | 'urls'>): string {
  const url = sourceUrl(notice.metadata, notice.urls);
  if (url !== null) {
    try {
      const parsed = new URL(url.trim());
      if (/^(https?|file):$/.test(parsed.protocol)) return parsed.href;
    } catch {
      // not a URL: fall through to our own URN
    }
  }
  return `${NOTICE_URN_PREFIX}${encodeURI(notice.id).replace(/[[\]]/g, encodeURIComponent)}`;
}

export function styleClassOf(colour: AnnotationColour): string {
  return `${STYLE_CLASS_PREFIX}${colour}`;
}
