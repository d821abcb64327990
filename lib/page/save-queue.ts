/**
 * Writes from the page to the background that are never dropped.
 *
 * Every annotation write carries its annotation's id and updatedAt, so sending it twice is harmless (the
 * repository keeps the newest). A write that fails (the service worker was stopped mid-write, storage
 * refused it) stays queued, is retried with back-off, and is reported to the analyst; the queue is also
 * handed to `persist` after every change so writes survive the tab closing, and the background replays
 * persisted writes when it starts.
 */

export interface QueuedWrite<T> {
  /** Key of the thing written: a newer write for the same key replaces an older one still waiting. */
  key: string;
  payload: T;
  attempts: number;
}

export interface SaveQueueOptions<T> {
  send(payload: T): Promise<{ ok: true } | { ok: false; error: string; retry: boolean }>;
  persist?(pending: QueuedWrite<T>[]): void;
  onStatus?(status: { pending: number; lastError: string | null; gaveUp: boolean }): void;
  /** Back-off between attempts, ms. */
  delays?: number[];
  setTimer?(fn: () => void, ms: number): unknown;
}

const DEFAULT_DELAYS = [500, 1000, 2000, 5000, 10000, 30000];

export class SaveQueue<T> {
  private pending: QueuedWrite<T>[] = [];
  private running = false;
  private lastError: string | null = null;
  private timerSet = false;

  constructor(private readonly options: SaveQueueOptions<T>) {}

  /** Queue a write and start sending. Resolves when this write (or a newer one for its key) is stored. */
  enqueue(key: string, payload: T): void {
    const existing = this.pending.findIndex((w) => w.key === key);
    if (existing >= 0 && !(this.running && existing === 0)) this.pending[existing] = { key, payload, attempts: 0 };
    else this.pending.push({ key, payload, attempts: 0 });
    this.changed();
    void this.drain();
  }

  /** Writes restored from a previous page life (persisted queue). */
  restore(writes: QueuedWrite<T>[]): void {
    for (const w of writes) this.pending.push({ ...w, attempts: 0 });
    this.changed();
    void this.drain();
  }

  get size(): number {
    return this.pending.length;
  }

  private changed(): void {
    this.options.persist?.(this.pending.slice());
    this.options.onStatus?.({ pending: this.pending.length, lastError: this.lastError, gaveUp: false });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.pending.length > 0) {
        const write = this.pending[0];
        let result: Awaited<ReturnType<SaveQueueOptions<T>['send']>>;
        try {
          result = await this.options.send(write.payload);
        } catch (e) {
          result = { ok: false, error: (e as Error)?.message ?? String(e), retry: true };
        }
        if (result.ok) {
          // A newer write for the same key may have replaced this one while it was in flight.
          if (this.pending[0] === write) this.pending.shift();
          this.lastError = null;
          this.changed();
          continue;
        }
        this.lastError = result.error;
        write.attempts += 1;
        if (!result.retry) {
          // The background refused it as invalid: sending again cannot help; report and drop only this write.
          this.pending.shift();
          this.options.onStatus?.({ pending: this.pending.length, lastError: result.error, gaveUp: true });
          this.options.persist?.(this.pending.slice());
          continue;
        }
        this.changed();
        const delays = this.options.delays ?? DEFAULT_DELAYS;
        const delay = delays[Math.min(write.attempts - 1, delays.length - 1)];
        this.running = false;
        if (!this.timerSet) {
          this.timerSet = true;
          (this.options.setTimer ?? setTimeout)(() => {
            this.timerSet = false;
            void this.drain();
          }, delay);
        }
        return;
      }
    } finally {
      this.running = false;
    }
  }
}
