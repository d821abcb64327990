import { describe, expect, it } from 'vitest';
import { findAddressees, splitAddressees } from '../../lib/metadata/addressees';
import { splitLines } from '../../lib/metadata/lines';

describe('splitAddressees', () => {
  it('splits at top-level ，and keeps 、 inside a group', () => {
    expect(splitAddressees('各省、自治区、直辖市人民政府，国务院各部委、各直属机构：')).toEqual([
      '各省、自治区、直辖市人民政府',
      '国务院各部委、各直属机构',
    ]);
  });

  it('splits at half-width commas and never inside parentheses', () => {
    expect(splitAddressees('各区县(市)党委,市直及部省属驻甬各单位党委(党组):')).toEqual([
      '各区县(市)党委',
      '市直及部省属驻甬各单位党委(党组)',
    ]);
    expect(splitAddressees('各级党委（党组，含临时党组织），各人民团体：')).toEqual([
      '各级党委（党组，含临时党组织）',
      '各人民团体',
    ]);
  });

  it('splits at ；and drops empty groups', () => {
    expect(splitAddressees('各市人民政府；省政府各部门，，')).toEqual(['各市人民政府', '省政府各部门']);
  });
});

describe('findAddressees', () => {
  const find = (text: string) => findAddressees(splitLines(text));

  it('finds the 主送 line after the title and 文号', () => {
    expect(
      find(
        '某某市人民政府关于某某工作的通知\n某政发〔2020〕1号\n各区、县（市）人民政府，市政府各部门：\n为进一步……现通知如下。',
      ),
    ).toEqual(['各区、县（市）人民政府', '市政府各部门']);
  });

  it('reads party organisations as addressees, on a page that lost its title', () => {
    expect(find('各二级党委、浔东校区党工委、附属单位党组织：\n现将有关事项通知如下：\n一、月报内容')).toEqual([
      '各二级党委、浔东校区党工委、附属单位党组织',
    ]);
    expect(find('各基层党组织，各群团组织：\n经研究，决定如下。')).toEqual(['各基层党组织', '各群团组织']);
  });

  it('reads a 主送： line', () => {
    expect(find('某某通知\n主送：各市人民政府，省直各单位\n正文。')).toEqual(['各市人民政府', '省直各单位']);
  });

  it('ignores lines ending in ： that are not addressees', () => {
    expect(find('某某的通知\n现将有关事项通知如下：\n一、总体要求')).toEqual([]);
    expect(find('通知要求\n集团领导强调：\n各级党组织要抓好落实。')).toEqual([]);
    expect(find('附件：\n发文机关：\n联系单位：')).toEqual([]);
    expect(find('某某的意见\n为了……，提出以下意见：')).toEqual([]);
  });

  it('stops at the first heading and looks only at the first 15 lines', () => {
    expect(find('一、总体要求\n各省、自治区、直辖市人民政府：')).toEqual([]);
    const late = Array.from({ length: 16 }, (_, i) => `第${i}行文字。`).join('\n') + '\n各有关单位：';
    expect(find(late)).toEqual([]);
  });
});
