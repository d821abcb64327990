/**
 * Is this page a notice? The scoring table of docs/notice-pages.md §7, plus the gates the table implies.
 *
 * Points (POINTS below): labelled metadata block +3, known source +2, title ends in a 文种 +2, 文号 +2,
 * 主送 line +2, headings or 第X条 +1, closing formula or 署名+date +1, ≥ 10 第X条 on a non-notice site +1;
 * news byline −3, list/search page −3, court 案号 without 文号 −2. A 主送 line may name members (`全体党员：`).
 * A page that lost its title but keeps a 主送 line, a 署名 + date and a notice formula (`现将有关事项通知如下`,
 * `特此通知`) has a 公文's frame +1; so has one that keeps a 署名 + date and announces itself (`现将有关事宜通告如下`:
 * a 公告 or 通告 has no 主送), and an agency's 署名 there counts as under a title (+1).
 * A page with neither 文号 nor labelled block (a text reposted without its 版头) may also score: a 题注 or
 * promulgation order under the title +2 (`（2018年3月20日…会议通过）`, `…现予公布`), an agency 署名 under a title
 * that names its 文种 +1, and a body that reads as directives under such a title +1 (an implementation plan
 * reposted without 文号 or signature), the announcing formula of the 文种 its title names +1 (`现将有关事项公告如下`
 * under a 公告's title, `此复` under a 批复's). A 公报's masthead above the text +2: a 公报 publishes documents (a
 * 决议 or 决定 printed there is one).
 * An excerpt +3: a page that opens inside a document on a numbered item or an article (or on the sentence that
 * names the document it opens, `为…，制定本方案。`), with numbered parts whose
 * sentences lay down duties and do not report (a later page of a plan, a run of articles), or the text of a law
 * or regulation opening on its first chapter or article with at least 10 articles; a news report opens with its
 * lead, never with an item number.
 * A notice needs score ≥ 4 and a body of ≥ 200 Han characters (60 when the page is framed as a 公文: title 文种
 * or frame, a 主送 line or the title's own formula, 署名 + date; or a title 文种 and the formula of that 文种; or a
 * title 文种 over numbered paragraphs an agency signs and dates); a page still waiting for its body
 * (`pending`) and a report about a notice (opens with 通知指出/会议强调/记者 and has no title 文种, 文号,
 * 主送 or 署名) are not notices whatever the score.
 *
 * Confidence is the logistic of the score around the threshold, 1 / (1 + e^−(score − 3.5)):
 * score 4 → 0.62, 5 → 0.82, 6 → 0.92, 8 → 0.99, 3 → 0.38, 0 → 0.03. When a gate blocks the page it is
 * capped at 0.2. Rounded to two decimals.
 */

import type { DetectionSignal, LabelledFields, Site } from '../types';
import { readAdoptionNote, readOrderSentence } from '../metadata/adoption';
import { readClosing } from '../metadata/closing';
import { docTypeOfTitle } from '../metadata/doc-type';
import { splitLines } from '../metadata/lines';
import { matchHeading } from '../metadata/outline';
import { findTextTitle, isGazetteMasthead } from '../metadata/title';
import { isHan } from '../text/normalise';
import {
  ANNOUNCING_FORMULA,
  ARTICLE_AT_LINE_START,
  BYLINE_HEAD_CHARS,
  BYLINE_PATTERNS,
  CASE_NUMBER,
  CASE_NUMBER_HEAD_CHARS,
  CLOSING_FORMULAS,
  DATE_LINE,
  DIRECTIVE_LINE,
  DIRECTIVE_LINES,
  DIRECTIVE_MIN_LINE,
  DIRECTIVE_SHARE,
  DISCLOSURE_LABELS,
  DUTY_SENTENCE,
  EXCERPT_CHARS,
  EXCERPT_DUTIES,
  EXCERPT_DUTY_SHARE,
  EXCERPT_HEADING,
  EXCERPT_MIN_SENTENCE,
  EXCERPT_REPORTED_SHARE,
  EXCERPT_SAMPLE,
  GLUED_SIGNATURE,
  HEADING_LEVELS,
  KNOWN_SOURCE_URLS,
  MEMBER_ADDRESSEE,
  MEMBER_ADDRESSEE_NOT,
  NARRATIVE_LINE,
  NOTICE_FORMULA,
  NARRATIVE_SHARE,
  OWN_FORMULAS,
  REPORTED_OPENING,
  REPORTED_SENTENCE,
  SELF_NAMING_OPENING,
  SIGNATURE_LINE,
  STRONG_LABELS,
} from './signals';

