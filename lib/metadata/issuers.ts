/**
 * 发文机关 from a title: the 机关 before 关于 (标题 = 机关 + 关于 + 事由 + 的 + 文种).
 * `中共宁波市委关于…的通知` → [中共宁波市委]; `财政部 税务总局关于…` / `财政部、税务总局关于…` → both;
 * `国务院办公厅转发教育部关于…` → [国务院办公厅] (the forwarding office issues the notice).
 * Agencies glued without a separator (`中共中央办公厅国务院办公厅关于…`) stay one entry here; readMetadata splits
 * them where each part is a whole agency name (organisations.ts).
 */
import { isOrgName, splitAgencies } from './organisations';

const MAX_PREFIX = 80;

export function issuersFromTitle(title: string | null): string[] {
  if (!title) return [];
  let k = title.indexOf('关于');
  // `某某市人民政府办公厅印发某某办法的通知`: a 印发 or 转发 title without 关于 names its agency before the verb.
  const verbOnly = /^([^《》“”]{2,60}?)(?:联合)?(?:印发|转发|批转)/.exec(title);
  if (verbOnly && (k < 0 || k > verbOnly[1].length) && isOrgName(verbOnly[1])) k = verbOnly[1].length;
  if (k <= 0 || k > MAX_PREFIX) return [];
  let prefix = title.slice(0, k);
  const verb = /转发|批转|印发|联合印发|发布/.exec(prefix);
  if (verb) prefix = prefix.slice(0, verb.index);
  // `中国人民银行等八部门关于…`: only the lead agency is named.
  prefix = prefix.replace(/等[一二三四五六七八九十0-9]{1,3}个?(?:部门|单位|部委|机构)$/, '').trim();
  if (prefix.length < 2 || /[0-9０-９《》“”"：:。，,]/.test(prefix)) return [];
  return splitAgencies(prefix).filter((p) => p.length >= 2);
}
