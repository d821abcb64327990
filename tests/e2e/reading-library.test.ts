/**
 * The library side of reading, in real Chromium: tags written on annotations are offered by the library's
 * tag filter and find their notice; a notice's own tags are edited in the detail view; the library is legible
 * in the dark colour scheme and marks the query's words in search snippets; the popup's 撤销 puts back a
 * notice ★ took out; the same document saved from two addresses is one entry, shown as merged, and 拆分
 * splits it back; importing a file the library already holds changes nothing and says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  launch,
  openPopupOver,
  PanelDriver,
  readDatabase,
  seedPage,
  selectText,
  textContrasts,
  type Session,
} from './harness';

const SEEDS = ['000_539b2a5a56109cc5.txt', '001_7a46141c47266846.txt'];
const urlOf = (seed: string) => `http://www.county${seed.slice(0, 3)}.gov.cn/xxgk/${seed.slice(0, 3)}.html`;
const dir = mkdtempSync(join(tmpdir(), 'notice-lens-reading-lib-'));

/** A joint notice of two bureaus: each prints its own name first, so the two pages give two ids for one document. */
function jointNotice(first: string, second: string): string {
  const title = `${first}、${second}关于做好校园安全经费保障工作的通知`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><div id="zoom">
<p>${title}</p>
<p>某教发〔2024〕7号</p>
<p>各区县教育局、财政局：</p>
<p>为做好校园安全经费保障工作，现就有关事项通知如下：</p>
<p>一、各区县教育局应当于2024年5月31日前报送校园安全经费需求。</p>
<p>二、各区县财政局要及时足额拨付校园安全经费，不得挤占挪用。</p>
<p>三、各学校应当建立安全经费使用台账。</p>
<p>${first}</p>
<p>${second}</p>
<p>2024年4月2日</p>
</div></body></html>`;
}
const EDU_URL = 'http://jyj.mou.gov.cn/tzgg/2024/0402.html';
const FIN_URL = 'http://czj.mou.gov.cn/zwgk/2024/04/jyjf.html';

async function openLibrary(s: Session, hash = ''): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/library.html${hash}`);
  await page.waitForSelector('.library');
  return page;
}

/** Open a notice page, wait for its panel and save the notice with it. */
async function saveFromPage(s: Session, url: string, body: string): Promise<{ page: Page; panel: PanelDriver }> {
  s.serve(url, body);
  const page = await s.open(url);
  await page.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 20000 });
  const panel = await PanelDriver.attach(page);
  await panel.click('[data-action="open"]');
  await panel.click('[data-action="save-notice"]');
  await until(async () => (await panel.text('[data-action="save-notice"]')).includes('已收藏'), 'saved');
  return { page, panel };
}

