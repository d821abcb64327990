/** Shared fixtures for the comparison tests: the five seed notices and generated texts. */
import { foldWidth, normaliseText } from '../../lib/text/normalise';
import type { Clause, ObligationCategory } from '../../lib/types';
import { FIXTURES_DIR, readSource, seedCases } from '../support/fixtures';
import { prng } from '../support/prng';

export const random = prng;

/** The folder of the test cases; the seed files are in its `seed-NNN` folders. */
export const SEEDS_DIR = FIXTURES_DIR;

/** Seed files in order: 000 银保监会, 001 宁波市委, 002 北京市委, 003 (a county's) 县委, 004 (a group's) 集团党委. */
export const SEED_FILES = seedCases().map((c) => c.source);

/** The seeds' normalised texts, as the analyser's `text` would start from. */
export const SEEDS = seedCases().map((c) => normaliseText(readSource(c)).text);

/** Letters and digits only, width-folded and lower-cased: what "the same text" means to the comparison. */
export function foldKey(s: string): string {
  return Array.from(foldWidth(s))
    .filter((c) => /[\p{L}\p{N}]/u.test(c))
    .join('')
    .toLowerCase();
}

/** Offsets of the letters and digits of `text`. */
export function keyOffsets(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if (/[\p{L}\p{N}]/u.test(text[i])) out.push(i);
  return out;
}

/**
 * A text on nothing a party notice talks about (gardens, weather, cooking), in Chinese, with the same
 * punctuation: what an unrelated document looks like to the comparison.
 */
export function unrelatedText(chars: number, seed = 1): string {
  const next = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const who = ['邻居家的小猫', '花园里的月季', '楼下的面包店', '周末的集市', '湖边的柳树', '山顶的云雾'];
  const what = [
    '在清晨的阳光里慢慢舒展',
    '飘出刚烤好的香味',
    '被细雨轻轻打湿',
    '引来许多散步的游客',
    '映着傍晚橘红色的天空',
    '随着微风摇摆',
  ];
  const tail = ['孩子们笑着跑过', '空气里有桂花的甜香', '远处传来鸟鸣', '一杯热茶刚好泡开', '石板路上落满花瓣'];
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const s = `${pick(who)}${pick(what)}，${pick(tail)}。`;
    parts.push(s);
    length += s.length;
    if (next() < 0.25) {
      parts.push('\n');
      length++;
    }
  }
  return parts.join('').slice(0, chars);
}

/** A clause as the analyser reports it, for grouping tests. */
export function clause(bearer: string | null, category: ObligationCategory, text = '要做好工作'): Clause {
  return {
    category,
    categories: [category],
    strength: 'hard',
    start: 0,
    end: text.length,
    text,
    trigger: '要',
    bearer: bearer === null ? null : { text: bearer, source: 'explicit' },
    deadline: null,
    quoted: false,
    heading: false,
    score: 1,
  };
}
