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
