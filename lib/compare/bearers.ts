/**
 * Obligations of several notices side by side: who must do what in each. Groups the analyser's clauses by
 * bearer and category so the view can show, say, every 各级党组织 obligation of each notice in one row.
 */
import { OBLIGATION_CATEGORIES, type Clause } from '../types';
import { foldWidth } from '../text/normalise';
import type { BearerGroup } from './types';

/** The bearer as a grouping key: width-folded, spaces removed (`各级党委( 党组)` = `各级党委（党组）`). */
export function bearerKey(text: string): string {
  return foldWidth(text).replace(/\s+/g, '');
}

/**
 * Groups of clauses with the same bearer and category. Groups found in more documents come first, then
 * those with more clauses, then by bearer and category order, so the shared duties lead the view.
 */
export function groupObligationsByBearer(docs: Array<Clause[] | undefined>): BearerGroup[] {
  const groups = new Map<string, BearerGroup>();
  docs.forEach((clauses, d) => {
    (clauses ?? []).forEach((clause, index) => {
      const bearer = clause.bearer ? bearerKey(clause.bearer.text) : '';
      const id = `${bearer}\u0000${clause.category}`;
      let group = groups.get(id);
      if (!group) {
        group = { bearer, category: clause.category, perDoc: docs.map(() => []) };
        groups.set(id, group);
      }
      group.perDoc[d].push(index);
    });
  });
  const docCount = (g: BearerGroup) => g.perDoc.filter((l) => l.length > 0).length;
  const clauseCount = (g: BearerGroup) => g.perDoc.reduce((n, l) => n + l.length, 0);
  const categoryRank = (c: string) => {
    const r = OBLIGATION_CATEGORIES.indexOf(c as (typeof OBLIGATION_CATEGORIES)[number]);
    return r < 0 ? OBLIGATION_CATEGORIES.length : r;
  };
  return [...groups.values()].sort(
    (x, y) =>
      docCount(y) - docCount(x) ||
      clauseCount(y) - clauseCount(x) ||
      (x.bearer < y.bearer ? -1 : x.bearer > y.bearer ? 1 : 0) ||
      categoryRank(x.category) - categoryRank(y.category),
  );
}
