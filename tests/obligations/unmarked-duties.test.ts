/**
 * Directives written without a modal word, and the categories 公文 give them by convention (docs/labelling.md):
 * duties in regulations, entitlements, holiday arrangements, responsibility notes, sanctions that come with a duty.
 */
import { describe, expect, it } from 'vitest';
import { findObligations } from '../../lib/obligations/index';

const find = (text: string) => findObligations(text, { addressees: [] });
const cats = (text: string) => find(text).map((c) => c.categories);

describe('duties without a modal in regulations', () => {
  it('国家 + duty verb in an article is a hard obligation of 国家', () => {
    const [c] = find('第十三条　国家建立覆盖城乡、便捷实用的公共图书馆服务网络。\n第十四条　公共图书馆应当免费开放。');
    expect([c.category, c.strength, c.bearer?.text]).toEqual(['obligation', 'hard', '国家']);
  });
  it('X对Y实行…管理 is an obligation', () => {
    expect(cats('第六条　国家对密码实行分类管理。\n第七条　核心密码应当保密。')[0]).toEqual(['obligation']);
  });
  it('依照…执行 and 按照…折算 are binding rules of procedure', () => {
    expect(cats('第十七条　机关、事业单位的职工，依照本办法执行。\n第十八条　本办法自发布之日起施行。')).toEqual([
      ['obligation'],
    ]);
  });
  it('a rule of precedence between texts is no duty', () => {
    expect(find('本区的有关规定与本通告不一致的，依照本通告执行。')).toEqual([]);
  });
  it('由X妥善处理 assigns the task to X', () => {
    expect(cats('第十条　已经死亡的中华鲟，由渔业行政主管部门妥善处理。\n第十一条　任何单位不得收购。')[0]).toEqual([
      'obligation',
    ]);
  });
});

describe('list intros without a modal', () => {
  it('有下列情形之一的，终止调解： is a duty, and its items inherit it', () => {
    const cs = find('第二十一条　有下列情形之一的，终止调解：\n（一）投诉人撤回投诉的；\n（二）双方自行和解的。');
    expect(cs.map((c) => [c.category, c.strength])).toEqual([
      ['obligation', 'hard'],
      ['obligation', 'hard'],
      ['obligation', 'hard'],
    ]);
  });
  it('有下列情形之一的，不属于…行为： defines, it directs no one', () => {
    expect(find('第二十一条　有下列情形之一的，不属于价格欺诈行为：')).toEqual([]);
  });
  it('X的要求是： and …发放规则： list duties', () => {
    expect(cats('第七条　单位内部治安保卫工作的要求是：\n（一）有治安保卫制度；')).toEqual([
      ['obligation'],
      ['obligation'],
    ]);
    expect(cats('第六条　举报奖励发放规则：\n（一）奖励最先举报人；')).toEqual([['obligation'], ['obligation']]);
  });
});

describe('decisions that lay down rules', () => {
  const decision = (body: string) => `全国人民代表大会常务委员会关于加强网络信息保护的决定\n${body}`;
  it('a numbered point of a 决定 states a duty without a modal (一、国家保护…)', () => {
    expect(cats(decision('一、国家保护能够识别公民个人身份的电子信息。'))).toEqual([['obligation']]);
  });
  it('a decision that rewards reports, it lays down nothing', () => {
    expect(find('关于表彰先进集体的决定\n一、国家保护能够识别公民个人身份的电子信息。')).toEqual([]);
  });
});

describe('a 通报 asking its readers', () => {
  it('…，望有关单位查清原因 is a duty of those units', () => {
    const [c] = find('对没有到会的单位给予通报批评，望有关单位查清原因。').filter((x) => x.trigger === '望');
    expect([c.category, c.bearer?.text]).toEqual(['obligation', '有关单位']);
  });
  it('望 inside a word is nothing (展望未来, 希望)', () => {
    expect(find('展望未来，前景光明。')).toEqual([]);
  });
});

