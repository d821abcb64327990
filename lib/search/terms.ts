/**
 * Index terms for Chinese (and Latin) full-text search over IndexedDB multiEntry indexes.
 *
 * Why bigrams: Chinese has no spaces, so "words" need a dictionary, and any segmenter's answer depends on
 * context — `党组织` can come out as 党组织, 党组/织 or 党/组织 around different neighbours. An index
 * built from one segmentation and queried with another misses documents. Overlapping character bigrams
 * are context-free: the query 疫情防控 becomes 疫情, 情防, 防控, and every text containing 疫情防控 contains
 * those three terms, whatever surrounds it. Requiring all of them gives word-level recall without a
 * dictionary; bigrams that merely co-occur are weeded out by checking the candidate's text for the
 * phrase itself (`Haystack`). Memex indexed single characters instead, which makes every common
 * character a term and users found CJK search imprecise (WorldBrain/Memex#209, #277; docs/annotation.md §7).
 *
 * Intl.Segmenter words are used when the runtime has it (feature-detected, never required) and a text has
 * more distinct terms than its budget (long notices, see `noticeTerms`): words then rank above bigrams
 * that straddle two words (`…的工…`), so the budget keeps the words, and a query is also looked up by its
 * own words (`QueryPhrase.words`), a second route that finds a notice whose straddling bigram (情防 in
 * 疫情防控) was cut. Measured on 10,000-character notices this raises the share of words mentioned once
 * that stay findable from 1% to 100% (`npx tsx bench/search.ts --recall`). ICU's dictionary is dated
 * (it splits 疫情 and 党组织), which is one more reason it only ranks and never gates.
 *
 * A 1-character Han query has no bigram: it is looked up as a prefix of bigrams, and each run's last
 * character is indexed on its own so `…依法。` is found by 法.
 */

/**
 * Version of the term rules below. Stored terms made under another version no longer match what queries
 * look up: bump it with any change to tokenising, normalising or budgets, and the background reindexes
 * (`NoticeRepository.reindex`).
 */
export const TERMS_VERSION = 1;

/** Most terms `indexTerms` returns for one text; the most useful are kept (see `indexTerms`). */
export const MAX_TERMS_PER_DOCUMENT = 20_000;
/** Latin words longer than this are cut (base64 ids, hashes): the index needs a prefix, not the whole blob. */
export const MAX_WORD_LENGTH = 32;
/** Prefix of the copy of title terms kept for "title hits first" without reading any record. */
export const TITLE_PREFIX = 't:';

/** Characters `normaliseForSearch` changes, besides upper-case letters: full-width forms, brackets, whitespace. */
const CHANGED = /\s+|[\uFF01-\uFF5E[\]()﹝﹞【】〖〗]/g;

