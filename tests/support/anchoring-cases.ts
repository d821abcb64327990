/**
 * Re-anchoring cases generated from the seed notices: a span is described on the original text, the text
 * is edited, and the truth is where the span really went (tracked through the edit) or "gone".
 *
 * Deterministic (seeded PRNG), so a failing case can be reproduced by id. Used by `bench/anchoring.ts`
 * (the measurement) and `tests/anchoring/cases.test.ts` (a smaller set as a regression test).
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  anchorOutcomes,
  describeSpan,
  type AnchorOutcome,
  type AnchorResult,
  type Selector,
} from '../../lib/anchoring/index';
import { readOutline } from '../../lib/metadata/outline';
import { foldWidth, normaliseText } from '../../lib/text/normalise';
import { loadCorpus } from './corpus';
import type { OutlineItem } from '../../lib/types';
import { fixtureCase, seedCases, readSource } from './fixtures';
import { prng } from './prng';

export { prng };

// ---------------------------------------------------------------------------------------------------------
// Seeds and outline

export interface Seed {
  name: string;
  /** Normalised text. */
  text: string;
}

/**
 * The five reference notices, normalised, named as they were supplied (`000_…`). By default the seed cases
 * of tests/fixtures; `dir` or `NOTICE_LENS_SEEDS` names a folder of `.txt` notices to use instead.
 */
export function loadSeeds(dir?: string): Seed[] {
  const folder = dir ?? process.env.NOTICE_LENS_SEEDS;
  if (folder === undefined)
    return seedCases().map((c) => ({
      name: fixtureCase(c.name).expected.file.replace(/\.txt$/, ''),
      text: normaliseText(readSource(c)).text,
    }));
  return readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), text: normaliseText(readFileSync(join(folder, f), 'utf8')).text }));
}

/**
 * The outline the extension reads (lib/metadata/outline): 第X章/条, 一、, （一）, 1. and 1．(ASCII or
 * full-width digits), circled numbers, at a line start after any indent.
 */
export function buildOutline(text: string): OutlineItem[] {
  return readOutline(text);
}

/**
 * Base texts in two parts: `tuned` (the seeds and the corpus documents marked `dev`) is what the engine's
 * thresholds were chosen on; `heldOut` (the corpus documents marked `heldout`) is only measured.
 */
