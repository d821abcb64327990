/**
 * The test cases under tests/fixtures: one folder per real page or seed notice, holding the file exactly as
 * it was supplied (`source.html`, `source.txt` or `source.json`), `expected.json` (what a reader of the file
 * expects the analysis to say, written by hand) and `SOURCE.md` (where the file came from). This module is the
 * only place that knows that layout; tests and benchmarks list and read cases through it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ObligationCategory } from '../../lib/types';

/** The folder of all cases, found relative to this file so a clone anywhere works. */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures', import.meta.url));

export type SourceFormat = 'html' | 'txt' | 'json';

/** What an analyst wants for one unit of a notice (judged by tests/obligations/judge.ts). */
export interface ClauseLabel {
  /** A substring of the normalised text, unique in it, inside the unit. */
  at: string;
  /** Expected category; null = must not be reported (background, praise, facts, titles…). */
  category: ObligationCategory | null;
  /** Expected bearer text (any source); null = no bearer; undefined = not checked. */
  bearer?: string | null;
  /** Expected deadline text; null = no deadline; undefined = not checked. */
  deadline?: string | null;
  /** Reported speech: reporting it is optional (scored below threshold when no bearer), but if reported it is quoted. */
  quoted?: boolean;
  /** Expected heading flag when reported. */
  heading?: boolean;
  /** A documented weakness: not asserted on its own, still counted in the metrics. */
  knownMiss?: string;
}

export interface SignalPoints {
  name: string;
  points: number;
}

/** What each stage is expected to make of a case. Every section is optional: a case lists what was checked. */
export interface Expected {
  /** The file's name when it was supplied to the project. */
  file: string;
  kind: 'positive' | 'negative' | 'edge' | 'seed' | 'seed (news report)';
  /** A negative that looks like a notice (government domain, quoted directives, legal vocabulary). */
  hard?: boolean;
  /** Is it a notice the extension must analyse? */
  notice: boolean;
  /** The address the page was served from, or null when unknown. */
  url: string | null;
  /** `extractPage` on the HTML with `url`. */
  extract?: {
    site: string;
    /** null: the page must have no body roots. */
    opening: string | null;
    closing: string | null;
    /** Page chrome (or a second body copy) that must not be in the body text. */
    absent: string[];
    /** Strings that must be in the body text exactly once. */
    once?: string[];
    labelled?: Record<string, string>;
    notLabelled?: string[];
    title?: string | null;
    listPage?: boolean;
    pending?: boolean;
  };
  /** `detectNotice` given the page facts a person reads from the page. */
  detect?: {
    /** The address the detector is given, when not `url`. */
    url?: string | null;
    /** The site a plain text is read as. */
    site?: string;
    hasDocNumber: boolean;
    docTypeFromTitle: string | null;
    hasAddresseeLine: boolean;
    /** Exactly these signals, in order, with their points. */
    signals?: SignalPoints[];
    signalsInclude?: SignalPoints[];
    /** Exactly these signal names, in order. */
    signalNames?: string[];
    signalNamesInclude?: string[];
    maxConfidence?: number;
  };
  /** `readMetadata` on the body text alone (HTML: the text between the two markers `body`). */
  metadata?: {
    body?: [string, string];
    /** true: every field not listed is empty. */
    complete: boolean;
    fields: Record<string, unknown>;
    /** `readClosing`: the 署名 block's date and issuers. */
    closing?: { date: string | null; issuers: string[] };
  };
  /** `findObligations`, judged clause by clause against an analyst's labels. */
  obligations?: {
    /** HTML: the body starts at this line. */
    from?: string;
    addressees: string[];
    labels: ClauseLabel[];
  };
  /** The whole engine through the command-line analyser's entry point. */
  engine: {
    site: string;
    metadata?: Record<string, unknown>;
    contains?: string[];
    lacks?: string[];
    /** Notices: at least this many obligation clauses. */
    minClauses?: number;
  };
}

export interface FixtureCase {
  /** The folder name, e.g. `pos-01-govcn-zhengce-2019-guofa5-yijian` or `seed-000`. */
  name: string;
  dir: string;
  format: SourceFormat;
  /** Path of the source file. */
  source: string;
  expected: Expected;
}

const FORMATS: SourceFormat[] = ['html', 'txt', 'json'];

function loadCase(name: string): FixtureCase {
  const dir = join(FIXTURES_DIR, name);
  const files = readdirSync(dir);
  const format = FORMATS.find((f) => files.includes(`source.${f}`));
  if (!format) throw new Error(`fixture ${name} has no source file`);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  return { name, dir, format, source: join(dir, `source.${format}`), expected };
}

let cache: FixtureCase[] | null = null;

/** Every case, by folder name (the folders with an `expected.json`; the labelled corpus has its own loader). */
export function allCases(): FixtureCase[] {
  cache ??= readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(FIXTURES_DIR, e.name, 'expected.json')))
    .map((e) => e.name)
    .sort()
    .map(loadCase);
  return cache;
}

/** The real pages (positive, negative and edge), by folder name. */
export function pageCases(): FixtureCase[] {
  return allCases().filter((c) => !c.name.startsWith('seed-'));
}

/** The seed notices 000–004, in order. */
export function seedCases(): FixtureCase[] {
  return allCases().filter((c) => c.name.startsWith('seed-'));
}

/** A case by folder name, by the name its file was supplied under, or (seeds) by its number `000`. */
export function fixtureCase(name: string): FixtureCase {
  const c = allCases().find((x) => x.name === name || x.expected.file === name || x.name === `seed-${name}`);
  if (!c) throw new Error(`no fixture ${name}`);
  return c;
}

/** The file exactly as it was supplied. */
export function readSource(c: FixtureCase | string): string {
  return readFileSync((typeof c === 'string' ? fixtureCase(c) : c).source, 'utf8');
}

/** A seed's text as supplied: by number (`000`) or by its supplied file name. */
export function seedSource(name: string): string {
  return readSource(fixtureCase(name));
}