/** Wait for a condition outside a test's own expectations (in hooks), polling it. */
async function until(condition: () => Promise<boolean>, what: string, timeout = 10000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`not ${what} within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Write a note with tags on the first occurrence of `quote`. */
async function annotate(page: Page, panel: PanelDriver, quote: string, note: string, tags: string): Promise<void> {
  await selectText(page, quote);
  await panel.click('[data-action="note"]');
  await panel.type('[data-field="note"]', note);
  await panel.type('[data-field="tags"]', tags);
  await panel.click('[data-action="save"]');
}

const titles = (lib: Page) => lib.locator('li.notice .t').allTextContents();
const tagOptions = (lib: Page) => lib.locator('[data-filter="tag"] option').allTextContents();

describe('the library side of reading', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
    for (const seed of SEEDS) {
      const { page, panel } = await saveFromPage(s, urlOf(seed), seedPage(seed));
      if (seed.startsWith('000')) await annotate(page, panel, '不信谣不传谣', '谣言的管控要求', '舆情管控');
      await page.close();
    }
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers a tag written on an annotation in the tag filter, and it finds that notice alone', async () => {
    const lib = await openLibrary(s);
    await expect.poll(async () => (await titles(lib)).length).toBe(2);
    await expect.poll(() => tagOptions(lib)).toContain('舆情管控');
    await lib.selectOption('[data-filter="tag"]', '舆情管控');
    await expect.poll(() => titles(lib)).toEqual([expect.stringContaining('中国银保监会党委办公室')]);
    await lib.selectOption('[data-filter="tag"]', '');
    await expect.poll(async () => (await titles(lib)).length).toBe(2);
    await lib.close();
  });

  it("edits a notice's own tags in the detail view: saved, kept, and offered by the filter", async () => {
    const lib = await openLibrary(s);
    await expect.poll(async () => (await titles(lib)).length).toBe(2);
    const row = lib.locator('li.notice', { hasNotText: '中国银保监会' });
    const title = (await row.locator('.t').textContent()) ?? '';
    await row.locator('.open').click();
    const input = lib.locator('form.notice-tags input[name="tags"]');
    await expect.poll(() => input.count()).toBe(1);
    expect(await lib.locator('form.notice-tags').textContent()).toContain('本文标签');
    await input.fill('重点督办，年度任务');
    await input.press('Enter');
    await expect.poll(() => lib.locator('[data-section="status"]').textContent()).toContain('标签已保存');
    // Read again from the database: the tags were written, not only shown.
    await lib.reload();
    await expect.poll(() => lib.locator('form.notice-tags input[name="tags"]').inputValue()).toBe('重点督办 年度任务');

    await lib.goto(`chrome-extension://${s.extensionId}/library.html#`);
    await expect.poll(() => tagOptions(lib)).toEqual(expect.arrayContaining(['重点督办', '年度任务', '舆情管控']));
    await lib.selectOption('[data-filter="tag"]', '年度任务');
    await expect.poll(() => titles(lib)).toEqual([title]);

    // Clearing them takes the notice out of that tag's list.
    await lib.locator('li.notice .open').first().click();
    await lib.locator('form.notice-tags input[name="tags"]').fill('');
    await lib.locator('form.notice-tags button[type="submit"]').click();
    await expect.poll(() => lib.locator('[data-section="status"]').textContent()).toContain('标签已保存');
    await lib.goto(`chrome-extension://${s.extensionId}/library.html#`);
    await expect.poll(async () => (await titles(lib)).length).toBe(2);
    await expect.poll(() => tagOptions(lib)).not.toContain('年度任务');
    await lib.close();
  });

  it("marks the query's words in search snippets as elements holding text", async () => {
    const lib = await openLibrary(s);
    await expect.poll(async () => (await titles(lib)).length).toBe(2);
    await lib.fill('[data-field="search"]', '战斗堡垒');
    await expect.poll(() => lib.locator('li.notice .snip mark').count()).toBeGreaterThanOrEqual(2);
    for (const m of await lib.locator('li.notice .snip mark').allTextContents()) expect(m).toBe('战斗堡垒');
    // Both words of a two-word query, and nothing else, are marked.
    await lib.fill('[data-field="search"]', '谣言 党员');
    await expect.poll(() => lib.locator('ul.notices').getAttribute('data-query')).toBe('谣言 党员');
    const marks = await lib.locator('li.notice .snip mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(['谣言', '党员']).toContain(m);
    // The snippet's text around the marks is the notice's text, not markup.
    expect(await lib.locator('li.notice .snip *:not(mark)').count()).toBe(0);
    await lib.close();
  });

  it('is legible in the dark colour scheme: dark background, every text against its background at 4.5:1', async () => {
    const lib = await openLibrary(s);
    await expect.poll(async () => (await titles(lib)).length).toBe(2);
    const background = () => lib.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await lib.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe('rgb(255, 255, 255)');
    await lib.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(background).toBe('rgb(13, 17, 23)');

    // The list with search snippets and a status line.
    await lib.fill('[data-field="search"]', '战斗堡垒');
    await expect.poll(() => lib.locator('li.notice .snip mark').count()).toBeGreaterThan(0);
    const listed = await textContrasts(lib);
    expect(listed.length).toBeGreaterThan(10);
    expect(listed.filter((c) => c.ratio < 4.5)).toEqual([]);
    expect(listed.some((c) => c.tag === 'mark')).toBe(true);

    // A notice in full, with its annotations and tags editor.
    await lib.locator('li.notice', { hasText: '中国银保监会' }).locator('.open').click();
    await lib.waitForSelector('.detail .ann');
    const detail = await textContrasts(lib);
    expect(detail.length).toBeGreaterThan(10);
    expect(detail.filter((c) => c.ratio < 4.5)).toEqual([]);
    await lib.close();
  });

  it('keeps one entry for a document saved from two addresses, shows the merge, and splits it back', async () => {
    const edu = await saveFromPage(s, EDU_URL, jointNotice('某市教育局', '某市财政局'));
    await annotate(edu.page, edu.panel, '建立安全经费使用台账', '台账模板另发', '经费');
    await edu.page.close();
    const fin = await saveFromPage(s, FIN_URL, jointNotice('某市财政局', '某市教育局'));
    await annotate(fin.page, fin.panel, '不得挤占挪用', '财政局口径', '经费');
    await fin.page.close();

    const lib = await openLibrary(s);
    const joint = lib.locator('li.notice', { hasText: '校园安全经费' });
    await expect.poll(() => titles(lib)).toHaveLength(3);
    expect(await joint.count()).toBe(1);
    expect(await joint.locator('.count').textContent()).toBe('2');

    await joint.locator('.open').click();
    const merged = lib.locator('.detail .merged');
    await expect.poll(() => merged.textContent()).toContain('已合并');
    expect(await merged.textContent()).toContain(FIN_URL);
    expect(await lib.locator('.detail .src').textContent()).toBe(EDU_URL);
    expect(await lib.locator('.detail .ann .note').allTextContents()).toEqual(
      expect.arrayContaining(['台账模板另发', '财政局口径']),
    );

    await merged.locator('button.split').click();
    await expect.poll(() => lib.locator('[data-section="status"]').textContent()).toContain('已拆分为原来的条目');
    await expect.poll(() => lib.locator('.detail .merged').count()).toBe(0);
    expect(await lib.locator('.detail .ann .note').allTextContents()).toEqual(['台账模板另发']);

    // Two entries again, each saved, with its own address and note; opening the library again does not merge them back.
    const joined = async () =>
      ((await readDatabase(s.worker)).notices ?? [])
        .filter((n) => String((n.metadata as { title?: string }).title).includes('校园安全'))
        .map((n) => ({ urls: n.urls, saved: n.saved, annotations: n.annotationCount }))
        .sort((a, b) => String(a.urls).localeCompare(String(b.urls)));
    expect(await joined()).toEqual(
      [
        { urls: [EDU_URL], saved: 1, annotations: 1 },
        { urls: [FIN_URL], saved: 1, annotations: 1 },
      ].sort((a, b) => String(a.urls).localeCompare(String(b.urls))),
    );
    for (let round = 0; round < 2; round++) {
      await lib.goto(`chrome-extension://${s.extensionId}/library.html#`);
      if (round === 1) await lib.reload();
      await expect.poll(() => titles(lib)).toHaveLength(4);
      expect(await joint.count()).toBe(2);
      expect(await joint.locator('.count').allTextContents()).toEqual(['1', '1']);
    }
    await lib.close();
  });

  it('reports a re-import of the same file as changing nothing, and the library stays as it was', async () => {
    const lib = await openLibrary(s);
    await expect.poll(async () => (await titles(lib)).length).toBeGreaterThan(0);
    const count = (await titles(lib)).length;
    const [file] = await Promise.all([lib.waitForEvent('download'), lib.click('[data-export="json"]')]);
    const path = join(dir, 'library.jsonld');
    await file.saveAs(path);
    const exported = readFileSync(path, 'utf8');
    const before = await readDatabase(s.worker);

    await lib.setInputFiles('[data-field="import"]', path);
    await expect
      .poll(() => lib.locator('[data-section="status"]').textContent(), { timeout: 30_000 })
      .toContain(`导入完成：新增 0 篇，更新 0 篇，未变 ${count} 篇；新批注 0 条`);
    await expect.poll(async () => (await titles(lib)).length).toBe(count);
    const after = await readDatabase(s.worker);
    expect(after.notices).toEqual(before.notices);
    expect(after.annotations).toEqual(before.annotations);

    // A file with one more annotation on a notice already held: one new annotation, that notice unchanged.
    const json = JSON.parse(exported) as {
      total?: number;
      first: { total?: number; items: Array<Record<string, unknown>> };
    };
    const extra = structuredClone(json.first.items[0]);
    extra.id = 'urn:uuid:5c0ffee0-0000-4000-8000-00000000abcd';
    (extra.body as Array<{ value?: string }> | undefined)?.forEach((b) => {
      if (typeof b.value === 'string') b.value = '从文件导入的批注';
    });
    json.first.items.push(extra);
    // The file states how many annotations it holds.
    for (const holder of [json, json.first] as Array<{ total?: number }>)
      if (typeof holder.total === 'number') holder.total += 1;
    const morePath = join(dir, 'more.jsonld');
    writeFileSync(morePath, JSON.stringify(json));
    await lib.setInputFiles('[data-field="import"]', morePath);
    await expect
      .poll(() => lib.locator('[data-section="status"]').textContent(), { timeout: 30_000 })
      .toMatch(/新增 0 篇，更新 \d+ 篇，未变 \d+ 篇；新批注 1 条/);
    await lib.close();
  });

  it('puts back a notice ★ took out of the library when 撤销 is clicked in the popup', async () => {
    const notice = await s.open(urlOf(SEEDS[1]));
    await notice.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 20000 });
    const popup = await openPopupOver(s, notice);
    const save = popup.locator('[data-section="current"] [data-action="save"]');
    await expect.poll(() => save.textContent()).toContain('★');
    await save.click();
    await expect.poll(() => popup.locator('[data-section="unsaved"]').textContent()).toContain('已从文库移除');
    await expect.poll(() => save.textContent()).not.toContain('★');
    const savedFlag = async () =>
      ((await readDatabase(s.worker)).notices ?? [])
        .filter((n) => (n.urls as string[]).includes(urlOf(SEEDS[1])))
        .map((n) => n.saved);
    await expect.poll(savedFlag).toEqual([0]);

    await popup.locator('[data-action="undo-unsave"]').click();
    await expect.poll(() => save.textContent()).toContain('★');
    await expect.poll(() => popup.locator('[data-section="unsaved"]').count()).toBe(0);
    await expect.poll(savedFlag).toEqual([1]);
    await popup.close();
    await notice.close();
  });
});
