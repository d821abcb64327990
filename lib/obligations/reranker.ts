/**
 * The learned second reader: a logistic regression over hashed character n-grams (1–3) of a sentence unit
 * and a few structural features (its numbering label and section, the list intro before it, the genre the
 * title announces, what the rules found in and around it). It reads the units the rules left alone and
 * adds those that read as directives (duties stated without a modal word, items of a list whose intro the
 * rules did not take, responsibility notes), with the category its second head picks.
 *
 * Units are the scoring units of docs/labelling.md: the text split after 。！？； and at line breaks.
 * The weights come from scripts/train-reranker.ts (development documents only) and are stored quantised
 * in reranker-weights.ts; the threshold was chosen by leave-one-document-out cross-validation there.
 */
import type { ObligationCategory } from '../types';
import type { TriggerHit } from './match-triggers';
import type { Layout, LineInfo } from './read-layout';
import { RERANKER_MODEL } from './reranker-weights';

/** Categories of the category head, in head order. */
export const RERANK_CATEGORIES: readonly ObligationCategory[] = [
  'obligation',
  'prohibition',
  'permission',
  'encouragement',
  'accountability',
];

/** A scoring unit with its features. */
export interface RerankUnit {
  start: number;
  end: number;
  line: number;
  /** Categories of the rule clauses over the unit (empty: the rules left it alone). */
  covered: ObligationCategory[];
  /** Not a title, heading or reported-speech line: the model may add it. */
  eligible: boolean;
  /** Hashed feature indices and their values (same length). */
  index: Int32Array;
  value: Float32Array;
  /** Start offset (in the unit) and length of each n-gram feature, for naming the deciding n-gram. */
  gramAt: Int32Array;
}

export interface RerankModel {
  bits: number;
  /** Per head: the weight of one quantisation step. Head 0 decides "directive", heads 1–5 the category. */
  scale: readonly number[];
  bias: readonly number[];
  /** Int8 weights, head after head, base64. */
  weights: string;
  /** Probability from which an unlabelled unit is added. */
  threshold: number;
}

/** Clause ends of the scoring units (folded: ！？； are !?;), closers kept with the sentence they close. */
const UNIT_END = new Set(Array.from('。!?;！？；', (c) => c.charCodeAt(0)));
const CLOSERS = new Set(Array.from('”’」』)）', (c) => c.charCodeAt(0)));

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    c === 0x3000 ||
    c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f
  );
}

/** The scoring units of `f`, as [start, end) with white space at either end left out. */
export function scoringUnits(f: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  const push = (end: number) => {
    let s = from;
    let e = end;
    while (s < e && isSpace(f.charCodeAt(s))) s++;
    while (e > s && isSpace(f.charCodeAt(e - 1))) e--;
    if (e > s) out.push([s, e]);
  };
  for (let k = 0; k < f.length; k++) {
    const c = f.charCodeAt(k);
    if (c === 10 || c === 13) {
      push(k);
      from = k + 1;
    } else if (UNIT_END.has(c)) {
      let e = k + 1;
      while (e < f.length && CLOSERS.has(f.charCodeAt(e))) e++;
      push(e);
      from = e;
      k = e - 1;
    }
  }
  push(f.length);
  return out;
}

/**
 * Units the model never adds, whatever it reads: past events and scene-setting (疫情发生以来, 近期…,
 * 高度重视, 作出重要指示, 主持召开…会议), a classification or definition (…分为…, 是指, 所称, X包括…), the scope
 * of a rule (适用本办法, 另有规定的，依照其规定), the guiding-ideology formula, a maxim (首都无小事), an
 * announcement (现就有关事项通知如下), a signature, date or page line (中共北京市委2020年1月29日, 编辑：…). The development documents hold too few of them to teach the model so.
 */
const DESCRIBES =
  /以来|^(?:近期|近日|日前|目前|当前|今年|去年|此前|近年来|长期以来)|高度重视|(?:作出|做出)[^,。;]{0,4}(?:指示|批示)|主持召开|发表[^,。;]{0,4}讲话|(?:下发|印发|召开|出台|取得|作出|做出|开展|发布)了|^\d{1,2}月\d{1,2}日,|分为|无小事|是指|所称|适用本(?:办法|法|规定|条例|细则|决定)|依照其规定|不一致|相抵触|通知如下|^(?:责任)?编辑[:：]|纠错|^(?:来源|作者|联系人|联系电话)[:：]|^[^,。;:]{2,20}(?:委员会|委|办公室|办公厅|厅|局|部|政府|党组|党委|支部)$|受法律保护|^[^,。;]{0,20}?(?:主要)?包括|^(?:坚持)?以[^,。;]{2,60}?为(?:指导|引领|统领|核心)|^[^,。;]{0,30}\d{4}年\d{1,2}月\d{1,2}日\)?$/;

