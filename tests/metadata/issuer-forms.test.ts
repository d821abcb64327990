/**
 * 发文机关 as real 公文, laws and regulations name their issuer, read from a whole text by readMetadata. The texts
 * are written here from the genres' printed forms (GB/T 9704 §7.2–7.3: 标题 = 机关 + 关于 + 事由 + 文种, 署名 and
 * 成文日期 under the body, 联合发文 signed by every agency; the 题注 of laws; promulgation orders).
 *
 * The form read: the agency as the document names itself — the title's agency before 关于, or the 署名 when the
 * title names none; when the 署名 is the title's agency under its 规范化简称 (GB/T 9704 §7.3.5: 全称或者规范化
 * 简称), its own name without the higher place it belongs to (泉州市 + 丰泽区人民政府), the 署名's form; every
 * agency of a joint document, in printed order. Never a person, a seal, the agency of a document only cited,
 * forwarded or attached, nor a form that no longer says which agency it is: an abbreviation (县政府办 for
 * 某某县人民政府办公室) or a name whose place is only the district's word (区委组织部办公室 for
 * 上海市某某区区委组织部办公室).
 */
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../lib/metadata';
import { normaliseText } from '../../lib/text/normalise';

const BODY =
  '为进一步做好有关工作，现就有关事项通知如下：\n一、高度重视。各单位要认真组织实施，确保各项措施落到实处。\n二、加强督查。各地要于2021年6月底前报送落实情况。';
const TO = '各区县人民政府，市政府各部门：';

/** The 发文机关 readMetadata reads from a text as the normaliser gives it. */
const issuers = (text: string) => readMetadata({ text: normaliseText(text).text }).issuers;
const notice = (title: string, signature: string, date = '2021年3月5日') =>
  `${title}\n${TO}\n${BODY}\n${signature}${signature ? '\n' : ''}${date}`;

describe('the agency before 关于 in the title', () => {
  it.each([
    ['a city government', '某某市人民政府关于做好某项工作的通知', '某某市人民政府', ['某某市人民政府']],
    [
      'a general office, 署名 the same',
      '某某省人民政府办公厅关于做好某项工作的通知',
      '某某省人民政府办公厅',
      ['某某省人民政府办公厅'],
    ],
    ['a department, no 署名', '某某市教育局关于做好某项工作的通知', '', ['某某市教育局']],
    [
      'the office that forwards',
      '某某市人民政府办公室转发市教育局关于某项工作意见的通知',
      '某某市人民政府办公室',
      ['某某市人民政府办公室'],
    ],
    ['a 印发 notice', '某某市人民政府关于印发某某管理办法的通知', '某某市人民政府', ['某某市人民政府']],
    ['a 印发 title without 关于', '某某市人民政府办公厅印发某某管理办法的通知', '', ['某某市人民政府办公厅']],
    ['a 转发 title without 关于', '某某省人民政府批转省发展改革委某某意见的通知', '', ['某某省人民政府']],
  ])('%s', (_form, title, signature, expected) => {
    expect(issuers(notice(title, signature))).toEqual(expected);
  });
});

describe('联合发文: every agency, in printed order', () => {
  it.each([
    [
      'two agencies in the title, parted by a space',
      '某某市教育局 某某市财政局关于做好某项工作的通知',
      '某某市教育局\n某某市财政局',
      ['某某市教育局', '某某市财政局'],
    ],
    ['parted by 、', '某某市教育局、某某市财政局关于做好某项工作的通知', '', ['某某市教育局', '某某市财政局']],
    [
      'two general offices',
      '中共中央办公厅 国务院办公厅关于做好某项工作的通知',
      '',
      ['中共中央办公厅', '国务院办公厅'],
    ],
    [
      'two courts',
      '最高人民法院 最高人民检察院关于办理某某案件适用法律若干问题的解释的通知',
      '',
      ['最高人民法院', '最高人民检察院'],
    ],
    [
      'two central agencies',
      '国家市场监督管理总局 国家标准化管理委员会关于做好某项工作的通知',
      '',
      ['国家市场监督管理总局', '国家标准化管理委员会'],
    ],
    [
      'not a central agency’s local office',
      '国家税务总局某某市税务局关于做好某项工作的通知',
      '',
      ['国家税务总局某某市税务局'],
    ],
    [
      'a party committee and a government',
      '中共某某市委 某某市人民政府关于做好某项工作的意见',
      '中共某某市委\n某某市人民政府',
      ['中共某某市委', '某某市人民政府'],
    ],
    [
      'the title names none: the 署名 lines',
      '关于做好某项工作的通知',
      '某某市教育局\n某某市财政局\n某某市人力资源和社会保障局',
      ['某某市教育局', '某某市财政局', '某某市人力资源和社会保障局'],
    ],
    [
      'the title names none: one 署名 line',
      '关于做好某项工作的通知',
      '财政部\u3000国家税务总局',
      ['财政部', '国家税务总局'],
    ],
    [
      'a lead agency 等N部门 in the title, all of them signing',
      '中国人民银行等三部门关于做好某项工作的通知',
      '中国人民银行\n国家金融监督管理总局\n中国证券监督管理委员会',
      ['中国人民银行', '国家金融监督管理总局', '中国证券监督管理委员会'],
    ],
  ])('%s', (_form, title, signature, expected) => {
    expect(issuers(notice(title, signature))).toEqual(expected);
  });

  it('a lead agency 等N部门 whose page lost the 署名: the lead agency', () => {
    expect(issuers(notice('中国人民银行等三部门关于做好某项工作的通知', ''))).toEqual(['中国人民银行']);
  });
});

