import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../src/main/core/signing/fingerprint';
import { parseSlaw, serializeSlaw } from '../../src/shared/slaw/format';
import { FIXTURE_DIR } from '../../scripts/generate-csv-fixtures.mjs';
import { signedExample } from '../support/signedExample';
import { useTempDirs } from '../support/tempDirs';
import { expectOneLineError, runCli } from './helpers';

/** The figures generate-csv-fixtures.mjs computed for a fixture (its `.expected.json`). */
interface Expected {
  records: number;
  rejected: number;
  months: Record<string, Record<'lead' | 'mql' | 'sql' | 'customer', number>>;
}
const expected = (csv: string) => JSON.parse(readFileSync(join(FIXTURE_DIR, csv.replace(/\.csv$/, '.expected.json')), 'utf8')) as Expected;
const fixture = (name: string) => join(FIXTURE_DIR, name);
const ZONE = ['--time-zone', 'Europe/Madrid'];

let dir: string;
const newTempDir = useTempDirs();
const at = (name: string) => join(dir, name);
const signed = signedExample('en', { signers: 2, signed: 2 });

/** A fresh copy of the fully signed example agreement (no actuals yet). */
function signedCopy(name: string): string {
  writeFileSync(at(name), serializeSlaw(signed, '0.0.0-test', new Date('2026-03-10T10:00:00Z')));
  return at(name);
}

beforeAll(() => {
  dir = newTempDir('sla-import-csv-');
});

