import { describe, expect, it } from 'vitest';
import {
  aliasesOf,
  groupByBearer,
  isFragmentBearer,
  NO_FILTER,
  shownClauses,
  stepClause,
} from '../../lib/page/clause-list';
import type { Clause } from '../../lib/types';

const TEXT =
  '一、市应急管理局（以下简称市应急局）应当于6月30日前完成排查。\n二、市应急局要加强督导。\n三、要切实落实属地责任。\n四、鼓励企业开展培训。';

function clause(
  text: string,
  bearer: string | null,
  source: 'explicit' | 'inherited' | 'addressee',
  extra: Partial<Clause> = {},
): Clause {
  return {
    category: 'obligation',
    categories: ['obligation'],
    strength: 'hard',
    start: 0,
    end: text.length,
    text,
    trigger: '应当',
    bearer: bearer ? { text: bearer, source } : null,
    deadline: null,
    quoted: false,
    heading: false,
    score: 1,
    ...extra,
  };
}

const clauses = [
  clause('市应急管理局应当于6月30日前完成排查。', '市应急管理局', 'explicit', {
    deadline: { text: '于6月30日前', type: 'date', iso: null },
  }),
  clause('市应急局要加强督导。', '市应急局', 'explicit', { strength: 'soft' }),
  clause('要切实落实属地责任。', '各区县人民政府', 'addressee', { strength: 'soft' }),
  clause('鼓励企业开展培训。', '企业', 'explicit', { category: 'encouragement', categories: ['encouragement'] }),
  clause('对未按要求完成整改的，依法追究责任。', '对未按要求完成整改的，依法', 'inherited'),
];

describe('the panel’s clause list', () => {
  const aliases = aliasesOf(TEXT);

  it('groups a full name and its 以下简称 alias as one bearer, shown under the full name', () => {
    const groups = groupByBearer(clauses, aliases);
    expect(groups.map((g) => g.key)).toEqual(['市应急局', '各区县人民政府', '企业', null]);
    expect(groups[0].bearer).toBe('市应急管理局');
    expect(groups[0].names).toEqual(['市应急管理局', '市应急局']);
    expect(groups[1].notes).toEqual(['bearerAddressee']);
    expect(groups[1].sources).toEqual({ explicit: 0, inherited: 0, addressee: 1 });
  });

  it('lists a bearer that is a piece of a sentence with the clauses of unknown bearer', () => {
    expect(isFragmentBearer('对未按要求完成整改的，依法')).toBe(true);
    expect(isFragmentBearer('国家市场监督管理总局')).toBe(false);
    expect(
      groupByBearer(clauses, aliases)
        .at(-1)!
        .items.map((i) => i.index),
    ).toEqual([4]);
  });

  it('filters by bearer, deadline, hard only and category, in text order', () => {
    expect(shownClauses(clauses, new Set(), NO_FILTER, aliases)).toEqual([0, 1, 2, 3, 4]);
    expect(shownClauses(clauses, new Set(), { ...NO_FILTER, bearer: '市应急局' }, aliases)).toEqual([0, 1]);
    expect(shownClauses(clauses, new Set(), { ...NO_FILTER, deadline: true }, aliases)).toEqual([0]);
    expect(shownClauses(clauses, new Set(), { ...NO_FILTER, hardOnly: true }, aliases)).toEqual([0, 3, 4]);
    expect(shownClauses(clauses, new Set(['encouragement']), { ...NO_FILTER, hardOnly: true }, aliases)).toEqual([
      0, 4,
    ]);
  });

  it('steps forward and back through the shown clauses, wrapping at the ends', () => {
    expect(stepClause([2, 5, 9], null, 1)).toBe(2);
    expect(stepClause([2, 5, 9], null, -1)).toBe(9);
    expect(stepClause([2, 5, 9], 5, 1)).toBe(9);
    expect(stepClause([2, 5, 9], 9, 1)).toBe(2);
    expect(stepClause([2, 5, 9], 2, -1)).toBe(9);
    expect(stepClause([2, 5, 9], 3, -1)).toBe(2);
    expect(stepClause([], 3, 1)).toBeNull();
  });
});
