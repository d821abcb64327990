import type { AlignedRow, Comparison } from '../lib/compare';
import type { SavedNotice } from '../lib/types';
import { CATEGORY_LABEL } from './labels';
import type { Translate } from './messages';

export interface CompareViewProps {
  t: Translate;
  notices: SavedNotice[];
  comparison: Comparison;
  /** The two notices shown side by side (indexes into `notices`) and their aligned rows. */
  left: number;
  right: number;
  rows: AlignedRow[];
  onPick(left: number, right: number): void;
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

const shortTitle = (n: SavedNotice, i: number) => `${i + 1}. ${(n.metadata.title ?? n.id).slice(0, 28)}`;

/** Saved notices compared: metadata and order of issue, reuse map, side-by-side texts, obligations by bearer. */
export function CompareView(p: CompareViewProps) {
  const { t, notices, comparison } = p;
  const n = notices.length;
  const pairOf = (a: number, b: number) =>
    comparison.pairs.find((x) => x.a === Math.min(a, b) && x.b === Math.max(a, b));
  const order = notices
    .map((notice, i) => ({ i, date: notice.metadata.signedDate ?? notice.metadata.publishedDate ?? '' }))
    .sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999'));

  return (
    <div class="compare">
      <section>
        <h3>
          {t('metadataTable')} · {t('timeline')}
        </h3>
        <table class="grid">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('metaTitle')}</th>
              <th>{t('metaIssuers')}</th>
              <th>{t('metaLevel')}</th>
              <th>{t('metaDocNumber')}</th>
              <th>{t('metaSignedDate')}</th>
              <th>{t('metaPublishedDate')}</th>
            </tr>
          </thead>
          <tbody>
            {order.map(({ i }) => {
              const m = notices[i].metadata;
              return (
                <tr key={i}>
                  <td>{i + 1}</td>
                  <td>{m.title ?? notices[i].id}</td>
                  <td>{m.issuers.join('、')}</td>
                  <td>{m.level ?? ''}</td>
                  <td>{m.docNumber ?? ''}</td>
                  <td>{m.signedDate ?? ''}</td>
                  <td>{m.publishedDate ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section>
        <h3>
          {t('reuseMap')} · {t('similarity')}
        </h3>
        <table class="grid matrix" data-section="similarity">
          <thead>
            <tr>
              <th />
              {notices.map((_, j) => (
                <th key={j}>{j + 1}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {notices.map((notice, i) => (
              <tr key={i}>
                <th title={notice.metadata.title ?? ''}>{shortTitle(notice, i)}</th>
                {notices.map((_, j) => {
                  if (i === j)
                    return (
                      <td key={j} class="self">
                        —
                      </td>
                    );
                  const pair = pairOf(i, j);
                  const s = pair?.similarity ?? 0;
                  return (
                    <td
                      key={j}
                      class="cell"
                      style={{
                        background: `rgba(178,34,34,${Math.min(0.85, s)})`,
                        color: s > 0.45 ? '#fff' : 'inherit',
                      }}
                    >
                      <button type="button" class="link" data-pair={`${i}-${j}`} onClick={() => p.onPick(i, j)}>
                        {pct(s)}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <div class="reusebars">
          {notices.map((notice, i) => {
            const len = Math.max(1, notice.text.length);
            return (
              <div class="reusebar" key={i} title={notice.metadata.title ?? ''}>
                <span class="lbl">{i + 1}</span>
                <div class="track">
                  {comparison.reuse
                    .filter((r) => r.doc === i)
                    .map((r, k) => (
                      <span
                        key={k}
                        class="seg"
                        title={`→ ${r.foundIn.map((d) => d + 1).join(', ')}`}
                        style={{
                          left: `${(r.start / len) * 100}%`,
                          width: `${Math.max(0.3, ((r.end - r.start) / len) * 100)}%`,
                          opacity: 0.35 + (0.65 * r.foundIn.length) / Math.max(1, n - 1),
                        }}
                      />
                    ))}
                </div>
              </div>
            );
          })}
        </div>
      </section>

      <section>
        <h3>
          {shortTitle(notices[p.left], p.left)} ⇄ {shortTitle(notices[p.right], p.right)} ·{' '}
          {pct(pairOf(p.left, p.right)?.similarity ?? 0)}
        </h3>
        <div class="legend">
          <span class="k same">{t('sharedVerbatim')}</span>
          <span class="k reworded">{t('reworded')}</span>
          <span class="k own">{t('ownText')}</span>
        </div>
        <div class="side" data-section="side-by-side">
          {p.rows.map((row, k) => (
            <div key={k} class={`row ${row.kind}${row.moved ? ' moved' : ''}`} data-kind={row.kind}>
              <div class="a">{row.a?.text ?? ''}</div>
              <div class="b">{row.b?.text ?? ''}</div>
            </div>
          ))}
        </div>
      </section>

      <section>
        <h3>{t('obligationsSideBySide')}</h3>
        <table class="grid obl" data-section="obligations">
          <thead>
            <tr>
              <th>{t('bearer')}</th>
              {notices.map((_, j) => (
                <th key={j}>{j + 1}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.obligationsByBearer.slice(0, 300).map((g, k) => (
              <tr key={k}>
                <th>
                  {g.bearer || t('noBearer')}
                  <div class={`cat cat-${g.category}`}>
                    {t(CATEGORY_LABEL[g.category as keyof typeof CATEGORY_LABEL] ?? 'catObligation')}
                  </div>
                </th>
                {g.perDoc.map((indexes, d) => (
                  <td key={d}>
                    {indexes.slice(0, 6).map((ci) => (
                      <p key={ci} class="cl">
                        {notices[d].obligations[ci]?.text}
                      </p>
                    ))}
                    {indexes.length > 6 && <p class="muted">+{indexes.length - 6}</p>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
