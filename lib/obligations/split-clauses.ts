/**
 * Clause units with offsets: the spans that get a label.
 *
 * A unit ends at 。！？；, at a line break and at ：. Inside a sentence a unit is cut at ， only where
 * a new directive starts (docs/obligations.md §4 "Clause splitting"):
 *  - a new actor with its own trigger (…，各级领导干部要坚守岗位);
 *  - a trigger of a category the unit does not have yet (…，不信谣不传谣);
 *  - a condition or target lead-in (…的， / 对X，) followed by a directive.
 * A run of same-category directives for one actor stays one unit (各级党委要牢记…，坚决扛起…，统一领导…),
 * and a unit is never cut before it has a trigger of its own, so adverbials and conditions stay
 * with the directive they qualify. Headings are one unit. Numbering labels (第十条, （一）) are not
 * part of any unit. Terminators inside “quotations” do not split.
 */
import type { ObligationCategory } from '../types';
import type { Layout } from './read-layout';
import type { TriggerHit } from './match-triggers';
import { parseActor, type SegmentSpan } from './find-bearer';
import { skipWords } from './search-within';

export interface Unit {
  start: number;
  /** Exclusive; includes the closing punctuation (。；，：) and closing quotes after it. */
  end: number;
  line: number;
  /** Sentence number (sentences end at 。！？；). */
  sentence: number;
  /** Start of the enclosing full sentence (ending at 。！？ only): the scope of 某某强调，…. */
  fullSentenceStart: number;
  /** The unit opens its sentence (after a label or heading). */
  sentenceInitial: boolean;
  heading: boolean;
  /** The unit ends with ： (a list intro when it carries a trigger). */
  endsWithColon: boolean;
  /** Comma segments inside the unit, separators excluded. */
  segments: SegmentSpan[];
  /** Trigger hits inside the unit, in order. */
  hits: readonly TriggerHit[];
}

const CLOSERS = new Set(['”', '’', ')', '」', '』']);
const CONNECTIVES = [
  '并且',
  '同时',
  '另外',
  '此外',
  '而且',
  '尤其是',
  '特别是',
  '进而',
  '但是',
  '但',
  '而',
  '却',
  '并',
  '还',
  '也',
  '都',
  '更',
  '再',
  '又',
];

/** Bare-imperative verbs that can also open an organisation name (组织人事部门). */
export const NAME_WORDS: ReadonlySet<string> = new Set(['组织', '建设']);

function isDeontic(h: TriggerHit): boolean {
  return h.entry.role === 'trigger' && !h.entry.clauseStart;
}

/**
 * Positions inside “…” spans that close on the same line within 300 characters: no splitting there.
 * One forward pass; the next closing mark is tracked with a pointer, so runs of unmatched “ stay linear.
 */
function quoteMask(f: string, start: number, end: number): (pos: number) => boolean {
  let mask: Uint8Array | null = null;
  let close = start;
  for (let q = start; q < end; q++) {
    if (f[q] !== '“') continue;
    if (close <= q) {
      close = q + 1;
      while (close < end && f[close] !== '”') close++;
    }
    if (close < end && close - q <= 300) {
      if (!mask) mask = new Uint8Array(end - start);
      mask.fill(1, q + 1 - start, close - start);
      q = close;
    }
  }
  if (!mask) return () => false;
  const m = mask;
  return (pos) => pos >= start && pos < end && m[pos - start] === 1;
}

interface SegInfo extends SegmentSpan {
  /** Separator that closed the segment: ',' ':' or '' at sentence end. */
  sep: string;
  hits: readonly TriggerHit[];
}

/** Labels whose colon introduces a time bound (完成时限, 时间安排, 报送时间), after an optional item label. */
const TIME_LABEL =
  /^(?:[(]?[一二三四五六七八九十\d]{1,3}[、.．)]\s*)?(?:完成|报送|截止|办理|整改|上报|提交|报名|申报|征集|受理|反馈|材料报送|材料提交|报送截止|提交截止)?(?:时限|时间安排|时间节点|时间|期限|日期)$/;

/** Openers of a condition whose consequence follows: 一旦发现…，将…追究责任. */
const CONDITION_OPENERS = /^(?:一旦|如果|如有|如发现|若|凡是|凡)/;

/** A sentence is cut into at most this many comma segments; the rest stays one (real sentences have dozens). */
const MAX_SEGMENTS = 400;

/** Shared empty hit list: most segments have no trigger, and sentences are many. */
const NO_HITS: readonly TriggerHit[] = [];

function firstDeontic(seg: SegInfo): TriggerHit | undefined {
  return seg.hits.find(isDeontic);
}

