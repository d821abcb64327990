/**
 * The labelled corpus: `tests/fixtures/corpus/<case>/` holds one real document (`source.txt`, `.html` or
 * `.json`, as published), `SOURCE.md` (where it came from) and `labels.json` (its genre, its part — `dev` for
 * development, `heldout` for measuring only —, whether it is a notice, its metadata and one record per scoring
 * unit, labelled by docs/labelling.md).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ObligationCategory } from '../../lib/types';

export const CORPUS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/corpus');

export type Category = ObligationCategory;

export interface GoldUnit {
  i: number;
  head: string;
  text: string;
  labels: Category[];
  strength: 'hard' | 'soft' | null;
  bearer: string | null;
  deadline: string | null;
  quoted: boolean;
  heading: boolean;
  note: string;
}

export interface GoldMetadata {
  title: string | null;
  docNumber: string | null;
  issuers: string[];
  signedDate: string | null;
}

export interface CorpusLabels {
  genre: string;
  split: 'dev' | 'heldout';
  notice: boolean;
  url: string | null;
  metadata: GoldMetadata;
  units: GoldUnit[];
}

export interface CorpusCase {
  name: string;
  dir: string;
  file: string;
  content: string;
  labels: CorpusLabels;
}

export function corpusSource(dir: string): { file: string; content: string } {
  const file = readdirSync(dir).find((f) => /^source\.(txt|html?|json)$/.test(f));
  if (!file) throw new Error(`${dir}: no source.txt, source.html or source.json`);
  return { file: join(dir, file), content: readFileSync(join(dir, file), 'utf8') };
}

export function loadCorpus(dir = CORPUS_DIR): CorpusCase[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'labels.json')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const caseDir = join(dir, name);
      const { file, content } = corpusSource(caseDir);
      const labels = JSON.parse(readFileSync(join(caseDir, 'labels.json'), 'utf8')) as CorpusLabels;
      return { name, dir: caseDir, file, content, labels };
    });
}
