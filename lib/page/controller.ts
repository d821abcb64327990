/**
 * The content script's controller: analyses the page, paints obligation and annotation highlights, keeps
 * the panel and the selection toolbar in step, and sends every write to the background. It never touches
 * IndexedDB (that would be the website's storage) and renders page data only as text. Everything it
 * starts on the page ends with `destroy()`.
 */
import type { Translate } from '../../components/messages';
import type { AnnotationDraft } from '../../components/SelectionToolbar';
import type { PageAnalysis } from '../analyse';
import { TextMap } from '../highlight/text-map';
import type { PageTimings, Request } from '../messages';
import type { NoticeSnapshot } from '../storage/records';
import { emptyMetadata, type Annotation, type ObligationCategory } from '../types';
import { analysePage, AnalysisRuns, loadModule, type AnalysedPage, type Send } from './analysis-run';
import { AnnotationStore } from './annotation-store';
import { NO_FILTER, stepClause, type ClauseFilter } from './clause-list';
import { installHighlightStyles, removeHighlightStyles, setDocked } from './highlight-styles';
import { hitTest, selectionSpan, type Span } from './hit-test';
import { Lifetime } from './lifetime';
import { choosePainter, type Painter } from './painter';
import { SaveQueue, type QueuedWrite } from './save-queue';
import { debounce, sliced } from './schedule';
import type { AppActions, AppState, PageUi } from './ui-types';
import { PaintedText } from './watch-page';

export interface NoticeLensDeps {
  win: Window & typeof globalThis;
  doc: Document;
  t: Translate;
  send: Send;
  persistPending(key: string, writes: QueuedWrite<Request>[]): void;
  /** True when the page shows its notice in a frame the content script reads there: this page stays untouched. */
  textElsewhere?(): boolean;
  /** For a frame: the address of the page the analyst sees it in, recorded as the notice's source. */
  viewedAt?(): Promise<string | null>;
  /** The signed-in team sync user, null while sync is off. */
  syncUser?(): Promise<string | null>;
  /** The notes (ids) that have other versions on the team server. */
  syncConflicts?(): Promise<ReadonlySet<string>>;
  /**
   * Calls `changed` whenever team sync changes the signed-in user or the notes with other versions (a
   * replicated revision landed, or one version was kept); returns what stops the calls.
   */
  watchSync?(changed: () => void): () => void;
}

/** The page as analysed and painted. */
interface Painted {
  result: PageAnalysis;
  map: TextMap;
  noticeId: string;
  clauseRanges: Array<Range | null>;
}

/** What the UI shows besides the annotations (which the store holds). */
type UiState = Omit<AppState, 'annotations' | 'canUndo'>;

/** How long a page that is not (yet) a notice is watched for a body filled in by script. */
const LATE_BODY_WATCH_MS = 30_000;

export class NoticeLens {
  private readonly lifetime = new Lifetime();
  private readonly aborted = new AbortController();
  private readonly painter: Painter;
  private readonly store = new AnnotationStore();
  private readonly runs: AnalysisRuns;
  private readonly paintedText = new PaintedText();
  private readonly queue: SaveQueue<Request>;
  private readonly instance = Math.random().toString(36).slice(2);
  private painted: Painted | null = null;
  private state: UiState = {
    open: false,
    metadata: emptyMetadata(),
    clauses: [],
    hidden: new Set(),
    status: null,
    toolbar: null,
    tooltip: null,
    saved: false,
    text: '',
    filter: NO_FILTER,
    current: null,
    toast: null,
  };
  /** What the toast's 撤销 undoes. */
  private toastUndo: (() => void) | null = null;
  private stopToastTimer: (() => void) | null = null;
  private host: HTMLElement | null = null;
  private mount: HTMLElement | null = null;
  private ui: PageUi | null = null;
  private uiLoading: Promise<PageUi | null> | null = null;
  private pendingSelection: Span | null = null;
  private noticeSaved = false;
  private lastUrl: string;
  /** Stops the current watch on the page (its painted text, or a body still to come). */
  private stopWatching: (() => void) | null = null;
  private stopStatusTimer: (() => void) | null = null;
  /** The page around this frame, when this document is a frame's (see `NoticeLensDeps.viewedAt`). */
  private viewedAt: string | null = null;

