/**
 * Takes the README's screenshots: the demo notice with its highlights and panel, the panel docked beside the
 * text, the bearer filter and dark mode at 1280 and 800 px wide, the popup, the library and the compare view
 * on the seeds. Run after a build: npx tsx scripts/screenshots.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, PanelDriver, ROOT, seedPage, selectText } from '../tests/e2e/harness';

const out = (name: string) => join(ROOT, 'docs', name);
const s = await launch();
try {
  const demoUrl = 'https://www.gov.cn/zhengce/content/2020-01/30/content_demo.htm';
  s.serve(demoUrl, readFileSync(join(ROOT, 'demo/notice.html'), 'utf8'));
  const demo = await s.open(demoUrl);
  await demo.setViewportSize({ width: 1400, height: 900 });
  await demo.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
  const panel = await PanelDriver.attach(demo);
  await selectText(demo, '自觉接受党性锻炼和实践考验');
  await panel.click('[data-action="note"]');
  await panel.click('[data-colour="green"]');
  await panel.type('[data-field="note"]', '与北京市委通知第三条对照');
  await panel.type('[data-field="tags"]', '党建 对照');
  await panel.click('[data-action="save"]');
  await panel.click('[data-action="open"]');
  await panel.click('[data-action="save-notice"]');
  await demo.evaluate(() => window.scrollTo(0, 480));
  await demo.waitForTimeout(600);
  await demo.screenshot({ path: out('notice-page.png') });

  // The panel docked beside the text, the bearer filter, dark mode: at 1280 and 800 px wide.
  const bearersUrl = 'http://www.mou.gov.cn/xxgk/2024/anquan.html';
  s.serve(bearersUrl, readFileSync(join(ROOT, 'tests/e2e/fixtures-reading/bearers.html'), 'utf8'));
  for (const width of [1280, 800]) {
    const page = await s.open(demoUrl);
    await page.setViewportSize({ width, height: 800 });
    await page.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    const p = await PanelDriver.attach(page);
    await p.click('[data-action="open"]');
    await p.click('[data-clause="4"]');
    await page.waitForTimeout(400);
    await page.screenshot({ path: out(`docked-${width}.png`) });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(200);
    await page.screenshot({ path: out(`dark-${width}.png`) });
    await page.close();

    const county = await s.open(bearersUrl);
    await county.setViewportSize({ width, height: 800 });
    await county.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    const c = await PanelDriver.attach(county);
    await c.click('[data-action="open"]');
    await c.focus('[data-filter="bearer"]');
    await county.keyboard.press('ArrowDown');
    await county.waitForTimeout(300);
    await county.screenshot({ path: out(`bearer-filter-${width}.png`) });
    await county.close();
  }

  for (const seed of ['001_7a46141c47266846.txt', '002_2386fa277481c7d6.txt', '003_c9608edf68f48eb1.txt']) {
    const url = `http://www.county${seed.slice(0, 3)}.gov.cn/xxgk/${seed.slice(0, 3)}.html`;
    s.serve(url, seedPage(seed));
    const page = await s.open(url);
    await page.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 20000 });
    const p = await PanelDriver.attach(page);
    await p.click('[data-action="open"]');
    await p.click('[data-action="save-notice"]');
    await page.waitForTimeout(300);
    await page.close();
  }

  const popup = await s.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${s.extensionId}/popup.html`);
  await popup.waitForSelector('li.notice');
  await popup.screenshot({ path: out('popup.png') });

  const lib = await s.context.newPage();
  await lib.setViewportSize({ width: 1280, height: 800 });
  await lib.goto(`chrome-extension://${s.extensionId}/library.html`);
  await lib.waitForSelector('li.notice');
  await lib.fill('[data-field="search"]', '疫情防控');
  await lib.waitForTimeout(400);
  await lib.screenshot({ path: out('library.png') });
  await lib.fill('[data-field="search"]', '');
  await lib.waitForTimeout(400);
  for (const box of await lib.locator('li.notice input[type=checkbox]').all()) await box.check();
  await lib.click('[data-action="compare"]');
  await lib.waitForSelector('[data-section="side-by-side"] .row');
  await lib.setViewportSize({ width: 1280, height: 1400 });
  await lib.screenshot({ path: out('compare.png') });
  console.log('screenshots written to docs/');
} finally {
  await s.close();
}
