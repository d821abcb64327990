/**
 * The benchmark suite: `npm run bench` (builds the extension first). Runs the engine in Node, the extension
 * in Chromium on generated notices of 5,000 to 300,000 characters and on the seeds, re-anchoring, compare,
 * the library with 5,000 notices and 100,000 annotations, and the built bundles' sizes. Writes
 * bench/results.json and BENCHMARKS.md (machine, date, every figure, the budgets and whether they hold).
 *
 *     npm run bench                      # the whole suite
 *     npm run bench -- --quick           # fewer runs and a 1,000-notice library: a smoke run, not figures to quote
 *     npm run bench -- --only page,node  # some sections (node, page, library, bundles); others kept from results.json
 *     npm run bench -- --only sync       # team sync in Chromium (bench/browser/sync.ts): printed, never in the plain run
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, release } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { anchorMany } from '../lib/anchoring';
import { compareNotices } from '../lib/compare';
import { buildOutline, buildWorkload, editWorkload, loadSeeds, longNotice } from '../tests/support/anchoring-cases';
import { builtNotice, seedNotices } from '../tests/support/compare-corpus';
import { benchEngine } from './engine';
import { renderReport, type Results } from './report';
import { measure } from './stats';
import { ROOT } from '../tests/e2e/harness';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? new Set(args[onlyArg + 1].split(',')) : null;
const want = (section: string) => !only || only.has(section);
const RESULTS = join(ROOT, 'bench/results.json');

function bundles(): Results['bundles'] {
  const dir = join(ROOT, '.output/chrome-mv3');
  const out: Results['bundles'] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.js')) {
        const bytes = readFileSync(path);
        out.push({ file: relative(dir, path), bytes: bytes.length, gzip: gzipSync(bytes).length });
      }
    }
  };
  walk(dir);
  return out.sort((a, b) => b.gzip - a.gzip);
}

function nodeAnchoring(runs: number): Results['node']['anchoring'] {
  const text = longNotice(loadSeeds(), 100_000, 7);
  const workload = buildWorkload(text, 500, 11);
  const edited = editWorkload(workload, 13);
  return {
    annotations: workload.items.length,
    chars: text.length,
    exact: measure(runs, () => anchorMany(workload.text, workload.items, buildOutline(workload.text))),
    edited: measure(runs, () => anchorMany(edited.text, workload.items, buildOutline(edited.text))),
  };
}

function nodeCompare(runs: number): Results['node']['compare'] {
  const seeds = seedNotices();
  const texts = Array.from({ length: 5 }, (_, k) => builtNotice(seeds, k, 10_000));
  return {
    notices: 5,
    chars: texts.map((t) => t.length),
    time: measure(runs, () => compareNotices(texts.map((text) => ({ title: null, text })))),
  };
}

const previous: Partial<Results> = existsSync(RESULTS)
  ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Partial<Results>)
  : {};
const started = Date.now();
const log = (line: string) => console.log(line);

const results: Results = {
  date: new Date().toISOString(),
  quick,
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `Linux ${release()}`,
    node: process.version,
    chromium: previous.machine?.chromium ?? 'unknown',
    loadAtStart: loadavg()[0],
    loadAtEnd: 0,
  },
  bundles: want('bundles') ? bundles() : previous.bundles!,
  node: previous.node!,
  page: previous.page!,
  library: previous.library!,
};

if (want('bundles')) {
  const content = results.bundles.find((b) => b.file === 'content-scripts/content.js');
  log(`content script ${content?.gzip} bytes gzip; ${results.bundles.length} scripts`);
}
if (want('node')) {
  log('Node: engine on generated pages…');
  const runs = quick ? 5 : 15;
  results.node = { engine: benchEngine(undefined, runs), anchoring: nodeAnchoring(runs), compare: nodeCompare(runs) };
  for (const e of results.node.engine)
    log(
      `  ${e.size} chars: analysis ${e.whole.median} ms, Readability.parse ${e.readabilityParse} ms (×${e.wholeOverReadability})`,
    );
}
if (want('page')) {
  log('Chromium: notice pages…');
  const { benchPages } = await import('./browser/page');
  results.page = await benchPages({ runs: quick ? 3 : 9, floor: true, log: (s) => log(`  ${s}`) });
  results.machine.chromium = results.page.chromium;
}
if (want('library')) {
  log('Chromium: the library…');
  const { benchLibrary } = await import('./browser/library');
  results.library = await benchLibrary(
    quick ? { notices: 1000, annotations: 20_000, runs: 3 } : { runs: 9, log: (s: string) => log(`  ${s}`) },
  );
}
// Team sync's first sync of the full library takes over ten minutes: only when asked, and its figures are
// printed (the README's team sync section quotes them), not written to results.json.
if (only?.has('sync')) {
  log('Chromium: team sync…');
  const { benchSync } = await import('./browser/sync');
  await benchSync({ ...(quick ? { notices: 500, annotations: 10_000, runs: 3 } : {}), log: (s) => log(`  ${s}`) });
  if (only.size === 1) process.exit(0);
}
results.seconds = Math.round((Date.now() - started) / 1000);
results.machine.loadAtEnd = loadavg()[0];

writeFileSync(RESULTS, `${JSON.stringify(results, null, 1)}\n`);
const report = renderReport(results);
writeFileSync(join(ROOT, 'BENCHMARKS.md'), report.markdown);
console.log(`\n${report.budgetLines.join('\n')}`);
console.log(`\nbench/results.json and BENCHMARKS.md written (${results.seconds} s).`);