const DOC_TYPE =
  /(通知|意见|办法|规定|决定|决议|方案|公告|通告|通报|细则|条例|批复|函|规划|计划|措施|指引|指南|规则|法|要点)[)》]?$/;

/** The genre the first title line announces (通知, 办法, 条例, 方案…), or ''. */
export function documentGenre(f: string, layout: Layout): string {
  for (const line of layout.lines.slice(0, 40)) {
    if (!line.title) continue;
    const m = DOC_TYPE.exec(f.slice(line.contentStart, line.end).trim());
    if (m) return m[1];
  }
  return '';
}

// ───────────── hashing ─────────────

function mix(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619) >>> 0;
}

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

/** Digits read as one digit, Latin letters as one letter. */
function charClass(c: number): number {
  if (c >= 48 && c <= 57) return 48;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return 97;
  if (c >= 0xff10 && c <= 0xff19) return 48;
  return c;
}

const BEGIN = 2;
const END = 3;

export interface UnitContext {
  layout: Layout;
  hits: readonly TriggerHit[];
  genre: string;
  /** Categories the rules gave the previous and the next unit (null: none). */
  before: ObligationCategory | null;
  after: ObligationCategory | null;
  /** The previous unit ends with ：. */
  afterColon: boolean;
  /** A rule clause elsewhere on the same line. */
  lineHasRule: boolean;
  /** First category of the last list intro (a unit ending in ：) before the unit, while its list lasts. */
  intro: ObligationCategory | '-' | null;
  /** First category of the nearest rule clause before the unit. */
  near: ObligationCategory | null;
}

function lengthBucket(n: number): number {
  return n < 6 ? 0 : n < 12 ? 1 : n < 24 ? 2 : n < 48 ? 3 : n < 96 ? 4 : 5;
}

/** Features of the unit [s, e) on `line`. */
export function unitFeatures(
  f: string,
  s: number,
  e: number,
  line: LineInfo,
  covered: readonly ObligationCategory[],
  firstHit: number,
  ctx: UnitContext,
  bits: number,
): { index: Int32Array; value: Float32Array; gramAt: Int32Array } {
  const mask = (1 << bits) - 1;
  const grams: number[] = [];
  const at: number[] = [];
  // Character n-grams of the unit with begin/end marks, numbering label included.
  const n = e - s;
  for (let i = -1; i <= n; i++) {
    const c0 = i < 0 ? BEGIN : i === n ? END : charClass(f.charCodeAt(s + i));
    if (c0 === 32) continue;
    let h = mix(2166136261, c0);
    grams.push(h & mask);
    at.push(((i < 0 ? 0 : Math.min(i, n - 1)) << 2) | 1);
    for (let k = 1; k < 3 && i + k <= n; k++) {
      const ck = i + k === n ? END : charClass(f.charCodeAt(s + i + k));
      h = mix(h, ck);
      grams.push(h & mask);
      at.push(((i < 0 ? 0 : i) << 2) | (k + 1));
    }
  }
  const gramWeight = 1 / Math.sqrt(Math.max(1, grams.length / 3));
  const names: string[] = [];
  names.push(`lab:${line.label ?? '-'}`);
  if (line.item) names.push('item');
  if (line.underHeading) names.push('under');
  if (line.background) names.push('bg');
  if (line.framing) names.push('frame');
  if (line.taskSection) names.push('task');
  if (line.purpose) names.push('purpose');
  if (line.quotedScope) names.push('quoted');
  if (line.title) names.push('title');
  if (line.headingEnd >= e && s <= line.contentStart) names.push('heading');
  if (ctx.layout.hasArticles) names.push('articles');
  names.push(`genre:${ctx.genre}`);
  names.push(`genre:${ctx.genre}:lab:${line.label ?? '-'}`);
  if (s <= line.contentStart) names.push('first');
  if (e >= line.end) names.push('last');
  names.push(`end:${f[e - 1]}`);
  names.push(`len:${lengthBucket(n)}`);
  names.push(covered.length ? `rule:${covered[0]}` : 'rule:-');
  for (const c of covered) names.push(`rules:${c}`);
  for (let k = firstHit; k < ctx.hits.length && ctx.hits[k].start < e; k++) {
    const h = ctx.hits[k];
    if (h.entry.role === 'trigger' && h.entry.category) names.push(`trig:${h.entry.category}`);
    else names.push(`marker:${h.entry.role}`);
  }
  names.push(`before:${ctx.before ?? '-'}`);
  names.push(`after:${ctx.after ?? '-'}`);
  if (ctx.afterColon) names.push('afterColon');
  if (ctx.lineHasRule) names.push('lineRule');
  if (ctx.intro) names.push(`intro:${ctx.intro}`);
  names.push(`near:${ctx.near ?? '-'}`);
  names.push('bias');
  const index = new Int32Array(grams.length + names.length);
  const value = new Float32Array(grams.length + names.length);
  for (let i = 0; i < grams.length; i++) {
    index[i] = grams[i];
    value[i] = gramWeight;
  }
  for (let i = 0; i < names.length; i++) {
    index[grams.length + i] = mix(hashString(names[i]), 1) & mask;
    value[grams.length + i] = 1;
  }
  return { index, value, gramAt: Int32Array.from(at) };
}

