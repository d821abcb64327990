/** Never throws on any string, and stays linear: pathological and 2 MB inputs finish quickly. */
import { describe, expect, it } from 'vitest';
import {
  docTypeOfTitle,
  findDocNumber,
  parseChineseDate,
  readMetadata,
  readOutline,
  stripTitleSuffix,
} from '../../lib/metadata';
import { seedText } from './fixture-text';

const PIECES = [
  '国',
  '发',
  '〔',
  '〕',
  '[',
  ']',
  '(',
  ')',
  '（',
  '）',
  '2019',
  '第',
  '5',
  '号',
  '令',
  '公告',
  '通告',
  '\n',
  '　',
  ' ',
  '。',
  '：',
  ':',
  '，',
  '、',
  '年',
  '月',
  '日',
  '一',
  '二',
  '十',
  '〇',
  'O',
  '关于',
  '的通知',
  '《',
  '》',
  '_',
  '-',
  '中国政府网',
  '自',
  '起施行',
  '本办法',
  '法宝引证码',
  'CLI.1.2',
  '原文链接',
  'https://x.y/z',
  '各',
  '党委',
  '局',
  '\ud800',
  '\u0000',
  '⑴',
  '①',
  '．',
  '.',
  '2020-01-02',
  '民终',
  '京01',
  '第一条',
  '第一章',
  '（一）',
  '1.',
];

describe('robustness', () => {
  it('never throws on random strings built from the patterns’ own pieces', () => {
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let k = 0; k < 3000; k++) {
      let s = '';
      const len = Math.floor(rnd() * 60);
      for (let i = 0; i < len; i++) s += PIECES[Math.floor(rnd() * PIECES.length)];
      const m = readMetadata({
        text: s,
        title: s,
        url: null,
        labelled: { 发文字号: s, 成文日期: s, 发文机关: s, 主送机关: s, 效力级别: s, 标题: s },
      });
      expect(Array.isArray(m.issuers)).toBe(true);
      expect(Array.isArray(readOutline(s))).toBe(true);
      findDocNumber(s);
      parseChineseDate(s);
      docTypeOfTitle(s);
      expect(typeof stripTitleSuffix(s)).toBe('string');
    }
  });

  it('accepts hostile non-string inputs from untrusted callers', () => {
    const bad = [
      null,
      undefined,
      5,
      {},
      [],
      { text: null },
      { text: 5, labelled: { 发文字号: 3 } },
      { text: 'x', labelled: null, title: 7, url: {} },
    ];
    for (const b of bad) {
      expect(readMetadata(b as never).issuers).toEqual([]);
      expect(readOutline(b as never)).toEqual([]);
      expect(findDocNumber(b as never)).toBeNull();
      expect(parseChineseDate(b as never)).toBeNull();
      expect(docTypeOfTitle(b as never)).toBeNull();
      expect(stripTitleSuffix(b as never)).toBe('');
    }
  });

  // Timings are the benchmark's job (npm run bench:engine); these runs show large and pathological inputs
  // come back with an answer (the test timeout stops one that goes quadratic).
  it('reads a 2 MB notice', () => {
    const seed = seedText('000');
    let text = '';
    while (text.length < 2_000_000) text += seed + '\n';
    expect(readMetadata({ text }).docNumber).toBe('银保监党办发〔2020〕3号');
    expect(readOutline(text).length).toBeGreaterThan(10);
  });

  // About 1 MB each: enough to show quadratic behaviour (seconds), small enough for a steady bound on CI.
  it.each([
    ['〔2019〕', 150_000],
    ['令', 1_000_000],
    ['公告第', 350_000],
    ['自', 1_000_000],
    ['一、\n', 300_000],
    ['第一条\n', 200_000],
    ['2019年1月1日\n', 80_000],
    ['各单位，', 250_000],
    ['\n', 1_000_000],
    ['国发〔2019〕号', 100_000],
  ])(
    'pathological %j × %i comes back with an answer',
    (piece, times) => {
      const text = piece.repeat(times);
      expect(readMetadata({ text })).toBeTypeOf('object');
      expect(Array.isArray(readOutline(text))).toBe(true);
      findDocNumber(text);
    },
    20_000,
  );
});
