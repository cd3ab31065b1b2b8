/**
 * Synthetic CRM records for the CSV fixtures and the benchmark: a seeded generator (same seed, same
 * records, on every machine) and the ground truth the tests compare the import with. Dates are wall-clock
 * times in Europe/Madrid, kept as "local milliseconds" (the wall time written as if it were UTC).
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** mulberry32: tiny, fast, deterministic. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ana', 'José', 'Lucía', 'Martín', 'Zoë', 'François', 'Íñigo', 'Nuria', 'Peter', 'Chloé', 'Raúl', 'Begoña'];
const LAST = ['García', 'Núñez', 'Smith', 'Müller', "O'Brien", 'Peña', 'Ibáñez', 'Jones', 'Castaño', 'Lefèvre'];
const COMPANIES = ['Acme', 'Globex, S.L.', 'Initech', 'Umbrella "Labs"', 'Hooli', 'Café Olé', 'Stark Industries', 'Pingüino S.A.'];
const NOTES = ['', '', '', 'Met at the fair', 'Call back\nafter the summer', 'Wants a demo; budget ok', 'Pidió precio, "urgente"'];

export const STAGE_KEYS = ['lead', 'mql', 'sql', 'opportunity', 'customer'];

/**
 * Records created between `firstMonth` (YYYY-MM) and the `months` months after it. Each one moves down the
 * funnel with fixed odds (45 % of leads become MQLs, half of those SQLs, half opportunities, 40 % customers),
 * a few days per step; 85 % of MQLs get a first outreach 0–72 hours after their MQL date.
 */
export function makeRecords(seed, count, firstMonth = '2025-01', months = 6) {
  const next = random(seed);
  const [y, m] = firstMonth.split('-').map(Number);
  const start = Date.UTC(y, m - 1, 1);
  const span = Date.UTC(y, m - 1 + months, 1) - start;
  const pick = (list) => list[Math.floor(next() * list.length)];
  const minutes = (ms) => Math.floor(ms / 60_000) * 60_000;
  const records = [];
  for (let i = 0; i < count; i++) {
    const created = minutes(start + next() * span);
    const dates = { lead: created };
    let at = created;
    const odds = { mql: 0.45, sql: 0.5, opportunity: 0.5, customer: 0.4 };
    for (const key of ['mql', 'sql', 'opportunity', 'customer']) {
      if (next() >= odds[key]) break;
      at = minutes(at + next() * (key === 'customer' ? 30 : 8) * DAY + HOUR);
      dates[key] = at;
    }
    const contacted = dates.mql !== undefined && next() < 0.85 ? minutes(dates.mql + next() * 72 * HOUR) : undefined;
    const amount = dates.sql !== undefined ? Math.round(next() * 5_000_000) / 100 : undefined;
    records.push({
      id: 100_000 + i,
      first: pick(FIRST),
      last: pick(LAST),
      company: pick(COMPANIES),
      notes: pick(NOTES),
      created,
      dates,
      contacted,
      attempts: dates.mql !== undefined ? Math.floor(next() * 6) : 0,
      amount,
    });
  }
  return records;
}

/** Europe/Madrid's offset from UTC at a UTC instant, by the EU rule (summer time from the last Sunday of March to the last Sunday of October, 01:00 UTC). */
export function madridOffset(utc) {
  const year = new Date(utc).getUTCFullYear();
  const lastSunday = (month) => {
    const end = Date.UTC(year, month + 1, 0);
    return end - new Date(end).getUTCDay() * DAY + HOUR;
  };
  return utc >= lastSunday(2) && utc < lastSunday(9) ? 2 * HOUR : HOUR;
}

/**
 * The UTC instant of a Madrid wall-clock time. A time in the hour skipped or repeated by a clock change
 * comes out an hour off, on the same day: months, which is what the fixtures check, never change.
 */
export const madridToUtc = (local) => local - madridOffset(local - HOUR);

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** Wall-clock fields of a local-milliseconds value. */
export function fieldsOf(local) {
  const d = new Date(local);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes() };
}

export const monthOf = (local) => {
  const f = fieldsOf(local);
  return `${f.y}-${pad(f.m)}`;
};

/** Date writers, one per export style. */
export const DATE_STYLES = {
  /** HubSpot's export: 2025-01-05 10:23 */
  hubspot: (local) => {
    const f = fieldsOf(local);
    return `${f.y}-${pad(f.m)}-${pad(f.d)} ${pad(f.h)}:${pad(f.min)}`;
  },
  /** An API or internal-name export: the UTC instant, ISO with Z. */
  isoUtc: (local) => new Date(madridToUtc(local)).toISOString(),
  /** Spanish-locale spreadsheet: 05/01/2025 10:23 */
  dmy: (local) => {
    const f = fieldsOf(local);
    return `${pad(f.d)}/${pad(f.m)}/${f.y} ${pad(f.h)}:${pad(f.min)}`;
  },
  /** US Salesforce: 1/5/2025 10:23 AM */
  mdy: (local) => {
    const f = fieldsOf(local);
    const h12 = f.h % 12 === 0 ? 12 : f.h % 12;
    return `${f.m}/${f.d}/${f.y} ${h12}:${pad(f.min)} ${f.h < 12 ? 'AM' : 'PM'}`;
  },
  /** Date only, US order: 1/5/2025 */
  mdyDate: (local) => {
    const f = fieldsOf(local);
    return `${f.m}/${f.d}/${f.y}`;
  },
  /** Date only, day first: 05/01/2025 */
  dmyDate: (local) => {
    const f = fieldsOf(local);
    return `${pad(f.d)}/${pad(f.m)}/${f.y}`;
  },
};

/** 1234567.5 → ["1", "234", "567"] and "50". */
function parts(x) {
  const [whole, cents] = x.toFixed(2).split('.');
  const groups = [];
  for (let end = whole.length; end > 0; end -= 3) groups.unshift(whole.slice(Math.max(0, end - 3), end));
  return { groups, cents };
}

/** Amount writers: 1234.5 → "1234.50", "1,234.50", "1234,50", "1.234,50 €". */
export const AMOUNT_STYLES = {
  plain: (x) => x.toFixed(2),
  grouped: (x) => {
    const { groups, cents } = parts(x);
    return `${groups.join(',')}.${cents}`;
  },
  comma: (x) => x.toFixed(2).replace('.', ','),
  groupedComma: (x) => {
    const { groups, cents } = parts(x);
    return `${groups.join('.')},${cents} €`;
  },
};
