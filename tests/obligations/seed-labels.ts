/**
 * Hand-written analyst labels for the seed notices (normalised with normaliseText), kept with each seed in
 * tests/fixtures/seed-NNN/expected.json (`obligations`).
 *
 * Written from reading the notices, not from the engine's output: what an analyst listing the
 * notice's duties wants highlighted, and as what. Every sentence of 000–002 is labelled; 003 leaves
 * out the four 对X，重点看是否… assessment criteria (an analyst could go either way). Sentences with
 * several directives for different actors are labelled per directive (`at` points into the part).
 * Bearers are checked where the notice names them or where the inheritance is unambiguous.
 */
import { seedCases } from '../support/fixtures';
import type { Label } from './judge';

export interface SeedCase {
  /** The test case's folder name, e.g. `seed-000`. */
  file: string;
  addressees: string[];
  labels: Label[];
}

/** Every seed with labels, in order. */
export const SEED_CASES: SeedCase[] = seedCases().flatMap((c) =>
  c.expected.obligations
    ? [{ file: c.name, addressees: c.expected.obligations.addressees, labels: c.expected.obligations.labels }]
    : [],
);
