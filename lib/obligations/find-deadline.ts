/**
 * Deadlines: time expressions that bound the action of a clause, copied exactly as printed.
 *
 * Our own small grammar (docs/obligations.md §6): chrono-node's `zh` parser drops 前 from
 * 2024年6月30日前, reads 2019年12月底前 as the 10th and finds nothing in 每月5日前 or 3个工作日内.
 * A clause may state several (第一阶段（3月—5月）…，6月底前完成…): `findDeadlines` lists them all in
 * order, `findDeadline` gives the first.
 *
 * What counts (docs/labelling.md): a date with a bound (前, 底, 旬: 2020年2月底前, 6月底前前, 5月10前);
 * a dated task without 前 (2022年6月底完成, 1月5日（星期六）上班, 于3月5日召开); a span (2021年9月—2022年3月,
 * 7—9月, 2021年7—9月); a target year (到2025年, 2025年底前, 力争实现2018年…目标); a relative bound (3个工作日内, 自收到之日起30日内,
 * 2012年起5年内, 提前30日, 会议召开3日前, 本年度内, 在规定期限内); an event bound after 在/于 or opening the clause
 * (项目开工前, 在结算前, 在与用户签订协议时, 节假日期间，, 作业完成后，); a recurring one (每月5日前).
 * Not deadlines: urgency words (立即, 及时, 尽快, 第一时间, 限期, 按时, 定期), effective dates and start
 * dates (自2014年8月1日起施行, 自2019年起), dates of past acts (2019年3月印发的), spans stated as a
 * definition (公告期为…—…, 有效期自…至…), 日前 ("recently"), 目前/当前/此前, 前提/前款.
 */
import type { Deadline } from '../types';
import { CN_DIGIT, daysInMonth, isoDate } from '../metadata/dates';
import { foldWidth } from '../text/normalise';

const CN = '〇零一二两三四五六七八九十百';
const N = `(?:\\d{1,4}|[${CN}]{1,4})`;
/** An amount of time units: 3, 三, 半, 一个半. */
const AMOUNT = `(?:${N}|半)(?:个半|个|半)?`;
const YEAR_NUM = `(?:\\d{4}|[〇零一二三四五六七八九O○]{4})`;
const YEAR = `${YEAR_NUM}年`;
/** A year named relative to the notice (今年6月底前, 次年1月底前): the date keeps it, the ISO date has no year. */
const REL_YEAR = '(?:今年|明年|次年|当年|本年|同年|翌年|下一年|下年)';
const MONTH = `(?:\\d{1,2}|[一二三四五六七八九十]{1,3}|元)月`;
const DAY = `(?:\\d{1,2}|[一二三四五六七八九十]{1,3})[日号]`;
/** A day printed without 日 right before 前 (5月10前). */
const DAY_LOOSE = `(?:${DAY}|\\d{1,2}(?=前|之前|以前))`;
const UNIT = '(?:个)?(?:工作日|日|天|周|星期|月|年|小时)';
const UNIT_WORD = '(?:工作日|日|天|周|星期|月|年|小时)';
/** A time of day between the date and 前: 1月24日24:00前, 3月5日12时前. */
const CLOCK = '(?:[上下中]午|晚上|早上)?(?:\\d{1,2}(?::\\s?\\d{2}|时|点)(?:\\d{1,2}分|半)?|下班|上班)';
const PART = '(?:底|末|上旬|中旬|下旬|上中旬|中下旬)';
/** An event named between a date and 前: 9月1日开学前, 6月30日放假前. */
const DATE_EVENT = '(?:开学|放假|上班|报到|离校|开幕|开会|召开|开标|到期)';
/** （星期六）, (周日) after a date. */
const WEEKDAY = '(?:[（(](?:星期|周)[一二三四五六日天][）)])';
/** Range connectors: 3月—5月, 7-9月, 1月1日至3日. */
const DASH = '[—–\\-－~～至到]';
/** What may not follow a date read without 前: it is then a start, a past act or an attribute, not a bound. */
const NOT_BOUND_AFTER = `(?![\\d${CN}日号旬底末前]|[上中下]旬|起|以来|开始|之后|以后|后|的|印发|发布|出台|颁布|公布|施行|修订|通过|至今|${DASH})`;
/**
 * What may not precede a date read without 前: a start (自, 从), a cut-off for a figure (截至), a definition (为),
 * the end of a span or the rest of a longer date.
 */
const NOT_BOUND_BEFORE = '(?<![自从截至止为是—–\\-－~～年月日号])';
/** A clause-opening label (第十条 , （三）, 3、) that may precede a clause-initial time phrase. */
const LABEL = `(?:第[${CN}\\d]{1,6}[条章节款项]\\s*|[（(][${CN}\\d]{1,3}[）)]|[${CN}\\d]{1,3}[、.．]\\s*)?`;
/** Where an event bound may begin inside a clause: after punctuation, or after a modal or request word. */
const OPENER_INLINE =
  '(?:[，,；;：:、（(\\s]|应当|应|须|要|请|并|均|需|将|可|得|即|先|一律|分别|务必|必须|统一|确保|力争|争取|原则上|(?<=[位门府关构业委局部织区县市校院人者员])(?=[在于]))';
