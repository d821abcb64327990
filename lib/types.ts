/**
 * The engine's vocabulary: one type per concept, defined once and used by every stage,
 * the command-line analyser, the content script and the extension pages.
 *
 * Offsets are UTF-16 code units into `NoticeAnalysis.text` (the normalised text), like
 * JavaScript strings and Hypothesis: `text.slice(start, end)` is the span.
 */

export {
  ANNOTATION_COLOURS,
  BEARER_SOURCES,
  DEADLINE_TYPES,
  OBLIGATION_CATEGORIES,
  SITES,
  STRENGTHS,
  type AnnotationColour,
  type ObligationCategory,
  type Site,
  type Strength,
} from './schema/enums';
/*
 * The stored shapes are defined once, as schemas, in lib/schema (notice.ts, annotation.ts): the types are
 * inferred from them, so what is checked and what is typed cannot drift apart.
 * NoticeMetadata: title, 文种 (docType), 发文字号 as printed (docNumber), 发文机关 one entry per agency
 * (issuers), 主送机关 one entry per addressee group (addressees), ISO dates YYYY-MM-DD, 时效性 (validity),
 * 效力级别 (level), 法宝引证码 (citationCode), url.
 * OutlineItem: level (1 = 第X编/第X章 or 一、, relative within a document), label (the numbering as printed),
 * title (the heading's words after the label, may be empty), start (offset of the label).
 * Clause: most important category first (`category === categories[0]`), the trigger word as printed, the
 * bearer and deadline, quoted (reported speech), heading (a heading line), score 0..1.
 */
export type { Bearer, Clause, Deadline, NoticeMetadata, OutlineItem, SavedNotice } from './schema/notice';
export type { Annotation, Selector, StructuralKey, TextPositionSelector, TextQuoteSelector } from './schema/annotation';

import type { NoticeMetadata, OutlineItem, Clause } from './schema/notice';
import type { Site } from './schema/enums';

/** Metadata with nothing stated: every field null or empty (a page not yet read, a test's starting point). */
export function emptyMetadata(overrides: Partial<NoticeMetadata> = {}): NoticeMetadata {
  return {
    title: null,
    docType: null,
    docNumber: null,
    issuers: [],
    addressees: [],
    signedDate: null,
    publishedDate: null,
    effectiveDate: null,
    validity: null,
    level: null,
    citationCode: null,
    url: null,
    ...overrides,
  };
}

export interface NoticeAnalysis {
  isNotice: boolean;
  confidence: number;
  site: Site;
  metadata: NoticeMetadata;
  text: string;
  outline: OutlineItem[];
  obligations: Clause[];
  /** Why the detector decided as it did: signal names with their points, for the panel and for debugging. */
  signals: DetectionSignal[];
}

export interface DetectionSignal {
  name: string;
  points: number;
}

/** The result of every public engine entry point: a value or a clear, user-facing error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * A labelled metadata block as the page prints it (pkulaw `.fields`, gov.cn `table.bd1`,
 * `.policyLibraryOverview_header`, 信息公开 tables, flk `#zdjg`…), or a pkulaw TXT/API record.
 * Keys are the labels with all whitespace, U+3000 and a trailing ：/: removed (`标\u3000\u3000题：` → `标题`);
 * values are trimmed text (may be empty: gov.cn prints an empty 发文字号 cell).
 */
export type LabelledFields = Record<string, string>;

/** What a site adapter (or the generic extractor) found on a page, before any text analysis. */
export interface ExtractedPage {
  site: Site;
  /** Elements whose text is the document body, in order (usually one). Empty when the page has no body yet. */
  roots: Element[];
  /** Elements and subtrees inside the roots to leave out of the text (noise, duplicated copies, widgets). */
  skip: (el: Element) => boolean;
  labelled: LabelledFields;
  /** Title as the page states it (metadata block, h1/h2, `<title>` with site suffixes stripped), or null. */
  title: string | null;
  url: string | null;
  /** Page-level negative evidence the body text cannot show. */
  pageSignals: {
    /** Dated list links (`li > a` with a date), `相关结果：约`, pagination: a list or search page. */
    listPage: boolean;
    /** The body is still empty and the page fills it in by script (flk.npc.gov.cn detail shell). */
    pending: boolean;
  };
  /**
   * Set when only the Readability fallback could find the body here and the host has not provided it yet
   * (`provideReadability`): the content script loads it and reads the page again.
   */
  readabilityWanted?: boolean;
}
