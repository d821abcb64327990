import { describe, expect, it } from 'vitest';
import { decodeOffsetMap, encodeOffsetMap } from '../../lib/text/offset-runs';
import { normaliseText } from '../../lib/text/normalise';
import { prng } from '../support/prng';

describe('offset maps in runs', () => {
  it('round-trip the maps of real normalisations, in far fewer numbers', () => {
    const rand = prng(5);
    const pieces = [
      '各单位',
      '要',
      '　',
      ' ',
      '\n',
      '切实 加强',
      '，',
      'ＡＢＣ',
      '\u00a0',
      '第一条',
      '。\n\n\n',
      '落实',
    ];
    for (let c = 0; c < 200; c++) {
      let source = '';
      const n = 1 + Math.floor(rand() * 400);
      for (let i = 0; i < n; i++) source += pieces[Math.floor(rand() * pieces.length)];
      const { text, map } = normaliseText(source);
      const runs = encodeOffsetMap(map);
      expect(decodeOffsetMap(runs, text.length + 1)).toEqual(map);
    }
    const long = normaliseText('各地区、各部门要切实加强组织领导。'.repeat(6000));
    expect(encodeOffsetMap(long.map).length).toBeLessThan(long.map.length / 10);
  });

  it('refuses runs that describe no map', () => {
    expect(() => decodeOffsetMap([0, 0, 1], 3)).toThrow(/malformed/);
    expect(() => decodeOffsetMap([1, 0], 3)).toThrow(/malformed/);
    expect(() => decodeOffsetMap([0, 0, 5, 9], 3)).toThrow(/out of order/);
    expect(decodeOffsetMap([], 0)).toEqual(new Int32Array(0));
  });
});
