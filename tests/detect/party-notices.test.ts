import { describe, expect, it } from 'vitest';
import { analyseText } from '../../lib/analyse';

/** A short meeting notice's body, about 150 Han characters: fewer than a notice usually has. */
const BODY =
  '为深入学习贯彻党的二十大精神，进一步加强党员教育管理，经研究，定于本周五下午在三楼会议室组织全体党员开展集中学习。' +
  '请各支部提前通知到每一位党员，无特殊情况不得请假，确需请假的须向支部书记书面请假。' +
  '学习结束后，各支部要结合实际开展讨论，并于下周一前将学习情况报送机关党委办公室。';

const notice = (head: string, tail = '机关党委\n2023年5月10日') => `${head}\n${BODY}\n${tail}\n`;
const signalNames = (text: string) => analyseText(text).signals.map((s) => s.name);

describe('short party-committee notices', () => {
  it('are notices with a title, a 主送 line and a 署名 though the body is short', () => {
    const a = analyseText(notice('关于组织全体党员集中学习的通知\n各党支部：'));
    expect(a.isNotice).toBe(true);
    expect(a.metadata.title).toBe('关于组织全体党员集中学习的通知');
  });

  it('read a title printed as the 文种 alone, spaced out, when a 主送 line follows', () => {
    const a = analyseText(notice('通 知\n学校各总支、直属支部、各部门：', '某某学院组织部\n2023年5月10日'));
    expect(a.metadata.title).toBe('通知');
    expect(a.isNotice).toBe(true);
  });

  it('do not take a menu entry 通知 for a title when no 主送 line follows', () => {
    const a = analyseText(`通知\n新闻\n${BODY}\n`);
    expect(a.metadata.title).toBeNull();
    expect(a.isNotice).toBe(false);
  });

  it('count a 主送 line that names members (全体党员：, 纪检委员：)', () => {
    for (const addressee of ['全体党员：', '机关党支部全体党员：', '各党总支、直属党支部纪检委员：']) {
      const names = signalNames(notice(`关于开展廉政学习的通知\n${addressee}`));
      expect(names, addressee).toContain('addressee');
    }
  });

  it('do not count a sentence that speaks to members (会议要求全体党员：)', () => {
    expect(signalNames(notice('关于开展廉政学习的通知\n会议要求全体党员：'))).not.toContain('addressee');
  });

  it('are notices without their title when 主送, 署名 and a notice formula remain', () => {
    const a = analyseText(notice('各党支部：', '特此通知。\n机关党委\n2023年5月10日'));
    expect(a.signals.map((s) => s.name)).toContain('frame');
    expect(a.isNotice).toBe(true);
  });

  it('leave a short report of the same meeting a non-notice', () => {
    const report =
      '机关党委组织全体党员开展集中学习\n5月12日下午，机关党委在三楼会议室组织全体党员开展集中学习。' +
      '会议要求，各支部要结合实际开展讨论，进一步加强党员教育管理。党委书记指出，要深入学习贯彻党的二十大精神。\n（机关党委供稿）\n';
    expect(analyseText(report).isNotice).toBe(false);
  });

  it('keep the 200-character floor for a short text without the 公文 frame', () => {
    const a = analyseText(`关于组织全体党员集中学习的通知\n${BODY}\n`);
    expect(a.signals.map((s) => s.name)).toContain('short-body');
    expect(a.isNotice).toBe(false);
  });
});

describe('the title of a notice on a messy page', () => {
  const TITLE = '关于组织全体党员集中学习的通知';
  const page = (head: string) => analyseText(notice(`${head}\n各党支部：`)).metadata.title;

  it('drops a column tag, a list mark or a site name glued to the title', () => {
    for (const head of [
      `【党建工作】${TITLE}`,
      `[通知公告]${TITLE}`,
      `置顶 ${TITLE}`,
      `${TITLE}【新】`,
      `${TITLE}-机关党委`,
      `机关党委 | ${TITLE}`,
    ]) {
      expect(page(head), head).toBe(TITLE);
    }
  });

  it('takes the document title below a news headline, not the headline joined to it', () => {
    expect(page(`机关党委部署全体党员集中学习\n${TITLE}`)).toBe(TITLE);
    expect(page(`学校发布${TITLE}\n发布时间：2023-05-10\n${TITLE}`)).toBe(TITLE);
  });

  it('still joins the issuer printed on the line above a 关于 title', () => {
    expect(page(`中共某某大学机关委员会\n${TITLE}`)).toBe(`中共某某大学机关委员会${TITLE}`);
  });

  it('keeps a trailing note that belongs to the title (（试行）)', () => {
    expect(page('关于党员积分管理的办法（试行）')).toBe('关于党员积分管理的办法（试行）');
  });
});