export interface DetectionInput {
  url: string | null;
  site: Site;
  /** Normalised body text. */
  text: string;
  labelled: LabelledFields;
  title: string | null;
  hasDocNumber: boolean;
  docTypeFromTitle: string | null;
  hasAddresseeLine: boolean;
  listPage: boolean;
  pending: boolean;
}

export interface Detection {
  isNotice: boolean;
  confidence: number;
  signals: DetectionSignal[];
}

/** Points per signal (docs/notice-pages.md §7). */
export const POINTS = {
  'labelled-block': 3,
  'known-source': 2,
  'title-doctype': 2,
  'doc-number': 2,
  addressee: 2,
  headings: 1,
  closing: 1,
  'law-articles': 1,
  frame: 1,
  gazette: 2,
  'adoption-note': 2,
  'agency-signature': 1,
  directives: 1,
  excerpt: 3,
  'own-formula': 1,
  byline: -3,
  'list-page': -3,
  'case-number': -2,
} as const;

export type SignalName = keyof typeof POINTS;

/** Score at which a page is a notice. */
export const NOTICE_THRESHOLD = 4;
/** Han characters a notice's body needs at least. */
export const MIN_BODY_HAN = 200;
/**
 * Han characters enough for a short notice printed in full 公文 form (a title naming its 文种, a 主送 line and a
 * 署名 + date): a meeting notice of three sentences is still a notice.
 */
export const MIN_FRAMED_BODY_HAN = 60;
/** `第X条` lines from which a page on another site reads as a law or regulation. */
export const LAW_ARTICLES = 10;
/** Confidence cap when a gate (pending, short body, report) blocks the page. */
const GATED_CONFIDENCE = 0.2;

/** Lines a closing formula or signature is looked for in (the end of the body, before attachments). */
const CLOSING_LINES = 40;

