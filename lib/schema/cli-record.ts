/**
 * The command-line analyser's printed record (README "Command line", `toCliRecord` in lib/cli/analyze.ts):
 * the analysis with the notice's own shapes, a clause's bearer and deadline printed as their text, with the
 * bearer's source, every deadline's text and the clause's location label beside them.
 */

import * as v from 'valibot';
import { LIMITS } from '../storage/limits';
import { BEARER_SOURCES, SITES } from './enums';
import { bool, list, metadataField, nonEmptyText, num, oneOf, record, text } from './fields';
import { CLAUSE_CORE, metadataSchema, ordered, outlineItemSchema } from './notice';

export const cliClauseSchema = v.pipe(
  record({
    ...CLAUSE_CORE,
    bearer: v.nullable(metadataField),
    deadline: v.nullable(metadataField),
    location: v.nullable(text(LIMITS.labelLength)),
    bearerSource: v.nullable(oneOf(BEARER_SOURCES)),
    deadlines: list(metadataField, LIMITS.metadataListLength),
  }),
  ordered(),
);

export const cliRecordSchema = record({
  file: text(LIMITS.urlLength),
  isNotice: bool,
  confidence: num(0, 1),
  site: oneOf(SITES),
  metadata: metadataSchema,
  text: text(LIMITS.noticeTextLength),
  outline: list(outlineItemSchema, LIMITS.outlineItems),
  obligations: list(cliClauseSchema, LIMITS.clauses),
});

/** A file the analyser could not read: its name and why. */
export const cliErrorSchema = record({
  file: text(LIMITS.urlLength),
  error: v.pipe(
    nonEmptyText(LIMITS.noteLength),
    v.check((s) => s.trim() !== '', 'empty message'),
  ),
});

export type CliRecord = v.InferOutput<typeof cliRecordSchema>;
