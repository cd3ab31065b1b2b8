import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALLOW_LIST,
  CSV_HEADER,
  EXCLUDED_CHECKS,
  SEVERITY_RANK,
  allowListEntryFor,
  decide,
  figuresOf,
  formatTable,
  integrityProblems,
  isAboveLow,
  missingBuildProblems,
  parseCsvRecords,
  parseElectronegativityCsv,
  parseElectronegativitySarif,
  runGate,
  scanDirectory,
} from './electronegativity-gate.mjs';
import { useTempDirs } from '../test/support/tempDirs';

const tempDir = useTempDirs();
const require = createRequire(import.meta.url);

/** Electronegativity 1.10.3's CSV as it writes it (header with spaces, quoted fields, N/A, global findings at 0:0). */
const CSV = [
  'issue, severity, confidence, filename, location, sample, description, url',
  `CSP_GLOBAL_CHECK,"LOW","FIRM","out/renderer/index.html","6:0","default-src 'self'; style-src 'self' 'unsafe-inline'","One or more CSP directives detected seems to be vulnerable",https://github.com/doyensec/electronegativity/wiki/CSP_GLOBAL_CHECK`,
  'ELECTRON_VERSION_JSON_CHECK,"INFORMATIONAL","CERTAIN","package.json","1:0","{","Gets the electron version used by inspecting the package.json file.",https://github.com/doyensec/electronegativity/wiki/ELECTRON_VERSION_JSON_CHECK',
  'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","out/main/index.js","5020:11","if (safe) shell.openExternal(safe).catch(() => void 0);","Review the use of openExternal",https://github.com/doyensec/electronegativity/wiki/OPEN_EXTERNAL_JS_CHECK',
  'CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","out/main/index.js","5046:17","const window = new BrowserWindow(buildWindowOptions({","Review the use of the contextIsolation option",https://github.com/doyensec/electronegativity/wiki/CONTEXT_ISOLATION_JS_CHECK',
  'CSP_GLOBAL_CHECK,"MEDIUM","CERTAIN",N/A,"0:0",N/A,"No CSP has been detected in the target application",https://github.com/doyensec/electronegativity/wiki/CSP_GLOBAL_CHECK',
  '',
].join('\n');

/** The same findings as SARIF (Electronegativity's writer: no severity, only rule, file and line). */
const SARIF = JSON.stringify({
  $schema: 'http://json.schemastore.org/sarif-2.1.0',
  version: '2.1.0',
  runs: [
    {
      tool: { driver: { name: 'Electronegativity', rules: [] } },
      results: [
        ['CSP_GLOBAL_CHECK', 'out/renderer/index.html', 6],
        ['ELECTRON_VERSION_JSON_CHECK', 'package.json', 1],
        ['OPEN_EXTERNAL_JS_CHECK', 'out/main/index.js', 5020],
        ['CONTEXT_ISOLATION_JS_CHECK', 'out/main/index.js', 5046],
        ['CSP_GLOBAL_CHECK', 'file:///', 1],
      ].map(([ruleId, uri, startLine]) => ({
        ruleId,
        level: 'warning',
        message: { text: '...' },
        locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine, startColumn: 1 } } }],
      })),
    },
  ],
});

/** What a lost race between its two CSV writes left behind: the header written over the first row. */
const DAMAGED_CSV = `issue, severity, confidence, filename, location, sample, description, url\n 'self'; script-src 'self'","One or more CSP directives detected seems to be vulnerable",https://github.com/doyensec/electronegativity/wiki/CSP_GLOBAL_CHECK\nSANDBOX_JS_CHECK,"MEDIUM","FIRM","out/main/index.js","5046:17","x","Use sandbox",https://x\n`;

const finding = (over: Partial<ReturnType<typeof parseElectronegativityCsv>[number]>) => ({
  check: 'SANDBOX_JS_CHECK',
  severity: 'MEDIUM',
  confidence: 'FIRM',
  file: 'out/main/index.js',
  line: 1,
  column: 0,
  sample: 'new BrowserWindow({})',
  description: '',
  url: '',
  ...over,
});

const cleanScan = { issues: 5, checks: 41, files: 9, errors: [], browserWindows: 1 };

