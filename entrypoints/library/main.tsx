import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { CompareView } from '../../components/CompareView';
import type { MessageKey, Translate } from '../../components/messages';
import { FIRST_ANNOTATIONS, NoticeDetail } from '../../components/NoticeDetail';
import { FilterBar, NO_FACETS, NoticeResults, type Facets, type ListedNotice } from '../../components/NoticeList';
import { pageCss } from '../../components/page-styles';
import { libraryCss } from '../../components/library-styles';
import {
  alignPassages,
  compareNotices,
  mostSimilarPair,
  swapRows,
  type AlignedRow,
  type Comparison,
} from '../../lib/compare';
import {
  DEFAULT_MAX_IMPORT_BYTES,
  exportFileName,
  exportTitle,
  parseImportFile,
  toCsvBytes,
  toDocx,
  toCslJson,
  toMarkdown,
  toRis,
  toW3CJson,
  type ExportItem,
} from '../../lib/export';
import { readFacets } from '../../lib/library/facets';
import { exportLibrary, importLibrary, takeInterruptedImport } from '../../lib/library/transfer';
import {
  NoticeLensDB,
  NoticeRepository,
  describeStorageError,
  ensureRoomToWrite,
  type NoticeFilters,
} from '../../lib/storage';
import type { ConflictInfo } from '../../lib/schema/sync';
import type { NoticeFirstScreen } from '../../lib/storage/first-page';
import { assembleNotice, stripTerms, type MergeSummary } from '../../lib/storage/repository';
import type { Annotation, SavedNotice } from '../../lib/types';
import { loadTranslate } from '../locale/i18n';

const db = new NoticeLensDB();
const repo = new NoticeRepository(db);
/**
 * Entries of one document stored apart before they were merged on saving: merged once, before the first list
 * (a page opened on one notice does not wait for it: reading every entry's 发文字号 would come first).
 */
let duplicatesMerged: Promise<number> | null = null;
const mergeDuplicatesOnce = () => (duplicatesMerged ??= repo.mergeDuplicates().catch(() => 0));
if (parseRoute(location.hash).view === 'list') void mergeDuplicatesOnce();

/**
 * Run `fn` in a task after the next frame is produced: work that must not hold up the frame showing what
 * was just drawn (an effect may run before the paint when its component is drawn again). A tab that draws
 * no frames (hidden) runs it after 100 ms. Returns a cancel.
 */
function afterPaint(fn: () => unknown): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    timer = setTimeout(fn);
  };
  const frame = requestAnimationFrame(run);
  const fallback = setTimeout(run, 100);
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    clearTimeout(timer);
  };
}

/** Search hits drawn at once (a screen and more), then the rest of the page of hits the library lists. */
const FIRST_HITS = 24;
const SEARCH_PAGE = 200;

type Route = { view: 'list' } | { view: 'notice'; id: string } | { view: 'compare'; ids: string[] };

