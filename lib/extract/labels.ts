/**
 * Labelled metadata blocks: `label：value` pairs read as text, never by position.
 *
 * gov.cn rearranged its table cells with every redesign (`tr[2]/td[4]` XPaths broke each time), and
 * labels arrive as `标\u3000\u3000题：`, `标<span>&nbsp;&nbsp;</span>题：`, `索 引 号：`. So a label is the cell's
 * text with all whitespace and a trailing colon removed, and the value is whatever cell follows it.
 */

import type { LabelledFields } from '../types';
import { ELEMENT_NODE, TEXT_NODE, attr, shortText, squash, tagOf } from './dom';

/** `标\u3000\u3000题：` → `标题`. Also drops the 【】 of legacy pkulaw fields. */
export function cleanLabel(raw: string): string {
  return raw
    .replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '')
    .replace(/^【(.*)】$/, '$1')
    .replace(/[：:]+$/, '');
}

/**
 * Labels of metadata blocks on notice pages (gov.cn tables, 信息公开 tables, pkulaw, flk). A cell whose text
 * is one of these is a label even without a colon; any other short Han cell ending in `：` is one too.
 */
export const KNOWN_LABELS = new Set([
  // gov.cn 国务院文件 / policy library
  '索引号',
  '主题分类',
  '发文机关',
  '成文日期',
  '标题',
  '发文字号',
  '发布日期',
  '来源',
  '公文种类',
  '主题词',
  // 信息公开 tables on provincial, city and county sites
  '组配分类',
  '信息分类',
  '体裁分类',
  '服务对象分类',
  '发文机构',
  '发布机构',
  '发文单位',
  '文号',
  '发文日期',
  '生成日期',
  '生效时间',
  '生效日期',
  '废止时间',
  '废止日期',
  '失效时间',
  '有效性',
  '有效期',
  '公开目录',
  '公开形式',
  '公开方式',
  '公开范围',
  '公开日期',
  '公开时限',
  '文件名称',
  '名称',
  '内容概述',
  '关键词',
  '信息名称',
  '所属机构',
  '统一编号',
  '登记号',
  '文件编号',
  '发布时间',
  '成文时间',
  '信息索引号',
  // pkulaw and flk
  '制定机关',
  '发布部门',
  '批准部门',
  '批准日期',
  '公布日期',
  '施行日期',
  '实施日期',
  '时效性',
  '效力级别',
  '效力位阶',
  '法律效力位阶',
  '法规类别',
  '失效依据',
  '法宝引证码',
]);

/** A short Han-only label followed by a colon, e.g. an unusual `印发机关：`. */
const COLON_LABEL = /^[\u4e00-\u9fff]{2,8}$/;

/** The cell's label, or null when the cell is not a label. */
export function labelOfCell(cell: Element): string | null {
  const text = shortText(cell, 40);
  if (text == null) return null;
  const label = cleanLabel(text);
  if (!label) return null;
  if (KNOWN_LABELS.has(label)) return label;
  if (/[：:][\s\u3000\u00a0]*$/.test(text) && COLON_LABEL.test(label)) return label;
  return null;
}

/** `发文字号：国发〔2019〕5号` in one element: [label, value] for a known label, else null. */
export function splitLabelLine(text: string): [string, string] | null {
  const m = /^[\s\u3000\u00a0]*([^：:\n]{2,16}?)[\s\u3000\u00a0]*[：:]([\s\S]*)$/.exec(text);
  if (!m) return null;
  const label = cleanLabel(m[1]);
  if (!KNOWN_LABELS.has(label)) return null;
  return [label, squash(m[2])];
}

function cellValue(cell: Element): string {
  const title = attr(cell, 'title');
  const text = shortText(cell, 4000);
  if (text != null && squash(text)) return squash(text);
  return title ? squash(title) : '';
}

/** Direct rows of a table (not those of tables nested in its cells). */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of Array.from(table.children)) {
    const tag = tagOf(child);
    if (tag === 'TR') rows.push(child);
    else if (tag === 'TBODY' || tag === 'THEAD' || tag === 'TFOOT') {
      for (const tr of Array.from(child.children)) if (tagOf(tr) === 'TR') rows.push(tr);
    }
  }
  return rows;
}

