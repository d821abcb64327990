/**
 * Everything the content script leaves running on a page — event listeners, observers, timers, animation
 * frames — registered in one place, so that ending it (the extension updated or reloaded, the script
 * injected again) leaves nothing behind that could still react to the page.
 */

export class Lifetime {
  private readonly disposers = new Set<() => void>();
  private ended = false;

  get alive(): boolean {
    return !this.ended;
  }

  /** Run `dispose` when this lifetime ends (at once when it already has). Returns a function that runs it early. */
  add(dispose: () => void): () => void {
    if (this.ended) {
      dispose();
      return () => undefined;
    }
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      this.disposers.delete(once);
      dispose();
    };
    this.disposers.add(once);
    return once;
  }

  listen<E extends Event>(
    target: EventTarget,
    type: string,
    handler: (event: E) => void,
    options?: AddEventListenerOptions | boolean,
  ): () => void {
    if (this.ended) return () => undefined;
    const listener = (event: Event) => {
      if (!this.ended) handler(event as E);
    };
    target.addEventListener(type, listener, options);
    const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
    return this.add(() => target.removeEventListener(type, listener, capture));
  }

  /** A timer that never fires after the end. Returns a function that clears it. */
  timeout(fn: () => void, ms: number): () => void {
    if (this.ended) return () => undefined;
    let stop = () => undefined as void;
    const id = setTimeout(() => {
      stop();
      if (!this.ended) fn();
    }, ms);
    stop = this.add(() => clearTimeout(id));
    return stop;
  }

  /** An observer disconnected at the end (or when the returned function is called). */
  observer(observer: MutationObserver): () => void {
    return this.add(() => observer.disconnect());
  }

  /** One animation frame, cancelled at the end. */
  frame(win: Window, fn: () => void): () => void {
    if (this.ended) return () => undefined;
    let stop = () => undefined as void;
    const id = win.requestAnimationFrame(() => {
      stop();
      if (!this.ended) fn();
    });
    stop = this.add(() => win.cancelAnimationFrame(id));
    return stop;
  }

  /** End: run every disposer, newest first. Later registrations are disposed of at once. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    const all = [...this.disposers].reverse();
    this.disposers.clear();
    for (const dispose of all) {
      try {
        dispose();
      } catch {
        // One failing clean-up must not keep the others from running.
      }
    }
  }
}
