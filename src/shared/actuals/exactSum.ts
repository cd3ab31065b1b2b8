/**
 * A sum of floating-point numbers kept exactly (Shewchuk's non-overlapping partials, as in Python's
 * `math.fsum`), read as the correctly rounded double. Money amounts such as 0.1 + 0.2 otherwise round a
 * little differently depending on the order they are added in; kept exactly, the total is the same whatever
 * the order or grouping, so a file imported in pieces (see parallelImport.ts) sums to the very same double as
 * the file read from start to end. Partials stay few (one or two for amounts with cents).
 */
export class ExactSum {
  private partials: number[] = [];

  add(value: number): void {
    const partials = this.partials;
    let x = value;
    let kept = 0;
    for (let i = 0; i < partials.length; i++) {
      let y = partials[i]!;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[kept++] = lo;
      x = hi;
    }
    partials.length = kept;
    partials.push(x);
  }

  /** Adds everything another sum holds: the result is the sum of both sets of values, exactly. */
  addSum(other: ExactSum): void {
    for (const p of other.partials) this.add(p);
  }

  /** The partials, to send the sum to another thread (`fromPartials` rebuilds it). */
  toPartials(): number[] {
    return [...this.partials];
  }

  static fromPartials(partials: readonly number[]): ExactSum {
    const sum = new ExactSum();
    for (const p of partials) sum.add(p);
    return sum;
  }

  /** The exact sum rounded once to the nearest double (ties to even), as `math.fsum` does. */
  value(): number {
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    let hi = p[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n]!;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Half-way cases: the partials below decide which way the rounding goes.
    if (n > 0 && ((lo < 0 && p[n - 1]! < 0) || (lo > 0 && p[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }
}
