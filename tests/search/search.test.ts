import { describe, expect, it } from 'vitest';
import { searchNotices } from '../../lib/storage/search';
import type { NoticeSnapshot } from '../../lib/storage/records';
import { CUT_MARKER } from '../../lib/search/terms';
import { annotation, freshRepo, metadata, snapshot } from '../storage/fixtures';

/** A notice keyed by its own URL, with the given title and text. */
function notice(n: number, title: string, text: string, extra: Partial<NoticeSnapshot> = {}): NoticeSnapshot {
  const m = metadata({
    title,
    docNumber: null,
    issuers: ['某某市人民政府'],
    signedDate: `20${10 + (n % 10)}-05-01`,
    ...(extra.metadata ?? {}),
  });
  return snapshot({
    urls: [`https://www.example.gov.cn/zwgk/content_${n}.htm`],
    outline: [],
    obligations: [],
    ...extra,
    metadata: m,
    text,
  });
}

/** Random Han text with thousands of distinct bigrams, deterministic. */
function noise(length: number, seed = 11): string {
  let s = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCharCode(0x4e00 + (s % 2500));
    if (i % 40 === 39) out += '。';
  }
  return out;
}

async function library() {
  const { repo, db, clock } = freshRepo();
  const add = async (s: NoticeSnapshot) => {
    clock.advance(1000);
    return repo.upsertNotice(s);
  };
  const inTitle = await add(notice(1, '关于做好疫情防控工作的通知', '各单位要按照要求做好相关工作。'));
  const inText = await add(notice(2, '关于加强机关建设的意见', '各级党组织要发挥战斗堡垒作用，党员干部要冲锋在前。'));
  const inNote = await add(notice(3, '关于调整办公时间的通知', '自下周起调整办公时间。'));
  const inTag = await add(notice(4, '关于春季开学的通知', '各学校按时开学。', { tags: ['疫情防控'] }));
  const inNoteTag = await add(notice(5, '关于年度考核的通知', '考核工作于年底完成。'));
  // Both bigrams of 党组织, never the word.
  const decoy = await add(notice(6, '关于人事任免的通知', '党组成员和基层组织负责人名单如下。'));
  await repo.putAnnotation(annotation({ noticeId: inNote.id, note: '与疫情防控要求有关，需复核' }));
  await repo.putAnnotation(annotation({ noticeId: inNoteTag.id, note: '年度重点', tags: ['党组织'] }));
  return {
    repo,
    db,
    clock,
    ids: {
      inTitle: inTitle.id,
      inText: inText.id,
      inNote: inNote.id,
      inTag: inTag.id,
      inNoteTag: inNoteTag.id,
      decoy: decoy.id,
    },
  };
}

const ids = (r: { hits: { notice: { id: string } }[] }) => r.hits.map((h) => h.notice.id);

