/**
 * readMetadata on the test cases (tests/fixtures). First every case whose expected.json states the metadata its
 * text alone gives: a page's body container reduced to text by crude tag stripping, a text as it is, the pkulaw
 * API record's fullText. Then how labels (a LabelledFields literal as the adapter would read it from the page)
 * and text inference combine; the engine tests run the real extractor on the pages.
 */
import { describe, expect, it } from 'vitest';
import { readMetadata, stripTitleSuffix } from '../../lib/metadata';
import { readClosing } from '../../lib/metadata/closing';
import { emptyMetadata } from '../../lib/types';
import { normaliseText } from '../../lib/text/normalise';
import { allCases, fixtureCase, readSource, type FixtureCase } from '../support/fixtures';
import { fixtureBody, stripTags } from './fixture-text';

interface PkulawLaw {
  title: string;
  documentNO: string;
  issueDate: string;
  implementDate: string;
  fullText: string;
}

function pkulawLaw(json: string): PkulawLaw {
  return (JSON.parse(json) as { data: { law: PkulawLaw } }).data.law;
}

/** The text a case's metadata is read from. */
function caseText(c: FixtureCase): string {
  if (c.format === 'txt') return normaliseText(readSource(c)).text;
  if (c.format === 'json') return normaliseText(stripTags(pkulawLaw(readSource(c)).fullText)).text;
  const body = c.expected.metadata?.body;
  if (!body) throw new Error(`${c.name}: expected.json gives no body markers`);
  return fixtureBody(c.name, body[0], body[1]);
}

const WITH_METADATA = allCases().filter((c) => c.expected.metadata);

describe('readMetadata on the text of every test case that states its metadata', () => {
  it('covers the seeds and the positive pages', () => {
    const names = WITH_METADATA.map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining(['seed-000', 'seed-004', 'pos-11-govcn-gongbao-2014-zhijianzongju-ling156-banfa']),
    );
    expect(names.length).toBeGreaterThanOrEqual(12);
  });

  for (const c of WITH_METADATA) {
    const want = c.expected.metadata!;
    it(`${c.name}: ${want.complete ? 'the whole record' : Object.keys(want.fields).join(', ')}`, () => {
      const m = readMetadata({ text: caseText(c) });
      if (want.complete) expect(m).toEqual({ ...emptyMetadata(), ...want.fields });
      else {
        const got = Object.fromEntries(
          Object.keys(want.fields).map((k) => [k, (m as unknown as Record<string, unknown>)[k]]),
        );
        expect(got).toEqual(want.fields);
      }
    });
    if (want.closing)
      it(`${c.name}: the closing block`, () => {
        expect(readClosing(caseText(c))).toEqual(want.closing);
      });
  }
});

/** A page's body text, cut at the markers its expected.json gives. */
const bodyOf = (name: string) => () => caseText(fixtureCase(name));
const body01 = bodyOf('pos-01-govcn-zhengce-2019-guofa5-yijian');
const body02 = bodyOf('pos-02-govcn-zhengce-2019-guofa4-yinfa-tongzhi');
const body11 = bodyOf('pos-11-govcn-gongbao-2014-zhijianzongju-ling156-banfa');
const body13 = bodyOf('pos-13-govcn-zhengceku-2026-pbc-8bumen-jinrong-fuwuye-yijian');
const body19 = bodyOf('pos-19-sxmu-jijian-jianchafa');

const TITLE_01 = '国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见';
const ADDRESSEES_STATE_COUNCIL = ['各省、自治区、直辖市人民政府', '国务院各部委、各直属机构'];
const EIGHT = [
  '中国人民银行',
  '金融监管总局',
  '中国证监会',
  '国家发展改革委',
  '工业和信息化部',
  '财政部',
  '商务部',
  '文化和旅游部',
];

describe('gov.cn 国务院文件 (old template, table.bd1)', () => {
  const labelled01 = {
    索引号: '000014349/2019-00007',
    主题分类: '市场监管、安全生产监管\\工商',
    发文机关: '国务院',
    成文日期: '2019年01月27日',
    标题: TITLE_01,
    发文字号: '国发〔2019〕5号',
    发布日期: '2019年02月15日',
    主题词: '',
  };

  it('pos-01 with its table', () => {
    expect(
      readMetadata({
        text: body01(),
        labelled: labelled01,
        title: null,
        url: 'https://www.gov.cn/zhengce/content/2019-02/15/content_5365945.htm',
      }),
    ).toEqual({
      title: TITLE_01,
      docType: '意见',
      docNumber: '国发〔2019〕5号',
      issuers: ['国务院'],
      addressees: ADDRESSEES_STATE_COUNCIL,
      signedDate: '2019-01-27',
      publishedDate: '2019-02-15',
      effectiveDate: null,
      validity: null,
      level: null,
      citationCode: null,
      url: 'https://www.gov.cn/zhengce/content/2019-02/15/content_5365945.htm',
    });
  });

  it('pos-02: the labelled 成文日期 and 发布日期 are read', () => {
    const labelled = readMetadata({
      text: body02(),
      labelled: { 成文日期: '2019年01月24日', 发布日期: '2019年02月13日' },
    });
    expect([labelled.signedDate, labelled.publishedDate]).toEqual(['2019-01-24', '2019-02-13']);
  });
});

