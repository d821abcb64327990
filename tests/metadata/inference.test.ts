/** The text-inference rules of readMetadata, one rule at a time, on small texts. */
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../lib/metadata';
import { readClosing } from '../../lib/metadata/closing';
import { findEffectiveDate } from '../../lib/metadata/effective-date';
import { issuersFromTitle } from '../../lib/metadata/issuers';
import { splitLines } from '../../lib/metadata/lines';
import { findTextTitle } from '../../lib/metadata/title';

const BODY = '为进一步做好有关工作，现就有关事项通知如下。各单位要高度重视，认真组织实施，确保各项措施落到实处。';

describe('title from the text', () => {
  const title = (text: string) => findTextTitle(splitLines(text))?.title ?? null;

  it('takes the first line ending in a 文种, skipping pkulaw code and link lines', () => {
    expect(
      title('【法宝引证码】 CLI.1.5332699\n原文链接：https://www.pkulaw.com/chl/x.html\n某某关于某某的通知\n' + BODY),
    ).toBe('某某关于某某的通知');
  });

  it('joins a title wrapped over up to three lines', () => {
    expect(title('某某省人民政府办公厅关于\n进一步做好某某工作\n的实施意见\n某政办发〔2020〕1号')).toBe(
      '某某省人民政府办公厅关于进一步做好某某工作的实施意见',
    );
  });

  it('does not join the 红头 `…文件` line or a date line', () => {
    expect(title('某某市人民政府文件\n某某市人民政府关于某某的通知')).toBe('某某市人民政府关于某某的通知');
    expect(title('2020年1月1日\n某某工作方案')).toBe('某某工作方案');
  });

  it('skips a 令 header and its number, and falls back to it when nothing else follows', () => {
    expect(
      title(
        '某某部令\n第3号\n《某某办法》已经部务会议审议通过，现予公布，自2020年1月1日起施行。\n部长某某某\n2019年12月1日\n某某管理办法\n第一章 总则',
      ),
    ).toBe('某某管理办法');
    expect(title('财政部公告\n（2009年第123号）\n' + BODY)).toBe('财政部公告');
  });

  it('finds nothing in a news report or after the first heading', () => {
    expect(title('通知指出\n' + BODY + '\n通知要求\n一、讲政治')).toBeNull();
    expect(title('一、总体要求\n某某的通知')).toBeNull();
  });
});

describe('发文字号 only from the head', () => {
  it('ignores a 文号 cited in the body', () => {
    const m = readMetadata({ text: `关于某某的通知\n各单位：\n根据国发〔2019〕5号文件精神，${BODY}` });
    expect(m.docNumber).toBeNull();
  });

  it('ignores a 文号 on a line that is not the number alone', () => {
    expect(readMetadata({ text: '关于某某的通知\n转发国发〔2019〕5号的意见\n' + BODY }).docNumber).toBeNull();
  });

  it('accepts the number in parentheses and with 签发人', () => {
    expect(readMetadata({ text: '关于某某的请示\n某发〔2020〕7号 签发人：某某某\n' + BODY }).docNumber).toBe(
      '某发〔2020〕7号',
    );
  });

  it('looks no further than the first 600 characters', () => {
    const filler = Array.from({ length: 40 }, () => '某某某某某某某某某某某某某某某某').join('\n');
    expect(readMetadata({ text: `${filler}\n某发〔2020〕7号\n${BODY}` }).docNumber).toBeNull();
  });
});

describe('issuers from the title', () => {
  it.each([
    ['中共宁波市委关于某某的通知', ['中共宁波市委']],
    ['国务院关于某某的意见', ['国务院']],
    ['中国银保监会党委办公室关于某某的通知', ['中国银保监会党委办公室']],
    ['财政部 税务总局关于某某的公告', ['财政部', '税务总局']],
    ['财政部、税务总局关于某某的公告', ['财政部', '税务总局']],
    ['国务院办公厅转发教育部关于某某的通知', ['国务院办公厅']],
    ['中国人民银行等八部门关于某某的指导意见', ['中国人民银行']],
    ['关于某某的通知', []],
    ['中华人民共和国监察法', []],
    ['2020年关于某某的通知', []],
  ])('%s', (title, issuers) => {
    expect(issuersFromTitle(title)).toEqual(issuers);
  });
});

describe('issuers printed on a line under a title that opens with 关于', () => {
  const issuers = (head: string) =>
    readMetadata({ text: `关于开展某项推广工作的通知\n${head}\n财建〔2013〕644号\n${BODY}` }).issuers;

  it.each([
    ['财政部 国家发展和改革委员会 工业和信息化部', ['财政部', '国家发展和改革委员会', '工业和信息化部']],
    ['中共中央办公厅 国务院办公厅', ['中共中央办公厅', '国务院办公厅']],
    ['公安部、交通运输部', ['公安部', '交通运输部']],
    ['某某市人民政府办公厅', ['某某市人民政府办公厅']],
  ])('%s', (line, expected) => {
    expect(issuers(line)).toEqual(expected);
  });

  it('reads no issuers from a line that is not agency names', () => {
    expect(issuers('（2013年9月26日）')).toEqual([]);
    expect(issuers('各省、自治区、直辖市财政厅：')).toEqual([]);
  });
});

