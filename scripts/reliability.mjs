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
import { figureRows, readFigureFiles, table } from './reliability-table.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SUITES = ['test/reliability', 'test/fuzz', 'test/hostile'];
const FIGURES_DIR = join(ROOT, 'test-results', 'reliability');
const REPORT = join(ROOT, 'test-results', 'reliability-vitest.json');
const DOC = join(ROOT, 'docs', 'RELIABILITY.md');
const START = '<!-- reliability:start -->';
const END = '<!-- reliability:end -->';
/** Written by scripts/electronegativity-gate.mjs, not by these tests: kept across runs. */
const EXTERNAL_FIGURES = new Set(['electronegativity.json']);

function hasTests(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).some((e) => e.isFile() && e.name.endsWith('.test.ts'));
}

/**
 * Test files outside the suites that record figures too (a tamper table kept beside the code it checks):
 * run with them, so every area any test records shows up, from this run. End-to-end tests are not run here.
 */
function otherFigureTests(suites) {
  const found = [];
  for (const top of ['test', 'src']) {
    if (!existsSync(join(ROOT, top))) continue;
    for (const entry of readdirSync(join(ROOT, top), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.test.ts')) continue;
      const path = relative(ROOT, join(entry.parentPath ?? entry.path, entry.name))
        .split('\\')
        .join('/');
      if (path.startsWith('test/e2e/') || suites.some((s) => path.startsWith(`${s}/`))) continue;
      if (readFileSync(join(ROOT, path), 'utf8').includes('recordFigures(')) found.push(path);
    }
  }
  return found.sort();
}

function runTests(extraArgs) {
  const suites = SUITES.filter((s) => existsSync(join(ROOT, s)) && hasTests(join(ROOT, s)));
  suites.push(...otherFigureTests(suites));
  if (suites.length === 0) {
    console.error(`No reliability tests found in ${SUITES.join(', ')}.`);
    return { status: 1, suites, report: null };
  }
  rmSync(REPORT, { force: true });
  const args = [
    'vitest',
    'run',
    '--project',
    'unit',
    ...suites,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${relative(ROOT, REPORT)}`,
    ...extraArgs,
  ];
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

function testRows(report) {
  if (!report) return [['tests', 'vitest report', 'missing', 'FAIL']];
  return report.testResults.map((file) => {
    const counts = {};
    for (const a of file.assertionResults) counts[a.status] = (counts[a.status] ?? 0) + 1;
    const value =
      Object.entries(counts)
        .map(([status, n]) => `${n} ${status}`)
        .join(', ') || 'no tests';
    const ran = (counts.passed ?? 0) + (counts.failed ?? 0) > 0;
    return ['tests', relative(ROOT, file.name), value, file.status !== 'passed' ? 'FAIL' : ran ? 'ok' : '—'];
  });
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
  const next =
    start !== -1 && end > start ? current.slice(0, start) + block + current.slice(end + END.length) : `${current.trimEnd()}\n\n## Last run\n\n${block}\n`;
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

const rows = [...figureRows(readFigureFiles(FIGURES_DIR, startedAt)), ...testRows(report)];
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
