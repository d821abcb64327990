/**
 * Matched runs of clauses → the passages the API reports: text offsets, the texts, a kind per passage.
 */
import type { MatchedRun } from './match-units';
import { keySpan, type SegmentedText } from './segment';
import type { Passage } from './types';

/** A passage with the key ranges it covers, for the coverage sums behind similarity, reuse and own. */
export interface KeyedPassage extends Passage {
  aKeyLo: number;
  aKeyHi: number;
  bKeyLo: number;
  bKeyHi: number;
}

/** Opening bracket or quote → its closer, by code unit. */
const CLOSER = new Map<number, number>(
  [
    ['《', '》'],
    ['〈', '〉'],
    ['（', '）'],
    ['(', ')'],
    ['“', '”'],
    ['‘', '’'],
    ['「', '」'],
    ['『', '』'],
    ['【', '】'],
    ['〔', '〕'],
    ['[', ']'],
    ['［', '］'],
  ].map(([o, c]) => [o.charCodeAt(0), c.charCodeAt(0)]),
);
const OPENER = new Map<number, number>([...CLOSER].map(([o, c]) => [c, o]));

/** False for most characters (Han, kana, Latin letters) without a Map look-up. */
function maybeBracket(c: number): boolean {
  return (
    (c >= 0x28 && c <= 0x5d) ||
    (c >= 0x2018 && c <= 0x201d) ||
    (c >= 0x3008 && c <= 0x3015) ||
    (c >= 0xff08 && c <= 0xff3d)
  );
}

/**
 * Widen a span over the brackets and quotes it leaves half open: `《关于…的通知` ends with its `》`, a span
 * starting inside `“四个意识”` takes the `“`. Why: a span cut at letters is right for matching but reads
 * badly in the side-by-side view and in exports.
 */
export function balanceBrackets(text: string, start: number, end: number): [number, number] {
  const open: number[] = [];
  const strayClosers: number[] = [];
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!maybeBracket(c)) continue;
    if (CLOSER.has(c)) open.push(c);
    else if (OPENER.has(c)) {
      if (open.length > 0 && CLOSER.get(open[open.length - 1]) === c) open.pop();
      else strayClosers.push(c);
    }
  }
  while (end < text.length && open.length > 0 && text.charCodeAt(end) === CLOSER.get(open[open.length - 1])) {
    open.pop();
    end++;
  }
  let k = 0;
  while (start > 0 && k < strayClosers.length && text.charCodeAt(start - 1) === OPENER.get(strayClosers[k])) {
    start--;
    k++;
  }
  return [start, end];
}

/**
 * Split each run into passages of one kind: consecutive exact clauses make a `same` passage, consecutive
 * reworded ones a `reworded` passage. Passages come out in reading order of A.
 */
export function runsToPassages(a: SegmentedText, b: SegmentedText, runs: MatchedRun[]): KeyedPassage[] {
  const out: KeyedPassage[] = [];
  for (const run of runs) {
    let k = 0;
    while (k < run.pairs.length) {
      const first = run.pairs[k];
      let last = first;
      while (k + 1 < run.pairs.length && run.pairs[k + 1].same === first.same) last = run.pairs[++k];
      k++;
      const [aStart, aEnd] = balanceBrackets(a.text, ...keySpan(a, first.aLo, last.aHi));
      const [bStart, bEnd] = balanceBrackets(b.text, ...keySpan(b, first.bLo, last.bHi));
      out.push({
        kind: first.same ? 'same' : 'reworded',
        aStart,
        aEnd,
        bStart,
        bEnd,
        aText: a.text.slice(aStart, aEnd),
        bText: b.text.slice(bStart, bEnd),
        aKeyLo: first.aLo,
        aKeyHi: last.aHi,
        bKeyLo: first.bLo,
        bKeyHi: last.bHi,
      });
    }
  }
  out.sort((x, y) => x.aStart - y.aStart);
  return out;
}

/** The public shape: key ranges dropped. */
export function publicPassage(p: KeyedPassage): Passage {
  return {
    kind: p.kind,
    aStart: p.aStart,
    aEnd: p.aEnd,
    bStart: p.bStart,
    bEnd: p.bEnd,
    aText: p.aText,
    bText: p.bText,
  };
}
