import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';

const run = promisify(execFile);
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

export interface XmlsecResult {
  /** xmlsec1's verdict on the signature: SignedInfo references and the signature value. */
  verified: boolean;
  signedInfo: { ok: number; all: number };
  /** xmlsec1 processes Manifest references but does not fail on them: count them yourself. */
  manifest: { ok: number; all: number };
  /** How many Reference elements the signature's Manifest holds. */
  manifestReferences: number;
  output: string;
}

const counts = (output: string, label: string) => {
  const match = new RegExp(`${label} References \\(ok/all\\): (\\d+)/(\\d+)`).exec(output);
  return { ok: Number(match?.[1] ?? -1), all: Number(match?.[2] ?? -1) };
};

/**
 * Verifies `_xmlsignatures/sig1.xml` of a package with Debian's xmlsec1: the package is unpacked into
 * `dir`, each manifest reference URI (`/word/document.xml?ContentType=…`) is mapped to its unpacked part
 * with --url-map (xmlsec1 1.2.37 implements the OPC RelationshipTransform itself), Ids are declared for
 * the Object and XAdES SignedProperties elements, and only `trustedPem` is trusted — the certificate in
 * KeyInfo must chain to it.
 */
export async function xmlsecVerify(docx: Uint8Array, dir: string, trustedPem: string): Promise<XmlsecResult> {
  const zip = await JSZip.loadAsync(docx);
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const path = join(dir, file.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, await file.async('nodebuffer'));
  }
  const trusted = join(dir, 'trusted.pem');
  writeFileSync(trusted, trustedPem);
  const signature = join(dir, '_xmlsignatures', 'sig1.xml');
  const doc = new DOMParser().parseFromString((await zip.file('_xmlsignatures/sig1.xml')?.async('string')) ?? '', 'text/xml');
  const manifest = doc.getElementsByTagNameNS(DSIG, 'Manifest').item(0);
  const uris = manifest ? Array.from(manifest.getElementsByTagNameNS(DSIG, 'Reference')).map((r) => r.getAttribute('URI') ?? '') : [];
  const urlMaps = uris.flatMap((uri) => [`--url-map:${uri}`, join(dir, decodeURIComponent(uri.split('?')[0] ?? ''))]);
  const args = [
    '--verify',
    // Manifest URIs are package-relative paths, which xmlsec1 classes as "remote"; every one is url-mapped
    // to a local file, so nothing is fetched.
    '--enabled-reference-uris',
    'same-doc,remote',
    '--id-attr:Id',
    `${DSIG}:Object`,
    '--id-attr:Id',
    'http://uri.etsi.org/01903/v1.3.2#:SignedProperties',
    '--trusted-pem',
    trusted,
    ...urlMaps,
    signature,
  ];
  let output: string;
  let verified: boolean;
  try {
    const { stdout, stderr } = await run('xmlsec1', args, { timeout: 60_000 });
    output = stdout + stderr;
    verified = /^OK$/m.test(output);
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    output = (failure.stdout ?? '') + (failure.stderr ?? '');
    verified = false;
  }
  return { verified, signedInfo: counts(output, 'SignedInfo'), manifest: counts(output, 'Manifests'), manifestReferences: uris.length, output };
}
