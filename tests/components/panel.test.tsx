// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, type ComponentChild } from 'preact';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Panel, groupByBearer } from '../../components/Panel';
import { SelectionToolbar } from '../../components/SelectionToolbar';
import { MESSAGE_KEYS, type MessageKey, type Translate } from '../../components/messages';
import { parseTags } from '../../components/labels';
import type { Annotation, Clause, NoticeMetadata } from '../../lib/types';

/** A message catalogue as the browser reads it: key → { message }. */
type Catalogue = Record<string, { message: string }>;
const readCatalogue = (locale: string) =>
  JSON.parse(readFileSync(resolve(__dirname, `../../public/_locales/${locale}/messages.json`), 'utf8')) as Catalogue;
const zh = readCatalogue('zh_CN');
const en = readCatalogue('en');
const t: Translate = (key: MessageKey, ...subs) =>
  zh[key].message.replace(/\$P(\d)\$/g, (_m: string, n: string) => String(subs[Number(n) - 1] ?? ''));

const metadata: NoticeMetadata = {
  title: '<img src=x onerror=alert(1)>关于做好疫情防控工作的通知',
  docType: '通知',
  docNumber: '银保监党办发〔2020〕3号',
  issuers: ['中国银保监会党委办公室'],
  addressees: ['各银保监局党委'],
  signedDate: '2020-01-29',
  publishedDate: null,
  effectiveDate: null,
  validity: null,
  level: null,
  citationCode: null,
  url: null,
};

function clause(text: string, category: Clause['category'], bearer: string | null, start: number): Clause {
  return {
    category,
    categories: [category],
    strength: 'soft',
    start,
    end: start + text.length,
    text,
    trigger: '要',
    bearer: bearer ? { text: bearer, source: 'explicit' } : null,
    deadline: null,
    quoted: false,
    heading: false,
    score: 0.7,
  };
}

const clauses = [
  clause('各级党组织要把疫情防控作为重大政治任务。', 'obligation', '各级党组织', 0),
  clause('不得瞒报、谎报、迟报。', 'prohibition', null, 30),
  clause('广大党员要带头不聚会不聚餐。', 'obligation', '广大党员', 50),
  clause('各级党组织要关心关爱一线人员。', 'obligation', '各级党组织', 80),
];

const annotation = (id: string, quote: string, note: string): Annotation => ({
  id,
  noticeId: 'num:x',
  colour: 'green',
  note,
  tags: ['重点', '<b>tag</b>'],
  selectors: [],
  quote,
  createdAt: 1,
  updatedAt: 1,
  deletedAt: null,
});

function mount(ui: ComponentChild) {
  const el = document.createElement('div');
  document.body.appendChild(el);
  render(ui, el);
  return el;
}

/** The panel with these clauses and annotations, every callback a no-op. */
function mountPanel(shown: Clause[], annotations: Parameters<typeof Panel>[0]['annotations']): HTMLElement {
  const none = () => {};
  return mount(
    <Panel
      t={t}
      metadata={metadata}
      clauses={shown}
      hidden={new Set()}
      status={null}
      canUndo={false}
      saved={false}
      onToggleSaved={none}
      annotations={annotations}
      onToggleCategory={none}
      onClauseClick={none}
      onAnnotationClick={none}
      onEditAnnotation={none}
      onDeleteAnnotation={none}
      onUndoDelete={none}
      onClose={none}
    />,
  );
}

