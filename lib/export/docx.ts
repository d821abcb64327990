/**
 * Word briefing (.docx) laid out the way Chinese offices lay out their papers (GB/T 9704 conventions): A4,
 * margins 37/35/28/26 mm, body in 仿宋 三号 on a fixed 28.95 pt line, the title in 小标宋, first-level
 * headings 一、 in 黑体, second-level （一） in 楷体, a page header with the title and page numbers
 * `— 1 —` at the foot (none on the first page).
 *
 * Reading order, what a reader wants first: a cover block (title, scope, date, counts); 一、总体情况 (the
 * clauses counted by category and by bearer, and every deadline in one table sorted by date); 二、批注要点
 * (the analyst's notes, each under its quote and kept on the same page with it); 三、条款清单 (each
 * notice's clauses in one table: 条款位置, category, clause, bearer with inherited ones marked, deadline).
 * Heading lines and quoted speech are left out of the lists and counted in a note. No colours are named:
 * the analyst's colours are a screen aid, not content.
 *
 * The package is the smallest Office Open XML (ECMA-376) that Word, WPS and LibreOffice open without
 * complaint: `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml` (the title), `word/document.xml`,
 * `word/styles.xml` and its relationship part, zipped by `zip.ts`. All page and analyst data is XML-escaped,
 * and characters XML 1.0 forbids (C0 controls other than tab and line breaks, lone surrogates,
 * U+FFFE/U+FFFF) are dropped, as are the discouraged C1 controls: Word refuses a file containing them.
 */

import { OBLIGATION_CATEGORIES, type Clause, type ObligationCategory, type SavedNotice } from '../types';
import { annotationLocation, chineseDate, citedDate, locationLabel } from './citation';
import { deadlinesOf } from './csv';
import { placedHighlights, type ExportItem, type PlacedHighlight } from './highlights';
import { CATEGORY_LABELS, NOT_STATED, NO_BEARER, NO_TITLE, PRODUCT_NAME, bearerLabel, sourceUrl } from './labels';
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
  /** East Asian font for this run only (the style's otherwise). */
  font?: string;
  /** Size in half-points. */
  size?: number;
}

