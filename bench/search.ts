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
 * Texts are generated, deterministically, from sentences of real notices (../shared/seeds and the positive
 * fixtures when present, else the bundled demo notice and bench/generate.ts), with policy topics planted
 * at different frequencies so queries range from a handful of notices to most of them.
 */

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { NoticeLensDB } from '../lib/storage/db';
import { NoticeRepository } from '../lib/storage/repository';
import type { SearchResult } from '../lib/storage/search';
import { metadataStrings, type NoticeSnapshot } from '../lib/storage/records';
import { noticeId } from '../lib/identity';
import { NOTICE_TEXT_TERM_BUDGET, disableSegmenterForTests, indexTerms, normaliseForSearch, parseQuery } from '../lib/search/terms';
import type { Annotation, Clause, NoticeMetadata, OutlineItem } from '../lib/types';
import { generateRegulation } from './generate';
import { fmt, summarise } from './stats';
import { prng as mulberry32 } from './prng';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const NOTICES = arg('notices', 5000);
const CHARS = arg('chars', 10_000);
const ANNOTATIONS = arg('annotations', 2000);

/* ----- Corpus ----- */

function corpusText(): string {
  const shared = resolve(HERE, '../../shared');
  const parts: string[] = [];
  for (const dir of ['seeds', 'fixtures']) {
    const d = resolve(shared, dir);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d)) {
      if (dir === 'fixtures' && !f.startsWith('pos-')) continue;
      parts.push(
        readFileSync(resolve(d, f), 'utf8')
          .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, '')
          .replace(/<[^>]+>/g, '\n')
          .replace(/&[a-z]+;/g, ''),
      );
    }
  }
  if (parts.length === 0) {
    parts.push(readFileSync(resolve(HERE, '../demo/notice.html'), 'utf8').replace(/<[^>]+>/g, '\n'));
    parts.push(generateRegulation(20_000));
  }
  return parts.join('\n');
}

function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const s of text.split(/(?<=[。；！？])|\n+/)) {
    const t = s.replace(/[\s\u3000]+/g, '').trim();
    const han = t.match(/\p{Script=Han}/gu)?.length ?? 0;
    if (han >= 8 && t.length <= 160 && han / t.length > 0.6) out.push(t);
  }
  return [...new Set(out)];
}

/* ----- Deterministic generation ----- */

const rnd = mulberry32(20240520);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
/** Zipf-like: index i chosen with weight 1/(i+1). */
function zipf<T>(xs: readonly T[]): T {
  const h = xs.reduce((s, _, i) => s + 1 / (i + 1), 0);
  let r = rnd() * h;
  for (let i = 0; i < xs.length; i++) {
    r -= 1 / (i + 1);
    if (r <= 0) return xs[i];
  }
  return xs[xs.length - 1];
}

const TOPICS = [
  '疫情防控', '安全生产', '营商环境', '乡村振兴', '生态环境保护', '食品安全', '知识产权', '应急管理', '数据安全',
  '社会保险', '税收优惠', '金融风险防范', '养老服务', '城市更新', '网络安全', '医疗保障', '教育督导', '科技创新',
  '就业创业', '住房保障', '交通运输', '个人信息保护', '文物保护', '粮食安全', '统计调查', '审计监督', '政务公开',
  '信用体系建设', '消防安全', '碳达峰',
];
const ISSUERS: [string, string][] = [
  ['国务院', '国发'], ['国务院办公厅', '国办发'], ['财政部', '财税'], ['国家税务总局', '税总发'], ['生态环境部', '环发'],
  ['应急管理部', '应急'], ['市场监管总局', '国市监'], ['人力资源社会保障部', '人社部发'], ['教育部', '教督'],
  ['中国人民银行', '银发'], ['国家发展改革委', '发改'], ['工业和信息化部', '工信部'], ['住房城乡建设部', '建房'],
  ['交通运输部', '交运发'], ['国家卫生健康委', '国卫'], ['某某省人民政府', '某政发'], ['某某市人民政府办公室', '某政办发'],
];
const DOC_TYPES = ['通知', '意见', '办法', '决定', '方案', '规定'];
const TAGS = ['重点', '待办', '季度报告', '已传达', '需跟进', '对标'];
const NOTE_PHRASES = ['复核意见：需与法规处确认', '与上年度文件对照', '落实情况待报', '重点关注时限要求', '建议纳入年度计划'];

