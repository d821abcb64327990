import { describe, expect, it } from 'vitest';
import { findObligations } from '../../lib/obligations/index';
import {
  bearerKey,
  buildAliasTable,
  parseActor,
  parseResponsibilityNote,
  unitBearer,
} from '../../lib/obligations/find-bearer';

const actor = (s: string) => {
  const r = parseActor(s, 0, s.length);
  return r ? s.slice(r[0], r[1]) : null;
};

describe('parseActor: organisation phrases by suffix', () => {
  it.each([
    ['各级党委(党组)要高度重视', '各级党委(党组)'],
    ['各地区、各有关部门要', '各地区、各有关部门'],
    ['地方各级人民政府要切实', '地方各级人民政府'],
    ['各省(区、市)人民政府要以', '各省(区、市)人民政府'],
    ['公民、法人或者其他组织认为', '公民、法人或者其他组织'],
    ['质检总局或者省级质量技术监督局应当', '质检总局或者省级质量技术监督局'],
    ['国务院教育行政部门负责', '国务院教育行政部门'],
    ['应急管理部门要', '应急管理部门'],
    ['各级派出机构党委和银保监会机关相关监管部门党支部要', '各级派出机构党委和银保监会机关相关监管部门党支部'],
    ['任何单位和个人不得', '任何单位和个人'],
    ['各级组织部门要', '各级组织部门'],
  ])('%s → %s', (text, expected) => expect(actor(text)).toBe(expected));

  it('a verb phrase or a prepositional phrase is no actor', () => {
    expect(actor('对本单位被隔离观察的干部群众')).toBeNull();
    expect(actor('采取党员干部带头分片包干')).toBeNull();
    expect(actor('按照有关部门要求')).toBeNull();
  });
  it('质检总局组织审查的: 组织 after a complete name is the verb', () => {
    expect(actor('质检总局组织审查的')).toBe('质检总局');
  });
});

describe('bearer of a clause', () => {
  const one = (text: string, addressees: string[] = []) => {
    const cs = findObligations(text, { addressees });
    expect(cs.length).toBeGreaterThan(0);
    return cs[0];
  };

  it('explicit: the phrase before the trigger, copied exactly', () => {
    expect(one('各地区、各部门要妥善安排。').bearer).toEqual({ text: '各地区、各部门', source: 'explicit' });
    expect(one('各级党委（党组）要切实负起责任。').bearer).toEqual({ text: '各级党委（党组）', source: 'explicit' });
  });
  it('explicit: a relative-clause subject (取得生产许可证的企业)', () => {
    expect(one('取得生产许可证的企业不得出租、出借生产许可证证书。').bearer?.text).toBe('取得生产许可证的企业');
  });
  it('explicit: the actor of a condition (…的，可以…)', () => {
    expect(one('公民、法人或者其他组织认为行政行为侵犯其合法权益的，可以申请行政复议。').bearer?.text).toBe(
      '公民、法人或者其他组织',
    );
  });
  it('explicit: 由X负责', () => {
    const c = one('具体工作由市场监管总局负责。');
    expect(c.category).toBe('obligation');
    expect(c.bearer).toEqual({ text: '市场监管总局', source: 'explicit' });
  });
  it('a noun right after the phrase shows it was a modifier (执法检查人员名录库应…)', () => {
    expect(one('执法检查人员名录库应包括所有执法人员。').bearer?.source).not.toBe('explicit');
  });
  it('a speaker is not the bearer', () => {
    expect(one('习近平总书记强调，各级党委要担负起责任。').bearer?.text).toBe('各级党委');
  });
  it('对X，要…: X is the target, not the bearer', () => {
    const cs = findObligations('各级党组织要关心关爱干部。对本单位被隔离观察的干部群众，要关心他们的生活。');
    expect(cs[1].bearer).toEqual({ text: '各级党组织', source: 'inherited' });
  });
  it('zero subject inherits from the previous clause of the sentence, then the paragraph', () => {
    const cs = findObligations('广大党员要冲锋在前，不信谣不传谣。要严守纪律。');
    expect(cs.map((c) => c.bearer)).toEqual([
      { text: '广大党员', source: 'explicit' },
      { text: '广大党员', source: 'inherited' },
      { text: '广大党员', source: 'inherited' },
    ]);
  });
  it('a new paragraph without a subject falls back to the first addressee', () => {
    const cs = findObligations('各级党组织要高度重视。\n要及时报告进展。', {
      addressees: ['各乡（镇）党委', '各街道党工委'],
    });
    expect(cs[1].bearer).toEqual({ text: '各乡（镇）党委', source: 'addressee' });
  });
  it('no bearer at all without addressees', () => {
    expect(one('要及时报告进展。').bearer).toBeNull();
  });
  it('（X按职责分工负责） names the bearer of its paragraph and, as a bracket, of its own unit', () => {
    const cs = findObligations('要加快建设信用信息平台。（发展改革委、人民银行按职责分工负责）');
    expect(cs.map((c) => c.bearer)).toEqual([
      { text: '发展改革委、人民银行', source: 'inherited' },
      { text: '发展改革委、人民银行', source: 'explicit' },
    ]);
  });
});

