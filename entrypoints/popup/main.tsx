import { render } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { SyncStatusLine } from '../../components/SyncSettings';
import {
  CategoryCounts,
  FilterBar,
  NO_FACETS,
  NoticeResults,
  type Facets,
  type ListedNotice,
} from '../../components/NoticeList';
import type { Translate } from '../../components/messages';
import { pageCss } from '../../components/page-styles';
import { UI_LANGUAGE_KEY, type UiLanguage } from '../../components/translate';
import type { AnalysisReport } from '../../lib/messages';
import { readFacets } from '../../lib/library/facets';
import { rankSimilar } from '../../lib/library/similar';
import {
  NoticeLensDB,
  NoticeRepository,
  describeStorageError,
  ensureRoomToWrite,
  type NoticeFilters,
  type NoticeSummary,
} from '../../lib/storage';
import type { NoticeRow as StoredNotice } from '../../lib/storage/db';
import { POPUP_PAGE } from '../../lib/storage/first-page';
import { toSummary, type NoticeSnapshot } from '../../lib/storage/records';
import { NOTICE_SITE_MATCHES } from '../../lib/sites';
import { loadTranslate } from '../locale/i18n';

const db = new NoticeLensDB();
const repo = new NoticeRepository(db);

/**
 * The library's first page, read by popup-prefetch.js while this code loaded (else asked for now),
 * alongside the UI language rather than after the first render: opening the database and reading the page
 * is most of the time to a useful popup. Without the number of notices: counting the whole library would
 * hold the page back (it is counted next).
 */
const prefetched =
  (globalThis as { noticeLensFirstPage?: Promise<StoredNotice[] | null> }).noticeLensFirstPage ?? Promise.resolve(null);
let firstPage: Promise<NoticeSummary[]> | null = prefetched.then((rows) =>
  rows ? rows.map(toSummary) : repo.recentNotices({ limit: POPUP_PAGE }),
);
/** Settles when the first page has been read (or failed): later reads start then, not competing with it. */
const firstPageRead: Promise<unknown> = firstPage.then(
  () => undefined,
  () => undefined,
);

/** The first page for the unfiltered library, once; null for any other list. */
function takeFirstPage(f: NoticeFilters): Promise<NoticeSummary[]> | null {
  const page = firstPage;
  firstPage = null;
  return page && Object.values(f).every((v) => v === undefined) ? page : null;
}

interface Current {
  tabId: number;
  url: string;
  report: (AnalysisReport & { at: number }) | null;
  saved: boolean;
  stored: boolean;
  granted: boolean;
}

async function readCurrent(): Promise<Current | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined || !tab.url) return null;
  const key = `tab:${tab.id}`;
  const report = ((await browser.storage.session.get(key))[key] ?? null) as Current['report'];
  const notice = report ? await repo.getNotice(report.noticeId) : await repo.findNoticeByUrl(tab.url);
  let granted = true;
  if (/^https?:/.test(tab.url)) {
    const origin = `${new URL(tab.url).origin}/*`;
    granted = await browser.permissions.contains({ origins: [origin] }).catch(() => false);
  }
  return { tabId: tab.id, url: tab.url, report, saved: Boolean(notice?.saved), stored: Boolean(notice), granted };
}

