/**
 * The record ids seen so far, to reject a record listed twice in one file. CRM ids are mostly numbers
 * (HubSpot's Record ID), and exports mostly list them in ascending order: an id above every id seen so far
 * cannot be a repeat and is appended to a sorted run (no hashing, memory touched in order); any other
 * number is looked up in that run by binary search and kept in an open-addressing table of doubles (8 bytes
 * each, no object per entry), several times cheaper than a JavaScript Set for a million ids. Ids that are not
 * numbers go to a Set.
 */
/** The ids of an IdSet as plain data: the numeric ones in one typed array, the others as strings. */
export interface IdSnapshot {
  numbers: Float64Array;
  texts: string[];
}

export class IdSet {
  /** Every number that was above all the ids before it, ascending. */
  private ascending = new Float64Array(1 << 12);
  private ascendingSize = 0;
  private table = new Float64Array(1 << 12).fill(Number.NaN);
  private size = 0;
  private readonly strings = new Set<string>();

  /** Every id held, as plain data to cross to another thread (`IdSet.from` rebuilds the set). */
  snapshot(): IdSnapshot {
    const numbers = new Float64Array(this.ascendingSize + this.size);
    numbers.set(this.ascending.subarray(0, this.ascendingSize));
    let at = this.ascendingSize;
    for (const id of this.table) if (!Number.isNaN(id)) numbers[at++] = id;
    return { numbers, texts: [...this.strings] };
  }

  static from(snapshot: IdSnapshot): IdSet {
    const set = new IdSet();
    set.absorb(snapshot);
    return set;
  }

  /** True when an id of the snapshot is in this set (a record listed in two pieces of one file). */
  intersects(other: IdSnapshot): boolean {
    for (const id of other.numbers) if (this.hasNumber(id)) return true;
    for (const id of other.texts) if (this.strings.has(id)) return true;
    return false;
  }

  /** Adds every id of the snapshot. */
  absorb(other: IdSnapshot): void {
    const numbers = other.numbers;
    // The usual case, ids ascending through the file: the other set's ascending run goes on after this one's, in one copy.
    let run = 0;
    const top = this.ascendingSize > 0 ? this.ascending[this.ascendingSize - 1]! : -Infinity;
    while (run < numbers.length && numbers[run]! > (run === 0 ? top : numbers[run - 1]!)) run++;
    if (run > 0) {
      const need = this.ascendingSize + run;
      if (need > this.ascending.length) {
        const grown = new Float64Array(Math.max(need, this.ascending.length * 2));
        grown.set(this.ascending.subarray(0, this.ascendingSize));
        this.ascending = grown;
      }
      this.ascending.set(numbers.subarray(0, run), this.ascendingSize);
      this.ascendingSize = need;
    }
    for (let i = run; i < numbers.length; i++) this.addNumber(numbers[i]!);
    for (const id of other.texts) this.addText(id);
  }

  private hasNumber(id: number): boolean {
    if (this.ascendingSize > 0 && id > this.ascending[this.ascendingSize - 1]!) return false;
    if (this.inAscending(id)) return true;
    const table = this.table;
    const mask = table.length - 1;
    for (let slot = hash(id) & mask; ; slot = (slot + 1) & mask) {
      const here = table[slot]!;
      if (Number.isNaN(here)) return false;
      if (here === id) return true;
    }
  }

  /** Adds the id; false when it was already there. */
  add(id: number | string): boolean {
    return typeof id === 'string' ? this.addText(id) : this.addNumber(id);
  }

  addText(id: string): boolean {
    if (this.strings.has(id)) return false;
    this.strings.add(id);
    return true;
  }

  /** A whole number of at most 15 digits (the hot path: no string, no boxing). */
  addNumber(id: number): boolean {
    const top = this.ascendingSize;
    if (top === 0 || id > this.ascending[top - 1]!) {
      if (top === this.ascending.length) {
        const grown = new Float64Array(top * 2);
        grown.set(this.ascending);
        this.ascending = grown;
      }
      this.ascending[top] = id;
      this.ascendingSize = top + 1;
      return true;
    }
    if (this.inAscending(id)) return false;
    if (this.insert(this.table, id)) {
      if (++this.size * 2 > this.table.length) this.grow();
      return true;
    }
    return false;
  }

  private inAscending(id: number): boolean {
    let low = 0;
    let high = this.ascendingSize - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const here = this.ascending[mid]!;
      if (here === id) return true;
      if (here < id) low = mid + 1;
      else high = mid - 1;
    }
    return false;
  }

  private insert(table: Float64Array, id: number): boolean {
    const mask = table.length - 1;
    let slot = hash(id) & mask;
    for (;;) {
      const here = table[slot]!;
      if (Number.isNaN(here)) {
        table[slot] = id;
        return true;
      }
      if (here === id) return false;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Float64Array(old.length * 2).fill(Number.NaN);
    for (const id of old) if (!Number.isNaN(id)) this.insert(this.table, id);
  }
}

/** Mixes both 32-bit halves of an integer id (up to 15 digits) into a table index. */
function hash(id: number): number {
  const low = id | 0;
  const high = (id / 4294967296) | 0;
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
