/**
 * Comparison of notices: which passages one notice shares with another, verbatim or reworded, what each
 * adds of its own, and whose obligations each sets. Built for the local echoes of a central directive
 * (provincial and municipal party committees' notices repeating 中共中央's sentences, a word changed here
 * and there, each with passages of its own). Pure: strings in, plain data out; runs in Node and in pages.
 *
 * Method
 * 1. Clauses (`segment.ts`). Each text is cut at 。！？；and line breaks, and also at ，：, because echoes
 *    keep a directive's clauses while rewriting a sentence's lead-in. Clauses are compared on a key: the
 *    text after `foldWidth` and ASCII lower-casing, letters and digits only, so punctuation, its width and
 *    stray spaces never make two passages differ. Every key character keeps its offset in the input.
 * 2. Matches (`match-units.ts`, `near-match.ts`). Equal keys match through a hash map → `same`. Rewordings
 *    are found once for all texts, among their distinct keys: a bigram inverted index gives candidates
 *    (prefix filtering by the q-gram lemma, never all pairs), a bound on shared bigrams and bigram Dice
 *    rank them, and an edit similarity (1 − Levenshtein / longer length; bit-parallel Myers) of at least
 *    0.8 decides → `reworded`.
 * 3. Passages (`match-units.ts`, `passages.ts`). Matched clauses consecutive in both texts form runs; runs
 *    are taken heaviest first, each clause used once per side (greedy string tiling), so moved passages are
 *    found and a repeated phrase cannot claim two places; runs under 8 shared characters are dropped as
 *    chance. A run grows into the neighbouring clauses of its sentence by their common prefix / suffix
 *    (`各级党组织要在…第一线考察` against `要在…第一线考察`). Each run is split into passages of one kind,
 *    which start and end on letters or digits (plus the brackets they open or close).
 * 4. Similarity = (shared key characters of A + of B) / (key characters of A + of B): symmetric, 0..1, 1 for
 *    a text against itself (one `same` passage covering all of it), 0 for unrelated texts.
 * 5. Per document (`reuse.ts`): reuse spans (found in which other documents) and own spans partition its
 *    letters and digits. Obligations are grouped by bearer and category (`bearers.ts`); the side-by-side
 *    rows come from `alignPassages` (`align.ts`).
 *
 * Limits: a rewording is judged clause by clause, so a sentence rewritten throughout (003's
 * 将深入一线了解掌握领导班子和领导干部实际表现 for the directive's 在疫情防控第一线考察…) is not found; a line break
 * inside a sentence (unnormalised text) cuts a clause; clauses made only of very common bigrams find no
 * rewording (they still match exactly); a clause repeated many times is paired with at most 16 of its
 * copies (those continuing a run, then the nearest in relative position).
 *
 * Cost: about linear in the text lengths; candidates are capped per clause and per key. Five notices of
 * 10,000 characters compare in tens of milliseconds, two of 300,000 in well under a second
 * (`npx tsx bench/compare.ts`).
 */
import type { Clause } from '../types';
import { groupObligationsByBearer } from './bearers';
import { coveredChars, matchUnits, prepareSet, type PreparedSet } from './match-units';
import { publicPassage, runsToPassages, type KeyedPassage } from './passages';
import { ownSpans, reuseSpans, type KeyRangeFound } from './reuse';
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
  ReuseSpan,
} from './types';
export { alignPassages } from './align';
export { groupObligationsByBearer } from './bearers';

function comparePrepared(set: PreparedSet, da: number, db: number): { similarity: number; passages: KeyedPassage[] } {
  const a = set.texts[da];
  const b = set.texts[db];
  const runs = matchUnits(set, da, db);
  const passages = runsToPassages(a.seg, b.seg, runs);
  const total = a.seg.key.length + b.seg.key.length;
  const covered = coveredChars(runs);
  const similarity = total === 0 ? 0 : Math.min(1, (covered.a + covered.b) / total);
  return { similarity, passages };
}

/**
 * Compare two texts: the passages of `a` found in `b` (in reading order of `a`) and their similarity.
 * Offsets are into `a` and `b` as given. Texts without any letter or digit have similarity 0.
 */
export function comparePair(a: string, b: string): { similarity: number; passages: Passage[] } {
  const { similarity, passages } = comparePrepared(prepareSet([a, b]), 0, 1);
  return { similarity, passages: passages.map(publicPassage) };
}

/**
 * Compare every pair of notices, and per notice what others reuse of it and what it adds of its own.
 * Each text is prepared once, whatever the number of pairs.
 */
export function compareNotices(docs: CompareInput[]): Comparison {
  const set = prepareSet(docs.map((d) => d.text));
  const found: KeyRangeFound[][] = docs.map(() => []);
  const pairs: PairResult[] = [];
  for (let a = 0; a < docs.length; a++) {
    for (let b = a + 1; b < docs.length; b++) {
      const { similarity, passages } = comparePrepared(set, a, b);
      for (const p of passages) {
        found[a].push({ lo: p.aKeyLo, hi: p.aKeyHi, partner: b });
        found[b].push({ lo: p.bKeyLo, hi: p.bKeyHi, partner: a });
      }
      pairs.push({ a, b, similarity, passages: passages.map(publicPassage) });
    }
  }
  return {
    pairs,
    reuse: set.texts.flatMap((p, d) => reuseSpans(d, p.seg, found[d])),
    own: set.texts.map((p, d) => ownSpans(p.seg, found[d])),
    obligationsByBearer: groupObligationsByBearer(docs.map((d): Clause[] | undefined => d.obligations)),
  };
}