function parseRoute(hash: string): Route {
  const h = hash.replace(/^#/, '');
  if (h.startsWith('notice=')) return { view: 'notice', id: decodeURIComponent(h.slice(7)) };
  if (h.startsWith('compare='))
    return { view: 'compare', ids: h.slice(8).split(',').map(decodeURIComponent).filter(Boolean) };
  return { view: 'list' };
}

function download(name: string, data: Uint8Array | string, type: string): void {
  const blob = new Blob([data as BlobPart], { type });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser takes the file from the blob's address when the download starts: the address is kept a minute
  // for a large export, or until the page goes. A blob holds the whole export in memory, so the next export
  // releases the one before (its download began while this one was being written): a library exported
  // several times in a row would otherwise hold hundreds of MB per copy and the browser would refuse the next.
  releaseExport?.();
  const url = a.href;
  const revoke = () => {
    URL.revokeObjectURL(url);
    clearTimeout(timer);
    removeEventListener('pagehide', revoke);
    if (releaseExport === revoke) releaseExport = null;
  };
  const timer = setTimeout(revoke, 60_000);
  addEventListener('pagehide', revoke, { once: true });
  releaseExport = revoke;
}

/** Releases the blob of the last export still kept for its download. */
let releaseExport: (() => void) | null = null;

type Format = 'md' | 'csv' | 'json' | 'docx' | 'csl' | 'ris';

async function exportItems(items: ExportItem[], format: Format): Promise<void> {
  const title = exportTitle(items.map((i) => i.notice));
  if (format === 'md') download(exportFileName(title, 'md'), toMarkdown(items), 'text/markdown;charset=utf-8');
  if (format === 'csv') download(exportFileName(title, 'csv'), toCsvBytes(items), 'text/csv;charset=utf-8');
  if (format === 'json') download(exportFileName(title, 'jsonld'), toW3CJson(items), 'application/ld+json');
  const notices = items.map((i) => i.notice);
  if (format === 'csl')
    download(exportFileName(title, 'json'), toCslJson(notices), 'application/vnd.citationstyles.csl+json');
  if (format === 'ris') download(exportFileName(title, 'ris'), toRis(notices), 'application/x-research-info-systems');
  if (format === 'docx')
    download(
      exportFileName(title, 'docx'),
      await toDocx(items),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
}

/** The export formats, in the order their buttons are shown, with each button's label. */
const EXPORT_LABELS: Record<Format, MessageKey> = {
  md: 'exportMarkdown',
  csv: 'exportCsv',
  json: 'exportJson',
  docx: 'exportDocx',
  csl: 'exportCsl',
  ris: 'exportRis',
};

function ExportButtons(p: { t: Translate; onExport(format: Format): void; disabled?: boolean }) {
  return (
    <span class="exports">
      {p.t('export')}:
      {(Object.keys(EXPORT_LABELS) as Format[]).map((format) => (
        <button
          key={format}
          type="button"
          class="btn"
          data-export={format}
          disabled={p.disabled}
          onClick={() => p.onExport(format)}
        >
          {p.t(EXPORT_LABELS[format])}
        </button>
      ))}
    </span>
  );
}

function Library({ t }: { t: Translate }) {
  const [route, setRoute] = useState<Route>(parseRoute(location.hash));
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  const report = (kind: 'info' | 'error', text: string | null) => setStatus(text === null ? null : { kind, text });
  const changed = () => setVersion((v) => v + 1);
  // An import this page (or another library tab) was running when it went away: say so, once.
  useEffect(() => {
    void (async () => {
      const held = await navigator.locks.query().then(
        (s) => s.held ?? [],
        () => [],
      );
      if (held.some((l) => l.name === IMPORT_LOCK)) return;
      const interrupted = await takeInterruptedImport(repo);
      if (interrupted) report('error', t('importInterrupted', interrupted.fileName));
    })().catch(() => undefined);
  }, []);

  return (
    <div class="library">
      <div class="bar">
        <h1>
          <a href="#" class="home">
            {t('panelTitle')} · {t('library')}
          </a>
        </h1>
        <ImportButton
          t={t}
          onDone={(text, kind, imported) => {
            report(kind, text);
            if (imported) changed();
          }}
        />
      </div>
      {status && (
        <div class={`status ${status.kind}`} role="status" data-section="status">
          {status.text}
        </div>
      )}
      {route.view === 'list' && <ListView t={t} version={version} report={report} changed={changed} />}
      {route.view === 'notice' && <DetailView t={t} id={route.id} report={report} />}
      {route.view === 'compare' && <CompareRoute t={t} ids={route.ids} report={report} />}
    </div>
  );
}

/** Held while an import runs, so another library tab does not take it for an interrupted one. */
const IMPORT_LOCK = 'notice-lens-import';

/** `imported`: the library changed (reload the list); a failed import changed nothing. */
function ImportButton(p: { t: Translate; onDone(text: string, kind: 'info' | 'error', imported?: boolean): void }) {
  const onFile = async (file: File) => {
    // Refuse an oversized file before reading it into memory.
    if (file.size > DEFAULT_MAX_IMPORT_BYTES)
      return p.onDone(
        p.t('importFailed', `${Math.round(file.size / 1048576)} MB > ${DEFAULT_MAX_IMPORT_BYTES / 1048576} MB`),
        'error',
      );
    const text = await file.text();
    const parsed = parseImportFile(text);
    if (!parsed.ok) return p.onDone(p.t('importFailed', parsed.error), 'error');
    try {
      const result = await navigator.locks.request(IMPORT_LOCK, () =>
        importLibrary(repo, parsed.notices, parsed.annotations, {
          fileName: file.name,
          onStarted: () =>
            p.onDone(p.t('importing', file.name, parsed.notices.length, parsed.annotations.length), 'info'),
        }),
      );
      p.onDone(
        p.t('importReport', result.added, result.changed, result.unchanged, result.annotationsAdded),
        'info',
        result.added + result.changed + result.annotations > 0,
      );
    } catch (e) {
      p.onDone(p.t('importFailed', describeStorageError(e)), 'error');
    }
  };
  return (
    <label class="importer">
      {p.t('import')}
      <input
        type="file"
        accept=".json,.jsonld,application/json,application/ld+json"
        data-field="import"
        onChange={(e) => {
          const f = (e.target as HTMLInputElement).files?.[0];
          (e.target as HTMLInputElement).value = '';
          if (f) void onFile(f);
        }}
      />
    </label>
  );
}

function ListView(p: {
  t: Translate;
  version: number;
  report(kind: 'info' | 'error', text: string | null): void;
  changed(): void;
}) {
  const { t } = p;
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<NoticeFilters>({});
  const [facets, setFacets] = useState<Facets>(NO_FACETS);
  const [items, setItems] = useState<ListedNotice[]>([]);
  const [total, setTotal] = useState(0);
  /** The query the shown rows answer ('' for the library itself); null before the first answer. */
  const [shownQuery, setShownQuery] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [undo, setUndo] = useState<string[] | null>(null);

  /** The answer whose other rows are still to be read (its first screen is shown), and which answer it is. */
  const [rest, setRest] = useState<{ query: string; filters: NoticeFilters; answer: number } | null>(null);
  const answer = useRef(0);

  // Asked for as soon as the query or a filter changes, not after the next frame (when effects run). A
  // search asks for the first screen of hits; the rest of its page follows once they are shown.
  useLayoutEffect(() => {
    let live = true;
    const asked = ++answer.current;
    const run = async () => {
      await mergeDuplicatesOnce();
      const started = performance.now();
      if (query.trim()) {
        const r = await repo.search(query, filters, { limit: FIRST_HITS });
        if (live) {
          setItems(r.hits.map((h) => ({ notice: h.notice, snippet: h.snippet })));
          setTotal(r.total);
          setShownQuery(query.trim());
          setRest(r.exact ? null : { query, filters, answer: asked });
        }
      } else {
        const page = await repo.listNotices({ filters, limit: 500 });
        if (live) {
          setItems(page.items.map((notice) => ({ notice, snippet: null })));
          setTotal(page.total);
          setShownQuery('');
          setRest(null);
        }
      }
      document.documentElement.dataset.searchMs = String(Math.round(performance.now() - started));
    };
    run().catch((e) => p.report('error', t('error', describeStorageError(e))));
    return () => {
      live = false;
    };
  }, [query, filters, p.version]);
  // The rest of a search's page, read once its first screen is painted.
  useEffect(() => {
    if (!rest) return;
    return afterPaint(() =>
      repo.search(rest.query, rest.filters, { limit: SEARCH_PAGE }).then(
        (r) => {
          if (answer.current !== rest.answer) return; // another query or filter since
          setItems(r.hits.map((h) => ({ notice: h.notice, snippet: h.snippet })));
          setTotal(r.total);
          setRest(null);
        },
        (e: unknown) => p.report('error', t('error', describeStorageError(e))),
      ),
    );
  }, [rest]);
  useEffect(() => void readFacets(db).then(setFacets), [p.version]);

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const ids = [...selected];
  const exportSelected = async (format: Format) => {
    try {
      p.report('info', t('exporting'));
      await exportItems(await exportLibrary(repo, ids.length ? ids : undefined), format);
      p.report('info', null);
    } catch (e) {
      p.report('error', t('error', describeStorageError(e)));
    }
  };
  const remove = async () => {
    const done = await ensureRoomToWrite()
      .then(() => repo.deleteNotices(ids))
      .catch((e) => p.report('error', t('error', describeStorageError(e))));
    if (done === undefined) return;
    setUndo(ids);
    setSelected(new Set());
    p.report('info', `${t('deleted')}（${ids.length}）`);
    p.changed();
  };
  const restore = async () => {
    if (!undo) return;
    const done = await ensureRoomToWrite()
      .then(() => repo.restoreNotices(undo))
      .catch((e) => p.report('error', t('error', describeStorageError(e))));
    if (done === undefined) return;
    setUndo(null);
    p.report('info', t('undo'));
    p.changed();
  };

  return (
    <div class="listview">
      <FilterBar t={t} query={query} filters={filters} facets={facets} onQuery={setQuery} onFilters={setFilters} />
      <div class="actions">
        <span class="muted">
          {t('library')} {total} · {t('selected', ids.length)}
        </span>
        <button
          type="button"
          class="btn primary"
          data-action="compare"
          disabled={ids.length < 2}
          onClick={() => (location.hash = `compare=${ids.map(encodeURIComponent).join(',')}`)}
        >
          {t('compare')}
        </button>
        <button
          type="button"
          class="btn"
          data-action="delete"
          disabled={ids.length === 0}
          onClick={() => void remove()}
        >
          {t('deleteSelected')}
        </button>
        {undo && (
          <button type="button" class="btn" data-action="undo" onClick={() => void restore()}>
            {t('undo')}
          </button>
        )}
        <ExportButtons t={t} onExport={(format) => void exportSelected(format)} />
      </div>
      <NoticeResults
        t={t}
        query={query}
        shownQuery={shownQuery}
        items={items}
        filling={rest !== null}
        selected={selected}
        onToggleSelect={toggle}
        onOpen={(id) => (location.hash = `notice=${encodeURIComponent(id)}`)}
      />
    </div>
  );
}

/**
 * A notice and its annotations; `complete` false while only the first screen of annotations is read, and
 * `total` how many there are.
 */
type Detail = { notice: SavedNotice; annotations: Annotation[]; complete: boolean; total: number };

/**
 * A notice and its annotations, read together; null when there is no such notice. `firstScreen`: only the
 * annotations the detail draws first (the others are read after it is shown, `completeDetail`).
 */
async function readDetail(id: string, firstScreen = false): Promise<Detail | null> {
  // One read transaction for both (each read would otherwise open its own).
  const [notice, { annotations, complete, total }] = await db.transaction(
    'r',
    [db.notices, db.noticeTexts, db.noticeAnalyses, db.merges, db.annotations],
    () =>
      Promise.all([
        repo.getNotice(id),
        firstScreen
          ? repo.firstAnnotations(id, FIRST_ANNOTATIONS)
          : repo
              .listAnnotations(id)
              .then((annotations) => ({ annotations, complete: true, total: annotations.length })),
      ]),
  );
  return notice ? { notice, annotations, complete, total } : null;
}

/** A detail with every annotation (the one given when it has them all). */
async function completeDetail(detail: Detail): Promise<Detail> {
  if (detail.complete) return detail;
  const annotations = await repo.listAnnotations(detail.notice.id);
  return { ...detail, annotations, complete: true, total: annotations.length };
}

/** A notice and its first screen of annotations as library-prefetch.js read them. */
function prefetchedDetail({ row, text, analysis, annotations, complete }: NoticeFirstScreen): Detail {
  return {
    notice: assembleNotice(row, text, analysis),
    annotations: annotations.map(stripTerms),
    complete,
    total: complete ? annotations.length : Math.max(row.annotationCount ?? 0, FIRST_ANNOTATIONS),
  };
}

/**
 * The notice the page was opened on (#notice=…): read by library-prefetch.js while this code loaded, else
 * asked for as the page loads, alongside its language, rather than after the first render.
 */
let openedOn: { id: string; detail: Promise<Detail | null> } | null = (() => {
  const route = parseRoute(location.hash);
  if (route.view !== 'notice') return null;
  const prefetched = (globalThis as { noticeLensOpened?: { id: string; read: Promise<NoticeFirstScreen | null> } })
    .noticeLensOpened;
  const detail =
    prefetched?.id === route.id
      ? prefetched.read.then((screen) => (screen ? prefetchedDetail(screen) : readDetail(route.id, true)))
      : readDetail(route.id, true);
  detail.catch(() => undefined); // reported when the view takes it
  return { id: route.id, detail };
})();

/** The detail of a notice: the one read as the page loaded, once, else read now. */
function takeDetail(id: string): Promise<Detail | null> {
  const opened = openedOn;
  openedOn = null;
  return opened?.id === id ? opened.detail : readDetail(id, true);
}

/** The notice the page was opened on, once read (null: there is none), before the page is first drawn. */
let openedRead: { id: string; detail: Detail | null } | null = null;

/**
 * Settles when the notice the page was opened on has been read, or after `ms`: the page is first drawn with
 * it rather than with a placeholder followed, a frame later, by the notice.
 */
function openedReadWithin(ms: number): Promise<void> {
  const opened = openedOn;
  if (!opened) return Promise.resolve();
  const read = opened.detail.then(
    (detail) => {
      if (openedOn === opened) openedRead = { id: opened.id, detail };
    },
    () => undefined,
  );
  return Promise.race([read, new Promise<void>((resolve) => setTimeout(resolve, ms))]);
}

/** The detail `openedReadWithin` has for this notice (taken once), or undefined. */
function takeReadDetail(id: string): Detail | null | undefined {
  const read = openedRead;
  if (read?.id !== id || openedOn?.id !== id) return undefined;
  openedRead = null;
  openedOn = null;
  return read.detail;
}

/** Annotations of a notice with other versions from team sync (none when sync is off). */
async function readConflicts(noticeId: string): Promise<ConflictInfo[]> {
  const r = await browser.runtime
    .sendMessage<object, { ok: boolean; value?: ConflictInfo[] }>({ type: 'sync/conflicts', noticeId })
    .catch(() => null);
  return r?.ok && Array.isArray(r.value) ? r.value : [];
}

/** The signed-in team sync user (null while sync is off): the library offers 我的 / 团队 / 全部 then. */
async function readSyncUser(): Promise<string | null> {
  const r = await browser.runtime
    .sendMessage<object, { ok: boolean; value?: { state?: string; user?: string | null } }>({ type: 'sync/status' })
    .catch(() => null);
  return r?.ok && r.value?.state !== 'off' ? (r.value?.user ?? null) : null;
}

function DetailView(p: { t: Translate; id: string; report(kind: 'info' | 'error', text: string | null): void }) {
  const [data, setData] = useState<Detail | null | undefined>(() => takeReadDetail(p.id));
  // Drawn first with the notice already read: the effect below does not read it again.
  const readBeforeDrawn = useRef(data !== undefined);
  const [conflicts, setConflicts] = useState<ConflictInfo[]>([]);
  const [syncUser, setSyncUser] = useState<string | null>(null);
  const [merges, setMerges] = useState<MergeSummary[]>([]);
  useEffect(() => {
    void repo.listMerges(p.id).then(setMerges, () => setMerges([]));
    if (readBeforeDrawn.current) readBeforeDrawn.current = false;
    else
      void takeDetail(p.id)
        .then(setData)
        .catch((e) => p.report('error', p.t('error', describeStorageError(e))));
    void readConflicts(p.id).then(setConflicts);
    void readSyncUser().then(setSyncUser);
  }, [p.id]);
  // The other annotations, once the first screen is painted.
  useEffect(() => {
    if (!data || data.complete) return;
    let live = true;
    const cancel = afterPaint(() =>
      completeDetail(data).then(
        (full) =>
          live &&
          setData((d) => (d?.notice.id === full.notice.id && !d.complete ? { ...d, ...full, notice: d.notice } : d)),
        (e: unknown) => p.report('error', p.t('error', describeStorageError(e))),
      ),
    );
    return () => {
      live = false;
      cancel();
    };
  }, [data]);
  const keepVersion = (annotationId: string, rev: string) =>
    void (async () => {
      const r = await browser.runtime.sendMessage<object, { ok: boolean; error?: string }>({
        type: 'sync/resolve',
        annotationId,
        rev,
      });
      if (!r?.ok) throw new Error(r?.error ?? 'sync/resolve');
      const [detail, left] = await Promise.all([readDetail(p.id), readConflicts(p.id)]);
      setData(detail);
      setConflicts(left);
      p.report('info', p.t('syncResolved'));
    })().catch((e: unknown) => p.report('error', p.t('error', (e as Error).message)));
  if (data === undefined) return <div class="empty">{p.t('loading')}</div>;
  if (data === null) return <div class="empty">{p.t('noResults')}</div>;
  return (
    <div>
      <div class="actions">
        <ExportButtons t={p.t} onExport={(f) => void completeDetail(data).then((full) => exportItems([full], f))} />
      </div>
      <NoticeDetail
        t={p.t}
        notice={data.notice}
        annotations={data.annotations}
        annotationTotal={data.complete ? undefined : data.total}
        conflicts={conflicts}
        onKeepVersion={keepVersion}
        syncUser={syncUser}
        merges={merges}
        onSplit={(from) =>
          void (async () => {
            await repo.splitMerge(from);
            const [detail, left] = await Promise.all([readDetail(p.id), repo.listMerges(p.id)]);
            setData(detail);
            setMerges(left);
            p.report('info', p.t('mergeUndone'));
          })().catch((e: unknown) => p.report('error', p.t('error', describeStorageError(e))))
        }
        onSaveTags={(tags) =>
          void repo.setNoticeTags(data.notice.id, tags).then(
            (notice) => {
              setData({ ...data, notice });
              p.report('info', p.t('tagsSaved'));
            },
            (e: unknown) => p.report('error', p.t('error', describeStorageError(e))),
          )
        }
        onCopyCitation={(text) =>
          void navigator.clipboard.writeText(text).then(
            () => p.report('info', p.t('citationCopied', text.length > 60 ? `${text.slice(0, 60)}…` : text)),
            (e: unknown) => p.report('error', p.t('error', String(e))),
          )
        }
      />
    </div>
  );
}

function CompareRoute(p: { t: Translate; ids: string[]; report(kind: 'info' | 'error', text: string | null): void }) {
  const [state, setState] = useState<{ notices: SavedNotice[]; comparison: Comparison; ms: number } | null>(null);
  const [pick, setPick] = useState<[number, number]>([0, 1]);
  const [rows, setRows] = useState<AlignedRow[]>([]);
  useEffect(() => {
    void (async () => {
      const notices = (await Promise.all(p.ids.map((id) => repo.getNotice(id)))).filter(
        (n): n is SavedNotice => n !== null,
      );
      if (notices.length < 2) throw new Error(p.t('noResults'));
      const started = performance.now();
      const comparison = compareNotices(
        notices.map((n) => ({
          title: n.metadata.title,
          text: n.text,
          obligations: n.obligations,
          metadata: n.metadata,
        })),
      );
      const ms = performance.now() - started;
      document.documentElement.dataset.compareMs = String(Math.round(ms));
      setPick(mostSimilarPair(comparison.pairs));
      setState({ notices, comparison, ms });
    })().catch((e) => p.report('error', p.t('error', (e as Error).message)));
  }, [p.ids.join(',')]);
  useEffect(() => {
    if (!state) return;
    const [a, b] = pick;
    const pair = state.comparison.pairs.find((x) => x.a === Math.min(a, b) && x.b === Math.max(a, b));
    if (!pair) return;
    const rows = alignPassages(state.notices[pair.a].text, state.notices[pair.b].text, pair.passages);
    setRows(a <= b ? rows : swapRows(rows));
  }, [state, pick[0], pick[1]]);
  if (!state) return <div class="empty">{p.t('loading')}</div>;
  return (
    <CompareView
      t={p.t}
      notices={state.notices}
      comparison={state.comparison}
      left={pick[0]}
      right={pick[1]}
      rows={rows}
      onPick={(a, b) => setPick([a, b])}
    />
  );
}

const style = document.createElement('style');
style.textContent = `${pageCss()}\n${libraryCss()}`;
document.head.appendChild(style);
void Promise.all([loadTranslate(), openedReadWithin(300)]).then(([t]) =>
  render(<Library t={t} />, document.getElementById('app')!),
);