/**
 * Read a label/value table into `into` (first value wins). A label cell is followed by its value cell;
 * a label followed by another label (or by nothing) has an empty value, as gov.cn prints an empty 发文字号.
 * Returns how many labels were read.
 */
export function readLabelTable(table: Element, into: LabelledFields): number {
  let read = 0;
  for (const row of rowsOf(table)) {
    const cells = Array.from(row.children).filter((c) => {
      const t = tagOf(c);
      return t === 'TD' || t === 'TH';
    });
    for (let i = 0; i < cells.length; i++) {
      const label = labelOfCell(cells[i]);
      if (label) {
        const next = cells[i + 1];
        const value = next && !labelOfCell(next) ? cellValue(next) : '';
        if (!(label in into)) into[label] = value;
        read++;
        if (next && !labelOfCell(next)) i++;
        continue;
      }
      // `索引号：000014349/2019-00007` in a single cell.
      const text = shortText(cells[i], 400);
      const pair = text != null ? splitLabelLine(text) : null;
      if (pair) {
        if (!(pair[0] in into)) into[pair[0]] = pair[1];
        read++;
      }
    }
  }
  return read;
}

/** How many known labels a table holds, without reading it (to tell metadata tables from layout tables). */
export function countTableLabels(table: Element): number {
  const probe: LabelledFields = {};
  return readLabelTable(table, probe);
}

/** The first non-blank node after `node` among its following siblings, climbing out of inline wrappers. */
function nextValueNode(node: Node): Node | null {
  for (let n: Node | null = node, depth = 0; n && depth < 3; n = n.parentNode, depth++) {
    let sib = n.nextSibling;
    while (sib && sib.nodeType === TEXT_NODE && !squash((sib as Text).data)) sib = sib.nextSibling;
    if (sib) return sib;
  }
  return null;
}

/**
 * 信息公开 blocks outside tables: `<li><span>发文字号：</span><span>X</span></li>`, `<p>索引号：X</p>`.
 * Reads the short text nodes the page survey collected; only known labels are taken, so body prose is
 * never read as metadata. A lone label takes the next node's text as its value.
 */
export function readLabelTexts(texts: readonly Text[], into: LabelledFields): number {
  let read = 0;
  for (const t of texts) {
    const data = t.data;
    const pair = splitLabelLine(data);
    if (pair && pair[1]) {
      if (!(pair[0] in into)) {
        into[pair[0]] = pair[1];
        read++;
      }
      continue;
    }
    if (!pair || pair[1]) continue;
    // `<span>发文字号：</span><span>X</span>`: the value is the next node.
    const next = nextValueNode(t);
    let value: string | null = null;
    if (next && next.nodeType === TEXT_NODE) value = squash((next as Text).data);
    else if (next && next.nodeType === ELEMENT_NODE) {
      const v = shortText(next, 400);
      if (v != null && !splitLabelLine(v)) value = squash(v);
    }
    if (value && !(pair[0] in into)) {
      into[pair[0]] = value;
      read++;
    }
  }
  return read;
}

/**
 * Page metas that carry metadata, with the label each stands for. Metas only fill labels the page's own
 * block did not print. `lanmu` is a column name, or on 国务院公报 pages the issue number (2014年第20号),
 * which is not a 文号: it gets its own label.
 */
export const META_LABELS: ReadonlyArray<{ meta: string; label: string }> = [
  { meta: 'articletitle', label: '标题' }, // provincial TRS/jcms sites
  { meta: 'pubdate', label: '发布日期' }, // `YYYY-MM-DD HH:mm[:ss]`
  { meta: 'contentsource', label: '来源' },
  { meta: 'columnname', label: '栏目' },
  { meta: 'firstpublishedtime', label: '发布日期' }, // gov.cn `2026-09-28-21:50:00`
];

export function readMetaLabels(metas: Map<string, string>, into: LabelledFields): void {
  for (const { meta, label } of META_LABELS) {
    const v = metas.get(meta);
    if (v && !(label in into)) into[label] = v;
  }
}
