import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage, extractPkulawApiRecord } from '../../lib/extract';
import { bodyText, loadLocal, parse, readFixture } from './helpers';

const DETAIL_URL = 'https://www.pkulaw.com/lar/0123456789abcdef0123456789abcdef0123bdfb.html?way=listView';

describe('pkulaw detail page (constructed from the documented structure)', () => {
  it('says in its first line that it is constructed, not saved', () => {
    const first = readFileSync(resolve(__dirname, 'pkulaw-detail.html'), 'utf8').split('\n')[0];
    expect(first.startsWith('<!--')).toBe(true);
    expect(first).toMatch(/constructed/i);
    expect(first).toMatch(/not a saved pkulaw\.com page/);
  });

  for (const url of [DETAIL_URL, null]) {
    describe(`with url ${url}`, () => {
      const doc = loadLocal('pkulaw-detail.html');
      const page = extractPage(doc, url);
      const text = bodyText(page);

      it('is site pkulaw with #divFullText as the root', () => {
        expect(page.site).toBe('pkulaw');
        expect(page.roots).toEqual([doc.querySelector('#divFullText')]);
      });

      it('reads the title from h2.title', () => {
        expect(page.title).toBe('示例市人民政府办公室关于加强城市排水防涝工作的通知');
      });

      it('reads the .fields block by label: span[title], li[title], link text; and the citation code', () => {
        expect(page.labelled).toMatchObject({
          标题: '示例市人民政府办公室关于加强城市排水防涝工作的通知',
          制定机关: '示例市人民政府办公室',
          发文字号: '示政办发〔2021〕7号',
          公布日期: '2021.04.02',
          施行日期: '2021.04.02',
          时效性: '现行有效',
          效力位阶: '地方规范性文件',
          法规类别: '城市建设',
          法宝引证码: 'CLI.12.9990001',
        });
      });

      it('keeps the body from the addressee line to the signature', () => {
        const start = text.indexOf('各区人民政府，市政府各部门，各直属机构：');
        expect(start).toBeGreaterThanOrEqual(0);
        expect(text.indexOf('对工作不力造成严重后果的，依法依规严肃追究责任。')).toBeGreaterThan(start);
        expect(text).toContain('特此通知。');
        expect(text).toMatch(/示例市人民政府办公室\n2021年4月2日/);
      });

      const noise = [
        '法宝联想',
        '相关司法案例',
        '相关规章',
        '纠错',
        '正文右侧法宝联想',
        '开通会员解锁全库',
        '立即开通',
        '已购买此数据库',
        'lar_9990001',
        '复制全文',
        '下载PDF',
        '下载WORD',
        '法宝版',
        '纯净版',
        '北大法宝1985年',
        '爱法律',
        '法宝产品资讯',
        '首页',
        '司法案例',
      ];
      for (const s of noise) {
        it(`leaves ${s} out of the text`, () => {
          expect(text).not.toContain(s);
        });
      }
    });
  }

  it('reads a pre-2020 body: div.zhang#div_fulltext_start up to the fb-info citation box', () => {
    const doc = parse(`<html><body><div class="container fulltext-container">
      <h2 class="title">某某部关于旧版页面的通知</h2>
      <div class="fields"><ul><li><div class="box"><strong>发布部门：</strong><span title="某某部">某某部</span></div></li></ul></div>
      <div class="zhang" id="div_fulltext_start"></div>
      <p>各有关单位：</p>
      <p>\u3000\u3000为规范有关工作，现将有关事项通知如下：一、各单位应当按期报送材料。二、逾期不报的，予以通报。</p>
      <div class="TiaoYin">法宝联想</div>
      <p>\u3000\u3000特此通知。</p>
      <p>正文右侧法宝联想</p>
      <div class="fb-info fb-info-code">【法宝引证码】CLI.4.123456</div>
      <p>页脚：北大法宝1985年创立</p>
    </div></body></html>`);
    const page = extractPage(doc, null);
    const text = bodyText(page);
    expect(page.site).toBe('pkulaw');
    expect(page.roots.map((r) => r.nodeName)).toEqual(['P', 'P', 'P']);
    expect(text).toContain('各有关单位：');
    expect(text).toContain('特此通知。');
    expect(text).not.toContain('法宝联想');
    expect(text).not.toContain('CLI.4.123456');
    expect(text).not.toContain('页脚');
    expect(page.labelled['法宝引证码']).toBe('CLI.4.123456');
    expect(page.labelled['发布部门']).toBe('某某部');
  });

  it('a pkulaw search page without detail structure is site pkulaw with its list flagged', () => {
    const items = Array.from(
      { length: 12 },
      (_, i) => `<li><a href="/chl/${i}.html">关于第${i + 1}项工作的通知</a><span>2024.0${(i % 9) + 1}.01</span></li>`,
    ).join('');
    const doc = parse(
      `<html><body><div class="search-result">相关结果：约 1,234 条</div><ul>${items}</ul></body></html>`,
    );
    const page = extractPage(doc, 'https://www.pkulaw.com/advanced/law/');
    expect(page.site).toBe('pkulaw');
    expect(page.pageSignals.listPage).toBe(true);
  });
});

