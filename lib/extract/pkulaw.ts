/**
 * 北大法宝 (pkulaw.com): detail pages and app-API records.
 *
 * Structure from docs/notice-pages.md §2 (public scrapers 2018–2025; no saved detail page is public, so the
 * test page is built from that description). The metadata block is `div.fields > ul > li`, the body
 * `#divFullText` (pre-2020 `div.zhang#div_fulltext_start`), and the body is interleaved with 法宝联想
 * placeholders and product promotion that must never reach the text.
 */

import type { ExtractedPage, LabelledFields } from '../types';
import {
  TEXT_NODE,
  attr,
  bodyOf,
  boundedText,
  countHan,
  countHanUpTo,
  hostOf,
  isElement,
  pageRoot,
  queryAll,
  queryFirst,
  shortText,
  squash,
  tagOf,
} from './dom';
import { LEVEL_CODES, VALIDITY_CODES } from '../metadata/labels';
import { cleanLabel } from './labels';
import { LIST_MAX_BODY_HAN } from './list-page';
import { listPageFor } from './survey';
import { makeSkip, markTextMatches } from './skip';

/** Body noise by class: 法宝联想 placeholders, icons, feedback buttons and menus, the old citation box. */
export const PKULAW_NOISE_CLASSES = [
  'TiaoYinV2',
  'TiaoYin',
  'c-icon',
  'fbWindow-btn',
  'fb-dropdown',
  'TyFblx',
  'fb-info',
  'fb-info-code',
];

/** Footer and promotion strings (compared with whitespace removed, case-insensitive). */
export const PKULAW_PROMO_STRINGS = [
  '正文右侧法宝联想',
  '法宝产品资讯',
  '北大法宝1985年',
  '爱法律有未来',
  '爱法律,有未来',
  '爱法律，有未来',
  '开通会员解锁全库',
  '已购买此数据库',
  '复制全文',
  '法宝版',
  '纯净版',
  '下载pdf',
  '下载word',
];

/** The record id line pkulaw appends to a body (`chl_124290`, `lar_…`). */
const ID_LINE = /^(?:chl|lar|pfnl|lfbj|eagn|iel|hkd|twd|aom)_[0-9a-z]+$/i;

/** `CLI.1.5332699`, `CLI.12.7186154`, `CLI.C.…`, `CLI.DL.…`: kept opaque. */
const CITATION = /CLI\.[0-9A-Z]+\.[0-9A-Za-z]+/;

function isPromo(compact: string): boolean {
  const lower = compact.toLowerCase();
  return ID_LINE.test(compact) || PKULAW_PROMO_STRINGS.some((s) => lower.includes(s));
}

/** A short element whose text is promotion (a sibling root of a pre-2020 body can be one). */
function isPromoBlock(el: Element): boolean {
  const text = shortText(el, 120);
  return text != null && isPromo(text.replace(/[\s\u3000\u00a0]+/g, ''));
}

export function isPkulawHost(url: string | null): boolean {
  const host = hostOf(url);
  return !!host && /(?:^|\.)pkulaw\.(?:com|cn)$/.test(host);
}

/** Whether the DOM is a pkulaw detail page (works without a URL: saved pages, tests). */
export function hasPkulawDetail(doc: Document): boolean {
  return !!(
    queryFirst(doc, '.fulltext-wrap') ||
    queryFirst(doc, '.container.fulltext-container') ||
    queryFirst(doc, '#divFullText') ||
    queryFirst(doc, '#div_fulltext_start')
  );
}

/** The value of a `.fields` item: `span[title]`, else `li[title]`, else the item's text after its label. */
function fieldValue(li: Element, labelEl: Element | null): string {
  const spans = queryAll(li, 'span[title]').filter((s) => !labelEl || !labelEl.contains(s));
  const fromSpans = spans.map((s) => squash(attr(s, 'title') || shortText(s, 500) || '')).filter(Boolean);
  if (fromSpans.length > 0) return fromSpans.join(' ');
  const liTitle = attr(li, 'title');
  if (liTitle && squash(liTitle)) return squash(liTitle);
  const full = squash(shortText(li, 2000) ?? '');
  const label = labelEl ? squash(shortText(labelEl, 200) ?? '') : '';
  const rest = label && full.startsWith(label) ? full.slice(label.length) : full;
  return squash(rest.replace(/^[\s：:]+/, ''));
}

