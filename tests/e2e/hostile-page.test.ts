/**
 * A notice page that plants markup and script in its title, text, and in the analyst's note and tags:
 * nothing of it runs or becomes markup in the panel, the popup, the library or the compare view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, PanelDriver, selectText, type Session } from './harness';

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

describe('hostile page data', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
    s.serve(URL_H, PAGE);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('stays text in the panel and in every extension page', async () => {
    const page = await s.open(URL_H);
    await page.waitForFunction(() => (CSS as any).highlights.size > 0, null, { timeout: 20000 });
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
    expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();

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
      expect(await ext.evaluate(() => (window as any).pwned)).toBeUndefined();
      await ext.close();
    }
    await page.close();
  });
});
