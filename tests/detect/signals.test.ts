import { describe, expect, it } from 'vitest';
import {
  detectNotice,
  hasByline,
  hasClosingFormula,
  hasHeadings,
  hasSignature,
  isKnownSource,
  type DetectionInput,
} from '../../lib/detect';
import { detectionInput } from './input';

/** Neutral prose: 300+ Han characters and no signal of any kind. */
const PROSE = Array.from(
  { length: 8 },
  (_, i) => `第${i}段文字说明城市公园是市民休闲健身的重要场所，近年来各地不断完善公园设施，市民满意度持续提高。`,
).join('\n');

const input = (overrides: Partial<DetectionInput> = {}) => detectionInput(PROSE, overrides);

const names = (i: DetectionInput) => detectNotice(i).signals.map((s) => s.name);
const score = (i: DetectionInput) => detectNotice(i).signals.reduce((sum, s) => sum + s.points, 0);

describe('the neutral baseline', () => {
  it('fires nothing', () => {
    expect(detectNotice(input())).toEqual({ isNotice: false, confidence: 0.03, signals: [] });
  });
});

describe('labelled-block (+3)', () => {
  it('fires on a filled 发文字号, 成文日期, 发文机关, 制定机关 or 效力位阶', () => {
    for (const label of ['发文字号', '成文日期', '发文机关', '制定机关', '效力位阶']) {
      expect(detectNotice(input({ labelled: { [label]: 'x' } })).signals).toContainEqual({
        name: 'labelled-block',
        points: 3,
      });
    }
  });
  it('does not fire on what news pages print (标题, 发布日期, 来源) nor on empty cells', () => {
    expect(names(input({ labelled: { 标题: '某新闻', 发布日期: '2019-09-18', 来源: '山西日报' } }))).not.toContain(
      'labelled-block',
    );
    expect(names(input({ labelled: { 发文字号: '', 成文日期: ' ' } }))).not.toContain('labelled-block');
  });
});

describe('known-source (+2)', () => {
  const known = [
    'https://www.pkulaw.com/chl/fb0f20d4001e4c26bdfb.html?way=listView',
    'https://www.pkulaw.com/lar/3d49cd077b5cb3401d1f098a8b7fd628bdfb.html',
    'http://www.gov.cn/zhengce/content/2019-02/15/content_5365945.htm',
    'https://www.gov.cn/zhengce/zhengceku/202609/content_7082302.htm',
    'https://www.gov.cn/gongbao/content/2014/content_2717369.htm',
    'https://flk.npc.gov.cn/detail2.html?abc',
  ];
  for (const url of known) {
    it(`fires on ${url}`, () => {
      expect(isKnownSource({ url, site: 'generic', labelled: {} })).toBe(true);
    });
  }
  const unknown = [
    'https://www.pkulaw.com/advanced/law/',
    'https://www.gov.cn/zhengce/202609/content_1.htm',
    'https://sousuo.www.gov.cn/search-gov/data?t=zhengcelibrary',
    'https://flk.npc.gov.cn/index.html',
    'https://news.163.com/20/0229/18/F6GB0DCT0001899O.html',
  ];
  for (const url of unknown) {
    it(`does not fire on ${url}`, () => {
      expect(isKnownSource({ url, site: 'generic', labelled: {} })).toBe(false);
    });
  }
  it('fires on a *.gov.cn page with 信息公开 labels only', () => {
    const url = 'http://www.example.gov.cn/art/2021/3/5/art_1_2.html';
    expect(isKnownSource({ url, site: 'generic', labelled: { 索引号: '1133/2021-0001' } })).toBe(true);
    expect(isKnownSource({ url, site: 'generic', labelled: { 来源: '某某日报' } })).toBe(false);
    expect(isKnownSource({ url: 'http://www.example.com/a.html', site: 'generic', labelled: { 索引号: '1' } })).toBe(
      false,
    );
  });
  it('without a URL: a pkulaw record, or a gov.cn/flk template with its metadata block', () => {
    expect(isKnownSource({ url: null, site: 'pkulaw', labelled: {} })).toBe(true);
    expect(isKnownSource({ url: null, site: 'govcn', labelled: { 发文机关: '国务院' } })).toBe(true);
    expect(isKnownSource({ url: null, site: 'govcn', labelled: {} })).toBe(false);
    expect(isKnownSource({ url: null, site: 'generic', labelled: { 发文机关: '国务院' } })).toBe(false);
  });
});