function generateNotice(i: number, sentences: string[]): { snapshot: NoticeSnapshot; updatedAt: number } {
  const topic = zipf(TOPICS);
  const others = [zipf(TOPICS), zipf(TOPICS), pick(TOPICS)].filter((t) => t !== topic);
  const [issuer, abbr] = zipf(ISSUERS);
  const docType = pick(DOC_TYPES);
  const year = 2015 + Math.floor(rnd() * 11);
  const title = `${issuer}关于${pick(['进一步加强', '做好', '深入推进', '印发', '规范'])}${topic}${pick(['工作', '管理', '有关事项', '实施方案'])}的${docType}`;
  const docNumber = `${abbr}〔${year}〕${1 + Math.floor(rnd() * 120)}号`;
  const lines: string[] = [];
  const outline: OutlineItem[] = [];
  const obligations: Clause[] = [];
  let length = 0;
  const push = (line: string) => {
    lines.push(line);
    length += line.length + 1;
  };
  push('各省、自治区、直辖市人民政府，国务院各部委、各直属机构：');
  let section = 0;
  const NUM = '一二三四五六七八九十';
  while (length < CHARS - 200) {
    if (lines.length % 12 === 1 && section < 10) {
      const heading = `${NUM[section++]}、${pick(['切实加强', '全面落实', '着力推进', '严格规范'])}${rnd() < 0.5 ? topic : pick(others.length ? others : TOPICS)}`;
      outline.push({ level: 1, label: `${NUM[section - 1]}、`, title: heading.slice(2), start: length });
      push(heading);
    }
    let para = '';
    for (let k = 0; k < 4; k++) {
      let s = pick(sentences);
      const r = rnd();
      if (r < 0.12) s = `各地区各部门要高度重视${topic}工作，${s}`;
      else if (r < 0.15 && others.length) s = `同时做好${pick(others)}相关工作，${s}`;
      para += s;
    }
    const start = length;
    push(para);
    if (obligations.length < 40 && rnd() < 0.5) {
      const end = start + Math.min(60, para.length);
      obligations.push({
        category: 'obligation', categories: ['obligation'], strength: 'hard', start, end, text: para.slice(0, end - start),
        trigger: '应当', bearer: { text: '各地区各部门', source: 'explicit' }, deadline: null, quoted: false, heading: false, score: 0.8,
      });
    }
  }
  const text = `${title}\n${docNumber}\n${lines.join('\n')}`.slice(0, CHARS);
  const metadata: NoticeMetadata = {
    title, docType, docNumber, issuers: [issuer], addressees: ['各省、自治区、直辖市人民政府'],
    signedDate: `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
    publishedDate: null, effectiveDate: null, validity: '现行有效', level: '部门规范性文件', citationCode: null,
    url: `https://www.gov.cn/zhengce/content/${year}/content_${5_000_000 + i}.htm`,
  };
  const url = metadata.url!;
  // Generated 文号 can repeat; key by URL so every generated notice is its own record.
  const id = noticeId({ ...metadata, docNumber: null }, url);
  return {
    snapshot: {
      id,
      urls: [url], metadata, text, outline: outline.filter((o) => o.start <= text.length),
      obligations: obligations.filter((c) => c.end <= text.length), site: 'govcn',
      saved: rnd() < 0.8, tags: rnd() < 0.15 ? [pick(TAGS)] : [],
    },
    updatedAt: i,
  };
}

/* ----- Recall of the term budget ----- */

