/**
 * Prepares a labelled-corpus case for labelling: `npx tsx scripts/corpus-units.ts tests/fixtures/corpus/<case>...`
 *
 * Analyses the case's source file as `npm run analyze` does, splits the analysed text into scoring units
 * (docs/labelling.md) and writes `labels.json` with one record per unit. Records already labelled are kept
 * (matched on the unit's text), so the command can be run again after the engine's text changes.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseFileContent } from '../lib/cli/analyze';
import '../lib/extract/bundled-readability';
import { corpusSource, type CorpusLabels, type GoldUnit } from '../tests/support/corpus';
import { splitUnits } from '../tests/support/units';

for (const dir of process.argv.slice(2)) {
  const source = corpusSource(dir);
  const labelsPath = join(dir, 'labels.json');
  const old: CorpusLabels | null = existsSync(labelsPath)
    ? (JSON.parse(readFileSync(labelsPath, 'utf8')) as CorpusLabels)
    : null;
  const record = analyseFileContent(source.file, source.content, old?.url ?? null);
  if ('error' in record) {
    console.error(`${dir}: ${record.error}`);
    process.exitCode = 1;
    continue;
  }
  const byKey = new Map((old?.units ?? []).map((u) => [u.text.replace(/\s+/g, ''), u]));
  const units: GoldUnit[] = splitUnits(record.text).map((u) => {
    const kept = byKey.get(u.key);
    return kept
      ? { ...kept, i: u.i, head: u.key.slice(0, 24), text: u.text }
      : {
          i: u.i,
          head: u.key.slice(0, 24),
          text: u.text,
          labels: [],
          strength: null,
          bearer: null,
          deadline: null,
          quoted: false,
          heading: false,
          note: '',
        };
  });
  const labels: CorpusLabels = {
    genre: old?.genre ?? '',
    split: old?.split ?? 'dev',
    notice: old?.notice ?? true,
    url: old?.url ?? null,
    metadata: old?.metadata ?? { title: null, docNumber: null, issuers: [], signedDate: null },
    units,
  };
  writeFileSync(labelsPath, `${JSON.stringify(labels, null, 1)}\n`);
  console.log(`${dir}: ${units.length} units (${readdirSync(dir).join(', ')})`);
}
