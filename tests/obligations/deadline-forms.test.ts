import { describe, expect, it } from 'vitest';
import { findDeadlines } from '../../lib/obligations/find-deadline';

/**
 * The deadline forms of 公文 that docs/labelling.md counts, one row per form: the clause as a notice prints it and
 * the deadline the clause must report (the engine may report a longer reading that holds it).
 */
const texts = (clause: string) => findDeadlines(clause).map((d) => d.text);

describe('absolute dates and their bounds', () => {
  it.each([
    ['请各单位于2022年3月15日以前报送。', '2022年3月15日以前'],
    ['各地于6月30日之前完成自查。', '6月30日之前'],
    ['请于11月底前报送总结。', '11月底前'],
    ['报名时间截止到5月31日。', '5月31日'],
    ['申报截止5月20日。', '截止5月20日'],
    ['征集时间截至2022年6月30日止。', '2022年6月30日'],
    ['即日起至6月30日止，各单位开展自查。', '6月30日'],
    ['各单位于6月30日止完成清理。', '6月30日止'],
    ['整改工作于2022年9月底为止全部完成。', '2022年9月底'],
    ['各校在8月20日前后完成报名。', '8月20日前'],
    ['请于9月10日（周五）前报送。', '9月10日（周五）前'],
    ['请于10月18日下午5点前报送电子版。', '10月18日下午5点前'],
    ['今年6月底前完成排查。', '6月底前'],
    ['次年1月底前报送上年度执行情况。', '1月底前'],
  ])('%s → %s', (clause, deadline) => {
    expect(texts(clause).some((t) => t.includes(deadline))).toBe(true);
  });
});

describe('parts of a month, a quarter or a year', () => {
  it.each([
    ['10月上旬完成验收。', '10月上旬'],
    ['于11月中旬召开推进会。', '11月中旬'],
    ['9月下旬前报送。', '9月下旬前'],
    ['月底前报送本月进展。', '月底前'],
    ['2022年年底前全面完成。', '2022年年底前'],
    ['年底前完成改造。', '年底前'],
    ['2022年末完成验收。', '2022年末'],
    ['年末，全面完成目标任务。', '年末'],
    ['季度末报送进展情况。', '季度末'],
    ['第三季度末前完成试点。', '第三季度末前'],
    ['2023年第一季度完成招标。', '2023年第一季度'],
    ['第一季度完成试点。', '第一季度'],
    ['上半年完成摸底。', '上半年'],
    ['明年上半年完成建设。', '明年上半年'],
    ['年内完成改造。', '年内'],
    ['当年完成验收。', '当年'],
    ['下月初报送汇总表。', '下月初'],
  ])('%s → %s', (clause, deadline) => {
    expect(texts(clause).some((t) => t.includes(deadline))).toBe(true);
  });
});

describe('spans', () => {
  it.each([
    ['2021年9月—2022年3月，开展集中整治。', '2021年9月—2022年3月'],
    ['7—9月开展督导。', '7—9月'],
    ['9月1日至10月31日开展专项行动。', '9月1日至10月31日'],
    ['即日起至10月31日开展专项行动。', '即日起至10月31日'],
    ['6月1日起至6月30日开展自查。', '6月1日起至6月30日'],
    ['9月中旬至10月底开展自查。', '9月中旬至10月底'],
    ['十月至十二月开展回头看。', '十月至十二月'],
    ['第一阶段（2022年5月—6月）：动员部署。', '2022年5月—6月'],
    ['（三）总结提升阶段（10月）', '10月'],
  ])('%s → %s', (clause, deadline) => {
    expect(texts(clause).some((t) => t.includes(deadline))).toBe(true);
  });
});

