/**
 * Library search benchmark: 5,000 notices of ~10,000 characters in fake-indexeddb, 20 queries, median /
 * min / max. Also prints how long building the library took, and each query's hits against a brute-force
 * scan (recall of the index path; `deep` search finds the rest).
 *
 *     npx tsx bench/search.ts [--notices 5000] [--chars 10000] [--annotations 2000]
 *     npx tsx bench/search.ts --recall      # how much of a long notice the bounded term budget keeps
 *
 * Building 5,000 notices takes a while (10–25 minutes on two cores): fake-indexeddb keeps ~7.7 million
 * index entries in a JavaScript tree, and Intl.Segmenter reads every over-budget text. `--notices 1000`
 * gives a quick run. The query timings include fake-indexeddb's cost of cloning every key and record it
 * returns, and garbage collection of its ~2 GB heap, neither of which a browser's IndexedDB has.
 *
 * Texts are generated, deterministically, from sentences of real notices (the seed notices and positive
 * pages of tests/fixtures, else the bundled demo notice and tests/support/generate.ts), with policy topics planted
 * at different frequencies so queries range from a handful of notices to most of them.
 */

import { writeFileSync } from 'node:fs';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { NoticeLensDB } from '../lib/storage/db';
import { NoticeRepository } from '../lib/storage/repository';
import type { SearchResult } from '../lib/storage/search';
import { metadataStrings } from '../lib/storage/records';
import {
  NOTICE_TEXT_TERM_BUDGET,
  disableSegmenterForTests,
  indexTerms,
  normaliseForSearch,
  parseQuery,
} from '../lib/search/terms';
import type { Annotation } from '../lib/types';
import { corpusText } from './corpus';
import { NOTE_PHRASES, TAGS, noticeGenerator, sentencesOf, type NoticeGenerator } from './notices';
import { fmt, summarise } from './stats';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const NOTICES = arg('notices', 5000);
const CHARS = arg('chars', 10_000);
const ANNOTATIONS = arg('annotations', 2000);

/* ----- Deterministic generation (bench/notices.ts) ----- */

let gen: NoticeGenerator;
const rnd = () => gen.rnd();
const pick = <T>(xs: readonly T[]): T => gen.pick(xs);
const generateNotice = (i: number) => gen.notice(i);

/* ----- Recall of the term budget ----- */

function recallReport(): void {
  const seg = new Intl.Segmenter('zh', { granularity: 'word' });
  const docs = Array.from({ length: 6 }, (_, i) => generateNotice(i).snapshot.text);
  for (const useSegmenter of [true, false]) {
    disableSegmenterForTests(!useSegmenter);
    const st = { 'words met once': [0, 0], '4 chars met once': [0, 0], 'met 2+ times': [0, 0], 'met 5+ times': [0, 0] };
    for (const doc of docs) {
      const terms = new Set(indexTerms(doc, NOTICE_TEXT_TERM_BUDGET));
      const findable = (q: string) => {
        const p = parseQuery(q).phrases[0];
        return p.exact.every((t) => terms.has(t)) || (p.words.length > 0 && p.words.every((t) => terms.has(t)));
      };
      const words = new Set<string>();
      for (const s of seg.segment(doc)) if (/^\p{Script=Han}{2,4}$/u.test(s.segment)) words.add(s.segment);
      const grams = new Set<string>();
      for (let i = 0; i + 4 <= doc.length; i += 23)
        if (/^\p{Script=Han}{4}$/u.test(doc.slice(i, i + 4))) grams.add(doc.slice(i, i + 4));
      for (const [set, once] of [
        [words, 'words met once'],
        [grams, '4 chars met once'],
      ] as const) {
        for (const q of set) {
          const n = doc.split(q).length - 1;
          const ok = findable(q) ? 1 : 0;
          const bucket = n === 1 ? st[once] : st['met 2+ times'];
          bucket[0] += ok;
          bucket[1]++;
          if (n >= 5) {
            st['met 5+ times'][0] += ok;
            st['met 5+ times'][1]++;
          }
        }
      }
    }
    console.log(
      `budget ${NOTICE_TEXT_TERM_BUDGET}, Intl.Segmenter ${useSegmenter ? 'on ' : 'off'}: ` +
        Object.entries(st)
          .map(([k, [a, b]]) => `${k} ${((100 * a) / b).toFixed(0)}% (${b})`)
          .join(', '),
    );
  }
  disableSegmenterForTests(false);
}

/* ----- Main ----- */

const QUERIES = [
  '疫情防控',
  '党组织',
  '安全生产',
  '营商环境',
  '数据安全',
  '乡村振兴',
  '个人信息保护',
  '知识产权',
  '应急管理',
  '监督管理',
  '工作',
  '税',
  '国务院办公厅',
  '2020',
  '疫情防控 党组织',
  '碳达峰',
  '复核意见',
  '重点',
  '量子计算机',
  '依法',
];

