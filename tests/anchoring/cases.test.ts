import { describe, expect, it } from 'vitest';
import { EDIT_KINDS, applySplices, generateCases, runCases, trackSpan } from '../support/anchoring-cases';
import { foldString } from '../../lib/anchoring/folded-text';

describe('generated re-anchoring cases (tests/support/anchoring-cases.ts)', () => {
  const cases = generateCases(200, 97);

  it('are deterministic, cover every edit kind and track the truth through the edit', () => {
    expect(generateCases(200, 97).map((c) => [c.id, c.expected])).toEqual(cases.map((c) => [c.id, c.expected]));
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(EDIT_KINDS));
    for (const c of cases) {
      if (c.kind === 'span-deleted') {
        expect(c.expected).toBeNull();
        continue;
      }
      expect(c.expected, c.id).not.toBeNull();
      const moved = c.text.slice(c.expected!.start, c.expected!.end);
      if (c.kind === 'word-changed-inside') expect(moved, c.id).not.toBe(c.quote);
      else expect(foldString(moved), c.id).toBe(foldString(c.quote));
    }
  });

  it('place none wrongly and at least 99% of the placeable ones correctly', () => {
    const tally = runCases(cases);
    expect(tally.failures.filter((f) => f.verdict === 'wrong')).toEqual([]);
    expect(tally.placedWrongly).toBe(0);
    expect(tally.placedCorrectly).toBeGreaterThanOrEqual(Math.ceil(0.99 * tally.placeable));
    expect(tally.orphanedCorrectly).toBe(tally.cases - tally.placeable);
  });
});

describe('tracking a span through splices', () => {
  it('moves with text before it, grows with text inside it, ignores text after it', () => {
    const text = '0123456789';
    const span = { start: 3, end: 6 };
    const splices = [
      { at: 3, remove: 0, insert: 'ab' }, // at the start: before the span
      { at: 4, remove: 1, insert: 'XYZ' }, // inside
      { at: 6, remove: 0, insert: 'c' }, // at the end: after the span
      { at: 0, remove: 2, insert: '' },
    ];
    const edited = applySplices(text, splices);
    expect(edited).toBe('2ab3XYZ5c6789');
    const moved = trackSpan(span, splices);
    expect(moved).toEqual({ start: 3, end: 8 });
    expect(edited.slice(moved!.start, moved!.end)).toBe('3XYZ5');
    expect(trackSpan(span, [{ at: 2, remove: 5, insert: '' }])).toBeNull();
  });
});
