/**
 * The line structure of a notice as the obligation finder needs it: numbering labels, headings and
 * the section each line sits in, title lines, reported-speech scopes and purpose preambles.
 *
 * Classification depends on it: a topic heading (一、总体要求) is not a directive, an imperative one
 * (（一）加强组织领导。) is; bare imperatives count only inside directive sections; background
 * sections and 为…，现就…通知如下 preambles score lower (docs/obligations.md §4, §8).
 */
export type LabelKind =
  /** 第二章, 第一节 */
  | 'part'
  /** 第十条 */
  | 'article'
  /** 一、 */
  | 'top'
  /** （一） */
  | 'sub'
  /** 1. 1、 */
  | 'num'
  /** （1） */
  | 'subnum'
  /** ① */
  | 'circled';

export interface LineInfo {
  start: number;
  /** End of the line, excluding the '\n'. */
  end: number;
  /** After the numbering label (and spaces), or `start`. */
  contentStart: number;
  label: LabelKind | null;
  /** End of the heading printed on this line (whole line, or a run-in heading up to its 。), or -1. */
  headingEnd: number;
  /** Document title, 文号 or metadata line: never a directive. */
  title: boolean;
  /** A line such as 通知要求 / 集团领导强调 that opens reported speech (news pages about a notice). */
  speaker: boolean;
  /** Inside the scope of an earlier speaker line. */
  quotedScope: boolean;
  /** The line holds a 为…，现就…通知如下 purpose preamble. */
  purpose: boolean;
  /** A heading (top or sub level) precedes the line or is printed on it. */
  underHeading: boolean;
  /** The enclosing section is background (背景, 意义, 充分认识…重要性) or states goals (主要目标: aims, like 目的). */
  background: boolean;
  /** The enclosing section frames rather than directs (总体要求, 基本原则, 目标, 总则): no bare imperatives. */
  framing: boolean;
  /** The enclosing section lists tasks or measures (重点任务, 保障措施). */
  taskSection: boolean;
  /**
   * A list item under a line ending in ： (（一）有与…相适应的营业执照；), labelled or a bare
   * verb phrase ending in ；. Never a heading, whatever its length.
   */
  item: boolean;
}

export interface Layout {
  lines: LineInfo[];
  /** The text is a regulation with 第X条 articles (its sentences carry explicit modals). */
  hasArticles: boolean;
}

const LABELS: Array<[RegExp, LabelKind]> = [
  [/^第[一二三四五六七八九十百零〇\d]{1,5}[章节编]/, 'part'],
  [/^第[一二三四五六七八九十百千零〇\d]{1,6}条/, 'article'],
  [/^[一二三四五六七八九十]{1,3}、/, 'top'],
  [/^\([一二三四五六七八九十]{1,3}\)/, 'sub'],
  [/^\d{1,2}(?:\.(?!\d)|、)/, 'num'],
  [/^\(\d{1,2}\)/, 'subnum'],
  [/^[\u2460-\u2473]/, 'circled'],
];

const DOC_TYPES =
  /(?:通知|意见|办法|规定|决定|方案|公告|通告|通报|细则|条例|批复|函|纪要|要点|规划|计划|措施|指引|指南|规则|标准|报告|请示|决议|命令)[)》]?$/;
const BACKGROUND =
  /背景|意义|目的|目标|重要性|形势|现状|充分认识|基本情况|工作情况|总体情况|进展情况|工作回顾|主要成效|取得的成效|存在的问题|问题分析|工作总结/;
const FRAMING =
  /总体要求|指导思想|基本原则|工作原则|主要目标|工作目标|总体目标|发展目标|目标任务|具体指标|适用范围|总则|附则|总体思路|定义/;
const TASKS = /重点任务|主要任务|工作任务|工作措施|保障措施|具体措施|重点工作|主要措施/;
const SPEAKER = /^[\u4e00-\u9fff]{0,8}(?:指出|强调|要求|表示|提出|说)$/;

/**
 * 为…，现就…通知如下 / 根据…，制定本办法 / 现就有关事项通知如下: the sentence states a purpose or
 * announces what follows; it directs nobody.
 */
export const PURPOSE_SENTENCE =
  /^(?:(?:为了?|根据|按照|依据|依照|遵照|结合)[^。]*?(?:现就|现提出|现将|现对|现作|特制定|制定本|特作如下|通知如下|意见如下|如下意见|如下通知|如下要求|以下意见|如下规定|提出如下|提出以下|现予|特此通知)|现(?:就|将|提出|对|把)[^。]{0,60}?(?:如下|以下)|特此(?:通知|公告|通告))/;

function isSentenceEnd(c: string): boolean {
  return c === '。' || c === '!' || c === '?' || c === ';';
}

function detectLabel(f: string, start: number, end: number): [LabelKind | null, number] {
  const head = f.slice(start, Math.min(end, start + 12));
  for (const [re, kind] of LABELS) {
    const m = re.exec(head);
    if (m) {
      let p = start + m[0].length;
      while (p < end && (f[p] === ' ' || f[p] === '\u3000')) p++;
      return [kind, p];
    }
  }
  return [null, start];
}

