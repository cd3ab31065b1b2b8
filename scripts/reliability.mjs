// `npm run reliability`: runs the reliability suites (crash safety, fuzzing, hostile input and corrupt
// databases), then prints one table of what they measured and writes it into docs/RELIABILITY.md between
// the reliability markers, with the date and the machine. Every figure in the table comes from this run:
// figures the tests wrote earlier are removed first (Electronegativity's, written by its own gate script,
// is kept and shown with its date). Exit code: non-zero if a test failed or a figure breaks its rule.
//
//   node scripts/reliability.mjs [--no-docs] [extra vitest arguments…]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SUITES = ['test/reliability', 'test/fuzz', 'test/hostile'];
const FIGURES_DIR = join(ROOT, 'test-results', 'reliability');
const REPORT = join(ROOT, 'test-results', 'reliability-vitest.json');
const DOC = join(ROOT, 'docs', 'RELIABILITY.md');
const START = '<!-- reliability:start -->';
const END = '<!-- reliability:end -->';
/** Written by scripts/electronegativity-gate.mjs, not by these tests: kept across runs. */
const EXTERNAL_FIGURES = new Set(['electronegativity.json']);

/**
 * A figure with a rule gets "ok" or "FAIL"; any other is a plain measurement ("—"). Named rules first, then
 * two conventions every suite can use: a count named (or ending in) lost, failed, failures, crashes, leaks,
 * unexpected, violations, problems, stack_traces, untyped_errors or pollution must be 0, and a value
 * written "a/b" must have a = b.
 */
const RULES = {
  'crash.saves_lost': (v) => v === 0,
  'crash.integrity_ok': (v, f) => v === f.kills,
  'crash.kills': (v, f) => f.runs_requested === undefined || v === f.runs_requested,
  'hostile.clear_errors': (v, f) => f.cases === undefined || v === f.cases,
  'electronegativity.findings_above_low': (v) => v === 0,
  'corruption.data_lost_beyond_backup': (v) => v === 0,
};
const MUST_BE_ZERO = /(^|_)(lost|failed|failures|crashes|leaks|unexpected|violations|problems|stack_traces|untyped_errors|pollution)$/;
const FRACTION = /^(\d+)\/(\d+)$/;

function judge(area, name, value, figures) {
  const rule = RULES[`${area}.${name}`] ?? (MUST_BE_ZERO.test(name) ? (v) => v === 0 : null);
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : null;
  if (rule && number !== null) return rule(number, figures) ? 'ok' : 'FAIL';
  const fraction = typeof value === 'string' ? FRACTION.exec(value) : null;
  if (fraction) return fraction[1] === fraction[2] ? 'ok' : 'FAIL';
  return rule ? 'FAIL' : '—'; // a rule on a value that is not a number: the figure is broken
}

function hasTests(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).some((e) => e.isFile() && e.name.endsWith('.test.ts'));
}