/** Sorted, non-overlapping-or-not spans with categories (the rule clauses). */
export interface RuleSpan {
  start: number;
  end: number;
  categories: readonly ObligationCategory[];
}

/** Every scoring unit of `f` with its features; the rule clauses are `rules` (sorted by start). */
export function rerankUnits(
  f: string,
  layout: Layout,
  hits: readonly TriggerHit[],
  rules: readonly RuleSpan[],
  bits: number,
  /** Features only for the units the model may add (the rules left them alone; no title or heading). */
  candidatesOnly = false,
): RerankUnit[] {
  const spans = scoringUnits(f);
  const genre = documentGenre(f, layout);
  // Rule categories per unit (overlap of 4 characters, or all of a shorter unit).
  const covered: ObligationCategory[][] = [];
  let j = 0;
  for (const [s, e] of spans) {
    while (j < rules.length && rules[j].end <= s) j++;
    const need = Math.min(4, e - s);
    const cats: ObligationCategory[] = [];
    for (let k = j; k < rules.length && rules[k].start < e; k++) {
      const r = rules[k];
      if (Math.min(e, r.end) - Math.max(s, r.start) >= need) for (const c of r.categories) cats.push(c);
    }
    covered.push(cats);
  }
  const lineOf: number[] = [];
  let li = 0;
  for (const [s] of spans) {
    while (li + 1 < layout.lines.length && layout.lines[li].end < s) li++;
    lineOf.push(li);
  }
  const lineRules = new Map<number, number>();
  spans.forEach((_, i) => {
    if (covered[i].length) lineRules.set(lineOf[i], (lineRules.get(lineOf[i]) ?? 0) + 1);
  });
  const out: RerankUnit[] = [];
  let h = 0;
  let intro: ObligationCategory | '-' | null = null;
  let near: ObligationCategory | null = null;
  spans.forEach(([s, e], i) => {
    while (h < hits.length && hits[h].start < s) h++;
    const line = layout.lines[lineOf[i]];
    const prevEnd = i > 0 ? f[spans[i - 1][1] - 1] : '';
    if (i > 0 && (prevEnd === ':' || prevEnd === '：')) intro = covered[i - 1][0] ?? '-';
    else if (
      s <= line.contentStart &&
      !line.item &&
      (line.label === null || line.label === 'article' || line.label === 'part' || line.label === 'top')
    )
      intro = null;
    if (i > 0 && covered[i - 1].length) near = covered[i - 1][0];
    const heading = line.headingEnd >= e && s <= line.contentStart;
    const eligible = !line.title && !line.quotedScope && !heading && !DESCRIBES.test(f.slice(s, e));
    if (candidatesOnly && (covered[i].length || !eligible)) return;
    const ctx: UnitContext = {
      layout,
      hits,
      genre,
      before: i > 0 ? (covered[i - 1][0] ?? null) : null,
      after: i + 1 < spans.length ? (covered[i + 1][0] ?? null) : null,
      afterColon: i > 0 && (f[spans[i - 1][1] - 1] === ':' || f[spans[i - 1][1] - 1] === '：'),
      lineHasRule: (lineRules.get(lineOf[i]) ?? 0) > (covered[i].length ? 1 : 0),
      intro,
      near,
    };
    const feats = unitFeatures(f, s, e, line, covered[i], h, ctx, bits);
    out.push({ start: s, end: e, line: lineOf[i], covered: covered[i], eligible, ...feats });
  });
  return out;
}

// ───────────── the stored model ─────────────

