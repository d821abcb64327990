/**
 * Command-line comparison: `npm run compare -- FILE FILE...`
 *
 * Reads each file as `npm run analyze` does (.html/.htm pages, .txt texts, pkulaw API .json records),
 * compares the analysed texts and prints ONE JSON object:
 *
 *   {"documents": [{"file", "title"} | {"file", "title": null, "error"}],
 *    "pairs": [{"a", "b", "similarity", "passages": [{"kind", "aStart", "aEnd", "bStart", "bEnd", "aText", "bText"}]}]}
 *
 * - `documents` is in argument order and `a`/`b` are indexes into it, so positions stay stable whatever fails.
 * - A file that cannot be read or analysed keeps its place in `documents` with an `error` and takes part in
 *   no pair; the other files are still compared. Like `npm run analyze`, the exit code is then still 0.
 * - Offsets are UTF-16 code units into each document's analysed `text`, exactly as `npm run analyze` prints
 *   it: `text.slice(aStart, aEnd) === aText`. Similarity is rounded to 4 decimals.
 * - Fewer than two files, or an unknown option: usage on stderr, exit code 2.
 */
import { compareNotices, type Passage } from '../compare';
import { analyseFileContent } from './analyze';
import { readTextFile } from './read-file';

const USAGE =
  'usage: npm run compare -- FILE FILE...\n  FILE: .html/.htm page, .txt text, pkulaw API .json record (two or more)';

export interface CompareCliDocument {
  file: string;
  title: string | null;
  error?: string;
}

/** Passages as the compare engine gives them: offsets into each document's analysed text. */
export type CompareCliPassage = Passage;

export interface CompareCliPair {
  a: number;
  b: number;
  similarity: number;
  passages: CompareCliPassage[];
}

export interface CompareCliOutput {
  documents: CompareCliDocument[];
  pairs: CompareCliPair[];
}

/** What the comparison needs of one file: its analysed text and title, or why there is none. */
async function loadDocument(file: string): Promise<{ title: string | null; text: string } | { error: string }> {
  const read = await readTextFile(file);
  if ('error' in read) return { error: read.error };
  const record = analyseFileContent(file, read.text, null);
  if ('error' in record) return { error: record.error };
  return { title: record.metadata.title, text: record.text };
}

/** Analyse and compare `files`; never throws for a bad file (it gets an `error` entry instead). */
export async function compareFiles(files: string[]): Promise<CompareCliOutput> {
  const loaded = await Promise.all(files.map(loadDocument));
  const documents: CompareCliDocument[] = files.map((file, k) => {
    const doc = loaded[k];
    return 'error' in doc ? { file, title: null, error: doc.error } : { file, title: doc.title };
  });
  // Compare the readable documents, then map their positions back to argument positions.
  const positions: number[] = [];
  const inputs: Array<{ title: string | null; text: string }> = [];
  loaded.forEach((doc, k) => {
    if ('error' in doc) return;
    positions.push(k);
    inputs.push(doc);
  });
  const comparison = compareNotices(inputs);
  const pairs: CompareCliPair[] = comparison.pairs.map((p) => ({
    a: positions[p.a],
    b: positions[p.b],
    similarity: Math.round(p.similarity * 10_000) / 10_000,
    passages: p.passages.map((q) => ({
      kind: q.kind,
      aStart: q.aStart,
      aEnd: q.aEnd,
      bStart: q.bStart,
      bEnd: q.bEnd,
      aText: q.aText,
      bText: q.bText,
    })),
  }));
  return { documents, pairs };
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const files: string[] = [];
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') {
      out(`${USAGE}\n`);
      return 0;
    }
    if (arg.startsWith('--')) {
      process.stderr.write(`unknown option ${arg}\n${USAGE}\n`);
      return 2;
    }
    files.push(arg);
  }
  if (files.length < 2) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  out(`${JSON.stringify(await compareFiles(files))}\n`);
  return 0;
}

const invokedDirectly = process.argv[1] && /compare\.[cm]?[tj]s$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`${(e as Error).stack ?? e}\n`);
      process.exit(1);
    },
  );
}
