/**
 * Comparison benchmark (Node): `compareNotices` on the five seed notices and on five 10,000-character
 * notices built from them, `comparePair` on two 300,000-character notices (the must-not-hang case) and on
 * two 300,000-character templated texts. Prints median, min and max wall-clock ms.
 * Run: npx tsx bench/compare.ts   (RUNS=… for the number of timed runs, default 21)
 * Also prints the load average, and the CPU time of the 300,000-character pairs (wall-clock time on a busy
 * machine counts the time other processes hold the cores).
 */
import { compareNotices, comparePair, type CompareInput } from '../lib/compare';
import { builtNotice, filler, seedNotices } from '../tests/support/compare-corpus';
import { loadavg } from 'node:os';
import { fmt, measure } from './stats';

const RUNS = Number(process.env.RUNS ?? 21);

const seeds = seedNotices();
const five10k = Array.from({ length: 5 }, (_, k) => builtNotice(seeds, k, 10_000));
const big = [builtNotice(seeds, 0, 300_000), builtNotice(seeds, 2, 300_000)];
const templated = [filler(300_000, 7), filler(300_000, 8)];

function inputs(texts: string[]): CompareInput[] {
  return texts.map((text) => ({ title: null, text }));
}

function report(label: string, run: () => unknown, runs = RUNS): void {
  console.log(`${label.padEnd(48)} ${fmt(measure(runs, run))}`);
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
  console.log(`CPU time, comparePair, ${label}: ${((c.user + c.system) / 1000).toFixed(0)} ms`);
}
report('compareNotices, the five seed notices', () => compareNotices(inputs(seeds)));
report('compareNotices, five 10,000-char notices', () => compareNotices(inputs(five10k)));
report('comparePair, two 300,000-char notices', () => comparePair(big[0], big[1]), 5);
report('comparePair, two 300,000-char templated texts', () => comparePair(templated[0], templated[1]), 5);
const sample = compareNotices(inputs(five10k));
console.log(
  `five 10,000-char notices: similarity ${sample.pairs.map((p) => `${p.a}-${p.b} ${p.similarity.toFixed(2)}`).join(', ')}`,
);
