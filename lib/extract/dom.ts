/**
 * DOM helpers that never throw and never recurse.
 *
 * Extraction runs on whatever the page is: a fragment without `<html>`, a frameset, a 1,000-deep nesting,
 * a 10 MB text node, and on DOM implementations with gaps (linkedom's `document.body` throws when the
 * document has no root element). Every read here goes through a guard so an adapter can be written as
 * if the page were well formed.
 */

import { NON_TEXT_TAGS } from '../text/dom-text';
import { isHan } from '../text/normalise';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const COMMENT_NODE = 8;

/** Tags whose text is never page text: the same ones the engine's linear text leaves out. */
export { NON_TEXT_TAGS };

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === ELEMENT_NODE;
}

export function tagOf(el: Element): string {
  return (el.nodeName || '').toUpperCase();
}

/** `document.body`, or null (linkedom throws on documents without a root element). */
export function bodyOf(doc: Document): Element | null {
  try {
    const body = doc.body;
    if (body) return body;
  } catch {
    /* fall through */
  }
  return null;
}

/** The element that holds the page's content: `<body>` when it has children, else the root element. */
export function pageRoot(doc: Document): Element | null {
  const body = bodyOf(doc);
  if (body && body.childNodes.length > 0) return body;
  try {
    if (doc.documentElement) return doc.documentElement;
  } catch {
    /* fall through */
  }
  return body;
}

export function queryFirst(scope: ParentNode | null, selector: string): Element | null {
  if (!scope) return null;
  try {
    return scope.querySelector(selector);
  } catch {
    return null;
  }
}

export function queryAll(scope: ParentNode | null, selector: string): Element[] {
  if (!scope) return [];
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
}

export function attr(el: Element | null, name: string): string | null {
  if (!el) return null;
  try {
    return el.getAttribute(name);
  } catch {
    return null;
  }
}

/** Whitespace (incl. U+3000, no-break space) collapsed to single spaces, trimmed. */
export function squash(s: string): string {
  return s.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/**
 * The text of a subtree if it has at most `max` characters, else null. Iterative and stops early, so
 * asking whether a cell is short costs nothing on a 10 MB page.
 */
export function shortText(el: Node, max: number): string | null {
  const parts: string[] = [];
  let length = 0;
  const stack: Node[] = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      length += data.length;
      if (length > max) return null;
      parts.push(data);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) continue;
    if (node.nodeType === ELEMENT_NODE && node !== el && NON_TEXT_TAGS.has(tagOf(node as Element))) continue;
    const children = node.childNodes;
    for (let c = children.length - 1; c >= 0; c--) stack.push(children[c]);
  }
  return parts.join('');
}

/** All text of a subtree (without script/style), capped at `max` characters. Iterative. */
export function boundedText(el: Node, max = 2_000_000): string {
  const parts: string[] = [];
  let length = 0;
  const stack: Node[] = [el];
  while (stack.length > 0 && length < max) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      parts.push(data);
      length += data.length;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) continue;
    if (node.nodeType === ELEMENT_NODE && node !== el && NON_TEXT_TAGS.has(tagOf(node as Element))) continue;
    const children = node.childNodes;
    for (let c = children.length - 1; c >= 0; c--) stack.push(children[c]);
  }
  const text = parts.join('');
  return text.length > max ? text.slice(0, max) : text;
}

export function countHan(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isHan(s.charCodeAt(i))) n++;
  return n;
}

/**
 * Han characters in a subtree's text (without script/style), counted up to `limit`: a test such as "has
 * the body 400 characters of prose" stops reading after the first paragraphs instead of walking a whole law.
 */
export function countHanUpTo(el: Node, limit: number): number {
  let n = 0;
  // In document order, one node at a time: a body of thousands of paragraphs is not listed whole (every
  // node handed to this script costs) to count its first few hundred characters.
  let node: Node | null = el;
  while (node) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      n += countHan((node as Text).data);
      if (n >= limit) return limit;
    } else if (node.nodeType === ELEMENT_NODE || node.nodeType === 9 || node.nodeType === 11) {
      descend = node === el || node.nodeType !== ELEMENT_NODE || !NON_TEXT_TAGS.has(tagOf(node as Element));
    }
    node = nextInOrder(node, el, descend);
  }
  return n;
}

/** The node after `node` in document order within `root` (its first child only when `descend`), or null. */
export function nextInOrder(node: Node, root: Node, descend: boolean): Node | null {
  if (descend && node.firstChild) return node.firstChild;
  for (let at: Node | null = node; at && at !== root; at = at.parentNode) if (at.nextSibling) return at.nextSibling;
  return null;
}

/** Han characters in a subtree, outside links and inside links (the link share tells lists from prose). */
export function hanCounts(el: Node, isSkipped?: (el: Element) => boolean): { text: number; link: number } {
  let text = 0;
  let link = 0;
  const stack: Array<{ node: Node; inLink: boolean }> = [{ node: el, inLink: false }];
  while (stack.length > 0) {
    const { node, inLink } = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      const h = countHan((node as Text).data);
      if (inLink) link += h;
      else text += h;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) continue;
    let nowInLink = inLink;
    if (node.nodeType === ELEMENT_NODE && node !== el) {
      const e = node as Element;
      const tag = tagOf(e);
      if (NON_TEXT_TAGS.has(tag)) continue;
      if (isSkipped && safeCall(isSkipped, e)) continue;
      if (tag === 'A') nowInLink = true;
    }
    const children = node.childNodes;
    for (let c = children.length - 1; c >= 0; c--) stack.push({ node: children[c], inLink: nowInLink });
  }
  return { text, link };
}

export function safeCall(fn: (el: Element) => boolean, el: Element): boolean {
  try {
    return fn(el);
  } catch {
    return false;
  }
}

/** True when `inner` is `outer` or inside it. */
export function isWithin(inner: Node, outer: Node): boolean {
  let n: Node | null = inner;
  while (n) {
    if (n === outer) return true;
    n = n.parentNode;
  }
  return false;
}

/** Roots in document order with nested duplicates removed: an element inside another root is already read. */
export function distinctRoots(roots: Element[]): Element[] {
  const out: Element[] = [];
  for (const r of roots) {
    if (!r || out.includes(r)) continue;
    if (out.some((o) => isWithin(r, o))) continue;
    for (let i = out.length - 1; i >= 0; i--) if (isWithin(out[i], r)) out.splice(i, 1);
    out.push(r);
  }
  return out;
}

/** `<meta name=… content=…>` values keyed by lower-cased name (first one wins). */
export function readMetas(doc: Document): Map<string, string> {
  const metas = new Map<string, string>();
  for (const m of queryAll(doc, 'meta[name]')) {
    const name = (attr(m, 'name') || '').trim().toLowerCase();
    const content = attr(m, 'content');
    if (!name || content == null || metas.has(name)) continue;
    metas.set(name, squash(content));
  }
  return metas;
}

/** The lower-cased host of a URL, or null. */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** Text of the `<title>` element (document.title is unreliable on fragments). */
export function documentTitle(doc: Document): string | null {
  const t = queryFirst(doc, 'title');
  const text = t ? shortText(t, 1000) : null;
  return text ? squash(text) || null : null;
}
