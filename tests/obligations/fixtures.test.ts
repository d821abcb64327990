/**
 * Real pages from tests/fixtures: every page an analyst labelled clause by clause (the labels are in the
 * case's expected.json; today a State Council 意见, pos-01), a pkulaw TXT 公告 (pos-17), and a 部门规章 with
 * 第X条 articles and 罚款 penalties (pos-11). HTML is reduced to text crudely (tags → line breaks) and
 * normalised; the page adapters are not under test here.
 */
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../lib/text/normalise';
import { findObligations } from '../../lib/obligations/index';
import { judge } from './judge';
import { fixtureCase, pageCases, readSource } from '../support/fixtures';

function pageText(file: string): string {
  const html = readSource(file)
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/<style[\s\S]*?<\/style>/gi, '')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/&ldquo;/g, '“')
    .replace(/&rdquo;/g, '”');
  return normaliseText(html).text;
}

describe('pos-17: pkulaw TXT 公告 (行政复议 notice)', () => {
  const text = normaliseText(readSource('pos-17-pkulaw-lar-CLI.12.7186154-haikou-shuiwuju-gonggao')).text;
  const clauses = findObligations(text);

  it('finds the right to apply for review as a permission of 公民、法人或者其他组织', () => {
    const c = clauses.find((x) => x.text.includes('提起行政复议'));
    expect(c).toBeDefined();
    expect(c!.category).toBe('permission');
    expect(c!.trigger).toBe('可以');
    expect(c!.strength).toBe('hard');
    expect(c!.bearer).toEqual({ text: '公民、法人或者其他组织', source: 'explicit' });
    expect(c!.deadline).toEqual({ text: '自公告期限届满之日起六十日内', type: 'relative', iso: null });
    expect(c!.quoted).toBe(false);
  });

  it('reports nothing else: titles, the factual first paragraph and contact lines carry no directive', () => {
    expect(clauses).toHaveLength(1);
  });
});

describe('pos-11: 部门规章 articles (literals read from the page)', () => {
  const one = (article: string) => {
    const cs = findObligations(article);
    expect(cs.length).toBeGreaterThan(0);
    return cs;
  };

  it('第四条: 应当遵守 and 任何单位和个人…不得', () => {
    const cs = one(
      '第四条　在中华人民共和国境内生产、销售或者在经营活动中使用列入目录产品的，应当遵守本办法。\n任何单位和个人未取得生产许可证不得生产列入目录产品。',
    );
    expect(cs.map((c) => c.category)).toEqual(['obligation', 'prohibition']);
    expect(cs[0].text).toBe('在中华人民共和国境内生产、销售或者在经营活动中使用列入目录产品的，应当遵守本办法。');
    expect(cs[1].bearer).toEqual({ text: '任何单位和个人', source: 'explicit' });
  });

  it('第三条: 由质检总局会同…制定 assigns a task without a modal', () => {
    const [c] = one(
      '第三条　实行生产许可证制度的工业产品目录（以下简称目录）由国家质量监督检验检疫总局（以下简称质检总局）会同国务院有关部门制定，并征求消费者协会和相关产品行业协会以及社会公众的意见，报国务院批准后向社会公布。',
    );
    expect(c.category).toBe('obligation');
    expect(c.bearer?.text).toBe('国家质量监督检验检疫总局');
  });

  it('第六条: 负责 allocates duties', () => {
    const cs = one(
      '第六条　质检总局负责全国工业产品生产许可证统一管理工作。\n全国工业产品生产许可证办公室负责全国工业产品生产许可证管理的日常工作。',
    );
    expect(cs.map((c) => c.bearer?.text)).toEqual(['质检总局', '全国工业产品生产许可证办公室']);
  });

  it('第十条: the conditions listed under 应当符合下列条件 inherit the duty', () => {
    const cs = one(
      '第十条　企业取得生产许可证，应当符合下列条件：\n（一）有与拟从事的生产活动相适应的营业执照；\n（二）有与所生产产品相适应的专业技术人员；\n（七）符合国家产业政策的规定，不存在国家明令淘汰和禁止投资建设的落后工艺、高耗能、污染环境、浪费资源的情况。\n法律、行政法规有其他规定的，还应当符合其规定。',
    );
    expect(cs.map((c) => c.category)).toEqual(['obligation', 'obligation', 'obligation', 'obligation', 'obligation']);
    expect(cs[3].bearer).toEqual({ text: '企业', source: 'inherited' });
    expect(cs[3].trigger).toBe('应当');
  });

  it('第十二条 and 第二十七条: relative deadlines', () => {
    const [c] = one(
      '第十二条　申请材料不符合实施细则要求的，省级质量技术监督局应当当场或者自收到申请之日起5日内一次性告知企业需要补正的全部内容。',
    );
    expect(c.bearer?.text).toBe('省级质量技术监督局');
    expect(c.deadline).toEqual({ text: '自收到申请之日起5日内', type: 'relative', iso: null });
    const [d] = one(
      '第二十七条　有效期届满，企业需要继续生产的，应当在生产许可证期满6个月前向企业所在地省级质量技术监督局提出延续申请。',
    );
    expect(d.deadline?.text).toBe('期满6个月前');
    expect(d.bearer?.text).toBe('企业');
  });

  it("第三十二条: conditions listed under 有下列情形之一的 take the intro's reading, not their own 禁止", () => {
    const cs = one(
      '第三十二条　有下列情形之一的，质检总局或者省级质量技术监督局应当作出终止办理生产许可的决定：\n（一）企业无正当理由拖延、拒绝或者不配合审查的；\n（五）企业申请生产的产品列入国家淘汰或者禁止生产产品目录的；',
    );
    expect(cs.map((c) => c.category)).toEqual(['obligation', 'obligation', 'obligation']);
  });

  it('第四十五条: 应当…后，方可销售 is one norm', () => {
    const cs = one(
      '第四十五条　企业试生产的产品应当经出厂检验合格，并在产品或者其包装、说明书上标明“试制品”后，方可销售。',
    );
    expect(cs).toHaveLength(1);
  });

  it('第四十九条: 违反…的，责令改正，处…罚款 is accountability with the violator as bearer', () => {
    const cs = one(
      '第四十九条　违反本办法第三十条规定，企业未在规定期限内提出变更申请的，责令改正，处2万元以下罚款；构成有关法律、行政法规规定的违法行为的，按照有关法律、行政法规的规定实施行政处罚。',
    );
    expect(cs.map((c) => c.category)).toEqual(['accountability', 'accountability']);
    expect(cs[0].bearer?.text).toBe('企业');
    expect(cs[0].strength).toBe('hard');
  });

  it('第五十八条 to 第六十条: scope, interpretation and effective-date articles are nothing', () => {
    expect(
      findObligations(
        '第五十八条　本办法规定的期限以工作日计算，不含法定节假日。\n第五十九条　本办法由质检总局负责解释。\n第六十条　本办法自2014年8月1日起施行。',
      ),
    ).toEqual([]);
  });

  it('the whole page: penalties in 法律责任 are accountability, the effective-date article is not reported', () => {
    const text = pageText('pos-11-govcn-gongbao-2014-zhijianzongju-ling156-banfa.html');
    const cs = findObligations(text);
    const penalty = cs.filter((c) => c.text.includes('罚款'));
    expect(penalty.length).toBeGreaterThanOrEqual(7);
    for (const c of penalty) expect(c.category).toBe('accountability');
    expect(cs.some((c) => c.text.includes('本办法自2014年8月1日起施行'))).toBe(false);
    expect(cs.some((c) => c.text.includes('负责解释'))).toBe(false);
  });
});

