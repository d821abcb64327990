import { describe, expect, it } from 'vitest';
import { docTypeOfTitle, readMetadata, stripTitleSuffix } from '../../lib/metadata';
import { isHeadline, stripGluedChrome } from '../../lib/metadata/title';

describe('docTypeOfTitle', () => {
  it.each([
    ['国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见', '意见'],
    ['国务院关于印发国家职业教育改革实施方案的通知', '通知'],
    ['关于印发《企业信息公示暂行条例实施办法》的通知', '通知'], // embedded 办法 is not the 文种
    ['中共宁波市委关于坚决贯彻落实习近平总书记重要指示精神的通知', '通知'],
    ['海口市水务局关于2020年2月1日—2020年2月29日生产建设项目水土保持方案审批决定的公告', '公告'],
    ['中华人民共和国监察法', '法'],
    ['中华人民共和国行政许可法(2019修正)', '法'],
    ['中华人民共和国工业产品生产许可证管理条例实施办法', '办法'],
    ['国家质量监督检验检疫总局令（第156号）中华人民共和国工业产品生产许可证管理条例实施办法', '办法'],
    ['上海市生活垃圾管理条例[失效]', '条例'],
    ['医疗器械网络销售监督管理办法（试行）', '办法'],
    ['中华人民共和国刑法修正案（十二）（草案）', null], // 修正案 is not in the table
    ['中国人民银行等八部门联合印发《关于金融支持服务业扩能提质的指导意见》', '指导意见'], // ends in the embedded name
    ['《中华人民共和国监察法》', '法'],
    ['关于进一步优化营商环境的实施意见', '实施意见'],
    ['关于支持民营企业发展的若干措施', '若干措施'],
    ['国家质量监督检验检疫总局令', '令'],
    ['国务院常务会议纪要', '纪要'],
    ['关于同意设立某某开发区的批复', '批复'],
    ['关于某某问题的复函', '复函'],
    ['关于商请支持某某工作的函', '函'],
    ['关于调整某某机构的决定', '决定'],
    ['关于某某事故的通报', '通报'],
    ['关于某某工作的报告', '报告'],
    ['关于某某事项的请示', '请示'],
    ['关于某某的议案', '议案'],
    ['某某会议决议', '决议'],
    ['某某全会公报', '公报'],
    ['关于禁止燃放烟花爆竹的通告', '通告'],
    ['某某市行政规范性文件管理规定', '规定'],
    ['某某法实施细则', '细则'],
    ['某某委员会议事规则', '规则'],
    ['某某行动方案', '方案'],
    ['某某市国土空间总体规划', '规划'],
    ['某某单位值班制度', '制度'],
    ['关于某某政策适用问题的答复', '答复'],
  ])('%s → %s', (title, docType) => {
    expect(docTypeOfTitle(title)).toBe(docType);
  });

  it.each([
    '通知指出', // news lead-in
    '通知要求',
    '国务院联防联控机制:湖北和武汉要严格管控防输出',
    '财政部公告2009年第123号――发行2009年记账式附息(三十一期)国债',
    '食品中某某物质的检验方法', // 方法 is not a law
    '某某工作的做法',
    '（此件公开发布）',
    '',
  ])('%s → null', (title) => {
    expect(docTypeOfTitle(title)).toBeNull();
  });
});

describe('stripTitleSuffix', () => {
  it.each([
    [
      '国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见_国务院文件_中国政府网',
      '国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见',
    ],
    [
      '中国人民银行等八部门联合印发《关于金融支持服务业扩能提质的指导意见》_国务院部门文件_中国政府网',
      '中国人民银行等八部门联合印发《关于金融支持服务业扩能提质的指导意见》',
    ],
    [
      '国家质量监督检验检疫总局令（第156号）　　中华人民共和国工业产品生产许可证管理条例实施办法__2014年第20号国务院公报_中国政府网',
      '国家质量监督检验检疫总局令（第156号）　　中华人民共和国工业产品生产许可证管理条例实施办法',
    ],
    ['中共中央办公厅印发《关于某某工作的意见》_中央有关文件_中国政府网', '中共中央办公厅印发《关于某某工作的意见》'],
    ['国务院办公厅关于某某工作的通知_最新政策_中国政府网', '国务院办公厅关于某某工作的通知'],
    ['某某部门印发某某方案_滚动新闻_中国政府网', '某某部门印发某某方案'],
    ['某某部召开某某会议_部门政务_中国政府网', '某某部召开某某会议'],
    ['中华人民共和国监察法-纪检', '中华人民共和国监察法'],
    ['山西品牌丝路行（南美站）正式启动 - 山西省人民政府门户网站 ', '山西品牌丝路行（南美站）正式启动'],
    ['关于做好2020年春节期间工作的通知_通知公告_宁波市人民政府', '关于做好2020年春节期间工作的通知'],
    ['姚明对周琦说了啥？周琦上下半场判若两人_网易新闻', '姚明对周琦说了啥？周琦上下半场判若两人'],
    ['女儿出嫁，郑板桥画了几笔兰花当嫁妆--文化--人民网', '女儿出嫁，郑板桥画了几笔兰花当嫁妆'],
    ['关于印发《某某行动方案（2021-2025年）》的通知', '关于印发《某某行动方案（2021-2025年）》的通知'],
    ['国家法律法规数据库', '国家法律法规数据库'],
  ])('%s', (pageTitle, title) => {
    expect(stripTitleSuffix(pageTitle)).toBe(title);
  });
});

