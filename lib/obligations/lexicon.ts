/**
 * The trigger lexicon: every word that can make a clause an obligation, prohibition, permission,
 * encouragement or accountability statement, with the contexts in which it does not.
 *
 * One table, read by `match-triggers.ts`, which compiles it into a first-character index and
 * scans the width-folded text once. Single characters are unreliable in notices (要 is 要求/需要/
 * 重要 more often than a modal, 可 is 许可 more often than 可以; docs/obligations.md §3), so each
 * entry carries its own exclusion compounds (`masks`): strings that contain the trigger and, when
 * they cover an occurrence, mean it is not this trigger. A mask can reach before the trigger (相应
 * masks 应) or after it (要求 masks 要), so masks serve as lookbehind and lookahead at once.
 *
 * Strings are written as printed (full-width punctuation allowed); they are folded with
 * `foldWidth` when compiled, like the text they are matched against.
 */
import type { ObligationCategory, Strength } from '../types';

export type EntryRole =
  /** A deontic trigger: decides a category. */
  | 'trigger'
  /** Non-deontic reading (可以说, 必须指出, 可能): swallows the trigger inside it, lowers the score of a trigger next to it. */
  | 'epistemic'
  /**
   * Marks a directive ending in ： as announcing items (下列, 以下, 如下, 即：): items printed on the same
   * line after the ： inherit its modality (items on later lines are recognised by their layout).
   */
  | 'list-intro';

export interface LexiconEntry {
  word: string;
  role: EntryRole;
  /** Category for role 'trigger'; null for markers. */
  category: ObligationCategory | null;
  /** hard: legal-force wording (应当, 不得, 可以, penalties); soft: hortatory (要, 切实, 鼓励). */
  strength: Strength;
  /** Compounds containing `word` that are a different word (要求, 重要 for 要; 许可 for 可). */
  masks?: readonly string[];
  /** The next character must be able to start a verb phrase (坚决打赢, not 是否坚决，; 严格落实, not 严格的). */
  needsVerbAfter?: boolean;
  /** One of these must follow within `within` characters in the same clause (追究…责任, 给予…处分). */
  requireAfter?: { any: readonly string[]; within: number };
  /** The previous character must be a clause boundary or one of these characters (请, 得). */
  afterBoundary?: string;
  /** An actor must follow: 要求各地区… is a directive, 按照…要求 is a noun. */
  requireActorAfter?: boolean;
  /**
   * Bare imperative verb (加强, 健全, 推动…): a trigger only at the start of an imperative heading or of
   * a sentence inside a directive section, where Chinese policy text drops both subject and modal.
   */
  clauseStart?: boolean;
  /** 不 counts only inside an abstention series (不聚会、不聚餐; 不信谣不传谣). */
  series?: boolean;
  note?: string;
}

type Opts = Omit<LexiconEntry, 'word' | 'role' | 'category' | 'strength'>;

const ob = (word: string, strength: Strength, o: Opts = {}): LexiconEntry => ({ word, role: 'trigger', category: 'obligation', strength, ...o });
const pr = (word: string, strength: Strength, o: Opts = {}): LexiconEntry => ({ word, role: 'trigger', category: 'prohibition', strength, ...o });
const pe = (word: string, strength: Strength, o: Opts = {}): LexiconEntry => ({ word, role: 'trigger', category: 'permission', strength, ...o });
const en = (word: string, o: Opts = {}): LexiconEntry => ({ word, role: 'trigger', category: 'encouragement', strength: 'soft', ...o });
const ac = (word: string, strength: Strength, o: Opts = {}): LexiconEntry => ({ word, role: 'trigger', category: 'accountability', strength, ...o });
const im = (word: string, o: Opts = {}): LexiconEntry => ({ word, role: 'trigger', category: 'obligation', strength: 'soft', clauseStart: true, ...o });
const ep = (word: string, note?: string): LexiconEntry => ({ word, role: 'epistemic', category: null, strength: 'soft', note });
const li = (word: string, note?: string): LexiconEntry => ({ word, role: 'list-intro', category: null, strength: 'soft', note });

