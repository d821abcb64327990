/**
 * One library entry per document: the same 发文字号 from the same 发文机关 saved under two ids (a 法宝引证码
 * on one site, issuers in another order on the other) is one entry with both addresses and every
 * annotation; the merge is listed on the entry and can be split back.
 */
import { describe, expect, it } from 'vitest';
import { noticeId } from '../../lib/identity';
import { annotation, freshRepo, metadata, snapshot } from './fixtures';

const PKULAW_URL = 'https://www.pkulaw.com/chl/8f2a9c1d0e.html';
const GOVCN = 'https://www.gov.cn/zhengce/content/2019-02/15/content_5365945.htm';

/** The same document as the gov.cn page sees it and as pkulaw does (with a 法宝引证码, a bracket variant). */
function twoCopies() {
  const gov = snapshot({ urls: [GOVCN] });
  const pkuMeta = metadata({ citationCode: 'CLI.2.326502', docNumber: '国发[2019]5号' });
  const pku = snapshot({ metadata: pkuMeta, urls: [PKULAW_URL], site: 'pkulaw' });
  return { gov, pku };
}

describe('one entry per document', () => {
  it('the two copies have different ids to begin with', () => {
    const { gov, pku } = twoCopies();
    expect(gov.id).not.toBe(pku.id);
    expect(pku.id).toBe(noticeId(pku.metadata, PKULAW_URL));
  });

  it('saving the second address adds it to the first entry, and its annotations follow', async () => {
    const { repo } = freshRepo();
    const { gov, pku } = twoCopies();
    await repo.upsertNotice({ ...gov, saved: true });
    await repo.putAnnotation(annotation({ id: 'on-gov', noticeId: gov.id, note: '政府网批注', tags: ['双随机'] }));

    const stored = await repo.upsertNotice(pku);
    expect(stored.id).toBe(gov.id);
    expect(stored.urls).toEqual([GOVCN, PKULAW_URL]);
    const page = await repo.listNotices();
    expect(page.total).toBe(1);

    // The pkulaw page still names its own id: it finds the entry, its annotations and adds to them.
    expect(await repo.findNoticeIdByUrl(PKULAW_URL)).toBe(gov.id);
    expect((await repo.getNotice(pku.id))?.id).toBe(gov.id);
    await repo.putAnnotation(annotation({ id: 'on-pku', noticeId: pku.id, note: '法宝批注' }), pku);
    expect((await repo.listAnnotations(pku.id)).map((a) => a.id)).toEqual(['on-gov', 'on-pku']);
    expect((await repo.listNotices()).items[0].annotationCount).toBe(2);
    expect((await repo.search('法宝批注')).hits.map((h) => h.notice.id)).toEqual([gov.id]);
    await repo.setSaved(pku.id, false);
    expect((await repo.getNotice(gov.id))?.saved).toBe(false);

    const merges = await repo.listMerges(gov.id);
    expect(merges.map((m) => [m.from, m.urls])).toEqual([[pku.id, [PKULAW_URL]]]);
  });

  it('splits back: each entry with its own addresses, annotations and text, and is not merged again', async () => {
    const { repo } = freshRepo();
    const { gov, pku } = twoCopies();
    await repo.upsertNotice(gov);
    await repo.putAnnotation(annotation({ id: 'on-gov', noticeId: gov.id }));
    await repo.upsertNotice({ ...pku, text: `${pku.text}\n（北大法宝）` });
    await repo.putAnnotation(annotation({ id: 'on-pku', noticeId: pku.id, note: '法宝批注' }));

    const split = await repo.splitMerge(pku.id);
    expect(split.id).toBe(pku.id);
    expect(split.urls).toEqual([PKULAW_URL]);
    expect(split.metadata.citationCode).toBe('CLI.2.326502');
    expect((await repo.getNotice(gov.id))?.urls).toEqual([GOVCN]);
    expect((await repo.listAnnotations(gov.id)).map((a) => a.id)).toEqual(['on-gov']);
    expect((await repo.listAnnotations(pku.id)).map((a) => a.id)).toEqual(['on-pku']);
    expect(await repo.findNoticeIdByUrl(PKULAW_URL)).toBe(pku.id);
    expect(await repo.findNoticeIdByUrl(GOVCN)).toBe(gov.id);
    const counts = Object.fromEntries((await repo.listNotices()).items.map((n) => [n.id, n.annotationCount]));
    expect(counts).toEqual({ [gov.id]: 1, [pku.id]: 1 });
    expect((await repo.search('法宝批注')).hits.map((h) => h.notice.id)).toEqual([pku.id]);
    expect(await repo.listMerges(gov.id)).toEqual([]);

    // Saving either again leaves two entries.
    await repo.upsertNotice(pku);
    await repo.upsertNotice(gov);
    expect((await repo.listNotices()).total).toBe(2);
    await expect(repo.splitMerge(pku.id)).rejects.toThrow();
  });

  it('does not merge a split pair again as the library opens, whichever of the two is older', async () => {
    const { db, repo } = freshRepo();
    const { gov, pku } = twoCopies();
    await repo.upsertNotice({ ...gov, saved: true });
    await repo.upsertNotice({ ...pku, saved: true });
    await repo.splitMerge(pku.id);
    expect(await repo.mergeDuplicates()).toBe(0);
    // The entry split off was stored first (visited before the other was saved): still two entries.
    await db.notices.update(pku.id, { createdAt: 1 });
    expect(await repo.mergeDuplicates()).toBe(0);
    expect((await repo.listNotices()).total).toBe(2);
    expect((await repo.getNotice(gov.id))?.urls).toEqual([GOVCN]);
  });

  it('merges a pair stored before, keeping the older entry, its rows and tags, and splits it back as it was', async () => {
    const { db, repo } = freshRepo();
    const { gov, pku } = twoCopies();
    await repo.upsertNotice({ ...pku, tags: ['法宝'], saved: true });
    await repo.putAnnotation(annotation({ id: 'old-pku', noticeId: pku.id, tags: ['旧批注'] }));
    // The pair as a library from before merging holds it: stored as another number, then given the right one
    // as the version 5 upgrade would index it.
    const other = { ...gov.metadata, docNumber: '国发〔2019〕6号' };
    await repo.upsertNotice({ ...gov, metadata: other, tags: ['政府网'] });
    await db.notices.update(gov.id, { metadata: gov.metadata, docNumber: '国发〔2019〕5号' });
    expect((await repo.listNotices()).total).toBe(2);

    expect(await repo.mergeDuplicates()).toBe(1);
    const [entry] = (await repo.listNotices()).items;
    expect(entry.id).toBe(pku.id);
    expect(entry.tags).toEqual(['法宝', '政府网']);
    expect(entry.urls).toEqual([PKULAW_URL, GOVCN]);
    expect(entry.saved).toBe(true);
    expect(entry.annotationCount).toBe(1);
    expect((await repo.listNotices({ filters: { tag: '政府网' } })).total).toBe(1);
    expect(await repo.mergeDuplicates()).toBe(0);

    await repo.splitMerge(gov.id);
    const items = Object.fromEntries((await repo.listNotices()).items.map((n) => [n.id, n]));
    expect(items[pku.id].tags).toEqual(['法宝']);
    expect(items[gov.id].tags).toEqual(['政府网']);
    expect(items[gov.id].saved).toBe(false);
    expect((await repo.listNotices({ filters: { tag: '政府网' } })).items.map((n) => n.id)).toEqual([gov.id]);
  });

  it('does not merge another document: same number from another issuer, or a number naming no document', async () => {
    const { repo } = freshRepo();
    const { gov } = twoCopies();
    await repo.upsertNotice(gov);
    await repo.upsertNotice(
      snapshot({
        metadata: metadata({ issuers: ['国务院办公厅'], citationCode: 'CLI.2.1' }),
        urls: ['https://a.gov.cn/1'],
      }),
    );
    await repo.upsertNotice(
      snapshot({
        metadata: metadata({ docNumber: '〔2019〕', issuers: ['国务院'], citationCode: 'CLI.2.2' }),
        urls: ['https://a.gov.cn/2'],
      }),
    );
    expect((await repo.listNotices()).total).toBe(3);
    expect(await repo.mergeDuplicates()).toBe(0);
  });

  it('leaves a library of distinct documents as it is, and merges only the entries of one document', async () => {
    const { db, repo } = freshRepo();
    const numbers = ['国发〔2019〕5号', '国发〔2019〕6号', '国发〔2020〕5号', '国办发〔2019〕5号'];
    for (const [i, docNumber] of numbers.entries())
      await repo.upsertNotice(
        snapshot({ metadata: metadata({ docNumber, citationCode: null }), urls: [`https://a.gov.cn/${i}`] }),
      );
    const before = (await repo.listNotices()).items.map((n) => [n.id, n.updatedAt, n.urls]);
    expect(before).toHaveLength(4);
    expect(await repo.mergeDuplicates()).toBe(0);
    expect((await repo.listNotices()).items.map((n) => [n.id, n.updatedAt, n.urls])).toEqual(before);

    // A fifth entry stored apart before merging, then indexed under the first one's number: only that pair merges.
    const late = snapshot({
      metadata: metadata({ docNumber: '国发〔2019〕7号', citationCode: null }),
      urls: ['https://b.gov.cn/late'],
    });
    await repo.upsertNotice(late);
    await db.notices.update(late.id, { metadata: metadata({ citationCode: null }), docNumber: '国发〔2019〕5号' });
    expect(await repo.mergeDuplicates()).toBe(1);
    const after = (await repo.listNotices()).items;
    expect(after).toHaveLength(4);
    expect(after.find((n) => n.metadata.docNumber === '国发〔2019〕5号')?.urls).toEqual([
      'https://a.gov.cn/0',
      'https://b.gov.cn/late',
    ]);
    expect(after.filter((n) => n.metadata.docNumber !== '国发〔2019〕5号').map((n) => n.urls)).toEqual(
      before.filter(([, , urls]) => !(urls as string[]).includes('https://a.gov.cn/0')).map(([, , urls]) => urls),
    );
  });
});
