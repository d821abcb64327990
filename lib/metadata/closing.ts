/**
 * The closing block: 署名 (issuing agencies) and 成文日期, right-aligned at the end of the notice
 * (GB/T 9704 §7.3.5). On the web it arrives as `银保监会党委办公室` / `2020年1月29日` lines, eight agency
 * lines before one date (联合发文), a 令's `局长\u3000支树平` / `2014年4月21日`, or glued after the last
 * sentence: `…强大正能量。中共北京市委2020年1月29日`.
 */
import { cnDateAtEnd, fromParts, parseChineseDate } from './dates';
import { lastLines, splitLines, trimEnd, trimStart, type Line } from './lines';
import { isOrgName, splitAgencies } from './organisations';

export interface Closing {
  /** ISO 成文日期, or null when no closing date was found. */
  date: string | null;
  /** Agencies of the 署名, in printed order; [] when the signature is a person or absent. */
  issuers: string[];
}

/** The closing date is searched in the last non-empty lines (after it come only 附注, 抄送, editor lines). */
const TAIL_LINES = 8;
const MAX_SIGNATURE_LINES = 12;
const MAX_DATE_LINE = 40;

/** A 令's signature: `局长支树平`, `总理\u3000李强` (office + 2-5 character name). */
const SIGNER =
  /^(?:中华人民共和国)?(?:局长|部长|署长|主任|主席|总理|行长|省长|市长|县长|区长|书记|院长|检察长|会长|总经理|董事长|委员长|代局长|代部长)[\u4e00-\u9fff·]{2,5}$/;

/**
 * A cover letter's last sentence (`…现印发给你们，请认真贯彻执行。`, `特此通知。`): a date line under it is the
 * 成文日期 even when the page dropped the 署名.
 */
const CLOSING_SENTENCE = /(?:特此(?:通知|通告|公告|函告|函复|批复|通报)|执行|贯彻落实|抓好落实|此复)[。.！!]?$/;
/** The 附注 printed under the 成文日期: `（此件公开发布）`, `（此件主动公开）`. */
const PUBLICATION_NOTE = /^[(（]此件[^()（）]{1,12}[)）]$/;

const SEAL_LINE = /^[（(]?(?:盖章|印章|公章|章|签章|单位盖章)[）)]?$/;
/** The seal's note printed after the 署名 on its line: `某某市人民政府（印章）`. */
const SEAL_NOTE = /[\s\u3000]*[（(](?:盖章|印章|公章|章|签章|单位盖章)[）)]$/;

/** The next non-empty line after the line break at `end` (trimmed), or ''. */
function nextLine(text: string, end: number): string {
  let pos = end + 1;
  for (let guard = 0; guard < 3 && pos < text.length; guard++) {
    let e = text.indexOf('\n', pos);
    if (e < 0) e = text.length;
    const s = trimStart(text, pos, e);
    const t = text.slice(s, trimEnd(text, s, e));
    if (t.length > 0) return t.length > 40 ? '' : t;
    pos = e + 1;
  }
  return '';
}

function dateLine(raw: string): string | null {
  // 2023年1月10日（星期二）: the weekday after the date
  const line = raw.replace(/[\s\u3000]*[（(](?:星期|周)[一二三四五六日天][）)]$/, '');
  if (line.length === 0 || line.length > MAX_DATE_LINE) return null;
  // Cheap filter: every date form ends in 日 or a digit (a time or a dotted date).
  const last = line.charCodeAt(line.length - 1);
  if (last !== 0x65e5 && !(last >= 0x30 && last <= 0x39) && !(last >= 0xff10 && last <= 0xff19)) return null;
  return parseChineseDate(line) ?? unpaddedDigits(line);
}

/**
 * `2021521`: a date whose 年/月/日 the page lost and whose month or day has one digit. Read only when one
 * split of the digits after the year is a real date (2021521 → 2021-05-21; 2021111 could be 1-11 or 11-1).
 */
function unpaddedDigits(line: string): string | null {
  if (!/^(?:19|20)[0-9]{4,5}$/.test(line)) return null;
  const year = Number(line.slice(0, 4));
  const rest = line.slice(4);
  const readings = new Set<string>();
  for (let cut = 1; cut < rest.length; cut++) {
    const month = rest.slice(0, cut);
    const day = rest.slice(cut);
    if (month.length > 2 || day.length > 2) continue;
    const iso = fromParts(year, Number(month), Number(day));
    if (iso) readings.add(iso);
  }
  return readings.size === 1 ? [...readings][0] : null;
}

