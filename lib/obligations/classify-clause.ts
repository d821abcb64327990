/**
 * What a unit says: its categories (most important first), the trigger that decided, its strength,
 * and whether it is reported speech or an epistemic reading. Null when it directs nobody.
 *
 * Precedence (docs/obligations.md §8): accountability → prohibition → obligation → permission →
 * encouragement. The checks, in order:
 *  1. Units that are never labelled: definitions (本办法所称), purpose preambles (为…，现就…通知如下).
 *     Effective-date formulas, titles and topic headings carry no trigger and fall out by themselves.
 *  2. Triggers that do not count here: inside a purpose adverbial (为贯彻落实…，); bare imperative verbs
 *     anywhere but at the start of a heading or of a sentence in a directive section (or right after
 *     its subject: 县级以上地方人民政府…，统筹制定…).
 *  3. Conditions (假定): a bare condition (企业依法终止的；) is no directive; the modal inside a condition
 *     (应当申报而未申报的，处…) or governing a sanction (对…的，要严肃问责) is no new duty, so the unit is
 *     accountability only.
 *  4. Without any trigger, a regulation's assignment 由X负责/制定 is still an obligation.
 */
import type { ObligationCategory, Strength } from '../types';
import type { CompiledEntry, TriggerHit } from './match-triggers';
import { parseActor } from './find-bearer';
import { findDeadlines } from './find-deadline';
import { PURPOSE_SENTENCE } from './read-layout';
import { indexWithin } from './search-within';
import type { Unit } from './split-clauses';

export const PRECEDENCE: readonly ObligationCategory[] = [
  'accountability',
  'prohibition',
  'obligation',
  'permission',
  'encouragement',
];

export interface Classification {
  categories: ObligationCategory[];
  /** The trigger that decided `categories[0]`. */
  trigger: TriggerHit;
  strength: Strength;
  /** Reported words of someone else (总书记强调…, 《意见》指出，要…). */
  quoted: boolean;
  /** A trigger next to 可能/应是/可以说: not deontic as printed. */
  epistemic: boolean;
  /** Scene-setting rather than direction (the guiding-ideology formula): scored like a background section. */
  framing: boolean;
  /** The actor the reading itself names (驻外办事处 of 驻外办事处的主要任务是：), when the bearer search cannot see it. */
  actor?: [number, number];
}

export interface ClassifyContext {
  /** Bare imperatives (健全…机制。) count at the start of sentences here: a directive section. */
  bareImperatives: boolean;
  /** The line is inside a speaker scope (a news page's 通知要求 / 集团领导强调 block). */
  quotedScope: boolean;
  /**
   * The text is a regulation with articles: its subjects state duties without a modal (国家加强…, 公安机关指导、
   * 监督…, 依照本办法执行), and those duties are hard.
   */
  articles?: boolean;
  /**
   * The document is a plan, notice or opinion that sets targets (its title names a 方案/计划/意见/通知…, not a
   * report or a news page): a dated target statement in it (二季度完成…, 到2028年底，新增…) is a duty.
   */
  plan?: boolean;
}

// ───────────── patterns ─────────────

const DEFINITION = /本(?:办法|规定|细则|条例|通知|意见|法|决定|方案|标准|准则|公告|规则)(?:中)?所(?:称|指)|是指/;
/** …，现就有关事项通知如下： at the end of a sentence: the sentence announces what follows. */
const ANNOUNCES_BELOW = /(?:^|,)现(?:就|将|对|把)[^。;]{0,100}?(?:通知|意见|规定|要求)?(?:如下|以下)[:。]?$/;
/** First characters PURPOSE_SENTENCE can match at (为, 根据, 按照, 依据, 依照, 遵照, 结合, 现就, 特此). */
const PURPOSE_OPENERS = new Set(Array.from('为根按依遵结现特'));
/** A segment opening with 为/为了 states a purpose or beneficiary (为贯彻落实…, 为开展…联合惩戒创造条件). */
const PURPOSE_SEGMENT = /^为(?!准|主|止|此|由|依据|基础|核心|重点|抓手|载体|目标|导向|前提|保障|宗旨|指导|统领|引领)/;
/** 以习近平新时代中国特色社会主义思想为指导: the guiding-ideology formula frames, it does not direct. */
const GUIDING = /^(?:《[^》]{1,30}》)?(?:坚持)?以[^。;]{2,80}?为(?:指导|引领|统领|指引)/;
/** Headings that name a topic although they open with a verb: （一）组织领导, 四、组织实施, 保障措施. */
const TOPIC_HEADING =
  /^(?:组织领导|组织保障|组织实施|实施步骤|保障措施|保障机制|实施范围|发展目标|建设目标|建设内容|实施主体|指导思想)[。.]?$/;

