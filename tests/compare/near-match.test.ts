import { describe, expect, it } from 'vitest';
import { findNearPairs, keyBigrams } from '../../lib/compare/near-match';
import { levenshtein } from '../../lib/text/myers';
import { dpLevenshtein } from '../support/levenshtein';
import { segmentText } from '../../lib/compare/segment';
import { random } from './helpers';

function randomString(next: () => number, length: number, alphabet: string): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
  return s;
}

describe('edit distance', () => {
  it('agrees with the textbook algorithm, for one 32-unit block and several', () => {
    const next = random(42);
    for (let k = 0; k < 600; k++) {
      const a = randomString(next, Math.floor(next() * (k % 3 === 0 ? 140 : 45)), '疫情防控党员干部ab');
      // b: a with a few edits, or unrelated.
      let b = a;
      if (next() < 0.3) b = randomString(next, Math.floor(next() * (k % 3 === 0 ? 140 : 45)), '疫情防控党员干部ab');
      else {
        for (let e = Math.floor(next() * 6); e > 0; e--) {
          const at = Math.floor(next() * (b.length + 1));
          const op = next();
          b =
            op < 0.33
              ? b.slice(0, at) + '要' + b.slice(at)
              : op < 0.66
                ? b.slice(0, at) + b.slice(at + 1)
                : b.slice(0, at) + '省' + b.slice(at + 1);
        }
      }
      const d = dpLevenshtein(a, b);
      expect(levenshtein(a, b), `${a} / ${b}`).toBe(d);
    }
  });
});

describe('clause bigrams and near pairs', () => {
  it('gives each clause its distinct bigrams, sorted, and none to clauses under 6 characters', () => {
    const b = keyBigrams(['疫情防控疫情防控', '严肃问责', '防控疫情工作']);
    const of = (g: number) => Array.from(b.ids.subarray(b.start[g], b.start[g + 1]));
    expect(of(0)).toHaveLength(4); // 疫情 情防 防控 控疫
    expect(of(0)).toEqual([...of(0)].sort((x, y) => x - y));
    expect(of(1)).toEqual([]);
    expect(of(2)).toHaveLength(5);
    expect(of(2).filter((id) => of(0).includes(id))).toHaveLength(3); // 防控 控疫 疫情
  });

  it('pairs rewordings of distinct keys that some text lacks', () => {
    const keys = [
      '对不敢担当作风飘浮落实不力的',
      '坚决打赢疫情防控阻击战',
      '对不敢担当作风漂浮落实不力的',
      '对不敢担当作风漂浮落实不力者',
      '全力打赢疫情防控阻击战',
    ];
    const pairsOf = (docMask: Int32Array | null) => {
      const found = findNearPairs({ keys, docMask, docCount: 3 });
      const set = new Set<string>();
      for (let p = 0; p < found.length; p += 2) set.add(`${found.data[p]}-${found.data[p + 1]}`);
      return [...set].sort();
    };
    // Text 0 has keys 0 and 1, text 1 keys 2 and 3, text 2 key 4. Rewordings: 0~2 (one character of 14),
    // 0~3 (two: 0.857), 2~3 (one), 1~4 (坚决/全力: two of 11 = 0.82). 2~3 are both in text 1 and nowhere
    // else: neither is missing where the other is, so no comparison needs that pair.
    expect(pairsOf(Int32Array.from([1, 1, 2, 2, 4]))).toEqual(['0-2', '0-3', '1-4']);
    // Keys 0 and 2 both in texts 0 and 1: that pair goes; 2~3 now counts (text 0 lacks 3).
    expect(pairsOf(Int32Array.from([3, 1, 3, 2, 4]))).toEqual(['0-3', '1-4', '2-3']);
    // A key in every text looks for nothing itself, but a rewording missing from a text still finds it.
    expect(pairsOf(Int32Array.from([1, 7, 2, 2, 4]))).toEqual(['0-2', '0-3', '1-4']);
    // Without masks (more than 30 texts), every pair is kept.
    expect(pairsOf(null)).toEqual(['0-2', '0-3', '1-4', '2-3']);
  });
});

describe('segmentText', () => {
  it('cuts clauses at sentence and clause punctuation, keeps numbers whole, maps keys to offsets', () => {
    const text = '一、提高政治站位，坚决扛起责任。\n1,000元于10:30前；发放到位！';
    const seg = segmentText(text);
    const units = seg.units.map((u) => seg.key.slice(u.keyStart, u.keyEnd));
    expect(units).toEqual(['一提高政治站位', '坚决扛起责任', '1000元于1030前', '发放到位']);
    expect(seg.units.map((u) => u.sentenceStart)).toEqual([true, false, true, true]);
    for (let k = 0; k < seg.key.length; k++) expect(text[seg.keyPos[k]]).toBe(seg.key[k]);
  });

  it('folds full-width letters and case into the key', () => {
    const seg = segmentText('ＣＬＩ．１６号 Notice');
    expect(seg.key).toBe('cli16号notice');
    expect(seg.keyPos[0]).toBe(0);
  });

  it('splits a clause with no punctuation at 256 characters, and a long list at 、 after 96', () => {
    const seg = segmentText('党'.repeat(600));
    expect(seg.units.map((u) => u.keyEnd - u.keyStart)).toEqual([256, 256, 88]);
    const list = segmentText(Array.from({ length: 40 }, () => '防控措施').join('、'));
    expect(list.units.length).toBeGreaterThan(1);
    expect(list.units[0].keyEnd - list.units[0].keyStart).toBe(96);
  });
});
