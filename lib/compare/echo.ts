/**
 * The echo matrix: for each sentence of one notice (the earliest, or one the analyst picks), what each other
 * notice did with it: kept it, reworded it, or dropped it. Read off a comparison's passages.
 *
 * A sentence is `kept` by a notice when passages of that pair cover at least 80% of its letters and digits
 * and none of those is reworded; `reworded` when passages cover at least 30% of them (words changed, or part
 * of it kept under another lead-in); `dropped` otherwise. Sentences of fewer than 8 letters and digits
 * (headings such as `一、`, dates) are left out.
 */
import { isKeyCode } from './segment';
import type { Comparison } from './types';

export type EchoState = 'kept' | 'reworded' | 'dropped';

export interface EchoCell {
  /** The other notice (index into the compared documents). */
  doc: number;
  state: EchoState;
  /** Share of the sentence's letters and digits found in that notice, 0..1. */
  share: number;
  /** Where the first passage covering the sentence lies in that notice, if any. */
  partner: { start: number; end: number } | null;
}

export interface EchoRow {
  start: number;
  end: number;
  text: string;
  cells: EchoCell[];
}

const KEPT_SHARE = 0.8;
const REWORDED_SHARE = 0.3;
const MIN_SENTENCE_CHARS = 8;

function isSentenceEnd(c: number): boolean {
  return (
    c === 0x3002 ||
    c === 0xff01 ||
    c === 0xff1f ||
    c === 0xff1b ||
    c === 0x21 ||
    c === 0x3f ||
    c === 0x3b ||
    c === 0x0a ||
    c === 0x0d
  );
}

/** The sentences of `text`: spans cut at 。！？；and line breaks, trimmed to letters and digits. */
export function sentences(text: string): Array<{ start: number; end: number; keys: number }> {
  const out: Array<{ start: number; end: number; keys: number }> = [];
  let start = -1;
  let end = -1;
  let keys = 0;
  const flush = () => {
    if (start >= 0 && keys >= MIN_SENTENCE_CHARS) out.push({ start, end, keys });
    start = -1;
    keys = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSentenceEnd(c)) {
      flush();
      continue;
    }
    if (isKeyCode(c)) {
      if (start < 0) start = i;
      end = i + 1;
      keys++;
    }
  }
  flush();
  return out;
}

/** Echo rows of document `base` against every other document of the comparison (`texts` in its order). */
export function echoMatrix(texts: string[], comparison: Comparison, base: number): EchoRow[] {
  const text = texts[base];
  const rows = sentences(text);
  return rows.map(({ start, end, keys }) => {
    const cells: EchoCell[] = [];
    for (let d = 0; d < texts.length; d++) {
      if (d === base) continue;
      const pair = comparison.pairs.find((p) => (p.a === base && p.b === d) || (p.a === d && p.b === base));
      const spans = (pair?.passages ?? []).map((p) =>
        pair!.a === base
          ? { s: p.aStart, e: p.aEnd, os: p.bStart, oe: p.bEnd, kind: p.kind }
          : { s: p.bStart, e: p.bEnd, os: p.aStart, oe: p.aEnd, kind: p.kind },
      );
      const hits = spans.filter((x) => x.s < end && x.e > start).sort((x, y) => x.s - y.s);
      let covered = 0;
      for (let i = start; i < end; i++) {
        if (isKeyCode(text.charCodeAt(i)) && hits.some((x) => i >= x.s && i < x.e)) covered++;
      }
      const share = covered / keys;
      const state: EchoState =
        share >= KEPT_SHARE && hits.every((x) => x.kind === 'same')
          ? 'kept'
          : share >= REWORDED_SHARE
            ? 'reworded'
            : 'dropped';
      cells.push({ doc: d, state, share, partner: hits.length > 0 ? { start: hits[0].os, end: hits[0].oe } : null });
    }
    return { start, end, text: text.slice(start, end), cells };
  });
}
