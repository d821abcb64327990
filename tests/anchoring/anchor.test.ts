import { describe, expect, it } from 'vitest';
import { anchorMany, anchorSelectors, describeSpan, type Selector } from '../../lib/anchoring/index';
import { buildOutline, buildWorkload, editWorkload, loadSeeds, longNotice } from '../support/anchoring-cases';
import { NOTICE, replaceNth, spanOf } from './fixtures';

/** Describe the n-th occurrence of `quote` in `text`. */
function describeQuote(text: string, quote: string, n = 0): Selector[] {
  const { start, end } = spanOf(text, quote, n);
  return describeSpan(text, start, end, buildOutline(text));
}

function anchor(text: string, selectors: Selector[]) {
  return anchorSelectors(text, selectors, buildOutline(text));
}

describe('describe → anchor round trip', () => {
  it('places every described span of every seed back on itself by position', () => {
    for (const seed of loadSeeds()) {
      const outline = buildOutline(seed.text);
      for (let start = 0; start < seed.text.length - 2; start += 37) {
        for (const length of [1, 2, 9, 60]) {
          const end = Math.min(seed.text.length, start + length);
          if (seed.text.slice(start, end).trim() === '') continue; // whitespace alone is not an annotation
          const got = anchorSelectors(seed.text, describeSpan(seed.text, start, end, outline), outline);
          expect(got, `${seed.name} ${start}-${end}`).toEqual(
            expect.objectContaining({ start, end, method: 'exact-position' }),
          );
          expect(got?.confidence).toBeGreaterThanOrEqual(0.9);
        }
      }
    }
  });

  it('stores quote, 32-unit context, position and structural key', () => {
    const selectors = describeQuote(NOTICE, '不得以任何理由拒绝');
    const { start, end } = spanOf(NOTICE, '不得以任何理由拒绝');
    expect(selectors).toEqual([
      {
        type: 'TextQuoteSelector',
        exact: '不得以任何理由拒绝',
        prefix: NOTICE.slice(start - 32, start),
        suffix: NOTICE.slice(end, end + 32),
      },
      { type: 'TextPositionSelector', start, end },
      {
        type: 'StructuralKey',
        section: '一/（二）',
        paragraph: 0,
        sentence: 0,
        offsetInSentence: '（二）任何单位和个人'.length,
      },
    ]);
    const second = describeQuote(NOTICE, '亲自抓安全生产')[2];
    expect(second).toEqual({
      type: 'StructuralKey',
      section: '一/（一）',
      paragraph: 0,
      sentence: 1,
      offsetInSentence: '企业主要负责人要'.length,
    });
    const before = describeQuote(NOTICE, '切实防范化解')[2];
    expect(before).toMatchObject({ section: null, paragraph: 2, sentence: 0 });
  });

  it('returns no selectors for an empty or out-of-range span', () => {
    expect(describeSpan(NOTICE, 5, 5, [])).toEqual([]);
    expect(describeSpan(NOTICE, -1, 3, [])).toEqual([]);
    expect(describeSpan(NOTICE, 0, NOTICE.length + 1, [])).toEqual([]);
    expect(describeSpan(NOTICE, 2.5, 4, [])).toEqual([]);
  });
});