/** The part of an API record the hostile cases rewrite. */
interface ApiRecord {
  data: { law: Record<string, unknown> };
}

describe('extractPkulawApiRecord', () => {
  const json = JSON.parse(readFixture('pos-18-pkulaw-api-chl-124290-caizhengbu-gonggao-2009-123.json')) as unknown;

  it('reads pos-18 into canonical labels', () => {
    const r = extractPkulawApiRecord(json, parse);
    if ('error' in r) throw new Error(r.error);
    expect(r.page.site).toBe('pkulaw');
    expect(r.page.title).toBe('财政部公告2009年第123号――发行2009年记账式附息(三十一期)国债');
    expect(r.page.labelled).toMatchObject({
      标题: '财政部公告2009年第123号――发行2009年记账式附息(三十一期)国债',
      发文字号: '财政部公告2009年第123号',
      发布部门: '财政部',
      发布日期: '2009.12.02',
      实施日期: '2009.12.02',
      时效性: '现行有效',
      效力级别: '部门规章',
    });
    // The code-as-name entry "XE0303":"XE0303" is not a name.
    expect(r.page.labelled['效力级别']).not.toContain('XE');
  });

  it('gives the parsed fullText body as the root, without 法宝联想 or the record id line', () => {
    const r = extractPkulawApiRecord(json, parse);
    if ('error' in r) throw new Error(r.error);
    expect(r.page.roots).toHaveLength(1);
    expect(r.page.roots[0].nodeName).toBe('BODY');
    const text = bodyText(r.page);
    expect(text.startsWith('财政部公告\n（2009年第123号）')).toBe(true);
    expect(text).toContain('根据国家国债发行的有关规定，财政部决定发行2009年记账式附息（三十一期）国债');
    expect(text).toContain('特此公告。');
    expect(text).toMatch(/中华人民共和国财政部\n二OO九年十二月二日$/);
    expect(text).not.toContain('chl_124290');
  });

  it('reads the newer capitalised keys', () => {
    const r = extractPkulawApiRecord(
      {
        Gid: 'fb0f20d4001e4c26bdfb',
        Title: '某某条例',
        DocumentNO: '国令第706号',
        IssueDate: '2019.01.01',
        IssueDepartment: '国务院',
        Url: 'https://www.pkulaw.com/chl/fb0f20d4001e4c26bdfb.html',
        TimelinessDic: '01',
        EffectivenessDic: 'XC02',
        FullText: '<div id="divFullText"><p>第一条　为了规范某某工作，制定本条例。</p></div>',
      },
      parse,
    );
    if ('error' in r) throw new Error(r.error);
    expect(r.page.url).toBe('https://www.pkulaw.com/chl/fb0f20d4001e4c26bdfb.html');
    expect(r.page.labelled).toMatchObject({
      标题: '某某条例',
      发文字号: '国令第706号',
      发布日期: '2019.01.01',
      发布部门: '国务院',
      时效性: '现行有效',
      效力级别: '行政法规',
    });
    expect(bodyText(r.page)).toContain('为了规范某某工作，制定本条例。');
  });

  it('reads a hostile record: a 50,000-code dictionary in time, a list nested 50,000 deep without failing', () => {
    const record = JSON.parse(JSON.stringify(json)) as ApiRecord;
    record.data.law.category = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`C${i}`, `类别${i}`]));
    record.data.law.issueDepartment = JSON.parse(`${'['.repeat(50_000)}"某部门"${']'.repeat(50_000)}`) as unknown;
    const started = performance.now();
    const r = extractPkulawApiRecord(record, parse);
    // Liveness, not speed: leaf detection was quadratic (30,000 codes took 8 s).
    expect(performance.now() - started).toBeLessThan(5_000);
    if ('error' in r) throw new Error(r.error);
    // C1 is extended by C10…C19 and so not a leaf; C49999 is.
    const categories = r.page.labelled['法规类别'].split(' ');
    expect(categories).toContain('类别49999');
    expect(categories).not.toContain('类别1');
    expect(r.page.labelled['发布部门']).toBeUndefined();
    // A hierarchical dictionary still gives its leaves.
    const nested = JSON.parse(JSON.stringify(json)) as ApiRecord;
    nested.data.law.issueDepartment = { '6': '国务院各机构', '602': '各部', '60210': '财政部', '7': '地方' };
    const leaves = extractPkulawApiRecord(nested, parse);
    if ('error' in leaves) throw new Error(leaves.error);
    expect(leaves.page.labelled['发布部门']).toBe('地方 财政部'); // integer-like keys come in numeric order
  });

  it('returns an error, never throws, for what is not a record', () => {
    for (const bad of [null, 42, 'not json', [], {}, { data: { law: { title: '无正文' } } }, { code: 0, data: null }]) {
      const r = extractPkulawApiRecord(bad, parse);
      expect('error' in r).toBe(true);
    }
    const throwing = extractPkulawApiRecord(json, () => {
      throw new Error('parser broke');
    });
    expect(throwing).toEqual({ error: expect.stringContaining('parser broke') as unknown });
  });
});
