/** Shared builders for storage, search and message tests: a fresh fake-indexeddb database per test. */
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { noticeId } from '../../lib/identity';
import { NoticeLensDB } from '../../lib/storage/db';
import type { NoticeSnapshot } from '../../lib/storage/records';
import { NoticeRepository } from '../../lib/storage/repository';
import type { Annotation, Clause, NoticeMetadata } from '../../lib/types';

let counter = 0;

/** A database name no other test uses. */
export function uniqueName(prefix = 'test'): string {
  counter++;
  return `${prefix}-${process.pid}-${Date.now()}-${counter}`;
}

export function freshDb(name = uniqueName()): NoticeLensDB {
  return new NoticeLensDB(name, { indexedDB, IDBKeyRange });
}

/** A clock the test moves by hand: every call returns a later time than the one before. */
export function testClock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return {
    now: () => ++t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

export function freshRepo(): { db: NoticeLensDB; repo: NoticeRepository; clock: ReturnType<typeof testClock> } {
  const db = freshDb();
  const clock = testClock();
  return { db, repo: new NoticeRepository(db, { now: clock.now }), clock };
}

export function metadata(overrides: Partial<NoticeMetadata> = {}): NoticeMetadata {
  return {
    title: '国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见',
    docType: '意见',
    docNumber: '国发〔2019〕5号',
    issuers: ['国务院'],
    addressees: ['各省、自治区、直辖市人民政府'],
    signedDate: '2019-01-28',
    publishedDate: '2019-02-15',
    effectiveDate: null,
    validity: '现行有效',
    level: '行政法规',
    citationCode: null,
    url: null,
    ...overrides,
  };
}

export const GOVCN_URL = 'https://www.gov.cn/zhengce/content/2019-02/15/content_5365945.htm';

/** A notice as a page sends it; the id follows from the metadata and the first URL unless given. */
export function snapshot(overrides: Partial<NoticeSnapshot> = {}): NoticeSnapshot {
  const m = overrides.metadata ?? metadata();
  const urls = overrides.urls ?? [GOVCN_URL];
  const text =
    overrides.text ??
    '各省、自治区、直辖市人民政府：\n为全面推行部门联合“双随机、一公开”监管，现提出以下意见。\n一、总体要求\n各地区要切实加强组织领导，确保各项措施落实到位。';
  return {
    id: overrides.id ?? noticeId(m, urls[0] ?? null),
    urls,
    metadata: m,
    text,
    outline: overrides.outline ?? [
      { level: 1, label: '一、', title: '总体要求', start: text.indexOf('一、') >= 0 ? text.indexOf('一、') : 0 },
    ],
    obligations: overrides.obligations ?? [clause(text)],
    site: overrides.site ?? 'govcn',
    ...(overrides.saved !== undefined ? { saved: overrides.saved } : {}),
    ...(overrides.tags !== undefined ? { tags: overrides.tags } : {}),
  };
}

export function clause(text: string): Clause {
  const start = Math.max(0, text.indexOf('要切实'));
  const end = Math.min(text.length, start + 10);
  return {
    category: 'obligation',
    categories: ['obligation'],
    strength: 'hard',
    start,
    end,
    text: text.slice(start, end),
    trigger: '要',
    bearer: { text: '各地区', source: 'explicit' },
    deadline: null,
    quoted: false,
    heading: false,
    score: 0.8,
  };
}

export function annotation(overrides: Partial<Annotation> = {}): Annotation {
  return {
    id: overrides.id ?? `a-${++counter}`,
    noticeId: overrides.noticeId ?? snapshot().id,
    colour: 'yellow',
    note: '',
    tags: [],
    selectors: [
      { type: 'TextQuoteSelector', exact: '切实加强组织领导', prefix: '各地区要', suffix: '，确保' },
      { type: 'TextPositionSelector', start: 40, end: 48 },
      { type: 'StructuralKey', section: '一', paragraph: 1, sentence: 0, offsetInSentence: 4 },
    ],
    quote: '切实加强组织领导',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    deletedAt: null,
    ...overrides,
  };
}
