import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { byOwner, type OwnerFilter } from '../lib/sync/owner';
import { OwnerFilterButtons } from './SyncSettings';
import { citePassage, locationLabel } from '../lib/export/citation';
import { overlappingClause } from '../lib/export/highlights';
import {
  groupByBearer,
  NO_FILTER,
  clausePasses,
  type BearerGroup,
  type BearerSource,
  type ClauseFilter,
} from '../lib/page/clause-list';
import type { Annotation, Clause, NoticeMetadata, ObligationCategory } from '../lib/types';
import { OBLIGATION_CATEGORIES } from '../lib/types';
import { CATEGORY_LABEL } from './labels';
import type { MessageKey, Translate } from './messages';

export interface PanelAnnotation {
  annotation: Annotation;
  placed: boolean;
  /** Placed on text that differs from its quote: the text there now. */
  current?: string;
  /** Unplaced between this many equally fitting places. */
  places?: number;
}

export interface PanelProps {
  t: Translate;
  metadata: NoticeMetadata;
  clauses: Clause[];
  hidden: ReadonlySet<ObligationCategory>;
  annotations: PanelAnnotation[];
  status: { kind: 'info' | 'error'; text: string } | null;
  onToggleCategory(category: ObligationCategory): void;
  onClauseClick(index: number): void;
  onAnnotationClick(id: string): void;
  onEditAnnotation(id: string): void;
  onDeleteAnnotation(id: string): void;
  /** Put an unplaced annotation on the text selected in the page. */
  onReattachAnnotation?(id: string): void;
  /** Show one of the places offered for an annotation left unplaced between several. */
  onShowPlace?(id: string, index: number): void;
  onUndoDelete: () => void;
  canUndo: boolean;
  /** Whether the notice is in the analyst's library. */
  saved: boolean;
  onToggleSaved: () => void;
  onClose: () => void;
  /** The page's address, cited when the notice states no link of its own (default: this page's). */
  pageUrl?: string | null;
  /** Told after a citation was copied (or could not be), to show in the status line. */
  onCitationCopied?: (text: string | null) => void;
  /** The notice's bearer aliases (以下简称), so a full name and its alias are one group. */
  aliases?: ReadonlyMap<string, string>;
  /** Filters besides the category switches: bearer, deadline, hard only. */
  filter?: ClauseFilter;
  onFilter?: (filter: ClauseFilter) => void;
  /** The clause last stepped to (marked in the list). */
  current?: number | null;
  /** Next (1) or previous (-1) clause: J/K or ↓/↑ with the focus in the panel. */
  onStep?: (delta: 1 | -1) => void;
  /** The signed-in team sync user: 我的 / 团队 / 全部 over the notes (none while sync is off). */
  syncUser?: string | null;
  /** Notes (ids) with other versions on the team server: marked 另有版本, chosen between in the library. */
  conflicts?: ReadonlySet<string>;
}

/**
 * Copies a passage with its citation to the clipboard; tells the host what was copied, or null. Pages
 * served over plain http have no `navigator.clipboard`: there the copy goes through a selected text area.
 */
function copyCitation(p: PanelProps, passage: string, location: string | null | undefined, from: Element): void {
  const url = p.pageUrl === undefined ? (globalThis.location?.href ?? null) : p.pageUrl;
  const text = citePassage(passage, { id: '', metadata: p.metadata, urls: url ? [url] : [] }, location ?? null);
  const fallback = () => {
    const area = document.createElement('textarea');
    area.value = text;
    area.style.cssText = 'position:fixed;opacity:0;pointer-events:none';
    (from.parentNode ?? document.body).appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    p.onCitationCopied?.(ok ? text : null);
  };
  if (!navigator.clipboard?.writeText) return fallback();
  navigator.clipboard.writeText(text).then(() => p.onCitationCopied?.(text), fallback);
}

/** Where an annotation stands: the location of the clause its position falls in, else its section. */
function annotationPlace(a: Annotation, clauses: readonly Clause[]): string | null {
  const position = a.selectors.find((s) => s.type === 'TextPositionSelector');
  const clause = position && position.type === 'TextPositionSelector' ? overlappingClause(position, clauses) : null;
  if (clause?.location) return locationLabel(clause.location);
  const key = a.selectors.find((s) => s.type === 'StructuralKey');
  return key && key.type === 'StructuralKey' ? locationLabel(key.section) : null;
}

