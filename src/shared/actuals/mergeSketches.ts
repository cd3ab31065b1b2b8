import type { MedianLog, MedianSketch } from './median';

/** What `replayBudget` needs of a later piece's months: each month's exact values per median. */
interface PieceSketches {
  index: number;
  firstContactHours: Float64Array;
  mqlToSqlHours: Float64Array;
}

/**
 * The medians of a file read in pieces must come out as from one sequential read, including which are
 * exact. Sequentially, all sketches share one budget of exact values (median.ts): each exact add spends one;
 * once none is left, the next sketch that gets a value turns into a histogram and gives its values back.
 * So whether a sketch ends exact depends on the order of every add in the file. A later piece is read with
 * its own budget and records that order (`MedianLog`: the sketch id of each add; it must have turned no
 * sketch into a histogram, or its values would be lost — then the piece is read again sequentially).
 * Replaying the log against the budget left after the earlier pieces and the sketches as they stand says
 * which sketches the sequential read would have turned into histograms during this piece, and the budget
 * after it. The values themselves are then added by the caller (all of them: a histogram of every value).
 */
export function replayBudget(
  log: MedianLog,
  budget: number,
  pieces: readonly PieceSketches[],
  sketchOf: (id: number) => MedianSketch,
): { budget: number; toHistogram: Set<number> } {
  const toHistogram = new Set<number>();
  if (budget >= log.length) {
    // The budget cannot run out within the piece: every value added to a sketch that is still exact is spent.
    let spent = 0;
    for (const p of pieces) {
      if (p.firstContactHours.length > 0 && sketchOf(p.index * 2).exact) spent += p.firstContactHours.length;
      if (p.mqlToSqlHours.length > 0 && sketchOf(p.index * 2 + 1).exact) spent += p.mqlToSqlHours.length;
    }
    return { budget: budget - spent, toHistogram };
  }
  /** Exact values each sketch holds as the replay goes; -1 once it is a histogram. */
  const held = new Map<number, number>();
  for (let i = 0; i < log.length; i++) {
    const id = log.ids[i]!;
    let size = held.get(id);
    if (size === undefined) {
      const sketch = sketchOf(id);
      size = sketch.exact ? sketch.exactCount : -1;
    }
    if (size < 0) {
      held.set(id, -1);
      continue;
    }
    if (budget <= 0) {
      budget += size;
      held.set(id, -1);
      toHistogram.add(id);
      continue;
    }
    held.set(id, size + 1);
    budget--;
  }
  return { budget, toHistogram };
}
