/**
 * The analyst's labels of shared and unique passages (`tests/fixtures/compare-*\/passages.json`) and how a
 * comparison is scored against them.
 *
 * A label names a passage by its text as printed in each document; it is found in the document's normalised
 * text by its key (letters and digits, width-folded), so stray spaces and punctuation width in a label do not
 * matter. `aAfter` / `bAfter`: look for the passage after the first occurrence of this text.
 *
 * Scoring:
 * - a shared label is found when the comparison's passages of that pair, among those linking the label's
 *   span in A to its span in B, cover at least 80% of the label's key characters on each side;
 * - a reworded label is found as reworded when it is found and one of those linking passages is `reworded`;
 * - a unique label is marked shared when passages of any pair cover 30% or more of its key characters.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Comparison, Passage } from '../../lib/compare';
import { normaliseText } from '../../lib/text/normalise';
import { foldKey, keyOffsets } from './helpers';

interface RawPassage {
  kind: 'same' | 'reworded';
  a: string;
  b: string;
  aAfter?: string;
  bAfter?: string;
}

interface RawLabels {
  documents: Record<string, string>;
  pairs: Array<{ a: string; b: string; passages: RawPassage[] }>;
  unique: Array<{ doc: string; text: string }>;
}

/** A span of a document's normalised text, with the offsets of its key characters. */
export interface LabelSpan {
  start: number;
  end: number;
  keys: number[];
}

export interface SharedLabel {
  kind: 'same' | 'reworded';
  a: number;
  b: number;
  aSpan: LabelSpan;
  bSpan: LabelSpan;
  aText: string;
  bText: string;
}

export interface UniqueLabel {
  doc: number;
  span: LabelSpan;
  text: string;
}

export interface LabelSet {
  names: string[];
  texts: string[];
  shared: SharedLabel[];
  unique: UniqueLabel[];
}

/** Find `label` in `text` by key, after `after` when given; throws when it is not there. */
export function locate(text: string, label: string, after?: string): LabelSpan {
  const offsets = keyOffsets(text);
  const key = offsets.map((i) => foldKey(text[i])).join('');
  let from = 0;
  if (after) {
    const at = key.indexOf(foldKey(after));
    if (at < 0) throw new Error(`anchor not found: ${after}`);
    from = at + foldKey(after).length;
  }
  const want = foldKey(label);
  const at = key.indexOf(want, from);
  if (at < 0 || want.length === 0) throw new Error(`label not found: ${label}`);
  const keys = offsets.slice(at, at + want.length);
  return { start: keys[0], end: keys[keys.length - 1] + 1, keys };
}

/** Read a label file and the documents it names (normalised as the analyser does). */
export function loadLabels(file: string): LabelSet {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as RawLabels;
  const names = Object.keys(raw.documents);
  const texts = names.map((n) => normaliseText(readFileSync(join(dirname(file), raw.documents[n]), 'utf8')).text);
  const index = (name: string) => {
    const k = names.indexOf(name);
    if (k < 0) throw new Error(`unknown document ${name}`);
    return k;
  };
  const shared: SharedLabel[] = raw.pairs.flatMap((pair) =>
    pair.passages.map((p) => {
      const a = index(pair.a);
      const b = index(pair.b);
      return {
        kind: p.kind,
        a,
        b,
        aSpan: locate(texts[a], p.a, p.aAfter),
        bSpan: locate(texts[b], p.b, p.bAfter),
        aText: p.a,
        bText: p.b,
      };
    }),
  );
  const unique = raw.unique.map((u) => {
    const doc = index(u.doc);
    return { doc, span: locate(texts[doc], u.text), text: u.text };
  });
  return { names, texts, shared, unique };
}

/** The passages of documents x and y of a comparison, oriented so that `aStart…` are offsets into x. */
export function passagesBetween(c: Comparison, x: number, y: number): Passage[] {
  const pair = c.pairs.find((p) => (p.a === x && p.b === y) || (p.a === y && p.b === x));
  if (!pair) return [];
  if (pair.a === x) return pair.passages;
  return pair.passages.map((p) => ({
    ...p,
    aStart: p.bStart,
    aEnd: p.bEnd,
    bStart: p.aStart,
    bEnd: p.aEnd,
    aText: p.bText,
    bText: p.aText,
  }));
}

const overlaps = (s: number, e: number, span: LabelSpan) => s < span.end && e > span.start;

function coverage(keys: number[], spans: Array<[number, number]>): number {
  let n = 0;
  for (const k of keys) if (spans.some(([s, e]) => k >= s && k < e)) n++;
  return keys.length === 0 ? 0 : n / keys.length;
}

export interface LabelOutcome {
  label: SharedLabel;
  found: boolean;
  foundAsReworded: boolean;
  coverA: number;
  coverB: number;
}

/** How a comparison of the label set's documents (in its order) does on one shared label. */
export function judgeShared(c: Comparison, label: SharedLabel): LabelOutcome {
  const linking = passagesBetween(c, label.a, label.b).filter(
    (p) => overlaps(p.aStart, p.aEnd, label.aSpan) && overlaps(p.bStart, p.bEnd, label.bSpan),
  );
  const coverA = coverage(
    label.aSpan.keys,
    linking.map((p) => [p.aStart, p.aEnd]),
  );
  const coverB = coverage(
    label.bSpan.keys,
    linking.map((p) => [p.bStart, p.bEnd]),
  );
  const found = coverA >= 0.8 && coverB >= 0.8;
  return { label, found, foundAsReworded: found && linking.some((p) => p.kind === 'reworded'), coverA, coverB };
}

/** The share of a unique label's key characters that some passage (of any pair) marks as shared. */
export function sharedShare(c: Comparison, label: UniqueLabel): number {
  const spans: Array<[number, number]> = [];
  for (const pair of c.pairs) {
    for (const p of pair.passages) {
      if (pair.a === label.doc) spans.push([p.aStart, p.aEnd]);
      if (pair.b === label.doc) spans.push([p.bStart, p.bEnd]);
    }
  }
  return coverage(label.span.keys, spans);
}

export interface Score {
  shared: number;
  sharedFound: number;
  reworded: number;
  rewordedFound: number;
  uniqueMarked: UniqueLabel[];
  missed: LabelOutcome[];
}

export function score(c: Comparison, set: LabelSet): Score {
  const outcomes = set.shared.map((l) => judgeShared(c, l));
  const reworded = outcomes.filter((o) => o.label.kind === 'reworded');
  return {
    shared: outcomes.length,
    sharedFound: outcomes.filter((o) => o.found).length,
    reworded: reworded.length,
    rewordedFound: reworded.filter((o) => o.foundAsReworded).length,
    uniqueMarked: set.unique.filter((u) => sharedShare(c, u) >= 0.3),
    missed: outcomes.filter((o) => !o.found || (o.label.kind === 'reworded' && !o.foundAsReworded)),
  };
}
