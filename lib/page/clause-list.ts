/**
 * The panel's clause list as data: clauses grouped by who must act (one group per bearer, its full name and
 * 以下简称 alias together), each with where its bearer came from, and the filters the analyst sets (bearer,
 * deadline, hard only; categories are the legend's switches). Pure: the panel renders it, the controller
 * steps through it with the keyboard, in the same order.
 */
import { bearerKey, buildAliasTable } from '../obligations/bearer-alias';
import type { Bearer, Clause, ObligationCategory } from '../types';

export type BearerSource = Bearer['source'];

export interface ClauseFilter {
  /** Only the clauses of this bearer group (its `key`); null for all. */
  bearer: string | null;
  /** Only clauses with a deadline. */
  deadline: boolean;
  /** Only hard clauses (应当, 必须, 不得…), not the hortatory ones (要, 切实…). */
  hardOnly: boolean;
}

export const NO_FILTER: ClauseFilter = { bearer: null, deadline: false, hardOnly: false };

export interface BearerGroup {
  /** What the group is filtered by: the bearer's key (`bearerKey`, the alias when the text defines one); null for no bearer. */
  key: string | null;
  /** The name shown: the longest spelling in the group (the full name rather than its alias). */
  bearer: string | null;
  /** Every spelling of the bearer in the group's clauses, the shown one first. */
  names: string[];
  items: Array<{ clause: Clause; index: number }>;
  /** How many of the group's clauses have each source. */
  sources: Record<BearerSource, number>;
  /** Notes for the group heading: some of its clauses take the bearer from the text before, or the addressee. */
  notes: Array<'bearerInherited' | 'bearerAddressee'>;
}

/**
 * A bearer that is no name but a piece of a sentence (clause punctuation inside, or longer than any agency's
 * name): listed with the clauses whose bearer is unknown rather than as a group of its own.
 */
export function isFragmentBearer(text: string): boolean {
  const t = text.trim();
  return t.length === 0 || t.length > 26 || /[，。；：！？,;:!?“”"]/.test(t);
}

/** The group a clause belongs to: its bearer's key, null for none (or a fragment). */
export function groupKey(clause: Clause, aliases?: ReadonlyMap<string, string>): string | null {
  const text = clause.bearer?.text;
  if (!text || isFragmentBearer(text)) return null;
  return bearerKey(text, aliases);
}

/** Clauses grouped by bearer, in order of first appearance; clauses with no bearer last. */
export function groupByBearer(clauses: readonly Clause[], aliases?: ReadonlyMap<string, string>): BearerGroup[] {
  const groups = new Map<string | null, BearerGroup>();
  clauses.forEach((clause, index) => {
    const key = groupKey(clause, aliases);
    let g = groups.get(key);
    if (!g) {
      g = { key, bearer: null, names: [], items: [], sources: { explicit: 0, inherited: 0, addressee: 0 }, notes: [] };
      groups.set(key, g);
    }
    g.items.push({ clause, index });
    if (key !== null && clause.bearer) {
      const name = clause.bearer.text.trim();
      if (!g.names.includes(name)) g.names.push(name);
      g.sources[clause.bearer.source]++;
    }
  });
  const out = [...groups.values()];
  for (const g of out) {
    g.names.sort((a, b) => b.length - a.length);
    g.bearer = g.names[0] ?? null;
    if (g.sources.inherited > 0) g.notes.push('bearerInherited');
    if (g.sources.addressee > 0) g.notes.push('bearerAddressee');
  }
  return [...out.filter((g) => g.key !== null), ...out.filter((g) => g.key === null)];
}

/** True when the clause passes the category switches and the filters. */
export function clausePasses(
  clause: Clause,
  hidden: ReadonlySet<ObligationCategory>,
  filter: ClauseFilter,
  aliases?: ReadonlyMap<string, string>,
): boolean {
  if (hidden.has(clause.category)) return false;
  if (filter.hardOnly && clause.strength !== 'hard') return false;
  if (filter.deadline && !clause.deadline) return false;
  if (filter.bearer !== null && groupKey(clause, aliases) !== filter.bearer) return false;
  return true;
}

/** The indexes of the clauses shown, in the order of the text (the order the keyboard steps in). */
export function shownClauses(
  clauses: readonly Clause[],
  hidden: ReadonlySet<ObligationCategory>,
  filter: ClauseFilter,
  aliases?: ReadonlyMap<string, string>,
): number[] {
  const out: number[] = [];
  clauses.forEach((c, i) => {
    if (clausePasses(c, hidden, filter, aliases)) out.push(i);
  });
  return out;
}

/**
 * The clause `step` places after (1) or before (-1) `current` among `shown`; from nothing, the first (or
 * last). Wraps around at either end; null when nothing is shown.
 */
export function stepClause(shown: readonly number[], current: number | null, step: 1 | -1): number | null {
  if (shown.length === 0) return null;
  if (current === null) return step === 1 ? shown[0] : shown[shown.length - 1];
  if (step === 1) return shown.find((i) => i > current) ?? shown[0];
  for (let k = shown.length - 1; k >= 0; k--) if (shown[k] < current) return shown[k];
  return shown[shown.length - 1];
}

let cached: { text: string; table: Map<string, string> } | null = null;

/** A list label before a name (一、 （二） 3. ①): part of the line, not of the name. */
const LEADING_LABEL = /^(?:[一二三四五六七八九十百]+、|[(（][一二三四五六七八九十百\d]+[)）]|\d+[.．、]|[①-⑳])/;

/**
 * The text's alias table (`buildAliasTable`), kept for the last text asked about. A name defined at the start
 * of a list item (一、市应急管理局（以下简称市应急局）) is also entered without its label.
 */
export function aliasesOf(text: string): Map<string, string> {
  if (cached?.text !== text) {
    const table = buildAliasTable(text);
    for (const [name, alias] of [...table]) {
      const bare = name.replace(LEADING_LABEL, '');
      if (bare !== name && bare.length >= 2 && !table.has(bare)) table.set(bare, alias);
    }
    cached = { text, table };
  }
  return cached.table;
}
