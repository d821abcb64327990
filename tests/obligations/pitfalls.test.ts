/**
 * One test per pitfall of docs/obligations.md §3–§4: the words that look like triggers and are not,
 * the ones that are triggers in disguise, and the clause rules that override a single word.
 */
import { describe, expect, it } from 'vitest';
import { findObligations } from '../../lib/obligations/index';
import type { Clause } from '../../lib/types';

const find = (text: string, addressees: string[] = []) => findObligations(text, { addressees });
const only = (text: string, addressees: string[] = []): Clause => {
  const cs = find(text, addressees);
  expect(cs).toHaveLength(1);
  return cs[0];
};

describe('要求: noun vs verb', () => {
  it('按照…要求 / 提出明确要求 is a noun: no trigger', () => {
    expect(find('会议对疫情防控工作提出明确要求。')).toEqual([]);
    expect(find('各项工作符合有关要求。')).toEqual([]);
    expect(find('一、总体要求')).toEqual([]);
  });
  it('要求 + actor is a directive', () => {
    const c = only('要求各地区于2019年4月底前报送工作方案。');
    expect(c.category).toBe('obligation');
    expect(c.trigger).toBe('要求');
  });
  it('在…要求 does not hide a real modal after it', () => {
    const c = only('企业应当按照有关要求建立台账。');
    expect(c.trigger).toBe('应当');
    expect(c.bearer?.text).toBe('企业');
  });
  it('a document that 要求，…不得… is a prohibition (the embedded modal decides)', () => {
    const c = find('《规定》要求，任何单位不得擅自收费。')[0];
    expect(c.category).toBe('prohibition');
    expect(c.trigger).toBe('不得');
  });
});

describe('许可 is a licence, not a permission', () => {
  it('生产许可证 / 行政许可 alone carry nothing', () => {
    expect(find('生产许可证有效期为5年。')).toEqual([]);
    expect(find('行政许可事项实行清单管理。')).toEqual([]);
  });
  it('a sentence about a licence is classified by its own modal', () => {
    const c = only('企业应当妥善保管生产许可证证书。');
    expect(c.category).toBe('obligation');
  });
  it('可以 + verb is the permission', () => {
    const c = only('符合条件的企业可以申请延续许可。');
    expect(c.category).toBe('permission');
    expect(c.trigger).toBe('可以');
  });
});

describe('negation table', () => {
  it('不得不 is an obligation', () => {
    const c = only('各地不得不调整原定计划。');
    expect(c.category).toBe('obligation');
    expect(c.trigger).toBe('不得不');
  });
  it('不必 / 无须 are permissions not to act', () => {
    expect(only('已经备案的，不必重复提交材料。').category).toBe('permission');
    expect(only('申请人无须另行提供证明。').category).toBe('permission');
  });
  it('不宜 is a negative encouragement', () => {
    expect(only('学校不宜组织大型集体活动。').category).toBe('encouragement');
  });
  it('不得, 严禁, 禁止, 不准 are hard prohibitions', () => {
    for (const s of ['任何单位不得截留挪用资金。', '严禁借机乱收费。', '禁止在公共场所吸烟。', '不准公款吃喝。']) {
      const c = only(s);
      expect(c.category).toBe('prohibition');
      expect(c.strength).toBe('hard');
    }
  });
  it('不要 is a soft prohibition, 决不允许 too', () => {
    const a = only('不要层层加码。');
    expect([a.category, a.strength]).toEqual(['prohibition', 'soft']);
    expect(only('决不允许推诿敷衍。').category).toBe('prohibition');
  });
  it('原则上不得 is kept as a prohibition', () => {
    expect(find('原则上不得新设议事协调机构。')[0]?.trigger).toBe('原则上不得');
  });
  it('不断, 不再, 不仅, 不少, 不足 are nothing', () => {
    for (const s of [
      '服务能力不断增强。',
      '该项目不再保留。',
      '不仅提升了效率。',
      '不少地方出现积压。',
      '存在投入不足的问题。',
    ]) {
      expect(find(s)).toEqual([]);
    }
  });
  it('an abstention series 不+V, 不+V is a prohibition; a single 不 is not', () => {
    expect(only('广大党员要带头不聚会、不聚餐。').categories).toContain('prohibition');
    expect(only('不信谣不传谣。').category).toBe('prohibition');
    expect(find('这种做法不可取。')).toEqual([]);
  });
  it('不必要的 is an adjective, not 不必', () => {
    const c = only('各地不开不必要的会议，不搞形式主义。');
    expect(c.categories).toEqual(['prohibition']);
  });
});