/** One run of text; line breaks become `<w:br/>` and tabs `<w:tab/>`, as Word expects. */
function run(text: string, style: RunStyle = {}): string {
  const props = [
    style.font ? `<w:rFonts w:ascii="${style.font}" w:hAnsi="${style.font}" w:eastAsia="${style.font}"/>` : '',
    style.bold ? '<w:b/>' : '',
    style.size ? `<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>` : '',
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

interface ParagraphOptions {
  style?: string;
  /** Keep on the same page as the next paragraph. */
  keepNext?: boolean;
  align?: 'center' | 'right' | 'left';
}

function paragraph(runs: string, options: ParagraphOptions | string = {}): string {
  const o = typeof options === 'string' ? { style: options } : options;
  const pPr = [
    o.style ? `<w:pStyle w:val="${o.style}"/>` : '',
    o.keepNext ? '<w:keepNext/><w:keepLines/>' : '',
    o.align ? `<w:jc w:val="${o.align}"/>` : '',
  ].join('');
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
}

interface Cell {
  runs: string;
  header?: boolean;
  align?: 'center' | 'left';
}

/** A bordered table; widths in twentieths of a point, summing to the text width. Header rows repeat. */
function table(widths: number[], rows: Cell[][], headerRows = 1): string {
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const body = rows
    .map((cells, r) => {
      const trPr = r < headerRows ? '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>';
      const tcs = cells
        .map((cell, c) => {
          const shade = cell.header ? '<w:shd w:val="clear" w:color="auto" w:fill="EDEDED"/>' : '';
          const tcPr = `<w:tcPr><w:tcW w:w="${widths[c]}" w:type="dxa"/>${shade}<w:vAlign w:val="center"/></w:tcPr>`;
          const style = cell.header ? 'TableHead' : 'TableText';
          return `<w:tc>${tcPr}${paragraph(cell.runs, { style, align: cell.align })}</w:tc>`;
        })
        .join('');
      return `<w:tr>${trPr}${tcs}</w:tr>`;
    })
    .join('');
  return (
    `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/>` +
    `<w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`
  );
}

const head = (text: string): Cell => ({ runs: run(text), header: true, align: 'center' });
const cell = (text: string, align: 'center' | 'left' = 'left'): Cell => ({ runs: run(text), align });

/* ----- Page geometry (GB/T 9704: A4, top 37 mm, bottom 35 mm, inside 28 mm, outside 26 mm) ----- */

const MM = 1440 / 25.4;
const MARGIN = {
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
};
/** A4 width (11906 twips) less the left and right margins. */
export const TEXT_WIDTH = 11906 - MARGIN.left - MARGIN.right;

/* ----- What the briefing says ----- */

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 25 → 二十五 (enough for headings). */
function chineseNumber(n: number): string {
  if (n <= 10) return CHINESE_DIGITS[n];
  if (n < 20) return `十${CHINESE_DIGITS[n - 10]}`;
  const tens = Math.floor(n / 10);
  return `${CHINESE_DIGITS[tens]}十${n % 10 === 0 ? '' : CHINESE_DIGITS[n % 10]}`;
}

function titleOf(notice: SavedNotice): string {
  return notice.metadata.title?.trim() ? notice.metadata.title.trim() : NO_TITLE;
}

/** Clauses a briefing lists: heading lines and quoted speech are not duties of anyone reading it. */
function listed(notice: SavedNotice): Clause[] {
  return notice.obligations.filter((c) => !c.heading && !c.quoted);
}

export interface BriefingOptions {
  /** The date printed on the cover (default: today). */
  date?: Date;
  /** Compress the package (default true). */
  deflate?: boolean;
}

/** The briefing's title: `<notice title>分析简报` for one notice, `政策文件分析简报` for several. */
export function briefingTitle(items: readonly ExportItem[]): string {
  return items.length === 1 ? `${titleOf(items[0].notice)}分析简报` : '政策文件分析简报';
}

function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function cover(items: readonly ExportItem[], date: Date): string[] {
  const notices = items.map((i) => i.notice);
  const clauses = notices.flatMap(listed);
  const notes = items.flatMap((i) => placedHighlights(i.notice, i.annotations));
  const withDeadline = clauses.filter((c) => deadlinesOf(c).length > 0).length;
  const scope =
    notices.length === 1
      ? `《${titleOf(notices[0])}》${notices[0].metadata.docNumber ? `（${notices[0].metadata.docNumber}）` : ''}`
      : `《${titleOf(notices[0])}》等${notices.length}篇公文`;
  return [
    paragraph(run(briefingTitle(items)), 'Title'),
    paragraph(run(`范围：${scope}`), 'CoverLine'),
    paragraph(run(`日期：${chineseDate(localDay(date))}\u3000\u3000编制：${PRODUCT_NAME}`), 'CoverLine'),
    paragraph(
      run(
        `收录公文${notices.length}篇，列出条款${clauses.length}条（其中载明期限${withDeadline}条），分析批注${notes.length}条。`,
      ),
      'CoverLine',
    ),
    paragraph('', 'Rule'),
  ];
}

/** Bearers counted across the clauses, most frequent first, the rest folded into 其他. */
function bearerRows(
  clauses: readonly Clause[],
  max = 12,
): Array<{ bearer: string; counts: Map<ObligationCategory, number> }> {
  const byBearer = new Map<string, Map<ObligationCategory, number>>();
  for (const c of clauses) {
    const key = c.bearer ? c.bearer.text : NO_BEARER;
    const counts = byBearer.get(key) ?? new Map<ObligationCategory, number>();
    counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
    byBearer.set(key, counts);
  }
  const total = (m: Map<ObligationCategory, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const rows = [...byBearer.entries()]
    .map(([bearer, counts]) => ({ bearer, counts }))
    .sort((a, b) => (a.bearer === NO_BEARER ? 1 : b.bearer === NO_BEARER ? -1 : total(b.counts) - total(a.counts)));
  if (rows.length <= max) return rows;
  const rest = new Map<ObligationCategory, number>();
  for (const r of rows.slice(max - 1)) for (const [k, n] of r.counts) rest.set(k, (rest.get(k) ?? 0) + n);
  return [...rows.slice(0, max - 1), { bearer: `其他（${rows.length - max + 1}个主体）`, counts: rest }];
}

interface DeadlineRow {
  iso: string | null;
  text: string;
  bearer: string;
  location: string;
  notice: string;
}

function deadlineRows(items: readonly ExportItem[]): DeadlineRow[] {
  const rows: DeadlineRow[] = [];
  for (const { notice } of items) {
    for (const c of listed(notice)) {
      for (const d of deadlinesOf(c)) {
        rows.push({
          iso: d.iso,
          text: d.text,
          bearer: bearerLabel(c.bearer),
          location: locationLabel(c.location) ?? '',
          notice: titleOf(notice),
        });
      }
    }
  }
  // Dated ones by date; then the rest (每季度, 及时 …) in document order.
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      if (a.r.iso && b.r.iso) return a.r.iso < b.r.iso ? -1 : a.r.iso > b.r.iso ? 1 : a.i - b.i;
      if (a.r.iso) return -1;
      if (b.r.iso) return 1;
      return a.i - b.i;
    })
    .map(({ r }) => r);
}

function summary(items: readonly ExportItem[]): string[] {
  const clauses = items.flatMap((i) => listed(i.notice));
  const out = [paragraph(run('一、总体情况'), 'Heading1')];
  if (clauses.length === 0) return [...out, paragraph(run('所选公文中未发现义务条款。'))];
  const byCategory = OBLIGATION_CATEGORIES.map((c) => [c, clauses.filter((x) => x.category === c).length] as const);
  const said = byCategory
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${CATEGORY_LABELS[c]}${n}条`)
    .join('，');
  out.push(paragraph(run(`共列出条款${clauses.length}条：${said}。按责任主体统计如下。`)));
  out.push(paragraph(run('（一）条款分类统计'), 'Heading2'));
  const categoryWidth = 900;
  const totalWidth = 900;
  const bearerWidth = TEXT_WIDTH - categoryWidth * OBLIGATION_CATEGORIES.length - totalWidth;
  const rows = bearerRows(clauses).map((r): Cell[] => {
    const total = [...r.counts.values()].reduce((a, b) => a + b, 0);
    return [
      cell(r.bearer),
      ...OBLIGATION_CATEGORIES.map((c) => cell(String(r.counts.get(c) ?? '—'), 'center')),
      cell(String(total), 'center'),
    ];
  });
  const totals: Cell[] = [
    { runs: run('合计', { bold: true }), align: 'center' },
    ...byCategory.map(([, n]) => ({ runs: run(String(n), { bold: true }), align: 'center' as const })),
    { runs: run(String(clauses.length), { bold: true }), align: 'center' },
  ];
  out.push(
    table(
      [bearerWidth, ...OBLIGATION_CATEGORIES.map(() => categoryWidth), totalWidth],
      [
        [head('责任主体'), ...OBLIGATION_CATEGORIES.map((c) => head(CATEGORY_LABELS[c])), head('合计')],
        ...rows,
        totals,
      ],
    ),
  );
  out.push(paragraph(run('（二）期限一览'), 'Heading2'));
  const deadlines = deadlineRows(items);
  if (deadlines.length === 0) {
    out.push(paragraph(run('所列条款均未载明期限。')));
    return out;
  }
  const several = items.length > 1;
  const widths = several ? [1500, 1700, 2000, 1300, TEXT_WIDTH - 6500] : [1700, 2500, 2800, TEXT_WIDTH - 7000];
  const header = ['日期', '期限', '责任主体', '条款位置', ...(several ? ['公文'] : [])].map(head);
  out.push(
    table(
      widths,
      [
        header,
        ...deadlines.map((d): Cell[] => [
          cell(d.iso ? chineseDate(d.iso) : '—', 'center'),
          cell(d.text),
          cell(d.bearer),
          cell(d.location || '—', 'center'),
          ...(several ? [cell(d.notice)] : []),
        ]),
      ].map((r) => (several ? r : r.slice(0, 4))),
    ),
  );
  return out;
}

/** One note: its quote first, then where it stands, then the analyst's words, all on one page. */
function note(h: PlacedHighlight, notice: SavedNotice, n: number): string[] {
  const a = h.annotation;
  const location = annotationLocation(a, notice);
  const facts = [
    location ? `位置：${location}` : null,
    h.clause ? `条款类别：${CATEGORY_LABELS[h.clause.category]}` : null,
  ]
    .filter((x): x is string => x !== null)
    .join('　');
  const hasNote = a.note.trim() !== '';
  const tags = a.tags.filter((t) => t.trim() !== '');
  const out = [
    paragraph(run(`${n}. `, { bold: true }) + run(`“${a.quote.length > 0 ? a.quote : '（无引文）'}”`), {
      style: 'Quote',
      keepNext: hasNote || tags.length > 0 || facts !== '',
    }),
  ];
  if (facts) out.push(paragraph(run(facts), { style: 'NoteMeta', keepNext: hasNote || tags.length > 0 }));
  if (hasNote)
    out.push(
      paragraph(run('批注：', { bold: true, font: '黑体' }) + run(a.note), {
        style: 'NoteText',
        keepNext: tags.length > 0,
      }),
    );
  if (tags.length > 0) out.push(paragraph(run(`标签：${tags.join('、')}`), 'NoteMeta'));
  return out;
}

function notesSection(items: readonly ExportItem[]): string[] {
  const out = [paragraph(run('二、批注要点'), 'Heading1')];
  const withNotes = items
    .map((item) => ({ item, highlights: placedHighlights(item.notice, item.annotations) }))
    .filter((x) => x.highlights.length > 0);
  if (withNotes.length === 0) return [...out, paragraph(run('暂无批注。'))];
  withNotes.forEach(({ item, highlights }, i) => {
    if (items.length > 1) out.push(paragraph(run(`（${chineseNumber(i + 1)}）${titleOf(item.notice)}`), 'Heading2'));
    highlights.forEach((h, k) => out.push(...note(h, item.notice, k + 1)));
  });
  return out;
}

function metadataLine(notice: SavedNotice): string {
  const m = notice.metadata;
  const date = citedDate(notice);
  const url = sourceUrl(m, notice.urls);
  return [
    `发文字号：${m.docNumber ?? NOT_STATED}`,
    `发文机关：${m.issuers.length > 0 ? m.issuers.join('、') : NOT_STATED}`,
    `成文日期：${date ? chineseDate(date) : NOT_STATED}`,
    ...(m.citationCode ? [`法宝引证码：${m.citationCode}`] : []),
    ...(url ? [`来源：${url}`] : []),
  ].join('\n');
}

function clauseTable(notice: SavedNotice): string[] {
  const clauses = listed(notice);
  const left = notice.obligations.length - clauses.length;
  const out: string[] = [paragraph(run(metadataLine(notice)), 'NoteMeta')];
  if (clauses.length === 0) out.push(paragraph(run('未发现义务条款。')));
  else {
    const widths = [500, 1100, 800, TEXT_WIDTH - 500 - 1100 - 800 - 1500 - 1100, 1500, 1100];
    const header = ['序号', '条款位置', '类别', '条款内容', '责任主体', '期限'].map(head);
    const rows = clauses.map((c, i): Cell[] => {
      const deadlines = deadlinesOf(c);
      return [
        cell(String(i + 1), 'center'),
        cell(locationLabel(c.location) ?? '—', 'center'),
        cell(`${CATEGORY_LABELS[c.category]}${c.strength === 'soft' ? '（柔性）' : ''}`, 'center'),
        cell(c.text),
        cell(bearerLabel(c.bearer)),
        cell(
          deadlines.length > 0 ? deadlines.map((d) => d.text).join('；') : '—',
          deadlines.length > 0 ? 'left' : 'center',
        ),
      ];
    });
    out.push(table(widths, [header, ...rows]));
  }
  if (left > 0)
    out.push(paragraph(run(`注：另有${left}处为标题行或引述他人的话，不是对读者的要求，未列入。`), 'NoteMeta'));
  return out;
}

function clausesSection(items: readonly ExportItem[]): string[] {
  const out = [paragraph(run('三、条款清单'), 'Heading1')];
  if (items.length === 0) return [...out, paragraph(run('没有选中的公文。'))];
  items.forEach((item, i) => {
    out.push(paragraph(run(`（${chineseNumber(i + 1)}）${titleOf(item.notice)}`), 'Heading2'));
    out.push(...clauseTable(item.notice));
  });
  return out;
}

function documentXml(items: readonly ExportItem[], date: Date): string {
  const body =
    items.length === 0
      ? [paragraph(run('政策文件分析简报'), 'Title'), paragraph(run('没有选中的公文。'))]
      : [...cover(items, date), ...summary(items), ...notesSection(items), ...clausesSection(items)];
  return (
    `${XML_DECLARATION}<w:document xmlns:w="${W_NS}" xmlns:r="${OFFICE_RELATIONSHIPS}"><w:body>${body.join('')}` +
    '<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:footerReference w:type="default" r:id="rId3"/>' +
    '<w:pgSz w:w="11906" w:h="16838"/>' +
    `<w:pgMar w:top="${MARGIN.top}" w:right="${MARGIN.right}" w:bottom="${MARGIN.bottom}" w:left="${MARGIN.left}" w:header="851" w:footer="992" w:gutter="0"/>` +
    '<w:titlePg/></w:sectPr></w:body></w:document>'
  );
}

/** The page header: the briefing's title, small, over a thin rule. */
function headerXml(title: string): string {
  return `${XML_DECLARATION}<w:hdr xmlns:w="${W_NS}">${paragraph(run(title), 'Header')}</w:hdr>`;
}

/** The page footer: `— 7 —`, the page number between dashes, as GB/T 9704 prints it. */
const FOOTER_XML =
  `${XML_DECLARATION}<w:ftr xmlns:w="${W_NS}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>` +
  '<w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
  '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
  '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
  '<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>';

function paragraphStyle(id: string, name: string, pPr: string, rPr: string, outlineLevel?: number): string {
  const outline = outlineLevel === undefined ? '' : `<w:outlineLvl w:val="${outlineLevel}"/>`;
  return (
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>` +
    `<w:next w:val="Normal"/><w:qFormat/><w:pPr>${pPr}${outline}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`
  );
}

const font = (name: string) => `<w:rFonts w:ascii="${name}" w:hAnsi="${name}" w:eastAsia="${name}"/>`;
const size = (halfPoints: number) => `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;
const spacing = (before: number, after: number, line?: number) =>
  `<w:spacing w:before="${before}" w:after="${after}"${line ? ` w:line="${line}" w:lineRule="exact"` : ''}/>`;
/** 28.95 pt: 22 lines to the A4 text block, GB/T 9704's grid. */
const BODY_LINE = 579;
/** 三号 16 pt, 四号 14 pt, 小四 12 pt, 小五 9 pt, 二号 22 pt, in half-points. */
const SIZE = { er: 44, san: 32, si: 28, xiaosi: 24, wu: 21, xiaowu: 18 };
const FANGSONG = '仿宋';

/** Styles with Word's built-in ids (Heading1 …), so the navigation pane and table of contents pick them up. */
const STYLES_XML = [
  `${XML_DECLARATION}<w:styles xmlns:w="${W_NS}">`,
  '<w:docDefaults><w:rPrDefault><w:rPr>',
  `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="${FANGSONG}" w:cs="Times New Roman"/>`,
  `${size(SIZE.san)}<w:lang w:val="en-US" w:eastAsia="zh-CN"/>`,
  '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>',
  `${spacing(0, 0, BODY_LINE)}<w:jc w:val="both"/>`,
  '</w:pPr></w:pPrDefault></w:docDefaults>',
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>',
  '<w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:style>',
  paragraphStyle(
    'Title',
    'Title',
    `<w:keepNext/>${spacing(240, 360, 700)}<w:ind w:firstLine="0"/><w:jc w:val="center"/>`,
    font('方正小标宋简体') + size(SIZE.er),
  ),
  paragraphStyle(
    'CoverLine',
    'Cover Line',
    `<w:ind w:firstLine="0"/><w:jc w:val="center"/>`,
    font('楷体') + size(SIZE.si),
  ),
  paragraphStyle(
    'Rule',
    'Rule',
    `${spacing(0, 240, 240)}<w:ind w:firstLine="0"/><w:pBdr><w:bottom w:val="single" w:sz="8" w:space="1" w:color="000000"/></w:pBdr>`,
    size(8),
  ),
  paragraphStyle(
    'Heading1',
    'heading 1',
    `<w:keepNext/>${spacing(160, 0, BODY_LINE)}`,
    font('黑体') + size(SIZE.san),
    0,
  ),
  paragraphStyle(
    'Heading2',
    'heading 2',
    `<w:keepNext/>${spacing(80, 0, BODY_LINE)}`,
    font('楷体') + '<w:b/>' + size(SIZE.san),
    1,
  ),
  paragraphStyle(
    'Quote',
    'Quote',
    `<w:keepNext/>${spacing(120, 0, 500)}<w:ind w:left="420" w:firstLine="0"/><w:jc w:val="left"/>`,
    font('楷体') + size(SIZE.san),
  ),
  paragraphStyle(
    'NoteText',
    'Note Text',
    `${spacing(0, 60, 500)}<w:ind w:left="420" w:firstLine="0"/><w:jc w:val="left"/>`,
    '',
  ),
  paragraphStyle(
    'NoteMeta',
    'Note Meta',
    `${spacing(0, 60, 360)}<w:ind w:left="420" w:firstLine="0"/><w:jc w:val="left"/>`,
    size(SIZE.xiaosi),
  ),
  paragraphStyle(
    'TableText',
    'Table Text',
    `${spacing(0, 0, 320)}<w:ind w:firstLine="0"/><w:jc w:val="left"/>`,
    size(SIZE.wu),
  ),
  paragraphStyle(
    'TableHead',
    'Table Head',
    `${spacing(0, 0, 320)}<w:ind w:firstLine="0"/><w:jc w:val="center"/>`,
    font('黑体') + size(SIZE.wu),
  ),
  paragraphStyle(
    'Header',
    'header',
    `${spacing(0, 0, 280)}<w:ind w:firstLine="0"/><w:jc w:val="center"/><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="000000"/></w:pBdr>`,
    size(SIZE.xiaowu),
  ),
  paragraphStyle(
    'Footer',
    'footer',
    `${spacing(0, 0, 320)}<w:ind w:firstLine="0"/><w:jc w:val="center"/>`,
    font('宋体') + size(SIZE.si),
  ),
  '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>',
  ...['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(
    (side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`,
  ),
  '</w:tblBorders><w:tblCellMar>',
  '<w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>',
  '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>',
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
  `<Override PartName="/word/header1.xml" ContentType="${OFFICE_TYPES}.header+xml"/>`,
  `<Override PartName="/word/footer1.xml" ContentType="${OFFICE_TYPES}.footer+xml"/>`,
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
  `<Relationship Id="rId2" Type="${OFFICE_RELATIONSHIPS}/header" Target="header1.xml"/>`,
  `<Relationship Id="rId3" Type="${OFFICE_RELATIONSHIPS}/footer" Target="footer1.xml"/>`,
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
export function docxParts(items: ExportItem[], options: BriefingOptions = {}): ZipEntry[] {
  const encoder = new TextEncoder();
  const title = briefingTitle(items);
  const parts: Array<[string, string]> = [
    ['[Content_Types].xml', CONTENT_TYPES_XML],
    ['_rels/.rels', PACKAGE_RELS_XML],
    ['docProps/core.xml', coreXml(title)],
    ['word/document.xml', documentXml(items, options.date ?? new Date())],
    ['word/_rels/document.xml.rels', DOCUMENT_RELS_XML],
    ['word/styles.xml', STYLES_XML],
    ['word/header1.xml', headerXml(title)],
    ['word/footer1.xml', FOOTER_XML],
  ];
  return parts.map(([name, xml]) => ({ name, data: encoder.encode(xml) }));
}

/** The briefing as .docx bytes (DEFLATEd where the platform can, else STOREd). Deleted annotations are left out. */
export async function toDocx(items: ExportItem[], options: BriefingOptions = {}): Promise<Uint8Array> {
  return zip(docxParts(items, options), { deflate: options.deflate ?? true });
}
