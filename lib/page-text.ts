/**
 * The part of the analysis that needs the page's DOM: extract the body and read its text with a map back to
 * the DOM. Everything after this works on strings (normalise, metadata, detect, obligations:
 * `textAnalysisSteps` in analyse.ts), so the content script hands it to the extension's background and
 * keeps the page's main thread free.
 */
import { extractPage } from './extract';
import { LIMITS } from './storage/limits';
import { DomTextReader, type DomText } from './text/dom-text';
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
  const reader = new PageTextReader(page);
  reader.read(Number.MAX_SAFE_INTEGER);
  return reader.result();
}

/**
 * `lineariseRoots` in parts (see `DomTextReader`): the first characters of the body can be analysed and
 * painted while the rest is read, and a long page is read in slices that give the page's thread back.
 */
export class PageTextReader {
  private readonly done: DomText[] = [];
  private offset = 0;
  private index = 0;
  private current: DomTextReader | null = null;

  constructor(private readonly page: ExtractedPage) {}

  /** True once every root is read (or MAX_TEXT_LENGTH reached). */
  get finished(): boolean {
    return this.index >= this.page.roots.length || this.offset >= MAX_TEXT_LENGTH;
  }

  /** Characters read so far (separators included). */
  get chars(): number {
    return this.offset + (this.current?.chars ?? 0);
  }

  /** Read on until `untilLength` characters, `deadline` (performance.now()) or the end; true at the end. */
  read(untilLength: number, deadline = Infinity): boolean {
    while (!this.finished) {
      if (!this.current) {
        this.current = new DomTextReader(this.page.roots[this.index], {
          skip: this.page.skip,
          maxLength: MAX_TEXT_LENGTH - this.offset,
        });
      }
      const target = untilLength - this.offset;
      const rootDone = this.current.read(Math.max(target, 0), deadline);
      if (!rootDone) return false;
      const part = this.current.result();
      this.current = null;
      this.index++;
      if (part.text.length > 0) {
        if (this.done.length > 0) this.offset += 1;
        this.done.push({ text: part.text, nodes: part.nodes, starts: part.starts.map((s) => s + this.offset) });
        this.offset += part.text.length;
      }
      if (this.offset >= untilLength || performance.now() > deadline) return this.finished;
    }
    return true;
  }

  /** The text read so far with its map. */
  result(): DomText {
    const parts = this.current ? [...this.done, this.shifted(this.current.result())] : this.done;
    const nonEmpty = parts.filter((p) => p.text.length > 0);
    if (nonEmpty.length === 1) return nonEmpty[0];
    const texts: string[] = [];
    const nodes: Text[] = [];
    const starts: number[] = [];
    for (const part of nonEmpty) {
      if (texts.length > 0) texts.push('\n');
      texts.push(part.text);
      for (let i = 0; i < part.nodes.length; i++) {
        nodes.push(part.nodes[i]);
        starts.push(part.starts[i]);
      }
    }
    return { text: texts.join(''), nodes, starts };
  }

  private shifted(part: DomText): DomText {
    const offset = this.done.length > 0 ? this.offset + 1 : this.offset;
    return { text: part.text, nodes: part.nodes, starts: part.starts.map((s) => s + offset) };
  }
}
