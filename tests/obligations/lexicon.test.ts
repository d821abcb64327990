import { describe, expect, it } from 'vitest';
import { LEXICON } from '../../lib/obligations/lexicon';
import { foldWidth } from '../../lib/text/normalise';

/**
 * The lexicon is hand-written; the matcher compares its words and masks after `foldWidth`, so these checks
 * do too. A mask that does not contain its trigger never applies (the matcher places a mask by where the
 * trigger sits inside it), so it would leave the compound it was written for highlighted as an obligation.
 */
describe('trigger lexicon', () => {
  it('has every exclusion mask contain its trigger, and be longer than it', () => {
    const broken: string[] = [];
    for (const e of LEXICON) {
      const word = foldWidth(e.word);
      for (const m of e.masks ?? []) {
        const mask = foldWidth(m);
        if (!mask.includes(word) || mask.length <= word.length) broken.push(`${e.word}: ${m}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('lists each word once, and each mask once per word', () => {
    const words = LEXICON.map((e) => foldWidth(e.word));
    expect(words.filter((w, i) => words.indexOf(w) !== i)).toEqual([]);
    const repeated: string[] = [];
    for (const e of LEXICON) {
      const masks = (e.masks ?? []).map(foldWidth);
      for (const m of masks.filter((x, i) => masks.indexOf(x) !== i)) repeated.push(`${e.word}: ${m}`);
    }
    expect(repeated).toEqual([]);
  });

  it('gives a category to triggers and none to markers', () => {
    for (const e of LEXICON) {
      if (e.role === 'trigger') expect(e.category, e.word).not.toBeNull();
      else expect(e.category, e.word).toBeNull();
    }
  });
});
