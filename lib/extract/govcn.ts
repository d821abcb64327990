/**
 * www.gov.cn (TRS CMS). The body is always `#UCAP-CONTENT`; the metadata block depends on the template:
 *
 * - 国务院文件, old (≈2014–22): `table.bd1`, cells `<td><b>LABEL：</b></td>` + value cell.
 * - policy library (current): `.policyLibraryOverview_header table`; the body is printed twice
 *   (`.pages_content.mhide#UCAP-CONTENT` and `.pages_contentm.pchide`), and only the first copy is read.
 * - 国务院公报: `div.oneColumn_gwygb > #UCAP-CONTENT` with metas (`lanmu` = the issue number).
 * - news-style (`h1#ti`, `div.pages-date`, no table): a gov.cn page, not necessarily a notice.
 */

import type { ExtractedPage, LabelledFields } from '../types';
import { countHanUpTo, hostOf, queryAll, queryFirst, readMetas, shortText, squash } from './dom';
import { readLabelTable, readMetaLabels } from './labels';
import { LIST_MAX_BODY_HAN } from './list-page';
import { listPageFor } from './survey';
import { makeSkip } from './skip';
import { stripGovcnSuffixes, titleFromPage } from './title';

export function isGovcnHost(url: string | null): boolean {
  const host = hostOf(url);
  return !!host && (host === 'gov.cn' || host === 'www.gov.cn' || host.endsWith('.www.gov.cn'));
}

/** gov.cn templates recognisable without a URL (saved pages, fragments, tests). */
export function hasGovcnStructure(doc: Document): boolean {
  return !!(
    queryFirst(doc, 'table.bd1') ||
    queryFirst(doc, '.policyLibraryOverview_header') ||
    queryFirst(doc, '.oneColumn_gwygb') ||
    (queryFirst(doc, '#UCAP-CONTENT') && queryFirst(doc, 'meta[name="manuscriptId"], meta[name="manuscriptid"]'))
  );
}

/** A gov.cn page, or null when it has no `#UCAP-CONTENT` (home, search, column pages go to the generic path). */
export function extractGovcn(doc: Document, url: string | null): ExtractedPage | null {
  const body = queryFirst(doc, '#UCAP-CONTENT') ?? queryFirst(doc, '.pages_content:not(.pchide)');
  if (!body) return null;

  const labelled: LabelledFields = {};
  for (const table of [...queryAll(doc, 'table.bd1'), ...queryAll(doc, '.policyLibraryOverview_header table')]) {
    readLabelTable(table, labelled);
  }

  const metas = readMetas(doc);
  const gongbao =
    /^gb\d/i.test(metas.get('catalog') ?? '') || /\/gongbao\//.test(url ?? '') || !!queryFirst(doc, '.oneColumn_gwygb');
  const lanmu = metas.get('lanmu');
  // On 公报 pages `lanmu` is the issue (2014年第20号): an issue number, never a 文号.
  if (lanmu) {
    const label = gongbao ? '公报期号' : '栏目';
    if (!(label in labelled)) labelled[label] = lanmu;
  }
  readMetaLabels(metas, labelled);

  const heading = queryFirst(doc, 'h1#ti') ?? queryFirst(doc, '.article h1') ?? queryFirst(doc, '.pages-title');
  const headingText = heading ? squash(shortText(heading, 400) ?? '') : '';
  const title = labelled['标题'] || headingText || titleFromPage(doc, stripGovcnSuffixes);

  const bodyHan = countHanUpTo(body, LIST_MAX_BODY_HAN);
  return {
    site: 'govcn',
    roots: [body],
    skip: makeSkip({ chrome: true }),
    labelled,
    title: title || null,
    url,
    pageSignals: { listPage: listPageFor(doc, bodyHan), pending: false },
  };
}