/** End of a heading printed on a labelled line, or -1 when the line is an item or body text. */
function headingEndOf(f: string, label: LabelKind, contentStart: number, end: number): number {
  if (label === 'part') return end;
  if (label === 'article' || label === 'circled' || label === 'subnum') return -1;
  let q = contentStart;
  while (q < end && !isSentenceEnd(f[q]) && f[q] !== ':') q++;
  if (q >= end) return end - contentStart <= 60 ? end : -1;
  if (f[q] === ';' || f[q] === ':') return -1;
  if (q - contentStart > 40) return -1;
  let e = q + 1;
  while (e < end && (f[e] === '”' || f[e] === ')')) e++;
  return e;
}

function isTitleLine(f: string, start: number, end: number, index: number): boolean {
  const line = f.slice(start, end).trim();
  if (line.length === 0) return true;
  if (/[。;!?]/.test(line)) return false;
  if (line.length > 160) return false;
  if (line.includes('关于') && DOC_TYPES.test(line)) return true;
  // 文号 on its own line: （银保监党办发〔2020〕3号）
  if (/^\(?[\u4e00-\u9fff]{1,12}〔\d{4}〕\d{1,4}号\)?$/.test(line)) return true;
  return index < 4 && line.length <= 80 && DOC_TYPES.test(line);
}

/** Line structure of the normalised text (`f` is its width-folded copy, same offsets). */
export function readLayout(f: string): Layout {
  const lines: LineInfo[] = [];
  let hasArticles = false;
  let topTitle = '';
  let subTitle = '';
  let underHeading = false;
  let quotedScope = false;
  let start = 0;
  let index = 0;
  /** Label kind of the items of the current list ('bare' for unlabelled ；-items), or null. */
  let itemKind: LabelKind | 'bare' | null = null;
  let afterIntro = false;
  while (start <= f.length) {
    let end = f.indexOf('\n', start);
    if (end < 0) end = f.length;
    const [label, contentStart] = detectLabel(f, start, end);
    if (label === 'article') hasArticles = true;
    const lastChar = lastVisible(f, start, end);

    let item = false;
    if (afterIntro && itemKind === null) {
      if (label === 'sub' || label === 'num' || label === 'subnum' || label === 'circled') itemKind = label;
      else if (!label && lastChar === ';') itemKind = 'bare';
    }
    if (itemKind !== null) {
      if (itemKind === 'bare' ? !label : label === itemKind) item = true;
      else itemKind = null;
    }
    if (itemKind === 'bare' && item && lastChar !== ';') itemKind = null; // the last bare item closes the list
    afterIntro = lastChar === ':' && !item;
    if (afterIntro) itemKind = null;

    const headingEnd = label && !item ? headingEndOf(f, label, contentStart, end) : -1;
    if (headingEnd > 0) {
      const title = f.slice(contentStart, headingEnd);
      if (label === 'part' || label === 'top') {
        topTitle = title;
        subTitle = '';
      } else if (label === 'sub') subTitle = title;
      if (label === 'part' || label === 'top' || label === 'sub') underHeading = true;
    }
    const text = f.slice(start, end);
    const speaker = !label && SPEAKER.test(text);
    if (speaker) quotedScope = true;
    const sections = `${topTitle}|${subTitle}`;
    lines.push({
      start,
      end,
      contentStart,
      label,
      headingEnd,
      title: !label && !speaker && !item && isTitleLine(f, start, end, index),
      speaker,
      quotedScope: quotedScope && !speaker,
      purpose: hasPurposeSentence(f, contentStart, end),
      underHeading,
      background: BACKGROUND.test(sections),
      framing: FRAMING.test(sections) || BACKGROUND.test(sections) || inlineFraming(text),
      taskSection: TASKS.test(sections),
      item,
    });
    index++;
    start = end + 1;
  }
  return { lines, hasArticles };
}

/** Last non-space character of the line, folded: ';' for ；, ':' for ：. */
function lastVisible(f: string, start: number, end: number): string {
  let e = end;
  while (e > start && (f[e - 1] === ' ' || f[e - 1] === '\u3000')) e--;
  return e > start ? f[e - 1] : '';
}

/** 总体要求与目标：坚持… — a run-in topic label at the start of an unnumbered line. */
function inlineFraming(line: string): boolean {
  const colon = line.indexOf(':');
  return colon > 0 && colon <= 10 && FRAMING.test(line.slice(0, colon));
}

function hasPurposeSentence(f: string, start: number, end: number): boolean {
  let s = start;
  for (let q = start; q <= end; q++) {
    if (q === end || f[q] === '。') {
      const sentence = f.slice(s, Math.min(q + 1, s + 400));
      // 现将…印发给你们，请认真贯彻执行: the request is the notice's directive, not preamble.
      if (q > s && PURPOSE_SENTENCE.test(sentence) && !sentence.includes('请')) return true;
      s = q + 1;
    }
  }
  return false;
}
