import { Component } from 'preact';
import type { NoticeSummary } from '../lib/storage/records';
import type { NoticeFilters } from '../lib/storage/records';
import { OBLIGATION_CATEGORIES } from '../lib/types';
import { CATEGORY_LABEL } from './labels';
import type { MessageKey, Translate } from './messages';

export interface NoticeRowProps {
  t: Translate;
  notice: NoticeSummary;
  snippet?: string | null;
  /** The query the snippet answers: its words are marked in it. */
  query?: string;
  selected?: boolean;
  onOpen(id: string): void;
  onToggleSelect?(id: string): void;
}

/** One notice in a list: title, 发文机关, 文号, date, annotation count. Page data rendered as text only. */
export function NoticeRow(p: NoticeRowProps) {
  const m = p.notice.metadata;
  const date = m.signedDate ?? m.publishedDate ?? null;
  return (
    <li class={`notice${p.selected ? ' selected' : ''}`} data-notice={p.notice.id}>
      {p.onToggleSelect && (
        <input
          type="checkbox"
          checked={Boolean(p.selected)}
          aria-label={m.title ?? p.notice.id}
          onChange={() => p.onToggleSelect!(p.notice.id)}
        />
      )}
      <button type="button" class="open" onClick={() => p.onOpen(p.notice.id)}>
        <span class="t">
          {p.notice.saved ? '★ ' : ''}
          {m.title ?? p.notice.urls[0] ?? p.notice.id}
        </span>
        <span class="sub">{[m.issuers.join('、'), m.docNumber, date].filter(Boolean).join(' · ')}</span>
        {p.snippet && <span class="snip">{markHits(p.snippet, p.query ?? '')}</span>}
      </button>
      <span class="count" title={p.t('annotationCount', p.notice.annotationCount)}>
        {p.notice.annotationCount}
      </span>
    </li>
  );
}

/**
 * A snippet with the query's words marked: pieces of text and `<mark>` elements made by Preact (text nodes
 * and elements, never markup), matched case-insensitively.
 */
