/**
 * How laws, regulations and rules say who made them and when, in the head of their text:
 * - the 题注 under the title: `（2018年3月20日第十三届全国人民代表大会第一次会议通过）`,
 *   `2017年11月4日第十二届全国人民代表大会常务委员会第三十次会议通过 2018年10月26日…修正`,
 *   `2008年7月17日经人力资源和社会保障部第6次部务会议通过`, `2004年9月27日中华人民共和国国务院令第421号公布`;
 * - the promulgation order before the text: `《…》已由…第十四次会议于2019年10月26日通过，现予公布`,
 *   `《…》已经2004年9月13日国务院第64次常务会议通过，现予公布`.
 *
 * What is taken (the 成文日期 and 发文机关 of such texts):
 * - a 国务院令 or 部门令 that published the text: its date, its number and the issuer it names;
 * - otherwise the first adoption (`…通过`, `…批准`): its date and the body that adopted it, without the session
 *   (`第十三届全国人民代表大会常务委员会第十四次会议` → 全国人民代表大会常务委员会); later 修正/修订 are amendments;
 * - otherwise a 主席令 or a plain `…公布`/`…发布`: its date.
 */
import { foldWidth } from '../text/normalise';
import { CN_DATE_SOURCE, cnDateAt, cnDateAtEnd } from './dates';
import { findDocNumber, issuerOfOrderNumber } from './doc-number';
import type { Line } from './lines';
import { isOrgName } from './organisations';

export interface Adoption {
  date: string | null;
  issuer: string | null;
  /** The 令 number that published the text (`中华人民共和国国务院令第421号`), or null. */
  orderNumber: string | null;
}

const NONE: Adoption = { date: null, issuer: null, orderNumber: null };

const DATE_G = new RegExp(CN_DATE_SOURCE, 'g');
const VERB = /(通过|批准|公布|发布|修正|修订|施行)/g;
/** A 题注 line: opens (after a bracket) with a date, 根据 or 经, and says what happened on it. */
const NOTE_START = new RegExp(`^[(（［\\[]?\\s*(?:${CN_DATE_SOURCE}|根据|经)`);
const NOTE_VERB = /通过|批准|公布|发布|修正|修订|施行/;
const CN_NUMBER = '[0-9一二三四五六七八九十百〇零]+';
const SESSION = new RegExp(`第${CN_NUMBER}次.*$|(?:常务|全体)?会议.*$`);
const TERM = new RegExp(`第${CN_NUMBER}届`, 'g');
/** The promulgation order's sentence. */
const ORDER_SENTENCE = /已(?:由|经)[^。]{4,160}?通过[，,]\s*现予(?:公布|发布)/;

/** How many lines under the title may hold the 题注 or the order. */
const NOTE_LINES = 12;
const MAX_NOTE = 400;
/** A line of page furniture that may stand between the title and its 题注. */
const MAX_PAGE_LINE = 40;

/** The body that adopted a text, from the words between the date and 通过. */
export function adoptingBody(words: string): string | null {
  let t = words
    .replace(/《[^》]*》/g, '')
    .replace(/^(?:经|由|在)/, '')
    .replace(/(?:审议)?$/, '');
  t = t.replace(SESSION, '').replace(TERM, '');
  t = t.replace(/^中华人民共和国(?=全国人民代表大会)/, '').trim();
  return t.length >= 2 && isOrgName(t) ? t : null;
}

/** The issuer a 令 names: `中华人民共和国国务院令第421号` → 国务院; a 主席令 names none (its law's body does). */
export function orderIssuer(orderNumber: string): string | null {
  if (/主席令/.test(orderNumber)) return null;
  const issuer = issuerOfOrderNumber(orderNumber.replace(/^中华人民共和国(?=.{2,}令)/, ''));
  if (issuer) return issuer;
  return /^(?:中华人民共和国)?国(?:务院)?令/.test(orderNumber) ? '国务院' : null;
}

interface Event {
  date: string;
  verb: string;
  words: string;
  order: string | null;
}

/** The dated events of a 题注: one per date, with the words after the date and the last verb among them. */
function events(note: string): Event[] {
  const out: Event[] = [];
  const dates: Array<{ index: number; end: number; iso: string }> = [];
  DATE_G.lastIndex = 0;
  for (let m = DATE_G.exec(note); m; m = DATE_G.exec(note)) {
    const iso = cnDateAt(m);
    if (iso) dates.push({ index: m.index, end: m.index + m[0].length, iso });
  }
  for (let k = 0; k < dates.length; k++) {
    const seg = note.slice(dates[k].end, k + 1 < dates.length ? dates[k + 1].index : note.length);
    const plain = seg.replace(/《[^》]*》/g, '');
    let verb = '';
    let at = -1;
    VERB.lastIndex = 0;
    for (let v = VERB.exec(plain); v; v = VERB.exec(plain)) {
      // The first verb ends the event (`…会议通过` then `根据…修正` belongs to the next date).
      verb = v[1];
      at = v.index;
      break;
    }
    if (!verb) continue;
    const words = plain.slice(0, at).replace(/[\s\u3000]+/g, '');
    const found = /令/.test(words) ? findDocNumber(words) : null;
    out.push({ date: dates[k].iso, verb, words, order: found ? found.text : null });
  }
  return out;
}