export function detectNotice(input: DetectionInput): Detection {
  const text = typeof input.text === 'string' ? input.text : '';
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const signals: DetectionSignal[] = [];
  const fire = (name: SignalName) => signals.push({ name, points: POINTS[name] });

  if (hasLabelledBlock(input.labelled)) fire('labelled-block');
  if (isKnownSource(input)) fire('known-source');
  if (input.docTypeFromTitle) fire('title-doctype');
  if (input.hasDocNumber) fire('doc-number');
  const addressed = input.hasAddresseeLine || hasMemberAddressee(lines);
  if (addressed) fire('addressee');
  const articles = countMatches(text, ARTICLE_AT_LINE_START);
  if (hasHeadings(text, articles)) fire('headings');
  const signed = hasSignature(lines);
  if (signed || hasClosingFormula(text)) fire('closing');
  if (articles >= LAW_ARTICLES && (input.site === 'generic' || input.site === 'text')) fire('law-articles');
  const byline = hasByline(text);
  if (byline) fire('byline');
  const announces = ANNOUNCING_FORMULA.test(text);
  const frame = !input.docTypeFromTitle && !byline && signed && ((addressed && NOTICE_FORMULA.test(text)) || announces);
  if (frame) fire('frame');
  if (!input.hasDocNumber && !hasLabelledBlock(input.labelled)) {
    if (lines.slice(0, 3).some(isGazetteMasthead)) fire('gazette');
    if (hasAdoptionNote(text)) fire('adoption-note');
    if ((input.docTypeFromTitle || frame) && readClosing(text).issuers.length > 0) fire('agency-signature');
    if (!byline && ownDocType(input.title) && readsAsDirectives(lines)) fire('directives');
    if (!byline && ownDocType(input.title) && hasOwnFormula(input.docTypeFromTitle, text)) fire('own-formula');
  }
  if (
    !byline &&
    !input.listPage &&
    !input.docTypeFromTitle &&
    hasHeadings(text, articles) &&
    (isExcerpt(lines) || opensAsRegulation(lines, articles))
  )
    fire('excerpt');
  if (input.listPage) fire('list-page');
  if (!input.hasDocNumber && CASE_NUMBER.test(text.slice(0, CASE_NUMBER_HEAD_CHARS))) fire('case-number');

  const score = signals.reduce((sum, s) => sum + s.points, 0);

  // Gates: evidence that overrides the score.
  const gates: string[] = [];
  if (input.pending) gates.push('pending');
  // A 公告 or 通告 has no 主送: its own formula (现通告如下, 特此公告) and its 署名 frame it instead.
  const ownFormula = ownDocType(input.title) && hasOwnFormula(input.docTypeFromTitle, text);
  // Framed as a 公文: a title naming its 文种 or the frame of one, and a 主送 line or the document's own formula,
  // signed and dated; or a title naming its 文种 with the formula of that 文种 (`现将有关事项通告如下` under a
  // 通告's title, `决定如下` under a 决定's); or with numbered paragraphs an agency signs and dates (a party
  // notice of items).
  const titled = input.docTypeFromTitle !== null && !byline;
  const framed =
    ((input.docTypeFromTitle !== null || frame) && (addressed || ownFormula || announces) && signed && !byline) ||
    (titled && ownFormula) ||
    (titled && signed && hasHeadings(text, articles) && readClosing(text).issuers.length > 0);
  if (countHanChars(text) < (framed ? MIN_FRAMED_BODY_HAN : MIN_BODY_HAN)) gates.push('short-body');
  if (isReport(lines, input, signed)) gates.push('reported');
  for (const g of gates) signals.push({ name: g, points: 0 });

  const isNotice = gates.length === 0 && score >= NOTICE_THRESHOLD;
  let confidence = 1 / (1 + Math.exp(-(score - 3.5)));
  if (gates.length > 0) confidence = Math.min(confidence, GATED_CONFIDENCE);
  confidence = Math.round(confidence * 100) / 100;
  return { isNotice, confidence, signals };
}

/** A 主送 line naming members (`全体党员：`) among the first 15 lines, before the first heading. */
export function hasMemberAddressee(lines: string[]): boolean {
  for (const line of lines.slice(0, 15)) {
    if (matchHeading(line)) return false;
    if (line.length <= 40 && MEMBER_ADDRESSEE.test(line) && !MEMBER_ADDRESSEE_NOT.test(line)) return true;
  }
  return false;
}

/** A block with at least one filled label a news page does not print (发文字号, 成文日期, 发文机关…). */
export function hasLabelledBlock(labelled: LabelledFields | null | undefined): boolean {
  if (!labelled) return false;
  return STRONG_LABELS.some((l) => typeof labelled[l] === 'string' && labelled[l].trim() !== '');
}

function filled(labelled: LabelledFields, labels: readonly string[]): boolean {
  return labels.some((l) => typeof labelled[l] === 'string' && labelled[l].trim() !== '');
}

/**
 * A known notice source: a detail-page URL of pkulaw, gov.cn or flk; a `*.gov.cn` page with a 信息公开
 * block; without a URL, a pkulaw record or export, or a gov.cn/flk template with its metadata block.
 */
