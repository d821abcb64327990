import * as v from 'valibot';
import { runSliced, textAnalysisSteps, type StageTimings } from '../../lib/analyse';
import { classifySender } from '../../lib/messages/sender';
import { checkPlainJson } from '../../lib/messages/validate';
import {
  encodeAnalysis,
  encodeFirstClauses,
  ENGINE_PORT,
  type EngineAnswer,
  type EngineRequest,
} from '../../lib/messages/wire';
import { MAX_TEXT_LENGTH, type TextForAnalysis } from '../../lib/page-text';
import { yieldToTasks } from '../../lib/page/schedule';
import { textForAnalysisSchema } from '../../lib/schema/requests';
import type { NormalisedText } from '../../lib/text/normalise';
import type { NoticeAnalysis } from '../../lib/types';

/**
 * The string stages of the analysis for content scripts (normalise, metadata, detect, obligations). They
 * run here, in the extension's own worker, so a long law never occupies the page's main thread, and the
 * engine's compiled code stays warm from one page to the next instead of starting cold in every tab.
 */
export async function analyseForPage(
  input: TextForAnalysis,
  force: boolean,
  started = performance.now(),
  first?: (analysis: NoticeAnalysis, norm: NormalisedText) => void,
): Promise<string> {
  const timings: StageTimings = { extract: 0, normalise: 0, metadata: 0, detect: 0, obligations: 0 };
  // In slices, so saves, other messages and another page's head are answered while a long law is analysed
  // (behind queued tasks: `scheduler.yield()` would resume ahead of them).
  const { analysis, norm } = await runSliced(textAnalysisSteps(input, { force }), yieldToTasks, timings, 40);
  first?.(analysis, norm);
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

/**
 * Start the engine for content scripts: the port they analyse their page through, and one run on a short
 * notice, so the first page analysed is not the one paying for compilation.
 */
export function warmUpEngine(): void {
  servePorts();
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

/** What one analysis on a port has received so far. */
interface Pending {
  input: TextForAnalysis;
  force: boolean;
  parts: string[];
  length: number;
  started: number;
}

/** The head's analysis in one go (no slices: it is short, and the page waits for it to paint). */
function analyseHead(input: TextForAnalysis, force: boolean) {
  const steps = textAnalysisSteps(input, { force });
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Content scripts keep one port open to the engine (`ENGINE_PORT`): no channel is set up per analysis, the
 * page sends its text in parts as it reads them, and gets the clauses of the first part (what is on screen)
 * before the whole analysis. Only our own content scripts in a tab are served; every message is checked.
 */
function servePorts(): void {
  const extensionId = browser.runtime.id;
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== ENGINE_PORT) return;
    const sender = classifySender(port.sender, extensionId, extensionOrigin);
    if (sender?.kind !== 'content-script') {
      port.disconnect();
      return;
    }
    const pending = new Map<number, Pending>();
    let open = true;
    port.onDisconnect.addListener(() => {
      open = false;
      pending.clear();
    });
    const answer = (a: EngineAnswer) => {
      if (open) port.postMessage(a);
    };
    port.onMessage.addListener((raw: unknown) => {
      const request = checkEngineRequest(raw);
      if (!request) {
        const id = (raw as { id?: unknown } | null)?.id;
        if (typeof id === 'number') answer({ kind: 'failed', id, error: 'malformed engine request' });
        return;
      }
      void handle(request, pending, answer);
    });
  });
}

async function handle(
  request: EngineRequest,
  pending: Map<number, Pending>,
  answer: (a: EngineAnswer) => void,
): Promise<void> {
  const { id } = request;
  try {
    if (request.kind === 'head') {
      const started = performance.now();
      if (request.complete) {
        const value = await analyseForPage(request.input, request.force, started, (analysis, norm) =>
          answer({ kind: 'first', id, first: encodeFirstClauses(analysis, norm) }),
        );
        answer({ kind: 'full', id, value });
        return;
      }
      pending.set(id, {
        input: request.input,
        force: request.force,
        parts: [request.input.text],
        length: request.input.text.length,
        started,
      });
      // The head alone, analysed as if it were the text: the clauses on screen, painted before the rest. A
      // few thousand characters in one task, the one that received them: the parts and the end sent after
      // the head are handled once its clauses are on their way, so the whole text never delays them.
      const { analysis, norm } = analyseHead(request.input, request.force);
      answer({ kind: 'first', id, first: encodeFirstClauses(analysis, norm) });
      return;
    }
    const job = pending.get(id);
    if (!job) throw new Error('no analysis under way with this id');
    if (request.kind === 'part') {
      job.length += request.text.length;
      if (job.length > MAX_TEXT_LENGTH) throw new Error('text too long');
      job.parts.push(request.text);
      return;
    }
    pending.delete(id);
    const input = { ...job.input, text: job.parts.join('') };
    answer({ kind: 'full', id, value: await analyseForPage(input, job.force, job.started) });
  } catch (e) {
    pending.delete(id);
    answer({ kind: 'failed', id, error: String((e as Error)?.message ?? e) });
  }
}

/** A well-formed engine request, or null. */
function checkEngineRequest(raw: unknown): EngineRequest | null {
  try {
    checkPlainJson(raw);
  } catch {
    return null;
  }
  const r = raw as Record<string, unknown>;
  if (typeof r !== 'object' || r === null || !Number.isSafeInteger(r.id)) return null;
  const id = r.id as number;
  const keys = Object.keys(r).length;
  switch (r.kind) {
    case 'head': {
      if (keys !== 5 || typeof r.force !== 'boolean' || typeof r.complete !== 'boolean') return null;
      const input = v.safeParse(textForAnalysisSchema, r.input);
      return input.success ? { kind: 'head', id, input: input.output, force: r.force, complete: r.complete } : null;
    }
    case 'part':
      return keys === 3 && typeof r.text === 'string' && r.text.length <= MAX_TEXT_LENGTH
        ? { kind: 'part', id, text: r.text }
        : null;
    case 'end':
      return keys === 2 ? { kind: 'end', id } : null;
    default:
      return null;
  }
}