const META_ROWS: Array<[MessageKey, (m: NoticeMetadata) => string | null]> = [
  ['metaDocType', (m) => m.docType],
  ['metaDocNumber', (m) => m.docNumber],
  ['metaIssuers', (m) => (m.issuers.length ? m.issuers.join('、') : null)],
  ['metaAddressees', (m) => (m.addressees.length ? m.addressees.join('，') : null)],
  ['metaSignedDate', (m) => m.signedDate],
  ['metaPublishedDate', (m) => m.publishedDate],
  ['metaEffectiveDate', (m) => m.effectiveDate],
  ['metaValidity', (m) => m.validity],
  ['metaLevel', (m) => m.level],
  ['metaCitation', (m) => m.citationCode],
];

export { groupByBearer, type BearerGroup } from '../lib/page/clause-list';

/** Where a clause's bearer came from, as its row says it: named in it, carried from the text before, the addressee. */
const SOURCE_LABEL: Record<BearerSource, MessageKey> = {
  explicit: 'bearerExplicit',
  inherited: 'bearerInherited',
  addressee: 'bearerAddressee',
};

/** Keys that move through the clauses when the focus is in the panel (not in one of its fields). */
function stepOf(e: KeyboardEvent): 1 | -1 | 0 {
  const target = e.composedPath()[0];
  if (target instanceof Element && target.closest('input, textarea, select')) return 0;
  if (e.altKey || e.ctrlKey || e.metaKey) return 0;
  if (e.key === 'j' || e.key === 'J' || e.key === 'ArrowDown') return 1;
  if (e.key === 'k' || e.key === 'K' || e.key === 'ArrowUp') return -1;
  return 0;
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

export function Panel(p: PanelProps) {
  const { t, metadata } = p;
  const counts = new Map<ObligationCategory, number>();
  for (const c of p.clauses) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
  const filter = p.filter ?? NO_FILTER;
  const setFilter = (patch: Partial<ClauseFilter>) => p.onFilter?.({ ...filter, ...patch });
  // Groups are made from every clause (so the bearer filter offers them all), then filtered.
  const allGroups: BearerGroup[] = groupByBearer(p.clauses, p.aliases);
  const groups = allGroups
    .map((g) => ({ ...g, items: g.items.filter((i) => clausePasses(i.clause, p.hidden, filter, p.aliases)) }))
    .filter((g) => g.items.length > 0);
  const shownCount = groups.reduce((n, g) => n + g.items.length, 0);
  const [owner, setOwner] = useState<OwnerFilter>('all');
  const listed = byOwner(p.annotations, p.syncUser, owner, (x) => x.annotation);
  const placed = listed.filter((a) => a.placed);
  const unplaced = listed.filter((a) => !a.placed);

  return (
    <div
      class="panel"
      role="complementary"
      aria-label={t('panelTitle')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          p.onClose();
          return;
        }
        const step = stepOf(e);
        if (step !== 0 && p.onStep) {
          e.preventDefault();
          e.stopPropagation();
          p.onStep(step);
        }
      }}
    >
      <div class="head">
        <h1>{t('panelTitle')}</h1>
        <button
          type="button"
          data-action="save-notice"
          aria-pressed={p.saved ? 'true' : 'false'}
          onClick={p.onToggleSaved}
        >
          {p.saved ? `★ ${t('inLibrary')}` : t('saveNotice')}
        </button>
        <button type="button" data-action="close" onClick={p.onClose}>
          {t('collapse')}
        </button>
      </div>
      <div class="body">
        <section>
          <p class="title">{metadata.title ?? t('notStated')}</p>
          <dl class="meta">
            {META_ROWS.map(([key, get]) => {
              const value = get(metadata);
              return [
                <dt key={`${key}-t`}>{t(key)}</dt>,
                <dd key={`${key}-d`} class={value ? '' : 'missing'}>
                  {value ?? t('notStated')}
                </dd>,
              ];
            })}
          </dl>
        </section>

        <section>
          <h2>{t('legend')}</h2>
          <div class="legend">
            {OBLIGATION_CATEGORIES.map((c) => (
              <button
                type="button"
                key={c}
                class={`chip cat-${c}`}
                data-category={c}
                aria-pressed={p.hidden.has(c) ? 'false' : 'true'}
                onClick={() => p.onToggleCategory(c)}
              >
                <span class="sw" />
                {t(CATEGORY_LABEL[c])}
                <span class="n">{counts.get(c) ?? 0}</span>
              </button>
            ))}
          </div>
        </section>

        {p.onFilter && (
          <section class="filters" data-section="filters">
            <h2>{t('filters')}</h2>
            <select
              data-filter="bearer"
              aria-label={t('filterBearer')}
              value={filter.bearer ?? ''}
              onChange={(e) => setFilter({ bearer: (e.target as HTMLSelectElement).value || null })}
            >
              <option value="">
                {t('filterBearer')}：{t('all')}
              </option>
              {allGroups
                .filter((g) => g.key !== null)
                .map((g) => (
                  <option key={g.key} value={g.key!}>
                    {clip(g.bearer ?? '', 24)} ({g.items.length})
                  </option>
                ))}
            </select>
            <label>
              <input
                type="checkbox"
                data-filter="deadline"
                checked={filter.deadline}
                onChange={(e) => setFilter({ deadline: (e.target as HTMLInputElement).checked })}
              />
              {t('filterDeadline')}
            </label>
            <label>
              <input
                type="checkbox"
                data-filter="hard"
                checked={filter.hardOnly}
                onChange={(e) => setFilter({ hardOnly: (e.target as HTMLInputElement).checked })}
              />
              {t('filterHardOnly')}
            </label>
            <p class="help keys">{t('clauseKeys')}</p>
          </section>
        )}

        <section>
          <h2>
            {t('clausesByBearer')}{' '}
            <span class="missing" data-count="shown">
              ({shownCount}/{p.clauses.length})
            </span>
          </h2>
          {groups.length === 0 && <p class="help">{t('noClauses')}</p>}
          {groups.map((g) => (
            <div class="group" key={g.key ?? '-'} data-group={g.key ?? ''}>
              <h3>
                {g.bearer ?? t('noBearer')}
                {g.names.length > 1 && <span class="aka"> ({g.names.slice(1).join('、')})</span>}{' '}
                {g.notes.map((key) => (
                  <small key={key} class="missing" data-note={key}>
                    · {t(key)}
                  </small>
                ))}{' '}
                <span class="missing">({g.items.length})</span>
              </h3>
              {g.items.map(({ clause, index }) => (
                <Fragment key={index}>
                  <button
                    type="button"
                    class={`clause cat-${clause.category}${clause.strength === 'soft' ? ' soft' : ''}${p.current === index ? ' current' : ''}`}
                    data-clause={index}
                    aria-current={p.current === index ? 'true' : undefined}
                    onClick={() => p.onClauseClick(index)}
                  >
                    <span class="tag">
                      {t(CATEGORY_LABEL[clause.category])}
                      {clause.strength === 'soft' ? `·${t('strengthSoft')}` : ''}
                      {clause.quoted ? `·${t('quoted')}` : ''}
                    </span>
                    {clause.bearer && g.key !== null && (
                      <span class={`src src-${clause.bearer.source}`} data-source={clause.bearer.source}>
                        {t(SOURCE_LABEL[clause.bearer.source])}
                      </span>
                    )}
                    {clause.bearer && g.key === null && (
                      <span class="src src-fragment" title={clause.bearer.text}>
                        {clip(clause.bearer.text, 16)}
                      </span>
                    )}
                    {clause.location && <span class="missing loc">{clause.location} </span>}
                    {clip(clause.text, 80)}
                    {clause.deadline && <span class="dl">⏱ {clause.deadline.text}</span>}
                  </button>
                  <button
                    type="button"
                    class="link cite"
                    data-action="copy-citation"
                    data-cite-clause={index}
                    onClick={(e) => copyCitation(p, clause.text, clause.location, e.currentTarget)}
                  >
                    {t('copyCitation')}
                  </button>
                </Fragment>
              ))}
            </div>
          ))}
        </section>

        <section>
          <h2>
            {t('annotations')} ({placed.length}){' '}
            {p.syncUser && <OwnerFilterButtons t={t} value={owner} onChange={setOwner} />}
          </h2>
          {placed.length === 0 && <p class="help">{t('noAnnotations')}</p>}
          {p.canUndo && (
            <p class="help">
              {t('deleted')}{' '}
              <button type="button" class="link" data-action="undo" onClick={p.onUndoDelete}>
                {t('undo')}
              </button>
            </p>
          )}
          {placed.map(({ annotation: a, current }) => (
            <AnnotationItem
              key={a.id}
              current={current}
              a={a}
              t={t}
              conflict={p.conflicts?.has(a.id)}
              onClick={() => p.onAnnotationClick(a.id)}
              onEdit={() => p.onEditAnnotation(a.id)}
              onDelete={() => p.onDeleteAnnotation(a.id)}
              location={annotationPlace(a, p.clauses)}
              onCite={(from) => copyCitation(p, a.quote, annotationPlace(a, p.clauses), from)}
            />
          ))}
        </section>

        {unplaced.length > 0 && (
          <section class="unplaced" data-section="unplaced">
            <h2>
              {t('unplaced')} ({unplaced.length})
            </h2>
            <p class="help">{t('unplacedHelp')}</p>
            {unplaced.map(({ annotation: a, places }) => (
              <AnnotationItem
                key={a.id}
                places={places}
                onShowPlace={p.onShowPlace ? (i) => p.onShowPlace?.(a.id, i) : undefined}
                onReattach={p.onReattachAnnotation ? () => p.onReattachAnnotation?.(a.id) : undefined}
                a={a}
                t={t}
                conflict={p.conflicts?.has(a.id)}
                onEdit={() => p.onEditAnnotation(a.id)}
                onDelete={() => p.onDeleteAnnotation(a.id)}
              />
            ))}
          </section>
        )}
      </div>
      {p.status && (
        <div class={`status${p.status.kind === 'error' ? ' error' : ''}`} role="status">
          {p.status.text}
        </div>
      )}
    </div>
  );
}

