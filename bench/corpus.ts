/**
 * Source text for generated notices: the seeds and positive fixtures in ../shared when present, else the
 * bundled demo notice and a generated regulation.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRegulation } from './generate';

const HERE = dirname(fileURLToPath(import.meta.url));

export function corpusText(): string {
  const shared = resolve(HERE, '../../shared');
  const parts: string[] = [];
  for (const dir of ['seeds', 'fixtures']) {
    const d = resolve(shared, dir);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d)) {
      if (dir === 'fixtures' && !f.startsWith('pos-')) continue;
      parts.push(
        readFileSync(resolve(d, f), 'utf8')
          .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, '')
          .replace(/<[^>]+>/g, '\n')
          .replace(/&[a-z]+;/g, ''),
      );
    }
  }
  if (parts.length === 0) {
    parts.push(readFileSync(resolve(HERE, '../demo/notice.html'), 'utf8').replace(/<[^>]+>/g, '\n'));
    parts.push(generateRegulation(20_000));
  }
  return parts.join('\n');
}
