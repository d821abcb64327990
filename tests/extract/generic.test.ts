import { provideReadability } from '../../lib/extract/readability-roots';
import { bundledReadability } from '../../lib/extract/bundled-readability';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../lib/extract';
import { cleanLabel } from '../../lib/extract/labels';
import { stripGovcnSuffixes, stripSiteSuffix } from '../../lib/extract/title';
import { bodyText, parse } from './helpers';

/** A paragraph of notice prose (≈ 60 Han characters) numbered so each is distinct. */
const para = (i: number) =>
  `<p>\u3000\u3000第${i}段：各单位要按照职责分工，认真落实各项工作任务，加强组织协调，明确时间节点，确保工作取得实效，及时报告进展情况。</p>`;
const paras = (n: number) => Array.from({ length: n }, (_, i) => para(i + 1)).join('');

describe('generic body containers', () => {
  it('takes the known container with the most Han text, narrowed to a nested one holding nearly all of it', () => {
    const doc = parse(`<html><body>
      <div class="xl_content"><div class="share">分享到：微信 微博</div>
        <div class="TRS_Editor">${paras(8)}</div>
      </div>
      <div class="article-content"><p>相关短讯一则。</p></div>
    </body></html>`);
    const page = extractPage(doc, 'http://www.example.gov.cn/art/2021/1/1/art_1_1.html');
    expect(page.site).toBe('generic');
    expect(page.roots).toEqual([doc.querySelector('.TRS_Editor')]);
    expect(bodyText(page)).toContain('第8段');
  });

  it('leaves share widgets, breadcrumbs, nav, footers and related-link lists inside the container out', () => {
    const related = Array.from(
      { length: 6 },
      (_, i) => `<li><a href="/a${i}.html">关于做好第${i}项工作的通知</a></li>`,
    ).join('');
    const doc = parse(`<html><body><div id="zoom">
      <div class="BreadcrumbNav">首页 &gt; 政务公开 &gt; 通知公告</div>
      <nav>导航栏目</nav>
      ${paras(5)}
      <div class="bdsharebuttonbox">分享到微信</div>
      <div class="xglj"><h3>相关链接</h3><ul>${related}</ul></div>
      <div><span>延伸阅读</span></div>
      <footer>版权所有 某某市人民政府</footer>
    </div></body></html>`);
    const page = extractPage(doc, null);
    const text = bodyText(page);
    expect(text).toContain('第1段');
    expect(text).toContain('第5段');
    for (const s of ['首页', '导航栏目', '分享到微信', '相关链接', '关于做好第3项工作的通知', '延伸阅读', '版权所有']) {
      expect(text, s).not.toContain(s);
    }
  });

  it('reads a jcms body between the ZJEG_RSS comment markers', () => {
    const doc = parse(`<html><body><div class="main"><div class="side">${'<a href="#">栏目</a>'.repeat(5)}</div>
      <div class="wrap"><h1>标题</h1><!--ZJEG_RSS.content.begin--><div class="a">${paras(3)}</div><div class="b">${paras(2)}</div><!--ZJEG_RSS.content.end--><div class="c">打印本页 关闭窗口</div></div>
    </div></body></html>`);
    const page = extractPage(doc, null);
    expect(page.roots).toEqual([doc.querySelector('.a'), doc.querySelector('.b')]);
    expect(bodyText(page)).not.toContain('打印本页');
  });

  it('without a known container, picks the densest block of paragraphs (not the sidebar)', () => {
    const sidebar = Array.from(
      { length: 12 },
      (_, i) => `<li><a href="/n${i}">要闻第${i}条标题文字较长一些</a></li>`,
    ).join('');
    const doc = parse(`<html><body>
      <div class="left"><ul>${sidebar}</ul></div>
      <div class="right"><div class="text-box">${paras(6)}</div></div>
    </body></html>`);
    const page = extractPage(doc, null);
    expect(page.roots).toEqual([doc.querySelector('.text-box')]);
  });

  it('falls back to Readability only when nothing else found a body, and maps its result to live elements', () => {
    const english = Array.from(
      { length: 8 },
      (_, i) =>
        `<p>Paragraph ${i}: the council shall publish the annual report, and every department must submit its figures, with reasons, before the deadline set out in the rules of procedure.</p>`,
    ).join('');
    const doc = parse(`<html><head><title>Rules</title></head><body>
      <div id="menu"><a href="/">Home</a> <a href="/about">About</a></div>
      <div id="story"><div id="inner">${english}<div class="social-share"><a href="#">Tweet</a> <a href="#">Share</a></div></div></div>
      <div id="bottom">Copyright</div>
    </body></html>`);
    const page = extractPage(doc, null);
    expect(page.roots.length).toBeGreaterThan(0);
    for (const r of page.roots) {
      expect(r.ownerDocument).toBe(doc);
      expect(doc.querySelector('#story')!.contains(r) || r.contains(doc.querySelector('#inner'))).toBe(true);
      expect(r.hasAttribute('data-nl-i')).toBe(false);
    }
    const text = bodyText(page);
    expect(text).toContain('Paragraph 0: the council shall publish');
    expect(text).toContain('Paragraph 7');
    expect(text).not.toContain('Tweet');
    expect(text).not.toContain('Copyright');
  });
  it('where Readability is not loaded (the content script), asks for it instead of guessing a body', () => {
    const english = Array.from(
      { length: 8 },
      (_, i) =>
        `<p>Paragraph ${i}: the council shall publish the annual report before the deadline set out in the rules of procedure.</p>`,
    ).join('');
    const html = `<html><body><div id="menu"><a href="/">Home</a></div><div id="story">${english}</div><div id="bottom">Copyright</div></body></html>`;
    provideReadability(null);
    try {
      const page = extractPage(parse(html), null);
      expect(page.readabilityWanted).toBe(true);
      expect(page.roots).toEqual([]);
      // A Chinese notice is found by the adapters and heuristics: nothing to load there.
      expect(
        extractPage(parse(`<html><body><div class="text-box">${paras(6)}</div></body></html>`), null).readabilityWanted,
      ).toBeUndefined();
    } finally {
      provideReadability(bundledReadability);
    }
    const page = extractPage(parse(html), null);
    expect(page.readabilityWanted).toBeUndefined();
    expect(bodyText(page)).toContain('Paragraph 7');
    expect(bodyText(page)).not.toContain('Copyright');
  });
});

