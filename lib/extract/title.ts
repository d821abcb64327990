/**
 * The title as the page states it, from `<title>` with the site's suffixes stripped, or from a heading
 * that the `<title>` confirms.
 */

import { documentTitle, queryAll, shortText, squash } from './dom';

/**
 * gov.cn `<title>` suffixes, stripped repeatedly from the end (`…__2014年第20号国务院公报_中国政府网`).
 * The column names are those the site's templates append; anything else stays part of the title.
 */
const GOVCN_SUFFIXES: readonly RegExp[] = [
  /_+中国政府网$/,
  /_+国务院文件$/,
  /_+国务院部门文件$/,
  /_+\d{4}年第\d+号国务院公报$/,
  /_+国务院公报$/,
  /_+中央有关文件$/,
  /_+最新政策$/,
  /_+滚动新闻$/,
  /_+部门政务$/,
  /_+政策解读$/,
  /_+政策$/,
  /_+$/,
];

export function stripGovcnSuffixes(title: string): string {
  let t = title.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const re of GOVCN_SUFFIXES) {
      const next = t.replace(re, '').trim();
      if (next !== t && next.length > 0) {
        t = next;
        changed = true;
      }
    }
  }
  return squash(t);
}

/** Separators between a page title and its site/column names: `_`, `|`, ` - `, `-`, `——`. */
const TITLE_SEPARATOR = /\s*(?:_+|\||｜|\s-\s|-|—{1,2}|–)\s*/;

/**
 * A generic site's `<title>`: split at separators and keep the longest part (site names are shorter than
 * notice titles). `中华人民共和国监察法-纪检` → `中华人民共和国监察法`.
 */
export function stripSiteSuffix(title: string): string {
  const parts = title.split(TITLE_SEPARATOR).map(squash).filter(Boolean);
  if (parts.length <= 1) return squash(title);
  let best = parts[0];
  for (const p of parts) if (p.length > best.length) best = p;
  return best;
}

/**
 * The longest heading that `<title>` contains (the headline, not the site logo), else the stripped `<title>`.
 * `strip` is the site's suffix rule.
 */
export function titleFromPage(doc: Document, strip: (t: string) => string = stripSiteSuffix): string | null {
  const raw = documentTitle(doc);
  const compactRaw = raw ? raw.replace(/\s+/g, '') : '';
  // The longest heading <title> contains: the headline rather than the site name both repeat.
  let best = '';
  for (const h of queryAll(doc, 'h1, h2')) {
    const text = shortText(h, 300);
    if (!text) continue;
    const t = squash(text);
    if (t.length < 4 || t.length <= best.length) continue;
    if (compactRaw && compactRaw.includes(t.replace(/\s+/g, ''))) best = t;
  }
  if (best) return best;
  if (!raw) return null;
  const stripped = strip(raw);
  return stripped || null;
}