describe('re-anchoring after each kind of edit', () => {
  const QUOTE = '严格落实执法全过程记录制度';

  it('survives reflowed whitespace: indents, joined and split lines, stray spaces', () => {
    const selectors = describeQuote(NOTICE, QUOTE);
    const reflowed = NOTICE.replace(/\n/g, '\n\u3000\u3000')
      .replace('二、强化监管执法\n\u3000\u3000', '二、强化监管执法')
      .replace('执法全过程', '执法 全过\n程');
    const got = anchor(reflowed, selectors);
    expect(got).not.toBeNull();
    expect(reflowed.slice(got!.start, got!.end)).toBe('严格落实执法 全过\n程记录制度');
  });

  it('survives punctuation width swaps (，vs ,)', () => {
    const selectors = describeQuote(NOTICE, '各区要加强执法队伍建设，严格落实');
    const half = NOTICE.replace(/，/g, ',').replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':');
    const got = anchor(half, selectors);
    expect(got).toMatchObject({ ...spanOf(half, '各区要加强执法队伍建设,严格落实') });
  });

  it('follows the span when a paragraph is inserted before it', () => {
    const selectors = describeQuote(NOTICE, QUOTE);
    const inserted = replaceNth(NOTICE, '一、压实', '此前印发的有关文件与本通知不一致的，以本通知为准。\n一、压实');
    expect(anchor(inserted, selectors)).toMatchObject({ ...spanOf(inserted, QUOTE), method: 'exact-quote' });
  });

  it('follows the span when a paragraph before it is deleted', () => {
    const selectors = describeQuote(NOTICE, QUOTE);
    const deleted = replaceNth(NOTICE, '各区人民政府，市政府各部门：\n', '');
    expect(anchor(deleted, selectors)).toMatchObject(spanOf(deleted, QUOTE));
  });

  it('finds the span with a word changed inside it, with the new bounds', () => {
    const quote = '各单位要建立隐患排查治理台账，做到整改责任';
    const selectors = describeQuote(NOTICE, quote);
    const edited = replaceNth(NOTICE, '排查治理', '排查整治');
    const got = anchor(edited, selectors);
    expect(got).toMatchObject(spanOf(edited, '各单位要建立隐患排查整治台账，做到整改责任'));
    expect(['structure', 'fuzzy']).toContain(got?.method);
  });

  it('finds the span with a word changed in its prefix', () => {
    const selectors = describeQuote(NOTICE, '不得指定中介机构');
    const edited = replaceNth(NOTICE, '收取任何费用', '收取任何检查费用');
    expect(anchor(edited, selectors)).toMatchObject(spanOf(edited, '不得指定中介机构'));
  });

  it('keeps the original when its sentence is duplicated elsewhere', () => {
    const sentence = '（二）各区要加强执法队伍建设，严格落实执法全过程记录制度。';
    const selectors = describeQuote(NOTICE, QUOTE);
    const after = NOTICE + '\n' + sentence;
    expect(anchor(after, selectors)).toMatchObject(spanOf(after, QUOTE, 0));
    const before = replaceNth(NOTICE, '为认真贯彻', sentence.slice(3) + '\n为认真贯彻');
    expect(anchor(before, selectors)).toMatchObject(spanOf(before, QUOTE, 1));
  });
});

