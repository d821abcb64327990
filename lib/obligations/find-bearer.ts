/**
 * Who must act: the organisation or group a clause addresses, copied from the text.
 *
 * Chinese directives put the bearer first (各地区、各部门要…; 企业应当…), so the search parses an
 * organisation phrase at the start of the trigger's comma segment, delimited by an organisation-suffix
 * lexicon rather than a word segmenter (segmenters split 基层|党|组织; docs/obligations.md §5, §7).
 * Only what is named in the clause is found here; inheritance (zero subject, list intro, paragraph,
 * addressee) is resolved by the caller, which knows the surrounding clauses.
 */
import { foldWidth, isHan } from '../text/normalise';
import { indexWithin, skipWords } from './search-within';

/** Heads of organisation and group phrases, longest first after compilation. Written as printed. */
const ORG_SUFFIXES_SOURCE = [
  '党委（党组）',
  '党组（党委）',
  '党组织',
  '党支部',
  '党总支',
  '党工委',
  '党委',
  '党组',
  '支部',
  '总支',
  '人民政府',
  '政府',
  '部门',
  '机关',
  '单位',
  '机构',
  '组织',
  '办事处',
  '代表处',
  '派出机构',
  '办事机构',
  '委员会',
  '办公厅',
  '办公室',
  '领导小组',
  '指挥部',
  '工作组',
  '审查组',
  '小组',
  '总局',
  '分局',
  '分行',
  '支行',
  '银行',
  '公司',
  '集团',
  '企业',
  '协会',
  '中心',
  '学校',
  '院校',
  '高校',
  '医院',
  '领导干部',
  '党员干部',
  '党员',
  '干部',
  '主要负责同志',
  '负责同志',
  '领导班子',
  '班子',
  '成员',
  '同志',
  '负责人',
  '书记',
  '人员',
  '职工',
  '员工',
  '公民',
  '法人',
  '个人',
  '纳税人',
  '扣缴义务人',
  '申请人',
  '当事人',
  '经营者',
  '生产者',
  '销售者',
  '个体工商户',
  '市场主体',
  '经营主体',
  '各地区',
  '地区',
  '各地',
  '地方',
  '各级',
  '各村',
  '各县',
  '各市',
  '各区',
  '各镇',
  '各乡',
  '各省',
  '街道',
  '社区',
  '乡镇',
  '村',
  '局',
  '厅',
  '委',
  '部',
  '署',
  '院',
  '校',
  '站',
  '处理厂',
  '队',
  '组',
  '室',
  '协会',
  '商会',
  '学会',
  '工会',
  '联合会',
  '总会',
  '银保监会',
  '证监会',
  '保监会',
  '银监会',
  '理事会',
  '董事会',
  '监事会',
  '居委会',
  '村委会',
  '管委会',
  '基金会',
  '红十字会',
  '检验机构',
  '主要领导',
  '领导',
  // parties named in laws and rules: 经营者, 代理人, 公共图书馆, 海关, 国家, 本市
  '者',
  '人',
  '馆',
  '员',
  '商',
  '师',
  '国家',
  '本市',
  '本省',
  '我省',
  '我市',
  '我区',
  '我县',
  '本区',
  '本县',
  '海关',
  '省份',
  '行业',
  '媒体',
  '平台',
  '用户',
  '学生',
  '毕业生',
  '馆长',
  '商户',
  '各方',
  '双方',
  '事务所',
  '研究所',
  '派出所',
  '出版社',
  '合作社',
  '群众',
  '妇女',
  '青年',
  '儿童',
  '居民',
  '村民',
  '农民',
  '市民',
  '游客',
  '旅客',
  '乘客',
  '家长',
  '业主',
  '农户',
  '住户',
  '个体户',
  '社会各界',
  '社会力量',
  '幼儿园',
  '青年团',
  '共青团',
  '代表团',
  '父母',
  '监护人',
  '社会资本',
  '主任',
  '组长',
  '局长',
  '厅长',
  '部长',
  '处长',
  '科长',
  '主席',
  '秘书长',
  '市长',
  '县长',
  '区长',
  '镇长',
  '乡长',
  '校长',
  '院长',
  '站长',
  '队长',
  '所长',
  '会长',
  '理事长',
  '董事长',
  '经理',
  '全社会',
  '集体',
  // 市金融办, 市住房保障办, 区政府办: offices named by their short form
  '办',
  '基地',
  // 市、区两级, 省市县三级: levels of government named together
  '两级',
  '三级',
  '四级',
  '五级',
];

/** Single-character heads need at least this many characters before them in the phrase (市委 no, 组织部 yes). */
const SHORT_HEAD_MIN_PREFIX = 2;
/** Agent heads that need only one character before them: 读者, 总馆, 党员, 医师. */
const SHORT_HEAD_MIN_PREFIX_1 = new Set(['者', '馆', '员', '师']);
/** Words ending in a single-character head that name no body: 交通全部, 内部, 大局. */
const NOT_HEADS = new Set([
  '全部',
  '内部',
  '外部',
  '局部',
  '大部',
  '一部',
  '东部',
  '西部',
  '南部',
  '北部',
  '中部',
  '头部',
  '底部',
  '顶部',
  '全局',
  '大局',
  '格局',
  '布局',
  '结局',
  '当局',
  '开局',
  '大院',
  '庭院',
  '全委',
  '细部',
  '腹部',
  '干部门',
  '或者',
  '再者',
  '用人',
  '他人',
  '动员',
  '全员',
  '协商',
  '磋商',
  '会商',
  '招商',
  '通商',
  '洽商',
  '举办',
  '承办',
  '主办',
  '督办',
  '创办',
  '协办',
  '开办',
  '兴办',
  '合办',
  '代办',
  '包办',
  '查办',
  '交办',
  '申办',
  '试办',
  '筹办',
  '停办',
  '领办',
  '帮办',
  '快办',
  '网办',
  '好办',
  '难办',
  '怎么办',
]);
/** Characters after a single-character head that show it begins a word: 人民, 商品, 师范, 馆藏. */
const HEAD_CONTINUES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['人', new Set(Array.from('民大口才力事身工群文社防道员'))],
  ['商', new Set(Array.from('品业务标用场铺贸'))],
  ['师', new Set(Array.from('范资生'))],
  ['馆', new Set(Array.from('藏舍际内'))],
  ['员', new Set(Array.from('额'))],
  ['办', new Set(Array.from('法理公事学好'))],
]);

let suffixIndex: Map<string, string[]> | null = null;
/** Suffixes by first character, longest first: a phrase scan checks only the few that can start at a position. */
function suffixesAt(ch: string): readonly string[] | undefined {
  if (!suffixIndex) {
    suffixIndex = new Map();
    for (const s of ORG_SUFFIXES_SOURCE.map(foldWidth).sort((a, b) => b.length - a.length)) {
      const list = suffixIndex.get(s[0]);
      if (list) list.push(s);
      else suffixIndex.set(s[0], [s]);
    }
  }
  return suffixIndex.get(ch);
}

