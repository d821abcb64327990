/**
 * Passages of the phrase aligner (key ranges) → the passages the API reports: text offsets, the texts.
 */
import type { KeyPassage } from './phrases';
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

/** A passage of the phrase aligner (key ranges) → text offsets, texts, and the exact stretches inside. */
export function toKeyedPassage(a: SegmentedText, b: SegmentedText, p: KeyPassage): KeyedPassage {
  const [aStart, aEnd] = balanceBrackets(a.text, ...keySpan(a, p.aLo, p.aHi));
  const [bStart, bEnd] = balanceBrackets(b.text, ...keySpan(b, p.bLo, p.bHi));
  const out: KeyedPassage = {
    kind: p.kind,
    aStart,
    aEnd,
    bStart,
    bEnd,
    aText: a.text.slice(aStart, aEnd),
    bText: b.text.slice(bStart, bEnd),
    aKeyLo: p.aLo,
    aKeyHi: p.aHi,
    bKeyLo: p.bLo,
    bKeyHi: p.bHi,
  };
  if (p.kind === 'reworded') {
    out.matches = [...p.segs]
      .sort((x, y) => x.sa - y.sa)
      .map((s) => {
        const [as, ae] = keySpan(a, s.sa, s.sa + s.len);
        const [bs, be] = keySpan(b, s.sb, s.sb + s.len);
        return { aStart: as, aEnd: ae, bStart: bs, bEnd: be };
      });
  }
  return out;
}

/** The public shape: key ranges dropped. */
export function publicPassage(p: KeyedPassage): Passage {
  const out: Passage = {
    kind: p.kind,
    aStart: p.aStart,
    aEnd: p.aEnd,
    bStart: p.bStart,
    bEnd: p.bEnd,
    aText: p.aText,
    bText: p.bText,
  };
  if (p.matches) out.matches = p.matches;
  return out;
}
