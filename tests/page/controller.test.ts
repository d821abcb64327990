// @vitest-environment happy-dom
/**
 * The content script's controller on a page, with a background that answers as the real one does: the
 * engine runs on the text the page sends, every request is checked by the background's validator, the UI
 * module arrives when asked for. What is checked is what the analyst would see (the panel's props, the
 * marks painted in the page) and what reaches the background.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseForPage } from '../../entrypoints/background/engine';
import { analyseDocument } from '../../lib/analyse';
import { anchorMany, describeSpan } from '../../lib/anchoring';
import type { AnalysisReport, Request, Response } from '../../lib/messages';
import { validateRequest } from '../../lib/messages/validate';
import { NoticeLens } from '../../lib/page/controller';
import { LAZY_MODULES, publishModule, type LoadModuleRequest } from '../../lib/page/modules';
import type { AppProps, PageUi } from '../../lib/page/ui-types';
import type { Annotation } from '../../lib/types';

const DEMO = readFileSync(join(__dirname, '../../demo/notice.html'), 'utf8');
const NOTICE_URL = 'https://www.gov.cn/zhengce/content/2020-01/30/content_demo.htm';
const NEWS = `<!doctype html><html><head><meta charset="utf-8"><title>春节假期本市公园游客量创新高</title></head><body>
<h1>春节假期本市公园游客量创新高</h1>
<p>记者从市园林局获悉，春节假期全市公园共接待游客三百余万人次，比去年同期增长一成。</p>
<p>天气晴好，不少市民带着孩子到公园赏梅、看灯会，部分热门公园入口排起长队。</p>
<p>园林部门介绍，节日期间各公园增加了保洁人员和志愿者，游园秩序总体良好。</p></body></html>`;
const QUOTE = '自觉接受党性锻炼和实践考验';

type Sent = Request | LoadModuleRequest;

/** A background for one page: answers like entrypoints/background, refusing what its validator refuses. */
class FakeBackground {
  readonly sent: Sent[] = [];
  annotations: Annotation[] = [];
  renders: Array<AppProps | null> = [];
  readonly ui: PageUi = {
    panelCss: () => '',
    render: (_mount, props) => this.renders.push(props),
    anchorMany,
    describeSpan,
  };

  send = async (request: Sent): Promise<Response> => {
    this.sent.push(request);
    if (request.type === 'page/load-module') {
      if (request.module === 'ui') publishModule('ui', this.ui);
      return { ok: true, value: null };
    }
    const checked = validateRequest(request);
    if (!checked.ok) return { ok: false, error: checked.error, kind: 'invalid', retry: false };
    const r = checked.request;
    switch (r.type) {
      case 'engine/analyse':
        return { ok: true, value: await analyseForPage(r.input, r.force ?? false) };
      case 'annotation/list':
        return { ok: true, value: this.annotations.filter((a) => a.noticeId === r.noticeId) };
      default:
        return { ok: true, value: null };
    }
  };

  of<T extends Sent['type']>(type: T): Array<Extract<Sent, { type: T }>> {
    return this.sent.filter((r): r is Extract<Sent, { type: T }> => r.type === type);
  }

  reports(): AnalysisReport[] {
    return this.of('analysis/report');
  }

  /** What the panel shows now. */
  get shown(): AppProps {
    const last = this.renders.at(-1);
    if (!last) throw new Error('nothing rendered');
    return last;
  }
}

function openPage(url: string, html: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
}

function startLens(background: FakeBackground): NoticeLens {
  const lens = new NoticeLens({
    win: window,
    doc: document,
    t: (key: string, ...args: unknown[]) => [key, ...args].join(' '),
    send: background.send,
    persistPending: () => undefined,
  });
  lens.start();
  return lens;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const marks = (key?: string) =>
  [...document.querySelectorAll(key ? `notice-lens-mark[data-k="${key}"]` : 'notice-lens-mark')].map(
    (m) => m.textContent ?? '',
  );

/** Select `quote` in the page, as the analyst would with the mouse. */
function select(quote: string): void {
  const walker = document.createTreeWalker(document.body, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n as Text).data.indexOf(quote);
    if (i < 0) continue;
    const range = document.createRange();
    range.setStart(n, i);
    range.setEnd(n, i + quote.length);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return;
  }
  throw new Error(`${quote} is not in the page`);
}

