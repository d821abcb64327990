/**
 * CPU profiles of the library benchmark's steps (Chrome DevTools Protocol `Profiler`), for finding where a
 * missed budget goes: each is saved as a .cpuprofile (open in DevTools → Performance) and summarised as the
 * functions with the most self time. Time the page spends waiting for the database shows as "(idle)".
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Run `action` with the page's renderer profiled (sampling every 100 µs); save and summarise the profile. */
export async function profiled(
  page: Page,
  dir: string,
  name: string,
  action: () => Promise<unknown>,
  top = 15,
): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await action();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  await cdp.detach();
  writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
  return `${name}:\n${summarise(profile, top)}`;
}

/** Self time per function (name, file, line), most first. */
export function summarise(profile: Profile, top = 15): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const n = byId.get(id)!;
    const file = n.callFrame.url.split('/').pop() ?? '';
    const key = `${n.callFrame.functionName || '(anonymous)'} ${file}${file ? `:${n.callFrame.lineNumber + 1}` : ''}`;
    const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
    self.set(key, (self.get(key) ?? 0) + ms);
    total += ms;
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`)
    .concat(`  ${total.toFixed(1).padStart(8)} ms  total`)
    .join('\n');
}
