const monthDate = (month: string) => new Date(`${month}-01T00:00:00Z`);

/** "Jan – Jun 2027" / "ene–jun 2027": the months a prefill or a review read, as the interface language writes them. */
export function formatMonthRange(from: string, to: string, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return from === to ? format.format(monthDate(from)) : format.formatRange(monthDate(from), monthDate(to));
}
