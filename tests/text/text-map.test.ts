import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { lineariseDom } from '../../lib/text/dom-text';
import { normaliseText } from '../../lib/text/normalise';
import { TextMap } from '../../lib/highlight/text-map';

function page(html: string) {
  // happy-dom for a full Range implementation (linkedom has none).
  const window = new Window();
  window.document.write(`<!doctype html><html><body>${html}</body></html>`);
  return window.document as unknown as Document;
}

describe('DOM text and its map back to the page', () => {
  const doc = page(
    '<div id="c"><p>　　一、各级党组织<b>要</b>在疫 情防控第一线<br>考察干部。</p><script>var x="不得";</script><p style="display:none">隐藏</p><ul><li>带头不聚会</li><li>不聚餐</li></ul></div>',
  );
  const root = doc.getElementById('c')!;
  const dom = lineariseDom(root);
  const norm = normaliseText(dom.text);
  const map = new TextMap(dom, norm);

  it('reads blocks and <br> as line breaks and leaves scripts and hidden elements out', () => {
    expect(norm.text).toBe('一、各级党组织要在疫情防控第一线\n考察干部。\n带头不聚会\n不聚餐');
  });

  it('turns text offsets into DOM ranges over the same characters', () => {
    const start = norm.text.indexOf('党组织要在疫情');
    const range = map.toRange(doc, start, start + '党组织要在疫情'.length)!;
    expect(range.startContainer.textContent).toContain('党组织');
    expect(range.toString().replace(/\s/g, '')).toBe('党组织要在疫情');
  });

  it('maps a DOM position back to the text offset', () => {
    const li = doc.querySelectorAll('li')[1];
    expect(map.toOffset(li.firstChild!, 1)).toBe(norm.text.indexOf('聚餐'));
  });

  it('refuses spans outside the text', () => {
    expect(map.toRange(doc, -1, 3)).toBeNull();
    expect(map.toRange(doc, 5, 5)).toBeNull();
    expect(map.toRange(doc, 0, norm.text.length + 1)).toBeNull();
  });

  it('reads a 1,000-deep nesting without overflowing the stack', () => {
    const deep = page(`${'<div>'.repeat(1000)}各部门要落实责任。${'</div>'.repeat(1000)}`);
    expect(normaliseText(lineariseDom(deep.body).text).text).toBe('各部门要落实责任。');
  });
});
