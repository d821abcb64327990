/**
 * The text and URL evidence the detector reads for itself (docs/notice-pages.md §7). Each pattern is a named
 * constant with a note on what it catches and what it must not catch; the scoring lives in `index.ts`.
 */

/**
 * A 主送 line addressed to people rather than units (`全体党员：`, `机关党支部全体党员：`, `各党总支、直属党支部纪检委员：`,
 * `各位党代表：`): short party and league notices address their members. Counted as a 主送 line (+2). The line
 * stands alone and ends in a colon, which a news report's sentences do not.
 */
export const MEMBER_ADDRESSEE =
  /^[\u4e00-\u9fff、（）()]{0,30}?(?:全体|各位)?(?:党员|团员|预备党员|入党积极分子|党代表|团代表|纪检委员|支部委员|组织委员|宣传委员|党员干部|教职工党员|学生党员|同志)(?:们)?(?:同志)?[：:]$/;

/** A colon line that introduces words to members (`会议要求全体党员：`, `致全体党员：`), not a 主送 line. */
export const MEMBER_ADDRESSEE_NOT = /要求|号召|指出|强调|希望|呼吁|倡议|表示|提醒|寄语|致|告|说|向/;

/**
 * A notice's own announcing and closing formulas in its body (`现将有关事项通知如下`, `特此通知`). With a 主送 line
 * and a 署名 + date they make the frame of a 公文 whose title the page lost (+1, `frame`).
 */
export const NOTICE_FORMULA =
  /(?:现将|现就|特将)[^。\n]{0,30}?通知如下|特此通知|请[^。\n]{0,20}?准时(?:参加|出席|参会)/;

/**
 * A 公文 announcing itself (`现将有关事宜通告如下`, `现就有关事项公告如下`, `现批复如下`): with a 署名 + date it frames
 * a page that lost its title and has no 主送 (a 公告 or 通告 addresses the public), as a 主送 line does a notice.
 */
export const ANNOUNCING_FORMULA = /(?:现将|现就|特将|现)[^。\n]{0,30}?(?:通知|通告|公告|批复|函告|函复|决定)如下/;

/** Known notice sources (+2): detail pages of pkulaw, gov.cn document columns, flk detail pages. */
export const KNOWN_SOURCE_URLS: readonly RegExp[] = [
  /^https?:\/\/(?:[\w-]+\.)*pkulaw\.(?:com|cn)\/(?:chl|lar)\//i, // 中央法规 / 地方法规
  /^https?:\/\/gd\.pkulaw\.com\/gdnormativedoc\//i, // regional portal
  /^https?:\/\/(?:[\w-]+\.)*pkulaw\.cn\/fulltext_form\.aspx/i, // legacy site
  /^https?:\/\/(?:www\.)?gov\.cn\/zhengce\/(?:content|zhengceku)\//i, // 国务院文件, policy library
  /^https?:\/\/(?:www\.)?gov\.cn\/gongbao\//i, // 国务院公报
  /^https?:\/\/flk\.npc\.gov\.cn\/detail/i, // 国家法律法规数据库 detail
];

/** Labels of 信息公开 blocks: with one of these filled on a `*.gov.cn` host, the page is a known source. */
export const DISCLOSURE_LABELS = [
  '索引号',
  '发文字号',
  '文号',
  '发文机关',
  '发文机构',
  '成文日期',
  '发文日期',
  '主题分类',
];

/**
 * Labels that make a labelled block a notice's metadata block (+3). Titles, dates of publication and
 * sources are printed by news pages too (ArticleTitle/PubDate/ContentSource metas), so they do not count.
 */
export const STRONG_LABELS = [
  '发文字号',
  '文号',
  '成文日期',
  '发文日期',
  '发文机关',
  '发文机构',
  '发文单位',
  '制定机关',
  '发布部门',
  '效力级别',
  '效力位阶',
  '法律效力位阶',
  '公文种类',
  '时效性',
  '索引号',
];

const CN_NUM = '[一二三四五六七八九十百零〇两]';