/** Speaker + speech verb: 习近平总书记强调, 会议指出, 《意见》指出，, 他表示. */
const SPEECH = new RegExp(
  '(?:(?:总书记|习近平|主席|总理|委员长|书记|部长|省长|市长|局长|主任|负责人|领导|会议|全会|常委会|讲话|(?<!其)他|(?<!其)她|专家)' +
    '[^,。;!?:]{0,16}?(?:强调|指出|表示|宣布|说(?!明)|提出|要求(?=[,:]))' +
    '|》[^,。;!?:]{0,6}?(?:强调|指出|表示))',
);
/** Cheap pre-check: no speech verb, no reported speech. */
const SPEECH_VERB = /强调|指出|表示|宣布|说|提出|要求|指示|批示/;
/** 习近平总书记就…要…作出重要指示: the directive is the content of someone else's instruction. */
const INSTRUCTION = /(?:总书记|习近平|中央)[^。]{0,80}?就[^。]{0,80}?作出(?:重要)?(?:指示|批示)/;

const VIOLATION = /(?:而未|而不|未按|未依照|未依法|拒不)/;
const SANCTION_START = /^(?:处|给予|追究|责令|依法|由[^,。;]{0,20}?(?:责令|处|给予|没收|吊销|追缴))/;

/** Adverbials between a subject and its bare verb: 县级以上地方人民政府结合本地实际…，统筹制定…. */
const SUBJECT_ADVERBIAL = /^(?:结合|根据|按照|依照|依据|围绕|针对|立足|在|按|依托|通过)/;
/** 由X负责/制定/组织…: a regulation assigning a task without a modal (目录由质检总局会同…制定). */
const ASSIGNED_VERB =
  /^(?:会同[^,。;]{2,20}?)?(?:(?:依法|根据本[法规条例办定]{1,2}|按照[^,。;]{2,16}?规定|妥善|统一|及时|据实)[,]?)?(?:负责|制定|处理|给予|补贴|提供|审核|核定|汇总|报送|组织|统一|另行|审批|核准|确定|批准|决定|承担|实施|颁发|办理|发布|监督|管理|分担|安排|牵头|执行)/;
const ASSIGNMENT_ENTRY: CompiledEntry = {
  word: '由',
  role: 'trigger',
  category: 'obligation',
  strength: 'hard',
  maskAt: [],
  maskIndex: [],
  note: '由X制定/负责: assignment of a task in a regulation',
};
/** 驻外办事处的主要任务是： / 各成员单位职责如下：: an intro listing duties; its items inherit an obligation. */
const DUTY_LIST = /(?:主要)?(职责|任务|职能|义务|要求(?=是|为|如下)|规则)(?:主要)?(?:是|为|包括|有|如下)?:$/;
const DUTY_LIST_ENTRY: CompiledEntry = {
  word: '职责',
  role: 'trigger',
  category: 'obligation',
  strength: 'soft',
  maskAt: [],
  maskIndex: [],
  note: 'X的主要职责是：, a list of duties',
};

// ───────────── classification ─────────────

