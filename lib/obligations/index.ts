/**
 * The obligation finder: which clauses of a notice direct someone to act, forbid, allow, encourage
 * or sanction, who must act, and by when.
 *
 * Pipeline (each stage in its own module, all offsets into the normalised text):
 *   foldWidth → readLayout (lines, headings, sections) → matchTriggers (one pass, lexicon.ts)
 *   → splitClauses → classifyUnit → bearer (findExplicitBearer + inheritance here) → findDeadlines
 *   → scoreClause → clauses with score ≥ HIGHLIGHT_THRESHOLD.
 *
 * The clause unit. A clause is a sentence unit ending at 。！？；, a line break or ：, cut further at ，
 * only where a new directive starts: a new actor with its own trigger, a trigger of a category the
 * clause does not have yet, or a condition/target lead-in (…的， / 对X，) followed by a directive.
 * So 各级党委要牢记…，坚决扛起…，统一领导… is one clause, while
 * 对疫情防控工作要亲自抓、总负责，各级领导干部要坚守岗位… is two (two actors), and
 * 要增强政治敏锐性，不信谣不传谣，坚决支持… is three (obligation, prohibition, obligation).
 * Numbering labels (第十条, （一）) are outside the span; the closing punctuation is inside.
 * Headings are one clause (heading=true). List items under an intro ending in ： inherit the intro's
 * category, trigger and bearer when they have no trigger of their own.
 */
import type { Bearer, Clause } from '../types';
import { foldWidth } from '../text/normalise';
import { lastIndexWithin } from './search-within';
import { classifyUnit, isDatedTarget, type Classification } from './classify-clause';
import {
  findExplicitBearer,
  parseActor,
  parseResponsibilityNote,
  responsibilityBracket,
  unitBearer,
} from './find-bearer';
import { findDeadlines } from './find-deadline';
import { matchTriggers, type TriggerHit } from './match-triggers';
import { readLayout, type LabelKind, type Layout, type LineInfo } from './read-layout';
import { HIGHLIGHT_THRESHOLD, scoreClause } from './score-clause';
import { NAME_WORDS, splitClauses, type Unit } from './split-clauses';
import { readUnit, rerankUnits, shippedModel, type RerankUnit } from './reranker';

export { HIGHLIGHT_THRESHOLD };

export interface ObligationContext {
  /** 主送机关 groups as printed; the first is the default bearer (source 'addressee'). */
  addressees: string[];
}

/**
 * Clauses of `text` (normalised notice text, one paragraph per line) that an analyst listing the
 * notice's duties wants highlighted, sorted by start. Never throws: any failure yields [].
 */
export function findObligations(text: string, context?: ObligationContext): Clause[] {
  const steps = obligationSteps(text, context);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `findObligations` as steps: each `yield` is a point where a caller on the page's main thread may give it
 * back (between passes, and every few dozen clauses), so a long law never makes one long task.
 */
export function* obligationSteps(text: string, context?: ObligationContext): Generator<void, Clause[], void> {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    return yield* find(text.length > MAX_ANALYSED ? text.slice(0, MAX_ANALYSED) : text, context);
  } catch {
    return [];
  }
}

/** Units classified between two yields. */
const UNITS_PER_STEP = 48;

/**
 * Text beyond this many characters is not analysed. The longest Chinese laws run to about 200,000
 * characters; a body ten times that long is a pathological page, and the cap bounds the work (and
 * the memory of millions of clause objects) on it. Offsets stay valid: the analysed text is a prefix.
 */
const MAX_ANALYSED = 2_000_000;

interface ListScope {
  cls: Classification;
  bearer: string | null;
  line: number;
  introEnd: number;
  /** The intro holds a list-intro word (下列, 以下, 如下, 即：). */
  announcesItems: boolean;
}

const LIST_LABELS: ReadonlySet<LabelKind> = new Set<LabelKind>(['top', 'sub', 'num', 'subnum', 'circled']);

/**
 * The scoring units of `text` with the re-ranker's features, computed over the rules' clauses (for
 * scripts/train-reranker.ts): what the shipped model reads, before it adds anything.
 */
export function rerankerExamples(text: string, bits: number, context?: ObligationContext): RerankUnit[] {
  let units: RerankUnit[] = [];
  const steps = find(text, context, { bits, collect: (u) => (units = u) });
  while (!steps.next().done);
  return units;
}

interface Collect {
  bits: number;
  collect: (units: RerankUnit[]) => void;
}

