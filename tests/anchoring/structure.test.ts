import { describe, expect, it } from 'vitest';
import { buildOutline, loadSeeds } from '../support/anchoring-cases';
import { foldText } from '../../lib/anchoring/folded-text';
import { buildStructure, prepareKey, resolveKey, structuralKeyAt } from '../../lib/anchoring/structure';
import { NOTICE } from './fixtures';

describe('structural keys', () => {
  it('resolve back to the offset they were taken at, for every offset of every seed', () => {
    for (const text of [NOTICE, ...loadSeeds().map((s) => s.text)]) {
      const structure = buildStructure(text, buildOutline(text));
      const folded = foldText(text);
      for (let offset = 0; offset < text.length; offset++) {
        if (/\s/u.test(text[offset])) continue;
        const key = structuralKeyAt(structure, folded, offset);
        expect(resolveKey(structure, folded, prepareKey(key)), `${offset} ${JSON.stringify(key)}`).toContain(
          folded.fromSource[offset],
        );
      }
    }
  });

  it('name sections by outline path, articles alone, and count paragraphs and sentences in them', () => {
    const text = [
      '第一章 总则',
      '第一条 为了规范管理，制定本办法。本办法自公布之日起施行。',
      '说明一段。',
      '第二章 附则',
      '一、其他',
      '（一）不得转借。不得出租！',
    ].join('\n');
    const outline = buildOutline(text);
    const structure = buildStructure(text, outline);
    const folded = foldText(text);
    const at = (s: string) => structuralKeyAt(structure, folded, text.indexOf(s));
    expect(at('本办法自')).toMatchObject({ section: '第一条', paragraph: 0, sentence: 1, offsetInSentence: 0 });
    expect(at('说明')).toMatchObject({ section: '第一条', paragraph: 1, sentence: 0 });
    expect(at('不得出租')).toMatchObject({ section: '第二章/一/（一）', paragraph: 0, sentence: 1 });
    expect(at('第一章')).toMatchObject({ section: '第一章', paragraph: 0, sentence: 0, offsetInSentence: 0 });
    expect(structuralKeyAt(buildStructure('前言。正文', []), foldText('前言。正文'), 3)).toMatchObject({
      section: null,
      sentence: 1,
    });
  });

  it('count offsets in the folded view, so reflowed whitespace does not change them', () => {
    const a = '一、总体要求\n各单位要加强领导，落实责任。';
    const b = '一、总体要求\n各单位 要加强\u3000领导， 落实责任。';
    const key = (t: string) => structuralKeyAt(buildStructure(t, buildOutline(t)), foldText(t), t.indexOf('落实'));
    expect(key(a).offsetInSentence).toBe(key(b).offsetInSentence);
    expect(key(a).sentence).toBe(key(b).sentence);
  });
});