/** Words built on 要 that are not the modal (sample: 217 of 363 hits of 要 were these). */
const YAO_MASKS = [
  '要求', '需要', '重要', '主要', '必要', '只要', '将要', '快要', '想要', '要素', '要点', '纲要', '摘要', '提要',
  '要害', '要件', '首要', '紧要', '要务', '扼要', '概要', '简要', '要闻', '要是', '要么', '险要',
  '显要', '机要', '次要', '政要', '要事', '不要', '党要管党',
  '切要', 
];

/** Words built on 应 that are not the modal: 适应, 相应, 应用, 供应, 应急… (sample: 241 of 357 hits were 应当). */
const YING_MASKS = [
  '适应', '相应', '应用', '供应', '应急', '响应', '反应', '对应', '应届', '应聘', '应征', '应邀', '应酬', '效应',
  '感应', '回应', '应答', '答应', '呼应', '照应', '应诉', '应战', '应变', '应援', '顺应', '因应', '内应', '应景',
  '应考', '应试', '应验', '应允', '应运', '报应', '应收', '应付', '应税', '应纳税额', '应纳税所得', '应知应会', '应有的',
  '应有之义', '应有贡献', '应有作用', '应尽的', '应尽之责', '应尽义务', '应尽职责', '应接不暇', '得心应手', '应时',
  '应季', '应声', '应当', '应该', '不应', '应对疫情', '应对风险', '应对挑战', '应对突发', '应对危机', '应对冲击',
  '应对气候', '应对处置', '应对工作', '应对能力', '应对措施', '应对机制', '应对方案', '应对策略', '舆情应对', '应对。',
  '应对，', '应对、', '应对和', '应对各种', '积极应对', '有效应对', '科学应对', '妥善应对', '从容应对', '沉着应对',
  '应对好', '应对新', '应对国际', '应对外部', '当年应缴', '应缴教育', '应缴税款', '应缴费用', '应缴金额', '应缴未缴', '应是', '应保尽保', '应检尽检', '应收尽收', '应治尽治', '应隔尽隔',
  '应种尽种', '应县', '应纳尽纳', '应享尽享', '应退尽退', '应补尽补', '应减尽减', '应免尽免', '应公开尽公开', '相适应',
];

/** Words built on 可 that are not permission: 许可 alone is 237 of 385 hits in the sample. */
const KE_MASKS = [
  '许可', '可能', '可以', '可行', '可靠', '可持续', '可控', '可见', '可喜', '可贵', '认可', '可视', '可追溯', '可查询',
  '可转换', '可复制', '可推广', '可及性', '可得性', '可观', '不可', '可爱', '可怕', '可惜', '宁可', '即可', '无可',
  '可谓', '可否', '可比', '可信', '可疑', '可口', '可乐', '可是', '可燃', '可再生', '可操作', '可量化', '可考核',
  '可达', '尚可', '可供', '可圈可点', '可歌可泣', '可想而知', '可逆', '可替代', '可溯', '可负担', '可感知', '方可',
  '可计量', '可核查', '可检验', '可评估', '可监测', '可预期', '可信赖', '可携带', '可抵扣', '可分配', '可支配',
  '可交易', '可迁移', '可扩展', '可访问', '可识别', '可读性', '可执行', '可审计', '可问责', '可循环', '可降解', '可回收',
  '两可', '皆可', '均可成', '不可抗力', '可乘之机', '可视化', '可研', '可怜', '可笑', '可恶', '可口', '可观测', 
];