/** Categories and deciding trigger of a unit, or null when the unit is not a directive. */
export function classifyUnit(f: string, unit: Unit, ctx: ClassifyContext): Classification | null {
  if (isDefinition(f, unit) || isPurposeSentence(f, unit)) return null;

  let hits = countingHits(f, unit, ctx);
  if (hits.length === 0) {
    const assigned =
      assignment(f, unit) ??
      dutyListIntro(f, unit) ??
      conditionListIntro(f, unit, ctx) ??
      timetable(f, unit, ctx) ??
      boundedTask(f, unit, ctx) ??
      datedTarget(f, unit, ctx) ??
      procedureRule(f, unit, ctx) ??
      actorDuty(f, unit, ctx) ??
      planActorDuty(f, unit, ctx);
    return assigned
      ? { ...assigned, quoted: ctx.quotedScope || isQuotedAt(f, unit.fullSentenceStart, assigned.trigger.start) }
      : null;
  }
  // A bare condition (企业依法终止的；) directs nobody; as a list item it takes the intro's reading.
  if (unitEndsWithDe(f, unit) && hits.every((h) => segmentEndsWithDe(f, unit, segmentIndex(unit, h.start))))
    return null;

  // Conditions (…的，) before a later directive are 假定, not duties: 企业需要继续生产的，应当….
  const lastDirectiveSeg = segmentIndex(unit, hits[hits.length - 1].start);
  hits = hits.filter((h) => {
    const k = segmentIndex(unit, h.start);
    return k === lastDirectiveSeg || !segmentEndsWithDe(f, unit, k);
  });

  let violation: TriggerHit | null = null;
  const firstAcc = hits.find((h) => h.entry.category === 'accountability' && !h.entry.alongside);
  if (firstAcc) {
    // 要严肃问责 / 应当依法给予处分: the modal governing the sanction adds no duty.
    const ak = segmentIndex(unit, firstAcc.start);
    hits = hits.filter(
      (h) => h.entry.category === 'accountability' || h.start > firstAcc.start || segmentIndex(unit, h.start) !== ak,
    );
  } else {
    violation = violationCondition(f, unit, hits);
  }

  // 要…，支持/引导/鼓励…: encouragement verbs under a modal duty are what the duty asks for, not an offer;
  // but a later comma segment opening with 鼓励/提倡/倡导 (…纳入预算，鼓励社会力量参与…) offers something more.
  const duty = hits.find((h) => h.entry.category === 'obligation' && !h.entry.clauseStart && !h.entry.alongside);
  if (duty) {
    const dutySeg = segmentIndex(unit, duty.start);
    hits = hits.filter((h) => h.entry.category !== 'encouragement' || opensLaterSegment(f, unit, h, dutySeg));
  }

  let categories: ObligationCategory[] = violation
    ? ['accountability']
    : PRECEDENCE.filter((c) => hits.some((h) => h.entry.category === c));
  if (categories.length === 0) return null;
  // 享受…补贴/优惠: a benefit offered to those who act is encouragement, not a right stated (享受带薪年休假).
  const enjoy = hits.find(
    (h) => h.entry.word === '享受' && BENEFIT.test(f.slice(h.end, Math.min(unit.end, h.end + 14))),
  );
  if (enjoy && categories.includes('permission') && !hits.some((h) => h !== enjoy && h.entry.category === 'permission'))
    categories = PRECEDENCE.filter((c) => c !== 'permission' && (c === 'encouragement' || categories.includes(c)));
  // 打击/查处 alone: a duty to act that names the sanction; the duty comes first.
  const alongside = !firstAcc && !violation ? hits.find((h) => h.entry.alongside) : undefined;
  if (alongside) categories = ['obligation', ...categories.filter((c) => c !== 'obligation')];
  const decisive =
    violation ??
    pickTrigger(hits.filter((h) => h.entry.category === categories[0] && !h.entry.alongside)) ??
    (categories[0] === 'encouragement' ? enjoy : undefined) ??
    alongside!;
  return {
    categories,
    trigger: decisive,
    strength: violation ? 'hard' : decisive.entry.strength,
    quoted: ctx.quotedScope || isQuotedAt(f, unit.fullSentenceStart, decisive.start),
    epistemic: unit.hits.some(
      (h) => h.entry.role === 'epistemic' && h.end <= decisive.start && decisive.start - h.end <= 2,
    ),
    framing:
      '《坚以'.includes(f[unit.fullSentenceStart]) &&
      GUIDING.test(f.slice(unit.fullSentenceStart, Math.min(f.length, unit.fullSentenceStart + 120))),
  };
}

/** Reported speech: a speaker and a speech verb before `pos` in the same full sentence. */
export function isQuotedAt(f: string, sentenceStart: number, pos: number): boolean {
  if (pos <= sentenceStart) return false;
  const before = f.slice(Math.max(sentenceStart, pos - 300), pos);
  if (SPEECH_VERB.test(before) && SPEECH.test(before)) return true;
  if (!before.includes('就')) return false;
  return INSTRUCTION.test(before + f.slice(pos, Math.min(f.length, pos + 120)).split('。')[0]);
}

function isDefinition(f: string, unit: Unit): boolean {
  const end = Math.min(unit.end, unit.start + 600);
  if (indexWithin(f, '所', unit.start, end) < 0 && indexWithin(f, '指', unit.start, end) < 0) return false;
  return DEFINITION.test(f.slice(unit.start, end));
}

/** 为…，现就…通知如下. A 现将…印发给你们，请认真贯彻执行 sentence keeps its 请: that request is the directive. */
function isPurposeSentence(f: string, unit: Unit): boolean {
  const s = unit.fullSentenceStart;
  if (unit.hits.some((h) => h.entry.word === '请')) return false;
  const stop = indexWithin(f, '。', s, s + 400);
  const line = indexWithin(f, '\n', s, stop < 0 ? s + 400 : stop);
  const sentence = f.slice(s, line >= 0 ? line : stop < 0 ? Math.min(f.length, s + 400) : stop + 1);
  // 目前，…，为…，现就有关事项通知如下： / 经国务院批准，现将…安排通知如下。
  if ((sentence.includes('如下') || sentence.includes('以下')) && ANNOUNCES_BELOW.test(sentence)) return true;
  return PURPOSE_OPENERS.has(f[s]) && PURPOSE_SENTENCE.test(sentence);
}