describe('bearer after a request word', () => {
  it('请各省级人民政府于…报送: the actor after 请 must act', () => {
    const [c] = findObligations('请各省级人民政府于2019年4月底前报送实施方案。', { addressees: ['国务院各部委'] });
    expect(c.bearer).toEqual({ text: '各省级人民政府', source: 'explicit' });
  });
  it('要求各级党组织…: the actor after 要求 must act', () => {
    const [c] = findObligations('要求各级党组织广大党员干部坚决践行“五讲五带头”。');
    expect(c.bearer?.text).toBe('各级党组织广大党员干部');
  });
});

describe('bearer: the subject noun phrase of laws and rules', () => {
  const bearerOf = (text: string) => findObligations(text)[0]?.bearer ?? null;

  it.each([
    ['经营者应当以显著方式进行明码标价。', '经营者'],
    ['公共图书馆应当妥善保存馆藏文献信息，不得随意处置。', '公共图书馆'],
    ['代理他人在金融机构开立个人存款账户的，代理人应当出示身份证件。', '代理人'],
    ['商用密码从业单位开展商用密码活动，应当符合有关标准。', '商用密码从业单位'],
    ['根河市人民政府应按照规划修改完善相关专项规划。', '根河市人民政府'],
    ['被侵权人可以依法提起诉讼。', '被侵权人'],
    ['总馆应当加强对分馆的业务指导。', '总馆'],
  ])('%s → %s', (text, expected) => {
    expect(bearerOf(text)).toEqual({ text: expected, source: 'explicit' });
  });

  it('coordinated subjects are kept whole, with a closing 等', () => {
    expect(bearerOf('相关行政主管部门以及新闻媒体、学校、社区等应当开展宣传教育。')?.text).toBe(
      '相关行政主管部门以及新闻媒体、学校、社区等',
    );
    expect(bearerOf('市渔业行政主管部门与生态环境、水务（海洋）等部门应当按照各自职责及时调查处理。')?.text).toBe(
      '市渔业行政主管部门与生态环境、水务（海洋）等部门',
    );
  });

  it('a verb between two heads ends the subject (no piece of the predicate)', () => {
    expect(bearerOf('交易场所提供者发现场所内经营者有违反本规定行为的，应当依法采取必要处置措施。')?.text).toBe(
      '交易场所提供者',
    );
    expect(bearerOf('情节严重的，由密码管理部门建议有关国家机关、单位依法给予处分。')?.text).toBe('密码管理部门');
    expect(bearerOf('用人单位与职工解除劳动合同时，应当支付未休年休假工资报酬。')?.text).toBe('用人单位');
    expect(bearerOf('网络服务提供者和其他企业事业单位收集、使用公民个人电子信息，应当公开其规则。')?.text).toBe(
      '网络服务提供者和其他企业事业单位',
    );
  });

  it('a relative clause is part of the subject', () => {
    expect(bearerOf('政府设立的公共图书馆应当设置少年儿童阅览区域。')?.text).toBe('政府设立的公共图书馆');
    expect(bearerOf('在单位管理范围内的人员，应当遵守单位的内部治安保卫制度。')?.text).toBe('在单位管理范围内的人员');
    expect(
      bearerOf('关键信息基础设施的运营者采购网络产品和服务，可能影响国家安全的，应当通过国家安全审查。')?.text,
    ).toBe('关键信息基础设施的运营者');
  });

  it('the alias note is not part of the name', () => {
    expect(
      bearerOf(
        '卖场、商场、市场、网络交易平台经营者等交易场所提供者（以下简称交易场所提供者）应当依法配合价格监督管理工作。',
      )?.text,
    ).toBe('卖场、商场、市场、网络交易平台经营者等交易场所提供者');
  });

  it('for encouragement the bearer is the party encouraged', () => {
    expect(bearerOf('国家鼓励企业、社会团体和教育、科研机构等参与商用密码国际标准化活动。')?.text).toBe(
      '企业、社会团体和教育、科研机构等',
    );
    expect(bearerOf('国家支持公共图书馆开展联合采购、联合编目。')?.text).toBe('公共图书馆');
    expect(bearerOf('鼓励自然人、法人和非法人组织通过捐赠等方式参与保护活动。')?.text).toBe('自然人、法人和非法人组织');
  });

  it('a responsibility bracket names the bearer of its unit', () => {
    expect(bearerOf('要加快建设公共信用信息平台（市发展改革委牵头，市财政局参与）。')).toEqual({
      text: '市发展改革委',
      source: 'explicit',
    });
  });

  it('an earlier 由X负责 carries over to the segments after it', () => {
    expect(
      bearerOf('举报奖励由查处举报案件的粮食行政管理部门负责，对符合条件的举报人，按照以下标准给予奖励：')?.text,
    ).toBe('查处举报案件的粮食行政管理部门');
  });

  it('国家 inside a predicate is no bearer', () => {
    const cs = findObligations('任何组织和个人采购网络产品，可能影响国家安全的，应当通过安全审查。');
    expect(cs[0].bearer?.text).toBe('任何组织和个人');
  });
});

