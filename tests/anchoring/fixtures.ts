/** A small notice for the anchoring tests, already normalised (one paragraph per line). */
export const NOTICE = [
  '关于进一步加强安全生产工作的通知',
  '各区人民政府，市政府各部门：',
  '为认真贯彻落实安全生产工作部署，切实防范化解重大安全风险，现就有关事项通知如下。',
  '一、压实企业主体责任',
  '（一）企业不得擅自停用、拆除安全设施设备。企业主要负责人要亲自抓安全生产，每季度至少组织一次全面检查。',
  '（二）任何单位和个人不得以任何理由拒绝、阻挠依法实施的监督检查。各单位要建立隐患排查治理台账，做到整改责任、措施、资金、时限和预案五到位。',
  '二、强化监管执法',
  '（一）监管部门不得向企业收取任何费用，不得指定中介机构。对发现的重大隐患，要依法责令停产停业整改。',
  '（二）各区要加强执法队伍建设，严格落实执法全过程记录制度。',
  '三、严肃追责问责',
  '对工作不力、造成严重后果的，要严肃问责。',
  '市安全生产委员会办公室',
  '2024年3月1日',
].join('\n');

/** `[start, end)` of the n-th occurrence (0-based) of `s` in `text`; throws if absent. */
export function spanOf(text: string, s: string, n = 0): { start: number; end: number } {
  let at = text.indexOf(s);
  for (let k = 0; k < n && at >= 0; k++) at = text.indexOf(s, at + 1);
  if (at < 0) throw new Error(`not in text: ${s}`);
  return { start: at, end: at + s.length };
}

/** Replace the n-th occurrence of `from` by `to`. */
export function replaceNth(text: string, from: string, to: string, n = 0): string {
  const { start, end } = spanOf(text, from, n);
  return text.slice(0, start) + to + text.slice(end);
}
