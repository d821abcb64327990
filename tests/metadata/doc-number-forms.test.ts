/**
 * 发文字号 as real 公文, 令 and laws print them, read from a whole text by readMetadata: the number this document
 * carries, in the form NoticeMetadata documents (as printed without white space; a 令/公告 number without the
 * brackets around its 第N号 part), and not a number the document only cites or that belongs to its attachment.
 * The texts are written here from the genres' printed forms (GB/T 9704, 国务院令 and 主席令 pages, 人大常委会
 * 公告, 省政府令, 公告 of departments, party 文件, gov.cn and pkulaw metadata tables).
 */
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../lib/metadata';
import { normaliseText } from '../../lib/text/normalise';

const BODY =
  '为进一步做好有关工作，现就有关事项通知如下：\n一、高度重视。各单位要认真组织实施，确保各项措施落到实处。\n二、加强督查。各地要于2021年6月底前报送落实情况。';
const SIGNED = '某某市人民政府\n2021年3月5日';

/** The 发文字号 readMetadata reads from a text as the normaliser gives it. */
const docNumber = (text: string) => readMetadata({ text: normaliseText(text).text }).docNumber;

describe('代字〔年份〕序号号 under or above the title, every bracket and spacing', () => {
  it.each([
    ['〔〕', '某某市人民政府关于做好某项工作的通知\n某政发〔2021〕12号', '某政发〔2021〕12号'],
    ['[]', '某某市人民政府关于做好某项工作的通知\n某政发[2021]12号', '某政发[2021]12号'],
    ['［］', '某某市人民政府关于做好某项工作的通知\n某政发［2021］12号', '某政发［2021］12号'],
    ['（）', '某某市人民政府关于做好某项工作的通知\n某政发（2021）12号', '某政发（2021）12号'],
    ['()', '某某市人民政府关于做好某项工作的通知\n某政发(2021)12号', '某政发(2021)12号'],
    ['【】', '某某市人民政府关于做好某项工作的通知\n某政发【2021】12号', '某政发【2021】12号'],
    ['no brackets, 年', '某某市人民政府关于做好某项工作的通知\n某政发2021年12号', '某政发2021年12号'],
    ['no brackets, a space', '某某市人民政府关于做好某项工作的通知\n某政发 2021 12号', '某政发202112号'],
    ['spaces inside', '某某市人民政府关于做好某项工作的通知\n某政发 〔 2021 〕 12 号', '某政发〔2021〕12号'],
    [
      'ideographic spaces',
      '某某市人民政府关于做好某项工作的通知\n某政发\u3000〔2021〕\u300012号',
      '某政发〔2021〕12号',
    ],
    ['第N号', '某某市人民政府关于做好某项工作的通知\n某政发〔2021〕第12号', '某政发〔2021〕第12号'],
    ['full-width digits', '某某市人民政府关于做好某项工作的通知\n某政发〔２０２１〕１２号', '某政发〔２０２１〕１２号'],
    ['above the title', '某政发〔2021〕12号\n某某市人民政府关于做好某项工作的通知', '某政发〔2021〕12号'],
    ['in parentheses', '某某市人民政府关于做好某项工作的通知\n（某政发〔2021〕12号）', '某政发〔2021〕12号'],
    ['with 签发人', '某某市人民政府关于做好某项工作的请示\n某政发〔2021〕12号 签发人：某某某', '某政发〔2021〕12号'],
    [
      'after the issuer',
      '某某市人民政府关于做好某项工作的通知\n某某市人民政府\u3000某政发〔2021〕12号',
      '某政发〔2021〕12号',
    ],
    [
      'under a greeting of the page',
      '欢迎访问某某市人民政府网站！\n某某市人民政府关于做好某项工作的通知\n某政发〔2021〕12号',
      '某政发〔2021〕12号',
    ],
    [
      'under the 红头',
      '某某市人民政府文件\n某政发〔2021〕12号\n某某市人民政府关于做好某项工作的通知',
      '某政发〔2021〕12号',
    ],
  ])('%s', (_form, head, expected) => {
    expect(docNumber(`${head}\n各区县人民政府，市政府各部门：\n${BODY}\n${SIGNED}`)).toBe(expected);
  });
});

