/**
 * Knowing when to (re)analyse a page without re-running on every DOM mutation.
 *
 * - Late bodies (flk.npc.gov.cn fills its body by script): `whenSettled` resolves once mutations stop for a
 *   quiet period, or after a maximum wait.
 * - Single-page sites change the URL without a reload: the content script hears of it from WXT's
 *   location-change event and analyses again, with a renewed budget.
 * - Pages that change all the time (tickers, infinite scroll) must not make us loop: `RerunBudget` allows a
 *   few re-runs per minute and then stops until the URL changes.
 */

/** Resolves once the page stops changing for `quietMs`, after `maxMs` at most, or at once when `signal` aborts. */
export function whenSettled(doc: Document, quietMs: number, maxMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const win = doc.defaultView;
    if (!win || typeof win.MutationObserver !== 'function' || signal?.aborted) return resolve();
    let quiet: ReturnType<typeof setTimeout>;
    const done = () => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(ceiling);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const observer = new win.MutationObserver(() => {
      clearTimeout(quiet);
      quiet = setTimeout(done, quietMs);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    quiet = setTimeout(done, quietMs);
    const ceiling = setTimeout(done, maxMs);
    signal?.addEventListener('abort', done);
  });
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

/**
 * The text of each painted range as it was painted. A live Range follows the DOM: when the page removes or
 * rewrites text inside it, its text changes (or it collapses). Changes elsewhere, even inside the notice's
 * container (a ticker, a view counter, paragraphs appended below), leave every painted range as it was, and
 * are no reason to analyse the page again.
 */
export class PaintedText {
  private readonly texts = new WeakMap<Range, string>();

  remember(range: Range): void {
    this.texts.set(range, range.toString());
  }

  /** True when any of these ranges no longer shows the text it was painted over. */
  changed(ranges: Iterable<Range | null | undefined>): boolean {
    for (const range of ranges) {
      if (!range) continue;
      const painted = this.texts.get(range);
      if (painted === undefined) continue;
      // (Browsers move a range off removed nodes; a DOM without live ranges leaves it on detached ones.)
      if (!range.startContainer.isConnected || !range.endContainer.isConnected) return true;
      if (range.collapsed || range.toString() !== painted) return true;
    }
    return false;
  }
}