function* find(text: string, context?: ObligationContext, training?: Collect): Generator<void, Clause[], void> {
  const f = foldWidth(text);
  const layout = readLayout(f);
  yield;
  const hits = matchTriggers(f);
  yield;
  const units = splitClauses(f, layout, hits);
  yield;
  const isWordAt = (p: number) => {
    const h = hitStartingAt(hits, p);
    return h !== undefined && h.entry.role === 'trigger' && !NAME_WORDS.has(h.entry.word);
  };
  const addressee =
    context?.addressees?.map((a) => (typeof a === 'string' ? a.trim() : '')).find((a) => a.length > 0) ?? null;
  const notes = responsibilityNotes(f, text, units);
  const noteLines = responsibilityLines(f, text, layout.lines);
  yield;

  const ruleLike = layout.hasArticles || isDecision(f, layout);
  const plan = !ruleLike && isPlan(f, layout);
  const out: Clause[] = [];
  let sinceYield = 0;
  let currentLine = -1;
  let currentSentence = -1;
  let paragraphBearer: string | null = null;
  let sentenceBearer: string | null = null;
  let list: ListScope | null = null;

  for (const u of units) {
    if (++sinceYield === UNITS_PER_STEP) {
      sinceYield = 0;
      yield;
    }
    const line = layout.lines[u.line];
    if (u.line !== currentLine) {
      currentLine = u.line;
      paragraphBearer = null;
      if (list && !line.item) list = null;
    }
    if (u.sentence !== currentSentence) {
      currentSentence = u.sentence;
      sentenceBearer = null;
    }
    if (line.title || notes.skip.has(u) || noteLines.has(u.line)) continue;

    // Items on later lines are marked by the layout; items on the intro's own line need a list-intro
    // word in the intro (以下几点：一是…；二是…, 即：…), else the text after ： is ordinary prose.
    const inItem: boolean = list !== null && (u.line > list.line || (list.announcesItems && u.start >= list.introEnd));
    // Bare imperatives count in directive sections, and at the start of a numbered item (一、加强…).
    const itemOpening =
      line.label !== null && line.label !== 'article' && line.label !== 'part' && u.start === line.contentStart;
    const ctx = {
      bareImperatives:
        !layout.hasArticles &&
        (line.underHeading || itemOpening) &&
        !line.framing &&
        !line.quotedScope &&
        !line.purpose,
      quotedScope: line.quotedScope,
      articles: ruleLike,
      plan: plan && !line.purpose,
    };
    let cls = classifyUnit(f, u, ctx);
    let inherited = false;
    // Items of a duty list (应当履行下列职责：…（三）引导其养成…) spell out the duty, even with an encouragement verb.
    // A benefit offered (享受…补贴) stays an offer inside a duty list.
    const onlyEncourages =
      cls !== null && cls.categories.every((c) => c === 'encouragement') && cls.trigger.entry.word !== '享受';
    if (inItem && list && (!cls || (onlyEncourages && list.cls.categories[0] === 'obligation'))) {
      cls = list.cls;
      inherited = true;
    }
    if (!cls) continue;

    // Bearer: named in the clause (no phrase starts on a trigger or bare-imperative verb), else inherited (sentence → list intro → paragraph note/paragraph), else addressee.
    let bearer: Bearer | null = null;
    if (!inherited) {
      const span: [number, number] | null =
        cls.actor ??
        addresseeOfRequest(f, cls.trigger, u.end) ??
        findExplicitBearer(f, u.segments, cls.trigger.start, isWordAt);
      // 以街道为单位，组织开展…: the imperative verb itself is no name
      const verbItself = span !== null && span[0] === cls.trigger.start && cls.trigger.entry.clauseStart === true;
      if (span && !verbItself) bearer = { text: text.slice(span[0], span[1]), source: 'explicit' };
    } else {
      // an item that takes its duty from the list's intro may still name who carries it (5年内市、区两级…)
      // a responsibility bracket names its lead even when the name closes the piece (（牵头单位：区政府办公室；)
      const lead = responsibilityBracket(f, u.start, u.end);
      const span = lead ?? unitBearer(f, u.start, u.end);
      if (span && (lead || span[1] < u.end - 2)) bearer = { text: text.slice(span[0], span[1]), source: 'explicit' };
    }
    if (!bearer) {
      const from: string | null =
        sentenceBearer ?? (inItem && list ? list.bearer : null) ?? notes.byLine.get(u.line) ?? paragraphBearer;
      if (from) bearer = { text: from, source: 'inherited' };
      else if (addressee) bearer = { text: addressee, source: 'addressee' };
    }
    if (bearer && bearer.source !== 'addressee') {
      sentenceBearer = bearer.text;
      if (bearer.source === 'explicit' && !cls.quoted) paragraphBearer = bearer.text;
    }

    const clauseText = text.slice(u.start, u.end);
    const heading = u.heading && !inherited;
    const score = scoreClause({
      strength: cls.strength,
      explicitBearer: bearer?.source === 'explicit',
      inList: inItem || line.taskSection || (line.label !== null && LIST_LABELS.has(line.label) && !heading),
      // a plan's dated target commits its executors even under 工作目标
      background: (line.background || line.purpose || cls.framing) && !isDatedTarget(cls),
      quoted: cls.quoted,
      epistemic: cls.epistemic,
    });

    if (u.endsWithColon && !inherited) {
      list = {
        cls,
        bearer: bearer && bearer.source !== 'addressee' ? bearer.text : null,
        line: u.line,
        introEnd: u.end,
        announcesItems: u.hits.some((h) => h.entry.role === 'list-intro'),
      };
    }

    // 具体要求如下： in a notice announces the items; the items are the duties, the intro directs no one itself
    if (
      list?.introEnd === u.end &&
      !ruleLike &&
      bearer?.source !== 'explicit' &&
      REQUIREMENTS_INTRO.test(f.slice(u.start, u.end))
    )
      continue;
    if (score < HIGHLIGHT_THRESHOLD) continue;
    const deadlines = findDeadlines(clauseText);
    out.push({
      category: cls.categories[0],
      categories: cls.categories.slice(),
      strength: cls.strength,
      start: u.start,
      end: u.end,
      text: clauseText,
      trigger: text.slice(cls.trigger.start, cls.trigger.end),
      bearer,
      deadline: deadlines[0] ?? null,
      deadlines,
      quoted: cls.quoted,
      heading,
      score,
    });
  }
  for (const note of noteLines.values()) out.push(...note);
  out.push(...tasksAboveRows(f, text, layout, noteLines, out));
  if (noteLines.size) out.sort((a, b) => a.start - b.start);
  yield;
  if (training) {
    training.collect(rerankUnits(f, layout, hits, out, training.bits));
    return out;
  }
  const read = addReadings(f, text, layout, hits, out, addressee);
  return read.length ? out.concat(read).sort((a, b) => a.start - b.start) : out;
}

