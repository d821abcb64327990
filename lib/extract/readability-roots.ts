/**
 * @mozilla/readability as the last resort, with its result mapped back to the live page.
 *
 * Readability rewrites the document it is given, so it runs on a clone. Every element of the clone is
 * stamped with its index in document order (`data-nl-i`) first; the article's stamped elements then name
 * the live elements they came from, so the roots are live elements a highlight can be painted on. Live
 * elements Readability dropped from inside the kept subtrees (share boxes, forms) go to the skip set.
 */

import { ELEMENT_NODE } from './dom';

/**
 * The part of @mozilla/readability's class this module uses. The class is supplied by the host
 * (`provideReadability`): Node and the extension pages import it, the content script loads it only on a
 * page where no adapter and no heuristic found the body, so the script every notice page runs stays small.
 */
export type ReadabilityConstructor = new (
  doc: Document,
  options: { serializer: (node: Node) => Node; charThreshold: number },
) => { parse(): { content?: unknown } | null };

let provided: ReadabilityConstructor | null = null;

/** Make the Readability fallback available to the extractor (null withdraws it). */
export function provideReadability(readability: ReadabilityConstructor | null): void {
  provided = readability;
}

export function readabilityProvided(): boolean {
  return provided !== null;
}

const INDEX_ATTR = 'data-nl-i';

/** Elements of a document in document order (pre-order), iteratively. */
export function elementsInOrder(doc: Document | Element): Element[] {
  const out: Element[] = [];
  const stack: Node[] = [];
  const top = doc.childNodes;
  for (let c = top.length - 1; c >= 0; c--) stack.push(top[c]);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType !== ELEMENT_NODE) continue;
    out.push(node as Element);
    const children = node.childNodes;
    for (let c = children.length - 1; c >= 0; c--) stack.push(children[c]);
  }
  return out;
}

/**
 * Readability is not run on a document nested deeper than this. Its cleaning passes measure every
 * candidate's whole subtree again for each ancestor, so their cost grows about with the cube of the
 * nesting: 500 nested tables took 8 s, 1,000 took 50 s (linkedom), a hostile page could stall the tab.
 * Article pages nest far less (the real pages in the fixtures: 27 at most).
 */
export const MAX_READABILITY_DEPTH = 128;

/**
 * Nor on a document of more elements than this: on a page no adapter or heuristic understood, 60,000
 * paragraphs took Readability 11 s and 60,000 label rows 36 s. Article pages have a few thousand.
 */
export const MAX_READABILITY_ELEMENTS = 30_000;

/** True when some element of `doc` is nested more than `limit` elements deep; stops at the first one. */
export function nestedDeeperThan(doc: Document | Element, limit: number): boolean {
  const stack: Array<{ node: Node; depth: number }> = [];
  const top = doc.childNodes;
  for (let c = top.length - 1; c >= 0; c--) stack.push({ node: top[c], depth: 1 });
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node.nodeType !== ELEMENT_NODE) continue;
    if (depth > limit) return true;
    const children = node.childNodes;
    for (let c = children.length - 1; c >= 0; c--) stack.push({ node: children[c], depth: depth + 1 });
  }
  return false;
}

export interface ReadabilityResult {
  roots: Element[];
  /** Live elements inside the roots that Readability left out. */
  dropped: Set<Element>;
}

/**
 * The body Readability finds, as live elements; null when it finds none, was not provided, or the document
 * is nested too deep or too large for it (`MAX_READABILITY_DEPTH`, `MAX_READABILITY_ELEMENTS`).
 */
export function readabilityRoots(doc: Document): ReadabilityResult | null {
  const Readability = provided;
  if (!Readability) return null;
  if (nestedDeeperThan(doc, MAX_READABILITY_DEPTH)) return null;
  const live = elementsInOrder(doc);
  if (live.length === 0 || live.length > MAX_READABILITY_ELEMENTS) return null;
  const clone = doc.cloneNode(true) as Document;
  const copies = elementsInOrder(clone);
  if (copies.length !== live.length) return null;
  for (let i = 0; i < copies.length; i++) copies[i].setAttribute(INDEX_ATTR, String(i));

  const article = new Readability(clone, { serializer: (node: Node) => node, charThreshold: 100 }).parse();
  const content = article?.content as Node | null | undefined;
  if (!content || content.nodeType !== ELEMENT_NODE) return null;

  // Stamped elements of the article: all of them are kept; the outermost ones are the roots.
  const kept = new Set<number>();
  const top: number[] = [];
  const stack: Array<{ node: Node; underStamped: boolean }> = [{ node: content, underStamped: false }];
  while (stack.length > 0) {
    const { node, underStamped } = stack.pop()!;
    if (node.nodeType !== ELEMENT_NODE) continue;
    const raw = (node as Element).getAttribute(INDEX_ATTR);
    const index = raw == null ? -1 : Number(raw);
    const stamped = index >= 0 && index < live.length;
    if (stamped) {
      kept.add(index);
      if (!underStamped) top.push(index);
    }
    const children = node.childNodes;
    for (let c = children.length - 1; c >= 0; c--)
      stack.push({ node: children[c], underStamped: underStamped || stamped });
  }
  if (top.length === 0) return null;
  top.sort((a, b) => a - b);
  const roots = top.map((i) => live[i]);

  // Live elements to keep: the kept ones and their ancestors (Readability unwraps some wrappers).
  const needed = new Set<Element>();
  for (const i of kept) {
    let e: Element | null = live[i];
    while (e && !needed.has(e)) {
      needed.add(e);
      e = e.parentElement;
    }
  }
  const dropped = new Set<Element>();
  for (const root of roots) {
    const walk: Element[] = Array.from(root.children);
    while (walk.length > 0) {
      const el = walk.pop()!;
      if (!needed.has(el)) {
        dropped.add(el);
        continue;
      }
      for (const child of Array.from(el.children)) walk.push(child);
    }
  }
  return { roots, dropped };
}
