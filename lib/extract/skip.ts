/**
 * What to leave out of a body's text: site noise, page chrome inside the body container, link lists.
 *
 * The predicate handed to `lineariseDom` is called for every element under the roots, on every re-read
 * of the page, so it must be cheap: class/id/tag checks against sets, plus a set of elements marked once
 * at extraction time by the text-based rules below (promo strings, 相关链接 lists).
 */

import { ELEMENT_NODE, NON_TEXT_TAGS, TEXT_NODE, attr, shortText, tagOf } from './dom';

/** Tags that are page chrome wherever they appear inside a body container. */
const CHROME_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE']);

/**
 * Class/id words of page chrome. `CONTAINS` words are matched anywhere in a class token (they are long
 * enough not to occur in content classes); `SEGMENTS` only as a whole `-`/`_`-separated part of a token,
 * because `nav`, `foot` and `print` are also parts of content classes (pkulaw's `navtiao`, `footnote`).
 */
const CHROME_CONTAINS = [
  'share', // share widgets: .share, .bdsharebuttonbox, #share-box
  'breadcrumb', // breadcrumbs: .BreadcrumbNav
  'crumb',
  'copyright',
  'qrcode', // "扫一扫在手机打开" boxes
  'erweima',
  'jiathis',
  'pinglun', // comment boxes
  'related', // related-links lists
  'footer',
  'navbar',
  'sidebar',
  'toolbar',
  'pagination',
  'gotop',
  'backtop',
  'back_top',
  'switchsize', // gov.cn font-size switcher
  'keyword', // keyword/tag rows under news articles
  'feedback',
  'follow', // "follow our account" boxes (.blk-wxfollow)
];
const CHROME_SEGMENTS = new Set([
  'nav',
  'menu',
  'foot',
  'ad',
  'ads',
  'advert',
  'print',
  'ewm',
  'xgxx',
  'xglj',
  'xgwz',
  'xgwj',
  'comment',
  'comments',
  'pager',
  'tools',
  'fenxiang',
  'dayin',
  'qr',
  'btns',
  'tags',
]);

function tokenIsChrome(token: string): boolean {
  const t = token.toLowerCase();
  for (const w of CHROME_CONTAINS) if (t.includes(w)) return true;
  for (const part of t.split(/[-_]/)) if (CHROME_SEGMENTS.has(part)) return true;
  return false;
}

/** Page chrome by tag, role, class or id: nav, footers, share widgets, breadcrumbs, related links. */
export function isChrome(el: Element): boolean {
  if (CHROME_TAGS.has(tagOf(el))) return true;
  const role = attr(el, 'role');
  if (role === 'navigation' || role === 'contentinfo') return true;
  const cls = attr(el, 'class');
  if (cls) for (const token of cls.split(/\s+/)) if (token && tokenIsChrome(token)) return true;
  const id = attr(el, 'id');
  if (id && tokenIsChrome(id)) return true;
  return false;
}

export interface SkipRules {
  /** Exact class tokens to leave out (site noise such as pkulaw's `TiaoYinV2`). */
  classes?: readonly string[];
  /** Exact ids to leave out. */
  ids?: readonly string[];
  /** Also leave out generic page chrome (`isChrome`). */
  chrome?: boolean;
  /** Elements marked at extraction time. */
  marked?: Set<Element>;
}

/** Build the skip predicate of an ExtractedPage. Never throws. */
export function makeSkip(rules: SkipRules): (el: Element) => boolean {
  const classes = new Set(rules.classes ?? []);
  const ids = new Set(rules.ids ?? []);
  const marked = rules.marked;
  const chrome = !!rules.chrome;
  return (el: Element) => {
    try {
      if (marked && marked.has(el)) return true;
      if (classes.size > 0) {
        const cls = el.getAttribute('class');
        if (cls) for (const token of cls.split(/\s+/)) if (classes.has(token)) return true;
      }
      if (ids.size > 0) {
        const id = el.getAttribute('id');
        if (id && ids.has(id)) return true;
      }
      return chrome && isChrome(el);
    } catch {
      return false;
    }
  };
}

/** Combine predicates: skip when any of them says so. */
export function anySkip(...preds: Array<(el: Element) => boolean>): (el: Element) => boolean {
  return (el: Element) => {
    for (const p of preds) {
      try {
        if (p(el)) return true;
      } catch {
        /* a broken rule skips nothing */
      }
    }
    return false;
  };
}

/**
 * Mark the smallest enclosing element (below `root`) of every short text that contains one of `strings`
 * (whitespace ignored), climbing while the enclosing text stays short. A long paragraph that merely quotes
 * a string is left alone. Text lying directly in `root` cannot be marked (the predicate sees elements).
 */
