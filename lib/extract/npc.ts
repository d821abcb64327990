/**
 * flk.npc.gov.cn (国家法律法规数据库). `detail2.html?<id>` is a shell its scripts fill from `/api/detail`:
 * an empty `#flName`, empty `p.header-content` spans and an empty `iframe#viewDoc`. Until they are filled
 * the page has no body, and saying so (`pending`) lets the content script wait and re-extract.
 * The portal's home and search pages are flk pages but not documents.
 *
 * The law's text itself is a static HTML rendering served from another origin,
 * `wb.flk.npc.gov.cn/flfg/html/<hash>.html`: the law's name in `<title>` (sometimes empty) and the text as
 * paragraphs of `div.law-content`, name and 通过 line first. The shell shows it in `iframe#viewDoc`; the
 * content script runs in that frame too and reads it there (`isLawTextPage`), and the shell itself is left
 * alone (`lawTextFrame`).
 */

import type { ExtractedPage, LabelledFields } from '../types';
import {
  ELEMENT_NODE,
  attr,
  bodyOf,
  boundedText,
  countHan,
  documentTitle,
  hostOf,
  queryAll,
  queryFirst,
  shortText,
  squash,
} from './dom';
import { extractGeneric } from './generic';
import { cleanLabel } from './labels';
import { isListPage } from './list-page';
import { listStats } from './survey';
import { makeSkip } from './skip';

export function isNpcHost(url: string | null): boolean {
  const host = hostOf(url);
  return !!host && (host === 'flk.npc.gov.cn' || host.endsWith('.flk.npc.gov.cn'));
}

/** The host that serves the law texts the portal shows in its frame. */
export function isLawTextHost(url: string | null): boolean {
  const host = hostOf(url);
  return !!host && (host === 'wb.flk.npc.gov.cn' || host.endsWith('.wb.flk.npc.gov.cn'));
}

/** The portal's entry pages (home, search, columns): never one document, whatever script fills them with. */
function isPortalEntry(url: string | null): boolean {
  if (url === null) return true;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return true;
  }
  return /^\/(?:index\.html?)?$/i.test(path) || /^\/(?:search|fl|xzfg|jcfg|sfjs|dfxfg)(?:\.html?)?(?:\/|$)/i.test(path);
}

/** The detail template, recognisable without a URL. */
export function hasNpcDetail(doc: Document): boolean {
  return !!(queryFirst(doc, '#flName') && (queryFirst(doc, 'iframe#viewDoc') || queryFirst(doc, 'p.header-content')));
}

/** Any page of the portal, recognisable without a URL by its name in `<title>`. */
export function isNpcPortal(doc: Document): boolean {
  return hasNpcDetail(doc) || (documentTitle(doc) ?? '').includes('国家法律法规数据库');
}

/** Header spans by id, used only when a `p.header-content` has no label text of its own. */
const ID_LABELS: Record<string, string> = {
  xlwj: '法律效力位阶',
  zdjg: '制定机关',
  sxx: '时效性',
  sxrq: '施行日期',
  gbrq: '公布日期',
};

/** `<p class="header-content">制定机关：<span id="zdjg">全国人大常委会</span></p>`: label from the text, not the id. */
function readHeader(doc: Document, into: LabelledFields): void {
  for (const p of queryAll(doc, 'p.header-content')) {
    const span = queryFirst(p, 'span');
    let labelText = '';
    for (const node of Array.from(p.childNodes)) {
      if (node === span) break;
      if (node.nodeType === 3) labelText += (node as Text).data;
      else if (node.nodeType === ELEMENT_NODE) labelText += shortText(node, 40) ?? '';
    }
    const label = cleanLabel(labelText) || ID_LABELS[attr(span, 'id') ?? ''] || '';
    const value = squash((span ? shortText(span, 500) : null) ?? '');
    // Empty spans are not printed values yet: the shell fills them in by script.
    if (label && value && !(label in into)) into[label] = value;
  }
}

/** The iframe's document body when it is same-origin and filled, else null. */
function iframeBody(frame: Element | null): Element | null {
  if (!frame) return null;
  try {
    const inner = (frame as HTMLIFrameElement).contentDocument;
    if (!inner) return null;
    const body = bodyOf(inner);
    if (body && countHan(boundedText(body, 50000)) >= 20) return body;
  } catch {
    /* cross-origin: not readable */
  }
  return null;
}

/** Containers the portal fills with the text when it renders the 网页版 without the iframe. */
const FILLED_CONTAINERS = ['#viewDocHtml', '.law-content', '#content', '.content1 .wen-box', '.content1'];

