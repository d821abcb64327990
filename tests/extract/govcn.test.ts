import { describe, expect, it } from 'vitest';
import { detectNotice } from '../../lib/detect';
import { extractPage } from '../../lib/extract';
import { bodyText, parse } from './helpers';

/** gov.cn's news-style template (`h1#ti`, `div.pages-date`, no metadata table), built for the test. */
const NEWS_STYLE = `<html><head><title>国务院常务会议部署推进城市更新工作_滚动新闻_中国政府网</title>
<meta name="firstpublishedtime" content="2025-03-01-18:00:00"><meta name="manuscriptId" content="7000001"></head><body>
<div class="BreadcrumbNav"><a href="/">首页</a> &gt; <a href="/zhengce/">政策</a></div>
<div class="article oneColumn pub_border"><h1 id="ti">国务院常务会议部署推进城市更新工作</h1>
<div class="pages-date">2025-03-01 18:00 来源：新华社 <span class="font">【字体：大 中 小】</span><span class="font printIco">打印</span></div>
<div class="pages_content" id="UCAP-CONTENT">
${Array.from({ length: 6 }, (_, i) => `<p>\u3000\u3000会议指出，推进城市更新是第${i + 1}项重要任务，要坚持问题导向，统筹推进老旧小区改造、地下管网建设和公共服务设施补短板，切实改善群众居住条件。</p>`).join('')}
</div><div class="editor">【我要纠错】 责任编辑：王某</div></div></body></html>`;

describe('gov.cn news-style pages', () => {
  const url = 'https://www.gov.cn/yaowen/liebiao/202503/content_7000001.htm';
  const page = extractPage(parse(NEWS_STYLE), url);

  it('are gov.cn pages with the #UCAP-CONTENT body and the h1#ti title', () => {
    expect(page.site).toBe('govcn');
    expect(page.roots.map((r) => r.id)).toEqual(['UCAP-CONTENT']);
    expect(page.title).toBe('国务院常务会议部署推进城市更新工作');
    expect(page.labelled).toEqual({ 发布日期: '2025-03-01-18:00:00' });
    const text = bodyText(page);
    expect(text).toContain('推进城市更新是第1项重要任务');
    expect(text).not.toContain('打印');
  });

  it('are not notices: no metadata block, no known-source column, no 文种 in the title', () => {
    const result = detectNotice({
      url,
      site: page.site,
      text: bodyText(page),
      labelled: page.labelled,
      title: page.title,
      hasDocNumber: false,
      docTypeFromTitle: null,
      hasAddresseeLine: false,
      listPage: page.pageSignals.listPage,
      pending: page.pageSignals.pending,
    });
    expect(result.isNotice).toBe(false);
    expect(result.signals.map((s) => s.name)).not.toContain('known-source');
  });

  it('the title falls back to <title> with gov.cn suffixes stripped', () => {
    const doc = parse(NEWS_STYLE.replace(/<h1 id="ti">[^<]*<\/h1>/, ''));
    expect(extractPage(doc, url).title).toBe('国务院常务会议部署推进城市更新工作');
  });
});