export function markHits(snippet: string, query: string) {
  const words = [...new Set(query.split(/[\s,，、]+/).filter((w) => w.length > 0))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return snippet;
  const lower = snippet.toLowerCase();
  const out: Array<string | ReturnType<typeof Mark>> = [];
  let at = 0;
  let last = 0;
  while (at < snippet.length) {
    const word = words.find((w) => lower.startsWith(w.toLowerCase(), at));
    if (!word) {
      at++;
      continue;
    }
    if (at > last) out.push(snippet.slice(last, at));
    out.push(<Mark key={at} text={snippet.slice(at, at + word.length)} />);
    at += word.length;
    last = at;
  }
  if (last < snippet.length) out.push(snippet.slice(last));
  return out;
}

function Mark(p: { text: string }) {
  return <mark>{p.text}</mark>;
}

/** A notice in a list, with the text around a search match when the list answers a query. */
export interface ListedNotice {
  notice: NoticeSummary;
  snippet: string | null;
}

export interface NoticeResultsProps {
  t: Translate;
  query: string;
  shownQuery: string | null;
  items: ListedNotice[];
  /** More rows of this answer are being read (the first screen is shown first). */
  filling?: boolean;
  selected?: ReadonlySet<string>;
  onToggleSelect?: (id: string) => void;
  onOpen: (id: string) => void;
}

/**
 * A list of notices, or the line saying why there is none (no search results, or an empty library).
 * `shownQuery` is the query the rows answer ('' for the library itself; null before the first answer).
 *
 * Drawn again only when what it shows changes: a keystroke in the search box does not go over hundreds of
 * rows before the search it starts. Rows call the handlers of the latest props. A list answering another
 * query is a new list (the old one leaves the page in one piece, not row by row).
 */
export class NoticeResults extends Component<NoticeResultsProps> {
  private readonly open = (id: string) => this.props.onOpen(id);
  private readonly toggle = (id: string) => this.props.onToggleSelect?.(id);

  override shouldComponentUpdate(next: NoticeResultsProps): boolean {
    const p = this.props;
    return (
      next.items !== p.items ||
      next.shownQuery !== p.shownQuery ||
      next.filling !== p.filling ||
      next.selected !== p.selected ||
      next.t !== p.t ||
      Boolean(next.onToggleSelect) !== Boolean(p.onToggleSelect) ||
      (next.items.length === 0 && Boolean(next.query) !== Boolean(p.query))
    );
  }

  override render() {
    const p = this.props;
    if (p.items.length === 0)
      return (
        <div class="empty" data-query={p.shownQuery ?? undefined}>
          {p.query ? p.t('noResults') : p.t('emptyLibrary')}
        </div>
      );
    return (
      <ul
        key={`q:${p.shownQuery ?? ''}`}
        class="notices"
        data-query={p.shownQuery ?? undefined}
        aria-busy={p.filling ? 'true' : undefined}
      >
        {p.items.map(({ notice, snippet }) => (
          <NoticeRow
            key={notice.id}
            t={p.t}
            notice={notice}
            snippet={snippet}
            query={p.shownQuery ?? ''}
            selected={p.selected?.has(notice.id)}
            onToggleSelect={p.onToggleSelect ? this.toggle : undefined}
            onOpen={this.open}
          />
        ))}
      </ul>
    );
  }
}

/** Facets before the library's values are read: every filter offers "all" only. */
export const NO_FACETS: Facets = { issuers: [], years: [], docTypes: [], tags: [] };

export interface Facets {
  issuers: string[];
  years: number[];
  docTypes: string[];
  tags: string[];
}

export interface FilterBarProps {
  t: Translate;
  query: string;
  filters: NoticeFilters;
  facets: Facets;
  onQuery(q: string): void;
  onFilters(f: NoticeFilters): void;
}

/** Search box and the four filters: issuer, year, 文种, tag. */
export function FilterBar(p: FilterBarProps) {
  const set = (patch: Partial<NoticeFilters>) => p.onFilters({ ...p.filters, ...patch });
  return (
    <div class="filters">
      <input
        type="search"
        class="q"
        data-field="search"
        placeholder={p.t('searchPlaceholder')}
        value={p.query}
        onInput={(e) => p.onQuery((e.target as HTMLInputElement).value)}
      />
      <div class="row">
        <FilterSelect
          t={p.t}
          name="issuer"
          label="filterIssuer"
          value={p.filters.issuer ?? ''}
          options={p.facets.issuers}
          onChange={(v) => set({ issuer: v || undefined })}
        />
        <FilterSelect
          t={p.t}
          name="year"
          label="filterYear"
          value={p.filters.year ? String(p.filters.year) : ''}
          options={p.facets.years}
          onChange={(v) => set({ year: Number(v) || undefined })}
        />
        <FilterSelect
          t={p.t}
          name="docType"
          label="filterDocType"
          value={p.filters.docType ?? ''}
          options={p.facets.docTypes}
          onChange={(v) => set({ docType: v || undefined })}
        />
        <FilterSelect
          t={p.t}
          name="tag"
          label="filterTag"
          value={p.filters.tag ?? ''}
          options={p.facets.tags}
          onChange={(v) => set({ tag: v || undefined })}
        />
      </div>
    </div>
  );
}

/** One filter: "all" (the empty value) or one of the library's values for it. */
function FilterSelect(p: {
  t: Translate;
  name: keyof NoticeFilters;
  label: MessageKey;
  value: string;
  options: Array<string | number>;
  onChange(value: string): void;
}) {
  return (
    <select
      aria-label={p.t(p.label)}
      data-filter={p.name}
      value={p.value}
      onChange={(e) => p.onChange((e.target as HTMLSelectElement).value)}
    >
      <option value="">
        {p.t(p.label)}：{p.t('all')}
      </option>
      {p.options.map((v) => (
        <option key={v} value={String(v)}>
          {v}
        </option>
      ))}
    </select>
  );
}

/** Clause counts per category as coloured chips. */
export function CategoryCounts(p: { t: Translate; counts: Partial<Record<string, number>> }) {
  return (
    <span class="cats">
      {OBLIGATION_CATEGORIES.filter((c) => (p.counts[c] ?? 0) > 0).map((c) => (
        <span key={c} class={`cat cat-${c}`}>
          {p.t(CATEGORY_LABEL[c])} {p.counts[c]}
        </span>
      ))}
    </span>
  );
}