function normaliseChar(m: string): string {
  if (m.trim() === '') return ' ';
  let c = m.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full width → ASCII (（ → ( and so on)
  if (c === 0x28 || c === 0x5b || c === 0xfe5d || c === 0x3010 || c === 0x3016) return '〔';
  if (c === 0x29 || c === 0x5d || c === 0xfe5e || c === 0x3011 || c === 0x3017) return '〕';
  return String.fromCharCode(c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
}

/**
 * The form both the index and the substring check see: full-width folded (`ＣＬＩ` = `cli`, `２０２０` = `2020`),
 * lower-case, every bracket a 〔〕 (so 国发[2019]5号 finds 国发〔2019〕5号), whitespace runs one space.
 */
export function normaliseForSearch(text: string): string {
  return text.toLowerCase().replace(CHANGED, normaliseChar);
}

/**
 * True when a (normalised) phrase can be looked for in raw text: no character of it is made by
 * normalisation (ASCII, 〔〕, space, lower-case letters of cased scripts). Han phrases qualify, so the
 * common case checks the stored text as it is, without normalising 10,000 characters per candidate.
 */
export function isRawSafe(phrase: string): boolean {
  for (const ch of phrase) {
    if (ch <= '\x7f' || ch === '〔' || ch === '〕' || ch.toUpperCase() !== ch.toLowerCase()) return false;
  }
  return true;
}

interface SegmenterLike {
  segment(input: string): Iterable<{ segment: string; isWordLike?: boolean }>;
}

let segmenter: SegmenterLike | null | undefined;

/** Intl.Segmenter for Chinese words, or null where the runtime lacks it (feature-detected once). */
function wordSegmenter(): SegmenterLike | null {
  if (segmenter !== undefined) return segmenter;
  try {
    const Seg = (
      Intl as unknown as { Segmenter?: new (locale: string, options: { granularity: string }) => SegmenterLike }
    ).Segmenter;
    segmenter = typeof Seg === 'function' ? new Seg('zh', { granularity: 'word' }) : null;
  } catch {
    segmenter = null;
  }
  return segmenter;
}

/** For tests: pretend the runtime has no Intl.Segmenter (true) or detect it again (false). */
export function disableSegmenterForTests(disabled: boolean): void {
  segmenter = disabled ? null : undefined;
}

interface TermStat {
  count: number;
  first: number;
  /** 0: a word (Latin word, segmenter word, bigram that is a whole word); 1: any other bigram or char. */
  tier: 0 | 1;
}

/** A token of the normalised text: a run of Han characters or a Latin/digit word. */
interface Run {
  han: boolean;
  text: string;
  start: number;
}

const TOKEN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

function* runs(normalised: string): Generator<Run> {
  const re = new RegExp(TOKEN); // its own lastIndex: generators may interleave
  for (let m = re.exec(normalised); m !== null; m = re.exec(normalised)) {
    const text = m[0];
    yield { han: /^\p{Script=Han}/u.test(text), text, start: m.index };
  }
}

function add(stats: Map<string, TermStat>, term: string, pos: number, tier: 0 | 1): void {
  const s = stats.get(term);
  if (s === undefined) stats.set(term, { count: 1, first: pos, tier });
  else {
    s.count++;
    if (tier < s.tier) s.tier = tier;
  }
}

/**
 * Count every term of the text. Intl.Segmenter runs only when there are more terms than `limit`: its
 * words only matter for choosing what to keep (a text within its budget keeps every bigram, which finds
 * every phrase), and it costs ~3 µs a character, 13 times the bigram pass.
 */
function collect(normalised: string, limit: number): Map<string, TermStat> {
  const stats = new Map<string, TermStat>();
  for (const run of runs(normalised)) {
    if (!run.han) {
      add(stats, run.text.slice(0, MAX_WORD_LENGTH), run.start, 0);
      continue;
    }
    const t = run.text;
    if (t.length === 1) {
      add(stats, t, run.start, 1);
      continue;
    }
    for (let i = 0; i + 1 < t.length; i++) add(stats, t.slice(i, i + 2), run.start + i, 1);
    add(stats, t[t.length - 1], run.start + t.length - 1, 1);
  }
  const seg = stats.size > limit ? wordSegmenter() : null;
  if (seg) {
    let pos = 0;
    for (const { segment, isWordLike } of seg.segment(normalised)) {
      const at = pos;
      pos += segment.length;
      if (!isWordLike || segment.length < 2 || !/^\p{Script=Han}+$/u.test(segment)) continue;
      // A 2-character word is a bigram already counted: mark it as a word. Longer words are terms of their own.
      if (segment.length === 2) {
        const s = stats.get(segment);
        if (s) s.tier = 0;
      } else if (segment.length <= MAX_WORD_LENGTH) add(stats, segment, at, 0);
    }
  }
  return stats;
}

/**
 * The de-duplicated index terms of a text: Han runs as overlapping bigrams (plus each run's last
 * character), Latin letters and digits as lower-case words (cut at 32 characters). At most `limit` terms:
 * when there are more, Intl.Segmenter (when the runtime has it) adds its multi-character words and marks
 * which bigrams are words, and the most useful terms are kept — by occurrences, words counting double,
 * then the earliest — so what a long text repeats stays findable and what is cut is the incidental.
 */
export function indexTerms(text: string, limit = MAX_TERMS_PER_DOCUMENT): string[] {
  return rankTerms(collect(normaliseForSearch(text), limit), limit);
}

/** `indexTerms`, and whether terms were left out to stay within `limit`. */
export function indexTermsWithCut(text: string, limit = MAX_TERMS_PER_DOCUMENT): { terms: string[]; cut: boolean } {
  const stats = collect(normaliseForSearch(text), limit);
  return { terms: rankTerms(stats, limit), cut: stats.size > limit };
}

function rankTerms(stats: Map<string, TermStat>, limit: number): string[] {
  if (stats.size <= limit) return [...stats.keys()];
  const entries = [...stats.entries()];
  // Usefulness = occurrences, doubled for words (Intl.Segmenter words, Latin words, bigrams that are a whole
  // word): what a text repeats is what it is about, and among terms met once or twice the words are what
  // analysts type. Measured (`npx tsx bench/search.ts --recall`: 10,000-character notices built from real
  // sentences, budget 1,500): phrases met 5+ times 100% findable, 2+ times 96%; met once, dictionary words
  // 100% and arbitrary 4-character strings 30%. Without Intl.Segmenter: 100%, 99%, 1%, 8%. Ties: earlier first.
  const useful = (s: TermStat) => s.count * (2 - s.tier);
  entries.sort((a, b) => useful(b[1]) - useful(a[1]) || a[1].tier - b[1].tier || a[1].first - b[1].first);
  const out = new Array<string>(limit);
  for (let i = 0; i < limit; i++) out[i] = entries[i][0];
  return out;
}

/* ----- Queries ----- */

/** One whitespace-separated part of a query: every phrase must occur somewhere in a hit. */
export interface QueryPhrase {
  /** The phrase as matched against normalised text. */
  text: string;
  /** It can be matched against raw text too (`isRawSafe`). */
  rawSafe: boolean;
  /** Terms the index must hold exactly (bigrams, Latin words). */
  exact: string[];
  /** 1-character Han runs: looked up as prefixes of bigrams. */
  prefixes: string[];
  /**
   * Intl.Segmenter words of a multi-word Han phrase (疫情防控 → 疫情, 防控), empty when the segmenter is
   * missing or the phrase is one word: a second lookup route for documents whose straddling bigram (情防)
   * was cut by the term budget.
   */
  words: string[];
}

export interface ParsedQuery {
  phrases: QueryPhrase[];
}

/** Longest query accepted; longer input is cut (a query is typed, not pasted notices). */
export const MAX_QUERY_LENGTH = 500;

/**
 * Parse a query into phrases (split at whitespace) with the terms to look up. A phrase of punctuation
 * only has no terms and is dropped (it cannot be looked up; `〔` alone is not a search).
 */
export function parseQuery(query: string): ParsedQuery {
  const normalised = normaliseForSearch(query.slice(0, MAX_QUERY_LENGTH)).trim();
  const phrases: QueryPhrase[] = [];
  const seen = new Set<string>();
  for (const text of normalised.split(' ')) {
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    const exact: string[] = [];
    const prefixes: string[] = [];
    const hanRuns: string[] = [];
    for (const run of runs(text)) {
      if (!run.han) exact.push(run.text.slice(0, MAX_WORD_LENGTH));
      else if (run.text.length === 1) prefixes.push(run.text);
      else {
        hanRuns.push(run.text);
        // The run's last character is implied by its last bigram: only the bigrams are needed.
        for (let i = 0; i + 1 < run.text.length; i++) exact.push(run.text.slice(i, i + 2));
      }
    }
    if (exact.length === 0 && prefixes.length === 0) continue;
    phrases.push({
      text,
      rawSafe: isRawSafe(text),
      exact: dedupe(exact),
      prefixes: dedupe(prefixes),
      words: queryWords(hanRuns, exact),
    });
  }
  return { phrases };
}

function queryWords(hanRuns: string[], exact: string[]): string[] {
  const seg = wordSegmenter();
  if (!seg || hanRuns.every((r) => r.length <= 2)) return [];
  const words: string[] = [];
  for (const run of hanRuns) {
    if (run.length === 2) {
      words.push(run);
      continue;
    }
    for (const { segment } of seg.segment(run)) {
      // A single character inside a phrase has no term of its own: this route cannot express it.
      if (segment.length < 2) return [];
      words.push(segment);
    }
  }
  // Non-Han words of the phrase are needed on this route too.
  for (const t of exact) if (!/^\p{Script=Han}/u.test(t)) words.push(t);
  const out = dedupe(words);
  // The same terms as the bigram route: no second route.
  return out.length === exact.length && out.every((w) => exact.includes(w)) ? [] : out;
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

/**
 * A text to match phrases against, normalised only when a phrase needs it (see `isRawSafe`) and then
 * once.
 */
export class Haystack {
  private normalised: string | null = null;

  constructor(readonly raw: string) {}

  get norm(): string {
    this.normalised ??= normaliseForSearch(this.raw);
    return this.normalised;
  }

  /** Offset of the phrase in the raw (rawSafe) or normalised text, or -1. */
  indexOf(phrase: QueryPhrase): number {
    return phrase.rawSafe ? this.raw.indexOf(phrase.text) : this.norm.indexOf(phrase.text);
  }

  has(phrase: QueryPhrase): boolean {
    return this.indexOf(phrase) >= 0;
  }
}

/** Where a phrase was found, strongest first: the ranking of a hit. */
export type MatchField = 'title' | 'metadata' | 'tags' | 'notes' | 'text';

/**
 * Title tier of a hit: 2 when every phrase is in the title, 1 when some is, 0 when none. Hits sort by this
 * tier, then by recency ("title hits first").
 */
export function titleTier(title: string, query: ParsedQuery): 0 | 1 | 2 {
  const hay = new Haystack(title);
  let inTitle = 0;
  for (const p of query.phrases) if (hay.has(p)) inTitle++;
  return inTitle === 0 ? 0 : inTitle === query.phrases.length ? 2 : 1;
}

/**
 * A short excerpt around the first occurrence of any phrase, for result lists, or null. Cut from the raw
 * text when every phrase is raw-safe, else from the normalised text (lower-case, folded).
 */
export function snippet(text: string | Haystack, query: ParsedQuery, radius = 40): string | null {
  const hay = typeof text === 'string' ? new Haystack(text) : text;
  const raw = query.phrases.every((p) => p.rawSafe);
  const source = raw ? hay.raw : hay.norm;
  let at = -1;
  let len = 0;
  for (const p of query.phrases) {
    const i = raw ? source.indexOf(p.text) : hay.norm.indexOf(p.text);
    if (i >= 0 && (at < 0 || i < at)) {
      at = i;
      len = p.text.length;
    }
  }
  if (at < 0) return null;
  const start = Math.max(0, at - radius);
  const end = Math.min(source.length, at + len + radius);
  return (
    (start > 0 ? '…' : '') + source.slice(start, end).replace(/\s+/g, ' ').trim() + (end < source.length ? '…' : '')
  );
}

/* ----- Terms of stored records ----- */

/** Most terms indexed from one notice's body text (title, metadata, headings and tags are not counted). */
export const NOTICE_TEXT_TERM_BUDGET = 1500;

/**
 * A term stored with the notices whose body terms were cut by the budget (no text produces it: `#` is
 * not a word character). Search reads it to check those notices' texts directly when there are few.
 */
export const CUT_MARKER = '#cut';

export interface NoticeTermSource {
  title: string | null;
  /** 发文字号, issuers, 文种, 法宝引证码, 效力级别, 时效性, addressees: anything searchable about the notice. */
  metadata: string[];
  tags: string[];
  headings: string[];
  text: string;
}

/**
 * The terms stored for a notice: everything of the title (also under `t:`, for title-first ranking),
 * metadata, tags and outline headings, and at most `textBudget` terms of the body (`indexTerms`' most useful
 * ones). Long bodies are bounded because a 10,000-character notice has ~3,000 distinct terms: 5,000
 * such notices would be 15 million index entries. Notices whose body was cut carry `CUT_MARKER`; search
 * checks their texts directly when there are few of them, and `searchNotices(…, { deep: true })` always.
 */
export function noticeTerms(src: NoticeTermSource, textBudget = NOTICE_TEXT_TERM_BUDGET): string[] {
  const out = new Set<string>();
  if (src.title) {
    for (const t of indexTerms(src.title, 2000)) {
      out.add(t);
      out.add(TITLE_PREFIX + t);
    }
  }
  for (const field of [...src.metadata, ...src.tags, ...src.headings])
    for (const t of indexTerms(field, 2000)) out.add(t);
  const body = indexTermsWithCut(src.text, textBudget);
  for (const t of body.terms) out.add(t);
  if (body.cut) out.add(CUT_MARKER);
  return [...out];
}

/**
 * The terms stored for an annotation: its note and tags, whole (notes are short and all are wanted). Not
 * its quote: that is the notice's own text, already indexed with the notice, and leaving it out keeps
 * annotation records small (search reads them to check notes).
 */
export function annotationTerms(a: { note: string; tags: string[] }): string[] {
  return indexTerms([a.note, ...a.tags].join('\n'));
}
