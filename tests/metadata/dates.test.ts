import { describe, expect, it } from 'vitest';
import { parseChineseDate, readMetadata } from '../../lib/metadata';

describe('parseChineseDate', () => {
  it.each([
    ['2019年1月27日', '2019-01-27'], // GB/T 9704 成文日期
    ['2019年01月27日', '2019-01-27'], // gov.cn tables pad
    [' 2019 年 1 月 27 日 ', '2019-01-27'],
    ['２０１９年１月２７日', '2019-01-27'], // full-width digits
    ['二○一一年十一月四日', '2011-11-04'], // ○ U+25CB
    ['二〇二〇年一月二十九日', '2020-01-29'], // 〇 U+3007
    ['二OO九年十二月二日', '2009-12-02'], // Latin O for zero
    ['二零一九年十月三十一日', '2019-10-31'],
    ['二〇一四年四月二十一日', '2014-04-21'],
    ['二〇二〇年二月廿九日', '2020-02-29'],
    ['2009.12.02', '2009-12-02'], // pkulaw
    ['2025.12.27', '2025-12-27'],
    ['2026-09-28-21:50:00', '2026-09-28'], // gov.cn firstpublishedtime
    ['2026-09-22 14:39:00', '2026-09-22'],
    ['2018-03-11 00:00:00', '2018-03-11'], // flk API
    ['2024-05-20 09:30', '2024-05-20'],
    ['2019/1/27', '2019-01-27'],
    ['20190127', '2019-01-27'],
    ['21001231', '2100-12-31'], // the last year read in every form, run-together too
    ['2100年12月31日', '2100-12-31'],
    ['2100.12.31', '2100-12-31'],
    ['1548518400000', '2019-01-27'], // epoch ms = 2019-01-27 00:00 China time
    ['2020年2月29日', '2020-02-29'], // leap year
    ['2000年2月29日', '2000-02-29'],
  ])('%s → %s', (input, iso) => {
    expect(parseChineseDate(input)).toBe(iso);
  });

  it.each([
    '2019年2月30日',
    '2019年2月29日', // not a leap year
    '1900年2月29日',
    '2019年13月1日',
    '2019年0月10日',
    '2019年4月31日',
    '二〇二〇年一月三十二日',
    '2019-02-30',
    '2019-1/27', // mixed separators
    '2019.1',
    '2019年1月',
    '1月27日',
    '1850年1月1日',
    '（2020年）',
    '发布日期：2019年1月27日', // a date inside a sentence is not "a date"
    '2019年1月27日印发',
    '2014年第20号',
    '20191327',
    '21010101', // after 2100, in every form
    '2101年1月1日',
    '18991231',
    '',
    '   ',
  ])('%s → null', (input) => {
    expect(parseChineseDate(input)).toBeNull();
  });
});

describe('the closing date with a weekday or a seal line', () => {
  const head = '关于做好某某工作的通知\n各有关单位：\n请做好工作。\n';
  it('reads a date printed with its weekday', () => {
    expect(readMetadata({ text: `${head}某某县应急管理局\n2023年1月10日（星期二）` }).signedDate).toBe('2023-01-10');
  });
  it('reads the 署名 above a seal line', () => {
    const m = readMetadata({ text: `${head}某某县应急管理局\n（盖章）\n2023年1月10日` });
    expect(m.issuers).toEqual(['某某县应急管理局']);
    expect(m.signedDate).toBe('2023-01-10');
  });
});
