import { describe, expect, it } from 'vitest';
import { findObligations, HIGHLIGHT_THRESHOLD } from '../../lib/obligations/index';

/** Structural promises every result keeps, whatever the input. */
function expectWellFormed(text: string) {
  const cs = findObligations(text);
  expect(Array.isArray(cs)).toBe(true);
  let last = -1;
  for (const c of cs) {
    expect(c.start).toBeGreaterThanOrEqual(last);
    last = c.start;
    expect(c.end).toBeGreaterThan(c.start);
    expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(c.category).toBe(c.categories[0]);
    expect(c.score).toBeGreaterThanOrEqual(HIGHLIGHT_THRESHOLD);
    expect(c.score).toBeLessThanOrEqual(1);
  }
  return cs;
}

describe('never throws, never hangs', () => {
  it('exports the threshold', () => {
    expect(HIGHLIGHT_THRESHOLD).toBe(0.5);
  });

  it('handles empty and trivial input', () => {
    expect(findObligations('')).toEqual([]);
    expect(findObligations('\n\n\n')).toEqual([]);
    expect(findObligations('。；，：')).toEqual([]);
    expect(findObligations('要')).toHaveLength(1);
    expect(findObligations('要', { addressees: [] })).toHaveLength(1);
    expect(findObligations('要', { addressees: ['', '  '] })[0].bearer).toBeNull();
  });

  it('handles invalid surrogates and control characters', () => {
    const cs = expectWellFormed('\ud800各地要\udc00加强领导。\u0000\uffff不得\ud83d');
    expect(cs.length).toBeGreaterThan(0);
  });

  it.each([
    ['10 MB of ordinary directives', '各级党委要加强领导，坚决落实责任。'.repeat(600_000)],
    ['10 MB without any punctuation', '各级党委要加强领导坚决落实责任不得'.repeat(600_000)],
    ['10 MB of ASCII', 'a'.repeat(10_000_000)],
  ])(
    '%s comes back with an answer',
    (_name, text) => {
      const cs = findObligations(text);
      expect(Array.isArray(cs)).toBe(true);
    },
    120_000,
  );

  it.each([
    [
      'runs of one character',
      ['要', '不', '，', '“', '《', '（', '由', '的', '\n', ':'].map((c) => c.repeat(200_000)).join(''),
    ],
    [
      'pathological structure',
      '要，'.repeat(100_000) + '有下列情形之一的，企业应当：\n（一）不得；\n'.repeat(20_000) + '要：\n'.repeat(50_000),
    ],
    ['unclosed quotes and titles', '“要求各地'.repeat(50_000) + '《严禁'.repeat(50_000)],
  ])(
    '%s',
    (_name, text) => {
      expectWellFormed(text);
    },
    60_000,
  );
});