describe('reading Electronegativity’s CSV', () => {
  it('splits quoted fields with commas, doubled quotes, line breaks and CRLF', () => {
    expect(parseCsvRecords('a,"b,c","say ""hi""","two\nlines"\r\nx,N/A,,z\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['x', 'N/A', '', 'z'],
    ]);
    expect(() => parseCsvRecords('a,"open\n')).toThrow(/quoted/);
  });

  it('gives each finding its check, severity, confidence, file and line', () => {
    const findings = parseElectronegativityCsv(CSV);
    expect(findings).toHaveLength(5);
    expect(findings[3]).toMatchObject({
      check: 'CONTEXT_ISOLATION_JS_CHECK',
      severity: 'HIGH',
      confidence: 'FIRM',
      file: 'out/main/index.js',
      line: 5046,
      column: 17,
    });
    expect(findings[0]!.sample).toBe("default-src 'self'; style-src 'self' 'unsafe-inline'");
    expect(findings[4]).toMatchObject({ check: 'CSP_GLOBAL_CHECK', severity: 'MEDIUM', file: '', line: 0, sample: '' });
  });

  it('reads a header alone as no findings, and refuses an empty or foreign file', () => {
    expect(parseElectronegativityCsv(`${CSV_HEADER.join(', ')}\n`)).toEqual([]);
    expect(() => parseElectronegativityCsv('')).toThrow(/empty/);
    expect(() => parseElectronegativityCsv('id,level\nX,HIGH\n')).toThrow(/header/);
  });

  it('refuses a damaged file (the header written over the first row) instead of reading it as clean', () => {
    expect(() => parseElectronegativityCsv(DAMAGED_CSV)).toThrow();
    expect(() => parseElectronegativityCsv(`${CSV_HEADER.join(', ')}\nSANDBOX_JS_CHECK,"MEDIUM","FIRM","f.js","1:0"\n`)).toThrow(/fields/);
    expect(() => parseElectronegativityCsv(`${CSV_HEADER.join(', ')}\nX,"HIGH","SURE","f.js","1:0","s","d",u\n`)).toThrow(/confidence/);
  });
});

describe('reading Electronegativity’s SARIF', () => {
  it('gives check, file and line (SARIF carries no severity)', () => {
    const findings = parseElectronegativitySarif(SARIF);
    expect(findings).toHaveLength(5);
    expect(findings[3]).toMatchObject({ check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'out/main/index.js', line: 5046 });
    expect(findings[4]).toMatchObject({ check: 'CSP_GLOBAL_CHECK', file: '' });
  });

  it('refuses what is not Electronegativity’s SARIF', () => {
    expect(() => parseElectronegativitySarif('{"version":"2.1.0"')).toThrow(/JSON/);
    expect(() => parseElectronegativitySarif('{"version":"2.1.0","runs":[]}')).toThrow(/results/);
  });
});

