/**
 * readMetadata on the five seed notices (plain text, no labels): expected values written by reading the
 * files in ../../../shared/seeds, not copied from the code's output.
 */
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../lib/metadata';
import { readClosing } from '../../lib/metadata/closing';
import { emptyMetadata, type NoticeMetadata } from '../../lib/types';
import { seedText } from './fixture-text';

const NONE: NoticeMetadata = emptyMetadata();

describe('readMetadata on the seeds', () => {
  it('000: pkulaw TXT export of a 银保监会党委办公室 notice', () => {
    expect(readMetadata({ text: seedText('000') })).toEqual({
      ...NONE,
      title: '中国银保监会党委办公室关于动员系统各级党组织和党员干部积极投身新型冠状病毒感染肺炎疫情防控阻击战的通知',
      docType: '通知',
      docNumber: '银保监党办发〔2020〕3号',
      issuers: ['中国银保监会党委办公室'],
      addressees: ['各银保监局党委', '机关党委', '各会管单位党委'],
      signedDate: '2020-01-29',
      citationCode: 'CLI.16.338947',
      url: 'https://www.pkulaw.com/chl/1b8b7e4fc052b9babdfb.html',
    });
  });

  it('001: 中共宁波市委, half-width punctuation, an editor line after the date', () => {
    expect(readMetadata({ text: seedText('001') })).toEqual({
      ...NONE,
      title:
        '中共宁波市委关于坚决贯彻落实习近平总书记重要指示精神充分发挥各级党组织和党员干部在打赢疫情防控阻击战中积极作用的通知',
      docType: '通知',
      issuers: ['中共宁波市委'],
      addressees: ['各区县(市)党委', '市直及部省属驻甬各单位党委(党组)'],
      signedDate: '2020-01-30',
    });
  });

  it('002: 中共北京市委, one glued line, the 署名 and date glued to the last paragraph', () => {
    const text = seedText('002');
    // The normaliser splits the glued 主送 from the body at `：　　`.
    expect(text.split('\n')[1]).toBe(
      '各区委，市委各部委办，市国家机关各党组(党委)，各人民团体党组，各总公司和高等院校党委：',
    );
    expect(readMetadata({ text })).toEqual({
      ...NONE,
      title: '中共北京市委关于加强党的领导、为打赢疫情防控阻击战提供坚强政治保证的通知',
      docType: '通知',
      issuers: ['中共北京市委'],
      addressees: ['各区委', '市委各部委办', '市国家机关各党组(党委)', '各人民团体党组', '各总公司和高等院校党委'],
      signedDate: '2020-01-29',
    });
  });

  it('003: a title without 机关 and no closing block', () => {
    expect(readMetadata({ text: seedText('003') })).toEqual({
      ...NONE,
      title: '关于发挥党组织战斗堡垒作用坚决打赢疫情防控阻击战的通知',
      docType: '通知',
      addressees: [
        '各乡（镇）党委',
        '各街道党工委',
        '产业集聚区党工委',
        '县委各部委办',
        '县直各单位党委（党组）、党支部（党总支）',
        '各人民团体党支部（党组）',
      ],
    });
  });

  it('004: a news report (通知指出 / 通知要求) has no title, 文号, issuer or 主送', () => {
    expect(readMetadata({ text: seedText('004') })).toEqual(NONE);
  });

  it('the closing block is read from the 署名 lines, not only from the title', () => {
    expect(readClosing(seedText('000'))).toEqual({ date: '2020-01-29', issuers: ['银保监会党委办公室'] });
    expect(readClosing(seedText('001'))).toEqual({ date: '2020-01-30', issuers: ['中共宁波市委'] });
    expect(readClosing(seedText('002'))).toEqual({ date: '2020-01-29', issuers: ['中共北京市委'] });
    expect(readClosing(seedText('003'))).toEqual({ date: null, issuers: [] });
    expect(readClosing(seedText('004'))).toEqual({ date: null, issuers: [] });
  });

  it('the 署名 gives the issuers when the title names none', () => {
    const text = seedText('000').replace('中国银保监会党委办公室关于', '关于');
    expect(readMetadata({ text }).issuers).toEqual(['银保监会党委办公室']);
  });

  it('input.url wins over the 原文链接 line', () => {
    expect(readMetadata({ text: seedText('000'), url: 'https://example.org/n/1' }).url).toBe('https://example.org/n/1');
  });
});
