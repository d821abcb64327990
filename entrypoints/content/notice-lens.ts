/**
 * The content script's controller: analyses the page, paints obligation and annotation highlights, keeps
 * the panel and the selection toolbar in step, and sends every write to the background. It never touches
 * IndexedDB (that would be the website's storage) and renders page data only as text.
 */
import type { Translate } from '../../components/messages';
import type { AnnotationDraft } from '../../components/SelectionToolbar';
import type { PageAnalysis, StageTimings } from '../../lib/analyse';
import { readPageText, textForAnalysis, type PageText, type TextForAnalysis } from '../../lib/page-text';
import {
  provideReadability,
  readabilityProvided,
  type ReadabilityConstructor,
} from '../../lib/extract/readability-roots';
import { TextMap } from '../../lib/highlight/text-map';
import {
  clearAll,
  flash,
  highlightApiAvailable,
  highlightCss,
  paintByWrapping,
  paintClauses,
  paintUser,
} from '../../lib/highlight/paint';
import { noticeId as identify } from '../../lib/identity';
import { hitTest, selectionSpan, type Span } from '../../lib/page/hit-test';
import { SaveQueue, type QueuedWrite } from '../../lib/page/save-queue';
import { debounce, sliced, yieldToMain } from '../../lib/page/schedule';
import { PaintedText, RerunBudget, watchUrl, whenSettled } from '../../lib/page/watch-page';
import type { PageTimings, Request, Response } from '../../lib/messages';
import { decodeAnalysis } from '../../lib/messages/wire';
import { loadedModule, type LazyModule, type LoadModuleRequest } from '../../lib/page/modules';
import type { NoticeSnapshot } from '../../lib/storage/records';
import { emptyMetadata, type Annotation, type ObligationCategory } from '../../lib/types';
import type { AppActions, AppState } from './App';
import type { PageUi } from './page-ui';

export interface NoticeLensDeps {
  win: Window & typeof globalThis;
  doc: Document;
  t: Translate;
  send(request: Request | LoadModuleRequest): Promise<Response>;
  persistPending(key: string, writes: QueuedWrite<Request>[]): void;
}

interface Painted {
  result: PageAnalysis;
  map: TextMap;
  noticeId: string;
  clauseRanges: Array<Range | null>;
  annotationRanges: Map<string, Range>;
  annotations: Annotation[];
  placed: Set<string>;
}

/** How long a page that is not (yet) a notice is watched for a body filled in by script. */
const LATE_BODY_WATCH_MS = 30_000;

export class NoticeLens {
  private painted: Painted | null = null;
  private host: HTMLElement | null = null;
  private mount: HTMLElement | null = null;
  private state: AppState = {
    open: false,
    metadata: emptyMetadata(),
    clauses: [],
    hidden: new Set(),
    annotations: [],
    status: null,
    toolbar: null,
    tooltip: null,
    canUndo: false,
    saved: false,
  };
  private pendingSelection: Span | null = null;
  private lastDeleted: string | null = null;
  private forced = false;
  private running: Promise<void> | null = null;
  private rerunRequested = false;
  private readonly budget = new RerunBudget(4, 60_000);
  private readonly paintedText = new PaintedText();
  private observer: MutationObserver | null = null;
  private unwrap: (() => void) | null = null;
  private readonly queue: SaveQueue<Request>;
  private readonly instance = Math.random().toString(36).slice(2);
  private noticeSaved = false;
  private runs = 0;
  private ui: PageUi | null = null;
  private uiLoading: Promise<PageUi | null> | null = null;

  constructor(private readonly deps: NoticeLensDeps) {
    this.queue = new SaveQueue<Request>({
      send: async (request) => {
        const response = await deps.send(request);
        if (response.ok) return { ok: true };
        return { ok: false, error: response.error, retry: response.retry ?? response.kind !== 'invalid' };
      },
      persist: (writes) => deps.persistPending(`pending:${this.instance}`, writes),
      onStatus: (s) => {
        if (s.lastError && s.gaveUp) this.setStatus('error', this.deps.t('error', s.lastError));
        else if (s.lastError)
          this.setStatus(
            'error',
            this.deps.t(s.lastError.includes('quota') ? 'storageFull' : 'saveFailed', s.lastError),
          );
        else if (s.pending > 0) this.setStatus('info', this.deps.t('saving'));
        else if (this.state.status?.kind === 'info' || this.state.status?.kind === 'error')
          this.setStatus('info', this.deps.t('saved'), 1500);
      },
    });
  }

