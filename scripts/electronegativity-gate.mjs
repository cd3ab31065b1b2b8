#!/usr/bin/env node
// `node scripts/electronegativity-gate.mjs` (after `npm run build`): runs Electronegativity on the
// app exactly as electron-builder packages it (out/** and package.json), prints its findings and exits 1
// when any finding above LOW is not on the allow-list below, or when the run cannot be trusted (no output,
// output that disagrees with the scan, a file it could not parse, no BrowserWindow in the bundle to check).
//
// Electronegativity itself exits 0 whatever it finds, so the decision is taken here, from its CSV output.
// Its 1.10.3 command line does not start in this project: it `require('commander')` without declaring it
// and gets our commander 14 (`.version is not a function`). The scan therefore calls its documented
// programmatic entry point (the package's `main`, dist/runner.js) in a child process, with the same options
// the command line would pass for `-i <stage> -o <file>.csv -r -e <electron version> -x <excluded>`; the
// runner writes the CSV itself, and the same findings are written as SARIF with the package's own writer.
//
// Outputs: test-results/electronegativity/electronegativity.{csv,sarif}, and the figures in
// test-results/reliability/electronegativity.json (the shape of test/support/figures.ts recordFigures).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const requireFromRoot = createRequire(join(ROOT, 'package.json'));

/**
 * @typedef {{ check: string, severity: string, confidence: string, file: string, line: number, column: number, sample: string, description: string, url: string }} Finding
 * @typedef {{ check: string, file: string, sample?: RegExp, reason: string }} AllowListEntry
 * @typedef {Finding & { status: 'blocking' | 'allowed' | 'below', entry: AllowListEntry | null }} Row
 * @typedef {{ rows: Row[], blocking: Row[], allowed: Row[], unusedAllowListEntries: AllowListEntry[], problems: string[], exitCode: number }} Decision
 * @typedef {{ issues: number, checks: number, files: number, errors?: { file: string, message: string, tolerable: boolean }[], browserWindows?: number }} ScanAccount
 */

/** Electronegativity's severities (dist/finder/attributes.js), lowest first. It has no CRITICAL; it is kept in case a release adds it. */
export const SEVERITY_RANK = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };
export const CONFIDENCES = ['TENTATIVE', 'FIRM', 'CERTAIN'];

/** The CSV header Electronegativity writes (dist/util/file.js writeCsvHeader). */
export const CSV_HEADER = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];

/**
 * Checks not run, by class name as `-x` takes it. Each must be unable to say anything about our code.
 * - AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub with no time limit
 *   (`got` without a timeout, retried), so a CI machine without network waits minutes, and its answer
 *   changes with every Electron release rather than with our code. For an app whose `electron` is a
 *   devDependency (electron-builder requires that) it can only report INFORMATIONAL, never above LOW.
 *   Electron updates are an `npm outdated` / Dependabot matter, not this gate's.
 */
export const EXCLUDED_CHECKS = [
  { check: 'availablesecurityfixesglobalcheck', reason: 'network download without timeout; INFORMATIONAL at most for a devDependency electron' },
];

/**
 * Findings that are known false positives, each as narrow as possible: one check, one file, the exact
 * source line it points at, and the tests that prove the setting is in place. Never a whole check and
 * never a severity. An entry nothing matched is reported, so stale entries are noticed.
 */
