/**
 * The notice's structure as the anchoring engine sees it: sections from the outline, paragraphs (lines of
 * the normalised text) and sentences, and the conversion between an offset and a `StructuralKey`.
 *
 * Why: on government CMS pages the article or item number plus the sentence index is steadier than any
 * DOM path, and no annotator stores it (docs/annotation.md §3). The key lets us re-find a span after the
 * text before it changed, and tells apart two occurrences of the same words.
 */

import type { OutlineItem } from '../types';
import { foldString, type FoldedText } from './folded-text';
import type { StructuralKey } from './selectors';

interface Section {
  /** Outline path as stored in keys (`二/（三）`, `第十二条`). */
  path: string;
  /** Folded path, for comparison across punctuation width (`（三）` = `(三)`). */
  match: string;
  start: number;
  end: number;
}

export interface DocumentStructure {
  textLength: number;
  /** Sorted, non-overlapping; the text before the first one has no section (`null`). */
  sections: Section[];
  /** Offsets where each line (paragraph) starts, ascending; always starts with 0. */
  lineStarts: Int32Array;
  /** Offsets where a sentence starts inside a line (line starts not repeated), ascending. */
  sentenceStarts: Int32Array;
}

/** Sentence ends: 。！？；and their ASCII forms (after `foldWidth`, `；` and `;` are the same). */
function endsSentence(code: number): boolean {
  return (
    code === 0x3002 ||
    code === 0xff01 ||
    code === 0xff1f ||
    code === 0xff1b ||
    code === 0x21 ||
    code === 0x3f ||
    code === 0x3b
  );
}

/** Closing quotes and brackets that belong to the sentence they follow (`……。”`). */
function closesSentence(code: number): boolean {
  return (
    code === 0x201d ||
    code === 0x2019 ||
    code === 0x300d ||
    code === 0x300f ||
    code === 0xff09 ||
    code === 0x29 ||
    code === 0x3011 ||
    code === 0x22 ||
    code === 0x27
  );
}

const ARTICLE = /^第[一二三四五六七八九十百千零〇两0-9０-９]+条$/;

/** `一、` → `一`, `1.` → `1`, `（一）` and `第三条` unchanged. */
function cleanLabel(label: string): string {
  return label.replace(/\s+/g, '').replace(/[、.．,，:：]+$/u, '');
}

/** Lowest index i with values[i] > x (values ascending). */
function upperBound(values: Int32Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** An outline entry that points inside a text of `n` units (stored outlines are checked, not trusted). */
function isOutlineItem(o: unknown, n: number): o is OutlineItem {
  if (typeof o !== 'object' || o === null) return false;
  const { start, label, level } = o as Record<string, unknown>;
  return (
    typeof start === 'number' &&
    Number.isSafeInteger(start) &&
    start >= 0 &&
    start < n &&
    typeof label === 'string' &&
    typeof level === 'number'
  );
}

/** Build the structure of a normalised text. Outline items out of range or malformed are ignored. */
export function buildStructure(text: string, outline: readonly OutlineItem[]): DocumentStructure {
  const n = text.length;
  const lineStarts: number[] = [0];
  const sentenceStarts: number[] = [];
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      if (i + 1 < n) lineStarts.push(i + 1);
      continue;
    }
    if (!endsSentence(code)) continue;
    let j = i + 1;
    while (j < n && (endsSentence(text.charCodeAt(j)) || closesSentence(text.charCodeAt(j)))) j++;
    while (j < n && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x3000)) j++;
    if (j < n && text.charCodeAt(j) !== 0x0a && text.charCodeAt(j) !== 0x0d) sentenceStarts.push(j);
    i = j - 1;
  }

  const items = (Array.isArray(outline) ? (outline as readonly unknown[]) : [])
    .filter((o): o is OutlineItem => isOutlineItem(o, n))
    .slice()
    .sort((a, b) => a.start - b.start);
  const sections: Section[] = [];
  const stack: { level: number; label: string }[] = [];
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    if (k + 1 < items.length && items[k + 1].start === item.start) continue; // keep the last of equal starts
    const label = cleanLabel(item.label);
    while (stack.length > 0 && stack[stack.length - 1].level >= item.level) stack.pop();
    stack.push({ level: item.level, label });
    const path = ARTICLE.test(label) ? label : stack.map((s) => s.label).join('/');
    sections.push({ path, match: foldString(path), start: item.start, end: n });
  }
  for (let k = 0; k + 1 < sections.length; k++) sections[k].end = sections[k + 1].start;

  return {
    textLength: n,
    sections,
    lineStarts: Int32Array.from(lineStarts),
    sentenceStarts: Int32Array.from(sentenceStarts),
  };
}

