/**
 * Pages that are notices without looking like one, and pages that look like one without being one:
 * - an excerpt that opens inside a document (a later page of a plan, a run of articles): no title, 主送 or
 *   署名, but numbered items whose sentences lay down duties;
 * - short genres whose text reads like news (公告, 通告, a 决定 printed in a 公报, a 批复, a short 函);
 * - against them, news and reports about a policy, which quote its duties in their own narrative.
 * The whole analysis runs (analyseText), so the 文号, title and 主送 each page prints are read as in use.
 */
import { describe, expect, it } from 'vitest';
import { detectNotice, isExcerpt } from '../../lib/detect';
import { analyseText } from '../../lib/analyse';
import { detectionInput } from './input';

const lines = (text: string) => text.split('\n').filter(Boolean);
const notice = (text: string) => analyseText(text).isNotice;
const signalsOf = (text: string) => analyseText(text).signals.map((s) => s.name);

describe('excerpts that open inside a document', () => {
  const planStages = [
    '（二）排查整治阶段（2021年5月至8月）。各县（市、区）人民政府要组织有关部门对辖区内重点企业进行全面排查，建立问题清单。',
    '各县（市、区）领导小组要于8月15日前将排查整治情况报市领导小组办公室。',
    '（三）督查阶段（9月）。市领导小组将组织督查组对各地工作开展情况进行督查，对工作不力的，予以通报。',
    '（四）总结阶段（10月）。各县（市、区）要认真总结工作成效和存在问题，提出建立长效机制的措施，于10月31日前报市领导小组办公室。',
    '四、保障措施',
    '（一）加强组织领导。各地、各部门要把专项整治工作摆上重要议事日程，主要负责同志要亲自抓，确保各项任务落到实处。',
    '（二）严格督查考核。市领导小组办公室负责对各地工作进展情况进行调度，每月通报一次。',
  ].join('\n');

  it('a later page of a plan, opening on a numbered stage', () => {
    expect(isExcerpt(lines(planStages))).toBe(true);
    expect(notice(planStages)).toBe(true);
    expect(signalsOf(planStages)).toContain('excerpt');
  });

  it('the same items numbered ㈡ ㈢ as some sites print them', () => {
    const circled = planStages.replace(/^（([二三四])）/gm, (_, n: string) => ({ 二: '㈡', 三: '㈢', 四: '㈣' })[n]!);
    expect(circled.startsWith('㈡')).toBe(true);
    expect(notice(circled)).toBe(true);
  });

  it('a run of articles of a regulation', () => {
    const articles = [
      '第十二条　县级以上人民政府应当加强对某某工作的领导，将所需经费列入本级财政预算。',
      '第十三条　某某主管部门负责本行政区域内某某工作的监督管理。其他有关部门在各自职责范围内做好相关工作。',
      '第十四条　经营者应当建立健全安全管理制度，定期开展检查，及时消除隐患。',
      '第十五条　任何单位和个人不得擅自占用、拆除某某设施。',
      '第十六条　违反本条例第十五条规定的，由主管部门责令限期改正，可以处一万元以上五万元以下的罚款。',
      '第十七条　主管部门及其工作人员在某某管理工作中滥用职权、玩忽职守、徇私舞弊的，由有权机关对直接负责的主管人员和其他直接责任人员依法给予处分。',
      '第十八条　本条例自2021年10月1日起施行。',
    ].join('\n');
    expect(isExcerpt(lines(articles))).toBe(true);
    expect(notice(articles)).toBe(true);
  });

  it('not a report that opens on a numbered part and tells what was done', () => {
    const summary = [
      '一、主要工作成效',
      '今年以来，我局认真贯彻落实上级决策部署，各项工作取得了明显成效。',
      '（一）专项整治扎实推进。全年共检查企业320家，查处违法案件45起，罚款金额达120万元。',
      '（二）监管能力不断提升。我局组织开展了业务培训6次，参训人员达300人次。',
      '二、存在的问题',
      '一是部分企业主体责任落实不到位。二是基层监管力量薄弱。',
      '三、下一步工作打算',
      '我们要进一步加强监管，确保各项工作落到实处。',
    ].join('\n');
    expect(isExcerpt(lines(summary))).toBe(false);
    expect(notice(summary)).toBe(false);
  });

  it('not a page of questions and answers about a policy', () => {
    const qa = [
      '一、《办法》出台的背景是什么？',
      '近年来，我市某某行业发展迅速，但也存在一些问题。为此，市政府印发了《某某管理办法》。',
      '二、《办法》主要包括哪些内容？',
      '《办法》共五章三十条，明确了各部门职责，规定了经营者应当履行的义务。',
      '《办法》规定，经营者应当在经营场所显著位置公示收费标准，不得收取未予标明的费用。',
      '《办法》要求，各区市场监管部门要加强日常检查，对违法行为依法查处。',
      '三、《办法》什么时候开始施行？',
      '《办法》自2021年5月1日起施行。',
    ].join('\n');
    expect(isExcerpt(lines(qa))).toBe(false);
    expect(notice(qa)).toBe(false);
  });

  it('not news whose lead comes before the items it reports', () => {
    const news = [
      '记者日前从市生态环境局获悉，我市近日印发专项整治工作方案，部署开展为期半年的专项行动。',
      '（一）排查整治阶段。各县（市、区）要组织力量对重点企业进行全面排查。',
      '（二）督查阶段。市领导小组将组织督查组对各地工作开展情况进行督查。',
      '（三）总结阶段。各县（市、区）要认真总结工作成效，于10月31日前报市领导小组办公室。',
      '市生态环境局有关负责人表示，此次行动将进一步改善全市环境质量。',
    ].join('\n');
    expect(isExcerpt(lines(news))).toBe(false);
    expect(notice(news)).toBe(false);
  });

  it('an excerpt needs duties: numbered prose that states none is not one', () => {
    const prose = [
      '（一）历史沿革。某某古镇始建于宋代，明清时期商贸繁荣，是重要的水陆码头。',
      '（二）自然环境。古镇地处丘陵地带，气候温和，四季分明，年平均气温十七摄氏度。',
      '（三）文化遗存。镇内保存有古民居一百余栋，古桥三座，石板街两千余米。',
      '（四）民俗风情。每年农历正月举办灯会，吸引周边群众前来观赏。',
      '（五）特色物产。当地盛产茶叶、竹笋和山核桃，远销省内外。',
    ].join('\n');
    expect(isExcerpt(lines(prose))).toBe(false);
    expect(detectNotice(detectionInput(prose)).isNotice).toBe(false);
  });
});

