import { describe, expect, it } from 'vitest';
import { alignPassages, comparePair, type AlignedRow } from '../../lib/compare';
import { SEEDS, keyOffsets } from './helpers';

/** Every letter and digit of `text` lies in exactly one row's side. */
function expectEachCharOnce(text: string, rows: AlignedRow[], side: 'a' | 'b') {
  const count = new Uint8Array(text.length);
  for (const r of rows) {
    const s = r[side];
    if (!s) continue;
    expect(s.text).toBe(text.slice(s.start, s.end));
    for (let i = s.start; i < s.end; i++) count[i]++;
  }
  expect(keyOffsets(text).filter((i) => count[i] !== 1)).toEqual([]);
}

describe('alignPassages', () => {
  it('covers both texts once, with A in reading order and B in order outside moved rows', () => {
    for (let a = 0; a < SEEDS.length; a++) {
      for (let b = a + 1; b < SEEDS.length; b++) {
        const { passages } = comparePair(SEEDS[a], SEEDS[b]);
        const rows = alignPassages(SEEDS[a], SEEDS[b], passages);
        expectEachCharOnce(SEEDS[a], rows, 'a');
        expectEachCharOnce(SEEDS[b], rows, 'b');
        const aStarts = rows.filter((r) => r.a).map((r) => r.a!.start);
        expect(aStarts).toEqual([...aStarts].sort((x, y) => x - y));
        const bStarts = rows.filter((r) => r.b && !r.moved).map((r) => r.b!.start);
        expect(bStarts).toEqual([...bStarts].sort((x, y) => x - y));
        expect(rows.filter((r) => r.kind !== 'own')).toHaveLength(passages.length);
      }
    }
  });

  it('aligns passages in order, pairs own text between them, and flags a passage that moved', () => {
    const p1 = '各级党组织要充分发挥战斗堡垒作用，组织动员广大党员冲锋在前。';
    const p2 = '对表现突出的干部要及时表扬表彰，对失职渎职的要严肃问责。';
    const p3 = '要加强宣传引导，及时总结推广先进典型和感人事迹。';
    const a = `${p1}\n本市补充规定如下。\n${p2}\n${p3}`;
    const b = `${p3}\n${p1}\n本县另行部署检查。\n${p2}`;
    const rows = alignPassages(a, b, comparePair(a, b).passages);
    expect(rows.map((r) => [r.kind, r.moved, r.a?.text ?? null, r.b?.text ?? null])).toEqual([
      ['same', false, p1.slice(0, -1), p1.slice(0, -1)],
      ['own', false, '本市补充规定如下', '本县另行部署检查'],
      ['same', false, p2.slice(0, -1), p2.slice(0, -1)],
      ['same', true, p3.slice(0, -1), p3.slice(0, -1)],
    ]);
  });

  it('gives one own row per side when nothing is shared', () => {
    const rows = alignPassages('甲方的内容。', '乙方的内容。', []);
    expect(rows).toEqual([
      {
        kind: 'own',
        moved: false,
        a: { start: 0, end: 5, text: '甲方的内容' },
        b: { start: 0, end: 5, text: '乙方的内容' },
      },
    ]);
  });
});