/** Text before a position that is only a clause-opening label: the position opens the clause. */
const CLAUSE_START = new RegExp(`^\\s*${LABEL}$`);
/** …or at the clause start. */
const OPENER = `(?:^${LABEL}|${OPENER_INLINE})`;
/** An event: a short phrase without punctuation, numbers or another 在/于/自. */
const EVENT =
  '(?!确保|力争|争取|应当|应|须|要|请|务必|必须|当|可以|可|每)[^在于自从\\d，,。；;：:！？!?\\s、“”"（）()《》]{2,20}?';
/** Verbs a bare event bound (确保放暑假前完成) is followed by. */
const DONE =
  '(?:完成|实现|建成|出台|制定|报送|提交|上报|报请|落实|到位|办结|办理|部署|启动|组织|开展|召开|印发|发放|通知|公布|公示)';
/** Modal words a clause-opening event bound (项目开工前应当完成环评) is followed by. */
const MODAL_AFTER_BOUND = '(?:应当|应|必须|须|需|要|务必|一律|均|由|向)';
/** 前 that is not "before": 前提, 前款, 前述, 前期, 前往… */
const NOT_BEFORE_WORD = '(?!提下|提是|提条件|款|述|列|条|项|期|沿|景|者|身|夕|端|台|线|瞻|置|往)';

type Iso = 'ymd' | 'range' | 'none';

interface Pattern {
  re: RegExp;
  type: Deadline['type'];
  /** How the ISO date is read: groups 1-4 (year, month, day, part), a span's end (groups 5-8), or not at all. */
  iso: Iso;
  /** Rejects a match whose event is no event (此前, 施行前, 必要时). */
  keep?: (m: RegExpExecArray) => boolean;
  /** A character the clause must hold for the pattern to be tried (a cheap test first). */
  need?: RegExp;
  /** The group that is the deadline, when the match also holds what leads to it (在, 要); the regex has the d flag. */
  span?: number;
  /** Tried only on the clause start (a phrase opening the clause). */
  head?: boolean;
}

/** Events that are no bound: time words (目前, 不久前), transitional references (本办法施行前), conditions (必要时). */
const NOT_EVENT =
  /^(?:此|之|目|当|日|以|事|不久|很久|多年|几年|数年|必要|紧急|需要|必要的|特殊情况|适当|同|早)$|施行|实施|生效|颁布|公布|[同的]$|^[\d〇零一二两三四五六七八九十百几数多半]+个?多?(?:年|月|日|天|周|星期|小时)$/;
/** The event of an event bound: group 2 when the deadline is group 1 of a longer match, else group 1. */
const eventOf = (m: RegExpExecArray) => (m.indices ? m[2] : m[1]) ?? '';
const eventKept = (m: RegExpExecArray) => !NOT_EVENT.test(eventOf(m));
/** 及时, 同时, 按时, 准时…: 时 that ends a word, not an event. */
const WORD_SHI = /[及同按准适随暂届临定平实当有此彼那这]$/;
/**
 * An event bound that opens a condition is no deadline: 在收到举报前，行为人已主动供述的 (a past fact),
 * （三）作出处理决定前，举报人撤回举报的； (an item of a 有下列情形之一的 list).
 */
function eventBoundKept(m: RegExpExecArray): boolean {
  if (!eventKept(m)) return false;
  const rest = m.input.slice(m.index + m[0].length);
  const sentence = /^[^。；;！？!?]*/.exec(rest)?.[0] ?? '';
  return !/^[，,]?[^，,]{0,12}已/.test(sentence) && !/的\s*$/.test(sentence);
}

/** A date followed in its sentence by a sum or a past result (截至6月底，全市共完成…): a cut-off for a figure. */
function reportsFigure(m: RegExpExecArray): boolean {
  const rest = /^[^。；;！？!?]*/.exec(m.input.slice(m.index + m[0].length))?.[0] ?? '';
  return /已|共|累计|总计|合计|达到|同比|增长|下降|比上年/.test(rest);
}