/**
 * Units the rules left alone that the re-ranker reads as directives, as clauses: the category its second
 * head picks, the n-gram that weighs most as the trigger, hard in a regulation with articles and soft
 * elsewhere, the actor opening the unit (or the addressee) as bearer.
 */
function addReadings(
  f: string,
  text: string,
  layout: Layout,
  hits: readonly TriggerHit[],
  rules: readonly Clause[],
  addressee: string | null,
): Clause[] {
  const model = shippedModel();
  if (model.threshold >= 1) return [];
  const out: Clause[] = [];
  for (const u of rerankUnits(f, layout, hits, rules, model.bits, true)) {
    if (u.covered.length || !u.eligible) continue;
    const line = layout.lines[u.line];
    const r = readUnit(model, u, f);
    if (r.p < model.threshold) continue;
    // 缴纳党费是每名党员应尽的基本义务: a statement of what something is directs no one
    const read = f.slice(Math.max(u.start, line.contentStart), u.end);
    if (STATEMENT.test(read) || CONTACT.test(read)) continue;
    const strength = layout.hasArticles ? 'hard' : 'soft';
    const from = Math.max(u.start, line.contentStart);
    const lead = responsibilityBracket(f, from, u.end);
    const found = lead ?? unitBearer(f, from, u.end);
    // 以街道为单位，组织开展…: a phrase that opens on an imperative verb is the task, not who does it
    const verbFirst = found && !lead && hitStartingAt(hits, found[0])?.entry.clauseStart === true;
    const actor = verbFirst ? null : found;
    const bearer: Bearer | null =
      actor && (lead || actor[1] < u.end - 2)
        ? { text: text.slice(actor[0], actor[1]), source: 'explicit' }
        : addressee
          ? { text: addressee, source: 'addressee' }
          : null;
    const clauseText = text.slice(u.start, u.end);
    const deadlines = findDeadlines(clauseText);
    const score =
      Math.round(
        (HIGHLIGHT_THRESHOLD + ((1 - HIGHLIGHT_THRESHOLD) * (r.p - model.threshold)) / (1 - model.threshold)) * 100,
      ) / 100;
    out.push({
      category: r.category,
      categories: [r.category],
      strength,
      start: u.start,
      end: u.end,
      text: clauseText,
      trigger: text.slice(r.cue[0], r.cue[1]),
      bearer,
      deadline: deadlines[0] ?? null,
      deadlines,
      quoted: false,
      heading: false,
      score,
    });
  }
  return out;
}