/** Characters that end a phrase: the predicate has started (要, 应, 对, 在…). */
const STOP_CHARS = new Set(Array.from('要应须对在把将按于向从为是就均都已负承不得予由经必切坚确带严认请亦也还再能'));
/** Words inside names that begin with a stop character: 应急管理部, 经济和信息化委员会, 就业服务中心. */
const NAME_PARTS = [
  '应急',
  '经济',
  '经营',
  '就业',
  '能源',
  '不动产',
  '对外',
  '在京',
  '承包',
  '认证',
  '确权',
  '依法治',
  '主要',
  '重要',
  '需要',
  '必要',
  '在职',
  '驻在',
  '从事',
  '从业',
  '经销',
  '经办',
  '经信',
  '经开',
  '经贸',
  '在校',
  '在编',
  '在岗',
  '在华',
  '自然',
  '自治',
  '当事',
  '当地',
  '所在地',
];
/** Two-character words that end a phrase although their first character could be inside a name. */
const STOP_WORDS = [
  '会同',
  '牵头',
  '结合',
  '通过',
  '围绕',
  '针对',
  '按职责',
  '做好',
  '加强',
  '落实',
  '根据',
  '依法',
  '依照',
  '依据',
  '依托',
  '依规',
];
/**
 * Verbs that show the predicate has begun between two heads: 交易场所提供者发现…经营者, 密码管理部门建议有关
 * 国家机关, 用人单位与职工解除…. Two heads are one phrase only when no such verb, no 、 and no trigger stand
 * between them, unless a 的 follows the verb (政府设立的公共图书馆: a relative clause).
 */
const GAP_VERBS = [
  '发现',
  '建议',
  '收集',
  '使用',
  '销售',
  '收购',
  '提供',
  '采购',
  '开展',
  '实施',
  '进行',
  '给予',
  '委托',
  '聘用',
  '招用',
  '安排',
  '通知',
  '告知',
  '督促',
  '指导',
  '协助',
  '配合',
  '报告',
  '报送',
  '接受',
  '违反',
  '发生',
  '办理',
  '处理',
  '参与',
  '参加',
  '解除',
  '终止',
  '签订',
  '支付',
  '未经',
  '与',
  '申请',
  '请求',
  '提请',
  '报请',
  '责令',
  '移送',
  '征得',
  '聘请',
  '邀请',
  '授权',
  '批准',
  '核准',
  '审核',
  '审批',
  '听取',
  '发布',
  '公布',
  '设立',
  '举办',
  '捐赠',
  '购买',
  '取得',
  '持有',
  '开立',
  '自筹',
  '实行',
  '采取',
];
/** Verbs that open a verb phrase, never a subject (采取党员干部带头…的方式 is not an actor). */
const VERB_STARTS = [
  '采取',
  '推行',
  '实行',
  '利用',
  '运用',
  '借助',
  '开展',
  '团结',
  '带领',
  '发动',
  '依靠',
  '激励',
  '督促',
  '指导',
  '协调',
  '配合',
  '帮助',
  '教育',
  '要求',
  '号召',
  '组成',
  '选派',
  '派出',
  '动员',
  '引导',
  '支持',
  '鼓励',
  '推动',
  '加强',
  '强化',
  '完善',
  '建立',
  '提高',
  '提升',
  '发挥',
  '充分',
  '坚持',
  '落实',
  '做好',
  '抓好',
  '统筹',
  '组织动员',
  '深入',
  '全面',
  '积极',
  '主动',
  '及时',
  '发现',
  '构建',
  '设立',
  '制定',
  '承担',
  '享受',
  '给予',
];

/**
 * Phrase joiners between groups: 各地区、各部门; 质检总局或者省级质量技术监督局. Not 与: in rules it is the
 * preposition "with" (用人单位与职工解除劳动合同时).
 */
const JOINERS = ['以及', '或者', '特别是', '尤其是', '、', '和', '及', '或'];
/** Connectives that may precede the subject without being part of it (强调各级党委要…: the speech verb of a quote). */
const CONNECTIVES = [
  '同时',
  '此外',
  '另外',
  '其中',
  '并且',
  '而且',
  '与此同时',
  '特别是',
  '尤其是',
  '当前',
  '目前',
  '今后',
  '下一步',
  '原则上',
  '凡是',
  '凡',
  '并',
  '还',
  '也',
  '另',
  '强调',
  '指出',
  // 希望受表彰的先进集体…，再接再厉: the party the wish addresses
  '希望',
];
/** A segment starting with one of these is an adverbial or a target (对X，要…: X is not the bearer). */
const PREPOSITIONS = [
  '对',
  '针对',
  '在',
  '按照',
  '根据',
  '依照',
  '依据',
  '为',
  '通过',
  '以',
  '把',
  '将',
  '从',
  '自',
  '向',
  '围绕',
  '结合',
  '依托',
  '经',
  '除',
  '当',
  '随着',
  '面对',
  '关于',
  '就',
  '由于',
  '鉴于',
  '违反',
];

function isPhraseChar(code: number): boolean {
  return (
    isHan(code) ||
    code === 0x3001 /* 、 */ ||
    code === 0x28 ||
    code === 0x29 ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x201c ||
    code === 0x201d
  );
}

function stopsAt(f: string, q: number): boolean {
  if (STOP_CHARS.has(f[q])) {
    for (const w of NAME_PARTS) {
      for (let k = w.indexOf(f[q]); k >= 0; k = w.indexOf(f[q], k + 1))
        if (q - k >= 0 && f.startsWith(w, q - k)) return false;
    }
    return true;
  }
  for (const w of STOP_WORDS) if (f.startsWith(w, q)) return true;
  return false;
}

/**
 * End of the first organisation head found scanning from `from` (at most `maxLen` characters, never
 * past `limit`), or -1 when the predicate or punctuation comes first. Parentheses right after the
 * head belong to it: 各级党委（党组）.
 */
