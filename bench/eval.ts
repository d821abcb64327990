/**
 * `npm run eval`: the engine against the labelled corpus (tests/fixtures/corpus, labelled by
 * docs/labelling.md), for the development part, the held-out part and each genre.
 *
 * Figures, as the labelling standard defines them (units are the analysed text split at 。！？； and line
 * breaks; quoted units and headings are not scored):
 * - unit precision / recall: a unit is reported when a clause overlaps it by 4 characters (or all of a shorter
 *   unit); precision = reported units that carry a label / reported units; recall = labelled units reported;
 * - category: of the labelled units found, those where one of the unit's labels is among the categories of the
 *   clauses over it; F1 per category on units;
 * - bearer exact: of the found units whose label names a bearer, those whose clause reports exactly it;
 * - deadline: of the units that state a deadline, those found with a deadline that contains it or lies in it;
 * - metadata: title, 发文字号, 发文机关 (the set) and 成文日期 equal to the labels, per notice;
 * - detection: notices judged notices (recall) and pages judged notices that are notices (precision).
 * A keyword baseline (clauses = units holding 应当/必须/不得/可以) is printed for scale.
 *
 * Options: `--json` prints the figures as JSON; `--part dev|heldout` limits the documents; `--cases a,b`.
 */
import { analyseFileContent, type toCliRecord } from '../lib/cli/analyze';
import '../lib/extract/bundled-readability';
import { OBLIGATION_CATEGORIES } from '../lib/types';
import { loadCorpus, type Category, type CorpusCase, type GoldUnit } from '../tests/support/corpus';
import { splitUnits, unitKey, type Unit } from '../tests/support/units';

type Record = ReturnType<typeof toCliRecord>;
type Clause = Record['obligations'][number] & { deadlines?: string[] };

const CATEGORIES: readonly Category[] = OBLIGATION_CATEGORIES;
const METADATA_FIELDS = ['title', 'docNumber', 'issuers', 'signedDate'] as const;

interface Tally {
  docs: number;
  notices: number;
  scored: number;
  gold: number;
  reported: number;
  reportedGold: number;
  found: number;
  categoryRight: number;
  perCategory: { [c in Category]: { tp: number; fp: number; fn: number } };
  bearerGold: number;
  bearerRight: number;
  deadlineGold: number;
  deadlineFound: number;
  meta: { [f in (typeof METADATA_FIELDS)[number]]: { right: number; of: number } };
  detect: { tp: number; fp: number; fn: number };
  baselineFound: number;
  lostUnits: number;
}

function emptyTally(): Tally {
  const perCategory = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Tally['perCategory'];
  const meta = Object.fromEntries(METADATA_FIELDS.map((f) => [f, { right: 0, of: 0 }])) as Tally['meta'];
  return {
    docs: 0,
    notices: 0,
    scored: 0,
    gold: 0,
    reported: 0,
    reportedGold: 0,
    found: 0,
    categoryRight: 0,
    perCategory,
    bearerGold: 0,
    bearerRight: 0,
    deadlineGold: 0,
    deadlineFound: 0,
    meta,
    detect: { tp: 0, fp: 0, fn: 0 },
    baselineFound: 0,
    lostUnits: 0,
  };
}

function add(into: Tally, t: Tally): void {
  for (const k of Object.keys(t) as Array<keyof Tally>) {
    const v = t[k];
    if (typeof v === 'number') (into[k] as number) += v;
  }
  for (const c of CATEGORIES)
    for (const k of ['tp', 'fp', 'fn'] as const) into.perCategory[c][k] += t.perCategory[c][k];
  for (const f of METADATA_FIELDS) {
    into.meta[f].right += t.meta[f].right;
    into.meta[f].of += t.meta[f].of;
  }
  for (const k of ['tp', 'fp', 'fn'] as const) into.detect[k] += t.detect[k];
}

/** The gold units placed on the current analysed text, matched on their keys in order. */
function align(gold: GoldUnit[], units: Unit[]): Array<{ gold: GoldUnit; unit: Unit | null }> {
  const out: Array<{ gold: GoldUnit; unit: Unit | null }> = [];
  let next = 0;
  for (const g of gold) {
    const key = unitKey(g.text);
    let hit = -1;
    for (let j = next; j < Math.min(units.length, next + 50); j++) {
      if (units[j].key === key) {
        hit = j;
        break;
      }
    }
    if (hit < 0) {
      out.push({ gold: g, unit: null });
      continue;
    }
    out.push({ gold: g, unit: units[hit] });
    next = hit + 1;
  }
  return out;
}

