/**
 * detectNotice on every test case (tests/fixtures). The page-level facts the caller computes (文号, title 文种,
 * 主送) are passed as each page truly has them, read by a person from the page and written in the case's
 * expected.json, so the detector is tested on its own and not through the metadata readers.
 */
import { describe, expect, it } from 'vitest';
import { detectNotice, type DetectionInput } from '../../lib/detect';
import { extractPage, extractPkulawApiRecord } from '../../lib/extract';
import { normaliseText } from '../../lib/text/normalise';
import type { ExtractedPage, Site } from '../../lib/types';
import { bodyText, loadFixture, parse } from '../extract/helpers';
import { detectionInput } from './input';
import { allCases, fixtureCase, readSource, seedSource, type FixtureCase } from '../support/fixtures';

interface Facts {
  url: string | null;
  hasDocNumber: boolean;
  docTypeFromTitle: string | null;
  hasAddresseeLine: boolean;
}

/** The page facts a person read from the case, and the address the detector is given. */
function factsOf(c: FixtureCase): Facts {
  const d = c.expected.detect;
  if (!d) throw new Error(`${c.name}: expected.json has no detect section`);
  return {
    url: d.url !== undefined ? d.url : c.expected.url,
    hasDocNumber: d.hasDocNumber,
    docTypeFromTitle: d.docTypeFromTitle,
    hasAddresseeLine: d.hasAddresseeLine,
  };
}

function inputFromPage(page: ExtractedPage, facts: Facts): DetectionInput {
  return {
    url: facts.url,
    site: page.site,
    text: bodyText(page),
    labelled: page.labelled,
    title: page.title,
    hasDocNumber: facts.hasDocNumber,
    docTypeFromTitle: facts.docTypeFromTitle,
    hasAddresseeLine: facts.hasAddresseeLine,
    listPage: page.pageSignals.listPage,
    pending: page.pageSignals.pending,
  };
}

/** The detector's input for a case: HTML through the extractor, the pkulaw API record through its reader, text as is. */
function inputOf(c: FixtureCase): DetectionInput {
  const facts = factsOf(c);
  if (c.format === 'html') return inputFromPage(extractPage(loadFixture(c.name), facts.url), facts);
  if (c.format === 'json') {
    const r = extractPkulawApiRecord(JSON.parse(readSource(c)) as unknown, parse);
    if ('error' in r) throw new Error(r.error);
    return inputFromPage(r.page, facts);
  }
  // A plain text: the site it is read as (a pkulaw export or any text), no labels, no title.
  return {
    url: facts.url,
    site: (c.expected.detect?.site ?? 'text') as Site,
    text: normaliseText(readSource(c)).text,
    labelled: {},
    title: null,
    hasDocNumber: facts.hasDocNumber,
    docTypeFromTitle: facts.docTypeFromTitle,
    hasAddresseeLine: facts.hasAddresseeLine,
    listPage: false,
    pending: false,
  };
}

describe('detectNotice on every test case', () => {
  it('every case states its page facts', () => {
    expect(allCases().length).toBeGreaterThanOrEqual(23);
    expect(
      allCases()
        .filter((c) => !c.expected.detect)
        .map((c) => c.name),
    ).toEqual([]);
  });

  for (const c of allCases()) {
    const want = c.expected.detect!;
    describe(c.name, () => {
      const result = detectNotice(inputOf(c));
      const names = result.signals.map((s) => s.name);

      it(c.expected.notice ? 'is a notice' : 'is not a notice', () => {
        expect(result.isNotice, JSON.stringify(result.signals)).toBe(c.expected.notice);
        expect(result.confidence).toBeGreaterThanOrEqual(0);
        expect(result.confidence).toBeLessThanOrEqual(1);
        if (c.format === 'html') {
          if (c.expected.notice) expect(result.confidence).toBeGreaterThan(0.5);
          else expect(result.confidence).toBeLessThan(0.5);
        }
      });
      if (want.signals)
        it('names the signals that decided, with their points', () => {
          expect(result.signals).toEqual(want.signals);
        });
      if (want.signalsInclude)
        it(`gives ${want.signalsInclude.map((s) => `${s.name} ${s.points}`).join(', ')}`, () => {
          for (const s of want.signalsInclude!) expect(result.signals).toContainEqual(s);
        });
      if (want.signalNames)
        it(`decides on ${want.signalNames.join(', ')} only`, () => {
          expect(names).toEqual(want.signalNames);
        });
      if (want.signalNamesInclude)
        it(`gives ${want.signalNamesInclude.join(', ')}`, () => {
          expect(names).toEqual(expect.arrayContaining(want.signalNamesInclude!));
        });
      if (want.maxConfidence !== undefined)
        it(`is held at or below confidence ${want.maxConfidence}`, () => {
          expect(result.confidence).toBeLessThanOrEqual(want.maxConfidence!);
        });
    });
  }

  it('the gov.cn positives still pass without a URL (known source from the template and its table)', () => {
    for (const name of [
      'pos-01-govcn-zhengce-2019-guofa5-yijian',
      'pos-13-govcn-zhengceku-2026-pbc-8bumen-jinrong-fuwuye-yijian',
    ]) {
      const facts = { ...factsOf(fixtureCase(name)), url: null };
      const result = detectNotice(inputFromPage(extractPage(loadFixture(name), null), facts));
      expect(result.isNotice, name).toBe(true);
      expect(result.signals.map((s) => s.name)).toContain('known-source');
    }
  });
});

describe('detectNotice on a news report (seed 004)', () => {
  it('seed 004 (通知指出 … 通知要求 …) is recognised as a report, whatever its score', () => {
    const text = normaliseText(seedSource('004')).text;
    const base = detectionInput(text, { site: 'text' });
    const result = detectNotice(base);
    expect(result.signals.map((s) => s.name)).toContain('reported');
    // Even on a known source with a labelled block it stays a report.
    const boosted = detectNotice({
      ...base,
      labelled: { 成文日期: '2020年2月1日' },
      url: 'https://www.gov.cn/zhengce/content/x.htm',
    });
    expect(boosted.isNotice).toBe(false);
    expect(boosted.confidence).toBeLessThanOrEqual(0.2);
  });
});
