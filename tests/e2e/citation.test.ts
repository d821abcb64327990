/**
 * 复制引用 in real Chromium: a clause and an annotation copied from the panel on a notice's page, and a
 * clause copied from the library's notice page, each read back from the system clipboard as the passage
 * in quotes followed by its citation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, PanelDriver, seedPage, selectText, type Session } from './harness';

const SEED = '000_539b2a5a56109cc5.txt';
const URL = 'https://www.county000.gov.cn/xxgk/000.html';
const TITLE = '中国银保监会党委办公室关于动员系统各级党组织和党员干部积极投身新型冠状病毒感染肺炎疫情防控阻击战的通知';

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

describe('copy with citation', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
    // Every origin: extension pages have an opaque origin to Playwright, so cannot be named.
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the panel copies a clause and an annotation with title, 发文字号, location, date and link', async () => {
    s.serve(URL, seedPage(SEED));
    const page = await s.open(URL);
    await page.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 20000 });
    const panel = await PanelDriver.attach(page);
    await panel.click('[data-action="open"]');
    await panel.click('[data-action="save-notice"]');
    await expect.poll(() => panel.text('[data-action="save-notice"]')).toContain('已收藏');

    await page.evaluate(() => navigator.clipboard.writeText(''));
    await panel.click('[data-cite-clause="0"]');
    await expect.poll(() => clipboard(page)).toMatch(/^“.+”（《.+》/);
    const clause = await clipboard(page);
    expect(clause).toContain(`《${TITLE}》（银保监党办发〔2020〕3号）`);
    expect(clause).toContain('2020年1月29日');
    expect(clause.endsWith('）')).toBe(true);

    await selectText(page, '不信谣不传谣');
    await panel.click('[data-action="note"]');
    await panel.type('[data-field="note"]', '谣言管控');
    await panel.click('[data-action="save"]');
    await panel.waitFor('[data-annotation] [data-action="copy-citation"]');
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await panel.click('[data-annotation] [data-action="copy-citation"]');
    await expect.poll(() => clipboard(page)).toMatch(/^“不信谣不传谣”（《/);
    const annotation = await clipboard(page);
    expect(annotation).toContain('（银保监党办发〔2020〕3号）');
    expect(annotation).toMatch(/2020年1月29日，(https?:\/\/|【法宝引证码】)/);
    await page.close();
  });

  it('the library copies a saved clause and an annotation with their citations', async () => {
    const lib = await s.context.newPage();
    await lib.goto(`chrome-extension://${s.extensionId}/library.html`);
    await lib.waitForSelector('li.notice');
    await lib.locator('li.notice button.open').first().click();
    await lib.waitForSelector('.detail [data-action="copy-citation"]');
    await lib.evaluate(() => navigator.clipboard.writeText(''));
    await lib.locator('.detail [data-clause] [data-action="copy-citation"]').first().click();
    await expect.poll(() => clipboard(lib)).toMatch(/^“.+”（《.+》（银保监党办发〔2020〕3号）/);
    await expect.poll(() => lib.locator('[data-section="status"]').textContent()).toContain('已复制引用');
    await lib.locator('.detail [data-annotation] [data-action="copy-citation"]').first().click();
    await expect.poll(() => clipboard(lib)).toMatch(/^“不信谣不传谣”（《/);
    await lib.close();
  });
});