function AnnotationItem(props: {
  a: Annotation;
  t: Translate;
  onClick?: () => void;
  onEdit: () => void;
  onDelete: () => void;
  location?: string | null;
  onCite?: (from: Element) => void;
  /** The text under the note now, when it differs from its quote. */
  current?: string;
  places?: number;
  onShowPlace?: (index: number) => void;
  onReattach?: () => void;
  /** Other versions of this note are on the team server. */
  conflict?: boolean;
}) {
  const { a, t } = props;
  const places = props.places ?? 0;
  return (
    <div class={`ann col-${a.colour}${props.current !== undefined ? ' changed' : ''}`} data-annotation={a.id}>
      {props.current !== undefined ? (
        <div class="q" data-flag="changed" onClick={props.onClick}>
          <div class="missing">⚠ {t('annotationChanged')}</div>
          <div data-field="was">
            {t('quoteWas')}：“{clip(a.quote, 120)}”
          </div>
          <div data-field="now">
            {t('quoteNow')}：“{clip(props.current, 120)}”
          </div>
        </div>
      ) : (
        <div class="q" onClick={props.onClick}>
          “{clip(a.quote, 120)}”
        </div>
      )}
      {a.creator && (
        <div class="muted" data-field="creator">
          ✎ {a.creator}
        </div>
      )}
      {places > 1 && props.onShowPlace && (
        <div class="places" data-field="places">
          {t('placesOffered', places)}{' '}
          {Array.from({ length: places }, (_, i) => (
            <button type="button" class="link" key={i} data-action="show-place" onClick={() => props.onShowPlace?.(i)}>
              {t('placeN', i + 1)}
            </button>
          ))}
        </div>
      )}
      {a.note && <div class="note">{a.note}</div>}
      {props.conflict && (
        <div class="conflict" data-conflict={a.id} role="note">
          <b>{t('syncOtherVersions')}</b>：{t('syncConflictInLibrary')}
        </div>
      )}
      {a.tags.length > 0 && (
        <div class="tags">
          {a.tags.map((tag) => (
            <span key={tag}>{tag}</span>
          ))}
        </div>
      )}
      {props.location && <div class="tags loc">{props.location}</div>}
      <div class="acts">
        {props.onReattach && (
          <button
            type="button"
            class="link"
            data-action="reattach"
            // Keep the page's selection: pressing the button must not clear what the analyst selected.
            onMouseDown={(e) => e.preventDefault()}
            onClick={props.onReattach}
          >
            {t('reattach')}
          </button>
        )}
        {props.onCite && (
          <button
            type="button"
            class="link"
            data-action="copy-citation"
            onClick={(e) => props.onCite?.(e.currentTarget)}
          >
            {t('copyCitation')}
          </button>
        )}
        <button type="button" class="link" data-action="edit" onClick={props.onEdit}>
          {t('edit')}
        </button>
        <button type="button" class="link" data-action="delete" onClick={props.onDelete}>
          {t('delete')}
        </button>
      </div>
    </div>
  );
}

export function Launcher(props: { t: Translate; count: number; onOpen: () => void }) {
  return (
    <button type="button" class="launcher" data-action="open" onClick={props.onOpen} title={props.t('panelTitle')}>
      {props.t('panelTitle')}
      <span class="n">{props.count}</span>
    </button>
  );
}
