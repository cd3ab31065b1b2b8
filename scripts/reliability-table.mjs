// The table `npm run reliability` prints and writes into docs/RELIABILITY.md: figure files → rows with a
// status. Kept apart from the runner so its rules can be tested (scripts/reliability-table.test.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A figure with a rule gets "ok" or "FAIL"; any other is a plain measurement ("—"). Named rules first, then
 * conventions every suite can use: a count named (or ending in) lost, failed, failures, crashes, leaks,
 * unexpected, violations, problems, stack_traces, untyped_errors, pollution or accepted must be 0; a value
 * written "a/b" must have a = b; and a verdict in words is judged by its first word (see below).
 */
const RULES = {
  'crash.saves_lost': (v) => v === 0,
  'crash.integrity_ok': (v, f) => v === f.kills,
  'crash.kills': (v, f) => f.runs_requested === undefined || v === f.runs_requested,
  // A full run must really have killed some children in the middle of a backup and of an import.
  'crash.kills_during_backup': (v, f) => (f.runs_requested ?? 0) < 100 || v > 0,
  'crash.kills_during_import': (v, f) => (f.runs_requested ?? 0) < 100 || v > 0,
  'hostile.clear_errors': (v, f) => f.cases === undefined || v === f.cases,
  'electronegativity.findings_above_low': (v) => v === 0,
  'corruption.data_lost_beyond_backup': (v) => v === 0,
};
const MUST_BE_ZERO = /(^|_)(lost|failed|failures|crashes|leaks|unexpected|violations|problems|stack_traces|untyped_errors|pollution|accepted)$/;
const FRACTION = /^(\d+)\/(\d+)$/;
/**
 * Verdicts written in words, one per tamper or corruption case (`"edited_signed_slaw": "refused"`): a case
 * that was refused, detected, caught or neutralized is ok; an attack that was accepted, missed or succeeded
 * fails; "not detected …" is a documented limit, shown as such.
 */
const VERDICT_OK = /^(refused|rejected|detected|caught|flagged|neutralized|blocked)\b/i;
const VERDICT_FAIL = /^(accepted|missed|undetected|lost|succeeded)\b/i;
const VERDICT_LIMIT = /^not detected\b/i;

export function judge(area, name, value, figures) {
  const rule = RULES[`${area}.${name}`] ?? (MUST_BE_ZERO.test(name) ? (v) => v === 0 : null);
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : null;
  if (rule && number !== null) return rule(number, figures) ? 'ok' : 'FAIL';
  const fraction = typeof value === 'string' ? FRACTION.exec(value) : null;
  if (fraction) return fraction[1] === fraction[2] ? 'ok' : 'FAIL';
  if (rule) return 'FAIL'; // a rule on a value that is not a number: the figure is broken
  if (typeof value === 'string') {
    if (VERDICT_FAIL.test(value)) return 'FAIL';
    if (VERDICT_LIMIT.test(value)) return 'known limit';
    if (VERDICT_OK.test(value)) return 'ok';
  }
  return '—';
}

export function readFigureFiles(dir, runStartedAt) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => {
      try {
        const data = JSON.parse(readFileSync(join(dir, name), 'utf8'));
        const area = typeof data.area === 'string' ? data.area : name.replace(/\.json$/, '');
        const figures =
          data.figures && typeof data.figures === 'object'
            ? data.figures
            : Object.fromEntries(Object.entries(data).filter(([, v]) => ['number', 'string'].includes(typeof v)));
        const recordedAt = typeof data.recordedAt === 'string' ? new Date(data.recordedAt) : null;
        const earlier = recordedAt && recordedAt < runStartedAt ? recordedAt : null;
        return [{ area, figures, earlier }];
      } catch {
        return [{ area: name, figures: { unreadable: 'file is not valid JSON' }, earlier: null, broken: true }];
      }
    });
}

export function figureRows(files) {
  const rows = [];
  // Every area found, whoever wrote it, in name order (the files are read sorted).
  for (const { area, figures, earlier, broken } of files) {
    for (const [name, value] of Object.entries(figures)) {
      let status = broken ? 'FAIL' : judge(area, name, value, figures);
      if (earlier) status += ` (recorded ${earlier.toISOString().slice(0, 16).replace('T', ' ')} UTC)`;
      rows.push([area, name, String(value), status]);
    }
  }
  return rows;
}

export function table(rows) {
  const header = ['area', 'figure', 'value', 'status'];
  const escape = (cell) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const all = [header, ...rows.map((r) => r.map(escape))];
  // Columns are padded for the terminal, but a long value (a list) does not widen every row.
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i].length > 50 ? 0 : r[i].length))));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(all[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...all.slice(1).map(line)].join('\n');
}
