/**
 * Test helpers: read shared seeds and fixtures, and turn a fixture's body HTML into normalised text by crude
 * tag stripping (block ends and <br> become line breaks). The lead's integration tests use the real
 * extractor; these helpers only have to give the metadata readers the text an adapter would give them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { normaliseText } from '../../lib/text/normalise';

export const SHARED = path.resolve(__dirname, '../../../shared');

export function readShared(rel: string): string {
  return fs.readFileSync(path.join(SHARED, rel), 'utf8');
}

/** The normalised text of a seed notice (`000` → seeds/000_….txt). */
export function seedText(prefix: string): string {
  const dir = path.join(SHARED, 'seeds');
  const name = fs.readdirSync(dir).find((f) => f.startsWith(prefix + '_'));
  if (!name) throw new Error(`no seed ${prefix}`);
  return normaliseText(fs.readFileSync(path.join(dir, name), 'utf8')).text;
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

/** The normalised text of the HTML between two markers of a fixture (the body container). */
export function fixtureBody(file: string, startMarker: string, endMarker: string): string {
  const html = readShared(path.join('fixtures', file));
  const s = html.indexOf(startMarker);
  if (s < 0) throw new Error(`${file}: start marker not found`);
  const e = html.indexOf(endMarker, s + startMarker.length);
  if (e < 0) throw new Error(`${file}: end marker not found`);
  return normaliseText(stripTags(html.slice(s + startMarker.length, e))).text;
}