export const PATTERNS: Pattern[] = [
  // 于2026年10月20日前, 2019年4月底前, 6月30日之前, 5月10前, 6月底前前
  {
    re: new RegExp(
      `(?:于|在|到|至|截至|截止到|截止)?(?:(${YEAR})|${REL_YEAR})?(${MONTH})(${DAY_LOOSE})?(${PART})?${WEEKDAY}?(?:${CLOCK}|${DATE_EVENT})?(?:[（(]含(?:当[日天])?[）)])?(?:前后|前|之前|以前)前?`,
      'g',
    ),
    type: 'date',
    iso: 'ymd',
    need: /月/,
  },
  // 不晚于9月1日, 最迟不得晚于2023年6月底, 不迟于2月底 (the bound word is part of the deadline)
  {
    re: new RegExp(
      `(?:最迟|最晚)?(?:应|须)?(?:不得|不能|不应|不)(?:晚于|迟于)(?:${YEAR}|${REL_YEAR})?(?:${MONTH})(?:${DAY})?(?:${PART})?${WEEKDAY}?(?:${CLOCK})?|(?:最迟|最晚)(?:不得|不能|不应|不)?(?:晚于|迟于)?(?=\\d|[一二三四五六七八九十]+月)(?:${YEAR})?(?:${MONTH})(?:${DAY})?(?:${PART})?`,
      'g',
    ),
    type: 'date',
    iso: 'none',
    need: /[晚迟]/,
  },
  // 今冬明春, 今明两年 (a season or two years named from the notice)
  {
    re: /今冬明春|今明两年|本学期(?:内|末|结束前)|学期(?:末|结束前)/g,
    type: 'date',
    iso: 'none',
    need: /今冬|今明|学期/,
  },
  // 整改期限为30日, 办理时限：5个工作日 (a term stated as the time allowed; not a validity period)
  {
    re: new RegExp(`(?<!有效)(?:期限|时限)(?:一般)?(?:为|是|:|：)(${AMOUNT}${UNIT})(?![的以])`, 'gd'),
    type: 'relative',
    iso: 'none',
    need: /[期时]限/,
    span: 1,
  },
  // 完成时限：2023.12, 时间节点：2023年 (a date or a year on a timetable line, printed without a bound)
  {
    re: /(?<=(?:时限|时间|节点)[:：]\s*)(?:\d{4}[.．/-]\d{1,2}(?:[.．/-]\d{1,2})?|\d{4}年(?:底|末)?)(?![\d年月.．])/g,
    type: 'date',
    iso: 'none',
    need: /[限间点][:：]/,
  },
  // （2023年6月底前）, （2023年） after a task: the bound in a bracket
  {
    re: new RegExp(`(?<=[（(])(${YEAR_NUM})年()()(底|末)?(?:前|之前)?(?=[）)])`, 'g'),
    type: 'date',
    iso: 'ymd',
    need: /年[底末前之]*[）)]/,
  },
  // 2019年3月中旬, 到2020年6月底 (a bound without 前)
  {
    re: new RegExp(`(?:于|到|至)?(?:(${YEAR})|${REL_YEAR})?(${MONTH})()(上旬|中旬|下旬|上中旬|中下旬)`, 'g'),
    type: 'date',
    iso: 'ymd',
    need: /旬/,
  },
  // 2023.5.31前, 2023-05-31之前 (a date printed with dots or dashes)
  {
    re: /(?<![\d.])(\d{4})[.．/-](\d{1,2})[.．/-](\d{1,2})()(?:前|之前|以前)/g,
    type: 'date',
    iso: 'ymd',
    need: /前/,
  },
  // 即日起至5月31日, 即日起—2023年12月底 (a span from now)
  {
    re: new RegExp(`(?:自|从)?即日起?${DASH}()()()()(${YEAR})?(${MONTH})(${DAY})?(${PART})?`, 'g'),
    type: 'date',
    iso: 'range',
    need: /即日/,
  },
  // 截止时间为5月31日, 报送截止日期：6月30日
  {
    re: new RegExp(`(?:截止|截至)(?:时间|日期)(?:为|是|:|：)((${YEAR})?(${MONTH})(${DAY})?)`, 'gd'),
    type: 'date',
    iso: 'none',
    need: /截[止至]/,
    span: 1,
  },
  // 截止5月31日, 报名截止到2022年6月30日, 截至6月30日止 (截至 also reports a figure "as of": not when a sum follows)
  {
    re: new RegExp(
      `(?:截止|截至)(?:到|至)?(${YEAR})?(${MONTH})(${DAY})?(${PART})?${WEEKDAY}?(?:${CLOCK})?(?:止|为止)?`,
      'g',
    ),
    type: 'date',
    iso: 'ymd',
    need: /截[止至]/,
    keep: (m) => {
      if (m[0].startsWith('截止') || /止$/.test(m[0])) return !reportsFigure(m);
      return (
        /(?:时间|日期|期限|报名|申报|报送|征集|受理|提交)[为是:：]?$/.test(m.input.slice(0, m.index)) &&
        !reportsFigure(m)
      );
    },
  },
  // 6月30日止, 2022年6月30日为止, 5月31日截止 (not the end of a span: 至…止 is a period)
  {
    re: new RegExp(
      `${NOT_BOUND_BEFORE}(?<![\\d${CN}])(?:于|在|到)?(${YEAR})?(${MONTH})(${DAY}|底|末)()(?:${CLOCK})?(?:为止|止|截止)`,
      'g',
    ),
    type: 'date',
    iso: 'ymd',
    need: /止/,
  },
  {
    re: new RegExp(`(?<![截年月日号])(?:到|至)(${YEAR})?(${MONTH})()(底|末)`, 'g'),
    type: 'date',
    iso: 'ymd',
    need: /[底末]/,
  },
  // 2022年6月底完成, 2022年6月完成, 于2020年3月5日召开 (a dated task: no 前, not a start or a past act)
  {
    re: new RegExp(
      `${NOT_BOUND_BEFORE}(?:于|在|到|至)?(${YEAR})(${MONTH})(${DAY})?(底|末)?${WEEKDAY}?${NOT_BOUND_AFTER}`,
      'g',
    ),
    type: 'date',
    iso: 'ymd',
    need: /月/,
  },
  // 6月底完成 (month end without a year)
  {
    re: new RegExp(`${NOT_BOUND_BEFORE}(?<![\\d${CN}])()(${MONTH})()(底|末)${NOT_BOUND_AFTER}`, 'g'),
    type: 'date',
    iso: 'ymd',
    need: /[底末]/,
  },
  // 1月5日（星期六）、1月6日（星期日）上班; 于3月5日召开
  {
    re: new RegExp(
      `(?:于|在|定于)?()(${MONTH})(${DAY})()${WEEKDAY}?(?:、(?:${MONTH})?${DAY}${WEEKDAY}?)*${NOT_BOUND_AFTER}`,
      'g',
    ),
    type: 'date',
    iso: 'ymd',
    need: /月/,
    keep: (m) =>
      /[（(]/.test(m[0]) ||
      /^(?:于|在|定于)/.test(m[0]) ||
      /(?:时间|日期|时限|节点)[:：为是]?$/.test(m.input.slice(0, m.index)) ||
      new RegExp(`^(?:放假|上班|休息|调休|补休|轮休|${DONE})`).test(m.input.slice(m.index + m[0].length)) ||
      /[于在]$/.test(m.input.slice(0, m.index)) ||
      CLAUSE_START.test(m.input.slice(0, m.index)),
  },
  // 2021年9月—2022年3月, 3月—5月, 3月1日至5月31日, 1月1日至3日
  {
    re: new RegExp(
      `(?<![为是年\\d]|期[自从])(?:于|在)?(${YEAR})?(${MONTH})(${DAY})?(${PART})?${WEEKDAY}?起?${DASH}(${YEAR})?(${MONTH})?(${DAY})?(${PART})?${WEEKDAY}?`,
      'g',
    ),
    type: 'date',
    iso: 'range',
    need: /月/,
    keep: (m) => Boolean(m[6] || m[7]),
  },
  // 7—9月, 2021年7—9月, 七至九月
  {
    re: new RegExp(
      `(?<![为是年\\d])(?:于|在)?(${YEAR})?()()()(?:\\d{1,2}|[一二三四五六七八九十]{1,3})${DASH}()(${MONTH})()(${PART})?`,
      'g',
    ),
    type: 'date',
    iso: 'range',
    need: /月/,
  },
  // 2019年底前, 2025年前, 到2020年底, 到2025年, 力争2025年, 2025年底基本建成
  {
    re: new RegExp(`(${YEAR_NUM})年()()(?:年(?=[底末]))?(底|末)?(?:前|之前|以前)`, 'g'),
    type: 'date',
    iso: 'ymd',
    need: /年/,
  },
  {
    re: new RegExp(
      `(?:(?<![截年月日号])(?:到|至)|(?<=力争|争取|确保|(?:力争|争取|确保)实现)(?:到|在|于)?)(${YEAR_NUM})年()()(底|末)?(?:前|之前)?`,
      'g',
    ),
    type: 'date',
    iso: 'ymd',
    need: /年/,
  },
  {
    re: new RegExp(`${NOT_BOUND_BEFORE}(${YEAR_NUM})年()()(?:年(?=[底末]))?(底|末)${NOT_BOUND_AFTER}`, 'g'),
    type: 'date',
    iso: 'ymd',
    need: /年/,
  },
  // 2027年，制定出台…; 2019年再新增18辆…; …，2028年逐步扩大至… (a bare year that opens a task)
  {
    re: new RegExp(
      `(?<=^${LABEL}|[，,；;：:于在])(${YEAR_NUM})年()()()(?![\\d${CN}月度初中底末前内后起以的是间份第]|[上下]半年|${DASH})`,
      'g',
    ),
    type: 'date',
    iso: 'ymd',
    need: /年/,
    // not a past fact or a running period (2016年本市…以来, 2019年已完成), nor a figure reported for the year
    // (2018年，全市GDP同比增长6%): the words are looked for in the year's own segment
    keep: (m) => {
      const rest = /^[^。；;！？!?]*/.exec(m.input.slice(m.index + m[0].length))?.[0] ?? '';
      const segment = rest.replace(/^[，,]/, '').split(/[，,]/)[0] ?? '';
      return !/以来|已经?|曾|期间|至今|开始|起|同比|比上年|增长|下降|共计/.test(segment);
    },
  },
  // 2018年内完成, 2019年度内 (within a printed year)
  {
    re: new RegExp(`(?<![\\d${CN}])(${YEAR_NUM})年度?()()()内(?![容部外地])`, 'g'),
    type: 'date',
    iso: 'ymd',
    need: /年度?内/,
  },
  // 年底前, 今年底前, 本年度内, 年内完成, 年内持续推进 (a 分工 note), 月底前
  {
    re: /(?:今年|本年|当年)?年(?:底|末)(?:前|之前)|(?:今年|本年度|本年|当年|本季度|本月|当月)内|(?<![\d〇零一二两三四五六七八九十百半个])(?:年度|年)内(?=完成|实现|全面|基本|建成|出台|落实|持续|推进|取得|见效|开工|启动|开展)|(?:本月|当月|月)底(?:前|之前)/g,
    type: 'date',
    iso: 'none',
    need: /[前内底]/,
  },
  // 2023年上半年, 第三季度末, 于三季度完成, 6月份完成 (a part of the year that bounds a task)
  {
    re: new RegExp(
      `${NOT_BOUND_BEFORE}(?:于|在|到|至)?(?:${YEAR}|${REL_YEAR})?(?:(?:第|本)?[一二三四1-4]季度|上半年|下半年|${MONTH}份)(?:底|末)?(?:前|之前)?(?![的以起后])`,
      'g',
    ),
    type: 'date',
    iso: 'none',
    need: /季度|半年|月份/,
    keep: (m) =>
      /^(?:于|在|到|至)|[前底末]$/.test(m[0]) ||
      (!reportsFigure(m) &&
        (new RegExp(`^(?:[，,]|${DONE}|(?:基本|全面|全部|初步)?${DONE})`).test(m.input.slice(m.index + m[0].length)) ||
          CLAUSE_START.test(m.input.slice(0, m.index)))),
  },
  // 年底完成, 年末，… (the year's end without 前, bounding a task); 本周内, 下周一前
  {
    re: new RegExp(`(?<![\\d${CN}O○])(?:今年|本年|当年)?年(?:底|末)(?=[，,]|(?:基本|全面|全部|初步)?${DONE})`, 'g'),
    type: 'date',
    iso: 'none',
    need: /[底末]/,
  },
  // 季度末前, 本季度末报送 (the quarter's end, the quarter not numbered)
  {
    re: /(?<![一二三四1-4每个])(?:本|当|上)?季度(?:末|底)(?:前|之前)?(?![的以起后])/g,
    type: 'date',
    iso: 'none',
    need: /季度[末底]/,
  },
  // 当年完成, 明年建成; 下月初报送, 年初前 (a year or a month's start that bounds a task)
  {
    re: new RegExp(`(?<![\\d${CN}O○年])(?:当年|明年|次年|今年)(?=(?:基本|全面|全部|初步)?${DONE})`, 'g'),
    type: 'date',
    iso: 'none',
    need: /(?:当|明|次|今)年/,
  },
  {
    re: new RegExp(
      `(?<![\\d${CN}O○])(?:(?:${YEAR})?(?:${MONTH})|(?:今年|明年|次年|本年|当年)?年|(?:本|下|次|当)?月)初(?:前|之前)?(?=[，,]|前|(?:基本|全面|全部|初步)?${DONE})`,
      'g',
    ),
    type: 'date',
    iso: 'none',
    need: /初/,
  },
  // （三）总结提升阶段（10月）; 10月，全面总结 (a month alone that opens a task or dates a stage)
  {
    re: new RegExp(`(?<=阶段[：:]?[（(]|^${LABEL})()(${MONTH})()()(?=[）)]|[，,：:])`, 'g'),
    type: 'date',
    iso: 'none',
    need: /月[）)，,：:]/,
    keep: (m) => {
      const rest = /^[^。；;！？!?]*/.exec(m.input.slice(m.index + m[0].length))?.[0] ?? '';
      return !/以来|已经?|曾|至今|同比|增长|下降|共计|召开了|印发了/.test(rest);
    },
  },
  // 次月5日前, 下月10日前 (a day of the month after the period reported)
  {
    re: new RegExp(`(?:次月|下月|下个月|当月|本月)(?:${DAY}|底|末)(?:${CLOCK})?(?:前|之前|以前)`, 'g'),
    type: 'relative',
    iso: 'none',
    need: /(?:次|下|当|本)个?月/,
  },
  // 下月上旬, 本月中旬前 (a part of the month named from the notice)
  {
    re: /(?:本|下|次|当)(?:个)?月(?:上旬|中旬|下旬|上中旬|中下旬)(?:前|之前)?/g,
    type: 'date',
    iso: 'none',
    need: /旬/,
  },
  {
    re: /(?:本|下|次)周[一二三四五六日]?(?:内|前|之前)/g,
    type: 'date',
    iso: 'none',
    need: /周/,
  },
  // 春节前, 2024年元旦前, 国庆节假期前 (a holiday that bounds a task)
  {
    re: new RegExp(
      `(?:(?<=${OPENER})(?:在|于))?(?:${YEAR})?[“"]?(?:春节|元旦|清明节?|五一|劳动节|端午节?|中秋节?|国庆节?)[”"]?(?:假期|放假|节)?(?:前|之前|以前)(?!后)${NOT_BEFORE_WORD}`,
      'g',
    ),
    type: 'date',
    iso: 'none',
    need: /前/,
  },
  // 到“十四五”末, 到十四五期末 (the end of a five-year plan period)
  {
    re: /(?:到|至)[“"]?十[一二三四五六七八九]五[”"]?(?:时期)?(?:期末|末)/g,
    type: 'date',
    iso: 'none',
    need: /五/,
  },
  // 会前一周, 活动前3天 (a bound before an event, stated by its distance)
  {
    re: new RegExp(`(?:会|会议|活动|开学|开班|考试)前${AMOUNT}${UNIT_WORD}`, 'g'),
    type: 'relative',
    iso: 'none',
    need: /前/,
  },
  // 用3年时间, 用两年左右时间 (the time a plan gives itself)
  {
    re: new RegExp(`用${AMOUNT}(?:年|个月|周|天)(?:左右)?(?:的)?时间`, 'g'),
    type: 'relative',
    iso: 'none',
    need: /时间/,
  },
  // 自受理申请之日起5日内, 自变化事项发生后1个月内, 2012年起5年内
  {
    re: new RegExp(`(?:自|从)[^,。;:!?\\n]{1,60}?(?:之日|之时|后)起?${AMOUNT}${UNIT_WORD}(?:内|以内|之内)(?!的)`, 'g'),
    type: 'relative',
    iso: 'none',
    need: /[自从]/,
  },
  // 在收到通知之日起30个工作日内, 作出处理决定后30个工作日内 (the event without 自)
  {
    re: new RegExp(
      `(?:在|于)(?<=${OPENER}(?:在|于))(${EVENT}(?:之日|之时|后)起?${AMOUNT}${UNIT_WORD}(?:内|以内|之内))(?!的)`,
      'gd',
    ),
    type: 'relative',
    iso: 'none',
    need: /内/,
    span: 1,
  },
  {
    re: new RegExp(`(?<=^${LABEL})${EVENT}(?:之日|之时|后)起?${AMOUNT}${UNIT_WORD}(?:内|以内|之内)(?!的)`, 'g'),
    type: 'relative',
    iso: 'none',
    need: /内/,
    head: true,
  },
  {
    re: new RegExp(`(?:${YEAR}(?:${MONTH})?(?:${DAY})?起)?${AMOUNT}${UNIT_WORD}(?:内|以内|之内)(?![的容部外地])`, 'g'),
    type: 'relative',
    iso: 'none',
    need: /内/,
  },
  // 在规定期限内, 在法定时限内, 在约定的时间内 (a term set elsewhere)
  {
    re: /(?:规定|法定|约定|指定|限定|承诺|要求)的?(?:期限|时限|时间)(?:内|以内|之内)(?!的)/g,
    type: 'relative',
    iso: 'none',
    need: /内/,
  },
  // 提前5日, 期满6个月前, 会议召开3日前, 526日前
  { re: new RegExp(`提前${AMOUNT}${UNIT_WORD}`, 'g'), type: 'relative', iso: 'none', need: /提前/ },
  // 接到通知后24小时内, 收到材料之日起5个工作日内 (a receipt or an occurrence, anywhere in the clause)
  {
    re: new RegExp(
      `(?:接到|收到|接获|获悉|发现|发生|受理|作出|办结)[^在于自从，,。；;：:！？!?\\s、]{0,14}?(?:之日|之时|后)起?${AMOUNT}${UNIT_WORD}(?:内|以内|之内)(?!的)`,
      'g',
    ),
    type: 'relative',
    iso: 'none',
    need: /(?:接到|收到|接获|获悉|发现|发生|受理|作出|办结)[^。]*内/,
  },
  // 会后3日内, 节后一周内 (a short event word before 后)
  {
    re: new RegExp(
      `(?:会议?|赛|节|课|训|事发?|活动|检查|督查|验收)(?:结束)?后${AMOUNT}${UNIT_WORD}(?:内|以内|之内)(?!的)`,
      'g',
    ),
    type: 'relative',
    iso: 'none',
    need: /后.{0,8}内/,
  },
  // 届满前30日, 任期届满前3个月, 开学前一周
  {
    re: new RegExp(`(?:届满|期满|到期|截止|开学|开班|开始|召开|举办|举行|实施)(?:前|之前)${AMOUNT}${UNIT_WORD}`, 'g'),
    type: 'relative',
    iso: 'none',
    need: /前[\d一二三四五六七八九十两半]/,
  },
  {
    re: new RegExp(`(?:届满|期满|到期)${AMOUNT}${UNIT_WORD}(?:前|之前)`, 'g'),
    type: 'relative',
    iso: 'none',
    need: /[满期]/,
  },
  {
    re: new RegExp(`(?<![提\\d${CN}])${AMOUNT}(?:工作日|日|号|天|周|小时|个月)(?:前|之前|以前)`, 'g'),
    type: 'relative',
    iso: 'none',
    need: /前/,
  },
  // 在项目开工前, 于毕业生离校前, 确保放暑假前完成, 项目开工前，
  {
    re: new RegExp(
      `(?:在|于)(?<=${OPENER}(?:在|于))((${EVENT})(?:前|之前|以前)(?:${AMOUNT}${UNIT_WORD}(?![内前后]))?)${NOT_BEFORE_WORD}`,
      'gd',
    ),
    type: 'relative',
    iso: 'none',
    keep: eventBoundKept,
    need: /前/,
    span: 1,
  },
  {
    re: new RegExp(`${OPENER_INLINE}((${EVENT})(?:前|之前|以前))(?=[，,]|${DONE})`, 'gd'),
    type: 'relative',
    iso: 'none',
    keep: eventBoundKept,
    need: /前/,
    span: 1,
  },
  {
    re: new RegExp(`(?<=^${LABEL})(${EVENT})(?:前|之前|以前)(?=[，,]|${DONE}|${MODAL_AFTER_BOUND})`, 'g'),
    type: 'relative',
    iso: 'none',
    keep: eventBoundKept,
    need: /前/,
    head: true,
  },
  // 会前，…; 汛前完成…; 节前报送… (a one-character event that opens the clause)
  {
    re: new RegExp(`(?<=^${LABEL})(?:会|节|汛|赛|考|课|班|年)(?:前|之前)(?=[，,]|${DONE}|${MODAL_AFTER_BOUND})`, 'g'),
    type: 'relative',
    iso: 'none',
    need: /前/,
    head: true,
  },
  // 节后第一个工作日, 假期结束后第一天, 开学后第二周 (a day counted from an event)
  {
    re: new RegExp(
      `(?:节|节假日|假期|假期结束|放假结束|春节|元旦|国庆节?|开学|上班|收假)后第[一二三四五六七八九十\\d]{1,2}(?:个)?(?:工作日|天|日|周)(?:前|之前|内)?`,
      'g',
    ),
    type: 'relative',
    iso: 'none',
    need: /后第/,
  },
  // 应当在与用户签订协议时, 在原账户办理第一笔个人存款时
  {
    re: new RegExp(`在(?<=${OPENER}在)((${EVENT})(?:时|之时))(?![间期限效候代段点刻节空速])`, 'gd'),
    type: 'relative',
    iso: 'none',
    keep: (m) => eventKept(m) && !WORD_SHI.test(eventOf(m)),
    need: /时/,
    span: 1,
  },
  // 捕捉作业完成后，; 节假日期间，(opening the clause)
  {
    re: new RegExp(`(?<=^${LABEL})(${EVENT}(?:完成|结束|终了|届满|期满|竣工))后(?=[，,])`, 'g'),
    type: 'relative',
    iso: 'none',
    keep: eventKept,
    need: /后/,
    head: true,
  },
  {
    re: new RegExp(`(?<=^${LABEL}在?)([^在于，,。；;：:\\s]{2,8}?)期间(?=[，,])`, 'g'),
    type: 'relative',
    iso: 'none',
    keep: eventKept,
    need: /期间/,
    head: true,
  },
  // 于当天下午2:15前签到, 请于当日报送, 次日12时前 (a day named relative to the notice or the event)
  {
    re: new RegExp(
      `(?<=[于在])(?:当天|当日|次日|翌日|今天|今日|明天|明日)(?:${CLOCK})?(?:前|之前|以前)?(?![的内中上里起])|(?:当天|当日|次日|翌日|今天|今日|明天|明日)(?:${CLOCK})?(?:前|之前|以前)`,
      'g',
    ),
    type: 'relative',
    iso: 'none',
    need: /[当次翌今明][天日]/,
  },
  // 急件当天办结, 当日报送 (the day itself, before a delivery verb)
  {
    re: new RegExp(`(?:当天|当日)(?=${DONE}|办理|处理|答复|回复|反馈)`, 'g'),
    type: 'relative',
    iso: 'none',
    need: /当[天日]/,
  },
  // 办理时限一般不超过5个工作日 (a time limit stated as a maximum; not a validity period, 有效期不超过5年)
  {
    re: new RegExp(
      `(?<=(?<!有效)(?:时限|期限)[^，,。；;]{0,6}?)(?:不超过|不得超过|最长不超过|最多不超过)(${AMOUNT}${UNIT})`,
      'gd',
    ),
    type: 'relative',
    iso: 'none',
    need: /超过/,
    span: 1,
  },
  // 应当在疫情防控期间…, 于汛期期间 (a period named after 在/于 that bounds the act)
  {
    re: new RegExp(`(?:在|于)(?<=${OPENER}(?:在|于))((${EVENT})期间)`, 'gd'),
    type: 'relative',
    iso: 'none',
    keep: eventKept,
    need: /期间/,
    span: 1,
  },
  // 每月5日前, 每年12月31日前, 每季度结束后15日内
  {
    re: new RegExp(
      `每(?:个)?(?:日|天|周[一二三四五六日]?|月|季度|季|半年|年度|年)(?:${MONTH}|第[一二三1-3]个月|首月|末月|最后一个月|初)?(?:${DAY}|第${N}个工作日|最后一个工作日)?(?:底|末)?(?:${CLOCK})?(?:前|之前|以前)`,
      'g',
    ),
    type: 'recurring',
    iso: 'none',
    need: /每/,
  },
  // 每年3月底, 每年3月31日, 每年一季度 (a recurring date without 前)
  {
    re: new RegExp(
      `每(?:个)?(?:年|年度)(?:(?:${MONTH})(?:${DAY}|底|末|上旬|中旬|下旬)?|第?[一二三四1-4]季度(?:末|底)?)(?![的以起后])`,
      'g',
    ),
    type: 'recurring',
    iso: 'none',
    need: /每/,
  },
  // 每学期期末, 每学年结束前 (a school's recurring bound)
  {
    re: /每(?:个)?(?:学期|学年)(?:期末|期初|末|初|结束前|开学前|结束后)/g,
    type: 'recurring',
    iso: 'none',
    need: /每(?:个)?学[期年]/,
  },
  // 每季度末, 每月底, 每年年底 (a recurring bound without 前)
  {
    re: /每(?:个)?(?:月|季度|季|半年|年度|年)(?:年|月)?(?:底|末|初)(?:前|之前|以前)?(?![的])/g,
    type: 'recurring',
    iso: 'none',
    need: /每/,
  },
  // 每周一上午报送, 每月5日向…报送 (a recurring day without 前, before the delivery)
  {
    re: new RegExp(
      `每(?:周|星期)[一二三四五六日天](?:[上下]午|下班|上班)?(?:${CLOCK})?(?=前|[，,]|向|将|把|${DONE})|每(?:个)?月(?:${DAY})(?:${CLOCK})?(?=[，,]|向|将|把|${DONE})`,
      'g',
    ),
    type: 'recurring',
    iso: 'none',
    need: /每/,
  },
  {
    re: new RegExp(`每(?:个)?(?:月|季度|季|半年|年度|年)(?:结束|终了)后${N}${UNIT}(?:内|以内|之内)`, 'g'),
    type: 'recurring',
    iso: 'none',
    need: /每/,
  },
];

