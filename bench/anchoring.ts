/**
 * Re-anchoring measurement. Run: `npx tsx bench/anchoring.ts [cases] [seed]`
 *
 * 1. Accuracy: ≥ 500 generated annotation/edit cases on the five seed notices (see anchoring-cases.ts):
 *    placed correctly, placed wrongly, unplaced, overall and per edit kind.
 * 2. Speed: 500 annotations on a ~100,000-character notice built from the seeds, anchored on the
 *    unchanged text and after a mix of edits; also one 2 MB text.
 *
 * Targets: correct ≥ 99% of the cases whose text still exists, wrong = 0, 500 anchors on 100k < 100 ms.
 */

import { anchorMany, type AnchorResult, type Selector } from '../lib/anchoring/index';
import {
  EDIT_KINDS,
  buildOutline,
  buildWorkload,
  editWorkload,
  generateCases,
  judge,
  loadSeeds,
  longNotice,
  runCases,
  type Span,
} from '../tests/support/anchoring-cases';

const caseCount = Number(process.argv[2] ?? 600);
const caseSeed = Number(process.argv[3] ?? 20240601);

function pct(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(2)}%`;
}

// ---------------------------------------------------------------------------------------------------------
// 1. Accuracy on the seeds

const seeds = loadSeeds();
const cases = generateCases(caseCount, caseSeed, seeds);
const started = performance.now();
const tally = runCases(cases);
const elapsed = performance.now() - started;

console.log(`Re-anchoring accuracy: ${tally.cases} cases from ${seeds.length} seeds (PRNG seed ${caseSeed})`);
console.log(
  `  text still exists: ${tally.placeable}; text deleted (must be unplaced): ${tally.cases - tally.placeable}`,
);
console.log(
  `  placed correctly: ${tally.placedCorrectly} (${pct(tally.placedCorrectly, tally.placeable)} of placeable)`,
);
console.log(`  placed wrongly:   ${tally.placedWrongly} (${pct(tally.placedWrongly, tally.cases)} of all cases)`);
console.log(
  `  unplaced:         ${tally.unplaced + tally.orphanedCorrectly} ` +
    `(${tally.orphanedCorrectly} text deleted, as expected; ${tally.unplaced} = ${pct(tally.unplaced, tally.placeable)} of placeable)`,
);
console.log('  per edit kind (correct / wrong / unplaced / orphaned as expected):');
for (const kind of EDIT_KINDS) {
  const row = tally.byKind[kind];
  if (row === undefined) continue;
  console.log(`    ${kind.padEnd(26)} ${row.correct} / ${row.wrong} / ${row.unplaced} / ${row.orphaned}`);
}
for (const f of tally.failures) {
  const where = f.got === null ? 'null' : `${f.got.start}-${f.got.end} ${f.got.method} ${f.got.confidence}`;
  console.log(
    `    ${f.verdict.padEnd(8)} ${f.id}: ${JSON.stringify(f.quote)} expected ${JSON.stringify(f.expected)} got ${where}`,
  );
}
console.log(`  (${elapsed.toFixed(0)} ms for all cases, each anchored against its own edited text)`);

// ---------------------------------------------------------------------------------------------------------
// 2. Speed on a long notice

/** One cold run (fresh JIT, as on page load), then warm runs: the median of those is the steady cost. */
function timeRuns(
  text: string,
  items: Selector[][],
  warmRuns: number,
): { cold: number; median: number; min: number; results: (AnchorResult | null)[] } {
  const outline = buildOutline(text);
  const times: number[] = [];
  let results: (AnchorResult | null)[] = [];
  for (let r = 0; r <= warmRuns; r++) {
    const t0 = performance.now();
    results = anchorMany(text, items, outline);
    times.push(performance.now() - t0);
  }
  const warm = times.slice(1).sort((a, b) => a - b);
  return { cold: times[0], median: warm[Math.floor(warm.length / 2)], min: warm[0], results };
}

function count(expected: (Span | null)[], results: (AnchorResult | null)[]): string {
  let correct = 0;
  let wrong = 0;
  let unplaced = 0;
  let orphaned = 0;
  expected.forEach((e, k) => {
    const v = judge(e, results[k]);
    if (v === 'wrong') wrong++;
    else if (v === 'unplaced') unplaced++;
    else if (e === null) orphaned++;
    else correct++;
  });
  return `correct ${correct}, wrong ${wrong}, unplaced ${unplaced}, deleted and unplaced ${orphaned}`;
}

console.log('\nRe-anchoring speed (anchorMany: one call for all annotations, including its precomputation)');
for (const size of (process.env.BENCH_SIZES ?? '100000,2000000').split(',').map(Number)) {
  const text = longNotice(seeds, size, 7);
  const w = buildWorkload(text, 500, 11);
  const mix = editWorkload(w, 13);
  const runs = size <= 200_000 ? 15 : 3;
  const exact = timeRuns(w.text, w.items, runs);
  const edited = timeRuns(mix.text, w.items, runs);
  const label = `${w.items.length} annotations on ${text.length.toLocaleString('en')} chars`;
  const ms = (t: { cold: number; median: number; min: number }) =>
    `cold ${t.cold.toFixed(1)} ms, warm median ${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)}) of ${runs}`;
  console.log(`  ${label}, unchanged text: ${ms(exact)}`);
  console.log(`    ${count(w.spans, exact.results)}`);
  console.log(`  ${label}, after edits:    ${ms(edited)}`);
  console.log(`    ${count(mix.expected, edited.results)}`);
}
