import { describe, expect, it } from 'vitest';
import { readOutline } from '../../lib/metadata';
import { fixtureBody, seedText } from './fixture-text';

const brief = (text: string) => readOutline(text).map((i) => [i.level, i.label, i.title]);

describe('readOutline: levels by order of first appearance', () => {
  it('reads 一、→（一）→1.→（1）→⑴ as 1-5 and returns to level 1', () => {
    const text = [
      '一、总体要求',
      '（一）指导思想。坚持以人民为中心。',
      '1.完善制度。建立健全工作机制。',
      '（1）建立台账；明确责任。',
      '⑴逐项核对',
      '二、主要任务',
      '（二）重点工作：抓好落实。',
    ].join('\n');
    expect(brief(text)).toEqual([
      [1, '一、', '总体要求'],
      [2, '（一）', '指导思想'],
      [3, '1.', '完善制度'],
      [4, '（1）', '建立台账'],
      [5, '⑴', '逐项核对'],
      [1, '二、', '主要任务'],
      [2, '（二）', '重点工作'],
    ]);
  });

  it('reads labels written with full-width digits as their ASCII kinds', () => {
    expect(brief('一、总体要求\n（１２）加强领导。\n５６．做好工作。\n（3）落实责任。\n7.按时报送。')).toEqual([
      [1, '一、', '总体要求'],
      [2, '（１２）', '加强领导'],
      [3, '５６．', '做好工作'],
      [2, '（3）', '落实责任'],
      [3, '7.', '按时报送'],
    ]);
    expect(brief('２０２０年１月１日起施行。\n１．５亿元用于补助。')).toEqual([]);
  });

  it('treats 1. 1． 1、 as one kind', () => {
    expect(brief('1.加强领导。\n2．压实责任。\n3、强化督查。')).toEqual([
      [1, '1.', '加强领导'],
      [1, '2．', '压实责任'],
      [1, '3、', '强化督查'],
    ]);
  });

  it('reads chapters, articles and items of a law; articles take their first sentence, capped', () => {
    const text = [
      '第一章 总则',
      '第一条 为了规范某某活动，保护当事人的合法权益，制定本法。',
      '第二条　本法适用于中华人民共和国境内从事某某活动的单位和个人以及与之相关的其他各类组织和人员。',
      '（一）有固定场所；',
      '第二章附则',
      '第三条 本法自公布之日起施行。',
    ].join('\n');
    const items = readOutline(text);
    expect(items.map((i) => [i.level, i.label, i.title])).toEqual([
      [1, '第一章', '总则'],
      [2, '第一条', '为了规范某某活动，保护当事人的合法权益，制定本法'],
      [2, '第二条', '本法适用于中华人民共和国境内从事某某活动的单位和个人以及与之相关的其他各类组织和'],
      [3, '（一）', '有固定场所'],
      [1, '第二章', '附则'],
      [2, '第三条', '本法自公布之日起施行'],
    ]);
    expect(items[2].title.length).toBe(40);
    for (const item of items) expect(text.slice(item.start, item.start + item.label.length)).toBe(item.label);
  });

  it('reads 第X编 and 第X节 above chapters and articles', () => {
    expect(brief('第一编 总则\n第一章 基本规定\n第一节 一般规定\n第一条 为了……，制定本法。')).toEqual([
      [1, '第一编', '总则'],
      [2, '第一章', '基本规定'],
      [3, '第一节', '一般规定'],
      [4, '第一条', '为了……，制定本法'],
    ]);
  });
});

describe('readOutline: what is not a heading', () => {
  it.each([
    '2020年1月27日，习近平总书记作出重要指示。',
    '1月27日,习近平总书记就各级党组织作出重要指示。',
    '1.5亿元已经拨付到位。',
    '12.9%的企业完成了改造。',
    '2009.12.02',
    '第十条规定的情形除外。',
    '第一条至第三条的规定同样适用。',
    '依照本法第三十条规定处理。',
    '各地要统筹做好一、二类区域的防控工作。',
    '第一章规定的程序适用于本节。第二章另有规定的除外。',
    '国家质量监督检验检疫总局令',
  ])('%s', (line) => {
    expect(readOutline(line)).toEqual([]);
  });

  it('finds headings after leading spaces, not inside lines', () => {
    const text = '　　一、加强领导\n现将一、二季度的情况通报如下。';
    expect(readOutline(text)).toEqual([{ level: 1, label: '一、', title: '加强领导', start: 2 }]);
  });
});

