/**
 * The analyst's annotations through the real UI: select text, pick a colour, write a note and tags; the
 * background stores it; a reload re-anchors it; an edited copy of the page still places it, and the panel
 * flags that its text changed; a page where its text is gone lists it as unplaced with its quote and note,
 * and the analyst can re-attach it to selected text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, PanelDriver, readHighlights, ROOT, selectText, storedAnnotations, type Session } from './harness';

const URL_A = 'https://www.gov.cn/zhengce/content/2020-01/30/content_anno.htm';
const DEMO = readFileSync(join(ROOT, 'demo/notice.html'), 'utf8');
const QUOTE = '自觉接受党性锻炼和实践考验';
const NOTE = '注意：党性锻炼要求';

describe('annotations in the page', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('saves a highlight with a note and tags made through the selection toolbar', async () => {
    s.serve(URL_A, DEMO);
    const page = await s.open(URL_A);
    await page.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    const panel = await PanelDriver.attach(page);
    await selectText(page, QUOTE);
    await panel.click('[data-action="note"]');
    await panel.click('[data-colour="green"]');
    await panel.type('[data-field="note"]', NOTE);
    await panel.type('[data-field="tags"]', '党建，督查');
    await panel.click('[data-action="save"]');

    await expect.poll(async () => (await storedAnnotations(s.worker)).length, { timeout: 10000 }).toBe(1);
    const [stored] = await storedAnnotations(s.worker);
    expect(stored.quote).toBe(QUOTE);
    expect(stored.note).toBe(NOTE);
    expect(stored.tags).toEqual(['党建', '督查']);
    expect(stored.colour).toBe('green');
    const painted = await readHighlights(page);
    expect(painted['notice-lens-user-green']).toEqual([QUOTE]);
    await page.close();
  });

  it('re-anchors it after a reload', async () => {
    const page = await s.open(URL_A);
    await page.waitForFunction(() => CSS.highlights.has('notice-lens-user-green'), null, { timeout: 20000 });
    expect((await readHighlights(page))['notice-lens-user-green']).toEqual([QUOTE]);
    await page.close();
  });

  it('places it on an edited copy: reflowed whitespace, a paragraph inserted before, a word changed inside', async () => {
    const edited = DEMO.replace('<p>一、', '<p>新增段落：各单位要认真组织学习本通知精神。</p>\n<p>一、')
      .replace('系统广大共产党员要把', '系统广大共产党员　要　把')
      .replace(QUOTE, '自觉接受党性锻炼和实践检验');
    s.serve(URL_A, edited);
    const page = await s.open(URL_A);
    await page.waitForFunction(() => CSS.highlights.has('notice-lens-user-green'), null, { timeout: 20000 });
    const [text] = (await readHighlights(page))['notice-lens-user-green'];
    expect(text.replace(/\s/g, '')).toBe('自觉接受党性锻炼和实践检验');
    await page.close();
  });

  it('lists it as unplaced, with quote and note, where its text is gone — and never paints it elsewhere', async () => {
    const gone = DEMO.replace(/<p>五、[\s\S]*?<\/p>/, '<p>五、践行初心使命，发挥共产党员先锋模范作用。</p>');
    expect(gone).not.toContain('党性锻炼');
    s.serve(URL_A, gone);
    const page = await s.open(URL_A);
    await page.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    const panel = await PanelDriver.attach(page);
    await panel.click('[data-action="open"]');
    await panel.waitFor('[data-section="unplaced"]');
    const unplaced = await panel.text('[data-section="unplaced"]');
    expect(unplaced).toContain(QUOTE);
    expect(unplaced).toContain(NOTE);
    expect((await readHighlights(page))['notice-lens-user-green']).toBeUndefined();
    expect((await storedAnnotations(s.worker)).length).toBe(1);
    await page.close();
  });

  it('flags a note placed on edited text in the panel, with its quote and the text there now', async () => {
    const edited = DEMO.replace(QUOTE, '自觉接受党性锻炼和实践检验');
    s.serve(URL_A, edited);
    const page = await s.open(URL_A);
    await page.waitForFunction(() => CSS.highlights.has('notice-lens-user-green'), null, { timeout: 20000 });
    const panel = await PanelDriver.attach(page);
    await panel.click('[data-action="open"]');
    await panel.waitFor('[data-flag="changed"]');
    expect(await panel.text('[data-flag="changed"] [data-field="was"]')).toContain(QUOTE);
    expect(await panel.text('[data-flag="changed"] [data-field="now"]')).toContain('自觉接受党性锻炼和实践检验');
    await page.close();
    // The same text as the quote: no flag.
    s.serve(URL_A, DEMO);
    const same = await s.open(URL_A);
    await same.waitForFunction(() => CSS.highlights.has('notice-lens-user-green'), null, { timeout: 20000 });
    const samePanel = await PanelDriver.attach(same);
    await samePanel.click('[data-action="open"]');
    await samePanel.waitFor(`[data-annotation]`);
    expect(await samePanel.exists('[data-flag="changed"]')).toBe(false);
    await same.close();
  });

  it('re-attaches an unplaced note to text the analyst selects, saves it, and finds it there after a reload', async () => {
    const gone = DEMO.replace(/<p>五、[\s\S]*?<\/p>/, '<p>五、践行初心使命，发挥共产党员先锋模范作用。</p>');
    const target = '发挥共产党员先锋模范作用';
    s.serve(URL_A, gone);
    const page = await s.open(URL_A);
    await page.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    const panel = await PanelDriver.attach(page);
    await panel.click('[data-action="open"]');
    await panel.waitFor('[data-section="unplaced"] [data-action="reattach"]');
    expect(await panel.text('[data-action="reattach"]')).toBe('用所选文字重新定位');
    expect((await readHighlights(page))['notice-lens-user-green']).toBeUndefined();

    await selectText(page, target);
    await panel.click('[data-section="unplaced"] [data-action="reattach"]');
    await expect
      .poll(async () => (await readHighlights(page))['notice-lens-user-green'], { timeout: 10000 })
      .toEqual([target]);
    expect(await panel.exists('[data-section="unplaced"]')).toBe(false);
    await expect.poll(async () => (await storedAnnotations(s.worker))[0]?.quote, { timeout: 10000 }).toBe(target);
    const [stored] = await storedAnnotations(s.worker);
    expect(stored.note).toBe(NOTE); // the note and its colour stay with it
    expect(stored.colour).toBe('green');
    await page.close();

    const again = await s.open(URL_A);
    await again.waitForFunction(() => CSS.highlights.has('notice-lens-user-green'), null, { timeout: 20000 });
    expect((await readHighlights(again))['notice-lens-user-green']).toEqual([target]);
    await again.close();
  });

  it('opens the panel with metadata, a legend per category and clauses grouped by bearer; a category can be switched off', async () => {
    s.serve(URL_A, DEMO);
    const page = await s.open(URL_A);
    await page.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
    const panel = await PanelDriver.attach(page);
    await panel.click('[data-action="open"]');
    const panelText = await panel.text('.panel');
    expect(panelText).toContain('银保监党办发〔2020〕3号');
    expect(panelText).toContain('发文机关');
    expect(panelText).toContain('条款（按责任主体）');
    await panel.click('[data-category="obligation"]');
    await expect.poll(async () => (await readHighlights(page))['notice-lens-obligation']).toBeUndefined();
    await panel.click('[data-category="obligation"]');
    await expect
      .poll(async () => (await readHighlights(page))['notice-lens-obligation']?.length ?? 0)
      .toBeGreaterThan(0);
    await page.close();
  });
});
