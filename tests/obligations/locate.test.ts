import { describe, expect, it } from 'vitest';
import { analyseText } from '../../lib/analyse';
import { readOutline } from '../../lib/metadata';
import { locateClauses } from '../../lib/obligations/locate';

/** The location of the clause that starts at the first occurrence of `words` in `text`. */
function locationOf(text: string, words: string): string | null {
  const at = text.indexOf(words);
  expect(at).toBeGreaterThanOrEqual(0);
  return locateClauses(readOutline(text), [at])[0];
}

describe('locateClauses', () => {
  it('gives a regulation’s article alone, not its chapter nor the items inside it', () => {
    const text = [
      '第一章 总则',
      '第一条 为了规范管理，制定本条例。',
      '第二章 职责',
      '第十二条 县级以上人民政府应当加强监督管理。有下列情形之一的，应当及时报告：',
      '（一）发生事故的；',
      '（二）存在隐患的。',
      '第十三条之一 任何单位不得拒绝检查。',
    ].join('\n');
    expect(locationOf(text, '县级以上')).toBe('第十二条');
    expect(locationOf(text, '存在隐患')).toBe('第十二条');
    expect(locationOf(text, '任何单位')).toBe('第十三条之一');
  });

  it('runs a notice’s heading labels together, outermost first', () => {
    const text = [
      '各区县人民政府：',
      '一、总体要求',
      '各单位要提高认识。',
      '（一）加强组织领导。',
      '1.成立工作专班。',
      '各部门要明确分工。',
      '（二）强化督查。',
      '要定期通报进展。',
      '二、保障措施',
      '要落实经费。',
    ].join('\n');
    expect(locationOf(text, '各单位要')).toBe('一、');
    expect(locationOf(text, '加强组织领导')).toBe('一、（一）');
    expect(locationOf(text, '各部门要')).toBe('一、（一）1.');
    expect(locationOf(text, '要定期通报')).toBe('一、（二）');
    expect(locationOf(text, '要落实经费')).toBe('二、');
  });

  it('is null before any heading, and with no outline at all', () => {
    const text = '各单位要高度重视。\n一、总体要求\n要抓好落实。';
    expect(locationOf(text, '各单位要')).toBeNull();
    expect(locationOf(text, '要抓好落实')).toBe('一、');
    expect(locateClauses([], [0, 5])).toEqual([null, null]);
  });

  it('reads labels written with full-width digits', () => {
    const text = ['三、重点任务', '（１２）完善机制。', '５６．各地要按时报送。'].join('\n');
    expect(locationOf(text, '完善机制')).toBe('三、（１２）');
    expect(locationOf(text, '各地要')).toBe('三、（１２）５６．');
  });

  it('answers in the order given, whatever the order of the starts', () => {
    const text = '一、甲\n要做甲。\n二、乙\n要做乙。';
    const outline = readOutline(text);
    const a = text.indexOf('要做甲');
    const b = text.indexOf('要做乙');
    expect(locateClauses(outline, [b, a, b])).toEqual(['二、', '一、', '二、']);
  });

  it('is what the analysis gives each clause', () => {
    const text = [
      '关于做好安全生产工作的通知',
      '各区县人民政府：',
      '一、压实责任',
      '（一）各单位要落实主体责任。',
    ].join('\n');
    const analysis = analyseText(text, null, { force: true });
    const clause = analysis.obligations.find((c) => c.text.includes('落实主体责任'));
    expect(clause?.location).toBe('一、（一）');
  });
});
