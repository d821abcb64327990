/**
 * CPU profile of the content script's first run on one generated page, in Chromium with the extension:
 * self time per function, heaviest first. Where the page benchmark shows a slow stage, this says why.
 *
 *     npx wxt build && npx tsx bench/browser/profile-page.ts [chars=100000] [top=30]
 */
import { writeFileSync } from 'node:fs';
import { launch } from '../../tests/e2e/harness';
import { regulationPage } from '../../tests/support/generate';

const chars = Number(process.argv[2] ?? 100_000);
const top = Number(process.argv[3] ?? 30);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

const session = await launch({ uiLanguage: 'zh_CN' });
try {
  const url = `https://www.gov.cn/zhengce/content/profile-${chars}.htm`;
  session.serve(url, regulationPage(chars));
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('notice-lens-ui') !== null, null, { timeout: 30_000 });
  await page.waitForTimeout(300);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  writeFileSync('.tmp/content-script.cpuprofile', JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let ours = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const frame = byId.get(profile.samples[i])!.callFrame;
    const file = frame.url.split('/').pop() || '(native)';
    if (frame.url.startsWith('chrome-extension://')) ours += profile.timeDeltas[i];
    const key = `${frame.functionName || '(anonymous)'}  ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i]);
  }
  console.log(
    `${chars} characters: ${(ours / 1000).toFixed(1)} ms of self time in the extension's scripts (profile in .tmp/content-script.cpuprofile)`,
  );
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`);
} finally {
  await session.close();
}
