/** Who made a law, regulation or rule and when: its 题注, its promulgation order, a 修改决定's own citation. */
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../lib/metadata';
import { citedOwnDate, orderIssuer } from '../../lib/metadata/adoption';
import { splitGluedAgencies } from '../../lib/metadata/organisations';

const meta = (text: string) => {
  const m = readMetadata({ text });
  return { title: m.title, docNumber: m.docNumber, issuers: m.issuers, signedDate: m.signedDate };
};

describe('题注 under the title', () => {
  it('reads a law adopted by the 常委会: the date and the body without its term and session', () => {
    expect(
      meta(
        '某某事务管理法\n（2019年10月26日第十三届全国人民代表大会常务委员会第十四次会议通过）\n第一章 总则\n第一条 为了……，制定本法。',
      ),
    ).toEqual({
      title: '某某事务管理法',
      docNumber: null,
      issuers: ['全国人民代表大会常务委员会'],
      signedDate: '2019-10-26',
    });
  });

  it('keeps the first adoption when amendments follow', () => {
    const m = meta(
      '某某事务管理法\n（1996年3月17日第八届全国人民代表大会第四次会议通过　根据2009年8月27日第十一届全国人民代表大会常务委员会第十次会议《关于修改部分法律的决定》第一次修正　2021年1月22日第十三届全国人民代表大会常务委员会第二十五次会议修订）\n第一章 总则',
    );
    expect(m.signedDate).toBe('1996-03-17');
    expect(m.issuers).toEqual(['全国人民代表大会']);
  });

  it('reads a local regulation and a departmental rule adopted at a 部务会议', () => {
    expect(
      meta('某某省某某条例\n2020年5月14日某某省第十五届人民代表大会常务委员会第二十一次会议通过\n第一条 为了……')
        .issuers,
    ).toEqual(['某某省人民代表大会常务委员会']);
    const rule = meta('某某实施办法\n2008年7月17日经人力资源和社会保障部第6次部务会议通过\n第一条 为了……');
    expect(rule.issuers).toEqual(['人力资源和社会保障部']);
    expect(rule.signedDate).toBe('2008-07-17');
  });

  it('prefers the 国务院令 or 部令 that published the text: its date, number and issuer', () => {
    expect(
      meta(
        '某某保卫条例\n2004年9月13日国务院第64次常务会议通过\n2004年9月27日中华人民共和国国务院令第421号公布\n2004年12月1日施行\n第一条 为了……',
      ),
    ).toEqual({
      title: '某某保卫条例',
      docNumber: '中华人民共和国国务院令第421号',
      issuers: ['国务院'],
      signedDate: '2004-09-27',
    });
    expect(meta('某某规定\n2022年4月14日国家市场监督管理总局令第56号公布\n第一条 为了……').issuers).toEqual([
      '国家市场监督管理总局',
    ]);
  });

  it('does not read a dated line of the body as a 题注', () => {
    const m = meta(
      '关于某某的决定\n国务院决定对《某某办法》作如下修改：\n一、将第二条修改为……\n(1949年12月23日政务院发布)',
    );
    expect(m.signedDate).toBeNull();
  });
});

describe('promulgation order', () => {
  it('reads a 主席令 in Chinese numerals and the adopting body of its law', () => {
    expect(
      meta(
        '中华人民共和国主席令\n第三十五号\n《某某法》已由中华人民共和国第十三届全国人民代表大会常务委员会第十四次会议于2019年10月26日通过，现予公布，自2020年1月1日起施行。\n中华人民共和国主席 习近平\n2019年10月26日\n某某事务管理法\n第一章 总则',
      ),
    ).toEqual({
      title: '某某事务管理法',
      docNumber: '中华人民共和国主席令第三十五号',
      issuers: ['全国人民代表大会常务委员会'],
      signedDate: '2019-10-26',
    });
  });

  it('names the issuer of a 令 without the country', () => {
    expect(orderIssuer('中华人民共和国国务院令第421号')).toBe('国务院');
    expect(orderIssuer('国令第706号')).toBe('国务院');
    expect(orderIssuer('中华人民共和国财政部令第80号')).toBe('财政部');
    expect(orderIssuer('中华人民共和国主席令第三十五号')).toBeNull();
  });
});

