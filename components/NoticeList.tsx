import type { NoticeSummary } from '../lib/storage/records';
import type { NoticeFilters } from '../lib/storage/records';
import { OBLIGATION_CATEGORIES } from '../lib/types';
import { CATEGORY_LABEL } from './labels';
import type { Translate } from './messages';

export interface NoticeRowProps {
  t: Translate;
  notice: NoticeSummary;
  snippet?: string | null;
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
        {p.snippet && <span class="snip">{p.snippet}</span>}
      </button>
      <span class="count" title={p.t('annotationCount', p.notice.annotationCount)}>
        {p.notice.annotationCount}
      </span>
    </li>
  );
}

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
        <select
          aria-label={p.t('filterIssuer')}
          data-filter="issuer"
          value={p.filters.issuer ?? ''}
          onChange={(e) => set({ issuer: (e.target as HTMLSelectElement).value || undefined })}
        >
          <option value="">
            {p.t('filterIssuer')}：{p.t('all')}
          </option>
          {p.facets.issuers.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
        <select
          aria-label={p.t('filterYear')}
          data-filter="year"
          value={p.filters.year ? String(p.filters.year) : ''}
          onChange={(e) => set({ year: Number((e.target as HTMLSelectElement).value) || undefined })}
        >
          <option value="">
            {p.t('filterYear')}：{p.t('all')}
          </option>
          {p.facets.years.map((v) => (
            <option key={v} value={String(v)}>
              {v}
            </option>
          ))}
        </select>
        <select
          aria-label={p.t('filterDocType')}
          data-filter="docType"
          value={p.filters.docType ?? ''}
          onChange={(e) => set({ docType: (e.target as HTMLSelectElement).value || undefined })}
        >
          <option value="">
            {p.t('filterDocType')}：{p.t('all')}
          </option>
          {p.facets.docTypes.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
        <select
          aria-label={p.t('filterTag')}
          data-filter="tag"
          value={p.filters.tag ?? ''}
          onChange={(e) => set({ tag: (e.target as HTMLSelectElement).value || undefined })}
        >
          <option value="">
            {p.t('filterTag')}：{p.t('all')}
          </option>
          {p.facets.tags.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </div>
    </div>
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
