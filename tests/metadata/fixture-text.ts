/**
 * Test helpers: read the seeds and pages of tests/fixtures, and turn a page's body HTML into normalised text by crude
 * tag stripping (block ends and <br> become line breaks). The lead's integration tests use the real
 * extractor; these helpers only have to give the metadata readers the text an adapter would give them.
 */
import { normaliseText } from '../../lib/text/normalise';
import { readSource, seedSource } from '../support/fixtures';

/** The normalised text of a seed notice (`000` → the case seed-000). */
export function seedText(prefix: string): string {
  return normaliseText(seedSource(prefix)).text;
}

const ENTITIES: Record<string, string> = {
  nbsp: '\u00a0',
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  ldquo: '“',
  rdquo: '”',
  mdash: '—',
  hellip: '…',
};

/** Crude HTML → text: drop scripts, styles and comments; block ends and <br> become '\n'; decode a few entities. */
export function stripTags(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/<style[\s\S]*?<\/style>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(?:br|\/p|\/div|\/tr|\/h[1-6]|\/li|\/td)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(nbsp|lt|gt|amp|quot|ldquo|rdquo|mdash|hellip);/g, (_, e: string) => ENTITIES[e])
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)));
}

/** The normalised text of the HTML between two markers of a test page (the body container). */
export function fixtureBody(file: string, startMarker: string, endMarker: string): string {
  const html = readSource(file);
  const s = html.indexOf(startMarker);
  if (s < 0) throw new Error(`${file}: start marker not found`);
  const e = html.indexOf(endMarker, s + startMarker.length);
  if (e < 0) throw new Error(`${file}: end marker not found`);
  return normaliseText(stripTags(html.slice(s + startMarker.length, e))).text;
}
