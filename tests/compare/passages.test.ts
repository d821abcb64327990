/**
 * The comparison against an analyst's labels: shared passages (same and reworded) of the five seeds, and of a
 * central directive and a commentary quoting it, compared with seeds 000 and 002 (texts the engine was not
 * tuned on). See tests/fixtures/compare-seeds/SOURCE.md and tests/fixtures/compare-unseen/SOURCE.md.
 */
import { describe, expect, it } from 'vitest';
import { comparePair, compareNotices } from '../../lib/compare';
import { SEEDS, unrelatedText } from './helpers';
import { loadLabels, score } from './labels';
import { FIXTURES_DIR } from '../support/fixtures';

function run(file: string) {
  const set = loadLabels(`${FIXTURES_DIR}/${file}`);
  const comparison = compareNotices(set.texts.map((text) => ({ title: null, text })));
  return { set, s: score(comparison, set) };
}

const describeMisses = (s: ReturnType<typeof score>) =>
  s.missed.map((m) => `${m.label.kind} ${m.label.aText.slice(0, 24)} (${m.coverA.toFixed(2)}/${m.coverB.toFixed(2)})`);

describe('labelled shared passages', () => {
  it('finds the shared and reworded passages of the five seeds, and marks none of their own passages shared', () => {
    const { set, s } = run('compare-seeds/passages.json');
    expect(set.shared.length).toBe(102);
    // The targets as shares: 44 of 46 shared passages found, 15 of 17 reworded ones found as reworded.
    expect(s.sharedFound / s.shared, describeMisses(s).join('\n')).toBeGreaterThanOrEqual(44 / 46);
    expect(s.rewordedFound / s.reworded, describeMisses(s).join('\n')).toBeGreaterThanOrEqual(15 / 17);
    expect(s.uniqueMarked.map((u) => u.text)).toEqual([]);
  });

  it('finds them in texts it was not tuned on: a central directive and a commentary against seeds 000 and 002', () => {
    const { set, s } = run('compare-unseen/passages.json');
    expect(set.shared.length).toBe(44);
    // The targets as shares: 46 of 51 shared, 22 of 37 reworded.
    expect(s.sharedFound / s.shared, describeMisses(s).join('\n')).toBeGreaterThanOrEqual(46 / 51);
    expect(s.rewordedFound / s.reworded, describeMisses(s).join('\n')).toBeGreaterThanOrEqual(22 / 37);
    expect(s.uniqueMarked.map((u) => u.text)).toEqual([]);
  });

  it('finds a list whose items come in another order as one reworded passage', () => {
    const a = '各地要确保宣传动员到位、防控措施到位、责任落实到位、请示报告到位，坚决防止疫情扩散。';
    const b = '全县上下确保责任落实到位、宣传动员到位、请示报告到位、防控措施到位，做好各项工作。';
    const { passages } = comparePair(a, b);
    expect(passages).toHaveLength(1);
    expect(passages[0].kind).toBe('reworded');
    expect(passages[0].aText).toBe('宣传动员到位、防控措施到位、责任落实到位、请示报告到位');
    expect(passages[0].bText).toBe('责任落实到位、宣传动员到位、请示报告到位、防控措施到位');
  });

  it('finds a formula inside different lead-ins, and a phrase cut by a line break', () => {
    const a = '会议强调，各级党委（党组）要坚定信心、同舟共济、科学防治、精准施策，把工作做细。';
    const b = '全市上下必须按照坚定信心、同舟共济、\n科学防治、精准施策的要求，抓好落实。';
    const { passages } = comparePair(a, b);
    expect(passages.map((p) => [p.kind, p.aText])).toEqual([['same', '坚定信心、同舟共济、科学防治、精准施策']]);
    expect(passages[0].bText).toBe('坚定信心、同舟共济、\n科学防治、精准施策');
  });

  it('finds a sentence with a few words changed as reworded, the changed words outside its exact stretches', () => {
    const a = '各级领导班子要及时研判形势，精准把握疫情，狠抓工作落实。';
    const b = '各级领导班子要科学判断形势、精准把握疫情，统一领导、统一指挥。';
    const [p] = comparePair(a, b).passages;
    expect(p.kind).toBe('reworded');
    expect(p.aText).toBe('各级领导班子要及时研判形势，精准把握疫情');
    expect(p.bText).toBe('各级领导班子要科学判断形势、精准把握疫情');
    const exactA = p.matches!.map((m) => a.slice(m.aStart, m.aEnd)).join('|');
    expect(exactA).toContain('各级领导班子要');
    expect(exactA).not.toContain('及时');
  });

  it('keeps a sentence one reworded passage when a word at its end or a clause inside it changes', () => {
    const cases: Array<[string, string, string, string]> = [
      // A word replaced before the shared end (斗争第一线 against 一线): the banded extension reaches 的.
      [
        '保障生命安全。要关心关爱奋战在疫情防控斗争第一线的专家和医护人员，加强心理疏导。',
        '敢于担当。各级党组织要关心关爱奋战在疫情防控一线的党员、干部，帮助解决实际困难。',
        '要关心关爱奋战在疫情防控斗争第一线的',
        '要关心关爱奋战在疫情防控一线的',
      ],
      // A clause added in the middle (各级党组织和广大党员、干部在).
      [
        '各级宣传部门要及时总结、宣传疫情防控工作中涌现出来的先进典型和感人事迹，以榜样力量坚定人民群众。',
        '解除后顾之忧。要及时总结宣传各级党组织和广大党员、干部在疫情防控斗争中涌现出的先进典型和感人事迹，凝聚力量。',
        '要及时总结、宣传疫情防控工作中涌现出来的先进典型和感人事迹',
        '要及时总结宣传各级党组织和广大党员、干部在疫情防控斗争中涌现出的先进典型和感人事迹',
      ],
      // The clause's last word replaced by another.
      [
        '认清极端重要性和紧迫性，把疫情防控作为当前最重要的工作，按照会党委工作要求。',
        '落实到实际行动中,真正把疫情防控作为当前最重要的重大政治任务,努力践行初心和使命。',
        '把疫情防控作为当前最重要的工作',
        '把疫情防控作为当前最重要的重大政治任务',
      ],
    ];
    for (const [a, b, aText, bText] of cases) {
      const { passages } = comparePair(a, b);
      expect(passages.map((p) => [p.kind, p.aText, p.bText])).toEqual([['reworded', aText, bText]]);
    }
  });

  it('gives a notice against itself one same passage', () => {
    for (const text of SEEDS) {
      const r = comparePair(text, text);
      expect(r.passages).toHaveLength(1);
      expect(r.passages[0].kind).toBe('same');
      expect(r.similarity).toBe(1);
    }
  });

  it('finds nothing over chance between unrelated notices', () => {
    const other = unrelatedText(6000, 3);
    for (const text of SEEDS) {
      const r = comparePair(text, other);
      expect(r.passages).toEqual([]);
    }
  });
});