  /** Analyse (again) and paint. Concurrent calls coalesce into one follow-up run. */
  run(force = false): Promise<void> {
    if (force) this.forced = true;
    if (this.running) {
      this.rerunRequested = true;
      return this.running;
    }
    this.running = this.analyseAndPaint().finally(() => {
      this.running = null;
      if (this.rerunRequested) {
        this.rerunRequested = false;
        void this.run();
      }
    });
    return this.running;
  }

  start(): void {
    void this.run();
    watchUrl(this.deps.win, () => {
      this.budget.reset();
      this.noticeSaved = false;
      void this.run();
    });
    const { doc } = this.deps;
    doc.addEventListener('mouseup', (e) => this.onMouseUp(e), true);
    doc.addEventListener('keyup', (e) => {
      if (e.key === 'Shift' || e.key.startsWith('Arrow')) this.onMouseUp(e);
    });
    let frame = 0;
    doc.addEventListener(
      'mousemove',
      (e) => {
        if (frame || !this.painted) return;
        frame = this.deps.win.requestAnimationFrame(() => {
          frame = 0;
          this.onHover(e.clientX, e.clientY);
        });
      },
      { passive: true },
    );
  }

  private async analyseAndPaint(): Promise<void> {
    const { win, doc } = this.deps;
    const started = performance.now();
    this.runs++;
    const stages: StageTimings = { extract: 0, normalise: 0, metadata: 0, detect: 0, obligations: 0 };
    const url = win.location.href;
    const readPage = (): PageText => {
      const t = performance.now();
      const text = readPageText(doc, url);
      stages.extract += performance.now() - t;
      return text;
    };
    let text = readPage();
    // Only Readability could find this page's body: load it (once per page) and read the page again.
    if (text.page.readabilityWanted && !readabilityProvided() && (await this.loadReadability())) text = readPage();
    // flk.npc.gov.cn and similar fill their body by script: wait for the page to settle, then read it again.
    for (let tries = 0; text.page.pageSignals.pending && tries < 3; tries++) {
      await whenSettled(doc, 600, 10_000);
      text = readPage();
    }
    // The string stages run in the background, off this page's main thread.
    await yieldToMain();
    const sent = performance.now();
    const input = textForAnalysis(text, url);
    const answer = await this.analyseRemotely(input);
    if (answer === null) return;
    const received = performance.now();
    let decoded: ReturnType<typeof decodeAnalysis>;
    try {
      decoded = decodeAnalysis(answer, input.text);
    } catch {
      return;
    }
    const { analysis, norm, timings: background } = decoded;
    stages.normalise += background.normalise + (performance.now() - received);
    stages.metadata += background.metadata;
    stages.detect += background.detect;
    stages.obligations += background.obligations;
    const work = background.normalise + background.metadata + background.detect + background.obligations;
    const transfer = Math.max(0, received - sent - background.wall);
    const backgroundPauses = Math.max(0, background.wall - work);
    const result: PageAnalysis = { analysis, norm, ...text };
    const a = result.analysis;
    const id = identify(a.metadata, win.location.href);
    const counts: Partial<Record<ObligationCategory, number>> = {};
    for (const c of a.obligations) counts[c.category] = (counts[c.category] ?? 0) + 1;
    const report = {
      type: 'analysis/report' as const,
      url: win.location.href,
      noticeId: id,
      isNotice: a.isNotice || this.forced,
      title: a.metadata.title,
      clauseCount: a.obligations.length,
      counts,
    };

    this.unpaint();
    if (!a.isNotice && !this.forced) {
      void this.deps.send(report);
      this.unmount();
      this.watchForLateBody();
      return;
    }
    const map = new TextMap(result.domText, result.norm);
    const clauseRanges: Array<Range | null> = new Array(a.obligations.length).fill(null);
    let t = performance.now();
    await sliced(a.obligations, (c, i) => {
      const range = map.toRange(doc, c.start, c.end);
      if (range) this.paintedText.remember(range);
      clauseRanges[i] = range;
    });
    const ranges = performance.now() - t;
    this.painted = {
      result,
      map,
      noticeId: id,
      clauseRanges,
      annotationRanges: new Map(),
      annotations: [],
      placed: new Set(),
    };
    t = performance.now();
    this.paintClauses();
    const paintedAt = performance.now();
    const timings: PageTimings = {
      ...stages,
      ranges,
      paint: paintedAt - t,
      total: paintedAt - started,
      paintedAt,
      runs: this.runs,
      transfer,
      backgroundPauses,
    };
    void this.deps.send({ ...report, timings: roundTimings(timings) });
    if (!(await this.loadUi()) || this.painted?.result !== result) return;
    this.ensureMounted();
    this.state = { ...this.state, metadata: a.metadata, clauses: a.obligations };
    this.renderUi();
    await this.loadAnnotations();
    this.watchMutations();
  }

