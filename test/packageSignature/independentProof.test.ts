import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createInstallationIdentity, signPackage, verifyPackageSignature, type SigningIdentity } from '../../src/main/core/packageSignature';
import { useTempDirs } from '../support/tempDirs';
import { libreOfficeVerify } from './libreOffice';
import { BODY_TEXT, sampleDocx } from './sampleDocx';
import { tamper } from './tamper';
import { xmlsecVerify } from './xmlsec';

/**
 * The independent proof: a package signed by our code is checked by two implementations that share none
 * of it — Debian's xmlsec1 (libxml2's C14N, its own OPC RelationshipTransform, OpenSSL) and LibreOffice
 * (python3-uno → xmlsecurity → NSS) — on the signed package and on the tamper table. Needs `xmlsec1` and
 * `python3-uno` (with `libreoffice-writer-nogui`).
 */
const tempDir = useTempDirs();

type Expectation = 'valid' | 'invalid';
const TABLE: [name: string, make: (signed: Uint8Array) => Promise<Uint8Array>, expected: Expectation][] = [
  ['signed, untouched', async (signed) => signed, 'valid'],
  ['body text edited', (signed) => tamper.bodyTextEdited(signed, BODY_TEXT), 'invalid'],
  ['a signed relationship retargeted', tamper.relationshipRetargeted, 'invalid'],
  ['signature value altered', tamper.signatureValueAltered, 'invalid'],
  ['package re-zipped unchanged', tamper.rezipped, 'valid'],
  ['docProps/core.xml edited (unsigned by design)', tamper.corePropertiesEdited, 'valid'],
];
const CASES = TABLE.map(([name, , expected]) => ({ name, expected }));

let identity: SigningIdentity;
const files = new Map<string, Uint8Array>();
/** A hyperlink whose target needs escaping in XML: the known limit of xmlsec 1.2.x (docs/SIGNING.md). */
let ampersandLink: Uint8Array;
const comment = 'Signed by Ana García and Ben Ruiz; fingerprint sha256:0123abcd';

beforeAll(async () => {
  identity = await createInstallationIdentity('Acme Marketing & Sales');
  const signed = await signPackage(await sampleDocx(), identity, { comment });
  for (const [name, make] of TABLE) files.set(name, await make(signed));
  ampersandLink = await signPackage(await sampleDocx(1, 'https://example.com/sla?lang=en&v=2'), identity, { comment });
});

describe('the tamper table, by our own verifier', () => {
  it.each(CASES)('$name → $expected', async ({ name, expected }) => {
    const report = await verifyPackageSignature(files.get(name) ?? new Uint8Array());
    expect(report.status).toBe(expected);
  });
});

describe('the tamper table, by xmlsec1', () => {
  it.each(CASES)('$name → $expected, counting every manifest reference', async ({ name, expected }) => {
    const result = await xmlsecVerify(files.get(name) ?? new Uint8Array(), tempDir('sla-xmlsec-'), identity.certificatePem);
    const everyReference =
      result.verified &&
      result.signedInfo.ok === 3 &&
      result.signedInfo.all === 3 &&
      result.manifestReferences > 10 &&
      result.manifest.all === result.manifestReferences &&
      result.manifest.ok === result.manifestReferences;
    expect(everyReference ? 'valid' : 'invalid', result.output).toBe(expected);
  });

  it('prints OK for a retargeted relationship — only the manifest count gives it away', async () => {
    const result = await xmlsecVerify(files.get('a signed relationship retargeted') ?? new Uint8Array(), tempDir('sla-xmlsec-'), identity.certificatePem);
    expect(result.verified).toBe(true);
    expect(result.manifest.ok).toBe(result.manifestReferences - 1);
  });

  it('cannot check a relationship whose target holds "&" (xmlsec 1.2.x limit), which our verifier signs and checks', async () => {
    const result = await xmlsecVerify(ampersandLink, tempDir('sla-xmlsec-'), identity.certificatePem);
    expect(result.verified).toBe(false);
    expect(result.output).toContain("EntityRef: expecting ';'");
    expect((await verifyPackageSignature(ampersandLink)).status).toBe('valid');
  });

  it('refuses the signature when another certificate is the one trusted', async () => {
    const stranger = await createInstallationIdentity('Someone Else');
    const result = await xmlsecVerify(files.get('signed, untouched') ?? new Uint8Array(), tempDir('sla-xmlsec-'), stranger.certificatePem);
    expect(result.verified).toBe(false);
  });
});

describe('the tamper table, by LibreOffice', () => {
  it('reports each signature valid or invalid as the table says, and shares the xmlsec limit (one soffice for all)', { timeout: 180_000 }, async () => {
    const dir = tempDir('sla-lo-');
    const paths = new Map<string, string>();
    [...files].forEach(([name, bytes], i) => {
      const path = join(dir, `case-${i}.docx`);
      writeFileSync(path, bytes);
      paths.set(name, path);
    });
    const ampersand = join(dir, 'ampersand-link.docx');
    writeFileSync(ampersand, ampersandLink);
    const results = await libreOfficeVerify([...paths.values(), ampersand]);
    for (const [name, , expected] of TABLE) {
      const result = results.get(paths.get(name) ?? '');
      expect(result && 'signatures' in result, `${name}: ${JSON.stringify(result)}`).toBe(true);
      if (!result || !('signatures' in result)) continue;
      expect(result.signatures, name).toHaveLength(1);
      expect(result.signatures[0]?.valid ? 'valid' : 'invalid', name).toBe(expected);
    }
    // Integrity is proved; trust is not: nobody imported this self-signed certificate into LibreOffice.
    const untouched = results.get(paths.get('signed, untouched') ?? '');
    expect(untouched && 'signatures' in untouched ? untouched.signatures[0]?.certificateStatus : undefined).not.toBe(0);
    // Debian's LibreOffice verifies with the system xmlsec 1.2.37, so it shares that limit (docs/SIGNING.md).
    const limit = results.get(ampersand);
    expect(limit && 'signatures' in limit ? limit.signatures.map((s) => s.valid) : limit).toEqual([false]);
  });
});