describe('orphans', () => {
  it('leaves a span unplaced when its text is deleted', () => {
    const quote = '每季度至少组织一次全面检查';
    const selectors = describeQuote(NOTICE, quote);
    expect(anchor(replaceNth(NOTICE, '，' + quote, ''), selectors)).toBeNull();
  });

  it('does not carry a deleted clause to the same clause in the next article', () => {
    // Two articles close with the same stock clause; the annotated words are deleted from the first.
    const text = [
      '第十二条 经营单位未按规定报送年度报告的，由主管部门责令改正；拒不改正的，处五千元以下的罚款。违反其他法律、行政法规的，由有关主管部门依法给予处罚。',
      '第十三条 服务机构未按规定公开收费标准的，由主管部门责令改正，给予警告。违反其他法律、行政法规的，由有关主管部门依法给予处罚。',
      '第十四条 本办法自发布之日起施行。',
    ].join('\n');
    const quote = '反其他法律、行政法规';
    const selectors = describeQuote(text, quote, 0);
    expect(anchor(text, selectors)).toEqual(expect.objectContaining(spanOf(text, quote, 0)));
    const deleted = replaceNth(text, quote, '', 0);
    expect(anchor(deleted, selectors)).toBeNull();
    // Written over with another fact (one name for another): still not the next article's clause.
    const rewritten = replaceNth(
      text,
      '违反其他法律、行政法规的，由有关主管部门',
      '违反其他法律、地方性法规的，由有关主管部门',
      0,
    );
    const got = anchor(rewritten, selectors);
    expect(got === null || got.start < text.indexOf('第十三条')).toBe(true);
  });

  it('leaves a span unplaced when its text is rewritten beyond recognition', () => {
    const selectors = describeQuote(NOTICE, '每季度至少组织一次全面检查');
    expect(anchor(replaceNth(NOTICE, '每季度至少组织一次全面检查', '定期开展自查自纠'), selectors)).toBeNull();
  });

  it('leaves a quote unplaced when it occurs twice and nothing tells the places apart', () => {
    const sentence =
      '为进一步切实加强全市安全生产工作，各单位要把安全生产责任落实到岗位、落实到人员，确保责任链条无缝对接、风险管控全程覆盖、隐患整改及时到位、应急处置快速有效。';
    const quote = '落实到人员，确保';
    // The quote's whole 32-unit context lies inside the sentence, so both copies look the same.
    expect(sentence.indexOf(quote)).toBeGreaterThanOrEqual(32);
    expect(sentence.length - sentence.indexOf(quote) - quote.length).toBeGreaterThanOrEqual(32);
    const text = `通知\n${sentence}\n其他事项另行通知。\n${sentence}\n特此通知。`;
    const full = describeQuote(text, quote, 1);
    expect(anchor(text, [full[0]])).toBeNull(); // quote selector alone
    expect(anchor(text, full)).toMatchObject({ ...spanOf(text, quote, 1), method: 'exact-position' });
    // Shifted, the stored position no longer holds it; both copies have the same context and the same
    // sentence position, so nothing tells them apart.
    expect(anchor('前言\n' + text, full)).toBeNull();
  });
});

describe('renumbered versions', () => {
  it('finds a quote spanning two items after an item is inserted before them, and shows it differs', () => {
    const quote =
      '（一）企业不得擅自停用、拆除安全设施设备。企业主要负责人要亲自抓安全生产，每季度至少组织一次全面检查。\n（二）任何单位和个人';
    const selectors = describeQuote(NOTICE, quote);
    const edited = NOTICE.replace('（一）企业不得', '（一）新增一项要求。\n（二）企业不得').replace(
      '（二）任何单位',
      '（三）任何单位',
    );
    const moved =
      '（二）企业不得擅自停用、拆除安全设施设备。企业主要负责人要亲自抓安全生产，每季度至少组织一次全面检查。\n（三）任何单位和个人';
    expect(anchor(edited, selectors)).toMatchObject({ ...spanOf(edited, moved), differs: true });
  });
});

describe('far copies', () => {
  it('does not carry a deleted heading to its identical copy far away in a long text', () => {
    const heading = '三、加强党性锤炼，在疫情防控斗争一线身先士卒作表率。';
    const filler = (tag: string) =>
      Array.from({ length: 2400 }, (_, i) => `${tag}第${i}段：各单位要按照统一部署做好第${i}项工作。`).join('\n');
    const text = `通知\n${heading}\n${filler('甲')}\n前文。\n${heading}\n各级党委班子成员要靠前指挥。\n${filler('乙')}`;
    const selectors = describeQuote(text, '加强党性锤炼，在疫情防控', 1);
    // The second heading deleted: the first, some 60,000 characters away, keeps only its sentence in common.
    const edited = replaceNth(text, heading + '\n', '', 1);
    expect(spanOf(text, heading, 1).start - spanOf(text, heading, 0).start).toBeGreaterThan(50000);
    expect(anchor(edited, selectors)).toBeNull();
    // Moved nearby (after the next paragraph), the same sentence is found.
    const moved = edited.replace('各级党委班子成员要靠前指挥。\n', `各级党委班子成员要靠前指挥。\n${heading}\n`);
    expect(anchor(moved, selectors)).toMatchObject(spanOf(moved, '加强党性锤炼，在疫情防控', 1));
  });
});

