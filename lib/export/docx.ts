/**
 * Word briefing (.docx): for each notice its title, a metadata table, the obligation clauses grouped by
 * bearer (category, clause, deadline) and the analyst's highlights with notes and tags.
 *
 * The package is the smallest Office Open XML (ECMA-376) that Word, WPS and LibreOffice open without
 * complaint: `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml` (the title), `word/document.xml`,
 * `word/styles.xml` and its relationship part, zipped by `zip.ts`. All page and analyst data is XML-escaped,
 * and characters XML 1.0 forbids (C0 controls other than tab and line breaks, lone surrogates,
 * U+FFFE/U+FFFF) are dropped, as are the discouraged C1 controls: Word refuses a file containing them.
 */

import type { Clause } from '../types';
import { groupInOrder, placedHighlights, type ExportItem, type PlacedHighlight } from './highlights';
import {
  CATEGORY_LABELS,
  COLOUR_FILLS,
  COLOUR_LABELS,
  NOT_STATED,
  NO_BEARER,
  NO_TITLE,
  PRODUCT_NAME,
  STRENGTH_LABELS,
  bearerLabel,
  metadataRows,
} from './labels';
import { zip, type ZipEntry } from './zip';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Characters outside the XML 1.0 `Char` production, plus C1 controls; `u` makes lone surrogates match. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe inside an XML element or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface RunStyle {
  bold?: boolean;
  /** Shading fill, hex RRGGBB. */
  fill?: string;
  colour?: string;
}

/** One run of text; line breaks become `<w:br/>` and tabs `<w:tab/>`, as Word expects. */
function run(text: string, style: RunStyle = {}): string {
  const props = [
    style.bold ? '<w:b/>' : '',
    style.colour ? `<w:color w:val="${style.colour}"/>` : '',
    style.fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${style.fill}"/>` : '',
  ].join('');
  const content = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .split('\t')
        .map((part) => (part === '' ? '' : `<w:t xml:space="preserve">${escapeXml(part)}</w:t>`))
        .join('<w:tab/>'),
    )
    .join('<w:br/>');
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${content}</w:r>`;
}

function paragraph(runs: string, style?: string): string {
  return `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${runs}</w:p>`;
}

const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

interface Cell {
  runs: string;
  fill?: string;
}

/** A bordered table; widths in twentieths of a point, summing to the A4 text width. */
function table(widths: number[], rows: Cell[][], headerRows = 0): string {
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const body = rows
    .map((cells, r) => {
      const trPr = r < headerRows ? '<w:trPr><w:tblHeader/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>';
      const tcs = cells
        .map((cell, c) => {
          const shd = cell.fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${cell.fill}"/>` : '';
          const tcPr = `<w:tcPr><w:tcW w:w="${widths[c]}" w:type="dxa"/>${shd}</w:tcPr>`;
          return `<w:tc>${tcPr}${paragraph(cell.runs, 'TableText')}</w:tc>`;
        })
        .join('');
      return `<w:tr>${trPr}${tcs}</w:tr>`;
    })
    .join('');
  return (
    `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/>` +
    `<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`
  );
}

const LABEL_FILL = 'F2F2F2';
/** A4 (11906 twips) less 2 × 1440 margins. */
const TEXT_WIDTH = 9026;

function metadataTable(item: ExportItem): string {
  const rows = metadataRows(item.notice.metadata, item.notice.urls).map(({ label, value }): Cell[] => [
    { runs: run(label, { bold: true }), fill: LABEL_FILL },
    { runs: value === null || value.trim() === '' ? run(NOT_STATED, { colour: '808080' }) : run(value) },
  ]);
  return table([2000, TEXT_WIDTH - 2000], rows);
}

