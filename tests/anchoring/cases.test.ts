import { describe, expect, it } from 'vitest';
import {
  EDIT_KINDS,
  applySplices,
  generateCases,
  loadBaseTexts,
  runCases,
  trackSpan,
  type EditKind,
} from '../support/anchoring-cases';
import { foldString } from '../../lib/anchoring/folded-text';

/** Edits after which the span's text is gone: the annotation must be left unplaced. */
const GONE: ReadonlySet<EditKind> = new Set(['span-deleted', 'near-identical-deleted']);
/** Edits that may change the span's own text (a word, or the number of a label inside it). */
const REWORDED: ReadonlySet<EditKind> = new Set([
  'word-changed-inside',
  'renumbered-version',
  'list-item-deleted',
  'combined',
]);
/** Edits that keep the span's text and its surroundings findable: nearly all must be placed. */
const FINDABLE: readonly EditKind[] = [
  'none',
  'reflow',
  'punctuation-width',
  'insert-paragraph-before',
  'delete-paragraph-before',
  'word-changed-in-prefix',
  'moved-sentence',
];

describe('generated re-anchoring cases (tests/support/anchoring-cases.ts)', () => {
  const { tuned, heldOut } = loadBaseTexts();
  const cases = generateCases(300, 97, tuned);
  const held = generateCases(300, 97, heldOut);
  // Rates per edit kind on about a hundred cases of each: twenty are too few for a floor of 94-97%.
  let wide: ReturnType<typeof runCases>[] | null = null;
  const wideTallies = () =>
    (wide ??= [runCases(generateCases(1500, 97, tuned)), runCases(generateCases(1500, 97, heldOut))]);

  it('are deterministic, cover every edit kind and track the truth through the edit', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(10);
    expect(generateCases(300, 97, tuned).map((c) => [c.id, c.expected])).toEqual(cases.map((c) => [c.id, c.expected]));
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(EDIT_KINDS));
    for (const c of [...cases, ...held]) {
      if (GONE.has(c.kind)) {
        expect(c.expected, c.id).toBeNull();
        continue;
      }
      if (c.expected === null) {
        expect(c.kind, c.id).toBe('list-item-deleted'); // its own item went
        continue;
      }
      const moved = c.text.slice(c.expected.start, c.expected.end);
      if (c.kind === 'word-changed-inside') expect(moved, c.id).not.toBe(c.quote);
      else if (!REWORDED.has(c.kind)) expect(foldString(moved), c.id).toBe(foldString(c.quote));
    }
  });

  it('never place a note on other text: not after deletion, not on a near-copy, not on one of two copies in a row', () => {
    for (const set of [cases, held]) {
      const tally = runCases(set);
      expect(tally.failures.filter((f) => f.verdict === 'wrong')).toEqual([]);
      expect(tally.orphanedCorrectly).toBe(set.filter((c) => c.expected === null).length);
      // A sentence pasted right above or below itself: both places offered, neither painted.
      const twins = tally.byKind['adjacent-duplicate'];
      expect(twins.correct + twins.ambiguous).toBe(set.filter((c) => c.kind === 'adjacent-duplicate').length);
    }
  });

  it('never place a note on other text with other draws of the generator either', () => {
    // Other PRNG seeds draw other spans and edits from the same texts: deleted clauses that recur in the
    // next article, near-copies with another number or name, items of a list that read alike, a holiday
    // written over with another, a sentence restated in the next item while the span's own moved away, a
    // title line cited in 《》 or repeated over the first chapter while the span's own moved or was deleted.
    for (const seed of [2, 3, 5, 7, 10, 12, 15, 18, 21, 23]) {
      const tally = runCases(generateCases(1500, seed, tuned));
      expect(tally.failures.filter((f) => f.verdict === 'wrong').map((f) => f.id)).toEqual([]);
    }
  });

  it('place nearly every note whose text and surroundings are still there, wherever the sentence moved', () => {
    // The held-out texts are never tuned on; about 20 moved sentences per part, so one is 5%.
    for (const [set, movedFloor] of [
      [cases, 0.95],
      [held, 0.9],
    ] as const) {
      const tally = runCases(set);
      let correct = 0;
      let placeable = 0;
      for (const kind of FINDABLE) {
        const row = tally.byKind[kind];
        correct += row.correct;
        placeable += row.correct + row.unplaced + row.ambiguous + row.wrong;
      }
      expect(correct).toBeGreaterThanOrEqual(Math.ceil(0.98 * placeable));
      const moved = tally.byKind['moved-sentence'];
      expect(moved.correct).toBeGreaterThanOrEqual(
        Math.ceil(movedFloor * (moved.correct + moved.unplaced + moved.ambiguous + moved.wrong)),
      );
    }
  });

  it('place a note whose own words were edited where its context on both sides still stands, and after several edits', () => {
    for (const tally of wideTallies()) {
      const placeable = (row: { correct: number; unplaced: number; ambiguous: number; wrong: number }) =>
        row.correct + row.unplaced + row.ambiguous + row.wrong;
      const inside = tally.byKind['word-changed-inside'];
      expect(inside.correct).toBeGreaterThanOrEqual(Math.ceil(0.97 * placeable(inside)));
      // Several edits at once (a moved sentence with a word changed next to it) leave about one in ten
      // unplaced (the held-out texts a little more), never placed wrongly.
      const combined = tally.byKind['combined'];
      expect(combined.correct).toBeGreaterThanOrEqual(Math.ceil(0.85 * placeable(combined)));
      expect(combined.wrong).toBe(0);
    }
  });

  it('find the span in a renumbered version, its own labels and those around it renumbered', () => {
    for (const tally of wideTallies()) {
      const row = tally.byKind['renumbered-version'];
      expect(row.wrong).toBe(0);
      expect(row.correct).toBeGreaterThanOrEqual(Math.ceil(0.97 * (row.correct + row.unplaced + row.ambiguous)));
    }
  });
});

describe('tracking a span through splices', () => {
  it('moves with text before it, grows with text inside it, ignores text after it', () => {
    const text = '0123456789';
    const span = { start: 3, end: 6 };
    const splices = [
      { at: 3, remove: 0, insert: 'ab' }, // at the start: before the span
      { at: 4, remove: 1, insert: 'XYZ' }, // inside
      { at: 6, remove: 0, insert: 'c' }, // at the end: after the span
      { at: 0, remove: 2, insert: '' },
    ];
    const edited = applySplices(text, splices);
    expect(edited).toBe('2ab3XYZ5c6789');
    const moved = trackSpan(span, splices);
    expect(moved).toEqual({ start: 3, end: 8 });
    expect(edited.slice(moved!.start, moved!.end)).toBe('3XYZ5');
    expect(trackSpan(span, [{ at: 2, remove: 5, insert: '' }])).toBeNull();
  });
});
