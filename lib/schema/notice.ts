/**
 * A notice as analysed and stored: metadata, outline, clauses, and the snapshot a page or the reader sends.
 * Offsets are UTF-16 code units into the notice's normalised text; those of the outline and clauses are checked
 * against the text itself.
 */

import * as v from 'valibot';
import { LIMITS } from '../storage/limits';
import { BEARER_SOURCES, DEADLINE_TYPES, OBLIGATION_CATEGORIES, SITES, STRENGTHS } from './enums';
import {
  REASONS,
  bool,
  got,
  int,
  isoDate,
  list,
  metadataField,
  noticeId,
  num,
  oneOf,
  record,
  tags,
  text,
  time,
  title,
  url,
} from './fields';
import { issueAt } from './issues';

export const metadataSchema = record({
  title: v.nullable(title),
  docType: v.nullable(metadataField),
  docNumber: v.nullable(metadataField),
  issuers: list(metadataField, LIMITS.metadataListLength),
  addressees: list(metadataField, LIMITS.metadataListLength),
  signedDate: v.nullable(isoDate),
  publishedDate: v.nullable(isoDate),
  effectiveDate: v.nullable(isoDate),
  validity: v.nullable(metadataField),
  level: v.nullable(metadataField),
  citationCode: v.nullable(metadataField),
  url: v.nullable(text(LIMITS.urlLength)),
});

/** An offset into a notice's text: bounded by that text (see `withinText`), so by its length limit too. */
const textOffset = v.pipe(
  v.number(got('a finite number')),
  v.finite(got('a finite number')),
  v.integer(REASONS.wholeNumber),
  v.minValue(0, 'must not be negative'),
);

export const outlineItemSchema = record({
  level: int(1, LIMITS.outlineLevels),
  label: text(LIMITS.labelLength),
  title: metadataField,
  start: textOffset,
});

export const bearerSchema = record({ text: metadataField, source: oneOf(BEARER_SOURCES) });

export const deadlineSchema = record({
  text: metadataField,
  type: oneOf(DEADLINE_TYPES),
  iso: v.nullable(isoDate),
});

const category = oneOf(OBLIGATION_CATEGORIES);

/** The fields a clause has everywhere, stored or printed by the command-line analyser. */
export const CLAUSE_CORE = {
  category,
  categories: list(category, OBLIGATION_CATEGORIES.length, 1),
  strength: oneOf(STRENGTHS),
  start: textOffset,
  end: textOffset,
  text: text(LIMITS.clauseTextLength),
  trigger: text(LIMITS.labelLength),
  quoted: bool,
  score: num(0, 1),
};

/** A span's start must not be after its end. */
export function ordered<T extends { start: number; end: number }>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (dataset.typed && dataset.value.start > dataset.value.end) {
      addIssue({
        message: `${REASONS.startAfterEnd} (${dataset.value.start} > ${dataset.value.end})`,
        expected: 'start ≤ end',
      });
    }
  });
}

export const clauseSchema = v.pipe(
  record({
    ...CLAUSE_CORE,
    bearer: v.nullable(bearerSchema),
    deadline: v.nullable(deadlineSchema),
    /** Every deadline the clause states, in order (`deadline` is the first); absent in notices stored before it. */
    deadlines: v.optional(list(deadlineSchema, LIMITS.metadataListLength)),
    heading: bool,
    /** The outline path the clause stands in (第十二条, 一、（二）3.), null before any heading; absent in notices stored before it. */
    location: v.optional(v.nullable(text(LIMITS.labelLength))),
  }),
  ordered(),
);

/**
 * The addresses a notice was read at, as stored: a page reports its own http(s) or file URL
 * (`noticeSnapshotSchema`), but a library file may carry any address it was given, and keeps it.
 */
const storedUrls = list(text(LIMITS.urlLength), LIMITS.urlsPerNotice);

const noticeEntries = {
  id: noticeId,
  urls: storedUrls,
  metadata: metadataSchema,
  text: text(LIMITS.noticeTextLength),
  outline: list(outlineItemSchema, LIMITS.outlineItems),
  obligations: list(clauseSchema, LIMITS.clauses),
  site: oneOf(SITES),
};

/** Outline items and clauses must lie within the notice's text. */
function withinText<T extends { text: string; outline: { start: number }[]; obligations: { end: number }[] }>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const { text, outline, obligations } = dataset.value;
    const beyond = (path: (string | number)[], at: number) =>
      addIssue({
        message: `${REASONS.beyondText} (${at} > ${text.length})`,
        expected: `≤ ${text.length}`,
        received: String(at),
        path: issueAt(dataset.value, path),
      });
    const item = outline.findIndex((o) => o.start > text.length);
    if (item >= 0) return beyond(['outline', item, 'start'], outline[item].start);
    const clause = obligations.findIndex((c) => c.end > text.length);
    if (clause >= 0) beyond(['obligations', clause, 'end'], obligations[clause].end);
  });
}

/**
 * What a page or the reader sends to store a notice. `saved` and `tags` omitted: keep what is stored.
 * `createdAt`/`updatedAt` are accepted so that a whole saved notice can be sent, and dropped: the
 * background's clock decides.
 */
const snapshotRecord = record({
  ...noticeEntries,
  saved: v.optional(bool),
  tags: v.optional(tags),
  createdAt: v.optional(time),
  updatedAt: v.optional(time),
});
type SnapshotInput = v.InferOutput<typeof snapshotRecord>;

function withoutTimes(s: SnapshotInput): Omit<SnapshotInput, 'createdAt' | 'updatedAt'> {
  const snapshot = { ...s };
  delete snapshot.createdAt;
  delete snapshot.updatedAt;
  return snapshot;
}

/** A snapshot as the store takes it: from a page (already checked as `noticeSnapshotSchema`) or a library file. */
export const storedSnapshotSchema = v.pipe(snapshotRecord, withinText(), v.transform(withoutTimes));

/** A snapshot sent by a page or the reader: its URLs are addresses it was read at. */
export const noticeSnapshotSchema = v.pipe(
  record({ ...snapshotRecord.pipe[1].entries, urls: list(url, LIMITS.urlsPerNotice) }),
  withinText(),
  v.transform(withoutTimes),
);

/** A notice in the analyst's library, as stored and exported. */
export const savedNoticeSchema = v.pipe(
  record({ ...noticeEntries, saved: bool, tags, createdAt: time, updatedAt: time }),
  withinText(),
);

export type NoticeMetadata = v.InferOutput<typeof metadataSchema>;
export type OutlineItem = v.InferOutput<typeof outlineItemSchema>;
export type Bearer = v.InferOutput<typeof bearerSchema>;
export type Deadline = v.InferOutput<typeof deadlineSchema>;
export type Clause = v.InferOutput<typeof clauseSchema>;
export type NoticeSnapshot = v.InferOutput<typeof noticeSnapshotSchema>;
export type SavedNotice = v.InferOutput<typeof savedNoticeSchema>;
