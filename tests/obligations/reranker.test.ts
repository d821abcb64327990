import { describe, expect, it } from 'vitest';
import { findObligations } from '../../lib/obligations/index';
import { scoringUnits, shippedModel } from '../../lib/obligations/reranker';
import { RERANKER_MODEL } from '../../lib/obligations/reranker-weights';
import { foldWidth } from '../../lib/text/normalise';
import { splitUnits } from '../support/units';

const REGULATION = [
  '投诉举报处理办法',
  '第一章 总则',
  '第一条 为了规范投诉举报处理工作，制定本办法。',
  '第二条 市场监督管理部门处理投诉举报，适用本办法。',
  '第三条 投诉人应当提供真实身份信息。',
  '第四条 县级市场监督管理部门负责本行政区域内的投诉处理工作。',
  '第五条 举报由被举报行为发生地的县级以上市场监督管理部门处理。',
  '第六条 投诉人不得捏造事实。',
  '第七条 本办法自2020年1月1日起施行。',
].join('\n');

describe('re-ranker: units the rules leave alone', () => {
  it('splits the text into the scoring units of the labelling standard', () => {
    const text = '一、总体要求\n各地要加强领导；不得拖延！“确保落实。”他说？ 好\n\n（牵头单位：市委组织部）';
    expect(scoringUnits(foldWidth(text))).toEqual(splitUnits(text).map((u) => [u.start, u.end]));
  });

  it('adds a duty a regulation states without a modal word (X由Y处理)', () => {
    const clauses = findObligations(REGULATION);
    const article5 = clauses.find((c) => c.text.includes('举报由被举报行为发生地'));
    expect(article5?.category).toBe('obligation');
    expect(article5?.strength).toBe('hard');
    expect(article5 && article5.text.includes(article5.trigger)).toBe(true);
  });

  it('adds neither the purpose, the scope, nor the effective-date article', () => {
    const texts = findObligations(REGULATION).map((c) => c.text);
    expect(texts.some((t) => t.includes('为了规范'))).toBe(false);
    expect(texts.some((t) => t.includes('自2020年1月1日起施行'))).toBe(false);
  });

  it('never adds past events or a signature date', () => {
    const text = [
      '关于做好防控工作的通知',
      '各党支部：',
      '疫情发生以来，党中央高度重视，多次作出重要指示。',
      '一、各党支部要加强组织领导。',
      '中共某某委员会2020年1月29日',
    ].join('\n');
    const texts = findObligations(text).map((c) => c.text);
    expect(texts.some((t) => t.includes('疫情发生以来'))).toBe(false);
    expect(texts.some((t) => t.includes('2020年1月29日'))).toBe(false);
    expect(texts.some((t) => t.includes('加强组织领导'))).toBe(true);
  });

  it('ships compact quantised weights with a threshold inside (0, 1)', () => {
    expect(RERANKER_MODEL.weights.length).toBeLessThan(300 * 1024);
    const model = shippedModel();
    expect(model.heads).toHaveLength(6);
    expect(model.heads[0]).toHaveLength(1 << RERANKER_MODEL.bits);
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
  });
});
