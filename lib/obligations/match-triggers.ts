/**
 * One pass over the width-folded text that finds every lexicon entry, longest first at each
 * position, and keeps only the occurrences their own exclusion contexts allow.
 *
 * Why not a regex alternation or a word segmenter: ~250 alternatives per position make V8's regex
 * slow on long regulations, and segmenters split 严肃|问|责 and 30|日前 (docs/obligations.md §7).
 * A first-character index gives the same leftmost-longest result in linear time.
 */
import { LEXICON, type LexiconEntry } from './lexicon';
import { foldWidth, isHan } from '../text/normalise';

export interface CompiledEntry extends LexiconEntry {
  /** Masks as [folded compound, offset of the trigger inside it] pairs (a word can occur twice in a mask). */
  maskAt: ReadonlyArray<readonly [string, number]>;
  /**
   * The same masks grouped by offset, then by their first two characters (as one number): at a
   * position only the masks that can start there are compared (不 has 250 masks; a scan must stay cheap).
   */
  maskIndex: ReadonlyArray<readonly [number, ReadonlyMap<number, readonly string[]>]>;
}

export interface TriggerHit {
  start: number;
  end: number;
  entry: CompiledEntry;
}

let compiled: Map<number, CompiledEntry[]> | null = null;

/** First-character index of the lexicon, longest word first in each bucket. Built once. */
function index(): Map<number, CompiledEntry[]> {
  if (compiled) return compiled;
  const map = new Map<number, CompiledEntry[]>();
  for (const e of LEXICON) {
    const word = foldWidth(e.word);
    const maskAt: Array<readonly [string, number]> = [];
    for (const m of e.masks ?? []) {
      const mask = foldWidth(m);
      for (let k = mask.indexOf(word); k >= 0; k = mask.indexOf(word, k + 1)) maskAt.push([mask, k]);
    }
    const byOffset = new Map<number, Map<number, string[]>>();
    for (const [mask, k] of maskAt) {
      let byHead = byOffset.get(k);
      if (!byHead) byOffset.set(k, (byHead = new Map<number, string[]>()));
      const key = headKey(mask, 0);
      const list = byHead.get(key);
      if (list) list.push(mask);
      else byHead.set(key, [mask]);
    }
    const entry: CompiledEntry = { ...e, word, maskAt, maskIndex: [...byOffset] };
    const key = word.charCodeAt(0);
    const bucket = map.get(key);
    if (bucket) bucket.push(entry);
    else map.set(key, [entry]);
  }
  for (const bucket of map.values()) bucket.sort((a, b) => b.word.length - a.word.length);
  compiled = map;
  return map;
}

/** Characters that end a clause for the look-ahead windows (requireAfter). */
export function isClauseEnd(code: number): boolean {
  return code === 0x3002 || code === 0x3b || code === 0x21 || code === 0x3f || code === 0x0a;
}

/** After a modal or adverb these cannot start the verb phrase: 严格的, 是否坚决，, 落实了. */
const NON_VERB_NEXT = new Set(Array.from('的得性了着过是和与及或等也都而之者'));

function verbFollows(text: string, pos: number): boolean {
  if (pos >= text.length) return false;
  const c = text.charCodeAt(pos);
  // 切实把…, 坚决打赢…, 严格按照…; “ may open a quoted object (做到“两个维护”).
  if (c === 0x201c) return true;
  // 应及时报告: 及时 is an adverb of the verb, not 及 "and"
  if (text.startsWith('及时', pos)) return true;
  return isHan(c) && !NON_VERB_NEXT.has(text[pos]);
}

/** The first two UTF-16 units at `pos` as one number (masks are at least two characters long). */
function headKey(s: string, pos: number): number {
  return s.charCodeAt(pos) * 65536 + (s.charCodeAt(pos + 1) || 0);
}

function masked(text: string, pos: number, e: CompiledEntry): boolean {
  for (const [k, byHead] of e.maskIndex) {
    const s = pos - k;
    if (s < 0) continue;
    const list = byHead.get(headKey(text, s));
    if (list) for (const mask of list) if (text.startsWith(mask, s)) return true;
  }
  return false;
}

function atBoundary(text: string, pos: number, allowed: string): boolean {
  if (pos === 0) return true;
  const c = text.charCodeAt(pos - 1);
  if (!isHan(c)) return true;
  return allowed.includes(text[pos - 1]);
}

/** Who can be told to act: 要求各地区…, 要求企业…. */
const ACTOR_STARTS = [
  '各',
  '全体',
  '全',
  '所有',
  '有关',
  '相关',
  '广大',
  '其',
  '基层',
  '党员',
  '干部',
  '企业',
  '单位',
  '地方',
  '部门',
  '机关',
  '本',
  '该',
  '每',
  '我',
  '你',
  '凡',
  '申请人',
  '纳税人',
  '金融机构',
  '银行',
  '学校',
  '医疗机构',
  '领导',
  '市',
  '县',
  '省',
];

function actorFollows(text: string, pos: number): boolean {
  for (const a of ACTOR_STARTS) if (text.startsWith(a, pos)) return true;
  return false;
}

function requiredFollows(text: string, pos: number, any: readonly string[], within: number): boolean {
  const limit = Math.min(text.length, pos + within);
  for (let p = pos; p < limit; p++) {
    if (isClauseEnd(text.charCodeAt(p))) return false;
    for (const w of any) if (text.startsWith(w, p)) return true;
  }
  return false;
}