describe('代字 of every kind of issuer', () => {
  it.each([
    ['国办发〔2021〕12号', '国务院办公厅关于某项工作的通知'],
    ['国办函〔2021〕3号', '国务院办公厅关于同意某项工作的函'],
    ['京政办发〔2021〕8号', '北京市人民政府办公厅关于某项工作的通知'],
    ['穗府办函〔2021〕45号', '广州市人民政府办公厅关于某项工作的复函'],
    ['苏府办发〔2021〕101号', '某市人民政府办公室关于某项工作的通知'],
    ['鲁教厅函〔2021〕17号', '山东省教育厅关于某项工作的函'],
    ['湘委办字〔2021〕9号', '中共湖南省委办公厅关于某项工作的通知'],
    ['中发〔2021〕1号', '中共中央 国务院关于某项工作的意见'],
    ['中办发电〔2021〕5号', '中共中央办公厅关于某项工作的紧急通知'],
    ['某委办发电〔2021〕2号', '中共某某市委办公室关于某项工作的紧急通知'],
    ['某组通字〔2021〕30号', '中共某某市委组织部关于某项工作的通知'],
    ['某政规〔2021〕4号', '某某市人民政府关于印发某某办法的通知'],
    ['某建规字〔2021〕1号', '某某市住房和城乡建设局关于某项工作的通知'],
    ['法释〔2021〕2号', '最高人民法院关于某项问题的批复'],
    ['某党发〔2021〕6号', '中共某某大学委员会关于某项工作的通知'],
  ])('%s', (number, title) => {
    expect(docNumber(`${title}\n${number}\n各有关单位：\n${BODY}`)).toBe(number);
  });
});

describe('令 numbers', () => {
  it.each([
    ['国务院令 on one line', '中华人民共和国国务院令\n第732号', '中华人民共和国国务院令第732号'],
    ['国务院令 with a space', '中华人民共和国国务院令 第732号', '中华人民共和国国务院令第732号'],
    ['国务院令 in parentheses', '中华人民共和国国务院令（第732号）', '中华人民共和国国务院令第732号'],
    ['short form', '国务院令第732号', '国务院令第732号'],
    ['省政府令', '某某省人民政府令\n第235号', '某某省人民政府令第235号'],
    ['市政府令 in parentheses', '某某市人民政府令\n（第158号）', '某某市人民政府令第158号'],
    ['部令 with the year', '中华人民共和国商务部令\n2021年第1号', '中华人民共和国商务部令2021年第1号'],
    ['总局令', '国家市场监督管理总局令\n第\u300038\u3000号', '国家市场监督管理总局令第38号'],
  ])('%s, above the promulgation order', (_form, head, expected) => {
    const text = `${head}\n《某某管理条例》已经2021年1月27日第123次常务会议通过，现予公布，自2021年5月1日起施行。\n某长\u3000某某某\n2021年2月1日\n某某管理条例\n第一章\u3000总则\n第一条\u3000为了加强某某管理，制定本条例。`;
    expect(docNumber(text)).toBe(expected);
    // The 令's 成文日期 is the date it is signed, not the meeting's in its sentence.
    expect(readMetadata({ text: normaliseText(text).text }).signedDate).toBe('2021-02-01');
  });

  it.each([
    ['主席令 in parentheses', '中华人民共和国主席令\n（第十二号）', '中华人民共和国主席令第十二号'],
    ['主席令 on one line', '中华人民共和国主席令 第一〇二号', '中华人民共和国主席令第一〇二号'],
    ['主席令, Arabic numerals', '中华人民共和国主席令\n第63号', '中华人民共和国主席令第63号'],
  ])('%s, above the law it promulgates', (_form, head, expected) => {
    const text = `${head}\n《中华人民共和国某某法》已由中华人民共和国第十三届全国人民代表大会常务委员会第二十八次会议于2021年4月29日通过，现予公布，自2021年6月1日起施行。\n中华人民共和国主席\u3000某某某\n2021年4月29日\n中华人民共和国某某法\n第一条\u3000为了……，制定本法。`;
    expect(docNumber(text)).toBe(expected);
  });

  it('reads the 令 number printed under the title of the regulation it published', () => {
    expect(
      docNumber('某某管理条例\n（中华人民共和国国务院令第732号）\n第一条\u3000为了加强某某管理，制定本条例。'),
    ).toBe('中华人民共和国国务院令第732号');
    expect(
      docNumber(
        '某某管理条例\n（2021年2月1日中华人民共和国国务院令第732号公布\u3000自2021年5月1日起施行）\n第一条\u3000为了……',
      ),
    ).toBe('中华人民共和国国务院令第732号');
  });
});