function overlap(unit: Unit, c: { start: number; end: number }): number {
  return Math.min(unit.end, c.end) - Math.max(unit.start, c.start);
}

function covering(unit: Unit, clauses: Clause[]): Clause[] {
  const need = Math.min(4, unit.end - unit.start);
  return clauses.filter((c) => overlap(unit, c) >= need).sort((a, b) => overlap(unit, b) - overlap(unit, a));
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
  a != null && b != null && unitKey(a) === unitKey(b);

function deadlineMatches(gold: string, clause: Clause): boolean {
  const g = unitKey(gold);
  const found = clause.deadlines ?? (clause.deadline ? [clause.deadline] : []);
  return found.some((d) => {
    const k = unitKey(d);
    return k.length > 0 && (k.includes(g) || g.includes(k));
  });
}

const BASELINE = /应当|必须|不得|可以/;

function scoreCase(c: CorpusCase): { tally: Tally; record: Record | null; error?: string } {
  const t = emptyTally();
  t.docs = 1;
  const analysed = analyseFileContent(c.file, c.content, c.labels.url);
  if ('error' in analysed) return { tally: t, record: null, error: analysed.error };
  const record = analysed;
  const notice = c.labels.notice;
  if (notice) t.notices = 1;
  if (notice && record.isNotice) t.detect.tp++;
  else if (notice) t.detect.fn++;
  else if (record.isNotice) t.detect.fp++;

  if (notice) {
    const m = record.metadata;
    const gm = c.labels.metadata;
    const field = (f: (typeof METADATA_FIELDS)[number], right: boolean) => {
      t.meta[f].of++;
      if (right) t.meta[f].right++;
    };
    field('title', same(m.title, gm.title) || (m.title === null && gm.title === null));
    field('docNumber', same(m.docNumber, gm.docNumber) || (m.docNumber === null && gm.docNumber === null));
    const issuers = (xs: string[]) => [...new Set(xs.map(unitKey))].sort().join('|');
    field('issuers', issuers(m.issuers) === issuers(gm.issuers));
    field('signedDate', m.signedDate === gm.signedDate);
  }

  const clauses = record.obligations as Clause[];
  for (const { gold, unit } of align(c.labels.units, splitUnits(record.text))) {
    if (gold.quoted || gold.heading) continue;
    if (!unit) {
      if (gold.labels.length) t.lostUnits++;
      continue;
    }
    t.scored++;
    const over = covering(unit, clauses);
    const labelled = gold.labels.length > 0;
    if (labelled) t.gold++;
    if (over.length) {
      t.reported++;
      if (labelled) t.reportedGold++;
    }
    if (labelled && BASELINE.test(unit.text)) t.baselineFound++;
    const predicted = new Set(over.flatMap((o) => o.categories));
    for (const cat of CATEGORIES) {
      const g = gold.labels.includes(cat);
      const p = predicted.has(cat);
      if (g && p) t.perCategory[cat].tp++;
      else if (p) t.perCategory[cat].fp++;
      else if (g) t.perCategory[cat].fn++;
    }
    if (labelled && gold.deadline) t.deadlineGold++;
    if (!labelled || !over.length) continue;
    t.found++;
    if (gold.labels.some((l) => predicted.has(l))) t.categoryRight++;
    if (gold.bearer) {
      t.bearerGold++;
      if (same(over[0].bearer, gold.bearer)) t.bearerRight++;
    }
    if (gold.deadline && over.some((o) => deadlineMatches(gold.deadline!, o))) t.deadlineFound++;
  }
  return { tally: t, record };
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
const f1 = (x: { tp: number; fp: number; fn: number }) =>
  x.tp + x.fp + x.fn === 0 ? null : (2 * x.tp) / (2 * x.tp + x.fp + x.fn);

function figures(t: Tally) {
  return {
    documents: t.docs,
    scoredUnits: t.scored,
    labelledUnits: t.gold,
    precision: ratio(t.reportedGold, t.reported),
    recall: ratio(t.found, t.gold),
    categoryAccuracy: ratio(t.categoryRight, t.found),
    f1: Object.fromEntries(CATEGORIES.map((c) => [c, f1(t.perCategory[c])])),
    bearerExact: ratio(t.bearerRight, t.bearerGold),
    bearerUnits: t.bearerGold,
    deadlineRecall: ratio(t.deadlineFound, t.deadlineGold),
    deadlineUnits: t.deadlineGold,
    metadata: Object.fromEntries(METADATA_FIELDS.map((f) => [f, ratio(t.meta[f].right, t.meta[f].of)])),
    detectionPrecision: ratio(t.detect.tp, t.detect.tp + t.detect.fp),
    detectionRecall: ratio(t.detect.tp, t.detect.tp + t.detect.fn),
    baselineRecall: ratio(t.baselineFound, t.gold),
    unitsNotFoundInText: t.lostUnits,
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const partArg = args.indexOf('--part');
  const part = partArg >= 0 ? args[partArg + 1] : null;
  const casesArg = args.indexOf('--cases');
  const only = casesArg >= 0 ? new Set(args[casesArg + 1].split(',')) : null;
  const cases = loadCorpus().filter((c) => (!part || c.labels.split === part) && (!only || only.has(c.name)));
  if (cases.length === 0) {
    console.error('no labelled cases in tests/fixtures/corpus');
    process.exitCode = 1;
    return;
  }
  const parts = new Map<string, Tally>();
  const genres = new Map<string, Tally>();
  const perCase: Array<{ name: string; split: string; genre: string; figures: ReturnType<typeof figures> }> = [];
  const total = emptyTally();
  for (const c of cases) {
    const { tally, error } = scoreCase(c);
    if (error) console.error(`${c.name}: ${error}`);
    add(total, tally);
    const p = parts.get(c.labels.split) ?? emptyTally();
    add(p, tally);
    parts.set(c.labels.split, p);
    const gk = `${c.labels.split} · ${c.labels.genre}`;
    const g = genres.get(gk) ?? emptyTally();
    add(g, tally);
    genres.set(gk, g);
    perCase.push({ name: c.name, split: c.labels.split, genre: c.labels.genre, figures: figures(tally) });
  }
  const report = {
    parts: Object.fromEntries([...parts].map(([k, t]) => [k, figures(t)])),
    all: figures(total),
    genres: Object.fromEntries([...genres].sort().map(([k, t]) => [k, figures(t)])),
    cases: perCase,
  };
  if (json) {
    console.log(JSON.stringify(report, null, 1));
    return;
  }
  const pct = (x: number | null) => (x === null ? '–' : x.toFixed(2));
  const row = (name: string, f: ReturnType<typeof figures>) =>
    `| ${name} | ${f.documents} | ${f.labelledUnits}/${f.scoredUnits} | ${pct(f.precision)} / ${pct(f.recall)} | ${pct(
      f.categoryAccuracy,
    )} | ${CATEGORIES.map((c) => pct(f.f1[c])).join(' / ')} | ${pct(f.bearerExact)} (${f.bearerUnits}) | ${pct(
      f.deadlineRecall,
    )} (${f.deadlineUnits}) | ${METADATA_FIELDS.map((m) => pct(f.metadata[m])).join(' / ')} | ${pct(
      f.detectionPrecision,
    )} / ${pct(f.detectionRecall)} | ${pct(f.baselineRecall)} |`;
  const head =
    '| part | docs | labelled/scored units | unit P / R | category | F1 obl / pro / per / enc / acc | bearer exact (n) | deadline recall (n) | title / 文号 / 机关 / 成文日期 | detection P / R | keyword baseline R |\n|---|---|---|---|---|---|---|---|---|---|---|';
  console.log(head);
  for (const [k, f] of Object.entries(report.parts)) console.log(row(k, f));
  console.log(row('all', report.all));
  console.log(`\nBy genre\n\n${head}`);
  for (const [k, f] of Object.entries(report.genres)) console.log(row(k, f));
  const lost = report.all.unitsNotFoundInText;
  if (lost)
    console.log(`\n${lost} labelled units no longer found in the analysed text (re-run scripts/corpus-units.ts).`);
}

main();
