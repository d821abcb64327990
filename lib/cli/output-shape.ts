/**
 * The command-line analyser's output shape (README "Command line", `toCliRecord` in analyze.ts), checked.
 *
 * `cliRecordProblems` lists every way a printed record departs from the documented shape: the schema
 * (lib/schema/cli-record.ts: field names and types, sites, categories and strengths from their fixed sets,
 * ISO calendar dates, whole-number offsets, numbers in range; not the store's size limits), then what the schema
 * cannot say: offsets inside `text` (a clause's `text` is exactly `text.slice(start, end)`, an outline label is
 * printed at its `start`), outline items and clauses in order of start, a clause's category first of its
 * categories, its `bearerSource` null exactly when its `bearer` is, its `deadline` one of its `deadlines` (and
 * `deadlines` empty when it has none), and strings that are well-formed UTF-16 (no lone surrogate: they cannot be written as UTF-8 and
 * strict JSON readers refuse their escapes). An empty list means the record is well-formed. Pure: no Node APIs.
 */
import * as v from 'valibot';
import { cliErrorSchema, cliRecordSchema, describeIssue, isIsoDate, isJsonObject, pathText } from '../schema';
import { loneSurrogateAt } from '../text/normalise';

export { isIsoDate, loneSurrogateAt };

type Obj = Record<string, unknown>;

const WORDS = { unexpected: (parent: string, key: string) => `${pathText(parent, [key])}: not a field of the output` };

function shown(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
}

const isWhole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** Every string anywhere in `root` with a lone surrogate, by path (iteratively: a record may be deep). */
function surrogateProblems(root: unknown, out: string[]): void {
  const stack: { value: unknown; path: string }[] = [{ value: root, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const at = loneSurrogateAt(value);
      if (at >= 0) out.push(`${path}: lone surrogate U+${value.charCodeAt(at).toString(16).toUpperCase()} at ${at}`);
    } else if (Array.isArray(value)) {
      value.forEach((x, i) => stack.push({ value: x, path: `${path}[${i}]` }));
    } else if (isJsonObject(value)) {
      for (const [k, x] of Object.entries(value)) stack.push({ value: x, path: path ? `${path}.${k}` : k });
    }
  }
}

function outlineProblems(outline: unknown[], text: string | null, out: string[]): void {
  let previous = -1;
  outline.forEach((item, i) => {
    if (!isJsonObject(item)) return;
    const { start, label } = item as Obj;
    if (!isWhole(start)) return;
    const path = `outline[${i}]`;
    if (start <= previous) out.push(`${path}.start: ${start} does not follow the previous item (${previous})`);
    previous = start;
    if (text === null) return;
    if (start >= text.length) out.push(`${path}.start: ${start} is not inside the text (${text.length})`);
    else if (typeof label === 'string' && !text.startsWith(label, start))
      out.push(`${path}.label: ${shown(label)} is not printed at ${start}`);
  });
}

function clauseProblems(clauses: unknown[], text: string | null, out: string[]): void {
  let previousStart = -1;
  clauses.forEach((c, i) => {
    if (!isJsonObject(c)) return;
    const { category, categories, start, end, text: clauseText } = c as Obj;
    const path = `obligations[${i}]`;
    sourceAndDeadlineProblems(c as Obj, path, out);
    if (Array.isArray(categories) && categories.length > 0) {
      if (new Set(categories).size !== categories.length) out.push(`${path}.categories: lists a category twice`);
      if (categories[0] !== category)
        out.push(`${path}.category: ${shown(category)} is not categories[0] (${shown(categories[0])})`);
    }
    if (!isWhole(start) || !isWhole(end)) return;
    if (start >= end) out.push(`${path}: start ${start} is not before end ${end}`);
    if (start < previousStart)
      out.push(`${path}.start: ${start} comes before the previous clause's start (${previousStart})`);
    previousStart = start;
    if (text === null) return;
    if (end > text.length) out.push(`${path}.end: ${end} is beyond the text (${text.length})`);
    else if (typeof clauseText === 'string' && text.slice(start, end) !== clauseText)
      out.push(`${path}.text: is not text.slice(${start}, ${end})`);
  });
}

/** A clause's bearer and its source go together, and its deadline is one of its deadlines. */
function sourceAndDeadlineProblems(c: Obj, path: string, out: string[]): void {
  const { bearer, bearerSource, deadline, deadlines } = c;
  if ((bearer === null) !== (bearerSource === null) && (bearer === null || typeof bearer === 'string'))
    out.push(`${path}.bearerSource: ${shown(bearerSource)} does not go with bearer ${shown(bearer)}`);
  if (!Array.isArray(deadlines)) return;
  if (deadline === null && deadlines.length > 0)
    out.push(`${path}.deadlines: ${deadlines.length} deadlines listed but deadline is null`);
  else if (typeof deadline === 'string' && !deadlines.includes(deadline))
    out.push(`${path}.deadlines: does not list the deadline ${shown(deadline)}`);
}

/**
 * Every departure of `record` from the analyser's printed shape (`{file, error}` for a file that failed is a
 * shape of its own and is accepted). Returns [] for a well-formed record. `forced`: the analysis was asked
 * for obligations whatever the detector said (`AnalyseOptions.force`), so a non-notice may have clauses.
 */
export function cliRecordProblems(record: unknown, options: { forced?: boolean } = {}): string[] {
  const problems: string[] = [];
  if (!isJsonObject(record)) return [`record: expected an object, found ${shown(record)}`];
  const r = record as Obj;
  const schema = 'error' in r ? cliErrorSchema : cliRecordSchema;
  const parsed = v.safeParse(schema, r);
  // The printed record has the stored shapes but not the store's size limits: the analyser prints what it found.
  if (!parsed.success)
    for (const issue of parsed.issues) if (issue.type !== 'max_length') problems.push(describeIssue(issue, '', WORDS));
  surrogateProblems(r, problems);
  if ('error' in r) return problems;
  const text = typeof r.text === 'string' ? r.text : null;
  if (Array.isArray(r.outline)) outlineProblems(r.outline, text, problems);
  if (Array.isArray(r.obligations)) {
    clauseProblems(r.obligations, text, problems);
    // The analyser reports obligations only for notices (README); `force` is not a command-line option.
    if (!options.forced && r.isNotice === false && r.obligations.length > 0)
      problems.push(`obligations: ${r.obligations.length} clauses reported for a page that is not a notice`);
  }
  return problems;
}
