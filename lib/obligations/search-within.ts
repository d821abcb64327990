/**
 * Bounded character search. `String.prototype.indexOf` runs to the end of the text when the
 * character is absent; called once per clause that makes a pass quadratic on long inputs, so every
 * look-around in this folder searches only inside the span it reasons about.
 */

/** First index of `ch` in f[from, to), or -1. */
export function indexWithin(f: string, ch: string, from: number, to: number): number {
  const end = Math.min(to, f.length);
  for (let i = Math.max(0, from); i < end; i++) if (f[i] === ch) return i;
  return -1;
}

/** Last index of `ch` in f[from, to), or -1. */
export function lastIndexWithin(f: string, ch: string, from: number, to: number): number {
  for (let i = Math.min(to, f.length) - 1; i >= Math.max(0, from); i--) if (f[i] === ch) return i;
  return -1;
}

/**
 * The offset after the words of `words` that open f at `p` (any number, in any order: 同时还…), or `p` when
 * none does. Stops looking once at `limit`; a word is matched whole even when it runs past `limit`.
 */
export function skipWords(f: string, p: number, limit: number, words: readonly string[]): number {
  let moved = true;
  while (moved && p < limit) {
    moved = false;
    for (const w of words) {
      if (f.startsWith(w, p)) {
        p += w.length;
        moved = true;
        break;
      }
    }
  }
  return p;
}