interface Decoded {
  bits: number;
  heads: Float32Array[];
  bias: readonly number[];
  threshold: number;
}

let decoded: Decoded | null = null;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function fromBase64(s: string): Int8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) lookup[B64.charCodeAt(i)] = i;
  const bytes = new Uint8Array(Math.floor((s.replace(/=+$/, '').length * 3) / 4));
  let acc = 0;
  let nbits = 0;
  let o = 0;
  for (let i = 0; i < s.length && o < bytes.length; i++) {
    const v = lookup[s.charCodeAt(i)];
    if (v < 0) continue;
    acc = (acc << 6) | v;
    nbits += 6;
    if (nbits >= 8) {
      nbits -= 8;
      bytes[o++] = (acc >> nbits) & 0xff;
    }
  }
  return new Int8Array(bytes.buffer);
}

/** Int8 weights to base64 (for the training script). */
export function toBase64(w: Int8Array): string {
  const b = new Uint8Array(w.buffer, w.byteOffset, w.byteLength);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < b.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < b.length ? B64[n & 63] : '=';
  }
  return out;
}

export function loadModel(model: RerankModel): Decoded {
  const size = 1 << model.bits;
  const q = fromBase64(model.weights);
  const heads: Float32Array[] = [];
  for (let k = 0; k < model.bias.length; k++) {
    const w = new Float32Array(size);
    for (let i = 0; i < size; i++) w[i] = (q[k * size + i] ?? 0) * model.scale[k];
    heads.push(w);
  }
  return { bits: model.bits, heads, bias: model.bias, threshold: model.threshold };
}

/** The shipped model, decoded once. */
export function shippedModel(): Decoded {
  decoded ??= loadModel(RERANKER_MODEL);
  return decoded;
}

export function dot(w: Float32Array, bias: number, index: Int32Array, value: Float32Array): number {
  let z = bias;
  for (let i = 0; i < index.length; i++) z += w[index[i]] * value[i];
  return z;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export interface Reading {
  /** Probability that the unit is a directive. */
  p: number;
  category: ObligationCategory;
  /** The n-gram that weighs most for the category, as [start, end) offsets in the text. */
  cue: [number, number];
}

/**
 * Words without which a unit cannot carry the category (index: the category head): a sanction for
 * accountability, a negation for prohibition, an allowance for permission, an offer for encouragement.
 * The category head picks among the categories whose words occur, and obligation.
 */
const CATEGORY_WORDS: ReadonlyArray<RegExp | null> = [
  null,
  /不|禁|杜绝|无权|限制/,
  /可|得|准|允许|享受|免|有权|同意|不必|无须|待遇/,
  /鼓励|支持|引导|提倡|倡导|推广|探索|希望|奖励|补贴|补助|扶持|优惠|资助|表彰|力争|宜/,
  /罚|处分|追究|责令|吊销|没收|问责|约谈|批评|赔偿|处理|责任|撤销|取消|拘留|警告|信用|查处|违反|违法/,
];

/** The categories the words of `text` allow (obligation always). */
export function allowedCategories(text: string): boolean[] {
  return CATEGORY_WORDS.map((re) => re === null || re.test(text));
}

/** The model's reading of one unit of `f`. */
export function readUnit(model: Decoded, u: RerankUnit, f: string): Reading {
  const p = sigmoid(dot(model.heads[0], model.bias[0], u.index, u.value));
  const allowed = allowedCategories(f.slice(u.start, u.end));
  let best = 1;
  let bestZ = -Infinity;
  for (let k = 1; k < model.heads.length; k++) {
    if (!allowed[k - 1]) continue;
    const z = dot(model.heads[k], model.bias[k], u.index, u.value);
    if (z > bestZ) {
      bestZ = z;
      best = k;
    }
  }
  const w = model.heads[best];
  let cue: [number, number] = [u.start, Math.min(u.end, u.start + 2)];
  let top = -Infinity;
  for (let i = 0; i < u.gramAt.length; i++) {
    const len = u.gramAt[i] & 3;
    if (len < 2) continue;
    const v = w[u.index[i]] + model.heads[0][u.index[i]];
    if (v > top) {
      const from = u.start + (u.gramAt[i] >> 2);
      const to = Math.min(u.end, from + len);
      if (to - from < 2 || !isHanSpan(f, from, to)) continue;
      top = v;
      cue = [from, to];
    }
  }
  return { p, category: RERANK_CATEGORIES[best - 1], cue };
}

/** Only Han characters in [from, to): a cue worth showing as the trigger. */
function isHanSpan(f: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = f.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) return false;
  }
  return true;
}
