import { describe, expect, it } from 'vitest';
import { findDeadline, readNumber } from '../../lib/obligations/find-deadline';
import { findObligations } from '../../lib/obligations/index';

describe('findDeadline: absolute dates', () => {
  it.each([
    ['请于2019年4月底前报送工作方案。', '于2019年4月底前', '2019-04-30'],
    ['于2026年10月20日前完成整改。', '于2026年10月20日前', '2026-10-20'],
    ['2020年2月底前完成。', '2020年2月底前', '2020-02-29'],
    ['2019年12月31日之前提交。', '2019年12月31日之前', '2019-12-31'],
    ['二〇一九年十二月底前完成清理。', '二〇一九年十二月底前', '2019-12-31'],
    ['2019年3月上旬召开推进会。', '2019年3月上旬', '2019-03-10'],
    ['2019年3月中旬前报送。', '2019年3月中旬前', '2019-03-20'],
    ['2019年6月下旬前完成。', '2019年6月下旬前', '2019-06-30'],
    ['到2019年底，完成全流程整合。', '到2019年底', '2019-12-31'],
    ['2025年底前全面建成。', '2025年底前', '2025-12-31'],
  ])('%s', (text, expected, iso) => {
    expect(findDeadline(text)).toEqual({ text: expected, type: 'date', iso });
  });

  it('keeps a date without a year, with iso null', () => {
    expect(findDeadline('请于6月30日前报送。')).toEqual({ text: '于6月30日前', type: 'date', iso: null });
    expect(findDeadline('年底前完成。')).toEqual({ text: '年底前', type: 'date', iso: null });
  });

  it('rejects impossible dates in iso but keeps the text', () => {
    expect(findDeadline('2019年2月30日前完成。')).toEqual({ text: '2019年2月30日前', type: 'date', iso: null });
  });
});

describe('findDeadline: relative and recurring', () => {
  it.each([
    ['应当在3个工作日内办结。', '3个工作日内'],
    ['应当在三个工作日内办结。', '三个工作日内'],
    ['应当自受理申请之日起5日内作出决定。', '自受理申请之日起5日内'],
    ['可以自公告期限届满之日起六十日内提起行政复议。', '自公告期限届满之日起六十日内'],
    ['企业应当自变化事项发生后1个月内提出申请。', '自变化事项发生后1个月内'],
    ['应当提前5日通知企业。', '提前5日'],
    ['应当在生产许可证期满6个月前提出延续申请。', '期满6个月前'],
    ['由主管部门责令限期改正。', '限期'],
  ])('%s', (text, expected) => {
    expect(findDeadline(text)).toEqual({ text: expected, type: 'relative', iso: null });
  });

  it.each([
    ['每月5日前报送上月数据。', '每月5日前'],
    ['每年12月31日前报送年度报告。', '每年12月31日前'],
    ['每季度结束后15日内报送。', '每季度结束后15日内'],
  ])('%s', (text, expected) => {
    expect(findDeadline(text)).toEqual({ text: expected, type: 'recurring', iso: null });
  });
});

describe('findDeadline: what is not a deadline', () => {
  it.each(['发现问题要立即报告。', '要及时上报。', '尽快完成部署。', '第一时间到岗。', '按时报送。', '定期开展检查。'])(
    'urgency word: %s',
    (text) => expect(findDeadline(text)).toBeNull(),
  );
  it('effective-date formulas and start dates', () => {
    expect(findDeadline('本办法自2014年8月1日起施行。')).toBeNull();
    expect(findDeadline('本通知自印发之日起施行。')).toBeNull();
    expect(findDeadline('自2019年起开展试点。')).toBeNull();
  });
  it('日前 without a month means "recently"', () => {
    expect(findDeadline('日前，国务院印发通知。')).toBeNull();
  });
  it('periods and durations', () => {
    expect(findDeadline('公告期为2020年3月1日－2020年3月31日。')).toBeNull();
    expect(findDeadline('生产许可证有效期为5年。')).toBeNull();
    expect(findDeadline('落实督导报告、约谈、限期整改、奖惩等制度。')).toBeNull();
  });
});

describe('readNumber', () => {
  it('reads Arabic and Chinese numerals', () => {
    expect(readNumber('60')).toBe(60);
    expect(readNumber('六十')).toBe(60);
    expect(readNumber('十五')).toBe(15);
    expect(readNumber('三十一')).toBe(31);
    expect(readNumber('二〇一九')).toBe(2019);
    expect(readNumber('两')).toBe(2);
    expect(readNumber('一百二十')).toBe(120);
    expect(Number.isNaN(readNumber('若干'))).toBe(true);
  });
});

describe('deadlines on clauses', () => {
  it('a directive carries its deadline, an urgency word gives none', () => {
    const [a, b] = findObligations('请各省级人民政府于2019年4月底前报送实施方案。各地要及时报告进展。');
    expect(a.deadline).toEqual({ text: '于2019年4月底前', type: 'date', iso: '2019-04-30' });
    expect(b.deadline).toBeNull();
  });
});