describe('closing block', () => {
  const closing = (text: string) => readClosing(text);

  it('reads the 署名 lines above the date, several agencies one per line', () => {
    expect(closing(`${BODY}\n教育部\n财政部\n2020年3月1日\n（此件公开发布）`)).toEqual({
      date: '2020-03-01',
      issuers: ['教育部', '财政部'],
    });
  });

  it('reads a 署名 glued to the date and the date glued to the last sentence', () => {
    expect(closing(`${BODY}\n特此通知。某某县人民政府2020年3月1日`)).toEqual({
      date: '2020-03-01',
      issuers: ['某某县人民政府'],
    });
    expect(closing(`${BODY}\n某某县人民政府 2020年3月1日`)).toEqual({
      date: '2020-03-01',
      issuers: ['某某县人民政府'],
    });
  });

  it('reads a Chinese-numeral date and leaves a person signature out of the issuers', () => {
    expect(closing(`${BODY}\n局长\u3000某某某\n二〇二〇年三月一日`)).toEqual({ date: '2020-03-01', issuers: [] });
  });

  it('does not take a 印发 date, a date inside a sentence or a date far from the end', () => {
    expect(closing(`${BODY}\n某某办公室\u30002020年3月2日印发`)).toEqual({ date: null, issuers: [] });
    expect(closing(`${BODY}截至2020年3月1日`)).toEqual({ date: null, issuers: [] });
    const far = `${BODY}\n2020年3月1日\n` + Array.from({ length: 10 }, () => BODY).join('\n');
    expect(closing(far)).toEqual({ date: null, issuers: [] });
  });
});

describe('施行日期 stated in the text', () => {
  it.each([
    ['本办法自2014年8月1日起施行。', '2014-08-01'],
    ['本通知自二〇二〇年一月一日起实施。', '2020-01-01'],
    ['《某某办法》已经局务会议审议通过，现予公布，自2014年8月1日起施行。', '2014-08-01'],
    ['第六十条 本办法自2014年8月1日起施行。原办法同时废止。', '2014-08-01'],
  ])('%s', (text, iso) => {
    expect(findEffectiveDate(text, null)).toBe(iso);
  });

  it('resolves 自发布/公布之日 only with a known published date, never 自印发之日', () => {
    expect(findEffectiveDate('本规定自发布之日起施行。', '2020-05-06')).toBe('2020-05-06');
    expect(findEffectiveDate('本规定自发布之日起施行。', null)).toBeNull();
    expect(findEffectiveDate('本通知自印发之日起施行。', '2020-05-06')).toBeNull();
  });

  it('does not take another document’s date', () => {
    expect(findEffectiveDate('《某某条例》自2020年1月1日起施行，各地要认真学习。', null)).toBeNull();
    expect(findEffectiveDate('各地自2020年1月1日起开展专项检查。', null)).toBeNull();
  });

  it('a label wins over the text', () => {
    const m = readMetadata({
      text: '某某管理办法\n第一条 为了……。\n第二条 本办法自2014年8月1日起施行。',
      labelled: { 施行日期: '2014.09.01' },
    });
    expect(m.effectiveDate).toBe('2014-09-01');
  });
});

describe('法宝引证码 and 原文链接', () => {
  it.each([
    ['【法宝引证码】 CLI.12.7186154', 'CLI.12.7186154'],
    ['【法宝引证码】CLI.1.5332699', 'CLI.1.5332699'],
    ['法宝引证码：CLI.C.10086', 'CLI.C.10086'],
    ['【法宝引证码】CLI.A.123456', 'CLI.A.123456'],
  ])('%s', (line, code) => {
    expect(readMetadata({ text: `某某的通知\n${line}` }).citationCode).toBe(code);
  });

  it('takes the label value, and only CLI codes from it', () => {
    expect(readMetadata({ text: '', labelled: { 法宝引证码: '【法宝引证码】CLI.3.281033' } }).citationCode).toBe(
      'CLI.3.281033',
    );
  });

  it('reads 原文链接 from a label or the text, trimming trailing punctuation', () => {
    expect(readMetadata({ text: '原文链接：https://www.pkulaw.com/chl/abc.html。' }).url).toBe(
      'https://www.pkulaw.com/chl/abc.html',
    );
    expect(readMetadata({ text: '', labelled: { 原文链接: 'https://www.pkulaw.com/chl/def.html' } }).url).toBe(
      'https://www.pkulaw.com/chl/def.html',
    );
    expect(readMetadata({ text: '正文里说到原文链接但没有地址。' }).url).toBeNull();
  });
});

describe('the 署名 as the 发文机关 when it is the title’s agency without its places', () => {
  const issuers = (title: string, signer: string) =>
    readMetadata({ text: `${title}\n各有关单位：\n${BODY}\n${signer}\n2021年3月5日` }).issuers;

  it('a district or county organ that keeps its own place name (某某区人民政府)', () => {
    expect(issuers('某某市某某区人民政府关于某项工作的通知', '某某区人民政府')).toEqual(['某某区人民政府']);
    expect(issuers('某某省某某市某某县人民政府关于某项工作的通知', '某某县人民政府')).toEqual(['某某县人民政府']);
  });

  it('not a 署名 that names its place only by the district’s word (区委…), which does not say which district', () => {
    expect(issuers('某某市某某区区委组织部办公室关于报送有关情况的通知', '区委组织部办公室')).toEqual([
      '某某市某某区区委组织部办公室',
    ]);
  });

  it('not a bare department name, which drops the place it belongs to', () => {
    expect(issuers('某某市某某区卫生健康局关于某项工作的通知', '卫生健康局')).toEqual(['某某市某某区卫生健康局']);
  });
});