describe('the 署名 as pages print it', () => {
  it.each([
    ['a seal line between 署名 and date', '某某市人民政府\n（盖章）', '2021年3月5日'],
    ['the seal’s note after the name', '某某市人民政府（印章）', '2021年3月5日'],
    ['the seal’s note in half-width brackets', '某某市人民政府(公章)', '2021年3月5日'],
    ['the date on the 署名’s line', '', '某某市人民政府\u3000\u30002021年3月5日'],
    ['the date glued to the 署名', '', '某某市人民政府2021年3月5日'],
    ['a Chinese-numeral date', '某某市人民政府', '二〇二一年三月五日'],
  ])('%s', (_form, signature, date) => {
    expect(issuers(notice('关于做好某项工作的通知', signature, date))).toEqual(['某某市人民政府']);
  });

  it('the 署名 glued to the last sentence, with its date', () => {
    expect(issuers(`关于做好某项工作的通知\n${TO}\n${BODY}\n请认真贯彻执行。某某市人民政府2021年3月5日`)).toEqual([
      '某某市人民政府',
    ]);
  });

  it('not the 印发 line of the 版记', () => {
    expect(
      issuers(
        `关于做好某项工作的通知\n${TO}\n${BODY}\n某某市教育局\n2021年3月5日\n抄送：市委办公室，市人大常委会办公室。\n某某市教育局办公室\u30002021年3月6日印发`,
      ),
    ).toEqual(['某某市教育局']);
  });
});

describe('the title’s agency in full and the 署名’s shorter form', () => {
  it.each([
    [
      'a district government signing without its city',
      '泉州市丰泽区人民政府关于某项工作的通告',
      '丰泽区人民政府',
      ['丰泽区人民政府'],
    ],
    ['a 上海 district government', '上海市某某区人民政府关于某项工作的通知', '某某区人民政府', ['某某区人民政府']],
    [
      'a county signing without its province and city',
      '某某省某某市某某县人民政府关于某项工作的通知',
      '某某县人民政府',
      ['某某县人民政府'],
    ],
    [
      'a district organ that names its place only by the district’s word keeps the full name',
      '上海市某某区区委组织部办公室关于报送有关情况的通知',
      '区委组织部办公室',
      ['上海市某某区区委组织部办公室'],
    ],
    [
      '区政府 for the district government keeps the full name',
      '上海市某某区人民政府关于某项工作的通知',
      '区政府',
      ['上海市某某区人民政府'],
    ],
    [
      'a colloquial abbreviation keeps the full name',
      '某某县人民政府办公室关于某项工作的通知',
      '县政府办',
      ['某某县人民政府办公室'],
    ],
    ['县委办 for 中共某某县委办公室', '中共某某县委办公室关于某项工作的通知', '县委办', ['中共某某县委办公室']],
    [
      'a bare department name keeps the full name',
      '某某市某某区卫生健康局关于某项工作的通知',
      '卫生健康局',
      ['某某市某某区卫生健康局'],
    ],
  ])('%s', (_form, title, signature, expected) => {
    expect(issuers(notice(title, signature))).toEqual(expected);
  });

  it.each([
    [
      'the government’s office signs for the government',
      '上海市某某区人民政府关于某项工作的通知',
      '某某区人民政府办公室',
    ],
    ['the city’s office signs for the city', '某某市人民政府关于某项工作的通知', '某某市人民政府办公厅'],
    ['another district’s government', '上海市某某区人民政府关于某项工作的通知', '另一区人民政府'],
    ['a department of the district', '上海市某某区区委组织部关于某项工作的通知', '区委组织部办公室'],
    ['the district government for a district bureau', '某某市某某区卫生健康局关于某项工作的通知', '区人民政府'],
  ])('never a 署名 of another agency: %s', (_form, title, signature) => {
    const full = title.slice(0, title.indexOf('关于'));
    expect(issuers(notice(title, signature))).toEqual([full]);
  });
});