/** The unit's deontic hits that count in its context (step 2 of the module comment). */
function countingHits(f: string, unit: Unit, ctx: ClassifyContext): TriggerHit[] {
  const opening = afterConnectives(f, unit.start);
  const purposeSeg = unit.segments.map(
    (s) => f[s.start] === '为' && PURPOSE_SEGMENT.test(f.slice(s.start, s.start + 6)),
  );
  const actorVerb = ctx.bareImperatives && unit.sentenceInitial ? subjectVerbAt(f, unit, opening) : -1;
  const topicHeading = unit.heading && TOPIC_HEADING.test(f.slice(unit.start, Math.min(unit.end, unit.start + 12)));
  return unit.hits.filter((h, i) => {
    if (h.entry.role !== 'trigger') return false;
    if (purposeSeg[segmentIndex(unit, h.start)]) return false;
    // 可以要求纳税人补缴: the modal before 要求 decides, 要求 is its verb.
    if (
      h.entry.word === '要求' &&
      i > 0 &&
      unit.hits[i - 1].entry.role === 'trigger' &&
      h.start - unit.hits[i - 1].end <= 2
    )
      return false;
    if (!h.entry.clauseStart) return true;
    if (unit.heading) return h.start === unit.start && !topicHeading;
    return ctx.bareImperatives && unit.sentenceInitial && (h.start === opening || h.start === actorVerb);
  });
}

/** 应当申报而未申报的，处以罚款 where the sanction word is not in the lexicon (依照…处理): the modal that was violated. */
function violationCondition(f: string, unit: Unit, hits: readonly TriggerHit[]): TriggerHit | null {
  for (let k = 0; k + 1 < unit.segments.length; k++) {
    const seg = unit.segments[k];
    const next = unit.segments[k + 1];
    if (!segmentEndsWithDe(f, unit, k) || !VIOLATION.test(f.slice(seg.start, seg.end))) continue;
    if (!SANCTION_START.test(f.slice(next.start, Math.min(next.end, next.start + 30)))) continue;
    const modal = hits.find((h) => h.start >= seg.start && h.start < seg.end);
    if (modal) return modal;
  }
  return null;
}

/** A regulation's 由X负责/制定… without a modal, as an obligation decided by 由. */
function assignment(f: string, unit: Unit): Omit<Classification, 'quoted'> | null {
  const end = Math.min(unit.end, unit.start + 300);
  for (let p = indexWithin(f, '由', unit.start, end); p >= 0; p = indexWithin(f, '由', p + 1, end)) {
    if (/由于|由此|理由|自由|经由|缘由/.test(f.slice(p - 1, p + 2))) continue;
    const np = parseActor(f, p + 1, end);
    if (!np || np[0] !== p + 1 || !ASSIGNED_VERB.test(f.slice(np[1], np[1] + 30))) continue;
    if (/^(?:负责)?解释/.test(f.slice(np[1], np[1] + 4))) continue; // 本办法由质检总局负责解释: boilerplate
    const trigger: TriggerHit = { start: p, end: p + 1, entry: ASSIGNMENT_ENTRY };
    return { categories: ['obligation'], trigger, strength: 'hard', epistemic: false, framing: false };
  }
  return null;
}

/** A duty read without a modal word (a procedure, a timetable line, a dated target): hard in articles, else soft. */
function dutyReading(trigger: TriggerHit, ctx: ClassifyContext): Omit<Classification, 'quoted'> {
  return {
    categories: ['obligation'],
    trigger,
    strength: ctx.articles ? 'hard' : 'soft',
    epistemic: false,
    framing: false,
  };
}

/** 依照本办法执行 / 按照…折算确定 / 依照…的规定处理: a binding rule of procedure or computation, without a modal. */
const PROCEDURE_RULE =
  /(?:依照|依据|按照|根据|参照|按)[^。;:]{1,60}?(?:执行|处理|办理|确定|计算|折算|核定|实施保护管理)$/;
const PROCEDURE_ENTRY: CompiledEntry = {
  word: '执行',
  role: 'trigger',
  category: 'obligation',
  strength: 'hard',
  maskAt: [],
  maskIndex: [],
  note: '依照…执行: a rule of procedure in a regulation',
};

function procedureRule(f: string, unit: Unit, ctx: ClassifyContext): Omit<Classification, 'quoted'> | null {
  const last = unit.segments[unit.segments.length - 1];
  if (!last || last.end - last.start > 90 || segmentEndsWithDe(f, unit, unit.segments.length - 1)) return null;
  const seg = f.slice(last.start, last.end);
  const m = PROCEDURE_RULE.exec(seg);
  // 与本通告不一致的，依照本通告执行: a rule of precedence between texts, not a duty.
  if (!m || /不一致|相抵触/.test(f.slice(unit.start, unit.end))) return null;
  // The rule opens its segment, or follows a short subject (船员的年休假按《…》执行).
  if (m.index > 24) return null;
  const at = last.start + m.index;
  const trigger: TriggerHit = { start: at, end: at + 2, entry: PROCEDURE_ENTRY };
  return dutyReading(trigger, ctx);
}