/** Heading numbering at the start of a line, by level (GB/T 9704 §7.3.3 plus 第X章). */
export const HEADING_LEVELS: readonly RegExp[] = [
  new RegExp(`^${CN_NUM}{1,3}、`, 'gm'), // 一、
  new RegExp(`^(?:[（(]${CN_NUM}{1,3}[）)]|[\u3220-\u3229])`, 'gm'), // （一）, ㈠ (one character)
  /^\d{1,2}[.．、](?!\d)/gm, // 1.  1、 (not 1.5亿)
  /^[（(]\d{1,2}[）)]/gm, // （1）
  new RegExp(`^第${CN_NUM}{1,4}[编章节]`, 'gm'), // 第一章
];

/** `第X条` at the start of a line (references inside sentences, 依照本法第三十条, do not count). */
export const ARTICLE_AT_LINE_START = new RegExp(`^第${CN_NUM}{1,5}条`, 'gm');

/**
 * Closing formulas of 公文 and regulations. `本办法自…起施行` is the closing of a regulation or law
 * (they carry no 特此通知).
 */
export const CLOSING_FORMULAS: readonly RegExp[] = [
  /特此(?:通知|通告|公告|函告|函复|批复|报告|通报|决定)/,
  /现予(?:印发|公布|发布|公告)/,
  /请[^。\n]{0,20}?(?:贯彻执行|遵照执行|认真执行|贯彻落实|抓好落实)/,
  /此复/,
  /本(?:法|办法|规定|条例|细则|规则|决定|意见|通知|公告|通告|方案|措施|实施细则|准则|标准)自[^。\n]{1,40}?施行/,
];

/** 成文日期 as printed: 2019年1月27日, 二〇一一年十一月四日, 二OO九年十二月二日 (Latin O occurs). */
const DATE = String.raw`(?:\d{4}|[〇○零O0一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日`;

/** A line that is a date, or a signer then a date (`国务院 2019年1月27日`), maybe with `（此件公开发布）`. */
export const SIGNATURE_LINE = new RegExp(
  String.raw`^(?:[\u4e00-\u9fff（）()、\s]{2,60}?\s*)?${DATE}\s*(?:印发)?\s*(?:[（(][^）)\n]{1,16}[）)])?$`,
);
/** A date line alone. */
export const DATE_LINE = new RegExp(String.raw`^${DATE}\s*(?:印发)?\s*(?:[（(][^）)\n]{1,16}[）)])?$`);
/** A signer and date glued to the last sentence: `…正能量。中共北京市委2020年1月29日`. */
export const GLUED_SIGNATURE = new RegExp(String.raw`[。！!]\s*[\u4e00-\u9fff（）()、]{2,40}${DATE}\s*$`);

/**
 * News bylines (−3). Kept narrow: a gov page's `来源：中国政府网` and a notice's `编辑：` footer line are
 * not bylines; a regulation about 记者证 must not fire `记者`.
 */