export function isKnownSource(input: Pick<DetectionInput, 'url' | 'site' | 'labelled'>): boolean {
  const labelled = input.labelled ?? {};
  if (input.url) {
    if (KNOWN_SOURCE_URLS.some((re) => re.test(input.url!))) return true;
    let host = '';
    try {
      host = new URL(input.url).hostname.toLowerCase();
    } catch {
      host = '';
    }
    return host.endsWith('.gov.cn') && filled(labelled, DISCLOSURE_LABELS);
  }
  if (input.site === 'pkulaw') return true;
  if (input.site === 'govcn' || input.site === 'npc') return hasLabelledBlock(labelled);
  return false;
}

function countMatches(text: string, re: RegExp): number {
  const global = re.global ? re : new RegExp(re.source, re.flags + 'g');
  global.lastIndex = 0;
  let n = 0;
  while (global.exec(text)) n++;
  global.lastIndex = 0;
  return n;
}

/** ≥ 2 headings of one level (一、 二、; （一）（二）; 第一章 第二章…) or ≥ 3 `第X条` lines. */
export function hasHeadings(text: string, articles = countMatches(text, ARTICLE_AT_LINE_START)): boolean {
  if (articles >= 3) return true;
  return HEADING_LEVELS.some((re) => countMatches(text, re) >= 2);
}

export function hasClosingFormula(text: string): boolean {
  return CLOSING_FORMULAS.some((re) => re.test(text));
}

/**
 * A 署名 + 成文日期 near the end: a date line under a short signer line, a `signer date` line, or a signer
 * and date glued to the last sentence. Attachments follow the signature, so the last 40 lines are searched.
 */
export function hasSignature(lines: string[]): boolean {
  const from = Math.max(0, lines.length - CLOSING_LINES);
  for (let i = lines.length - 1; i >= from; i--) {
    const line = lines[i];
    if (line.length > 80) {
      if (i === lines.length - 1 && GLUED_SIGNATURE.test(line)) return true;
      continue;
    }
    if (DATE_LINE.test(line)) {
      const prev = i > 0 ? lines[i - 1] : '';
      if (prev && prev.length <= 40 && !/[。；;，,：:！？]$/.test(prev)) return true;
      continue;
    }
    if (SIGNATURE_LINE.test(line)) return true;
    if (i === lines.length - 1 && GLUED_SIGNATURE.test(line)) return true;
  }
  return false;
}

/** A 题注 (`（2018年3月20日…会议通过）`) or a promulgation order (`…通过，现予公布`) under the title. */
export function hasAdoptionNote(text: string): boolean {
  const head = splitLines(text.length > 20_000 ? text.slice(0, 20_000) : text, 40);
  const title = findTextTitle(head);
  const note = readAdoptionNote(head, title ? title.line + 1 : 0, (t) => matchHeading(t) !== null);
  return note.date !== null || readOrderSentence(head, 0).date !== null;
}

/** The title ends in its own 文种 (`…的实施意见`), not in a document it reports on (`…印发《…的意见》`). */
function ownDocType(title: string | null): boolean {
  if (!title) return false;
  const t = title.trim();
  return !/》[\s）)]*$/.test(t) && docTypeOfTitle(t) !== null;
}

/** Body lines weighed at most: the opening of a long text shows what it is. */
const DIRECTIVE_SAMPLE = 300;

/** Most body lines direct their readers and almost none narrate or report (see DIRECTIVE_LINE). */
export function readsAsDirectives(lines: string[]): boolean {
  let weighed = 0;
  let directive = 0;
  let narrative = 0;
  for (let i = 1; i < lines.length && weighed < DIRECTIVE_SAMPLE; i++) {
    const line = lines[i];
    if (line.length < DIRECTIVE_MIN_LINE) continue;
    weighed++;
    if (NARRATIVE_LINE.test(line)) narrative++;
    else if (DIRECTIVE_LINE.test(line)) directive++;
  }
  return (
    directive >= DIRECTIVE_LINES && directive >= weighed * DIRECTIVE_SHARE && narrative <= weighed * NARRATIVE_SHARE
  );
}

/**
 * An excerpt of a document: a page that opens inside it, on a numbered item or an article (`（二）自查摸底阶段…`,
 * `第十二条…`), with no title, 主送 or 署名 before, and whose sentences lay down duties (DUTY_SENTENCE) and
 * almost never report (REPORTED_SENTENCE). A news report opens with its lead, never with an item number.
 */