/** 国家加强… / 公安机关指导、监督… / 国家对密码实行分类管理: a regulation's subject with a bare duty verb. */
const DUTY_VERB_AFTER_ACTOR =
  /^(?:(?:依法|依照[^,。;]{1,24}?规定|依据各自职责|按照各自职责|在各自职责范围内)[,]?)?(?:对[^,。;]{1,30}?(?:实行|实施|进行)|保护|扶持|设立|采取|指导|监督|建立|组织|推动|推进|加强|制定|实行|实施)/;
const ACTOR_DUTY_ENTRY: CompiledEntry = {
  word: '国家',
  role: 'trigger',
  category: 'obligation',
  strength: 'hard',
  maskAt: [],
  maskIndex: [],
  note: '国家加强…: a duty stated without a modal in a regulation',
};

function actorDuty(f: string, unit: Unit, ctx: ClassifyContext): Omit<Classification, 'quoted'> | null {
  if (!ctx.articles || !unit.sentenceInitial) return null;
  // A heading only when it is a whole sentence (一、国家保护…信息。 in a 决定), not a topic (一、总体要求).
  if (unit.heading && (f[unit.end - 1] !== '。' || unit.end - unit.start < 12)) return null;
  const opening = afterConnectives(f, unit.start);
  const np = parseActor(f, opening, Math.min(unit.end, opening + 40));
  if (!np || np[0] !== opening) return null;
  const m = DUTY_VERB_AFTER_ACTOR.exec(f.slice(np[1], Math.min(unit.end, np[1] + 60)));
  if (!m) return null;
  const trigger: TriggerHit = { start: np[0], end: np[1], entry: ACTOR_DUTY_ENTRY };
  return { categories: ['obligation'], trigger, strength: 'hard', epistemic: false, framing: false, actor: np };
}

/**
 * An office of a plan that a sentence opens with, the plan's executor: 市领导小组将对各县进行考核,
 * 各县（市、区）领导小组结合实际情况，确定…、制定…. A plan assigns its tasks by naming who does them, without a
 * modal; the name must end in an office's head word, so a fact about a place or a sector (全市经济增长…) is no duty.
 */
const OFFICE_HEAD =
  /(?:小组|办公室|委员会|人民政府|政府|部门|单位|机关|党委|党组|党组织|党总支|党工委|支部|街道|乡镇|局|厅|委|办|室|中心|组织部|指挥部)$/;
const PLAN_DUTY_VERB =
  /^(?:将|要|须)?(?:每(?:半年|季度|个月|[日周月季年])(?:至少)?|会同[^,。;]{2,20}?|定期|适时|按时|按期|分别|统一|继续|全面|认真|及时|有计划地|区别情况,?|重点|按照[^,。;]{1,20}?|结合[^,。;]{1,20}?,?|根据[^,。;]{1,20}?,?){0,2}(?:对[^,。;]{1,30}?(?:进行|开展|实施)|组织|组成|开展|确定|制定|督查|检查|考核|评估|部署|落实|建立|完成|负责|牵头|汇总|编制|编发|报送|召开|成立|[^,。;]{2,24}?后,[^,。;]{0,30}?(?:报送|上报|提交|填写|填报|报|交至|备案))/;
const PLAN_ACTOR_ENTRY: CompiledEntry = {
  word: '负责',
  role: 'trigger',
  category: 'obligation',
  strength: 'soft',
  maskAt: [],
  maskIndex: [],
  note: '市领导小组将对…进行督查: an office of a plan named with its task, without a modal',
};

function planActorDuty(f: string, unit: Unit, ctx: ClassifyContext): Omit<Classification, 'quoted'> | null {
  // the next duty of a sentence cut at ；(…报送指定邮箱；二级党组织审查…后，填写…) opens its own unit
  if (!ctx.plan || ctx.articles || !(unit.sentenceInitial || f[unit.start - 1] === ';')) return null;
  // a numbered item that is one whole sentence (（八）各支部每季度报送…。) reads as a heading and still assigns a task
  if (unit.heading && (f[unit.end - 1] !== '。' || unit.end - unit.start < 12)) return null;
  const opening = afterConnectives(f, unit.start);
  const np = parseActor(f, opening, Math.min(unit.end, opening + 40));
  if (!np || np[0] !== opening) return null;
  // 各街道每年至少组织…: the name ends before the period word, 组织 is the verb
  const period = /每(?:半年|季度|[日周月季年])/.exec(f.slice(np[0] + 2, np[1]));
  if (period) np[1] = np[0] + 2 + period.index;
  if (!OFFICE_HEAD.test(f.slice(np[0], np[1]))) return null;
  if (!PLAN_DUTY_VERB.test(f.slice(np[1], Math.min(unit.end, np[1] + 60)))) return null;
  const trigger: TriggerHit = { start: np[0], end: np[1], entry: PLAN_ACTOR_ENTRY };
  return { categories: ['obligation'], trigger, strength: 'soft', epistemic: false, framing: false, actor: np };
}

