/**
 * Where the library's waits go, step by step: a Chromium trace (devtools.timeline) of library-page searches
 * and of opening the busiest notice, summed by event (script, style, layout, paint, database), beside the
 * figure the library benchmark reports for the same step.
 *
 *     npx wxt build && npx tsx bench/browser/library-phases.ts [--runs 3] [--build DIR] [--open-only]
 */

import type { CDPSession, Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import {
  clearSearch,
  newExtensionPage,
  searchFirstScreen,
  timedSearch,
  withLibrary,
  type BenchGlobals,
} from './library';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  ts: number;
}

/** Run `action` under a trace; self-time (ms) of the top-level events of the page's main thread, by name. */
const timeline: string[] = [];
async function traced(page: Page, action: () => Promise<unknown>): Promise<Map<string, number>> {
  timeline.length = 0;
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const ended = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] },
  });
  await action();
  await cdp.send('Tracing.end');
  await ended;
  await cdp.detach();
  // The renderer's main thread: the one running the most FunctionCall events.
  const calls = new Map<string, number>();
  for (const e of events)
    if (e.name === 'FunctionCall') calls.set(`${e.pid}:${e.tid}`, (calls.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...calls].sort((a, b) => b[1] - a[1])[0]?.[0];
  const out = new Map<string, number>();
  const complete = events
    .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  // Top-level tasks in time order, each with its largest children, and totals by name.
  const t0 = complete[0]?.ts ?? 0;
  let end = -1;
  let task: TraceEvent | null = null;
  const kids = new Map<string, number>();
  const flush = () => {
    if (task && task.dur! >= 2000)
      timeline.push(
        `      +${((task.ts - t0) / 1000).toFixed(0).padStart(4)} ${(task.dur! / 1000).toFixed(1).padStart(6)} ms ` +
          [...kids]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 6)
            .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
            .join(', '),
      );
    kids.clear();
  };
  let childEnd = -1;
  for (const e of complete) {
    if (e.ts >= end) {
      flush();
      task = e;
      end = e.ts + e.dur!;
      childEnd = -1;
      out.set(e.name, (out.get(e.name) ?? 0) + e.dur! / 1000);
      continue;
    }
    if (e.ts >= childEnd) {
      childEnd = e.ts + e.dur!;
      kids.set(e.name, (kids.get(e.name) ?? 0) + e.dur!);
    }
  }
  flush();
  for (const e of complete)
    if (
      [
        'UpdateLayoutTree',
        'Layout',
        'Paint',
        'PrePaint',
        'Layerize',
        'ParseHTML',
        'v8.compile',
        'MajorGC',
        'MinorGC',
        'V8.GC_SCAVENGER',
        'FunctionCall',
      ].includes(e.name)
    )
      out.set(`  ${e.name}`, (out.get(`  ${e.name}`) ?? 0) + e.dur! / 1000);
  return out;
}

async function searchOnly(page: Page, query: string): Promise<{ ms: number; rows: number }> {
  const ms = await searchFirstScreen(page, query);
  const rows = await page.evaluate(
    (q) => document.querySelectorAll(`ul.notices[data-query="${CSS.escape(q)}"] > li.notice`).length,
    query,
  );
  return { ms, rows };
}

function show(m: Map<string, number>, runs: number): string {
  return [...m]
    .filter(([, v]) => v / runs >= 0.5)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `    ${(v / runs).toFixed(1).padStart(7)} ms  ${k}`)
    .join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const i = args.indexOf('--runs');
  const runs = i >= 0 ? Number(args[i + 1]) : 3;
  const b = args.indexOf('--build');
  const only = args.includes('--open-only');
  await withLibrary(
    { log: (l) => console.error(l), build: b >= 0 ? args[b + 1] : undefined },
    async ({ browser: s, seeded }) => {
      console.log(`load ${loadavg()[0].toFixed(2)}`);
      const library = await newExtensionPage(s, 'library.html');
      await library.evaluate(() => (globalThis as unknown as BenchGlobals).__bench.done.list);
      for (const q of only ? [] : ['党组织', '安全生产', '监督管理', '复核意见']) {
        await timedSearch(library, q);
        const sum = new Map<string, number>();
        const figures: string[] = [];
        for (let r = 0; r < runs; r++) {
          const t = await traced(library, async () => {
            const { ms, rows } = await searchOnly(library, q);
            const db = await library.evaluate(() => document.documentElement.dataset.searchMs);
            figures.push(`${ms.toFixed(0)} (query ${db}, ${rows} rows)`);
          });
          if (r === runs - 1) console.log(timeline.join('\n'));
          await clearSearch(library);
          for (const [k, v] of t) sum.set(k, (sum.get(k) ?? 0) + v);
        }
        console.log(
          `search ${q}: ${figures.join(', ')}\n  trace per run (search and clearing the box):\n${show(sum, runs)}`,
        );
      }
      await library.close();
      for (const id of [seeded.busiest[0].id, seeded.median.id]) {
        const sum = new Map<string, number>();
        const figures: string[] = [];
        for (let r = 0; r < runs + 1; r++) {
          const page = await newExtensionPage(s, 'library.html');
          await page.evaluate(() => (globalThis as unknown as BenchGlobals).__bench.done.list);
          const t = await traced(page, async () => {
            await page.goto(page.url().replace(/#.*|$/, `#notice=${encodeURIComponent(id)}`));
            await page.reload();
            const t = await page.evaluate(() => (globalThis as unknown as BenchGlobals).__bench.done.detail);
            figures.push(`${t.painted.toFixed(0)} (dom ${t.dom.toFixed(0)})`);
          });
          if (r === runs) console.log(timeline.join('\n'));
          await page.close();
          if (r === 0) continue;
          for (const [k, v] of t) sum.set(k, (sum.get(k) ?? 0) + v);
        }
        console.log(`open ${id}: ${figures.slice(1).join(', ')}\n  trace per run:\n${show(sum, runs)}`);
      }
    },
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
