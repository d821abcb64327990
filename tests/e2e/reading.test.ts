/**
 * Reading a notice with the panel open, in real Chromium: the panel is docked beside the text (the page
 * narrows, nothing lies under it, at 1280 and 800 px), a clause jumped to lands clear of it, it is not
 * printed and printed highlights keep their category without colour; bearers are grouped with their source
 * and aliases, the filters narrow the list, the keyboard steps through clauses and Esc closes; soft clauses
 * are tinted; the note form shows its quote and leaves the selection marked; the panel follows dark mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, PanelDriver, ROOT, selectText, type Session } from './harness';

const DEMO = readFileSync(join(ROOT, 'demo/notice.html'), 'utf8');
const DEMO_URL = 'https://www.gov.cn/zhengce/content/2020-01/30/content_reading.htm';

/** A county notice with an agency defined by its alias, a clause with no subject and one whose actor is the addressee. */
const BEARERS = readFileSync(join(ROOT, 'tests/e2e/fixtures-reading/bearers.html'), 'utf8');
const BEARERS_URL = 'http://www.mou.gov.cn/xxgk/2024/anquan.html';

type Rect = { left: number; top: number; right: number; bottom: number };

async function openNotice(s: Session, url: string, body: string, width: number): Promise<Page> {
  s.serve(url, body);
  const page = await s.open(url);
  await page.setViewportSize({ width, height: 800 });
  await page.waitForFunction(() => CSS.highlights.has('notice-lens-obligation'), null, { timeout: 20000 });
  return page;
}

/** Rectangles of every line of every painted clause. */
function clauseRects(page: Page): Promise<Rect[]> {
  return page.evaluate(() => {
    const out: Rect[] = [];
    CSS.highlights.forEach((h, name) => {
      if (!/^notice-lens-(obligation|prohibition|permission|encouragement|accountability)$/.test(name)) return;
      for (const r of h as unknown as Iterable<Range>)
        for (const b of r.getClientRects())
          if (b.width > 0) out.push({ left: b.left, top: b.top, right: b.right, bottom: b.bottom });
    });
    return out;
  });
}

/** The rectangle of the range flashing after a jump (null when none flashes). */
function flashRect(page: Page): Promise<Rect | null> {
  return page.evaluate(() => {
    const h = CSS.highlights.get('notice-lens-flash') as unknown as Set<Range> | undefined;
    const range = h ? [...h][0] : undefined;
    if (!range) return null;
    const b = range.getBoundingClientRect();
    return { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
  });
}

function clauseCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    CSS.highlights.forEach((h, name) => {
      if (/^notice-lens-(obligation|prohibition|permission|encouragement|accountability)$/.test(name)) n += h.size;
    });
    return n;
  });
}

/** The most frequent colour in a rectangle of the page as painted (the background under the text). */
async function dominantColour(page: Page, r: Rect): Promise<[number, number, number]> {
  const clip = { x: r.left, y: r.top, width: Math.max(4, Math.min(80, r.right - r.left)), height: r.bottom - r.top };
  const png = await page.screenshot({ clip });
  const probe = await page.context().newPage();
  try {
    return await probe.evaluate(async (data) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const px = g.getImageData(0, 0, c.width, c.height).data;
      const counts = new Map<number, number>();
      for (let i = 0; i < px.length; i += 4) {
        const key = (px[i] << 16) | (px[i + 1] << 8) | px[i + 2];
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const [key] = [...counts].sort((a, b) => b[1] - a[1])[0];
      return [(key >> 16) & 255, (key >> 8) & 255, key & 255] as [number, number, number];
    }, png.toString('base64'));
  } finally {
    await probe.close();
  }
}

