/**
 * Source text for generated notices: the seed notices and positive pages of tests/fixtures, else (when none
 * is found) the bundled demo notice and a generated regulation.
 */

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allCases, readSource } from '../tests/support/fixtures';
import { generateRegulation } from '../tests/support/generate';

const HERE = dirname(fileURLToPath(import.meta.url));

export function corpusText(): string {
  const parts: string[] = [];
  // Seeds first, then the positive pages, as the benchmark's figures were first measured.
  const cases = allCases().filter((c) => c.expected.kind.startsWith('seed') || c.expected.kind === 'positive');
  cases.sort((a, b) => Number(b.name.startsWith('seed-')) - Number(a.name.startsWith('seed-')));
  for (const c of cases) {
    parts.push(
      readSource(c)
        .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, '')
        .replace(/<[^>]+>/g, '\n')
        .replace(/&[a-z]+;/g, ''),
    );
  }
  if (parts.length === 0) {
    parts.push(readFileSync(resolve(HERE, '../demo/notice.html'), 'utf8').replace(/<[^>]+>/g, '\n'));
    parts.push(generateRegulation(20_000));
  }
  return parts.join('\n');
}
