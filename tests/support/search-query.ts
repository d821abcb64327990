/**
 * Query helpers for tests, built on the search's own parsing and matching (lib/search/terms).
 */
import { Haystack, parseQuery, type ParsedQuery } from '../../lib/search/terms';

/**
 * The terms a query looks up, the same way documents are indexed: bigrams of Han runs and lower-case Latin
 * words, plus each 1-character Han run (a prefix lookup), each once.
 */
export function queryTerms(query: string): string[] {
  const out = new Set<string>();
  for (const p of parseQuery(query).phrases) for (const t of [...p.exact, ...p.prefixes]) out.add(t);
  return [...out];
}

/** True when every phrase of the query occurs in the (raw) text. */
export function matchesQuery(text: string, query: ParsedQuery | string): boolean {
  const q = typeof query === 'string' ? parseQuery(query) : query;
  if (q.phrases.length === 0) return false;
  const hay = new Haystack(text);
  return q.phrases.every((p) => hay.has(p));
}
