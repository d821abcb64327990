/**
 * List and search pages: the negative evidence a page's layout gives and its body text cannot.
 *
 * A list page is a column of dated links (`<li><a>…</a><span>2025-06-03</span></li>`), a search result
 * page (`相关结果：约 120 条`), or paginated (`下一页`) with little prose of its own. Notice pages carry
 * small dated lists too (最新文件 sidebars), so dated links only count when the body has little text.
 * The evidence is collected by `surveyPage`'s walk.
 */

export interface ListStats {
  /** `li`/`tr`/`ul` items of at most 200 characters holding a link (or a scripted click) and a date. */
  datedItems: number;
  /** Han characters inside those items. */
  datedHan: number;
  /** A search-result counter (`相关结果：约`, `找到相关结果`, `搜索结果`). */
  search: boolean;
  /** Pagination links (`下一页`, `尾页`, `末页`). */
  pagination: boolean;
}

/** `2025-06-03`, `2019年02月15日`, `2009.12.02`, and a bare `09-18` at the end of an item. */
export const ITEM_DATE = /(?:19|20)\d{2}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}|(?<![\d-])\d{2}-\d{2}[\s\]）)]*$/;
export const SEARCH_MARKER = /相关结果[:：]?\s*约|找到相关结果|搜索结果[:：]?\s*(?:约|共)?\s*\d/;
/** Elements that hold one list entry (a `ul.list` per entry on flk). */
export const ITEM_TAGS = new Set(['LI', 'TR', 'UL', 'OL', 'DL']);
export const PAGINATION = /^(?:下一页|上一页|尾页|末页|下页|>>|»)$/;

/** Dated items from which a page counts as a list. */
export const LIST_MIN_DATED_ITEMS = 8;
/** Body text (Han, outside links) below which dated items or pagination make a list page. */
export const LIST_MAX_BODY_HAN = 400;

/**
 * The decision: a search counter alone; or ≥ 8 dated items or pagination while the body has less prose
 * than the lists (and under 400 Han characters).
 */
export function isListPage(stats: ListStats, bodyHan: number): boolean {
  if (stats.search) return true;
  const listy = stats.datedItems >= LIST_MIN_DATED_ITEMS || stats.pagination;
  return listy && bodyHan < LIST_MAX_BODY_HAN && bodyHan < Math.max(stats.datedHan, 100);
}