describe('searchNotices', () => {
  it('finds a Chinese word in the title, the text, a note and a tag, and nothing for unrelated words', async () => {
    const { repo, ids: n } = await library();
    const covid = await repo.search('疫情防控');
    expect(new Set(ids(covid))).toEqual(new Set([n.inTitle, n.inNote, n.inTag]));
    expect(covid).toMatchObject({ total: 3, exact: true, partial: false });
    expect(covid.hits[0]).toMatchObject({ titleTier: 2, fields: ['title'] });
    expect(covid.hits.find((h) => h.notice.id === n.inNote)!.fields).toEqual(['notes']);
    expect(covid.hits.find((h) => h.notice.id === n.inTag)!.fields).toEqual(['tags']);

    const party = await repo.search('党组织');
    expect(new Set(ids(party))).toEqual(new Set([n.inText, n.inNoteTag]));
    expect(party.hits.find((h) => h.notice.id === n.inText)).toMatchObject({
      fields: ['text'],
      snippet: expect.stringContaining('党组织') as string,
    });

    for (const unrelated of ['安全生产', '量子计算机', 'blockchain', '组织党'])
      expect(ids(await repo.search(unrelated)), unrelated).toEqual([]);
  });

  it('ranks title hits first, then the most recently saved', async () => {
    const { repo, clock } = freshRepo();
    const add = async (s: NoticeSnapshot) => {
      clock.advance(1000);
      return (await repo.upsertNotice(s)).id;
    };
    const oldTitle = await add(notice(1, '关于安全生产检查的通知', '开展检查。'));
    const textOnly = await add(notice(2, '关于年度工作的安排', '做好安全生产工作。'));
    const newTitle = await add(notice(3, '安全生产责任制规定', '明确责任。'));
    const newest = await add(notice(4, '关于节日值班的通知', '节日期间注意安全生产。'));
    const r = await repo.search('安全生产');
    expect(ids(r)).toEqual([newTitle, oldTitle, newest, textOnly]);
    expect(r.hits.map((h) => h.titleTier)).toEqual([2, 2, 0, 0]);

    // Two phrases: both in the title, then one, then none.
    const both = await add(notice(5, '安全生产与消防工作的通知', '部署。'));
    const two = await repo.search('安全生产 消防');
    expect(two.hits.map((h) => h.titleTier)).toEqual([2]);
    expect(ids(two)).toEqual([both]);
    const some = await add(notice(6, '关于消防检查的通知', '检查中发现安全生产隐患。'));
    expect(ids(await repo.search('安全生产 消防'))).toEqual([both, some]);
  });

  it('pages through hits and reports whether the total is exact', async () => {
    const { repo, clock } = freshRepo();
    for (let i = 0; i < 7; i++) {
      clock.advance(1000);
      await repo.upsertNotice(notice(i, `通知${i}`, `第${i}项：依法行政。`));
    }
    const all = await repo.search('依法行政', {}, { limit: 50 });
    expect(all).toMatchObject({ total: 7, exact: true });
    const page = await repo.search('依法行政', {}, { limit: 3, offset: 3 });
    expect(ids(page)).toEqual(ids(all).slice(3, 6));
  });

  it('skips notices in the bin and deleted annotations, and applies filters', async () => {
    const { repo, ids: n } = await library();
    await repo.deleteNotices([n.inTitle]);
    const notes = await repo.listAnnotations(n.inNote);
    await repo.deleteAnnotation(notes[0].id);
    expect(ids(await repo.search('疫情防控'))).toEqual([n.inTag]);
    await repo.setSaved(n.inText, true);
    expect(ids(await repo.search('党组织', { saved: true }))).toEqual([n.inText]);
    expect(ids(await repo.search('党组织', { saved: false }))).toEqual([n.inNoteTag]);
    expect(ids(await repo.search('党组织', { year: 2012 }))).toEqual([n.inText]);
    expect(ids(await repo.search('疫情防控', { tag: '疫情防控' }))).toEqual([n.inTag]);
  });

  it('finds 1-character queries, 文号 in any bracket style, Latin case-insensitively', async () => {
    const { repo, clock } = freshRepo();
    clock.advance(1000);
    const a = await repo.upsertNotice(
      notice(1, '关于个人所得税的公告', '纳税人应当依法纳税。', {
        metadata: metadata({ docNumber: '国发〔2019〕5号' }),
      }),
    );
    clock.advance(1000);
    const b = await repo.upsertNotice(notice(2, '关于统计工作的通知', '报送GDP核算数据，另附表。'));
    expect(ids(await repo.search('税'))).toEqual([a.id]);
    expect(ids(await repo.search('表'))).toEqual([b.id]);
    expect(ids(await repo.search('国发[2019]5号'))).toEqual([a.id]);
    expect(ids(await repo.search('国发（2019）5号'))).toEqual([a.id]);
    expect(ids(await repo.search('gdp'))).toEqual([b.id]);
    expect(ids(await repo.search('ＧＤＰ核算'))).toEqual([b.id]);
    expect(ids(await repo.search('   '))).toEqual([]);
  });

  it('checks long notices whose terms were cut, unless there are too many; deep search always', async () => {
    const { repo, db, clock } = freshRepo();
    clock.advance(1000);
    // Mentioned once after 9,000 random characters: its bigrams are not among the kept terms.
    const long = await repo.upsertNotice(notice(1, '关于某项工作的通知', `${noise(9000)}。鑫淼焱垚。`));
    clock.advance(1000);
    const short = await repo.upsertNotice(notice(2, '关于另一项工作的通知', '鑫淼焱垚。'));
    const stored = await db.noticeTerms.get((await db.notices.get(long.id))!.searchKey);
    expect(stored!.terms).toContain(CUT_MARKER);
    expect(stored!.terms).not.toContain('焱垚');

    const checked = await searchNotices(db, '鑫淼焱垚');
    expect(new Set(ids(checked))).toEqual(new Set([long.id, short.id]));
    expect(checked.partial).toBe(false);

    const indexOnly = await searchNotices(db, '鑫淼焱垚', {}, { checkCutUpTo: 0 });
    expect(ids(indexOnly)).toEqual([short.id]);
    expect(indexOnly.partial).toBe(true);

    const deep = await searchNotices(db, '鑫淼焱垚', {}, { deep: true, checkCutUpTo: 0 });
    expect(ids(deep)).toEqual([short.id, long.id]);
    expect(deep.partial).toBe(false);
  });

  it('finds a cut phrase made of words through its words, where Intl.Segmenter exists', async () => {
    const hasSegmenter = typeof (Intl as { Segmenter?: unknown }).Segmenter === 'function';
    const { repo, db } = freshRepo();
    const long = await repo.upsertNotice(notice(1, '关于某项工作的通知', `${noise(9000)}。推进量子通信。`));
    const r = await searchNotices(db, '量子通信', {}, { checkCutUpTo: 0 });
    expect(ids(r)).toEqual(hasSegmenter ? [long.id] : []);
  });
});
