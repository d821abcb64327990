/**
 * The page's text as the engine reads it, with the way back to DOM positions.
 *
 * One linear string is built from a subtree's text nodes, with a line break for every block boundary and
 * `<br>`. Each text node is recorded with its start offset, so an offset in the string (and, through
 * `normaliseText`'s map, an offset in the normalised text) resolves to a (Text node, offset) pair for a
 * DOM Range. Works on any DOM implementation (browser, linkedom, happy-dom): it reads nodeType, nodeName
 * and attributes only, never layout.
 */

export interface DomText {
  /** The raw linear text: text node contents plus '\n' at block boundaries. */
  text: string;
  /** Text nodes in document order with their start offset in `text`. */
  nodes: Text[];
  starts: number[];
}

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'CAPTION',
  'CENTER',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'BODY',
  'HTML',
]);

/** Elements whose text is never part of a document's text (the extractors' walks leave them out too). */
export const NON_TEXT_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SELECT',
  'OPTION',
  'TEXTAREA',
  'BUTTON',
  'INPUT',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'VIDEO',
  'AUDIO',
  'MAP',
]);

export interface LineariseOptions {
  /** Return true to leave an element and its subtree out (site noise such as pkulaw's 法宝联想). */
  skip?: (el: Element) => boolean;
  /** Stop after this many characters (a guard for pathological pages). */
  maxLength?: number;
}

/** True for elements a page hides with attributes; layout is not consulted. */
export function isHiddenByAttribute(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return false;
}

/** Read a subtree into a linear text with its node map. Iterative: a 1,000-deep page cannot overflow the stack. */
export function lineariseDom(root: Node, options: LineariseOptions = {}): DomText {
  const reader = new DomTextReader(root, options);
  reader.read(Number.MAX_SAFE_INTEGER);
  return reader.result();
}

/**
 * `lineariseDom` in parts: `read` walks on until the text reaches a length or a time limit, so a caller can
 * use the first part of a long page (the part on screen) while the rest is still to be read, and give the
 * thread back between parts. The text it ends with is the one `lineariseDom` gives.
 */
export class DomTextReader {
  private readonly parts: string[] = [];
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  private readonly max: number;
  private length = 0;
  private lastWasBreak = true;
  /** Explicit stack of [node, leaving] pairs. */
  private readonly stack: Array<{ node: Node; leave: boolean }>;

  constructor(
    private readonly root: Node,
    private readonly options: LineariseOptions = {},
  ) {
    this.max = options.maxLength ?? Number.MAX_SAFE_INTEGER;
    this.stack = [{ node: root, leave: false }];
  }

  /** Characters read so far. */
  get chars(): number {
    return this.length;
  }

  /** True once the whole subtree (or `maxLength`) is read. */
  get done(): boolean {
    return this.stack.length === 0 || this.length >= this.max;
  }

  /**
   * Read on until at least `untilLength` characters are read, or `deadline` (a `performance.now()` time)
   * has passed, or the subtree is read. True when it is read.
   */
  read(untilLength: number, deadline = Infinity): boolean {
    const { stack, parts, nodes, starts, root, options } = this;
    const limit = Math.min(untilLength, this.max);
    let visited = 0;
    while (stack.length > 0 && this.length < limit) {
      if ((++visited & 127) === 0 && deadline !== Infinity && performance.now() > deadline) break;
      const { node, leave } = stack.pop()!;
      if (leave) {
        this.breakLine();
        continue;
      }
      // Siblings are taken one at a time, after this node's subtree: a root of thousands of paragraphs
      // is not listed whole (every node handed to the script costs) before its first lines are read.
      if (node !== root && node.nextSibling) stack.push({ node: node.nextSibling, leave: false });
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        if (data.length === 0) continue;
        nodes.push(node as Text);
        starts.push(this.length);
        parts.push(data);
        this.length += data.length;
        this.lastWasBreak = false;
        continue;
      }
      if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
      if (node.nodeType === 1) {
        const el = node as Element;
        const name = el.nodeName.toUpperCase();
        if (NON_TEXT_TAGS.has(name)) continue;
        if (node !== root && (isHiddenByAttribute(el) || (options.skip && options.skip(el)))) continue;
        if (BLOCK.has(name)) {
          this.breakLine();
          if (name === 'BR' || name === 'HR') continue;
          stack.push({ node, leave: true });
        }
      }
      if (node.firstChild) stack.push({ node: node.firstChild, leave: false });
    }
    return this.done;
  }

  /** The text read so far with its node map (copies: reading on does not change it). */
  result(): DomText {
    return { text: this.parts.join(''), nodes: this.nodes.slice(), starts: this.starts.slice() };
  }

  private breakLine(): void {
    if (!this.lastWasBreak) {
      this.parts.push('\n');
      this.length += 1;
      this.lastWasBreak = true;
    }
  }
}

/** The (Text node, offset) at a raw text offset; offsets on synthetic breaks snap to the next node. */
export function domPosition(dt: DomText, offset: number, preferEnd = false): { node: Text; offset: number } | null {
  const { nodes, starts } = dt;
  if (nodes.length === 0) return null;
  // Last node whose start <= offset.
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo];
  const within = offset - starts[lo];
  if (within < 0) return { node, offset: 0 };
  if (within < node.data.length || (preferEnd && within === node.data.length)) return { node, offset: within };
  // The offset sits on a synthetic break after this node.
  if (preferEnd) return { node, offset: node.data.length };
  if (lo + 1 < nodes.length) return { node: nodes[lo + 1], offset: 0 };
  return { node, offset: node.data.length };
}