export function isExcerpt(lines: string[]): boolean {
  const first = lines[0] ?? '';
  if (!matchHeading(first) && !SELF_NAMING_OPENING.test(first)) return false;
  let weighed = 0;
  let duties = 0;
  let reported = 0;
  const sample = lines.join('\n').slice(0, EXCERPT_CHARS);
  for (const raw of sample.split(/[。！？；!?;\n]/)) {
    const sentence = raw.trim();
    if (sentence.length < EXCERPT_MIN_SENTENCE) continue;
    // A heading's words (`（二）自查摸底阶段（7月3日至7月15日）`) state no duty and report nothing.
    if (sentence.length <= EXCERPT_HEADING && matchHeading(sentence) && !DUTY_SENTENCE.test(sentence)) continue;
    if (++weighed > EXCERPT_SAMPLE) break;
    if (REPORTED_SENTENCE.test(sentence)) reported++;
    else if (DUTY_SENTENCE.test(sentence)) duties++;
  }
  return (
    duties >= EXCERPT_DUTIES && duties >= weighed * EXCERPT_DUTY_SHARE && reported <= weighed * EXCERPT_REPORTED_SHARE
  );
}

/**
 * The text of a law or regulation whose page lost its title: it opens on its first chapter or article
 * (`第一章\u3000总则`, `第一条\u3000为了…`) and runs on through at least LAW_ARTICLES articles.
 */
export function opensAsRegulation(lines: string[], articles: number): boolean {
  return articles >= LAW_ARTICLES && /^第[一1][编章条节]/.test(lines[0] ?? '');
}

/** The text speaks in the announcing formula of the 文种 its title names (OWN_FORMULAS). */
export function hasOwnFormula(docType: string | null, text: string): boolean {
  if (!docType) return false;
  // 实施意见 and 指导意见 speak as an 意见, 紧急通知 as a 通知: the longest 文种 the title's ends in.
  let re: RegExp | undefined = OWN_FORMULAS[docType];
  if (re === undefined) {
    const base = Object.keys(OWN_FORMULAS)
      .filter((k) => docType.endsWith(k))
      .sort((a, b) => b.length - a.length)[0];
    re = base === undefined ? undefined : OWN_FORMULAS[base];
  }
  return re !== undefined && re.test(text);
}

export function hasByline(text: string): boolean {
  const head = text.slice(0, BYLINE_HEAD_CHARS);
  // A site's editor credit under a signed and dated document (`【责任编辑：张三】`) is the page's footer.
  const body = text.slice(0, signedEnd(text));
  return BYLINE_PATTERNS.some(({ re, where }) => re.test(where === 'head' ? head : body));
}

/** Where the text's 署名 + 成文日期 ends (the end of its date line), or the text's length when it has none. */
function signedEnd(text: string): number {
  const lines = text.split('\n');
  let end = text.length;
  for (let i = lines.length - 1, seen = 0; i > 0 && seen < CLOSING_LINES; i--) {
    end -= lines[i].length + 1;
    const line = lines[i].trim();
    if (line.length === 0) continue;
    seen++;
    const prev = lines[i - 1].trim();
    if (DATE_LINE.test(line) && prev.length > 0 && prev.length <= 40 && !/[。；;，,：:！？]$/.test(prev))
      return end + 1 + lines[i].length;
  }
  return text.length;
}

/** A report about a notice: reporter's framing first, and none of a notice's own parts. */
function isReport(lines: string[], input: DetectionInput, signed: boolean): boolean {
  const first = lines[0] ?? '';
  if (!REPORTED_OPENING.test(first.slice(0, 80))) return false;
  return !input.docTypeFromTitle && !input.hasDocNumber && !input.hasAddresseeLine && !signed;
}

function countHanChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isHan(text.charCodeAt(i))) n++;
  return n;
}
