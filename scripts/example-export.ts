/**
 * Writes the example exports under docs/: the five seed notices analysed, with a few annotations of the
 * kind an analyst makes, in every format the library offers (W3C JSON-LD, Markdown, CSV, Word briefing,
 * CSL-JSON, RIS). Deterministic: fixed times, ids and briefing date, so running it twice writes the same
 * bytes and a change in an exporter shows as a diff.
 *
 *   npm run example:export
 */

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseText } from '../lib/analyse';
import { describeSpan } from '../lib/anchoring/describe';
import { toCslJson, toRis } from '../lib/export/citation';
import { toCsv } from '../lib/export/csv';
import { toDocx } from '../lib/export/docx';
import type { ExportItem } from '../lib/export/highlights';
import { toMarkdown } from '../lib/export/markdown';
import { toW3CJson } from '../lib/export/w3c';
import { noticeId } from '../lib/identity';
import type { Annotation, AnnotationColour, SavedNotice } from '../lib/types';

const ROOT = join(import.meta.dirname, '..');
const SEEDS = join(ROOT, 'tests', 'fixtures');
const OUT = join(ROOT, 'docs');
/** 2025-02-01 09:00 Beijing time: every saved time in the example. */
const T0 = Date.UTC(2025, 1, 1, 1, 0, 0);
const BRIEFING_DATE = new Date(2025, 1, 3);

/** The analyst's notes on each seed: a phrase of the notice, its colour, the note and tags. */
const NOTES: Array<
  Array<{ phrase: (text: string) => string | null; colour: AnnotationColour; note: string; tags: string[] }>
> = [
  [
    {
      phrase: (t) => firstClause(t, 0),
      colour: 'yellow',
      note: '主体责任落到党委书记个人，督查时先查书记是否“亲自抓”。\r\n与上级通知口径一致。',
      tags: ['主体责任'],
    },
    { phrase: (t) => firstClause(t, 2), colour: 'pink', note: '问责条款：形式主义、弄虚作假单列。', tags: ['问责'] },
  ],
  [{ phrase: (t) => firstClause(t, 0), colour: 'green', note: '职责分工清楚，可作本单位方案的模板。', tags: ['分工'] }],
  [{ phrase: (t) => firstClause(t, 1), colour: 'blue', note: '', tags: [] }],
  [{ phrase: (t) => firstClause(t, 0), colour: 'purple', note: '时限紧，需当周部署。', tags: ['时限', '部署'] }],
  [],
];

const analyses = new Map<string, ReturnType<typeof analyseText>>();

/** The words of the n-th clause of the analysed text (cut to 40 characters), for an annotation. */
function firstClause(text: string, n: number): string | null {
  const clause = analyses.get(text)?.obligations[n];
  return clause ? clause.text.slice(0, 40) : null;
}

function uuid(seed: number, n: number): string {
  return `6a0d2f4e-1c3b-4e5a-9b7c-${String(seed).padStart(6, '0')}${String(n).padStart(6, '0')}`;
}

function seedItems(): ExportItem[] {
  const seeds = readdirSync(SEEDS)
    .filter((d) => /^seed-\d{3}$/.test(d))
    .sort();
  return seeds.map((dir, s) => {
    const source = readFileSync(join(SEEDS, dir, 'source.txt'), 'utf8');
    const a = analyseText(source);
    analyses.set(a.text, a);
    const notice: SavedNotice = {
      id: noticeId(a.metadata, a.metadata.url, a.text),
      urls: a.metadata.url ? [a.metadata.url] : [],
      metadata: a.metadata,
      text: a.text,
      outline: a.outline,
      obligations: a.obligations,
      site: a.site,
      saved: true,
      tags: [],
      createdAt: T0 + s * 60_000,
      updatedAt: T0 + s * 60_000,
    };
    const annotations: Annotation[] = [];
    (NOTES[s] ?? []).forEach((n, k) => {
      const phrase = n.phrase(a.text);
      if (!phrase) return;
      const start = a.text.indexOf(phrase);
      if (start < 0) return;
      const time = T0 + (s * 10 + k + 1) * 3_600_000;
      annotations.push({
        id: uuid(s, k),
        noticeId: notice.id,
        colour: n.colour,
        note: n.note,
        tags: n.tags,
        selectors: describeSpan(a.text, start, start + phrase.length, a.outline),
        quote: phrase,
        createdAt: time,
        updatedAt: time + 600_000,
        deletedAt: null,
      });
    });
    return { notice, annotations };
  });
}

async function main(): Promise<void> {
  const items = seedItems();
  const notices = items.map((i) => i.notice);
  const outputs: Array<[string, string | Uint8Array]> = [
    ['example-export.jsonld', toW3CJson(items)],
    ['example-export.md', toMarkdown(items)],
    ['example-export.csv', toCsv(items)],
    ['example-export.docx', await toDocx(items, { date: BRIEFING_DATE })],
    ['example-export.csl.json', toCslJson(notices)],
    ['example-export.ris', toRis(notices)],
  ];
  for (const [name, data] of outputs) {
    writeFileSync(join(OUT, name), data);
    console.log(`docs/${name}  ${typeof data === 'string' ? Buffer.byteLength(data) : data.length} bytes`);
  }
  const count = items.reduce((n, i) => n + i.annotations.length, 0);
  console.log(`${notices.length} notices, ${count} annotations`);
}

void main();
