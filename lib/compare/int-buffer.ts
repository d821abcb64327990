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
