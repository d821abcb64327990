/**
 * Re-anchoring in real Chromium: 500 annotations on a ~100,000-character notice, anchored on the unchanged
 * text and after a mix of edits (the same workload as bench/anchoring.ts), with the engine bundled as the
 * content script bundles it. Prints cold and warm medians with the machine's load.
 *
 *     npx tsx bench/browser/anchoring.ts [--runs 15] [--size 100000]
 */
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM, ROOT } from '../../tests/e2e/harness';
import type { AnchorResult } from '../../lib/anchoring';
import {
  buildOutline,
  buildWorkload,
  editWorkload,
  judge,
  loadSeeds,
  longNotice,
  type Span,
} from '../../tests/support/anchoring-cases';
import { summarise } from '../stats';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function load(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return 'uptime unavailable';
  }
}

const runs = arg('runs', 15);
const size = arg('size', 100_000);

/** The engine as a page script: `__anchorBench(text, items, outline, runs)` → times and the last results. */
async function probe(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `
        import { anchorMany } from './lib/anchoring';
        globalThis.__anchorBench = (text, items, outline, runs) => {
          const times = [];
          let results = [];
          for (let r = 0; r < runs; r++) {
            const t0 = performance.now();
            results = anchorMany(text, items, outline);
            times.push(performance.now() - t0);
          }
          return { times, results };
        };`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    minify: true,
    write: false,
  });
  return out.outputFiles[0].text;
}

function verdicts(expected: (Span | null)[], results: (AnchorResult | null)[]): string {
  const n = { correct: 0, wrong: 0, unplaced: 0, orphaned: 0 };
  expected.forEach((e, k) => {
    const v = judge(e, results[k]);
    if (v === 'wrong') n.wrong++;
    else if (v === 'unplaced' || v === 'ambiguous') n.unplaced++;
    else if (e === null) n.orphaned++;
    else n.correct++;
  });
  return `correct ${n.correct}, wrong ${n.wrong}, unplaced ${n.unplaced}, deleted and unplaced ${n.orphaned}`;
}

async function main(): Promise<void> {
  const text = longNotice(loadSeeds(), size, 7);
  const workload = buildWorkload(text, 500, 11);
  const edited = editWorkload(workload, 13);
  const script = await probe();
  console.log(`Re-anchoring in Chromium (${CHROMIUM}): ${workload.items.length} annotations on ${text.length} chars`);
  console.log(`  load before: ${load()}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><meta charset="utf-8"><body></body>');
    await page.addScriptTag({ content: script });
    // The renderer process's CPU time (not wall-clock) between two readings, from the DevTools protocol.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const scriptSeconds = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'ProcessTime')?.value ?? NaN;
    };
    for (const [label, t, expected] of [
      ['unchanged text', workload.text, workload.spans],
      ['after edits', edited.text, edited.expected],
    ] as const) {
      const before = await scriptSeconds();
      const got = await page.evaluate(
        ([t, items, outline, n]) =>
          (
            globalThis as unknown as {
              __anchorBench: (...a: unknown[]) => { times: number[]; results: (AnchorResult | null)[] };
            }
          ).__anchorBench(t, items, outline, n),
        [t, workload.items, buildOutline(t), runs + 1] as const,
      );
      const script = ((await scriptSeconds()) - before) * 1000;
      const warm = summarise(got.times.slice(1));
      console.log(
        `  ${label.padEnd(15)} cold ${got.times[0].toFixed(1)} ms, warm median ${warm.median} ms ` +
          `(min ${warm.min}, max ${warm.max}) of ${runs}; renderer CPU ${(script / (runs + 1)).toFixed(1)} ms per run (mean with the cold run and the transfer)`,
      );
      console.log(`    ${verdicts(expected, got.results)}`);
    }
  } finally {
    await browser.close();
  }
  console.log(`  load after: ${load()}`);
}

await main();
