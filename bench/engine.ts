/**
 * Engine benchmark (Node): the whole analysis of a generated 100,000-character regulation page, each stage
 * alone, and Readability.parse on the same page for comparison. Run: npm run bench:engine
 */
import { Readability } from '@mozilla/readability';
import { analyseDocument } from '../lib/analyse';
import '../lib/extract/bundled-readability';
import { parseHtmlDocument } from '../lib/cli/analyze';
import { extractPage } from '../lib/extract';
import { readMetadata, readOutline } from '../lib/metadata';
import { findObligations } from '../lib/obligations';
import { normaliseText } from '../lib/text/normalise';
import { lineariseRoots } from '../lib/analyse';
import { fmt, measure, round } from './stats';
import { regulationPage } from './generate';

const RUNS = Number(process.env.RUNS ?? 15);

for (const size of [5_000, 30_000, 100_000, 300_000]) {
  const html = regulationPage(size);
  const doc = parseHtmlDocument(html);
  const result = analyseDocument(doc, 'https://www.gov.cn/zhengce/zhengceku/202405/content_1.htm');
  const whole = measure(RUNS, () => analyseDocument(doc, 'https://www.gov.cn/zhengce/zhengceku/202405/content_1.htm'));
  const text = result.analysis.text;
  const extract = measure(RUNS, () => lineariseRoots(extractPage(doc, 'https://www.gov.cn/zhengce/zhengceku/202405/content_1.htm')));
  const raw = lineariseRoots(extractPage(doc, null)).text;
  const normalise = measure(RUNS, () => normaliseText(raw));
  const metadata = measure(RUNS, () => {
    readMetadata({ text, labelled: {}, title: null, url: null });
    readOutline(text);
  });
  const obligations = measure(RUNS, () => findObligations(text, { addressees: result.analysis.metadata.addressees }));
  // Readability mutates the document it parses: give it a fresh parse each run, and time the parse alone too.
  const parseOnly = measure(RUNS, () => parseHtmlDocument(html));
  const readabilityWithParse = measure(RUNS, () => new Readability(parseHtmlDocument(html)).parse());
  const readability = round(readabilityWithParse.median - parseOnly.median);
  console.log(`\n${size.toLocaleString('en')} characters (text ${text.length}, ${result.analysis.obligations.length} obligation clauses, notice: ${result.analysis.isNotice})`);
  console.log(`  whole analysis        ${fmt(whole)}`);
  console.log(`    extract + linearise ${fmt(extract)}`);
  console.log(`    normalise           ${fmt(normalise)}`);
  console.log(`    metadata + outline  ${fmt(metadata)}`);
  console.log(`    obligations         ${fmt(obligations)}`);
  console.log(`  Readability.parse     median ${readability} ms (parse+Readability ${readabilityWithParse.median} − parse ${parseOnly.median})`);
  console.log(`  ratio analysis / Readability.parse = ${round(whole.median / Math.max(readability, 0.01))}`);
}
