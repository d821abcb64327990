/**
 * Does a short string name an organisation? Used for 署名 lines, 主送 groups and the 机关 before 关于.
 * Chinese agency names end in a small set of characters (…部, …委, …局, …院, …办公室, …党委, …党组织, …政府, …公司);
 * a person (`局长\u3000支树平`), a closing formula (`特此通知`) or a note (`（此件公开发布）`) does not.
 */

/** Endings of agency and unit names, with the trailing （党组）-style note removed first. */
const ORG_ENDING =
  /(?:部|委|局|院|厅|办|府|会|署|行|室|处|所|司|组|社|站|队|团|校|馆|心|关|构|位|门|支|中央|大学|学院|集团|公司|支部|总支|机关|机构|单位|部门|政府|办公室|委员会|党委|党组|工委|组织)$/;

/** A trailing parenthetical note: 党委(党组), 党委（党组）. */
const TRAILING_NOTE = /[(（][^()（）]{1,12}[)）]$/;

export const MAX_ORG_NAME = 40;

/** True when `s` (trimmed) reads as one or more organisation names: Han text ending in an agency ending. */
export function isOrgName(s: string): boolean {
  if (s.length < 2 || s.length > MAX_ORG_NAME * 2) return false;
  if (/[。；;：:！？!?“”"《》0-9０-９]/.test(s)) return false;
  let t = s;
  for (let i = 0; i < 2 && TRAILING_NOTE.test(t); i++) t = t.replace(TRAILING_NOTE, '');
  return ORG_ENDING.test(t);
}

/**
 * Split a list of agencies: at whitespace (gov.cn prints eight agencies separated by spaces), 、，,；; and
 * '/'. Empty parts are dropped, duplicates kept once, order kept.
 */
export function splitAgencies(s: string): string[] {
  const out: string[] = [];
  for (const part of s.split(/[\s\u3000\u00a0、，,；;/／]+/)) {
    const p = part.trim();
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}

/** The place an agency name opens with: 重庆市 in 重庆市粮食局, 黄山市 in 中共黄山市委. */
const PLACE = /^(?:中共)?([\u4e00-\u9fff]{2,8}?(?:省|市|县|区|州|盟|自治区))/;

/**
 * Agencies of one place printed without a separator (`重庆市粮食局重庆市财政局`, a title whose spaces were lost):
 * split where the place name starts again after a complete agency name. Other strings come back whole.
 */
export function splitGluedAgencies(s: string): string[] {
  const m = PLACE.exec(s);
  if (!m || s.length > MAX_ORG_NAME * 2) return [s];
  const place = m[1];
  for (let k = s.indexOf(place, m[0].length); k > 0; k = s.indexOf(place, k + 1)) {
    const at = s.slice(k - 2, k) === '中共' ? k - 2 : k;
    const head = s.slice(0, at);
    const rest = s.slice(at);
    if (head.length >= 4 && isOrgName(head) && isOrgName(rest)) return [head, ...splitGluedAgencies(rest)];
  }
  return [s];
}

/** How a complete agency name opens: a national word, 中共, or a place (某某省, 某某市, 某某县…). */
const NAME_OPENING =
  /^(?:中共|中国|国家|国务院|全国|最高|中华人民共和国|共青团|[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|州|盟|自治区|自治州))/;
/** National words that open a central agency's name. */
const NATIONAL_OPENING =
  /中共中央|国务院|全国人民|全国政协|最高人民|中华人民共和国|国家(?!级)|中国(?!共产党[\u4e00-\u9fff]{0,10}委员会)/g;
/** A ministry named without its country (财政部, 工业和信息化部). */
const MINISTRY = /^[\u4e00-\u9fff]{2,10}部$/;

/**
 * Agencies of different places printed without a separator (`财政部国家税务总局`, `中共中央国务院`, a joint 署名 whose
 * spaces were lost): split only when every part is a complete agency name — opening with a national word, 中共
 * or a place, or a ministry (…部) that does not follow a committee (`中共某某市委宣传部` is one name). The split
 * into the fewest parts; null when there is none.
 */
export function segmentJointAgencies(s: string): string[] | null {
  if (s.length < 6 || s.length > MAX_ORG_NAME * 2 || !isOrgName(s)) return null;
  // A central agency never names another inside its own name (`中共中央办公厅国务院办公厅`, `最高人民法院最高人民
  // 检察院`): split before a national word that follows a whole name. (A place after it names a subordinate
  // office: 国家税务总局某某市税务局 is one agency.)
  for (const m of s.matchAll(NATIONAL_OPENING)) {
    const k = m.index;
    if (k < 3) continue;
    const head = s.slice(0, k);
    const rest = s.slice(k);
    if (isOrgName(head) && isOrgName(rest)) return [head, ...(segmentJointAgencies(rest) ?? [rest])];
  }
  const parts: number[] = new Array<number>(s.length + 1).fill(-1);
  const from: number[] = new Array<number>(s.length + 1).fill(-1);
  parts[0] = 0;
  for (let end = 3; end <= s.length; end++) {
    for (let start = Math.max(0, end - MAX_ORG_NAME); start <= end - 3; start++) {
      if (parts[start] < 0 || (parts[end] >= 0 && parts[start] + 1 >= parts[end])) continue;
      const piece = s.slice(start, end);
      if (!isOrgName(piece)) continue;
      const opens = NAME_OPENING.test(piece) || (MINISTRY.test(piece) && !/委$/.test(s.slice(0, start)));
      if (!opens) continue;
      parts[end] = parts[start] + 1;
      from[end] = start;
    }
  }
  if (parts[s.length] < 2) return null;
  const out: string[] = [];
  for (let end = s.length; end > 0; end = from[end]) out.unshift(s.slice(from[end], end));
  return out;
}
