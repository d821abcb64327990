/**
 * What the content script loads once its page is a notice (see lib/page/modules.ts): the Preact UI and
 * annotation anchoring. Kept out of the content script itself, which runs on every page of a notice site.
 */
import { h, render } from 'preact';
import { panelCss } from '../../components/panel-styles';
import { anchorMany, describeSpan } from '../../lib/anchoring';
import { App, type AppProps } from './App';

export interface PageUi {
  panelCss(): string;
  /** Render the UI into `mount`, or clear it with null. */
  render(mount: Element, props: AppProps | null): void;
  anchorMany: typeof anchorMany;
  describeSpan: typeof describeSpan;
}

export const pageUi: PageUi = {
  panelCss,
  render: (mount, props) => render(props ? h(App, props) : null, mount),
  anchorMany,
  describeSpan,
};
