/**
 * Page → ExtractedPage: which elements hold the notice's body, what to leave out of their text, the
 * labelled metadata block, the title, and page-level list/pending evidence.
 *
 * The adapter is chosen by URL host when the host is known (pkulaw.com, www.gov.cn, flk.npc.gov.cn), else
 * by DOM structure (saved pages, `file://`, tests with no URL), else the generic extractor. Extraction
 * never throws: a failing adapter falls back to the generic path, and that to an empty page.
 */

import type { ExtractedPage } from '../types';
import { extractGeneric } from './generic';
import { extractGovcn, hasGovcnStructure, isGovcnHost } from './govcn';
import { extractNpc, isNpcHost, isNpcPortal } from './npc';
import { extractPkulaw, hasPkulawDetail, isPkulawHost } from './pkulaw';

export { extractPkulawApiRecord } from './pkulaw';

type Adapter = 'pkulaw' | 'govcn' | 'npc' | 'generic';

function chooseAdapter(doc: Document, url: string | null): Adapter {
  if (isPkulawHost(url)) return 'pkulaw';
  if (isNpcHost(url)) return 'npc';
  if (isGovcnHost(url)) return 'govcn';
  // Unknown host or no URL: recognise the templates themselves.
  if (hasPkulawDetail(doc)) return 'pkulaw';
  if (isNpcPortal(doc)) return 'npc';
  if (hasGovcnStructure(doc)) return 'govcn';
  return 'generic';
}

function runAdapter(adapter: Adapter, doc: Document, url: string | null): ExtractedPage {
  switch (adapter) {
    case 'pkulaw':
      return extractPkulaw(doc, url) ?? extractGeneric(doc, url, { site: 'pkulaw' });
    case 'govcn':
      return extractGovcn(doc, url) ?? extractGeneric(doc, url, { site: 'govcn' });
    case 'npc':
      return extractNpc(doc, url);
    default:
      return extractGeneric(doc, url);
  }
}

function emptyPage(url: string | null): ExtractedPage {
  return {
    site: 'generic',
    roots: [],
    skip: () => false,
    labelled: {},
    title: null,
    url,
    pageSignals: { listPage: false, pending: false },
  };
}

/** Extract a page. Never throws, whatever the document (no body, frameset, deep nesting, huge text). */
export function extractPage(doc: Document, url: string | null): ExtractedPage {
  let adapter: Adapter = 'generic';
  try {
    adapter = chooseAdapter(doc, url);
    return runAdapter(adapter, doc, url);
  } catch {
    /* the adapter failed on this page: try the generic path */
  }
  try {
    const page = extractGeneric(doc, url, { readability: false });
    if (adapter !== 'generic') page.site = adapter;
    return page;
  } catch {
    const page = emptyPage(url);
    if (adapter !== 'generic') page.site = adapter;
    return page;
  }
}