describe('公告 and 通告 numbers', () => {
  it.each([
    ['人大常委会公告, 第N号', '全国人民代表大会常务委员会公告\n（第十号）', '全国人民代表大会常务委员会公告第十号'],
    [
      '人大常委会公告, term in brackets',
      '全国人民代表大会常务委员会公告\n〔十四届〕第五号',
      '全国人民代表大会常务委员会公告〔十四届〕第五号',
    ],
    [
      '人大常委会公告 on one line',
      '全国人民代表大会常务委员会公告〔十三届〕第十八号',
      '全国人民代表大会常务委员会公告〔十三届〕第十八号',
    ],
    ['公告 with the year', '国家税务总局公告\n2021年第5号', '国家税务总局公告2021年第5号'],
    ['公告 with the year and a space', '国家税务总局公告 2021年第5号', '国家税务总局公告2021年第5号'],
    ['公告 with the year in brackets', '财政部 税务总局公告（2021年第12号）', '财政部税务总局公告2021年第12号'],
    ['通告 in parentheses', '某某市人民政府通告\n（第3号）', '某某市人民政府通告第3号'],
    ['公告 with a bracketed year', '某某市市场监督管理局公告〔2021〕第8号', '某某市市场监督管理局公告〔2021〕第8号'],
  ])('%s', (_form, head, expected) => {
    expect(docNumber(`${head}\n根据有关规定，现将有关事项公告如下：\n一、自2021年5月1日起执行。\n特此公告。`)).toBe(
      expected,
    );
  });
});

describe('a number in a metadata table or a label line', () => {
  it('takes the labelled 发文字号', () => {
    const m = readMetadata({ text: BODY, labelled: { 发文字号: '国发〔2021〕7号' } });
    expect(m.docNumber).toBe('国发〔2021〕7号');
  });

  it.each([
    ['发文字号：国发〔2021〕7号', '国发〔2021〕7号'],
    ['文\u3000\u3000号：国发〔2021〕7号', '国发〔2021〕7号'],
    ['【发文字号】 国发〔2021〕7号', '国发〔2021〕7号'],
    ['发文字号：\n国发〔2021〕7号', '国发〔2021〕7号'],
    [
      '索引号：000014349/2021-00012 发文机关：国务院 发文字号：国发〔2021〕7号 成文日期：2021年3月5日',
      '国发〔2021〕7号',
    ],
  ])('a label line in the text: %s', (line, expected) => {
    expect(docNumber(`国务院关于某项工作的通知\n${line}\n各省、自治区、直辖市人民政府：\n${BODY}`)).toBe(expected);
  });

  it('reads no number from an empty label or a year alone', () => {
    expect(docNumber(`国务院关于某项工作的通知\n发文字号：\n成文日期：2021年3月5日\n${BODY}`)).toBeNull();
    expect(docNumber(`某某局关于某项工作的公告\n（2020年）\n${BODY}`)).toBeNull();
  });
});