function obligationsByBearer(clauses: readonly Clause[]): string[] {
  if (clauses.length === 0) return [paragraph(run('未发现义务条款。'))];
  const groups = groupInOrder(clauses, (c) => (c.bearer ? c.bearer.text : NO_BEARER), NO_BEARER);
  const out: string[] = [];
  for (const [bearer, group] of groups) {
    const label = group[0].bearer ? bearerLabel(group[0].bearer) : bearer;
    out.push(paragraph(run(`${label}（${group.length} 条）`), 'Heading3'));
    const header: Cell[] = ['类别', '条款', '期限'].map((h) => ({ runs: run(h, { bold: true }), fill: LABEL_FILL }));
    const rows = group.map((c): Cell[] => [
      { runs: run(`${CATEGORY_LABELS[c.category]}（${STRENGTH_LABELS[c.strength]}）`) },
      { runs: run(c.text) },
      { runs: run(c.deadline ? c.deadline.text : '—') },
    ]);
    out.push(table([1500, TEXT_WIDTH - 1500 - 2000, 2000], [header, ...rows], 1));
  }
  return out;
}

function highlight(h: PlacedHighlight): string[] {
  const a = h.annotation;
  const facts = [`颜色：${COLOUR_LABELS[a.colour]}`];
  const key = a.selectors.find((s) => s.type === 'StructuralKey');
  if (key && key.type === 'StructuralKey' && key.section) facts.push(`位置：${key.section}`);
  if (h.clause) facts.push(`条款类别：${CATEGORY_LABELS[h.clause.category]}`);
  const out = [
    paragraph(run(a.quote.length > 0 ? a.quote : '（无引文）', { fill: COLOUR_FILLS[a.colour] }), 'Quote'),
    paragraph(run(facts.join('　'), { colour: '595959' }), 'NoteMeta'),
  ];
  if (a.note.trim() !== '') out.push(paragraph(run('批注：', { bold: true }) + run(a.note)));
  const tags = a.tags.filter((t) => t.trim() !== '');
  if (tags.length > 0) out.push(paragraph(run('标签：', { bold: true }) + run(tags.map((t) => `#${t}`).join(' '))));
  return out;
}

function noticeSection(item: ExportItem): string[] {
  const { notice } = item;
  const title = notice.metadata.title?.trim() ? notice.metadata.title : NO_TITLE;
  const highlights = placedHighlights(notice, item.annotations);
  return [
    paragraph(run(title), 'Heading1'),
    metadataTable(item),
    paragraph(run('义务条款（按责任主体）'), 'Heading2'),
    ...obligationsByBearer(notice.obligations),
    paragraph(run('我的批注'), 'Heading2'),
    ...(highlights.length > 0 ? highlights.flatMap(highlight) : [paragraph(run('暂无批注。'))]),
  ];
}

function documentXml(items: readonly ExportItem[]): string {
  const sections = items.map((item) => noticeSection(item).join(''));
  const body = sections.length > 0 ? sections.join(PAGE_BREAK) : paragraph(run('没有选中的公文。'));
  return (
    `${XML_DECLARATION}<w:document xmlns:w="${W_NS}"><w:body>${body}<w:p/>` +
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>' +
    '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="851" w:footer="992" w:gutter="0"/>' +
    '</w:sectPr></w:body></w:document>'
  );
}

