/**
 * The comparison in real Chromium: `compareNotices` bundled (esbuild, as the library page bundles it) and run
 * in a blank page on the five seed notices and on five notices of 10,000 characters built from them
 * (`tests/support/compare-corpus.ts`). Prints median / min / max milliseconds and the load average.
 *
 *     npx tsx bench/browser/compare.ts [--runs 15]
 */
import { build } from 'esbuild';
import { loadavg } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumOptions } from '../../tests/e2e/harness';
import { builtNotice, seedNotices } from '../../tests/support/compare-corpus';
import { fmt, summarise } from '../stats';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;

async function main(): Promise<void> {
  const bundle = await build({
    stdin: {
      contents: "import { compareNotices } from './lib/compare'; (globalThis as any).compareNotices = compareNotices;",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    minify: true,
  });
  const seeds = seedNotices();
  const five10k = Array.from({ length: 5 }, (_, k) => builtNotice(seeds, k, 10_000));
  const profile = mkdtempSync(join(tmpdir(), 'notice-lens-bench-compare-'));
  const base = chromiumOptions([]) ?? {};
  const options = { ...base, args: (base.args ?? []).filter((a) => !a.includes('extension')) };
  const context = await chromium.launchPersistentContext(profile, options);
  try {
    const page = await context.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    console.log(
      `Chromium ${context.browser()?.version() ?? ''}; load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    for (const [label, texts] of [
      ['compareNotices, the five seed notices', seeds],
      ['compareNotices, five 10,000-char notices', five10k],
    ] as const) {
      const times = await page.evaluate(
        ({ texts, runs }) => {
          const run = (globalThis as unknown as { compareNotices: (d: unknown[]) => unknown }).compareNotices;
          const docs = texts.map((text) => ({ title: null, text }));
          run(docs); // warm-up
          const out: number[] = [];
          for (let r = 0; r < runs; r++) {
            const t0 = performance.now();
            run(docs);
            out.push(performance.now() - t0);
          }
          return out;
        },
        { texts: [...texts], runs: RUNS },
      );
      console.log(`${label.padEnd(48)} ${fmt(summarise(times))}`);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

void main();
