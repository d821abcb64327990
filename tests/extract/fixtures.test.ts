/**
 * Every HTML page in shared/fixtures through `extractPage`: the site, the body roots, the body text's first
 * and last sentences, chrome that must stay out, and the labelled metadata. Expectations are written by hand
 * from reading each page, never generated from the current output.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../lib/extract';
import type { Site } from '../../lib/types';
import { FIXTURES, bodyText, loadFixture, occurrences } from './helpers';

interface Case {
  file: string;
  /** A URL the page was served from (or null: decide from the DOM). */
  url: string | null;
  site: Site;
  /** null: the page must have no body roots. */
  opening: string | null;
  closing: string | null;
  /** Strings of page chrome (or of the second body copy) that must not be in the body text. */
  absent: string[];
  /** Strings that must be in the text exactly once. */
  once?: string[];
  labelled?: Record<string, string>;
  /** Labels that must not be read (an issue number is not a 文号). */
  notLabelled?: string[];
  title?: string | null;
  listPage?: boolean;
  pending?: boolean;
}

const CASES: Case[] = [
  {
    file: 'pos-01-govcn-zhengce-2019-guofa5-yijian.html',
    url: 'http://www.gov.cn/zhengce/content/2019-02/15/content_5365945.htm',
    site: 'govcn',
    opening: '在市场监管领域全面推行“双随机、一公开”监管，是党中央、国务院作出的重大决策部署',
    closing: '加快形成政府公正监管、企业诚信自律、社会公众监督的良好氛围。',
    absent: ['扫一扫在手机打开当前页', '主题词', '索引号', '000014349/2019-00007'],
    once: ['各省、自治区、直辖市人民政府，国务院各部委、各直属机构：'],
    labelled: {
      索引号: '000014349/2019-00007',
      发文机关: '国务院',
      成文日期: '2019年01月27日',
      发文字号: '国发〔2019〕5号',
      发布日期: '2019年02月15日',
      标题: '国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见',
      主题分类: '市场监管、安全生产监管\\工商',
    },
    title: '国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见',
    listPage: false,
  },
  {
    file: 'pos-02-govcn-zhengce-2019-guofa4-yinfa-tongzhi.html',
    url: 'http://www.gov.cn/zhengce/content/2019-02/13/content_5365341.htm',
    site: 'govcn',
    opening: '现将《国家职业教育改革实施方案》印发给你们，请认真贯彻执行。',
    closing: '推动落实《中华人民共和国职业教育法》，为职业教育改革创新提供重要的制度保障。',
    absent: ['扫一扫在手机打开当前页', '索引号'],
    labelled: {
      发文机关: '国务院',
      成文日期: '2019年01月24日',
      发文字号: '国发〔2019〕4号',
      标题: '国务院关于印发国家职业教育改革实施方案的通知',
    },
    title: '国务院关于印发国家职业教育改革实施方案的通知',
  },
  {
    file: 'pos-11-govcn-gongbao-2014-zhijianzongju-ling156-banfa.html',
    url: 'https://www.gov.cn/gongbao/content/2014/content_2717369.htm',
    site: 'govcn',
    opening:
      '《中华人民共和国工业产品生产许可证管理条例实施办法》已经2014年4月8日国家质量监督检验检疫总局局务会议审议通过',
    closing: '同时废止。',
    // Breadcrumb, font-size switcher and share widget surround the body; the print copy follows it.
    absent: ['国务院公报', '字号', '默认', '打印', '新浪微博', 'qq空间', '首页'],
    once: ['根据《中华人民共和国行政许可法》和《中华人民共和国工业产品生产许可证管理条例》', '第一章'],
    labelled: { 公报期号: '2014年第20号', 发布日期: '2014-07-20-23:59:59' },
    notLabelled: ['发文字号', '文号'],
    title: '国家质量监督检验检疫总局令（第156号） 中华人民共和国工业产品生产许可证管理条例实施办法',
  },
  {
    file: 'pos-13-govcn-zhengceku-2026-pbc-8bumen-jinrong-fuwuye-yijian.html',
    url: 'https://www.gov.cn/zhengce/zhengceku/202609/content_7082302.htm',
    site: 'govcn',
    opening: '为贯彻落实党中央、国务院决策部署，促进服务业优质高效发展',
    closing: '中国人民银行各省级分行、金融机构要及时总结上报工作经验、典型案例和问题建议。',
    absent: ['主办单位：国务院办公厅', '新浪微博', '网站纠错', '回到顶部', '发文机关：', '中国人民银行网站'],
    // The current template prints the body twice (.mhide and .pchide): the text has it once.
    once: ['（十九）完善工作推进机制。', '附件：', '为贯彻落实党中央、国务院决策部署，深入实施服务业扩能提质行动'],
    labelled: {
      标题: '中国人民银行等八部门联合印发《关于金融支持服务业扩能提质的指导意见》',
      发文机关: '中国人民银行 金融监管总局 中国证监会 国家发展改革委 工业和信息化部 财政部 商务部 文化和旅游部',
      发文字号: '',
      来源: '中国人民银行网站',
      公文种类: '意见',
      成文日期: '2026年09月25日',
    },
    title: '中国人民银行等八部门联合印发《关于金融支持服务业扩能提质的指导意见》',
  },
  {
    file: 'pos-19-sxmu-jijian-jianchafa.html',
    url: null,
    site: 'generic',
    opening: '为了深化国家监察体制改革，加强对所有行使公权力的公职人员的监督',
    closing: '本法自公布之日起施行。《中华人民共和国行政监察法》同时废止。',
    absent: ['主办单位：山西医科大学纪检监察室', '机构职能', '浏览次数', '山西大学', '添加收藏夹', '纪检监察'],
    once: ['第六十九条'],
    title: '中华人民共和国监察法',
  },
  {
    file: 'edge-01-flk-npc-detail2-shell-zengzhishuifa.html',
    url: 'https://flk.npc.gov.cn/detail2.html?ZmY4MDgxODE4YmE2ZTk4ZjAxOGJhN2I3YzQ5NzAwNzA%3D',
    site: 'npc',
    opening: null,
    closing: null,
    absent: [],
    title: null,
    listPage: false,
    pending: true,
  },
  {
    file: 'neg-17-flk-npc-homepage.html',
    url: 'https://flk.npc.gov.cn/index.html',
    site: 'npc',
    opening: null,
    closing: null,
    absent: [],
    listPage: true,
    pending: false,
  },
  {
    file: 'neg-01-sina-news-society.html',
    url: 'https://news.sina.com.cn/s/2019-11-25/doc-iihnzahi3051920.shtml',
    site: 'generic',
    opening: '说这话的大叔Gweilo是个加拿大人，已在中国生活十多年。',
    closing: '打造鼓励市民健身运动的公园。',
    absent: ['我要反馈', '新浪新闻公众号', '扫描左方二维码', '关键字'],
    listPage: false,
  },
  {
    file: 'neg-02-qq-news.html',
    url: 'https://new.qq.com/omn/20190907/20190907A0D1Y700.html',
    site: 'generic',
    opening: '近日，一张截图在朋友圈流传，那首著名的儿童歌曲《一分钱》被改成了《一元钱》',
    closing: '历时4年积累出《56个民族新儿歌》等作品。',
    absent: ['一键登录', '相关推荐', '腾讯公司版权所有', '用微信扫描二维码'],
  },
  {
    file: 'neg-03-163-sports-news.html',
    url: 'https://sports.163.com/19/0907/00/EOQ1BT7G00058781.html',
    site: 'generic',
    opening: '中国男篮以77比73战胜韩国队，保住进军东京奥运会的希望。',
    closing: '外加2次抢断、2记盖帽。',
    absent: ['网易首页', '快速导航', '隐私政策', '跟贴'],
  },
  {
    file: 'neg-04-people-culture-article.html',
    url: 'http://culture.people.com.cn/n1/2019/0615/c1013-31138326.html',
    site: 'generic',
    opening: '父亲的教诲像一盏灯，为我们照亮前行的路',
    closing: '字里行间都是对儿子的爱。',
    absent: ['登录人民网通行证', '分享到：', '推荐阅读', '热点排行', '人民网版权所有'],
  },
  {
    file: 'neg-05-baijiahao-product-trousers.html',
    url: 'https://baijiahao.baidu.com/s?id=1594352383416385018',
    site: 'generic',
    opening: '水洗工艺，最大程度凸显你腿部长度',
    closing: '这款休闲裤抗静电而且不易黏灰尘。',
    absent: ['百度首页', '作者最新文章', '返回顶部', '京公网安备'],
  },
  {
    file: 'neg-06-csdn-tech-news.html',
    url: 'https://www.csdn.net/article/2014-08-22/2821343',
    site: 'generic',
    opening: '由北京知道创宇联合知乎网主办的第三届知道安全论坛',
    closing: '余弦骄傲地说道。',
    absent: ['CSDN学院', '我的收藏', '网站地图', '北京创新乐知网络技术有限公司'],
  },
  {
    file: 'neg-07-netease-game-forum-list.html',
    url: 'http://bbs.nie.163.com/forum-1-1.html',
    site: 'generic',
    opening: null,
    closing: null,
    absent: [],
    listPage: true,
  },
  {
    file: 'neg-08-163-news-about-covid-policy.html',
    url: 'https://news.163.com/20/0229/18/F6GB0DCT0001899O.html',
    site: 'generic',
    opening: '2月28日，国务院联防联控机制印发《关于进一步落实分区分级差异化防控策略的通知》',
    closing: '不断提高疫情防控的科学性、精准性、针对性。',
    absent: ['延伸阅读', '网易首页', '跟贴', '分享到', '为您推荐', '张文宏:上海零新增我很担心'],
    listPage: false,
  },
  {
    file: 'neg-10-shanxi-gov-portal-news.html',
    url: 'http://www.shanxi.gov.cn/yw/sxyw/201909/t20190918_693227.shtml',
    site: 'generic',
    opening: '跨越千山万水，行程近两万公里，山西品牌丝路行首次登陆巴西',
    closing: '南美站活动将先后在巴西、乌拉圭、阿根廷举行。',
    absent: ['热门搜索', '省发展和改革委员会', '网站地图', '无障碍浏览', '扫一扫在手机打开当前页面'],
    labelled: { 标题: '山西品牌丝路行（南美站）正式启动', 来源: '山西日报', 发布日期: '2019-09-18 06:23' },
    notLabelled: ['发文字号', '发文机关', '成文日期'],
    title: '山西品牌丝路行（南美站）正式启动',
    listPage: false,
  },
];

