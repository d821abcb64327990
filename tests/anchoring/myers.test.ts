import { describe, expect, it } from 'vitest';
import {
  alignAt,
  compilePattern,
  levenshtein,
  patternDistance,
  scanPattern,
  searchPattern,
} from '../../lib/text/myers';
import { dpLevenshtein } from '../support/levenshtein';
import { prng } from '../support/anchoring-cases';

function randomString(rand: () => number, length: number, alphabet: string): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}

/** Reference: for each text end j, min over starts of the edit distance (DP with a free first row). */
function searchDistances(pattern: string, text: string): number[] {
  let column = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const out: number[] = [];
  for (let j = 0; j < text.length; j++) {
    const next = [0];
    for (let i = 1; i <= pattern.length; i++) {
      const same = pattern[i - 1] === text[j] ? 0 : 1;
      next[i] = Math.min(column[i - 1] + same, column[i] + 1, next[i - 1] + 1);
    }
    out.push(next[pattern.length]);
    column = next;
  }
  return out;
}

function reverse(s: string): string {
  return [...s].reverse().join('');
}

describe('Myers bit-parallel matcher', () => {
  it('agrees with the dynamic-programming distance, free start, for patterns of one to four words', () => {
    const rand = prng(42);
    for (let t = 0; t < 300; t++) {
      const pattern = randomString(rand, 1 + Math.floor(rand() * 130), 'abcd');
      const text = randomString(rand, Math.floor(rand() * 200), 'abcde');
      const compiled = compilePattern(pattern);
      const got: number[] = [];
      scanPattern(compiled, text, 0, text.length, 1, true, (_, d) => {
        got.push(d);
      });
      expect(got).toEqual(searchDistances(pattern, text));
    }
  });

  it('agrees with the dynamic-programming distance, fixed start, in both directions', () => {
    const rand = prng(7);
    for (let t = 0; t < 150; t++) {
      const pattern = randomString(rand, 1 + Math.floor(rand() * 70), '疫情防控');
      const text = randomString(rand, 1 + Math.floor(rand() * 80), '疫情防控要');
      const forward: number[] = [];
      scanPattern(compilePattern(pattern), text, 0, text.length, 1, false, (_, d) => {
        forward.push(d);
      });
      expect(forward).toEqual([...text].map((_, j) => dpLevenshtein(pattern, text.slice(0, j + 1))));
      const backward: number[] = [];
      scanPattern(compilePattern(reverse(pattern)), text, text.length - 1, text.length, -1, false, (_, d) => {
        backward.push(d);
      });
      expect(backward).toEqual([...text].map((_, j) => dpLevenshtein(pattern, text.slice(text.length - 1 - j))));
    }
  });

  it('aligns a context against the text next to a position', () => {
    const text = '各级党组织要充分发挥战斗堡垒作用';
    const pattern = compilePattern('党组织要');
    expect(alignAt(pattern, text, 2, 1, 10)).toEqual({ distance: 0, length: 4 });
    expect(alignAt(pattern, text, 2, 1, 2).distance).toBe(2);
    expect(alignAt(compilePattern(reverse('各级党组')), text, 3, -1, 10)).toEqual({ distance: 0, length: 4 });
  });

  it('finds approximate occurrences with their bounds, one per local minimum', () => {
    const text = '要加强组织领导，要切实加强组织领导，要全面落实责任';
    const quote = '切实加强组织领导';
    const found = searchPattern(compilePattern(quote), compilePattern(reverse(quote)), text, 0, text.length, 2);
    const exact = found.find((m) => m.errors === 0);
    expect(exact).toEqual({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, errors: 0 });
    // The first 加强组织领导 is two deletions away; it is reported once, not at every unit after it.
    expect(found.filter((m) => m.end <= 7)).toHaveLength(1);
  });

  it('keeps an edited word at the end inside the match', () => {
    const text = '前文施,做好本单深入疫情监测';
    const quote = '施,做好本单位的';
    const [m] = searchPattern(compilePattern(quote), compilePattern(reverse(quote)), text, 0, text.length, 2);
    expect(m).toEqual({ start: 2, end: 10, errors: 2 });
  });

  it('gives the dynamic-programming edit distance on random strings, non-BMP characters included', () => {
    // Astral characters are two UTF-16 units each; 𠀀 and 𠀁 share their high surrogate.
    const alphabet = ['疫', '情', 'a', '𠀀', '𠀁', '😀', '\u3000', '，'];
    const rand = prng(2024);
    const pick = (length: number) =>
      Array.from({ length }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    let astral = 0;
    for (let t = 0; t < 400; t++) {
      // Lengths up to ~180 units: one 32-unit block and several.
      const a = pick(Math.floor(rand() * (t % 2 === 0 ? 90 : 20)));
      let b = pick(Math.floor(rand() * (t % 2 === 0 ? 90 : 20)));
      if (t % 3 === 0) b = a.slice(0, Math.floor(rand() * a.length)) + pick(3) + a.slice(Math.floor(rand() * a.length));
      if (/[\u{20000}-\u{2FFFF}\u{1F600}]/u.test(a + b)) astral++;
      const expected = dpLevenshtein(a, b);
      expect(levenshtein(a, b), `${a} / ${b}`).toBe(expected);
      expect(levenshtein(b, a), `${b} / ${a}`).toBe(expected);
    }
    expect(astral).toBeGreaterThan(300);
  });

  it('stops at the cut-off with a value above it, and is exact up to it', () => {
    const rand = prng(99);
    for (let t = 0; t < 200; t++) {
      const a = randomString(rand, 1 + Math.floor(rand() * 70), '党员干部要');
      const b = randomString(rand, Math.floor(rand() * 70), '党员干部要');
      const d = dpLevenshtein(a, b);
      const limit = Math.floor(rand() * 40);
      const got = patternDistance(compilePattern(a), b, limit);
      if (d <= limit) expect(got).toBe(d);
      else expect(got).toBeGreaterThan(limit);
    }
  });

  it('keeps each pattern right when several are used in turn, and when one is recompiled in place', () => {
    const text = '各级党组织要充分发挥战斗堡垒作用，党员干部要冲锋在前';
    const first = compilePattern('党组织要');
    const second = compilePattern('党员干部要冲锋');
    for (let round = 0; round < 3; round++) {
      expect(alignAt(first, text, 2, 1, 10)).toEqual({ distance: 0, length: 4 });
      expect(patternDistance(second, '党员干部要冲锋')).toBe(0);
      expect(patternDistance(second, '党员干部冲锋')).toBe(1);
    }
    const reused = compilePattern('一二三四五六七八九十'.repeat(5));
    expect(compilePattern('发挥战斗堡垒作用', reused)).toBe(reused);
    expect(patternDistance(reused, '发挥战斗堡垒作用')).toBe(0);
    expect(patternDistance(reused, '发挥堡垒作用')).toBe(2);
  });

  it('refuses a scan started from inside another', () => {
    const pattern = compilePattern('党组织');
    const other = compilePattern('作用');
    expect(() =>
      scanPattern(pattern, '各级党组织', 0, 5, 1, true, () => {
        patternDistance(other, '作用');
      }),
    ).toThrow();
    // The refused scan leaves both patterns usable.
    expect(patternDistance(pattern, '党组织')).toBe(0);
    expect(patternDistance(other, '作为')).toBe(1);
  });
});