/** 不 compounds that are not an abstention (不断, 不再…) or belong to another entry (不得, 不要…). */
const BU_MASKS = [
  '不断', '不再', '不少', '不仅', '不论', '不足', '不够', '不良', '不忘', '不敢', '不畏', '不留', '不变', '不同', '不得',
  '不能', '不要', '不必', '不宜', '不予', '不合格', '不符合', '不具备', '不当', '不力', '不到位', '不作为', '不配合',
  '不服从', '不胜任', '不正当', '不可', '不含', '不设', '不超过', '不低于', '不高于', '不少于', '不多于', '不大', '不小',
  '不确定', '不平衡', '不充分', '不止', '不但', '不管', '不光', '不然', '不过', '不禁', '不免', '不妨', '不住', '不已',
  '不时', '不日', '不久', '不了', '不一', '不如', '不及', '不利', '不便', '不满', '不安', '不法', '不公', '不实',
  '不明', '不规范', '不严', '不细', '不深', '不畅', '不均', '不强', '不高', '不稳', '不懈', '不渝', '不移', '不息',
  '不获', '不准', '不许', '不应', '不需', '不允许', '不予', '不得不', '不会', '不是', '不在', '不用', '不能够', '不愿',
  '不惜', '不至于', '不致', '不对', '不好', '不易', '不难', '不一定', '不可能', '不存在', '不属于', '不包括', '不适用',
  '不影响', '不涉及', '不计入', '不征', '不收取', '不受', '不被', '不再', '不清', '不全', '不准确', '不完整', '不及时',
  '不正确', '不如实', '不按', '不依法', '不履行', '不执行', '不落实', '不作', '不担当', '不负责', '不到', '不仅仅',
  '不知', '不顾', '不计其数', '不胜枚举', '不言而喻', '不可或缺', '不容', '不容忽视', '不折不扣', '不遗余力', '不负',
  '层出不穷', '坚定不移', '毫不', '决不', '绝不', '从不', '并不', '也不', '还不', '都不', '尚不', '仍不', '而不',
  '不够到位', '不到岗', '不断增强', '不作为', '慢作为', '不担责', '不作为、', '不信任', '不正之风', '不良影响', '不明原因',
  '不漏', '不留死角', '不漏一人', '不见', '不畏艰险', '不讲条件', '不计报酬', '不论艰险', '不怕', '不屈',
];

/**
 * The lexicon. Order inside a category does not matter: the matcher tries longer words first at each
 * position, so 严肃追责问责 wins over 问责 and 不得不 over 不得.
 */
