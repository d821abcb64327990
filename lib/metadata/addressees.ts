/**
 * 主送机关: the flush-left line ending in `：` that lists who the notice is addressed to
 * (`各省、自治区、直辖市人民政府，国务院各部委、各直属机构：`).
 */
import type { Line } from './lines';
import { isOrgName } from './organisations';
import { isKnownLabel } from './labels';
import { matchHeading } from './outline';

const SCAN_LINES = 15;
const MAX_LINE = 300;
const MAX_GROUP = 60;

/** `label：` lines of a metadata block or a 版记 that end in a colon and name a unit (联系单位：, 抄送：). */
const NOT_ADDRESSEE_LINE = /^(?:抄送|附件|联系|承办|来源|印发|主办|协办|发文|发布|制定|批准)/;

const OPENERS = '(（[［【〔《“‘';
const CLOSERS = ')）]］】〕》”’';

/**
 * Split a 主送 list into addressee groups at top-level ，/,/；/; (never inside brackets or quotes). A 、 joins
 * parts of one group (`各省、自治区、直辖市人民政府`) and is kept. A trailing ：/: is dropped.
 */
export function splitAddressees(line: string): string[] {
  const s = line.replace(/[：:\s\u3000]+$/, '');
  const groups: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i <= s.length; i++) {
    const ch = i < s.length ? s[i] : '，';
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === '，' || ch === ',' || ch === '；' || ch === ';')) {
      const g = s.slice(from, i).trim();
      if (g) groups.push(g);
      from = i + 1;
    }
  }
  return groups;
}

/** The last 、-part of a group (`各省、自治区、直辖市人民政府` → `直辖市人民政府`), for the organisation test. */
function lastPart(group: string): string {
  const k = group.lastIndexOf('、');
  return k >= 0 ? group.slice(k + 1) : group;
}

/** Do these groups read as a list of addressees? Every group short, and at least half of them organisations. */
export function looksLikeAddressees(groups: string[]): boolean {
  if (groups.length === 0) return false;
  let orgs = 0;
  for (const g of groups) {
    if (g.length > MAX_GROUP) return false;
    if (isOrgName(g) || isOrgName(lastPart(g))) orgs++;
  }
  return orgs * 2 >= groups.length && orgs > 0;
}

/** Is this line a 主送 line (`各区县人民政府，市政府各部门：`): a colon line whose groups read as addressees? */
export function isAddresseeLine(line: string): boolean {
  if (line.length === 0 || line.length > MAX_LINE || /[。！？!?]/.test(line)) return false;
  if (!/[：:]$/.test(line) || NOT_ADDRESSEE_LINE.test(line) || isKnownLabel(line)) return false;
  return looksLikeAddressees(splitAddressees(line));
}

/**
 * The 主送 groups from the first 15 lines (stopping at the first heading): a line ending in ：/: without
 * sentence punctuation whose groups read as organisations, or a `主送：…`/`主送机关：…` line. [] if none.
 */
export function findAddressees(lines: Line[]): string[] {
  const limit = Math.min(lines.length, SCAN_LINES);
  for (let i = 0; i < limit; i++) {
    const line = lines[i].text;
    if (line.length === 0) continue;
    if (matchHeading(line)) break;
    if (line.length > MAX_LINE || /[。！？!?]/.test(line)) continue;
    const labelled = /^主送(?:机关)?[：:]\s*(.+)$/.exec(line);
    if (labelled) {
      const groups = splitAddressees(labelled[1].replace(/[。.]$/, ''));
      if (looksLikeAddressees(groups)) return groups;
      continue;
    }
    if (!/[：:]$/.test(line) || NOT_ADDRESSEE_LINE.test(line) || isKnownLabel(line)) continue;
    const groups = splitAddressees(line);
    if (looksLikeAddressees(groups)) return groups;
  }
  return [];
}
