import { describe, expect, it } from 'vitest';
import { comparePair, compareNotices, type Comparison, type Passage } from '../../lib/compare';
import { SEEDS, SEED_FILES, clause, foldKey, keyOffsets, unrelatedText } from './helpers';

const all = compareNotices(SEEDS.map((text) => ({ title: null, text })));

function pairOf(c: Comparison, a: number, b: number) {
  const p = c.pairs.find((q) => q.a === a && q.b === b);
  if (!p) throw new Error(`no pair ${a}-${b}`);
  return p;
}

/** Whether some passage covers the whole of `phrase`'s occurrence in both texts. */
function coveringPassage(passages: Passage[], a: string, b: string, from: string, to: string): Passage | undefined {
  const aFrom = a.indexOf(from);
  const aTo = a.indexOf(to, aFrom) + to.length;
  const bFrom = b.indexOf(from);
  const bTo = b.indexOf(to, bFrom) + to.length;
  return passages.find((p) => p.aStart <= aFrom && p.aEnd >= aTo && p.bStart <= bFrom && p.bEnd >= bTo);
}

describe('the seed notices: five local echoes of one central directive', () => {
  it('has the files the tests describe', () => {
    expect(SEED_FILES).toHaveLength(5);
    expect(SEEDS[2].startsWith('中共北京市委关于加强党的领导')).toBe(true);
  });

  // …在疫情防控第一线考察、识别、评价、使用干部，把领导班子和领导干部在疫情防控斗争中的实际表现作为考察其政治素质、
  // 宗旨意识、全局观念、驾驭能力、担当精神的重要内容。Seeds 000, 001, 002 and 004 have it, each with its own
  // lead-in (各级党委和纪检监察机关、组织人事部门要 / 各级党委(党组)要把…重要战场, / 要 / 各级党组织要);
  // 003 says it in other words (注重在疫情防控一线考察识别领导班子和领导干部…).
  const CADRES = [0, 1, 2, 4];
  const FROM = '在疫情防控第一线考察、识别、评价、使用干部';
  const TO = '担当精神的重要内容';

  it('finds the sentence on judging cadres in the front line shared by every pair of the four seeds that have it', () => {
    for (const d of CADRES) expect(SEEDS[d].replace(/,/g, '，').includes(FROM.replace(/,/g, '，'))).toBe(true);
    expect(SEEDS[3].includes('第一线考察')).toBe(false);
    for (const a of CADRES) {
      for (const b of CADRES) {
        if (b <= a) continue;
        const pair = pairOf(all, a, b);
        const p = coveringPassage(pair.passages, SEEDS[a], SEEDS[b], FROM, TO);
        expect(p, `${a}-${b}`).toBeDefined();
        expect(['same', 'reworded']).toContain(p!.kind);
        // The lead-ins differ and are not part of the shared passage.
        expect(p!.aText.startsWith('在疫情防控第一线') || p!.aText.startsWith('要在疫情防控第一线')).toBe(true);
      }
    }
  });

  it('marks 作风飘浮 against 作风漂浮 as reworded, with the differing words outside the exact stretches', () => {
    // 002 (北京) writes 漂浮; 000, 001 and 004 write 飘浮.
    for (const [a, b] of [
      [0, 2],
      [1, 2],
      [2, 4],
    ]) {
      const found = pairOf(all, a, b).passages.filter(
        (p) => /作风[飘漂]浮/.test(p.aText) && /作风[飘漂]浮/.test(p.bText),
      );
      expect(found, `${a}-${b}`).toHaveLength(1);
      const [p] = found;
      expect(p.kind).toBe('reworded');
      expect(p.aText).toContain(a === 2 ? '对不敢担当、作风漂浮、落实不力的' : '对不敢担当、作风飘浮、落实不力的');
      expect(p.bText).toContain(b === 2 ? '对不敢担当、作风漂浮、落实不力的' : '对不敢担当、作风飘浮、落实不力的');
      // The exact stretches inside leave out 飘 and 漂, on both sides.
      const a2 = SEEDS[a].indexOf(a === 2 ? '漂浮' : '飘浮', p.aStart);
      expect(p.matches!.some((m) => m.aStart <= a2 && m.aEnd > a2)).toBe(false);
      expect(p.matches!.length).toBeGreaterThan(1);
    }
    // 004 drops 001's 甚至弄虚作假、失职渎职的 between 落实不力的 and 要严肃问责: one sentence with a clause left out.
    const dropped = pairOf(all, 1, 4).passages.find((p) => p.aText.includes('作风飘浮'));
    expect(dropped?.kind).toBe('reworded');
    expect(dropped?.aText).toBe('对不敢担当、作风飘浮、落实不力的,甚至弄虚作假、失职渎职的,要严肃问责');
    expect(dropped?.bText).toBe('对不敢担当、作风飘浮、落实不力的,要严肃问责');
  });

  it('gives a notice against itself similarity 1 and same passages covering all of it', () => {
    for (const text of SEEDS) {
      const r = comparePair(text, text);
      expect(r.similarity).toBe(1);
      expect(r.passages.length).toBeGreaterThan(0);
      expect(r.passages.every((p) => p.kind === 'same' && p.aStart === p.bStart && p.aEnd === p.bEnd)).toBe(true);
      const covered = new Set<number>();
      for (const p of r.passages) for (let i = p.aStart; i < p.aEnd; i++) covered.add(i);
      expect(keyOffsets(text).every((i) => covered.has(i))).toBe(true);
    }
  });

  it('finds nothing between a seed and an unrelated text', () => {
    const other = unrelatedText(4000, 7);
    for (const text of SEEDS) {
      const r = comparePair(text, other);
      expect(r.similarity).toBeLessThan(0.01);
      expect(r.passages).toEqual([]);
    }
  });

  it('scores echoes of one directive well above unrelated texts and below copies', () => {
    for (const p of all.pairs) {
      expect(p.similarity).toBeGreaterThan(0.005);
      expect(p.similarity).toBeLessThan(0.5);
    }
    // 000 (银保监会) and 001 (宁波) share the long 1月27日 instruction paragraph; 001 and 003 share one phrase.
    expect(pairOf(all, 0, 1).similarity).toBeGreaterThan(pairOf(all, 1, 3).similarity);
  });

  it('is about symmetric: comparing b with a gives nearly the same similarity', () => {
    for (const p of all.pairs) {
      const back = comparePair(SEEDS[p.b], SEEDS[p.a]);
      expect(Math.abs(back.similarity - p.similarity)).toBeLessThan(0.02);
    }
  });

  it('gives offsets that slice to the passage texts, in reading order, never overlapping', () => {
    for (const p of all.pairs) {
      const a = SEEDS[p.a];
      const b = SEEDS[p.b];
      let lastA = -1;
      for (const q of p.passages) {
        expect(q.aText).toBe(a.slice(q.aStart, q.aEnd));
        expect(q.bText).toBe(b.slice(q.bStart, q.bEnd));
        expect(q.aStart).toBeGreaterThanOrEqual(lastA);
        lastA = q.aEnd;
        if (q.kind === 'same') expect(foldKey(q.aText)).toBe(foldKey(q.bText));
        else {
          const ka = foldKey(q.aText);
          const kb = foldKey(q.bText);
          expect(ka).not.toBe(kb);
          // Most of a reworded passage is its exact stretches.
          const exact = q.matches!.reduce((n, m) => n + foldKey(a.slice(m.aStart, m.aEnd)).length, 0);
          expect(exact / Math.max(ka.length, kb.length)).toBeGreaterThanOrEqual(0.35);
          for (const m of q.matches!)
            expect(foldKey(a.slice(m.aStart, m.aEnd))).toBe(foldKey(b.slice(m.bStart, m.bEnd)));
        }
      }
      const bSpans = p.passages.map((q) => [q.bStart, q.bEnd]).sort((x, y) => x[0] - y[0]);
      for (let k = 1; k < bSpans.length; k++) expect(bSpans[k][0]).toBeGreaterThanOrEqual(bSpans[k - 1][1]);
    }
  });
});