function readFields(scope: ParentNode, into: LabelledFields): void {
  let items = queryAll(scope, 'div.fields > ul > li');
  if (items.length === 0) items = queryAll(scope, '.fields li');
  for (const li of items) {
    const labelEl = queryFirst(li, 'div.box > strong') ?? queryFirst(li, 'strong');
    let label = labelEl ? cleanLabel(shortText(labelEl, 60) ?? '') : '';
    if (!label) {
      // `制定机关：全国人大常委会` as plain text.
      const text = shortText(li, 300) ?? '';
      const m = /^\s*([^：:]{2,10})[：:]/.exec(text);
      if (m) label = cleanLabel(m[1]);
    }
    if (!label || label in into) continue;
    into[label] = fieldValue(li, labelEl);
  }
}

/** Status markers printed with the title (`[失效]`), which are 时效性, not title. */
const TITLE_STATUS = /\s*[[【](?:失效|已被修改|部分失效|尚未生效|现行有效|废止)[\]】]\s*/g;

function readTitle(scope: ParentNode, doc: Document): string | null {
  const h2 = queryFirst(scope, 'h2.title') ?? queryFirst(doc, 'h2.title');
  const fromH2 = h2 ? squash((shortText(h2, 500) ?? '').replace(TITLE_STATUS, ' ')) : '';
  if (fromH2) return fromH2;
  const input = queryFirst(doc, 'input#ArticleTitle');
  const v = input ? squash(attr(input, 'value') ?? '') : '';
  return v || null;
}

/** The body: `#divFullText`, else the pre-2020 start marker (itself, or its siblings up to `.fb-info`). */
function findBody(scope: ParentNode, doc: Document): Element[] {
  const full = queryFirst(scope, 'div#divFullText') ?? queryFirst(doc, '#divFullText');
  if (full) return [full];
  const start = queryFirst(scope, '#div_fulltext_start') ?? queryFirst(doc, '#div_fulltext_start');
  if (start) {
    if (countHan(boundedText(start, 20000)) >= 20) return [start];
    const roots: Element[] = [];
    for (let sib = start.nextElementSibling; sib; sib = sib.nextElementSibling) {
      const cls = attr(sib, 'class') ?? '';
      if (/\bfb-info\b/.test(cls)) break;
      roots.push(sib);
    }
    if (roots.length > 0) return roots;
  }
  const anyFull = queryFirst(scope, '.fulltext');
  return anyFull ? [anyFull] : [];
}

/** A pkulaw detail page, or null when the page has no detail structure (search and list pages). */
export function extractPkulaw(doc: Document, url: string | null): ExtractedPage | null {
  if (!hasPkulawDetail(doc)) return null;
  const wrap = queryFirst(doc, '.fulltext-wrap') ?? queryFirst(doc, '.container.fulltext-container') ?? doc;
  const labelled: LabelledFields = {};
  const title = readTitle(wrap, doc);
  if (title) labelled['标题'] = title;
  readFields(wrap, labelled);
  const info = queryFirst(wrap, '.info') ?? queryFirst(doc, 'div.fb-info.fb-info-code') ?? queryFirst(doc, '.fb-info');
  const cite = info ? CITATION.exec(shortText(info, 500) ?? '') : null;
  if (cite && !('法宝引证码' in labelled)) labelled['法宝引证码'] = cite[0];

  const marked = new Set<Element>();
  const noise = makeSkip({ classes: PKULAW_NOISE_CLASSES });
  // Pre-2020 bodies are sibling runs, where a 法宝联想 box can itself be one of the siblings.
  const roots = findBody(wrap, doc).filter((r) => !noise(r) && !isPromoBlock(r));
  for (const r of roots) markTextMatches(r, isPromo, marked, 80);
  const skip = makeSkip({ classes: PKULAW_NOISE_CLASSES, marked });
  let bodyHan = 0;
  for (const r of roots) if (bodyHan < LIST_MAX_BODY_HAN) bodyHan += countHanUpTo(r, LIST_MAX_BODY_HAN);
  return {
    site: 'pkulaw',
    roots,
    skip,
    labelled,
    title,
    url,
    pageSignals: { listPage: listPageFor(doc, bodyHan), pending: false },
  };
}

