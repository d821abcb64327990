/**
 * Comparison of notices: which passages one notice shares with another, verbatim or reworded, what each
 * adds of its own, and whose obligations each sets. Built for the local echoes of a central directive
 * (provincial and municipal party committees' notices repeating 中共中央's sentences, a word changed here
 * and there, a slogan under another lead-in, a list in another order, each with passages of its own).
 * Pure: strings in, plain data out; runs in Node and in pages.
 *
 * Method
 * 1. Keys (`segment.ts`). Each text is compared on its key: letters and digits only, width-folded and ASCII
 *    lower-cased, so punctuation, its width, stray spaces and line breaks never make two passages differ or
 *    cut one. Every key character keeps its offset in the text.
 * 2. Phrases (`phrases.ts`). Text reuse detection on the keys: 4-character gram seeds (hash buckets),
 *    extended into maximal exact matches along their diagonals, chained across gaps (substitutions,
 *    insertions, deletions; an added clause costs less than replaced words), taken best first with each
 *    position of either text used once, reordered list items gathered into one block; each passage then
 *    extends past its ends by banded alignment with an X-drop, within its clause, and over one word replaced
 *    at the clause's edge. Passages under 8 matched key characters are chance. `same` when the texts match
 *    on the key, `reworded` when they align with edits.
 * 3. Text offsets (`passages.ts`). Key ranges map back to each text; a passage starts and ends on a letter
 *    or digit, widened over the brackets and quotes it leaves half open.
 * 4. Similarity = (key characters of A in passages + of B) / (key characters of A + of B): 0..1, 1 for a
 *    text against itself (one `same` passage covering all of it), 0 for unrelated texts.
 * 5. Per document (`reuse.ts`): reuse spans (found in which other documents) and own spans partition its
 *    letters and digits. Obligations are grouped by bearer and category (`bearers.ts`); the side-by-side
 *    rows come from `alignPassages` (`align.ts`).
 *
 * Cost: about linear in the text lengths (a gram found more than eight times keeps only its longest match,
 * frequent grams are looked up only where nothing matched yet).
 * `npx tsx bench/compare.ts` measures five notices and two texts of 300,000 characters.
 */
import type { Clause } from '../types';
import { groupObligationsByBearer } from './bearers';
import { toKeyedPassage, publicPassage, type KeyedPassage } from './passages';
import { alignTexts, indexText, type IndexedText } from './phrases';
import { ownSpans, reuseSpans, type KeyRangeFound } from './reuse';
import { segmentText } from './segment';
import type { CompareInput, Comparison, Passage, PairResult } from './types';

export type {
  AlignedRow,
  AlignedSide,
  BearerGroup,
  CompareInput,
  Comparison,
  DocumentSpan,
  PairResult,
  Passage,
  PassageMatch,
  ReuseSpan,
} from './types';
export { alignPassages, mostSimilarPair, swapRows } from './align';
export { echoMatrix, type EchoCell, type EchoRow, type EchoState } from './echo';
export { groupObligationsByBearer } from './bearers';

function prepare(text: string): IndexedText {
  return indexText(segmentText(text));
}

function comparePrepared(a: IndexedText, b: IndexedText): { similarity: number; passages: KeyedPassage[] } {
  const passages = alignTexts(a, b).map((p) => toKeyedPassage(a.seg, b.seg, p));
  const total = a.codes.length + b.codes.length;
  let covered = 0;
  for (const p of passages) covered += p.aKeyHi - p.aKeyLo + (p.bKeyHi - p.bKeyLo);
  const similarity = total === 0 ? 0 : Math.min(1, covered / total);
  return { similarity, passages };
}

/**
 * Compare two texts: the passages of `a` found in `b` (in reading order of `a`) and their similarity.
 * Offsets are into `a` and `b` as given. Texts without any letter or digit have similarity 0.
 */
export function comparePair(a: string, b: string): { similarity: number; passages: Passage[] } {
  const { similarity, passages } = comparePrepared(prepare(a), prepare(b));
  return { similarity, passages: passages.map(publicPassage) };
}

/**
 * Compare every pair of notices, and per notice what others reuse of it and what it adds of its own.
 * Each text is prepared once, whatever the number of pairs.
 */
export function compareNotices(docs: CompareInput[]): Comparison {
  const prepared = docs.map((d) => prepare(d.text));
  const found: KeyRangeFound[][] = docs.map(() => []);
  const pairs: PairResult[] = [];
  for (let a = 0; a < docs.length; a++) {
    for (let b = a + 1; b < docs.length; b++) {
      const { similarity, passages } = comparePrepared(prepared[a], prepared[b]);
      for (const p of passages) {
        found[a].push({ lo: p.aKeyLo, hi: p.aKeyHi, partner: b });
        found[b].push({ lo: p.bKeyLo, hi: p.bKeyHi, partner: a });
      }
      pairs.push({ a, b, similarity, passages: passages.map(publicPassage) });
    }
  }
  return {
    pairs,
    reuse: prepared.flatMap((p, d) => reuseSpans(d, p.seg, found[d])),
    own: prepared.map((p, d) => ownSpans(p.seg, found[d])),
    obligationsByBearer: groupObligationsByBearer(docs.map((d): Clause[] | undefined => d.obligations)),
  };
}
