/**
 * 文种: the kind of document a title names by its last words (GB/T 9704 标题 = 机关 + 关于 + 事由 + 的 + 文种).
 */

/**
 * Title endings and the 文种 they mean, longest first where one ends another (实施意见 before 意见,
 * 复函 before 函). Notes say where an entry comes from or why it maps as it does.
 */
export const DOC_TYPE_ENDINGS: readonly { ending: string; docType: string; note: string }[] = [
  { ending: '实施意见', docType: '实施意见', note: 'issued-document ending listed in notice-pages.md §6' },
  { ending: '指导意见', docType: '指导意见', note: 'issued-document ending' },
  { ending: '若干措施', docType: '若干措施', note: 'issued-document ending' },
  { ending: '会议纪要', docType: '纪要', note: '会议纪要 is the 2000 办法 name of 纪要' },
  { ending: '行动计划', docType: '计划', note: 'issued plan: 三年行动计划' },
  { ending: '工作计划', docType: '计划', note: 'issued plan' },
  { ending: '实施计划', docType: '计划', note: 'issued plan' },
  { ending: '工作要点', docType: '要点', note: 'a year’s tasks issued by an agency or party committee' },
  { ending: '纲要', docType: '纲要', note: 'issued plan: 规划纲要' },
  { ending: '准则', docType: '准则', note: 'party rules: 廉洁自律准则' },
  { ending: '章程', docType: '章程', note: 'rules of an organisation' },
  { ending: '守则', docType: '守则', note: 'rules of conduct' },
  { ending: '实施细则', docType: '细则', note: 'a 细则' },
  { ending: '复函', docType: '复函', note: 'reply letter, before 函' },
  { ending: '命令', docType: '命令', note: '15 文种: 命令（令）' },
  { ending: '决议', docType: '决议', note: '15 文种' },
  { ending: '决定', docType: '决定', note: '15 文种' },
  { ending: '公报', docType: '公报', note: '15 文种' },
  { ending: '公告', docType: '公告', note: '15 文种' },
  { ending: '通告', docType: '通告', note: '15 文种' },
  { ending: '意见', docType: '意见', note: '15 文种' },
  { ending: '通知', docType: '通知', note: '15 文种; also 紧急通知, 补充通知' },
  { ending: '通报', docType: '通报', note: '15 文种' },
  { ending: '报告', docType: '报告', note: '15 文种' },
  { ending: '请示', docType: '请示', note: '15 文种' },
  { ending: '批复', docType: '批复', note: '15 文种' },
  { ending: '议案', docType: '议案', note: '15 文种' },
  { ending: '纪要', docType: '纪要', note: '15 文种' },
  { ending: '指示', docType: '指示', note: '1996 党内 set' },
  { ending: '办法', docType: '办法', note: 'issued-document ending; before 法' },
  { ending: '规定', docType: '规定', note: 'issued-document ending (1996 党内 set)' },
  { ending: '条例', docType: '条例', note: 'issued-document ending' },
  { ending: '细则', docType: '细则', note: 'issued-document ending' },
  { ending: '规则', docType: '规则', note: 'issued-document ending' },
  { ending: '方案', docType: '方案', note: 'issued-document ending; also 实施方案, 工作方案' },
  { ending: '规划', docType: '规划', note: 'issued-document ending' },
  { ending: '制度', docType: '制度', note: 'issued-document ending' },
  { ending: '答复', docType: '答复', note: 'issued-document ending' },
  { ending: '函', docType: '函', note: '15 文种' },
  { ending: '令', docType: '令', note: '15 文种 命令（令）: `国家质量监督检验检疫总局令`, `中华人民共和国主席令`' },
  { ending: '法', docType: '法', note: 'a law: 中华人民共和国监察法; see NOT_LAW for 方法/做法…' },
];

/** Words ending in 法 that are not laws (办法 is matched before 法). */
const NOT_LAW = /(?:方|做|说|看|想|写|用|算|手|技|疗|语|书|司|魔|笔|章|兵|戏|加|减|乘|除|解|句|立|执|守|违|合|非)法$/;

/** A trailing group that is not part of the name: (2019修订), [失效], （试行）, （征求意见稿）, （国发〔2019〕5号）. */
const TRAILING_GROUP = /[(（[［【〔][^()（）[\]［］【】〔〕]{0,30}[)）\]］】〕]$/;

const TRAILING_NOISE = /[\s\u3000\u00a0。.．"”’』」]+$/;

/**
 * The 文种 at the end of a title, or null. `关于印发《…办法》的通知` → 通知; a title that ends in an embedded
 * name (`…联合印发《关于…的指导意见》`, `《中华人民共和国监察法》`) takes that name's 文种.
 * Trailing `(2019修订)`, `[失效]`, `（试行）` and the like are ignored.
 */
export function docTypeOfTitle(title: string): string | null {
  if (typeof title !== 'string') return null;
  return docTypeOf(title, 0);
}

function docTypeOf(title: string, depth: number): string | null {
  let t = title.length > 2000 ? title.slice(title.length - 2000) : title;
  for (let i = 0; i < 6; i++) {
    const before = t;
    t = t.replace(TRAILING_NOISE, '');
    t = t.replace(TRAILING_GROUP, '');
    if (t === before) break;
  }
  if (t.length === 0) return null;
  if (t.endsWith('》') && depth < 2) {
    const open = t.lastIndexOf('《');
    return open >= 0 ? docTypeOf(t.slice(open + 1, t.length - 1), depth + 1) : null;
  }
  for (const { ending, docType } of DOC_TYPE_ENDINGS) {
    if (!t.endsWith(ending)) continue;
    if (ending === '法' && (NOT_LAW.test(t) || t.length < 2)) return null;
    return docType;
  }
  return null;
}