describe('a number glued to the title or the date', () => {
  it.each([
    ['after the title', '某某市人民政府关于做好某项工作的通知某政发〔2021〕12号', '某政发〔2021〕12号'],
    [
      'after a 印发 title',
      '某某市人民政府办公室关于印发《某某实施方案》的通知某政办发〔2021〕3号',
      '某政办发〔2021〕3号',
    ],
    ['before the date', '某某市人民政府关于做好某项工作的通知\n某政发〔2021〕12号2021年3月5日', '某政发〔2021〕12号'],
    [
      'between dates of a page header',
      '某某市人民政府关于做好某项工作的通知\n发布日期：2021-03-08 某政发〔2021〕12号',
      '某政发〔2021〕12号',
    ],
  ])('%s', (_form, head, expected) => {
    const m = readMetadata({ text: normaliseText(`${head}\n各区县人民政府：\n${BODY}`).text });
    expect(m.docNumber).toBe(expected);
    expect(m.title).toMatch(/^某某市人民政府(?:办公室)?关于.*的通知$/);
  });
});

describe('numbers that are not this document’s own', () => {
  it('a 文号 cited in the body', () => {
    expect(
      docNumber(
        `某某市人民政府关于做好某项工作的通知\n各区县人民政府：\n根据《国务院关于某项工作的意见》（国发〔2020〕1号）要求，现就有关事项通知如下：\n${BODY}`,
      ),
    ).toBeNull();
  });

  it('a 文号 cited in a short body line', () => {
    expect(
      docNumber(
        '某某市人民政府关于转发某项通知的通知\n各区县人民政府：\n现将国发〔2020〕1号转发给你们。\n某某市人民政府\n2021年3月5日',
      ),
    ).toBeNull();
  });

  it('the 文号 of a document cited after the 主送 line, on a line of its own', () => {
    expect(
      docNumber(
        '某某市人民政府办公室关于转发某项通知的通知\n各区县人民政府：\n现将《国务院办公厅关于某项工作的通知》转发给你们，请认真贯彻执行。\n国办发〔2020〕9号\n某某市人民政府办公室\n2021年3月5日',
      ),
    ).toBeNull();
  });

  it('keeps the 印发 notice’s own number, not its attachment’s', () => {
    const text =
      '某某市人民政府关于印发某某管理办法的通知\n某政规〔2021〕2号\n各区县人民政府：\n现将《某某管理办法》印发给你们，请认真贯彻执行。\n某某市人民政府\n2021年3月5日\n某某管理办法\n某规〔2021〕1号\n第一条\u3000为了……';
    expect(docNumber(text)).toBe('某政规〔2021〕2号');
  });

  it('a 印发 notice without its own number does not take its attachment’s', () => {
    const text =
      '某某市人民政府关于印发某某管理办法的通知\n各区县人民政府：\n现将《某某管理办法》印发给你们，请认真贯彻执行。\n某某市人民政府\n2021年3月5日\n某某管理办法\n某规〔2021〕1号\n第一条\u3000为了……';
    expect(docNumber(text)).toBeNull();
  });

  it('a 公报 issue number, a court case number, a law article', () => {
    expect(docNumber('中华人民共和国国务院公报\n2021年第10号\n国务院关于某项工作的决定\n' + BODY)).toBeNull();
    expect(docNumber('某某案民事判决书\n（2020）京01民终123号\n' + BODY)).toBeNull();
    expect(docNumber('某某管理办法\n第十二号\n' + BODY)).toBeNull();
  });
});