function scanItem(f: string, from: number, maxLen: number, limit: number, phraseStart = from): number {
  const end = Math.min(limit, from + maxLen);
  for (let q = from; q < end; q++) {
    const c = f.charCodeAt(q);
    if (!isPhraseChar(c)) return -1;
    if (c === 0x28 /* ( */) {
      // skip a parenthesised qualifier inside the phrase: 各省（区、市）人民政府, 街道（乡镇）干部
      const close = indexWithin(f, ')', q, Math.min(end, q + 13));
      if (close < 0) return -1;
      q = close;
      continue;
    }
    for (const s of suffixesAt(f[q]) ?? []) {
      if (!f.startsWith(s, q)) continue;
      if (
        s.length === 1 &&
        (q - phraseStart < (SHORT_HEAD_MIN_PREFIX_1.has(s) ? 1 : SHORT_HEAD_MIN_PREFIX) ||
          NOT_HEADS.has(f.slice(q - 1, q + 1)) ||
          HEAD_CONTINUES.get(s)?.has(f[q + 1]) === true ||
          f.startsWith('之间', q + 1))
      )
        continue;
      // 国家 is a bearer only standing first (国家鼓励…), not inside a predicate (可能影响国家安全)
      if (s === '国家' && q !== phraseStart) continue;
      let e = q + s.length;
      if (e > limit) continue;
      if (f.charCodeAt(e) === 0x28) {
        const close = indexWithin(f, ')', e, Math.min(limit, e + 11));
        if (close > 0) e = close + 1;
      }
      return e;
    }
    if (stopsAt(f, q)) return -1;
  }
  return -1;
}

/** Adverbs that may stand between a subject and its modal: 企业均应当, 各级党组织也要. */
const SUBJECT_ADVERBS = new Set(Array.from('均都也还亦一律同时'));

/**
 * A relative-clause subject ending right before the trigger: 取得生产许可证的企业应当…,
 * 获证未满一年的企业，可以…. The head must be an organisation suffix and the phrase short.
 */
function headBefore(f: string, segStart: number, triggerStart: number, wholeSegment = false): [number, number] | null {
  let e = triggerStart;
  for (let k = 0; k < 4 && e > segStart && SUBJECT_ADVERBS.has(f[e - 1]); k++) e--;
  const s = skipWords(f, segStart, e, CONNECTIVES);
  // a whole segment may open with 在 (在单位管理范围内的人员), never with 对/为/按照 (a target or a purpose)
  const prepositional = startsWithPreposition(f, s) && !(wholeSegment && f[s] === '在');
  if (e - s < 2 || e - s > (wholeSegment ? 40 : 30) || prepositional) return null;
  if (indexWithin(f, '的', s, e) < 0) return null;
  for (let q = s; q < e; q++) if (!isPhraseChar(f.charCodeAt(q))) return null;
  for (let len = 2; len <= 6 && e - len > s; len++) {
    if (suffixesAt(f[e - len])?.some((x) => x.length === len && f.startsWith(x, e - len))) return [s, e];
  }
  return null;
}

export function startsWithPreposition(f: string, p: number): boolean {
  // 经营者, 自然人, 当事人, 从业单位, 在校学生: a noun that begins with a preposition's character
  for (const w of NAME_PARTS) if (f.startsWith(w, p)) return false;
  for (const w of PREPOSITIONS) if (f.startsWith(w, p)) return true;
  return false;
}

/**
 * An organisation phrase starting at `start` (after connectives such as 同时/此外), as [start, end),
 * or null. Chains groups joined by 、/和/或者 (各地区、各有关部门) and adjacent heads (各级派出机构党委,
 * 集团广大党员). Never runs past `limit`.
 */
export function parseActor(
  f: string,
  start: number,
  limit: number,
  blocked: (pos: number) => boolean = () => false,
): [number, number] | null {
  const s = afterTimeLead(f, skipWords(f, start, limit, CONNECTIVES), limit);
  if (s >= limit || startsWithPreposition(f, s)) return null;
  // 推广企业要…, 推广车辆要…: a verb compounded with a head right before the modal is the subject, not the verb
  if ((blocked(s) || opensVerbPhrase(f, s)) && !VERB_COMPOUND_SUBJECT.test(f.slice(s, s + 8))) return null;
  let end = scanItem(f, s, 64, limit);
  if (end < 0) return null;
  for (let guard = 0; guard < 12; guard++) {
    // adjacent head: 派出机构 → 派出机构党委; 集团 → 集团广大党员; never a verb (动员党组织)
    let adj = blocked(end) ? -1 : scanItem(f, end, 24, limit, s);
    // 质检总局组织审查的: 组织 right after a complete name is the verb, unless a head or the predicate
    // follows (各级组织部门, 行业组织应当)
    if (
      adj === end + 2 &&
      f.startsWith('组织', end) &&
      (scanItem(f, adj, 4, limit, s) < 0 || /^(?:有关|相关|各|本|专门|力量)/.test(f.slice(adj, adj + 2))) &&
      !(predicateFollows(f, adj, limit) && !DUTY_VERBS.test(f.slice(adj, adj + 2)))
    )
      adj = -1;
    if (adj > end && !gapIsModifier(f, end, adj, limit)) adj = -1;
    if (adj < 0 && !blocked(end)) adj = sectorList(f, end, limit);
    if (adj > end) {
      end = adj;
      continue;
    }
    let joined = -1;
    for (const j of JOINERS) {
      if (f.startsWith(j, end)) {
        if (!blocked(end + j.length)) joined = scanItem(f, end + j.length, 24, limit);
        break;
      }
    }
    // X与Y is one subject only when the predicate follows Y (X与Y等部门应当…), else 与 means "with"
    if (joined < 0 && f.startsWith('与', end) && !blocked(end + 1)) {
      const y = scanItem(f, end + 1, 24, limit);
      if (y > 0 && (predicateFollows(f, y, limit) || (f[y] === '等' && predicateFollows(f, y + 1, limit)))) joined = y;
    }
    if (joined > end) {
      end = joined;
      continue;
    }
    break;
  }
  end = afterRelativeHead(f, end, limit);
  // 新闻媒体、学校、社区等: the closing 等 of a list belongs to it
  if (f.startsWith('等', end) && end + 1 <= limit) end += f.startsWith('等等', end) && end + 2 <= limit ? 2 : 1;
  return [s, end];
}

/**
 * 县级以上人民政府负责妇女儿童工作的机构: a body named by the duty it carries inside a larger one. The phrase
 * goes on to the head after 的 when that head follows it directly.
 */
function afterRelativeHead(f: string, end: number, limit: number): number {
  if (!/^(?:负责|主管|分管)/.test(f.slice(end, end + 2))) return end;
  const de = indexWithin(f, '的', end + 2, Math.min(limit, end + 24));
  if (de < 0) return end;
  for (let q = end + 2; q < de; q++) if (!isPhraseChar(f.charCodeAt(q)) || f[q] === '、') return end;
  const head = scanItem(f, de + 1, 8, limit);
  return head > 0 ? head : end;
}

/** 5年内市、区两级…, 2023年底前各区…: a time phrase before the subject is no part of it. */
const TIME_LEAD =
  /^(?:[到至]?(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日?|底|末|中旬|上旬|下旬)?(?:前|之前|起)?|[到至]?(?:\d{1,4}|[一二三四五六七八九十两]{1,3})年(?:内|底前|底|末|前|起|以来)?|今年|明年|年内|近期|今后(?:\d|[一二三四五])?年?|[\u4e00-\u9fff]{1,6}?(?:有效)?期(?:内|间|满后))(?:,|，)?/;