/** A stored annotation on the demo notice, made as the content script makes them. */
function storedAnnotation(id: string, quote: string, noticeId: string): Annotation {
  const { analysis } = analyseDocument(document, NOTICE_URL);
  let start = analysis.text.indexOf(quote);
  let text = analysis.text;
  if (start < 0) {
    // A quote from an earlier version of the page: described on that text.
    text = `${analysis.text}\n${quote}`;
    start = analysis.text.length + 1;
  }
  return {
    id,
    noticeId,
    colour: 'green',
    note: `note ${id}`,
    tags: [],
    selectors: describeSpan(text, start, start + quote.length, analysis.outline),
    quote,
    createdAt: 1,
    updatedAt: 1,
    deletedAt: null,
  };
}

/** The CSS Custom Highlight API as Chromium has it (happy-dom has none): a registry of named sets of ranges. */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

function installHighlightApi(): void {
  // (happy-dom's window.CSS is a new object on every read: an own property stands in for it.)
  Object.defineProperty(window, 'CSS', { value: { highlights: new Map<string, FakeHighlight>() }, configurable: true });
  Object.defineProperty(window, 'Highlight', { value: FakeHighlight, configurable: true });
}

function removeHighlightApi(): void {
  delete (window as unknown as Record<string, unknown>).CSS;
  delete (window as unknown as Record<string, unknown>).Highlight;
}

/** The text of each range in one named highlight, as the analyst sees it painted. */
function highlighted(name: string): string[] {
  const registry = (window.CSS as unknown as { highlights?: Map<string, FakeHighlight> }).highlights;
  return [...(registry?.get(name) ?? [])].map((r) => (r as Range).toString());
}

let lens: NoticeLens | null = null;

beforeEach(() => {
  delete (globalThis as Record<symbol, unknown>)[LAZY_MODULES.ui.global];
});

afterEach(() => {
  lens?.destroy();
  lens = null;
  removeHighlightApi();
  window.getSelection()?.removeAllRanges();
});

describe('the content script on a notice page', () => {
  it('analyses it once, paints its clauses and gives them to the panel', async () => {
    openPage(NOTICE_URL, DEMO);
    const bg = new FakeBackground();
    lens = startLens(bg);
    await until(() => bg.renders.some((p) => (p?.state.clauses.length ?? 0) > 0), 'the panel');
    await sleep(300);

    expect(bg.of('engine/analyse')).toHaveLength(1);
    const [report] = bg.reports();
    expect(report.isNotice).toBe(true);
    expect(report.url).toBe(NOTICE_URL);
    expect(bg.shown.state.clauses).toHaveLength(report.clauseCount!);
    expect(bg.shown.state.metadata.docNumber).toBe('银保监党办发〔2020〕3号');
    // Painted in the page (happy-dom has no CSS.highlights: the wrapping painter is used here).
    expect(marks('obligation').length).toBeGreaterThan(0);
    expect(document.querySelectorAll('notice-lens-ui')).toHaveLength(1);
    // Every request the page made was one the background accepts.
    for (const r of bg.sent) if (r.type !== 'page/load-module') expect(validateRequest(r).ok).toBe(true);
  });

  it('leaves a page that is not a notice alone', async () => {
    openPage('http://www.example.gov.cn/news/2024/parks.html', NEWS);
    const bg = new FakeBackground();
    lens = startLens(bg);
    await until(() => bg.reports().length > 0, 'the report');
    await sleep(300);

    expect(bg.reports()[0].isNotice).toBe(false);
    expect(marks()).toEqual([]);
    expect(document.querySelector('notice-lens-ui')).toBeNull();
    expect(bg.of('page/load-module')).toEqual([]);
    expect(bg.renders).toEqual([]);
  });

  it('places the stored annotations it can find and lists the others as unplaced', async () => {
    installHighlightApi();
    openPage(NOTICE_URL, DEMO);
    const bg = new FakeBackground();
    lens = startLens(bg);
    await until(() => bg.reports().length > 0, 'the report');
    const noticeId = bg.reports()[0].noticeId;
    bg.annotations = [
      storedAnnotation('a1', QUOTE, noticeId),
      storedAnnotation('a2', '各单位须于三日内上报全部台账材料', noticeId),
      { ...storedAnnotation('a3', '坚守岗位', noticeId), deletedAt: 5 },
    ];
    lens.destroy();
    openPage(NOTICE_URL, DEMO);
    delete (globalThis as Record<symbol, unknown>)[LAZY_MODULES.ui.global];
    bg.renders = [];
    lens = startLens(bg);
    await until(() => bg.renders.some((p) => (p?.state.annotations.length ?? 0) > 0), 'the annotations');

    const listed = bg.shown.state.annotations.map((a) => [a.annotation.id, a.placed]);
    expect(listed).toEqual([
      ['a1', true],
      ['a2', false],
    ]);
    expect(highlighted('notice-lens-user-green')).toEqual([QUOTE]);
    expect(marks()).toEqual([]);
  });

  it('saves a highlight made from a selection with one checked write carrying the notice', async () => {
    installHighlightApi();
    openPage(NOTICE_URL, DEMO);
    const bg = new FakeBackground();
    lens = startLens(bg);
    await until(() => bg.renders.some((p) => (p?.state.clauses.length ?? 0) > 0), 'the panel');
    await sleep(100);

    select(QUOTE);
    document.body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    await until(() => bg.renders.at(-1)?.state.toolbar !== null, 'the toolbar');
    expect(bg.shown.state.toolbar?.quote).toBe(QUOTE);
    bg.shown.actions.saveDraft({ colour: 'pink', note: '要点', tags: ['党建'] });
    await until(() => bg.of('annotation/put').length > 0, 'the write');
    await sleep(100);

    const puts = bg.of('annotation/put');
    expect(puts).toHaveLength(1);
    expect(validateRequest(puts[0]).ok).toBe(true);
    expect(puts[0].annotation).toMatchObject({ quote: QUOTE, colour: 'pink', note: '要点', tags: ['党建'] });
    expect(puts[0].notice?.id).toBe(bg.reports()[0].noticeId);
    expect(bg.shown.state.annotations.map((a) => [a.annotation.quote, a.placed])).toEqual([[QUOTE, true]]);
    expect(bg.shown.state.toolbar).toBeNull();
    expect(highlighted('notice-lens-user-pink')).toEqual([QUOTE]);
  });

  it('analyses once more when a single-page site moves to another address', async () => {
    openPage('http://www.example.gov.cn/news/2024/parks.html', NEWS);
    const bg = new FakeBackground();
    lens = startLens(bg);
    await until(() => bg.reports().length > 0, 'the first report');
    await sleep(100);

    const next = 'http://www.example.gov.cn/xxgk/2024/notice.html';
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(next);
    lens.locationChanged();
    // The same address again (a navigation that changed nothing) is no reason to analyse.
    lens.locationChanged();
    await until(() => bg.reports().length > 1, 'the second report');
    await sleep(700);

    expect(bg.of('engine/analyse')).toHaveLength(2);
    expect(bg.reports().map((r) => r.url)).toEqual(['http://www.example.gov.cn/news/2024/parks.html', next]);
  });

  it('analyses again when the page rewrites the painted notice', async () => {
    openPage(NOTICE_URL, DEMO);
    const bg = new FakeBackground();
    lens = startLens(bg);
    await until(() => bg.renders.some((p) => (p?.state.clauses.length ?? 0) > 0), 'the panel');
    await sleep(200);

    document.getElementById('UCAP-CONTENT')!.querySelectorAll('p')[4].remove();
    await until(() => bg.of('engine/analyse').length > 1, 'a second analysis');
  });
});

