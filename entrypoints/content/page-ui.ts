/**
 * What the content script loads once its page is a notice (see lib/page/modules.ts): the Preact UI and
 * annotation anchoring. Kept out of the content script itself, which runs on every page of a notice site.
 */
import { h, render } from 'preact';
import { panelCss } from '../../components/panel-styles';
import { anchorMany, anchorOutcomes, describeSpan } from '../../lib/anchoring';
import { aliasesOf, shownClauses } from '../../lib/page/clause-list';
import type { PageUi } from '../../lib/page/ui-types';
import { App } from './App';

export type { PageUi } from '../../lib/page/ui-types';

export const pageUi: PageUi = {
  panelCss,
  render: (mount, props) => render(props ? h(App, props) : null, mount),
  anchorMany,
  anchorOutcomes,
  describeSpan,
  shownClauses: (text, clauses, hidden, filter) => shownClauses(clauses, hidden, filter, aliasesOf(text)),
};