function afterTimeLead(f: string, s: number, limit: number): number {
  const m = TIME_LEAD.exec(f.slice(s, Math.min(limit, s + 12)));
  return m && s + m[0].length < limit ? s + m[0].length : s;
}

/** Institutions named after what they do (教育行政部门, 指导中心, 协调小组) are nouns, not verb phrases. */
const INSTITUTION_AFTER_VERB = /^(?:行政|主管)?(?:部门|机构|机关|局|厅|部|委员会|中心|小组|办公室)/;

function opensVerbPhrase(f: string, s: number): boolean {
  const v = VERB_STARTS.find((w) => f.startsWith(w, s));
  if (v === undefined) return false;
  // 教育、民政、卫生健康等有关部门: a list of sectors before its head
  const after = s + v.length;
  return f[after] !== '、' && !INSTITUTION_AFTER_VERB.test(f.slice(after, after + 6));
}

/**
 * Between two heads of one phrase stand only modifiers (集团广大党员, 机关相关监管部门党支部); a verb or a 、
 * shows the predicate began (提供者发现…经营者), unless a 的 after it makes a relative clause.
 */
function gapIsModifier(f: string, from: number, to: number, limit: number): boolean {
  // 推选两名代表人, 引进100名人才: a counted object shows the predicate began
  if (QUANTITY.test(f.slice(from, to))) return false;
  for (let q = from; q < to; q++) {
    if (f[q] === '(') {
      const close = indexWithin(f, ')', q, to);
      if (close > 0) q = close;
      continue;
    }
    if (f[q] === '、') return relativeClause(f, q, to, limit);
    const verb = GAP_VERBS.find((v) => f.startsWith(v, q));
    // 提供者, 申请人, 委托方: a verb compounded with an agent suffix is a noun
    if (verb && !agentSuffixAt(f, q + verb.length)) return relativeClause(f, q, to, limit);
    // 国家推动公共图书馆…, 妇女联合会发挥妇女…: a verb opening a predicate, not 教育行政部门
    if (opensVerbPhrase(f, q)) return relativeClause(f, q, to, limit);
  }
  return true;
}

/**
 * 政府设立的公共图书馆: a verb between two heads opens a relative clause when a 的 follows it and the phrase
 * ends at the second head (the predicate, a joiner or punctuation next), not 公安部门指导、监督全国的单位内部….
 */
function relativeClause(f: string, from: number, to: number, limit: number): boolean {
  if (!hasDe(f, from, to)) return false;
  if (to >= limit || !isPhraseChar(f.charCodeAt(to)) || f[to] === '等' || predicateFollows(f, to, limit)) return true;
  return JOINERS.some((j) => f.startsWith(j, to)) || GAP_VERBS.some((v) => f.startsWith(v, to));
}

/**
 * 县级以上人民政府发展改革、教育、公安…等有关部门: the departments of a government named by their sectors, a
 * list of short items closed by 等(有关)部门. The end of the list's head, or -1.
 */
const SECTOR_LIST =
  /^((?:[\u4e00-\u9fff()]{1,12}、)+[\u4e00-\u9fff()]{1,12}?)等(?:有关|相关|其他)?(?:部门|单位|机构|机关)/;

function sectorList(f: string, from: number, limit: number): number {
  const m = SECTOR_LIST.exec(f.slice(from, Math.min(limit, from + 120)));
  if (!m) return -1;
  for (let q = from; q < from + m[1].length; q++) if (stopsAt(f, q)) return -1;
  return from + m[0].length;
}

const QUANTITY = /(?:\d|[一二两三四五六七八九十百千万])+(?:名|个|家|位|项|所|批|套)/;

function agentSuffixAt(f: string, p: number): boolean {
  const c = f[p] ?? '';
  return '者人方商'.includes(c) && c !== '' && HEAD_CONTINUES.get(c)?.has(f[p + 1]) !== true;
}

/** End of an alias note right at `pos` (（以下简称X）, （以下统称X）), else `pos`. */
function afterAlias(f: string, pos: number): number {
  if (f[pos] !== '(' || !f.startsWith('以下', pos + 1)) return pos;
  const close = indexWithin(f, ')', pos, pos + 40);
  return close > 0 ? close + 1 : pos;
}

/** Explicit assignment inside the clause: 由X负责/由X会同Y制定 → X. */
export function parseAssignment(f: string, from: number, to: number): [number, number] | null {
  for (let p = indexWithin(f, '由', from, to); p >= 0; p = indexWithin(f, '由', p + 1, to)) {
    const prev = p > 0 ? f[p - 1] : '';
    // 理由, 自由, 经由, 由于 are not assignments
    if (
      prev === '理' ||
      prev === '自' ||
      prev === '经' ||
      prev === '缘' ||
      f.startsWith('由于', p) ||
      f.startsWith('由此', p)
    )
      continue;
    const np = parseActor(f, p + 1, to);
    // 由企业所在区（县级市）提供…, 由市财政给予…: the whole phrase up to the verb when the name lexicon stops short
    const st = !np || /^(?:所在|的)/.test(f.slice(np[1], np[1] + 2)) ? structuralSubject(f, p + 1, to) : null;
    if (st && (!np || st[1] > np[1])) return st;
    if (np) return np;
  }
  return null;
}

/**
 * The bearer a unit names when no trigger word is known (a unit read as a directive by other means): the
 * responsibility bracket, else, segment by segment, the party after 鼓励/支持/希望, an assignment (由X…), or the
 * phrase opening the segment when the predicate, a condition (…的，) or the end of the segment follows it.
 */
export function unitBearer(f: string, start: number, end: number): [number, number] | null {
  const bracket = responsibilityBracket(f, start, end);
  if (bracket) return bracket;
  // a piece of a bracket cut at its colons ((牵头单位：X，配合单位：Y，Z)) names no subject
  if (insideBracket(f, start)) return null;
  // the actor of a condition (…的，) stands in only when no later segment names its own subject
  let condition: [number, number] | null = null;
  for (let s = start; s < end;) {
    let e = s;
    while (e < end && !',，;；:：。'.includes(f[e])) e++;
    const found = segmentBearer(f, s, e);
    if (found && !found.condition) return withoutAlias(f, found.span);
    if (found && !condition) condition = found.span;
    s = e + 1;
  }
  if (condition) return withoutAlias(f, condition);
  const segs: SegmentSpan[] = [];
  for (let s = start; s < end;) {
    let e = s;
    while (e < end && !',，;；:：。'.includes(f[e])) e++;
    if (e > s) segs.push({ start: s, end: e });
    s = e + 1;
  }
  const offer = OFFER.exec(f.slice(start, end));
  if (!offer || segs.length === 0) return null;
  const at = start + offer.index;
  const ti = Math.max(
    0,
    segs.findIndex((x) => at >= x.start && at < x.end),
  );
  return beneficiary(f, segs, ti, at);
}

