/**
 * Generated libraries for benchmarks: notices of any length made from sentences of real notices, with
 * realistic metadata (issuers and their 文号 abbreviations, years, 文种, tags) and policy topics planted at
 * Zipf-like frequencies, so queries range from a handful of notices to most of them. Deterministic: the
 * same seed and sentences always give the same notices. Pure (no Node APIs): it also runs in a browser.
 */

import { noticeId } from '../lib/identity';
import type { NoticeSnapshot } from '../lib/storage/records';
import type { Clause, NoticeMetadata, OutlineItem } from '../lib/types';
import { prng } from '../tests/support/prng';

export const TOPICS = [
  '疫情防控',
  '安全生产',
  '营商环境',
  '乡村振兴',
  '生态环境保护',
  '食品安全',
  '知识产权',
  '应急管理',
  '数据安全',
  '社会保险',
  '税收优惠',
  '金融风险防范',
  '养老服务',
  '城市更新',
  '网络安全',
  '医疗保障',
  '教育督导',
  '科技创新',
  '就业创业',
  '住房保障',
  '交通运输',
  '个人信息保护',
  '文物保护',
  '粮食安全',
  '统计调查',
  '审计监督',
  '政务公开',
  '信用体系建设',
  '消防安全',
  '碳达峰',
];
export const ISSUERS: [string, string][] = [
  ['国务院', '国发'],
  ['国务院办公厅', '国办发'],
  ['财政部', '财税'],
  ['国家税务总局', '税总发'],
  ['生态环境部', '环发'],
  ['应急管理部', '应急'],
  ['市场监管总局', '国市监'],
  ['人力资源社会保障部', '人社部发'],
  ['教育部', '教督'],
  ['中国人民银行', '银发'],
  ['国家发展改革委', '发改'],
  ['工业和信息化部', '工信部'],
  ['住房城乡建设部', '建房'],
  ['交通运输部', '交运发'],
  ['国家卫生健康委', '国卫'],
  ['某某省人民政府', '某政发'],
  ['某某市人民政府办公室', '某政办发'],
];
export const DOC_TYPES = ['通知', '意见', '办法', '决定', '方案', '规定'];
export const TAGS = ['重点', '待办', '季度报告', '已传达', '需跟进', '对标'];
export const NOTE_PHRASES = [
  '复核意见：需与法规处确认',
  '与上年度文件对照',
  '落实情况待报',
  '重点关注时限要求',
  '建议纳入年度计划',
];

/** Sentences of 8+ Han characters (at most 160 characters, mostly Han) of a text, each once. */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const s of text.split(/(?<=[。；！？])|\n+/)) {
    const t = s.replace(/[\s\u3000]+/g, '').trim();
    const han = t.match(/\p{Script=Han}/gu)?.length ?? 0;
    if (han >= 8 && t.length <= 160 && han / t.length > 0.6) out.push(t);
  }
  return [...new Set(out)];
}

export interface NoticeGenerator {
  /** The generator's own random numbers in [0, 1), for data generated alongside the notices. */
  rnd(): number;
  pick<T>(xs: readonly T[]): T;
  /** Index i chosen with weight 1/(i+1). */
  zipf<T>(xs: readonly T[]): T;
  /** The i-th notice of about `chars` characters (each call draws from the same random sequence). */
  notice(i: number): { snapshot: NoticeSnapshot; updatedAt: number };
}

export function noticeGenerator(seed: number, sentences: string[], chars: number): NoticeGenerator {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const zipf = <T>(xs: readonly T[]): T => {
    const h = xs.reduce((s, _, i) => s + 1 / (i + 1), 0);
    let r = rnd() * h;
    for (let i = 0; i < xs.length; i++) {
      r -= 1 / (i + 1);
      if (r <= 0) return xs[i];
    }
    return xs[xs.length - 1];
  };

  const notice = (i: number): { snapshot: NoticeSnapshot; updatedAt: number } => {
    const topic = zipf(TOPICS);
    const others = [zipf(TOPICS), zipf(TOPICS), pick(TOPICS)].filter((t) => t !== topic);
    const [issuer, abbr] = zipf(ISSUERS);
    const docType = pick(DOC_TYPES);
    const year = 2015 + Math.floor(rnd() * 11);
    const title = `${issuer}关于${pick(['进一步加强', '做好', '深入推进', '印发', '规范'])}${topic}${pick(['工作', '管理', '有关事项', '实施方案'])}的${docType}`;
    const docNumber = `${abbr}〔${year}〕${1 + Math.floor(rnd() * 120)}号`;
    const lines: string[] = [];
    const outline: OutlineItem[] = [];
    const obligations: Clause[] = [];
    let length = 0;
    const push = (line: string) => {
      lines.push(line);
      length += line.length + 1;
    };
    push('各省、自治区、直辖市人民政府，国务院各部委、各直属机构：');
    let section = 0;
    const NUM = '一二三四五六七八九十';
    while (length < chars - 200) {
      if (lines.length % 12 === 1 && section < 10) {
        const heading = `${NUM[section++]}、${pick(['切实加强', '全面落实', '着力推进', '严格规范'])}${rnd() < 0.5 ? topic : pick(others.length ? others : TOPICS)}`;
        outline.push({ level: 1, label: `${NUM[section - 1]}、`, title: heading.slice(2), start: length });
        push(heading);
      }
      let para = '';
      for (let k = 0; k < 4; k++) {
        let s = pick(sentences);
        const r = rnd();
        if (r < 0.12) s = `各地区各部门要高度重视${topic}工作，${s}`;
        else if (r < 0.15 && others.length) s = `同时做好${pick(others)}相关工作，${s}`;
        para += s;
      }
      const start = length;
      push(para);
      if (obligations.length < 40 && rnd() < 0.5) {
        const end = start + Math.min(60, para.length);
        obligations.push({
          category: 'obligation',
          categories: ['obligation'],
          strength: 'hard',
          start,
          end,
          text: para.slice(0, end - start),
          trigger: '应当',
          bearer: { text: '各地区各部门', source: 'explicit' },
          deadline: null,
          quoted: false,
          heading: false,
          score: 0.8,
        });
      }
    }
    const text = `${title}\n${docNumber}\n${lines.join('\n')}`.slice(0, chars);
    const metadata: NoticeMetadata = {
      title,
      docType,
      docNumber,
      issuers: [issuer],
      addressees: ['各省、自治区、直辖市人民政府'],
      signedDate: `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
      publishedDate: null,
      effectiveDate: null,
      validity: '现行有效',
      level: '部门规范性文件',
      citationCode: null,
      url: `https://www.gov.cn/zhengce/content/${year}/content_${5_000_000 + i}.htm`,
    };
    const url = metadata.url!;
    // Generated 文号 can repeat; key by URL so every generated notice is its own record.
    const id = noticeId({ ...metadata, docNumber: null }, url);
    return {
      snapshot: {
        id,
        urls: [url],
        metadata,
        text,
        outline: outline.filter((o) => o.start <= text.length),
        obligations: obligations.filter((c) => c.end <= text.length),
        site: 'govcn',
        saved: rnd() < 0.8,
        tags: rnd() < 0.15 ? [pick(TAGS)] : [],
      },
      updatedAt: i,
    };
  };

  return { rnd, pick, zipf, notice };
}
