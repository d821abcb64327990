/**
 * Every HTML test case (tests/fixtures) through `extractPage`: the site, the body roots, the body text's first
 * and last sentences, chrome that must stay out, and the labelled metadata, as each case's expected.json
 * states them. Expectations are written by hand from reading each page, never generated from the output.
 */
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../lib/extract';
import type { Site } from '../../lib/types';
import { fixtureCase, pageCases, type FixtureCase } from '../support/fixtures';
import { bodyText, loadFixture, occurrences } from './helpers';

const CASES = pageCases().filter((c) => c.format === 'html');

function expectation(c: FixtureCase) {
  const e = c.expected.extract;
  if (!e) throw new Error(`${c.name}: expected.json has no extract section`);
  return { ...e, site: e.site as Site };
}

describe('extractPage on every HTML test case', () => {
  it('every HTML case states what extraction must give', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(16);
    expect(CASES.filter((c) => !c.expected.extract).map((c) => c.name)).toEqual([]);
  });

  for (const fixture of CASES) {
    const c = expectation(fixture);
    const url = fixture.expected.url;
    describe(fixture.name, () => {
      const page = extractPage(loadFixture(fixture.name), url);
      const text = bodyText(page);

      it(`is site ${c.site}`, () => {
        expect(page.site).toBe(c.site);
        expect(page.url).toBe(url);
      });

      if (c.opening === null) {
        it('claims no body', () => {
          expect(page.roots).toEqual([]);
          expect(text).toBe('');
        });
      } else {
        it('finds the body: opening and closing sentences, in order', () => {
          expect(page.roots.length).toBeGreaterThan(0);
          const start = text.indexOf(c.opening!);
          const end = text.lastIndexOf(c.closing!);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeGreaterThan(start);
        });
      }

      for (const s of c.absent) {
        it(`leaves out ${s}`, () => {
          expect(text).not.toContain(s);
        });
      }
      for (const s of c.once ?? []) {
        it(`has ${s} exactly once`, () => {
          expect(occurrences(text, s)).toBe(1);
        });
      }
      if (c.labelled) {
        it('reads the labelled fields', () => {
          for (const [label, value] of Object.entries(c.labelled!)) expect(page.labelled[label], label).toBe(value);
        });
      }
      if (c.notLabelled) {
        it(`does not read ${c.notLabelled.join(', ')}`, () => {
          for (const label of c.notLabelled!) expect(page.labelled).not.toHaveProperty(label);
        });
      }
      if (c.title !== undefined) {
        it('states the title', () => {
          expect(page.title).toBe(c.title);
        });
      }
      if (c.listPage !== undefined) {
        it(`listPage is ${c.listPage}`, () => {
          expect(page.pageSignals.listPage).toBe(c.listPage);
        });
      }
      it(`pending is ${c.pending ?? false}`, () => {
        expect(page.pageSignals.pending).toBe(c.pending ?? false);
      });
    });
  }
});

describe('extractPage without a URL decides from the DOM', () => {
  const cases: Array<[string, Site]> = [
    ['pos-01-govcn-zhengce-2019-guofa5-yijian.html', 'govcn'],
    ['pos-11-govcn-gongbao-2014-zhijianzongju-ling156-banfa.html', 'govcn'],
    ['pos-13-govcn-zhengceku-2026-pbc-8bumen-jinrong-fuwuye-yijian.html', 'govcn'],
    ['edge-01-flk-npc-detail2-shell-zengzhishuifa.html', 'npc'],
    ['neg-17-flk-npc-homepage.html', 'npc'],
    ['neg-10-shanxi-gov-portal-news.html', 'generic'],
  ];
  for (const [file, site] of cases) {
    it(`${file} → ${site}`, () => {
      const withUrl = fixtureCase(file).expected;
      const page = extractPage(loadFixture(file), null);
      expect(page.site).toBe(site);
      expect(page.url).toBeNull();
      // Same body as with the URL.
      const expected = bodyText(extractPage(loadFixture(file), withUrl.url));
      expect(bodyText(page)).toBe(expected);
    });
  }

  it('a gov.cn page and a provincial *.gov.cn page are told apart by host', () => {
    const doc = loadFixture('pos-13-govcn-zhengceku-2026-pbc-8bumen-jinrong-fuwuye-yijian.html');
    expect(extractPage(doc, 'https://www.gov.cn/zhengce/zhengceku/202609/content_7082302.htm').site).toBe('govcn');
    expect(
      extractPage(loadFixture('neg-10-shanxi-gov-portal-news.html'), 'http://www.shanxi.gov.cn/x.shtml').site,
    ).toBe('generic');
  });
});

describe('roots are live elements of the page', () => {
  it('pos-01: the root is the page’s own #UCAP-CONTENT cell', () => {
    const doc = loadFixture('pos-01-govcn-zhengce-2019-guofa5-yijian.html');
    const page = extractPage(doc, null);
    expect(page.roots).toEqual([doc.querySelector('#UCAP-CONTENT')]);
  });

  it('pos-13: the root is the first copy, and the second copy is not inside it', () => {
    const doc = loadFixture('pos-13-govcn-zhengceku-2026-pbc-8bumen-jinrong-fuwuye-yijian.html');
    const page = extractPage(doc, null);
    const second = doc.querySelector('.pages_contentm.pchide')!;
    expect(page.roots).toHaveLength(1);
    expect(page.roots[0].id).toBe('UCAP-CONTENT');
    expect(page.roots[0].contains(second)).toBe(false);
  });
});
