import { describe, expect, it } from 'vitest';
import { LABELS, levelName, readLabelled, validityName } from '../../lib/metadata/labels';
import { readMetadata } from '../../lib/metadata';

describe('readLabelled', () => {
  it.each([
    ['发布部门', 'issuers'],
    ['制定机关', 'issuers'],
    ['发文机关', 'issuers'],
    ['发文机构', 'issuers'],
    ['发布机构', 'issuers'],
    ['发文字号', 'docNumber'],
    ['文号', 'docNumber'],
    ['发文号', 'docNumber'],
    ['成文日期', 'signedDate'],
    ['发文日期', 'signedDate'],
    ['生成日期', 'signedDate'],
    ['发布日期', 'publishedDate'],
    ['公布日期', 'publishedDate'],
    ['公开日期', 'publishedDate'],
    ['实施日期', 'effectiveDate'],
    ['施行日期', 'effectiveDate'],
    ['生效时间', 'effectiveDate'],
    ['生效日期', 'effectiveDate'],
    ['时效性', 'validity'],
    ['有效性', 'validity'],
    ['时效', 'validity'],
    ['效力级别', 'level'],
    ['效力位阶', 'level'],
    ['法律效力位阶', 'level'],
    ['法宝引证码', 'citationCode'],
    ['标题', 'title'],
    ['文件名称', 'title'],
    ['名称', 'title'],
    ['公文种类', 'docType'],
  ])('%s → %s', (label, field) => {
    expect(readLabelled({ [label]: 'X' })).toEqual({ [field]: 'X' });
  });

  it('has one row per label', () => {
    const labels = LABELS.map((r) => r.label.toLowerCase());
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('cleans labels that were not stripped and ignores unknown labels, empty and placeholder values', () => {
    expect(
      readLabelled({
        '标　　题：': 'A',
        '索 引 号：': '000014349/2019-00007',
        发文字号: '',
        文号: '无',
        发文机关: '—',
      }),
    ).toEqual({
      title: 'A',
    });
  });

  it('prefers the earlier label of a field whatever the key order', () => {
    expect(readLabelled({ 生成日期: '2020年1月2日', 成文日期: '2020年1月1日' }).signedDate).toBe('2020年1月1日');
    expect(readLabelled({ 成文日期: '2020年1月1日', 生成日期: '2020年1月2日' }).signedDate).toBe('2020年1月1日');
  });

  it('skips non-string values of an untrusted record', () => {
    expect(readLabelled({ 发文字号: 5 as unknown as string, 标题: 'T' })).toEqual({ title: 'T' });
    expect(readLabelled(null)).toEqual({});
  });
});

describe('pkulaw codes', () => {
  it('maps bare 效力 codes and keeps names', () => {
    expect(levelName('XE03')).toBe('部门规章');
    expect(levelName('XE0303')).toBe('部门规章');
    expect(levelName('XA01')).toBe('法律');
    expect(levelName('XR12')).toBe('党内法规');
    expect(levelName('地方规范性文件')).toBe('地方规范性文件');
    expect(levelName('XZ99')).toBe('XZ99'); // unknown code: shown as given
  });

  it('maps TimelinessDic codes', () => {
    expect(validityName('01')).toBe('现行有效');
    expect(validityName('03')).toBe('已被修改');
    expect(validityName('部分失效')).toBe('部分失效');
  });
});

describe('labels win over the text', () => {
  const text = '某某局关于某某工作的通知\n某发〔2020〕3号\n各单位：\n正文。\n某某局\n2020年1月29日';

  it('uses the text when there is no label', () => {
    const m = readMetadata({ text });
    expect([m.title, m.docNumber, m.issuers, m.signedDate]).toEqual([
      '某某局关于某某工作的通知',
      '某发〔2020〕3号',
      ['某某局'],
      '2020-01-29',
    ]);
  });

  it('uses non-empty labels', () => {
    const m = readMetadata({
      text,
      labelled: {
        标题: '另一标题的决定',
        发文字号: '某发〔2020〕99号',
        发文机关: '甲局 乙委',
        成文日期: '2020年02月01日',
        公文种类: '决定',
      },
    });
    expect([m.title, m.docType, m.docNumber, m.issuers, m.signedDate]).toEqual([
      '另一标题的决定',
      '决定',
      '某发〔2020〕99号',
      ['甲局', '乙委'],
      '2020-02-01',
    ]);
  });

  it('ignores 公文种类：其他', () => {
    expect(readMetadata({ text, labelled: { 公文种类: '其他' } }).docType).toBe('通知');
  });

  it('falls back to the text when a label is empty or not a number', () => {
    expect(readMetadata({ text, labelled: { 发文字号: '' } }).docNumber).toBe('某发〔2020〕3号');
    expect(readMetadata({ text, labelled: { 发文字号: '（2020年）' } }).docNumber).toBe('某发〔2020〕3号');
    expect(readMetadata({ text, labelled: { 成文日期: '不详' } }).signedDate).toBe('2020-01-29');
  });
});