describe('relative and recurring bounds', () => {
  it.each([
    ['应当在5个工作日内办结。', '5个工作日内'],
    ['收到本通知之日起10日内报送。', '收到本通知之日起10日内'],
    ['各单位接到通知后24小时内报告。', '接到通知后24小时内'],
    ['次月5日前报送上月数据。', '次月5日前'],
    ['每月10日前报送上月情况。', '每月10日前'],
    ['每季度第一个月10日前报送上季度情况。', '每季度第一个月10日前'],
    ['每季度首月10日前报送。', '每季度首月10日前'],
    ['每年1月底前报送上年度总结。', '每年1月底前'],
    ['每月最后一个工作日前报送。', '每月最后一个工作日前'],
    ['各单位于会后3日内报送会议情况。', '会后3日内'],
    ['应当在任期届满前30日提出申请。', '届满前30日'],
    ['活动结束后10日内报送总结。', '活动结束后10日内'],
  ])('%s → %s', (clause, deadline) => {
    expect(texts(clause).some((t) => t.includes(deadline))).toBe(true);
  });
});

describe('Chinese numerals and malformed dates', () => {
  it.each([
    ['十二月底前完成。', '十二月底前'],
    ['二〇二二年十二月底前完成清理。', '二〇二二年十二月底前'],
    ['请于二〇二二年五月三十一日前报送。', '二〇二二年五月三十一日前'],
    ['5月10前报送工作总结。', '5月10前'],
    ['6月底以前完成整改。', '6月底以前'],
  ])('%s → %s', (clause, deadline) => {
    expect(texts(clause).some((t) => t.includes(deadline))).toBe(true);
  });
  it('reads the ISO date of a date in Chinese numerals', () => {
    expect(findDeadlines('二〇二二年十二月底前完成清理。')[0]?.iso).toBe('2022-12-31');
  });
});

describe('several deadlines in one clause', () => {
  it('reports each, in order', () => {
    expect(texts('4月30日前完成自查，5月31日前完成整改，6月底前完成验收。')).toEqual([
      '4月30日前',
      '5月31日前',
      '6月底前',
    ]);
    expect(texts('每半年报送一次，分别于6月25日和12月25日前报送。')).toEqual(['6月25日', '12月25日前']);
  });
});

describe('bounds of plans, holiday notices and procedures', () => {
  it.each([
    ['各区要在2018年内完成改造。', '2018年内'],
    ['确保2020年全面完成。', '2020年'],
    ['三、劳动节：5月1日放假，与周末连休。', '5月1日'],
    ['会议时间：4月26日下午2:30', '4月26日'],
    ['急件当天办结。', '当天'],
    ['办理时限一般不超过5个工作日。', '5个工作日'],
    ['单位和个人应当在疫情防控期间做好防护。', '疫情防控期间'],
    ['事发后应当在24小时之内报告。', '24小时之内'],
    ['请于10月31日（含）前报送。', '10月31日（含）前'],
  ])('%s → %s', (clause, deadline) => {
    expect(texts(clause)).toContain(deadline);
  });
  it('a validity period, a word holding 年内 and a past date are none', () => {
    for (const clause of ['有效期不超过5年。', '2018年内容丰富。', '5月1日印发的通知已转发。'])
      expect(findDeadlines(clause), clause).toEqual([]);
  });
});

describe('the bound is reported without a leading 于/在', () => {
  it.each([
    ['请于2019年4月底前报送。', '2019年4月底前'],
    ['务必在9月1日开学前完成。', '9月1日开学前'],
    ['应当在开工前十五日报告。', '开工前十五日'],
    ['最迟于6月30日前报送。', '6月30日前'],
  ])('%s → %s', (clause, deadline) => {
    expect(texts(clause)[0]).toBe(deadline);
  });
});

describe('what is no deadline', () => {
  it.each([
    '发现问题要及时报告。',
    '请尽快报送。',
    '各地要抓紧完成部署。',
    '发现隐患立即整改。',
    '截至2020年6月底，全市共完成改造120个。',
    '截至5月31日，已受理申请300件。',
    '有效期自2020年1月1日至2022年12月31日止。',
    '年初以来，各地积极推进。',
    '10月，市政府召开了专题会议。',
    '今年上半年，全市生产总值增长5%。',
    '本办法自2022年5月1日起施行。',
  ])('%s', (clause) => {
    expect(findDeadlines(clause)).toEqual([]);
  });
});
