/**
 * Duties of plans, 分工 documents and notices written without a modal word, one row per form: the unit as such a
 * document prints it, under a heading of its tasks, and the category and bearer an analyst would list
 * (docs/labelling.md: responsibility notes, 由X牵头, X负责, imperative items, timetable rows).
 */
import { describe, expect, it } from 'vitest';
import { findObligations } from '../../lib/obligations/index';

const TITLE = '关于印发《2023年基层党建重点任务分工方案》的通知';

/** The clauses that overlap `unit` when it stands as an item under a plan's task heading. */
function readItem(unit: string, heading = '二、重点任务') {
  const text = `${TITLE}\n各党（工）委：\n现将有关事项通知如下。\n${heading}\n${unit}\n联系人：张三，电话：12345678。\n`;
  const start = text.indexOf(unit);
  const end = start + unit.length;
  return findObligations(text, { addressees: [] }).filter((c) => c.start < end && start < c.end);
}

describe('duties without a modal word are obligations, with the bearer the unit names', () => {
  it.each([
    ['（一）各党组织对照年度任务清单开展自查，形成自查报告。', '各党组织'],
    ['（二）召开述职评议会议，逐一听取述职。', null],
    ['（三）由机关党委牵头，各支部配合，做好考核结果运用。', '机关党委'],
    ['（四）各党支部书记负责本支部考核材料的审核把关。', '各党支部书记'],
    ['（五）建立健全考核结果反馈机制，推动问题整改落实。', null],
    ['（六）各街道党工委于每月5日前报送工作台账。', '各街道党工委'],
    ['（七）市委组织部会同市财政局制定补助标准。', '市委组织部'],
    ['（八）各支部每季度报送一次工作进展，年底形成总结。', '各支部'],
    ['（九）梳理排查软弱涣散党组织，建立整顿台账。', null],
    ['（十）加快推进老旧小区改造（市住建局牵头，各区政府负责）。', '市住建局'],
    ['（十一）完善基层治理体系。（牵头单位：市委政法委）', '市委政法委'],
    ['（十二）各地各部门结合实际制定具体实施办法。', '各地各部门'],
    ['（十三）报送进展。各街道于每季度末向区领导小组报送工作进展情况。', '各街道'],
    ['（十四）开展宣传。各街道每年至少组织一次集中宣传活动。', '各街道'],
    ['（十五）信息报送。各单位确定一名联络员，于3月10日前将名单报区城管局。', '各单位'],
  ])('%s → obligation, bearer %s', (unit, bearer) => {
    const found = readItem(unit);
    expect(found.length, unit).toBeGreaterThan(0);
    expect(found[0].categories[0]).toBe('obligation');
    if (bearer) expect(found.map((c) => c.bearer?.source === 'explicit' && c.bearer.text)).toContain(bearer);
  });
});

describe('a dated target of a plan', () => {
  it('到2025年，全区生活垃圾回收利用率达到35%以上 commits the plan by its year', () => {
    const found = readItem('到2025年，全区生活垃圾回收利用率达到35%以上。', '一、工作目标');
    expect(found[0]?.categories).toEqual(['obligation']);
    expect(found[0]?.deadline?.text).toBe('到2025年');
  });
});

describe('rows of a responsibility table name the one who acts', () => {
  it.each([
    ['牵头单位：市住建局；责任单位：各区政府。', ['市住建局', '各区政府']],
    ['牵头部门：区发展改革委', ['区发展改革委']],
  ])('%s', (unit, bearers) => {
    const found = readItem(unit, '二、任务分工');
    expect(found.map((c) => c.categories[0])).toEqual(bearers.map(() => 'obligation'));
    expect(found.map((c) => c.bearer?.text)).toEqual(bearers);
  });
});

describe('a 分工 table: the task above its rows', () => {
  const table = [
    '关于印发《2023年重点工作任务分解和责任分工方案》的通知',
    '一、经济社会发展的主要预期目标',
    '1.努力实现地区生产总值增长6.2%左右。',
    '牵头单位：区发改局',
    '责任单位：立山经济开发区，各街道、区直各部门',
    '2.规模上工业增加值增长5%左右。',
    '牵头单位：区工信局',
  ].join('\n');
  const found = findObligations(table, { addressees: [] });
  const at = (unit: string) => found.find((c) => c.text.includes(unit));
  it('the task line is a duty, its lead unit carries it (inherited)', () => {
    expect(at('增长6.2%左右')?.categories).toEqual(['obligation']);
    expect(at('增长6.2%左右')?.bearer).toEqual({ text: '区发改局', source: 'inherited' });
    expect(at('增长5%左右')?.bearer?.text).toBe('区工信局');
  });
  it('a row names all the units after its colon, whatever their names', () => {
    expect(at('责任单位')?.bearer?.text).toBe('立山经济开发区，各街道、区直各部门');
  });
});

describe('timetable lines and their deadlines', () => {
  it.each([
    ['完成时限：2023年12月底前。', '2023年12月底前'],
    ['时间节点：2023年6月底前完成。', '2023年6月底前'],
    ['节后第一个工作日报送假期值班情况，逾期视为未报。', '节后第一个工作日'],
    ['项目开工前应当完成环境影响评价。', '项目开工前'],
    ['报名时间：即日起至5月31日。', '即日起至5月31日'],
    ['材料报送截止时间为2024年1月31日。', '2024年1月31日'],
    ['12月上旬，召开全市推进会，总结全年工作。', '12月上旬'],
    ['民主生活会原则上于2024年1月20日前召开完毕。', '2024年1月20日前'],
  ])('%s → %s', (unit, deadline) => {
    const found = readItem(unit, '三、时间安排');
    expect(found.length, unit).toBeGreaterThan(0);
    expect(found.flatMap((c) => (c.deadlines ?? []).map((d) => d.text))).toContain(deadline);
    expect(found.every((c) => c.bearer?.text !== '项目开工前')).toBe(true);
  });
});

describe('what names no one who acts', () => {
  it('a hedge after the subject is no part of its name, a contact line is no bearer', () => {
    expect(readItem('民主生活会原则上于2024年1月20日前召开完毕。', '三、时间安排')[0]?.bearer?.text).toBe('民主生活会');
    const contact = readItem('（六）报送方式：通过OA系统报送，联系人：李四。', '三、有关要求');
    expect(contact.every((c) => c.bearer?.text !== '联系人')).toBe(true);
  });
});

describe('background, achievements and news stay unmarked', () => {
  it.each([
    ['去年以来，各支部积极开展工作，取得了明显成效。', '一、工作背景'],
    ['2022年，全市共排查软弱涣散党组织120个，已全部完成整顿。', '一、工作背景'],
    ['当前，基层党建工作仍存在一些薄弱环节。', '一、工作背景'],
    ['近日，市委组织部召开了基层党建工作推进会。', '一、工作背景'],
    ['各区成立了工作专班，梳理了问题清单。', '一、工作背景'],
  ])('%s', (unit, heading) => {
    expect(readItem(unit, heading)).toEqual([]);
  });
});