// ---------------------------------------------------------------------------------------------------
// App-API records (fixture pos-18): `data.law` with camelCase keys, or the newer capitalised keys.

/** 时效性 codes of the API (`TimelinessDic`): the ones a label's value may be, and two only the API sends. */
const TIMELINESS_CODES: Record<string, string> = {
  ...VALIDITY_CODES,
  '04': '尚未生效',
  '05': '部分失效',
};

/** A key's value, whatever its case (`title` / `Title`, `documentNO` / `DocumentNO`). */
function pick(record: Record<string, unknown>, ...names: string[]): unknown {
  const wanted = names.map((n) => n.toLowerCase());
  for (const key of Object.keys(record)) if (wanted.includes(key.toLowerCase())) return record[key];
  return undefined;
}

function asText(v: unknown): string {
  if (typeof v === 'string') return squash(v);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

/** A code like `XE0303`, `01`, `60210`: not a name. */
const CODE_LIKE = /^[A-Za-z]{0,3}\d+$/;

/**
 * Names from a code→name dictionary. Hierarchical dictionaries (`{"6":"国务院各机构","602":"各部",
 * "60210":"财政部"}`) give their leaves (codes no other code extends); code-as-name entries
 * (`"XE0303":"XE0303"`) are dropped or resolved through `codes`.
 */
function dictNames(v: unknown, codes?: Record<string, string>, depth = 0): string[] {
  if (typeof v === 'string' || typeof v === 'number') {
    const s = asText(v);
    if (!s) return [];
    return [codes ? (codeName(s, codes) ?? s) : s];
  }
  // A list of names or dictionaries; anything nested deeper is not a dictionary the API writes.
  if (Array.isArray(v)) return depth < MAX_DICT_DEPTH ? v.flatMap((x) => dictNames(x, codes, depth + 1)) : [];
  if (!v || typeof v !== 'object') return [];
  const entries = Object.entries(v as Record<string, unknown>).map(([k, val]) => [k, asText(val)] as const);
  // A code is a leaf unless another code extends it. Codes extending `c` sort right after `c`, so looking
  // at the next code in sorted order is enough (linear after the sort, whatever the dictionary's size).
  const sorted = entries.map(([k]) => k).sort();
  const inner = new Set<string>();
  for (let i = 0; i + 1 < sorted.length; i++) if (sorted[i + 1].startsWith(sorted[i])) inner.add(sorted[i]);
  const names = new Set<string>();
  for (const [code, name] of entries) {
    if (inner.has(code)) continue; // not a leaf
    let n = name && name !== code && !CODE_LIKE.test(name) ? name : '';
    if (!n && codes) n = codeName(code, codes) ?? '';
    if (n) names.add(n);
  }
  if (names.size === 0) {
    // Only code-as-name leaves: the deepest entry with a real name.
    const byDepth = [...entries].sort((a, b) => b[0].length - a[0].length);
    const named = byDepth.find(([code, name]) => name && name !== code && !CODE_LIKE.test(name));
    if (named) names.add(named[1]);
  }
  return [...names];
}

/** Lists inside lists deeper than this are not read as names. */
const MAX_DICT_DEPTH = 4;

function codeName(code: string, codes: Record<string, string>): string | null {
  if (codes[code]) return codes[code];
  for (const [k, name] of Object.entries(codes)) if (code.startsWith(k)) return name;
  return null;
}

/** Locate the record: `data.law`, `data`, `law`, or the object itself; also a JSON string of any of these. */
function findRecord(json: unknown): Record<string, unknown> | null {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
  const hasRecord = (x: Record<string, unknown>) =>
    pick(x, 'title') !== undefined || pick(x, 'fulltext') !== undefined || pick(x, 'gid') !== undefined;
  const queue: unknown[] = [value];
  for (let i = 0; i < queue.length && i < 8; i++) {
    const x = queue[i];
    if (!isObj(x)) continue;
    const law = pick(x, 'law');
    if (isObj(law) && hasRecord(law)) return law;
    if (hasRecord(x)) return x;
    const data = pick(x, 'data', 'result', 'record');
    if (isObj(data)) queue.push(data);
    else if (Array.isArray(data) && data.length > 0) queue.push(data[0]);
  }
  return null;
}

/**
 * A pkulaw API record as an ExtractedPage: canonical labels (标题, 发文字号, 发布部门, 发布日期, 实施日期,
 * 时效性, 效力级别, and 批准部门/批准日期/法规类别 when given) and the parsed `fullText` body as the root.
 * `parseHtml` is the caller's parser (DOMParser in the extension, linkedom in Node); the document it
 * returns is ours, so the trailing record-id line is removed from it.
 */
export function extractPkulawApiRecord(
  json: unknown,
  parseHtml: (html: string) => Document,
): { page: ExtractedPage } | { error: string } {
  try {
    const record = findRecord(json);
    if (!record) return { error: 'Not a pkulaw record: no law data found in the JSON.' };
    const fullText = pick(record, 'fulltext', 'fullTextHtml', 'content');
    if (typeof fullText !== 'string' || !fullText.trim()) {
      return { error: 'The pkulaw record has no full text (fullText is missing or empty).' };
    }
    const labelled: LabelledFields = {};
    const set = (label: string, value: string) => {
      if (value) labelled[label] = value;
    };
    const title = asText(pick(record, 'title'));
    set('标题', title);
    set('发文字号', asText(pick(record, 'documentno', 'documentnumber')));
    set('发布部门', dictNames(pick(record, 'issuedepartment')).join(' '));
    set('发布日期', asText(pick(record, 'issuedate')));
    set('实施日期', asText(pick(record, 'implementdate')));
    set('时效性', dictNames(pick(record, 'timelinessdic', 'timeliness'), TIMELINESS_CODES).join(' '));
    set('效力级别', dictNames(pick(record, 'effectivenessdic', 'effectiveness'), LEVEL_CODES).join(' '));
    set('批准部门', dictNames(pick(record, 'ratifydepartment')).join(' '));
    set('批准日期', asText(pick(record, 'ratifydate')));
    set('法规类别', dictNames(pick(record, 'category')).join(' '));

    let doc: Document;
    try {
      doc = parseHtml(`<!DOCTYPE html><html><head></head><body>${fullText}</body></html>`);
    } catch (e) {
      return { error: `The record's full text could not be parsed: ${(e as Error)?.message ?? e}` };
    }
    const root = bodyOf(doc) ?? pageRoot(doc);
    if (!root) return { error: "The record's full text parsed to an empty document." };
    removeIdLines(root);
    const marked = new Set<Element>();
    markTextMatches(root, isPromo, marked, 80);
    const url = asText(pick(record, 'url')) || null;
    return {
      page: {
        site: 'pkulaw',
        roots: [root],
        skip: makeSkip({ classes: PKULAW_NOISE_CLASSES, marked }),
        labelled,
        title: title || null,
        url,
        pageSignals: { listPage: false, pending: false },
      },
    };
  } catch (e) {
    return { error: `The pkulaw record could not be read: ${(e as Error)?.message ?? e}` };
  }
}

/** Remove `chl_124290`-style text nodes lying directly in the body (only in documents we parsed). */
function removeIdLines(root: Element): void {
  for (const node of Array.from(root.childNodes)) {
    if (node.nodeType === TEXT_NODE && ID_LINE.test((node as Text).data.trim())) root.removeChild(node);
    else if (isElement(node) && tagOf(node) !== 'BR' && ID_LINE.test((shortText(node, 40) ?? '').trim())) {
      root.removeChild(node);
    }
  }
}
