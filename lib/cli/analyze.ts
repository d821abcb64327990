/**
 * Command-line analyser: `npm run analyze -- [--url URL] FILE...`
 *
 * Reads .html/.htm pages, .txt texts (pkulaw TXT exports, plain notices) and pkulaw app-API .json records and
 * prints one JSON object per file, one per line. A file that cannot be read or parsed prints
 * `{"file": ..., "error": ...}` and the others still run; the exit code is non-zero only for bad usage.
 * This file and `read-file.ts` are the only Node-specific code under lib/.
 */
import { parseHTML } from 'linkedom';
import { analyseDocument, analysePkulawRecord, analyseText } from '../analyse';
import '../extract/bundled-readability';
import type { NoticeAnalysis } from '../types';
import { readTextFile } from './read-file';

const USAGE =
  'usage: npm run analyze -- [--url URL] FILE...\n  FILE: .html/.htm page, .txt text, pkulaw API .json record';

export function parseHtmlDocument(html: string): Document {
  return parseHTML(html).document;
}

/** The analyser's output shape, field names exactly as documented in the README. */
export function toCliRecord(file: string, a: NoticeAnalysis) {
  return {
    file,
    isNotice: a.isNotice,
    confidence: round(a.confidence),
    site: a.site,
    metadata: {
      title: a.metadata.title,
      docType: a.metadata.docType,
      docNumber: a.metadata.docNumber,
      issuers: a.metadata.issuers,
      addressees: a.metadata.addressees,
      signedDate: a.metadata.signedDate,
      publishedDate: a.metadata.publishedDate,
      effectiveDate: a.metadata.effectiveDate,
      validity: a.metadata.validity,
      level: a.metadata.level,
      citationCode: a.metadata.citationCode,
      url: a.metadata.url,
    },
    text: a.text,
    outline: a.outline.map((o) => ({ level: o.level, label: o.label, title: o.title, start: o.start })),
    obligations: a.obligations.map((c) => ({
      category: c.category,
      categories: c.categories,
      strength: c.strength,
      start: c.start,
      end: c.end,
      text: c.text,
      trigger: c.trigger,
      bearer: c.bearer ? c.bearer.text : null,
      deadline: c.deadline ? c.deadline.text : null,
      quoted: c.quoted,
      score: round(c.score),
      location: c.location ?? null,
      bearerSource: c.bearer ? c.bearer.source : null,
      deadlines: (c.deadlines ?? (c.deadline ? [c.deadline] : [])).map((d) => d.text),
    })),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Analyse one file's content by its extension. Never throws: errors come back as `{ error }`. */
export function analyseFileContent(file: string, content: string, url: string | null) {
  try {
    const lower = file.toLowerCase();
    if (lower.endsWith('.json')) {
      let json: unknown;
      try {
        json = JSON.parse(content);
      } catch (e) {
        return { file, error: `not valid JSON: ${(e as Error).message}` };
      }
      const result = analysePkulawRecord(json, parseHtmlDocument, url);
      return result.ok ? toCliRecord(file, result.value) : { file, error: result.error };
    }
    if (lower.endsWith('.html') || lower.endsWith('.htm') || lower.endsWith('.xhtml')) {
      return toCliRecord(file, analyseDocument(parseHtmlDocument(content), url).analysis);
    }
    return toCliRecord(file, analyseText(content, url));
  } catch (e) {
    return { file, error: `analysis failed: ${(e as Error).message}` };
  }
}

export async function main(argv: string[]): Promise<number> {
  let url: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--url') {
      const value = argv[++i];
      if (!value) {
        process.stderr.write(`--url needs a value\n${USAGE}\n`);
        return 2;
      }
      url = value;
    } else if (arg.startsWith('--url=')) {
      url = arg.slice(6);
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (arg.startsWith('--')) {
      process.stderr.write(`unknown option ${arg}\n${USAGE}\n`);
      return 2;
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  for (const file of files) {
    const read = await readTextFile(file);
    const record = 'error' in read ? { file, error: read.error } : analyseFileContent(file, read.text, url);
    process.stdout.write(`${JSON.stringify(record)}\n`);
  }
  return 0;
}

const invokedDirectly = process.argv[1] && /analyze\.[cm]?[tj]s$/.test(process.argv[1]);
if (invokedDirectly) {
  // Set the exit code and let Node exit on its own: process.exit() could cut off output still in a pipe.
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${(e as Error).stack ?? e}\n`);
      process.exitCode = 1;
    },
  );
}
