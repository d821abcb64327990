/**
 * Measurements made inside a benchmark page's own (main) world, bundled by page.ts with esbuild and added
 * to the page after the extension has painted it. The same engine code the content script runs, plus the
 * alternatives it is compared with: Readability.parse on the same document, and painting the same ranges
 * by wrapping them in elements (what highlighters without the CSS Custom Highlight API do).
 */
import { Readability } from '@mozilla/readability';
import { analyseDocument } from '../../lib/analyse';
import { anchorMany, type Selector } from '../../lib/anchoring';
import { compareNotices } from '../../lib/compare';
import { paintByWrapping } from '../../lib/highlight/paint';
import { TextMap } from '../../lib/highlight/text-map';
import type { OutlineItem } from '../../lib/types';

/** Let the page render one frame: resolves after the frame that follows the current task. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** The page's clause ranges, from the engine run in this world (the same ranges the content script painted). */
function clauseRanges(): Array<{ key: string; range: Range }> {
  const result = analyseDocument(document, location.href);
  const map = new TextMap(result.domText, result.norm);
  const out: Array<{ key: string; range: Range }> = [];
  for (const c of result.analysis.obligations) {
    const range = map.toRange(document, c.start, c.end);
    if (range) out.push({ key: c.category, range });
  }
  return out;
}

export interface PaintComparison {
  ranges: number;
  /** Registering the ranges with CSS.highlights (script time only). */
  highlightScript: number;
  /** The same, up to the next frame rendered. */
  highlightFrame: number;
  /** Splitting text nodes and wrapping every range in an element (script time only). */
  wrapScript: number;
  /** The same, up to the next frame rendered (the page lays out again). */
  wrapFrame: number;
}

const probe = {
  /** Readability.parse alone on a clone of this document (as its documentation asks), and the clone itself. */
  readability(): { parse: number; clone: number; found: boolean } {
    let t = performance.now();
    const clone = document.cloneNode(true) as Document;
    const cloneMs = performance.now() - t;
    t = performance.now();
    const article = new Readability(clone).parse();
    return { parse: performance.now() - t, clone: cloneMs, found: Boolean(article?.textContent) };
  },

  async paint(): Promise<PaintComparison> {
    const items = clauseRanges();
    const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
    const HighlightCtor = (globalThis as unknown as { Highlight: new (...r: Range[]) => unknown }).Highlight;
    await nextFrame();

    // CSS Custom Highlight API: one Highlight per category, as the content script paints them.
    let t = performance.now();
    const byKey = new Map<string, Range[]>();
    for (const { key, range } of items) {
      const list = byKey.get(key);
      if (list) list.push(range);
      else byKey.set(key, [range]);
    }
    for (const [key, ranges] of byKey) registry.set(`bench-${key}`, new HighlightCtor(...ranges));
    const highlightScript = performance.now() - t;
    await nextFrame();
    const highlightFrame = performance.now() - t;
    for (const key of byKey.keys()) registry.delete(`bench-${key}`);
    await nextFrame();

    // Wrapping, as mark.js and most highlighters do it.
    t = performance.now();
    const unwrap = paintByWrapping(document, items);
    const wrapScript = performance.now() - t;
    await nextFrame();
    const wrapFrame = performance.now() - t;
    unwrap();
    return { ranges: items.length, highlightScript, highlightFrame, wrapScript, wrapFrame };
  },

  /** anchorMany for every annotation at once, as the content script calls it; `runs` times, each timed. */
  anchor(text: string, items: Selector[][], outline: OutlineItem[], runs: number): { times: number[]; placed: number } {
    const times: number[] = [];
    let placed = 0;
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const results = anchorMany(text, items, outline);
      times.push(performance.now() - t);
      placed = results.filter(Boolean).length;
    }
    return { times, placed };
  },

  /** A compare of the given notice texts, `runs` times, each timed. */
  compare(texts: string[], runs: number): { times: number[]; pairs: number } {
    const times: number[] = [];
    let pairs = 0;
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const result = compareNotices(texts.map((text) => ({ title: null, text })));
      times.push(performance.now() - t);
      pairs = result.pairs.length;
    }
    return { times, pairs };
  },
};

export type Probe = typeof probe;

(globalThis as unknown as { __noticeLensBench: Probe }).__noticeLensBench = probe;