/** A unit ending in ： that announces a list of duties, with the owner of the duties when named before 的. */
function dutyListIntro(f: string, unit: Unit): Omit<Classification, 'quoted'> | null {
  if (!unit.endsWithColon || unit.end - unit.start > 60) return null;
  const m = DUTY_LIST.exec(f.slice(unit.start, unit.end));
  if (!m) return null;
  const at = unit.start + m.index + m[0].indexOf(m[1]);
  const trigger: TriggerHit = { start: at, end: at + m[1].length, entry: DUTY_LIST_ENTRY };
  const np = parseActor(f, unit.start, at);
  const actor: [number, number] | undefined = np && f[np[1]] === '的' ? np : undefined;
  return { categories: ['obligation'], trigger, strength: 'soft', epistemic: false, framing: false, actor };
}

/**
 * A timetable line: 10月15日前，形成…报告 (a bound, then the task), 完成时限：2019年4月20日前, 第一阶段（3月—5月）：….
 * The bound makes the bare task a duty.
 */
const TIMETABLE =
  /^(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|上旬|中旬|下旬)?(?:前|之前|以前|底前),(?=[^,。;]{4})|(?:\d{4}年)?\d{1,2}月(?:上旬|中旬|下旬|底),(?=[^,。;]{4})|(?:完成|办结|报送|上报|提交|报名|申报|征集|受理|整改|反馈|材料报送|材料提交)?(?:时限|时间|截止时间|截止日期|时间节点|时间安排)(?:为|:)|(?:\d{4}年)?\d{1,2}(?:月份|[—\-至~]\d{1,2}月),(?=[^,。;]{4})|第[一二三四五六七八九十]阶段\()/;
/** The trigger of a duty read from a date bound (`…前`) rather than a modal word. */
function dateBoundEntry(note: string): CompiledEntry {
  return { word: '前', role: 'trigger', category: 'obligation', strength: 'soft', maskAt: [], maskIndex: [], note };
}
const TIMETABLE_ENTRY = dateBoundEntry('10月15日前，形成…: a task bounded by a date, without a modal');

function timetable(f: string, unit: Unit, ctx: ClassifyContext): Omit<Classification, 'quoted'> | null {
  let s = unit.start;
  while (s < unit.end && f[s] === ' ') s++;
  const m = TIMETABLE.exec(f.slice(s, Math.min(unit.end, s + 40)));
  // A fact dated by the bound (2019年3月前，全市已有…) directs no one.
  if (!m || /已|共有|累计|了(?!解)/.test(f.slice(s + m[0].length, unit.end))) return null;
  const trigger: TriggerHit = { start: s, end: s + Math.min(m[0].length, 12), entry: TIMETABLE_ENTRY };
  return dutyReading(trigger, ctx);
}

/**
 * A task bounded by a date, stated without a modal: 各单位于每月15日前向组织部报送…, 请示于3月10日前报区政府.
 * The bound and the delivery verb after it make the sentence a duty (docs/labelling.md: 于…前完成).
 */
const BOUNDED_TASK =
  /(?:于|在|^|[^\d年月日])(?:每(?:月|年|季度)|(?:每|本|下)周[一二三四五六日])?(?:(?:19|20)\d{2}年)?(?:\d{1,2}月(?:\d{1,2}[日号]?|底|上旬|中旬|下旬)?|\d{1,2}[日号])?(?:\((?:星期|周)[一二三四五六日天]\))?(?:[上下]午)?(?:\d{1,2}(?::\d{2}|时|点)(?:\d{1,2}分|半)?|下班|上班)?(?:前|之前|以前)[^,。;:]{0,24}?(?:报送|上报|提交|报|完成|办结|交至|交|整改|反馈|上传|录入|填报|备案|到位|办理|部署|召开|启动|建立|制定|出台)/;
/** The bound itself: a date, a weekday or a time of day (the pattern's optional parts may not all be empty). */
const BOUND_HAS_DATE = /\d{1,2}[月日号]|周[一二三四五六日]/;
const BOUNDED_TASK_ENTRY = dateBoundEntry('于每月15日前报送…: a task bounded by a date, without a modal');

/** A unit opening with a bound of any form (节后第一个工作日报送…, 项目开工前完成…), its task verb close behind. */
const OPENING_BOUND_VERB =
  /^[^,。;:]{0,3}?(?:报送|上报|提交|报|完成|办结|交至|整改|反馈|上传|录入|填报|备案|到位|办理|部署|召开|启动|建立|制定|出台|开展|组织)/;

