/**
 * The analyst's library in real Chromium: save the seeds from their pages, find them by a Chinese word,
 * compare them, export every format and read the files back, import into a fresh profile and get the same
 * library, and refuse a corrupt file without touching the library.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { readZip } from '../support/zip-reader';
import { launch, PanelDriver, parseCsv, seedPage, selectText, type Session } from './harness';

const SEEDS = [
  '000_539b2a5a56109cc5.txt',
  '001_7a46141c47266846.txt',
  '002_2386fa277481c7d6.txt',
  '003_c9608edf68f48eb1.txt',
];
const urlOf = (seed: string) => `http://www.county${seed.slice(0, 3)}.gov.cn/xxgk/${seed.slice(0, 3)}.html`;
const dir = mkdtempSync(join(tmpdir(), 'notice-lens-lib-'));

async function openLibrary(s: Session): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/library.html`);
  await page.waitForSelector('.library');
  return page;
}

async function download(page: Page, selector: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

describe('the library', () => {
  let s: Session;
  let jsonExport = '';
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('saves the seeds from their pages and lists them, newest first', async () => {
    for (const seed of SEEDS) {
      s.serve(urlOf(seed), seedPage(seed));
      const page = await s.open(urlOf(seed));
      await page.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 20000 });
      const panel = await PanelDriver.attach(page);
      await panel.click('[data-action="open"]');
      await panel.click('[data-action="save-notice"]');
      await expect.poll(() => panel.text('[data-action="save-notice"]')).toContain('已收藏');
      if (seed.startsWith('000')) {
        await selectText(page, '不信谣不传谣');
        await panel.click('[data-action="note"]');
        await panel.type('[data-field="note"]', '=HYPERLINK("http://x")  谣言管控');
        await panel.type('[data-field="tags"]', '纪律');
        await panel.click('[data-action="save"]');
      }
      await page.close();
    }
    const lib = await openLibrary(s);
    await expect.poll(async () => lib.locator('li.notice').count(), { timeout: 10000 }).toBe(4);
    const first = await lib.locator('li.notice .t').first().textContent();
    expect(first).toContain('关于发挥党组织战斗堡垒作用');
    await lib.close();
  });

  it('finds notices by a Chinese word in text, note and tag', async () => {
    const lib = await openLibrary(s);
    await lib.fill('[data-field="search"]', '战斗堡垒');
    await expect.poll(async () => lib.locator('li.notice').count()).toBeGreaterThanOrEqual(2);
    await lib.fill('[data-field="search"]', '谣言管控');
    await expect
      .poll(async () => lib.locator('li.notice .t').allTextContents())
      .toEqual([expect.stringContaining('中国银保监会党委办公室')]);
    await lib.fill('[data-field="search"]', '纪律');
    await expect.poll(async () => lib.locator('li.notice').count()).toBeGreaterThanOrEqual(1);
    await lib.fill('[data-field="search"]', '量子计算');
    await expect.poll(async () => lib.locator('li.notice').count()).toBe(0);
    await lib.close();
  });

  it('compares the seeds: the shared sentence on judging cadres is found, reworded passages marked', async () => {
    const lib = await openLibrary(s);
    await lib.waitForSelector('li.notice');
    for (const box of await lib.locator('li.notice input[type=checkbox]').all()) await box.check();
    await lib.click('[data-action="compare"]');
    await lib.waitForSelector('[data-section="side-by-side"] .row');
    const cells = await lib.locator('[data-section="similarity"] td.cell').allTextContents();
    expect(cells.length).toBe(12);
    for (const c of cells) expect(parseFloat(c)).toBeGreaterThan(0);
    // It opens on the most similar pair: the heading names the two notices of the highest cell.
    const best = await lib.evaluate(() => {
      let top = -1;
      let pair = '';
      for (const b of Array.from(document.querySelectorAll<HTMLElement>('[data-section="similarity"] [data-pair]'))) {
        const v = parseFloat(b.textContent ?? '');
        if (v > top) {
          top = v;
          pair = b.dataset.pair ?? '';
        }
      }
      return pair.split('-').map(Number);
    });
    const heads = await lib.locator('[data-section="similarity"] tbody th').allTextContents();
    const heading = (await lib.locator('.compare section:nth-of-type(3) h3').textContent()) ?? '';
    for (const i of best) expect(heading).toContain(heads[i].slice(0, 12));
    // Pick the pair 000 (oldest saved, listed last) against 002 and look for the cadres sentence.
    const titles = await lib.locator('[data-section="similarity"] tbody th').allTextContents();
    const i000 = titles.findIndex((t) => t.includes('中国银保监会'));
    const i002 = titles.findIndex((t) => t.includes('中共北京市委'));
    await lib.click(`[data-pair="${i000}-${i002}"]`);
    // The rows follow the pick a render later: wait until they are the chosen pair's (000 left, 002 right).
    const side = lib.locator('[data-section="side-by-side"]');
    await expect
      .poll(async () => [
        (await side.locator('.row .a').allTextContents()).join(''),
        (await side.locator('.row .b').allTextContents()).join(''),
      ])
      .toEqual([expect.stringContaining('中国银保监会党委办公室关于'), expect.stringContaining('中共北京市委关于')]);
    const shared = await lib
      .locator('[data-section="side-by-side"] .row.same, [data-section="side-by-side"] .row.reworded')
      .allTextContents();
    expect(shared.join('')).toMatch(/第一线考察、识别、评价、使用干部/);
    // Phrase marks: exact stretches in both kinds of rows, and the differing words of reworded rows (作风飘浮
    // in 000 against 作风漂浮 in 002).
    expect(await side.locator('.row.same .m').count()).toBeGreaterThan(3);
    const differing = await side.locator('.row.reworded .a .d').allTextContents();
    expect(differing).toContain('飘');
    expect(await side.locator('.row.reworded .b .d').allTextContents()).toContain('漂');
    // Rendered as text: no element from the notices' text.
    expect(await side.locator('.row .a *:not(span)').count()).toBe(0);
    // The echo matrix: every sentence of the base notice, per other notice kept, reworded or dropped.
    const echo = lib.locator('[data-section="echo"]');
    const states = await echo
      .locator('td[data-state]')
      .evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.state));
    expect(states.length).toBeGreaterThan(20);
    for (const state of ['kept', 'reworded', 'dropped']) expect(states).toContain(state);
    expect(await echo.locator('thead th').count()).toBe(4);
    // The obligations table names the notices.
    const obligationHeads = await lib.locator('[data-section="obligations"] thead th').allTextContents();
    expect(obligationHeads.slice(1).some((h) => /中共北京市委|银保监会/.test(h))).toBe(true);
    expect(obligationHeads.slice(1).every((h) => !/^\d+$/.test(h.trim()))).toBe(true);
    const obligations = await lib.locator('[data-section="obligations"] tbody tr').count();
    expect(obligations).toBeGreaterThan(3);
    await lib.close();
  });

  it('exports Markdown, CSV, W3C JSON and Word files with the right contents', async () => {
    const lib = await openLibrary(s);
    await lib.waitForSelector('li.notice');
    const md = readFileSync(await download(lib, '[data-export="md"]'), 'utf8');
    expect(md).toContain('银保监党办发〔2020〕3号');
    expect(md).toContain('谣言管控');

    const csvBytes = readFileSync(await download(lib, '[data-export="csv"]'));
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csvBytes.toString('utf8').slice(1));
    expect(rows[0]).toContain('发文字号');
    const noteRow = rows.find((r) => r.some((c) => c.includes('谣言管控')))!;
    expect(noteRow).toBeDefined();
    expect(noteRow.find((c) => c.includes('HYPERLINK'))!.startsWith("'=")).toBe(true);

    jsonExport = readFileSync(await download(lib, '[data-export="json"]'), 'utf8');
    const json = JSON.parse(jsonExport) as {
      '@context': unknown;
      first: { items: Array<{ target: { selector: Array<{ type: string; exact?: string }> } }> };
    };
    expect(JSON.stringify(json['@context'])).toContain('http://www.w3.org/ns/anno.jsonld');
    expect(
      json.first.items.some((a) =>
        a.target.selector.some((x) => x.type === 'TextQuoteSelector' && x.exact === '不信谣不传谣'),
      ),
    ).toBe(true);

    const docx = readZip(readFileSync(await download(lib, '[data-export="docx"]')), (b) => inflateRawSync(b));
    const xml = new TextDecoder().decode(docx.get('word/document.xml'));
    expect(xml).toContain('中共北京市委');
    expect(xml).toContain('谣言管控');
    await lib.close();
  });

  it('imports the JSON export into a fresh profile and gets the same library', async () => {
    const file = join(dir, 'export.jsonld');
    writeFileSync(file, jsonExport);
    const fresh = await launch();
    try {
      const lib = await openLibrary(fresh);
      await lib.setInputFiles('[data-field="import"]', file);
      // The import's own pre-write checks and transaction take seconds on a busy machine.
      await expect
        .poll(() => lib.locator('[data-section="status"]').textContent(), { timeout: 30_000 })
        .toContain('导入完成：新增 4 篇');
      await expect.poll(async () => lib.locator('li.notice').count()).toBe(4);
      const again = readFileSync(await download(lib, '[data-export="json"]'), 'utf8');
      expect(JSON.parse(again)).toEqual(JSON.parse(jsonExport));
      // Importing the same file again changes nothing, and says so.
      await lib.setInputFiles('[data-field="import"]', file);
      await expect
        .poll(() => lib.locator('[data-section="status"]').textContent())
        .toContain('新增 0 篇，更新 0 篇，未变 4 篇；新批注 0 条');
      await expect.poll(async () => lib.locator('li.notice').count()).toBe(4);
      await lib.close();
    } finally {
      await fresh.close();
    }
  });

  it('refuses a corrupt file with a message and leaves the library unchanged', async () => {
    const lib = await openLibrary(s);
    await lib.waitForSelector('li.notice');
    const before = await lib.locator('li.notice').count();
    const truncated = join(dir, 'truncated.jsonld');
    writeFileSync(truncated, jsonExport.slice(0, Math.floor(jsonExport.length / 2)));
    await lib.setInputFiles('[data-field="import"]', truncated);
    await expect.poll(() => lib.locator('[data-section="status"]').textContent()).toContain('导入失败');
    expect(await lib.locator('li.notice').count()).toBe(before);
    await lib.close();
  });
});