/** X是…的义务/责任/基础: a unit that says what something is. */
/** 未尽事宜，请电话联系…, 联系人：…: whom to ask, not what to do. */
const CONTACT = /^(?:未尽事宜|如有疑问|如有问题)|请(?:电话)?(?:联系|咨询|致电)|联系(?:人|电话|方式)[:：]/;
const STATEMENT = /^[^,;。:]{2,24}是[^,;。:]{0,30}(?:义务|责任|职责|权利|使命|基础|前提|关键|保障)[。;]?$/;

/**
 * A 决定/决议 that lays down rules in numbered points (一、国家保护…): its subjects state duties without a modal,
 * as a regulation's do. Not a decision that rewards, appoints or punishes (关于表彰…的决定): that one reports.
 */
function isDecision(f: string, layout: Layout): boolean {
  for (const line of layout.lines.slice(0, 40)) {
    if (!line.title) continue;
    const title = f.slice(line.contentStart, line.end).trim();
    if (/(?:决定|决议)[)》]?$/.test(title)) return !/表彰|奖励|授予|命名|嘉奖|处分|任免|任命|通报/.test(title);
  }
  return false;
}

/**
 * A plan, notice or opinion (its title ends in 方案/计划/意见/通知…): it sets targets for its executors. Not a
 * report, a 通报 or a page without such a title (news, articles).
 */
function isPlan(f: string, layout: Layout): boolean {
  for (const line of layout.lines.slice(0, 40)) {
    if (!line.title) continue;
    const title = f.slice(line.contentStart, line.end).trim();
    if (/报告|通报|总结|公报|综述|新闻|解读/.test(title)) return false;
    if (/(?:方案|计划|规划|意见|通知|要点|措施|行动|纲要)[)》]?$/.test(title)) return true;
  }
  // A plan's pages without its title: a timetable of stages, (一)动员部署阶段(5月) / 二、时间安排
  return layout.lines.slice(0, 80).some((line) => STAGE_LINE.test(f.slice(line.contentStart, line.end).trim()));
}

/** A stage of a plan's timetable with its dates, or the timetable's own heading. */
const STAGE_LINE =
  /^(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|[㈠-㈩])?\s*(?:[^,。;:]{2,16}阶段\s*\([^)]{0,24}\d{1,2}月[^)]{0,24}\)|(?:时间安排|实施步骤|工作步骤|进度安排|时间节点)[:。]?$)/;

/** An intro naming nobody that only announces requirements: 具体要求如下：, 二、工作要求：. */
const REQUIREMENTS_INTRO =
  /^(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、])?\s*(?:具体|主要|有关|相关|工作|基本|总体|其他|几点)?要求(?:是|为|如下)?:$/;

const NOTE_ENTRY_WORD = /牵头|负责/;
/** 牵头单位：X / 责任单位：X / 责任部门：X at the start of a note: X carries the task. */
const NOTE_LEAD = /^(?:牵头|责任|主责|承办)(?:单位|部门)?:/;

/**
 * A line that is only a responsibility note, (牵头单位：市发展改革委，配合单位：…) or (市财政局牵头，各区参与),
 * under a task: the analyst's obligation for the lead unit, highlighted as one clause.
 */