function openingBound(f: string, unit: Unit): number {
  const body = f.slice(unit.start, Math.min(unit.end, unit.start + 48));
  if (!/[前内底末旬月年季后]/.test(body)) return -1;
  const lead = /^(?:请|于|在)?/.exec(body)?.[0].length ?? 0;
  const d = findDeadlines(body)[0];
  if (!d || !body.startsWith(d.text, lead) || d.type === 'recurring') return -1;
  return OPENING_BOUND_VERB.test(body.slice(lead + d.text.length)) ? unit.start + lead : -1;
}

function boundedTask(f: string, unit: Unit, ctx: ClassifyContext): Omit<Classification, 'quoted'> | null {
  if (ctx.quotedScope) return null;
  const body = f.slice(unit.start, unit.end);
  const opening = unit.sentenceInitial && !ctx.articles ? openingBound(f, unit) : -1;
  if (opening >= 0 && !/已|了(?!解)|未|没有|不按/.test(body.split(',')[0])) {
    return dutyReading({ start: opening, end: opening + 1, entry: BOUNDED_TASK_ENTRY }, ctx);
  }
  const m = BOUNDED_TASK.exec(body);
  if (!m || !BOUND_HAS_DATE.test(m[0].slice(0, m[0].search(/前|之前|以前/) + 1))) return null;
  // a fact (已于3月5日前报送), a condition (未于…前报送的) or a past act directs no one
  // the pattern may hold the character before a bound printed without 于/在 (材料9月3日前…): the bound starts after it
  const at = unit.start + m.index + (/^[^于在\d每本下]/.test(m[0]) ? 1 : 0);
  const seg = unit.segments.findIndex((s) => at >= s.start && at < s.end);
  if (/已|了(?!解)|未|没有|不按/.test(body) || (seg >= 0 && segmentEndsWithDe(f, unit, seg))) return null;
  const trigger: TriggerHit = { start: at, end: at + 1, entry: BOUNDED_TASK_ENTRY };
  return dutyReading(trigger, ctx);
}

/**
 * A dated target of a plan: a time bound (到2028年底，/ 2025年底前，/ 2019年 / 二季度 / 5年内) opening the unit or
 * one of its comma segments, followed closely by a target verb (完成, 新增, 达到, 引进…). What the plan commits its
 * executors to by then (docs/labelling.md: a target year bounding tasks is a deadline).
 */
const TARGET_LEAD =
  /^(?:(?:到|至)["“]?十[一二三四五六七八九]五["”]?(?:时期)?(?:期末|末)|(?:到|至)?(?:19|20)\d{2}年(?:底|末)?(?:前|以前|之前)?|[一二三四1-4]季度(?:末|底)?(?:前)?|(?:\d{1,2}|[一二三四五六七八九十])年内|(?:今|明)年(?:底|内)(?:前)?|(?:到|至)?(?:今|明)?年底(?:前)?|上半年|下半年)(?:,)?/;
const TARGET_VERB =
  /^(?:力争|确保|争取|基本|全面|累计|全市|全区|全省|全县|全国|各区|各镇|各街道|本区|本市|新建|改建|[^,。;:]{0,16}?)(?:完成|实现|达到|建成|引进|培养|创建|新增|形成|覆盖|开工|启动|建立|打造|培育|选拔|资助|提升至|提高到|降低到|减少|增加|超过|不低于|不少于)/;
const TARGET_ENTRY: CompiledEntry = {
  word: '完成',
  role: 'trigger',
  category: 'obligation',
  strength: 'soft',
  maskAt: [],
  maskIndex: [],
  note: '二季度完成…, 到2028年底，新增…: a dated target of a plan',
};

/** The reading is a plan's dated target (scored as a task even in a 目标 section). */
export function isDatedTarget(cls: Classification): boolean {
  return cls.trigger.entry === TARGET_ENTRY;
}

function datedTarget(f: string, unit: Unit, ctx: ClassifyContext): Omit<Classification, 'quoted'> | null {
  if (!ctx.plan || ctx.quotedScope || ctx.articles) return null;
  for (const seg of unit.segments) {
    let s = seg.start;
    while (s < seg.end && f[s] === ' ') s++;
    const m = TARGET_LEAD.exec(f.slice(s, Math.min(unit.end, s + 16)));
    if (!m || m[0].length < 2) continue;
    const rest = f.slice(s + m[0].length, unit.end);
    if (!TARGET_VERB.test(rest)) continue;
    // A fact dated by the bound (2019年，全市已有…, 2020年共完成…) directs no one; nor does a date alone.
    if (/已|共有|了(?!解)|同比|比上年|较上年/.test(rest)) return null;
    if (/^\d{1,2}月/.test(rest)) continue;
    const trigger: TriggerHit = { start: s, end: s + m[0].length, entry: TARGET_ENTRY };
    return { categories: ['obligation'], trigger, strength: 'soft', epistemic: false, framing: false };
  }
  return null;
}

