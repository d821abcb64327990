/**
 * A Chromium trace of one load of a generated page with the extension: the tasks on the page's main thread
 * (and the extension worker's) from DOMContentLoaded to the first highlights painted, with what each did
 * (parse, style, layout, paint, our script). Where the page benchmark's first-paint figure goes.
 *
 *     npx wxt build && npx tsx bench/browser/page-trace.ts [chars=100000] [loads=3]
 */
import { writeFileSync } from 'node:fs';
import { launch } from '../../tests/e2e/harness';
import { regulationPage } from '../../tests/support/generate';

const chars = Number(process.argv[2] ?? 100_000);
const loads = Number(process.argv[3] ?? 3);

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'v8.execute',
  'blink.user_timing',
  '__metadata',
];

const session = await launch({ uiLanguage: 'zh_CN' });
try {
  for (let load = 0; load <= loads; load++) {
    const url = `https://www.gov.cn/zhengce/content/trace-${chars}.htm?load=${load}`;
    session.serve(url, regulationPage(chars));
    const page = await session.context.newPage();
    const cdp = await session.context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => {
      events.push(...(e.value as unknown as TraceEvent[]));
    });
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    } as never);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('notice-lens-ui') !== null, null, { timeout: 30_000 });
    await page.waitForTimeout(200);
    const origin = await page.evaluate(() => ({
      dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
      marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const),
    }));
    const report = await session.worker.evaluate(async (u) => {
      const all = await (
        globalThis as unknown as {
          chrome: {
            storage: {
              session: { get(k: null): Promise<Record<string, { url?: string; timings?: Record<string, number> }>> };
            };
          };
        }
      ).chrome.storage.session.get(null);
      for (const v of Object.values(all)) if (v.url === u && v.timings) return v.timings;
      return null;
    }, url);
    await cdp.send('Tracing.end');
    await complete;
    await page.close();
    if (load === 0) continue;
    writeFileSync(`.tmp/page-trace-${chars}-${load}.json`, JSON.stringify(events));
    const threadNames = new Map<string, string>();
    for (const e of events)
      if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
    const dclEvent = events.find((e) => e.name === 'MarkDOMContent');
    if (!dclEvent) throw new Error('no MarkDOMContent in the trace');
    const main = `${dclEvent.pid}:${dclEvent.tid}`;
    const t0 = dclEvent.ts;
    const dispatch = events
      .filter(
        (e) =>
          e.name === 'EventDispatch' &&
          e.args?.data?.type === 'DOMContentLoaded' &&
          `${e.pid}:${e.tid}` === `${dclEvent.pid}:${dclEvent.tid}`,
      )
      .sort((x, y) => Math.abs(x.ts - t0) - Math.abs(y.ts - t0))[0];
    const parseTask = events.find(
      (e) =>
        e.name === 'ThreadControllerImpl::RunTask' &&
        `${e.pid}:${e.tid}` === `${dclEvent.pid}:${dclEvent.tid}` &&
        e.ts <= t0 &&
        e.ts + (e.dur ?? 0) >= t0,
    );
    const ms = (us: number) => (us / 1000).toFixed(1);
    console.log(
      `\nload ${load}: ${chars} chars; marks after DCL: ${origin.marks.map(([n, t]) => `${n} ${(t - origin.dcl).toFixed(1)}`).join(', ')}`,
    );
    console.log(
      `  DOMContentLoaded handlers ${((dispatch?.dur ?? 0) / 1000).toFixed(1)} ms, in a task of ${((parseTask?.dur ?? 0) / 1000).toFixed(1)} ms (from ${(((parseTask?.ts ?? t0) - t0) / 1000).toFixed(1)})`,
    );
    // Top-level tasks on the page's main thread from DOMContentLoaded, and what ran inside each.
    const onMain = events
      .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.ts >= t0 - 5_000 && e.ts < t0 + 600_000)
      .sort((a, b) => a.ts - b.ts);
    const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
    for (const task of tasks) {
      if ((task.dur ?? 0) < 500) continue;
      const end = task.ts + (task.dur ?? 0);
      const source = String((task.args as { src_func?: string } | undefined)?.src_func ?? '');
      const mojo = onMain.find((e) => e.name === 'Receive mojo message' && e.ts >= task.ts && e.ts < end);
      const tag = (mojo?.args as { chrome_mojo_event_info?: { mojo_interface_tag?: string } } | undefined)
        ?.chrome_mojo_event_info?.mojo_interface_tag;
      const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts < end && (e.dur ?? 0) >= 500);
      const parts = new Map<string, number>();
      for (const e of inside) {
        let key = e.name;
        if (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.callFunction') {
          const data = (e.args?.data ?? {}) as { url?: string; functionName?: string };
          key = `${e.name}(${(data.url ?? '').split('/').pop()}:${data.functionName ?? ''})`;
        }
        if (
          [
            'ParseHTML',
            'UpdateLayoutTree',
            'Layout',
            'Paint',
            'PrePaint',
            'Layerize',
            'EventDispatch',
            'TimerFire',
            'FunctionCall',
            'RunMicrotasks',
            'EvaluateScript',
            'MarkDOMContent',
            'FireAnimationFrame',
            'Commit',
            'UpdateLayer',
            'ScheduleStyleRecalculation',
            'HitTest',
            'v8.callFunction',
          ].includes(e.name)
        )
          parts.set(key, (parts.get(key) ?? 0) + (e.dur ?? 0));
      }
      const list = [...parts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([k, v]) => `${k} ${ms(v)}`)
        .join(', ');
      console.log(
        `  main +${ms(task.ts - t0).padStart(6)} ${ms(task.dur ?? 0).padStart(6)} ms  [${tag ?? source}] ${list}`,
      );
    }
    // The extension worker's tasks over the same time.
    const workers = [...threadNames].filter(([, n]) => /ServiceWorker/i.test(n)).map(([k]) => k);
    for (const w of workers) {
      const wt = events
        .filter(
          (e) =>
            `${e.pid}:${e.tid}` === w &&
            e.ph === 'X' &&
            (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') &&
            e.ts >= t0 - 50_000 &&
            e.ts < t0 + 600_000 &&
            (e.dur ?? 0) >= 1_000,
        )
        .sort((a, b) => a.ts - b.ts);
      for (const task of wt)
        console.log(`  worker +${ms(task.ts - t0).padStart(6)} ${ms(task.dur ?? 0).padStart(6)} ms`);
    }
    // The page's own first paint: before DOMContentLoaded when the parser stopped between two parts of a long
    // body and a frame laid out what it had (the task holding the event then lays out the rest only).
    const firstPaint = events.find((e) => e.name === 'firstPaint' && `${e.pid}:${e.tid}` === main);
    const taskEnd = parseTask ? (parseTask.ts + (parseTask.dur ?? 0) - t0) / 1000 : 0;
    console.log(
      `  the page's first paint ${firstPaint ? ms(firstPaint.ts - t0) : '?'} ms after DCL; its task holding DCL ends at +${taskEnd.toFixed(1)}`,
    );
    if (report)
      console.log(
        `  report: painted ${(report.paintedAt - origin.dcl).toFixed(1)} ms after DCL (${(report.paintedAt - origin.dcl - taskEnd).toFixed(1)} after the page's task holding it); started ${(report.paintedAt - report.total - origin.dcl).toFixed(1)}`,
      );
  }
} finally {
  await session.close();
}
