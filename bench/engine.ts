/**
 * Engine benchmark (Node, linkedom): the whole analysis of generated regulation pages of 5,000 to 300,000
 * characters, each stage alone, and Readability.parse on the same page for comparison.
 * Run: npm run bench:engine   (RUNS=… for the number of timed runs, default 15)
 */
import { Readability } from '@mozilla/readability';
import { analyseDocument, lineariseRoots } from '../lib/analyse';
import { parseHtmlDocument } from '../lib/cli/analyze';
import { extractPage } from '../lib/extract';
import '../lib/extract/bundled-readability';
import { readMetadata, readOutline } from '../lib/metadata';
import { findObligations } from '../lib/obligations';
import { normaliseText } from '../lib/text/normalise';
import { regulationPage } from '../tests/support/generate';
import { fmt, measure, round, type Timing } from './stats';

export interface EngineFigures {
  size: number;
  chars: number;
  clauses: number;
  whole: Timing;
  extract: Timing;
  normalise: Timing;
  metadata: Timing;
  obligations: Timing;
  /** Readability.parse alone: (parse + Readability) − parse, medians. */
  readabilityParse: number;
  wholeOverReadability: number;
}

const URL = 'https://www.gov.cn/zhengce/zhengceku/202405/content_1.htm';

export function benchEngine(sizes = [5_000, 30_000, 100_000, 300_000], runs = 15): EngineFigures[] {
  const out: EngineFigures[] = [];
  for (const size of sizes) {
    const html = regulationPage(size);
    const doc = parseHtmlDocument(html);
    const result = analyseDocument(doc, URL);
    const text = result.analysis.text;
    const whole = measure(runs, () => analyseDocument(doc, URL));
    const extract = measure(runs, () => lineariseRoots(extractPage(doc, URL)));
    const raw = lineariseRoots(extractPage(doc, null)).text;
    const normalise = measure(runs, () => normaliseText(raw));
    const metadata = measure(runs, () => {
      readMetadata({ text, labelled: {}, title: null, url: null });
      readOutline(text);
    });
    const obligations = measure(runs, () => findObligations(text, { addressees: result.analysis.metadata.addressees }));
    // Readability mutates the document it parses: give it a fresh parse each run, and time the parse alone too.
    const parseOnly = measure(runs, () => parseHtmlDocument(html));
    const withParse = measure(runs, () => new Readability(parseHtmlDocument(html)).parse());
    const readabilityParse = round(Math.max(withParse.median - parseOnly.median, 0.01));
    out.push({
      size,
      chars: text.length,
      clauses: result.analysis.obligations.length,
      whole,
      extract,
      normalise,
      metadata,
      obligations,
      readabilityParse,
      wholeOverReadability: round(whole.median / readabilityParse),
    });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of benchEngine(undefined, Number(process.env.RUNS ?? 15))) {
    console.log(`\n${f.size.toLocaleString('en')} characters (text ${f.chars}, ${f.clauses} obligation clauses)`);
    console.log(`  whole analysis        ${fmt(f.whole)}`);
    console.log(`    extract + linearise ${fmt(f.extract)}`);
    console.log(`    normalise           ${fmt(f.normalise)}`);
    console.log(`    metadata + outline  ${fmt(f.metadata)}`);
    console.log(`    obligations         ${fmt(f.obligations)}`);
    console.log(`  Readability.parse     median ${f.readabilityParse} ms`);
    console.log(`  ratio analysis / Readability.parse = ${f.wholeOverReadability}`);
  }
}
