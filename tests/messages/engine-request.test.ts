import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../lib/analyse';
import { parseHtmlDocument } from '../../lib/cli/analyze';
import { receiveMessage } from '../../lib/messages';
import { decodeAnalysis } from '../../lib/messages/wire';
import { readPageText, textForAnalysis, type PageText } from '../../lib/page-text';
import { analyseForPage } from '../../entrypoints/background/engine';
import { freshRepo, GOVCN_URL } from '../storage/fixtures';
import { regulationPage } from '../support/generate';

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT_ID}`;
const env = { extensionId: EXT_ID, extensionOrigin: ORIGIN, analyse: analyseForPage };
const contentSender = { id: EXT_ID, url: GOVCN_URL, tab: { id: 7, url: GOVCN_URL }, frameId: 0 };

function pageText(html: string): PageText {
  return readPageText(parseHtmlDocument(html), GOVCN_URL);
}

describe('the analysis split between the page and the background', () => {
  it('gives the page exactly what analysing it in one place gives, in a compact form', async () => {
    const html = regulationPage(20_000);
    const input = textForAnalysis(pageText(html), GOVCN_URL);
    const r = await receiveMessage(freshRepo().repo, { type: 'engine/analyse', input }, contentSender, env);
    expect(r?.ok).toBe(true);
    expect(r!.ok && typeof r!.value).toBe('string');
    const answer = r!.ok ? (r!.value as string) : '';
    const { analysis, norm, timings } = decodeAnalysis(answer, input.text);
    expect(timings.obligations).toBeGreaterThan(0);
    const whole = analyseDocument(parseHtmlDocument(html), GOVCN_URL);
    expect(analysis).toEqual(whole.analysis);
    expect(norm).toEqual(whole.norm);
    expect(whole.analysis.obligations.length).toBeGreaterThan(100);
    // Nothing the page can rebuild is sent: far less than the clauses and text themselves.
    expect(answer.length).toBeLessThan(JSON.stringify(whole.analysis).length / 2);
  });

  it('refuses malformed and oversized input, and a web page sending it', async () => {
    const { repo } = freshRepo();
    const good = textForAnalysis(pageText(regulationPage(5_000)), GOVCN_URL);
    const bad: Array<[unknown, RegExp]> = [
      [{ ...good, text: 42 }, /input\.text: expected a string/],
      [{ ...good, site: 'evil' }, /input\.site: must be one of/],
      [{ ...good, labelled: { ['x'.repeat(41)]: 'v' } }, /label .* not allowed/],
      [{ ...good, labelled: { 发文字号: 'x'.repeat(3000) } }, /longer than/],
      [{ ...good, text: '规'.repeat(4_000_001) }, /input\.text: longer than 4000000/],
      [{ ...good, extra: true }, /unexpected field "extra"/],
    ];
    for (const [input, message] of bad) {
      const r = await receiveMessage(repo, { type: 'engine/analyse', input }, contentSender, env);
      expect(r).toMatchObject({ ok: false, kind: 'invalid' });
      if (r && !r.ok) expect(r.error).toMatch(message);
    }
    // A web page (no extension id) is not answered at all.
    expect(
      await receiveMessage(repo, { type: 'engine/analyse', input: good }, { url: GOVCN_URL, tab: { id: 7 } }, env),
    ).toBeNull();
    // Where no engine is wired (an extension page's own router), the request is refused, not crashed on.
    const noEngine = await receiveMessage(repo, { type: 'engine/analyse', input: good }, contentSender, {
      extensionId: EXT_ID,
      extensionOrigin: ORIGIN,
    });
    expect(noEngine).toMatchObject({ ok: false, kind: 'forbidden' });
  });
});
