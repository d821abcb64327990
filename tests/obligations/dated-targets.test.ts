/**
 * Dated target statements of a plan (docs/labelling.md: a target year that bounds tasks is a deadline): 二季度完成…,
 * 到2028年底，新增…, 5年内引进… are the plan's duties, with their bound as the deadline, in a 方案/通知/意见 and
 * nowhere else.
 */
import { describe, expect, it } from 'vitest';
import { findObligations } from '../../lib/obligations/index';

const find = (text: string) => findObligations(text, { addressees: [] });
const plan = (body: string) => `上海市宝山区垃圾处置设施建设实施方案\n${body}`;

describe('dated targets in a plan', () => {
  it('each quarter of a schedule is a soft obligation with the quarter as deadline', () => {
    const cs = find(
      plan(
        '（三）提高处理能力\n1.推进垃圾焚烧设施建设。2019年垃圾焚烧设施开工建设：一季度完成设施规划选址；\n二季度完成立项及规划许可；\n三季度完成工可及环评；\n四季度完成施工许可、开工。',
      ),
    );
    const byText = (t: string) => cs.find((c) => c.text.startsWith(t));
    for (const q of ['二季度', '三季度', '四季度']) {
      const c = byText(q);
      expect([c?.category, c?.strength, c?.deadline?.text]).toEqual(['obligation', 'soft', q]);
    }
  });
  it('a target under 工作目标 is reported, bounded by its year', () => {
    const cs = find(plan('一、工作目标\n到2028年底，新增各类公园300座以上，全市公园总数达到1400座以上；'));
    expect(cs).toHaveLength(1);
    expect([cs[0].category, cs[0].strength, cs[0].deadline?.text]).toEqual(['obligation', 'soft', '到2028年底']);
  });
  it('a bound after a leading adverbial (以…为核心，5年内引进…) still makes the target', () => {
    const cs = find(
      plan('（四）人才行动计划\n21.领军人才项目。以提高本土原创竞争力为核心，5年内引进和培养领军人才不少于100名。'),
    );
    const c = cs.find((x) => x.text.includes('5年内'));
    expect(c?.category).toBe('obligation');
    expect(c?.deadlines?.map((d) => d.text)).toContain('5年内');
  });
  it('a dated fact (2019年全区已完成…) is no target', () => {
    expect(find(plan('一、工作基础\n2019年，全区已完成达标小区518个。'))).toEqual([]);
  });
});

describe('dated targets outside plans', () => {
  it('a news page reporting a plan’s targets reports no clause', () => {
    const news =
      '本市公园建设稳步推进\n记者从市绿化市容局获悉。\n到2028年底，新增各类公园300座以上，全市公园总数达到1400座以上。';
    expect(find(news)).toEqual([]);
  });
  it('a work report stating next year’s figures reports no clause', () => {
    const report = '宝山区2019年生活垃圾分类工作总结报告\n一、下一步工作\n2020年形成处置能力。';
    expect(find(report)).toEqual([]);
  });
});
