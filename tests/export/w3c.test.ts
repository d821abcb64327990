import { describe, expect, it } from 'vitest';
import { fromW3C, parseImportFile, toW3C, toW3CJson } from '../../lib/export/w3c';
import type { Annotation, SavedNotice, TextPositionSelector } from '../../lib/types';
import { EMOJI_NOTE, URL_A, noticeA, noticeB, noticeHostile } from './fixtures';

const items = () => [noticeA(), noticeB(), noticeHostile()];

/** What an import of `items` must give back. */
function expected(list: ReturnType<typeof items>): { notices: SavedNotice[]; annotations: Annotation[] } {
  return { notices: list.map((i) => i.notice), annotations: list.flatMap((i) => i.annotations) };
}

/** A selector or body as the file holds it, loosely typed so that tests can corrupt any field. */
type LooseEntry = Record<string, unknown>;

interface LooseTarget {
  source: string;
  styleClass: string;
  'nl:noticeId': string;
  selector: LooseEntry[];
  'nl:structure': LooseEntry[];
}

interface LooseAnnotation {
  id: string;
  type: string;
  created: string;
  'nl:quote': string;
  body: LooseEntry[];
  target: LooseTarget;
}

interface LooseNotice {
  id: string;
  site: string;
  saved: unknown;
  createdAt: number;
  text: string;
  tags: string[];
  urls: string[];
  metadata: { signedDate: string | null };
  obligations: Array<{ end: number; category: string }>;
}

/** An exported collection as parsed JSON, loosely typed so that tests can corrupt it. */
interface LooseCollection {
  '@context': unknown;
  type: string;
  first: { items: LooseAnnotation[]; next?: string };
  'nl:formatVersion': number;
  'nl:notices': LooseNotice[];
}

/** A fresh, mutable copy of an export, for corrupting. */
function exported(): LooseCollection {
  return JSON.parse(JSON.stringify(toW3C(items()))) as LooseCollection;
}

function refused(json: unknown): { error: string; errorEn: string; code: string } {
  const result = fromW3C(json);
  if (result.ok) throw new Error('expected the import to be refused');
  return result;
}

describe('toW3C', () => {
  const list = items();
  const collection = toW3C(list);
  const annotations = collection.first.items;

  it('is a W3C AnnotationCollection with one page holding every annotation, deleted ones included', () => {
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection.total).toBe(11);
    expect(annotations).toHaveLength(11);
    expect(collection['nl:notices'].map((n) => n.id)).toEqual([
      'cite:CLI.16.338947',
      'text:4b1f0c2e9a6d3c70',
      'url:https://evil.example/notice?id=1',
    ]);
  });

  it('writes each annotation with W3C terms: id, motivation, times, bodies, target and selectors', () => {
    const [first, , blue, , deleted] = annotations;
    expect(first.id).toBe(`urn:uuid:${list[0].annotations[0].id}`);
    expect(first.type).toBe('Annotation');
    expect(first.motivation).toBe('commenting');
    expect(first.created).toBe('2025-01-28T21:33:20.000Z');
    expect(first.modified).toBe('2025-01-28T21:34:20.000Z');
    expect(first.body).toEqual([
      {
        type: 'TextualBody',
        value: list[0].annotations[0].note,
        purpose: 'commenting',
        format: 'text/plain',
        language: 'zh',
      },
      { type: 'TextualBody', value: '主体责任', purpose: 'tagging' },
      { type: 'TextualBody', value: '疫情防控', purpose: 'tagging' },
    ]);
    expect(first.target.source).toBe(URL_A);
    expect(first.target['nl:noticeId']).toBe('cite:CLI.16.338947');
    expect(first.target.styleClass).toBe('nl-yellow');
    expect(first.stylesheet.value).toContain('.nl-yellow {');
    // Only W3C's own selector types in the selector list; the structural key beside it, under our prefix.
    expect(first.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(first.target['nl:structure']).toHaveLength(1);
    expect(first.target['nl:structure']?.[0]).toEqual({
      type: 'nl:StructuralKey',
      'nl:section': '三',
      'nl:paragraph': 3,
      'nl:sentence': 1,
      'nl:offsetInSentence': 0,
    });
    // A highlight without note or tags has no body and the highlighting motivation.
    expect(blue.motivation).toBe('highlighting');
    expect(blue.body).toBeUndefined();
    expect(deleted['nl:deletedAt']).toBe('2025-01-30T01:20:00.000Z');
    expect(first['nl:deletedAt']).toBeUndefined();
    // A notice without a URL is the target source by our URN; a non-UUID id by our annotation URN.
    const b = annotations[7];
    expect(b.target.source).toBe('urn:notice-lens:text:4b1f0c2e9a6d3c70');
    expect(b.id).toBe('urn:notice-lens:annotation:hypothesis%3AAbC-12_x.y%7Cz');
  });

  it('refuses to write an annotation whose notice is not exported', () => {
    const a = noticeA();
    expect(() => toW3C([{ notice: noticeB().notice, annotations: a.annotations }])).toThrow(/not being exported/);
  });

  it('writes a notice listed twice once', () => {
    const a = noticeA();
    const twice = toW3C([a, a]);
    expect(twice['nl:notices']).toHaveLength(1);
    expect(twice.total).toBe(a.annotations.length);
  });
});

