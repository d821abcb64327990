import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import type { ExtractedPage } from '../../lib/types';
import { lineariseDom } from '../../lib/text/dom-text';
import { normaliseText } from '../../lib/text/normalise';
import { readSource } from '../support/fixtures';

/** A test case's source file, by the name it was supplied under (`pos-01-….html`) or its folder name. */
export function readFixture(name: string): string {
  return readSource(name);
}

export function parse(html: string): Document {
  return parseHTML(html).document;
}

export function loadFixture(name: string): Document {
  return parse(readFixture(name));
}

export function loadLocal(name: string): Document {
  return parse(readFileSync(resolve(__dirname, name), 'utf8'));
}

/** The page's body text as the engine reads it: every root linearised with the skip predicate, normalised. */
export function bodyText(page: ExtractedPage): string {
  const raw = page.roots.map((r) => lineariseDom(r, { skip: page.skip }).text).join('\n');
  return normaliseText(raw).text;
}

export function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}