  /** The background's analysis of this page's text; one retry (the worker may be starting), then null. */
  private async analyseRemotely(input: TextForAnalysis): Promise<string | null> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await this.deps.send({ type: 'engine/analyse', input, force: this.forced });
      if (response.ok) return typeof response.value === 'string' ? response.value : null;
      if (response.kind === 'invalid' || response.kind === 'forbidden') break;
    }
    return null;
  }

  /** Ask the background to inject the Readability fallback into this frame; false when it could not. */
  private async loadReadability(): Promise<boolean> {
    const loaded = await this.loadModule('readability');
    if (typeof loaded !== 'function') return false;
    provideReadability(loaded as ReadabilityConstructor);
    return true;
  }

  /** The UI and anchoring, loaded once per page (on its first notice); null when the extension could not inject it. */
  private loadUi(): Promise<PageUi | null> {
    this.uiLoading ??= this.loadModule('ui').then((m) => {
      this.ui = m && typeof m === 'object' ? (m as PageUi) : null;
      if (!this.ui) this.uiLoading = null;
      return this.ui;
    });
    return this.uiLoading;
  }

  private async loadModule(name: LazyModule): Promise<unknown> {
    const present = loadedModule(name);
    if (present) return present;
    const response = await this.deps.send({ type: 'page/load-module', module: name });
    return response.ok ? loadedModule(name) : undefined;
  }

  private paintClauses(): void {
    const p = this.painted;
    if (!p) return;
    const { win, doc } = this.deps;
    const clauses = p.result.analysis.obligations;
    if (highlightApiAvailable(win)) {
      const items = [];
      for (let i = 0; i < clauses.length; i++) {
        const range = p.clauseRanges[i];
        if (range) items.push({ category: clauses[i].category, soft: clauses[i].strength === 'soft', range });
      }
      paintClauses(win, items, this.state.hidden);
    } else {
      this.unwrap?.();
      const items = [];
      for (let i = 0; i < clauses.length; i++) {
        const range = p.clauseRanges[i];
        if (range && !this.state.hidden.has(clauses[i].category)) items.push({ key: clauses[i].category, range });
      }
      for (const [id, range] of p.annotationRanges) {
        const a = p.annotations.find((x) => x.id === id);
        if (a) items.push({ key: `user-${a.colour}`, range });
      }
      this.unwrap = paintByWrapping(doc, items);
    }
  }

  private paintAnnotations(): void {
    const p = this.painted;
    if (!p) return;
    const { win } = this.deps;
    if (!highlightApiAvailable(win)) return this.paintClauses();
    const items = [];
    for (const a of p.annotations) {
      const range = p.annotationRanges.get(a.id);
      if (range) items.push({ colour: a.colour, range });
    }
    paintUser(win, items);
  }

  private unpaint(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.unwrap?.();
    this.unwrap = null;
    clearAll(this.deps.win);
    this.painted = null;
  }

  /** Fetch this notice's annotations and place them: exact, by position and structure, then fuzzy; the rest are listed as unplaced. */
  private async loadAnnotations(): Promise<void> {
    const p = this.painted;
    if (!p) return;
    const stored = await this.deps.send({ type: 'notice/get-by-url', url: this.deps.win.location.href });
    if (stored.ok && stored.value) {
      this.noticeSaved = true;
      this.state = { ...this.state, saved: Boolean((stored.value as { saved?: boolean }).saved) };
    }
    const response = await this.deps.send({ type: 'annotation/list', noticeId: p.noticeId });
    if (!response.ok) {
      this.setStatus('error', this.deps.t('error', response.error));
      return;
    }
    const annotations = (response.value as Annotation[]).filter((a) => !a.deletedAt);
    this.placeAnnotations(annotations);
  }

  private placeAnnotations(annotations: Annotation[]): void {
    const p = this.painted;
    if (!p) return;
    const { text } = p.result.analysis;
    if (!this.ui) return;
    const anchors =
      annotations.length === 0
        ? []
        : this.ui.anchorMany(
            text,
            annotations.map((a) => a.selectors),
            p.result.analysis.outline,
          );
    p.annotations = annotations;
    p.annotationRanges.clear();
    p.placed.clear();
    annotations.forEach((a, i) => {
      const anchor = anchors[i];
      if (!anchor) return;
      const range = p.map.toRange(this.deps.doc, anchor.start, anchor.end);
      if (!range) return;
      this.paintedText.remember(range);
      p.annotationRanges.set(a.id, range);
      p.placed.add(a.id);
    });
    this.paintAnnotations();
    this.syncAnnotationList();
  }

  private syncAnnotationList(): void {
    const p = this.painted;
    if (!p) return;
    this.state = {
      ...this.state,
      annotations: p.annotations
        .filter((a) => !a.deletedAt)
        .map((annotation) => ({ annotation, placed: p.placed.has(annotation.id) })),
    };
    this.renderUi();
  }

  /**
   * Re-analyse when the page rewrites the text we painted (live ranges change), within a re-run budget. A
   * ticker or a counter elsewhere on the page, even inside the notice's container, changes no painted text.
   */
  private watchMutations(): void {
    const p = this.painted;
    const { win } = this.deps;
    if (!p || typeof win.MutationObserver !== 'function') return;
    const rerun = debounce(
      () => {
        if (!this.painted) return;
        const p = this.painted;
        // Painted text changed, or the page replaced what was read before a clause could be placed.
        const unplaced = p.clauseRanges.some((r) => r === null) && p.result.domText.nodes.some((n) => !n.isConnected);
        const lost = unplaced || this.paintedText.changed([...p.clauseRanges, ...p.annotationRanges.values()]);
        if (lost && this.budget.take()) void this.run();
      },
      500,
      3000,
    );
    this.observer = new win.MutationObserver((records) => {
      for (const r of records) {
        if (this.host && (r.target === this.host || this.host.contains(r.target))) continue;
        if (r.removedNodes.length > 0 || r.type === 'characterData') {
          rerun();
          return;
        }
      }
    });
    this.observer.observe(this.deps.doc.body ?? this.deps.doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  }

  /**
   * A page that is not a notice yet may still become one: single-page sites and CMS templates fill their
   * body by script after load. Watch for a while for a substantial amount of new text, then analyse again
   * (within the re-run budget, so a live ticker cannot keep us busy).
   */
  private watchForLateBody(): void {
    const { win, doc } = this.deps;
    if (typeof win.MutationObserver !== 'function' || !doc.body) return;
    this.observer?.disconnect();
    const started = Date.now();
    const baseline = doc.body.textContent?.length ?? 0;
    const check = debounce(
      () => {
        if (Date.now() - started > LATE_BODY_WATCH_MS) return this.observer?.disconnect();
        const grown = (doc.body?.textContent?.length ?? 0) - baseline;
        if (grown > 200 && this.budget.take()) {
          this.observer?.disconnect();
          void this.run();
        }
      },
      400,
      2000,
    );
    this.observer = new win.MutationObserver(() => check());
    this.observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    setTimeout(() => {
      if (!this.painted) this.observer?.disconnect();
    }, LATE_BODY_WATCH_MS);
  }

  /* ----- UI ----- */

  private ensureMounted(): void {
    if (this.host && this.host.isConnected) return;
    const { doc } = this.deps;
    const host = doc.createElement('notice-lens-ui');
    host.style.setProperty('all', 'initial');
    // Closed: the page cannot reach into the panel and read the analyst's notes.
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = this.ui?.panelCss() ?? '';
    shadow.appendChild(style);
    const mount = doc.createElement('div');
    shadow.appendChild(mount);
    doc.documentElement.appendChild(host);
    installHighlightStyles(doc);
    this.host = host;
    this.mount = mount;
  }

  private unmount(): void {
    if (this.mount) this.ui?.render(this.mount, null);
    this.host?.remove();
    this.host = null;
    this.mount = null;
  }

  private renderUi(): void {
    if (!this.mount || !this.ui) return;
    this.ui.render(this.mount, { t: this.deps.t, state: this.state, actions: this.actions });
  }

  private statusTimer: ReturnType<typeof setTimeout> | null = null;
  private setStatus(kind: 'info' | 'error', text: string, clearAfter = 0): void {
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.state = { ...this.state, status: { kind, text } };
    this.renderUi();
    if (clearAfter) {
      this.statusTimer = setTimeout(() => {
        this.state = { ...this.state, status: null };
        this.renderUi();
      }, clearAfter);
    }
  }

  private readonly actions: AppActions = {
    open: () => {
      this.state = { ...this.state, open: true };
      this.renderUi();
    },
    close: () => {
      this.state = { ...this.state, open: false };
      this.renderUi();
    },
    toggleCategory: (c: ObligationCategory) => {
      const hidden = new Set(this.state.hidden);
      if (hidden.has(c)) hidden.delete(c);
      else hidden.add(c);
      this.state = { ...this.state, hidden };
      this.paintClauses();
      this.renderUi();
    },
    clauseClick: (index: number) => {
      const range = this.painted?.clauseRanges[index];
      if (range) this.reveal(range);
    },
    annotationClick: (id: string) => {
      const range = this.painted?.annotationRanges.get(id);
      if (range) this.reveal(range);
    },
    editAnnotation: (id: string) => {
      const a = this.painted?.annotations.find((x) => x.id === id);
      if (!a) return;
      const range = this.painted?.annotationRanges.get(id);
      const rect = range?.getBoundingClientRect();
      this.state = {
        ...this.state,
        toolbar: {
          x: rect ? rect.left : 40,
          y: rect ? rect.bottom : 80,
          quote: a.quote,
          initial: { colour: a.colour, note: a.note, tags: a.tags },
          expanded: true,
          editing: id,
        },
      };
      this.renderUi();
    },
    deleteAnnotation: (id: string) => {
      const p = this.painted;
      const a = p?.annotations.find((x) => x.id === id);
      if (!p || !a) return;
      const now = Date.now();
      p.annotations = p.annotations.map((x) => (x.id === id ? { ...x, deletedAt: now, updatedAt: now } : x));
      p.annotationRanges.delete(id);
      this.lastDeleted = id;
      this.state = { ...this.state, canUndo: true };
      this.queue.enqueue(`annotation:${id}`, { type: 'annotation/delete', id });
      this.paintAnnotations();
      this.syncAnnotationList();
    },
    undoDelete: () => {
      const id = this.lastDeleted;
      const p = this.painted;
      if (!id || !p) return;
      this.lastDeleted = null;
      this.state = { ...this.state, canUndo: false };
      this.queue.enqueue(`annotation:${id}`, { type: 'annotation/restore', id });
      p.annotations = p.annotations.map((x) => (x.id === id ? { ...x, deletedAt: null, updatedAt: Date.now() } : x));
      this.placeAnnotations(p.annotations);
    },
    saveDraft: (draft: AnnotationDraft) => this.saveDraft(draft),
    toggleSaved: () => {
      const p = this.painted;
      if (!p) return;
      const saved = !this.state.saved;
      if (!this.noticeSaved) {
        this.queue.enqueue(`notice:${p.noticeId}`, { type: 'notice/upsert', snapshot: this.snapshot() });
        this.noticeSaved = true;
      }
      this.queue.enqueue(`saved:${p.noticeId}`, { type: 'notice/set-saved', id: p.noticeId, saved });
      this.state = { ...this.state, saved };
      this.renderUi();
    },
    cancelDraft: () => {
      this.pendingSelection = null;
      this.state = { ...this.state, toolbar: null };
      this.renderUi();
    },
  };

  private reveal(range: Range): void {
    const el = range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (highlightApiAvailable(this.deps.win)) flash(this.deps.win, range);
  }

  /** Show the toolbar for the current selection, when it lies inside the notice text. */
  private onMouseUp(e: Event): void {
    const p = this.painted;
    if (!p) return;
    if (this.host && e.composedPath().includes(this.host)) return;
    setTimeout(() => this.offerSelection(false), 0);
  }

  /** The analyst selected text (or pressed the shortcut): offer the toolbar, or highlight at once. */
  offerSelection(immediate: boolean, expanded = false): void {
    const p = this.painted;
    if (!p) return;
    const selection = this.deps.win.getSelection();
    const span = selectionSpan(selection, p.map);
    if (!span) {
      if (this.state.toolbar && !this.state.toolbar.editing) this.actions.cancelDraft();
      return;
    }
    this.pendingSelection = span;
    if (immediate) {
      this.saveDraft({ colour: 'yellow', note: '', tags: [] });
      return;
    }
    const rect = selection!.getRangeAt(0).getBoundingClientRect();
    this.state = {
      ...this.state,
      tooltip: null,
      toolbar: {
        x: rect.left,
        y: rect.bottom,
        quote: p.result.analysis.text.slice(span.start, span.end),
        expanded,
        editing: null,
      },
    };
    this.renderUi();
  }

  private saveDraft(draft: AnnotationDraft): void {
    const p = this.painted;
    if (!p) return;
    const editing = this.state.toolbar?.editing ?? null;
    const now = Date.now();
    let annotation: Annotation;
    if (editing) {
      const old = p.annotations.find((a) => a.id === editing);
      if (!old) return;
      annotation = {
        ...old,
        colour: draft.colour,
        note: draft.note,
        tags: draft.tags,
        updatedAt: Math.max(now, old.updatedAt + 1),
      };
      p.annotations = p.annotations.map((a) => (a.id === editing ? annotation : a));
    } else {
      const span = this.pendingSelection;
      if (!span || !this.ui) return;
      const { text, outline } = p.result.analysis;
      annotation = {
        id: newId(),
        noticeId: p.noticeId,
        colour: draft.colour,
        note: draft.note,
        tags: draft.tags,
        selectors: this.ui.describeSpan(text, span.start, span.end, outline),
        quote: text.slice(span.start, span.end),
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      };
      const range = p.map.toRange(this.deps.doc, span.start, span.end);
      if (range) {
        this.paintedText.remember(range);
        p.annotationRanges.set(annotation.id, range);
        p.placed.add(annotation.id);
      }
      p.annotations = [...p.annotations, annotation];
      this.deps.win.getSelection()?.removeAllRanges();
    }
    // The first write from this page carries the notice itself, stored in the same transaction.
    const notice = this.noticeSaved ? undefined : this.snapshot();
    this.noticeSaved = true;
    this.queue.enqueue(`annotation:${annotation.id}`, { type: 'annotation/put', annotation, notice });
    this.pendingSelection = null;
    this.state = { ...this.state, toolbar: null };
    this.paintAnnotations();
    this.syncAnnotationList();
  }

  /** The notice as the library keeps it: metadata, text, outline and clauses, so it outlives the site. */
  snapshot(): NoticeSnapshot {
    const p = this.painted!;
    const a = p.result.analysis;
    return {
      id: p.noticeId,
      urls: [this.deps.win.location.href],
      metadata: a.metadata,
      text: a.text,
      outline: a.outline,
      obligations: a.obligations,
      site: a.site,
    };
  }

  private onHover(x: number, y: number): void {
    const p = this.painted;
    if (!p) return;
    const clauses = p.result.analysis.obligations;
    const index = hitTest(this.deps.doc, p.map, clauses, x, y, (i) =>
      this.state.hidden.has(clauses[i].category) ? null : p.clauseRanges[i],
    );
    const current = this.state.tooltip;
    if (index < 0) {
      if (current) {
        this.state = { ...this.state, tooltip: null };
        this.renderUi();
      }
      return;
    }
    if (current && current.clause === clauses[index]) return;
    this.state = { ...this.state, tooltip: { clause: clauses[index], x, y } };
    this.renderUi();
  }

  togglePanel(): void {
    if (!this.host) return;
    if (this.state.open) this.actions.close();
    else this.actions.open();
  }

  get currentNoticeId(): string | null {
    return this.painted?.noticeId ?? null;
  }

  get currentSnapshot(): NoticeSnapshot | null {
    return this.painted ? this.snapshot() : null;
  }
}

function newId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The `::highlight()` rules must live in the page's own style scope; a constructed sheet adds no element. */
function installHighlightStyles(doc: Document): void {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const marker = '__noticeLensSheet';
  const holder = doc as unknown as Record<string, unknown>;
  if (holder[marker]) return;
  try {
    if (win && 'adoptedStyleSheets' in doc && typeof win.CSSStyleSheet === 'function') {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(highlightCss());
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      holder[marker] = sheet;
      return;
    }
  } catch {
    // fall through to a <style> element
  }
  const style = doc.createElement('style');
  style.textContent = highlightCss();
  (doc.head ?? doc.documentElement).appendChild(style);
  holder[marker] = style;
}

function roundTimings(t: PageTimings): PageTimings {
  const out = { ...t };
  for (const k of Object.keys(out) as Array<keyof PageTimings>) out[k] = Math.round(out[k] * 100) / 100;
  return out;
}