describe('round trip', () => {
  it('restores notices and annotations exactly through JSON text', () => {
    const list = items();
    const result = fromW3C(JSON.parse(JSON.stringify(toW3C(list))));
    expect(result).toStrictEqual({ ok: true, ...expected(list), strippedControlChars: 0 });
  });

  it('restores exactly through parseImportFile, BOM or not', () => {
    const list = items();
    const text = toW3CJson(list);
    expect(parseImportFile(text)).toStrictEqual({ ok: true, ...expected(list), strippedControlChars: 0 });
    expect(parseImportFile(`\uFEFF${text}`)).toStrictEqual({ ok: true, ...expected(list), strippedControlChars: 0 });
  });

  it('keeps Han, emoji surrogate pairs, empty and blank notes, deleted annotations, bearers and deadlines', () => {
    const result = fromW3C(JSON.parse(toW3CJson(items())));
    if (!result.ok) throw new Error(result.error);
    const byId = new Map(result.annotations.map((a) => [a.id, a]));
    const a = noticeA();
    expect(byId.get(a.annotations[3].id)?.note).toBe(EMOJI_NOTE);
    expect(byId.get(a.annotations[3].id)?.tags).toEqual(['🚩标记', '谣言']);
    expect(byId.get(a.annotations[2].id)?.note).toBe('');
    expect(byId.get(a.annotations[4].id)?.deletedAt).toBe(1_738_200_000_000);
    expect(byId.get('hypothesis:AbC-12_x.y|z')?.note).toBe('@SUM(A1:A9)');
    expect(result.annotations.find((x) => x.note === '   ')).toBeDefined();
    expect(result.notices[1].obligations[0].deadline).toEqual({
      text: '2020年2月底前',
      type: 'date',
      iso: '2020-02-29',
    });
    expect(result.notices[0].obligations[1].bearer).toEqual({ text: '系统各级党委', source: 'inherited' });
    expect(result.notices[2].metadata.title).toContain('<script>');
  });

  it('a blank source URL is no link: the export falls back to our notice URN and imports back', () => {
    const hostile = noticeHostile();
    const blank = {
      ...hostile,
      notice: { ...hostile.notice, urls: [' '], metadata: { ...hostile.notice.metadata, url: '' } },
    };
    const collection = toW3C([blank]);
    expect(collection.first.items[0].target.source).toBe(`urn:notice-lens:${hostile.notice.id}`);
    expect(parseImportFile(JSON.stringify(collection))).toMatchObject({ ok: true, notices: [blank.notice] });
  });

  it('round-trips a notice exported without annotations and an empty collection', () => {
    const b = noticeB();
    expect(fromW3C(JSON.parse(JSON.stringify(toW3C([{ notice: b.notice, annotations: [] }]))))).toStrictEqual({
      ok: true,
      notices: [b.notice],
      annotations: [],
      strippedControlChars: 0,
    });
    expect(fromW3C(JSON.parse(JSON.stringify(toW3C([]))))).toStrictEqual({
      ok: true,
      notices: [],
      annotations: [],
      strippedControlChars: 0,
    });
  });
});