describe('readOutline on real texts', () => {
  it('seed 000: five 一、 headings with their titles and offsets', () => {
    const text = seedText('000');
    const items = readOutline(text);
    expect(items.map((i) => [i.level, i.label, i.title])).toEqual([
      [1, '一、', '提高政治站位，坚决扛起疫情防控的政治责任'],
      [1, '二、', '强化监管引领，指导银行保险机构全力配合做好金融服务'],
      [1, '三、', '抓住“关键少数”，发挥领导干部示范带动作用'],
      [1, '四、', '突出政治功能，发挥基层党组织战斗堡垒作用'],
      [1, '五、', '践行初心使命，发挥共产党员先锋模范作用'],
    ]);
    expect(items[0].start).toBe(text.indexOf('一、提高政治站位'));
    expect(items[4].start).toBe(text.indexOf('五、践行初心使命'));
  });

  it('seed 001: headings printed with half-width commas; dates at line start are not headings', () => {
    const items = readOutline(seedText('001'));
    expect(items.map((i) => i.label)).toEqual(['一、', '二、', '三、', '四、']);
    expect(items[0].title).toBe('加强党的领导,让党旗在疫情防控斗争一线高高飘扬');
  });

  it('seed 003: six headings', () => {
    expect(readOutline(seedText('003')).map((i) => i.label)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
  });

  it('seed 004 (a news report) still has its 一、…五、 structure', () => {
    expect(brief(seedText('004'))).toEqual([
      [1, '一、', '讲政治,带头在疫情防控第一线让思想认识全面提高'],
      [1, '二、', '讲责任,带头在疫情防控第一线让各项措施全面落实'],
      [1, '三、', '讲担当,带头在疫情防控第一线让斗争本领不断增强'],
      [1, '四、', '讲奉献,带头在疫情防控第一线让作为得到充分发挥'],
      [1, '五、', '讲忠诚,带头在疫情防控第一线让激情力量全面迸发'],
    ]);
  });

  it('gov.cn 公报 令 + 实施办法: 9 chapters, 60 articles, 40 items; the 令 header is not a heading', () => {
    const text = fixtureBody(
      'pos-11-govcn-gongbao-2014-zhijianzongju-ling156-banfa.html',
      'id="UCAP-CONTENT">',
      '<div id="UCAP-CONTENT-FORPRINT"',
    );
    const items = readOutline(text);
    const chapters = items.filter((i) => i.label.endsWith('章'));
    expect(chapters.map((i) => i.title)).toEqual([
      '总则',
      '申请与受理',
      '审查与决定',
      '延续与变更',
      '终止与退出',
      '证书与标志',
      '监督检查',
      '法律责任',
      '附则',
    ]);
    expect(chapters.every((i) => i.level === 1)).toBe(true);
    const articles = items.filter((i) => i.label.endsWith('条'));
    expect(articles.length).toBe(60);
    expect(articles.every((i) => i.level === 2)).toBe(true);
    expect(articles[59]).toMatchObject({ label: '第六十条', title: '本办法自2014年8月1日起施行' });
    const listItems = items.filter((i) => i.label.startsWith('（'));
    expect(listItems.length).toBe(40);
    expect(listItems.every((i) => i.level === 3)).toBe(true);
    expect(items.length).toBe(109);
    expect(items[0].start).toBe(text.indexOf('第一章'));
  });

  it('中华人民共和国监察法 on a university site: 9 chapters, 69 articles', () => {
    const text = fixtureBody('pos-19-sxmu-jijian-jianchafa.html', '<form name="_newscontent_fromname">', '</form>');
    const items = readOutline(text);
    expect(items.filter((i) => i.label.endsWith('章')).length).toBe(9);
    expect(items.filter((i) => i.label.endsWith('条')).length).toBe(69);
    expect(items.find((i) => i.label === '第二章')?.title).toBe('监察机关及其职责');
  });

  it('gov.cn 国务院文件: 一、 and （一） headings, bold lead phrases are not numbered headings', () => {
    const text = fixtureBody(
      'pos-01-govcn-zhengce-2019-guofa5-yijian.html',
      'id="UCAP-CONTENT">',
      '<!--/enpcontent-->',
    );
    expect(brief(text)).toEqual([
      [1, '一、', '总体要求'],
      [1, '二、', '主要目标'],
      [1, '三、', '重点任务'],
      [2, '（一）', '统筹建设监管工作平台'],
      [2, '（二）', '实行抽查事项清单管理'],
      [2, '（三）', '建立健全随机抽查“两库”'],
      [2, '（四）', '统筹制定抽查计划'],
      [2, '（五）', '科学实施抽查检查'],
      [2, '（六）', '强化抽查检查结果公示运用'],
      [2, '（七）', '做好个案处理和专项检查工作'],
      [1, '四、', '保障措施'],
      [2, '（一）', '加强组织领导'],
      [2, '（二）', '严格责任落实'],
      [2, '（三）', '营造良好环境'],
    ]);
  });
});