/** Digits of Chinese numerals as deadlines print them (二〇一九, 两, the Latin O typed for 〇). */
const DIGIT: Readonly<Record<string, number>> = { ...CN_DIGIT, O: 0, 两: 2 };

/** Arabic or Chinese numeral to a number; 二〇一九 digit by digit, 三十一 by tens. NaN when unreadable. */
export function readNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s.includes('十') && !s.includes('百')) {
    let v = 0;
    for (const ch of s) {
      if (!(ch in DIGIT)) return NaN;
      v = v * 10 + DIGIT[ch];
    }
    return v;
  }
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (cur || 1) * 100;
      cur = 0;
    } else if (ch === '十') {
      total += (cur || 1) * 10;
      cur = 0;
    } else if (ch in DIGIT) cur = DIGIT[ch];
    else return NaN;
  }
  return total + cur;
}

/**
 * ISO date for an absolute deadline when the year is printed: a day as given, month-end (底/末/下旬)
 * and a month alone (2022年6月完成) as the month's last day, 上旬/中旬 as the 10th/20th, a year-end
 * (2019年底) as 12-31; a month alone before 前 (4月前) as the last day of the month before. Null when the year or the date is missing or
 * impossible.
 */
function isoOf(
  yearS: string | undefined,
  monthS: string | undefined,
  dayS: string | undefined,
  part: string | undefined,
  hasBefore: boolean,
): string | null {
  if (!yearS) return null;
  const year = readNumber(yearS.replace(/年$/, ''));
  if (!Number.isFinite(year) || year < 1900 || year > 2200) return null;
  if (!monthS) return part === '底' || part === '末' || !hasBefore ? `${year}-12-31` : null;
  const month = readNumber(monthS.replace(/月$/, '').replace('元', '一'));
  if (!Number.isFinite(month) || month < 1 || month > 12) return null;
  if (dayS) {
    const day = readNumber(dayS.replace(/[日号]$/, ''));
    if (!Number.isFinite(day) || day < 1 || day > daysInMonth(year, month)) return null;
    return isoDate(year, month, day);
  }
  if (part === '上旬') return isoDate(year, month, 10);
  if (part === '中旬') return isoDate(year, month, 20);
  if (part === '底' || part === '末' || part === '下旬') return isoDate(year, month, daysInMonth(year, month));
  if (hasBefore) {
    // 2019年4月前: before April begins
    const y = month === 1 ? year - 1 : year;
    const m = month === 1 ? 12 : month - 1;
    return isoDate(y, m, daysInMonth(y, m));
  }
  // 2022年6月完成: within June
  return isoDate(year, month, daysInMonth(year, month));
}