function recallReport(sentences: string[]): void {
  const seg = new Intl.Segmenter('zh', { granularity: 'word' });
  const docs = Array.from({ length: 6 }, (_, i) => generateNotice(i, sentences).snapshot.text);
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
      for (let i = 0; i + 4 <= doc.length; i += 23) if (/^\p{Script=Han}{4}$/u.test(doc.slice(i, i + 4))) grams.add(doc.slice(i, i + 4));
      for (const [set, once] of [[words, 'words met once'], [grams, '4 chars met once']] as const) {
        for (const q of set) {
          const n = doc.split(q).length - 1;
          const ok = findable(q) ? 1 : 0;
          const bucket = n === 1 ? st[once] : st['met 2+ times'];
          bucket[0] += ok;
          bucket[1]++;
          if (n >= 5) (st['met 5+ times'][0] += ok), st['met 5+ times'][1]++;
        }
      }
    }
    console.log(
      `budget ${NOTICE_TEXT_TERM_BUDGET}, Intl.Segmenter ${useSegmenter ? 'on ' : 'off'}: ` +
        Object.entries(st).map(([k, [a, b]]) => `${k} ${((100 * a) / b).toFixed(0)}% (${b})`).join(', '),
    );
  }
  disableSegmenterForTests(false);
}

/* ----- Main ----- */

const QUERIES = [
  '疫情防控', '党组织', '安全生产', '营商环境', '数据安全', '乡村振兴', '个人信息保护', '知识产权', '应急管理', '监督管理',
  '工作', '税', '国务院办公厅', '2020', '疫情防控 党组织', '碳达峰', '复核意见', '重点', '量子计算机', '依法',
];

async function main(): Promise<void> {
  const sentences = sentencesOf(corpusText());
  if (args.includes('--recall')) return recallReport(sentences);

  console.log(`search benchmark: ${NOTICES} notices × ~${CHARS} characters, ${ANNOTATIONS} annotations, ${sentences.length} source sentences`);
  let t0 = performance.now();
  const notices = Array.from({ length: NOTICES }, (_, i) => generateNotice(i, sentences));
  console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  let clock = 1_700_000_000_000;
  const db = new NoticeLensDB(`bench-${Date.now()}`, { indexedDB, IDBKeyRange });
  const repo = new NoticeRepository(db, { now: () => clock });
  t0 = performance.now();
  for (let i = 0; i < notices.length; i += 100) {
    clock += 1000;
    await repo.upsertNotices(notices.slice(i, i + 100).map((n) => n.snapshot));
    if ((i / 100) % 10 === 9) process.stdout.write(`  ${i + 100} notices, ${((performance.now() - t0) / 1000).toFixed(0)} s\r`);
  }
  const annotationNotes: string[] = [];
  for (let k = 0; k < ANNOTATIONS; k++) {
    const n = notices[Math.floor(rnd() * notices.length)].snapshot;
    const start = Math.floor(rnd() * (n.text.length - 40));
    const note = rnd() < 0.02 ? pick(NOTE_PHRASES.slice(0, 1)) : pick(NOTE_PHRASES.slice(1));
    annotationNotes.push(note);
    clock += 10;
    const a: Annotation = {
      id: `bench-${k}`, noticeId: n.id, colour: 'yellow', note, tags: rnd() < 0.2 ? [pick(TAGS)] : [],
      selectors: [{ type: 'TextPositionSelector', start, end: start + 30 }], quote: n.text.slice(start, start + 30),
      createdAt: clock, updatedAt: clock, deletedAt: null,
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
    haystacks.set(s.id, normaliseForSearch([s.metadata.title ?? '', ...metadataStrings(s.metadata), ...(s.tags ?? []), s.text].join('\n')));
  }
  const notesByNotice = new Map<string, string>();
  for (const a of await db.annotations.toArray()) {
    notesByNotice.set(a.noticeId, `${notesByNotice.get(a.noticeId) ?? ''}\n${normaliseForSearch(`${a.note}\n${a.tags.join('\n')}`)}`);
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
