import type { Clause } from '../lib/types';
import { CATEGORY_LABEL } from './labels';
import type { Translate } from './messages';

/** What a highlighted clause is: category and strength, bearer, deadline. Shown on hover or click. */
export function ClauseTooltip(props: { t: Translate; clause: Clause; x: number; y: number }) {
  const { t, clause } = props;
  const left = Math.max(8, Math.min(props.x + 12, (globalThis.innerWidth ?? 1000) - 330));
  const top = Math.max(8, props.y + 16);
  return (
    <div class={`tip cat-${clause.category}`} style={{ left: `${left}px`, top: `${top}px` }} role="tooltip">
      <div>
        <b>{clause.categories.map((c) => t(CATEGORY_LABEL[c])).join(' + ')}</b> ·{' '}
        {t(clause.strength === 'hard' ? 'strengthHard' : 'strengthSoft')}
        {clause.quoted ? ` · ${t('quoted')}` : ''}
      </div>
      <div>
        {t('bearer')}：{clause.bearer?.text ?? t('noBearer')}
      </div>
      {clause.deadline && (
        <div>
          {t('deadline')}：{clause.deadline.text}
        </div>
      )}
      <div>
        {t('trigger')}：{clause.trigger}
      </div>
    </div>
  );
}