/** @type {AllowListEntry[]} */
export const ALLOW_LIST = [
  {
    check: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'out/main/index.js',
    sample: /^const window = new BrowserWindow\(buildWindowOptions\(\{$/,
    reason:
      'The options come from buildWindowOptions() (src/main/electron/windowOptions.ts), which sets contextIsolation: true; ' +
      'Electronegativity does not follow a function call into its return value. Checked by windowOptions.test.ts ' +
      '("isolate and sandbox the renderer") and main.test.ts ("opens one secured window"), which reads the options the window really got.',
  },
  {
    check: 'SANDBOX_JS_CHECK',
    file: 'out/main/index.js',
    sample: /^const window = new BrowserWindow\(buildWindowOptions\(\{$/,
    reason:
      'buildWindowOptions() sets sandbox: true, and main.ts calls app.enableSandbox() before ready for every renderer. ' +
      'Checked by windowOptions.test.ts and main.test.ts ("turns on sandboxing ... before ready", "opens one secured window").',
  },
  {
    check: 'AUXCLICK_JS_CHECK',
    file: 'out/main/index.js',
    sample: /^const window = new BrowserWindow\(buildWindowOptions\(\{$/,
    reason: "buildWindowOptions() sets disableBlinkFeatures: 'Auxclick'. Checked by windowOptions.test.ts.",
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'out/main/index.js',
    sample: /^if \(safe\) shell\.openExternal\(safe\)\.catch\(\(\) => void 0\);$/,
    reason:
      'The URL is the result of externalUrlToOpen() (src/main/electron/origins.ts) on the line before: http(s) only, no ' +
      'credentials, never file:, javascript: or custom schemes; it is only reached from the window-open handler, which always denies. ' +
      'Checked by origins.test.ts ("links opened outside the app"), security.test.ts and main.test.ts ("sends only plain http(s) links").',
  },
];

/** Files the build must have produced; without them there is nothing meaningful to scan. */
export const REQUIRED_BUILD_FILES = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

// ---------------------------------------------------------------------------------------------------
// Parsing (pure)

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
/** @param {string} text @returns {string[][]} */
export function parseCsvRecords(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i += 1;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
    i += 1;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => !(r.length === 1 && r[0] === ''));
}

const naToEmpty = (value) => (value === 'N/A' ? '' : value);

/**
 * Electronegativity's CSV → findings. Throws when the header is missing or different, or a row does not
 * have the eight fields with a known severity and confidence: a damaged file must not read as "clean".
 */
/** @param {string} text @returns {Finding[]} */
export function parseElectronegativityCsv(text) {
  const records = parseCsvRecords(text);
  if (records.length === 0) throw new Error('the CSV is empty (not even a header)');
  const header = records[0].map((h) => h.trim().toLowerCase());
  if (header.join(',') !== CSV_HEADER.join(',')) throw new Error(`unexpected CSV header: ${records[0].join(',')}`);
  return records.slice(1).map((fields, index) => {
    if (fields.length !== CSV_HEADER.length) throw new Error(`CSV row ${index + 2} has ${fields.length} fields instead of ${CSV_HEADER.length}`);
    const [check, severity, confidence, file, location, sample, description, url] = fields;
    if (!/^[A-Z0-9_]+$/.test(check)) throw new Error(`CSV row ${index + 2}: unexpected check id "${check}"`);
    if (!CONFIDENCES.includes(confidence)) throw new Error(`CSV row ${index + 2}: unknown confidence "${confidence}"`);
    if (!/^\d+:\d+$/.test(location)) throw new Error(`CSV row ${index + 2}: unexpected location "${location}"`);
    const [line, column] = location.split(':').map(Number);
    return { check, severity, confidence, file: naToEmpty(file), line, column, sample: naToEmpty(sample), description: naToEmpty(description), url };
  });
}

/** Electronegativity's SARIF → findings (SARIF carries no severity: only check, file and line). */
/** @param {string} text @returns {{ check: string, file: string, line: number, level: string }[]} */
export function parseElectronegativitySarif(text) {
  let sarif;
  try {
    sarif = JSON.parse(text);
  } catch (error) {
    throw new Error(`the SARIF file is not JSON: ${error.message}`);
  }
  const results = sarif?.runs?.[0]?.results;
  if (sarif?.version !== '2.1.0' || !Array.isArray(results)) throw new Error('the SARIF file has no runs[0].results');
  return results.map((result) => {
    const location = result.locations?.[0]?.physicalLocation;
    const uri = location?.artifactLocation?.uri ?? '';
    return { check: String(result.ruleId ?? ''), file: uri === 'file:///' ? '' : uri, line: Number(location?.region?.startLine ?? 0), level: result.level };
  });
}

// ---------------------------------------------------------------------------------------------------
// Decision (pure)

/** Above LOW: MEDIUM, HIGH (and CRITICAL). An unknown severity counts as above LOW: fail closed. */
/** @param {string} severity */
export function isAboveLow(severity) {
  const rank = SEVERITY_RANK[String(severity).toUpperCase()];
  return rank === undefined || rank > SEVERITY_RANK.LOW;
}

/** @param {Finding} finding @param {AllowListEntry[]} [allowList] @returns {AllowListEntry | null} */
export function allowListEntryFor(finding, allowList = ALLOW_LIST) {
  return (
    allowList.find(
      (entry) =>
        entry.check === finding.check &&
        entry.file === finding.file &&
        (entry.sample === undefined || entry.sample.test(finding.sample)) &&
        typeof entry.reason === 'string' &&
        entry.reason.trim().length > 0,
    ) ?? null
  );
}

const countBy = (items, key) => items.reduce((map, item) => map.set(key(item), (map.get(key(item)) ?? 0) + 1), new Map());

/** @param {string[]} files @returns {string[]} */
export function missingBuildProblems(files) {
  return files.map((file) => `missing build output ${file}: run \`npm run build\` first`);
}

/**
 * Checks that the files agree with what the scan reported, so a half-written or empty file cannot pass:
 * `scan` is the runner's own account ({ issues, errors, checks }), `sarif` the findings read from SARIF.
 * Returns the problems found (empty when all is well).
 */
/**
 * @param {Finding[]} findings
 * @param {{ scan: ScanAccount | null, sarif: { check: string }[] | null }} outputs
 * @returns {string[]}
 */
export function integrityProblems(findings, { scan, sarif }) {
  const problems = [];
  if (!scan) problems.push('Electronegativity gave no account of its run (it crashed or was killed)');
  else {
    if (!(scan.checks > 0)) problems.push('Electronegativity ran no checks');
    if (!(scan.files > 0)) problems.push('Electronegativity scanned no files');
    if (scan.issues !== findings.length) problems.push(`the CSV holds ${findings.length} findings but the scan reported ${scan.issues}`);
    for (const error of scan.errors ?? []) if (!error.tolerable) problems.push(`could not analyse ${error.file}: ${error.message}`);
    if (scan.browserWindows === 0) problems.push('no `new BrowserWindow(` in out/main/index.js: the window checks had nothing to look at');
  }
  if (sarif) {
    const fromCsv = countBy(findings, (f) => f.check);
    const fromSarif = countBy(sarif, (f) => f.check);
    const ids = new Set([...fromCsv.keys(), ...fromSarif.keys()]);
    if ([...ids].some((id) => fromCsv.get(id) !== fromSarif.get(id))) problems.push('the CSV and SARIF outputs list different findings');
  } else problems.push('no SARIF output');
  return problems;
}

/**
 * The gate: every finding classified as `blocking` (above LOW, not allow-listed), `allowed` (above LOW,
 * allow-listed, with the entry) or `below` (LOW and INFORMATIONAL). Exit code 1 on any blocking finding
 * or integrity problem.
 */
/**
 * @param {Finding[]} findings
 * @param {{ allowList?: AllowListEntry[], problems?: string[] }} [options]
 * @returns {Decision}
 */
export function decide(findings, { allowList = ALLOW_LIST, problems = [] } = {}) {
  const rows = findings.map((finding) => {
    if (!isAboveLow(finding.severity)) return { ...finding, status: 'below', entry: null };
    const entry = allowListEntryFor(finding, allowList);
    return { ...finding, status: entry ? 'allowed' : 'blocking', entry };
  });
  const used = new Set(rows.map((row) => row.entry).filter(Boolean));
  const blocking = rows.filter((row) => row.status === 'blocking');
  return {
    rows,
    blocking,
    allowed: rows.filter((row) => row.status === 'allowed'),
    unusedAllowListEntries: allowList.filter((entry) => !used.has(entry)),
    problems,
    exitCode: blocking.length > 0 || problems.length > 0 ? 1 : 0,
  };
}

/** The figures recorded for `npm run reliability` (test/support/figures.ts shape). */
/** @param {Decision} decision @param {number} checksRun @returns {Record<string, number>} */
export function figuresOf(decision, checksRun) {
  return {
    findings_total: decision.rows.length,
    findings_above_low: decision.blocking.length,
    findings_allowlisted: decision.allowed.length,
    ...(checksRun > 0 ? { checks_run: checksRun } : {}),
    integrity_problems: decision.problems.length,
  };
}

const STATUS_LABEL = { blocking: 'BLOCKING', allowed: 'allow-listed', below: 'below gate' };

/** A plain-text table: check id, severity, confidence, file:line, status. */
/** @param {Row[]} rows @returns {string} */
export function formatTable(rows) {
  const head = ['check', 'severity', 'confidence', 'file:line', 'status'];
  const body = rows.map((row) => [
    row.check,
    row.severity,
    row.confidence,
    `${row.file || '(global)'}${row.file ? `:${row.line}` : ''}`,
    STATUS_LABEL[row.status] ?? row.status,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)));
  const line = (cells) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** @param {Decision} decision @returns {string} */
export function report(decision) {
  const out = [];
  out.push(decision.rows.length ? formatTable(decision.rows) : 'Electronegativity reported no findings.');
  for (const row of decision.allowed) out.push(`  allow-listed ${row.check} at ${row.file}:${row.line}: ${row.entry.reason}`);
  for (const entry of decision.unusedAllowListEntries)
    out.push(`  note: allow-list entry ${entry.check} (${entry.file}) matched nothing; remove it if the code changed`);
  for (const problem of decision.problems) out.push(`  PROBLEM: ${problem}`);
  out.push(
    decision.exitCode === 0
      ? `Electronegativity gate passed: ${decision.rows.length} findings, none above LOW outside the allow-list (${decision.allowed.length} allow-listed).`
      : `Electronegativity gate FAILED: ${decision.blocking.length} finding(s) above LOW, ${decision.problems.length} problem(s).`,
  );
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Running Electronegativity

/** The child: Electronegativity's runner, CSV written by the runner, SARIF by its own writer, and an account of the run. */
const CHILD = `
const fs = require('fs');
// Electronegativity 1.10.3 writes the CSV header and the rows with two fs.writeFile calls at once ('w',
// then 'a'): they race, and the header can land over the first row or truncate the rows (seen here).
// Run one after the other they cannot; the file is still written by Electronegativity's own code.
fs.writeFile = (path, data, options, callback) => {
  if (typeof options === 'function') { callback = options; options = undefined; }
  let failure = null;
  try { fs.writeFileSync(path, data, options); } catch (error) { failure = error; }
  process.nextTick(callback, failure);
};
const [runnerPath, fileUtilPath, input, csv, sarif, account, excluded, electronVersion] = JSON.parse(process.argv[1]);
// Electronegativity downloads "updated translations" on every run (got, 1 s limit, retried: ~3 s offline).
// Its own got is answered "offline" at once, so it uses the English messages it ships: no network, same checks.
const Module = require('module');
const gotPath = require.resolve('got', { paths: [require('path').dirname(runnerPath)] });
const offline = () => Promise.reject(new Error('network disabled by scripts/electronegativity-gate.mjs'));
const stub = new Module(gotPath);
Object.assign(stub, { filename: gotPath, loaded: true, exports: Object.assign(offline, { head: offline, get: offline }) });
require.cache[gotPath] = stub;
const run = require(runnerPath);
const { writeIssues } = require(fileUtilPath);
run({ input, output: csv, isSarif: false, customScan: [], excludeFromScan: excluded, isRelative: true, isVerbose: false,
      electronVersionOverride: electronVersion, parserPlugins: [] })
  .then((result) => {
    writeIssues(input, true, sarif, result.issues, true);
    fs.writeFileSync(account, JSON.stringify({ issues: result.issues.length, checks: result.globalChecks + result.atomicChecks,
      errors: result.errors.map((e) => ({ file: e.file, message: String(e.message), tolerable: !!e.tolerable })) }));
  })
  .catch((error) => { console.error(error && error.stack || String(error)); process.exit(1); });
`;

function runChild(args, { timeoutMs }) {
  return new Promise((resolvePromise) => {
    // LANG picks Electronegativity's English messages; it also tries to fetch translations (1 s time limit).
    const child = spawn(process.execPath, ['-e', CHILD, JSON.stringify(args)], {
      cwd: ROOT,
      env: { ...process.env, LANG: 'en-US' },
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolvePromise({ code: 1, output: `${output}${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? 1, signal, output });
    });
  });
}

function countFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

/**
 * Scans `inputDir` and reads the outputs back. Returns { findings, sarif, scan, output } where anything
 * that could not be produced or read is null (the integrity check turns that into a failure).
 */
/**
 * @param {string} inputDir
 * @param {string} outDir
 * @param {{ timeoutMs?: number, excluded?: string[] }} [options]
 * @returns {Promise<{ findings: Finding[] | null, sarif: { check: string, file: string, line: number }[] | null, scan: ScanAccount | null, readErrors: string[], output: string, csvPath: string, sarifPath: string }>}
 */
export async function scanDirectory(inputDir, outDir, { timeoutMs = 5 * 60_000, excluded = EXCLUDED_CHECKS.map((e) => e.check) } = {}) {
  mkdirSync(outDir, { recursive: true });
  const csvPath = join(outDir, 'electronegativity.csv');
  const sarifPath = join(outDir, 'electronegativity.sarif');
  const accountPath = join(outDir, 'electronegativity.run.json');
  for (const path of [csvPath, sarifPath, accountPath]) rmSync(path, { force: true });
  const packageDir = dirname(requireFromRoot.resolve('@doyensec/electronegativity/package.json'));
  const electronVersion = JSON.parse(readFileSync(requireFromRoot.resolve('electron/package.json'), 'utf8')).version;
  const child = await runChild(
    [join(packageDir, 'dist', 'runner.js'), join(packageDir, 'dist', 'util', 'file.js'), inputDir, csvPath, sarifPath, accountPath, excluded, electronVersion],
    { timeoutMs },
  );
  const read = (path, parse) => {
    if (!existsSync(path)) return { value: null, error: `${path} was not written` };
    try {
      return { value: parse(readFileSync(path, 'utf8')), error: null };
    } catch (error) {
      return { value: null, error: `${path}: ${error.message}` };
    }
  };
  const csv = read(csvPath, parseElectronegativityCsv);
  const sarif = read(sarifPath, parseElectronegativitySarif);
  const account = read(accountPath, JSON.parse);
  const scan = child.code === 0 && account.value ? { ...account.value, files: countFiles(inputDir) } : null;
  const readErrors = [csv.error, sarif.error, account.error].filter(Boolean);
  if (child.code !== 0) readErrors.unshift(`Electronegativity exited with ${child.signal ?? child.code}`);
  return { findings: csv.value, sarif: sarif.value, scan, readErrors, output: child.output, csvPath, sarifPath };
}

/** A copy of what electron-builder packages (`files: ['out/**', 'package.json']`), so paths read out/main/index.js. */
export function stageApp(root, stageDir) {
  mkdirSync(stageDir, { recursive: true });
  cpSync(join(root, 'out'), join(stageDir, 'out'), { recursive: true });
  cpSync(join(root, 'package.json'), join(stageDir, 'package.json'));
}

export function writeFigures(root, figures) {
  const dir = join(root, 'test-results', 'reliability');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'electronegativity.json');
  writeFileSync(path, `${JSON.stringify({ area: 'electronegativity', recordedAt: new Date().toISOString(), figures }, null, 2)}\n`);
  return path;
}

/** @param {{ root?: string, log?: (line: string) => void }} [options] @returns {Promise<number>} */
export async function runGate({ root = ROOT, log = console.log } = {}) {
  const started = Date.now();
  const missing = REQUIRED_BUILD_FILES.filter((file) => !existsSync(join(root, file)));
  const outDir = join(root, 'test-results', 'electronegativity');
  let findings = [];
  let problems;
  let checksRun = 0;
  if (missing.length) problems = missingBuildProblems(missing);
  else {
    const stage = mkdtempSync(join(tmpdir(), 'sla-electronegativity-'));
    try {
      stageApp(root, stage);
      const result = await scanDirectory(stage, outDir);
      const mainBundle = readFileSync(join(root, 'out', 'main', 'index.js'), 'utf8');
      const scan = result.scan && { ...result.scan, browserWindows: (mainBundle.match(/\bnew BrowserWindow\(/g) ?? []).length };
      findings = result.findings ?? [];
      checksRun = scan?.checks ?? 0;
      problems = [...result.readErrors, ...integrityProblems(findings, { scan, sarif: result.sarif })];
      if (problems.length && result.output.trim()) log(`Electronegativity's own output:\n${result.output.trim()}`);
    } finally {
      rmSync(stage, { recursive: true, force: true });
    }
  }
  const decision = decide(findings, { problems: [...new Set(problems)] });
  log(report(decision));
  const figuresPath = writeFigures(root, figuresOf(decision, checksRun));
  log(
    `(${checksRun} checks, ${((Date.now() - started) / 1000).toFixed(1)} s; outputs in ${join('test-results', 'electronegativity')}, figures in ${figuresPath.slice(root.length + 1)})`,
  );
  return decision.exitCode;
}

if (process.argv[1] !== undefined && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  runGate().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`Electronegativity gate FAILED: ${error?.stack ?? error}`);
      process.exit(1);
    },
  );
}