function Popup({ t }: { t: Translate }) {
  const [current, setCurrent] = useState<Current | null>(null);
  const [items, setItems] = useState<ListedNotice[]>([]);
  /** Notices in the list's library or search; null while being counted. */
  const [total, setTotal] = useState<number | null>(null);
  /** The query the shown rows answer ('' for the library itself); null before the first answer. */
  const [shownQuery, setShownQuery] = useState<string | null>(null);
  const latest = useRef(0);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<NoticeFilters>({});
  const [facets, setFacets] = useState<Facets>(NO_FACETS);
  const [similar, setSimilar] = useState<Array<{ id: string; title: string; similarity: number }>>([]);
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  /** Shown after ★ took the notice out of the library: 撤销 puts it back. */
  const [unsaved, setUnsaved] = useState<string | null>(null);
  const [language, setLanguage] = useState<UiLanguage>('auto');

  const refreshList = async (q: string, f: NoticeFilters) => {
    // Answers can come back out of order while the analyst types: only the latest request is shown.
    const request = ++latest.current;
    try {
      if (q.trim()) {
        const result = await repo.search(q, f, { limit: POPUP_PAGE });
        if (request !== latest.current) return;
        setItems(result.hits.map((h) => ({ notice: h.notice, snippet: h.snippet })));
        setTotal(result.total);
      } else {
        const first = takeFirstPage(f);
        if (first) {
          // The first page on screen, then the number of notices.
          const items = await first;
          if (request !== latest.current) return;
          setItems(items.map((notice) => ({ notice, snippet: null })));
          setTotal(null);
          setShownQuery('');
          const total = await repo.countNotices(f);
          if (request === latest.current) setTotal(total);
          return;
        }
        const page = await repo.listNotices({ filters: f, limit: POPUP_PAGE });
        if (request !== latest.current) return;
        setItems(page.items.map((notice) => ({ notice, snippet: null })));
        setTotal(page.total);
      }
      setShownQuery(q.trim());
    } catch (e) {
      setStatus({ kind: 'error', text: t('error', describeStorageError(e)) });
    }
  };

  // Asked for as soon as the query or a filter changes, not after the next frame (when effects run).
  useLayoutEffect(() => {
    void refreshList(query, filters);
  }, [query, filters]);

  useEffect(() => {
    void readCurrent().then(setCurrent);
    // The filters' values once the list is on screen: they are not needed before the analyst can see it.
    void firstPageRead
      .then(() => new Promise((r) => setTimeout(r)))
      .then(() => readFacets(db))
      .then(setFacets);
    void browser.storage.local
      .get(UI_LANGUAGE_KEY)
      .then((s) => setLanguage((s[UI_LANGUAGE_KEY] as UiLanguage) ?? 'auto'));
  }, []);

  // Notices most like the current one, for a quick compare (after the first paint).
  useEffect(() => {
    const id = current?.report?.isNotice ? current.report.noticeId : null;
    if (!id) return;
    void rankSimilar(repo, id, 3)
      .then(setSimilar)
      .catch(() => setSimilar([]));
  }, [current?.report?.noticeId]);

  const knownSite = useMemo(() => {
    if (!current) return false;
    try {
      const host = new URL(current.url).hostname;
      return NOTICE_SITE_MATCHES.some((m) => {
        const pattern = m.split('://')[1].split('/')[0];
        return pattern.startsWith('*.')
          ? host === pattern.slice(2) || host.endsWith(pattern.slice(1))
          : host === pattern;
      });
    } catch {
      return false;
    }
  }, [current?.url]);

  const analyse = async () => {
    if (!current) return;
    const r = await browser.runtime.sendMessage<
      { type: 'popup/analyse-tab'; tabId: number },
      { ok: boolean; error?: string } | undefined
    >({ type: 'popup/analyse-tab', tabId: current.tabId });
    if (!r?.ok) setStatus({ kind: 'error', text: t('error', r?.error ?? '') });
    setTimeout(() => void readCurrent().then(setCurrent), 800);
  };

  const toggleSaved = async () => {
    if (!current?.report) return;
    try {
      await ensureRoomToWrite();
      if (!current.stored) {
        const snapshot = await browser.tabs.sendMessage<{ type: 'page/snapshot' }, NoticeSnapshot | null>(
          current.tabId,
          { type: 'page/snapshot' },
        );
        if (!snapshot) throw new Error(t('noNoticeHere'));
        await repo.upsertNotice({ ...snapshot, saved: true });
      } else {
        await repo.setSaved(current.report.noticeId, !current.saved);
      }
      setUnsaved(current.stored && current.saved ? current.report.noticeId : null);
      setCurrent(await readCurrent());
      await refreshList(query, filters);
    } catch (e) {
      // Storage failures get the message the analyst can act on (storage full…); our own errors are already one.
      setStatus({
        kind: 'error',
        text: t('error', e instanceof Error && e.name === 'Error' ? e.message : describeStorageError(e)),
      });
    }
  };

  const grant = async () => {
    if (!current) return;
    const origin = `${new URL(current.url).origin}/*`;
    const ok = await browser.permissions.request({ origins: [origin] }).catch(() => false);
    if (ok) await analyse();
  };

  const openLibrary = (hash = '') => {
    void browser.tabs.create({ url: `${browser.runtime.getURL('/library.html')}${hash}` });
    window.close();
  };

  const chooseLanguage = async (value: UiLanguage) => {
    await browser.storage.local.set({ [UI_LANGUAGE_KEY]: value });
    location.reload();
  };

  const report = current?.report;
  return (
    <div class="popup">
      <div class="bar">
        <h1>{t('panelTitle')}</h1>
        <button type="button" data-action="library" onClick={() => openLibrary()}>
          {t('openLibrary')}
        </button>
      </div>

      <div class="card" data-section="current">
        <h2>{t('currentPage')}</h2>
        {report?.isNotice ? (
          <>
            <span class="t">{report.title ?? current!.url}</span>
            <div class="muted">{t('clauseCount', report.clauseCount ?? 0)}</div>
            <CategoryCounts t={t} counts={report.counts} />
            <div style={{ marginTop: '6px', display: 'flex', gap: '6px' }}>
              <button
                type="button"
                class={`btn${current!.saved ? '' : ' primary'}`}
                data-action="save"
                onClick={() => void toggleSaved()}
              >
                {current!.saved ? `★ ${t('inLibrary')}` : t('saveNotice')}
              </button>
              {current!.stored && (
                <button
                  type="button"
                  class="btn"
                  data-action="detail"
                  onClick={() => openLibrary(`#notice=${encodeURIComponent(report.noticeId)}`)}
                >
                  {t('library')}
                </button>
              )}
            </div>
          </>
        ) : (
          <>
            <div class="muted">{report ? t('notNotice') : t('noNoticeHere')}</div>
            <div style={{ marginTop: '6px', display: 'flex', gap: '6px', flexWrap: 'wrap' }}>
              <button type="button" class="btn primary" data-action="analyse" onClick={() => void analyse()}>
                {report ? t('analyseAnyway') : t('cmdAnalyse')}
              </button>
              {!knownSite && current && !current.granted && /^https?:/.test(current.url) && (
                <button
                  type="button"
                  class="btn"
                  data-action="grant"
                  onClick={() => void grant()}
                  title={t('permissionNeeded')}
                >
                  {t('grantSite')}
                </button>
              )}
            </div>
          </>
        )}
        {similar.length > 0 && (
          <div data-section="similar">
            <h2>{t('similar')}</h2>
            {similar.map((s) => (
              <div key={s.id} class="muted">
                <button
                  type="button"
                  class="btn"
                  data-compare={s.id}
                  onClick={() =>
                    openLibrary(`#compare=${encodeURIComponent(report!.noticeId)},${encodeURIComponent(s.id)}`)
                  }
                >
                  {t('compare')}
                </button>{' '}
                {Math.round(s.similarity * 100)}% · {s.title}
              </div>
            ))}
          </div>
        )}
      </div>

      <h2 style={{ padding: '0 12px' }}>
        {t('library')} ({total ?? '…'})
      </h2>
      <FilterBar t={t} query={query} filters={filters} facets={facets} onQuery={setQuery} onFilters={setFilters} />
      <NoticeResults
        t={t}
        query={query}
        shownQuery={shownQuery}
        items={items}
        onOpen={(id) => openLibrary(`#notice=${encodeURIComponent(id)}`)}
      />
      {status && <div class={`status ${status.kind}`}>{status.text}</div>}
      {unsaved && (
        <div class="status info" role="status" data-section="unsaved">
          {t('removedFromLibrary')}{' '}
          <button
            type="button"
            class="btn"
            data-action="undo-unsave"
            onClick={() =>
              void repo
                .setSaved(unsaved, true)
                .then(async () => {
                  setUnsaved(null);
                  setCurrent(await readCurrent());
                  await refreshList(query, filters);
                })
                .catch((e) => setStatus({ kind: 'error', text: t('error', describeStorageError(e)) }))
            }
          >
            {t('undo')}
          </button>
        </div>
      )}
      <SyncStatusLine t={t} />
      <div class="muted" style={{ padding: '4px 12px 10px', fontSize: '12px' }}>
        <select
          aria-label="language"
          value={language}
          onChange={(e) => void chooseLanguage((e.target as HTMLSelectElement).value as UiLanguage)}
        >
          <option value="auto">界面语言 / Language: 跟随浏览器</option>
          <option value="zh_CN">中文</option>
          <option value="en">English</option>
        </select>
      </div>
    </div>
  );
}

const style = document.createElement('style');
style.textContent = `${pageCss()}\nbody{width:400px;max-height:600px}`;
document.head.appendChild(style);
void loadTranslate().then((t) => render(<Popup t={t} />, document.getElementById('app')!));