describe('the severity gate', () => {
  it('uses Electronegativity’s own severity names and fails on anything above LOW', () => {
    expect(Object.keys(SEVERITY_RANK)).toEqual(expect.arrayContaining(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']));
    expect(isAboveLow('INFORMATIONAL')).toBe(false);
    expect(isAboveLow('LOW')).toBe(false);
    expect(isAboveLow('MEDIUM')).toBe(true);
    expect(isAboveLow('HIGH')).toBe(true);
    expect(isAboveLow('CRITICAL')).toBe(true);
    expect(isAboveLow('high')).toBe(true);
  });

  it('treats a severity it does not know as above LOW (fail closed)', () => {
    expect(isAboveLow('SEVERE')).toBe(true);
    expect(isAboveLow('')).toBe(true);
  });

  it('matches Electronegativity’s installed severity table', () => {
    const { severity } = require('@doyensec/electronegativity/dist/finder/attributes.js') as { severity: Record<string, { value: number }> };
    for (const [name, { value }] of Object.entries(severity)) expect(SEVERITY_RANK[name as keyof typeof SEVERITY_RANK], name).toBe(value);
  });

  it('passes LOW and INFORMATIONAL findings, fails on MEDIUM and HIGH ones', () => {
    const findings = [finding({ severity: 'LOW' }), finding({ severity: 'INFORMATIONAL' })];
    expect(decide(findings, { allowList: [] }).exitCode).toBe(0);
    const medium = decide([...findings, finding({ severity: 'MEDIUM' })], { allowList: [] });
    expect(medium.exitCode).toBe(1);
    expect(medium.blocking).toHaveLength(1);
    expect(decide([finding({ severity: 'HIGH' })], { allowList: [] }).exitCode).toBe(1);
  });

  it('passes an empty scan, and fails whenever the run itself had a problem', () => {
    expect(decide([], { allowList: [] }).exitCode).toBe(0);
    expect(decide([], { allowList: [], problems: ['no SARIF output'] }).exitCode).toBe(1);
  });
});

describe('the allow-list', () => {
  const entry = { check: 'SANDBOX_JS_CHECK', file: 'out/main/index.js', sample: /^new BrowserWindow\(build\(\)\)$/, reason: 'set in build(), tested' };

  it('covers exactly one check, in one file, on the source line it names', () => {
    expect(allowListEntryFor(finding({ sample: 'new BrowserWindow(build())' }), [entry])).toBe(entry);
    expect(allowListEntryFor(finding({ sample: 'new BrowserWindow({ sandbox: false })' }), [entry])).toBeNull();
    expect(allowListEntryFor(finding({ sample: 'new BrowserWindow(build())', file: 'out/main/other.js' }), [entry])).toBeNull();
    expect(allowListEntryFor(finding({ sample: 'new BrowserWindow(build())', check: 'CONTEXT_ISOLATION_JS_CHECK' }), [entry])).toBeNull();
  });

  it('is not honoured for an entry without a reason', () => {
    expect(allowListEntryFor(finding({ sample: 'new BrowserWindow(build())' }), [{ ...entry, reason: ' ' }])).toBeNull();
  });

  it('turns a blocking finding into an allowed one, and reports entries nothing matched', () => {
    const unused = { ...entry, check: 'AUXCLICK_JS_CHECK' };
    const decision = decide([finding({ sample: 'new BrowserWindow(build())' })], { allowList: [entry, unused] });
    expect(decision.exitCode).toBe(0);
    expect(decision.allowed).toHaveLength(1);
    expect(decision.unusedAllowListEntries).toEqual([unused]);
  });

  it('in the script: every entry names a check, a file, a source line and a reason citing its test', () => {
    expect(ALLOW_LIST.length).toBeGreaterThan(0);
    for (const item of ALLOW_LIST) {
      expect(item.check).toMatch(/^[A-Z_]+_CHECK$/);
      expect(item.file).toMatch(/^out\//);
      expect(item.sample).toBeInstanceOf(RegExp);
      expect(String(item.sample)).toMatch(/^\/\^.*\$\/$/);
      expect(item.reason).toMatch(/\.test\.ts/);
    }
  });

  it('in the script: does not touch the real findings of the fixture outside its lines', () => {
    const decision = decide(parseElectronegativityCsv(CSV));
    // The fixture's "No CSP" global finding is MEDIUM and on no allow-list: the gate must fail on it.
    expect(decision.blocking.map((row) => row.check)).toEqual(['CSP_GLOBAL_CHECK']);
    expect(decision.allowed.map((row) => row.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK']);
    expect(decision.exitCode).toBe(1);
  });

  it('excludes only checks that exist, each with its reason', () => {
    const { GLOBAL_CHECKS } = require('@doyensec/electronegativity/dist/finder/checks/GlobalChecks/index.js') as { GLOBAL_CHECKS: { name: string }[] };
    const names = GLOBAL_CHECKS.map((check) => check.name.toLowerCase());
    for (const excluded of EXCLUDED_CHECKS) {
      expect(names).toContain(excluded.check);
      expect(excluded.reason.length).toBeGreaterThan(20);
    }
  });
});

describe('trusting the output', () => {
  const findings = () => parseElectronegativityCsv(CSV);
  const sarif = () => parseElectronegativitySarif(SARIF);

  it('accepts outputs that agree with the scan’s own account', () => {
    expect(integrityProblems(findings(), { scan: cleanScan, sarif: sarif() })).toEqual([]);
  });

  it('fails a run that left no account, no SARIF, or ran no checks on no files', () => {
    expect(integrityProblems([], { scan: null, sarif: null })).toEqual([expect.stringMatching(/no account/), expect.stringMatching(/no SARIF/)]);
    expect(integrityProblems([], { scan: { ...cleanScan, issues: 0, checks: 0, files: 0 }, sarif: [] })).toEqual([
      expect.stringMatching(/no checks/),
      expect.stringMatching(/no files/),
    ]);
  });

  it('fails when the CSV lost findings the scan reported, or disagrees with the SARIF', () => {
    expect(integrityProblems(findings().slice(1), { scan: cleanScan, sarif: sarif().slice(1) })).toEqual([
      expect.stringMatching(/CSV holds 4 findings but the scan reported 5/),
    ]);
    expect(integrityProblems(findings(), { scan: cleanScan, sarif: sarif().slice(1) })).toEqual([expect.stringMatching(/CSV and SARIF/)]);
  });

  it('fails when a file could not be parsed (it was not checked), but not on a tolerable warning', () => {
    const error = { file: 'out/main/index.js', message: 'Unexpected token', tolerable: false };
    expect(integrityProblems(findings(), { scan: { ...cleanScan, errors: [error] }, sarif: sarif() })).toEqual([
      expect.stringMatching(/could not analyse out\/main\/index.js/),
    ]);
    expect(integrityProblems(findings(), { scan: { ...cleanScan, errors: [{ ...error, tolerable: true }] }, sarif: sarif() })).toEqual([]);
  });

  it('fails when the bundle has no BrowserWindow for the window checks to look at', () => {
    expect(integrityProblems(findings(), { scan: { ...cleanScan, browserWindows: 0 }, sarif: sarif() })).toEqual([expect.stringMatching(/BrowserWindow/)]);
  });

  it('fails when the build is missing, naming each missing file', () => {
    expect(missingBuildProblems(['out/main/index.js'])).toEqual([expect.stringMatching(/out\/main\/index\.js.*npm run build/)]);
  });
});

describe('the report', () => {
  it('is a table of check, severity, confidence, file:line and status', () => {
    const table = formatTable(decide(parseElectronegativityCsv(CSV)).rows);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^check\s+severity\s+confidence\s+file:line\s+status$/);
    expect(table).toMatch(/CONTEXT_ISOLATION_JS_CHECK\s+HIGH\s+FIRM\s+out\/main\/index\.js:5046\s+allow-listed/);
    expect(table).toMatch(/CSP_GLOBAL_CHECK\s+MEDIUM\s+CERTAIN\s+\(global\)\s+BLOCKING/);
    expect(table).toMatch(/ELECTRON_VERSION_JSON_CHECK\s+INFORMATIONAL\s+CERTAIN\s+package\.json:1\s+below gate/);
  });

  it('records the figures: all findings, those above LOW that fail the gate, allow-listed ones, checks run', () => {
    expect(figuresOf(decide(parseElectronegativityCsv(CSV)), 41)).toEqual({
      findings_total: 5,
      findings_above_low: 1,
      findings_allowlisted: 2,
      checks_run: 41,
      integrity_problems: 0,
    });
  });
});

describe('the gate with the real Electronegativity', () => {
  it('finds an insecure window and fails on it', async () => {
    const app = tempDir('sla-eneg-app-');
    writeFileSync(
      join(app, 'main.js'),
      "const { BrowserWindow } = require('electron');\n" +
        'const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n' +
        "win.loadURL('https://example.com/');\n",
    );
    const result = await scanDirectory(app, tempDir('sla-eneg-out-'));
    expect(result.readErrors).toEqual([]);
    const findings = result.findings!;
    expect(integrityProblems(findings, { scan: result.scan, sarif: result.sarif })).toEqual([]);
    const decision = decide(findings);
    expect(decision.exitCode).toBe(1);
    // The window's own settings, and what the app as a whole lacks: navigation limits, a permission handler, a CSP.
    expect(decision.blocking.map((row) => row.check)).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
        'CSP_GLOBAL_CHECK',
      ]),
    );
    expect(decision.blocking.find((row) => row.check === 'CONTEXT_ISOLATION_JS_CHECK')).toMatchObject({ severity: 'HIGH', file: 'main.js', line: 2 });
  });

  it('fails a run that produced no output at all', async () => {
    const result = await scanDirectory(join(tempDir('sla-eneg-none-'), 'missing'), tempDir('sla-eneg-out-'));
    expect(result.findings).toBeNull();
    expect(result.readErrors[0]).toMatch(/exited with/);
    const problems = [...result.readErrors, ...integrityProblems([], { scan: result.scan, sarif: result.sarif })];
    expect(decide([], { problems }).exitCode).toBe(1);
  });

  it('fails without a build, and still records its figures', async () => {
    const root = tempDir('sla-eneg-root-');
    mkdirSync(join(root, 'out', 'main'), { recursive: true });
    const lines: string[] = [];
    expect(await runGate({ root, log: (line: string) => lines.push(line) })).toBe(1);
    expect(lines.join('\n')).toMatch(/missing build output out\/preload\/index\.cjs/);
    const figuresPath = join(root, 'test-results', 'reliability', 'electronegativity.json');
    expect(existsSync(figuresPath)).toBe(true);
    const recorded = JSON.parse(readFileSync(figuresPath, 'utf8')) as { area: string; recordedAt: string; figures: Record<string, number> };
    expect(recorded.area).toBe('electronegativity');
    expect(Number.isNaN(Date.parse(recorded.recordedAt))).toBe(false);
    expect(recorded.figures).toEqual({ findings_total: 0, findings_above_low: 0, findings_allowlisted: 0, integrity_problems: 3 });
  });
});
