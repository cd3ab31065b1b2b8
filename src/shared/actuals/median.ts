/**
 * Medians over a streamed file with bounded memory. Every sketch keeps its values exactly (a growing
 * Float64Array) while the whole import holds at most `budget.values` exact values (2,000,000 by default,
 * 16 MB); a sketch that would pass the budget moves to a log-scale histogram: bucket i holds values v with
 * floor(ln(1 + v) / ln(1.01)) = i, and its median is the middle of the bucket that holds the middle rank —
 * within 0.5 % of (1 + the true median), i.e. a few minutes for medians of a few hours. `exact` says which.
 */
export interface MedianBudget {
  values: number;
  /** When set, every exact add is recorded (the sketch's id) and every move to a histogram counted: see mergeSketches.ts. */
  log?: MedianLog;
}

/** The order in which one piece of a file added exact values to its sketches (parallelImport.ts replays it). */
export interface MedianLog {
  ids: Int32Array;
  length: number;
  /** Sketches that moved to a histogram in this piece (its values are then lost to a later replay). */
  conversions: number;
}

export function newMedianLog(): MedianLog {
  return { ids: new Int32Array(1024), length: 0, conversions: 0 };
}

function record(log: MedianLog, id: number): void {
  if (log.length === log.ids.length) {
    const grown = new Int32Array(log.ids.length * 2);
    grown.set(log.ids);
    log.ids = grown;
  }
  log.ids[log.length++] = id;
}

export const DEFAULT_MEDIAN_BUDGET = 2_000_000;
const LOG_STEP = Math.log(1.01);
const BUCKETS = 4096;

export class MedianSketch {
  private values = new Float64Array(16);
  private size = 0;
  private histogram: Uint32Array | null = null;
  private count = 0;

  /** `id` names the sketch in a MedianLog (month and which median, see aggregate.ts). */
  constructor(
    private readonly budget: MedianBudget,
    readonly id = 0,
  ) {}

  get exact(): boolean {
    return this.histogram === null;
  }

  get length(): number {
    return this.count;
  }

  add(value: number): void {
    this.count++;
    if (this.histogram) {
      this.addToHistogram(value);
      return;
    }
    if (this.budget.values <= 0) {
      this.toHistogram();
      this.addToHistogram(value);
      return;
    }
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size++] = value;
    this.budget.values--;
    if (this.budget.log) record(this.budget.log, this.id);
  }

  /** The exact values held (a copy), to send them to another thread. */
  exactValues(): Float64Array {
    return this.values.slice(0, this.size);
  }

  /** How many exact values it holds now (fewer than `length` once it is a histogram: then none). */
  get exactCount(): number {
    return this.size;
  }

  /**
   * Takes in values another piece of the file added to the same month's sketch. `asHistogram`: the
   * sequential import would have moved this sketch to a histogram (decided by mergeSketches.ts, which also
   * sets the budget): it moves now, and the values go into the histogram; else they are kept exactly.
   */
  absorb(values: Float64Array, asHistogram: boolean): void {
    this.count += values.length;
    if (asHistogram && !this.histogram) {
      const histogram = new Uint32Array(BUCKETS);
      this.histogram = histogram;
      for (let i = 0; i < this.size; i++) this.addToHistogram(this.values[i]!);
      this.values = new Float64Array(0);
      this.size = 0;
    }
    if (this.histogram) {
      for (const v of values) this.addToHistogram(v);
      return;
    }
    if (this.size + values.length > this.values.length) {
      const grown = new Float64Array(Math.max(this.size + values.length, this.values.length * 2));
      grown.set(this.values.subarray(0, this.size));
      this.values = grown;
    }
    this.values.set(values, this.size);
    this.size += values.length;
  }

  /** The median (mean of the two middle values for an even count); null when empty. */
  median(): number | null {
    if (this.count === 0) return null;
    if (this.histogram) return this.histogramMedian(this.histogram);
    // The middle values by selection (linear on average), not a full sort of a month's values.
    const values = this.values.slice(0, this.size);
    const mid = this.size >> 1;
    const upper = selectNth(values, mid);
    if (this.size % 2 === 1) return upper;
    // After selecting rank mid, everything before it is no greater: the largest of those is rank mid - 1.
    let lower = values[0]!;
    for (let i = 1; i < mid; i++) if (values[i]! > lower) lower = values[i]!;
    return (lower + upper) / 2;
  }

  private toHistogram(): void {
    const histogram = new Uint32Array(BUCKETS);
    this.histogram = histogram;
    for (let i = 0; i < this.size; i++) this.addToHistogram(this.values[i]!);
    this.budget.values += this.size;
    if (this.budget.log) this.budget.log.conversions++;
    this.values = new Float64Array(0);
    this.size = 0;
  }

  private addToHistogram(value: number): void {
    const bucket = Math.min(BUCKETS - 1, Math.max(0, Math.floor(Math.log1p(Math.max(0, value)) / LOG_STEP)));
    this.histogram![bucket]!++;
  }

  private histogramMedian(histogram: Uint32Array): number {
    const target = (this.count - 1) / 2;
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += histogram[i]!;
      if (seen > target) return (Math.exp(i * LOG_STEP) + Math.exp((i + 1) * LOG_STEP)) / 2 - 1;
    }
    return Math.exp(BUCKETS * LOG_STEP) - 1;
  }
}

/**
 * The value of rank `n` (0-based) of `values`, which it reorders so that values[0…n) are no greater and
 * values(n…] no smaller (Hoare's selection; the middle of three as pivot). Values are hours: never NaN.
 */
function selectNth(values: Float64Array, n: number): number {
  let low = 0;
  let high = values.length - 1;
  while (high > low) {
    const middle = (low + high) >>> 1;
    const a = values[low]!;
    const b = values[middle]!;
    const c = values[high]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (n <= j) high = j;
    else if (n >= i) low = i;
    else return values[n]!;
  }
  return values[n]!;
}
