import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { docxParts, escapeXml, toDocx } from '../../lib/export/docx';
import { readZip } from '../support/zip-reader';
import { EMOJI_NOTE, HOSTILE_TITLE, TITLE_A, noticeA, noticeB, noticeHostile } from './fixtures';

const PARTS = [
  '[Content_Types].xml',
  '_rels/.rels',
  'docProps/core.xml',
  'word/document.xml',
  'word/_rels/document.xml.rels',
  'word/styles.xml',
  'word/header1.xml',
  'word/footer1.xml',
];

const window = new Window();

/** Parses XML with happy-dom, failing on anything its parser reports; returns the document. */
function parseXml(xml: string): Document {
  const doc = new window.DOMParser().parseFromString(xml, 'application/xml') as unknown as Document;
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

/** Each paragraph's text (w:t joined, w:br as \n, w:tab as \t) with its style. */
function paragraphs(doc: Document): Array<{ style: string | null; text: string }> {
  return Array.from(doc.getElementsByTagName('w:p')).map((p) => {
    let text = '';
    const walk = (node: Element) => {
      for (const child of Array.from(node.children)) {
        if (child.tagName === 'w:t') text += child.textContent ?? '';
        else if (child.tagName === 'w:br' && child.getAttribute('w:type') !== 'page') text += '\n';
        else if (child.tagName === 'w:tab') text += '\t';
        else walk(child);
      }
    };
    walk(p);
    const style = p.getElementsByTagName('w:pStyle')[0]?.getAttribute('w:val') ?? null;
    return { style, text };
  });
}

/** Table rows as arrays of cell texts. */
function tableRows(doc: Document): string[][] {
  return Array.from(doc.getElementsByTagName('w:tr')).map((tr) =>
    Array.from(tr.getElementsByTagName('w:tc')).map((tc) =>
      Array.from(tc.getElementsByTagName('w:t'))
        .map((t) => t.textContent)
        .join(''),
    ),
  );
}

/** Python's strict parsers: zipfile with CRC checks, expat for every XML part (undefined entities, bad chars). */
function pythonCheck(bytes: Uint8Array): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'nl-docx-'));
  const file = path.join(dir, 'briefing.docx');
  writeFileSync(file, bytes);
  const script = [
    'import zipfile, sys, json, xml.dom.minidom',
    'z = zipfile.ZipFile(sys.argv[1])',
    'bad = z.testzip()',
    'assert bad is None, bad',
    'for name in z.namelist(): xml.dom.minidom.parseString(z.read(name))',
    'print(json.dumps(z.namelist()))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as string[];
}