describe('sla-workshop import-csv', () => {
  it('writes a HubSpot export into a signed .slaw: same agreement and fingerprint, verify passes before and after', async () => {
    const slaw = signedCopy('signed.slaw');
    const before = await runCli(['export', slaw, '-o', at('before.docx')]);
    expect(before).toMatchObject({ code: 0, stderr: '' });

    const imported = await runCli(['import-csv', fixture('hubspot-labels-comma.csv'), '--agreement', slaw, '--preset', 'hubspot', ...ZONE]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const want = expected('hubspot-labels-comma.csv');
    const months = Object.keys(want.months);
    // The month table names the agreement's stages (MQL from "Marketing Qualified Lead (MQL)") and says what changed.
    expect(imported.stdout).toMatch(/Month\s+Lead\s+MQL\s+SQL\s+Opportunity\s+Customer\s+Rejected\s+Change/);
    expect(imported.stdout).toContain(`Added ${months.length} months: ${months.join(', ')}.`);
    expect(imported.stdout).toContain(`${want.records} records`);

    const after = parseSlaw(readFileSync(slaw, 'utf8'));
    expect(after.agreement).toEqual(signed);
    expect(fingerprintOf(after.agreement)).toBe(fingerprintOf(signed));
    const lead = signed.lifecycle.stages.find((s) => s.key === 'lead')!.id;
    expect(after.actuals.map((m) => [m.month, m.stages.find((s) => s.stageId === lead)?.count])).toEqual(months.map((m) => [m, want.months[m]!.lead]));
    expect(after.actuals.every((m) => m.imported?.fileName === 'hubspot-labels-comma.csv' && m.imported.preset === 'hubspot')).toBe(true);

    const [validated, exported] = await Promise.all([runCli(['validate', slaw]), runCli(['export', slaw, '-o', at('after.docx')])]);
    expect(validated.code).toBe(0);
    expect(exported.code).toBe(0);
    const [verifyBefore, verifyAfter] = await Promise.all([runCli(['verify', at('before.docx')]), runCli(['verify', at('after.docx')])]);
    expect(verifyBefore.code).toBe(0);
    expect(verifyAfter.code).toBe(0);
    // The same signed content: the same fingerprint reported for both documents.
    const print = (out: string) => /([0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}[0-9a-f ]*)/.exec(out)?.[1];
    expect(print(verifyAfter.stdout)).toBeDefined();
    expect(print(verifyAfter.stdout)).toBe(print(verifyBefore.stdout));

    // The same file again: replaced, never added up.
    const again = await runCli(['import-csv', fixture('hubspot-labels-comma.csv'), '--agreement', slaw, '--preset', 'hubspot', ...ZONE]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No month changed');
    expect(parseSlaw(readFileSync(slaw, 'utf8')).actuals.map((m) => m.stages)).toEqual(after.actuals.map((m) => m.stages));
  }, 120_000);

  it.each([
    ['hubspot-internal-semicolon-bom.csv', ['--preset', 'hubspot']],
    ['hubspot-labels-tab-latin1.csv', ['--preset', 'hubspot', '--encoding', 'latin1', '--date-format', 'dmy']],
    ['salesforce-us-comma.csv', ['--preset', 'salesforce']],
    ['salesforce-es-semicolon-latin1.csv', ['--preset', 'salesforce']],
    ['generic-es-semicolon.csv', ['--preset', 'generic', '--mapping', fixture('generic-es.mapping.json')]],
  ])(
    '%s: every month read, leads as generated',
    async (csv, flags) => {
      const slaw = signedCopy(`copy-${csv}.slaw`);
      const result = await runCli(['import-csv', fixture(csv), '--agreement', slaw, ...flags, ...ZONE], { lang: 'es_ES.UTF-8' });
      expect(result.code).toBe(0);
      const want = expected(csv);
      expect(result.stdout).toContain(`${want.records} registros`);
      const lead = signed.lifecycle.stages.find((s) => s.key === 'lead')!.id;
      const { actuals } = parseSlaw(readFileSync(slaw, 'utf8'));
      expect(actuals.map((m) => [m.month, m.stages.find((s) => s.stageId === lead)?.count])).toEqual(
        Object.entries(want.months).map(([m, figures]) => [m, figures.lead]),
      );
      if (want.rejected > 0) expect(result.stderr).toContain(`Se han descartado ${want.rejected} filas`);
      else expect(result.stderr).toBe('');
    },
    60_000,
  );

  it('imports a file with bad rows (exit 0) and lists each on stderr with its line and reason', async () => {
    const slaw = signedCopy('bad-rows.slaw');
    const result = await runCli(['import-csv', fixture('bad-rows.csv'), '--agreement', slaw, '--preset', 'hubspot', ...ZONE]);
    expect(result.code).toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe('7 rows were rejected:');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^ {2}Line 6: Not a date in “Became a Marketing Qualified Lead Date”/),
      expect.stringMatching(/^ {2}Line 10: Negative amount/),
      expect.stringMatching(/^ {2}Line 14: Not an amount/),
      expect.stringMatching(/^ {2}Line 19: Stage dates out of order/),
      '  Line 26: Wrong number of columns',
      expect.stringMatching(/^ {2}Line 31: Same record twice/),
      '  Line 35: Unbalanced quotes',
    ]);
    expect(parseSlaw(readFileSync(slaw, 'utf8')).actuals.length).toBeGreaterThan(0);
  }, 60_000);

  it('refuses (exit 2, one line, nothing written) a file no mapping fits, a missing file, and generic without a mapping', async () => {
    const slaw = signedCopy('untouched.slaw');
    const bytes = readFileSync(slaw);
    writeFileSync(at('unrelated.csv'), 'Invoice;Total;Paid\n1;100;yes\n');
    const [noFit, missing, noMapping, badMapping] = await Promise.all([
      runCli(['import-csv', at('unrelated.csv'), '--agreement', slaw, '--preset', 'hubspot']),
      runCli(['import-csv', at('nowhere.csv'), '--agreement', slaw, '--preset', 'salesforce'], { lang: 'es_ES.UTF-8' }),
      runCli(['import-csv', fixture('generic-es-semicolon.csv'), '--agreement', slaw, '--preset', 'generic']),
      runCli(['import-csv', fixture('generic-es-semicolon.csv'), '--agreement', slaw, '--preset', 'generic', '--mapping', at('unrelated.csv')]),
    ]);
    for (const r of [noFit, missing, noMapping, badMapping]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
    expect(expectOneLineError(noFit)).toMatch(/^The mapping “HubSpot” needs columns this file does not have: .*Nothing was imported\.$/);
    expect(expectOneLineError(missing)).toMatch(/No se puede leer .*nowhere\.csv: no existe\./);
    expect(expectOneLineError(noMapping)).toContain('--preset generic needs --mapping');
    expect(expectOneLineError(badMapping)).toContain('This mapping file cannot be used');
    expect(Buffer.compare(readFileSync(slaw), bytes)).toBe(0);
  }, 60_000);
});
