import { describe, expect, it } from 'vitest';
import { extractPage } from '../../lib/extract';
import '../../lib/extract/bundled-readability';
import {
  MAX_READABILITY_DEPTH,
  MAX_READABILITY_ELEMENTS,
  nestedDeeperThan,
  readabilityRoots,
} from '../../lib/extract/readability-roots';
import { bodyText, parse } from './helpers';

/** Distinct paragraphs (the normaliser drops a line repeating the one before it). */
const para = (i: number) =>
  `<p>\u3000\u3000${i}．各地区、各部门要认真贯彻落实本通知要求，加强组织领导，明确责任分工，确保各项措施落到实处，按时报送工作进展情况。</p>`;
const paras = (count: number) => Array.from({ length: count }, (_, i) => para(i + 1)).join('');
const SIDEBAR = Array.from({ length: 30 }, (_, i) => `<li><a href="/news/${i}.html">相关新闻标题${i}</a></li>`).join(
  '',
);

/** A page of about `bytes` characters: a link sidebar, one body block of paragraphs, a footer. */
function bigPage(bytes: number, bodyClass: string): string {
  const count = Math.ceil(bytes / para(1).length);
  return (
    `<html><head><title>大页面测试</title></head><body><div class="nav"><ul>${SIDEBAR}</ul></div>` +
    `<div class="${bodyClass}">${paras(count)}</div><div class="footer">版权所有</div></body></html>`
  );
}

describe('extraction never throws', () => {
  it('a synthetic 2 MB page (no known container) extracts with the body found', () => {
    const html = bigPage(2_000_000, 'main-text');
    expect(html.length).toBeGreaterThanOrEqual(2_000_000);
    const doc = parse(html);
    const page = extractPage(doc, null);
    expect(page.roots).toEqual([doc.querySelector('.main-text')]);
    expect(page.pageSignals.listPage).toBe(false);
    const text = bodyText(page);
    expect(text.length).toBeGreaterThan(500_000);
    expect(text).not.toContain('相关新闻标题');
    expect(text).not.toContain('版权所有');
  });

  it('a 1,000-deep nesting page extracts without overflowing the stack', () => {
    const html = `<html><body>${'<div>'.repeat(1000)}${paras(5)}${'</div>'.repeat(1000)}</body></html>`;
    const doc = parse(html);
    const page = extractPage(doc, null);
    expect(page.roots.length).toBe(1);
    expect(bodyText(page)).toContain('按时报送工作进展情况。');
  });

  it('a page of 1,000 nested tables with no known body does not reach Readability (whose cost grows with the cube of the nesting)', () => {
    const nested = (tag: string, depth: number) =>
      parse(
        `<html><body>${`<${tag}>`.repeat(depth)}<p>各单位要认真落实，加强组织领导。</p>${`</${tag}>`.repeat(depth)}</body></html>`,
      );
    const deep = nested('table', 1000);
    expect(nestedDeeperThan(deep, MAX_READABILITY_DEPTH)).toBe(true);
    expect(readabilityRoots(deep)).toBeNull();
    const started = performance.now();
    const page = extractPage(deep, null);
    // Readability took 50 s here; the liveness bound is generous, the point is that it no longer runs.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(bodyText(page)).toContain('各单位要认真落实，加强组织领导。');
    // A page nested within the bound is still read by Readability.
    const shallow = nested('div', MAX_READABILITY_DEPTH - 10);
    expect(nestedDeeperThan(shallow, MAX_READABILITY_DEPTH)).toBe(false);
    expect(nestedDeeperThan(nested('div', MAX_READABILITY_DEPTH), MAX_READABILITY_DEPTH)).toBe(true);
  });

  it('a page of more elements than Readability handles in reasonable time is not given to it', () => {
    const rows = (n: number) =>
      parse(`<html><body><table>${'<tr><td>Label</td><td>value</td></tr>'.repeat(n)}</table></body></html>`);
    expect(readabilityRoots(rows(MAX_READABILITY_ELEMENTS))).toBeNull();
    const english = Array.from(
      { length: 8 },
      (_, i) =>
        `<p>Paragraph ${i}: the council shall publish the annual report before the deadline set out in the rules of procedure.</p>`,
    ).join('');
    expect(readabilityRoots(parse(`<html><body><div id="story">${english}</div></body></html>`))).not.toBeNull();
  });

  it('a 10 MB text node extracts without throwing', () => {
    const doc = parse(`<html><body><div id="zoom">${'通知'.repeat(5_000_000)}</div></body></html>`);
    const page = extractPage(doc, null);
    expect(page.roots).toEqual([doc.querySelector('#zoom')]);
  });

  const odd: Array<[string, () => Document]> = [
    ['an empty string', () => parse('')],
    ['a document without body', () => parse('<html><head><title>空</title></head></html>')],
    [
      'a frameset',
      () => parse('<html><frameset cols="50%,50%"><frame src="a.htm"><frame src="b.htm"></frameset></html>'),
    ],
    ['bare text', () => parse('只有一行文字')],
    ['a fragment without <html>', () => parse('<div><p>片段</p></div><p>第二段</p>')],
    ['an object that is not a document', () => ({}) as Document],
    [
      'a document whose every query throws',
      () =>
        new Proxy(parse('<html><body><p>x</p></body></html>'), {
          get(target, prop) {
            if (prop === 'querySelector' || prop === 'querySelectorAll' || prop === 'body') {
              throw new Error('hostile page');
            }
            const v: unknown = Reflect.get(target, prop, target);
            return typeof v === 'function' ? (v as (...args: unknown[]) => unknown).bind(target) : v;
          },
        }),
    ],
  ];
  for (const [name, make] of odd) {
    it(`${name}: no throw, a well-formed page`, () => {
      const page = extractPage(make(), 'https://example.com/a.html');
      expect(page.url).toBe('https://example.com/a.html');
      expect(Array.isArray(page.roots)).toBe(true);
      expect(typeof page.skip).toBe('function');
      expect(page.pageSignals.pending).toBe(false);
      expect(() => bodyText(page)).not.toThrow();
    });
  }

  it('the skip predicate never throws, even on a non-element', () => {
    const page = extractPage(parse(`<html><body><div id="zoom">${paras(3)}</div></body></html>`), null);
    expect(() => page.skip({} as Element)).not.toThrow();
    expect(page.skip({} as Element)).toBe(false);
  });
});
