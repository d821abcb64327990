/**
 * Bearer names written two ways: a name defined with （以下简称Y） and Y group as one bearer. Kept apart from the
 * bearer finder so the page's clause list can group bearers without carrying the lexicon.
 */
import { foldWidth } from '../text/normalise';

/** Alias notes that define a short name: X（以下简称Y）, X（以下统称Y）, X（以下称Y）. */
const ALIAS_NOTE = /[(（]以下(?:简称|统称|称)[“"「]?([^()（）“”"「」]{1,20})[”"」]?[)）]/g;
/** Text before an alias note that is not part of the name: punctuation, an article label, 由/会同/委托. */
const NAME_BOUNDARY = /[\s。；;：:，,！？!?]|第[一二三四五六七八九十百零〇\d]+条|由|会同|委托/g;

/**
 * The alias table of a text, built once: each name defined with （以下简称Y） and Y itself map to Y, so that
 * bearers written either way group together. Keys and values are compared with whitespace removed and
 * widths folded.
 */
export function buildAliasTable(text: string): Map<string, string> {
  const table = new Map<string, string>();
  for (const m of text.matchAll(ALIAS_NOTE)) {
    const alias = normaliseName(m[1]);
    if (!alias) continue;
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    let start = 0;
    for (const b of before.matchAll(NAME_BOUNDARY)) start = b.index + b[0].length;
    const full = normaliseName(before.slice(start));
    table.set(alias, alias);
    if (full && full !== alias) table.set(full, alias);
  }
  return table;
}

function normaliseName(s: string): string {
  return foldWidth(s).replace(/\s+/g, '');
}

/**
 * A key under which one bearer's mentions group: the short form when the name or its alias is in the
 * table from `buildAliasTable`, else the name itself (whitespace removed, widths folded). The clause keeps
 * its own form for display; only grouping uses the key.
 */
export function bearerKey(name: string, aliases: ReadonlyMap<string, string> = new Map()): string {
  let n = normaliseName(name);
  // a bearer reported with its own alias note: 质检总局 for 国家质量监督检验检疫总局（以下简称质检总局）
  const note = /\(以下(?:简称|统称|称)["「]?([^()"「」]{1,20})["」]?\)$/.exec(n);
  if (note) return aliases.get(note[1]) ?? note[1];
  n = n.replace(/^(?:该|本|其)(?=.{2,})/, (p) => (aliases.has(n.slice(p.length)) ? '' : p));
  return aliases.get(n) ?? n;
}
