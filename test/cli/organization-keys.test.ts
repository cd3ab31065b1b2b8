import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPassphraseProtector, verifyPackageSignature } from '../../src/main/core/packageSignature';
import { writeLegacyIdentity } from '../support/legacyIdentity';
import { runCli } from './helpers';
import { useTempDirs } from '../support/tempDirs';

let dir: string;
const newTempDir = useTempDirs();
beforeAll(() => {
  dir = newTempDir('slaw-keys-cli-');
});
const at = (name: string) => join(dir, name);
const env = { SLA_WORKSHOP_KEY_PASSPHRASE: 'a long passphrase' };
const subjectOf = async (file: string) => {
  const report = await verifyPackageSignature(readFileSync(file));
  return report.status === 'none' ? null : report.subject;
};

describe('sla-workshop export --digital-signature --organization', () => {
  it('picks the organization’s own key, creating it the first time, one key per organization', async () => {
    const dataDir = at('data');
    // An installation from before several keys existed: its single identity keeps signing for its organization.
    await writeLegacyIdentity(dataDir, 'Nortia Analytics', createPassphraseProtector(env.SLA_WORKSHOP_KEY_PASSPHRASE));
    expect((await runCli(['example', '--lang', 'en', '-o', at('example.slaw')])).code).toBe(0);

    const acme = await runCli(
      ['export', at('example.slaw'), '-o', at('acme.docx'), '--digital-signature', '--organization', 'Acme Corp', '--data-dir', dataDir],
      { env },
    );
    expect(acme).toMatchObject({ code: 0, stderr: '' });
    expect(await subjectOf(at('acme.docx'))).toBe('CN=Acme Corp, O=Acme Corp');
    // Without --organization the agreement's company (Nortia Analytics) finds the key the old version made.
    const nortia = await runCli(['export', at('example.slaw'), '-o', at('nortia.docx'), '--digital-signature', '--data-dir', dataDir], { env });
    expect(nortia).toMatchObject({ code: 0, stderr: '' });
    expect(await subjectOf(at('nortia.docx'))).toBe('CN=Nortia Analytics, O=Nortia Analytics');
    const again = await runCli(
      ['export', at('example.slaw'), '-o', at('acme-2.docx'), '--digital-signature', '--organization', 'ACME corp.', '--data-dir', dataDir],
      { env },
    );
    expect(again.code).toBe(0);
    expect(await subjectOf(at('acme-2.docx'))).toBe('CN=Acme Corp, O=Acme Corp');
    expect(readdirSync(join(dataDir, 'signing', 'keys'))).toHaveLength(2);
  }, 90_000);
});
