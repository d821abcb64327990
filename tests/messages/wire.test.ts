import { describe, expect, it } from 'vitest';
import { analyseText } from '../../lib/analyse';
import { decodeAnalysis, encodeAnalysis } from '../../lib/messages/wire';
import { normaliseText } from '../../lib/text/normalise';
import { prng } from '../support/prng';

describe('the analysis on the wire', () => {
  it('rebuilds the normalised text, its map and every clause from the text the page read', () => {
    const rand = prng(11);
    const pieces = [
      '各区县人民政府',
      '要',
      '　',
      ' ',
      '\n',
      '切实 加强',
      '，',
      'ＡＢＣ１２',
      '\u00a0',
      '第一条 ',
      '应当于2024年6月30日前报送。',
      '不得',
      '鼓励企业',
      '\n\n',
    ];
    for (let c = 0; c < 60; c++) {
      let source = '关于做好安全生产工作的通知\n各单位：\n';
      const n = 20 + Math.floor(rand() * 300);
      for (let i = 0; i < n; i++) source += pieces[Math.floor(rand() * pieces.length)];
      const norm = normaliseText(source);
      const analysis = analyseText(source, null, { force: true });
      expect(analysis.text).toBe(norm.text);
      const timings = { normalise: 1, metadata: 2, detect: 3, obligations: 4, wall: 11 };
      const back = decodeAnalysis(encodeAnalysis(analysis, norm, source, timings), source);
      expect(back.norm).toEqual(norm);
      expect(back.analysis).toEqual(analysis);
      expect(back.timings).toEqual(timings);
    }
  });

  it('brings back each clause’s location label', () => {
    const source = [
      '关于做好安全生产工作的通知',
      '各单位：',
      '各单位要高度重视。',
      '一、压实责任',
      '（一）各区要落实责任。',
      '1.各街道要开展排查。',
      '二、加强督查',
      '要定期通报。',
    ].join('\n');
    const norm = normaliseText(source);
    const analysis = analyseText(source, null, { force: true });
    const timings = { normalise: 0, metadata: 0, detect: 0, obligations: 0, wall: 0 };
    const back = decodeAnalysis(encodeAnalysis(analysis, norm, source, timings), source).analysis;
    const locations = back.obligations.map((c) => c.location);
    expect(locations).toEqual(analysis.obligations.map((c) => c.location));
    expect(locations).toEqual(expect.arrayContaining([null, '一、（一）', '一、（一）1.', '二、']));
  });

  it('refuses an answer that does not fit the text it is decoded against', () => {
    const source = '各单位要切实加强组织领导。';
    const norm = normaliseText(source);
    const json = encodeAnalysis(analyseText(source, null, { force: true }), norm, source, {
      normalise: 0,
      metadata: 0,
      detect: 0,
      obligations: 0,
      wall: 0,
    });
    expect(() => decodeAnalysis(json, '各单位')).toThrow();
    expect(() => decodeAnalysis('{"offsets":[0', source)).toThrow();
  });
});