describe('extractPage on the shared fixtures', () => {
  it('has a case for every HTML fixture', () => {
    const files = readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.html'))
      .sort();
    expect(CASES.map((c) => c.file).sort()).toEqual(files);
  });

  for (const c of CASES) {
    describe(c.file, () => {
      const page = extractPage(loadFixture(c.file), c.url);
      const text = bodyText(page);

      it(`is site ${c.site}`, () => {
        expect(page.site).toBe(c.site);
        expect(page.url).toBe(c.url);
      });

      if (c.opening === null) {
        it('claims no body', () => {
          expect(page.roots).toEqual([]);
          expect(text).toBe('');
        });
      } else {
        it('finds the body: opening and closing sentences, in order', () => {
          expect(page.roots.length).toBeGreaterThan(0);
          const start = text.indexOf(c.opening!);
          const end = text.lastIndexOf(c.closing!);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeGreaterThan(start);
        });
      }

      for (const s of c.absent) {
        it(`leaves out ${s}`, () => {
          expect(text).not.toContain(s);
        });
      }
      for (const s of c.once ?? []) {
        it(`has ${s} exactly once`, () => {
          expect(occurrences(text, s)).toBe(1);
        });
      }
      if (c.labelled) {
        it('reads the labelled fields', () => {
          for (const [label, value] of Object.entries(c.labelled!)) expect(page.labelled[label], label).toBe(value);
        });
      }
      if (c.notLabelled) {
        it(`does not read ${c.notLabelled.join(', ')}`, () => {
          for (const label of c.notLabelled!) expect(page.labelled).not.toHaveProperty(label);
        });
      }
      if (c.title !== undefined) {
        it('states the title', () => {
          expect(page.title).toBe(c.title);
        });
      }
      if (c.listPage !== undefined) {
        it(`listPage is ${c.listPage}`, () => {
          expect(page.pageSignals.listPage).toBe(c.listPage);
        });
      }
      it(`pending is ${c.pending ?? false}`, () => {
        expect(page.pageSignals.pending).toBe(c.pending ?? false);
      });
    });
  }
});