describe('a 修改决定 citing itself in the text it reprints', () => {
  it('takes the latest date of the decisions that bear its name', () => {
    const title = '国务院关于修改《某某办法》的决定';
    const text = `${title}\n……\n(根据2007年12月14日《国务院关于修改〈某某办法〉的决定》第一次修订根据2013年12月11日《国务院关于修改〈某某办法〉的决定》第二次修订)`;
    expect(citedOwnDate(text, title)).toBe('2013-12-11');
    expect(citedOwnDate('没有引用', title)).toBeNull();
  });
});

describe('agencies glued together', () => {
  it('splits where the place name starts again', () => {
    expect(splitGluedAgencies('重庆市粮食局重庆市财政局')).toEqual(['重庆市粮食局', '重庆市财政局']);
    expect(splitGluedAgencies('中共某某市委某某市人民政府')).toEqual(['中共某某市委', '某某市人民政府']);
    expect(splitGluedAgencies('重庆市人民政府')).toEqual(['重庆市人民政府']);
    expect(splitGluedAgencies('中共中央办公厅国务院办公厅')).toEqual(['中共中央办公厅国务院办公厅']);
  });
});

describe('closing block', () => {
  it('reads a signature date whose 年月日 were lost when only one reading exists', () => {
    const body = '关于某某的通知\n各单位：\n请各单位认真做好有关工作，确保各项措施落到实处。\n特此通知\n';
    expect(meta(`${body}中共某某学院机关委员会\n2021521`).signedDate).toBe('2021-05-21');
    expect(meta(`${body}中共某某学院机关委员会\n2021111`).signedDate).toBeNull();
  });

  it('reads the date of a cover letter whose 署名 the page dropped', () => {
    const head = '某某区人民政府办公室关于印发某某工作方案的通知\n某府办发〔2021〕20号\n各有关单位：\n';
    expect(
      meta(
        `${head}《某某工作方案》已经区政府同意，现印发给你们，请认真按照执行。\n2021年9月9日\n某某工作方案\n一、工作内容`,
      ).signedDate,
    ).toBe('2021-09-09');
    expect(meta(`${head}有关事项如下：\n2021年9月9日\n（此件公开发布）\n某某工作方案\n一、工作内容`).signedDate).toBe(
      '2021-09-09',
    );
    const items = Array.from({ length: 10 }, (_, i) => `${i + 1}.请各单位做好第${i + 1}项准备工作。`).join('\n');
    expect(meta(`${head}会议定于下列日期召开：\n2021年9月9日\n一、会议内容\n${items}`).signedDate).toBeNull();
  });

  it('splits a joint 署名 printed on one line', () => {
    const body = '关于某某工作的通知\n各单位：\n请各单位认真做好有关工作。\n';
    expect(meta(`${body}某某市财政局\u3000某某市税务局\n2020年3月1日`).issuers).toEqual([
      '某某市财政局',
      '某某市税务局',
    ]);
  });

  it('takes the 署名 that leaves out the parent place, not one that leaves out part of the name', () => {
    const body = '\n一、严禁在全境范围内燃放烟花爆竹。\n';
    expect(meta(`某某市某某区人民政府关于禁止燃放烟花爆竹的通告${body}某某区人民政府\n2020年1月22日`).issuers).toEqual([
      '某某区人民政府',
    ]);
  });
});

describe('a rule published by a 部门令 numbered with its year in brackets', () => {
  it('names the issuer and the date', () => {
    expect(orderIssuer('中国人民银行令〔2016〕第1号')).toBe('中国人民银行');
    const m = readMetadata({
      text: '某某管理办法\n（2016年7月13日中国人民银行令〔2016〕第1号公布）\n第一条　为了规范，制定本办法。',
    });
    expect(m.issuers).toEqual(['中国人民银行']);
    expect(m.signedDate).toBe('2016-07-13');
    expect(m.docType).toBe('办法');
  });
});