/** Index of the section containing an offset, or -1 before the first heading. */
function sectionIndexAt(structure: DocumentStructure, offset: number): number {
  const { sections } = structure;
  let lo = 0;
  let hi = sections.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sections[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

interface Location {
  /** Index into `sections`, -1 before the first heading. */
  section: number;
  paragraph: number;
  sentence: number;
  offsetInSentence: number;
}

function locate(structure: DocumentStructure, folded: FoldedText, offset: number): Location {
  const section = sectionIndexAt(structure, offset);
  const regionStart = section >= 0 ? structure.sections[section].start : 0;
  const { lineStarts, sentenceStarts } = structure;
  // Paragraphs: line starts in (regionStart, offset]; sentences: sentence starts in (paragraphStart, offset].
  const lineIndex = upperBound(lineStarts, offset);
  const paragraph = lineIndex - upperBound(lineStarts, regionStart);
  const paragraphStart = Math.max(lineStarts[lineIndex - 1], regionStart);
  const sentenceIndex = upperBound(sentenceStarts, offset);
  const sentence = sentenceIndex - upperBound(sentenceStarts, paragraphStart);
  const sentenceStart = sentence > 0 ? sentenceStarts[sentenceIndex - 1] : paragraphStart;
  return {
    section,
    paragraph,
    sentence,
    offsetInSentence: folded.fromSource[offset] - folded.fromSource[sentenceStart],
  };
}

/** The structural key of the span starting at `offset` (0 ≤ offset ≤ text length). */
export function structuralKeyAt(structure: DocumentStructure, folded: FoldedText, offset: number): StructuralKey {
  const at = locate(structure, folded, offset);
  return {
    type: 'StructuralKey',
    section: at.section >= 0 ? structure.sections[at.section].path : null,
    paragraph: at.paragraph,
    sentence: at.sentence,
    offsetInSentence: at.offsetInSentence,
  };
}

/** How far a candidate's position agrees with the stored key, outermost first (each implies the previous). */
export interface StructureAgreement {
  section: boolean;
  paragraph: boolean;
  sentence: boolean;
  offset: boolean;
  /** Same section, sentence index and offset in the sentence, whatever the paragraph index (a paragraph
   * inserted or deleted earlier in the section shifts only that). */
  local: boolean;
  /**
   * Not the stored section, but one its number may have become in a renumbered version: the same path
   * shape (第#条, #/（#）) with numbers a few apart (an article inserted or deleted before it).
   */
  renumbered: boolean;
  /**
   * The same sentence index in its paragraph and nearly the same offset in it (a word of another length
   * changed before the span in its sentence), in the stored section or one it may have been renumbered to:
   * the span's own slot, whatever was inserted or deleted before it in the section.
   */
  slot: boolean;
  /**
   * The same sentence index and nearly the same offset in it, whatever the section: a heading inserted or
   * rewritten before the span (a new article, a label a word was written over) changes only the section.
   */
  sentenceSlot: boolean;
}

/** Units a word changed before the span may move its offset in the sentence. */
const SLOT_DRIFT = 3;

const NUMERAL = /[0-9]+|[零〇一二三四五六七八九十百千两]+/gu;

/** 五 → 5, 十二 → 12, 一百零五 → 105 (labels only; NaN for anything else). */
function numeralValue(s: string): number {
  if (/^[0-9]+$/u.test(s)) return Number(s);
  let total = 0;
  let digit = 0;
  for (const c of s) {
    const d = '零一二三四五六七八九'.indexOf(c === '〇' ? '零' : c === '两' ? '二' : c);
    if (d >= 0) digit = d;
    else {
      total += (digit === 0 ? 1 : digit) * (c === '十' ? 10 : c === '百' ? 100 : 1000);
      digit = 0;
    }
  }
  return total + digit;
}

/** How many numbers apart two folded section paths of the same shape are; Infinity for different shapes. */
function renumberDistance(a: string, b: string): number {
  if (a.replace(NUMERAL, '#') !== b.replace(NUMERAL, '#')) return Infinity;
  const x = a.match(NUMERAL) ?? [];
  const y = b.match(NUMERAL) ?? [];
  let d = 0;
  for (let i = 0; i < x.length; i++) d += Math.abs(numeralValue(x[i]) - numeralValue(y[i]));
  return d;
}

/** Sections this many numbers apart can be one section renumbered. */
const RENUMBER_LIMIT = 3;

/** A stored key with its section path folded once. */
export interface PreparedKey {
  key: StructuralKey;
  section: string | null;
}

export function prepareKey(key: StructuralKey): PreparedKey {
  return { key, section: key.section === null ? null : foldString(key.section) };
}

/** Compare the stored key with the structure at a text offset. */
export function agreementAt(
  structure: DocumentStructure,
  folded: FoldedText,
  stored: PreparedKey,
  offset: number,
): StructureAgreement {
  const at = locate(structure, folded, offset);
  const found = at.section >= 0 ? structure.sections[at.section].match : null;
  const section = stored.section === found;
  const paragraph = section && stored.key.paragraph === at.paragraph;
  const sentence = paragraph && stored.key.sentence === at.sentence;
  const offsetAgrees = sentence && stored.key.offsetInSentence === at.offsetInSentence;
  const local = section && stored.key.sentence === at.sentence && stored.key.offsetInSentence === at.offsetInSentence;
  const renumbered =
    !section && stored.section !== null && found !== null && renumberDistance(stored.section, found) <= RENUMBER_LIMIT;
  const sentenceSlot =
    stored.key.sentence === at.sentence && Math.abs(stored.key.offsetInSentence - at.offsetInSentence) <= SLOT_DRIFT;
  const slot = (section || renumbered) && sentenceSlot;
  return { section, paragraph, sentence, offset: offsetAgrees, local, renumbered, slot, sentenceSlot };
}

const byPath = new WeakMap<DocumentStructure, Map<string, Section[]>>();

/** The sections whose path reads `match` (several when a notice restarts its numbering), from a map built once. */
export function sectionsWithPath(structure: DocumentStructure, match: string): readonly Section[] {
  let map = byPath.get(structure);
  if (map === undefined) {
    map = new Map();
    for (const s of structure.sections) {
      const list = map.get(s.match);
      if (list === undefined) map.set(s.match, [s]);
      else list.push(s);
    }
    byPath.set(structure, map);
  }
  return map.get(match) ?? [];
}

/**
 * Where a stored key points in this text, as folded offsets: one per section with that path (a notice
 * may restart its numbering in an attachment). Empty when the section, paragraph or sentence is gone.
 */
export function resolveKey(structure: DocumentStructure, folded: FoldedText, stored: PreparedKey): number[] {
  const key = stored.key;
  const regions: { start: number; end: number }[] = [];
  if (stored.section === null) {
    regions.push({ start: 0, end: structure.sections.length > 0 ? structure.sections[0].start : structure.textLength });
  } else {
    regions.push(...sectionsWithPath(structure, stored.section));
  }
  const { lineStarts, sentenceStarts } = structure;
  const found: number[] = [];
  for (const region of regions) {
    const firstLine = upperBound(lineStarts, region.start);
    const paragraphStart = key.paragraph === 0 ? region.start : lineStarts[firstLine + key.paragraph - 1];
    if (paragraphStart === undefined || paragraphStart >= region.end) continue;
    const nextLine = lineStarts[upperBound(lineStarts, paragraphStart)];
    const paragraphEnd = Math.min(region.end, nextLine ?? structure.textLength);
    let sentenceStart = paragraphStart;
    if (key.sentence > 0) {
      const candidate = sentenceStarts[upperBound(sentenceStarts, paragraphStart) + key.sentence - 1];
      if (candidate === undefined || candidate >= paragraphEnd) continue;
      sentenceStart = candidate;
    }
    const target = folded.fromSource[sentenceStart] + key.offsetInSentence;
    found.push(Math.min(target, folded.fromSource[paragraphEnd]));
  }
  return found;
}