describe('reading a notice with the panel docked', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
  });

  for (const width of [1280, 800]) {
    it(`narrows the page beside the panel and jumps clear of it at ${width} px`, async () => {
      const page = await openNotice(s, DEMO_URL, DEMO, width);
      const panel = await PanelDriver.attach(page);
      await panel.click('[data-action="open"]');
      await panel.waitFor('.panel');
      const box = await panel.rect('.panel');
      expect(box.right).toBe(width);
      expect(box.width).toBe(width < 1024 ? 300 : 380);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe(`${box.width}px`);
      // No painted clause lies under the panel.
      const rects = await clauseRects(page);
      expect(rects.length).toBeGreaterThan(5);
      for (const r of rects) expect(r.right).toBeLessThanOrEqual(box.left);

      // The last clause, clicked in the panel, is scrolled into the free part of the window.
      const last = (await clauseCount(page)) - 1;
      await panel.click(`[data-clause="${last}"]`);
      const target = await flashRect(page);
      expect(target).not.toBeNull();
      expect(target!.top).toBeGreaterThanOrEqual(0);
      expect(target!.bottom).toBeLessThanOrEqual(800);
      expect(target!.right).toBeLessThanOrEqual(box.left);
      expect(await panel.exists('[data-clause][aria-current="true"]')).toBe(true);

      // Printed: no panel, no margin; the page's own width again.
      await page.emulateMedia({ media: 'print' });
      expect((await panel.rect('.panel')).width).toBe(0);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe('0px');
      await page.emulateMedia({ media: 'screen' });

      // Esc on the page closes it, and the page gets its width back.
      await page.mouse.click(20, 400);
      await page.keyboard.press('Escape');
      await panel.waitFor('[data-action="open"]');
      expect(await page.evaluate(() => document.documentElement.hasAttribute('data-notice-lens-panel'))).toBe(false);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe('0px');
      await page.close();
    });
  }

  it('scrolls a fixed-width page sideways so the target is clear of the panel', async () => {
    // A fixed 1180 px layout with the text in a column on its right, as portals with a left menu have it.
    const wide = DEMO.replace(
      '</head>',
      '<style>body{max-width:none;width:1180px;margin:2em 0}#UCAP-CONTENT{margin-left:640px}</style></head>',
    );
    const page = await openNotice(s, `${DEMO_URL}?wide=1`, wide, 1280);
    const panel = await PanelDriver.attach(page);
    await panel.click('[data-action="open"]');
    const box = await panel.rect('.panel');
    // Some text of this page is under the panel until the page scrolls.
    const before = await clauseRects(page);
    expect(Math.max(...before.map((r) => r.right))).toBeGreaterThan(box.left);
    for (const index of [0, 3]) {
      await panel.click(`[data-clause="${index}"]`);
      const target = await flashRect(page);
      expect(target).not.toBeNull();
      expect(target!.right).toBeLessThanOrEqual(box.left);
      expect(target!.left).toBeGreaterThanOrEqual(0);
    }
    await page.close();
  });

  it('tints every soft clause visibly (the overlay does not wash pale categories out)', async () => {
    const page = await openNotice(s, `${DEMO_URL}?soft=1`, DEMO, 1280);
    const softs = await page.evaluate(() => {
      const h = CSS.highlights.get('notice-lens-soft') as unknown as Set<Range> | undefined;
      return h ? h.size : 0;
    });
    expect(softs).toBeGreaterThan(0);
    for (let i = 0; i < softs; i++) {
      const r = await page.evaluate((k) => {
        const range = [...(CSS.highlights.get('notice-lens-soft') as unknown as Set<Range>)][k];
        range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const b = [...range.getClientRects()].find((x) => x.width > 8)!;
        return { left: b.left + 1, top: b.top + 1, right: b.right - 1, bottom: b.bottom - 1 };
      }, i);
      const [red, green, blue] = await dominantColour(page, r);
      // The page is white: a tint must move some channel well away from it.
      expect(Math.max(255 - red, 255 - green, 255 - blue), `soft clause ${i}`).toBeGreaterThanOrEqual(45);
    }
    await page.close();
  });

  it('groups bearers with their source and aliases, filters the list and steps through it with the keyboard', async () => {
    const page = await openNotice(s, BEARERS_URL, BEARERS, 1280);
    const panel = await PanelDriver.attach(page);
    await panel.click('[data-action="open"]');
    await panel.waitFor('[data-group]');
    // 市应急管理局（以下简称市应急局）: one group, under the full name, the alias beside it.
    const agency = await panel.text('[data-group="市应急局"] h3');
    expect(agency).toContain('市应急管理局');
    expect(agency).toContain('市应急局');
    expect(agency).toContain('承上文');
    expect(await panel.exists('[data-group="市应急管理局"]')).toBe(false);
    // The clause without a subject is listed under the addressee, and says so.
    expect(await panel.text('[data-group="各区县人民政府"] h3')).toContain('主送机关');
    expect(await panel.text('[data-group="各区县人民政府"] [data-source="addressee"]')).toBe('主送机关');
    expect(await panel.text('[data-group="各区县人民政府"] [data-source="explicit"]')).toBe('明确');

    const shown = async () => (await panel.text('[data-count="shown"]')).replace(/[()\s]/g, '');
    expect(await shown()).toBe('7/7');
    await panel.click('[data-filter="hard"]');
    expect(await shown()).toBe('4/7');
    await panel.click('[data-filter="hard"]');
    await panel.click('[data-filter="deadline"]');
    expect(await shown()).toBe('1/7');
    await panel.click('[data-filter="deadline"]');
    await panel.focus('[data-filter="bearer"]');
    await page.keyboard.press('ArrowDown'); // the first bearer: 市应急局
    await expect.poll(shown).toBe('4/7');
    expect(await panel.exists('[data-group="企业"]')).toBe(false);

    // J in the panel and Alt+J on the page step through the shown clauses in text order; K goes back.
    await panel.focus('[data-clause="0"]');
    await page.keyboard.press('j');
    await panel.waitFor('[data-clause="0"][aria-current="true"]');
    await page.keyboard.press('j');
    await panel.waitFor('[data-clause="1"][aria-current="true"]');
    await page.keyboard.press('ArrowDown');
    await panel.waitFor('[data-clause="5"][aria-current="true"]');
    await page.mouse.click(20, 700);
    await page.keyboard.press('Alt+KeyJ');
    await panel.waitFor('[data-clause="6"][aria-current="true"]');
    expect((await flashRect(page))!.right).toBeLessThanOrEqual((await panel.rect('.panel')).left);
    await page.keyboard.press('Alt+KeyK');
    await panel.waitFor('[data-clause="5"][aria-current="true"]');
    await page.close();
  });

  it('shows the quote in the note form, keeps the selection marked and out from under the form', async () => {
    const page = await openNotice(s, `${DEMO_URL}?note=1`, DEMO, 1280);
    const panel = await PanelDriver.attach(page);
    const quote = '自觉接受党性锻炼和实践考验';
    await selectText(page, quote);
    await panel.click('[data-action="note"]');
    expect(await panel.text('[data-field="quote"]')).toBe(quote);
    await panel.type('[data-field="note"]', '对照');
    const marked = await page.evaluate(() => {
      const h = CSS.highlights.get('notice-lens-draft') as unknown as Set<Range> | undefined;
      const r = h ? [...h][0] : null;
      if (!r) return null;
      const b = r.getBoundingClientRect();
      return { text: r.toString(), left: b.left, top: b.top, right: b.right, bottom: b.bottom };
    });
    expect(marked?.text).toBe(quote);
    const form = await panel.rect('.toolbar');
    const overlaps =
      form.left < marked!.right && marked!.left < form.right && form.top < marked!.bottom && marked!.top < form.bottom;
    expect(overlaps).toBe(false);
    await panel.click('[data-action="cancel"]');
    expect(await page.evaluate(() => CSS.highlights.has('notice-lens-draft'))).toBe(false);
    await page.close();
  });

  it('follows the dark colour scheme', async () => {
    const page = await openNotice(s, `${DEMO_URL}?dark=1`, DEMO, 1280);
    await page.emulateMedia({ colorScheme: 'dark' });
    const panel = await PanelDriver.attach(page);
    await panel.click('[data-action="open"]');
    expect(await panel.style('.panel', 'background-color')).toBe('rgb(22, 27, 34)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await panel.style('.panel', 'background-color')).toBe('rgb(255, 255, 255)');
    await page.close();
  });
});
