import { Fragment } from 'preact';
import { citePassage, locationLabel } from '../lib/export/citation';
import { overlappingClause } from '../lib/export/highlights';
import type { Annotation, Bearer, Clause, NoticeMetadata, ObligationCategory } from '../lib/types';
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

/** Bearers not named in the clause itself, with the note their group heading carries. */
const SOURCE_NOTE: Array<[Exclude<Bearer['source'], 'explicit'>, MessageKey]> = [
  ['inherited', 'bearerInherited'],
  ['addressee', 'bearerAddressee'],
];

export interface BearerGroup {
  bearer: string | null;
  items: Array<{ clause: Clause; index: number }>;
  /** Notes for the group heading: some of its clauses take the bearer from the text before, or the addressee. */
  notes: MessageKey[];
}

/** Clauses grouped by bearer, in order of first appearance; clauses with no bearer last. */
export function groupByBearer(clauses: Clause[]): BearerGroup[] {
  const groups = new Map<string | null, Array<{ clause: Clause; index: number }>>();
  clauses.forEach((clause, index) => {
    const key = clause.bearer?.text ?? null;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push({ clause, index });
  });
  const out = [...groups.entries()].map(([bearer, items]) => ({
    bearer,
    items,
    notes: SOURCE_NOTE.filter(([source]) => items.some((i) => i.clause.bearer?.source === source)).map(
      ([, key]) => key,
    ),
  }));
  return [...out.filter((g) => g.bearer !== null), ...out.filter((g) => g.bearer === null)];
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

export function Panel(p: PanelProps) {
  const { t, metadata } = p;
  const counts = new Map<ObligationCategory, number>();
  for (const c of p.clauses) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
  const visible = p.clauses
    .map((clause, index) => ({ clause, index }))
    .filter(({ clause }) => !p.hidden.has(clause.category));
  const groups = groupByBearer(visible.map((v) => v.clause)).map((g) => ({
    ...g,
    items: g.items.map((i) => visible[i.index]),
  }));
  const placed = p.annotations.filter((a) => a.placed);
  const unplaced = p.annotations.filter((a) => !a.placed);

  return (
    <div class="panel" role="complementary" aria-label={t('panelTitle')}>
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

        <section>
          <h2>{t('clausesByBearer')}</h2>
          {groups.length === 0 && <p class="help">{t('noClauses')}</p>}
          {groups.map((g) => (
            <div class="group" key={g.bearer ?? '-'}>
              <h3>
                {g.bearer ?? t('noBearer')}{' '}
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
                    class={`clause cat-${clause.category}${clause.strength === 'soft' ? ' soft' : ''}`}
                    data-clause={index}
                    onClick={() => p.onClauseClick(index)}
                  >
                    <span class="tag">
                      {t(CATEGORY_LABEL[clause.category])}
                      {clause.quoted ? `·${t('quoted')}` : ''}
                    </span>
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
            {t('annotations')} ({placed.length})
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