describe('short quotes never jump', () => {
  it('does not move 不得 to another 不得 when its own is gone', () => {
    const selectors = describeQuote(NOTICE, '不得');
    expect((selectors[0] as { exact: string }).exact).toBe('不得');
    const rewritten = replaceNth(NOTICE, '企业不得擅自停用、拆除', '企业必须保持完好、严禁拆除');
    expect(rewritten.split('不得').length - 1).toBe(3);
    expect(anchor(rewritten, selectors)).toBeNull();
  });

  it('does not place 不得 when its context changed on both sides', () => {
    const selectors = describeQuote(NOTICE, '不得', 2);
    const edited = replaceNth(NOTICE, '（一）监管部门不得向企业', '（一）各级监管部门一律不得私自向企业');
    expect(edited.split('不得').length - 1).toBe(4);
    expect(anchor(edited, selectors)).toBeNull();
  });

  it('places 不得 when one side of its context is intact', () => {
    const selectors = describeQuote(NOTICE, '不得', 3);
    const edited = replaceNth(NOTICE, '收取任何费用', '收取任何检查费用');
    expect(anchor(edited, selectors)).toMatchObject(spanOf(edited, '不得', 3));
  });

  it('places 要 after a paragraph is inserted before it', () => {
    const selectors = describeQuote(NOTICE, '要', 4);
    const inserted = replaceNth(NOTICE, '三、严肃追责问责', '各区应于每月5日前报送上月工作情况。\n三、严肃追责问责');
    expect(anchor(inserted, selectors)).toMatchObject(spanOf(inserted, '要', 4));
  });
});

describe('surrogate pairs', () => {
  const astral = '𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉𠀊𠀋𠀌𠀍𠀎𠀏𠀐𠀑'; // 18 characters, 36 code units
  const text = `通知\n本条所称${astral}的等生僻字应当以国家标准字符集为准，不得擅自替换。\n特此通知。`;
  const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

  it('never cuts a pair in prefix, suffix or quote', () => {
    const { start } = spanOf(text, '等生僻字');
    // 32 code units back lands inside a pair (the prefix would start with a low surrogate).
    expect(text.charCodeAt(start - 32)).toBeGreaterThanOrEqual(0xdc00);
    for (const [s, e] of [
      [start, start + 4],
      [start - 3, start + 2],
      [spanOf(text, '𠀀').start + 1, start],
    ]) {
      const [quote] = describeSpan(text, s, e, []) as unknown as [{ exact: string; prefix: string; suffix: string }];
      for (const part of [quote.exact, quote.prefix, quote.suffix]) expect(part).not.toMatch(loneSurrogate);
      expect(quote.prefix.length).toBeLessThanOrEqual(32);
    }
    const [quote] = describeSpan(text, start, start + 4, []) as unknown as [{ prefix: string }];
    expect(quote.prefix.length).toBe(31);
  });

  it('anchors a span whose prefix holds astral characters, before and after an edit', () => {
    const selectors = describeQuote(text, '等生僻字应当以国家标准');
    expect(anchor(text, selectors)).toMatchObject({
      ...spanOf(text, '等生僻字应当以国家标准'),
      method: 'exact-position',
    });
    const edited = '前言一段。\n' + text.replace('国家标准', '国家 标准');
    expect(anchor(edited, selectors)).toMatchObject(spanOf(edited, '等生僻字应当以国家 标准'));
  });
});

