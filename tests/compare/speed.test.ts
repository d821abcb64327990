import { describe, expect, it } from 'vitest';
import { builtNotice, filler, seedNotices } from '../../bench/compare-corpus';
import { compareNotices, comparePair } from '../../lib/compare';

/**
 * Best of `runs` CPU times (user + system, this process) in ms. CPU time rather than wall-clock time, and
 * the best run, so that a busy test machine (other test files, other jobs) does not fail the test; an
 * algorithm that went quadratic still would.
 */
function bestCpuOf(runs: number, fn: () => void): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = process.cpuUsage();
    fn();
    const t = process.cpuUsage(t0);
    best = Math.min(best, (t.user + t.system) / 1000);
  }
  return best;
}

describe('comparison speed', () => {
  const seeds = seedNotices();

  it('compares five 10,000-character notices well under 300 ms', () => {
    const five = Array.from({ length: 5 }, (_, k) => builtNotice(seeds, k, 10_000));
    const inputs = five.map((text) => ({ title: null, text }));
    const result = compareNotices(inputs);
    expect(result.pairs).toHaveLength(10);
    expect(Math.min(...result.pairs.map((p) => p.similarity))).toBeGreaterThan(0.3);
    expect(bestCpuOf(7, () => compareNotices(inputs))).toBeLessThan(300);
  });

  it('compares two 300,000-character texts without hanging', () => {
    const notices = [builtNotice(seeds, 0, 300_000), builtNotice(seeds, 2, 300_000)];
    const templated = [filler(300_000, 7), filler(300_000, 8)];
    for (const [a, b] of [notices, templated]) {
      const t0 = performance.now();
      const r = comparePair(a, b);
      expect(performance.now() - t0).toBeLessThan(10_000);
      expect(r.passages.length).toBeGreaterThan(0);
      for (const p of r.passages.slice(0, 50)) expect(p.aText).toBe(a.slice(p.aStart, p.aEnd));
    }
  });
});
