/** Whether a side moved any of the items it shares with the base (additions and removals are not moves). */
export function orderChanged(base: readonly string[], side: readonly string[]): boolean {
  const inSide = new Set(side);
  const inBase = new Set(base);
  const shared = side.filter((key) => inBase.has(key));
  const sharedInBase = base.filter((key) => inSide.has(key));
  return shared.some((key, index) => key !== sharedInBase[index]);
}

/**
 * The order of a merged list of distinct keys, keeping only `keep`.
 *
 * The side that reordered its items gives the order (when both did, this window's order wins: it is what the
 * user is looking at, and no text depends on it). Items only the other side has — added there, or kept by a
 * decision — go right after the item that precedes them on that side, so an addition lands where it was made.
 */
export function mergeOrder(base: readonly string[], mine: readonly string[], theirs: readonly string[], keep: ReadonlySet<string>): string[] {
  const theirsLeads = orderChanged(base, theirs) && !orderChanged(base, mine);
  const primary = theirsLeads ? theirs : mine;
  const secondary = theirsLeads ? mine : theirs;
  const result = primary.filter((key) => keep.has(key));
  const placed = new Set(result);
  const insertAfter = (anchor: string | null, key: string) => {
    const index = anchor === null ? -1 : result.indexOf(anchor);
    result.splice(index + 1, 0, key);
    placed.add(key);
  };
  let previous: string | null = null;
  for (const key of secondary) {
    if (keep.has(key) && !placed.has(key)) insertAfter(previous, key);
    if (placed.has(key)) previous = key;
  }
  // Kept only through the base (cannot happen with the rules above, but never drop a kept item).
  for (const key of base) if (keep.has(key) && !placed.has(key)) insertAfter(result[result.length - 1] ?? null, key);
  return result;
}