describe('Panel', () => {
  it('groups clauses by bearer, named bearers first', () => {
    const groups = groupByBearer(clauses);
    expect(groups.map((g) => g.bearer)).toEqual(['各级党组织', '广大党员', null]);
    expect(groups[0].items.map((i) => i.index)).toEqual([0, 3]);
  });

  it('shows metadata, counts per category and renders page text as text, never as markup', () => {
    const el = mountPanel(clauses, [
      { annotation: annotation('a1', '<script>alert(1)</script>不得', '注意<b>这里</b>'), placed: true },
      { annotation: annotation('a2', '已删除的段落', ''), placed: false },
    ]);
    expect(el.querySelector('.title')!.textContent).toBe(metadata.title);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('script')).toBeNull();
    expect(el.querySelector('.ann b')).toBeNull();
    expect(el.textContent).toContain('银保监党办发〔2020〕3号');
    const obligationChip = el.querySelector('[data-category="obligation"]')!;
    expect(obligationChip.textContent).toContain('义务');
    expect(obligationChip.textContent).toContain('3');
    expect(el.querySelector('[data-section="unplaced"]')!.textContent).toContain('已删除的段落');
  });

  it('hides a switched-off category from the clause list and reports clicks with the clause index', () => {
    const onClauseClick = vi.fn();
    const el = mount(
      <Panel
        t={t}
        metadata={metadata}
        clauses={clauses}
        hidden={new Set(['prohibition'])}
        status={null}
        canUndo={false}
        saved={false}
        onToggleSaved={() => {}}
        annotations={[]}
        onToggleCategory={() => {}}
        onClauseClick={onClauseClick}
        onAnnotationClick={() => {}}
        onEditAnnotation={() => {}}
        onDeleteAnnotation={() => {}}
        onUndoDelete={() => {}}
        onClose={() => {}}
      />,
    );
    expect(el.querySelector('[data-clause="1"]')).toBeNull();
    (el.querySelector('[data-clause="3"]') as HTMLElement).click();
    expect(onClauseClick).toHaveBeenCalledWith(3);
    expect(el.querySelector('[data-category="prohibition"]')!.getAttribute('aria-pressed')).toBe('false');
  });
});

describe('Panel: locations and bearer sources', () => {
  it('shows each clause’s location before its text, and notes bearers taken from the text before or the addressee', () => {
    const located: Clause[] = [
      { ...clause('各单位要高度重视。', 'obligation', '各单位', 0), location: null },
      { ...clause('要落实主体责任。', 'obligation', '各单位', 20), location: '一、（一）' },
      { ...clause('要按时报送。', 'obligation', '各区县人民政府', 40), location: '二、' },
      clause('不得<b>瞒报</b>。', 'prohibition', '企业', 60),
    ];
    located[1].bearer = { text: '各单位', source: 'inherited' };
    located[2].bearer = { text: '各区县人民政府', source: 'addressee' };
    located[3].location = '第十二条';
    expect(groupByBearer(located).map((g) => g.notes)).toEqual([['bearerInherited'], ['bearerAddressee'], []]);
    const el = mountPanel(located, []);
    const row = (i: number) => el.querySelector(`[data-clause="${i}"]`)!;
    expect(row(0).querySelector('.loc')).toBeNull();
    expect(row(1).querySelector('.loc')!.textContent.trim()).toBe('一、（一）');
    expect(row(1).textContent).toMatch(/一、（一）\s*要落实主体责任/);
    expect(row(3).querySelector('.loc')!.textContent.trim()).toBe('第十二条');
    expect(row(3).querySelector('b')).toBeNull();
    const headings = [...el.querySelectorAll('.group h3')].map((h) => h.textContent);
    expect(headings[0]).toContain('承上文');
    expect(headings[1]).toContain('主送机关');
    expect(headings[2]).not.toMatch(/承上文|主送机关/);
    expect(en.bearerInherited.message).not.toBe('');
  });
});

describe('SelectionToolbar', () => {
  it('highlights at once with a colour, or saves the note and tags typed', () => {
    const onSave = vi.fn();
    const el = mount(<SelectionToolbar t={t} x={10} y={10} quote="不得" onSave={onSave} onCancel={() => {}} />);
    (el.querySelector('[data-colour="blue"]') as HTMLElement).click();
    expect(onSave).toHaveBeenLastCalledWith({ colour: 'blue', note: '', tags: [] });
  });

  it('splits tags on Chinese and Latin separators', () => {
    expect(parseTags('重点，督查、 时限;重点 deadline')).toEqual(['重点', '督查', '时限', 'deadline']);
  });
});

describe('message catalogues', () => {
  it('have the same keys in zh_CN and en, and the code knows every key', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect([...MESSAGE_KEYS].sort()).toEqual(Object.keys(zh).sort());
  });
});
