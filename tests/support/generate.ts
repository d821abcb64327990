/**
 * Generated notices for benchmarks: a regulation of any length built from sentence patterns real
 * regulations use (chapters, articles, duties, prohibitions, penalties), wrapped in a gov.cn-like page.
 * Deterministic: the same size always gives the same text.
 */

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 105 → 一百零五, 1234 → 一千二百三十四. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out) out += '零';
    zero = false;
    out += DIGITS[d] + unit;
  });
  return out;
}

const SUBJECTS = [
  '县级以上地方人民政府',
  '市场监督管理部门',
  '生产企业',
  '各级党组织',
  '有关部门',
  '经营者',
  '检验检测机构',
  '行业协会',
];
const PATTERNS = [
  (s: string) => `${s}应当建立健全质量安全管理制度，明确岗位职责，并于每年3月31日前报送上一年度执行情况。`,
  (s: string) => `${s}不得擅自变更已经批准的生产条件和检验项目。`,
  (s: string) => `${s}可以根据工作需要组织开展专项检查，被检查单位应当予以配合。`,
  (s: string) => `鼓励${s}采用先进技术和管理规范，提高产品质量水平。`,
  (s: string) => `违反本条例规定，${s}未按照规定报告的，由监督管理部门责令改正，处一万元以上五万元以下罚款。`,
  (s: string) => `${s}要切实加强组织领导，确保各项措施落实到位。`,
  (s: string) => `本条例所称生产许可，是指${s}依法取得的从事相关生产活动的资格。`,
  (s: string) => `${s}在收到申请之日起20个工作日内作出决定，并书面告知申请人。`,
];

/** A regulation of about `chars` characters: title, 主送, chapters of articles, signature. */
export function generateRegulation(chars: number): string {
  const lines: string[] = [
    '某某省产品质量安全监督管理条例',
    '（某府发〔2024〕12号）',
    '各市、县人民政府，省政府各部门：',
  ];
  let length = lines.join('\n').length;
  let article = 1;
  let chapter = 1;
  let k = 0;
  while (length < chars - 40) {
    if ((article - 1) % 12 === 0) {
      const heading = `第${chineseNumber(chapter++)}章 管理要求`;
      lines.push(heading);
      length += heading.length + 1;
    }
    const s = SUBJECTS[(k * 7) % SUBJECTS.length];
    const body =
      PATTERNS[k % PATTERNS.length](s) +
      (k % 3 === 0 ? PATTERNS[(k + 3) % PATTERNS.length](SUBJECTS[(k + 1) % SUBJECTS.length]) : '');
    const line = `第${chineseNumber(article++)}条 ${body}`;
    lines.push(line);
    length += line.length + 1;
    k++;
  }
  lines.push('某某省人民政府', '2024年5月20日');
  return lines.join('\n');
}

/** The regulation as a gov.cn policy-library page (metadata table, body in #UCAP-CONTENT, site chrome). */
export function regulationPage(chars: number): string {
  const text = generateRegulation(chars);
  const [title, ...rest] = text.split('\n');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const nav = Array.from({ length: 40 }, (_, i) => `<li><a href="/n${i}">栏目${i}</a></li>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}_国务院部门文件_中国政府网</title></head><body>
<div class="header"><ul class="nav">${nav}</ul></div>
<div class="policyLibraryOverview_header"><table><tbody>
<tr><td>标\u3000\u3000题：</td><td>${esc(title)}</td></tr>
<tr><td>发文机关：</td><td>某某省人民政府</td><td>发文字号：</td><td>某府发〔2024〕12号</td></tr>
<tr><td>成文日期：</td><td>2024年05月20日</td></tr></tbody></table></div>
<div class="pages_content mhide" id="UCAP-CONTENT">${rest.map((l) => `<p>${esc(l)}</p>`).join('\n')}</div>
<div class="footer"><p>主办单位：某某省人民政府办公厅</p></div></body></html>`;
}