describe('bearerKey: one bearer under its full name and its alias', () => {
  const text =
    '第四条 卖场、商场、市场、网络交易平台经营者等交易场所提供者（以下简称交易场所提供者）应当依法配合。\n' +
    '第三条　目录由国家质量监督检验检疫总局（以下简称质检总局）会同国务院有关部门制定。';
  const aliases = buildAliasTable(text);

  it('builds the table from the alias notes of the text', () => {
    expect(aliases.get('卖场、商场、市场、网络交易平台经营者等交易场所提供者')).toBe('交易场所提供者');
    expect(aliases.get('国家质量监督检验检疫总局')).toBe('质检总局');
  });
  it('groups the full name, the alias and the name with its note', () => {
    const keys = ['国家质量监督检验检疫总局', '质检总局', '国家质量监督检验检疫总局（以下简称质检总局）'].map((n) =>
      bearerKey(n, aliases),
    );
    expect(new Set(keys)).toEqual(new Set(['质检总局']));
    expect(bearerKey('卖场、商场、市场、网络交易平台经营者等交易场所提供者', aliases)).toBe(
      bearerKey('交易场所提供者', aliases),
    );
  });
  it('leaves other names as they are, whitespace removed', () => {
    expect(bearerKey(' 用人单位 ', aliases)).toBe('用人单位');
    expect(bearerKey('经营者')).toBe('经营者');
  });
});

describe('bearer: more subjects of laws', () => {
  const bearerOf = (text: string) => findObligations(text)[0]?.bearer?.text ?? null;
  it('鼓励和支持X: both verbs address X', () => {
    expect(bearerOf('国家鼓励和支持企业事业单位、社会组织及个人依法开展公益性服务活动。')).toBe(
      '企业事业单位、社会组织及个人',
    );
  });
  it('a duty verb after the subject (X统筹…, X组织实施…)', () => {
    expect(bearerOf('本规定由中国人民银行组织实施。')).toBe('中国人民银行');
    expect(bearerOf('中小学校、幼儿园应当将家庭教育指导服务纳入工作计划。')).toBe('中小学校、幼儿园');
  });
  it('牵头单位：X names X', () => {
    const f = '（牵头单位：市发展改革委，配合单位：市委组织部）';
    const span = parseResponsibilityNote(
      f.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/，/g, ','),
      0,
      f.length,
    );
    expect(span && f.slice(span[0], span[1])).toBe('市发展改革委');
  });
});

