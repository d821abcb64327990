// @vitest-environment happy-dom
/**
 * Notes with other versions on the team server (CouchDB conflicts) in the in-page panel: marked 另有版本 with
 * a pointer to the library, where one version is kept; the others carry no mark.
 */
import { describe, expect, it } from 'vitest';
import type { PanelAnnotation } from '../../components/Panel';
import { renderPanel } from '../support/render-panel';
import { conflictIds } from '../../lib/sync/owner';
import { annotation } from '../storage/fixtures';

const items: PanelAnnotation[] = [
  { annotation: annotation({ id: 'in-conflict', note: '两处都改过', creator: 'alice' }), placed: true },
  { annotation: annotation({ id: 'plain', note: '只有一版', creator: 'alice' }), placed: true },
  { annotation: annotation({ id: 'unplaced-conflict', note: '未定位的', creator: 'alice' }), placed: false },
];

function panel(conflicts: ReadonlySet<string> | undefined): HTMLElement {
  return renderPanel({ annotations: items, syncUser: 'alice', conflicts });
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