describe('generic labelled fields', () => {
  it('reads a 信息公开 table by label text, wherever the cells sit', () => {
    const doc = parse(`<html><body>
      <table class="xxgk"><tr><th>索 引 号：</th><td>11330000002482/2021-00012</td><th>发布机构：</th><td>某某市人民政府办公室</td></tr>
      <tr><td>文号</td><td>某政办发〔2021〕12号</td></tr>
      <tr><td>成文日期：</td><td>2021年03月01日</td><td>发布日期：</td><td>2021-03-05</td></tr></table>
      <div id="zoom">${paras(4)}</div></body></html>`);
    const page = extractPage(doc, null);
    expect(page.labelled).toMatchObject({
      索引号: '11330000002482/2021-00012',
      发布机构: '某某市人民政府办公室',
      文号: '某政办发〔2021〕12号',
      成文日期: '2021年03月01日',
      发布日期: '2021-03-05',
    });
  });

  it('reads label lines outside tables and the page metas, the block winning over metas', () => {
    const doc = parse(`<html><head>
      <meta name="ArticleTitle" content="某某市关于做好春季防火工作的通知">
      <meta name="PubDate" content="2021-03-05 09:30">
      <meta name="ContentSource" content="某某市应急管理局">
      </head><body>
      <ul class="info"><li><span>发文字号：</span><span>某应急〔2021〕3号</span></li><li>发布日期：2021年3月6日</li></ul>
      <div class="TRS_Editor">${paras(4)}</div></body></html>`);
    const page = extractPage(doc, null);
    expect(page.labelled).toMatchObject({
      发文字号: '某应急〔2021〕3号',
      发布日期: '2021年3月6日',
      标题: '某某市关于做好春季防火工作的通知',
      来源: '某某市应急管理局',
    });
    expect(page.title).toBe('某某市关于做好春季防火工作的通知');
  });

  it('cleans labels: whitespace, U+3000, no-break spaces and a trailing colon', () => {
    expect(cleanLabel('标\u3000\u3000题：')).toBe('标题');
    expect(cleanLabel('标\u00a0\u00a0题:')).toBe('标题');
    expect(cleanLabel(' 索 引 号： ')).toBe('索引号');
    expect(cleanLabel('【发文字号】')).toBe('发文字号');
  });
});

describe('titles', () => {
  it('strips gov.cn suffixes repeatedly', () => {
    expect(stripGovcnSuffixes('国务院关于某事的通知_国务院文件_中国政府网')).toBe('国务院关于某事的通知');
    expect(stripGovcnSuffixes('某部关于某事的通知_国务院部门文件_中国政府网')).toBe('某部关于某事的通知');
    expect(stripGovcnSuffixes('某某办法__2014年第20号国务院公报_中国政府网')).toBe('某某办法');
    expect(stripGovcnSuffixes('关于完善支持政策')).toBe('关于完善支持政策');
  });

  it('keeps the longest part of a generic <title>', () => {
    expect(stripSiteSuffix('中华人民共和国监察法-纪检')).toBe('中华人民共和国监察法');
    expect(stripSiteSuffix('山西品牌丝路行（南美站）正式启动 - 山西省人民政府门户网站')).toBe(
      '山西品牌丝路行（南美站）正式启动',
    );
  });

  it('prefers a heading that <title> confirms over the site logo heading', () => {
    const doc = parse(`<html><head><title>某某县关于开展安全检查的通知_某某县人民政府</title></head><body>
      <h1>某某县人民政府</h1><h2>某某县关于开展安全检查的通知</h2><div id="zoom">${paras(3)}</div></body></html>`);
    expect(extractPage(doc, null).title).toBe('某某县关于开展安全检查的通知');
  });
});

describe('list pages', () => {
  const listItems = (n: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        `<li><a href="/art/${i}.html">关于第${i}项工作的通知</a><span>2021-03-${String((i % 28) + 1).padStart(2, '0')}</span></li>`,
    ).join('');

  it('a column of dated links with pagination is a list page', () => {
    const doc = parse(
      `<html><body><div class="list"><ul>${listItems(20)}</ul></div><div class="page"><a href="?p=2">下一页</a></div></body></html>`,
    );
    expect(extractPage(doc, 'http://www.example.gov.cn/col/col1/index.html').pageSignals.listPage).toBe(true);
  });

  it('a search page with 相关结果：约 is a list page', () => {
    const doc = parse(`<html><body><p>相关结果：约 356 个</p><div class="result">${paras(1)}</div></body></html>`);
    expect(extractPage(doc, null).pageSignals.listPage).toBe(true);
  });

  it('a notice with a sidebar of dated links is not a list page', () => {
    const doc = parse(
      `<html><body><div class="side"><ul>${listItems(12)}</ul></div><div id="zoom">${paras(12)}</div></body></html>`,
    );
    const page = extractPage(doc, null);
    expect(page.roots).toEqual([doc.querySelector('#zoom')]);
    expect(page.pageSignals.listPage).toBe(false);
  });
});
