import { describe, expect, it } from 'vitest';
import { CATEGORY_COLOURS, CATEGORY_PRINT, highlightCss, USER_COLOURS, USER_MARKS } from '../../lib/highlight/paint';
import { pageRulesCss } from '../../lib/page/highlight-styles';
import { ANNOTATION_COLOURS, OBLIGATION_CATEGORIES } from '../../lib/types';

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
/** Hue in degrees. */
function hue(hex: string): number {
  const [r, g, b] = rgb(hex).map((x) => x / 255);
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}
const hueGap = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

describe('highlight colours', () => {
  it('gives the analyst’s colours hues of their own, away from every category’s', () => {
    for (const u of ANNOTATION_COLOURS)
      for (const c of OBLIGATION_CATEGORIES)
        expect(hueGap(hue(USER_COLOURS[u]), hue(CATEGORY_COLOURS[c].hard)), `${u} vs ${c}`).toBeGreaterThanOrEqual(12);
  });

  it('underlines each of the analyst’s colours in its own style, so colour is never the only cue', () => {
    expect(new Set(ANNOTATION_COLOURS.map((c) => USER_MARKS[c].style)).size).toBe(ANNOTATION_COLOURS.length);
    const css = highlightCss();
    for (const c of ANNOTATION_COLOURS)
      expect(css).toContain(
        `::highlight(notice-lens-user-${c}){background-color:${USER_COLOURS[c]};text-decoration:underline ${USER_MARKS[c].style}`,
      );
  });

  it('prints each category as an underline of its own style', () => {
    expect(new Set(OBLIGATION_CATEGORIES.map((c) => CATEGORY_PRINT[c])).size).toBe(OBLIGATION_CATEGORIES.length);
    const print = highlightCss().split('@media print{')[1];
    for (const c of OBLIGATION_CATEGORIES)
      expect(print).toContain(`::highlight(notice-lens-${c}){text-decoration:underline ${CATEGORY_PRINT[c]}`);
  });

  it('narrows the page while the panel is open, except in print', () => {
    const css = pageRulesCss();
    expect(css).toContain('html[data-notice-lens-panel]{margin-right:380px!important');
    expect(css).toMatch(/@media print\{html\[data-notice-lens-panel\]\{margin-right:0!important\}\}/);
  });
});