describe('party committees', () => {
  it.each([
    ['中共…市委办公室', '中共某某市委办公室关于做好某项工作的通知', '中共某某市委办公室', ['中共某某市委办公室']],
    ['…市委组织部', '某某市委组织部关于做好某项工作的通知', '某某市委组织部', ['某某市委组织部']],
    ['中共…委员会', '中共某某大学委员会关于做好某项工作的通知', '中共某某大学委员会', ['中共某某大学委员会']],
    [
      'a 机关党委 signing a title without agency',
      '关于开展主题党日活动的通知',
      '中共某某市财政局机关委员会',
      ['中共某某市财政局机关委员会'],
    ],
    ['a 党支部', '关于召开党员大会的通知', '某某学院机关第一党支部', ['某某学院机关第一党支部']],
  ])('%s', (_form, title, signature, expected) => {
    expect(issuers(notice(title, signature))).toEqual(expected);
  });
});

describe('laws, regulations and 令', () => {
  const ARTICLES = '第一条\u3000为了加强某某管理，制定本法。\n第二条\u3000本法适用于某某活动。';

  it.each([
    ['全国人大常委会', '第十三届全国人民代表大会常务委员会第二十八次会议', ['全国人民代表大会常务委员会']],
    ['全国人民代表大会', '第十三届全国人民代表大会第四次会议', ['全国人民代表大会']],
    [
      'a provincial people’s congress standing committee',
      '某某省第十三届人民代表大会常务委员会第二十次会议',
      ['某某省人民代表大会常务委员会'],
    ],
  ])('the 题注 of a law: %s', (_form, meeting, expected) => {
    const text = `中华人民共和国某某法\n（2021年4月29日${meeting}通过）\n${ARTICLES}`;
    expect(issuers(text)).toEqual(expected);
  });

  it.each([
    ['国务院令', '中华人民共和国国务院令\n第732号', '国务院第123次常务会议', '总理\u3000某某某', ['国务院']],
    ['省政府令', '某某省人民政府令\n第235号', '省人民政府第45次常务会议', '省长\u3000某某某', ['某某省人民政府']],
    [
      '部令',
      '国家市场监督管理总局令\n第38号',
      '国家市场监督管理总局2021年第3次局务会议',
      '局长\u3000某某某',
      ['国家市场监督管理总局'],
    ],
  ])('a promulgation order: %s', (_form, head, meeting, signer, expected) => {
    const text = `${head}\n《某某管理条例》已经2021年1月27日${meeting}通过，现予公布，自2021年5月1日起施行。\n${signer}\n2021年2月1日\n某某管理条例\n第一章\u3000总则\n第一条\u3000为了加强某某管理，制定本条例。`;
    expect(issuers(text)).toEqual(expected);
  });

  it('a 公告 numbered by the 人大常委会办公厅 that issues it', () => {
    const text =
      '关于某某条例（草案）公开征求意见的公告\n某某市人民代表大会常务委员会办公厅公告（第3号）\n为提高立法质量，现将有关事项公告如下：\n一、征求意见时间为2021年3月5日至4月5日。\n特此公告。';
    expect(issuers(text)).toEqual(['某某市人民代表大会常务委员会办公厅']);
  });
});

describe('agencies the document only names', () => {
  it('a 印发 notice signed above its attachment, which another agency signed', () => {
    const text = `关于印发某某管理办法的通知\n${TO}\n现将《某某管理办法》印发给你们，请认真贯彻执行。\n某某市人民政府办公室\n2021年3月5日\n某某管理办法\n第一条\u3000为了加强某某管理，制定本办法。\n第二条\u3000本办法由某某市住房和城乡建设局负责解释。\n某某市住房和城乡建设局\n2021年2月1日`;
    expect(issuers(text)).toEqual(['某某市人民政府办公室']);
  });

  it('a 印发 notice whose title names its agency, the attachment signed by another', () => {
    const text = `某某市人民政府办公室关于印发某某实施方案的通知\n${TO}\n《某某实施方案》已经市政府同意，现印发给你们，请认真组织实施。\n2021年3月5日\n某某实施方案\n一、工作目标\n到2022年底，全面完成各项任务。\n某某市发展和改革委员会\n2021年2月1日`;
    expect(issuers(text)).toEqual(['某某市人民政府办公室']);
  });

  it('not an agency named in the body, nor a person signing', () => {
    expect(issuers(notice('关于做好某项工作的通知', '', '2021年3月5日'))).toEqual([]);
    expect(issuers(notice('关于做好某项工作的通知', '某某某', '2021年3月5日'))).toEqual([]);
  });
});
