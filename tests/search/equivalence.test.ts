/**
 * The search reads as little as it can (small probes, texts only for possible hits, notes from their own
 * index); what it answers must not change. Checked against a brute-force search that reads every notice, text
 * and annotation (`tests/support/reference-search.ts`) on a generated library, query by query.
 */
import { describe, expect, it } from 'vitest';
import { searchNotices } from '../../lib/storage/search';
import type { NoticeFilters, NoticeSnapshot } from '../../lib/storage/records';
import { prng } from '../support/prng';
import { annotation, freshRepo, metadata, snapshot } from '../storage/fixtures';
import { searchNotices as referenceSearch } from '../support/reference-search';

const WORDS = [
  '疫情防控',
  '安全生产',
  '营商环境',
  '乡村振兴',
  '党组织',
  '监督管理',
  '数据安全',
  '知识产权',
  '应急管理',
  '依法行政',
  '高度重视',
  '组织领导',
  '落实到位',
  '统筹推进',
  '质量安全',
  '信息公开',
  '财政资金',
  '考核评价',
];
const FILLER = '各地区各部门要按照要求认真做好相关工作确保各项措施取得实效并及时报送情况';
const NOTES = ['复核意见', '与上年度文件对照', '落实情况待报', '重点关注时限要求', '列入整改台账'];
const TAGS = ['重点', '待办', '季度报告', '专项督查'];

/** Random Han text with thousands of distinct bigrams (a long notice whose terms get cut). */
function noise(rnd: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++)
    out += String.fromCharCode(0x4e00 + Math.floor(rnd() * 2500)) + (i % 40 === 39 ? '。' : '');
  return out;
}

async function library(seed: number, notices = 120) {
  const { repo, db, clock } = freshRepo();
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const snapshots: NoticeSnapshot[] = [];
  for (let i = 0; i < notices; i++) {
    const topic = pick(WORDS);
    const title =
      rnd() < 0.5 ? `关于做好${topic}工作的通知` : `关于印发${pick(['实施方案', '管理办法', '工作要点'])}的通知`;
    const parts: string[] = [];
    for (let k = 0; k < 6; k++)
      parts.push(
        rnd() < 0.4
          ? `${pick(WORDS)}${FILLER.slice(0, 8 + Math.floor(rnd() * 20))}`
          : FILLER.slice(Math.floor(rnd() * 20)),
      );
    const long = rnd() < 0.1;
    const text = `${title}\n${parts.join('。')}。${long ? `${noise(rnd, 6000)}。${pick(WORDS)}。` : ''}GDP统计表`;
    const s = snapshot({
      metadata: metadata({
        title,
        docNumber: `国发〔${2015 + (i % 8)}〕${i + 1}号`,
        signedDate: `${2015 + (i % 8)}-05-01`,
        issuers: [pick(['国务院', '财政部', '应急管理部'])],
      }),
      urls: [`https://www.gov.cn/zhengce/${i}.htm`],
      text,
      outline: [],
      obligations: [],
      saved: rnd() < 0.7,
      tags: rnd() < 0.2 ? [pick(TAGS)] : [],
    });
    snapshots.push(s);
    clock.advance(1000);
    await repo.upsertNotice(s);
  }
  const annotations = [];
  for (let k = 0; k < notices * 3; k++) {
    const n = pick(snapshots);
    annotations.push(
      annotation({
        noticeId: n.id,
        note: rnd() < 0.3 ? '' : `${pick(NOTES)}${rnd() < 0.3 ? `：${pick(WORDS)}` : ''}`,
        tags: rnd() < 0.3 ? [pick(TAGS)] : [],
        updatedAt: clock.now(),
      }),
    );
  }
  await repo.putAnnotations(annotations);
  for (const a of annotations) if (rnd() < 0.1) await repo.deleteAnnotation(a.id);
  await repo.deleteNotices(snapshots.filter(() => rnd() < 0.05).map((s) => s.id));
  // Some notices saved again later with a changed text (new search keys, notes moved with them).
  for (const s of snapshots)
    if (rnd() < 0.1) {
      clock.advance(1000);
      await repo.upsertNotice({ ...s, text: `${s.text}\n补充：${pick(WORDS)}。` });
    }
  return { repo, db };
}

const QUERIES = [
  ...WORDS,
  ...NOTES,
  ...TAGS,
  '疫情防控 党组织',
  '安全生产 重点',
  '复核意见 监督管理',
  '通知 依法行政',
  '营商环境 季度报告 落实',
  '税',
  '督',
  '表',
  'gdp',
  'GDP统计',
  '国发〔2019〕',
  '量子计算机',
  '实施方案',
  '关于',
  '工作',
  '财政部',
  '2020',
];
const FILTERS: NoticeFilters[] = [{}, { saved: true }, { year: 2019 }, { tag: '重点' }];

describe('search answers as before', () => {
  it('gives the same hits, order, fields, snippets and totals as the reference search', async () => {
    for (const seed of [1, 2]) {
      const { db } = await library(seed);
      for (const q of QUERIES) {
        for (const [limit, offset] of [
          [50, 0],
          [5, 0],
          [5, 3],
          [500, 0],
        ]) {
          for (const filters of limit === 50 ? FILTERS : [{}]) {
            const label = `${seed} ${q} ${limit}/${offset} ${JSON.stringify(filters)}`;
            const mine = await searchNotices(db, q, filters, { limit, offset });
            const ref = await referenceSearch(db, q, filters, { limit, offset });
            expect({ ...mine, partial: undefined }, label).toEqual({ ...ref, partial: undefined });
            expect(mine.partial, label).toBe(false);
          }
        }
        const deep = await searchNotices(db, q, {}, { deep: true });
        expect(deep, `${q} deep`).toEqual(await referenceSearch(db, q, {}, { deep: true }));
      }
    }
  }, 120_000);

  it('with more long notices than it checks directly, finds only true hits, title hits first', async () => {
    const { db } = await library(3, 80);
    for (const q of QUERIES) {
      const mine = await searchNotices(db, q, {}, { limit: 500, checkCutUpTo: 0 });
      const all = await referenceSearch(db, q, {}, { limit: 500, deep: true });
      const truth = new Map(all.hits.map((h) => [h.notice.id, h]));
      for (const h of mine.hits) expect(h, q).toEqual(truth.get(h.notice.id));
      const tiers = mine.hits.map((h) => h.titleTier);
      expect(tiers, q).toEqual([...tiers].sort((a, b) => b - a));
      // Title hits are exact whatever the body index kept.
      expect(mine.hits.filter((h) => h.titleTier === 2).length, q).toBe(
        all.hits.filter((h) => h.titleTier === 2).length,
      );
    }
  }, 60_000);
});