describe('timetable lines', () => {
  it('a date bound before the task makes it a duty (10月15日前，形成…报告)', () => {
    expect(cats('四、进度安排\n10月15日前，形成城市体检正式报告，报送市住房城乡建设管理委。')).toEqual([
      ['obligation'],
    ]);
  });
  it('完成时限： and 第一阶段（…）： open timetable entries', () => {
    expect(cats('三、工作安排\n3、完成时限：2019年4月20日前。')[0]).toEqual(['obligation']);
    expect(cats('第一阶段（3月—5月）：各单位开展自查。')[0]).toEqual(['obligation']);
  });
  it('a fact dated by the bound directs no one', () => {
    expect(find('2019年3月前，全市已有企业200家。')).toEqual([]);
  });
});

describe('entitlements and refusals', () => {
  it('享受 without a modal is a permission, 不享受 a rule excluding it', () => {
    expect(cats('第三条　职工连续工作满12个月以上的，享受带薪年休假。')).toEqual([['permission']]);
    expect(cats('第七条　职工享受寒暑假天数多于其年休假天数的，不享受当年的年休假。')).toEqual([['obligation']]);
  });
  it('有下列情形之一的，不予奖励 is a prohibition, 依法不予处罚 an exemption', () => {
    expect(cats('有下列情形之一的，不予奖励：')).toEqual([['prohibition']]);
    expect(cats('违法行为轻微并及时改正，没有造成危害后果的，依法不予处罚。')).toEqual([['permission']]);
  });
  it('可 and 有权 before a relative clause are no permission', () => {
    expect(cats('要做好总结宣传工作，提供各类学校可借鉴的典型经验。')).toEqual([['obligation']]);
    expect(cats('不属于本部门职责的，应当通知有权处理的部门。')).toEqual([['obligation']]);
  });
});

describe('holiday arrangements', () => {
  it('放假 is a permission and a working weekend an obligation', () => {
    expect(cats('一、元旦：1月1日至3日放假调休，共3天。1月5日（星期六）上班。')).toEqual([
      ['permission'],
      ['obligation'],
    ]);
  });
  it('days that are not holidays, and the announcing sentence, are not highlighted', () => {
    expect(find('教师节、护士节等其他节日、纪念日，均不放假。')).toEqual([]);
    expect(find('经国务院批准，现将2019年元旦、春节放假调休日期的具体安排通知如下。')).toEqual([]);
  });
});

describe('task plans', () => {
  it('a responsibility note on its own line is the lead unit’s obligation', () => {
    const cs = find('一、重点任务\n（一）加强人才引进。\n（牵头单位：市委组织部，配合单位：市财政局、各区）');
    const note = cs.find((c) => c.text.startsWith('（牵头单位'));
    expect(note?.category).toBe('obligation');
    expect(note?.bearer?.text).toBe('市委组织部');
  });
  it('encouragement verbs under a modal are what the duty asks for', () => {
    expect(cats('各地要积极引导鼓励学生返乡创业。')).toEqual([['obligation']]);
  });
});

describe('sanctions', () => {
  it('打击 keeps the duty and adds accountability', () => {
    expect(cats('主管部门应当加强执法合作，依法及时打击危害中华鲟保护的违法犯罪行为。')[0]).toEqual([
      'obligation',
      'accountability',
    ]);
  });
  it('依法承担民事责任 is accountability, not a duty', () => {
    expect(cats('第五十三条　损坏公共图书馆的文献信息，造成财产损失的，依法承担民事责任。')).toEqual([
      ['accountability'],
    ]);
  });
  it('an office name (监督检查处) is no sanction', () => {
    expect(cats('分管电子信息处、无线电监督检查处。')).toEqual([['obligation']]);
  });
});

describe('a task bounded by a date, without a modal', () => {
  it('X于每月15日前向Y报送… is a duty of X with its recurring bound', () => {
    const [c] = find(
      '二、月报时间\n各二级党委办公室于每月15日前向校组织人事部报送一次当月的情况，学校于每月20日前向省市相关部门报送。',
    );
    expect([c?.category, c?.bearer?.text, c?.deadlines?.map((d) => d.text)]).toEqual([
      'obligation',
      '各二级党委办公室',
      ['每月15日前', '每月20日前'],
    ]);
  });
  it('a report already made or a condition is no duty', () => {
    expect(
      find('该单位已于3月5日前报送材料，未于3月5日前报送的单位有两个。').filter((c) => c.trigger === '于'),
    ).toEqual([]);
  });
  it('an intro that only announces requirements is not itself a clause; its items are', () => {
    const cs = findObligations('关于换届督查的通知\n各基层党委：\n具体要求如下：\n1.扎实推进基层党组织换届工作。', {
      addressees: ['各基层党委'],
    });
    expect(cs.map((c) => c.text)).toEqual(['扎实推进基层党组织换届工作。']);
  });
});