describe('bearer: subjects of plans and laws, whole and without the predicate', () => {
  const bearerOf = (text: string, addressees: string[] = []) =>
    findObligations(text, { addressees })[0]?.bearer ?? null;

  it('an institution named after a verb is a noun (教育行政部门, 教育、民政等有关部门)', () => {
    expect(actor('教育行政部门、妇女联合会应当')).toBe('教育行政部门、妇女联合会');
    expect(actor('教育、民政、卫生健康等有关部门应当')).toBe('教育、民政、卫生健康等有关部门');
    expect(actor('督促企业落实主体责任')).toBeNull();
  });
  it('the departments of a government named by their sectors', () => {
    expect(actor('县级以上人民政府发展改革、财政、税务等有关部门在各自职责范围内')).toBe(
      '县级以上人民政府发展改革、财政、税务等有关部门',
    );
  });
  it('a body named by the duty it carries (…负责…的机构)', () => {
    expect(bearerOf('县级以上人民政府负责食品安全工作的机构，组织、协调有关部门做好食品安全工作。')?.text).toBe(
      '县级以上人民政府负责食品安全工作的机构',
    );
  });
  it('a verb after the subject ends it, even before a 的 inside the object', () => {
    expect(actor('国家推动公共图书馆建立健全法人治理结构')).toBe('国家');
    expect(actor('县级以上人民政府建立覆盖城乡和各行业的信息系统')).toBe('县级以上人民政府');
    expect(actor('国务院公安部门指导、监督全国的单位内部治安保卫工作')).toBe('国务院公安部门');
    expect(actor('投诉人书面推选两名代表人进行投诉')).toBe('投诉人');
    expect(actor('政府设立的公共图书馆应当')).toBe('政府设立的公共图书馆');
  });
  it('a time phrase before the subject is no part of it', () => {
    expect(actor('5年内市、区两级重点引进紧缺人才')).toBe('市、区两级');
    expect(actor('2023年10月底前，各区完成排查')).toBe('各区');
    expect(bearerOf('2023年底前，各区要完成排查。')?.text).toBe('各区');
  });
  it('short names of offices and a place before a department', () => {
    expect(actor('市金融办负责')).toBe('市金融办');
    expect(actor('广告发布者所在地市场监督管理部门处理')).toBe('广告发布者所在地市场监督管理部门');
    expect(actor('举办培训班')).toBeNull();
  });
  it('the party encouraged, without the verb that follows it', () => {
    expect(bearerOf('鼓励投诉人和被投诉人平等协商，自行和解。')?.text).toBe('投诉人和被投诉人');
  });
  it('the actor of a condition comes before an assignment inside it', () => {
    expect(bearerOf('下级市场监督管理部门认为需要由上级部门处理的，可以报请上级市场监督管理部门决定。')?.text).toBe(
      '下级市场监督管理部门',
    );
  });
  it('发现 opens the predicate: the bearer is the subject before it', () => {
    expect(
      bearerOf('公安机关、人民检察院在办理案件过程中，发现监护人侵害未成年人合法权益的，可以责令其接受指导。')?.text,
    ).toBe('公安机关、人民检察院');
  });
  it('a line led by a name and a colon assigns the tasks after it', () => {
    const cs = findObligations(
      '一、张三党组成员、副主任：协助分管财务、人事工作。\n二、李四副主任：负责机关党建工作。',
      {
        addressees: ['各处室'],
      },
    );
    expect(cs.map((c) => c.bearer)).toEqual([
      { text: '张三党组成员、副主任', source: 'inherited' },
      { text: '李四副主任', source: 'inherited' },
    ]);
  });
  it('a note cut at its colons still names the lead unit for its pieces and its paragraph', () => {
    const cs = findObligations(
      '二、重点任务\n（一）着力实施以下人才项目：\n3.人才公寓项目。统筹各类园区资源，筹集建设人才公寓。（牵头单位：市住房保障办，配合单位：市规划局，各区）',
    );
    const pieces = cs.filter((c) => c.text.includes('市规划局') || c.text.includes('人才公寓'));
    expect(pieces.length).toBeGreaterThan(0);
    for (const c of pieces) expect(c.bearer?.text).toBe('市住房保障办');
  });
});