describe('要 inside compounds', () => {
  it('重要, 需要, 主要, 必要 are nothing', () => {
    expect(find('这项工作具有十分重要的意义。')).toEqual([]);
    expect(find('根据工作需要调整人员。')).toEqual([]);
    expect(find('主要目标是提高效率。')).toEqual([]);
    expect(find('必要时组织专家论证。')).toEqual([]);
  });
  it('主要领导要… is a directive with the leader as bearer', () => {
    const c = only('主要领导要亲自抓、负总责。');
    expect(c.category).toBe('obligation');
    expect(c.bearer).toEqual({ text: '主要领导', source: 'explicit' });
  });
  it('一要…二要… is an obligation list', () => {
    expect(only('一要提高认识，二要压实责任。').category).toBe('obligation');
  });
});

describe('penalties and violation conditions', () => {
  it('应当…而未…的，处…罚款 is accountability only', () => {
    const c = only('纳税人应当申报而未申报的，处二千元以下罚款。');
    expect(c.categories).toEqual(['accountability']);
  });
  it('the modal in a violation condition is no duty even when the sanction word is unusual', () => {
    const c = only('应当登记而未登记的，由主管部门责令限期改正。');
    expect(c.categories).toEqual(['accountability']);
    expect(c.deadline).toBeNull();
  });
  it('对…的，要严肃问责 is accountability only', () => {
    const c = only('对不敢担当、落实不力的，要严肃问责。');
    expect(c.categories).toEqual(['accountability']);
    expect(c.trigger).toBe('严肃问责');
  });
  it('违反本办法规定…的，责令改正，处…罚款 is one accountability clause', () => {
    const c = only('违反本办法第三十条规定，企业未在规定期限内提出变更申请的，责令改正，处2万元以下罚款；');
    expect(c.category).toBe('accountability');
    expect(c.bearer?.text).toBe('企业');
  });
  it('依法追究刑事责任, 给予处分, 移送司法机关 are accountability', () => {
    expect(only('构成犯罪的，依法追究刑事责任。').category).toBe('accountability');
    expect(only('对直接责任人员依法给予处分。').category).toBe('accountability');
    expect(only('涉嫌犯罪的，及时移送司法机关。').category).toBe('accountability');
  });
  it('给予表扬 is a reward duty, not a sanction', () => {
    expect(only('对表现突出的，要给予表扬。').category).toBe('obligation');
  });
  it('处理/处置 without an amount is not a penalty', () => {
    expect(find('各地处置突发事件的能力明显提升。')).toEqual([]);
  });
});

describe('none: effective dates, definitions, purpose, titles, background', () => {
  it('本办法自…起施行 is nothing, and no deadline', () => {
    expect(find('本办法自2014年8月1日起施行。')).toEqual([]);
    expect(find('本通知自印发之日起施行。')).toEqual([]);
  });
  it('本办法所称… is a definition', () => {
    expect(find('本办法所称企业，是指应当依法取得生产许可的法人和其他组织。')).toEqual([]);
  });
  it('为…，现就…通知如下 is a purpose preamble', () => {
    expect(find('为深入贯彻落实党中央决策部署，切实做好疫情防控工作，现就有关事项通知如下。')).toEqual([]);
    expect(find('根据《中华人民共和国行政许可法》，制定本办法。')).toEqual([]);
  });
  it('a title with 坚决贯彻落实 is not a directive', () => {
    expect(find('关于坚决贯彻落实习近平总书记重要指示精神的通知\n各区县党委：')).toEqual([]);
  });
  it('a trigger inside 《book title》 or a short “slogan” does not count', () => {
    expect(find('学习《关于严禁违规收费的通知》精神。')).toEqual([]);
    expect(find('按照“尽职照单免责、失职照单问责”原则开展工作。')).toEqual([]);
  });
  it('past facts and praise are nothing', () => {
    expect(find('各地认真落实了各项部署，取得显著成效。')).toEqual([]);
    expect(find('广大医务人员表现突出，涌现出一批先进典型。')).toEqual([]);
  });
  it('epistemic 可能 / 可以说 are not permissions', () => {
    expect(find('这可能对公共利益造成重大损害。')).toEqual([]);
    expect(find('可以说，改革取得了明显成效。')).toEqual([]);
  });
  it('the guiding-ideology formula is framing, not a directive', () => {
    expect(find('一、总体要求\n坚持以习近平新时代中国特色社会主义思想为指导，认真落实党中央决策部署。')).toEqual([]);
  });
});

