import { useEffect, useMemo, useState } from 'preact/hooks';
import { annotationLocation, citeAnnotation, citePassage, locationLabel } from '../lib/export/citation';
import type { ConflictInfo } from '../lib/schema/sync';
import type { MergeSummary } from '../lib/storage/repository';
import type { Annotation, SavedNotice } from '../lib/types';
import { FIRST_ANNOTATIONS } from '../lib/storage/first-page';
import { CATEGORY_LABEL, COLOUR_LABEL } from './labels';
import type { MessageKey, Translate } from './messages';
import { groupByBearer } from './Panel';
import { byOwner, type OwnerFilter } from '../lib/sync/owner';
import { OwnerFilterButtons } from './SyncSettings';

export { FIRST_ANNOTATIONS };

const META: Array<[MessageKey, (n: SavedNotice) => string | null]> = [
  ['metaDocType', (n) => n.metadata.docType],
  ['metaDocNumber', (n) => n.metadata.docNumber],
  ['metaIssuers', (n) => n.metadata.issuers.join('、') || null],
  ['metaAddressees', (n) => n.metadata.addressees.join('，') || null],
  ['metaSignedDate', (n) => n.metadata.signedDate],
  ['metaPublishedDate', (n) => n.metadata.publishedDate],
  ['metaEffectiveDate', (n) => n.metadata.effectiveDate],
  ['metaValidity', (n) => n.metadata.validity],
  ['metaLevel', (n) => n.metadata.level],
  ['metaCitation', (n) => n.metadata.citationCode],
];