  constructor(private readonly deps: NoticeLensDeps) {
    this.painter = choosePainter(deps.win, deps.doc);
    this.lastUrl = deps.win.location.href;
    this.lifetime.add(() => this.aborted.abort());
    this.runs = new AnalysisRuns((force, run) => this.analyseAndPaint(force, run));
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
      setTimer: (fn, ms) => this.lifetime.timeout(fn, ms),
    });
  }

  /** Analyse the page and listen to the analyst. `force`: paint it even when it does not look like a notice. */
  start(force = false): void {
    if (!this.lifetime.alive) return;
    void this.run(force);
    const unwatch = this.deps.watchSync?.(() => void this.syncChanged());
    if (unwatch) this.lifetime.add(unwatch);
    const { win, doc } = this.deps;
    this.lifetime.listen(doc, 'mouseup', (e) => this.onMouseUp(e), true);
    this.lifetime.listen<KeyboardEvent>(doc, 'keyup', (e) => {
      if (e.key === 'Shift' || e.key.startsWith('Arrow')) this.onMouseUp(e);
    });
    this.lifetime.listen<KeyboardEvent>(doc, 'keydown', (e) => this.onKeyDown(e));
    let frame = false;
    this.lifetime.listen<MouseEvent>(
      doc,
      'mousemove',
      (e) => {
        if (frame || !this.painted) return;
        frame = true;
        this.lifetime.frame(win, () => {
          frame = false;
          this.onHover(e.clientX, e.clientY);
        });
      },
      { passive: true },
    );
  }

  /** Analyse (again) and paint. Concurrent calls coalesce into one follow-up run. */
  run(force = false): Promise<void> {
    return this.runs.run(force);
  }

  /**
   * The page's address changed without a reload (a single-page site). The news may come as the navigation
   * starts: the page is read once the new address is in place, and not at all when it stays the same.
   */
  locationChanged(): void {
    this.lifetime.timeout(() => {
      const url = this.deps.win.location.href;
      if (url === this.lastUrl) return;
      this.lastUrl = url;
      this.runs.renew();
      this.noticeSaved = false;
      void this.run();
    }, 0);
  }

  /** Stop: no listener, observer or timer is left, the highlights are gone and the UI is removed. */
  destroy(): void {
    if (!this.lifetime.alive) return;
    this.runs.stop();
    this.lifetime.end();
    this.stopWatching = null;
    this.stopStatusTimer = null;
    this.stopToastTimer = null;
    this.painter.clear();
    this.painted = null;
    this.store.clear();
    this.unmount();
    removeHighlightStyles(this.deps.doc);
  }

  get destroyed(): boolean {
    return !this.lifetime.alive;
  }

  private async analyseAndPaint(force: boolean, run: number): Promise<void> {
    const { doc, send } = this.deps;
    if (this.deps.textElsewhere?.()) return this.standAside();
    const analysed = await analysePage(this.deps, force, this.aborted.signal);
    if (!analysed || !this.lifetime.alive) return;
    const { result, report } = analysed;

    // The shell filled in its frame meanwhile: the frame's own script has the notice.
    if (!analysed.show && this.deps.textElsewhere?.()) return this.standAside();
    if (!analysed.show) {
      this.unpaint();
      void send(report);
      this.unmount();
      this.watchForLateBody();
      return;
    }
    const map = new TextMap(result.domText, result.norm);
    const clauses = result.analysis.obligations;
    const clauseRanges: Array<Range | null> = new Array<Range | null>(clauses.length).fill(null);
    let t = performance.now();
    await sliced(clauses, (c, i) => {
      const range = map.toRange(doc, c.start, c.end);
      if (range) this.paintedText.remember(range);
      clauseRanges[i] = range;
    });
    if (!this.lifetime.alive) return;
    const ranges = performance.now() - t;
    // What was painted before (the clauses on screen, painted ahead) stays until this replaces it.
    this.unpaint();
    this.painted = { result, map, noticeId: analysed.noticeId, clauseRanges };
    t = performance.now();
    this.paintClauses();
    const paintedAt = performance.now();
    const firstPaint = analysed.firstPaintedAt ?? paintedAt;
    void send({ ...report, timings: pageTimings(analysed, ranges, paintedAt - t, firstPaint, run) });
    const [ui] = await Promise.all([this.loadUi(), this.readViewedAt()]);
    if (!ui || this.painted?.result !== result || !this.lifetime.alive) return;
    this.ensureMounted();
    this.state = {
      ...this.state,
      metadata: this.metadataOf(result),
      clauses,
      text: result.analysis.text,
      current: null,
    };
    this.renderUi();
    await this.loadAnnotations();
    if (this.painted?.result === result) this.watchPaintedText();
  }

  /** Nothing of this page is analysed: no highlights, no panel, no report, no watch. */
  private standAside(): void {
    this.unpaint();
    this.unmount();
  }

  private async readViewedAt(): Promise<void> {
    if (!this.deps.viewedAt) return;
    const url = await this.deps.viewedAt().catch(() => null);
    if (url) this.viewedAt = url;
  }

  /** The notice's metadata, its source being the page the analyst sees (the frame's own address stays in `urls`). */
  private metadataOf(result: PageAnalysis): PageAnalysis['analysis']['metadata'] {
    const metadata = result.analysis.metadata;
    return this.viewedAt ? { ...metadata, url: this.viewedAt } : metadata;
  }

  /** The UI and anchoring, loaded once per page (on its first notice); null when the extension could not inject it. */
  private loadUi(): Promise<PageUi | null> {
    this.uiLoading ??= loadModule(this.deps.send, 'ui').then((m) => {
      this.ui = m && typeof m === 'object' ? (m as PageUi) : null;
      if (!this.ui) this.uiLoading = null;
      return this.ui;
    });
    return this.uiLoading;
  }

  private paintClauses(): void {
    const p = this.painted;
    if (!p) return;
    const clauses = p.result.analysis.obligations;
    this.painter.paintClauses(
      clauses.map((c, i) => ({ category: c.category, soft: c.strength === 'soft', range: p.clauseRanges[i] })),
      this.state.hidden,
    );
  }

  private paintAnnotations(): void {
    if (this.painted) this.painter.paintAnnotations(this.store.painted());
  }

  private unpaint(): void {
    this.stopWatching?.();
    this.stopWatching = null;
    this.painter.clear();
    this.painted = null;
    this.store.clear();
  }

  /** Fetch this notice's annotations and place them: exact, by position and structure, then fuzzy; the rest are listed as unplaced. */
  private async loadAnnotations(): Promise<void> {
    const p = this.painted;
    if (!p) return;
    const { send, win } = this.deps;
    const stored = await send({ type: 'notice/get-by-url', url: win.location.href });
    if (!this.lifetime.alive) return;
    if (stored.ok && stored.value) {
      this.noticeSaved = true;
      this.state = { ...this.state, saved: Boolean((stored.value as { saved?: boolean }).saved) };
    }
    const [response, syncUser, syncConflicts] = await Promise.all([
      send({ type: 'annotation/list', noticeId: p.noticeId }),
      this.deps.syncUser?.().catch(() => null) ?? Promise.resolve(null),
      this.deps.syncConflicts?.().catch(() => undefined) ?? Promise.resolve(undefined),
    ]);
    if (!this.lifetime.alive || this.painted !== p) return;
    this.state = { ...this.state, syncUser, syncConflicts };
    if (!response.ok) {
      this.setStatus('error', this.deps.t('error', response.error));
      return;
    }
    this.placeAnnotations(
      p,
      (response.value as Annotation[]).filter((a) => !a.deletedAt),
    );
  }

  /**
   * Team sync changed what the panel shows: when one of this page's notes gained or lost other versions (or
   * the user changed), the notes are listed again as the library has them now (the version shown may differ).
   */
  private async syncChanged(): Promise<void> {
    const p = this.painted;
    if (!p || !this.ui) return;
    const [syncUser, syncConflicts] = await Promise.all([
      this.deps.syncUser?.().catch(() => null) ?? Promise.resolve(null),
      this.deps.syncConflicts?.().catch(() => undefined) ?? Promise.resolve(undefined),
    ]);
    if (!this.lifetime.alive || this.painted !== p) return;
    const before = this.state.syncConflicts;
    const touched = this.store
      .list()
      .some(({ annotation: a }) => (before?.has(a.id) ?? false) !== (syncConflicts?.has(a.id) ?? false));
    if (!touched && syncUser === (this.state.syncUser ?? null)) {
      this.state = { ...this.state, syncConflicts };
      return;
    }
    await this.loadAnnotations();
  }

  private placeAnnotations(p: Painted, annotations: Annotation[]): void {
    const ui = this.ui;
    if (!ui) return;
    const { text, outline } = p.result.analysis;
    const selectors = annotations.map((a) => a.selectors);
    const outcomes =
      annotations.length === 0
        ? []
        : ui.anchorOutcomes
          ? ui.anchorOutcomes(text, selectors, outline)
          : ui.anchorMany(text, selectors, outline).map((r) => (r ? { kind: 'placed' as const, ...r } : null));
    const { doc } = this.deps;
    this.store.replaceAll(annotations, (_a, i) => {
      const o = outcomes[i];
      if (!o || o.kind === 'unplaced') return null;
      // Several places fit and nothing tells them apart: none painted, each offered in the panel.
      if (o.kind === 'ambiguous')
        return { range: null, places: o.places.flatMap((s) => p.map.toRange(doc, s.start, s.end) ?? []) };
      const range = p.map.toRange(doc, o.start, o.end);
      if (range) this.paintedText.remember(range);
      // Placed on text that was edited since: the panel shows the quote and the text there now.
      return range && o.differs ? { range, current: text.slice(o.start, o.end) } : range;
    });
    this.paintAnnotations();
    this.renderUi();
  }

  /**
   * Re-analyse when the page rewrites the text we painted (live ranges change), within a re-run budget. A
   * ticker or a counter elsewhere on the page, even inside the notice's container, changes no painted text.
   */
  private watchPaintedText(): void {
    const { win, doc } = this.deps;
    if (!this.painted || typeof win.MutationObserver !== 'function') return;
    const rerun = debounce(
      () => {
        const p = this.painted;
        if (!p) return;
        // Painted text changed, or the page replaced what was read before a clause could be placed.
        const unplaced = p.clauseRanges.some((r) => r === null) && p.result.domText.nodes.some((n) => !n.isConnected);
        const lost = unplaced || this.paintedText.changed([...p.clauseRanges, ...this.store.placedRanges()]);
        if (lost) this.runs.rerun();
      },
      500,
      3000,
    );
    const observer = new win.MutationObserver((records) => {
      for (const r of records) {
        if (this.host && (r.target === this.host || this.host.contains(r.target))) continue;
        if (r.removedNodes.length > 0 || r.type === 'characterData') {
          rerun();
          return;
        }
      }
    });
    observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
    this.watch(observer, rerun);
  }

  /**
   * A page that is not a notice yet may still become one: single-page sites and CMS templates fill their
   * body by script after load. Watch for a while for a substantial amount of new text, then analyse again
   * (within the re-run budget, so a live ticker cannot keep us busy).
   */
  private watchForLateBody(): void {
    const { win, doc } = this.deps;
    const body = doc.body;
    if (typeof win.MutationObserver !== 'function' || !body) return;
    const started = Date.now();
    const baseline = body.textContent?.length ?? 0;
    const check = debounce(
      () => {
        if (Date.now() - started > LATE_BODY_WATCH_MS) return stop();
        const grown = (doc.body?.textContent?.length ?? 0) - baseline;
        if (grown > 200 && this.runs.rerun()) stop();
      },
      400,
      2000,
    );
    const observer = new win.MutationObserver(() => check());
    observer.observe(body, { childList: true, subtree: true, characterData: true });
    const stop = this.watch(observer, check);
    this.lifetime.timeout(stop, LATE_BODY_WATCH_MS);
  }

  /** Make `observer` (and its pending debounced check) the page's current watch. */
  private watch(observer: MutationObserver, pending: { cancel(): void }): () => void {
    this.stopWatching?.();
    const stop = this.lifetime.add(() => {
      observer.disconnect();
      pending.cancel();
      if (this.stopWatching === stop) this.stopWatching = null;
    });
    this.stopWatching = stop;
    return stop;
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
    setDocked(this.deps.doc, false);
    if (this.mount) this.ui?.render(this.mount, null);
    this.host?.remove();
    this.host = null;
    this.mount = null;
  }

  private renderUi(): void {
    if (!this.mount || !this.ui || !this.lifetime.alive) return;
    const state: AppState = { ...this.state, annotations: this.store.list(), canUndo: this.store.canUndo };
    this.ui.render(this.mount, { t: this.deps.t, state, actions: this.actions });
  }

  private setStatus(kind: 'info' | 'error', text: string, clearAfter = 0): void {
    this.stopStatusTimer?.();
    this.stopStatusTimer = null;
    this.state = { ...this.state, status: { kind, text } };
    this.renderUi();
    if (clearAfter) {
      this.stopStatusTimer = this.lifetime.timeout(() => {
        this.state = { ...this.state, status: null };
        this.renderUi();
      }, clearAfter);
    }
  }

  private readonly actions: AppActions = {
    open: () => {
      // The page narrows by the panel's width (highlight-styles.ts), so no text lies under it.
      if (this.host) setDocked(this.deps.doc, true);
      this.state = { ...this.state, open: true };
      this.renderUi();
    },
    close: () => {
      setDocked(this.deps.doc, false);
      this.state = { ...this.state, open: false };
      this.renderUi();
    },
    setFilter: (filter: ClauseFilter) => {
      this.state = { ...this.state, filter };
      this.renderUi();
    },
    step: (delta: 1 | -1) => this.step(delta),
    citationCopied: (text: string | null) => {
      if (text === null) this.showToast(this.deps.t('copyFailed'));
      else this.showToast(this.deps.t('copied'));
    },
    undoToast: () => {
      const undo = this.toastUndo;
      this.hideToast();
      undo?.();
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
      this.state = { ...this.state, current: index };
      this.renderUi();
      if (range) this.reveal(range);
    },
    annotationClick: (id: string) => {
      const range = this.store.rangeOf(id);
      if (range) this.reveal(range);
    },
    editAnnotation: (id: string) => {
      const a = this.store.get(id);
      if (!this.painted || !a) return;
      const rect = this.store.rangeOf(id)?.getBoundingClientRect();
      this.state = {
        ...this.state,
        toolbar: {
          x: rect ? rect.left : 40,
          y: rect ? rect.bottom : 80,
          top: rect ? rect.top : 80,
          quote: a.quote,
          initial: { colour: a.colour, note: a.note, tags: a.tags },
          expanded: true,
          editing: id,
        },
      };
      this.renderUi();
    },
    deleteAnnotation: (id: string) => {
      if (!this.painted || !this.store.delete(id)) return;
      this.queue.enqueue(`annotation:${id}`, { type: 'annotation/delete', id });
      this.paintAnnotations();
      this.renderUi();
    },
    reattachAnnotation: (id: string) => this.reattach(id),
    showPlace: (id: string, index: number) => {
      const range = this.store.placeOf(id, index);
      if (range) this.reveal(range);
    },
    undoDelete: () => {
      if (!this.painted) return;
      const id = this.store.undo();
      if (!id) return;
      this.queue.enqueue(`annotation:${id}`, { type: 'annotation/restore', id });
      this.paintAnnotations();
      this.renderUi();
    },
    saveDraft: (draft: AnnotationDraft) => this.saveDraft(draft),
    toggleSaved: () => {
      const p = this.painted;
      if (!p) return;
      const saved = !this.state.saved;
      if (!this.noticeSaved) {
        this.queue.enqueue(`notice:${p.noticeId}`, { type: 'notice/upsert', snapshot: this.snapshot(p) });
        this.noticeSaved = true;
      }
      this.queue.enqueue(`saved:${p.noticeId}`, { type: 'notice/set-saved', id: p.noticeId, saved });
      this.state = { ...this.state, saved };
      this.renderUi();
      // Taking it out of the library is one click away from undone.
      if (!saved) this.showToast(this.deps.t('removedFromLibrary'), () => this.actions.toggleSaved());
      else this.hideToast();
    },
    cancelDraft: () => {
      this.pendingSelection = null;
      this.painter.draft(null);
      this.state = { ...this.state, toolbar: null };
      this.renderUi();
    },
  };

  /** A short message over the page for a moment; with `undo`, its 撤销 button runs it. */
  private showToast(text: string, undo?: () => void): void {
    this.stopToastTimer?.();
    this.toastUndo = undo ?? null;
    this.state = { ...this.state, toast: { text, undo: Boolean(undo) } };
    this.renderUi();
    this.stopToastTimer = this.lifetime.timeout(() => this.hideToast(), undo ? 6000 : 1500);
  }

  private hideToast(): void {
    this.stopToastTimer?.();
    this.stopToastTimer = null;
    this.toastUndo = null;
    if (!this.state.toast) return;
    this.state = { ...this.state, toast: null };
    this.renderUi();
  }

  /** The clauses the panel lists, in text order: the category switches and the filters applied. */
  private shownClauses(): number[] {
    const p = this.painted;
    if (!p) return [];
    const clauses = p.result.analysis.obligations;
    const { hidden, filter } = this.state;
    if (this.ui?.shownClauses) return this.ui.shownClauses(p.result.analysis.text, clauses, hidden, filter);
    return clauses.flatMap((c, i) => (hidden.has(c.category) ? [] : [i]));
  }

  /** Step to the next or previous clause shown: scroll it clear of the panel, flash it, mark it in the list. */
  private step(delta: 1 | -1): void {
    const p = this.painted;
    if (!p) return;
    const shown = this.shownClauses().filter((i) => p.clauseRanges[i]);
    const next = stepClause(shown, this.state.current, delta);
    if (next === null) return;
    this.state = { ...this.state, current: next };
    this.renderUi();
    this.reveal(p.clauseRanges[next]!);
  }

  /**
   * Keys on the page: Alt+J / Alt+K step through the clauses, Esc closes the panel. Keys typed into the
   * page's own fields are left alone; keys in the panel come here too (its shadow root retargets them to the host).
   */
  private onKeyDown(e: KeyboardEvent): void {
    if (!this.painted || !this.host || e.defaultPrevented) return;
    const target = e.composedPath()[0];
    const inField =
      target instanceof this.deps.win.HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (inField && !(e.key === 'Escape' && e.composedPath().includes(this.host))) return;
    if (e.key === 'Escape' && this.state.open && !this.state.toolbar) {
      e.preventDefault();
      this.actions.close();
      return;
    }
    if (e.altKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyJ' || e.code === 'KeyK')) {
      e.preventDefault();
      this.step(e.code === 'KeyJ' ? 1 : -1);
    }
  }

  /** Put an annotation on the text the analyst selected (its quote and selectors taken there), and save it. */
  private reattach(id: string): void {
    const p = this.painted;
    const old = this.store.get(id);
    if (!p || !old || !this.ui) return;
    const span = this.pendingSelection ?? selectionSpan(this.deps.win.getSelection(), p.map);
    if (!span) {
      this.setStatus('info', this.deps.t('reattachNoSelection'), 5000);
      return;
    }
    const { text, outline } = p.result.analysis;
    const annotation: Annotation = {
      ...old,
      selectors: this.ui.describeSpan(text, span.start, span.end, outline),
      quote: text.slice(span.start, span.end),
      updatedAt: Math.max(Date.now(), old.updatedAt + 1),
    };
    const range = p.map.toRange(this.deps.doc, span.start, span.end);
    if (range) this.paintedText.remember(range);
    this.store.reattach(annotation, range);
    this.deps.win.getSelection()?.removeAllRanges();
    this.pendingSelection = null;
    this.queue.enqueue(`annotation:${id}`, { type: 'annotation/put', annotation });
    this.state = { ...this.state, toolbar: null };
    this.paintAnnotations();
    this.setStatus('info', this.deps.t('reattached'), 3000);
  }

  /**
   * Scroll a range into view, centred in the part of the window the panel leaves free, and flash it. The page
   * is narrowed while the panel is open; a page wider than what is left (a fixed-width layout) is scrolled
   * sideways until the range's right edge is clear of the panel.
   */
  private reveal(range: Range): void {
    const { win } = this.deps;
    const el = range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    const rect = range.getBoundingClientRect();
    const panel = this.state.open ? this.panelRect() : null;
    if (panel && rect.right > panel.left - 8) {
      const room = panel.left - 16;
      // Bring the right edge clear, without pushing the left edge out of the window.
      const dx = Math.min(rect.right - room, Math.max(0, rect.left - 8));
      if (dx > 0) win.scrollBy({ left: dx, behavior: 'instant' });
    }
    this.painter.flash(range);
  }

  /** Where the panel is in the window, when it is shown. */
  private panelRect(): DOMRect | null {
    const panel = this.mount?.querySelector('.panel');
    return panel ? panel.getBoundingClientRect() : null;
  }

  /** Show the toolbar for the current selection, when it lies inside the notice text. */
  private onMouseUp(e: Event): void {
    if (!this.painted) return;
    if (this.host && e.composedPath().includes(this.host)) return;
    this.lifetime.timeout(() => this.offerSelection(false), 0);
  }

  /** The analyst selected text (or pressed the shortcut): offer the toolbar, or highlight at once. */
  offerSelection(immediate: boolean, expanded = false): void {
    const p = this.painted;
    if (!p) return;
    const selection = this.deps.win.getSelection();
    const span = selectionSpan(selection, p.map);
    if (!span || !selection) {
      if (this.state.toolbar && !this.state.toolbar.editing) this.actions.cancelDraft();
      return;
    }
    this.pendingSelection = span;
    if (immediate) {
      this.saveDraft({ colour: 'yellow', note: '', tags: [] });
      return;
    }
    const selected = selection.getRangeAt(0);
    const rect = selected.getBoundingClientRect();
    // The selection stays marked while the focus is in the note form (which takes the page's selection away).
    this.painter.draft(selected.cloneRange());
    this.state = {
      ...this.state,
      tooltip: null,
      toolbar: {
        x: rect.left,
        y: rect.bottom,
        top: rect.top,
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
      const old = this.store.get(editing);
      if (!old) return;
      annotation = {
        ...old,
        colour: draft.colour,
        note: draft.note,
        tags: draft.tags,
        updatedAt: Math.max(now, old.updatedAt + 1),
      };
      this.store.update(annotation);
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
      if (range) this.paintedText.remember(range);
      this.store.add(annotation, range);
      this.deps.win.getSelection()?.removeAllRanges();
    }
    // The first write from this page carries the notice itself, stored in the same transaction.
    const notice = this.noticeSaved ? undefined : this.snapshot(p);
    this.noticeSaved = true;
    this.queue.enqueue(`annotation:${annotation.id}`, { type: 'annotation/put', annotation, notice });
    this.pendingSelection = null;
    this.painter.draft(null);
    this.state = { ...this.state, toolbar: null };
    this.paintAnnotations();
    this.renderUi();
  }

  /** The notice as the library keeps it: metadata, text, outline and clauses, so it outlives the site. */
  private snapshot(p: Painted): NoticeSnapshot {
    const a = p.result.analysis;
    return {
      id: p.noticeId,
      urls: [this.deps.win.location.href],
      metadata: this.metadataOf(p.result),
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
    return this.painted ? this.snapshot(this.painted) : null;
  }
}

function pageTimings(page: AnalysedPage, ranges: number, paint: number, paintedAt: number, runs: number): PageTimings {
  const timings: PageTimings = {
    ...page.stages,
    ranges,
    paint,
    total: paintedAt - page.started,
    paintedAt,
    runs,
    transfer: page.transfer,
    backgroundPauses: page.backgroundPauses,
  };
  for (const k of Object.keys(timings) as Array<keyof PageTimings>) timings[k] = Math.round(timings[k] * 100) / 100;
  return timings;
}

function newId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
