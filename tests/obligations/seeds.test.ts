import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../lib/text/normalise';
import { findObligations, HIGHLIGHT_THRESHOLD } from '../../lib/obligations/index';
import { judge, type Label } from './judge';
import { SEED_CASES } from './seed-labels';
import { seedSource } from '../support/fixtures';

function load(file: string): string {
  return normaliseText(seedSource(file)).text;
}

function describeLabel(l: Label): string {
  return `${l.category ?? 'none'}${l.quoted ? ' (quoted)' : ''}: ${l.at.replace(/\n/g, '⏎').slice(0, 28)}`;
}

describe('seed notices: clause-by-clause labels', () => {
  it('has the four labelled seed notices', () => {
    expect(SEED_CASES.map((s) => s.file)).toEqual(['seed-000', 'seed-001', 'seed-002', 'seed-003']);
  });

  for (const seed of SEED_CASES) {
    describe(seed.file, () => {
      const text = load(seed.file);
      const clauses = findObligations(text, { addressees: seed.addressees });
      const { verdicts, metrics } = judge(text, clauses, seed.labels);

      it('has enough labels, positive and negative', () => {
        expect(seed.labels.filter((l) => l.category !== null && !l.quoted).length).toBeGreaterThanOrEqual(15);
        expect(seed.labels.filter((l) => l.category === null).length).toBeGreaterThanOrEqual(3);
      });

      for (const v of verdicts) {
        if (v.label.knownMiss) continue;
        it(describeLabel(v.label), () => {
          expect(v.problems).toEqual([]);
        });
      }

      it('known misses are still misses (remove the flag when fixed)', () => {
        for (const v of verdicts.filter((x) => x.label.knownMiss))
          expect(v.clause?.category ?? null).not.toBe(v.label.category);
      });

      it('meets the quality bar on its labels (precision, recall, category ≥ 0.85)', () => {
        expect(metrics.precision).toBeGreaterThanOrEqual(0.85);
        expect(metrics.recall).toBeGreaterThanOrEqual(0.85);
        expect(metrics.categoryAccuracy).toBeGreaterThanOrEqual(0.85);
      });

      it('returns well-formed clauses', () => {
        let last = -1;
        for (const c of clauses) {
          expect(c.start).toBeGreaterThanOrEqual(last);
          last = c.start;
          expect(text.slice(c.start, c.end)).toBe(c.text);
          expect(c.category).toBe(c.categories[0]);
          expect(c.score).toBeGreaterThanOrEqual(HIGHLIGHT_THRESHOLD);
          expect(c.text.includes(c.trigger)).toBe(true);
        }
      });
    });
  }
});

describe('seed 004 (a news report about a notice)', () => {
  const text = load('004');
  const clauses = findObligations(text);

  it('flags everything after 通知要求 / 集团领导强调 as reported speech', () => {
    expect(clauses.length).toBeGreaterThan(0);
    const after = text.indexOf('通知要求');
    for (const c of clauses.filter((x) => x.start > after)) expect(c.quoted).toBe(true);
  });

  it('still reads the reported duties correctly', () => {
    const must = clauses.find((c) => c.text.startsWith('各级党组织、广大党员,特别是党员领导干部必须深刻认识'));
    expect(must?.category).toBe('obligation');
    expect(must?.strength).toBe('hard');
    const probation = clauses.find((c) => c.text.includes('可火线批准入党'));
    expect(probation?.category).toBe('permission');
  });
});
