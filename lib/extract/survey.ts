/**
 * One walk over the whole page collecting what extraction needs besides the body: list evidence, the
 * short text nodes that may be `label：value` lines, the tables that may be metadata blocks, and jcms body
 * markers. Full-page walks dominate extraction time on large pages, so there is one.
 */

import { COMMENT_NODE, ELEMENT_NODE, NON_TEXT_TAGS, TEXT_NODE, countHan, pageRoot, tagOf } from './dom';
import {
  isListPage,
  ITEM_DATE,
  ITEM_TAGS,
  LIST_MAX_BODY_HAN,
  type ListStats,
  PAGINATION,
  SEARCH_MARKER,
} from './list-page';

export interface PageSurvey {
  list: ListStats;
  /** Text nodes of at most 200 characters containing a colon: candidate `label：value` lines. */
  labelTexts: Text[];
  tables: Element[];
  /** `<!--ZJEG_RSS.content.begin-->` and `…end-->` comments (jcms), or null. */
  markerBegin: Comment | null;
  markerEnd: Comment | null;
}

/** Longest text node read as a possible label line. */
const LABEL_TEXT_MAX = 200;
/** Longest item text for a dated list entry. */
const ITEM_TEXT_MAX = 200;

export function surveyPage(doc: Document): PageSurvey {
  const survey: PageSurvey = {
    list: { datedItems: 0, datedHan: 0, search: false, pagination: false },
    labelTexts: [],
    tables: [],
    markerBegin: null,
    markerEnd: null,
  };
  const start = pageRoot(doc);
  if (!start) return survey;
  const stats = survey.list;
  interface Item {
    el: Element;
    text: string;
    over: boolean;
    link: boolean;
  }
  const items: Item[] = [];
  const stack: Array<{ node: Node; leave: boolean }> = [{ node: start, leave: false }];
  while (stack.length > 0) {
    const { node, leave } = stack.pop()!;
    const type = node.nodeType;
    if (type === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length <= LABEL_TEXT_MAX && (data.includes('：') || data.includes(':')))
        survey.labelTexts.push(node as Text);
      if (!stats.search && data.length < 400 && SEARCH_MARKER.test(data)) stats.search = true;
      if (!stats.pagination && data.length < 20 && PAGINATION.test(data.trim())) stats.pagination = true;
      // Text counts for every open item (a `ul.list` holds the title `li` and the date `li`).
      for (let k = items.length - 1; k >= 0; k--) {
        const item = items[k];
        if (item.over) continue;
        item.text += data;
        if (item.text.length > ITEM_TEXT_MAX) item.over = true;
      }
      continue;
    }
    if (type === COMMENT_NODE) {
      const data = (node as Comment).data;
      if (!survey.markerBegin && data.includes('ZJEG_RSS.content.begin')) survey.markerBegin = node as Comment;
      else if (survey.markerBegin && !survey.markerEnd && data.includes('ZJEG_RSS.content.end')) {
        survey.markerEnd = node as Comment;
      }
      continue;
    }
    if (type !== ELEMENT_NODE) continue;
    const el = node as Element;
    if (leave) {
      const item = items[items.length - 1];
      if (item && item.el === el) {
        items.pop();
        if (!item.over && item.link && ITEM_DATE.test(item.text.trim())) {
          stats.datedItems++;
          stats.datedHan += countHan(item.text);
        }
      }
      continue;
    }
    const tag = tagOf(el);
    if (NON_TEXT_TAGS.has(tag)) continue;
    if (tag === 'TABLE') survey.tables.push(el);
    if (tag === 'A' || el.hasAttribute('onclick')) {
      // flk's lists open documents from `<p onclick="window.open(…)">`, not links.
      for (const item of items) item.link = true;
    }
    if (ITEM_TAGS.has(tag)) {
      items.push({ el, text: '', over: false, link: false });
      stack.push({ node: el, leave: true });
    }
    const children = el.childNodes;
    for (let c = children.length - 1; c >= 0; c--) stack.push({ node: children[c], leave: false });
  }
  return survey;
}

/** List evidence alone (for the site adapters). */
export function listStats(doc: Document): ListStats {
  return surveyPage(doc).list;
}

/**
 * Whether the page is a list, given its body's Han characters (counted up to LIST_MAX_BODY_HAN). With a
 * body of that much prose only a search counter makes a list (see `isListPage`), and that is looked for
 * among the page's text nodes alone, without the survey's walk over every element: on a long notice the
 * survey would read the whole body once more only to find it is not a list.
 */
export function listPageFor(doc: Document, bodyHan: number): boolean {
  if (bodyHan < LIST_MAX_BODY_HAN) return isListPage(listStats(doc), bodyHan);
  return hasSearchCounter(doc);
}

/** A search-result counter in a text node of the page (as `surveyPage` finds it: short nodes, outside non-text tags). */
function hasSearchCounter(doc: Document): boolean {
  const start = pageRoot(doc);
  if (!start || typeof doc.createTreeWalker !== 'function') return start ? surveyPage(doc).list.search : false;
  // A text node that holds the marker puts it in the page's text: a long notice without one (nearly every
  // notice) is answered from one string, without handing each of its text nodes to this script.
  if (!SEARCH_MARKER.test(start.textContent ?? '')) return false;
  const walker = doc.createTreeWalker(start, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (data.length >= 400 || !data.includes('结果') || !SEARCH_MARKER.test(data)) continue;
    if (!insideNonText(node, start)) return true;
  }
  return false;
}

function insideNonText(node: Node, root: Node): boolean {
  for (let p = node.parentNode; p && p !== root; p = p.parentNode)
    if (p.nodeType === ELEMENT_NODE && NON_TEXT_TAGS.has(tagOf(p as Element))) return true;
  return false;
}
