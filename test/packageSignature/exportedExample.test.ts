import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx, verifyDocx } from '../../src/main/core/document';
import {
  certificateThumbprint,
  createInstallationIdentity,
  signPackage,
  verifyPackageSignature,
  type SigningIdentity,
} from '../../src/main/core/packageSignature';
import { createExample } from '../../src/shared/model/example';
import { signedExample } from '../support/signedExample';
import { useTempDirs } from '../support/tempDirs';
import { libreOfficeVerify } from './libreOffice';
import { xmlsecVerify } from './xmlsec';

/** The proof once more on real exports of our SLA builder: the signed example, and the example as a draft. */
const tempDir = useTempDirs();
const now = new Date('2026-03-10T12:00:00Z');
let identity: SigningIdentity;
const signedExports = new Map<string, Uint8Array>();

beforeAll(async () => {
  identity = await createInstallationIdentity('Acme Marketing & Sales');
  for (const [name, agreement] of [
    ['signed example', signedExample('en', { signers: 2 })],
    ['draft example', createExample('en')],
  ] as const) {
    // The embedded record names the certificate that seals it. The signed example is sealed as the app does,
    // before the package is zipped (`sealWith`); the draft, as a .docx sealed afterwards (`signPackage`).
    const seal = { thumbprint: certificateThumbprint(identity.certificatePem) };
    if (name === 'signed example') {
      signedExports.set(name, (await exportDocx(agreement, { appVersion: '0.0.0-test', now, seal, sealWith: identity })).bytes);
      continue;
    }
    const { bytes } = await exportDocx(agreement, { appVersion: '0.0.0-test', now, seal });
    signedExports.set(name, await signPackage(bytes, identity, { comment: `${agreement.meta.title}`, now }));
  }
});

describe.each(['signed example', 'draft example'])('the exported %s, package-signed', (name) => {
  it('is valid for our verifier and still matches its embedded record (verifyDocx)', async () => {
    const bytes = signedExports.get(name) ?? new Uint8Array();
    expect((await verifyPackageSignature(bytes)).status).toBe('valid');
    expect((await verifyDocx(bytes)).status).not.toBe('unreadable');
    if (name === 'signed example') expect((await verifyDocx(bytes)).status).toBe('match');
  });

  it('passes xmlsec1 with every manifest reference OK', async () => {
    const result = await xmlsecVerify(signedExports.get(name) ?? new Uint8Array(), tempDir('sla-xmlsec-'), identity.certificatePem);
    expect(result.verified, result.output).toBe(true);
    expect(result.signedInfo).toEqual({ ok: 3, all: 3 });
    expect(result.manifestReferences).toBeGreaterThan(15);
    expect(result.manifest).toEqual({ ok: result.manifestReferences, all: result.manifestReferences });
  });
});

describe('the exported examples, by LibreOffice', () => {
  it('are validly signed', { timeout: 120_000 }, async () => {
    const dir = tempDir('sla-lo-');
    const paths = [...signedExports].map(([name, bytes]) => {
      const path = join(dir, `${name.replace(/\s/g, '-')}.docx`);
      writeFileSync(path, bytes);
      return path;
    });
    const results = await libreOfficeVerify(paths);
    for (const path of paths) {
      const result = results.get(path);
      expect(result && 'signatures' in result ? result.signatures.map((s) => s.valid) : result, path).toEqual([true]);
    }
  });
});
