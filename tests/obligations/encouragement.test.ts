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
});
