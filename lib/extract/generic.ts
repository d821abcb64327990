/**
 * Any other site: provincial, city, county and party sites, reposts, news.
 *
 * Cheap first, expensive second: known CMS body containers (by selector, then jcms comment markers), then
 * a one-pass text-density score, and only when both find nothing, @mozilla/readability on a clone.
 * Metadata comes from 信息公开 label tables and lines, and from the page's metas.
 */

import type { ExtractedPage, LabelledFields, Site } from '../types';
import {
  ELEMENT_NODE,
  NON_TEXT_TAGS,
  TEXT_NODE,
  boundedText,
  countHan,
  distinctRoots,
  hanCounts,
  isWithin,
  pageRoot,
  queryAll,
  readMetas,
  tagOf,
} from './dom';
import { countTableLabels, readLabelTable, readLabelTexts, readMetaLabels } from './labels';
import { LIST_MIN_DATED_ITEMS, isListPage } from './list-page';
import { readabilityProvided, readabilityRoots } from './readability-roots';
import { anySkip, isChrome, makeSkip, markLinkLists } from './skip';
import { type PageSurvey, surveyPage } from './survey';
import { titleFromPage } from './title';

/**
 * Body containers of Chinese government CMSs (LonelyQuantum/CovidPolicy_Spider selector settings, 25
 * cities) plus a few common ones: TRS (`.TRS_Editor`, `#UCAP-CONTENT`), VSB university/party sites
 * (`#vsb_content`, `.v_news_content`), WeChat reposts (`#js_content`).
 */
export const BODY_CONTAINERS = [
  '.TRS_Editor',
  '.trs_editor_view',
  '#zoom',
  '#Zoom',
  '#zoomcon',
  '#ivs_content',
  '.my_doccontent',
  '#info_content',
  '.pages_content',
  '.article-content',
  '.xl_content',
  '.detail-content',
  '.news_cont_d_wrap',
  '#conN',
  '#UCAP-CONTENT',
  '#vsb_content',
  '.v_news_content',
  '#js_content',
].join(', ');

/** Tables examined as possible metadata blocks (layout-table pages have hundreds). */
const MAX_LABEL_TABLES = 300;
/** A container needs this much Han text to be taken as the body. */
const MIN_CONTAINER_HAN = 50;
/** A container nested in the chosen one replaces it when it holds this share of the Han text. */
const INNER_SHARE = 0.85;
/** The density winner needs this score (≈ Han characters of paragraphs) to be taken as the body. */
const MIN_DENSITY_SCORE = 100;

/** The known container with the most Han text, narrowed to a nested container holding nearly all of it. */
function containerBody(doc: Document): Element | null {
  const scored = queryAll(doc, BODY_CONTAINERS)
    .map((el) => ({ el, han: hanCounts(el).text }))
    .filter((c) => c.han >= MIN_CONTAINER_HAN)
    .sort((a, b) => b.han - a.han);
  if (scored.length === 0) return null;
  let best = scored[0];
  for (let narrowed = true; narrowed;) {
    narrowed = false;
    for (const c of scored) {
      if (c.el !== best.el && isWithin(c.el, best.el) && c.han >= INNER_SHARE * best.han) {
        best = c;
        narrowed = true;
      }
    }
  }
  return best.el;
}

/** jcms (Zhejiang) wraps the body in `<!--ZJEG_RSS.content.begin-->` … `<!--ZJEG_RSS.content.end-->`. */
function markedBody(begin: Comment | null, end: Comment | null): Element[] {
  if (!begin) return [];
  const parent = begin.parentNode as Element | null;
  if (!parent || parent.nodeType !== ELEMENT_NODE) return [];
  if (end && end.parentNode === parent) {
    const between: Element[] = [];
    let bareText = false;
    for (let n = begin.nextSibling; n && n !== end; n = n.nextSibling) {
      if (n.nodeType === ELEMENT_NODE) between.push(n as Element);
      else if (n.nodeType === TEXT_NODE && countHan((n as Text).data) > 0) bareText = true;
    }
    // Text lying directly between the markers can only be read through the parent.
    if (between.length > 0 && !bareText) return between;
  }
  return [parent];
}