/** Is `pos` inside a bracket opened earlier on its line (within 130 characters)? */
function insideBracket(f: string, pos: number): boolean {
  let depth = 0;
  for (let i = pos - 1; i >= Math.max(0, pos - 130) && f[i] !== '\n'; i--) {
    if (f[i] === ')') depth++;
    else if (f[i] === '(' && depth-- === 0) return true;
  }
  return false;
}

function segmentBearer(f: string, s: number, e: number): { span: [number, number]; condition: boolean } | null {
  const at = skipWords(f, s, e, CONNECTIVES);
  if (ADDRESSING_TRIGGERS.some((w) => f.startsWith(w, at))) {
    const span = actorAfterTrigger(f, at, e, () => false);
    return span && { span, condition: false };
  }
  const np = parseActor(f, s, e);
  if (np && !speaks(f, np[1])) {
    const rest = afterAlias(f, np[1]);
    if (f[rest] !== '由') {
      if (endsWithDe(f, rest, e)) return { span: np, condition: true };
      if (
        rest >= e ||
        predicateFollows(f, rest, e) ||
        opensVerbPhrase(f, rest) ||
        (GAP_VERBS.some((v) => f.startsWith(v, rest)) && !hasDe(f, rest, e))
      )
        return { span: np, condition: false };
    }
  }
  const span = parseAssignment(f, s, e);
  return span && { span, condition: false };
}

export interface SegmentSpan {
  start: number;
  end: number;
}

/**
 * The bearer named in the clause for the trigger at `triggerStart`, as a text span, or null.
 *
 * Order: 由X (assignment) in the trigger's segment; the phrase opening the trigger's segment
 * (各级党委（党组）要…); the phrase opening an earlier segment of the same clause, which names the
 * actor of a condition or topic (企业实地核查合格的，应当…; 公民、法人或者其他组织认为…的，可以…).
 * A phrase followed by 的 before the trigger was a modifier (各地已经建设并使用的工作平台要…), not
 * the subject, and is rejected.
 */
export function findExplicitBearer(
  f: string,
  segments: readonly SegmentSpan[],
  triggerStart: number,
  isWordAt: (pos: number) => boolean,
): [number, number] | null {
  const span = explicitSpan(f, segments, triggerStart, isWordAt);
  if (!span) return null;
  // （一）推广车辆要…: the label of an item that opens a sentence mid-line is not part of the name
  const label = INLINE_ITEM_LABEL.exec(f.slice(span[0], span[1]));
  const named: [number, number] =
    label && span[1] - span[0] - label[0].length >= 2 ? [span[0] + label[0].length, span[1]] : span;
  // 项目开工前应当…: a time bound opening the clause is no one who acts
  if (/(?:前|之前|以前|期间)$|^联系(?:人|电话|方式)$/.test(f.slice(named[0], named[1]))) return null;
  // 民主生活会原则上于…召开: the hedge is no part of the name
  const hedge = /(?:原则上|一律|均|务必|必须)$/.exec(f.slice(named[0], named[1]));
  if (hedge && named[1] - named[0] - hedge[0].length >= 2) named[1] -= hedge[0].length;
  return withoutAlias(f, named);
}

/** The name without the alias note that defines its short form: X（以下简称Y） → X. */
function withoutAlias(f: string, [s, e]: [number, number]): [number, number] {
  if (f[e - 1] !== ')') return [s, e];
  const open = f.lastIndexOf('(', e - 1);
  return open > s && f.startsWith('以下', open + 1) ? [s, open] : [s, e];
}

function explicitSpan(
  f: string,
  segments: readonly SegmentSpan[],
  triggerStart: number,
  isWordAt: (pos: number) => boolean,
): [number, number] | null {
  if (segments.length === 0) return null;
  let ti = segments.findIndex((s) => triggerStart >= s.start && triggerStart < s.end);
  if (ti < 0) ti = segments.length - 1;
  const seg = segments[ti];
  const bracket = responsibilityBracket(f, segments[0].start, segments[segments.length - 1].end);
  if (bracket) return bracket;
  const assigned = parseAssignment(f, seg.start, seg.end);
  if (assigned) return assigned;
  const addressed = actorAfterTrigger(f, triggerStart, seg.end, isWordAt);
  if (addressed) return addressed;
  // 县级以上人民政府负责妇女儿童工作的机构，组织…: the trigger word sits inside the subject's relative clause
  const wide = f.startsWith('负责', triggerStart) ? parseActor(f, seg.start, seg.end, isWordAt) : null;
  if (wide && wide[1] > triggerStart + 2 && (wide[1] === seg.end || predicateFollows(f, wide[1], seg.end))) return wide;
  const own = parseActor(f, seg.start, triggerStart, isWordAt);
  if (own && !speaks(f, own[1]) && subjectGapOk(f, own[1], triggerStart)) return own;
  const relative = headBefore(f, seg.start, triggerStart);
  if (relative && !isWordAt(relative[0])) return relative;
  // 在单位管理范围内的人员，应当…: the segment before a subjectless trigger is itself the subject
  if (ti > 0 && triggerStart - seg.start <= 4) {
    const prev = segments[ti - 1];
    const whole = headBefore(f, prev.start, prev.end, true);
    if (whole && !isWordAt(whole[0]) && whole[1] === prev.end) return whole;
  }
  // a condition may run over several segments (…的运营者采购…，可能影响国家安全的，应当…)
  const conditionBefore = ti > 0 && endsWithDe(f, segments[ti - 1].start, segments[ti - 1].end);
  for (let k = ti - 1; k >= 0; k--) {
    const s = segments[k];
    // 或者电子信息接收者明确表示拒绝的: an alternative condition names no bearer of its own
    if (/^(?:或者|或|以及|并且)/.test(f.slice(s.start, s.start + 2))) continue;
    // 举报奖励由…部门负责，对…，按照…给予奖励: the assignment carries over to the segments after it
    // …but a subject opening the segment comes first (下级部门认为需要由上级部门处理的，可以…: 下级部门)
    const np = parseActor(f, s.start, s.end, isWordAt);
    const earlierAssigned = parseAssignment(f, np && f[np[1]] !== '由' ? np[1] : s.start, s.end);
    const subjectFirst = np && (subjectGapOk(f, np[1], earlierAssigned?.[0] ?? s.end) || endsWithDe(f, s.start, s.end));
    if (earlierAssigned && !subjectFirst) return earlierAssigned;
    if (!np || speaks(f, np[1])) continue;
    const rest = afterAlias(f, np[1]);
    if (
      conditionOrTopicRest(f, rest, s.end) ||
      predicateFollows(f, rest, s.end) ||
      f.startsWith('是', rest) ||
      (conditionBefore && f[rest] !== '的') ||
      mainClauseSubject(f, k, rest, s.end)
    )
      return np;
  }
  return structuralFallback(f, segments, ti, triggerStart, isWordAt);
}

