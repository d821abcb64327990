import { describe, expect, it } from 'vitest';
import { findDocNumber } from '../../lib/metadata';
import { normaliseText } from '../../lib/text/normalise';

describe('findDocNumber: standard 代字〔年份〕序号号', () => {
  it.each([
    ['国发〔2019〕5号', '国发〔2019〕5号'],
    ['国办发明电〔2018〕15号', '国办发明电〔2018〕15号'],
    ['财办会〔2026〕32号', '财办会〔2026〕32号'],
    ['法释〔2024〕7号', '法释〔2024〕7号'],
    ['紫发〔2017〕1号', '紫发〔2017〕1号'],
    ['国发[2019]5号', '国发[2019]5号'],
    ['国发［2019］5号', '国发［2019］5号'],
    ['国发(2019)5号', '国发(2019)5号'],
    ['国发（2019）5号', '国发（2019）5号'],
    ['国发【2019】5号', '国发【2019】5号'],
    ['国发﹝2019﹞5号', '国发﹝2019﹞5号'],
    ['科工法字[2000] 851号', '科工法字[2000]851号'], // whitespace removed
    ['国家税务总局公告 [2026]第168号', '国家税务总局公告[2026]第168号'],
    ['[1990]法经函字第11号', '[1990]法经函字第11号'], // year first
  ])('%s', (input, text) => {
    expect(findDocNumber(input)).toEqual({ text, start: 0, end: input.length });
  });

  it('spans the number only, not the parentheses around it', () => {
    const line = '（银保监党办发〔2020〕3号）';
    expect(findDocNumber(line)).toEqual({ text: '银保监党办发〔2020〕3号', start: 1, end: line.length - 1 });
  });

  it('drops lead words of running text from the 代字', () => {
    const s = '根据国发〔2019〕5号文件精神';
    expect(findDocNumber(s)).toEqual({ text: '国发〔2019〕5号', start: 2, end: 12 });
  });

  it('returns the first of several numbers', () => {
    expect(findDocNumber('国发〔2019〕5号，国办发〔2019〕6号')?.text).toBe('国发〔2019〕5号');
    expect(findDocNumber('详见国办发〔2018〕1号和财政部令第7号')?.text).toBe('国办发〔2018〕1号');
  });
});

describe('findDocNumber: 令, 公告 and 通告 numbers', () => {
  it.each([
    ['国令第706号', '国令第706号'],
    ['主席令第63号', '主席令第63号'],
    ['国家质量监督检验检疫总局令（第156号）', '国家质量监督检验检疫总局令第156号'],
    ['国家质量监督检验检疫总局令(第156号)', '国家质量监督检验检疫总局令第156号'],
    ['国家质量监督检验检疫总局令第156号', '国家质量监督检验检疫总局令第156号'],
    ['商务部令2007年第15号', '商务部令2007年第15号'],
    ['财政部公告2009年第123号', '财政部公告2009年第123号'],
    ['财政部公告（2009年第123号）', '财政部公告2009年第123号'],
    ['北京市新型冠状病毒肺炎疫情防控工作领导小组通告（第1号）', '北京市新型冠状病毒肺炎疫情防控工作领导小组通告第1号'],
  ])('%s', (input, text) => {
    expect(findDocNumber(input)).toEqual({ text, start: 0, end: input.length });
  });

  it('joins the print layout: …令 on one line, 第　156　号 on the next', () => {
    const raw = '国家质量监督检验检疫总局令\n第　156　号';
    expect(findDocNumber(raw)).toEqual({ text: '国家质量监督检验检疫总局令第156号', start: 0, end: raw.length });
    const norm = normaliseText(
      '国家质量监督检验检疫总局令\n第　156　号\n　　《中华人民共和国工业产品生产许可证管理条例实施办法》已经…',
    ).text;
    expect(findDocNumber(norm)?.text).toBe('国家质量监督检验检疫总局令第156号');
  });

  it('does not take the closing parenthesis of an outer pair', () => {
    const line = '（财政部公告2009年第123号）';
    expect(findDocNumber(line)).toEqual({ text: '财政部公告2009年第123号', start: 1, end: line.length - 1 });
  });

  it('joins a 公告 header and its number line', () => {
    expect(findDocNumber('财政部公告\n（2009年第123号）\n根据国家国债发行的有关规定')?.text).toBe(
      '财政部公告2009年第123号',
    );
  });
});

describe('findDocNumber: look-alikes that are not 文号', () => {
  it.each([
    '（2020年）', // pkulaw TXT: a year alone
    '(2020)京01民终123号', // court 案号
    '（2016）粤0304民初1234号',
    '(2019)最高法民申1234号',
    '(2020)京民终123号',
    '（1998）刑字第12号',
    '2014年第20号', // 国务院公报 issue number
    '国务院公报2014年第20号',
    '公告第3号', // names no issuer
    '〔2019〕5号', // no 代字
    '国发〔1850〕5号', // not a plausible year
    '第156号',
    '现将有关事项公告如下：',
    '特此公告。',
    '1月27日,习近平总书记就各级党组织和广大党员干部要在打赢疫情防控阻击战中发挥积极作用作出重要指示',
    '',
  ])('%s → null', (input) => {
    expect(findDocNumber(input)).toBeNull();
  });
});
