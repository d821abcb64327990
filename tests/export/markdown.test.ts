import { describe, expect, it } from 'vitest';
import { escapeMarkdown, toMarkdown } from '../../lib/export/markdown';
import { DELETED_NOTE, HOSTILE_TITLE, TITLE_A, URL_A, noticeA, noticeB, noticeHostile } from './fixtures';

/** Characters from `chars` that are not backslash-escaped, each with a little context. */
function unescaped(md: string, chars: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < md.length; i++) {
    if (md[i] === '\\') {
      i++;
      continue;
    }
    if (chars.includes(md[i])) found.push(md.slice(Math.max(0, i - 15), i + 15));
  }
  return found;
}

/** The Markdown between a heading line and the next heading of the same or a higher level. */
function section(md: string, heading: string): string {
  const start = md.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`no heading ${heading}`);
  const level = heading.indexOf(' ');
  const rest = md.slice(start + heading.length);
  const next = rest.search(new RegExp(`\\n#{1,${level}} `));
  return next < 0 ? rest : rest.slice(0, next);
}

describe('toMarkdown', () => {
  const a = noticeA();
  const md = toMarkdown([a]);

  it('starts with the title as a heading and lists every metadata field with Chinese labels', () => {
    expect(md.startsWith(`# ${TITLE_A}\n`)).toBe(true);
    for (const line of [
      '- **文种**：通知',
      '- **发文字号**：银保监党办发〔2020〕3号',
      '- **发文机关**：中国银保监会党委办公室',
      '- **主送机关**：各银保监局党委、机关党委、各会管单位党委',
      '- **成文日期**：2020-01-29',
      '- **发布日期**：2020-01-29',
      '- **施行日期**：2020-01-29',
      '- **时效性**：现行有效',
      '- **效力级别**：部门工作文件',
      '- **法宝引证码**：CLI.16.338947',
      `- **来源链接**：<${URL_A}>`,
    ]) {
      expect(md).toContain(`${line}\n`);
    }
  });

  it('groups highlights by colour with quotes as blockquotes, notes and #tags, and leaves deleted ones out', () => {
    const notes = section(md, '## 我的批注');
    const headings = notes.match(/^### .+$/gm);
    expect(headings).toEqual(['### 黄色（2 条）', '### 绿色（1 条）', '### 蓝色（1 条）', '### 粉色（1 条）']);
    const yellow = section(md, '### 黄色（2 条）');
    expect(yellow).toContain('> 党委书记是第一责任人');
    expect(yellow).toContain('批注：要点：“主体责任”, "第一责任人"，逗号,分号;\\\n第二行：党委书记');
    expect(yellow).toContain('标签：#主体责任 #疫情防控');
    expect(yellow).toContain('位置：三');
    expect(section(md, '### 粉色（1 条）')).toContain('批注：👍🏻 重点关注 😀 家庭👨‍👩‍👧');
    expect(section(md, '### 粉色（1 条）')).toContain('#🚩标记 #谣言');
    // The blue highlight has no note: no empty 批注 line.
    expect(section(md, '### 蓝色（1 条）')).not.toContain('批注：');
    expect(md).not.toContain('DELETED-NOTE-MARKER');
    expect(md).not.toContain(DELETED_NOTE);
    // Highlights are in reading order within a colour.
    expect(yellow.indexOf('党委书记是第一责任人')).toBeLessThan(yellow.indexOf('要及时报告会党委'));
  });

  it('groups highlights by the category of the clause they overlap', () => {
    const byCategory = toMarkdown([a], { groupBy: 'category' });
    const headings = section(byCategory, '## 我的批注').match(/^### .+$/gm);
    expect(headings).toEqual([
      '### 义务条款（2 条）',
      '### 禁止条款（1 条）',
      '### 问责条款（1 条）',
      '### 其他（不在义务条款内）（1 条）',
    ]);
    expect(section(byCategory, '### 问责条款（1 条）')).toContain('> 甚至弄虚作假、失职渎职的，严肃追责问责');
    expect(section(byCategory, '### 其他（不在义务条款内）（1 条）')).toContain('> 让党旗在疫情防控一线高高飘扬');
    expect(section(byCategory, '### 禁止条款（1 条）')).toContain('条款类别：禁止');
  });

  it('lists the obligations by category with bearer and deadline', () => {
    const obligations = section(md, '## 义务条款');
    expect(obligations.match(/^### .+$/gm)).toEqual(['### 义务（3 条）', '### 禁止（1 条）', '### 问责（1 条）']);
    const duty = section(md, '### 义务（3 条）');
    expect(duty).toContain(
      '1. 系统各级党委对本单位疫情防控工作承担主体责任，党委书记是第一责任人，对疫情防控工作要亲自抓、总负责（刚性）\n   - 责任主体：系统各级党委\n   - 期限：未载明',
    );
    expect(duty).toContain('   - 责任主体：系统各级党委（承上文）');
    expect(duty).toContain(
      '3. 系统各单位党委动员党组织和广大党员干部在防控疫情斗争中发挥作用的情况，要及时报告会党委。（刚性）\n   - 责任主体：系统各单位党委\n   - 期限：及时',
    );
    expect(section(md, '### 问责（1 条）')).toContain('   - 责任主体：未指明主体');
    expect(section(md, '### 禁止（1 条）')).toContain('（柔性）');
  });

  it('writes 未载明 for missing metadata and separates several notices with a rule', () => {
    const two = toMarkdown([a, noticeB()]);
    expect(two.split('\n\n---\n\n')).toHaveLength(2);
    const b = two.split('\n\n---\n\n')[1];
    expect(b).toContain('- **发文字号**：未载明');
    expect(b).toContain('- **来源链接**：未载明');
    expect(b).toContain('- **主送机关**：各乡（镇）党委、各街道党工委');
    expect(b).toContain('   - 期限：2020年2月底前');
  });

  it('turns hostile page data into inert text: no HTML, no links, no headings or lists smuggled in', () => {
    const hostile = toMarkdown([noticeHostile()]);
    expect(unescaped(hostile, '<[]`|&$~')).toEqual([]);
    expect(hostile).not.toMatch(/(^|[^\\])<script/i);
    expect(hostile).not.toMatch(/(^|[^\\])\]\(/);
    // The title is one heading line, every special character escaped.
    const firstLine = hostile.split('\n')[0];
    expect(firstLine).toBe(
      '# \\[x\\](javascript:alert(1))\\<script\\>alert("t")\\</script\\> \\& \\<img src\\=x onerror\\=alert(1)\\> \\`code\\` \\| \\# 标题',
    );
    // A javascript: source URL is shown as escaped text, never as a link.
    expect(hostile).toContain('- **来源链接**：javascript:alert(document.cookie)');
    expect(hostile).not.toContain('<javascript:');
    // A quote spanning lines cannot open a heading, list or code block inside the blockquote.
    expect(hostile).toContain('> \\# 假标题\n> 1\\. 假列表\n> 假代码块');
    // Line starts in a note are escaped too.
    expect(hostile).toContain('批注：\\- 列表？\\\n\\> 引用？\\\n\\+ 加号\\\n\\|表\\|格\\|');
    expect(hostile).toContain('#\\<tag\\>');
    // The title's text survives (escaped), so nothing was dropped.
    expect(hostile).toContain('alert("t")');
    expect(HOSTILE_TITLE).toContain('<script>');
  });

  it('escapes line starts and drops control characters', () => {
    expect(escapeMarkdown('# h\n- l\n+ p\n12) x\n3. y\n      code\nok')).toBe(
      '\\# h\n\\- l\n\\+ p\n12\\) x\n3\\. y\ncode\nok',
    );
    expect(escapeMarkdown('a\u0000b\u0007c\u009bd\te')).toBe('abcd\te');
    expect(escapeMarkdown('== 高亮 == %%注释%% $x$ ^ref {a}')).toBe(
      '\\=\\= 高亮 \\=\\= \\%\\%注释\\%\\% \\$x\\$ \\^ref \\{a\\}',
    );
    expect(escapeMarkdown('C:\\path')).toBe('C:\\\\path');
  });

  it('starts no line of page or analyst text with a spreadsheet formula character', () => {
    const note = '=HYPERLINK("http://evil.example","点我")\n+cmd|\' /C calc\'!A0\n-2+3\n@SUM(A1:A9)\n\t=1+1';
    const escaped = escapeMarkdown(note);
    expect(escaped).toBe(
      '\\=HYPERLINK("http://evil.example","点我")\n\\+cmd\\|\' /C calc\'!A0\n\\-2+3\n\\@SUM(A1:A9)\n\\=1+1',
    );
    for (const line of escaped.split('\n')) expect(line).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('says so when there are no highlights or clauses', () => {
    const b = noticeB();
    const empty = toMarkdown([{ notice: { ...b.notice, obligations: [] }, annotations: [] }]);
    expect(empty).toContain('## 我的批注\n\n暂无批注。');
    expect(empty).toContain('## 义务条款\n\n未发现义务条款。');
  });
});

describe('where each clause and highlight stands', () => {
  it('shows the clause location, an inherited bearer as such, and every deadline', () => {
    const a = noticeA();
    const notice = {
      ...a.notice,
      obligations: a.notice.obligations.map((c, i) => ({
        ...c,
        location: i < 2 ? '一、/（二）' : null,
        deadlines: i === 1 ? [{ text: '3日内', type: 'relative' as const, iso: null }] : [],
      })),
    };
    const md = toMarkdown([{ notice, annotations: a.annotations }]);
    const second = md.slice(md.indexOf(`2. ${notice.obligations[1].text.slice(0, 6)}`));
    expect(second).toMatch(
      /^2\. .*\n {3}- 位置：一、（二）\n {3}- 责任主体：系统各级党委（承上文）\n {3}- 期限：3日内/,
    );
    // The first highlight falls in the first clause: it is placed there, not at its raw structural key.
    expect(md).toContain('位置：一、（二）　条款类别：义务');
  });
});