/** A 不 that could be one item of an abstention series (不聚会, 不传谣): not one of the masked compounds. */
function abstentionAt(text: string, pos: number, bu: CompiledEntry, cache: Uint8Array): boolean {
  if (text.charCodeAt(pos) !== 0x4e0d /* 不 */) return false;
  if (cache[pos] === 0) {
    const yes =
      verbFollows(text, pos + 1) &&
      !masked(text, pos, bu) &&
      !text.startsWith('不得', pos) &&
      !text.startsWith('不要', pos) &&
      !text.startsWith('不准', pos);
    cache[pos] = yes ? 1 : 2;
  }
  return cache[pos] === 1;
}

function itemStart(text: string, pos: number): boolean {
  if (pos === 0) return true;
  const p = text[pos - 1];
  return p === '、' || p === ',' || p === ';' || p === ':' || p === '\n' || p === '。';
}

/**
 * 不 as an abstention: another 不-item within a short distance in the same sentence, one of the two
 * starting an enumeration item (带头不聚会、不聚餐) or the two adjacent (不信谣不传谣).
 */
function inAbstentionSeries(text: string, pos: number, bu: CompiledEntry, cache: Uint8Array): boolean {
  if (!abstentionAt(text, pos, bu, cache)) return false;
  const WINDOW = 24;
  for (let dir = -1; dir <= 1; dir += 2) {
    for (let d = 2; d <= WINDOW; d++) {
      const q = pos + dir * d;
      if (q < 0 || q >= text.length) break;
      const c = text.charCodeAt(dir > 0 ? q : q + 1);
      if (isClauseEnd(c)) break;
      if (!abstentionAt(text, q, bu, cache)) continue;
      if (d <= 4 || itemStart(text, pos) || itemStart(text, q)) return true;
    }
  }
  return false;
}

/**
 * Every valid lexicon occurrence in `folded`, in text order, non-overlapping (leftmost-longest).
 * Occurrences inside 《book titles》 and short “slogans” are skipped: 《关于坚决…的通知》 names a
 * document and “失职照单问责” names a principle; neither is a directive of this text.
 */
export function matchTriggers(folded: string): TriggerHit[] {
  const idx = index();
  const hits: TriggerHit[] = [];
  const n = folded.length;
  const quoted = quotedSpans(folded);
  /** Per position: 0 not yet known, 1 a possible abstention 不, 2 not. */
  const abstention = new Uint8Array(n);
  for (let i = 0; i < n;) {
    const bucket = idx.get(folded.charCodeAt(i));
    if (!bucket || quoted[i]) {
      i++;
      continue;
    }
    let taken: CompiledEntry | null = null;
    for (const e of bucket) {
      if (!folded.startsWith(e.word, i)) continue;
      if (valid(folded, i, e, abstention)) {
        taken = e;
        break;
      }
    }
    if (taken) {
      hits.push({ start: i, end: i + taken.word.length, entry: taken });
      i += taken.word.length;
    } else i++;
  }
  return hits;
}

function valid(text: string, i: number, e: CompiledEntry, abstention: Uint8Array): boolean {
  if (e.maskAt.length > 0 && masked(text, i, e)) return false;
  const after = i + e.word.length;
  if (e.series && !inAbstentionSeries(text, i, e, abstention)) return false;
  if (e.needsVerbAfter && !verbFollows(text, after)) return false;
  if (e.afterBoundary !== undefined && !atBoundary(text, i, e.afterBoundary)) return false;
  if (e.requireActorAfter && !actorFollows(text, after)) return false;
  if (e.requireAfter && !requiredFollows(text, after, e.requireAfter.any, e.requireAfter.within)) return false;
  if (e.relativeWithin !== undefined && relativeFollows(text, after, e.relativeWithin)) return false;
  // A soft verb trigger followed closely by 了 reports a past fact (落实了, 认真落实了).
  if (e.strength === 'soft' && e.role === 'trigger' && pastFollows(text, after)) return false;
  return true;
}

/** 的 within `within` characters of `pos`, only Han characters between: 可借鉴的经验 is a relative clause. */
function relativeFollows(text: string, pos: number, within: number): boolean {
  const end = Math.min(text.length, pos + within + 1);
  for (let p = pos + 1; p < end; p++) {
    if (text[p] === '的') return true;
    if (!isHan(text.charCodeAt(p))) return false;
  }
  return false;
}

/** 了 (not 了解) within three characters, before any punctuation: a completed action. */
function pastFollows(text: string, pos: number): boolean {
  const end = Math.min(text.length, pos + 3);
  for (let p = pos; p < end; p++) {
    const c = text.charCodeAt(p);
    if (!isHan(c)) return false;
    if (text[p] === '了' && text[p + 1] !== '解' && text[p + 1] !== '如') return true;
  }
  return false;
}

/**
 * 1 for every position inside 《…》 (up to 80 characters) or a short “…” (up to 16): titles and
 * slogans. Longer “…” is reported speech and stays visible to the matcher.
 */
function quotedSpans(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  const n = text.length;
  // Next position of each closing mark at or after the current opener, advanced monotonically.
  let nextTitle = 0;
  let nextQuote = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x300a && c !== 0x201c) continue;
    const isTitle = c === 0x300a;
    const closeCode = isTitle ? 0x300b : 0x201d;
    let close = isTitle ? nextTitle : nextQuote;
    if (close <= i) {
      close = i + 1;
      while (close < n && text.charCodeAt(close) !== closeCode) close++;
      if (isTitle) nextTitle = close;
      else nextQuote = close;
    }
    if (close >= n || close - i > (isTitle ? 81 : 17)) continue;
    let j = i + 1;
    while (j < close && text.charCodeAt(j) !== 0x0a) j++;
    if (j < close) continue; // the span would cross a line break
    out.fill(1, i + 1, close);
    i = close;
  }
  return out;
}