describe('fromW3C refuses bad files with the item and field', () => {
  it('a missing selector', () => {
    const json = exported();
    delete (json.first.items[2].target as Partial<LooseTarget>).selector;
    const r = refused(json);
    expect(r.code).toBe('missing');
    expect(r.error).toBe('第 3 条批注：缺少 target.selector');
    expect(r.errorEn).toBe('annotation 3: target.selector is missing');
  });

  it('the wrong @context or type', () => {
    const json = exported();
    json['@context'] = 'http://schema.org/';
    expect(refused(json).error).toBe(
      '@context 应为 W3C 批注上下文 http://www.w3.org/ns/anno.jsonld，实际为 "http://schema.org/"',
    );
    const plain = exported();
    plain['@context'] = 'http://www.w3.org/ns/anno.jsonld';
    expect(fromW3C(plain).ok).toBe(true);
    const typed = exported();
    typed.type = 'AnnotationPage';
    expect(refused(typed).error).toBe('type 应为 "AnnotationCollection"，实际为 "AnnotationPage"');
    const annotationType = exported();
    annotationType.first.items[0].type = 'Note';
    expect(refused(annotationType).error).toBe('第 1 条批注：type 应为 "Annotation"，实际为 "Note"');
  });

  it('a duplicated annotation id, named', () => {
    const json = exported();
    json.first.items[4].id = json.first.items[1].id;
    const r = refused(json);
    expect(r.code).toBe('duplicate-id');
    expect(r.error).toBe(`第 5 条批注：id 重复：${noticeA().annotations[1].id}（另见第 2 条批注）`);
    expect(r.errorEn).toContain(`duplicate id ${noticeA().annotations[1].id} (also annotation 2)`);
  });

  it('a duplicated notice id, named', () => {
    const json = exported();
    json['nl:notices'][2].id = json['nl:notices'][0].id;
    expect(refused(json).error).toBe('第 3 篇公文：id 重复：cite:CLI.16.338947（另见第 1 篇公文）');
  });

  it('an annotation whose notice is not in the file', () => {
    const json = exported();
    json.first.items[0].target['nl:noticeId'] = 'cite:CLI.1.1';
    expect(refused(json).error).toBe('第 1 条批注：所属公文 cite:CLI.1.1 不在文件中（nl:notices）');
  });

  it('a total that does not match the items (a cut-down file)', () => {
    const json = exported();
    json.first.items.pop();
    expect(refused(json).error).toBe('total 为 11，但文件中有 10 条批注，文件可能不完整');
  });

  it('wrong field types, missing fields and bad enum values', () => {
    const firstEnd = (noticeA().annotations[0].selectors[1] as TextPositionSelector).end;
    const cases: Array<[(j: LooseCollection) => void, string]> = [
      [(j) => (j.first.items[0].body[0].value = 42), '第 1 条批注：body[0].value 应为字符串，实际为数字'],
      [
        (j) => (j.first.items[0].target.styleClass = 'nl-orange'),
        '第 1 条批注：target.styleClass 应为 "nl-yellow" | "nl-green" | "nl-blue" | "nl-pink" | "nl-purple"，实际为 "nl-orange"',
      ],
      [(j) => delete (j.first.items[0] as Partial<LooseAnnotation>).created, '第 1 条批注：缺少 created'],
      [
        (j) => (j.first.items[0].created = '2025-13-45'),
        '第 1 条批注：created 无效：应为 1970 年以后的 ISO 8601 时间（如 2026-01-31T08:00:00.000Z），实际为 "2025-13-45"',
      ],
      [
        (j) => (j.first.items[0].target.selector[1].start = -1),
        '第 1 条批注：target.selector[1].start 无效：应为非负数，实际为 -1',
      ],
      [
        (j) => (j.first.items[0].target.selector[1].start = 1.5),
        '第 1 条批注：target.selector[1].start 无效：应为整数，实际为 1.5',
      ],
      [
        (j) => (j.first.items[0].target.selector[1].start = 99999),
        `第 1 条批注：target.selector[1] 无效：start（99999）大于 end（${firstEnd}）`,
      ],
      [
        (j) => (j.first.items[0].target.selector[0].type = 'RangeSelector'),
        '第 1 条批注：target.selector[0].type 应为 "TextQuoteSelector" | "TextPositionSelector" | "nl:StructuralKey"，实际为 "RangeSelector"',
      ],
      [
        (j) => (j.first.items[0].target = [j.first.items[0].target] as unknown as LooseTarget),
        '第 1 条批注：target 应为对象，实际为数组',
      ],
      [
        (j) => j.first.items[0].body.push({ type: 'TextualBody', purpose: 'commenting', value: 'x' }),
        '第 1 条批注：body[3] 无效：一条批注只能有一个 commenting 正文',
      ],
      [
        (j) => (j['nl:notices'][0].metadata.signedDate = '2020-02-30'),
        '第 1 篇公文：metadata.signedDate 无效：应为 YYYY-MM-DD 日期或 null，实际为 "2020-02-30"',
      ],
      [
        (j) => (j['nl:notices'][0].obligations[0].end = 10_000_000),
        '第 1 篇公文：obligations[0].end 无效：10000000 超出正文长度 ' + noticeA().notice.text.length,
      ],
      [
        (j) => (j['nl:notices'][0].obligations[0].category = 'duty'),
        '第 1 篇公文：obligations[0].category 应为 "obligation" | "prohibition" | "permission" | "encouragement" | "accountability"，实际为 "duty"',
      ],
      [
        (j) => (j['nl:notices'][1].site = 'weibo'),
        '第 2 篇公文：site 应为 "pkulaw" | "govcn" | "npc" | "generic" | "text"，实际为 "weibo"',
      ],
      [(j) => (j['nl:notices'][0].saved = 'yes'), '第 1 篇公文：saved 应为布尔值，实际为字符串'],
      [(j) => delete (j['nl:notices'][0] as Partial<LooseNotice>).metadata, '第 1 篇公文：缺少 metadata'],
      [(j) => (j['nl:formatVersion'] = 3), '文件由较新版本的公文透镜导出（格式版本 3），请先升级扩展'],
      [(j) => delete (j as Partial<LooseCollection>)['nl:notices'], '缺少 nl:notices'],
      [(j) => (j.first.next = 'page2.json'), '不支持分页的批注集合（first.next），请导出为单个文件'],
    ];
    for (const [corrupt, message] of cases) {
      const json = exported();
      corrupt(json);
      expect(refused(json).error).toBe(message);
    }
  });

  it('non-finite numbers handed in directly', () => {
    const json = exported();
    json['nl:notices'][0].createdAt = Number.POSITIVE_INFINITY;
    expect(refused(json).error).toBe('第 1 篇公文：createdAt 无效：应为非负数，实际为 Infinity');
  });

  it('notes, tags and texts over their limits', () => {
    const long = exported();
    long.first.items[0].body[0].value = '批'.repeat(20_001);
    expect(refused(long).error).toBe('第 1 条批注：body[0].value 过长（20001 个字符，上限 20000）');
    const atLimit = exported();
    atLimit.first.items[0].body[0].value = '批'.repeat(20_000);
    expect(fromW3C(atLimit).ok).toBe(true);
    const tag = exported();
    tag.first.items[0].body[1].value = '标'.repeat(65);
    expect(refused(tag).error).toBe('第 1 条批注：body[1].value 过长（65 个字符，上限 64）');
    const tags = exported();
    for (let i = 0; i < 49; i++)
      tags.first.items[0].body.push({ type: 'TextualBody', purpose: 'tagging', value: `t${i}` });
    expect(refused(tags).error).toBe('第 1 条批注：body 无效：标签（tagging 正文）过多，上限 50 个');
    const noticeTags = exported();
    noticeTags['nl:notices'][0].tags = Array.from({ length: 51 }, (_, i) => `t${i}`);
    expect(refused(noticeTags).error).toBe('第 1 篇公文：tags 过多（51 个，上限 50）');
    const text = exported();
    text['nl:notices'][1].text = 'x'.repeat(5_000_001);
    expect(refused(text).error).toBe('第 2 篇公文：text 过长（5000001 个字符，上限 5000000）');
  });

  it('ids and sizes the library store cannot hold, so an accepted file is never refused when stored', () => {
    const annotationId = (id: string) => {
      const json = exported();
      json.first.items[0].id = id;
      return refused(json);
    };
    // A Hypothesis IRI, Han, a space, a lone surrogate (which no IRI can encode on export), over 128.
    for (const id of ['https://hypothes.is/a/AbC123', '批注1', 'a b', 'x\ud800y', 'a'.repeat(129)]) {
      const r = annotationId(id);
      expect(r.code).toBe('invalid');
      expect(r.error).toMatch(
        /^第 1 条批注：id 无效：应为 1 到 128 个字母、数字或 : \. _ \| - 字符（如 UUID），实际为 /,
      );
      expect(r.errorEn).toMatch(
        /^annotation 1: id is invalid: must be 1 to 128 letters, digits or : \. _ \| - \(a UUID, say\)/,
      );
    }
    expect(annotationId('urn:notice-lens:annotation:%E6%89%B9').error).toBe(
      '第 1 条批注：id 无效：应为 1 到 128 个字母、数字或 : . _ | - 字符（如 UUID），实际为 "批"',
    );
    const foreign = exported();
    foreign.first.items[0].id = 'urn:example:note-7';
    expect(fromW3C(foreign).ok).toBe(true);

    for (const id of ['text:4b1f0c2e9a', 'notice-1', 'url:https://例子.cn/a', 'num:国务院|']) {
      const json = exported();
      json['nl:notices'][2].id = id;
      expect(refused(json).error).toBe(
        `第 3 篇公文：id 无效：不是公文透镜的公文 id（cite:、num:、url: 或 text: 加其键值），实际为 ${JSON.stringify(id)}`,
      );
    }

    const quote = exported();
    quote.first.items[0]['nl:quote'] = '引'.repeat(20_001);
    expect(refused(quote).error).toBe('第 1 条批注：nl:quote 过长（20001 个字符，上限 20000）');
    const urls = exported();
    urls['nl:notices'][0].urls = Array.from({ length: 101 }, (_, i) => `https://www.gov.cn/${i}.htm`);
    expect(refused(urls).error).toBe('第 1 篇公文：urls 过多（101 个，上限 100）');
  });

  it('selectors a page could not send back: an imported annotation stays editable in the panel', () => {
    const cases: Array<[(j: LooseCollection) => void, string]> = [
      [
        (j) => (j.first.items[0].target['nl:structure'][0]['nl:paragraph'] = 1e9),
        '第 1 条批注：target.nl:structure[0].nl:paragraph 无效：应不大于 1000000，实际为 1000000000',
      ],
      [
        (j) => (j.first.items[0].target['nl:structure'][0]['nl:sentence'] = 1_000_001),
        '第 1 条批注：target.nl:structure[0].nl:sentence 无效：应不大于 1000000，实际为 1000001',
      ],
      [
        (j) => (j.first.items[0].target['nl:structure'][0]['nl:section'] = '节'.repeat(201)),
        '第 1 条批注：target.nl:structure[0].nl:section 过长（201 个字符，上限 200）',
      ],
      [
        (j) => (j.first.items[0].target.selector[0].prefix = '前'.repeat(1001)),
        '第 1 条批注：target.selector[0].prefix 过长（1001 个字符，上限 1000）',
      ],
      [
        (j) => (j.first.items[0].target.selector[0].exact = '引'.repeat(20_001)),
        '第 1 条批注：target.selector[0].exact 过长（20001 个字符，上限 20000）',
      ],
      [
        (j) => (j.first.items[0].target.selector[1].end = 5_000_001),
        '第 1 条批注：target.selector[1].end 无效：应不大于 5000000，实际为 5000001',
      ],
      [
        (j) => (j.first.items[0].target.selector = new Array<LooseEntry>(11).fill(j.first.items[0].target.selector[1])),
        '第 1 条批注：target.selector 过多（11 个，上限 10）',
      ],
      [
        (j) => {
          j.first.items[0].target.selector = [];
          delete (j.first.items[0].target as Partial<LooseTarget>)['nl:structure'];
        },
        '第 1 条批注：target.selector 无效：至少需要一个选择器',
      ],
    ];
    for (const [corrupt, message] of cases) {
      const json = exported();
      corrupt(json);
      expect(refused(json).error).toBe(message);
    }
  });

  it('a value nested 100,000 deep where a message quotes it: refused, not a stack overflow', () => {
    const deepArray: unknown = JSON.parse(`${'['.repeat(100_000)}1${']'.repeat(100_000)}`);
    const deepObject: unknown = JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
    const json = exported();
    json['@context'] = deepArray;
    expect(refused(json).error).toBe('@context 应为 W3C 批注上下文 http://www.w3.org/ns/anno.jsonld，实际为 [[[[…]]]]');
    json['@context'] = deepObject;
    expect(refused(json).errorEn).toBe(
      '@context must be the W3C annotation context http://www.w3.org/ns/anno.jsonld, found {"a":{"a":{"a":{…}}}}',
    );
    const text = toW3CJson(items()).replace(
      /"@context": \[[^\]]*\]/,
      `"@context": ${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    );
    expect(parseImportFile(text)).toMatchObject({ ok: false, code: 'wrong-context' });
  });

  it('a top level that is not an object', () => {
    expect(refused([1, 2]).error).toBe('文件顶层应为 JSON 对象（W3C AnnotationCollection），实际为数组');
    expect(refused(null).errorEn).toBe('the top level must be a JSON object (a W3C AnnotationCollection), found null');
  });

  it('does not follow __proto__ keys into the prototype', () => {
    const json: unknown = JSON.parse(
      JSON.stringify(toW3C(items())).replace(
        '"type":"AnnotationCollection"',
        '"__proto__":{"type":"AnnotationCollection"}',
      ),
    );
    expect(refused(json).error).toBe('缺少 type');
  });
});

describe('fromW3C strips control characters, keeps markup', () => {
  it('removes control characters other than \\n and \\t, counts them, and keeps <script> as text', () => {
    const json = exported();
    json.first.items[0].body[0].value = 'a\u0000b\u0007c\u001b[31m\u0085d\re\tf\ng <script>x</script>';
    const result = fromW3C(json);
    if (!result.ok) throw new Error(result.error);
    // A lone \r is a line break, as the exporter writes it: \n.
    expect(result.annotations[0].note).toBe('abc[31md\ne\tf\ng <script>x</script>');
    expect(result.strippedControlChars).toBe(4);
  });
});

describe('parseImportFile', () => {
  it('refuses a truncated file, saying where and that it may be truncated', () => {
    const text = toW3CJson(items());
    const cut = text.slice(0, Math.floor(text.length / 2));
    const r = parseImportFile(cut);
    if (r.ok) throw new Error('expected refusal');
    const lines = cut.split('\n');
    expect(r.code).toBe('invalid-json');
    expect(r.error).toMatch(new RegExp(`^不是有效的 JSON：第 ${lines.length} 行第 \\d+ 列（位置 ${cut.length}）：`));
    expect(r.error).toMatch(/截断/);
    expect(r.errorEn).toMatch(/truncated/);
  });

  it('reports the line and column of a syntax error', () => {
    const r = parseImportFile('{\n  "type": "AnnotationCollection",\n  "total": 1,,\n}');
    if (r.ok) throw new Error('expected refusal');
    expect(r.error).toBe('不是有效的 JSON：第 3 行第 14 列（位置 49）：应为用双引号括起的键名，却遇到 ","');
    expect(r.errorEn).toBe('not valid JSON at line 3, column 14 (offset 49): expected a double-quoted key, found ","');
    const value = parseImportFile('[1,\n,2]');
    expect(value.ok ? '' : value.error).toBe('不是有效的 JSON：第 2 行第 1 列（位置 4）：应为一个 JSON 值，却遇到 ","');
    const close = parseImportFile('{"a": [1 2]}');
    expect(close.ok ? '' : close.errorEn).toBe(
      'not valid JSON at line 1, column 10 (offset 9): expected "," or "]", found "2"',
    );
    const trailing = parseImportFile('{"a": 1} x');
    expect(trailing.ok ? '' : trailing.errorEn).toBe(
      'not valid JSON at line 1, column 10 (offset 9): unexpected "x" after the JSON value',
    );
    const key = parseImportFile('{a: 1}');
    expect(key.ok ? '' : key.errorEn).toBe(
      'not valid JSON at line 1, column 2 (offset 1): expected a double-quoted key, found "a"',
    );
    const escape = parseImportFile('{"a": "\\x"}');
    expect(escape.ok ? '' : escape.errorEn).toBe('not valid JSON at line 1, column 8 (offset 7): invalid escape \\x');
  });

  it('refuses files over the size limit before parsing', () => {
    const text = toW3CJson(items());
    const r = parseImportFile(text, 1000);
    if (r.ok) throw new Error('expected refusal');
    expect(r.code).toBe('too-large');
    expect(r.error).toMatch(/^文件过大（至少 \d+ 字节，上限 1000 字节），未读取$/);
    // Bytes, not characters: 400 Han characters are 1,200 bytes of UTF-8.
    const han = JSON.stringify({ x: '汉'.repeat(400) });
    expect(parseImportFile(han, 1000).ok ? 'read' : 'refused').toBe('refused');
    // Not even JSON is looked at when the file is too large.
    expect(parseImportFile(`${'x'.repeat(2000)}`, 1000)).toMatchObject({ ok: false, code: 'too-large' });
    expect(parseImportFile(text, text.length * 3)).toMatchObject({ ok: true });
  });

  it('refuses a JSON value of the wrong top-level type', () => {
    expect(parseImportFile('"just a string"')).toMatchObject({
      ok: false,
      code: 'not-object',
      errorEn: 'the top level must be a JSON object (a W3C AnnotationCollection), found string',
    });
    expect(parseImportFile('[]')).toMatchObject({ ok: false, code: 'not-object' });
  });

  it('refuses an empty file as truncated', () => {
    expect(parseImportFile('')).toMatchObject({ ok: false, code: 'invalid-json' });
    expect(parseImportFile('   ')).toMatchObject({
      ok: false,
      code: 'invalid-json',
      errorEn: expect.stringMatching(/unexpected end of file/) as unknown,
    });
  });
});
