import { describe, expect, it } from 'vitest';
import { CSV_HEADER, csvField, toCsv, toCsvBytes } from '../../lib/export/csv';
import {
  EMOJI_NOTE,
  FORMULA_NOTE,
  NOTE_WITH_CSV_TROUBLE,
  TITLE_A,
  URL_A,
  noticeA,
  noticeB,
  noticeHostile,
} from './fixtures';

/**
 * A strict RFC 4180 reader: records end with CRLF, fields are either plain (no quote, comma or line break)
 * or quoted with inner quotes doubled. Anything else throws, so a malformed file fails the test.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
      if (i === text.length) return records;
      continue;
    }
    throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 5))}`);
  }
}

describe('toCsv', () => {
  const a = noticeA();
  const b = noticeB();
  const csv = toCsv([a, b]);
  const [header, ...rows] = parseCsv(csv.slice(1));
  const col = (name: string) => CSV_HEADER.indexOf(name as (typeof CSV_HEADER)[number]);
  const rowFor = (id: string) => {
    const row = rows.find((r) => r[col('id')] === id);
    if (!row) throw new Error(`no row ${id}`);
    return row;
  };

  it('starts with a BOM, ends every record with CRLF and has the Chinese header', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\r/);
    expect(header).toEqual([
      '公文标题',
      '发文字号',
      '发文机关',
      '成文日期',
      '类型',
      '条款位置',
      '类别',
      '颜色',
      '引文',
      '批注',
      '标签',
      '责任主体',
      '主体来源',
      '期限',
      '期限日期',
      '创建时间',
      '修改时间',
      '来源链接',
      'id',
    ]);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
  });

  it('has one row per live annotation and one per clause, told apart by 类型', () => {
    const live = a.annotations.filter((x) => x.deletedAt === null).length + b.annotations.length;
    const clauses = a.notice.obligations.length + b.notice.obligations.length;
    expect(rows.filter((r) => r[col('类型')] === '批注')).toHaveLength(live);
    expect(rows.filter((r) => r[col('类型')] === '义务条款')).toHaveLength(clauses);
    expect(rows).toHaveLength(live + clauses);
    expect(csv).not.toContain('DELETED-NOTE-MARKER');
    expect(
      parseCsv(toCsv([a], { includeObligations: false }).slice(1))
        .slice(1)
        .every((r) => r[col('类型')] === '批注'),
    ).toBe(true);
  });

  it('keeps Chinese, emoji, quotes, commas and line breaks in notes intact', () => {
    const first = rowFor(a.annotations[0].id);
    expect(first[col('公文标题')]).toBe(TITLE_A);
    expect(first[col('发文字号')]).toBe('银保监党办发〔2020〕3号');
    expect(first[col('发文机关')]).toBe('中国银保监会党委办公室');
    expect(first[col('成文日期')]).toBe('2020-01-29');
    expect(first[col('颜色')]).toBe('黄色');
    expect(first[col('类别')]).toBe('义务（刚性）');
    expect(first[col('条款位置')]).toBe('三');
    expect(first[col('创建时间')]).toBe('2025-01-29 05:33');
    expect(first[col('修改时间')]).toBe('2025-01-29 05:34');
    expect(first[col('引文')]).toBe('党委书记是第一责任人');
    expect(first[col('批注')]).toBe(NOTE_WITH_CSV_TROUBLE);
    expect(first[col('标签')]).toBe('主体责任、疫情防控');
    expect(first[col('来源链接')]).toBe(URL_A);
    // A highlight inside a clause borrows the clause's bearer.
    expect(first[col('责任主体')]).toBe('系统各级党委');
    expect(rowFor(a.annotations[3].id)[col('批注')]).toBe(EMOJI_NOTE);
    expect(rowFor(a.annotations[5].id)[col('期限')]).toBe('及时');
  });

  it('neutralises formula injection in notes, tags and page data', () => {
    expect(rowFor(a.annotations[1].id)[col('批注')]).toBe(`'${FORMULA_NOTE}`);
    expect(rowFor(b.annotations[0].id)[col('批注')]).toBe("'-1+1 看似公式");
    expect(rowFor(b.annotations[1].id)[col('批注')]).toBe("'@SUM(A1:A9)");
    expect(rowFor(b.annotations[1].id)[col('标签')]).toBe("'\t制表符开头");
    // Whitespace-only notes are not formulas and are kept as they are.
    expect(rowFor(b.annotations[2].id)[col('批注')]).toBe('   ');
    const hostile = noticeHostile();
    const hostileRows = parseCsv(toCsv([hostile]).slice(1)).slice(1);
    expect(hostileRows.every((r) => r[col('发文字号')] === "'=cmd|' /C calc'!A0")).toBe(true);
    expect(hostileRows[0][col('来源链接')]).toBe('javascript:alert(document.cookie)');
    // No cell anywhere starts with a formula character.
    for (const r of [...rows, ...hostileRows]) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes clause rows with category, strength, bearer and deadline', () => {
    const clause = b.notice.obligations[0];
    const row = rowFor(`${b.notice.id}#${clause.start}-${clause.end}`);
    expect(row[col('类别')]).toBe('义务（刚性）');
    expect(row[col('颜色')]).toBe('');
    expect(row[col('主体来源')]).toBe('条款明示');
    expect(row[col('引文')]).toBe(clause.text);
    expect(row[col('责任主体')]).toBe('各级党组织');
    expect(row[col('期限')]).toBe('2020年2月底前');
    expect(row[col('来源链接')]).toBe('');
    const inherited = a.notice.obligations[1];
    const inheritedRow = rowFor(`${a.notice.id}#${inherited.start}-${inherited.end}`);
    expect(inheritedRow[col('责任主体')]).toBe('系统各级党委');
    expect(inheritedRow[col('主体来源')]).toBe('承上文');
  });

  it('clause rows carry the clause location and every deadline with its date', () => {
    const base = b.notice;
    const located = {
      ...b,
      notice: {
        ...base,
        obligations: base.obligations.map((c, i) =>
          i === 0
            ? {
                ...c,
                location: '二、/（三）',
                deadlines: [
                  { text: '2020年2月底前', type: 'date' as const, iso: '2020-02-29' },
                  { text: '每季度', type: 'recurring' as const, iso: null },
                ],
              }
            : c,
        ),
      },
    };
    const clause = located.notice.obligations[0];
    const parsed = parseCsv(toCsv([located]).slice(1));
    const row = parsed.find((r) => r[col('id')] === `${base.id}#${clause.start}-${clause.end}`)!;
    expect(row[col('条款位置')]).toBe('二、（三）');
    expect(row[col('期限')]).toBe('2020年2月底前；每季度');
    expect(row[col('期限日期')]).toBe('2020-02-29；');
  });

  it('quotes every field per RFC 4180 and strips control characters other than tab and line breaks', () => {
    expect(csvField('a"b,c\nd')).toBe('"a""b,c\nd"');
    expect(csvField('x\r\ny\rz')).toBe('"x\ny\nz"');
    expect(csvField('a\u0000b\u0007c\u007f')).toBe('"abc"');
    expect(csvField('+86 10 1234')).toBe(`"'+86 10 1234"`);
    expect(csvField('\r=1')).toBe(`"\n=1"`);
  });

  it('cuts a field at the Excel cell limit without splitting a surrogate pair', () => {
    const long = '😀'.repeat(20000);
    const cell = csvField(long).slice(1, -1);
    expect(cell.length).toBeLessThanOrEqual(32767);
    expect(cell.endsWith('…（已截断）')).toBe(true);
    expect(cell.replace('…（已截断）', '')).toMatch(/^(?:😀)+$/u);
  });

  it('encodes as UTF-8 bytes with the BOM EF BB BF', () => {
    const bytes = toCsvBytes([a]);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(toCsv([a]));
  });
});