/** Block-level tags: the units text density is measured in. */
const BLOCKS = new Set([
  'DIV',
  'P',
  'TD',
  'TH',
  'LI',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'BODY',
  'BLOCKQUOTE',
  'PRE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'DD',
  'DT',
  'FORM',
  'CENTER',
  'TABLE',
  'UL',
  'OL',
  'DL',
  'TR',
  'TBODY',
]);
/** Paragraph-like blocks credit their container rather than themselves. */
const PARAGRAPHS = new Set(['P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'BLOCKQUOTE', 'DD', 'DT', 'TH']);

/**
 * One pass over the page: each block's own Han text outside links (chrome excluded) is credited to the
 * block that holds the paragraphs (paragraph → parent block in full, grandparent in half; a container with
 * inline text → itself in full, parent in half), as Readability scores candidates. Returns the best block.
 */
function densestBlock(doc: Document): Element | null {
  const start = pageRoot(doc);
  if (!start) return null;
  const own = new Map<Element, { text: number; link: number; parent: Element | null }>();
  const stack: Array<{ node: Node; block: Element | null; inLink: boolean }> = [
    { node: start, block: null, inLink: false },
  ];
  while (stack.length > 0) {
    const { node, block, inLink } = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      if (!block) continue;
      const h = countHan((node as Text).data);
      if (h === 0) continue;
      const o = own.get(block)!;
      if (inLink) o.link += h;
      else o.text += h;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    const tag = tagOf(el);
    if (NON_TEXT_TAGS.has(tag) || isChrome(el)) continue;
    let nextBlock = block;
    if (BLOCKS.has(tag) || !block) {
      own.set(el, { text: 0, link: 0, parent: block });
      nextBlock = el;
    }
    const nowInLink = inLink || tag === 'A';
    const children = el.childNodes;
    for (let c = children.length - 1; c >= 0; c--)
      stack.push({ node: children[c], block: nextBlock, inLink: nowInLink });
  }
  const score = new Map<Element, number>();
  const add = (el: Element | null, points: number) => {
    if (el) score.set(el, (score.get(el) ?? 0) + points);
  };
  for (const [el, o] of own) {
    if (o.text < 8 || o.link > o.text) continue;
    if (PARAGRAPHS.has(tagOf(el))) {
      add(o.parent, o.text);
      add(o.parent ? (own.get(o.parent)?.parent ?? null) : null, o.text / 2);
    } else {
      add(el, o.text);
      add(o.parent, o.text / 2);
    }
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, s] of score) {
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  return best && bestScore >= MIN_DENSITY_SCORE ? best : null;
}

/** 信息公开 tables and lines, then metas for what they did not print. */
function readGenericLabels(doc: Document, survey: PageSurvey): LabelledFields {
  const labelled: LabelledFields = {};
  let tables = 0;
  for (const table of survey.tables) {
    if (++tables > MAX_LABEL_TABLES) break;
    if (countTableLabels(table) >= 2) readLabelTable(table, labelled);
  }
  readLabelTexts(survey.labelTexts, labelled);
  readMetaLabels(readMetas(doc), labelled);
  return labelled;
}

export interface GenericOptions {
  /** The site to report (a pkulaw or gov.cn page without its template falls back to this path). */
  site?: Site;
  /** Allow the Readability fallback (off in the never-throw fallback path). */
  readability?: boolean;
}

export function extractGeneric(doc: Document, url: string | null, options: GenericOptions = {}): ExtractedPage {
  const survey = surveyPage(doc);
  const labelled = readGenericLabels(doc, survey);
  const stats = survey.list;
  const listy = stats.search || stats.pagination || stats.datedItems >= LIST_MIN_DATED_ITEMS;
  const marked = new Set<Element>();
  let roots: Element[] = [];
  let dropped: Set<Element> | null = null;
  let readabilityWanted = false;

  const container = containerBody(doc);
  if (container) roots = [container];
  if (roots.length === 0) roots = markedBody(survey.markerBegin, survey.markerEnd);
  if (roots.length === 0) {
    const dense = densestBlock(doc);
    if (dense) roots = [dense];
  }
  // Readability is the expensive last resort, and pointless on a list page (there is no article).
  if (roots.length === 0 && options.readability !== false && !listy) {
    if (!readabilityProvided()) readabilityWanted = true;
    else {
      try {
        const r = readabilityRoots(doc);
        if (r) {
          roots = r.roots;
          dropped = r.dropped;
        }
      } catch {
        /* Readability failed on this page: fall through to the page root */
      }
    }
  }
  if (roots.length === 0 && !listy) {
    const whole = pageRoot(doc);
    if (whole && countHan(boundedText(whole, 100000)) > 0) roots = [whole];
  }
  roots = distinctRoots(roots);

  const chromeSkip = makeSkip({ chrome: true, marked });
  const skip = dropped ? anySkip(chromeSkip, makeSkip({ marked: dropped })) : chromeSkip;
  let bodyHan = 0;
  for (const r of roots) bodyHan += markLinkLists(r, marked, skip);
  const title = labelled['标题'] || labelled['文件名称'] || titleFromPage(doc);
  return {
    site: options.site ?? 'generic',
    roots,
    skip,
    labelled,
    title: title || null,
    url,
    pageSignals: { listPage: isListPage(stats, bodyHan), pending: false },
    ...(readabilityWanted ? { readabilityWanted } : {}),
  };
}
