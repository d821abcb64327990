import { describe, expect, it } from 'vitest';
import {
  canonicalUrl,
  hash64,
  isNoticeId,
  noticeId,
  noticeIdKind,
  normaliseCitationCode,
  normaliseKeyPart,
  tryCanonicalUrl,
} from '../../lib/identity';
import { emptyMetadata, type NoticeMetadata } from '../../lib/types';

function meta(overrides: Partial<NoticeMetadata> = {}): NoticeMetadata {
  return emptyMetadata(overrides);
}

describe('canonicalUrl', () => {
  const pkulaw = 'pkulaw.com/chl/fb0f20d4001e4c26bdfb.html';

  it('drops pkulaw navigation parameters, the fragment, the scheme and www', () => {
    for (const url of [
      'https://www.pkulaw.com/chl/fb0f20d4001e4c26bdfb.html',
      'https://www.pkulaw.com/chl/fb0f20d4001e4c26bdfb.html?way=listView',
      'http://www.pkulaw.com/chl/fb0f20d4001e4c26bdfb.html?way=homeCommend#tiao_3',
      'https://pkulaw.com/chl/fb0f20d4001e4c26bdfb.html?keyword=%E7%96%AB%E6%83%85&way=listView',
      'HTTPS://WWW.PKULAW.COM:443/chl/fb0f20d4001e4c26bdfb.html',
    ]) {
      expect(canonicalUrl(url), url).toBe(pkulaw);
    }
  });

  it('keeps the legacy pkulaw Db and Gid parameters, whatever their case and order', () => {
    const a = canonicalUrl('http://www.pkulaw.cn/fulltext_form.aspx?Db=chl&Gid=124290&keyword=税');
    const b = canonicalUrl('https://pkulaw.cn/fulltext_form.aspx?gid=124290&db=chl');
    expect(a).toBe('pkulaw.cn/fulltext_form.aspx?db=chl&gid=124290');
    expect(b).toBe(a);
    expect(canonicalUrl('http://www.pkulaw.cn/fulltext_form.aspx?Db=chl&Gid=124291')).not.toBe(a);
  });

  it('drops tracking parameters everywhere and keeps the ones that identify a page, sorted', () => {
    expect(
      canonicalUrl(
        'https://www.gov.cn/zhengce/content/2019-02/15/content_5365945.htm?utm_source=wechat&spm=a.b.c&from=singlemessage&isappinstalled=0',
      ),
    ).toBe('gov.cn/zhengce/content/2019-02/15/content_5365945.htm');
    expect(canonicalUrl('https://example.gov.cn/art?id=12&utm_medium=x&cat=3')).toBe('example.gov.cn/art?cat=3&id=12');
    expect(canonicalUrl('https://example.gov.cn/art?cat=3&id=12')).toBe(
      canonicalUrl('https://example.gov.cn/art?id=12&cat=3'),
    );
    expect(canonicalUrl('https://example.gov.cn/art?id=12')).not.toBe(canonicalUrl('https://example.gov.cn/art?id=13'));
  });

  it('keeps the flk.npc.gov.cn detail2 id, however its padding is escaped', () => {
    const a = canonicalUrl('https://flk.npc.gov.cn/detail2.html?ZmY4MDgxODE3OTZhNjM2YTAxNzk4MjJhMTk2NDBjOTI%3D');
    const b = canonicalUrl('http://flk.npc.gov.cn/detail2.html?ZmY4MDgxODE3OTZhNjM2YTAxNzk4MjJhMTk2NDBjOTI=');
    expect(a).toBe('flk.npc.gov.cn/detail2.html?ZmY4MDgxODE3OTZhNjM2YTAxNzk4MjJhMTk2NDBjOTI=');
    expect(b).toBe(a);
    expect(canonicalUrl('https://flk.npc.gov.cn/detail2.html?ZmY4MDgxODE3OTZhNjM2YTAxNzk4MjJhMTk2NDBjOTM=')).not.toBe(
      a,
    );
  });

  it('normalises host case, non-default ports, percent escapes and trailing slashes', () => {
    expect(canonicalUrl('https://Example.GOV.cn:8443/a//b/')).toBe('example.gov.cn:8443/a/b');
    expect(canonicalUrl('https://example.gov.cn/%7euser/%e6%94%bf')).toBe('example.gov.cn/~user/%E6%94%BF');
    expect(canonicalUrl('https://example.gov.cn/政策')).toBe(canonicalUrl('https://example.gov.cn/%E6%94%BF%E7%AD%96'));
    expect(canonicalUrl('https://www.gov.cn/')).toBe('gov.cn/');
    expect(canonicalUrl('file:///home/a/notice.html#x')).toBe('file:///home/a/notice.html');
  });

  it('refuses what is not an absolute http(s) or file URL', () => {
    for (const bad of [
      '',
      'not a url',
      '/relative/path',
      'javascript:alert(1)',
      'chrome-extension://abc/page.html',
      'data:text/html,x',
    ]) {
      expect(tryCanonicalUrl(bad), bad).toBeNull();
      expect(() => canonicalUrl(bad)).toThrow(TypeError);
    }
  });
});

