import { RELATIONSHIP_TYPE } from './constants';
import { CONTENT_TYPES_PART, readContentTypes } from './contentTypes';
import { findPart, readPackage, type OpcPackage } from './opcPackage';
import { readRelationships, relationshipsPartOf, resolveTarget } from './relationships';
import type { PackageSignatureProblem, PackageSignatureReport, SignatureCheck } from './report';
import { verifySignaturePart } from './verifySignaturePart';
import { utf8Text } from './xml';

const MAX_SIGNATURE_BYTES = 4 * 1024 * 1024;
const MAX_SIGNATURES = 20;

/** The signature parts the package announces: package → origin (by relationship type) → signatures. */
function announcedSignatures(pkg: OpcPackage): string[] {
  const packageRels = findPart(pkg.parts, '_rels/.rels');
  if (!packageRels) return [];
  const origins = readRelationships(utf8Text(packageRels.bytes)).filter((r) => r.type === RELATIONSHIP_TYPE.origin && !r.external);
  const signatures = new Set<string>();
  for (const origin of origins) {
    const originPart = resolveTarget('_rels/.rels', origin.target);
    if (!originPart) continue;
    const originRelsName = relationshipsPartOf(originPart);
    const originRels = findPart(pkg.parts, originRelsName);
    if (!originRels) continue;
    for (const relationship of readRelationships(utf8Text(originRels.bytes))) {
      if (relationship.type !== RELATIONSHIP_TYPE.signature || relationship.external) continue;
      const target = resolveTarget(originRels.name, relationship.target);
      if (target) signatures.add(target);
    }
  }
  return [...signatures];
}

const failed = (part: string, problem: PackageSignatureProblem): SignatureCheck => ({
  part,
  status: 'invalid',
  problems: [problem],
  subject: '',
  issuer: '',
  selfSigned: false,
  thumbprint: '',
  references: [],
});

function summary(signatures: SignatureCheck[]): PackageSignatureReport {
  const [first] = signatures;
  if (!first) return { status: 'none' };
  const { part: _part, status: _status, ...details } = first;
  const valid = signatures.every((s) => s.status === 'valid');
  return { ...details, status: valid ? 'valid' : 'invalid', problems: signatures.flatMap((s) => s.problems), signatures };
}

/**
 * Checks the OOXML digital signatures of a package (ECMA-376 Part 2): every SignedInfo and manifest
 * reference, the coverage of the package and the signature value. Never throws: anything unreadable is
 * reported as an invalid signature, and a package that announces none as `none`.
 */
export async function verifyPackageSignature(docx: Uint8Array): Promise<PackageSignatureReport> {
  let pkg: OpcPackage;
  try {
    pkg = await readPackage(docx);
  } catch {
    return summary([failed('', { code: 'unreadable_package' })]);
  }
  return verifyPackageSignatureOf(pkg);
}

/** The same, for a package already read (and bounded) by the caller. */
export function verifyPackageSignatureOf(pkg: OpcPackage): PackageSignatureReport {
  try {
    const parts = announcedSignatures(pkg);
    if (parts.length === 0) return { status: 'none' };
    const typesPart = findPart(pkg.parts, CONTENT_TYPES_PART);
    if (!typesPart) return summary([failed(parts[0] ?? '', { code: 'unreadable_package', detail: CONTENT_TYPES_PART })]);
    const types = readContentTypes(utf8Text(typesPart.bytes));
    const checks = parts.slice(0, MAX_SIGNATURES).map((part) => {
      const found = findPart(pkg.parts, part);
      if (!found) return failed(part, { code: 'missing_part', detail: part });
      if (found.bytes.length > MAX_SIGNATURE_BYTES) return failed(part, { code: 'unreadable_signature', detail: 'too large' });
      try {
        return verifySignaturePart(found.name, found.bytes, pkg.parts, types);
      } catch (error) {
        return failed(part, { code: 'unreadable_signature', detail: error instanceof Error ? error.message.slice(0, 200) : undefined });
      }
    });
    return summary(checks);
  } catch (error) {
    return summary([failed('', { code: 'unreadable_package', detail: error instanceof Error ? error.message.slice(0, 200) : undefined })]);
  }
}
