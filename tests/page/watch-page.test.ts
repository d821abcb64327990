// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PaintedText, RerunBudget } from '../../lib/page/watch-page';

function notice(): { zoom: HTMLElement; clause: Range; ticker: HTMLElement } {
  document.body.innerHTML =
    '<div id="zoom"><div id="ticker">行情 3000 点</div><p id="p1">各单位要于5月底前完成隐患排查，不得瞒报。</p><p id="p2">特此通知。</p></div>';
  const text = document.getElementById('p1')!.firstChild as Text;
  const clause = document.createRange();
  clause.setStart(text, 0);
  clause.setEnd(text, text.data.indexOf('，'));
  return { zoom: document.getElementById('zoom')!, clause, ticker: document.getElementById('ticker')! };
}

describe('PaintedText', () => {
  it('ignores a ticker and appended paragraphs in the notice container', () => {
    const { zoom, clause, ticker } = notice();
    const painted = new PaintedText();
    painted.remember(clause);
    for (let i = 0; i < 20; i++) ticker.textContent = `行情 ${3000 + i} 点`;
    for (let i = 0; i < 5; i++)
      zoom.appendChild(Object.assign(document.createElement('p'), { textContent: `（${i}）各单位要严禁违规作业。` }));
    expect(painted.changed([clause, null])).toBe(false);
  });

  it('sees painted text removed or rewritten', () => {
    const removed = notice();
    const painted = new PaintedText();
    painted.remember(removed.clause);
    document.getElementById('p1')!.remove();
    expect(painted.changed([removed.clause])).toBe(true);

    const rewritten = notice();
    painted.remember(rewritten.clause);
    (document.getElementById('p1')!.firstChild as Text).replaceData(2, 2, '必须');
    expect(painted.changed([rewritten.clause])).toBe(true);

    const replaced = notice();
    painted.remember(replaced.clause);
    replaced.zoom.innerHTML = '<p>另一篇公文</p>';
    expect(painted.changed([replaced.clause])).toBe(true);
  });

  it('knows only the ranges it was given', () => {
    const { clause } = notice();
    document.getElementById('p1')!.remove();
    expect(new PaintedText().changed([clause])).toBe(false);
  });
});

describe('RerunBudget', () => {
  it('allows a few re-runs per window, then none until the window moves on or it is reset', () => {
    const budget = new RerunBudget(4, 60_000);
    const t = 1_000_000;
    expect([0, 1, 2, 3, 4].map((i) => budget.take(t + i * 1000))).toEqual([true, true, true, true, false]);
    expect(budget.take(t + 59_000)).toBe(false);
    expect(budget.take(t + 60_001)).toBe(true);
    budget.reset();
    expect(budget.take(t + 60_002)).toBe(true);
  });
});
