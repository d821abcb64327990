/**
 * 施行日期 stated in the text: `本办法自2014年8月1日起施行`, `…现予公布，自2014年8月1日起施行`,
 * `本法自公布之日起施行`.
 *
 * Conservative on purpose: only a sentence about the document itself counts (`本办法/本通知/本法…` or a
 * 令's `现予公布/现予发布/现予印发`), so a quoted `《某条例》自2020年1月1日起施行` is not taken. `自发布之日` /
 * `自公布之日` resolve only when the published date is known; `自印发之日` is left unresolved (the 印发 date
 * is not printed as such: the 成文日期 is close but not the same fact).
 */
import { parseChineseDate } from './dates';

const START_CLAUSE = /自[ \t\u3000]*([^，,。；;\n自]{1,24}?)[ \t\u3000]*起[ \t\u3000]*(?:施行|实施|执行|生效|试行)/g;

/** The sentence is about this document: 本 + a 文种-like word, or a 令's promulgation formula. */
const ABOUT_ITSELF =
  /本[\u4e00-\u9fff]{0,10}?(?:办法|规定|条例|细则|规则|法|决定|通知|意见|方案|公告|通告|制度|措施|解释|标准|规范|准则|令|规划|目录|清单|指引|要点|守则|纲要)|现予(?:公布|发布|印发|施行)|予以(?:公布|发布)/;

/** How far back from `自` to look for the sentence's subject. */
const LOOK_BACK = 120;

/** ISO effective date stated in `text`, or null. `publishedDate` resolves `自发布/公布之日起施行`. */
export function findEffectiveDate(text: string, publishedDate: string | null): string | null {
  const f = text; // the pattern accepts both widths: folding 2 MB would cost more than the scan
  START_CLAUSE.lastIndex = 0;
  for (let m = START_CLAUSE.exec(f); m; m = START_CLAUSE.exec(f)) {
    const from = Math.max(0, m.index - LOOK_BACK);
    let sentence = f.slice(from, m.index);
    const stop = Math.max(sentence.lastIndexOf('。'), sentence.lastIndexOf('\n'), sentence.lastIndexOf('；'));
    if (stop >= 0) sentence = sentence.slice(stop + 1);
    if (!ABOUT_ITSELF.test(sentence)) continue;
    const when = m[1].trim();
    const iso = parseChineseDate(when);
    if (iso) return iso;
    if (/^(?:发布|公布)之日$/.test(when)) return publishedDate;
    if (/之日$/.test(when)) return null; // 自印发之日, 自签发之日: stated, but not resolvable here
  }
  return null;
}