export function loadBaseTexts(): { tuned: Seed[]; heldOut: Seed[] } {
  const corpus = loadCorpus().map((c) => ({
    name: c.name,
    split: c.labels.split,
    text: normaliseText(c.content).text,
  }));
  const usable = corpus.filter((c) => c.text.length >= 400);
  return {
    tuned: [...loadSeeds(), ...usable.filter((c) => c.split === 'dev').map(({ name, text }) => ({ name, text }))],
    heldOut: usable.filter((c) => c.split === 'heldout').map(({ name, text }) => ({ name, text })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Deterministic randomness

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

function between(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

// ---------------------------------------------------------------------------------------------------------
// Edits as splices, and tracking a span through them

export interface Splice {
  at: number;
  remove: number;
  insert: string;
}

export interface Span {
  start: number;
  end: number;
}

/** Apply non-overlapping splices (any order), in one pass. */
export function applySplices(text: string, splices: Splice[]): string {
  const sorted = splices.slice().sort((x, y) => x.at - y.at || x.remove - y.remove);
  const parts: string[] = [];
  let from = 0;
  for (const s of sorted) {
    parts.push(text.slice(from, s.at), s.insert);
    from = s.at + s.remove;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/**
 * Where a span goes through the splices: text inserted at its start goes before it, at its end after it;
 * removals inside shrink it. Null when the whole span is removed.
 */
export function trackSpan(span: Span, splices: Splice[]): Span | null {
  let startShift = 0;
  let endShift = 0;
  for (const s of splices) {
    const delta = s.insert.length - s.remove;
    const removeEnd = s.at + s.remove;
    // Start: moves with every splice entirely at or before it.
    if (removeEnd <= span.start) startShift += delta;
    else if (s.at < span.start) startShift += s.at - span.start + s.insert.length; // removal across the start
    // End: moves with every splice strictly before it (an insertion at the end stays outside).
    if (removeEnd < span.end || (removeEnd === span.end && s.remove > 0)) endShift += delta;
    else if (s.at < span.end) endShift += s.at - span.end; // removal across the end
  }
  const start = span.start + startShift;
  const end = span.end + endShift;
  return end > start ? { start, end } : null;
}

// ---------------------------------------------------------------------------------------------------------
// Cases

export type EditKind =
  | 'none'
  | 'reflow'
  | 'punctuation-width'
  | 'insert-paragraph-before'
  | 'delete-paragraph-before'
  | 'word-changed-inside'
  | 'word-changed-in-prefix'
  | 'span-deleted'
  | 'sentence-duplicated'
  | 'moved-sentence'
  | 'renumbered-version'
  | 'list-item-deleted'
  | 'adjacent-duplicate'
  | 'near-identical-deleted'
  | 'combined';

export const EDIT_KINDS: readonly EditKind[] = [
  'none',
  'reflow',
  'punctuation-width',
  'insert-paragraph-before',
  'delete-paragraph-before',
  'word-changed-inside',
  'word-changed-in-prefix',
  'span-deleted',
  'sentence-duplicated',
  'moved-sentence',
  'renumbered-version',
  'list-item-deleted',
  'adjacent-duplicate',
  'near-identical-deleted',
  'combined',
];

export type SpanKind = 'trigger' | 'short' | 'medium' | 'long' | 'repeated';

export interface AnchoringCase {
  id: string;
  seed: string;
  kind: EditKind;
  spanKind: SpanKind;
  /** The span on the original text, and its selectors. */
  span: Span;
  quote: string;
  selectors: Selector[];
  /** The edited text and its outline (as the outline reader would see the edited page). */
  text: string;
  outline: OutlineItem[];
  /** Where the span is in the edited text, or null when its text is gone (must be unplaced). */
  expected: Span | null;
}

/** Trigger words of obligations that occur in the seeds (不得 does not; the unit tests cover it). */
const TRIGGERS = ['要', '坚决', '确保', '严肃问责', '决不', '必须', '严格', '不敢担当'];
/** Replacement words for "a word changed". */
export const WORDS = ['切实', '全面', '进一步', '认真', '扎实', '有效', '积极', '深入', '及时', '统筹', '大力', '稳妥'];

function isSpace(c: string): boolean {
  return c === '\n' || c === ' ' || c === '\u3000' || c === '\t';
}

function countOccurrences(text: string, s: string): number {
  let n = 0;
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) n++;
  return n;
}

/** A random span of the given kind, trimmed to non-space ends; null when none could be found. */
export function chooseSpan(rand: () => number, text: string, kind: SpanKind): Span | null {
  const n = text.length;
  for (let attempt = 0; attempt < 200; attempt++) {
    let start: number;
    let end: number;
    if (kind === 'trigger') {
      const word = pick(rand, TRIGGERS);
      const count = countOccurrences(text, word);
      if (count === 0) continue;
      let k = between(rand, 0, count - 1);
      let at = text.indexOf(word);
      while (k-- > 0) at = text.indexOf(word, at + 1);
      start = at;
      end = at + word.length;
    } else {
      const [lo, hi] = kind === 'short' ? [2, 4] : kind === 'medium' ? [5, 20] : kind === 'long' ? [21, 200] : [4, 16];
      const len = between(rand, lo, hi);
      if (len >= n) continue;
      start = between(rand, 0, n - len);
      end = start + len;
    }
    while (start < end && isSpace(text[start])) start++;
    while (end > start && isSpace(text[end - 1])) end--;
    if (end - start < (kind === 'trigger' ? 1 : 2)) continue;
    if (kind === 'repeated' && countOccurrences(text, text.slice(start, end)) < 2) continue;
    return { start, end };
  }
  return null;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n' && i + 1 < text.length) starts.push(i + 1);
  return starts;
}

function lineOf(text: string, offset: number): Span {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  return { start, end: nl < 0 ? text.length : nl };
}

/** Sentences of the other seeds, for inserted paragraphs. */
function sentenceBank(seeds: Seed[], except: string): string[] {
  const bank: string[] = [];
  for (const s of seeds) {
    if (s.name === except) continue;
    for (const sentence of s.text.split(/(?<=[。；！？])|\n/u))
      if (sentence.length >= 15 && sentence.length <= 120) bank.push(sentence);
  }
  return bank;
}

/** A word (2-3 units, no spaces) at a random position in [lo, hi], or null. */
function chooseWord(rand: () => number, text: string, lo: number, hi: number): Span | null {
  for (let attempt = 0; attempt < 30; attempt++) {
    const len = between(rand, 2, 3);
    if (hi - len < lo) return null;
    const at = between(rand, lo, hi - len);
    const w = text.slice(at, at + len);
    if ([...w].some(isSpace)) continue;
    return { start: at, end: at + len };
  }
  return null;
}

function replacementFor(rand: () => number, old: string): string {
  for (;;) {
    const w = pick(rand, WORDS);
    if (w !== old && !old.includes(w)) return w;
  }
}

const FULL = '，：；（）！？';
const HALF = ',:;()!?';

/** Build the edit of one kind for a span; null when the kind does not apply to this span. */
function makeEdit(rand: () => number, text: string, span: Span, kind: EditKind, bank: string[]): Splice[] | null {
  const quote = text.slice(span.start, span.end);
  switch (kind) {
    case 'none':
      return [];
    case 'reflow': {
      // Lines joined, split, indented; stray spaces and breaks, as another CMS or a copy-paste would give.
      const splices: Splice[] = [];
      for (let i = 0; i < text.length; i++) {
        const r = rand();
        if (text[i] === '\n') {
          if (r < 0.25) splices.push({ at: i, remove: 1, insert: '' });
          else if (r < 0.5) splices.push({ at: i, remove: 1, insert: '\n\u3000\u3000' });
          else if (r < 0.6) splices.push({ at: i, remove: 1, insert: '\n\n' });
        } else if (r < 0.015) splices.push({ at: i, remove: 0, insert: '\n' });
        else if (r < 0.04) splices.push({ at: i, remove: 0, insert: ' ' });
      }
      return splices;
    }
    case 'punctuation-width': {
      const toHalf =
        [...text].filter((c) => FULL.includes(c)).length >= [...text].filter((c) => HALF.includes(c)).length;
      const [from, to] = toHalf ? [FULL, HALF] : [HALF, FULL];
      const splices: Splice[] = [];
      for (let i = 0; i < text.length; i++) {
        const k = from.indexOf(text[i]);
        if (k >= 0) splices.push({ at: i, remove: 1, insert: to[k] });
      }
      return splices.length > 0 ? splices : null;
    }
    case 'insert-paragraph-before': {
      const before = lineStarts(text).filter((s) => s <= span.start);
      const at = pick(rand, before);
      const folded = foldWidth(quote);
      const sentences: string[] = [];
      const want = between(rand, 1, 3);
      for (let attempt = 0; sentences.length < want && attempt < 50; attempt++) {
        const s = pick(rand, bank);
        if (!foldWidth(s).includes(folded)) sentences.push(s);
      }
      if (sentences.length === 0) return null;
      return [{ at, remove: 0, insert: sentences.join('') + '\n' }];
    }
    case 'delete-paragraph-before': {
      const own = lineOf(text, span.start);
      const candidates = lineStarts(text).filter((s) => s < own.start);
      if (candidates.length === 0) return null;
      const line = lineOf(text, pick(rand, candidates));
      return [{ at: line.start, remove: line.end - line.start + 1, insert: '' }];
    }
    case 'word-changed-inside': {
      if (span.end - span.start < 12) return null;
      const w = chooseWord(rand, text, span.start + 2, span.end - 2);
      if (w === null) return null;
      return [{ at: w.start, remove: w.end - w.start, insert: replacementFor(rand, text.slice(w.start, w.end)) }];
    }
    case 'word-changed-in-prefix': {
      const w = chooseWord(rand, text, Math.max(0, span.start - 24), span.start - 1);
      if (w === null) return null;
      return [{ at: w.start, remove: w.end - w.start, insert: replacementFor(rand, text.slice(w.start, w.end)) }];
    }
    case 'span-deleted':
      return [{ at: span.start, remove: span.end - span.start, insert: '' }];
    case 'sentence-duplicated': {
      // The sentence(s) holding the span, copied as a paragraph of its own somewhere not next to the span.
      const line = lineOf(text, span.start);
      let from = span.start;
      while (from > line.start && !'。；！？'.includes(text[from - 1])) from--;
      let to = span.end;
      while (to < text.length && text[to] !== '\n' && !'。；！？'.includes(text[to - 1])) to++;
      if (to - from > 600 || text.slice(from, to).includes('\n')) return null;
      const lastLine = lineOf(text, span.end - 1);
      const adjacentAfter = lastLine.end === text.length ? text.length : lastLine.end + 1;
      const spots = [...lineStarts(text), text.length].filter((s) => s !== line.start && s !== adjacentAfter);
      if (spots.length === 0) return null;
      const at = pick(rand, spots);
      const copy = text.slice(from, to);
      return [at === text.length ? { at, remove: 0, insert: '\n' + copy } : { at, remove: 0, insert: copy + '\n' }];
    }
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Edits that move text, renumber it, or leave a near-copy behind

/** The sentence(s) holding the span, inside its line: from the last sentence end before it to the first after. */
function sentenceAround(text: string, span: Span): Span | null {
  const line = lineOf(text, span.start);
  let from = span.start;
  while (from > line.start && !'。；！？'.includes(text[from - 1])) from--;
  let to = span.end;
  while (to < text.length && text[to] !== '\n' && !'。；！？'.includes(text[to - 1])) to++;
  if (to - from > 600 || text.slice(from, to).includes('\n')) return null;
  return { start: from, end: to };
}

const CN_DIGITS = '零一二三四五六七八九';

/** 一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; NaN when not a numeral. */
export function parseChineseNumeral(s: string): number {
  if (s === '') return NaN;
  let total = 0;
  let digit = 0;
  for (const c of s) {
    const d = CN_DIGITS.indexOf(c === '〇' ? '零' : c === '两' ? '二' : c);
    if (d >= 0) digit = d;
    else if (c === '十' || c === '百' || c === '千') {
      total += (digit === 0 ? 1 : digit) * (c === '十' ? 10 : c === '百' ? 100 : 1000);
      digit = 0;
    } else return NaN;
  }
  return total + digit;
}

/** The number in a label (第五条, 三、, （二）, 4., （５）) and a function writing another number the same way. */
function labelNumber(label: string): { n: number; write: (n: number) => string } | null {
  const arabic = /^([^0-9０-９]*)([0-9０-９]+)(.*)$/u.exec(label);
  if (arabic) {
    const wide = /[０-９]/u.test(arabic[2]);
    const n = Number(foldWidth(arabic[2]));
    const write = (k: number) => {
      const digits = String(k);
      return (
        arabic[1] +
        (wide ? digits.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))) : digits) +
        arabic[3]
      );
    };
    return { n, write };
  }
  const cn = /^(第|[（(])?([零〇一二三四五六七八九十百千两]+)(.*)$/u.exec(label);
  if (!cn) return null;
  const n = parseChineseNumeral(cn[2]);
  if (!Number.isFinite(n) || n <= 0) return null;
  return { n, write: (k: number) => (cn[1] ?? '') + chineseNumeral(k) + cn[3] };
}

interface ListItem {
  label: string;
  start: number;
  /** Where the next item of the same or a higher level starts (or the text's end). */
  end: number;
}

/** The numbered list the span's innermost outline item belongs to, and the item's index in it. */
function listOf(text: string, span: Span): { items: ListItem[]; own: number } | null {
  const outline = readOutline(text);
  let k = -1;
  for (let i = 0; i < outline.length && outline[i].start <= span.start; i++) k = i;
  if (k < 0) return null;
  const level = outline[k].level;
  let first = k;
  while (first > 0 && outline[first - 1].level >= level) first--;
  let last = k;
  while (last + 1 < outline.length && outline[last + 1].level >= level) last++;
  const items: ListItem[] = [];
  let own = -1;
  for (let i = first; i <= last; i++) {
    if (outline[i].level !== level) continue;
    let next = i + 1;
    while (next < outline.length && outline[next].level > level) next++;
    const end = next < outline.length ? outline[next].start : text.length;
    if (i === k) own = items.length;
    items.push({ label: outline[i].label, start: outline[i].start, end });
  }
  if (own < 0 || items.some((it) => labelNumber(it.label) === null)) return null;
  return { items, own };
}

/**
 * Splices renumbering `items` by `delta`: only the units of each label that change (五 → 六 in 第五条), so
 * a span that begins or ends inside a label keeps the rest of it (条, the brackets).
 */
function renumber(items: ListItem[], delta: number): Splice[] {
  return items.map((it) => {
    const { n, write } = labelNumber(it.label)!;
    const old = it.label;
    const next = write(n + delta);
    let p = 0;
    while (p < old.length && p < next.length && old[p] === next[p]) p++;
    let q = 0;
    while (q < old.length - p && q < next.length - p && old[old.length - 1 - q] === next[next.length - 1 - q]) q++;
    return { at: it.start + p, remove: old.length - p - q, insert: next.slice(p, next.length - q) };
  });
}

const HOLIDAYS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];
const PLACES = ['北京', '上海', '天津', '重庆', '广州', '深圳', '杭州', '南京', '武汉', '成都'];

/**
 * The span's text with its numbers or a name changed, as the next item of a list or another report of the
 * same kind reads: every digit run gets another last digit, 第N becomes 第N+1, a holiday or a place becomes
 * another. Null when the span holds none of them.
 */
function nearIdentical(rand: () => number, quote: string, after = ''): string | null {
  // Label numbers (第五条, 3.) are left alone: a renumbered label is the same text, not another sentence.
  // A label cut at the quote's end (…\n第三 | 条) is known by the text after it.
  const rest = quote + after;
  const isLabel = (at: number, length: number) =>
    /^[0-9０-９]*[条章节款]/u.test(rest.slice(at + length)) ||
    ((at === 0 || /[\n。；(（]/u.test(quote[at - 1])) && /^[0-9０-９]*[、.．)）]/u.test(rest.slice(at + length)));
  const digits = [...quote.matchAll(/[0-9０-９]+/gu)].filter((m) => !isLabel(m.index ?? 0, m[0].length));
  if (digits.length > 0) {
    let out = quote;
    for (const m of digits.reverse()) {
      const run = m[0];
      const last = Number(foldWidth(run[run.length - 1]));
      const d = (last + 1 + Math.floor(rand() * 8)) % 10;
      const changed = run.slice(0, -1) + (/[０-９]/u.test(run) ? String.fromCharCode(0xff10 + d) : String(d));
      const at = m.index ?? 0;
      out = out.slice(0, at) + changed + out.slice(at + run.length);
    }
    return out;
  }
  const ordinal = [...quote.matchAll(/第([一二三四五六七八九十]+)/gu)].find(
    (m) => !/^[一二三四五六七八九十百]*[条章节款]/u.test(rest.slice((m.index ?? 0) + m[0].length)),
  );
  if (ordinal) {
    const n = parseChineseNumeral(ordinal[1]);
    const at = ordinal.index ?? 0;
    return quote.slice(0, at) + '第' + chineseNumeral(n + 1) + quote.slice(at + ordinal[0].length);
  }
  for (const names of [HOLIDAYS, PLACES]) {
    const name = names.find((h) => quote.includes(h));
    if (name !== undefined) {
      const other = pick(
        rand,
        names.filter((h) => h !== name && !h.includes(name) && !name.includes(h)),
      );
      return quote.replace(name, other);
    }
  }
  return null;
}

interface Edited {
  text: string;
  /** Where the span is now, or null when its text is gone. */
  expected: Span | null;
}

function spliced(text: string, span: Span, splices: Splice[]): Edited {
  return { text: applySplices(text, splices), expected: trackSpan(span, splices) };
}

/** Edits of the kinds that need more than splices tracked one way; null when the kind does not apply. */
function makeStructuralEdit(
  rand: () => number,
  text: string,
  span: Span,
  kind: EditKind,
  bank: string[],
): Edited | null {
  switch (kind) {
    case 'moved-sentence': {
      // The sentence(s) holding the span, taken out and put back as a paragraph of their own elsewhere.
      const s = sentenceAround(text, span);
      if (s === null) return null;
      const line = lineOf(text, s.start);
      const wholeLine = s.start === line.start && s.end === line.end;
      const remove = { start: s.start, end: wholeLine && line.end < text.length ? line.end + 1 : s.end };
      const spots = lineStarts(text).filter((at) => at < line.start - 1 || at > line.end + 1);
      if (spots.length === 0) return null;
      const at = pick(rand, spots);
      const copy = text.slice(s.start, s.end);
      const removed = remove.end - remove.start;
      const edited = applySplices(text, [
        { at: remove.start, remove: removed, insert: '' },
        { at, remove: 0, insert: copy + '\n' },
      ]);
      const copyStart = at > remove.start ? at - removed : at;
      const start = copyStart + span.start - s.start;
      return { text: edited, expected: { start, end: start + span.end - span.start } };
    }
    case 'adjacent-duplicate': {
      // A copy of the sentence right above it: as its own paragraph when the sentence is a whole line.
      const s = sentenceAround(text, span);
      if (s === null) return null;
      const line = lineOf(text, s.start);
      const copy = text.slice(s.start, s.end);
      const wholeLine = s.start === line.start && s.end === line.end;
      return spliced(text, span, [{ at: s.start, remove: 0, insert: wholeLine ? copy + '\n' : copy }]);
    }
    case 'renumbered-version': {
      // A new item inserted before the span's item of a numbered list (an article, 一、, （一）, 1.), and
      // that item and every later one renumbered.
      const list = listOf(text, span);
      if (list === null) return null;
      const own = list.items[list.own];
      const sentence = pick(rand, bank);
      const edit = spliced(text, span, [
        { at: own.start, remove: 0, insert: `${own.label}${sentence}\n` },
        ...renumber(list.items.slice(list.own), 1),
      ]);
      return edit.expected === null ? null : edit; // a span inside a label: not a case of its own
    }
    case 'list-item-deleted': {
      // One item of the span's list deleted (its own, one time in two) and the later ones renumbered.
      const list = listOf(text, span);
      if (list === null || list.items.length < 3) return null;
      const own = list.items[list.own];
      if (span.end > own.end) return null;
      const candidates = list.items.map((_, i) => i).filter((i) => i < list.items.length - 1);
      const k = rand() < 0.5 && list.own < list.items.length - 1 ? list.own : pick(rand, candidates);
      const item = list.items[k];
      const edit = spliced(text, span, [
        { at: item.start, remove: item.end - item.start, insert: '' },
        ...renumber(list.items.slice(k + 1), -1),
      ]);
      if (k === list.own) return { text: edit.text, expected: null };
      return edit.expected === null ? null : edit;
    }
    case 'near-identical-deleted': {
      // The span's text replaced by a near-copy whose numbers or names differ: the span is gone.
      const quote = text.slice(span.start, span.end);
      const variant = nearIdentical(rand, quote, text.slice(span.end, span.end + 8));
      if (variant === null || foldWidth(variant).includes(foldWidth(quote))) return null;
      return {
        text: applySplices(text, [{ at: span.start, remove: span.end - span.start, insert: variant }]),
        expected: null,
      };
    }
    case 'combined': {
      // Several edits one after the other, the span tracked through each.
      const steps: EditKind[] = [
        'reflow',
        'punctuation-width',
        'insert-paragraph-before',
        'word-changed-in-prefix',
        'renumbered-version',
        'moved-sentence',
        'delete-paragraph-before',
      ];
      let current: Edited = { text, expected: span };
      let applied = 0;
      for (let step = 0; step < 3; step++) {
        const k = pick(rand, steps);
        const at = current.expected;
        if (at === null) break;
        const next = makeCaseEdit(rand, current.text, at, k, bank);
        if (next === null) continue;
        current = next;
        applied++;
      }
      return applied >= 2 ? current : null;
    }
    default:
      return null;
  }
}

/** The edited text and where the span went, for any kind; null when the kind does not apply to this span. */
function makeCaseEdit(rand: () => number, text: string, span: Span, kind: EditKind, bank: string[]): Edited | null {
  const structural = makeStructuralEdit(rand, text, span, kind, bank);
  if (structural !== null) return structural;
  const splices = makeEdit(rand, text, span, kind, bank);
  if (splices === null) return null;
  const edited = spliced(text, span, splices);
  return kind === 'span-deleted' ? { text: edited.text, expected: null } : edited.expected === null ? null : edited;
}

const SPAN_KINDS: readonly [SpanKind, number][] = [
  ['trigger', 0.15],
  ['short', 0.15],
  ['medium', 0.25],
  ['long', 0.3],
  ['repeated', 0.15],
];

export function chooseSpanKind(rand: () => number): SpanKind {
  let r = rand();
  for (const [kind, weight] of SPAN_KINDS) {
    if (r < weight) return kind;
    r -= weight;
  }
  return 'long';
}

/** `count` cases spread over the seeds and edit kinds, reproducible from `seed`. */
export function generateCases(count: number, seed = 20240601, seeds: Seed[] = loadSeeds()): AnchoringCase[] {
  const rand = prng(seed);
  const cases: AnchoringCase[] = [];
  const banks = new Map(seeds.map((s) => [s.name, sentenceBank(seeds, s.name)]));
  const outlines = new Map(seeds.map((s) => [s.name, buildOutline(s.text)]));
  // Kinds in turn; each kind walks through the notices from its own starting point, so every notice meets
  // every kind. A slot whose kind never applies to that notice is skipped.
  const step = Math.max(1, Math.floor(seeds.length / EDIT_KINDS.length));
  for (let slot = 0; cases.length < count && slot < count * 4; slot++) {
    const kind = EDIT_KINDS[slot % EDIT_KINDS.length];
    const round = Math.floor(slot / EDIT_KINDS.length);
    const notice = seeds[(round + (slot % EDIT_KINDS.length) * step) % seeds.length];
    for (let attempt = 0; attempt < 30; attempt++) {
      const spanKind = chooseSpanKind(rand);
      const span = chooseSpan(rand, notice.text, spanKind);
      if (span === null) continue;
      const edited = makeCaseEdit(rand, notice.text, span, kind, banks.get(notice.name) ?? []);
      if (edited === null) continue;
      cases.push({
        id: `${notice.name.slice(0, 6)}-${cases.length}-${kind}-${spanKind}`,
        seed: notice.name,
        kind,
        spanKind,
        span,
        quote: notice.text.slice(span.start, span.end),
        selectors: describeSpan(notice.text, span.start, span.end, outlines.get(notice.name) ?? []),
        text: edited.text,
        outline: buildOutline(edited.text),
        expected: edited.expected,
      });
      break;
    }
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------------------
// A long notice with many annotations (speed measurement)

/**
 * A long notice from the seeds. Each copy has words swapped so that copies are not verbatim repeats of each
 * other (a real 100k notice does not say everything ten times; verbatim copies would make every annotation
 * a genuine tie and measure only the orphan path).
 */
export function longNotice(all: Seed[], length: number, seed: number): string {
  const rand = prng(seed);
  const parts: string[] = [];
  let total = 0;
  let chapter = 0;
  for (let copy = 0; total < length; copy++) {
    for (const s of all) {
      let text = s.text;
      if (copy > 0) {
        const chars = [...text];
        for (let i = 0; i + 2 < chars.length; i += 12 + Math.floor(rand() * 16)) {
          if (/[\u4e00-\u9fff]{2}/u.test(chars[i] + chars[i + 1])) {
            const w = WORDS[Math.floor(rand() * WORDS.length)];
            chars[i] = w[0];
            chars[i + 1] = w[1];
          }
        }
        text = chars.join('');
      }
      // Each copy under its own chapter, as a long plan or law is organised: outline paths stay unique.
      const part = `第${chineseNumeral(++chapter)}章\n${text}`;
      parts.push(part);
      total += part.length + 1;
      if (total >= length) break;
    }
  }
  return parts.join('\n').slice(0, length);
}

/** 1 → 一, 12 → 十二, 305 → 三百零五 (up to 9999). */
export function chineseNumeral(n: number): string {
  const digits = '零一二三四五六七八九';
  const units = ['', '十', '百', '千'];
  const s = String(n);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const unit = units[s.length - 1 - i];
    if (d === 0) {
      if (!out.endsWith('零') && i < s.length - 1 && Number(s.slice(i + 1)) > 0) out += '零';
    } else out += (d === 1 && unit === '十' && i === 0 ? '' : digits[d]) + unit;
  }
  return out || '零';
}

export interface Workload {
  text: string;
  spans: Span[];
  items: Selector[][];
}

export function buildWorkload(text: string, count: number, seed: number): Workload {
  const rand = prng(seed);
  const taken = new Uint8Array(text.length + 1);
  const spans: Span[] = [];
  for (let attempt = 0; spans.length < count && attempt < count * 50; attempt++) {
    const span = chooseSpan(rand, text, chooseSpanKind(rand));
    if (span === null) continue;
    let free = true;
    for (let i = Math.max(0, span.start - 1); i <= span.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, span.start, span.end);
    spans.push(span);
  }
  const outline = buildOutline(text);
  return { text, spans, items: spans.map((s) => describeSpan(text, s.start, s.end, outline)) };
}

/** A mix of edits over the whole text, plus per-annotation edits; non-overlapping splices. */
export function editWorkload(w: Workload, seed: number): { text: string; expected: (Span | null)[] } {
  const rand = prng(seed);
  const { text, spans } = w;
  const touched = new Uint8Array(text.length + 1);
  const splices: Splice[] = [];
  const add = (s: Splice): boolean => {
    for (let i = s.at; i <= s.at + s.remove; i++) if (touched[i]) return false;
    touched.fill(1, s.at, s.at + s.remove + 1);
    splices.push(s);
    return true;
  };
  const gone = new Set<number>();
  // Per annotation: 5% deleted, 10% a word changed inside, 10% a word changed just before.
  spans.forEach((span, k) => {
    const r = rand();
    if (r < 0.05) {
      if (add({ at: span.start, remove: span.end - span.start, insert: '' })) gone.add(k);
    } else if (r < 0.15 && span.end - span.start >= 12) {
      const at = span.start + 2 + Math.floor(rand() * (span.end - span.start - 6));
      if (!/\s/u.test(text.slice(at, at + 2))) add({ at, remove: 2, insert: WORDS[Math.floor(rand() * WORDS.length)] });
    } else if (r < 0.25 && span.start > 20) {
      const at = span.start - 3 - Math.floor(rand() * 15);
      if (!/\s/u.test(text.slice(at, at + 2))) add({ at, remove: 2, insert: WORDS[Math.floor(rand() * WORDS.length)] });
    }
  });
  // Whole text: a paragraph inserted near the top, punctuation width swapped, whitespace reflowed.
  add({
    at: text.indexOf('\n') + 1,
    remove: 0,
    insert: '新增段落：各单位要认真贯彻落实本通知精神，结合实际抓好落实。\n',
  });
  const FULL = '，：；（）！？';
  const HALF = ',:;()!?';
  for (let i = 0; i < text.length; i++) {
    const k = FULL.indexOf(text[i]);
    const r = rand();
    if (k >= 0) add({ at: i, remove: 1, insert: HALF[k] });
    else if (text[i] === '\n' && r < 0.3) add({ at: i, remove: 1, insert: '\n\u3000\u3000' });
    else if (r < 0.01) add({ at: i, remove: 0, insert: ' ' });
  }
  const edited = applySplices(text, splices);
  return { text: edited, expected: spans.map((s, k) => (gone.has(k) ? null : trackSpan(s, splices))) };
}

// ---------------------------------------------------------------------------------------------------------
// Judging

export type Verdict = 'correct' | 'wrong' | 'unplaced' | 'ambiguous';

/** How far a placement's start may be from the truth's, in code units. */
export const START_TOLERANCE = 4;

function sameSpan(expected: Span, got: Span): boolean {
  const overlap = Math.min(got.end, expected.end) - Math.max(got.start, expected.start);
  return (
    overlap >= 0.8 * (expected.end - expected.start) &&
    overlap >= 0.8 * (got.end - got.start) &&
    Math.abs(got.start - expected.start) <= START_TOLERANCE
  );
}

/**
 * Correct: the placement overlaps at least 80% of the true span (and the true span 80% of it) and starts
 * within a few units. An orphan is correct when the text is gone, otherwise counted as unplaced; any
 * placement of a gone span is wrong. 'ambiguous' (nothing painted, the places offered to the analyst) is
 * its own verdict, and wrong when none of the places offered is the span's.
 */
export function judge(expected: Span | null, got: AnchorResult | AnchorOutcome | null): Verdict {
  if (got !== null && 'kind' in got) {
    if (got.kind === 'unplaced') got = null;
    else if (got.kind === 'ambiguous') {
      if (expected === null) return 'correct';
      return got.places.some((p) => sameSpan(expected, p)) ? 'ambiguous' : 'wrong';
    }
  }
  if (got === null) return expected === null ? 'correct' : 'unplaced';
  if (expected === null) return 'wrong';
  return sameSpan(expected, got) ? 'correct' : 'wrong';
}

export interface KindRow {
  correct: number;
  wrong: number;
  unplaced: number;
  /** Left unplaced with the true place among the places offered. */
  ambiguous: number;
  orphaned: number;
}

export interface Tally {
  cases: number;
  /** Cases whose text still exists. */
  placeable: number;
  placedCorrectly: number;
  placedWrongly: number;
  /** Placeable cases left unplaced (ambiguous ones not included). */
  unplaced: number;
  ambiguous: number;
  /** Gone cases correctly left unplaced. */
  orphanedCorrectly: number;
  byKind: Record<string, KindRow>;
  failures: { id: string; verdict: Verdict; expected: Span | null; got: AnchorOutcome; quote: string }[];
}

/** Anchor every case against its edited text and count the verdicts. */
export function runCases(cases: AnchoringCase[]): Tally {
  const tally: Tally = {
    cases: cases.length,
    placeable: 0,
    placedCorrectly: 0,
    placedWrongly: 0,
    unplaced: 0,
    ambiguous: 0,
    orphanedCorrectly: 0,
    byKind: {},
    failures: [],
  };
  for (const c of cases) {
    const got = anchorOutcomes(c.text, [c.selectors], c.outline)[0];
    const verdict = judge(c.expected, got);
    const row = (tally.byKind[c.kind] ??= { correct: 0, wrong: 0, unplaced: 0, ambiguous: 0, orphaned: 0 });
    if (c.expected !== null) tally.placeable++;
    if (verdict === 'wrong') {
      tally.placedWrongly++;
      row.wrong++;
    } else if (verdict === 'unplaced') {
      tally.unplaced++;
      row.unplaced++;
    } else if (verdict === 'ambiguous') {
      tally.ambiguous++;
      row.ambiguous++;
    } else if (c.expected === null) {
      tally.orphanedCorrectly++;
      row.orphaned++;
    } else {
      tally.placedCorrectly++;
      row.correct++;
    }
    if (verdict !== 'correct') tally.failures.push({ id: c.id, verdict, expected: c.expected, got, quote: c.quote });
  }
  return tally;
}
