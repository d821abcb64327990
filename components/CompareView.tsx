import { useMemo, useState } from 'preact/hooks';
import { echoMatrix, type AlignedRow, type AlignedSide, type Comparison, type EchoRow } from '../lib/compare';
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

/** A column head for a notice: its issuer when known (中共北京市委), else the start of its title. */
const shortName = (n: SavedNotice) => {
  const issuer = n.metadata.issuers[0];
  if (issuer) return issuer.slice(0, 14);
  const title = n.metadata.title ?? n.id;
  return title.length > 14 ? `${title.slice(0, 14)}…` : title;
};

/** Styles of the phrase marks and the echo matrix (the rest lives in library-styles). */
const COMPARE_CSS = `
.side .row .m{border-radius:2px}
.side .row.same .m{background:#aceebb}
.side .row.reworded .m{background:#fae17d}
.side .row.reworded .d{background:#ffd8b5;text-decoration:underline wavy #bc4c00;text-underline-offset:3px}
.echo td.kept{background:#dafbe1}
.echo td.reworded{background:#fff8c5}
.echo td.dropped{background:#f6f8fa;color:#656d76}
.echo td.sent{max-width:40em}
`;

/**
 * One side of a row, as text: in a reworded row the exact stretches (.m) and the words that differ (.d); in a
 * same row the whole passage is one exact stretch.
 */
function SideText(props: { side: AlignedSide | null; row: AlignedRow; which: 'a' | 'b' }) {
  const { side, row, which } = props;
  if (!side) return null;
  if (row.kind === 'own') return <>{side.text}</>;
  if (row.kind === 'same' || !row.matches) return <span class="m">{side.text}</span>;
  const parts: Array<{ text: string; cls: 'm' | 'd' }> = [];
  const spans = row.matches
    .map((m) => (which === 'a' ? [m.aStart, m.aEnd] : [m.bStart, m.bEnd]))
    .filter(([s, e]) => e > side.start && s < side.end)
    .sort((x, y) => x[0] - y[0]);
  let at = side.start;
  for (const [s, e] of spans) {
    const from = Math.max(s, at);
    if (from > at) parts.push({ text: side.text.slice(at - side.start, from - side.start), cls: 'd' });
    if (e > from) parts.push({ text: side.text.slice(from - side.start, e - side.start), cls: 'm' });
    at = Math.max(at, e);
  }
  if (at < side.end) parts.push({ text: side.text.slice(at - side.start), cls: 'd' });
  return (
    <>
      {parts.map((x, k) => (
        <span key={k} class={x.cls}>
          {x.text}
        </span>
      ))}
    </>
  );
}

/** The notice issued first (signed or published date), the base of the echo matrix by default. */
function earliest(notices: SavedNotice[]): number {
  let best = 0;
  let bestDate = '9999';
  notices.forEach((n, i) => {
    const d = n.metadata.signedDate ?? n.metadata.publishedDate ?? '9999';
    if (d < bestDate) {
      bestDate = d;
      best = i;
    }
  });
  return best;
}

/** Saved notices compared: metadata and order of issue, reuse map, side-by-side texts, obligations by bearer. */
export function CompareView(p: CompareViewProps) {
  const { t, notices, comparison } = p;
  const n = notices.length;
  const [base, setBase] = useState<number>(() => earliest(notices));
  const echo: EchoRow[] = useMemo(
    () =>
      echoMatrix(
        notices.map((x) => x.text),
        comparison,
        Math.min(base, n - 1),
      ),
    [notices, comparison, base],
  );
  const stateLabel = { kept: t('echoKept'), reworded: t('echoReworded'), dropped: t('echoDropped') };
  const pairOf = (a: number, b: number) =>
    comparison.pairs.find((x) => x.a === Math.min(a, b) && x.b === Math.max(a, b));
  const order = notices
    .map((notice, i) => ({ i, date: notice.metadata.signedDate ?? notice.metadata.publishedDate ?? '' }))
    .sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999'));

  return (
    <div class="compare">
      <style>{COMPARE_CSS}</style>
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
              <div class="a">
                <SideText side={row.a} row={row} which="a" />
              </div>
              <div class="b">
                <SideText side={row.b} row={row} which="b" />
              </div>
            </div>
          ))}
        </div>
      </section>

      <section>
        <h3>{t('echoMatrix')}</h3>
        <label>
          {t('echoBase')}{' '}
          <select data-field="echo-base" value={String(base)} onChange={(e) => setBase(Number(e.currentTarget.value))}>
            {notices.map((notice, i) => (
              <option key={i} value={String(i)}>
                {shortTitle(notice, i)}
              </option>
            ))}
          </select>
        </label>
        <table class="grid echo" data-section="echo">
          <thead>
            <tr>
              <th>{t('echoSentence')}</th>
              {notices.map((notice, j) =>
                j === base ? null : (
                  <th key={j} title={notice.metadata.title ?? ''}>
                    {shortName(notice)}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {echo.map((row, k) => (
              <tr key={k}>
                <td class="sent">{row.text}</td>
                {row.cells.map((c) => (
                  <td
                    key={c.doc}
                    class={c.state}
                    data-state={c.state}
                    title={c.partner ? notices[c.doc].text.slice(c.partner.start, c.partner.end) : ''}
                  >
                    {stateLabel[c.state]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h3>{t('obligationsSideBySide')}</h3>
        <table class="grid obl" data-section="obligations">
          <thead>
            <tr>
              <th>{t('bearer')}</th>
              {notices.map((notice, j) => (
                <th key={j} title={notice.metadata.title ?? ''}>
                  {shortName(notice)}
                </th>
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
