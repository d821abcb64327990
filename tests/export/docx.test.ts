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

  it('contains the title, metadata table, clauses grouped by bearer, highlights with notes and tags', async () => {
    const a = noticeA();
    const files = readZip(await toDocx([a]), (d) => new Uint8Array(inflateRawSync(d)));
    const doc = parseXml(new TextDecoder().decode(files.get('word/document.xml')));
    const ps = paragraphs(doc);
    const styled = (style: string) => ps.filter((p) => p.style === style).map((p) => p.text);

    expect(styled('Heading1')).toEqual([TITLE_A]);
    expect(styled('Heading2')).toEqual(['义务条款（按责任主体）', '我的批注']);
    expect(styled('Heading3')).toEqual([
      '系统各级党委（2 条）',
      '系统广大共产党员（承上文）（1 条）',
      '系统各单位党委（1 条）',
      '未指明主体（1 条）',
    ]);

    const rows = tableRows(doc);
    expect(rows).toContainEqual(['发文字号', '银保监党办发〔2020〕3号']);
    expect(rows).toContainEqual(['主送机关', '各银保监局党委、机关党委、各会管单位党委']);
    expect(rows).toContainEqual(['法宝引证码', 'CLI.16.338947']);
    expect(rows).toContainEqual(['类别', '条款', '期限']);
    expect(rows).toContainEqual([
      '义务（刚性）',
      '系统各单位党委动员党组织和广大党员干部在防控疫情斗争中发挥作用的情况，要及时报告会党委。',
      '及时',
    ]);
    expect(rows).toContainEqual(['问责（刚性）', a.notice.obligations[2].text, '—']);

    const quotes = styled('Quote');
    // In reading order: section 一 first.
    expect(quotes).toEqual([
      '让党旗在疫情防控一线高高飘扬',
      '党委书记是第一责任人',
      '甚至弄虚作假、失职渎职的，严肃追责问责',
      '不信谣不传谣',
      '要及时报告会党委',
    ]);
    const texts = ps.map((p) => p.text);
    // The note keeps its line break (w:br); tags are listed with #.
    expect(texts).toContain('批注：要点：“主体责任”, "第一责任人"，逗号,分号;\n第二行：党委书记');
    expect(texts).toContain('标签：#主体责任 #疫情防控');
    expect(texts).toContain(`批注：${EMOJI_NOTE}`);
    expect(texts).toContain('颜色：黄色　位置：三　条款类别：义务');
    expect(texts.join('\n')).not.toContain('DELETED-NOTE-MARKER');
    // Highlight shading uses the analyst's colour.
    expect(new TextDecoder().decode(files.get('word/document.xml'))).toContain('w:fill="FFF3A0"');
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
    expect(texts[0]).toBe(`${HOSTILE_TITLE} ' end`);
    expect(texts).toContain('批注：abc <w:t>injected</w:t> ]]> &amp;');
    expect(tableRows(doc)).toContainEqual(['发文字号', "=cmd|' /C calc'!A0"]);
    expect(tableRows(doc)).toContainEqual(['发文机关', '<b>某机关</b>、+某部门']);
    expect(pythonCheck(await toDocx([h], { deflate: false }))).toEqual(PARTS);
    const core = new TextDecoder().decode(parts.find((p) => p.name === 'docProps/core.xml')?.data);
    expect(parseXml(core).getElementsByTagName('dc:title')[0].textContent).toBe(`${HOSTILE_TITLE} ' end（简报）`);
  });

  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&apos;y&apos;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('puts a page break between notices and says when there is nothing', () => {
    const xml = new TextDecoder().decode(
      docxParts([noticeA(), noticeB()]).find((p) => p.name === 'word/document.xml')?.data,
    );
    expect(xml.match(/<w:br w:type="page"\/>/g)).toHaveLength(1);
    const b = noticeB();
    const empty = new TextDecoder().decode(
      docxParts([{ notice: { ...b.notice, obligations: [] }, annotations: [] }]).find(
        (p) => p.name === 'word/document.xml',
      )?.data,
    );
    const texts = paragraphs(parseXml(empty)).map((p) => p.text);
    expect(texts).toContain('未发现义务条款。');
    expect(texts).toContain('暂无批注。');
  });
});
