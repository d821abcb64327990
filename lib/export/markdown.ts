/**
 * Markdown export: one section per notice with its metadata, the analyst's highlights and the obligation
 * clauses, for notes apps (Obsidian, Logseq, Typora) and for pasting into chat.
 *
 * Escaping rule. Page data (titles, metadata, quotes, clauses, bearers) and the analyst's notes and tags are
 * text, never markup, so every value passes through `escapeMarkdown`:
 *  - C0/C1 control characters other than \n and \t are dropped;
 *  - these ASCII characters are backslash-escaped wherever they occur, which CommonMark guarantees renders
 *    them literally: \ ` * _ { } [ ] < > # | ~ & $ = % ^
 *    (`[`/`]` stop links and images, `<`/`>` stop raw HTML and autolinks, `&` stops entity references,
 *    `|` stops GFM table cells, `~` strikethrough, `#` headings and Obsidian tags, `$` maths, `=`/`%`/`^`
 *    Obsidian highlights, comments and block references);
 *  - at the start of a line, where blocks begin, also `-` and `+` (lists, rules) and `@`, the `.` or `)`
 *    after leading digits (ordered lists), and leading spaces and tabs are dropped (indented code); so no
 *    line of page or analyst text starts with = + - @, which a spreadsheet the text is pasted into would
 *    take for a formula (`=` is escaped everywhere);
 *  - in one-line fields (titles, metadata, tags, bearers) every line break becomes a space, so a value
 *    cannot end our line and start a block of its own.
 * No raw HTML is ever emitted. The only live link is the source URL, written as an autolink `<…>` and only
 * when it is a plain http(s) URL; anything else is escaped text.
 */

import { ANNOTATION_COLOURS, OBLIGATION_CATEGORIES, type ObligationCategory } from '../types';
import { annotationLocation, locationLabel } from './citation';
import { deadlinesOf } from './csv';
import { placedHighlights, type ExportItem, type PlacedHighlight } from './highlights';
import {
  CATEGORY_LABELS,
  COLOUR_LABELS,
  NOT_STATED,
  NO_TITLE,
  STRENGTH_LABELS,
  bearerLabel,
  metadataRows,
} from './labels';