describe('caller facts: title-doctype, doc-number, addressee (+2 each)', () => {
  it('fire from the flags', () => {
    expect(detectNotice(input({ docTypeFromTitle: '通知' })).signals).toContainEqual({
      name: 'title-doctype',
      points: 2,
    });
    expect(detectNotice(input({ hasDocNumber: true })).signals).toContainEqual({ name: 'doc-number', points: 2 });
    expect(detectNotice(input({ hasAddresseeLine: true })).signals).toContainEqual({ name: 'addressee', points: 2 });
  });
});

describe('headings (+1)', () => {
  it('two headings of one level', () => {
    expect(hasHeadings('一、总体要求\n内容。\n二、主要任务\n内容。')).toBe(true);
    expect(hasHeadings('（一）加强领导。\n（二）强化保障。')).toBe(true);
    expect(hasHeadings('第一章 总则\n第一条 内容。\n第二章 附则')).toBe(true);
  });
  it('three 第X条 at line starts', () => {
    expect(hasHeadings('第一条 甲。\n第二条 乙。\n第三条 丙。')).toBe(true);
  });
  it('not one heading, nor 第X条 cited inside sentences', () => {
    expect(hasHeadings('一、总体要求\n内容。')).toBe(false);
    expect(hasHeadings('依照本法第三十条、第三十一条和第三十二条的规定处理。')).toBe(false);
    expect(hasHeadings('2019年1月27日\n2020年3月1日')).toBe(false);
  });
});

describe('closing (+1)', () => {
  it('closing formulas', () => {
    for (const t of [
      '特此通知。',
      '特此公告。',
      '现予印发，请认真贯彻执行。',
      '请结合实际认真贯彻落实。',
      '此复。',
      '本办法自2014年8月1日起施行。',
      '本法自公布之日起施行。',
    ]) {
      expect(hasClosingFormula(t), t).toBe(true);
    }
    expect(hasClosingFormula('会议要求各地认真研究。')).toBe(false);
  });
  it('署名 + 成文日期 near the end', () => {
    expect(hasSignature(['正文。', '国务院', '2019年1月27日', '（此件公开发布）'])).toBe(true);
    expect(hasSignature(['正文。', '国务院 2019年1月27日'])).toBe(true);
    expect(hasSignature(['正文。', '中华人民共和国财政部', '二OO九年十二月二日'])).toBe(true);
    expect(hasSignature(['正文。', '某某县人民政府', '二〇一一年十一月四日'])).toBe(true);
    expect(hasSignature(['…共同维护社会公共秩序，要及时报告。中共北京市委2020年1月29日'])).toBe(true);
  });
  it('not a date after a sentence, nor a date inside prose', () => {
    expect(hasSignature(['会议定于下列日期召开：', '2019年1月27日'])).toBe(false);
    expect(hasSignature(['2019年1月27日，国务院召开常务会议，研究部署有关工作。'])).toBe(false);
  });
  it('scores +1 once for either', () => {
    expect(detectNotice(input({ text: `${PROSE}\n特此通知。\n某某局\n2020年1月1日` })).signals).toEqual([
      { name: 'closing', points: 1 },
    ]);
  });
});

describe('law-articles (+1 for ≥ 10 第X条 on sites that are not notice sites)', () => {
  const law = Array.from({ length: 10 }, (_, i) => `第${'一二三四五六七八九十'[i]}条 规定内容。`).join('\n');
  it('fires on generic and text pages', () => {
    expect(names(input({ text: `${PROSE}\n${law}` }))).toContain('law-articles');
    expect(names(input({ site: 'text', text: `${PROSE}\n${law}` }))).toContain('law-articles');
  });
  it('not on the known sites (their own signals cover them), nor below 10', () => {
    expect(names(input({ site: 'govcn', text: `${PROSE}\n${law}` }))).not.toContain('law-articles');
    expect(names(input({ text: `${PROSE}\n${law.split('\n').slice(0, 9).join('\n')}` }))).not.toContain('law-articles');
  });
});