/** A trigger or bare-imperative verb (not a name word like 组织) starts at `q` inside the segment. */
function wordAt(seg: SegInfo, q: number): boolean {
  // hits are sorted; a phrase scan asks only about positions near the segment start
  for (const x of seg.hits) {
    if (x.start > q) return false;
    if (x.start === q) return !NAME_WORDS.has(x.entry.word);
  }
  return false;
}

/** How a segment opens: with its trigger (要…, 不得…), with an actor and a trigger (企业应当…), or neither. */
function opening(f: string, seg: SegInfo): 'trigger' | 'actor' | null {
  const h = firstDeontic(seg);
  if (!h) return null;
  const p = skipWords(f, seg.start, seg.end, CONNECTIVES);
  if (h.start - p <= 1) return 'trigger';
  const np = parseActor(f, p, h.start, (q) => wordAt(seg, q));
  if (np && h.start - np[1] <= 6 && !f.slice(np[1], h.start).includes('的')) return 'actor';
  return null;
}

function endsWithDe(f: string, seg: SegInfo): boolean {
  let e = seg.end;
  while (e > seg.start && CLOSERS.has(f[e - 1])) e--;
  return e > seg.start && f[e - 1] === '的';
}

/** …的 (condition) or 对X / 针对X / 凡X (target): qualifies the directive that follows. */
function isLeadIn(f: string, seg: SegInfo): boolean {
  if (seg.end <= seg.start) return false;
  if (endsWithDe(f, seg)) return true;
  return f.startsWith('对', seg.start) || f.startsWith('针对', seg.start) || f.startsWith('凡', seg.start);
}

/**
 * Split the text into units. `hits` must be sorted by start (as `matchTriggers` returns them).
 * Linear in the text length: every character is visited a bounded number of times.
 */