export interface MarkdownOptions {
  /** Group highlights by their colour (default) or by the category of the obligation clause they overlap. */
  groupBy: 'category' | 'colour';
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are removed from text
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const ALWAYS_ESCAPED = /[\\`*_{}[\]<>#|~&$=%^]/g;

/** Escape text so that it renders as itself (see the rule at the top of this file). Keeps line breaks. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARS, '').split('\n').map(escapeLine).join('\n');
}

function escapeLine(line: string): string {
  const escaped = line.replace(/^[ \t]+/, '').replace(ALWAYS_ESCAPED, (c) => `\\${c}`);
  return escaped.replace(/^([-+@])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Escape a one-line value: line breaks (and the spaces around them) become a single space. */
export function escapeInline(text: string): string {
  return escapeMarkdown(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

/** An http(s) URL that can be written as a CommonMark autolink without any escaping; otherwise null. */
function autolinkable(url: string): string | null {
  // eslint-disable-next-line no-control-regex -- a URL with control characters is not written as an autolink
  return /^https?:\/\/[^\s<>\u0000-\u001F\u007F-\u009F]+$/i.test(url) ? url : null;
}

function quoteBlock(text: string): string {
  return escapeMarkdown(text)
    .split('\n')
    .map((line) => (line.length > 0 ? `> ${line}` : '>'))
    .join('\n');
}

/** Tags as `#tag`: whitespace inside a tag becomes `-`, since a tag ends at the first space. */
function tagList(tags: readonly string[]): string {
  return tags
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .map((t) => `#${escapeInline(t).replace(/\s+/g, '-')}`)
    .join(' ');
}

function renderHighlight(h: PlacedHighlight, notice: ExportItem['notice']): string {
  const a = h.annotation;
  const parts = [quoteBlock(a.quote.length > 0 ? a.quote : '（无引文）')];
  const location = annotationLocation(a, notice);
  const facts: string[] = [];
  if (location) facts.push(`位置：${escapeInline(location)}`);
  if (h.clause) facts.push(`条款类别：${CATEGORY_LABELS[h.clause.category]}`);
  if (facts.length > 0) parts.push(facts.join('　'));
  if (a.note.trim().length > 0) {
    // Markdown joins the lines of a paragraph; a trailing backslash keeps the analyst's line breaks.
    const lines = escapeMarkdown(a.note).split('\n');
    const hardBreak = (i: number) => lines[i].length > 0 && (lines[i + 1] ?? '').length > 0;
    parts.push(`批注：${lines.map((l, i) => (hardBreak(i) ? `${l}\\` : l)).join('\n')}`);
  }
  const tags = tagList(a.tags);
  if (tags.length > 0) parts.push(`标签：${tags}`);
  return parts.join('\n\n');
}

function renderHighlights(
  highlights: PlacedHighlight[],
  groupBy: MarkdownOptions['groupBy'],
  notice: ExportItem['notice'],
): string[] {
  if (highlights.length === 0) return ['暂无批注。'];
  const out: string[] = [];
  if (groupBy === 'colour') {
    for (const colour of ANNOTATION_COLOURS) {
      const group = highlights.filter((h) => h.annotation.colour === colour);
      if (group.length === 0) continue;
      out.push(`### ${COLOUR_LABELS[colour]}（${group.length} 条）`);
      for (const h of group) out.push(renderHighlight(h, notice));
    }
    return out;
  }
  const keyed: Array<[ObligationCategory | null, string]> = [
    ...OBLIGATION_CATEGORIES.map((c): [ObligationCategory, string] => [c, `${CATEGORY_LABELS[c]}条款`]),
    [null, '其他（不在义务条款内）'],
  ];
  for (const [category, label] of keyed) {
    const group = highlights.filter((h) => (h.clause?.category ?? null) === category);
    if (group.length === 0) continue;
    out.push(`### ${label}（${group.length} 条）`);
    for (const h of group) out.push(renderHighlight(h, notice));
  }
  return out;
}

function renderObligations(item: ExportItem): string[] {
  const clauses = item.notice.obligations;
  if (clauses.length === 0) return ['未发现义务条款。'];
  const out: string[] = [];
  for (const category of OBLIGATION_CATEGORIES) {
    const group = clauses.filter((c) => c.category === category);
    if (group.length === 0) continue;
    out.push(`### ${CATEGORY_LABELS[category]}（${group.length} 条）`);
    const lines = group.map((c, i) => {
      const head = `${i + 1}. ${escapeInline(c.text)}（${STRENGTH_LABELS[c.strength]}）`;
      const location = locationLabel(c.location);
      const deadlines = deadlinesOf(c);
      const details = [
        ...(location ? [`   - 位置：${escapeInline(location)}`] : []),
        `   - 责任主体：${escapeInline(bearerLabel(c.bearer))}`,
        `   - 期限：${deadlines.length > 0 ? deadlines.map((d) => escapeInline(d.text)).join('；') : NOT_STATED}`,
      ];
      return [head, ...details].join('\n');
    });
    out.push(lines.join('\n'));
  }
  return out;
}

function renderNotice(item: ExportItem, options: MarkdownOptions): string {
  const { notice } = item;
  const title = notice.metadata.title?.trim() ? notice.metadata.title : NO_TITLE;
  const meta = metadataRows(notice.metadata, notice.urls).map(({ label, value }) => {
    if (value === null || value.trim() === '') return `- **${label}**：${NOT_STATED}`;
    const link = label === '来源链接' ? autolinkable(value) : null;
    return `- **${label}**：${link ? `<${link}>` : escapeInline(value)}`;
  });
  const blocks = [
    `# ${escapeInline(title)}`,
    meta.join('\n'),
    '## 我的批注',
    ...renderHighlights(placedHighlights(notice, item.annotations), options.groupBy, notice),
    '## 义务条款',
    ...renderObligations(item),
  ];
  return blocks.join('\n\n');
}

/**
 * The notices as one Markdown document, notices separated by a rule. Deleted annotations are left out.
 * Pure: no dates or ids are invented, so the same input always gives the same text.
 */
export function toMarkdown(items: ExportItem[], options: MarkdownOptions = { groupBy: 'colour' }): string {
  return `${items.map((item) => renderNotice(item, options)).join('\n\n---\n\n')}\n`;
}