describe('the forms pages print around a 文号', () => {
  const notice = (head: string, tail = `\n${SIGNED}`) => `${head}\n各区县人民政府，市政府各部门：\n${BODY}${tail}`;

  it.each([
    [
      'a disclosure table row: 索引号, 发文字号, 主题分类 parted by tabs',
      '某某市人民政府关于做好某项工作的通知\n索引号：000014349/2021-00012\t发文字号：某政发〔2021〕12号\t主题分类：综合政务',
      '某政发〔2021〕12号',
    ],
    [
      'a disclosure table row parted by several spaces',
      '索引号：000014349/2021-00012    发文机关：某某市人民政府    发文字号：某政发〔2021〕12号    成文日期：2021年03月05日\n某某市人民政府关于做好某项工作的通知',
      '某政发〔2021〕12号',
    ],
    [
      'labels and values in cells of their own',
      '索引号\n000014349/2021-00012\n发文字号\n某政发〔2021〕12号\n主题分类\n综合政务\n某某市人民政府关于做好某项工作的通知',
      '某政发〔2021〕12号',
    ],
    [
      'an index number and no 文号',
      '某某市人民政府关于做好某项工作的通知\n索引号：000014349/2021-00012\n发布日期：2021-03-08',
      null,
    ],
    [
      'an index number with the year in brackets',
      '某某市人民政府关于做好某项工作的通知\n索引号：11440300MB2C12345X/〔2021〕00012\n文号：某政发〔2021〕12号',
      '某政发〔2021〕12号',
    ],
    [
      '第 and a Chinese numeral',
      '某某市人民政府关于做好某项工作的通知\n某政发〔2021〕第十二号',
      '某政发〔2021〕第十二号',
    ],
    ['the year with 年 and 第', '某某市人民政府关于做好某项工作的通知\n某政发2021年第3号', '某政发2021年第3号'],
    [
      '特急 above the 文号',
      '特急\n某政明电〔2021〕3号\n某某市人民政府关于做好某项工作的紧急通知',
      '某政明电〔2021〕3号',
    ],
    [
      '特急 and 明电 on the 文号’s line',
      '某某市人民政府关于做好某项工作的紧急通知\n特急\u3000\u3000明电\n某政明电〔2021〕3号',
      '某政明电〔2021〕3号',
    ],
    [
      '份号 and 密级 above it',
      '000123\n机密★1年\n某政发〔2021〕12号\n某某市人民政府关于做好某项工作的通知',
      '某政发〔2021〕12号',
    ],
    [
      'OCR spacing inside the 代字 and the number',
      '某某市人民政府关于做好某项工作的通知\n某 政 发 〔 2021 〕 1 2 号',
      '某政发〔2021〕12号',
    ],
    [
      'pkulaw’s bracketed labels on one line',
      '【发布部门】某某市人民政府 【发文字号】某政发〔2021〕12号 【发布日期】2021.03.05\n某某市人民政府关于做好某项工作的通知',
      '某政发〔2021〕12号',
    ],
    [
      'labels without colons, the cells glued',
      '某某市人民政府关于做好某项工作的通知\n发文字号 某政发〔2021〕12号 成文日期 2021年03月05日',
      '某政发〔2021〕12号',
    ],
    [
      'after the page’s source and time',
      '某某市人民政府关于做好某项工作的通知\n来源：某某市政府办公室 发布时间：2021-03-08 文号：某政发〔2021〕12号',
      '某政发〔2021〕12号',
    ],
    [
      'glued to the 版头 above the title',
      '某某市人民政府文件某政发〔2021〕12号\n某某市人民政府关于做好某项工作的通知',
      '某政发〔2021〕12号',
    ],
    [
      'in parentheses after the title on its line',
      '某某市人民政府关于做好某项工作的通知（某政发〔2021〕12号）',
      '某政发〔2021〕12号',
    ],
    [
      'under the issuer printed below a title that opens with 关于',
      '关于做好某项工作的通知\n某某市人民政府办公室\n某政办发〔2021〕12号',
      '某政办发〔2021〕12号',
    ],
    [
      'glued to the 主送 line after it',
      '某某市人民政府关于做好某项工作的通知\n某政发〔2021〕12号各区县人民政府，市政府各部门：',
      '某政发〔2021〕12号',
    ],
    ['glued to the title after it', '某政发〔2021〕12号某某市人民政府关于做好某项工作的通知', '某政发〔2021〕12号'],
    [
      'its label inside parentheses under the title',
      '某某市人民政府关于做好某项工作的通知\n（文号：某政发〔2021〕12号）',
      '某政发〔2021〕12号',
    ],
    ['labelled 发文编号', '某某市人民政府关于做好某项工作的通知\n发文编号：某政发〔2021〕12号', '某政发〔2021〕12号'],
    [
      'after the date in the parentheses under the title',
      '某某市人民政府关于做好某项工作的通知\n（2021年3月5日\u3000某政发〔2021〕12号）',
      '某政发〔2021〕12号',
    ],
    [
      'a 上行文 number and its 签发人 on one line, several spaces apart',
      '某政发〔2021〕12号          签发人：某某某\n某某市人民政府关于某项工作的请示',
      '某政发〔2021〕12号',
    ],
  ])('%s', (_form, head, expected) => {
    expect(docNumber(notice(head))).toBe(expected);
  });

  it('under a title that a long page header pushed beyond the first 600 characters', () => {
    const header = Array.from(
      { length: 9 },
      (_, i) => `栏目${i + 1} ${'某某市人民政府门户网站政务公开专栏导航'.repeat(4)}`,
    ).join('\n');
    expect(header.length).toBeGreaterThan(600);
    expect(docNumber(notice(`${header}\n某某市人民政府关于做好某项工作的通知\n某政发〔2021〕12号`))).toBe(
      '某政发〔2021〕12号',
    );
  });

  it('not a serial under a title that is not a 公告 or 通告, nor a 公报’s issue number', () => {
    expect(docNumber(notice('某某市人民政府关于做好某项工作的通知\n（2023年第1号）'))).toBeNull();
    expect(docNumber(notice('某某市人民政府公报\n2021年第10号\n某某市人民政府关于做好某项工作的通知'))).toBeNull();
  });

  it('a 文号 in the closing block, under the date (a page that moved its 版记 up)', () => {
    expect(
      docNumber(
        `某某市人民政府关于做好某项工作的通知\n各区县人民政府：\n${BODY}\n某某市人民政府\n2021年3月5日\n某政发〔2021〕12号`,
      ),
    ).toBe('某政发〔2021〕12号');
  });

  it('a disclosure table printed under the text', () => {
    expect(
      docNumber(
        `某某市人民政府关于做好某项工作的通知\n各区县人民政府：\n${BODY}\n某某市人民政府\n2021年3月5日\n索引号：000014349/2021-00012\t发文字号：某政发〔2021〕12号\t主题分类：综合政务`,
      ),
    ).toBe('某政发〔2021〕12号');
  });

  it('not the number of a document cited in the closing block’s 附件说明', () => {
    expect(
      docNumber(
        `某某市人民政府关于做好某项工作的通知\n各区县人民政府：\n${BODY}\n附件：国务院关于某项工作的意见（国发〔2020〕1号）\n某某市人民政府\n2021年3月5日`,
      ),
    ).toBeNull();
  });

  it.each([
    ['公安局通告 with the year', '某某市公安局通告\n2023年第1号', '某某市公安局通告2023年第1号'],
    ['公安局通告 on one line', '某某市公安局通告 2023年第1号', '某某市公安局通告2023年第1号'],
    ['公告 with 第 and a Chinese numeral', '某某县人民政府公告\n第一号', '某某县人民政府公告第一号'],
    ['公告 number in 〔〕 with the year', '某某市自然资源局公告\n〔2023〕第5号', '某某市自然资源局公告〔2023〕第5号'],
    ['公告 number with the year in parentheses', '某某省财政厅公告\n（2023年第2号）', '某某省财政厅公告2023年第2号'],
    [
      '通告 whose title names its agency, the serial under it',
      '某某县公安局关于禁止燃放烟花爆竹的通告\n（2023年第1号）',
      '2023年第1号',
    ],
    ['公告 whose title names its agency, 第N号 under it', '某某市人民政府关于某某事项的公告\n第3号', '第3号'],
  ])('a %s', (_form, head, expected) => {
    expect(docNumber(`${head}\n为维护公共安全，现将有关事项通告如下：\n一、自2023年1月20日起执行。\n特此通告。`)).toBe(
      expected,
    );
  });
});