describe('toDocx', () => {
  it('is a ZIP with the OOXML parts, every XML part well-formed (happy-dom and Python expat)', async () => {
    const bytes = await toDocx([noticeA(), noticeB(), noticeHostile()]);
    const files = readZip(bytes, (d) => new Uint8Array(inflateRawSync(d)));
    expect([...files.keys()]).toEqual(PARTS);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const [, data] of files) parseXml(decoder.decode(data));
    expect(pythonCheck(bytes)).toEqual(PARTS);
    const types = decoder.decode(files.get('[Content_Types].xml'));
    expect(types).toContain(
      'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"',
    );
  });

  it('reads in the order a briefing is read: cover, summary, notes with their quotes, one clause table per notice', async () => {
    const a = noticeA();
    const files = readZip(await toDocx([a], { date: new Date(2025, 1, 3) }), (d) => new Uint8Array(inflateRawSync(d)));
    const doc = parseXml(new TextDecoder().decode(files.get('word/document.xml')));
    const ps = paragraphs(doc);
    const styled = (style: string) => ps.filter((p) => p.style === style).map((p) => p.text);

    expect(styled('Title')).toEqual([`${TITLE_A}分析简报`]);
    expect(styled('CoverLine')).toEqual([
      `范围：《${TITLE_A}》（银保监党办发〔2020〕3号）`,
      '日期：2025年2月3日　　编制：公文透镜',
      '收录公文1篇，列出条款5条（其中载明期限1条），分析批注5条。',
    ]);
    expect(styled('Heading1')).toEqual(['一、总体情况', '二、批注要点', '三、条款清单']);
    expect(styled('Heading2')).toEqual(['（一）条款分类统计', '（二）期限一览', `（一）${TITLE_A}`]);

    const rows = tableRows(doc);
    // Counts by bearer and category, with totals.
    expect(rows).toContainEqual(['责任主体', '义务', '禁止', '授权', '鼓励', '问责', '合计']);
    expect(rows).toContainEqual(['系统各级党委', '2', '—', '—', '—', '—', '2']);
    expect(rows).toContainEqual(['合计', '3', '1', '0', '0', '1', '5']);
    const header = rows.findIndex((r) => r[0] === '日期');
    expect(rows[header]).toEqual(['日期', '期限', '责任主体', '条款位置']);
    expect(rows[header + 1]).toEqual(['—', '及时', '系统各单位党委', '—']);
    // One clause table, every clause one row, the inherited bearer marked.
    expect(rows).toContainEqual(['序号', '条款位置', '类别', '条款内容', '责任主体', '期限']);
    const clauseRows = rows.filter((r) => r.length === 6 && /^\d+$/.test(r[0]));
    expect(clauseRows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(clauseRows[1][4]).toBe('系统各级党委（承上文）');
    expect(clauseRows[2][5]).toBe('—');

    // Notes: each quote first, then where it stands, then the note; quotes keep with what follows.
    const quotes = styled('Quote');
    expect(quotes[0]).toBe('1. “让党旗在疫情防控一线高高飘扬”');
    expect(quotes).toHaveLength(5);
    const texts = ps.map((p) => p.text);
    const first = texts.indexOf('2. “党委书记是第一责任人”');
    expect(texts[first + 1]).toBe('位置：三　条款类别：义务');
    expect(texts[first + 2]).toBe('批注：要点：“主体责任”, "第一责任人"，逗号,分号;\n第二行：党委书记');
    expect(texts[first + 3]).toBe('标签：主体责任、疫情防控');
    expect(texts).toContain(`批注：${EMOJI_NOTE}`);
    const xml = new TextDecoder().decode(files.get('word/document.xml'));
    expect(xml.match(/<w:pStyle w:val="Quote"\/><w:keepNext\/>/g)).toHaveLength(5);
    // No colour is named on paper, and deleted annotations are left out.
    expect(texts.join('\n')).not.toMatch(/颜色|黄色|绿色|蓝色|粉色|紫色/);
    expect(texts.join('\n')).not.toContain('DELETED-NOTE-MARKER');
  });

  it('lists every deadline of every notice in one table: dated ones by date, then the rest', () => {
    const a = noticeA();
    const b = noticeB();
    const dated = (item: typeof a, deadlines: Array<[string, string | null]>) => ({
      ...item,
      notice: {
        ...item.notice,
        obligations: item.notice.obligations.map((c, i) =>
          i === 0
            ? {
                ...c,
                location: '二、',
                deadlines: deadlines.map(([text, iso]) => ({ text, type: 'date' as const, iso })),
              }
            : c,
        ),
      },
    });
    const items = [
      dated(a, [
        ['2020年3月底前', '2020-03-31'],
        ['每月', null],
      ]),
      dated(b, [['2020年2月10日前', '2020-02-10']]),
    ];
    const doc = parseXml(new TextDecoder().decode(docxParts(items).find((p) => p.name === 'word/document.xml')?.data));
    const rows = tableRows(doc);
    const header = rows.findIndex((r) => r[0] === '日期');
    expect(rows[header]).toEqual(['日期', '期限', '责任主体', '条款位置', '公文']);
    expect(rows.slice(header + 1, header + 4).map((r) => r.slice(0, 2))).toEqual([
      ['2020年2月10日', '2020年2月10日前'],
      ['2020年3月31日', '2020年3月底前'],
      ['—', '每月'],
    ]);
    expect(rows[header + 2][3]).toBe('二、');
  });

  it('leaves heading lines and quoted speech out of the lists, and says so', () => {
    const b = noticeA();
    const [first, ...rest] = b.notice.obligations;
    const notice = {
      ...b.notice,
      obligations: [{ ...first, heading: true }, { ...rest[0], quoted: true }, ...rest.slice(1)],
    };
    const xml = new TextDecoder().decode(
      docxParts([{ notice, annotations: [] }]).find((p) => p.name === 'word/document.xml')?.data,
    );
    const doc = parseXml(xml);
    const clauseRows = tableRows(doc).filter((r) => r.length === 6 && /^\d+$/.test(r[0]));
    expect(clauseRows).toHaveLength(b.notice.obligations.length - 2);
    expect(clauseRows.map((r) => r[3])).not.toContain(first.text);
    expect(paragraphs(doc).map((p) => p.text)).toContain(
      '注：另有2处为标题行或引述他人的话，不是对读者的要求，未列入。',
    );
  });

  it('is an A4 page with GB/T 9704 margins, 仿宋 body, 黑体 and 小标宋 headings, a header and page numbers', () => {
    const parts = docxParts([noticeA()]);
    const part = (name: string) => new TextDecoder().decode(parts.find((p) => p.name === name)?.data);
    const xml = part('word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('<w:headerReference w:type="default" r:id="rId2"/>');
    const styles = part('word/styles.xml');
    expect(styles).toContain('w:eastAsia="仿宋"');
    expect(styles).toMatch(/w:styleId="Heading1">.*?w:eastAsia="黑体"/);
    expect(styles).toMatch(/w:styleId="Title">.*?w:eastAsia="方正小标宋简体"/);
    expect(part('word/header1.xml')).toContain(`${TITLE_A}分析简报`);
    expect(part('word/footer1.xml')).toContain('<w:instrText xml:space="preserve"> PAGE </w:instrText>');
  });

  it('keeps hostile page data as text, escaped, and drops characters XML 1.0 forbids', async () => {
    const h = noticeHostile();
    h.notice.metadata.title = `${HOSTILE_TITLE}\u0001\u000B\uD800\uFFFF ' end`;
    h.annotations[0].note = 'a\u0000b\u001Fc <w:t>injected</w:t> ]]> &amp;';
    const parts = docxParts([h]);
    const xml = new TextDecoder().decode(parts.find((p) => p.name === 'word/document.xml')?.data);
    expect(xml).not.toMatch(/<script/);
    // eslint-disable-next-line no-control-regex -- the test looks for the control characters XML forbids
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFF]/);
    const doc = parseXml(xml);
    const texts = paragraphs(doc).map((p) => p.text);
    expect(texts[0]).toBe(`${HOSTILE_TITLE} ' end分析简报`);
    expect(texts).toContain('批注：abc <w:t>injected</w:t> ]]> &amp;');
    expect(texts.join('\n')).toContain("发文字号：=cmd|' /C calc'!A0");
    expect(texts.join('\n')).toContain('发文机关：<b>某机关</b>、+某部门');
    expect(pythonCheck(await toDocx([h], { deflate: false }))).toEqual(PARTS);
    const core = new TextDecoder().decode(parts.find((p) => p.name === 'docProps/core.xml')?.data);
    expect(parseXml(core).getElementsByTagName('dc:title')[0].textContent).toBe(`${HOSTILE_TITLE} ' end分析简报`);
  });

  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&apos;y&apos;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('says when there is nothing', () => {
    const b = noticeB();
    const empty = new TextDecoder().decode(
      docxParts([{ notice: { ...b.notice, obligations: [] }, annotations: [] }]).find(
        (p) => p.name === 'word/document.xml',
      )?.data,
    );
    const texts = paragraphs(parseXml(empty)).map((p) => p.text);
    expect(texts).toContain('未发现义务条款。');
    expect(texts).toContain('暂无批注。');
    expect(texts).toContain('所选公文中未发现义务条款。');
  });
});

describe('read back by an independent reader (mammoth)', () => {
  it('finds the cover, the three sections in order, the notes under their quotes and the clause table', async () => {
    const a = noticeA();
    const bytes = await toDocx([a, noticeB()], { date: new Date(2025, 1, 3) });
    const mammoth = (await import('mammoth')).default;
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    const at = (s: string) => {
      const i = text.indexOf(s);
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    };
    const order = [
      '政策文件分析简报',
      '日期：2025年2月3日',
      '一、总体情况',
      '（一）条款分类统计',
      '（二）期限一览',
      '二、批注要点',
      '“党委书记是第一责任人”',
      '批注：要点：“主体责任”',
      '三、条款清单',
      '条款内容',
    ].map(at);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    // Word's built-in heading styles: the navigation pane lists the sections.
    expect(html.match(/<h1>[^<]*<\/h1>/g)).toEqual([
      '<h1>一、总体情况</h1>',
      '<h1>二、批注要点</h1>',
      '<h1>三、条款清单</h1>',
    ]);
    // One clause table per notice, plus the two summary tables.
    expect(html.match(/<table>/g)).toHaveLength(4);
    expect(text).not.toMatch(/颜色/);
  });
});