const LABELLED = pageCases().filter((c) => c.expected.obligations);

describe('labelled pages, clause by clause', () => {
  it('has the labelled 意见 (pos-01)', () => {
    expect(LABELLED.map((c) => c.name)).toContain('pos-01-govcn-zhengce-2019-guofa5-yijian');
  });

  for (const c of LABELLED) {
    const want = c.expected.obligations!;
    describe(c.name, () => {
      const text = pageText(c.name);
      const start = want.from === undefined ? 0 : text.indexOf(want.from);
      const body = text.slice(start);
      const clauses = findObligations(body, { addressees: want.addressees });
      const { verdicts, metrics } = judge(body, clauses, want.labels);

      it('finds the body', () => {
        expect(start).toBeGreaterThanOrEqual(want.from === undefined ? 0 : 1);
      });
      for (const v of verdicts) {
        if (v.label.knownMiss) continue;
        it(`${v.label.category ?? 'none'}: ${v.label.at.replace(/\n/g, '⏎').slice(0, 24)}`, () => {
          expect(v.problems).toEqual([]);
        });
      }
      it('meets the quality bar on its labels', () => {
        expect(metrics.precision).toBeGreaterThanOrEqual(0.85);
        expect(metrics.recall).toBeGreaterThanOrEqual(0.85);
        expect(metrics.categoryAccuracy).toBeGreaterThanOrEqual(0.85);
      });
    });
  }
});

describe('pos-01: 国发〔2019〕5号 意见', () => {
  it('defaults zero-subject clauses to the first addressee', () => {
    const want = fixtureCase('pos-01-govcn-zhengce-2019-guofa5-yijian').expected.obligations!;
    const text = pageText('pos-01-govcn-zhengce-2019-guofa5-yijian');
    const body = text.slice(text.indexOf(want.from!));
    const clauses = findObligations(body, { addressees: want.addressees });
    const c = clauses.find((x) => x.text.startsWith('要严格控制重点检查事项的数量'));
    expect(c?.bearer).toEqual({ text: '各省、自治区、直辖市人民政府', source: 'addressee' });
  });
});