function choose(list: Event[]): Adoption {
  const published = list.filter((e) => e.order && (e.verb === '公布' || e.verb === '发布'));
  const byGovernment = published.find((e) => !/主席令/.test(e.order!));
  if (byGovernment) {
    return { date: byGovernment.date, issuer: orderIssuer(byGovernment.order!), orderNumber: byGovernment.order };
  }
  const adopted = list.find((e) => e.verb === '通过' || e.verb === '批准');
  const order = published[0]?.order ?? null;
  if (adopted) return { date: adopted.date, issuer: adoptingBody(adopted.words), orderNumber: order };
  if (published[0]) return { date: published[0].date, issuer: null, orderNumber: order };
  const plain = list.find((e) => e.verb === '公布' || e.verb === '发布');
  return plain ? { date: plain.date, issuer: adoptingBody(plain.words), orderNumber: null } : NONE;
}

/**
 * The 题注 printed under the title (lines `from` on, before the first article or heading): the dated events
 * it lists, chosen as the module comment says.
 */
export function readAdoptionNote(lines: Line[], from: number, isHeading: (line: string) => boolean): Adoption {
  let note = '';
  const to = Math.min(lines.length, from + NOTE_LINES);
  for (let i = from; i < to; i++) {
    const t = foldWidth(lines[i].text);
    if (t.length === 0) continue;
    if (isHeading(t) || /^第[一二三四五六七八九十百零〇]+条/.test(t)) break;
    if (t.length > MAX_NOTE || !NOTE_START.test(t) || !NOTE_VERB.test(t)) {
      // The note is one run of lines under the title; only short page lines (发布时间, 来源) may come first.
      if (note || t.length > MAX_PAGE_LINE || /[。；;：:]/.test(t)) break;
      continue;
    }
    if (/[。]/.test(t.replace(/[)）]\s*$/, ''))) continue; // a sentence, not a note
    note += t.replace(/^[(（［[]/, '').replace(/[)）\]］]$/, '') + ' ';
  }
  return note ? choose(events(note)) : NONE;
}

/**
 * The promulgation order's sentence in the head (`《…》已由…于2019年10月26日通过，现予公布`): the adoption
 * date and body it states.
 */
export function readOrderSentence(lines: Line[], from: number): Adoption {
  const to = Math.min(lines.length, from + NOTE_LINES);
  for (let i = from; i < to; i++) {
    const line = lines[i].text;
    if (line.indexOf('现予') < 0) continue;
    const m = ORDER_SENTENCE.exec(foldWidth(line));
    if (!m) continue;
    const inner = m[0].replace(/^已(?:由|经)/, '').replace(/[，,]\s*现予(?:公布|发布)$/, '');
    DATE_G.lastIndex = 0;
    const d = DATE_G.exec(inner);
    if (!d) return NONE;
    const iso = cnDateAt(d);
    // Words around the date, without it, `于` and `通过`: the body that adopted the text.
    const words = (inner.slice(0, d.index).replace(/于\s*$/, '') + inner.slice(d.index + d[0].length))
      .replace(/(?:审议)?通过$/, '')
      .replace(/[\s\u3000]+/g, '');
    return { date: iso, issuer: adoptingBody(words), orderNumber: null };
  }
  return NONE;
}

/**
 * A 修改决定 that reprints the text it amends cites itself with its date in the reprint's 题注
 * (`根据2013年12月11日《国务院关于修改〈全国年节及纪念日放假办法〉的决定》第三次修订`): that date, the latest
 * where decisions of the same name made earlier amendments.
 */
export function citedOwnDate(text: string, title: string | null): string | null {
  if (!title || title.length < 6) return null;
  const key = `《${title.replace(/《/g, '〈').replace(/》/g, '〉')}》`;
  // Earlier amendments by decisions of the same name are cited too: the latest date is this decision's.
  let latest: string | null = null;
  for (let k = text.indexOf(key), n = 0; k >= 0 && n < 20; k = text.indexOf(key, k + key.length), n++) {
    const iso = cnDateAtEnd(text.slice(Math.max(0, k - 24), k).replace(/\s+$/, ''))?.iso ?? null;
    if (iso && (!latest || iso > latest)) latest = iso;
  }
  return latest;
}

/** `第十三届全国人民代表大会第五次会议` as the 机关 it is a session of: 全国人民代表大会. */
export function withoutSession(issuer: string): string {
  if (!/第[0-9一二三四五六七八九十百〇零]+(?:届|次)/.test(issuer)) return issuer;
  return adoptingBody(issuer) ?? issuer;
}
