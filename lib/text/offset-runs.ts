/**
 * A normalisation offset map (`NormalisedText.map`) in a compact form for messages: the map is the identity
 * shifted by a constant over long runs (normalisation changes a text in few places), so it is sent as the
 * start of each run and the source offset there. A 100,000-character notice maps in a few hundred numbers.
 */

/** `[start0, source0, start1, source1, …]`: from each start up to the next, map[i] = source + (i − start). */
export function encodeOffsetMap(map: Int32Array): number[] {
  const runs: number[] = [];
  for (let i = 0; i < map.length; i++) {
    if (i === 0 || map[i] !== map[i - 1] + 1) runs.push(i, map[i]);
  }
  return runs;
}

/** The map back, `length` entries long (the text's length + 1). Throws on runs that do not describe such a map. */
export function decodeOffsetMap(runs: readonly number[], length: number): Int32Array {
  if (runs.length % 2 !== 0 || (length > 0 && runs[0] !== 0)) throw new Error('offset runs: malformed');
  const map = new Int32Array(length);
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k];
    const end = k + 2 < runs.length ? runs[k + 2] : length;
    if (!(start < end || (start === end && k + 2 >= runs.length)) || end > length)
      throw new Error('offset runs: out of order');
    const source = runs[k + 1];
    for (let i = start; i < end; i++) map[i] = source + (i - start);
  }
  return map;
}