/**
 * When no known name opens the clause: an assignment in a later segment (…，由X依法实施), the party a benefit
 * is offered to (对X，给予…), or the noun phrase before the first predicate head of the trigger's segment or of
 * the clause's first segment (家用汽车产品消费者、经营者行使权利…，应当…).
 */
function structuralFallback(
  f: string,
  segments: readonly SegmentSpan[],
  ti: number,
  triggerStart: number,
  isWordAt: (pos: number) => boolean,
): [number, number] | null {
  for (let k = ti + 1; k < segments.length; k++) {
    const a = parseAssignment(f, segments[k].start, segments[k].end);
    if (a) return a;
  }
  const benefit = beneficiary(f, segments, ti, triggerStart);
  if (benefit) return benefit;
  const seg = segments[ti];
  const own = structuralSubject(f, seg.start, Math.min(seg.end, triggerStart + 2), triggerStart, isWordAt);
  if (own) return own;
  if (ti > 0) {
    const first = segments[0];
    const st = structuralSubject(f, first.start, first.end, -1, isWordAt);
    if (st && st[1] < first.end && !endsWithDe(f, st[0], st[1])) return st;
  }
  return null;
}

/** Words of an offer made to a party: 给予…补助, 享受…补贴, 一次性奖励. */
const OFFER = /享受|补贴|补助|奖励|资助|津贴|扶持|优惠/;

/** 对X，给予…; 对于X5年内享受…; X，上岗后给予…: the party offered a benefit. */
function beneficiary(
  f: string,
  segments: readonly SegmentSpan[],
  ti: number,
  triggerStart: number,
): [number, number] | null {
  const seg = segments[ti];
  if (!OFFER.test(f.slice(seg.start, seg.end))) return null;
  for (let k = 0; k <= ti; k++) {
    const s = segments[k];
    let p = s.start;
    const m = /^(?:对于|对)/.exec(f.slice(p, p + 2));
    if (m) p += m[0].length;
    else if (k === ti) continue;
    const end = k === ti ? triggerStart : s.end;
    let e = p;
    while (e < end && isPhraseChar(f.charCodeAt(e)) && f[e] !== '的') e++;
    // 对企业引进的紧缺人才: the phrase runs through a relative clause to its head
    if (m) {
      e = p;
      while (e < end && isPhraseChar(f.charCodeAt(e))) e++;
      const time = findTimeInside(f, p, e);
      if (time > p) e = time;
      if (k < ti && e !== s.end) continue;
    } else if (k < ti && e !== s.end) continue;
    if (e - p < 2 || e - p > 40 || f[e - 1] === '的') continue;
    if (
      !m &&
      k < ti &&
      !/^(?:[^，,]{0,6}(?:后|时))?(?:给予|享受)/.test(f.slice(segments[k + 1].start, segments[k + 1].start + 9))
    )
      continue;
    return [p, e];
  }
  return null;
}

/** Start of a time or place phrase inside X (对于人才5年内享受…, 对传承人在聘期内给予…), else -1. */
function findTimeInside(f: string, from: number, to: number): number {
  for (let q = from + 2; q < to; q++) {
    if (TIME_LEAD.test(f.slice(q, Math.min(to, q + 8))) && /^[\d一二三四五六七八九十两]/.test(f[q])) return q;
    if (f[q] === '在' && /期|内|中/.test(f.slice(q + 1, Math.min(to, q + 6)))) return q;
  }
  return -1;
}

/** A verb and a head that name who acts when the modal follows at once: 推广企业要, 经营单位应当. */
const VERB_COMPOUND_SUBJECT =
  /^(?!鼓励|支持|引导|推动|扶持|倡导|提倡|要求|督促|指导|组织|帮助|动员|号召)[\u4e00-\u9fff]{2}(?:企业|单位|车辆|机构)(?=应当|应|要|须|必须|不得)/;
/** An item label opening a sentence inside a line: （一）推广车辆要…. */
const INLINE_ITEM_LABEL = /^(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)/;

/** Adverbs and verbs that open a predicate without a subject (着力…, 尚未…, 进一步…). */
const NOT_SUBJECT_START =
  /^(?:着力|尚未|尚|未|已|均|都|也|还|将|并|再|更|不|没|切实|大力|全力|努力|力争|加快|加大|持续|继续|逐步|不断|进一步|确保|抓紧|统一|分别|共同|重点|具体|同时|及时|认真|积极|严格|扎实|深入|全面)/;

/** Heads of things, not actors: 抽查比例应…, 资金要…, 所需费用由…. */
const THING_HEADS =
  /(?:比例|数量|标准|范围|期限|时间|内容|程序|方式|结果|资金|费用|经费|工作|情况|制度|措施|产品|材料|文件|信息|数据|事项|项目|条件|规定|办法|证件|证书|设施|设备|场所|价格|收入|名单|清单|计划|方案|报告|意见|目标|任务|要求|政策)$/;

/** Modals and duty words that open a predicate: the head a structural subject stops before. */
const MODAL_HEADS = [
  '应当',
  '应',
  '必须',
  '须',
  '需',
  '不得',
  '可以',
  '可',
  '要',
  '负责',
  '务必',
  '严禁',
  '禁止',
  '有权',
  '依法',
];
/** Verbs that open a predicate right after a subject, beyond the gap and opening verbs: 成立, 收到, 行使…. */
const MORE_VERBS = [
  '成立',
  '收到',
  '行使',
  '履行',
  '生产',
  '完成',
  '打造',
  '培育',
  '增加',
  '筹集',
  '组建',
  '举办',
  '参与',
  '投入',
  '承办',
  '负总责',
  '对',
  '在',
  '按照',
  '根据',
  '定期',
  '合理',
  '联动',
  '进一步',
  '依托',
  '探索',
  '处理',
  '审核',
  '查清',
  '为',
];
const PREDICATE_VERBS = [...new Set([...GAP_VERBS, ...VERB_STARTS, ...MORE_VERBS])].filter((v) => v !== '与');
/** The predicate heads by first character, longest first: a scan checks only the few that can start at a position. */
const HEADS_BY_CHAR = byFirstChar(PREDICATE_VERBS);
const MODALS_BY_CHAR = byFirstChar(MODAL_HEADS);

function byFirstChar(words: readonly string[]): ReadonlyMap<string, readonly string[]> {
  const m = new Map<string, string[]>();
  for (const w of words) m.set(w[0], [...(m.get(w[0]) ?? []), w]);
  for (const list of m.values()) list.sort((a, b) => b.length - a.length);
  return m;
}

function wordAt(byChar: ReadonlyMap<string, readonly string[]>, f: string, q: number): string | undefined {
  return byChar.get(f[q])?.find((w) => f.startsWith(w, q));
}