describe('noticeId', () => {
  it('prefers the 法宝引证码, tolerant of width and spaces', () => {
    const m = meta({ citationCode: 'CLI.12.7186154', docNumber: '（2020年）', issuers: ['海口市水务局'] });
    expect(noticeId(m, 'https://www.pkulaw.com/lar/abc.html')).toBe('cite:CLI.12.7186154');
    expect(noticeId(meta({ citationCode: ' ＣＬＩ．１２．７１８６１５４ ' }), null)).toBe('cite:CLI.12.7186154');
    expect(normaliseCitationCode('not a code')).toBeNull();
    // A garbled code is not a key: the next rule applies.
    expect(noticeId(meta({ citationCode: 'CLI..', issuers: ['国务院'], docNumber: '国发〔2019〕5号' }), null)).toBe(
      'num:国务院|国发〔2019〕5号',
    );
  });

  it('uses issuer and 发文字号 with brackets, width and spaces unified', () => {
    const expected = 'num:国务院|国发〔2019〕5号';
    for (const docNumber of [
      '国发〔2019〕5号',
      '国发[2019]5号',
      '国发［2019］5号',
      '国发（2019）5号',
      '国发(2019)5号',
      '国发 〔２０１９〕 ５号',
      '国发﹝2019﹞5号',
    ]) {
      expect(noticeId(meta({ issuers: ['国务院', '国务院办公厅'], docNumber }), null), docNumber).toBe(expected);
    }
    expect(normaliseKeyPart(' 国家质量监督检验检疫总局 ')).toBe('国家质量监督检验检疫总局');
  });

  it('gives the same id on a mirror site and after a redirect, and different ids to different notices', () => {
    const m = meta({ title: '国务院关于…的意见', issuers: ['国务院'], docNumber: '国发〔2019〕5号' });
    const ids = new Set([
      noticeId(m, 'https://www.gov.cn/zhengce/content/2019-02/15/content_5365945.htm'),
      noticeId(m, 'http://gov.cn/zhengce/content/2019-02/15/content_5365945.htm'),
      noticeId({ ...m, docNumber: '国发[2019]5号' }, 'https://www.pkulaw.com/chl/abc.html?way=listView'),
    ]);
    expect([...ids]).toEqual(['num:国务院|国发〔2019〕5号']);
    expect(noticeId({ ...m, docNumber: '国发〔2019〕4号' }, null)).not.toBe('num:国务院|国发〔2019〕5号');
    expect(noticeId({ ...m, issuers: ['财政部'] }, null)).not.toBe('num:国务院|国发〔2019〕5号');
  });

  it('does not key by a 文号 that names no single document', () => {
    const url = 'https://www.pkulaw.com/lar/abc.html?way=listView';
    expect(noticeId(meta({ issuers: ['海口市水务局'], docNumber: '（2020年）' }), url)).toBe(
      'url:pkulaw.com/lar/abc.html',
    );
    expect(noticeId(meta({ issuers: ['海口市水务局'], docNumber: '〔2020〕' }), url)).toBe(
      'url:pkulaw.com/lar/abc.html',
    );
    expect(noticeId(meta({ issuers: [], docNumber: '国发〔2019〕5号' }), url)).toBe('url:pkulaw.com/lar/abc.html');
    expect(noticeId(meta({ issuers: ['财政部'], docNumber: '财政部公告2009年第123号' }), url)).toBe(
      'num:财政部|财政部公告2009年第123号',
    );
    expect(
      noticeId(meta({ issuers: ['国家质量监督检验检疫总局'], docNumber: '国家质量监督检验检疫总局令第156号' }), url),
    ).toBe('num:国家质量监督检验检疫总局|国家质量监督检验检疫总局令第156号');
  });

  it('falls back to the canonical URL, from the argument or the metadata', () => {
    expect(noticeId(meta(), 'https://www.gov.cn/zhengce/content_1.htm?from=timeline#top')).toBe(
      'url:gov.cn/zhengce/content_1.htm',
    );
    expect(noticeId(meta({ url: 'http://www.gov.cn/zhengce/content_1.htm' }), null)).toBe(
      'url:gov.cn/zhengce/content_1.htm',
    );
  });

  it('hashes the normalised title and date when there is no URL (files)', () => {
    const a = noticeId(meta({ title: '关于做好疫情防控工作的通知', signedDate: '2020-01-27' }), null);
    expect(a).toMatch(/^text:[0-9a-f]{16}$/);
    expect(noticeId(meta({ title: ' 关于做好疫情防控工作的通知 ', signedDate: '2020-01-27' }), null)).toBe(a);
    expect(noticeId(meta({ title: '关于做好疫情防控工作的通知', signedDate: '2020-01-28' }), null)).not.toBe(a);
    expect(noticeId(meta({ title: '关于做好安全生产工作的通知', signedDate: '2020-01-27' }), null)).not.toBe(a);
    // Untitled files are told apart by their text.
    expect(noticeId(meta(), null, '第一条 为了规范管理')).not.toBe(noticeId(meta(), null, '第一条 为了加强监督'));
  });

  it('only ever returns ids that isNoticeId accepts', () => {
    const cases = [
      noticeId(meta({ citationCode: 'CLI.1.5332699' }), null),
      noticeId(meta({ issuers: ['国务院'], docNumber: '国发〔2019〕5号' }), null),
      noticeId(meta({ issuers: ['国务院'.repeat(50)], docNumber: '国发〔2019〕5号' }), 'https://gov.cn/a'),
      noticeId(meta(), 'https://flk.npc.gov.cn/detail2.html?abc='),
      noticeId(meta({ title: 't' }), null),
    ];
    for (const id of cases) expect(isNoticeId(id), id).toBe(true);
    expect(noticeIdKind(cases[2])).toBe('url');
    expect(isNoticeId('num:国务院|国发〔2019〕5号<script>')).toBe(false);
    expect(isNoticeId('url:has space')).toBe(false);
    expect(isNoticeId('cite:CLI.1.2 ')).toBe(false);
    expect(isNoticeId('other:x')).toBe(false);
  });

  it('hash64 is stable and spreads', () => {
    expect(hash64('abc')).toBe(hash64('abc'));
    expect(hash64('abc')).not.toBe(hash64('abd'));
    expect(hash64('')).toMatch(/^[0-9a-f]{16}$/);
  });
});
