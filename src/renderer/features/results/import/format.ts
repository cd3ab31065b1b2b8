/** Sizes and months as the user reads them, in the interface's language. */

/**
 * Intl formatters are costly to build (tens of microseconds to milliseconds each) and the progress bar
 * formats on every update: one per language and style, kept.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(key: string, make: () => T): T {
  const found = formatters.get(key);
  if (found) return found as T;
  const made = make();
  formatters.set(key, made);
  return made;
}

export function formatBytes(language: string, bytes: number): string {
  const [unit, size] = bytes >= 1e6 ? (['megabyte', bytes / 1e6] as const) : (['kilobyte', Math.max(bytes / 1e3, bytes > 0 ? 0.1 : 0)] as const);
  const format = cached(
    `bytes ${unit} ${language}`,
    () => new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }),
  );
  return format.format(size);
}

export function formatCount(language: string, value: number): string {
  return cached(`count ${language}`, () => new Intl.NumberFormat(language)).format(value);
}

/** "2025-03" → "March 2025" / "marzo de 2025". */
export function formatMonth(language: string, month: string): string {
  const [year, m] = month.split('-').map(Number);
  if (!year || !m) return month;
  const format = cached(`month ${language}`, () => new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }));
  return format.format(Date.UTC(year, m - 1, 1));
}

export function formatMonths(language: string, months: readonly string[]): string {
  const list = cached(`list ${language}`, () => new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }));
  return list.format(months.map((m) => formatMonth(language, m)));
}
