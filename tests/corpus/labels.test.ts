/**
 * The labelled corpus is well formed: every case's labels fit the text the engine analyses (one record per
 * scoring unit, in order), every label follows docs/labelling.md's vocabulary, bearers and deadlines are copied
 * from their unit, and at least a third of the documents are held out.
 */
import { describe, expect, it } from 'vitest';
import { analyseFileContent } from '../../lib/cli/analyze';
import '../../lib/extract/bundled-readability';
import { OBLIGATION_CATEGORIES } from '../../lib/types';
import { loadCorpus } from '../support/corpus';
import { splitUnits, unitKey } from '../support/units';

const CATEGORIES = new Set<string>(OBLIGATION_CATEGORIES);
const cases = loadCorpus();

describe('the labelled corpus', () => {
  it('holds out at least a third of its documents', () => {
    expect(cases.length).toBeGreaterThan(0);
    const held = cases.filter((c) => c.labels.split === 'heldout').length;
    expect(held * 3).toBeGreaterThanOrEqual(cases.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: labels fit its text and the standard', (_name, c) => {
    const { labels } = c;
    expect(['dev', 'heldout']).toContain(labels.split);
    expect(labels.genre).not.toBe('');
    const record = analyseFileContent(c.file, c.content, labels.url);
    if ('error' in record) throw new Error(record.error);
    const units = splitUnits(record.text);
    expect(labels.units.map((u) => unitKey(u.text))).toEqual(units.map((u) => u.key));
    for (const u of labels.units) {
      const where = `${c.name} unit ${u.i} (${u.head})`;
      for (const l of u.labels) expect(CATEGORIES.has(l), where).toBe(true);
      if (u.labels.length === 0) expect(u.strength, where).toBeNull();
      else expect(['hard', 'soft'], where).toContain(u.strength);
      const key = unitKey(u.text);
      if (u.bearer !== null) expect(key, where).toContain(unitKey(u.bearer));
      if (u.deadline !== null) expect(key, where).toContain(unitKey(u.deadline));
      if (!labels.notice) expect(u.labels, where).toEqual([]);
    }
    if (labels.metadata.signedDate !== null) expect(labels.metadata.signedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
