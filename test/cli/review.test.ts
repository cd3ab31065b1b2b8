import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyMonth } from '../../src/shared/actuals/store';
import { serializeSlaw } from '../../src/shared/slaw/format';
import { signedExample } from '../support/signedExample';
import { useTempDirs } from '../support/tempDirs';
import { expectOneLineError, runCli } from './helpers';

let dir: string;
const newTempDir = useTempDirs();
const at = (name: string) => join(dir, name);
const agreement = signedExample('es', { signers: 2, signed: 2 });
const [lead, mql] = agreement.lifecycle.stages;
const speed = agreement.protocol.commitments[0]!;

beforeAll(() => {
  dir = newTempDir('sla-review-cli-');
  const march = {
    ...emptyMonth('2027-03'),
    stages: [
      { stageId: lead!.id, count: 450 },
      { stageId: mql!.id, count: 220.5 },
    ],
    notes: 'Buen mes',
    decisions: [{ id: 'd1', text: '=HYPERLINK("x")', owner: 'Daniel' }],
  };
  writeFileSync(at('a.slaw'), serializeSlaw(agreement, '0.0.0-test', new Date('2027-04-01T10:00:00Z'), [march]));
});

describe('sla-workshop review', () => {
  it('prints the month in the agreement’s language and writes the .docx and a Spanish CSV', async () => {
    const result = await runCli(['review', at('a.slaw'), '--month', '2027-03', '-o', at('r.docx'), '--csv', at('r.csv')]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Revisión mensual: marzo de 2027');
    expect(result.stdout).toMatch(/Lead\s+500\s+450\s+90 %\s+✗ No cumplido/);
    expect(result.stdout).toContain(speed.description);
    expect(result.stdout).toContain('Buen mes');

    const csv = readFileSync(at('r.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Lead;500;450;90;No cumplido\r\n');
    expect(csv).toContain(`${mql!.name};200;220,5;110,3;Cumplido`);
    // A decision typed as a formula stays text in a spreadsheet.
    expect(csv).toContain(`"'=HYPERLINK(""x"")";Daniel`);

    const xml = await (await JSZip.loadAsync(readFileSync(at('r.docx')))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Revisión mensual: marzo de 2027');
    expect(xml).toContain('Buen mes');
  }, 60_000);

  it('--lang en writes English with "," and the decimal point; a month without figures says so', async () => {
    const [english, empty] = await Promise.all([
      runCli(['review', at('a.slaw'), '--month', '2027-03', '--lang', 'en', '--csv', at('en.csv')]),
      runCli(['review', at('a.slaw'), '--month', '2026-11'], { lang: 'en_US.UTF-8' }),
    ]);
    expect(english.code).toBe(0);
    expect(readFileSync(at('en.csv'), 'utf8')).toContain(`${mql!.name},200,220.5,110.3,Met`);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('No se ha registrado ni importado nada para noviembre de 2026');
  }, 60_000);

  it('refuses a bad month and an existing output without --force (exit 2, one line, nothing written)', async () => {
    writeFileSync(at('exists.csv'), 'keep');
    const [badMonth, exists] = await Promise.all([
      runCli(['review', at('a.slaw'), '--month', '2027-3']),
      runCli(['review', at('a.slaw'), '--month', '2027-03', '-o', at('new.docx'), '--csv', at('exists.csv')]),
    ]);
    expect(badMonth.code).toBe(2);
    expect(expectOneLineError(badMonth)).toContain('“2027-3” is not a month');
    expect(exists.code).toBe(2);
    expect(expectOneLineError(exists)).toContain('already exists');
    expect(readFileSync(at('exists.csv'), 'utf8')).toBe('keep');
    expect(() => readFileSync(at('new.docx'))).toThrow();
  }, 60_000);
});
