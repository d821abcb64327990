/**
 * Knowing when to (re)analyse a page without re-running on every DOM mutation.
 *
 * - Late bodies (flk.npc.gov.cn fills its body by script): `whenSettled` resolves once mutations stop for a
 *   quiet period, or after a maximum wait.
 * - Single-page sites change the URL without a reload: `watchUrl` reports URL changes (Navigation API where
 *   available, a cheap poll otherwise).
 * - Pages that change all the time (tickers, infinite scroll) must not make us loop: `RerunBudget` allows a
 *   few re-runs per minute and then stops until the URL changes.
 */

export function whenSettled(doc: Document, quietMs: number, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    const win = doc.defaultView;
    if (!win || typeof win.MutationObserver !== 'function') return resolve();
    let quiet: ReturnType<typeof setTimeout>;
    const done = () => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(ceiling);
      resolve();
    };
    const observer = new win.MutationObserver(() => {
      clearTimeout(quiet);
      quiet = setTimeout(done, quietMs);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    quiet = setTimeout(done, quietMs);
    const ceiling = setTimeout(done, maxMs);
  });
}

/** Call `onChange(url)` when the page's URL changes without a reload. Returns a stop function. */
export function watchUrl(win: Window, onChange: (url: string) => void, pollMs = 1000): () => void {
  let last = win.location.href;
  const check = () => {
    const now = win.location.href;
    if (now !== last) {
      last = now;
      onChange(now);
    }
  };
  const nav = (win as unknown as { navigation?: EventTarget }).navigation;
  const onNav = () => setTimeout(check, 0);
  nav?.addEventListener('navigatesuccess', onNav);
  win.addEventListener('popstate', onNav);
  win.addEventListener('hashchange', onNav);
  const timer = setInterval(check, pollMs);
  return () => {
    nav?.removeEventListener('navigatesuccess', onNav);
    win.removeEventListener('popstate', onNav);
    win.removeEventListener('hashchange', onNav);
    clearInterval(timer);
  };
}

/** At most `limit` re-runs in any `windowMs`; beyond that the page is treated as live and left alone. */
export class RerunBudget {
  private times: number[] = [];
  constructor(
    private readonly limit = 4,
    private readonly windowMs = 60_000,
  ) {}

  take(now = Date.now()): boolean {
    this.times = this.times.filter((t) => now - t < this.windowMs);
    if (this.times.length >= this.limit) return false;
    this.times.push(now);
    return true;
  }

  reset(): void {
    this.times = [];
  }
}
