import { describe, expect, it } from 'vitest';
import { readFacets } from '../../lib/library/facets';
import { annotation, freshRepo, metadata, snapshot } from '../storage/fixtures';

describe('filter values', () => {
  it('are the distinct issuers, years, 文种 and tags of the library, as the indexes hold them', async () => {
    const { repo, db } = freshRepo();
    const issuers = ['国务院', '国务院办公厅', '财政部', '国家税务总局'];
    const docTypes = ['通知', '意见', '办法'];
    const tags = ['重点', '待办', '已传达'];
    const batch = Array.from({ length: 60 }, (_, i) =>
      snapshot({
        metadata: metadata({
          title: `关于第${i}项工作的${docTypes[i % 3]}`,
          docNumber: `国发〔${2015 + (i % 7)}〕${i + 1}号`,
          issuers: [issuers[i % 4], ...(i % 10 === 0 ? ['教育部'] : [])],
          docType: i % 13 === 0 ? null : docTypes[i % 3],
          signedDate: i % 11 === 0 ? null : `${2015 + (i % 7)}-03-0${1 + (i % 9)}`,
          publishedDate: null,
        }),
        urls: [`https://www.gov.cn/zhengce/${i}.htm`],
        tags: i % 4 === 0 ? [tags[i % 3], ...(i % 8 === 0 ? ['对标'] : [])] : [],
      }),
    );
    await repo.upsertNotices(batch);
    const facets = await readFacets(db);
    // What reading every index entry gives.
    const all = await db.notices.toArray();
    const zh = (a: string, b: string) => a.localeCompare(b, 'zh-CN');
    expect(facets).toEqual({
      issuers: [...new Set(all.flatMap((n) => n.issuers))].sort(zh),
      years: [...new Set(all.map((n) => n.year).filter((y): y is number => y !== null))].sort((a, b) => b - a),
      docTypes: [...new Set(all.map((n) => n.docType).filter((d): d is string => !!d))].sort(zh),
      tags: [...new Set(all.flatMap((n) => n.tags))].sort(zh),
    });
    expect(facets.years).toEqual([2021, 2020, 2019, 2018, 2017, 2016, 2015]);
    expect(facets.issuers).toHaveLength(5);
    expect(facets.tags).toHaveLength(4);
  });

  it('are empty for an empty library', async () => {
    const { db } = freshRepo();
    expect(await readFacets(db)).toEqual({ issuers: [], years: [], docTypes: [], tags: [] });
  });

  it('offer the tags written on live annotations, and filtering by one lists the notices they are on', async () => {
    const { repo, db } = freshRepo();
    const a = snapshot({
      metadata: metadata({ title: '甲通知', docNumber: '国发〔2020〕1号' }),
      urls: ['https://www.gov.cn/a.htm'],
    });
    const b = snapshot({
      metadata: metadata({ title: '乙通知', docNumber: '国发〔2020〕2号' }),
      urls: ['https://www.gov.cn/b.htm'],
      tags: ['对标'],
    });
    const c = snapshot({
      metadata: metadata({ title: '丙通知', docNumber: '国发〔2020〕3号' }),
      urls: ['https://www.gov.cn/c.htm'],
    });
    await repo.upsertNotices([a, b, c]);
    await repo.putAnnotation(annotation({ id: 'n1', noticeId: a.id, tags: ['督查', '对标'] }));
    await repo.putAnnotation(annotation({ id: 'n2', noticeId: c.id, tags: ['已删'] }));
    await repo.deleteAnnotation('n2');
    expect((await readFacets(db)).tags).toEqual(['督查', '对标'].sort((x, y) => x.localeCompare(y, 'zh-CN')));
    const ids = async (tag: string) => (await repo.listNotices({ filters: { tag } })).items.map((n) => n.id).sort();
    expect(await ids('督查')).toEqual([a.id]);
    expect(await ids('对标')).toEqual([a.id, b.id].sort());
    expect(await ids('已删')).toEqual([]);
    expect((await repo.listNotices({ filters: { tag: '对标' } })).total).toBe(2);
    const found = await repo.search('通知', { tag: '督查' });
    expect(found.hits.map((h) => h.notice.id)).toEqual([a.id]);
  });
});