describe('headings', () => {
  it('a topic heading gets nothing', () => {
    const text = '一、总体要求\n二、主要目标\n三、保障措施\n（一）组织领导\n第一章 总则';
    expect(find(text)).toEqual([]);
  });
  it('an imperative heading gets its label and heading=true', () => {
    const cs = find('一、提高政治站位，坚决扛起疫情防控的政治责任。\n各级党委要高度重视。');
    expect(cs[0].heading).toBe(true);
    expect(cs[0].category).toBe('obligation');
    expect(cs[0].text).toBe('提高政治站位，坚决扛起疫情防控的政治责任。');
    expect(cs[1].heading).toBe(false);
  });
  it('a run-in heading is its own clause before the body', () => {
    const cs = find('（一）加强组织领导。各地要建立工作专班。');
    expect(cs.map((c) => [c.text, c.heading])).toEqual([
      ['加强组织领导。', true],
      ['各地要建立工作专班。', false],
    ]);
  });
  it('六、力戒形式主义 is a prohibition heading', () => {
    const c = only('六、力戒形式主义、官僚主义。');
    expect([c.category, c.heading]).toEqual(['prohibition', true]);
  });
  it('bare imperatives count inside a directive section, not in 总体要求 or background', () => {
    const text =
      '一、总体要求\n健全监管机制，提升监管效能。\n二、重点任务\n（一）完善信用体系。\n健全知识产权质押融资机制，合理确定质押比率。';
    const cs = find(text);
    expect(cs.map((c) => c.text)).toEqual(['完善信用体系。', '健全知识产权质押融资机制，合理确定质押比率。']);
    expect(cs[1].trigger).toBe('健全');
  });
});

describe('reported speech', () => {
  it('总书记强调，…要… is quoted and scored lower', () => {
    const c = only('习近平总书记强调，各级党委（党组）要切实担负起责任。');
    expect(c.quoted).toBe(true);
    expect(c.bearer?.text).toBe('各级党委（党组）');
    expect(c.score).toBeLessThan(0.7);
  });
  it('会议指出 / 《意见》指出 are quoted', () => {
    expect(only('会议指出，各地区要加强组织领导。').quoted).toBe(true);
    for (const c of find('《意见》指出，要推动金融机构转变理念。')) expect(c.quoted).toBe(true);
  });
  it('a quoted directive without a named bearer falls below the threshold', () => {
    expect(find('《意见》指出，要推动金融机构转变理念。')).toEqual([]);
  });
  it('就…作出重要指示 quotes the instruction', () => {
    for (const c of find('1月27日，习近平总书记就各级党组织要发挥作用作出重要指示。')) expect(c.quoted).toBe(true);
  });
  it("the notice's own directives are not quoted", () => {
    expect(only('各地区、各部门要加强组织领导。').quoted).toBe(false);
  });
});

describe('list intros and items', () => {
  it("labelled items inherit the intro's modality and bearer", () => {
    const text =
      '企业取得生产许可证，应当符合下列条件：\n（一）有与所生产产品相适应的专业技术人员；\n（二）有健全有效的质量管理制度；\n法律、行政法规另有规定的，从其规定。';
    const cs = find(text);
    expect(cs).toHaveLength(3);
    expect(cs[1]).toMatchObject({
      category: 'obligation',
      trigger: '应当',
      text: '有与所生产产品相适应的专业技术人员；',
    });
    expect(cs[1].bearer).toEqual({ text: '企业', source: 'inherited' });
    expect(cs[2].text).toBe('有健全有效的质量管理制度；');
  });
  it('bare verb-phrase items after 要做到以下几点： inherit too', () => {
    const text = '各地要做到以下几点：\n加强组织领导；\n压实工作责任；\n强化督促检查。\n下一阶段工作另行部署。';
    const cs = find(text);
    expect(cs.map((c) => c.text)).toEqual([
      '各地要做到以下几点：',
      '加强组织领导；',
      '压实工作责任；',
      '强化督促检查。',
    ]);
    for (const c of cs.slice(1)) expect(c.bearer).toEqual({ text: '各地', source: 'inherited' });
  });
  it('有下列情形之一的，…可以…： items are permissions, conditions inside them included', () => {
    const text =
      '有下列情形之一的，质检总局可以作出撤销生产许可的决定：\n（一）滥用职权作出准予生产许可决定的；\n（二）依法可以撤销生产许可的其他情形。';
    const cs = find(text);
    expect(cs.map((c) => c.category)).toEqual(['permission', 'permission', 'permission']);
    expect(cs[1].bearer?.text).toBe('质检总局');
  });
  it('items after a purpose intro (通知如下：) inherit nothing', () => {
    const text =
      '现将有关事项公告如下：\n一、本期国债通过全国银行间债券市场发行，发行面值为260亿元。\n二、本期国债期限5年。';
    expect(find(text)).toEqual([]);
  });
  it('in-line items after ： inherit', () => {
    const cs = find('集团党员要执行三项纪律，即：服从调度；坚守岗位；如实报告。');
    expect(cs.map((c) => c.category)).toEqual(['obligation', 'obligation', 'obligation', 'obligation']);
  });
});