describe('unitBearer: the bearer a unit names when its trigger is not known', () => {
  const of = (s: string) => {
    const f = s.replace(/，/g, ',').replace(/（/g, '(').replace(/）/g, ')');
    const r = unitBearer(f, 0, f.length);
    return r ? f.slice(r[0], r[1]) : null;
  };
  it.each([
    [
      '投诉由被投诉人实际经营地或者住所地县级市场监督管理部门处理。',
      '被投诉人实际经营地或者住所地县级市场监督管理部门',
    ],
    ['对于污染环境的行为，有关组织提起公益诉讼的，市渔业行政主管部门依法给予支持。', '市渔业行政主管部门'],
    ['企业实地核查合格的，可以换发证书。', '企业'],
    ['金融机构及其工作人员负有保守秘密的责任。', '金融机构及其工作人员'],
    ['劳务派遣单位的职工符合本办法规定条件的，享受年休假。', '劳务派遣单位的职工'],
    ['国家市场监督管理总局主管全国投诉举报处理工作。', '国家市场监督管理总局'],
    ['希望受表彰的先进集体，再接再厉。', '受表彰的先进集体'],
    ['要加快建设公共信用信息平台（市发展改革委牵头）。', '市发展改革委'],
  ])('%s → %s', (text, expected) => expect(of(text)).toBe(expected));
  it('a unit naming no one has no bearer', () => {
    expect(of('加强组织领导，落实工作责任。')).toBeNull();
  });
});

describe('bearer: items of a duty list and wishes', () => {
  it('an item taking its duty from the intro still names its own subject', () => {
    const cs = findObligations(
      '二、主要任务\n（一）着力实施人才项目：\n1.人才培养项目。5年内市、区两级重点引进和培养1万名紧缺人才。',
      {
        addressees: ['各区人民政府'],
      },
    );
    const item = cs.find((c) => c.text.includes('重点引进'));
    expect(item?.bearer).toEqual({ text: '市、区两级', source: 'explicit' });
  });
  it('the party a wish addresses may fill its segment (希望X，再接再厉)', () => {
    expect(findObligations('希望受表彰的先进集体和先进个人，戒骄戒躁，再接再厉。')[0]?.bearer?.text).toBe(
      '受表彰的先进集体和先进个人',
    );
  });
  it('a piece of a responsibility bracket cut at its colons names no subject of its own', () => {
    const f = '(牵头单位:市教育局,配合单位:市财政局,各区)';
    expect(unitBearer(f, f.indexOf('市财政局'), f.length)).toBeNull();
  });
  it('a lead label names the first unit of its list, whatever its shape (市科协, 责任单位：X、Y)', () => {
    const lead = (text: string) => findObligations(text, { addressees: ['各区人民政府'] }).at(-1)?.bearer;
    expect(
      lead('（二）加强人才。5年内重点引进100名人才。（牵头单位：市科协，配合单位：市发展改革委、市国资委）'),
    ).toEqual({
      text: '市科协',
      source: 'explicit',
    });
    const f = '(责任单位:市绿化市容局、市财政局、各区政府)';
    expect(unitBearer(f, 0, f.length)).toEqual([f.indexOf('市绿化'), f.indexOf('、')]);
    // the clause may stop right before the closing bracket
    expect(unitBearer(f, 0, f.length - 1)).toEqual([f.indexOf('市绿化'), f.indexOf('、')]);
  });
  it('X之间 acts as X; a time lead (包修期内) is no part of the subject', () => {
    const bearerOf = (text: string) => findObligations(text)[0]?.bearer?.text ?? null;
    expect(bearerOf('家用汽车产品经营者之间可以订立合同约定三包责任的承担。')).toBe('家用汽车产品经营者');
    expect(bearerOf('包修期内修理者用于修理的零部件应当是合格零部件，并且其质量不得低于原车零部件质量。')).toBe(
      '修理者',
    );
  });
  it('a name opening the sentence and followed by any verb is the subject of its later segments', () => {
    const [c] = findObligations('国家构建标准统一的公共图书馆数字服务网络，支持数字阅读产品开发。');
    expect(c?.bearer).toEqual({ text: '国家', source: 'explicit' });
    // …but not a name that only modifies (公园的管理单位), nor the actor of a condition that ends in 的
    expect(findObligations('公园的管理单位，应当加强巡查。')[0]?.bearer?.text).not.toBe('公园');
  });
});

