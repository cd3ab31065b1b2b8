/** Calendar months as the actuals key them ("2027-01"), and as the interface names them. */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function parts(month: string): [number, number] {
  const match = MONTH.exec(month);
  if (!match) throw new Error(`not a month: ${month}`);
  return [Number(match[1]), Number(match[2])];
}

/** The month after `month` ("2026-12" → "2027-01"). */
export function monthAfter(month: string): string {
  const [year, m] = parts(month);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The month a date falls in, read in UTC like every stored month. */
export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * The month "Add a month" adds: the one after the latest month held, or, for the first, the month before
 * `today` (figures are typed once a month has closed).
 */
export function monthToAdd(held: readonly string[], today: Date): string {
  const latest = [...held].sort().at(-1);
  if (latest) return monthAfter(latest);
  const [year, m] = parts(monthOf(today));
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** "January 2027" / "enero de 2027", in the interface's language. */
export function monthName(month: string, locale: string): string {
  const [year, m] = parts(month);
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, m - 1, 1));
}

/** The "YYYY-MM" of a month picker's value ("2027-03-01" or a Date), or null when it is none. */
export function monthOfPicked(value: string | Date | null): string | null {
  if (value === null) return null;
  if (value instanceof Date) return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}`;
  const match = /^(\d{4})-(\d{2})/.exec(value);
  return match && MONTH.test(`${match[1]}-${match[2]}`) ? `${match[1]}-${match[2]}` : null;
}