export const BYLINE_PATTERNS: ReadonlyArray<{ re: RegExp; where: 'head' | 'anywhere'; note: string }> = [
  { re: /\d{1,2}日电(?=[\s（(：:]|记者|$)/m, where: 'head', note: 'dateline: 新华社北京2月29日电 (not 日电价/日电网)' },
  {
    re: /(?:新华社|中新社|本报|本台|本网)[^\n。]{0,12}?\d{1,2}月\d{1,2}日(?:电|讯)/,
    where: 'head',
    note: 'agency dateline',
  },
  { re: /[（(]记者[\s：:]?[\u4e00-\u9fff]{2,4}/, where: 'anywhere', note: '（记者 张三）' },
  {
    re: /(?:^|[\s\u3000。，])(?:本报|新华社|本台|本网|央视|通讯员)?记者[\s\u3000：:]*[\u4e00-\u9fff]{2,4}(?=[\s\u3000)）]|报道|摄|$)/m,
    where: 'head',
    note: '本报记者 张三',
  },
  { re: /记者(?:从|获悉|了解到|近日|日前|采访)/, where: 'head', note: '记者从…获悉' },
  { re: /责任编辑|责编[：:]/, where: 'anywhere', note: 'editor credit of news sites' },
  { re: /据[\u4e00-\u9fff]{2,12}(?:报道|消息)/, where: 'head', note: '据新华社消息' },
  {
    re: /本文来源[：:]/,
    where: 'anywhere',
    note: 'news-portal source credit (plain 来源： is printed by gov pages too)',
  },
  {
    re: /^(?:来源|稿源)[：:][^\n]{1,20}(?:网|报|社|台)[^\n]{0,10}(?:作者|编辑|记者)[：:]/m,
    where: 'anywhere',
    note: '来源：XX网 in a byline with an author/editor',
  },
];

/** How far into the text a 'head' byline is looked for (news ledes come first). */
export const BYLINE_HEAD_CHARS = 500;

/**
 * Court 案号 (−2 when the page has no 文号): (2020)京01民终123号. Cause codes 民/刑/行/执/赔 after the
 * court's abbreviation.
 */
export const CASE_NUMBER =
  /[（(〔[]\s*(?:19|20)\d{2}\s*[）)〕\]]\s*[\u4e00-\u9fff\d]{1,8}?[民刑行执赔][\u4e00-\u9fff]{0,4}\d+号/;
export const CASE_NUMBER_HEAD_CHARS = 1000;

/**
 * A report about a notice or meeting rather than the notice itself: the text opens with the reporter's
 * framing (`通知指出`, `《意见》要求`, `会议强调`, `记者…`).
 */
export const REPORTED_OPENING =
  /^(?:[^\n]{0,20}?(?:通知|意见|决定|办法|方案|文件|《[^》\n]{1,60}》)(?:指出|要求|强调|明确|提出|规定)|会议(?:指出|强调|要求|认为|提出)|(?:本报|新华社|本台)?记者)/;

/**
 * Directive lines (`directives`): a body paragraph that tells its readers what to do (要, 应当, 加强, 完善, 推进,
 * 落实…). A news report on a policy uses the same verbs, but inside narrative and reported speech: lines with
 * NARRATIVE_LINE never count, and a page with many of them gets no point.
 */
export const DIRECTIVE_LINE =
  /要|应当|必须|务必|切实|确保|严禁|不得|加快|加强|完善|健全|建立|推进|推动|落实|强化|深化|加大|做好|抓好|鼓励|支持/;
export const NARRATIVE_LINE =
  /指出|强调|表示|认为|提出|介绍|获悉|据悉|记者|近日|(?<![0-9０-９一二三四五六七八九十〇])日前|近年来|今年以来|目前|截至|去年|上半年|该(?:县|市|区|省|局|委|校|公司|部门)|[0-9]+月份/;
/** Body lines shorter than this are headings, labels or list stubs, and not weighed. */
export const DIRECTIVE_MIN_LINE = 12;
/** Directive lines a body needs at least, and the share of its weighed lines they must make. */
export const DIRECTIVE_LINES = 5;
export const DIRECTIVE_SHARE = 0.5;
/** Narrative lines a directive body may hold at most, as a share of its weighed lines. */
export const NARRATIVE_SHARE = 0.1;

/**
 * Duty language of a document's own sentences (`excerpt`): a modal of obligation or prohibition (要 not in
 * 重要/主要/需要/要求, 应 not in 应用/相应/响应…), 负责, 确保, 切实, a deadline (`于7月15日前报…`), a
 * reporting duty (`报送`, `上报`); and the duties plans state without a modal word: a sentence whose subject is
 * `各…` units (`各县（市、区）领导小组组织有关部门…`), or an agency's `将` (`市领导小组将对各县进行考核`).
 */
export const DUTY_SENTENCE = new RegExp(
  [
    '(?<![重主需只想紧纲摘概扼提])要(?![求素点闻害是么件])',
    '应当',
    '(?<![相反适响供对顺效呼感])应(?![用对急聘届有的])',
    '必须',
    '(?<![必无])须(?![知])',
    '务必|不得|严禁|禁止|负责|确保|切实|报送|上报|限期',
    '[于在][^。，；\\n]{1,16}前(?:[将把向]|报|完成|上报|提交)',
    `^(?:${'[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|[0-9]{1,2}[.．、]'})?\\s*各[^。，；\\n]{0,30}?(?:政府|部门|单位|小组|机关|党委|党组|机构|办公室|办事处|委员会|局|委|办|县|市|区|乡镇|街道)`,
    '(?:领导小组|办公室|政府|部门|局|委|厅)将(?!于|在|以)',
  ].join('|'),
);

/**
 * Sentences of a report rather than of a document (`excerpt`): reported speech, news time words, things done
 * (`取得了`, `召开了`, `已经`), a document's words retold (`《办法》规定，…`, `通知要求，…`). `15日前` is a
 * deadline, not 日前 (recently).
 */
export const REPORTED_SENTENCE =
  /指出|强调|表示|认为|介绍|获悉|据悉|据了解|记者|近日|(?<![0-9０-９一二三四五六七八九十〇])日前|截至|截止目前|去年|今年以来|近年来|已经|已于|取得了|开展了|召开了|举行了|印发了|出台了|[说称][：:]|(?:》|通知|意见|方案|办法|规定|条例|文件|决定)(?:明确|规定|要求|提出)[，,：:]/;

/**
 * The opening sentence of a document whose page lost its title, naming the document it opens (`为…，结合我区实际，
 * 制定本方案。`, `为…，现就有关事项通知如下：`): it stands where an excerpt's first numbered item would.
 */
export const SELF_NAMING_OPENING =
  /^为[^。\n]{4,150}?(?:(?:特|现)?制定本(?:实施|工作|行动)?(?:方案|办法|细则|规定|计划|规则|制度|意见)|现(?:就|将)[^。\n]{0,40}?(?:通知|通告|公告|意见)如下|(?:现|特)?提出(?:以下|如下)(?:实施)?意见)/;

/** Sentences weighed at most, and the text they are taken from: an excerpt shows what it is at once. */
export const EXCERPT_SAMPLE = 60;
export const EXCERPT_CHARS = 8000;
/** Sentences shorter than this are labels or fragments, not weighed; so are heading lines up to EXCERPT_HEADING. */
export const EXCERPT_MIN_SENTENCE = 8;
export const EXCERPT_HEADING = 30;
/** Duty sentences an excerpt needs at least, and their share of the weighed sentences. */
export const EXCERPT_DUTIES = 4;
export const EXCERPT_DUTY_SHARE = 0.5;
/** Reported sentences an excerpt may hold at most, as a share of the weighed sentences. */
export const EXCERPT_REPORTED_SHARE = 0.1;

/**
 * A document's own announcing formula, by the 文种 its title names (`own-formula`): a 公告 says 现将…公告如下
 * or 特此公告, a 批复 现批复如下 or 此复, a 方案 制定本方案, a law or regulation opens on its 第一条 or 第一章. A report about the document says 公告指出, 通知要求 instead.
 */
export const OWN_FORMULAS: Readonly<Record<string, RegExp>> = {
  公告: /公告如下|特此公告|现予公告/,
  通告: /通告如下|特此通告/,
  通知: /通知如下|特此通知/,
  通报: /通报如下|特此通报|予以通报/,
  批复: /批复如下|此复|特此批复/,
  复函: /函复如下|此复|特此函复/,
  函: /函告如下|特此函告|函复如下|特此函复|请予[^。\n]{0,10}(?:支持|协助|办理|函复)|为盼|为荷/,
  决定: /(?:特|现)(?:作|做)[出如]下决定|决定如下|现决定|特此决定/,
  决议: /(?:会议)?决议如下|特此决议/,
  方案: /制定本(?:实施|工作|行动)?方案|(?:特|现)制定(?:如下|以下)?(?:实施|工作|行动)?方案/,
  计划: /制定本(?:行动|工作|实施)?计划/,
  办法: /制定本(?:实施)?办法|^第一(?:条|章)/m,
  细则: /制定本(?:实施)?细则|^第一(?:条|章)/m,
  规定: /制定本规定|^第一(?:条|章)/m,
  // A statute speaks in articles: its text opens on 第一章 or 第一条 under its title.
  法: /^第一(?:条|章)/m,
  条例: /^第一(?:条|章)/m,
  规则: /^第一(?:条|章)/m,
  意见: /(?:现|特)[^。\n]{0,20}?提出(?:以下|如下)(?:实施)?意见|提出(?:以下|如下)(?:实施)?意见[。：:]/,
};