function filledContainer(doc: Document): Element | null {
  for (const sel of FILLED_CONTAINERS) {
    for (const el of queryAll(doc, sel)) {
      if (countHan(boundedText(el, 50000)) >= 50) return el;
    }
  }
  return null;
}

/** The container of a law-text page, filled or not; null when the page has none. */
function lawContainer(doc: Document): Element | null {
  return queryFirst(doc, 'div.law-content') ?? queryFirst(doc, '.law-content');
}

/**
 * A law-text page (the frame's document): served from the law-text host, or, without a URL, the portal's
 * `.law-content` markup without the detail shell around it.
 */
export function isLawTextPage(doc: Document, url: string | null): boolean {
  if (hasNpcDetail(doc)) return false;
  return isLawTextHost(url) || lawContainer(doc) !== null;
}

/**
 * The frame of a detail shell whose text another origin serves (the law-text host): the text is read and
 * painted inside that frame, and the shell has nothing of its own to analyse. Null when the shell has no
 * such frame (yet: the portal sets its `src` by script).
 */
export function lawTextFrame(doc: Document, pageUrl: string | null): Element | null {
  if (!hasNpcDetail(doc)) return null;
  for (const frame of queryAll(doc, 'iframe')) {
    const src = attr(frame, 'src');
    if (!src) continue;
    let resolved: string;
    try {
      resolved = new URL(src, pageUrl ?? undefined).href;
    } catch {
      continue;
    }
    if (isLawTextHost(resolved)) return frame;
  }
  return null;
}

/** Title-like first lines of a law text: short, no sentence punctuation, a 法/条例/决定… name. */
const LAW_NAME =
  /^[^，。；：！？,;:!?]{2,80}(?:法|条例|规定|规则|办法|决定|决议|解释|细则|纲要|章程|宪法|修正案)(?:（[^）]{1,30}）)?$/;

function firstLine(el: Element): string | null {
  for (const p of queryAll(el, 'p, h1, h2, h3, div')) {
    const line = squash(shortText(p, 200) ?? '');
    if (line) return line;
  }
  return null;
}

/** A law-text page: the `.law-content` paragraphs (or the whole body), the title from `<title>` or the first line. */
function extractLawText(doc: Document, url: string | null): ExtractedPage {
  const labelled: LabelledFields = {};
  const container = lawContainer(doc) ?? bodyOf(doc);
  const filled = container !== null && countHan(boundedText(container, 50000)) >= 50;
  const docTitle = squash(documentTitle(doc) ?? '');
  const opening = filled ? firstLine(container) : null;
  const title =
    docTitle && !docTitle.includes('国家法律法规数据库')
      ? docTitle
      : opening && LAW_NAME.test(opening)
        ? opening
        : null;
  if (title) labelled['标题'] = title;
  return {
    site: 'npc',
    roots: filled ? [container] : [],
    skip: makeSkip({ chrome: true }),
    labelled,
    title,
    url,
    // Empty yet: the text arrives by script (a newer page fills the container after load).
    pageSignals: { listPage: false, pending: !filled },
  };
}

export function extractNpc(doc: Document, url: string | null): ExtractedPage {
  const labelled: LabelledFields = {};
  const stats = listStats(doc);
  if (isLawTextPage(doc, url)) return extractLawText(doc, url);
  if (!hasNpcDetail(doc)) {
    const listPage = isListPage(stats, 0);
    // A page of the newer portal that prints a document in its own page, by script after load: read it
    // as any page is read (the detector decides; an empty page now is read again when its text arrives).
    if (!listPage && !isPortalEntry(url)) return extractGeneric(doc, url, { site: 'npc' });
    // Home, search and column pages of the portal: no document.
    return {
      site: 'npc',
      roots: [],
      skip: () => false,
      labelled,
      title: null,
      url,
      pageSignals: { listPage, pending: false },
    };
  }
  readHeader(doc, labelled);
  const nameEl = queryFirst(doc, '#flName');
  const title = nameEl ? squash(shortText(nameEl, 500) ?? '') : '';
  if (title) labelled['标题'] = title;
  const body = title ? (iframeBody(queryFirst(doc, 'iframe#viewDoc')) ?? filledContainer(doc)) : null;
  const roots = body ? [body] : [];
  return {
    site: 'npc',
    roots,
    skip: makeSkip({ chrome: true }),
    labelled,
    title: title || null,
    url,
    pageSignals: { listPage: false, pending: roots.length === 0 },
  };
}
