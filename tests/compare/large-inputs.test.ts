import { describe, expect, it } from 'vitest';
import { builtNotice, filler, seedNotices } from '../support/compare-corpus';
import { compareNotices, comparePair } from '../../lib/compare';

// Timings are measured by bench/compare.ts; these tests check that large inputs give right answers (the
// test timeout stops a run that hangs).
describe('comparison of large inputs', () => {
  const seeds = seedNotices();

  it('compares five 10,000-character notices, finding what they share', () => {
    const five = Array.from({ length: 5 }, (_, k) => builtNotice(seeds, k, 10_000));
    const inputs = five.map((text) => ({ title: null, text }));
    const result = compareNotices(inputs);
    expect(result.pairs).toHaveLength(10);
    expect(Math.min(...result.pairs.map((p) => p.similarity))).toBeGreaterThan(0.3);
  });

  it('compares two 300,000-character texts without hanging', () => {
    const notices = [builtNotice(seeds, 0, 300_000), builtNotice(seeds, 2, 300_000)];
    const templated = [filler(300_000, 7), filler(300_000, 8)];
    for (const [a, b] of [notices, templated]) {
      const r = comparePair(a, b);
      expect(r.passages.length).toBeGreaterThan(0);
      for (const p of r.passages.slice(0, 50)) expect(p.aText).toBe(a.slice(p.aStart, p.aEnd));
    }
  });
});
