/**
 * The engine's vocabulary: one type per concept, defined once and used by every stage,
 * the command-line analyser, the content script and the extension pages.
 *
 * Offsets are UTF-16 code units into `NoticeAnalysis.text` (the normalised text), like
 * JavaScript strings and Hypothesis: `text.slice(start, end)` is the span.
 */

export type Site = 'pkulaw' | 'govcn' | 'npc' | 'generic' | 'text';

export type ObligationCategory = 'obligation' | 'prohibition' | 'permission' | 'encouragement' | 'accountability';

export const OBLIGATION_CATEGORIES: readonly ObligationCategory[] = [
  'obligation',
  'prohibition',
  'permission',
  'encouragement',
  'accountability',
];

export type Strength = 'hard' | 'soft';

export interface NoticeMetadata {
  title: string | null;
  /** 文种 of the document itself: 通知, 意见, 办法, 公告 … (for 关于印发《办法》的通知 it is 通知). */
  docType: string | null;
  /** 发文字号 as printed: 国发〔2019〕5号, 国家质量监督检验检疫总局令第156号, 财政部公告2009年第123号. */
  docNumber: string | null;
  /** 发文机关 / 制定机关, one entry per agency. */
  issuers: string[];
  /** 主送机关, one entry per addressee group as printed (split at ，and 、 only between groups). */
  addressees: string[];
  /** ISO dates YYYY-MM-DD. */
  signedDate: string | null;
  publishedDate: string | null;
  effectiveDate: string | null;
  /** 时效性: 现行有效, 失效, 已被修改, 部分失效, 尚未生效 … */
  validity: string | null;
  /** 效力级别 / 效力位阶: 法律, 行政法规, 部门规章, 地方规范性文件 … */
  level: string | null;
  /** 法宝引证码, e.g. CLI.12.7186154 */
  citationCode: string | null;
  url: string | null;
}

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

export interface OutlineItem {
  /** 1 = 第X编/第X章 or 一、; deeper levels count up. Levels are relative within a document. */
  level: number;
  /** The numbering as printed: 一、 （一） 1. （1） 第三条 第二章 */
  label: string;
  /** The heading's own words after the label, up to the first sentence end (may be empty for 第X条). */
  title: string;
  /** Offset of the label's first character in the text. */
  start: number;
}

export interface Deadline {
  /** Copied exactly from the text: 2019年4月底前, 3个工作日内, 每月5日前 */
  text: string;
  type: 'date' | 'relative' | 'recurring';
  /** ISO date when the deadline is absolute and resolvable, else null. */
  iso: string | null;
}

export interface Bearer {
  text: string;
  /** explicit: named in the clause; inherited: from an earlier clause, list intro or heading; addressee: the 主送机关. */
  source: 'explicit' | 'inherited' | 'addressee';
}

export interface Clause {
  /** Most important category first; `category === categories[0]`. */
  category: ObligationCategory;
  categories: ObligationCategory[];
  strength: Strength;
  start: number;
  end: number;
  text: string;
  /** The trigger word that decided the category, as printed (应当, 不得, 要, 鼓励, 严肃问责 …). */
  trigger: string;
  bearer: Bearer | null;
  deadline: Deadline | null;
  /** Reported speech of someone else (总书记强调…, 会议指出…, a news lead's 《意见》指出…). */
  quoted: boolean;
  /** Heading line (一、提高政治站位，坚决扛起…) rather than body text. */
  heading: boolean;
  /** 0..1; clauses below HIGHLIGHT_THRESHOLD are not reported. */
  score: number;
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
 * Keys are the labels with all whitespace, U+3000 and a trailing ：/: removed (`标　　题：` → `标题`);
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

/* ----- Annotations (W3C Web Annotation selectors plus our structural key) ----- */

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Offsets in UTF-16 code units into the notice's normalised text (not code points; see annotation.md §1). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Where a span sits in the notice's structure: steadier than XPath on government CMS pages. */
export interface StructuralKey {
  type: 'StructuralKey';
  /** Outline path such as `二/（三）` or `第十二条`; null before the first heading. */
  section: string | null;
  paragraph: number;
  sentence: number;
  offsetInSentence: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector | StructuralKey;

export const ANNOTATION_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type AnnotationColour = (typeof ANNOTATION_COLOURS)[number];

/** One highlight or note made by the analyst. */
export interface Annotation {
  /** Random UUID made where the analyst acted; the same id is used for retries, so a retried save never doubles. */
  id: string;
  noticeId: string;
  colour: AnnotationColour;
  note: string;
  tags: string[];
  selectors: Selector[];
  /** The exact quote at the time of saving (also in the TextQuoteSelector), for lists and exports. */
  quote: string;
  createdAt: number;
  updatedAt: number;
  /** Set when deleted: kept for undo until purged. */
  deletedAt: number | null;
}

/** A notice in the analyst's library: the analysis snapshot, so it can be read, compared and exported offline. */
export interface SavedNotice {
  /** Stable identity: `cite:<法宝引证码>`, `num:<发文机关>|<发文字号>`, or `url:<canonical URL>`. */
  id: string;
  urls: string[];
  metadata: NoticeMetadata;
  text: string;
  outline: OutlineItem[];
  obligations: Clause[];
  site: Site;
  /** true when the analyst saved it to the library (annotating alone also keeps a record, unsaved). */
  saved: boolean;
  tags: string[];
  createdAt: number;
  updatedAt: number;
}