/**
 * The subject as structure shows it: after connectives and a time lead, the noun phrase before the first predicate
 * head (a modal, a known verb, or `triggerStart`), 2–20 characters of names, 、 and brackets, not ending in 的 nor
 * opening with a verb or a preposition; a 的 inside must lead to a known head (被举报行为发生地的…部门).
 */
function structuralSubject(
  f: string,
  start: number,
  limit: number,
  triggerStart = -1,
  isWordAt: (pos: number) => boolean = () => false,
): [number, number] | null {
  let p = start;
  // 第二十八条 三包有效期内销售者收到…: an article label opens the segment
  const article = /^第[一二三四五六七八九十百零〇\d]{1,6}条\s*/.exec(f.slice(p, p + 10));
  if (article) p += article[0].length;
  p = afterTimeLead(f, skipWords(f, p, limit, CONNECTIVES), limit);
  // 一是…, 四是…: the label of an item, not its subject
  const label = /^(?:[一二三四五六七八九十]{1,3}|其[一二三四五六七八九十])是/.exec(f.slice(p, p + 4));
  if (label) p += label[0].length;
  if (p >= limit || startsWithPreposition(f, p)) return null;
  // 推广车辆要…: a verb compounded with a head right before the modal names who acts
  const compound = VERB_COMPOUND_SUBJECT.test(f.slice(p, p + 8));
  if (!compound && (opensVerbPhrase(f, p) || isWordAt(p))) return null;
  if (NOT_SUBJECT_START.test(f.slice(p, p + 2))) return null;
  // 销售者, 生产者: a verb compounded with an agent suffix is a noun
  if ((!compound && verbHeadAt(f, p)) || wordAt(MODALS_BY_CHAR, f, p) !== undefined) return null;
  const end = Math.min(limit, p + 21);
  for (let q = p + 2; q <= end; q++) {
    const head = q === triggerStart || wordAt(MODALS_BY_CHAR, f, q) !== undefined || verbHeadAt(f, q);
    // 企业、社会团体和教育、科研机构: a word after a joiner continues the list
    if (head && q !== triggerStart && '和及或、与'.includes(f[q - 1])) continue;
    if (head) {
      if (f[q - 1] === '的' || f[q - 1] === '、') return null;
      if (hasDe(f, p, q) && !knownHeadEndsAt(f, p, q)) return null;
      // 执法检查人员名录库应…: a known name followed by another noun was its modifier
      const named = parseActor(f, p, q);
      if (named && named[1] < q && !/[、(]|所在/.test(f.slice(named[1], q)) && !knownHeadEndsAt(f, p, q)) return null;
      if (THING_HEADS.test(f.slice(Math.max(p, q - 3), q))) return null;
      for (let k = q - 1; k > p && SUBJECT_ADVERBS.has(f[k]); k--) q = k;
      return [p, q];
    }
    if (q < limit && !isPhraseChar(f.charCodeAt(q))) return null;
  }
  return null;
}

/** A verb from the inventory opening a predicate at `q`: not inside a noun (发生地, 设立的, 指导中心, 提供者). */
function verbHeadAt(f: string, q: number): boolean {
  const v = wordAt(HEADS_BY_CHAR, f, q);
  if (v === undefined) return false;
  // 所在, 行为, 认为: a one-character preposition inside a word
  if (v.length === 1 && '所存现实行作认因成针绝面相反应'.includes(f[q - 1] ?? '')) return false;
  const after = q + v.length;
  return (
    !'地的之所'.includes(f[after] ?? '') &&
    !INSTITUTION_AFTER_VERB.test(f.slice(after, after + 6)) &&
    !agentSuffixAt(f, after)
  );
}

function knownHeadEndsAt(f: string, s: number, e: number): boolean {
  for (let len = 1; len <= 6 && e - len > s; len++)
    if (suffixesAt(f[e - len])?.some((x) => x.length === len && f.startsWith(x, e - len))) return true;
  return false;
}

function endsWithDe(f: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && !isHan(f.charCodeAt(e - 1))) e--;
  return e > start && f[e - 1] === '的';
}

/** Triggers whose addressee follows them: 鼓励企业参与…, 支持公共图书馆开展…, 望有关单位查清…. */
const ADDRESSING_TRIGGERS = ['鼓励', '支持', '提倡', '倡导', '引导', '希望', '望', '号召', '欢迎'];

/**
 * For encouragement the bearer is the party encouraged (国家鼓励企业… → 企业), and after a wish the party
 * addressed (望有关单位…): an actor right after the trigger, followed by its own verb.
 */
function actorAfterTrigger(
  f: string,
  triggerStart: number,
  segEnd: number,
  isWordAt: (pos: number) => boolean,
): [number, number] | null {
  const w = ADDRESSING_TRIGGERS.find((x) => f.startsWith(x, triggerStart));
  if (!w) return null;
  let at = triggerStart + w.length;
  // 鼓励和支持X: both verbs address X
  const second = /^[和并、](?:鼓励|支持|引导|倡导)/.exec(f.slice(at, at + 3));
  if (second) at += second[0].length;
  // 引导和督促X…: a second verb, not the party addressed
  if (/^[和及与、并]/.test(f[at] ?? '')) return null;
  let np = parseActor(f, at, segEnd, isWordAt);
  // 支持公园打造…, 鼓励公园采取…: a noun phrase up to its own verb, when the name lexicon misses its head or runs on
  const st = structuralSubject(f, at, segEnd, -1, isWordAt);
  if (st && st[1] < segEnd && (!np || st[1] < np[1])) np = st;
  if (!np || f[np[1]] === '的') return null;
  // 希望受表彰的先进集体，戒骄戒躁…: the party wished to act may fill its segment; one encouraged needs its verb
  if (np[1] >= segEnd && !/^(?:希望|望|号召)$/.test(w)) return null;
  return np;
}

/**
 * Responsibility brackets of task lists: （市发展改革委牵头，市财政局参与） or （市教育局负责） name the bearer
 * of their unit, whatever the sentence before says.
 */
export function responsibilityBracket(f: string, start: number, end: number): [number, number] | null {
  // 责任单位：区政府有关部门） — the rest of a bracket cut at its ；, opening with its own label
  let s = start;
  while (s < end && f[s] === ' ') s++;
  const opened = leadUnitLabel(f, s, end);
  if (opened >= 0 && f[end - 1] === ')' && indexWithin(f, '(', s, end) < 0) {
    const lead = leadName(f, opened, end - 1);
    if (lead) return lead;
  }
  for (let p = indexWithin(f, '(', start, end); p >= 0; p = indexWithin(f, '(', p + 1, end)) {
    // the unit's last segment may stop right before the closing bracket, or the clause before it
    let close = indexWithin(f, ')', p, Math.min(end + 1, p + 130));
    // …（牵头单位： cut at the label's colon: the colon may lie just past the clause
    if (close < 0 && leadUnitLabel(f, p + 1, end + 1) >= 0 && indexWithin(f, '\n', p, end) < 0) close = end;
    if (close < 0) return null;
    const inner = f.slice(p + 1, close);
    const labelled = leadUnitLabel(f, p + 1, close === end ? end + 1 : close);
    if (labelled < 0 && !/牵头|负责/.test(inner)) continue;
    if (labelled >= 0) {
      // the lead is the first name after the label, whatever its shape (市科协, 市留交办); a clause cut at the
      // label's colon (…（牵头单位：) reads the name after it on the same line
      const lead = leadName(f, labelled, close > labelled ? close : Math.min(f.length, labelled + 30));
      if (lead) return lead;
    }
    const np = parseActor(f, p + 1, close);
    if (np && /^(?:牵头|负责|按职责|会同|为主|主抓|分别)/.test(f.slice(np[1], np[1] + 3))) return np;
  }
  return null;
}

