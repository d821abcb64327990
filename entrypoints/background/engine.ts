import { runSliced, textAnalysisSteps, type StageTimings } from '../../lib/analyse';
import { encodeAnalysis } from '../../lib/messages/wire';
import type { TextForAnalysis } from '../../lib/page-text';
import { yieldToMain } from '../../lib/page/schedule';

/**
 * The string stages of the analysis for content scripts (normalise, metadata, detect, obligations). They
 * run here, in the extension's own worker, so a long law never occupies the page's main thread, and the
 * engine's compiled code stays warm from one page to the next instead of starting cold in every tab.
 */
export async function analyseForPage(input: TextForAnalysis, force: boolean): Promise<string> {
  const started = performance.now();
  const timings: StageTimings = { extract: 0, normalise: 0, metadata: 0, detect: 0, obligations: 0 };
  // In slices, so saves and other messages are answered while a long law is analysed.
  const { analysis, norm } = await runSliced(textAnalysisSteps(input, { force }), yieldToMain, timings, 40);
  const round = (x: number) => Math.round(x * 100) / 100;
  return encodeAnalysis(analysis, norm, input.text, {
    normalise: round(timings.normalise),
    metadata: round(timings.metadata),
    detect: round(timings.detect),
    obligations: round(timings.obligations),
    wall: round(performance.now() - started),
  });
}

const WARM_UP = [
  '关于做好安全生产工作的通知',
  '各区县人民政府，市政府各部门：',
  '一、各单位要切实加强组织领导，于2024年6月30日前完成排查。',
  '二、有关部门应当依法履行监管职责，不得推诿。对失职渎职的，依法依规追究责任。',
  '三、鼓励企业加大安全投入，可以申请专项资金。',
  '某某市人民政府办公室',
  '2024年5月20日',
].join('\n');

/** Run the engine once on a short notice when the worker starts, so the first page analysed is not the one paying for compilation. */
export function warmUpEngine(): void {
  const input: TextForAnalysis = {
    text: WARM_UP,
    site: 'generic',
    labelled: {},
    title: null,
    url: null,
    listPage: false,
    pending: false,
  };
  setTimeout(() => {
    void (async () => {
      for (let i = 0; i < 3; i++) await analyseForPage(input, true);
    })();
  }, 0);
}
