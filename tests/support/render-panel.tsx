/**
 * The in-page panel rendered alone (happy-dom) with the Chinese catalogue, an empty notice and the given notes,
 * for tests of what the panel lists and marks.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Panel, type PanelProps } from '../../components/Panel';
import type { MessageKey, Translate } from '../../components/messages';
import { catalogueTranslator } from '../../lib/sync/messages';
import { emptyMetadata } from '../../lib/types';

const zh = catalogueTranslator(
  JSON.parse(readFileSync(resolve(__dirname, '../../public/_locales/zh_CN/messages.json'), 'utf8')) as Parameters<
    typeof catalogueTranslator
  >[0],
);
/** The panel's strings as an analyst with a Chinese browser reads them. */
export const zhTranslate: Translate = (key: MessageKey, ...subs) => (zh as unknown as Translate)(key, ...subs);

/** Renders the panel into a new element (not attached to the document) and returns that element. */
export function renderPanel(props: Pick<PanelProps, 'annotations'> & Partial<PanelProps>): HTMLElement {
  const root = document.createElement('div');
  const noop = () => undefined;
  // A synchronous callback is flushed before act returns; the promise it gives back has nothing left to wait for.
  void act(() =>
    render(
      <Panel
        t={zhTranslate}
        metadata={emptyMetadata({ title: '通知' })}
        clauses={[]}
        hidden={new Set()}
        status={null}
        onToggleCategory={noop}
        onClauseClick={noop}
        onAnnotationClick={noop}
        onEditAnnotation={noop}
        onDeleteAnnotation={noop}
        onUndoDelete={noop}
        canUndo={false}
        saved
        onToggleSaved={noop}
        onClose={noop}
        {...props}
      />,
      root,
    ),
  );
  return root;
}