function responsibilityLines(f: string, text: string, lines: readonly LineInfo[]): Map<number, Clause[]> {
  const out = new Map<number, Clause[]>();
  // （市政府办公室牵头，2022年10月底前完成）: the note's own time limit bounds the task
  const note = (line: LineInfo, s: number, end: number, trig: [number, number], np: [number, number]): Clause =>
    plainDuty(
      text,
      s,
      end,
      text.slice(trig[0], trig[1]),
      { text: text.slice(np[0], np[1]), source: 'explicit' },
      line.quotedScope,
    );
  lines.forEach((line, li) => {
    let s = line.contentStart;
    let e = line.end;
    while (s < e && (f[s] === ' ' || f[s] === '\u3000')) s++;
    while (e > s && (f[e - 1] === ' ' || f[e - 1] === '\u3000' || f[e - 1] === '。')) e--;
    if (e - s > 200 || line.title) return;
    if (f[s] !== '(' || f[e - 1] !== ')') {
      // 牵头单位：市住建局；责任单位：各区政府 (a row of a 分工 table): each piece names who carries the task
      const rows = rowNotes(f, s, line.end);
      if (rows.length)
        out.set(
          li,
          rows.map(([ps, pe, lead, np]) => note(line, ps, pe, [ps, ps + lead], np)),
        );
      return;
    }
    const inner = f.slice(s + 1, e - 1);
    const m = NOTE_LEAD.exec(inner);
    if (!m && !NOTE_ENTRY_WORD.test(inner.slice(0, 40))) return;
    const from = s + 1 + (m ? m[0].length : 0);
    const np = parseActor(f, from, Math.min(e - 1, from + 60));
    if (!np || np[0] !== from) return;
    const after = f.slice(np[1], np[1] + 3);
    if (!m && !/^(?:牵头|负责)/.test(after)) return;
    const trig: [number, number] = m ? [s + 1, s + 1 + m[0].length - 1] : [np[1], np[1] + 2];
    const end = line.end > e && f[e] === '。' ? e + 1 : e;
    out.set(li, [note(line, s, end, trig, np)]);
  });
  return out;
}

/**
 * The task a responsibility row belongs to: the line right above the rows (1.努力实现地区生产总值增长6.2%左右。 over
 * 牵头单位：区发改局), when nothing was read on it. A 分工 table states its tasks without a modal word; the row
 * assigns them, and its lead unit carries the task (inherited).
 */
function tasksAboveRows(
  f: string,
  text: string,
  layout: Layout,
  noteLines: ReadonlyMap<number, Clause[]>,
  read: readonly Clause[],
): Clause[] {
  const out: Clause[] = [];
  for (const [li, notes] of noteLines) {
    let k = li - 1;
    while (k >= 0 && /^\s*$/.test(f.slice(layout.lines[k].start, layout.lines[k].end))) k--;
    if (k < 0 || noteLines.has(k) || notes[0].start !== layout.lines[li].contentStart) continue;
    const line = layout.lines[k];
    const s = line.contentStart;
    let e = line.end;
    while (e > s && /\s/.test(f[e - 1])) e--;
    if (e - s < 4 || line.title || line.purpose || /[:：]$/.test(f.slice(s, e))) continue;
    if (read.some((c) => c.start < e && s < c.end)) continue;
    const bearer = notes[0].bearer ? { text: notes[0].bearer.text, source: 'inherited' as const } : null;
    out.push(plainDuty(text, s, e, notes[0].trigger, bearer, line.quotedScope));
  }
  return out;
}

/**
 * A soft obligation read from a plan's layout rather than from a modal word (a responsibility note, the task
 * above its rows), bounded by the deadlines inside it; an explicit bearer counts for its score.
 */
function plainDuty(
  text: string,
  start: number,
  end: number,
  trigger: string,
  bearer: Clause['bearer'],
  quotedScope: boolean,
): Clause {
  const deadlines = findDeadlines(text.slice(start, end));
  return {
    category: 'obligation',
    categories: ['obligation'],
    strength: 'soft',
    start,
    end,
    text: text.slice(start, end),
    trigger,
    bearer,
    deadline: deadlines[0] ?? null,
    deadlines,
    quoted: false,
    heading: false,
    score: scoreClause({
      strength: 'soft',
      explicitBearer: bearer?.source === 'explicit',
      inList: true,
      background: false,
      quoted: quotedScope,
      epistemic: false,
    }),
  };
}

/**
 * The pieces of a line that is a responsibility row (牵头单位：X；责任单位：Y。), each as [start, end, length of its
 * lead word, the actor]; none when any piece is something else (a task with a note inside is read as a task).
 */