describe('mixed units and splitting', () => {
  it('原则上不得…，确需…的，应当报批 gives the prohibition and the obligation', () => {
    const cs = find('原则上不得新设机构，确需设立的，应当报经批准。');
    expect(cs.map((c) => c.category)).toEqual(['prohibition', 'obligation']);
  });
  it('a new actor with a trigger starts a new clause', () => {
    const cs = find('要推动工作力量下沉，区领导班子要包街道，街道干部要包社区，指导帮助防控工作开展。');
    expect(cs.map((c) => c.bearer?.text)).toEqual([undefined, '区领导班子', '街道干部']);
  });
  it('a run of directives for one actor stays one clause', () => {
    const cs = find('各级党委要牢记使命，坚决扛起政治责任，切实加强组织领导，确保各项措施落实到位。');
    expect(cs).toHaveLength(1);
  });
  it('方可 completes a condition rather than starting a clause', () => {
    const cs = find('产品应当经出厂检验合格后，方可销售。');
    expect(cs).toHaveLength(1);
    expect(cs[0].category).toBe('obligation');
  });
});

describe('more readings', () => {
  it('有…的权利 is a permission (a right)', () => {
    const c = only('公民有学习和使用国家通用语言文字的权利。');
    expect([c.category, c.trigger]).toEqual(['permission', '有']);
    expect(find('税务机关没有免除滞纳金的权力。')).toEqual([]);
  });
  it('可以要求… is the permission; 要求 is its verb', () => {
    const c = find('税务机关在三年内可以要求纳税人补缴税款，但是不得加收滞纳金。');
    expect(c.map((x) => x.categories)).toEqual([['permission'], ['prohibition']]);
  });
  it('a list of duties (…的主要任务是：) makes its items obligations of the owner', () => {
    const cs = find(
      '第四条　驻外办事处的主要任务是：\n（一）做好与驻地党政机关的政务联系工作。\n（二）负责收集、传递经济信息。',
    );
    expect(cs.map((c) => [c.category, c.bearer?.text])).toEqual([
      ['obligation', '驻外办事处'],
      ['obligation', '驻外办事处'],
      ['obligation', '驻外办事处'],
    ]);
    expect(cs[1].trigger).toBe('任务');
  });
  it('a penalty keeps its condition: 应扣未扣…的，由…追缴，对…处以罚款 is one accountability clause', () => {
    const cs = find(
      '扣缴义务人应扣未扣、应收而不收税款的，由税务机关向纳税人追缴税款，对扣缴义务人处以50%以上三倍以下的罚款。',
    );
    expect(cs).toHaveLength(1);
    expect(cs[0].categories).toEqual(['accountability']);
  });
  it('现将…印发给你们，请认真贯彻执行 is a directive even after a purpose clause', () => {
    const c = only('为了加强税收征管，现将《暂行办法》印发给你们，请认真贯彻执行。', ['各省税务局']);
    expect([c.category, c.trigger]).toEqual(['obligation', '请']);
    expect(c.bearer).toEqual({ text: '各省税务局', source: 'addressee' });
  });
  it('a topic heading that opens with a verb is still a topic (（一）组织领导, 指导思想)', () => {
    expect(find('（一）组织领导\n（二）指导思想\n四、组织实施')).toEqual([]);
  });
  it('a goal in 主要目标 is not a duty; a hard rule there still is', () => {
    const cs = find('二、主要目标\n切实减少对市场主体的干预。\n抽查比例不得超过百分之五。');
    expect(cs.map((c) => c.category)).toEqual(['prohibition']);
  });
});

describe('clause spans', () => {
  it('a clause cut after a comma and a space starts at its first word, not at the space', () => {
    const text =
      '各级疫情防控领导小组要加大党的领导,扎紧防控的篱笆, 决不能有半点侥幸和投机心理,全面加大督导检查力度。各单位要加强领导,  不得推诿扯皮, 鼓励创新。';
    const clauses = find(text);
    expect(clauses.map((c) => c.text)).toEqual([
      '各级疫情防控领导小组要加大党的领导,扎紧防控的篱笆,',
      '决不能有半点侥幸和投机心理,全面加大督导检查力度。',
      '各单位要加强领导,',
      '不得推诿扯皮,',
      '鼓励创新。',
    ]);
    for (const c of clauses) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});

describe('slogans and situations that only look like directives', () => {
  it('不敢腐、不能腐、不想腐 names a goal: the clause is a duty, not a prohibition', () => {
    const cs = find('一、构建不敢腐、不能腐、不想腐的长效机制。');
    expect(cs.every((c) => !c.categories.includes('prohibition'))).toBe(true);
  });
  it('已经到了必须…的时候 describes where things stand and directs no one', () => {
    expect(find('与发达国家相比，我县基层治理能力还有差距，已经到了必须下大力气抓好的时候。')).toEqual([]);
  });
  it('必须 directing an actor is still a hard duty', () => {
    const c = only('各单位必须于6月底前完成自查。');
    expect(c.category).toBe('obligation');
    expect(c.strength).toBe('hard');
  });
});
