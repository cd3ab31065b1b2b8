const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/**
 * ISO 8601 in the computer's own time zone with its offset, e.g. `2026-11-28T18:05:09+01:00`: what the signer's
 * clock said, and still one exact instant. `offsetMinutes` is for tests (minutes east of UTC).
 */
export function localTimestamp(date: Date, offsetMinutes: number = -date.getTimezoneOffset()): string {
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000);
  const day = `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
  const time = `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  return `${day}T${time}${sign}${pad(offsetMinutes / 60)}:${pad(offsetMinutes % 60)}`;
}