describe('reuse and own', () => {
  it('partition each document: every letter and digit lies in exactly one reuse or own span', () => {
    SEEDS.forEach((text, d) => {
      const spans = [
        ...all.reuse.filter((r) => r.doc === d).map((r) => ({ start: r.start, end: r.end })),
        ...all.own[d],
      ].sort((x, y) => x.start - y.start);
      for (let k = 1; k < spans.length; k++) expect(spans[k].start).toBeGreaterThanOrEqual(spans[k - 1].end);
      const covered = new Uint8Array(text.length);
      for (const s of spans) {
        expect(s.end).toBeGreaterThan(s.start);
        for (let i = s.start; i < s.end; i++) covered[i]++;
      }
      expect(keyOffsets(text).filter((i) => covered[i] !== 1)).toEqual([]);
    });
  });

  it('says where each reused span was found, and own spans overlap no passage', () => {
    const passagesOf = (d: number, e: number) => {
      const p = all.pairs.find((q) => (q.a === d && q.b === e) || (q.a === e && q.b === d))!;
      return p.passages.map((q) => (p.a === d ? [q.aStart, q.aEnd] : [q.bStart, q.bEnd]));
    };
    for (const r of all.reuse) {
      expect(r.foundIn.length).toBeGreaterThan(0);
      expect(r.foundIn).not.toContain(r.doc);
      for (const e of r.foundIn) {
        const overlaps = passagesOf(r.doc, e).some(([s, t]) => s < r.end && t > r.start);
        expect(overlaps, `doc ${r.doc} [${r.start},${r.end}) in ${e}`).toBe(true);
      }
    }
    all.own.forEach((spans, d) => {
      for (const s of spans) {
        for (let e = 0; e < SEEDS.length; e++) {
          if (e === d) continue;
          expect(passagesOf(d, e).some(([p, q]) => p < s.end && q > s.start)).toBe(false);
        }
      }
    });
  });

  it("finds the cadres sentence of 000 in the four others, and 003's own 力戒形式主义 passage", () => {
    const at = SEEDS[0].indexOf('把领导班子和领导干部在疫情防控斗争中的实际表现');
    const span = all.reuse.find((r) => r.doc === 0 && r.start <= at && r.end > at);
    // 001, 002 and 004 print it word for word, 003 in other words (领导班子和领导干部实际表现，作为识别评价其…).
    expect(span?.foundIn).toEqual([1, 2, 3, 4]);
    const own3 = all.own[3].map((s) => SEEDS[3].slice(s.start, s.end));
    expect(own3.some((t) => t.includes('不搞标新立异的载体创新'))).toBe(true);
  });
});