/** A saved notice in full: metadata, outline, obligations by bearer, and the analyst's annotations. */
export function NoticeDetail(p: {
  t: Translate;
  notice: SavedNotice;
  annotations: Annotation[];
  /** How many annotations there are while `annotations` holds only the first of them (the rest follow). */
  annotationTotal?: number;
  /** Copies a passage with its citation (a clause or an annotation's quote). */
  onCopyCitation?: (text: string) => void;
  /** Annotations with other versions from team sync (另有版本), and keeping one of them. */
  conflicts?: ConflictInfo[];
  onKeepVersion?: (annotationId: string, rev: string) => void;
  /** Other entries of the same document merged into this one, and splitting one back. */
  merges?: MergeSummary[];
  onSplit?: (from: string) => void;
  /** Sets the notice's own tags (shown editable when given). */
  onSaveTags?: (tags: string[]) => void;
  /** The signed-in team sync user: 我的 / 团队 / 全部 over the annotations (none while sync is off). */
  syncUser?: string | null;
}) {
  const { t, notice } = p;
  const [owner, setOwner] = useState<OwnerFilter>('all');
  const annotations = p.syncUser ? byOwner(p.annotations, p.syncUser, owner) : p.annotations;
  const url = notice.metadata.url ?? notice.urls[0] ?? null;
  const safeUrl = url && /^https?:\/\//i.test(url) ? url : null;
  return (
    <article class="detail" data-notice={notice.id}>
      <h2 class="dtitle">{notice.metadata.title ?? notice.id}</h2>
      {safeUrl && (
        <a class="src" href={safeUrl} target="_blank" rel="noopener noreferrer">
          {safeUrl}
        </a>
      )}
      {p.merges && p.merges.length > 0 && (
        <div class="merged" data-merged={p.merges.length}>
          <p>{t('mergedEntries', notice.metadata.docNumber ?? '', p.merges.length + 1)}</p>
          <ul>
            {p.merges.map((m) => (
              <li key={m.from} data-merge={m.from}>
                <span class="muted">{m.urls.join(' · ') || m.from}</span>{' '}
                {p.onSplit && (
                  <button type="button" class="link split" onClick={() => p.onSplit!(m.from)}>
                    {t('undoMerge')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {p.onSaveTags && <NoticeTagsEditor t={t} tags={notice.tags} onSave={p.onSaveTags} />}
      <table class="meta">
        <tbody>
          {META.map(([key, get]) => (
            <tr key={key}>
              <th>{t(key)}</th>
              <td class={get(notice) ? '' : 'muted'}>{get(notice) ?? t('notStated')}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <div class="cols">
        <section>
          <h3>{t('outline')}</h3>
          <ol class="outline">
            {notice.outline.slice(0, 400).map((o, i) => (
              <li key={i} style={{ paddingLeft: `${(o.level - 1) * 14}px` }}>
                <b>{o.label}</b>
                {o.title}
              </li>
            ))}
          </ol>
        </section>
        <section>
          <h3>{t('clausesByBearer')}</h3>
          {groupByBearer(notice.obligations).map((g) => (
            <div class="group" key={g.bearer ?? '-'}>
              <h4>{g.bearer ?? t('noBearer')}</h4>
              {g.items.map(({ clause, index }) => (
                <p key={index} class={`clause cat-${clause.category}`} data-clause={index}>
                  <span class="tag">{t(CATEGORY_LABEL[clause.category])}</span>
                  {clause.location && <span class="muted loc">{locationLabel(clause.location)} </span>}
                  {clause.text}
                  {clause.deadline && <span class="dl"> ⏱ {clause.deadline.text}</span>}
                  {p.onCopyCitation && (
                    <button
                      type="button"
                      class="link cite"
                      data-action="copy-citation"
                      onClick={() => p.onCopyCitation?.(citePassage(clause.text, notice, clause.location ?? null))}
                    >
                      {t('copyCitation')}
                    </button>
                  )}
                </p>
              ))}
            </div>
          ))}
        </section>
      </div>

      <section>
        <h3>
          {t('annotations')} (
          {p.annotationTotal !== undefined && (!p.syncUser || owner === 'all') ? p.annotationTotal : annotations.length}
          ) {p.syncUser && <OwnerFilterButtons t={t} value={owner} onChange={setOwner} />}
        </h3>
        <AnnotationList
          t={t}
          notice={notice}
          annotations={annotations}
          conflicts={p.conflicts}
          onKeepVersion={p.onKeepVersion}
          onCopyCitation={p.onCopyCitation}
        />
      </section>
    </article>
  );
}

/** After the first screen (`FIRST_ANNOTATIONS`), annotations follow in slices, a task each (a notice may have thousands). */
const ANNOTATION_SLICE = 200;

interface AnnotationListProps {
  t: Translate;
  notice: SavedNotice;
  annotations: Annotation[];
  conflicts?: ConflictInfo[];
  onKeepVersion?: (annotationId: string, rev: string) => void;
  onCopyCitation?: (text: string) => void;
}

/**
 * A notice's annotations: the first screen with the detail, then the others a slice per task, so the
 * detail shows at once and the page stays responsive while they are added.
 */
function AnnotationList(p: AnnotationListProps) {
  const total = p.annotations.length;
  const [shown, setShown] = useState(() => Math.min(total, FIRST_ANNOTATIONS));
  useEffect(() => {
    if (shown >= total) return;
    const timer = setTimeout(() => setShown((n) => Math.min(total, n + ANNOTATION_SLICE)));
    return () => clearTimeout(timer);
  }, [shown, total]);
  const conflicts = useMemo(() => {
    const byAnnotation = new Map<string, ConflictInfo[]>();
    for (const c of p.conflicts ?? [])
      byAnnotation.set(c.annotationId, [...(byAnnotation.get(c.annotationId) ?? []), c]);
    return byAnnotation;
  }, [p.conflicts]);
  return (
    <>
      {p.annotations.slice(0, shown).map((a) => (
        <AnnotationItem
          key={a.id}
          t={p.t}
          a={a}
          notice={p.notice}
          conflicts={conflicts.get(a.id) ?? NO_CONFLICTS}
          onKeepVersion={p.onKeepVersion}
          onCopyCitation={p.onCopyCitation}
        />
      ))}
    </>
  );
}

const NO_CONFLICTS: ConflictInfo[] = [];

function AnnotationItem(
  p: Omit<AnnotationListProps, 'annotations' | 'conflicts'> & { a: Annotation; conflicts: ConflictInfo[] },
) {
  const { t, a, notice } = p;
  const location = annotationLocation(a, notice);
  return (
    <div class={`ann col-${a.colour}`} data-annotation={a.id}>
      <span class="muted">{t(COLOUR_LABEL[a.colour])}</span> “{a.quote}”
      {a.creator && (
        <span class="muted" data-field="creator">
          {' '}
          ✎ {a.creator}
        </span>
      )}
      {location && <span class="muted loc"> {location}</span>}
      {p.onCopyCitation && (
        <button
          type="button"
          class="link cite"
          data-action="copy-citation"
          onClick={() => p.onCopyCitation?.(citeAnnotation(a, notice))}
        >
          {t('copyCitation')}
        </button>
      )}
      {a.note && <div class="note">{a.note}</div>}
      {a.tags.length > 0 && <div class="muted">#{a.tags.join(' #')}</div>}
      {p.conflicts.map((c) => (
        <div class="conflict" data-conflict={a.id} key="conflict">
          <b>{t('syncOtherVersions')}</b>
          {c.versions.map((v) => (
            <div key={v.rev} data-rev={v.rev} data-shown={v.shown ? 'true' : 'false'}>
              <span class="muted">
                {t('syncNoteBy', v.creator)} · {new Date(v.updatedAt).toLocaleString('zh-CN')}
                {v.deleted && ` · ${t('syncVersionDeleted')}`}
                {v.shown && ` · ${t('syncShown')}`}{' '}
              </span>
              <span data-field="version-note">{v.note}</span>
              {v.tags.length > 0 && <span class="muted"> #{v.tags.join(' #')}</span>}
              {p.onKeepVersion && (
                <button
                  type="button"
                  class="link"
                  data-action="keep-version"
                  onClick={() => p.onKeepVersion?.(a.id, v.rev)}
                >
                  {t('syncKeep')}
                </button>
              )}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

/** The notice's own tags, separated by spaces, commas or 、, saved with the button or Enter. */
function NoticeTagsEditor(p: { t: Translate; tags: string[]; onSave: (tags: string[]) => void }) {
  const save = (form: HTMLFormElement) => {
    const value = (form.elements.namedItem('tags') as HTMLInputElement).value;
    p.onSave(value.split(/[\s,，、#]+/).filter((x) => x !== ''));
  };
  return (
    <form
      class="notice-tags"
      onSubmit={(e) => {
        e.preventDefault();
        save(e.currentTarget);
      }}
    >
      <label>
        {p.t('noticeTags')} <input name="tags" defaultValue={p.tags.join(' ')} />
      </label>{' '}
      <button type="submit">{p.t('save')}</button>
    </form>
  );
}
