/**
 * Checking requests that arrive from pages and content scripts: plain JSON only, then the request's schema
 * (lib/schema/requests.ts): every field's type, enum values, lengths and counts, and a total size cap.
 *
 * A request is rebuilt from what was checked, so nothing unchecked reaches storage: unknown keys are
 * refused rather than passed on, accessors and prototypes never run or survive, and
 * `__proto__`/`constructor`/`prototype` keys are refused outright.
 */

import * as v from 'valibot';
import { LIMITS } from '../storage/limits';
import { REQUEST_SCHEMAS, REQUEST_TYPES, describe, describeIssue, type RequestType } from '../schema';
import type { Request } from './protocol';

export type Validation = { ok: true; request: Request } | { ok: false; error: string };

/** A refused value, with the path of the field (`annotation.selectors[2].start`). */
export class Invalid extends Error {
  override readonly name = 'Invalid';
}

/* ----- Plain JSON ----- */

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 12;

/**
 * Refuse anything that is not plain JSON data (functions, symbols, class instances, Dates, Maps,
 * accessors, non-finite numbers, cycles, forbidden keys) and anything larger than `maxSize` (string
 * characters plus a little per value). Runs before the schema, iteratively, so a hostile shape cannot
 * exhaust the stack.
 */
export function checkPlainJson(root: unknown, maxSize: number = LIMITS.messageSize): void {
  let size = 0;
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: 'request', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    switch (typeof value) {
      case 'string':
        size += value.length + 2;
        break;
      case 'number':
        if (!Number.isFinite(value)) throw new Invalid(`${path}: not a finite number`);
        size += 8;
        break;
      case 'boolean':
        size += 5;
        break;
      case 'object': {
        if (value === null) {
          size += 4;
          break;
        }
        if (depth >= MAX_DEPTH) throw new Invalid(`${path}: nested deeper than ${MAX_DEPTH} levels`);
        const proto: unknown = Object.getPrototypeOf(value);
        const isArray = Array.isArray(value);
        if (isArray ? proto !== Array.prototype : proto !== Object.prototype && proto !== null) {
          throw new Invalid(`${path}: not plain JSON data`);
        }
        if (Object.getOwnPropertySymbols(value).length > 0) throw new Invalid(`${path}: symbol keys are not allowed`);
        const descriptors = Object.getOwnPropertyDescriptors(value);
        for (const key of Object.keys(descriptors)) {
          if (isArray && key === 'length') continue;
          const d = descriptors[key];
          if (!('value' in d)) throw new Invalid(`${path}.${key}: accessors are not allowed`);
          if (FORBIDDEN_KEYS.has(key)) throw new Invalid(`${path}: key "${key}" is not allowed`);
          if (isArray && !/^(0|[1-9]\d*)$/.test(key)) throw new Invalid(`${path}: arrays may only have elements`);
          size += key.length + 3;
          stack.push({ value: d.value, path: isArray ? `${path}[${key}]` : `${path}.${key}`, depth: depth + 1 });
        }
        size += 2;
        break;
      }
      default:
        throw new Invalid(`${path}: ${typeof value} is not allowed`);
    }
    if (size > maxSize) throw new Invalid(`request: larger than ${maxSize} characters`);
  }
}

/**
 * Check an incoming message. On success the request is a fresh object holding only checked fields; on
 * failure `error` names the first offending field and why.
 */
export function validateRequest(raw: unknown): Validation {
  try {
    checkPlainJson(raw);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new Invalid(`request: expected an object, got ${describe(raw)}`);
    const type = (raw as { type?: unknown }).type;
    if (typeof type !== 'string' || !(REQUEST_TYPES as readonly string[]).includes(type)) {
      throw new Invalid(
        `request.type: unknown request type ${typeof type === 'string' ? `"${type.slice(0, 40)}"` : describe(type)}`,
      );
    }
    const fields: Record<string, unknown> = { ...raw };
    delete fields.type;
    const parsed = v.safeParse(REQUEST_SCHEMAS[type as RequestType], fields, { abortEarly: true });
    if (!parsed.success) throw new Invalid(describeIssue(parsed.issues[0], 'request'));
    return { ok: true, request: { type, ...parsed.output } as Request };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    return { ok: false, error: `request: could not be read (${(e as Error)?.message ?? String(e)})` };
  }
}
