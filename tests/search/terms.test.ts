import { afterEach, describe, expect, it } from 'vitest';
import {
  Haystack,
  TITLE_PREFIX,
  disableSegmenterForTests,
  indexTerms,
  isRawSafe,
  noticeTerms,
  normaliseForSearch,
  parseQuery,
  snippet,
  titleTier,
} from '../../lib/search/terms';
import { matchesQuery, queryTerms } from '../support/search-query';

afterEach(() => disableSegmenterForTests(false));

/** Random Han text with thousands of distinct bigrams, deterministic. */
function noise(length: number, seed = 7): string {
  let s = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCharCode(0x4e00 + (s % 3000));
    if (i % 30 === 29) out += '。';
  }
  return out;
}

describe('indexTerms', () => {
  it('indexes Han runs as overlapping bigrams plus the run end, Latin and digits as lower-case words', () => {
    expect(indexTerms('疫情防控')).toEqual(['疫情', '情防', '防控', '控']);
    expect(indexTerms('依法。党')).toEqual(['依法', '法', '党']);
    expect(indexTerms('CLI.12.7186154 Notice')).toEqual(['cli', '12', '7186154', 'notice']);
  });

  it('folds full width, unifies brackets and removes duplicates', () => {
    const terms = indexTerms('国发［２０１９］５号，国发〔2019〕5号。ＧＤＰ');
    expect(terms).toEqual(['国发', '发', '2019', '5', '号', 'gdp']);
    expect(new Set(terms).size).toBe(terms.length);
    expect(normaliseForSearch('国发（2019）5号　Ａ')).toBe('国发〔2019〕5号 a');
  });

  it('keeps at most `limit` terms and keeps what the text repeats', () => {
    const text = `${noise(6000)}疫情防控。${'各级党组织要做好疫情防控工作。'.repeat(8)}`;
    const all = indexTerms(text);
    expect(all.length).toBeGreaterThan(3000);
    const kept = indexTerms(text, 500);
    expect(kept).toHaveLength(500);
    for (const t of ['疫情', '情防', '防控', '党组', '组织']) expect(kept).toContain(t);
    expect(indexTerms(text, 20_000).length).toBe(all.length);
  });

  it('works without Intl.Segmenter', () => {
    disableSegmenterForTests(true);
    const text = `${noise(6000)}${'各级党组织要做好疫情防控工作。'.repeat(8)}`;
    const kept = indexTerms(text, 500);
    expect(kept).toHaveLength(500);
    expect(kept).toContain('疫情');
    expect(parseQuery('疫情防控').phrases[0].words).toEqual([]);
  });

  it('adds Intl.Segmenter words when a text is over budget, and only then', () => {
    const hasSegmenter = typeof (Intl as { Segmenter?: unknown }).Segmenter === 'function';
    const sentence = '各省、自治区、直辖市人民政府：';
    const short = indexTerms(sentence);
    expect(short.every((t) => t.length <= 2)).toBe(true);
    expect(short).not.toContain('人民政府');
    // ICU segments 直辖市 and 人民政府 as words; over budget they are added, and kept above noise met once.
    const long = indexTerms(`${noise(3000)}${sentence}`, 1000);
    expect(long.includes('人民政府')).toBe(hasSegmenter);
    expect(long.includes('直辖市')).toBe(hasSegmenter);
  });
});

describe('queries', () => {
  it('splits at whitespace into phrases and looks Han up by bigrams, 1-character runs by prefix', () => {
    const q = parseQuery('疫情防控  党组织 法 5号');
    expect(q.phrases.map((p) => p.text)).toEqual(['疫情防控', '党组织', '法', '5号']);
    expect(q.phrases[0].exact).toEqual(['疫情', '情防', '防控']);
    expect(q.phrases[2]).toMatchObject({ exact: [], prefixes: ['法'] });
    expect(q.phrases[3]).toMatchObject({ exact: ['5'], prefixes: ['号'] });
    expect(queryTerms('疫情防控 法')).toEqual(['疫情', '情防', '防控', '法']);
    expect(parseQuery('  。，  ').phrases).toEqual([]);
  });

  it('matches by substring after the same normalisation', () => {
    expect(matchesQuery('坚决打赢疫情防控阻击战', '疫情防控')).toBe(true);
    expect(matchesQuery('坚决打赢疫情的防控阻击战', '疫情防控')).toBe(false);
    expect(matchesQuery('国发〔2019〕5号', '国发[2019]5号')).toBe(true);
    expect(matchesQuery('Notice LENS', 'lens notice')).toBe(true);
    expect(matchesQuery('疫情防控', '疫情防控 党组织')).toBe(false);
    expect(matchesQuery('anything', '')).toBe(false);
  });

  it('checks Han phrases on the raw text and others on the normalised text', () => {
    expect(isRawSafe('疫情防控')).toBe(true);
    expect(isRawSafe('2019')).toBe(false);
    expect(isRawSafe('〔2019〕')).toBe(false);
    const hay = new Haystack('国发（2019）5号 GDP');
    const [gdp, num] = parseQuery('gdp 国发(2019)5号').phrases;
    expect(hay.has(gdp)).toBe(true);
    expect(hay.has(num)).toBe(true);
  });

  it('ranks title tiers and cuts snippets around the first match', () => {
    const q = parseQuery('疫情防控 党组织');
    expect(titleTier('关于做好疫情防控工作的通知', q)).toBe(1);
    expect(titleTier('关于党组织做好疫情防控工作的通知', q)).toBe(2);
    expect(titleTier('关于安全生产的通知', q)).toBe(0);
    const text = `${'前'.repeat(100)}各级党组织要${'后'.repeat(100)}`;
    const cut = snippet(text, q, 5)!;
    expect(cut).toBe('…前前前各级党组织要后后后后…');
    expect(snippet('无关内容', q)).toBeNull();
  });
});

describe('noticeTerms', () => {
  it('indexes title (also under t:), metadata, tags and headings in full, and bounds the body', () => {
    const terms = noticeTerms(
      {
        title: '关于加强疫情防控的通知',
        metadata: ['国发〔2020〕1号', '国务院'],
        tags: ['重点'],
        headings: ['一、党组织建设'],
        text: noise(8000),
      },
      300,
    );
    for (const t of [
      '疫情',
      `${TITLE_PREFIX}疫情`,
      `${TITLE_PREFIX}通知`,
      '国发',
      '2020',
      '国务',
      '重点',
      '党组',
      '组织',
    ])
      expect(terms).toContain(t);
    expect(terms).not.toContain(`${TITLE_PREFIX}国发`);
    expect(terms.length).toBeLessThan(300 + 60);
  });
});
