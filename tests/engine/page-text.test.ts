/** What the content script sends the background always passes the background's validator. */
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../lib/cli/analyze';
import { validateRequest } from '../../lib/messages/validate';
import { MAX_TEXT_LENGTH, readPageText, textForAnalysis } from '../../lib/page-text';

const URL = 'https://www.gov.cn/zhengce/content/2019-02/15/content_5365945.htm';
const PARA = '<p>各地区、各部门要认真贯彻落实本通知要求，加强组织领导，明确责任分工。</p>';

function request(html: string, url = URL) {
  const text = readPageText(parseHtmlDocument(html), url);
  const input = textForAnalysis(text, url);
  return { text, input, validation: validateRequest({ type: 'engine/analyse', input, force: false }) };
}

describe('textForAnalysis', () => {
  it('cuts a text that a long text node carried past MAX_TEXT_LENGTH, instead of having the page refused', () => {
    const { text, input, validation } = request(
      `<html><body><div id="zoom">${PARA.repeat(20)}<p>${'各单位要落实。'.repeat(700_000)}</p></div></body></html>`,
    );
    expect(text.domText.text.length).toBeGreaterThan(MAX_TEXT_LENGTH);
    expect(validation).toMatchObject({ ok: true });
    expect(input.text).toBe(text.domText.text.slice(0, MAX_TEXT_LENGTH));
  });

  it('leaves out labelled values and titles longer than any real one, and an over-long URL', () => {
    const long = '关于加强管理的通知'.repeat(400);
    const table = `<table class="bd1"><tr><td>标\u3000\u3000题：</td><td>${long}</td></tr><tr><td>发文字号：</td><td>国发〔2019〕5号</td></tr></table>`;
    const { input, validation } = request(
      `<html><body>${table}<div id="UCAP-CONTENT">${PARA.repeat(20)}</div></body></html>`,
    );
    expect(validation).toMatchObject({ ok: true });
    expect(input.labelled).toEqual({ 发文字号: '国发〔2019〕5号' });
    expect(input.title).toBeNull();
    const longUrl = `${URL}?q=${'x'.repeat(5000)}`;
    const far = request(`<html><body><div id="zoom">${PARA.repeat(20)}</div></body></html>`, longUrl);
    expect(far.validation).toMatchObject({ ok: true });
    expect(far.input.url).toBeNull();
  });

  it('sends an ordinary page as it was read', () => {
    const { text, input, validation } = request(
      `<html><body>${`<table class="bd1"><tr><td>发文字号：</td><td>国发〔2019〕5号</td></tr></table>`}<div id="UCAP-CONTENT">${PARA.repeat(5)}</div></body></html>`,
    );
    expect(validation).toMatchObject({ ok: true });
    expect(input).toMatchObject({
      text: text.domText.text,
      labelled: text.page.labelled,
      title: text.page.title,
      url: URL,
    });
  });
});
