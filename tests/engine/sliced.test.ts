import { describe, expect, it } from 'vitest';
import { analyseDocument, analyseDocumentSliced, type StageTimings } from '../../lib/analyse';
import { parseHtmlDocument } from '../../lib/cli/analyze';
import { findObligations, obligationSteps } from '../../lib/obligations';
import { regulationPage } from '../support/generate';

const URL = 'https://www.gov.cn/zhengce/content/202405/content_1.htm';

describe('the analysis in slices (how the content script runs it)', () => {
  it('gives the page back between stages and inside a long obligation pass, with the same result as in one go', async () => {
    const html = regulationPage(60_000);
    const whole = analyseDocument(parseHtmlDocument(html), URL);
    let pauses = 0;
    const timings: StageTimings = { extract: 0, normalise: 0, metadata: 0, detect: 0, obligations: 0 };
    const sliced = await analyseDocumentSliced(
      parseHtmlDocument(html),
      URL,
      () => Promise.resolve(void pauses++),
      {},
      timings,
      0,
    );
    expect(sliced.analysis).toEqual(whole.analysis);
    expect(whole.analysis.obligations.length).toBeGreaterThan(500);
    // Every stage boundary, plus one pause per few dozen clauses while obligations are found.
    expect(pauses).toBeGreaterThan(4 + whole.analysis.obligations.length / 100);
    for (const stage of Object.keys(timings) as Array<keyof StageTimings>) expect(timings[stage]).toBeGreaterThan(0);
  });

  it('does not pause while a slice has time left', async () => {
    let pauses = 0;
    await analyseDocumentSliced(
      parseHtmlDocument(regulationPage(5_000)),
      URL,
      () => Promise.resolve(void pauses++),
      {},
      undefined,
      60_000,
    );
    expect(pauses).toBe(0);
  });

  it('finds the same clauses step by step as in one call, and nothing in what is not text', () => {
    const text = analyseDocument(parseHtmlDocument(regulationPage(20_000)), URL).analysis.text;
    const steps = obligationSteps(text);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(step.value).toEqual(findObligations(text));
    expect(yields).toBeGreaterThan(3);
    expect(findObligations(undefined as unknown as string)).toEqual([]);
  });
});