/** Agencies printed on the lines just above `lines[index]`, top to bottom. */
function signatureAbove(lines: Line[], index: number): string[] {
  const names: string[] = [];
  for (let k = index - 1; k >= 0 && index - k <= MAX_SIGNATURE_LINES; k--) {
    const t = lines[k].text.replace(SEAL_NOTE, '');
    // （盖章）, （印章）: the seal's place between the 署名 and the date
    if (SEAL_LINE.test(lines[k].text) && names.length === 0) continue;
    if (!isOrgName(t)) break;
    // Joint 署名 printed on one line: `某某市财政局 某某市税务局`.
    const parts = /[\s\u3000]/.test(t) ? splitAgencies(t) : [t];
    names.unshift(...(parts.every(isOrgName) ? parts : [t]));
  }
  return names;
}

/** `…。中共北京市委2020年1月29日`: the organisation and date after the line's last sentence. */
function gluedSignature(line: string): Closing | null {
  if (/(?:印发|发布|公布|制发)$/.test(line)) return null;
  const cut = Math.max(line.lastIndexOf('。'), line.lastIndexOf('！'), line.lastIndexOf('；'), line.lastIndexOf('？'));
  const tail = line.slice(cut + 1);
  if (tail.length > 80) return null;
  const date = cnDateAtEnd(tail);
  if (!date) return null;
  const org = tail.slice(0, date.start).trim().replace(SEAL_NOTE, '');
  if (org.length === 0) return { date: date.iso, issuers: [] };
  return isOrgName(org) ? { date: date.iso, issuers: [org] } : null;
}

/**
 * Read the closing block of `text`. First the last date-only line (or 署名+date line) among the final
 * lines; failing that, the first date-only line anywhere that follows an agency or signer line (a 印发
 * notice's cover letter signs off before the attached 方案; a 令 is signed before the rules it
 * promulgates). Linear, and it only slices the lines it looks at.
 */
export function readClosing(text: string): Closing {
  const tail = lastLines(text, TAIL_LINES * 4 + MAX_SIGNATURE_LINES);
  let seen = 0;
  for (let i = tail.length - 1; i >= 0 && seen < TAIL_LINES; i--) {
    const t = tail[i].text;
    if (t.length === 0) continue;
    seen++;
    const iso = dateLine(t);
    if (iso) return { date: iso, issuers: signatureAbove(tail, i) };
    const glued = gluedSignature(t);
    if (glued) return glued;
  }
  // Forward scan for a signed date-only line, keeping the previous line's bounds.
  let prevStart = -1;
  let prevEnd = -1;
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const s = trimStart(text, pos, end);
    const e = trimEnd(text, s, end);
    if (e - s <= MAX_DATE_LINE && prevStart >= 0) {
      const iso = dateLine(text.slice(s, e));
      if (iso) {
        const prev = text.slice(prevStart, prevEnd);
        if (isOrgName(prev)) {
          const above = lastLines(text, MAX_SIGNATURE_LINES, pos > 0 ? pos - 1 : 0);
          return { date: iso, issuers: signatureAbove(above, above.length) };
        }
        if (SIGNER.test(prev) || CLOSING_SENTENCE.test(prev) || PUBLICATION_NOTE.test(nextLine(text, end)))
          return { date: iso, issuers: [] };
      }
    }
    if (e > s) {
      prevStart = s;
      prevEnd = e;
    }
    pos = end + 1;
  }
  return { date: null, issuers: [] };
}

/**
 * A 印发 or 转发 notice's cover letter: `…现印发给你们，请认真贯彻执行。` and right under it the 署名 and
 * 成文日期 of the notice itself. The attachment printed after it may be signed and dated by the agency that drafted
 * it, which is not the notice's issuer. Null when the text has no such cover letter or nothing signs it.
 */
export function readCoverClosing(text: string): Closing | null {
  const lines = splitLines(text.length > 20_000 ? text.slice(0, 20_000) : text, COVER_LINES).filter(
    (l) => l.text.length > 0,
  );
  const at = lines.findIndex((l) => COVER_SENTENCE.test(l.text));
  if (at < 0) return null;
  for (let k = at + 1; k < Math.min(lines.length, at + 2 + MAX_SIGNATURE_LINES); k++) {
    const t = lines[k].text;
    const iso = dateLine(t);
    if (iso) return { date: iso, issuers: signatureAbove(lines, k) };
    const glued = gluedSignature(t);
    if (glued && glued.issuers.length > 0) return glued;
    if (!isOrgName(t.replace(SEAL_NOTE, '')) && !SEAL_LINE.test(t)) return null;
  }
  return null;
}

/** Lines of the text a cover letter is looked for in. */
const COVER_LINES = 60;
/** The cover letter's last sentence: the document it issues is given to its addressees. */
const COVER_SENTENCE = /(?:印发|转发|批转|发)给你们[^。\n]{0,40}[。！]$|现予印发[^。\n]{0,20}[。！]$/;