describe('byline (−3)', () => {
  const bylines = [
    '新华社北京2月29日电 2月28日，国务院联防联控机制印发通知。',
    '（记者 张三）近日，某市出台新规。',
    '本报记者 李四 报道',
    '记者从市教育局获悉，今年秋季学期起实行新办法。',
    '据新华社消息，某部门发布通知。',
    '正文。\n责任编辑：张迪',
    '正文。\n本文来源：新京报',
  ];
  for (const b of bylines) {
    it(`fires on ${b.split('\n').pop()}`, () => {
      expect(hasByline(b)).toBe(true);
      expect(detectNotice(input({ text: `${b}\n${PROSE}` })).signals).toContainEqual({ name: 'byline', points: -3 });
    });
  }
  const notBylines = [
    '来源：中国政府网', // gov pages print 来源 too
    '编辑: 杨丹纠错:171964650@qq.com', // a party site's footer under a real notice (seed 001)
    '自2019年7月1日电价调整为每千瓦时0.5元。', // 日电 inside 日电价
    '第一条 为了加强新闻记者证管理，制定本办法。', // a regulation about 记者证
  ];
  for (const t of notBylines) {
    it(`does not fire on ${t}`, () => {
      expect(hasByline(t)).toBe(false);
    });
  }
});

describe('list-page (−3) and case-number (−2)', () => {
  it('list-page comes from the page', () => {
    expect(detectNotice(input({ listPage: true })).signals).toEqual([{ name: 'list-page', points: -3 }]);
  });
  it('a court 案号 without a 文号', () => {
    const judgment = `北京市第一中级人民法院\n民事判决书\n(2020)京01民终123号\n${PROSE}`;
    expect(detectNotice(input({ text: judgment })).signals).toContainEqual({ name: 'case-number', points: -2 });
    expect(names(input({ text: judgment, hasDocNumber: true }))).not.toContain('case-number');
    expect(names(input({ text: `${PROSE}\n国发〔2019〕5号` }))).not.toContain('case-number');
  });
});

describe('decision and gates', () => {
  it('a notice at score ≥ 4, not at 3', () => {
    const at4 = input({ docTypeFromTitle: '通知', hasAddresseeLine: true });
    expect(score(at4)).toBe(4);
    expect(detectNotice(at4).isNotice).toBe(true);
    const at3 = input({ docTypeFromTitle: '通知', text: `${PROSE}\n特此通知。` });
    expect(score(at3)).toBe(3);
    expect(detectNotice(at3).isNotice).toBe(false);
  });

  it('needs a body of 200 Han characters', () => {
    const short = input({
      docTypeFromTitle: '通知',
      hasAddresseeLine: true,
      hasDocNumber: true,
      text: '各单位：\n现将有关事项通知如下。\n特此通知。',
    });
    const result = detectNotice(short);
    expect(result.isNotice).toBe(false);
    expect(result.signals).toContainEqual({ name: 'short-body', points: 0 });
    expect(result.confidence).toBeLessThanOrEqual(0.2);
  });

  it('a pending page is not a notice yet, whatever it scores', () => {
    const result = detectNotice(
      input({ docTypeFromTitle: '通知', hasAddresseeLine: true, hasDocNumber: true, pending: true }),
    );
    expect(result.isNotice).toBe(false);
    expect(result.signals).toContainEqual({ name: 'pending', points: 0 });
  });

  it('a report about a notice (opens with 通知指出/《意见》要求/会议强调/记者) is not a notice', () => {
    for (const opening of [
      '通知指出',
      '通知要求，各地要抓好落实。',
      '《意见》要求，各地要抓好落实。',
      '会议强调，要压实责任。',
      '记者近日从市政府获悉',
    ]) {
      const result = detectNotice(
        input({
          text: `${opening}\n${PROSE}`,
          labelled: { 成文日期: '2020年1月1日' },
          url: 'https://www.gov.cn/zhengce/content/x.htm',
        }),
      );
      expect(result.isNotice, opening).toBe(false);
      expect(result.signals, opening).toContainEqual({ name: 'reported', points: 0 });
    }
  });

  it('a notice whose first line happens to say 通知要求 is still a notice when it has its own parts', () => {
    const result = detectNotice(
      input({ text: `通知要求如下\n${PROSE}`, docTypeFromTitle: '通知', hasDocNumber: true }),
    );
    expect(result.isNotice).toBe(true);
    expect(result.signals.map((s) => s.name)).not.toContain('reported');
  });
});

