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