function paragraphStyle(id: string, name: string, pPr: string, rPr: string, outlineLevel?: number): string {
  const outline = outlineLevel === undefined ? '' : `<w:outlineLvl w:val="${outlineLevel}"/>`;
  return (
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>` +
    `<w:next w:val="Normal"/><w:qFormat/><w:pPr>${pPr}${outline}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`
  );
}

const HEADING_FONT = '<w:rFonts w:eastAsia="黑体"/><w:b/>';
const size = (halfPoints: number) => `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;
const spacing = (before: number, after: number) => `<w:spacing w:before="${before}" w:after="${after}"/>`;
const INDENT = '<w:ind w:left="284"/>';

/** Styles with Word's built-in ids (Heading1 …), so the navigation pane and table of contents pick them up. */
const STYLES_XML = [
  `${XML_DECLARATION}<w:styles xmlns:w="${W_NS}">`,
  '<w:docDefaults><w:rPrDefault><w:rPr>',
  '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/>',
  `${size(22)}<w:lang w:val="en-US" w:eastAsia="zh-CN"/>`,
  '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>',
  '<w:spacing w:after="120" w:line="300" w:lineRule="auto"/>',
  '</w:pPr></w:pPrDefault></w:docDefaults>',
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>',
  paragraphStyle(
    'Heading1',
    'heading 1',
    `<w:keepNext/>${spacing(240, 240)}<w:jc w:val="center"/>`,
    HEADING_FONT + size(36),
    0,
  ),
  paragraphStyle('Heading2', 'heading 2', `<w:keepNext/>${spacing(240, 120)}`, HEADING_FONT + size(28), 1),
  paragraphStyle('Heading3', 'heading 3', `<w:keepNext/>${spacing(160, 80)}`, HEADING_FONT + size(24), 2),
  paragraphStyle(
    'Quote',
    'Quote',
    `<w:keepNext/><w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="A6A6A6"/></w:pBdr>${spacing(160, 60)}${INDENT}`,
    '',
  ),
  paragraphStyle('NoteMeta', 'Note Meta', spacing(0, 60) + INDENT, size(18)),
  paragraphStyle('TableText', 'Table Text', '<w:spacing w:after="0" w:line="260" w:lineRule="auto"/>', size(20)),
  '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>',
  ...['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(
    (side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>`,
  ),
  '</w:tblBorders><w:tblCellMar>',
  '<w:top w:w="40" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>',
  '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="100" w:type="dxa"/>',
  '</w:tblCellMar></w:tblPr></w:style>',
  '</w:styles>',
].join('');

const PACKAGE = 'http://schemas.openxmlformats.org/package/2006';
const OFFICE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const OFFICE_TYPES = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

const CONTENT_TYPES_XML = [
  `${XML_DECLARATION}<Types xmlns="${PACKAGE}/content-types">`,
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
  '<Default Extension="xml" ContentType="application/xml"/>',
  `<Override PartName="/word/document.xml" ContentType="${OFFICE_TYPES}.document.main+xml"/>`,
  `<Override PartName="/word/styles.xml" ContentType="${OFFICE_TYPES}.styles+xml"/>`,
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
  '</Types>',
].join('');

const PACKAGE_RELS_XML = [
  `${XML_DECLARATION}<Relationships xmlns="${PACKAGE}/relationships">`,
  `<Relationship Id="rId1" Type="${OFFICE_RELATIONSHIPS}/officeDocument" Target="word/document.xml"/>`,
  `<Relationship Id="rId2" Type="${PACKAGE}/relationships/metadata/core-properties" Target="docProps/core.xml"/>`,
  '</Relationships>',
].join('');

const DOCUMENT_RELS_XML = [
  `${XML_DECLARATION}<Relationships xmlns="${PACKAGE}/relationships">`,
  `<Relationship Id="rId1" Type="${OFFICE_RELATIONSHIPS}/styles" Target="styles.xml"/>`,
  '</Relationships>',
].join('');

function coreXml(title: string): string {
  return [
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="${PACKAGE}/metadata/core-properties"`,
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>${PRODUCT_NAME}</dc:creator></cp:coreProperties>`,
  ].join('');
}

/** The package's parts, uncompressed: what `toDocx` zips (and what tests can inspect directly). */
export function docxParts(items: ExportItem[]): ZipEntry[] {
  const encoder = new TextEncoder();
  const firstTitle = items.length === 1 ? items[0].notice.metadata.title : null;
  const title = firstTitle?.trim() ? `${firstTitle}（简报）` : `${PRODUCT_NAME}简报`;
  const parts: Array<[string, string]> = [
    ['[Content_Types].xml', CONTENT_TYPES_XML],
    ['_rels/.rels', PACKAGE_RELS_XML],
    ['docProps/core.xml', coreXml(title)],
    ['word/document.xml', documentXml(items)],
    ['word/_rels/document.xml.rels', DOCUMENT_RELS_XML],
    ['word/styles.xml', STYLES_XML],
  ];
  return parts.map(([name, xml]) => ({ name, data: encoder.encode(xml) }));
}

/** The briefing as .docx bytes (DEFLATEd where the platform can, else STOREd). Deleted annotations are left out. */
export async function toDocx(items: ExportItem[], options: { deflate?: boolean } = {}): Promise<Uint8Array> {
  return zip(docxParts(items), { deflate: options.deflate ?? true });
}