export const LEXICON: readonly LexiconEntry[] = [
  // ───────────── obligation, hard (法言法语) ─────────────
  ob('应当', 'hard', { masks: ['应当看到', '应当说'], note: 'the statutory modal; 应当看到 is meta' }),
  ob('应该', 'hard', { masks: ['应该是', '应该看到', '应该说'] }),
  ob('应', 'hard', { masks: YING_MASKS, needsVerbAfter: true, note: 'only as a modal: 适应/相应/应急… masked' }),
  ob('应予', 'hard', { note: '应予公开, 应予撤销: a duty to act' }),
  ob('必须', 'hard', { masks: ['必须指出', '必须看到', '必须承认', '必须清醒'] }),
  ob('须', 'hard', { masks: ['必须', '无须', '毋须', '须知', '须臾', '胡须', '触须', '须发', '必须的'], needsVerbAfter: true }),
  ob('不得不', 'hard', { note: 'double negation: must' }),
  ob('有义务', 'hard'),
  ob('负有', 'hard', { requireAfter: { any: ['责任', '职责', '义务'], within: 14 } }),
  ob('负责', 'hard', {
    masks: ['负责人', '负责同志', '负责制', '负责解释', '负责任', '负责的', '主要负责同志', '不负责', '负责人员'],
    note: 'assignment of a task (质检总局负责…); 本办法由…负责解释 is boilerplate',
  }),
  ob('承担', 'hard', { requireAfter: { any: ['责任', '职责', '义务', '任务', '工作'], within: 12 }, masks: ['承担的'], note: '承担主体责任' }),

  // ───────────── obligation, soft (党言党语) ─────────────
  ob('要', 'soft', { masks: YAO_MASKS, note: 'the workhorse of party directives; masked compounds first' }),
  ob('一定要', 'soft'),
  ob('一律', 'hard', { needsVerbAfter: true, masks: ['一律平等', '一律不得'], note: '通告 wording: 所有大型活动一律取消' }),
  ob('要求', 'soft', {
    requireActorAfter: true,
    masks: ['不要求'],
    note: 'verb only when an actor follows (要求各地区…); 按照…要求 is a noun',
  }),
  ob('务必', 'soft'),
  ob('切实', 'soft', { needsVerbAfter: true, masks: ['切实可行', '切实有效的'] }),
  ob('坚决', 'soft', { needsVerbAfter: true, masks: ['坚决的', '更坚决'], note: '坚决+V; 是否坚决 is not a directive' }),
  ob('确保', 'soft', { masks: ['确保了'] }),
  ob('做到', 'soft', { masks: ['做到了', '能否做到', '能做到'] }),
  ob('带头', 'soft', { masks: ['带头作用', '带头人', '带头示范作用', '带头表率作用', '领头带头'], needsVerbAfter: true }),
  ob('严格', 'soft', { needsVerbAfter: true, masks: ['严格意义', '严格的', '严格性', '严格程度'] }),
  ob('认真', 'soft', { needsVerbAfter: true, masks: ['认真的', '认真性'] }),
  ob('抓好', 'soft'),
  ob('狠抓', 'soft'),
  ob('抓紧', 'soft', { masks: ['抓紧时间'] }),
  ob('抓实', 'soft'),
  ob('落实', 'soft', {
    needsVerbAfter: true,
    masks: [
      '落实情况', '落实到位', '落实不力', '落实不够', '落实还', '落实不', '落实了', '落实的', '落实中', '落实上', '落实工作',
      '落实机制', '的落实', '落实到', '落实率', '落实为', '落实与', '落实和', '得到落实', '抓落实', '落实落细', '落实难',
      '落实见效', '落实时', '落实后', '落实前', '落实举措', '落实成效', '落实效果', '落实方面', '落实要求',
    ],
    note: 'only with an object (落实联防联控措施); 落实情况/落实不力 are nouns',
  }),
  ob('贯彻执行', 'soft'),
  ob('请', 'soft', {
    afterBoundary: '并另再即也还均',
    masks: ['请示', '请求', '请假', '请柬', '请教', '请愿', '请战', '请缨', '请功', '请客', '请进', '请来'],
    note: '请各地于…前报送: directive to the addressee; 申请/请示 are not',
  }),
  ob('严防', 'soft', { note: '严防发生聚集性疫情: a duty to prevent' }),
  ob('严把', 'soft'),
  ob('压实', 'soft'),
  ob('着力', 'soft', { needsVerbAfter: true, masks: ['着力点', '着力于'] }),

  // ───────────── prohibition ─────────────
  pr('不得', 'hard', { masks: ['不得不', '不得了', '巴不得', '怪不得', '舍不得', '恨不得', '免不得', '少不得', '由不得', '说不得', '顾不得', '不得已'] }),
  pr('一律不得', 'hard'),
  pr('原则上不得', 'hard', { note: 'hedged, still a prohibition; the trigger text shows the hedge' }),
  pr('严禁', 'hard'),
  pr('禁止', 'hard', { masks: ['禁止性', '禁止的', '禁止类', '明令禁止', '和禁止', '或者禁止', '或禁止', '国家禁止', '禁止或者限制', '禁止或限制', '禁止生产产品目录'], note: '淘汰或者禁止生产产品目录: a modifier, not a ban' }),
  pr('严格禁止', 'hard'),
  pr('不准', 'hard', { masks: ['不准确'] }),
  pr('不许', 'hard'),
  pr('不应', 'hard', { masks: ['不应是', '不应该是'] }),
  pr('不应当', 'hard'),
  pr('不应该', 'hard'),
  pr('不可', 'hard', { masks: ['不可取', '不可少', '不可分', '不可抗力', '不可或缺', '不可能', '不可替代', '不可分割', '不可逆', '不可避免', '不可估量', '不可多得', '不可同日', '不可移动', '不可再生', '不可忽视', '不可小觑', '必不可少', '密不可分', '刻不容缓'], needsVerbAfter: true }),
  pr('决不允许', 'soft'),
  pr('绝不允许', 'soft'),
  pr('不允许', 'hard'),
  pr('决不能', 'soft'),
  pr('绝不能', 'soft'),
  pr('不能', 'soft', { masks: ['能不能', '不能不', '不能够', '不能满足', '不能适应', '不能胜任', '不能履行', '不能按期', '不能及时', '不能正常', '不能提供', '不能证明', '不能说明', '不能排除', '不能确定', '不能完成', '不能实现'], note: 'soft prohibition; 能不能 is a question' }),
  pr('不要', 'soft', { masks: ['不要求', '不要紧'], note: 'a soft directive not to act, not a negated obligation' }),
  pr('杜绝', 'soft', { masks: ['杜绝了'] }),
  pr('切勿', 'soft'),
  pr('切忌', 'soft'),
  pr('力戒', 'soft'),
  pr('决不', 'soft', { needsVerbAfter: true, masks: ['决不允许', '决不能', '决不收兵'] }),
  pr('绝不', 'soft', { needsVerbAfter: true, masks: ['绝不允许', '绝不能'] }),
  pr('不', 'soft', { series: true, masks: BU_MASKS, note: 'abstention series only: 带头不聚会、不聚餐; 不信谣不传谣' }),

  // ───────────── permission ─────────────
  pe('可以', 'hard', { masks: ['可以说', '可以看出', '可以预见', '可以想象', '可以肯定', '可以认为', '可以看到', '可以理解'] }),
  pe('可', 'hard', { masks: KE_MASKS, needsVerbAfter: true, note: 'single 可 needs a verb after; 许可 is the licence noun' }),
  pe('方可', 'hard', { note: 'conditional permission: …后，方可销售' }),
  pe('有权', 'hard', { masks: ['有权威', '有权限'] }),
  pe('有', 'hard', {
    requireAfter: { any: ['的权利', '的权力'], within: 24 },
    masks: ['没有', '所有', '有的', '有关', '有效', '有利', '有力', '有序', '具有'],
    note: '公民有学习和使用…的权利: a right is a permission',
  }),
  pe('得', 'hard', {
    afterBoundary: '人位业关构织者员户府门局组均亦仍并',
    needsVerbAfter: true,
    masks: [
      '得到', '得以', '得益', '得出', '得知', '得当', '得力', '得失', '得分', '得意', '得手', '得逞', '得票', '得奖', '得病',
      '得罪', '得了', '得很', '得好', '得天独厚', '得心应手', '获得', '取得', '赢得', '使得', '值得', '记得', '懂得', '觉得',
      '显得', '难得', '所得', '心得', '博得', '求得', '落得', '晓得', '舍得', '免得', '省得', '非得', '只得', '可得性', '应得',
      '不得', '见得', '来得', '说得', '做得', '干得', '抓得', '算得', '得更', '得住',
    ],
    note: 'legal 得+V (…得申请复议); almost every other 得 is 取得/获得/V得',
  }),
  pe('准予', 'hard', { masks: ['是否准予', '作出准予', '不准予', '自准予', '准予生产许可决定', '准予许可决定', '准予生产许可所', '准予行政许可决定'], note: '准予延续; 作出准予…决定 is a noun phrase' }),
  pe('允许', 'hard', { masks: ['允许的', '允许范围'] }),
  pe('不必', 'hard', { masks: ['不必要'], note: 'permission not to act; 不必要的 is an adjective' }),
  pe('无须', 'hard'),
  pe('无需', 'hard'),
  pe('不需要', 'hard', { note: 'permission not to act (不需要另行申请)' }),
  pe('免予', 'hard', { masks: ['免予追究'] }),

  // ───────────── encouragement ─────────────
  en('鼓励', { masks: ['表扬和鼓励', '表扬鼓励', '的鼓励', '鼓励性', '鼓励类'] }),
  en('支持', {
    masks: [
      '金融支持', '政策支持', '财政支持', '信贷支持', '技术支持', '资金支持', '智力支持', '人才支持', '的支持', '给予支持',
      '提供支持', '支持力度', '支持作用', '支持政策', '支持体系', '支持工具', '支持下', '支持保障', '支撑', '得到支持',
      '予以支持', '加大支持', '强化支持', '保障支持', '坚决支持', '全力支持', '支持配合', '支持和帮助', '贷款支持', '融资支持', '支持措施', '支持方式', '支持，', '支持。',
    ],
    note: 'verb only: 支持符合条件的企业…; 金融支持 is a noun',
  }),
  en('大力支持'),
  en('提倡'),
  en('倡导', { masks: ['倡导者', '的倡导'] }),
  en('倡议', { masks: ['倡议书', '的倡议', '倡议者'] }),
  en('引导', {
    masks: ['舆论引导', '舆情引导', '引导作用', '的引导', '引导下', '宣传引导', '正确引导', '政策引导', '示范引导', '加强引导', '引导机制', '引导功能', '引导基金', '引导带动'],
    note: '引导金融机构…; 舆论引导 is a noun',
  }),
  en('宜', { masks: ['适宜', '事宜', '便宜', '宜居', '相宜', '因地制宜', '不宜', '时宜', '合宜', '宜人', '机宜', '权宜', '宜昌', '宜宾', '宜春', '宜兴', '宜家', '宜州', '宜阳'] }),
  en('不宜', { note: 'negative encouragement' }),
  en('力争'),
  en('争取', { masks: ['争取到', '争取了'] }),
  en('探索', { masks: ['探索性', '的探索', '探索中', '探索了', '有益探索'] }),
  en('尽量'),
  en('尽可能'),
  en('提倡和鼓励'),
  en('欢迎', { masks: ['欢迎会', '受欢迎', '的欢迎'] }),

  // ───────────── accountability (罚则, 问责) ─────────────
  ac('严肃问责', 'hard'),
  ac('严肃追责问责', 'hard'),
  ac('追责问责', 'hard'),
  ac('问责', 'hard', { masks: ['问责制', '问责机制', '问责办法', '问责条例'] }),
  ac('追责', 'hard', { masks: ['追责免责'] }),
  ac('追究', 'hard', { requireAfter: { any: ['责任', '刑事', '法律'], within: 14 }, masks: ['免予追究'] }),
  ac('给予', 'hard', {
    requireAfter: { any: ['处分', '处罚', '警告', '记过', '记大过', '降级', '撤职', '开除', '罚款', '诫勉', '批评教育', '通报批评'], within: 12 },
    note: '给予…处分; 给予表扬/关心 is not',
  }),
  ac('处分', 'hard', { masks: ['处分权'] }),
  ac('处以', 'hard'),
  ac('处', 'hard', {
    requireAfter: { any: ['罚款', '万元', '千元', '百元', '元以', '倍以', '警告', '拘留'], within: 10 },
    afterBoundary: '，并或',
    note: '处2万元以下罚款; 处理/处置/各处 are not (the required amount rules them out)',
  }),
  ac('罚款', 'hard'),
  ac('没收', 'hard'),
  ac('吊销', 'hard'),
  ac('责令', 'hard', { note: '责令改正/停产停业/限期整改' }),
  ac('依法依规处理', 'hard'),
  ac('依法依规严肃处理', 'hard'),
  ac('依法处理', 'hard'),
  ac('严肃处理', 'hard'),
  ac('从严处理', 'hard'),
  ac('严肃查处', 'hard'),
  ac('依法查处', 'hard'),
  ac('予以查处', 'hard'),
  ac('从严查处', 'hard'),
  ac('依法惩处', 'hard'),
  ac('惩处', 'hard', { masks: ['惩处机制'] }),
  ac('严惩', 'hard'),
  ac('惩戒', 'hard', { masks: ['惩戒机制', '惩戒制度', '惩戒体系'] }),
  ac('通报批评', 'soft'),
  ac('通报曝光', 'soft', { masks: ['通报曝光的'] }),
  ac('公开曝光', 'soft', { masks: ['公开曝光的', '公开曝光了'], note: '此次公开曝光的案例 is a modifier' }),
  ac('约谈', 'soft', { masks: ['约谈制度', '、约谈', '约谈、'], note: '、约谈、 is a noun in a list of systems' }),
  ac('移送', 'hard', { requireAfter: { any: ['司法', '机关', '公安', '纪检', '监察', '检察'], within: 10 } }),
  ac('行政处罚', 'hard', { masks: ['行政处罚程序', '行政处罚法'] }),
  ac('依法处罚', 'hard'),
  ac('处罚', 'hard', { masks: ['处罚结果', '处罚程序', '处罚决定书', '处罚法', '处罚信息'] }),
  ac('撤职', 'hard'),
  ac('免职', 'hard'),
  ac('取消', 'hard', { requireAfter: { any: ['资格'], within: 10 }, note: '取消…资格' }),
  ac('纪律处分', 'hard'),
  ac('党纪处分', 'hard'),
  ac('政务处分', 'hard'),

  // ───────────── bare imperatives (clause start only) ─────────────
  // Policy text drops subject and modal: （一）加强组织领导。; 健全知识产权等质押融资机制…
  im('加强', { masks: ['加强版'] }),
  im('强化'),
  im('完善'),
  im('健全'),
  im('建立'),
  im('建立健全'),
  im('推进'),
  im('推动'),
  im('深化'),
  im('提高'),
  im('提升'),
  im('做好'),
  im('做实'),
  im('做强'),
  im('做优'),
  im('实行'),
  im('实施', { masks: ['实施步骤', '实施范围', '实施主体', '实施日期', '实施细则', '实施意见', '实施方案', '实施办法'] }),
  im('统筹'),
  im('规范', { masks: ['规范性', '规范化'] }),
  im('优化'),
  im('创新'),
  im('坚持'),
  im('发挥'),
  im('充分发挥'),
  im('营造'),
  im('注重'),
  im('突出'),
  im('加大'),
  im('加快'),
  im('构建'),
  im('打造'),
  im('培育'),
  im('拓展'),
  im('拓宽'),
  im('增强'),
  im('防范'),
  im('开展'),
  im('组织', { masks: ['组织机构', '组织体系', '组织架构'] }),
  im('明确'),
  im('畅通'),
  im('丰富'),
  im('深入'),
  im('大力'),
  im('持续'),
  im('进一步'),
  im('全面'),
  im('扎实'),
  im('稳妥'),
  im('稳步'),
  im('有序'),
  im('合理'),
  im('用好'),
  im('巩固'),
  im('扩大'),
  im('推广'),
  im('整治'),
  im('依法打击'),
  im('严厉打击'),
  im('指导', { masks: ['指导思想', '指导原则', '指导意见', '指导目录'] }),
  im('督促'),
  im('关心关爱'),
  im('动员'),
  im('广泛'),
  im('及时'),
  im('迅速'),
  im('主动'),
  im('积极'),
  im('抓住'),
  im('践行'),
  im('激励'),
  im('促进'),
  im('助力'),
  im('保障', { masks: ['保障措施', '保障机制', '保障体系'] }),
  im('夯实'),
  im('压减'),
  im('树立'),
  im('牢固树立'),
  im('维护'),
  im('保持'),
  im('改进'),
  im('改善'),
  im('严守'),
  im('把握'),
  im('把好'),
  im('守住'),
  im('筑牢'),
  im('建设', { masks: ['建设目标', '建设内容', '建设原则', '建设任务'] }),
  im('发展', { masks: ['发展目标', '发展现状', '发展方向', '发展历程'] }),
  im('实现', { masks: ['实现路径'] }),
  im('开发'),
  im('增加'),
  im('降低'),
  im('简化'),
  im('清理'),
  im('制定'),
  im('出台'),
  im('修订'),
  im('细化'),
  im('提供'),
  im('凝聚'),
  im('凝心聚力'),
  im('聚焦'),
  im('严肃'),
  im('加速'),
  im('精准'),
  im('科学', { masks: ['科学技术', '科学性', '科学研究', '科学家', '科学普及', '科学发展观', '科学的', '科学院', '科学合理的'] }),
  im('全力'),

  // ───────────── non-deontic readings ─────────────
  ep('可能', 'epistemic: 可能对公共利益造成损害的 is a condition, not permission'),
  ep('可以说', 'epistemic'),
  ep('可以看出', 'epistemic'),
  ep('应是', 'epistemic'),
  ep('应该是', 'epistemic'),
  ep('必须指出', 'meta: introduces an observation'),
  ep('必须看到', 'meta'),
  ep('应当看到', 'meta'),
  ep('应该看到', 'meta'),
  ep('要看到', 'meta'),
  ep('也许', 'epistemic'),
  ep('或许', 'epistemic'),

  // ───────────── list intros ─────────────
  li('下列', '有下列情形之一的，…应当…：'),
  li('以下', '要做到以下几点：'),
  li('如下', '…如下：'),
  li('即：', '执行七个做到，即：'),
];
