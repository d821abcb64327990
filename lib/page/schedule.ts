/**
 * Cooperative scheduling for work on the page's main thread: the content script splits its analysis into
 * stages and yields between them, so no single task blocks the page for long (input stays responsive).
 */

/** Yield to the event loop: `scheduler.yield()` where it exists, else a message-channel macrotask. */
export function yieldToMain(): Promise<void> {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (sched && typeof sched.yield === 'function') return sched.yield();
  return yieldToTasks();
}

/**
 * Yield behind the tasks already queued: a message-channel macrotask. `scheduler.yield()` resumes ahead of
 * other tasks of its priority, so a loop yielding with it keeps an answer that arrived meanwhile (a port's
 * message from the background) waiting until the loop ends; this lets that answer in first.
 */
export function yieldToTasks(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'function') {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    } else setTimeout(resolve, 0);
  });
}

/**
 * Run `work(item)` over items, yielding whenever a slice has used up `budgetMs`, so long lists (thousands of
 * ranges to build) never make one long task.
 */
export async function sliced<T>(
  items: readonly T[],
  work: (item: T, index: number) => void,
  budgetMs = 8,
): Promise<void> {
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    work(items[i], i);
    if ((i & 31) === 31 && performance.now() - sliceStart > budgetMs) {
      await yieldToMain();
      sliceStart = performance.now();
    }
  }
}

/** Debounce with a ceiling: fires `wait` ms after the last call, but at least every `maxWait` ms while calls keep coming. */
export function debounce(fn: () => void, wait: number, maxWait: number): { (): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let first = 0;
  const run = () => {
    timer = null;
    first = 0;
    fn();
  };
  const call = () => {
    const now = Date.now();
    if (!first) first = now;
    if (timer) clearTimeout(timer);
    const remaining = Math.max(0, Math.min(wait, maxWait - (now - first)));
    timer = setTimeout(run, remaining);
  };
  call.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    first = 0;
  };
  return call;
}