async function main(): Promise<void> {
  const sentences = sentencesOf(corpusText());
  gen = noticeGenerator(20240520, sentences, CHARS);
  if (args.includes('--recall')) return recallReport();

  console.log(
    `search benchmark: ${NOTICES} notices × ~${CHARS} characters, ${ANNOTATIONS} annotations, ${sentences.length} source sentences`,
  );
  let t0 = performance.now();
  const notices = Array.from({ length: NOTICES }, (_, i) => generateNotice(i));
  console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  let clock = 1_700_000_000_000;
  const db = new NoticeLensDB(`bench-${Date.now()}`, { indexedDB, IDBKeyRange });
  const repo = new NoticeRepository(db, { now: () => clock });
  t0 = performance.now();
  for (let i = 0; i < notices.length; i += 100) {
    clock += 1000;
    await repo.upsertNotices(notices.slice(i, i + 100).map((n) => n.snapshot));
    if ((i / 100) % 10 === 9)
      process.stdout.write(`  ${i + 100} notices, ${((performance.now() - t0) / 1000).toFixed(0)} s\r`);
  }
  const annotationNotes: string[] = [];
  for (let k = 0; k < ANNOTATIONS; k++) {
    const n = notices[Math.floor(rnd() * notices.length)].snapshot;
    const start = Math.floor(rnd() * (n.text.length - 40));
    const note = rnd() < 0.02 ? pick(NOTE_PHRASES.slice(0, 1)) : pick(NOTE_PHRASES.slice(1));
    annotationNotes.push(note);
    clock += 10;
    const a: Annotation = {
      id: `bench-${k}`,
      noticeId: n.id,
      colour: 'yellow',
      note,
      tags: rnd() < 0.2 ? [pick(TAGS)] : [],
      selectors: [{ type: 'TextPositionSelector', start, end: start + 30 }],
      quote: n.text.slice(start, start + 30),
      createdAt: clock,
      updatedAt: clock,
      deletedAt: null,
    };
    await repo.putAnnotation(a);
  }
  const buildSeconds = (performance.now() - t0) / 1000;
  const termRows = await db.noticeTerms.toArray();
  const entries = termRows.reduce((s, r) => s + r.terms.length, 0);
  console.log(
    `built in ${buildSeconds.toFixed(1)} s: ${entries.toLocaleString('en')} notice index entries ` +
      `(${(entries / NOTICES).toFixed(0)} per notice, body budget ${NOTICE_TEXT_TERM_BUDGET}); heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
  );

  // Brute force for recall: every notice's title, metadata, tags, text, and its annotations.
  const haystacks = new Map<string, string>();
  for (const { snapshot: s } of notices) {
    haystacks.set(
      s.id,
      normaliseForSearch(
        [s.metadata.title ?? '', ...metadataStrings(s.metadata), ...(s.tags ?? []), s.text].join('\n'),
      ),
    );
  }
  const notesByNotice = new Map<string, string>();
  for (const a of await db.annotations.toArray()) {
    notesByNotice.set(
      a.noticeId,
      `${notesByNotice.get(a.noticeId) ?? ''}\n${normaliseForSearch(`${a.note}\n${a.tags.join('\n')}`)}`,
    );
  }
  const truth = (q: string) => {
    const phrases = parseQuery(q).phrases.map((p) => p.text);
    let n = 0;
    for (const [id, h] of haystacks) {
      const all = `${h}\n${notesByNotice.get(id) ?? ''}`;
      if (phrases.every((p) => all.includes(p))) n++;
    }
    return n;
  };

  for (const q of QUERIES) await repo.search(q); // warm-up
  // --profile FILE: a CPU profile of the timed queries (open in Chrome DevTools).
  const profileAt = args.indexOf('--profile');
  const { Session } = await import('node:inspector/promises');
  const session = profileAt >= 0 ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const samples: number[] = [];
  const cpu: number[] = [];
  const pages: SearchResult[] = [];
  for (const q of QUERIES) {
    const c0 = process.cpuUsage();
    const s = performance.now();
    pages.push(await repo.search(q, {}, { limit: 50 }));
    samples.push(performance.now() - s);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(args[profileAt + 1], JSON.stringify(profile));
  }
  // Recall of the fast path: its first 500 hits against a brute-force scan (not timed).
  const rows: string[] = [];
  for (let i = 0; i < QUERIES.length; i++) {
    const q = QUERIES[i];
    const r = pages[i];
    const full = await repo.search(q, {}, { limit: 500 });
    const expected = truth(q);
    const recall = expected === 0 ? 1 : Math.min(full.hits.length, 500) / Math.min(expected, 500);
    rows.push(
      `  ${q.padEnd(12, '　')} ${samples[i].toFixed(1).padStart(6)} ms (cpu ${cpu[i].toFixed(1).padStart(5)})  page ${String(r.hits.length).padStart(2)}  ` +
        `matching ${String(expected).padStart(4)}  fast path finds ${(100 * recall).toFixed(0).padStart(3)}%${r.partial ? ' (partial)' : ''}` +
        (r.hits[0] ? `  first: tier ${r.hits[0].titleTier} ${r.hits[0].fields.join('+')}` : ''),
    );
  }
  console.log(rows.join('\n'));
  console.log(`20 queries, first page of 50: ${fmt(summarise(samples))}`);
  console.log(`  process CPU time per query (less sensitive to other load on the machine): ${fmt(summarise(cpu))}`);

  const deep: number[] = [];
  for (const q of ['碳达峰', '量子计算机', '监督管理']) {
    const s = performance.now();
    await repo.search(q, {}, { limit: 50, deep: true });
    deep.push(performance.now() - s);
  }
  console.log(`deep search (reads texts; 3 queries incl. one with no hit): ${fmt(summarise(deep))}`);

  const list: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    await repo.listNotices({ filters: { saved: true, year: 2020 }, limit: 50, offset: i * 50 });
    list.push(performance.now() - s);
  }
  console.log(`library page (saved, year 2020, 50 per page): ${fmt(summarise(list))}`);
  db.close();
}

void main();