describe('obligationsByBearer', () => {
  it('groups clauses by bearer (width and spaces folded) and category, with their indexes per document', () => {
    const c = compareNotices([
      {
        title: 'A',
        text: '甲。',
        obligations: [
          clause('各级党组织', 'obligation'),
          clause('各级党委（党组）', 'obligation'),
          clause(null, 'prohibition'),
        ],
      },
      { title: 'B', text: '乙。' },
      {
        title: 'C',
        text: '丙。',
        obligations: [
          clause('各级党委(党组)', 'obligation'),
          clause('各级党组织', 'encouragement'),
          clause('各级党组织', 'obligation'),
          clause('各级 党组织', 'obligation'),
        ],
      },
    ]);
    expect(c.obligationsByBearer).toEqual([
      { bearer: '各级党组织', category: 'obligation', perDoc: [[0], [], [2, 3]] },
      { bearer: '各级党委(党组)', category: 'obligation', perDoc: [[1], [], [0]] },
      { bearer: '', category: 'prohibition', perDoc: [[2], [], []] },
      { bearer: '各级党组织', category: 'encouragement', perDoc: [[], [], [1]] },
    ]);
  });

  it('is empty when no document has obligations', () => {
    expect(compareNotices(SEEDS.slice(0, 2).map((text) => ({ title: null, text }))).obligationsByBearer).toEqual([]);
  });
});

