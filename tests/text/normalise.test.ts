import { describe, expect, it } from 'vitest';
import { foldWidth, normaliseText, sourceSpan, wellFormed } from '../../lib/text/normalise';
import { readMetadata } from '../../lib/metadata';
import { seedSource } from '../support/fixtures';

const seed = (name: string) => seedSource(name);

/** Every character of the output must come from the source character the map names (or be a break/space). */
function expectMapConsistent(source: string, text: string, map: Int32Array) {
  expect(map.length).toBe(text.length + 1);
  expect(map[text.length]).toBe(source.length);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === ' ') continue;
    expect(source[map[i]]).toBe(c);
    if (i > 0) expect(map[i]).toBeGreaterThan(map[i - 1]);
  }
}

describe('normaliseText', () => {
  it('removes stray spaces inside Chinese words', () => {
    const src = '坚决打赢疫 情防控阻击战,领 导干部要带头';
    const { text, map } = normaliseText(src);
    expect(text).toBe('坚决打赢疫情防控阻击战,领导干部要带头');
    expectMapConsistent(src, text, map);
  });

  it('keeps spaces between Latin words and between Chinese and Latin', () => {
    expect(normaliseText('Notice Lens 用于 CSS Highlight API').text).toBe('Notice Lens 用于 CSS Highlight API');
  });

  it('splits paragraphs glued on one line with ideographic indents', () => {
    const src = '各区委，市委各部委办：　　新型冠状病毒感染的肺炎疫情发生以来。　　一、坚决扛起责任。';
    const { text, map } = normaliseText(src);
    expect(text.split('\n')).toEqual([
      '各区委，市委各部委办：',
      '新型冠状病毒感染的肺炎疫情发生以来。',
      '一、坚决扛起责任。',
    ]);
    expectMapConsistent(src, text, map);
  });

  it('drops indents, blank lines, CRLF and zero-width characters', () => {
    const src = '\r\n　　第一条\u200b 为了规范管理。\r\n\r\n\u00a0\u00a0第二条 本办法适用于全国。 \r\n';
    const { text, map } = normaliseText(src);
    expect(text).toBe('第一条 为了规范管理。\n第二条 本办法适用于全国。');
    expectMapConsistent(src, text, map);
  });

  it('joins print-layout spacing inside names and numbers', () => {
    expect(normaliseText('第　156　号\n局　长　支树平').text).toBe('第156号\n局长支树平');
  });

  it('keeps one copy of a title printed twice and of a body printed twice', () => {
    expect(normaliseText('关于做好疫情防控工作的通知\n关于做好疫情防控工作的通知\n各单位：').text).toBe(
      '关于做好疫情防控工作的通知\n各单位：',
    );
    const body = '一、加强领导。\n二、压实责任。\n三、严肃纪律。';
    expect(normaliseText(`${body}\n${body}`).text).toBe(body);
  });

  it('maps normalised spans back to the source characters', () => {
    const src = '　　各级党组织要在疫 情防控第一线考察干部。';
    const norm = normaliseText(src);
    const start = norm.text.indexOf('疫情防控');
    const [s, e] = sourceSpan(norm, start, start + 4);
    expect(src.slice(s, e)).toBe('疫 情防控');
  });

  it('turns seed 002, a whole notice on one line, into paragraphs', () => {
    const { text } = normaliseText(seed('002_2386fa277481c7d6.txt'));
    const lines = text.split('\n');
    expect(lines.length).toBe(7);
    expect(lines[0]).toBe('中共北京市委关于加强党的领导、为打赢疫情防控阻击战提供坚强政治保证的通知');
    expect(lines).toContain('各区委，市委各部委办，市国家机关各党组(党委)，各人民团体党组，各总公司和高等院校党委：');
    expect(lines.some((l) => l.startsWith('一、坚决扛起打赢疫情防控阻击战的重大政治责任。'))).toBe(true);
  });

  it('repairs seed 001, wrapped with stray spaces', () => {
    const { text } = normaliseText(seed('001_7a46141c47266846.txt'));
    expect(text).toContain('各级领导班子和领导干部');
    expect(text).toContain('坚决打赢疫情防控阻击战');
    expect(text).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
  });

  it('handles empty input, lone surrogates and a 2 MB line without trouble', () => {
    expect(normaliseText('').text).toBe('');
    expect(normaliseText('   \n\n　').text).toBe('');
    expect(normaliseText('\ud800要\udfff').text).toBe('\ufffd要\ufffd');
    const big = '各部门要切实落实责任。'.repeat(200_000);
    const { text } = normaliseText(big);
    expect(text.length).toBe(big.length);
  });
});

describe('lone surrogates', () => {
  it('become U+FFFD one unit for one, so the text is well-formed and the map still holds', () => {
    const src = '各单位\ud800要\udc00落实，😀保留，\ud83d\u200b\ude00拆开的一对，末尾\udbff';
    const { text, map } = normaliseText(src);
    expect(text).toBe('各单位\ufffd要\ufffd落实，😀保留，\ufffd\ufffd拆开的一对，末尾\ufffd');
    expect(text.isWellFormed()).toBe(true);
    expect(map.length).toBe(text.length + 1);
    expect(map[text.indexOf('要')]).toBe(src.indexOf('要'));
    expect(src[map[text.indexOf('😀')]]).toBe('\ud83d');
  });

  it('wellFormed keeps pairs and replaces halves', () => {
    expect(wellFormed('无代理对')).toBe('无代理对');
    expect(wellFormed('\udc00\ud800\udc00\ud800')).toBe('\ufffd\ud800\udc00\ufffd');
  });

  it('a lone surrogate in a labelled value does not reach the metadata', () => {
    const m = readMetadata({ text: '', labelled: { 标题: '关于\udc00的通知', 发文机关: '国务院办公厅\ud800' } });
    expect(m.title).toBe('关于\ufffd的通知');
    for (const s of [m.title ?? '', ...m.issuers]) expect(s.isWellFormed()).toBe(true);
  });
});

describe('foldWidth', () => {
  it('folds full-width ASCII forms one unit for one', () => {
    const s = '（一）各单位：第１２条，ＡＢＣ；';
    const f = foldWidth(s);
    expect(f).toBe('(一)各单位:第12条,ABC;');
    expect(f.length).toBe(s.length);
  });
});