describe('confidence', () => {
  it('is the logistic of the score around 3.5, rounded to two decimals', () => {
    expect(detectNotice(input({ docTypeFromTitle: '通知', hasAddresseeLine: true })).confidence).toBe(0.62); // 4
    expect(detectNotice(input({ labelled: { 发文字号: 'x' }, hasDocNumber: true })).confidence).toBe(0.82); // 5
    expect(detectNotice(input({ labelled: { 发文字号: 'x' } })).confidence).toBe(0.38); // 3
    expect(detectNotice(input({ listPage: true })).confidence).toBe(0); // −3
  });

  it('grows with the score and stays in [0, 1]', () => {
    const steps: Array<Partial<DetectionInput>> = [
      { listPage: true },
      {},
      { hasDocNumber: true },
      { hasDocNumber: true, docTypeFromTitle: '通知' },
      { hasDocNumber: true, docTypeFromTitle: '通知', hasAddresseeLine: true },
      {
        hasDocNumber: true,
        docTypeFromTitle: '通知',
        hasAddresseeLine: true,
        labelled: { 发文字号: 'x' },
        url: 'https://www.gov.cn/gongbao/x.htm',
      },
    ];
    const values = steps.map((s) => detectNotice(input(s)).confidence);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]);
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it('survives garbage input', () => {
    const result = detectNotice({
      ...input(),
      text: undefined as unknown as string,
      labelled: undefined as unknown as Record<string, string>,
    });
    expect(result.isNotice).toBe(false);
  });
});

describe('texts reposted without 文号 or labelled block', () => {
  const directives = Array.from(
    { length: 12 },
    (_, i) => `${i + 1}.加强队伍建设。各单位要完善工作机制，切实推进第${i + 1}项任务落实到位。`,
  ).join('\n');
  const plan = (title: string, body = directives) =>
    input({ title, docTypeFromTitle: '实施意见', text: `${title}\n${body}` });

  it('adoption-note (+2): a 题注 or a promulgation order under the title', () => {
    const law = `某某事务管理条例\n（2020年5月14日某某省第十五届人民代表大会常务委员会第二十一次会议通过）\n${PROSE}`;
    expect(detectNotice(input({ text: law })).signals).toContainEqual({ name: 'adoption-note', points: 2 });
    const order = `某某部令\n第3号\n《某某办法》已经2019年11月1日部务会议审议通过，现予公布。\n${PROSE}`;
    expect(names(input({ text: order }))).toContain('adoption-note');
    expect(names(input({ text: `${PROSE}\n2019年1月27日，会议审议通过了有关事项。` }))).not.toContain('adoption-note');
  });

  it('agency-signature (+1): an agency signs a document whose title names its 文种', () => {
    const text = `${PROSE}\n某某总协调办公室\n2021年7月15日`;
    expect(names(input({ text, docTypeFromTitle: '公告' }))).toContain('agency-signature');
    expect(names(input({ text }))).not.toContain('agency-signature');
    expect(names(input({ text, docTypeFromTitle: '公告', hasDocNumber: true }))).not.toContain('agency-signature');
  });

  it('directives (+1): a body of directives under a title with its own 文种', () => {
    expect(names(plan('关于推进某某工程的实施意见'))).toContain('directives');
    expect(detectNotice(plan('关于推进某某工程的实施意见')).isNotice).toBe(true);
  });

  it('not for a headline about a document, narrative, or a page with a byline', () => {
    expect(names(plan('某某厅印发《关于推进某某工程的实施意见》'))).not.toContain('directives');
    const narrated = directives.replace(/各单位要/g, '近年来该县');
    expect(names(plan('关于推进某某工程的实施意见', narrated))).not.toContain('directives');
    const news = `本报记者 张三\n${directives}`;
    expect(names(plan('关于推进某某工程的实施意见', news))).not.toContain('directives');
  });
});

describe('gazette (+2): a 公报 masthead above the text', () => {
  it('fires for a document printed in a 公报, not for a 公报 of statistics', () => {
    const decision = `中华人民共和国国务院公报\n某某会议关于某某工作的决议\n${PROSE}`;
    expect(detectNotice(input({ text: decision, docTypeFromTitle: '决议' })).isNotice).toBe(true);
    expect(names(input({ text: `某某省2020年国民经济和社会发展统计公报\n${PROSE}` }))).not.toContain('gazette');
  });
});
