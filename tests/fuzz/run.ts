/**
 * The fuzz tests' case runner. Every case is built from its seed alone (`Rng`, tests/support/prng.ts), and a
 * failure names the seed. Environment:
 *   FUZZ_ONLY=<seed>   run just that case (every kind skips the others);
 *   FUZZ_SCALE=<x>     cases per kind × x (default 1; 10 for a long run);
 *   FUZZ_SEED=<n>      added to every seed, for a fresh series of cases.
 * Seed ranges of different kinds do not overlap, so a seed names one case.
 */
import { afterAll } from 'vitest';
import { Rng } from './generate';

export const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const SEED_OFFSET = Number(process.env.FUZZ_SEED ?? 0);
const ONLY = process.env.FUZZ_ONLY === undefined ? null : Number(process.env.FUZZ_ONLY);

/** A test's timeout: `ms` at the default scale, more for a larger run. */
export function timeout(ms: number): number {
  return Math.round(ms * Math.max(1, SCALE));
}

/** Cases tried per kind in this file. */
const counts = new Map<string, number>();

/**
 * Run `count` cases of one kind (× FUZZ_SCALE), case `i` with seed `base + i` (plus FUZZ_SEED). Returns the
 * failures, one line per failing case: its seed, its kind and its first distinct problems.
 */
export function runCases(
  kind: string,
  base: number,
  count: number,
  run: (r: Rng, seed: number, index: number) => string[],
): string[] {
  const failures: string[] = [];
  const n = Math.max(1, Math.round(count * SCALE));
  for (let i = 0; i < n; i++) {
    const seed = base + i + SEED_OFFSET;
    if (ONLY !== null && seed !== ONLY) continue;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    const problems = run(new Rng(seed), seed, i);
    if (problems.length > 0) failures.push(`seed ${seed} (${kind}): ${[...new Set(problems)].slice(0, 6).join(' · ')}`);
  }
  return failures;
}

/** The inputs of `count` cases of one kind, each with its seed, for tests that check them asynchronously. */
export function casesOf<T>(
  kind: string,
  base: number,
  count: number,
  make: (r: Rng, seed: number) => T,
): Array<{ seed: number; input: T }> {
  const out: Array<{ seed: number; input: T }> = [];
  runCases(kind, base, count, (r, seed) => {
    out.push({ seed, input: make(r, seed) });
    return [];
  });
  return out;
}

/** Print the cases tried per kind when the file's tests are done. */
export function reportCounts(file: string): void {
  afterAll(() => {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const lines = [...counts.entries()].map(([kind, n]) => `  ${String(n).padStart(6)}  ${kind}`);
    console.log(`${file}: ${total} cases\n${lines.join('\n')}`);
  });
}
