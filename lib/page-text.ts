/**
 * The part of the analysis that needs the page's DOM: extract the body, read its text with a map back to
 * the DOM, normalise it. Everything after this works on strings (`analyseExtractedText` in analyse.ts), so
 * the content script can hand it to the extension's background and keep the page's main thread free.
 */
import { extractPage } from './extract';
import { lineariseDom, type DomText } from './text/dom-text';
import { normaliseText, type NormalisedText } from './text/normalise';
import type { ExtractedPage, LabelledFields, Site } from './types';

/** Guard against pathological pages: text beyond this is not analysed (about 5× the longest codes and laws). */
export const MAX_TEXT_LENGTH = 4_000_000;

/** What the string stages of the analysis need from a page. */
export interface TextForAnalysis {
  /** The normalised body text. */
  text: string;
  site: Site;
  labelled: LabelledFields;
  title: string | null;
  url: string | null;
  listPage: boolean;
  pending: boolean;
}

export interface PageText {
  page: ExtractedPage;
  domText: DomText;
  norm: NormalisedText;
}

/** Extract and read the page (one step), then normalise (the next): each `yield` is a point to pause at. */
export function* pageTextSteps(doc: Document, url: string | null): Generator<'extract' | 'normalise', PageText, void> {
  const page = extractPage(doc, url);
  const domText = lineariseRoots(page);
  yield 'extract';
  const norm = normaliseText(domText.text);
  yield 'normalise';
  return { page, domText, norm };
}

export function textForAnalysis({ page, norm }: PageText, url: string | null): TextForAnalysis {
  return {
    text: norm.text,
    site: page.site,
    labelled: page.labelled,
    title: page.title,
    url,
    listPage: page.pageSignals.listPage,
    pending: page.pageSignals.pending,
  };
}

/** The text of every body root, in order, as one DomText (roots separated by a line break). */
export function lineariseRoots(page: ExtractedPage): DomText {
  if (page.roots.length === 1) return lineariseDom(page.roots[0], { skip: page.skip, maxLength: MAX_TEXT_LENGTH });
  const texts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let offset = 0;
  for (const root of page.roots) {
    const part = lineariseDom(root, { skip: page.skip, maxLength: MAX_TEXT_LENGTH - offset });
    if (part.text.length === 0) continue;
    if (texts.length > 0) {
      texts.push('\n');
      offset += 1;
    }
    texts.push(part.text);
    for (let i = 0; i < part.nodes.length; i++) {
      nodes.push(part.nodes[i]);
      starts.push(part.starts[i] + offset);
    }
    offset += part.text.length;
    if (offset >= MAX_TEXT_LENGTH) break;
  }
  return { text: texts.join(''), nodes, starts };
}