/**
 * Between a subject and its trigger only adverbs, prepositional phrases or the trigger itself
 * stand (企业均应当, 各级党委对…要, 有关部门应当按照…的规定予以查处); a noun right after the phrase
 * (执法检查人员名录库应…) or a relative clause (各地已经建设并使用的工作平台要…) shows the phrase was a
 * modifier, not the subject.
 */
const PREDICATE_OPENERS = [
  '均',
  '都',
  '也',
  '还',
  '亦',
  '一律',
  '同时',
  '必须',
  '务必',
  '切实',
  '要',
  '须',
  '应',
  '对',
  '在',
  '按',
  '根据',
  '依',
  '于',
  '向',
  '从',
  '自',
  '以',
  '会同',
  '经',
  '通过',
  '结合',
  '针对',
  '围绕',
  '立足',
  '与',
  '和',
  '把',
  '将',
  '就',
  '为',
  '及时',
  '严格',
  '认真',
  '坚决',
  '积极',
  '主动',
  '全面',
  '进一步',
  '特别是',
  '尤其是',
  '可',
  '不',
  '有权',
  '负责',
  '承担',
  '立即',
  '原则上',
  '统一',
  '一定',
  '带头',
  '确需',
  '确因',
  '重点',
  '主管',
  '分管',
  '主持',
  '协助',
  '负有',
  '每年',
  '每月',
  '定期',
  '是',
  '统筹',
  '协调',
  '指导',
  '督促',
  '推动',
  '推进',
  '建立',
  '健全',
  '开展',
  '实行',
  '实施',
  '组织',
  '因',
  '需',
];
/** Verbs that open a duty without a modal (X统筹…, X组织实施…): after 组织 they show 组织 was the verb. */
const DUTY_VERBS = /^(?:统筹|协调|指导|督促|推动|推进|建立|健全|开展|实行|实施|组织)/;
/** Openers after which a relative clause could follow (各地已经建设…的平台): accepted only without a 的 before the trigger. */
const WEAK_OPENERS = ['已', '未', '非', '如'];

/**
 * 国家构建…网络，支持…: a name opening the sentence's first segment, followed at once by any verb, is the subject
 * of the later segments too. A verb is told from more of the name by what follows the name: not 的/之/所 (a
 * modifier) nor a segment that ends in 的 (a condition, read above), and not a noun head the name could run into.
 */
function mainClauseSubject(f: string, k: number, rest: number, segEnd: number): boolean {
  if (k !== 0 || rest >= segEnd || !isHan(f.charCodeAt(rest))) return false;
  if ('的之所及和与或等'.includes(f[rest])) return false;
  return !endsWithDe(f, rest, segEnd);
}

function predicateFollows(f: string, from: number, to: number): boolean {
  if (from >= to) return true;
  for (const w of PREDICATE_OPENERS) if (f.startsWith(w, from)) return true;
  return false;
}

function subjectGapOk(f: string, at: number, triggerStart: number): boolean {
  let from = afterAlias(f, at);
  // 经营者之间可以…, 当事人之间应当…: X之间 is X acting among themselves
  if (f.startsWith('之间', from)) from += 2;
  // 经营者销售商品应当…, 经营者提供服务应当…: a short verb-object topic between subject and modal
  if (triggerStart - from <= 10 && GAP_VERBS.some((v) => f.startsWith(v, from)) && !hasDe(f, from, triggerStart))
    return true;
  if (predicateFollows(f, from, triggerStart)) return true;
  return WEAK_OPENERS.some((w) => f.startsWith(w, from)) && !hasDe(f, from, triggerStart);
}

/** 习近平总书记就…作出指示, 会议强调: the phrase is a speaker, not the bearer. */
function speaks(f: string, pos: number): boolean {
  return /^(?:就|强调|指出|表示|提出|说|要求|宣布|在讲话)/.test(f.slice(pos, pos + 4));
}

function hasDe(f: string, from: number, to: number): boolean {
  return indexWithin(f, '的', from, to) >= 0;
}

/**
 * After the phrase, an earlier segment may be a condition (…的) or a report topic (…的情况), whose
 * actor is the bearer; a 的 followed by another noun (最紧迫的任务) made the phrase a modifier.
 */
function conditionOrTopicRest(f: string, from: number, to: number): boolean {
  let end = to;
  while (end > from && !isHan(f.charCodeAt(end - 1))) end--;
  if (indexWithin(f, '的', from, end) < 0) return true;
  return f[end - 1] === '的' || f.startsWith('的情况', end - 3);
}

/** 按职责分工负责 notes that close a task paragraph in 国发 documents: （发展改革委、财政部按职责分工负责）. */
export function parseResponsibilityNote(f: string, start: number, end: number): [number, number] | null {
  let s = start;
  while (s < end && (f[s] === '(' || f[s] === ' ')) s++;
  if (s === start || f[end - 1] !== ')') return null;
  const inner = f.slice(s, end - 1);
  if (!/(负责|牵头)/.test(inner) || inner.length > 120) return null;
  const labelled = leadUnitLabel(f, s, end - 1);
  if (labelled >= 0) return parseActor(f, labelled, end - 1);
  return parseActor(f, s, end - 1);
}

/** The first name of a list after a lead label, up to the first separator: 市绿化市容局、市财政局 → 市绿化市容局. */
function leadName(f: string, from: number, to: number): [number, number] | null {
  let e = from;
  while (e < to && !',;、:)。\n'.includes(f[e])) e++;
  let s = from;
  while (s < e && f[s] === ' ') s++;
  return e - s >= 2 && e - s <= 30 ? [s, e] : null;
}

/** （牵头单位：市发展改革委，配合单位：…）: position after the lead label, or -1. */
function leadUnitLabel(f: string, from: number, to: number): number {
  const m = /^(?:牵头|责任|主责)(?:单位|部门)[:：]/.exec(f.slice(from, Math.min(to, from + 8)));
  return m ? from + m[0].length : -1;
}

export { bearerKey, buildAliasTable } from './bearer-alias';
