/**
 * Comparison benchmark (Node): `compareNotices` on the five seed notices and on five 10,000-character
 * notices built from them, `comparePair` on two 300,000-character notices (the must-not-hang case) and on
 * two 300,000-character templated texts. Prints median, min and max wall-clock ms.
 * Run: npx tsx bench/compare.ts   (RUNS=… for the number of timed runs, default 21)
 * Also prints the load average, the CPU time of each timed run beside its wall-clock time (wall-clock time on
 * a busy machine counts the time other processes hold the cores), and the CPU time of the first, cold call
 * on the 300,000-character pairs.
 */
import { compareNotices, comparePair, type CompareInput } from '../lib/compare';
import { builtNotice, filler, seedNotices } from '../tests/support/compare-corpus';
import { loadavg } from 'node:os';
import { fmt, summarise } from './stats';

const RUNS = Number(process.env.RUNS ?? 21);

const seeds = seedNotices();
const five10k = Array.from({ length: 5 }, (_, k) => builtNotice(seeds, k, 10_000));
const big = [builtNotice(seeds, 0, 300_000), builtNotice(seeds, 2, 300_000)];
const templated = [filler(300_000, 7), filler(300_000, 8)];

function inputs(texts: string[]): CompareInput[] {
  return texts.map((text) => ({ title: null, text }));
}

/** Wall-clock and CPU time (user + system, `process.cpuUsage`) of each timed run, after two warm-up runs. */
function report(label: string, run: () => unknown, runs = RUNS): void {
  run();
  run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  console.log(`${label.padEnd(48)} wall ${fmt(summarise(wall))}`);
  console.log(`${''.padEnd(48)} CPU  ${fmt(summarise(cpu))}`);
}

console.log(
  `Node ${process.version}; seeds ${seeds.map((s) => s.length).join('/')} chars; built notices ${five10k.map((s) => s.length).join('/')} chars`,
);
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
for (const [label, [a, b]] of [
  ['two 300,000-char notices', big],
  ['two 300,000-char templated texts', templated],
] as const) {
  const c0 = process.cpuUsage();
  comparePair(a, b);
  const c = process.cpuUsage(c0);
  console.log(`CPU time, first call, comparePair, ${label}: ${((c.user + c.system) / 1000).toFixed(0)} ms`);
}
report('compareNotices, the five seed notices', () => compareNotices(inputs(seeds)));
report('compareNotices, five 10,000-char notices', () => compareNotices(inputs(five10k)));
report('comparePair, two 300,000-char notices', () => comparePair(big[0], big[1]), 5);
report('comparePair, two 300,000-char templated texts', () => comparePair(templated[0], templated[1]), 5);
const sample = compareNotices(inputs(five10k));
console.log(
  `five 10,000-char notices: similarity ${sample.pairs.map((p) => `${p.a}-${p.b} ${p.similarity.toFixed(2)}`).join(', ')}`,
);
