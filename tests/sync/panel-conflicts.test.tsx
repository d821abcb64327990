// @vitest-environment happy-dom
/**
 * Notes with other versions on the team server (CouchDB conflicts) in the in-page panel: marked 另有版本 with
 * a pointer to the library, where one version is kept; the others carry no mark.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Panel, type PanelAnnotation } from '../../components/Panel';
import type { MessageKey, Translate } from '../../components/messages';
import { catalogueTranslator } from '../../lib/sync/messages';
import { conflictIds } from '../../lib/sync/owner';
import { annotation } from '../storage/fixtures';

const zh = catalogueTranslator(
  JSON.parse(readFileSync(resolve(__dirname, '../../public/_locales/zh_CN/messages.json'), 'utf8')) as Parameters<
    typeof catalogueTranslator
  >[0],
);
const t: Translate = (key: MessageKey, ...subs) => (zh as unknown as Translate)(key, ...subs);

const items: PanelAnnotation[] = [
  { annotation: annotation({ id: 'in-conflict', note: '两处都改过', creator: 'alice' }), placed: true },
  { annotation: annotation({ id: 'plain', note: '只有一版', creator: 'alice' }), placed: true },
  { annotation: annotation({ id: 'unplaced-conflict', note: '未定位的', creator: 'alice' }), placed: false },
];

function panel(conflicts: ReadonlySet<string> | undefined): HTMLElement {
  const root = document.createElement('div');
  const noop = () => undefined;
  // A synchronous callback is flushed before act returns; the promise it gives back has nothing left to wait for.
  void act(() =>
    render(
      <Panel
        t={t}
        metadata={{
          title: '通知',
          docType: null,
          docNumber: null,
          issuers: [],
          addressees: [],
          signedDate: null,
          publishedDate: null,
          effectiveDate: null,
          validity: null,
          level: null,
          citationCode: null,
          url: null,
        }}
        clauses={[]}
        hidden={new Set()}
        annotations={items}
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
        syncUser="alice"
        conflicts={conflicts}
      />,
      root,
    ),
  );
  return root;
}

const marked = (root: HTMLElement) =>
  [...root.querySelectorAll('[data-annotation] [data-conflict]')].map((e) => e.getAttribute('data-conflict'));

describe("the panel's 另有版本", () => {
  it('marks the notes with other versions, placed or not, and points to the library', () => {
    const root = panel(conflictIds(['in-conflict', 'unplaced-conflict']));
    expect(marked(root)).toEqual(['in-conflict', 'unplaced-conflict']);
    const mark = root.querySelector('[data-annotation="in-conflict"] [data-conflict]');
    expect(mark?.textContent).toContain('另有版本');
    expect(mark?.textContent).toContain('资料库');
    expect(root.querySelector('[data-annotation="plain"] [data-conflict]')).toBeNull();
  });

  it('marks nothing while sync is off or the stored list is not a list of ids', () => {
    expect(marked(panel(undefined))).toEqual([]);
    expect(marked(panel(conflictIds('in-conflict')))).toEqual([]);
    expect(marked(panel(conflictIds([42, null])))).toEqual([]);
  });
});