describe('gov.cn 国务院公报: 国家质量监督检验检疫总局令（第156号）', () => {
  it('takes the page title (suffix and issue number stripped) and never the 公报 issue as 文号', () => {
    const pageTitle = stripTitleSuffix(
      '国家质量监督检验检疫总局令（第156号）　　中华人民共和国工业产品生产许可证管理条例实施办法__2014年第20号国务院公报_中国政府网',
    );
    const m = readMetadata({
      text: body11(),
      title: pageTitle,
      labelled: { lanmu: '2014年第20号', catalog: 'gb201420' },
    });
    expect(m.title).toBe('国家质量监督检验检疫总局令（第156号）中华人民共和国工业产品生产许可证管理条例实施办法');
    expect(m.docType).toBe('办法');
    expect(m.docNumber).toBe('国家质量监督检验检疫总局令第156号');
  });
});

describe('gov.cn policy library (current template)', () => {
  const labelled13 = {
    标题: '中国人民银行等八部门联合印发《关于金融支持服务业扩能提质的指导意见》',
    发文机关: '中国人民银行 金融监管总局 中国证监会 国家发展改革委 工业和信息化部 财政部 商务部 文化和旅游部',
    发文字号: '',
    来源: '中国人民银行网站',
    主题分类: '财政、金融、审计\\其他',
    公文种类: '意见',
    成文日期: '2026年09月25日',
    firstpublishedtime: '2026-09-28-21:50:00',
  };

  it('pos-13: eight agencies split at spaces, empty 发文字号, 公文种类 label', () => {
    expect(
      readMetadata({
        text: body13(),
        labelled: labelled13,
        title: '中国人民银行等八部门联合印发《关于金融支持服务业扩能提质的指导意见》',
      }),
    ).toEqual({
      title: '中国人民银行等八部门联合印发《关于金融支持服务业扩能提质的指导意见》',
      docType: '意见',
      docNumber: null,
      issuers: EIGHT,
      addressees: [],
      signedDate: '2026-09-25',
      publishedDate: '2026-09-28',
      effectiveDate: null,
      validity: null,
      level: null,
      citationCode: null,
      url: null,
    });
  });
});

describe('pkulaw', () => {
  const record = () => pkulawLaw(readSource('pos-18-pkulaw-api-chl-124290-caizhengbu-gonggao-2009-123'));

  it('app API record (pos-18): labels as the adapter passes them, bare 效力 code mapped', () => {
    const law = record();
    const text = normaliseText(stripTags(law.fullText)).text;
    const m = readMetadata({
      text,
      labelled: {
        title: law.title,
        documentNO: law.documentNO,
        发布部门: '财政部',
        issueDate: law.issueDate,
        implementDate: law.implementDate,
        timelinessDic: '01',
        effectivenessDic: 'XE03',
      },
    });
    expect(m).toEqual({
      title: '财政部公告2009年第123号――发行2009年记账式附息(三十一期)国债',
      docType: '公告',
      docNumber: '财政部公告2009年第123号',
      issuers: ['财政部'],
      addressees: [],
      signedDate: '2009-12-02',
      publishedDate: '2009-12-02',
      effectiveDate: '2009-12-02',
      validity: '现行有效',
      level: '部门规章',
      citationCode: null,
      url: null,
    });
  });
});

describe('a law on a university site (pos-19)', () => {
  it('title from the page title, 文种 法, no issuer, no 文号', () => {
    const m = readMetadata({ text: body19(), title: stripTitleSuffix('中华人民共和国监察法-纪检') });
    expect([m.title, m.docType, m.docNumber, m.issuers, m.addressees]).toEqual([
      '中华人民共和国监察法',
      '法',
      null,
      [],
      [],
    ]);
  });

  it('`本法自公布之日起施行` resolves once the published date is known', () => {
    const m = readMetadata({ text: body19(), labelled: { 公布日期: '2018年3月20日' } });
    expect([m.publishedDate, m.effectiveDate]).toEqual(['2018-03-20', '2018-03-20']);
  });
});

describe('flk.npc.gov.cn detail shell (edge-01)', () => {
  it('empty labels and no body give an empty record', () => {
    const m = readMetadata({
      text: '',
      labelled: { 法律效力位阶: '', 制定机关: '', 时效性: '', 施行日期: '', 公布日期: '' },
      title: null,
    });
    expect(m).toEqual(emptyMetadata());
  });

  it('filled labels (as the page shows them once its scripts ran)', () => {
    const m = readMetadata({
      text: '',
      labelled: {
        法律效力位阶: '法律',
        制定机关: '全国人民代表大会常务委员会',
        时效性: '尚未生效',
        施行日期: '2026-01-01 00:00:00',
        公布日期: '2024-12-25 00:00:00',
      },
      title: '中华人民共和国增值税法',
    });
    expect([m.title, m.docType, m.level, m.issuers, m.validity, m.effectiveDate, m.publishedDate]).toEqual([
      '中华人民共和国增值税法',
      '法',
      '法律',
      ['全国人民代表大会常务委员会'],
      '尚未生效',
      '2026-01-01',
      '2024-12-25',
    ]);
  });
});