describe('bearer by structure: subjects outside the name list', () => {
  const unit = (s: string) => {
    const r = unitBearer(s, 0, s.length);
    return r ? s.slice(r[0], r[1]) : null;
  };
  const first = (s: string) => findObligations(s)[0]?.bearer?.text ?? null;
  it.each([
    ['支持博物馆打造沉浸式展陈场景。', '博物馆'],
    ['鼓励书店采取联名开发、委托经营等方式培育文创产品。', '书店'],
    ['对于优秀青年教师3年内享受专项津贴。', '优秀青年教师'],
    ['第十二条 本规定所规定的罚款，由县级以上地方商务主管部门依法实施。', '县级以上地方商务主管部门'],
  ])('%s → %s', (text, expected) => expect(first(text)).toBe(expected));
  it.each([
    ['对新引进的博士后研究人员，给予一次性生活补贴。', '新引进的博士后研究人员'],
    ['青年技能人才，上岗后给予一次性奖励。', '青年技能人才'],
    ['对新设立的工作站，由区财政给予一次性资助。', '区财政'],
    ['对入选团队给予启动资金，由团队所在区（县级市）提供配套服务。', '团队所在区(县级市)'],
    ['第十条 举报由被举报行为发生地的县级以上商务主管部门处理。', '被举报行为发生地的县级以上商务主管部门'],
  ])('%s → %s', (text, expected) => expect(unit(text.replace(/（/g, '(').replace(/）/g, ')'))).toBe(expected));
  it('a thing or a name with a noun after it is no subject', () => {
    expect(first('一般检查事项针对一般监管领域，抽查比例应根据实际情况设置上限。')).toBeNull();
    expect(findObligations('执法检查人员名录库应包括所有执法人员。')[0]?.bearer?.source).not.toBe('explicit');
  });
});

describe('bearer by structure: an agent noun before a condition', () => {
  it('第N条 保修期内维修者收到…的，应当… → 维修者', () => {
    const [c] = findObligations(
      '第十八条 保修期内维修者收到用户提出的返修要求的，应当自收到之日起5个工作日内作出答复。',
    );
    expect(c?.bearer?.text).toBe('维修者');
  });
});

describe('bearers of 分工 brackets and compound subjects', () => {
  const notice = (body: string) =>
    findObligations(`深化改革分工方案\n一、推进简政放权\n${body}`, { addressees: ['各街道办事处'] });
  it('each piece of a bracket cut at its ； names its own unit', () => {
    const cs = notice('3.规范行政备案事项管理。（牵头单位：区政府办公室；责任单位：区司法局等有关部门）');
    expect(cs.filter((c) => c.text.includes('单位')).map((c) => c.bearer?.text)).toEqual([
      '区政府办公室',
      '区司法局等有关部门',
    ]);
  });
  it('a verb compounded with a head right before the modal is the subject', () => {
    const cs = findObligations(
      '关于开展推广工作的通知\n现将有关事项通知如下：\n推广企业要认真总结推广情况。\n（一）推广车辆要达到标准。',
    );
    expect(cs.map((c) => c.bearer?.text)).toEqual(['推广企业', '推广车辆']);
  });
  it('an agency whose name holds a verb (发展改革委) stays in the list', () => {
    const cs = findObligations(
      '关于开展推广工作的通知\n现将有关事项通知如下：\n一、推广企业要认真总结推广情况。财政部、发展改革委、工业和信息化部将组织专项核查。',
    );
    expect(cs.find((c) => c.text.startsWith('财政部'))?.bearer?.text).toBe('财政部、发展改革委、工业和信息化部');
  });
  it('X组织有关部门… : 组织 before 有关 is the verb', () => {
    const cs = findObligations(
      '（三）全面整治阶段（7月16日至8月31日）。各行署、市、县政府组织有关部门对检查出的重点环境问题进行集中整治。',
    );
    expect(cs.find((c) => c.text.startsWith('各行署'))?.bearer?.text).toBe('各行署、市、县政府');
  });
});
