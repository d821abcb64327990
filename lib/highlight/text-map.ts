/**
 * The one mapping between offsets in a notice's normalised text and DOM positions on the page.
 * Built from the linear DOM text (lineariseDom) and the normaliser's offset map; used to paint
 * highlights, to turn the analyst's selection into offsets, and to hit-test the pointer.
 */
import { domPosition, type DomText } from '../text/dom-text';
import type { NormalisedText } from '../text/normalise';

export class TextMap {
  private nodeIndex: Map<Node, number> | null = null;

  constructor(
    readonly dom: DomText,
    readonly norm: NormalisedText,
  ) {}

  /** A live Range over normalised offsets [start, end), or null when the nodes have left the document. */
  toRange(doc: Document, start: number, end: number): Range | null {
    const { map } = this.norm;
    const textLength = this.norm.text.length;
    if (!(start >= 0 && end <= textLength && start < end)) return null;
    const rawStart = map[start];
    const rawEnd = map[end - 1] + 1;
    const a = domPosition(this.dom, rawStart, false);
    const b = domPosition(this.dom, rawEnd, true);
    if (!a || !b) return null;
    if (!a.node.isConnected || !b.node.isConnected) return null;
    try {
      const range = doc.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      return range;
    } catch {
      return null;
    }
  }

  /** The normalised offset of a DOM position (a Text node and offset), or -1 when it is outside the notice text. */
  toOffset(node: Node, offset: number): number {
    if (!this.nodeIndex) {
      this.nodeIndex = new Map();
      this.dom.nodes.forEach((n, i) => this.nodeIndex!.set(n, i));
    }
    let index = this.nodeIndex.get(node);
    let within = offset;
    if (index === undefined) {
      // An element boundary: take the first text node at or after it.
      const child = node.childNodes[offset] ?? null;
      const target = child ? firstTextIn(child) : null;
      if (!target) return -1;
      index = this.nodeIndex.get(target);
      within = 0;
      if (index === undefined) return -1;
    }
    const raw = this.dom.starts[index] + within;
    return rawToNormalised(this.norm.map, raw);
  }
}

function firstTextIn(node: Node): Text | null {
  if (node.nodeType === 3) return node as Text;
  const doc = node.ownerDocument;
  if (!doc) return null;
  const walker = doc.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  return walker.nextNode() as Text | null;
}

/** First normalised offset whose source offset is ≥ raw (binary search over the monotone map). */
export function rawToNormalised(map: Int32Array, raw: number): number {
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid] < raw) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A live Range over offsets [start, end) of the text as read (before normalisation), or null. */
export function rawRange(doc: Document, dom: DomText, start: number, end: number): Range | null {
  const a = domPosition(dom, start, false);
  const b = domPosition(dom, end, true);
  if (!a || !b || !a.node.isConnected || !b.node.isConnected) return null;
  try {
    const range = doc.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range;
  } catch {
    return null;
  }
}