describe('comparePair on small texts', () => {
  const lead = '为深入贯彻落实党中央决策部署，切实做好疫情防控工作，现就有关事项通知如下。';
  const middle = '各级党组织要充分发挥战斗堡垒作用，组织动员广大党员冲锋在前。';
  const tail = '对表现突出的干部要及时表扬表彰，对失职渎职的要严肃问责。';

  it("finds a passage that moved and keeps each side's own text out of the passages", () => {
    const a = `${lead}\n本市的补充要求如下。\n${middle}\n${tail}`;
    const b = `${tail}\n${lead}\n本县另行部署专项检查。\n${middle}`;
    const r = comparePair(a, b);
    expect(r.passages.map((p) => p.kind)).toEqual(['same', 'same', 'same']);
    expect(r.passages.map((p) => p.aText)).toEqual([lead.slice(0, -1), middle.slice(0, -1), tail.slice(0, -1)]);
    expect(r.passages.every((p) => p.aText === p.bText)).toBe(true);
    const own = foldKey('本市的补充要求如下');
    const shared = foldKey(lead + middle + tail);
    expect(r.similarity).toBeCloseTo(
      (2 * shared.length) / (2 * shared.length + own.length + foldKey('本县另行部署专项检查').length),
      10,
    );
  });

  it('takes the shared end of a clause whose lead-in differs, within the sentence only', () => {
    const a = '各级党委和纪检监察机关要在疫情防控第一线考察、识别、评价、使用干部，把领导班子的实际表现作为重要内容。';
    const b = '会议要求，要在疫情防控第一线考察、识别、评价、使用干部，把领导班子的实际表现作为重要内容。';
    const [p] = comparePair(a, b).passages;
    expect(p.kind).toBe('same');
    expect(p.aText).toBe('要在疫情防控第一线考察、识别、评价、使用干部，把领导班子的实际表现作为重要内容');
    expect(p.bText).toBe(p.aText);
  });

  it('ignores punctuation width and stray spaces', () => {
    const a = '各级党委（党组）要增强“四个意识”，坚定“四个自信”。';
    const b = '各级党委(党组)要增强"四个意识",坚定 "四个 自信"。';
    const r = comparePair(a, b);
    expect(r.similarity).toBe(1);
    expect(r.passages).toHaveLength(1);
    expect(r.passages[0].kind).toBe('same');
  });

  it('takes the brackets and quotes a passage leaves half open', () => {
    const title = '《关于加强党的领导、为打赢疫情防控阻击战提供坚强政治保证的通知》';
    const [p] = comparePair(`现转发${title}，请认真贯彻落实。`, `现转发${title}，请结合实际执行。`).passages;
    expect(p.aText).toBe(`现转发${title}`);
    const [q] = comparePair(
      '“四个意识”是政治要求，各级党组织务必牢记在心。',
      '大家知道，“四个意识”是政治要求，各级党组织务必牢记在心。',
    ).passages;
    expect(q.aText).toBe('“四个意识”是政治要求，各级党组织务必牢记在心');
    expect(q.bText).toBe(q.aText);
  });

  it('drops chance matches shorter than 8 characters', () => {
    const r = comparePair('本市将严肃问责。', '其他单位也将严肃问责。');
    expect(r.passages).toEqual([]);
    expect(r.similarity).toBe(0);
  });

  it('handles empty and punctuation-only texts', () => {
    expect(comparePair('', '')).toEqual({ similarity: 0, passages: [] });
    expect(comparePair('。。，\n', SEEDS[0])).toEqual({ similarity: 0, passages: [] });
    expect(compareNotices([])).toEqual({ pairs: [], reuse: [], own: [], obligationsByBearer: [] });
    const one = compareNotices([{ title: null, text: SEEDS[0] }]);
    expect(one.pairs).toEqual([]);
    expect(one.own[0].length).toBeGreaterThan(0);
  });
});