/** 有下列情形之一的，终止调解： / …的，予以撤销：: what the authority does when one of the listed conditions holds. */
const CONDITION_LIST =
  /有下列(?:情形|情况|行为|事项)之一的,(?:[^,。;:]{0,16}?)(终止|中止|予以|撤销|注销|收回|解除|取消|退回|驳回|停止|暂停|吊销|不再)[^,。;:]{0,20}:$/;
const CONDITION_LIST_ENTRY: CompiledEntry = {
  word: '下列',
  role: 'trigger',
  category: 'obligation',
  strength: 'hard',
  maskAt: [],
  maskIndex: [],
  note: '有下列情形之一的，终止调解：, the consequence of a list of conditions',
};

function conditionListIntro(f: string, unit: Unit, ctx: ClassifyContext): Omit<Classification, 'quoted'> | null {
  if (!unit.endsWithColon || unit.end - unit.start > 80) return null;
  const m = CONDITION_LIST.exec(f.slice(unit.start, unit.end));
  if (!m) return null;
  const at = unit.start + m.index + m[0].indexOf(m[1]);
  const trigger: TriggerHit = { start: at, end: at + m[1].length, entry: CONDITION_LIST_ENTRY };
  return dutyReading(trigger, ctx);
}

/**
 * Position of the bare imperative verb of 主语 + 谓语 directives without a modal, as directive sections
 * of 意见 write them (县级以上地方人民政府根据年度抽查工作计划，组织领导…), or -1. The verb must follow
 * the actor directly, or open the next segment after an adverbial.
 */
function subjectVerbAt(f: string, unit: Unit, opening: number): number {
  const np = parseActor(f, opening, Math.min(unit.end, opening + 60));
  if (!np) return -1;
  const verbs = unit.hits.filter((h) => h.entry.clauseStart && h.start >= np[1]);
  if (verbs.length === 0) return -1;
  if (verbs[0].start - np[1] <= 2) return verbs[0].start;
  if (!SUBJECT_ADVERBIAL.test(f.slice(np[1], np[1] + 2)) || unit.segments.length < 2) return -1;
  const next = unit.segments[segmentIndex(unit, np[1]) + 1];
  return next && verbs.some((h) => h.start === next.start) ? next.start : -1;
}

/** The first real trigger of the category; a bare imperative only when nothing else decided. */
function pickTrigger(hits: TriggerHit[]): TriggerHit | undefined {
  return hits.find((h) => !h.entry.clauseStart) ?? hits[0];
}

// ───────────── unit geometry ─────────────

/** Skip 并/同时/此外 and ordinals (一是, 首先) at the start of a unit: the bare imperative comes right after. */
function afterConnectives(f: string, p: number): number {
  const m = /^(?:[一二三四五六七八九十]是|首先|其次|再次|最后|第[一二三四五六七八九十],?)/.exec(f.slice(p, p + 4));
  if (m) p += m[0].length;
  for (const w of ['与此同时', '同时', '此外', '另外', '并且', '并', '还要', '还'])
    if (f.startsWith(w, p)) return p + w.length;
  return p;
}

/** Index of the segment holding `pos` (binary search: a unit can have hundreds of segments). */
/** What 享受 offers when it is a benefit rather than a right. */
const BENEFIT = /^[^,。;]{0,12}?(?:补贴|补助|优惠|津贴|奖励|扶持|资助|减免|贴息)/;

/** Encouragement words that address a new party when they open a comma segment. */
const OFFER_WORDS: ReadonlySet<string> = new Set(['鼓励', '提倡', '倡导']);

/** `h` is 鼓励/提倡/倡导 opening a comma segment (after 并/积极/同时 at most) later than segment `after`. */
function opensLaterSegment(f: string, unit: Unit, h: TriggerHit, after: number): boolean {
  if (!OFFER_WORDS.has(h.entry.word)) return false;
  const k = segmentIndex(unit, h.start);
  if (k <= after) return false;
  const lead = f.slice(unit.segments[k].start, h.start);
  return /^(?:并|积极|同时|并且|还|也)?$/.test(lead.trim());
}

function segmentIndex(unit: Unit, pos: number): number {
  const segs = unit.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pos < segs[mid].end) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const CLOSERS = new Set(['”', '’', ')', '」', '』']);

function segmentEndsWithDe(f: string, unit: Unit, k: number): boolean {
  const seg = unit.segments[k];
  let e = seg.end;
  while (e > seg.start && CLOSERS.has(f[e - 1])) e--;
  return e > seg.start && f[e - 1] === '的';
}

function unitEndsWithDe(f: string, unit: Unit): boolean {
  return unit.segments.length > 0 && segmentEndsWithDe(f, unit, unit.segments.length - 1);
}
