import { describe, expect, it } from 'vitest';
import { findDeadline, findDeadlines, readNumber } from '../../lib/obligations/find-deadline';
import { findObligations } from '../../lib/obligations/index';

describe('findDeadline: absolute dates', () => {
  it.each([
    ['请于2019年4月底前报送工作方案。', '2019年4月底前', '2019-04-30'],
    ['于2026年10月20日前完成整改。', '2026年10月20日前', '2026-10-20'],
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
    expect(findDeadline('请于6月30日前报送。')).toEqual({ text: '6月30日前', type: 'date', iso: null });
    expect(findDeadline('年底前完成。')).toEqual({ text: '年底前', type: 'date', iso: null });
    expect(findDeadline('应当在本年度内支付未休年休假工资报酬。')).toEqual({
      text: '本年度内',
      type: 'date',
      iso: null,
    });
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
    ['应当于会议召开3日前通知全体成员。', '3日前'],
    ['526日前，各党支部将参赛人员名单报送至分工会。', '526日前'],
    ['举报人应当在收到领取奖励通知之日起30个工作日内领取奖励。', '收到领取奖励通知之日起30个工作日内'],
    ['2012年起5年内，大力实施六大人才行动计划。', '2012年起5年内'],
    ['经营性人力资源服务机构应当在规定期限内提交经营情况年度报告。', '规定期限内'],
    ['努力使他们都能在毕业半年内实现就业。', '半年内'],
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
  it('限期 without a term is urgency, not a deadline; its term is one', () => {
    expect(findDeadline('由主管部门责令限期改正。')).toBeNull();
    expect(findDeadline('责令限期30日内改正。')?.text).toBe('30日内');
  });
  it('time words, transitional references, conditions and attributes', () => {
    expect(findDeadline('目前，正值高校毕业生就业创业关键期。')).toBeNull();
    expect(findDeadline('在此之前，各地已开展试点。')).toBeNull();
    expect(findDeadline('本规定施行前，已经开立的账户，按照有关规定执行。')).toBeNull();
    expect(findDeadline('（七）举报前，相关违法违规行为已进入诉讼程序的；')).toBeNull();
    expect(findDeadline('在坚持原则的前提下，可以变通办理。')).toBeNull();
    expect(findDeadline('应当在其网站上及时公布有关信息。')).toBeNull();
    expect(findDeadline('在加强监管的同时，要优化服务。')).toBeNull();
    expect(findDeadline('职工在年休假期间享受与正常工作期间相同的工资收入。')).toBeNull();
    expect(findDeadline('应当不高于价格比较前七日内的最低成交价格。')).toBeNull();
  });
  it('dates of past acts and attributes', () => {
    expect(findDeadline('要认真贯彻2019年3月印发的实施意见。')).toBeNull();
    expect(findDeadline('对2019年1月1日以后发生的案件，依照本办法处理。')).toBeNull();
    expect(findDeadline('截至2020年6月底，全市共完成改造120个。')).toBeNull();
    expect(findDeadline('有效期自2020年1月1日至2022年12月31日。')).toBeNull();
  });
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

describe('findDeadline: bounds without 前, spans and malformed dates', () => {
  it.each([
    ['2022年6月底，全面完成改造任务。', '2022年6月底', '2022-06-30'],
    ['2022年6月完成验收。', '2022年6月', '2022-06-30'],
    ['到2025年，基本建成现代化体系。', '到2025年', '2025-12-31'],
    ['力争2025年底前全面完成。', '2025年底前', '2025-12-31'],
    ['2018年12月29日（星期六）上班。', '2018年12月29日（星期六）', '2018-12-29'],
    ['5月10前报送工作总结。', '5月10前', null],
    ['6月底前前完成整改。', '6月底前前', null],
    ['2021年9月—2022年3月，开展集中整治。', '2021年9月—2022年3月', '2022-03-31'],
    ['2021年7—9月，组织全面自查。', '2021年7—9月', '2021-09-30'],
    ['第一阶段（3月—5月）：动员部署。', '3月—5月', null],
    ['7—9月开展督导检查。', '7—9月', null],
    ['3月1日至5月31日开展专项行动。', '3月1日至5月31日', null],
  ])('%s', (text, expected, iso) => {
    expect(findDeadline(text)).toEqual({ text: expected, type: 'date', iso });
  });

  it('a list of dated days', () => {
    expect(findDeadline('1月5日（星期六）、1月6日（星期日）上班。')?.text).toBe('1月5日（星期六）、1月6日（星期日）');
  });
});

describe('findDeadline: timetable bounds, clock times and printed variants', () => {
  it.each([
    ['请于5月20日下班前报送。', '5月20日下班前'],
    ['请于5月20日中午12点前报送。', '5月20日中午12点前'],
    ['请各单位于9月15日（星期五）下午下班前报送。', '9月15日（星期五）下午下班前'],
    ['请于2023.5.31前报送。', '2023.5.31前'],
    ['即日起—5月31日，开展自查。', '即日起—5月31日'],
    ['报名截止时间为5月31日。', '5月31日'],
    ['5月中下旬，组织开展评估。', '5月中下旬'],
    ['2024年上半年完成试点。', '2024年上半年'],
    ['于2023年第三季度完成。', '2023年第三季度'],
    ['6月份完成验收。', '6月份'],
    ['在2024年春节前完成发放。', '2024年春节前'],
    ['力争用3年时间完成改造。', '用3年时间'],
    ['每季度末报送工作进展。', '每季度末'],
    ['请于每周五下班前报送。', '每周五下班前'],
    ['年底完成全部验收。', '年底'],
    ['每年3月底报送上年度报告。', '每年3月底'],
    ['于每年3月31日报送。', '每年3月31日'],
    ['每年一季度报送。', '每年一季度'],
    ['本周内完成。', '本周内'],
  ])('%s', (text, expected) => {
    expect(findDeadlines(text).map((d) => d.text)).toContain(expected);
  });
  it('the ISO date of a dotted date and the end of a span from now', () => {
    expect(findDeadline('请于2023.5.31前报送。')?.iso).toBe('2023-05-31');
    expect(findDeadline('即日起至2023年12月底，开展专项行动。')?.iso).toBe('2023-12-31');
  });
  it('a part of the year or a holiday that only describes is no deadline', () => {
    for (const text of [
      '今年上半年，全市生产总值增长5%。',
      '6月份以来，各地积极行动。',
      '春节前后是火灾高发期。',
      '2022年第三季度的统计数据显示。',
      '三季度以来，各地加大投入。',
      '截至2023年底，已建成100个。',
    ])
      expect(findDeadlines(text), text).toEqual([]);
  });
});

describe('findDeadline: events', () => {
  it.each([
    ['建设单位应当在项目开工前办理施工许可。', '项目开工前'],
    ['要在毕业生离校前出台相关政策。', '毕业生离校前'],
    ['确保放暑假前完成预定兵工作。', '放暑假前'],
    ['还应当在结算前向消费者出具结算清单。', '结算前'],
    ['应当在与用户签订协议或者确认提供服务时，要求用户提供真实身份信息。', '与用户签订协议或者确认提供服务时'],
    ['捕捉作业完成后，应当及时申请查验。', '捕捉作业完成后'],
    ['节假日期间，各地区要妥善安排好值班工作。', '节假日期间'],
    ['应当提前30日书面通知劳动者本人。', '提前30日'],
  ])('%s', (text, expected) => {
    expect(findDeadline(text)).toEqual({ text: expected, type: 'relative', iso: null });
  });
});

describe('findDeadlines: every deadline of a clause', () => {
  it('lists them in order', () => {
    expect(
      findDeadlines('第一阶段（3月—5月），各地要于5月10日前报送方案，并在收到批复之日起10个工作日内启动实施。').map(
        (d) => d.text,
      ),
    ).toEqual(['3月—5月', '5月10日前', '收到批复之日起10个工作日内']);
  });
  it('keeps the longer of two overlapping readings', () => {
    expect(findDeadlines('应当自受理申请之日起5日内作出决定。').map((d) => d.text)).toEqual(['自受理申请之日起5日内']);
  });
  it('gives none for a clause without any', () => {
    expect(findDeadlines('各地要及时报告进展。')).toEqual([]);
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
    expect(a.deadline).toEqual({ text: '2019年4月底前', type: 'date', iso: '2019-04-30' });
    expect(b.deadline).toBeNull();
    expect(a.deadlines).toEqual([a.deadline]);
    expect(b.deadlines).toEqual([]);
  });
  it('a clause lists every deadline it states, its deadline the first', () => {
    const [c] = findObligations('各地要于2021年6月底前完成自查，2021年7—9月开展抽查。');
    expect(c.deadlines?.map((d) => d.text)).toEqual(['2021年6月底前', '2021年7—9月']);
    expect(c.deadline).toEqual(c.deadlines?.[0]);
  });
});

describe('findDeadlines: a bare year that opens a task', () => {
  it.each([
    ['2019年再新增18辆湿垃圾收运车。', '2019年'],
    ['2027年，制定出台全市公园体检评估办法。', '2027年'],
    ['在6座市属公园先行启动试点工作，2028年逐步扩大至全市范围。', '2028年'],
    ['建立分拣场的运营机制，2019年投产运行。', '2019年'],
  ])('%s → %s', (text, expected) => {
    expect(findDeadlines(text).map((d) => d.text)).toContain(expected);
  });
  it('a year that starts a period, reports a past fact or a figure is no deadline', () => {
    for (const text of [
      '2016年本市建筑垃圾落实属地处理以来，问题不断凸显。',
      '2019年已完成改造。',
      '2018年，全市生产总值同比增长6%。',
      '2019年度考核结果。',
      '自2016年起，一律不得处置。',
    ])
      expect(findDeadlines(text), text).toEqual([]);
  });
});

describe('findDeadlines: a day named relative to the notice', () => {
  it.each([
    ['参会者携黑色签字笔于当天下午2:15前签到入场完毕。', '当天下午2:15前'],
    ['请于当日报送区委组织部。', '当日'],
    ['请各单位于次日12时前报送。', '次日12时前'],
    ['材料须于当天17：00前提交。', '当天17：00前'],
  ])('%s → %s', (text, expected) => {
    expect(findDeadlines(text).map((d) => d.text)).toContain(expected);
  });
  it('a day that starts a period or modifies a noun is no deadline', () => {
    for (const text of ['在当天的会议上作了说明。', '今天是报名的第一天。', '本办法自今日起施行。', '于当日内完成。'])
      expect(findDeadlines(text), text).toEqual([]);
  });
});

describe('findObligations: a time label keeps its bound', () => {
  it('完成时限：date stays one clause with its deadline', () => {
    const cs = findObligations('一、各党支部要认真组织学习。\n3、完成时限：2019年4月20日前。');
    const c = cs.find((x) => x.text.includes('完成时限'));
    expect(c?.text).toContain('2019年4月20日前');
    expect(c?.deadlines?.map((d) => d.text)).toContain('2019年4月20日前');
  });
});

describe('deadlines of 分工 notes and targets', () => {
  it.each([
    ['（国务院各部门分别负责，年内持续推进）', '年内'],
    ['及时更新工作台账，力争实现2018年“应换尽换”目标。', '2018年'],
  ])('%s → %s', (text, expected) => {
    expect(findDeadlines(text).map((d) => d.text)).toContain(expected);
  });
  it('the years of an amount are no 年内 bound', () => {
    expect(findDeadlines('5年内持续推进人才引进。').map((d) => d.text)).toEqual(['5年内']);
  });
});

describe('deadlines of plan periods, events and 分工 notes', () => {
  it.each([
    ['到“十四五”末，基本建成一体化平台。', '到“十四五”末'],
    ['材料于会前一周报送。', '会前一周'],
  ])('%s → %s', (text, expected) => {
    expect(findDeadlines(text).map((d) => d.text)).toContain(expected);
  });
  it('a responsibility note keeps its own time limit', () => {
    const cs = findObligations(
      '深化改革工作方案\n一、主要任务\n1.全面实施行政许可事项清单管理。\n（市政府办公室牵头，各县区政府按职责分工负责，2022年10月底前完成）',
    );
    const note = cs.find((c) => c.text.includes('牵头'));
    expect([note?.bearer?.text, note?.deadlines?.map((d) => d.text)]).toEqual(['市政府办公室', ['2022年10月底前']]);
  });
  it('a task cut at its bracket label takes the lead named after the colon', () => {
    const cs = findObligations(
      '深化改革工作方案\n一、主要任务\n2.推进审批服务便民化，提升办事效率（牵头单位：市行政审批局；完成时限：2022年12月底）。',
    );
    expect(cs[0]?.bearer?.text).toBe('市行政审批局');
    expect(cs.flatMap((c) => c.deadlines?.map((d) => d.text) ?? [])).toContain('2022年12月底');
  });
});
