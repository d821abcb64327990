import { describe, expect, it } from 'vitest';
import { extractPage } from '../../lib/extract';
import { bodyText, loadFixture, parse, readFixture } from './helpers';

const SHELL = 'edge-01-flk-npc-detail2-shell-zengzhishuifa.html';
const URL = 'https://flk.npc.gov.cn/detail2.html?ZmY4MDgxODE4YmE2ZTk4ZjAxOGJhN2I3YzQ5NzAwNzA%3D';

/** The shell as the portal's script leaves it: title, header spans and the iframe's document filled. */
function filledShell(options: { renameIds?: boolean } = {}) {
  const doc = loadFixture(SHELL);
  doc.querySelector('#flName')!.textContent = '中华人民共和国增值税法';
  const values: Record<string, string> = {
    xlwj: '法律',
    zdjg: '全国人民代表大会常务委员会',
    sxx: '尚未生效',
    sxrq: '2026-01-01',
    gbrq: '2024-12-25',
  };
  for (const [id, value] of Object.entries(values)) {
    const span = doc.querySelector(`#${id}`)!;
    span.textContent = value;
    if (options.renameIds) span.setAttribute('id', `x-${id}`);
  }
  const inner = parse(
    '<html><body><div class="law"><p>中华人民共和国增值税法</p>' +
      '<p>第一条　为了健全有利于高质量发展的增值税制度，规范增值税的征收和缴纳，保护纳税人的合法权益，制定本法。</p>' +
      '<p>第二条　增值税税收工作应当贯彻落实党和国家路线方针政策、决策部署，为国民经济和社会发展服务。</p>' +
      '</div></body></html>',
  );
  const frame = doc.querySelector('iframe#viewDoc')!;
  Object.defineProperty(frame, 'contentDocument', { value: inner, configurable: true });
  return { doc, inner };
}

describe('flk.npc.gov.cn', () => {
  it('the detail2 shell before its scripts run: no roots, pending, no labels claimed', () => {
    const page = extractPage(loadFixture(SHELL), URL);
    expect(page.site).toBe('npc');
    expect(page.roots).toEqual([]);
    expect(page.pageSignals).toEqual({ listPage: false, pending: true });
    expect(page.title).toBeNull();
    expect(page.labelled).toEqual({});
  });

  it('the filled page: title from #flName, labels from p.header-content, body from the iframe document', () => {
    const { doc, inner } = filledShell();
    const page = extractPage(doc, URL);
    expect(page.site).toBe('npc');
    expect(page.pageSignals.pending).toBe(false);
    expect(page.title).toBe('中华人民共和国增值税法');
    expect(page.roots).toEqual([inner.body]);
    expect(page.labelled).toMatchObject({
      标题: '中华人民共和国增值税法',
      法律效力位阶: '法律',
      制定机关: '全国人民代表大会常务委员会',
      时效性: '尚未生效',
      施行日期: '2026-01-01',
      公布日期: '2024-12-25',
    });
    const text = bodyText(page);
    expect(text).toContain('为了健全有利于高质量发展的增值税制度');
    expect(text).toContain('为国民经济和社会发展服务。');
    expect(text).not.toContain('版权所有');
  });

  it('reads labels by their text, not by the span ids', () => {
    const { doc } = filledShell({ renameIds: true });
    const page = extractPage(doc, URL);
    expect(page.labelled['制定机关']).toBe('全国人民代表大会常务委员会');
    expect(page.labelled['法律效力位阶']).toBe('法律');
  });

  it('a filled title with an unreadable (cross-origin) iframe stays pending', () => {
    const doc = loadFixture(SHELL);
    doc.querySelector('#flName')!.textContent = '中华人民共和国增值税法';
    Object.defineProperty(doc.querySelector('iframe#viewDoc')!, 'contentDocument', {
      get() {
        throw new Error('SecurityError: cross-origin frame');
      },
    });
    const page = extractPage(doc, URL);
    expect(page.roots).toEqual([]);
    expect(page.pageSignals.pending).toBe(true);
    expect(page.title).toBe('中华人民共和国增值税法');
  });

  it('the portal home page is site npc, not a document, and a list', () => {
    const page = extractPage(parse(readFixture('neg-17-flk-npc-homepage.html')), 'https://flk.npc.gov.cn/');
    expect(page.site).toBe('npc');
    expect(page.roots).toEqual([]);
    expect(page.pageSignals).toEqual({ listPage: true, pending: false });
  });
});
