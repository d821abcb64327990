/**
 * Texts for the comparison benchmark and speed tests: the five seed notices, and longer notices built from
 * them. Deterministic: the same call always gives the same texts.
 *
 * A built notice is the seeds concatenated from a different starting seed (so every two notices share most
 * passages, in a different order), with a few words changed (reworded passages) and its own generated
 * filler. The filler is templated, as regulations' articles are: every bigram common, the case that makes
 * near-match look-ups expensive.
 */
import { normaliseText } from '../../lib/text/normalise';
import { readSource, seedCases } from './fixtures';
import { prng as random } from './prng';

/** The five seed notices, normalised, in order. */
export function seedNotices(): string[] {
  return seedCases().map((c) => normaliseText(readSource(c)).text);
}

const SUBJECTS = [
  '各区县人民政府',
  '市直各部门',
  '各乡镇党委',
  '卫生健康部门',
  '交通运输部门',
  '各行业协会',
  '市场监管部门',
  '各级财政部门',
];
const ACTIONS = [
  '统筹做好物资调配',
  '加强冷链物流监测',
  '完善值班值守制度',
  '开展入户走访摸排',
  '落实企业复工条件审核',
  '做好返岗人员健康登记',
  '建立每日信息报送机制',
  '组织专项资金拨付',
];
const MANNERS = [
  '按照属地管理原则',
  '在第二季度结束前',
  '结合本地区实际',
  '会同有关单位',
  '依照应急预案',
  '在确保安全的前提下',
];

/** Templated sentences of the seeds' register that are in none of them. */
export function filler(chars: number, seed: number): string {
  const next = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const out: string[] = [];
  let length = 0;
  while (length < chars) {
    const s = `${pick(SUBJECTS)}要${pick(MANNERS)}，${pick(ACTIONS)}，第${1 + Math.floor(next() * 90)}项任务于${1 + Math.floor(next() * 12)}月${1 + Math.floor(next() * 28)}日前完成。`;
    out.push(s);
    length += s.length;
    if (next() < 0.2) {
      out.push('\n');
      length++;
    }
  }
  return out.join('');
}

/** Notice k of `size` characters: 65% seeds (rotated to start at seed k, a few words changed), then filler. */
export function builtNotice(seeds: string[], k: number, size: number): string {
  const rotated = [...seeds.slice(k % seeds.length), ...seeds.slice(0, k % seeds.length)].join('\n');
  let body = rotated.slice(0, Math.round(size * 0.65));
  const edits: Array<[string, string]> = [
    ['坚决', '全力'],
    ['飘浮', '漂浮'],
    ['发生以来', '爆发以来'],
    ['党员干部', '党员、干部'],
  ];
  for (let e = 0; e < edits.length; e++) if ((k + e) % 2 === 0) body = body.split(edits[e][0]).join(edits[e][1]);
  return (body + '\n' + filler(size, 1000 + k)).slice(0, size);
}