/** How far into a clause a clause-opening phrase (节假日期间，…) is looked for. */
const HEAD = 64;

/** Clauses longer than this are searched only in their first part (a deadline sits near its verb). */
const MAX_SCAN = 4000;

/** Every deadline in `clause` (text as printed), in order; where two readings overlap, the longer one. */
export function findDeadlines(clause: string): Deadline[] {
  const text = clause.length > MAX_SCAN ? clause.slice(0, MAX_SCAN) : clause;
  // Every pattern needs one of these; most clauses have none and skip the patterns.
  if (!/[前内底末旬月年季时后间限晚迟]|[当次翌今明][天日]|每周|每星期|今冬|学期/.test(text)) return [];
  const f = foldWidth(text);
  const found: Array<{ start: number; end: number; pattern: Pattern; m: RegExpExecArray }> = [];
  for (const p of PATTERNS) {
    if (p.need && !p.need.test(f)) continue;
    const src = p.head ? f.slice(0, HEAD) : f;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(src); m; m = p.re.exec(src)) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      if (p.keep && !p.keep(m)) continue;
      const [start, end] =
        p.span !== undefined && m.indices?.[p.span] ? m.indices[p.span] : [m.index, m.index + m[0].length];
      found.push({ start, end, pattern: p, m });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: typeof found = [];
  for (const c of found) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  kept.sort((a, b) => a.start - b.start);
  return kept.map(({ start, end, pattern, m }) => ({
    // copied without a leading 于/在 (docs/labelling.md), so the bound is the same text however it is led in
    text: text.slice(start + leadLength(f, start, end), end),
    type: pattern.type,
    iso: isoOfMatch(pattern.iso, m),
  }));
}

/** A leading 于/在/定于 before the bound itself (于2019年4月底前 → 2019年4月底前); not 在 of 在建. */
function leadLength(f: string, start: number, end: number): number {
  const m = /^(?:定于|于|在)(?=[\d〇零一二两三四五六七八九十O○今明次当本每即上下第“"春元清五劳端中国])/.exec(
    f.slice(start, end),
  );
  return m && end - start > m[0].length + 1 ? m[0].length : 0;
}

/** The first deadline in `clause` (text as printed), or null. */
export function findDeadline(clause: string): Deadline | null {
  return findDeadlines(clause)[0] ?? null;
}

function isoOfMatch(kind: Iso, m: RegExpExecArray): string | null {
  const g = (i: number) => m[i] || undefined;
  if (kind === 'ymd') return isoOf(g(1), g(2), g(3), g(4), /前$/.test(m[0]));
  // A span is bounded by its end; the end borrows the start's year and month when it prints none.
  if (kind === 'range') return isoOf(g(5) ?? g(1), g(6) ?? (g(7) ? g(2) : undefined), g(7), g(8), false);
  return null;
}
