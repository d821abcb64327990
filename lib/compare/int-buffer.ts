/**
 * A growable Int32Array. Candidate lists, runs and near-match pairs live in these rather than in one small
 * array or object each: long texts have tens of thousands of clauses, and those allocations (and their
 * garbage collection) were most of the comparison's time.
 */
export class IntBuffer {
  data = new Int32Array(64);
  length = 0;

  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
}

/** Insertion sort of `xs[from..to)`, for short ranges. */
export function sortRange(xs: Int32Array | number[], from: number, to: number): void {
  for (let p = from + 1; p < to; p++) {
    const v = xs[p];
    let q = p - 1;
    while (q >= from && xs[q] > v) {
      xs[q + 1] = xs[q];
      q--;
    }
    xs[q + 1] = v;
  }
}
