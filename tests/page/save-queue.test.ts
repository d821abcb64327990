import { describe, expect, it } from 'vitest';
import { SaveQueue, type QueuedWrite } from '../../lib/page/save-queue';

function manualTimers() {
  const timers: Array<() => void> = [];
  return {
    setTimer: (fn: () => void) => timers.push(fn),
    fire: async () => {
      const t = timers.shift();
      t?.();
      await new Promise((r) => setTimeout(r, 0));
    },
    count: () => timers.length,
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('SaveQueue', () => {
  it('retries a failed write until the background stores it, and reports the error meanwhile', async () => {
    const stored: string[] = [];
    let failures = 2;
    const statuses: Array<string | null> = [];
    const timers = manualTimers();
    const q = new SaveQueue<string>({
      send: (p) => {
        if (failures-- > 0) return Promise.resolve({ ok: false, error: 'service worker restarted', retry: true });
        stored.push(p);
        return Promise.resolve({ ok: true });
      },
      onStatus: (s) => statuses.push(s.lastError),
      setTimer: timers.setTimer,
    });
    q.enqueue('a1', 'first note');
    await flush();
    expect(stored).toEqual([]);
    expect(q.size).toBe(1);
    expect(statuses).toContain('service worker restarted');
    await timers.fire();
    await timers.fire();
    expect(stored).toEqual(['first note']);
    expect(q.size).toBe(0);
  });

  it('keeps a newer write for the same annotation instead of sending both', async () => {
    const stored: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const q = new SaveQueue<string>({
      send: async (p) => {
        await gate;
        stored.push(p);
        return { ok: true };
      },
    });
    q.enqueue('a1', 'v1');
    q.enqueue('a2', 'other');
    q.enqueue('a2', 'other v2');
    release();
    await flush();
    await flush();
    expect(stored).toEqual(['v1', 'other v2']);
  });

  it('persists what is still waiting, so a closed tab loses nothing', async () => {
    let persisted: QueuedWrite<string>[] = [];
    const timers = manualTimers();
    const q = new SaveQueue<string>({
      send: () => Promise.resolve({ ok: false, error: 'offline', retry: true }),
      persist: (p) => (persisted = p),
      setTimer: timers.setTimer,
    });
    q.enqueue('a1', 'note');
    await flush();
    expect(persisted.map((w) => w.payload)).toEqual(['note']);

    const stored: string[] = [];
    const next = new SaveQueue<string>({
      send: (p) => (stored.push(p), Promise.resolve({ ok: true })),
      persist: (p) => (persisted = p),
    });
    next.restore(persisted);
    await flush();
    expect(stored).toEqual(['note']);
    expect(persisted).toEqual([]);
  });

  it('drops only a write the background rejects as invalid, and says so', async () => {
    const errors: string[] = [];
    const stored: string[] = [];
    const q = new SaveQueue<string>({
      send: (p) =>
        Promise.resolve(
          p === 'bad' ? { ok: false, error: 'note too long', retry: false } : (stored.push(p), { ok: true }),
        ),
      onStatus: (s) => s.gaveUp && s.lastError && errors.push(s.lastError),
    });
    q.enqueue('a1', 'bad');
    q.enqueue('a2', 'good');
    await flush();
    await flush();
    expect(errors).toEqual(['note too long']);
    expect(stored).toEqual(['good']);
  });
});