describe('bounds printed with a weekday, a time of day or a period', () => {
  const notice = (line: string) =>
    findObligations(`关于开展专项检查的通知\n各党支部：\n现将有关事项通知如下：\n${line}`, {
      addressees: ['各党支部'],
    });
  it.each([
    ['各支部书记于每周五下午5点前报送周报。', '每周五下午5点前'],
    ['相关材料9月3日（周一）下班前报送至组织部。', '9月3日（周一）下班前'],
    ['时间安排：2021年9月—10月。', '2021年9月—10月'],
    ['9月份，组织开展专项检查。', '9月份'],
    ['7—9月，开展集中整治。', '7—9月'],
  ])('%s is a duty bounded by %s', (line, bound) => {
    const [c] = notice(line);
    expect([c?.category, c?.deadlines?.map((d) => d.text)]).toEqual(['obligation', [bound]]);
  });
  it('a report made, a time word or an earlier act is no bounded duty', () => {
    for (const line of ['各单位已于5月10日前报送。', '目前报送工作进展顺利。', '此前报送的材料作废。'])
      expect(notice(line), line).toEqual([]);
  });
});

describe('consequences stated as a basis of evaluation', () => {
  it('作为…考核的重要依据 is accountability', () => {
    const cs = findObligations(
      '关于开展主题党日活动的通知\n各党支部：\n现将有关事项通知如下：\n党支部将把参加主题党日活动情况作为党员积分排位管理考核的重要依据。',
      { addressees: ['各党支部'] },
    );
    expect(cs[0]?.categories).toContain('accountability');
  });
  it('作为 without an evaluation after it is no consequence', () => {
    const cs = findObligations('关于开展主题党日活动的通知\n各党支部要把学习作为重要内容。', { addressees: [] });
    expect(cs[0]?.categories).toEqual(['obligation']);
  });
});

describe('a bounded task names what is done by the bound', () => {
  const notice = (line: string) =>
    findObligations(`关于开展专项检查的通知\n各党支部：\n现将有关事项通知如下：\n${line}`, {
      addressees: ['各党支部'],
    });
  it.each([
    ['对排查出的问题，于6月底前整改到位。', '6月底前'],
    ['各单位于5月20日前在系统中录入数据。', '5月20日前'],
  ])('%s', (line, bound) => {
    const [c] = notice(line);
    expect([c?.category, c?.deadlines?.map((d) => d.text)]).toEqual(['obligation', [bound]]);
  });
  it('a past act or a condition with such a bound directs no one', () => {
    for (const line of ['该项目于2019年6月底前已经启动。', '会议于3月5日前召开的，不再另行通知。'])
      expect(notice(line), line).toEqual([]);
  });
});

describe("a plan's office named with its task", () => {
  const page = [
    '四、时间安排',
    '（一）动员部署阶段（5月）',
    '各县（市、区）领导小组结合实际情况，确定本地区整治重点，制定具体实施方案。',
    '（二）督查阶段（8月-11月）',
    '市领导小组组成若干个小组分别对各县（市、区）工作开展督查。',
    '市领导小组将对各县（市、区）进行考核。',
  ].join('\n');
  it('is a duty of that office on a page of the plan that has lost its title', () => {
    const cs = findObligations(page);
    for (const words of ['确定本地区整治重点', '开展督查', '进行考核']) {
      const c = cs.find((x) => x.text.includes(words));
      expect([words, c?.category, c?.strength]).toEqual([words, 'obligation', 'soft']);
    }
    expect(cs.find((x) => x.text.includes('进行考核'))?.bearer?.text).toBe('市领导小组');
  });
  it('is no duty outside a plan, nor a fact about a place', () => {
    expect(findObligations('市领导小组将对各县（市、区）进行考核。')).toEqual([]);
    const plan = findObligations(`${page}\n全市经济总量将达到一万亿元。`);
    expect(plan.some((c) => c.text.includes('经济总量'))).toBe(false);
  });
});
