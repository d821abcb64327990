import { describe, expect, it } from 'vitest';
import { compareNotices, echoMatrix, mostSimilarPair, swapRows, alignPassages, comparePair } from '../../lib/compare';
import { sentences } from '../../lib/compare/echo';
import { SEEDS } from './helpers';

const all = compareNotices(SEEDS.map((text) => ({ title: null, text })));

describe('echoMatrix', () => {
  it('says, for each sentence of the base notice, which others kept, reworded or dropped it', () => {
    const rows = echoMatrix(SEEDS, all, 0);
    expect(rows.length).toBe(sentences(SEEDS[0]).length);
    for (const r of rows) {
      expect(r.text).toBe(SEEDS[0].slice(r.start, r.end));
      expect(r.cells.map((c) => c.doc)).toEqual([1, 2, 3, 4]);
    }
    // 在疫情防控第一线考察…: kept by 001, 002 and 004, reworded by 003 (识别评价其政治素质…).
    const cadres = rows.find((r) => r.text.includes('在疫情防控第一线考察'))!;
    const state = (d: number) => cadres.cells.find((c) => c.doc === d)!.state;
    expect(cadres.cells.map((c) => c.state).filter((s) => s !== 'dropped').length).toBeGreaterThanOrEqual(3);
    expect(state(3)).toBe('reworded');
    // 000's own measure on financial services: dropped by every other notice.
    const own = rows.find((r) => r.text.includes('金融服务绿色通道'))!;
    expect(own.cells.every((c) => c.state === 'dropped')).toBe(true);
  });

  it('marks every sentence kept when a notice is compared with a copy of itself', () => {
    const twice = compareNotices([SEEDS[2], SEEDS[2]].map((text) => ({ title: null, text })));
    expect(echoMatrix([SEEDS[2], SEEDS[2]], twice, 0).every((r) => r.cells[0].state === 'kept')).toBe(true);
  });
});

describe('view helpers', () => {
  it('opens on the most similar pair', () => {
    const [a, b] = mostSimilarPair(all.pairs);
    const top = Math.max(...all.pairs.map((p) => p.similarity));
    expect(all.pairs.find((p) => p.a === a && p.b === b)!.similarity).toBe(top);
  });

  it('swaps rows and their exact stretches when B is read on the left', () => {
    const { passages } = comparePair(SEEDS[0], SEEDS[2]);
    const rows = alignPassages(SEEDS[0], SEEDS[2], passages);
    const back = swapRows(rows);
    const reworded = back.find((r) => r.kind === 'reworded' && r.matches)!;
    for (const m of reworded.matches!) {
      expect(SEEDS[2].slice(m.aStart, m.aEnd).length).toBeGreaterThan(0);
      expect(m.aStart).toBeGreaterThanOrEqual(reworded.a!.start);
      expect(m.aEnd).toBeLessThanOrEqual(reworded.a!.end);
    }
  });
});
