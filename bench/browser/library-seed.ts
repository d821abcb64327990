/**
 * Fills the extension's own database with a generated library, through the extension's own storage code.
 * Bundled by `library.ts` (esbuild, IIFE) and evaluated in an extension page, so it writes the
 * chrome-extension:// origin's IndexedDB that the popup and the library page read.
 *
 * Notices: `bench/notices.ts` (the generator `bench/search.ts` uses), stored with `upsertNotices` in
 * batches. Annotations: spread over the notices with a heavy tail (a few notices carry hundreds, the
 * median a dozen or so), most with a note, some with tags, stored with `putAnnotations` in batches.
 */

import { NoticeLensDB, NoticeRepository } from '../../lib/storage';
import type { NoticeSnapshot } from '../../lib/storage';
import { ANNOTATION_COLOURS, type Annotation } from '../../lib/types';
import { NOTE_PHRASES, TAGS, noticeGenerator } from '../notices';

export interface SeedOptions {
  sentences: string[];
  notices: number;
  annotations: number;
  chars: number;
  seed?: number;
}

export interface SeedOutcome {
  notices: number;
  annotations: number;
  /** Characters of all notice texts. */
  textChars: number;
  /** Notice ids with their live annotation counts, busiest first (the first 20), and one with the median count. */
  busiest: Array<{ id: string; annotations: number }>;
  median: { id: string; annotations: number };
  /** Words planted in notes and annotation tags (for searches that only notes and tags answer). */
  noteWords: string[];
  seconds: number;
}

/** Annotation tags beyond the notice tags, and notes that name things no notice text says. */
const ANNOTATION_TAGS = [...TAGS, '纪律', '考核指标', '风险点', '专项督查'];
const NOTE_ONLY = ['与督查室口径核对', '列入整改台账', '此条与上位法衔接不清', '请法规处出具书面意见'];

/**
 * The generator draws 文号 at random, so two notices of one issuer and year can get the same one; the library
 * keeps one entry per document (same 发文字号, an issuer in common), and would merge them. Each generated
 * notice is its own document: a 文号 already given is replaced (in the metadata and the text) by the next
 * free serial number of that issuer and year.
 */
function distinctDocNumbers(): (n: NoticeSnapshot) => NoticeSnapshot {
  const given = new Set<string>();
  return (n) => {
    const number = n.metadata.docNumber;
    if (!number) return n;
    let unique = number;
    const parts = /^(.*〔\d+〕)(\d+)号$/.exec(number);
    for (let k = parts ? Number(parts[2]) : 1; given.has(unique); k++)
      unique = parts ? `${parts[1]}${k}号` : `${number}${k}`;
    given.add(unique);
    if (unique === number) return n;
    return { ...n, metadata: { ...n.metadata, docNumber: unique }, text: n.text.replace(number, unique) };
  };
}

export async function seedLibrary(
  o: SeedOptions,
  progress: (line: string) => void = () => undefined,
): Promise<SeedOutcome> {
  const started = performance.now();
  const gen = noticeGenerator(o.seed ?? 20240520, o.sentences, o.chars);
  const rnd = () => gen.rnd();
  const pick = <T>(xs: readonly T[]): T => gen.pick(xs);
  const db = new NoticeLensDB();
  const repo = new NoticeRepository(db);

  // How many annotations each notice gets: weight 1/rank^0.7 over a shuffled order, so the heavy notices
  // are anywhere in the library (not only the oldest).
  const ranks = Array.from({ length: o.notices }, (_, i) => i);
  for (let i = ranks.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [ranks[i], ranks[j]] = [ranks[j], ranks[i]];
  }
  const weights = ranks.map((r) => 1 / (r + 1) ** 0.7);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((o.annotations * w) / sum));
  const byRank: number[] = [];
  ranks.forEach((r, i) => (byRank[r] = i));
  let left = o.annotations - counts.reduce((a, b) => a + b, 0);
  for (let r = 0; left > 0; r = (r + 1) % counts.length, left--) counts[byRank[r]]++;

  const BATCH = 100;
  const distinct = distinctDocNumbers();
  let textChars = 0;
  let annotationNo = 0;
  const ids: string[] = [];
  // Two batches in flight: the next batch's terms are computed here while the database writes the last.
  let inFlight: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < o.notices; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, o.notices - i) }, (_, k) =>
      distinct(gen.notice(i + k).snapshot),
    );
    const annotations: Annotation[] = [];
    batch.forEach((n, k) => {
      ids.push(n.id);
      textChars += n.text.length;
      for (let c = 0; c < counts[i + k]; c++) {
        const length = 8 + Math.floor(rnd() * 60);
        const start = Math.floor(rnd() * Math.max(1, n.text.length - length));
        const quote = n.text.slice(start, start + length);
        const r = rnd();
        const note =
          r < 0.25
            ? ''
            : r < 0.3
              ? pick(NOTE_ONLY)
              : r < 0.75
                ? pick(NOTE_PHRASES)
                : `${pick(NOTE_PHRASES)}；${n.text.slice(start, start + 12)}`;
        const at = 1_700_000_000_000 + annotationNo * 1000;
        annotations.push({
          id: `bench-${annotationNo++}`,
          noticeId: n.id,
          colour: pick(ANNOTATION_COLOURS),
          note,
          tags: rnd() < 0.3 ? [pick(ANNOTATION_TAGS), ...(rnd() < 0.2 ? [pick(ANNOTATION_TAGS)] : [])] : [],
          selectors: [
            {
              type: 'TextQuoteSelector',
              exact: quote,
              prefix: n.text.slice(Math.max(0, start - 32), start),
              suffix: n.text.slice(start + length, start + length + 32),
            },
            { type: 'TextPositionSelector', start, end: start + length },
          ],
          quote,
          createdAt: at,
          updatedAt: at,
          deletedAt: null,
        });
      }
    });
    // upsertNotices computes the terms before it opens its transaction, which IndexedDB runs after the
    // ones already queued on the same tables; the annotations wait for their notices.
    const stored = repo.upsertNotices(batch).then(async () => {
      for (let a = 0; a < annotations.length; a += 2000) await repo.putAnnotations(annotations.slice(a, a + 2000));
    });
    await inFlight;
    inFlight = stored;
    if ((i / BATCH) % 10 === 9 || i + BATCH >= o.notices) {
      progress(
        `${Math.min(i + BATCH, o.notices)} notices, ${annotationNo} annotations, ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
    }
  }
  await inFlight;

  const byCount = ids.map((id, i) => ({ id, annotations: counts[i] })).sort((a, b) => b.annotations - a.annotations);
  const outcome: SeedOutcome = {
    notices: await db.notices.count(),
    annotations: await db.annotations.count(),
    textChars,
    busiest: byCount.slice(0, 20),
    median: byCount[byCount.length >> 1],
    noteWords: NOTE_ONLY,
    seconds: (performance.now() - started) / 1000,
  };
  db.close();
  return outcome;
}

(globalThis as unknown as { noticeLensSeed: typeof seedLibrary }).noticeLensSeed = seedLibrary;