describe('extractPage without a URL decides from the DOM', () => {
  const cases: Array<[string, Site]> = [
    ['pos-01-govcn-zhengce-2019-guofa5-yijian.html', 'govcn'],
    ['pos-11-govcn-gongbao-2014-zhijianzongju-ling156-banfa.html', 'govcn'],
    ['pos-13-govcn-zhengceku-2026-pbc-8bumen-jinrong-fuwuye-yijian.html', 'govcn'],
    ['edge-01-flk-npc-detail2-shell-zengzhishuifa.html', 'npc'],
    ['neg-17-flk-npc-homepage.html', 'npc'],
    ['neg-10-shanxi-gov-portal-news.html', 'generic'],
  ];
  for (const [file, site] of cases) {
    it(`${file} → ${site}`, () => {
      const withUrl = CASES.find((c) => c.file === file)!;
      const page = extractPage(loadFixture(file), null);
      expect(page.site).toBe(site);
      expect(page.url).toBeNull();
      // Same body as with the URL.
      const expected = bodyText(extractPage(loadFixture(file), withUrl.url));
      expect(bodyText(page)).toBe(expected);
    });
  }

  it('a gov.cn page and a provincial *.gov.cn page are told apart by host', () => {
    const doc = loadFixture('pos-13-govcn-zhengceku-2026-pbc-8bumen-jinrong-fuwuye-yijian.html');
    expect(extractPage(doc, 'https://www.gov.cn/zhengce/zhengceku/202609/content_7082302.htm').site).toBe('govcn');
    expect(
      extractPage(loadFixture('neg-10-shanxi-gov-portal-news.html'), 'http://www.shanxi.gov.cn/x.shtml').site,
    ).toBe('generic');
  });
});

describe('roots are live elements of the page', () => {
  it('pos-01: the root is the page’s own #UCAP-CONTENT cell', () => {
    const doc = loadFixture('pos-01-govcn-zhengce-2019-guofa5-yijian.html');
    const page = extractPage(doc, null);
    expect(page.roots).toEqual([doc.querySelector('#UCAP-CONTENT')]);
  });

  it('pos-13: the root is the first copy, and the second copy is not inside it', () => {
    const doc = loadFixture('pos-13-govcn-zhengceku-2026-pbc-8bumen-jinrong-fuwuye-yijian.html');
    const page = extractPage(doc, null);
    const second = doc.querySelector('.pages_contentm.pchide')!;
    expect(page.roots).toHaveLength(1);
    expect(page.roots[0].id).toBe('UCAP-CONTENT');
    expect(page.roots[0].contains(second)).toBe(false);
  });
});