describe('destroy', () => {
  it('removes the UI and the highlights, and nothing reacts to the page afterwards', async () => {
    openPage(NOTICE_URL, DEMO);
    const before = document.body.innerHTML;
    const bg = new FakeBackground();
    lens = startLens(bg);
    await until(() => bg.renders.some((p) => (p?.state.clauses.length ?? 0) > 0), 'the panel');
    await sleep(200);
    expect(marks().length).toBeGreaterThan(0);

    lens.destroy();
    expect(document.querySelector('notice-lens-ui')).toBeNull();
    expect(marks()).toEqual([]);
    expect(document.body.innerHTML).toBe(before);
    const sentBefore = bg.sent.length;
    const rendersBefore = bg.renders.length;

    select(QUOTE);
    document.body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', bubbles: true }));
    document.body.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 10, clientY: 10 }));
    lens.offerSelection(true);
    document.getElementById('UCAP-CONTENT')!.querySelectorAll('p')[4].remove();
    document.body.appendChild(document.createElement('p')).textContent = '新增内容'.repeat(100);
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${NOTICE_URL}?next`);
    lens.locationChanged();
    void lens.run(true);
    await sleep(1200);

    expect(bg.sent.slice(sentBefore)).toEqual([]);
    expect(bg.renders.length).toBe(rendersBefore);
    expect(document.querySelector('notice-lens-ui')).toBeNull();
    expect(marks()).toEqual([]);
  });

  it('stops a run under way: it sends nothing more and paints nothing', async () => {
    openPage(NOTICE_URL, DEMO);
    const bg = new FakeBackground();
    lens = startLens(bg);
    lens.destroy();
    await sleep(800);
    expect(bg.sent).toEqual([]);
    expect(marks()).toEqual([]);
    expect(document.querySelector('notice-lens-ui')).toBeNull();
  });
});