export function markTextMatches(
  root: Element,
  matches: (compactText: string) => boolean,
  marked: Set<Element>,
  maxLength = 120,
): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length > maxLength * 4) continue;
      const compact = data.replace(/[\s\u3000\u00a0]+/g, '');
      if (!compact || compact.length > maxLength || !matches(compact)) continue;
      let target = node.parentNode as Element | null;
      if (!target || target === root || target.nodeType !== ELEMENT_NODE) continue;
      // Climb to the largest ancestor below root whose text is still short (the whole promo block).
      while (target.parentNode && target.parentNode !== root && target.parentNode.nodeType === ELEMENT_NODE) {
        const up = shortText(target.parentNode, maxLength);
        if (up == null) break;
        target = target.parentNode as Element;
      }
      marked.add(target);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) continue;
    if (node !== root && (NON_TEXT_TAGS.has(tagOf(node as Element)) || marked.has(node as Element))) continue;
    const children = node.childNodes;
    for (let c = children.length - 1; c >= 0; c--) stack.push(children[c]);
  }
}

/** Headings of related-link blocks; an element whose whole text is one of these is chrome. */
const RELATED_HEADINGS = new Set([
  '相关链接',
  '相关文件',
  '相关阅读',
  '延伸阅读',
  '推荐阅读',
  '相关新闻',
  '相关文章',
  '相关稿件',
  '相关报道',
  '热点推荐',
  '热门推荐',
  '猜你喜欢',
  '为您推荐',
  '扫一扫在手机打开当前页',
  '扫一扫在手机打开当前页面',
]);

const LIST_TAGS = new Set(['UL', 'OL', 'DL', 'TABLE', 'DIV', 'SECTION', 'TD', 'P']);

/**
 * Mark link lists inside a body container (related links, "more" lists, tag clouds): blocks with at least
 * four links whose Han text is ≥ 70 % link text, and the short 相关链接-style headings above them.
 * One post-order pass computes the counts; a top-down pass marks the outermost such blocks.
 * Returns the Han characters of the root's remaining text outside links (the body's own prose).
 */
export function markLinkLists(root: Element, marked: Set<Element>, isSkipped: (el: Element) => boolean): number {
  interface Counts {
    text: number;
    link: number;
    links: number;
  }
  const counts = new Map<Element, Counts>();
  const order: Element[] = [];
  const stack: Array<{ node: Node; leave: boolean }> = [{ node: root, leave: false }];
  while (stack.length > 0) {
    const { node, leave } = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      const parent = node.parentNode as Element | null;
      if (!parent) continue;
      const c = counts.get(parent);
      if (!c) continue;
      const data = (node as Text).data;
      let h = 0;
      for (let i = 0; i < data.length; i++) {
        const code = data.charCodeAt(i);
        if (code >= 0x4e00 && code <= 0x9fff) h++;
      }
      c.text += h;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    if (leave) {
      const c = counts.get(el)!;
      if (tagOf(el) === 'A') {
        c.link += c.text;
        c.text = 0;
        c.links += 1;
      }
      const parent = el.parentNode as Element | null;
      const pc = el !== root && parent ? counts.get(parent) : undefined;
      if (pc) {
        pc.text += c.text;
        pc.link += c.link;
        pc.links += c.links;
      }
      continue;
    }
    if (el !== root && (NON_TEXT_TAGS.has(tagOf(el)) || isSkipped(el))) continue;
    counts.set(el, { text: 0, link: 0, links: 0 });
    order.push(el);
    stack.push({ node: el, leave: true });
    const children = el.childNodes;
    for (let c = children.length - 1; c >= 0; c--) stack.push({ node: children[c], leave: false });
  }
  // Top-down in document order: mark the outermost link lists.
  const rootCounts = counts.get(root);
  let prose = rootCounts ? rootCounts.text : 0;
  for (const el of order) {
    if (el === root) continue;
    let p = el.parentNode as Element | null;
    let inside = false;
    while (p && p !== root) {
      if (marked.has(p)) {
        inside = true;
        break;
      }
      p = p.parentNode as Element | null;
    }
    if (inside) continue;
    const c = counts.get(el)!;
    const total = c.text + c.link;
    if (LIST_TAGS.has(tagOf(el)) && c.links >= 4 && c.link >= 20 && c.link >= 0.7 * total) {
      marked.add(el);
      prose -= c.text;
      continue;
    }
    if (total <= 16) {
      const t = shortText(el, 40);
      if (t != null && RELATED_HEADINGS.has(t.replace(/[\s\u3000\u00a0:：]+/g, ''))) {
        marked.add(el);
        prose -= c.text;
      }
    }
  }
  return Math.max(0, prose);
}