function rowNotes(f: string, s: number, lineEnd: number): Array<[number, number, number, [number, number]]> {
  if (!NOTE_LEAD.test(f.slice(s, s + 8))) return [];
  const ROW_LEAD = /^(?:牵头|责任|主责|承办|配合|协办|参与)(?:单位|部门):/;
  const rows: Array<[number, number, number, [number, number]]> = [];
  let p = s;
  while (p < lineEnd) {
    let q = p;
    while (q < lineEnd && !';。'.includes(f[q])) q++;
    const pieceEnd = q < lineEnd ? q + 1 : q;
    const m = ROW_LEAD.exec(f.slice(p, q));
    if (!m) return [];
    // the row names the units and nothing else: all of it after the colon (立山经济开发区，各街道、区直各部门)
    let a = p + m[0].length;
    let b = q;
    while (a < b && f[a] === ' ') a++;
    while (b > a && /[\s.。,;]/.test(f[b - 1])) b--;
    if (b - a < 2 || b - a > 60 || /[。:]|应|须|要|负责|完成/.test(f.slice(a, b))) return [];
    rows.push([p, pieceEnd, m[0].length - 1, [a, b]]);
    p = pieceEnd;
    while (p < lineEnd && f[p] === ' ') p++;
  }
  return rows;
}

/** 请各单位于…报送 / 要求各地区…: the actor after the request word is the one who must act. */
function addresseeOfRequest(f: string, trigger: TriggerHit, unitEnd: number): [number, number] | null {
  const w = trigger.entry.word;
  if (w !== '请' && w !== '要求') return null;
  return parseActor(f, trigger.end, Math.min(unitEnd, trigger.end + 60));
}

/** The hit starting at `pos` (hits are sorted by start), by binary search. */
function hitStartingAt(hits: readonly TriggerHit[], pos: number): TriggerHit | undefined {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo < hits.length && hits[lo].start === pos ? hits[lo] : undefined;
}

/**
 * Responsibility notes and leads, as inherited bearers of the clauses of their line (byLine):
 * - （发展改革委、财政部按职责分工负责）, （牵头单位：X，配合单位：Y）: the note names who carries the tasks of its
 *   paragraph. The note is a clause of its own too (its bracket names X, docs/labelling.md); when the splitter
 *   cut it at its colons, the bare label piece （牵头单位： is skipped and the other pieces inherit X.
 * - 一、张三副主任：协助分管…, 市教育局：负责…: a line led by a name and a colon assigns the tasks after it.
 */
function responsibilityNotes(
  f: string,
  text: string,
  units: readonly Unit[],
): { byLine: Map<number, string>; skip: Set<Unit> } {
  const byLine = new Map<number, string>();
  const skip = new Set<Unit>();
  // The bracket is looked for back to the start of the sentence, not only inside the unit that closes it.
  let sentence = -1;
  let sentenceStart = 0;
  let sentenceUnits: Unit[] = [];
  let line = -1;
  for (const u of units) {
    if (u.sentence !== sentence) {
      sentence = u.sentence;
      sentenceStart = u.start;
      sentenceUnits = [];
    }
    sentenceUnits.push(u);
    if (u.line !== line) {
      line = u.line;
      const lead =
        u.endsWithColon && !u.hits.some((h) => h.entry.role === 'trigger') ? parseActor(f, u.start, u.end - 1) : null;
      if (lead && lead[1] === u.end - 1) byLine.set(u.line, text.slice(lead[0], lead[1]));
    }
    let e = u.end;
    while (e > u.start && /[。;]/.test(f[e - 1])) e--;
    if (f[e - 1] !== ')') continue;
    const open = openingBracket(f, Math.max(sentenceStart, e - 130), e - 1);
    if (open < 0) continue;
    const span = parseResponsibilityNote(f, open, e);
    if (!span) continue;
    if (!byLine.has(u.line)) byLine.set(u.line, text.slice(span[0], span[1]));
    for (const piece of sentenceUnits)
      if (
        piece !== u &&
        piece.start === open &&
        /^\((?:牵头|责任|主责)(?:单位|部门)?:$/.test(f.slice(piece.start, piece.end))
      )
        skip.add(piece);
  }
  return { byLine, skip };
  /** The ( that the ) at `close` closes, nested brackets skipped, searching back no further than `from`. */
  function openingBracket(s: string, from: number, close: number): number {
    const nearest = lastIndexWithin(s, '(', from, close);
    if (nearest < 0 || lastIndexWithin(s, ')', nearest, close) < 0) return nearest;
    let depth = 0;
    for (let i = close - 1; i >= from; i--) {
      if (s[i] === ')') depth++;
      else if (s[i] === '(' && depth-- === 0) return i;
    }
    return -1;
  }
}
