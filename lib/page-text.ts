/**
 * The part of the analysis that needs the page's DOM: extract the body and read its text with a map back to
 * the DOM. Everything after this works on strings (normalise, metadata, detect, obligations:
 * `textAnalysisSteps` in analyse.ts), so the content script hands it to the extension's background and
 * keeps the page's main thread free.
 */
import { extractPage } from './extract';
import { LIMITS } from './storage/limits';
import { lineariseDom, type DomText } from './text/dom-text';
import type { ExtractedPage, LabelledFields, Site } from './types';

/** Guard against pathological pages: text beyond this is not analysed (about 5× the longest codes and laws). */
export const MAX_TEXT_LENGTH = 4_000_000;

/** What the string stages of the analysis need from a page. */
export interface TextForAnalysis {
  /** The body text as read from the page (normalised by the string stages). */
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
}

/** Extract the body and read its text. */
export function readPageText(doc: Document, url: string | null): PageText {
  const page = extractPage(doc, url);
  return { page, domText: lineariseRoots(page) };
}

/**
 * What the content script sends the background for the string stages. It is kept within the limits the
 * background's message validator enforces, or the whole request would be refused and the page left
 * unanalysed: the text is cut at MAX_TEXT_LENGTH (reading stops there, but a long text node can run past
 * it; the string stages would cut it there anyway), labelled values and a title longer than any real one
 * (LIMITS.titleLength) are left out as page noise, and an over-long URL is not sent.
 */
export function textForAnalysis({ page, domText }: PageText, url: string | null): TextForAnalysis {
  const labelled: LabelledFields = {};
  for (const [label, value] of Object.entries(page.labelled)) {
    if (value.length <= LIMITS.titleLength && Object.keys(labelled).length < LIMITS.metadataListLength)
      labelled[label] = value;
  }
  return {
    text: domText.text.length > MAX_TEXT_LENGTH ? domText.text.slice(0, MAX_TEXT_LENGTH) : domText.text,
    site: page.site,
    labelled,
    title: page.title !== null && page.title.length <= LIMITS.titleLength ? page.title : null,
    url: url !== null && url.length <= LIMITS.urlLength ? url : null,
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