describe('bad input', () => {
  const valid = describeQuote(NOTICE, '不得指定中介机构');

  it('returns null for empty or invalid selectors without throwing', () => {
    const bad: unknown[] = [
      [],
      [null],
      [42, 'x'],
      [{}],
      [{ type: 'TextQuoteSelector', exact: '' }],
      [{ type: 'TextQuoteSelector', exact: 12 }],
      [{ type: 'TextQuoteSelector', exact: '\n \u3000' }],
      [{ type: 'TextPositionSelector', start: 5, end: 3 }],
      [
        { type: 'TextPositionSelector', start: -1, end: 3 },
        { type: 'StructuralKey', section: 3, paragraph: -1 },
      ],
      [{ type: 'StructuralKey', section: '一', paragraph: 0, sentence: 0, offsetInSentence: 0 }],
      null,
      'TextQuoteSelector',
    ];
    for (const selectors of bad) {
      expect(() => anchorSelectors(NOTICE, selectors as Selector[], buildOutline(NOTICE))).not.toThrow();
      expect(anchorSelectors(NOTICE, selectors as Selector[], buildOutline(NOTICE))).toBeNull();
    }
  });

  it('ignores malformed selectors next to good ones, and a malformed outline', () => {
    const noisy = [
      { type: 'TextPositionSelector', start: Number.NaN, end: 3 },
      { type: 'StructuralKey', section: null, paragraph: 1.5, sentence: 0, offsetInSentence: 0 },
      ...valid,
    ] as Selector[];
    expect(anchorSelectors(NOTICE, noisy, buildOutline(NOTICE))).toMatchObject(spanOf(NOTICE, '不得指定中介机构'));
    const outline = [{ level: 1, label: '一、', title: '', start: 99999 }, null, { start: 'x' }] as never;
    expect(anchorSelectors(NOTICE, valid, outline)).toMatchObject(spanOf(NOTICE, '不得指定中介机构'));
  });

  it('handles an empty text, a stale position beyond the text and a non-string text', () => {
    expect(anchorSelectors('', valid, [])).toBeNull();
    expect(anchorSelectors(NOTICE.slice(0, 50), valid, [])).toBeNull();
    expect(anchorSelectors(undefined as unknown as string, valid, [])).toBeNull();
    expect(anchorMany(NOTICE, [valid, [], valid], [])).toHaveLength(3);
  });
});

describe('long texts', () => {
  it('anchors on a 2 MB text in reasonable time, including a hopelessly repetitive one', () => {
    const seeds = loadSeeds();
    const big = longNotice(seeds, 2_000_000, 3);
    const spans = [spanOf(big, '要', 20_000), spanOf(big, '不敢担当、作风飘浮、落实不力的', 3)];
    const last = big.lastIndexOf('\n', big.length - 200);
    spans.push({ start: last + 1, end: last + 41 });
    const outline = buildOutline(big);
    const items = spans.map((s) => describeSpan(big, s.start, s.end, outline));
    const edited = '前言\n' + big.slice(0, spans[2].start + 10) + '调整' + big.slice(spans[2].start + 12);
    const got = anchorMany(edited, items, buildOutline(edited));
    expect(got[0]).toMatchObject({ start: spans[0].start + 3 });
    expect(got[2]).toMatchObject({ start: spans[2].start + 3, end: spans[2].end + 3 });

    // A text that says the same thing two million times: every occurrence fits equally well. The stored
    // positions are stale (beyond the text), so the search must look at all of them, and give up.
    const flood = '要'.repeat(2_000_000);
    const floodItems = [describeSpan(flood, 1_500_000, 1_500_002, []), describeSpan(flood, 1_800_000, 1_800_060, [])];
    expect(anchorMany(flood.slice(0, 1_000_000), floodItems, [])).toEqual([null, null]);
    expect(
      anchorMany(flood.slice(0, 1_000_000), [...floodItems, ...Array.from({ length: 20 }, () => floodItems[0])], [])[1],
    ).toBeNull();
  });

  it('gives the same answers with the shared index (anchorMany) as one by one', () => {
    const text = longNotice(loadSeeds(), 60_000, 5);
    const w = buildWorkload(text, 40, 21);
    const mix = editWorkload(w, 22);
    const outline = buildOutline(mix.text);
    const together = anchorMany(mix.text, w.items, outline);
    const alone = w.items.map((item) => anchorSelectors(mix.text, item, outline));
    expect(together).toEqual(alone);
    expect(together.filter((r) => r !== null).length).toBeGreaterThan(30);
  });
});