describe('genres whose text reads like news', () => {
  it('a 公告 printed without its 署名: its own formula speaks for it', () => {
    const text = [
      '某某市市场监督管理局关于某某产品质量监督抽查结果的公告',
      '为加强产品质量监督管理，我局组织对本市生产、销售的某某产品进行了质量监督抽查。现将有关情况公告如下：',
      '本次共抽查某某产品60批次，其中合格56批次，不合格4批次，不合格产品及企业名单见附件。',
      '对抽查发现的不合格产品，各区市场监督管理局要依法进行处理，责令企业停止销售，督促企业整改到位。',
      '各相关生产企业应当立即对不合格产品进行排查，查明原因，制定整改措施，并于2021年7月31日前将整改情况报送所在地区市场监督管理局。',
      '消费者如发现不合格产品仍在销售，可拨打12315投诉举报。',
      '特此公告。',
    ].join('\n');
    expect(signalsOf(text)).toContain('own-formula');
    expect(notice(text)).toBe(true);
  });

  it('a 通告 of a traffic control', () => {
    const text = [
      '某某市公安局关于某某路段实施临时交通管制的通告',
      '为保障某某马拉松赛事顺利进行，根据《中华人民共和国道路交通安全法》有关规定，市公安局决定对部分路段实施临时交通管制。现通告如下：',
      '一、管制时间：2021年4月18日6时至14时。',
      '二、管制路段：某某大道（某某路口至某某路口）、某某路全线。',
      '三、管制期间，除赛事保障车辆和持有通行证的车辆外，其他车辆禁止驶入管制路段。',
      '四、违反本通告的，由公安机关交通管理部门依法处理。',
      '某某市公安局',
      '2021年4月10日',
    ].join('\n');
    expect(notice(text)).toBe(true);
  });

  it('a 决定 printed in a 公报', () => {
    const text = [
      '某某省人民政府公报',
      '某某省人民政府关于废止和修改部分省政府规章的决定',
      '为维护法制统一，省人民政府对现行省政府规章进行了清理。经省人民政府第十二次常务会议审议，决定废止《某某省某某管理办法》等3件省政府规章，对《某某省某某规定》等5件省政府规章的部分条款予以修改。',
      '一、废止《某某省某某管理办法》《某某省某某暂行规定》《某某省某某实施办法》。',
      '二、对《某某省某某规定》等5件省政府规章的部分条款作如下修改：将其中的“工商行政管理部门”修改为“市场监督管理部门”。',
      '本决定自公布之日起施行。各地、各部门要做好规章废止和修改后的衔接工作，及时清理与之不一致的规范性文件。',
    ].join('\n');
    expect(notice(text)).toBe(true);
  });

  it('a 批复', () => {
    const text = [
      '某某省人民政府关于同意设立某某经济开发区的批复',
      '某政函〔2021〕12号',
      '某某市人民政府：',
      '你市《关于申请设立某某经济开发区的请示》（某政〔2021〕3号）收悉。经研究，现批复如下：',
      '一、同意设立某某经济开发区，实行现行省级经济开发区的政策。',
      '二、你市要加强对开发区建设的领导，严格执行土地利用总体规划，节约集约用地。',
      '此复。',
      '某某省人民政府',
      '2021年3月5日',
    ].join('\n');
    expect(analyseText(text).metadata.docNumber).toBe('某政函〔2021〕12号');
    expect(notice(text)).toBe(true);
  });

  it('a short 函', () => {
    const text = [
      '某某市教育局关于商请协助做好某某考试考务工作的函',
      '某某市公安局：',
      '某某考试定于2021年6月7日至8日举行，为确保考试安全顺利进行，请贵局协助做好考点周边治安维护和交通疏导工作。',
      '请予支持为盼。',
      '某某市教育局',
      '2021年5月20日',
    ].join('\n');
    expect(notice(text)).toBe(true);
  });

  it('a 通告 whose page lost its title: it announces itself and an agency signs it', () => {
    const text = [
      '为保障全县中考期间考场周边安静有序，根据《中华人民共和国环境噪声污染防治法》有关规定，决定在中考期间对考点周边实施噪声管控。现将有关事宜通告如下：',
      '一、管控时间：2021年6月20日至6月22日每日7时至19时；',
      '二、管控区域：县城各中考考点周边五百米范围；',
      '三、管控期间，严禁在管控区域内进行产生噪声的建筑施工作业，严禁使用高音喇叭招揽顾客；',
      '四、对违反本通告规定的，由有关部门依法予以处理。',
      '特此通告。',
      '某某县人民政府',
      '2021年6月10日',
    ].join('\n');
    expect(signalsOf(text)).toEqual(expect.arrayContaining(['frame', 'agency-signature']));
    expect(notice(text)).toBe(true);
  });

  it('not a news report about a 公告, which cites its formula in narrative', () => {
    const text = [
      '市场监管局公布产品质量抽查结果 4批次产品不合格',
      '本报讯（记者 某某）日前，市市场监督管理局发布公告，公布了某某产品质量监督抽查结果。',
      '公告指出，本次共抽查某某产品60批次，其中不合格4批次。',
      '市市场监督管理局有关负责人表示，将依法处理不合格产品，督促企业整改。',
    ].join('\n');
    expect(notice(text)).toBe(false);
  });

  it('not a news report that opens with the 文种 as its headline', () => {
    const text = [
      '国务院关于某项工作的通知',
      '新华社北京3月5日电 国务院日前印发《关于某项工作的通知》，对做好有关工作作出部署。',
      '通知指出，各地区各部门要高度重视，认真组织实施。通知要求，要加强督促检查，确保各项措施落到实处。',
      '通知强调，要坚持问题导向，切实解决群众反映强烈的突出问题。',
    ].join('\n');
    expect(notice(text)).toBe(false);
  });
});
