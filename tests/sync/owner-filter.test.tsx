// @vitest-environment happy-dom
/**
 * 我的 / 团队 / 全部 in the in-page panel: shown only while team sync is on, and narrowing the notes to the
 * signed-in user's (with those made before sync, which carry no creator) or everyone else's.
 */
import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import type { PanelAnnotation } from '../../components/Panel';
import { renderPanel } from '../support/render-panel';
import { annotation } from '../storage/fixtures';

const items: PanelAnnotation[] = [
  { annotation: annotation({ id: 'by-bob', note: '乙的', creator: 'bob' }), placed: true },
  { annotation: annotation({ id: 'by-alice', note: '甲的', creator: 'alice' }), placed: true },
  { annotation: annotation({ id: 'before-sync', note: '同步前的' }), placed: true },
  { annotation: annotation({ id: 'alice-unplaced', note: '甲的未定位', creator: 'alice' }), placed: false },
];

function panel(syncUser: string | null): HTMLElement {
  return renderPanel({ annotations: items, syncUser });
}

const listed = (root: HTMLElement) =>
  [...root.querySelectorAll('[data-annotation]')].map((e) => e.getAttribute('data-annotation'));
const click = (root: HTMLElement, owner: string): void => {
  void act(() => (root.querySelector(`[data-owner="${owner}"]`) as HTMLButtonElement).click());
};

describe("the panel's 我的 / 团队 / 全部", () => {
  it('is not there while sync is off: every note is listed', () => {
    const root = panel(null);
    expect(root.querySelector('.owner-filter')).toBeNull();
    expect(listed(root)).toEqual(['by-bob', 'by-alice', 'before-sync', 'alice-unplaced']);
  });

  it("signed in as bob: 团队 lists alice's notes only, 我的 bob's and those made before sync", () => {
    const root = panel('bob');
    expect(root.querySelector('.owner-filter')?.textContent).toBe('我的团队全部');
    click(root, 'team');
    expect(listed(root)).toEqual(['by-alice', 'alice-unplaced']);
    click(root, 'mine');
    expect(listed(root)).toEqual(['by-bob', 'before-sync']);
    click(root, 'all');
    expect(listed(root)).toHaveLength(4);
  });
});
