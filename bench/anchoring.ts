/**
 * Re-anchoring measurement. Run: `npx tsx bench/anchoring.ts [cases per part] [seed]`
 *
 * 1. Accuracy: generated annotation/edit cases (see tests/support/anchoring-cases.ts) in two parts: the
 *    texts the thresholds were chosen on (the five seeds and the corpus documents marked `dev`) and held-out
 *    texts (the corpus documents marked `heldout`), never looked at while tuning. Per edit kind: placed
 *    correctly, placed wrongly, unplaced, offered (not painted, the true place among those offered), and
 *    deleted text correctly left unplaced.
 * 2. Speed: 500 annotations on a ~100,000-character notice built from the seeds, anchored on the
 *    unchanged text and after a mix of edits; also one 2 MB text. `uptime` load is printed with it.
 *
 * Targets: correct ≥ 99% of the placeable cases of the edits that keep the span findable, wrong = 0,
 * moved sentences found ≥ 97%, 500 anchors on 100k < 100 ms.
 */

import { execFileSync } from 'node:child_process';
import { anchorMany, type AnchorResult, type Selector } from '../lib/anchoring/index';
import {
  EDIT_KINDS,
  buildOutline,
  buildWorkload,
  editWorkload,
  generateCases,
  judge,
  loadBaseTexts,
  loadSeeds,
  longNotice,
  runCases,
  type Seed,
  type Span,
} from '../tests/support/anchoring-cases';

const caseCount = Number(process.argv[2] ?? 1500);
const caseSeed = Number(process.argv[3] ?? 20240601);

function pct(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(2)}%`;
}

function load(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return 'uptime unavailable';
  }
}

// ---------------------------------------------------------------------------------------------------------
// 1. Accuracy, tuned and held-out texts

function accuracy(part: string, texts: Seed[]): void {
  const cases = generateCases(caseCount, caseSeed, texts);
  const started = performance.now();
  const tally = runCases(cases);
  const elapsed = performance.now() - started;
  console.log(`\n${part}: ${tally.cases} cases on ${texts.length} texts (PRNG seed ${caseSeed})`);
  console.log(
    `  text still exists: ${tally.placeable}; text deleted (must be unplaced): ${tally.cases - tally.placeable}`,
  );
  console.log(
    `  placed correctly: ${tally.placedCorrectly} (${pct(tally.placedCorrectly, tally.placeable)} of placeable)`,
  );
  // Two copies of a sentence in a row: its stored context cannot tell them apart; both are offered by design.
  const twins = tally.byKind['adjacent-duplicate'];
  const undecidable = twins === undefined ? 0 : twins.ambiguous;
  console.log(
    `  correct of placeable, excluding the cases context cannot decide (adjacent duplicates offered, ${undecidable}): ` +
      `${tally.placedCorrectly} of ${tally.placeable - undecidable} (${pct(tally.placedCorrectly, tally.placeable - undecidable)})`,
  );
  console.log(`  placed wrongly:   ${tally.placedWrongly} (${pct(tally.placedWrongly, tally.cases)} of all cases)`);
  console.log(`  unplaced:         ${tally.unplaced} (${pct(tally.unplaced, tally.placeable)} of placeable)`);
  console.log(`  offered:          ${tally.ambiguous} (not painted; the true place among the places offered)`);
  console.log(`  deleted, unplaced as expected: ${tally.orphanedCorrectly}`);
  console.log(
    '  per edit kind: correct / wrong / unplaced / offered / deleted-and-unplaced (correct %, correct or offered %)',
  );
  for (const kind of EDIT_KINDS) {
    const row = tally.byKind[kind];
    if (row === undefined) continue;
    const placeable = row.correct + row.unplaced + row.ambiguous + (kind === 'span-deleted' ? 0 : row.wrong);
    console.log(
      `    ${kind.padEnd(24)} ${row.correct} / ${row.wrong} / ${row.unplaced} / ${row.ambiguous} / ${row.orphaned}` +
        `  (${pct(row.correct, placeable)}, ${pct(row.correct + row.ambiguous, placeable)})`,
    );
  }
  for (const f of tally.failures.filter((x) => x.verdict === 'wrong' || process.env.BENCH_VERBOSE)) {
    const got = f.got;
    const where =
      got.kind === 'placed'
        ? `${got.start}-${got.end} ${got.method} ${got.confidence}`
        : got.kind === 'ambiguous'
          ? `ambiguous ${got.places.map((p) => `${p.start}-${p.end}`).join(',')}`
          : 'unplaced';
    console.log(
      `    ${f.verdict.padEnd(9)} ${f.id}: ${JSON.stringify(f.quote.slice(0, 60))} expected ${JSON.stringify(f.expected)} got ${where}`,
    );
  }
  console.log(`  (${elapsed.toFixed(0)} ms for all cases, each anchored against its own edited text)`);
}

const seeds = loadSeeds();
const { tuned, heldOut } = loadBaseTexts();
console.log('Re-anchoring accuracy');
// BENCH_PARTS=tuned (or heldout) runs one part only; BENCH_SIZES= (empty) skips the speed runs.
const parts = (process.env.BENCH_PARTS ?? 'tuned,heldout').split(',');
if (parts.includes('tuned')) accuracy('Tuned texts (seeds + corpus dev)', tuned);
if (parts.includes('heldout')) accuracy('Held-out texts (corpus heldout)', heldOut);

// ---------------------------------------------------------------------------------------------------------
// 2. Speed on a long notice

/** One cold run (fresh JIT, as on page load), then warm runs: the median of those is the steady cost. */
function timeRuns(
  text: string,
  items: Selector[][],
  warmRuns: number,
): { cold: number; median: number; min: number; cpu: number; results: (AnchorResult | null)[] } {
  const outline = buildOutline(text);
  const times: number[] = [];
  const cpu: number[] = [];
  let results: (AnchorResult | null)[] = [];
  for (let r = 0; r <= warmRuns; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    results = anchorMany(text, items, outline);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const warm = times.slice(1).sort((a, b) => a - b);
  const warmCpu = cpu.slice(1).sort((a, b) => a - b);
  const mid = Math.floor(warm.length / 2);
  return { cold: times[0], median: warm[mid], min: warm[0], cpu: warmCpu[mid], results };
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
console.log(`  load before: ${load()}`);
const sizes = (process.env.BENCH_SIZES ?? '100000,2000000').split(',').filter((x) => x.trim() !== '');
for (const size of sizes.map(Number)) {
  const text = longNotice(seeds, size, 7);
  const w = buildWorkload(text, 500, 11);
  const mix = editWorkload(w, 13);
  const runs = size <= 200_000 ? 15 : 3;
  const exact = timeRuns(w.text, w.items, runs);
  const edited = timeRuns(mix.text, w.items, runs);
  const label = `${w.items.length} annotations on ${text.length.toLocaleString('en')} chars`;
  const ms = (t: { cold: number; median: number; min: number; cpu: number }) =>
    `cold ${t.cold.toFixed(1)} ms, warm median ${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)}, CPU median ${t.cpu.toFixed(1)}) of ${runs}`;
  console.log(`  ${label}, unchanged text: ${ms(exact)}`);
  console.log(`    ${count(w.spans, exact.results)}`);
  console.log(`  ${label}, after edits:    ${ms(edited)}`);
  console.log(`    ${count(mix.expected, edited.results)}`);
}
console.log(`  load after: ${load()}`);
