/**
 * Schema issues in words: the path of the offending field (`annotation.selectors[2].start`) and why.
 */

import type * as v from 'valibot';

type AnyIssue = v.BaseIssue<unknown>;
type PathItem = NonNullable<AnyIssue['path']>[number];

/** Path items for a field below `root` (an issue raised by a check on `root` about one of its fields). */
export function issueAt(root: unknown, keys: readonly (string | number)[]): [PathItem, ...PathItem[]] {
  const items: PathItem[] = [];
  let input = root as Record<string | number, unknown>;
  for (const key of keys) {
    const value = input[key];
    items.push(
      typeof key === 'number'
        ? { type: 'array', origin: 'value', input: input as unknown as unknown[], key, value }
        : { type: 'object', origin: 'value', input, key, value },
    );
    input = value as Record<string | number, unknown>;
  }
  return items as [PathItem, ...PathItem[]];
}

/** The keys of an issue's path, from the value parsed. */
export function pathKeys(issue: AnyIssue): (string | number)[] {
  return (issue.path ?? []).map((item) => item.key as string | number);
}

/** `base.key[2].other` for keys below `base` ('' for none). */
export function pathText(base: string, keys: readonly (string | number)[]): string {
  let s = base;
  for (const k of keys) s = typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k;
  return s;
}

/** A field that is present but not allowed (`never`), or one that is required and absent. */
export function keyIssue(issue: AnyIssue): { kind: 'unexpected' | 'missing'; key: string } | null {
  const last = issue.path?.[issue.path.length - 1];
  if (!last || last.origin !== 'key' || issue.type !== 'strict_object') return null;
  return { kind: issue.expected === 'never' ? 'unexpected' : 'missing', key: String(last.key) };
}

export interface IssueWords {
  /** How a field that is not part of the shape is reported, given its object's path. */
  unexpected: (parent: string, key: string) => string;
}

const DEFAULT_WORDS: IssueWords = {
  unexpected: (parent, key) => `${parent || 'value'}: unexpected field "${key.slice(0, 40)}"`,
};

/**
 * `path: reason` for one issue, the path starting at `base` (`request`, or '' for a bare path). A field
 * not part of the shape is named at its object's path; a missing one at its own.
 */
export function describeIssue(issue: AnyIssue, base: string, words: IssueWords = DEFAULT_WORDS): string {
  const keys = pathKeys(issue);
  const key = keyIssue(issue);
  if (key?.kind === 'unexpected') {
    return words.unexpected(pathText(base, keys.slice(0, -1)), key.key);
  }
  const last = issue.path?.[issue.path.length - 1];
  // A record's key refused: named at the record, the key itself is in the message.
  const named = last?.origin === 'key' && !key ? keys.slice(0, -1) : keys;
  const path = pathText(base, named) || base || 'value';
  if (key?.kind === 'missing' || (issue.kind === 'schema' && issue.input === undefined)) return `${path}: missing`;
  return `${path}: ${issue.message}`;
}
