/**
 * Clause-by-clause judging of `findObligations` output against labels written by hand.
 *
 * A label names one unit of the notice by a substring (`at`, unique in the text, usually the first
 * words of the sentence or clause) and says what an analyst wants for it. A reported clause
 * answers a label when it overlaps the `at` span. Metrics follow the brief: clause precision and
 * recall over labelled units, and category accuracy over the positives found.
 */
import type { Clause } from '../../lib/types';
import type { ClauseLabel } from '../support/fixtures';

/** A label as the fixtures' `expected.json` files write them. */
export type Label = ClauseLabel;

export interface Verdict {
  label: Label;
  clause: Clause | null;
  /** Problems found; empty when the label is satisfied. */
  problems: string[];
}

export interface Metrics {
  positives: number;
  found: number;
  negatives: number;
  falsePositives: number;
  categoryCorrect: number;
  precision: number;
  recall: number;
  categoryAccuracy: number;
}

export function judge(text: string, clauses: Clause[], labels: Label[]): { verdicts: Verdict[]; metrics: Metrics } {
  const verdicts: Verdict[] = [];
  let positives = 0;
  let found = 0;
  let negatives = 0;
  let falsePositives = 0;
  let categoryCorrect = 0;
  for (const label of labels) {
    const problems: string[] = [];
    const pos = text.indexOf(label.at);
    if (pos < 0) {
      verdicts.push({ label, clause: null, problems: [`label text not found: ${label.at}`] });
      continue;
    }
    if (text.indexOf(label.at, pos + 1) >= 0) problems.push(`label text not unique: ${label.at}`);
    const end = pos + label.at.length;
    const clause = clauses.find((c) => c.start < end && c.end > pos) ?? null;
    if (label.quoted) {
      if (clause && !clause.quoted) problems.push('reported speech not flagged quoted');
      if (clause && label.category && clause.category !== label.category)
        problems.push(`category ${clause.category}, expected ${label.category}`);
    } else if (label.category === null) {
      negatives++;
      if (clause) {
        falsePositives++;
        problems.push(`reported as ${clause.category} (${clause.trigger}) but should not be`);
      }
    } else {
      positives++;
      if (!clause) problems.push(`not reported, expected ${label.category}`);
      else {
        found++;
        if (clause.category === label.category) categoryCorrect++;
        else problems.push(`category ${clause.category} (${clause.trigger}), expected ${label.category}`);
        if (label.bearer !== undefined && (clause.bearer?.text ?? null) !== label.bearer) {
          problems.push(
            `bearer ${JSON.stringify(clause.bearer?.text ?? null)}, expected ${JSON.stringify(label.bearer)}`,
          );
        }
        if (label.deadline !== undefined && (clause.deadline?.text ?? null) !== label.deadline) {
          problems.push(
            `deadline ${JSON.stringify(clause.deadline?.text ?? null)}, expected ${JSON.stringify(label.deadline)}`,
          );
        }
        if (label.heading !== undefined && clause.heading !== label.heading)
          problems.push(`heading ${clause.heading}, expected ${label.heading}`);
      }
    }
    verdicts.push({ label, clause, problems });
  }
  const precision = found + falsePositives === 0 ? 1 : found / (found + falsePositives);
  const recall = positives === 0 ? 1 : found / positives;
  const categoryAccuracy = found === 0 ? 1 : categoryCorrect / found;
  return {
    verdicts,
    metrics: { positives, found, negatives, falsePositives, categoryCorrect, precision, recall, categoryAccuracy },
  };
}
