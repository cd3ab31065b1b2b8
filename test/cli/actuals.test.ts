import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MonthlyActuals } from '../../src/shared/model/actuals';
import { MODEL_VERSION } from '../../src/shared/model/version';
import { parseSlaw } from '../../src/shared/slaw/format';
import { fingerprintOf } from '../../src/main/core/signing/fingerprint';
import { fixtureSets } from '../support/modelFixtures';
import { runCli } from './helpers';
import { useTempDirs } from '../support/tempDirs';

let dir: string;
const newTempDir = useTempDirs();
beforeAll(() => {
  dir = newTempDir('slaw-actuals-cli-');
});

const at = (name: string) => join(dir, name);
const v2 = fixtureSets().find((s) => s.name === 'model-v2')!;
const v2Signed = join(v2.dir, 'signed.slaw');

interface Envelope {
  schemaVersion: number;
  agreement: { meta: { id: string } };
  actuals: MonthlyActuals[];
}

describe('monthly actuals through the command line', () => {
  const fingerprint = v2.manifest.agreements.signed.fingerprint;

  it('a version-2 signed file validates and exports a .docx that verifies', async () => {
    const [validated, exported] = await Promise.all([runCli(['validate', v2Signed]), runCli(['export', v2Signed, '-o', at('signed-v2.docx')])]);
    expect(validated.code).toBe(0);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    const verified = await runCli(['verify', at('signed-v2.docx')]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain(fingerprint!.slice(0, 4));
  }, 60_000);

  it('its actuals round-trip through import and export-slaw, and a second import merges by month', async () => {
    const data = at('data');
    expect((await runCli(['import', v2Signed, '--data-dir', data])).code).toBe(0);
    const { agreement: original, actuals } = parseSlaw(readFileSync(v2Signed, 'utf8'));
    expect(actuals.length).toBeGreaterThan(0);
    const out = at('round-trip.slaw');
    expect((await runCli(['export-slaw', original.meta.id, '-o', out, '--data-dir', data])).code).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8')) as Envelope;
    expect(file.schemaVersion).toBe(MODEL_VERSION);
    expect(file.actuals).toEqual(actuals);
    const back = parseSlaw(readFileSync(out, 'utf8')).agreement;
    expect(fingerprintOf(back)).toBe(fingerprint);
    expect((await runCli(['validate', out])).code).toBe(0);

    // Another computer corrected January and added a month: importing merges them, the file winning for its months.
    const [january] = file.actuals as [MonthlyActuals];
    const corrected = {
      ...file,
      actuals: [
        { ...january, revenue: 1 },
        { ...january, month: '2026-12' },
      ],
    };
    writeFileSync(at('corrected.slaw'), JSON.stringify(corrected));
    const again = await runCli(['import', at('corrected.slaw'), '--data-dir', data, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ outcome: 'already_present' });
    expect((await runCli(['export-slaw', original.meta.id, '-o', at('merged.slaw'), '--data-dir', data])).code).toBe(0);
    const merged = (JSON.parse(readFileSync(at('merged.slaw'), 'utf8')) as Envelope).actuals;
    expect(merged.map((m) => [m.month, m.revenue])).toEqual(
      [...actuals.slice(1).map((m) => [m.month, m.revenue]), ['2026-01', 1], ['2026-12', january.revenue]].sort((a, b) =>
        String(a[0]).localeCompare(String(b[0])),
      ),
    );
  }, 90_000);
});