function runTests(extraArgs) {
  const suites = SUITES.filter((s) => existsSync(join(ROOT, s)) && hasTests(join(ROOT, s)));
  if (suites.length === 0) {
    console.error(`No reliability tests found in ${SUITES.join(', ')}.`);
    return { status: 1, suites, report: null };
  }
  rmSync(REPORT, { force: true });
  const args = ['vitest', 'run', '--project', 'unit', ...suites, '--reporter=default', '--reporter=json', `--outputFile.json=${relative(ROOT, REPORT)}`, ...extraArgs];
  console.log(`> npx ${args.join(' ')}`);
  const result = spawnSync('npx', args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  let report = null;
  try {
    report = JSON.parse(readFileSync(REPORT, 'utf8'));
  } catch {
    // No report: vitest did not get as far as running the files; the status says why.
  }
  return { status: result.status ?? 1, suites, report };
}

function readFigureFiles(runStartedAt) {
  if (!existsSync(FIGURES_DIR)) return [];
  return readdirSync(FIGURES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => {
      try {
        const data = JSON.parse(readFileSync(join(FIGURES_DIR, name), 'utf8'));
        const area = typeof data.area === 'string' ? data.area : name.replace(/\.json$/, '');
        const figures = data.figures && typeof data.figures === 'object' ? data.figures : Object.fromEntries(Object.entries(data).filter(([, v]) => ['number', 'string'].includes(typeof v)));
        const recordedAt = typeof data.recordedAt === 'string' ? new Date(data.recordedAt) : null;
        const earlier = recordedAt && recordedAt < runStartedAt ? recordedAt : null;
        return [{ area, figures, earlier }];
      } catch {
        return [{ area: name, figures: { unreadable: 'file is not valid JSON' }, earlier: null, broken: true }];
      }
    });
}

function figureRows(files) {
  const rows = [];
  for (const { area, figures, earlier, broken } of files) {
    for (const [name, value] of Object.entries(figures)) {
      let status = broken ? 'FAIL' : judge(area, name, value, figures);
      if (earlier) status += ` (recorded ${earlier.toISOString().slice(0, 16).replace('T', ' ')} UTC)`;
      rows.push([area, name, String(value), status]);
    }
  }
  return rows;
}

function testRows(report) {
  if (!report) return [['tests', 'vitest report', 'missing', 'FAIL']];
  return report.testResults.map((file) => {
    const counts = {};
    for (const a of file.assertionResults) counts[a.status] = (counts[a.status] ?? 0) + 1;
    const value = Object.entries(counts).map(([status, n]) => `${n} ${status}`).join(', ') || 'no tests';
    const ran = (counts.passed ?? 0) + (counts.failed ?? 0) > 0;
    return ['tests', relative(ROOT, file.name), value, file.status !== 'passed' ? 'FAIL' : ran ? 'ok' : '—'];
  });
}

function table(rows) {
  const header = ['area', 'figure', 'value', 'status'];
  const escape = (cell) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const all = [header, ...rows.map((r) => r.map(escape))];
  // Columns are padded for the terminal, but a long value (a list) does not widen every row.
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i].length > 50 ? 0 : r[i].length))));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(all[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...all.slice(1).map(line)].join('\n');
}

function machine() {
  const cpus = os.cpus();
  const gib = (os.totalmem() / 2 ** 30).toFixed(1);
  return `${os.type()} ${os.release()} ${os.arch()}, ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${gib} GiB RAM, Node ${process.version}`;
}

function writeDoc(section) {
  const block = `${START}\n${section}\n${END}`;
  const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Reliability\n';
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next = start !== -1 && end > start ? current.slice(0, start) + block + current.slice(end + END.length) : `${current.trimEnd()}\n\n## Last run\n\n${block}\n`;
  mkdirSync(dirname(DOC), { recursive: true });
  writeFileSync(DOC, next);
}

const argv = process.argv.slice(2);
const writeDocs = !argv.includes('--no-docs');
const vitestArgs = argv.filter((a) => a !== '--no-docs');

const startedAt = new Date();
if (existsSync(FIGURES_DIR)) {
  for (const name of readdirSync(FIGURES_DIR)) if (name.endsWith('.json') && !EXTERNAL_FIGURES.has(name)) rmSync(join(FIGURES_DIR, name));
}
const { status, suites, report } = runTests(vitestArgs);
const seconds = Math.round((Date.now() - startedAt.getTime()) / 1000);

const rows = [...figureRows(readFigureFiles(startedAt)), ...testRows(report)];
const failed = rows.filter((r) => r[3].startsWith('FAIL'));
const outcome = status === 0 && failed.length === 0 ? 'all passed' : `FAILED (vitest exit ${status}, ${failed.length} row(s) failing)`;
const summary =
  `Run of ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${seconds} s, on ${machine()}.\n` +
  `Suites: ${suites.map((s) => `\`${s}\``).join(', ') || 'none'} — ${outcome}.`;
const section = `${summary}\n\n${table(rows)}`;

console.log(`\n${section}\n`);
if (writeDocs) {
  writeDoc(section);
  console.log(`Table written to ${relative(ROOT, DOC)}.`);
}
process.exit(status !== 0 ? status : failed.length > 0 ? 1 : 0);
