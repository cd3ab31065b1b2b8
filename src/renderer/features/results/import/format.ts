/** Sizes and months as the user reads them, in the interface's language. */

export function formatBytes(language: string, bytes: number): string {
  const [unit, size] = bytes >= 1e6 ? (['megabyte', bytes / 1e6] as const) : (['kilobyte', Math.max(bytes / 1e3, bytes > 0 ? 0.1 : 0)] as const);
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(size);
}

export function formatCount(language: string, value: number): string {
  return new Intl.NumberFormat(language).format(value);
}

/** "2025-03" → "March 2025" / "marzo de 2025". */
export function formatMonth(language: string, month: string): string {
  const [year, m] = month.split('-').map(Number);
  if (!year || !m) return month;
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, m - 1, 1));
}

export function formatMonths(language: string, months: readonly string[]): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(months.map((m) => formatMonth(language, m)));
}
