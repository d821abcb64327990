import { describe, expect, it } from 'vitest';
import { findObligations } from '../../lib/obligations/index';

const categoriesOf = (text: string) => findObligations(text).flatMap((c) => c.categories);

describe('encouragement next to a duty', () => {
  it('a later segment opening with 鼓励 offers something beside the duty', () => {
    const cats = categoriesOf(
      '第七条 县级以上人民政府应当将相关经费列入财政预算，鼓励和支持以政府购买服务的方式提供家庭教育指导。',
    );
    expect(cats).toContain('obligation');
    expect(cats).toContain('encouragement');
  });

  it('支持/引导 under the duty are what the duty asks for', () => {
    const cats = categoriesOf('各地要加大投入，支持企业开展技术改造。');
    expect(cats).toContain('obligation');
    expect(cats).not.toContain('encouragement');
  });

  it('享受…补贴 offers a benefit; 享受带薪年休假 states a right', () => {
    expect(categoriesOf('对重点领域企业现有的紧缺人才，5年内享受政府薪酬补贴。')).toEqual(['encouragement']);
    expect(categoriesOf('职工连续工作满12个月以上的，享受带薪年休假。')).toEqual(['permission']);
  });

  it('a benefit item under a duty list stays an offer', () => {
    const cats = categoriesOf('各区要落实以下措施：\n（一）对引进的紧缺人才，5年内享受政府薪酬补贴。');
    expect(cats).toEqual(['obligation', 'encouragement']);
  });

  it('希望 addressed to the readers of a 通报 is encouragement', () => {
    expect(categoriesOf('希望受表彰的先进集体和先进个人，戒骄戒躁，再接再厉。')).toEqual(['encouragement']);
  });
});

describe('penalty words as nouns', () => {
  it('罚款金额 in a reward scale is no sanction', () => {
    expect(categoriesOf('举报奖励按照以下标准发放：\n（一）罚款金额在15万元以下的，按1500元奖励；')).not.toContain(
      'accountability',
    );
  });
});
