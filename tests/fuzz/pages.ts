/** Shared by the page fuzz tests: one HTML case through the engine, the anchoring and the checks. */
import { parseHtmlDocument } from '../../lib/cli/analyze';
import { type Rng, URLS } from './generate';
import { LARGE_MS, ORDINARY_MS, anchoringProblems, checkDocument, guarded } from './properties';

/** Parse, analyse (obligations forced for half the cases), and anchor a few spans on the result. */
export function htmlProblems(html: string, r: Rng, spans = 2, limitMs = ORDINARY_MS): string[] {
  const problems: string[] = [];
  const doc = guarded(problems, 'parseHtmlDocument', LARGE_MS, () => parseHtmlDocument(html));
  if (!doc) return problems;
  return domProblems(doc, r, spans, problems, limitMs);
}

export function domProblems(
  doc: Document,
  r: Rng,
  spans: number,
  problems: string[] = [],
  limitMs = ORDINARY_MS,
): string[] {
  const { problems: found, analysis } = checkDocument(doc, r.pick(URLS), r.chance(0.5), limitMs);
  problems.push(...found);
  if (analysis) problems.push(...anchoringProblems(r, analysis.text, analysis.outline, spans));
  return problems;
}