describe('page chrome and headlines around a title', () => {
  const textTitle = (text: string) => readMetadata({ text }).title;
  const BODY = '各单位：\n为进一步做好有关工作，现就有关事项通知如下。各单位要高度重视，认真组织实施。';

  it('drops a column name glued before the title and layout text glued after it', () => {
    expect(stripGluedChrome('政府信息公开某某市人民政府关于某某工作的通知')).toBe('某某市人民政府关于某某工作的通知');
    expect(stripGluedChrome('某某市人民政府关于某某工作的通知发布时间：2020-01-01')).toBe(
      '某某市人民政府关于某某工作的通知',
    );
    expect(stripGluedChrome('信息公开指南')).toBe('信息公开指南');
    expect(textTitle(`通知公告某某局关于某某工作的通知【字体：大 中 小】\n${BODY}`)).toBe('某某局关于某某工作的通知');
  });

  it('prefers the document title printed under a news headline about it', () => {
    expect(textTitle(`某某厅印发《关于推进某某工作的实施意见》\n2020-01-01\n关于推进某某工作的实施意见\n${BODY}`)).toBe(
      '关于推进某某工作的实施意见',
    );
    expect(
      readMetadata({ title: '某某厅印发《关于推进某某工作的实施意见》', text: `关于推进某某工作的实施意见\n${BODY}` })
        .title,
    ).toBe('关于推进某某工作的实施意见');
    expect(textTitle(`某某厅印发《关于推进某某工作的实施意见》\n${BODY}`)).toBe(
      '某某厅印发《关于推进某某工作的实施意见》',
    );
    expect(isHeadline('某某市出台某某管理办法')).toBe(true);
    expect(isHeadline('某某市人民政府关于印发某某管理办法的通知')).toBe(false);
  });
});

describe('a document published in a 公报', () => {
  it('takes the document title under the masthead, its 题注 date and its adopting body', () => {
    const m = readMetadata({
      text: '全国人民代表大会常务委员会公报\n全国人民代表大会常务委员会关于某某事项的决定\n（2020年2月24日第十三届全国人民代表大会常务委员会第十六次会议通过）\n为了某某，特作如下决定：\n一、某某。',
    });
    expect(m.title).toBe('全国人民代表大会常务委员会关于某某事项的决定');
    expect(m.signedDate).toBe('2020-02-24');
    expect(m.issuers).toEqual(['全国人民代表大会常务委员会']);
    expect(readMetadata({ text: '某某省2020年国民经济和社会发展统计公报\n一、综合' }).title).toBe(
      '某某省2020年国民经济和社会发展统计公报',
    );
  });
});

describe('breadcrumbs, status tags, version notes and 文号 lines around a title', () => {
  const T = '某某市教育局关于做好2023年招生工作的通知';
  const body = '\n各区教育局：\n现就有关事项通知如下。\n某某市教育局\n2023年3月1日';
  it.each([
    `当前位置：首页 > 政策文件 > ${T}`,
    `首页 > ${T}`,
    `【已废止】${T}`,
    `${T}（2018修正）`,
    `${T}（2019年第二次修正）`,
    `某某市人民政府门户网站 ${T}`,
  ])('%s', (glued) => {
    expect(stripGluedChrome(glued)).toBe(T);
    expect(readMetadata({ text: T + body, title: glued }).title).toBe(T);
  });
  it('keeps words of the title that look like chrome', () => {
    expect(stripGluedChrome('关于加强政府门户网站建设的通知')).toBe('关于加强政府门户网站建设的通知');
    expect(stripGluedChrome('关于印发《某某办法（2018年修订）》的通知')).toBe(
      '关于印发《某某办法（2018年修订）》的通知',
    );
  });
  it('a 文号 line or a mark of urgency above the title is no part of it', () => {
    expect(readMetadata({ text: `某某市教育局文件\n某教〔2023〕5号\n${T}${body}` }).title).toBe(T);
    expect(readMetadata({ text: `特急\n机密★1年\n${T}${body}` }).title).toBe(T);
    expect(readMetadata({ text: `某某市教育局\n关于做好2023年招生工作的通知${body}` }).title).toBe(T);
  });

  it('a page that lost the notice’s title does not take the title of the plan sent with it', () => {
    const text =
      '遂府函〔2019〕55号\n各县（区）人民政府，市直有关部门：\n《某某市工程建设项目审批制度改革实施方案》已经市政府常务会议讨论通过，现印发给你们，请认真组织实施。\n某某市人民政府\n2019年4月29日\n某某市工程建设项目审批制度改革实施方案\n一、总体要求';
    const meta = readMetadata({ text });
    expect(meta.title).toBeNull();
    expect(meta.issuers).toEqual(['某某市人民政府']);
  });
});