export function splitClauses(f: string, layout: Layout, hits: readonly TriggerHit[]): Unit[] {
  const units: Unit[] = [];
  /** Categories of the unit being built (one set reused: sentences are many). */
  const cats = new Set<ObligationCategory | null>();
  let hi = 0;
  let sentence = 0;
  const hitsIn = (s: number, e: number): TriggerHit[] => {
    while (hi < hits.length && hits[hi].start < s) hi++;
    const out: TriggerHit[] = [];
    for (let k = hi; k < hits.length && hits[k].start < e; k++) out.push(hits[k]);
    return out;
  };

  layout.lines.forEach((line, li) => {
    let pos = line.contentStart;
    if (line.headingEnd > 0) {
      const [s, e] = trim(f, line.contentStart, line.headingEnd);
      if (e > s) {
        units.push({
          start: s,
          end: e,
          line: li,
          sentence: sentence++,
          fullSentenceStart: s,
          sentenceInitial: true,
          heading: true,
          endsWithColon: false,
          segments: [{ start: s, end: e }],
          hits: hitsIn(s, e),
        });
      }
      pos = line.headingEnd;
    }
    const inQuote = quoteMask(f, pos, line.end);
    let fullStart = pos;
    let s = pos;
    for (let q = pos; q <= line.end; q++) {
      const atEnd = q === line.end;
      if (!atEnd && (!isTerminator(f[q]) || inQuote(q))) continue;
      let e = atEnd ? q : q + 1;
      while (e < line.end && CLOSERS.has(f[e])) e++;
      if (e > s) emitSentence(s, e, fullStart, li, inQuote);
      if (atEnd) break;
      if (f[q] !== ';') fullStart = e;
      s = e;
      q = e - 1;
    }
  });
  return units;

  function emitSentence(s: number, e: number, fullStart: number, li: number, inQuote: (pos: number) => boolean): void {
    const [ts, te] = trim(f, s, e);
    if (te <= ts) return;
    const segs = segmentsOf(ts, te, inQuote);
    const id = sentence++;
    let cur: SegInfo[] = [];
    cats.clear();
    const flush = () => {
      if (cur.length === 0) return;
      const start = cur[0].start;
      const last = cur[cur.length - 1];
      const end = last.sep ? last.end + 1 : te;
      units.push({
        start,
        end,
        line: li,
        sentence: id,
        fullSentenceStart: fullStart,
        sentenceInitial: start === ts,
        heading: false,
        endsWithColon: last.sep === ':',
        segments: cur,
        hits: cur.length === 1 ? cur[0].hits : cur.flatMap((x) => x.hits),
      });
      cur = [];
      cats.clear();
    };
    for (let i = 0; i < segs.length; i++) {
      const seg = segs[i];
      if (cats.size > 0 && shouldCut(cats, cur, segs, i)) flush();
      cur.push(seg);
      for (const h of seg.hits) if (isDeontic(h)) cats.add(h.entry.category);
      // A bare imperative opening the sentence (实现…互认，…) counts as a directive for cutting.
      if (
        i === 0 &&
        seg.hits.length > 0 &&
        seg.hits[0].entry.clauseStart &&
        seg.hits[0].start === skipWords(f, seg.start, seg.end, CONNECTIVES)
      )
        cats.add('obligation');
      if (seg.sep === ':') flush();
    }
    flush();
  }

  function segmentsOf(s: number, e: number, inQuote: (pos: number) => boolean): SegInfo[] {
    const segs: SegInfo[] = [];
    let a = s;
    for (let q = s; q < e && segs.length < MAX_SEGMENTS; q++) {
      const c = f[q];
      if ((c === ',' || (c === ':' && !clockColon(f, q) && !timeLabel(a, q))) && !inQuote(q)) {
        segs.push({ start: a, end: q, sep: c, hits: NO_HITS });
        a = q + 1;
        // `，\u3000对…` / `, 决不能…`: a segment starts at its first word, not at the space after the comma.
        while (a < e && (f[a] === ' ' || f[a] === '\u3000')) a++;
        q = a - 1;
      }
    }
    let last = e;
    while (last > a && (isTerminator(f[last - 1]) || CLOSERS.has(f[last - 1]))) last--;
    if (last > a || segs.length === 0) segs.push({ start: a, end: Math.max(a, last), sep: '', hits: NO_HITS });
    const all = hitsIn(s, e);
    let k = 0;
    for (const seg of segs) {
      while (k < all.length && all[k].start < seg.start) k++;
      const first = k;
      while (k < all.length && all[k].start < seg.end) k++;
      if (k > first) seg.hits = all.slice(first, k);
    }
    return segs;
  }

  /** 完成时限：2019年4月20日前: the colon after a time label introduces the bound, not a list. */
  function timeLabel(a: number, q: number): boolean {
    return q - a <= 12 && TIME_LABEL.test(f.slice(a, q));
  }

  /** Cut before segment `i`? Only called when the current unit already has a trigger. */
  function shouldCut(
    cats: ReadonlySet<ObligationCategory | null>,
    cur: readonly SegInfo[],
    segs: SegInfo[],
    i: number,
  ): boolean {
    const seg = segs[i];
    // …决定的，省级质量技术监督局应当…: a condition stays with the directive it conditions.
    if (endsWithDe(f, segs[i - 1])) return false;
    // 假定 + 处理 + 制裁: once a condition opened the unit, its sanction (对…处以罚款) stays in it.
    const own = firstDeontic(seg);
    if (own?.entry.category === 'accountability' && cur.some((x) => endsWithDe(f, x))) return false;
    // …标明“试制品”后，方可销售: the permission completes the same norm.
    if (f.startsWith('方可', seg.start) || f.startsWith('才能', seg.start)) return false;
    const open = opening(f, seg);
    if (open === 'actor') return true;
    // 严禁…，一旦发现违规者，将依法依规追究责任: the sanction for breaking the rule is its own clause.
    if (
      !cats.has('accountability') &&
      CONDITION_OPENERS.test(f.slice(seg.start, seg.start + 3)) &&
      segs.slice(i, i + 3).some((x) => firstDeontic(x)?.entry.category === 'accountability')
    )
      return true;
    // 要进行检查，对发现的问题线索依法依规处理: a target lead-in carrying a directive of another category.
    if (
      own &&
      !open &&
      (f.startsWith('对', seg.start) || f.startsWith('针对', seg.start)) &&
      !cats.has(own.entry.category)
    )
      return true;
    if (open === 'trigger') {
      const cat = firstDeontic(seg)!.entry.category;
      // 要加强…，引导… / 要…，支持…: encouragement verbs in a directive chain stay in its scope.
      if (cat === 'encouragement' && cats.has('obligation')) return false;
      return !cats.has(cat);
    }
    return !firstDeontic(seg) && isLeadIn(f, seg) && i + 1 < segs.length && opening(f, segs[i + 1]) !== null;
  }
}

/** 24:00 / 24: 00 is a time of day, not a clause boundary. */
function clockColon(f: string, q: number): boolean {
  const before = f.charCodeAt(q - 1);
  let a = q + 1;
  if (f[a] === ' ') a++;
  const after = f.charCodeAt(a);
  return before >= 0x30 && before <= 0x39 && after >= 0x30 && after <= 0x39;
}

function isTerminator(c: string): boolean {
  return c === '。' || c === '!' || c === '?' || c === ';';
}

/** Trim spaces at both ends of [s, e). */
function trim(f: string, s: number, e: number): [number, number] {
  while (s < e && (f[s] === ' ' || f[s] === '\u3000')) s++;
  while (e > s && (f[e - 1] === ' ' || f[e - 1] === '\u3000')) e--;
  return [s, e];
}
