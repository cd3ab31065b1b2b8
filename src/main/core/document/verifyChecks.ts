import type { VerifyProblem } from '../../../shared/document/verification';
import { findPart, type OpcPackage } from '../packageSignature/opcPackage';
import { sha256Hex } from '../signing/fingerprint';
import type { EmbeddedData, EmbeddedRecordV1, EmbeddedRecordV2 } from './embeddedData';
import { describePackage, PACKAGE_RELATIONSHIPS_PART, UndescribablePackageError } from './packageDigests';
import type { SignedContent } from './verify';

/** The agreement against its recorded fingerprint, and the fingerprint every signature carries. */
export function fingerprintProblems(data: EmbeddedData, computed: string): VerifyProblem[] {
  const recorded = data.fingerprint;
  const { signatures } = data.record;
  if (computed === recorded) {
    return signatures.filter((s) => s.fingerprint !== recorded).map((s) => ({ kind: 'fingerprint_mismatch', where: 'signature', name: s.name }));
  }
  // The content still hashes to what the signers signed: it is the recorded fingerprint that was edited.
  if (signatures.length > 0 && signatures.every((s) => s.fingerprint === computed)) return [{ kind: 'fingerprint_mismatch', where: 'record' }];
  return [
    { kind: 'data_changed' },
    ...signatures.filter((s) => s.fingerprint !== recorded).map((s): VerifyProblem => ({ kind: 'fingerprint_mismatch', where: 'signature', name: s.name })),
  ];
}

/** Who had to sign against who did, and each drawn signature against the picture that was exported. */
export function signatureProblems(pkg: OpcPackage, data: EmbeddedData, content: SignedContent | null): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const { signatures } = data.record;
  if (content) {
    const required = content.participants.filter((p) => p.mustSign);
    if (signatures.length === 0) problems.push({ kind: 'not_signed' });
    else for (const p of required) if (!signatures.some((s) => s.participantId === p.id)) problems.push({ kind: 'signature_missing', name: p.name });
    for (const s of signatures) if (!required.some((p) => p.id === s.participantId)) problems.push({ kind: 'signature_unknown', name: s.name });
  } else if (signatures.length === 0) {
    problems.push({ kind: 'not_signed' });
  }
  for (const s of signatures) {
    const image = s.imagePart ? findPart(pkg.parts, s.imagePart) : null;
    if (!image) problems.push({ kind: 'signature_image_missing', name: s.name });
    else if (sha256Hex(image.bytes) !== s.imageSha256) problems.push({ kind: 'signature_image_changed', name: s.name });
  }
  return problems;
}

/** Rules v1, exactly as they were written: the recorded parts (body, headers, footers, media) are unchanged. */
export function partProblemsV1(pkg: OpcPackage, record: EmbeddedRecordV1, imageParts: ReadonlySet<string>): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  for (const [part, digest] of Object.entries(record.parts).sort(([a], [b]) => a.localeCompare(b))) {
    if (imageParts.has(part.toLowerCase())) continue;
    const found = findPart(pkg.parts, part);
    if (!found || sha256Hex(found.bytes) !== digest) problems.push({ kind: 'document_modified', part });
  }
  return problems;
}

/**
 * Rules v2: every part the export recorded is there with the same bytes and content type, no other part was
 * added, and the package relationships are the same set. Drawn signatures are compared by signatureProblems.
 */
export function coverageProblemsV2(pkg: OpcPackage, record: EmbeddedRecordV2, ownPart: string, imageParts: ReadonlySet<string>): VerifyProblem[] {
  let described: ReturnType<typeof describePackage>;
  try {
    described = describePackage(pkg.parts, ownPart);
  } catch (error) {
    if (error instanceof UndescribablePackageError) return [{ kind: 'document_modified', part: error.part }];
    throw error;
  }
  const problems: VerifyProblem[] = [];
  const actual = new Map(described.parts.map((p) => [p.name.toLowerCase(), p]));
  const recorded = new Set<string>();
  for (const expected of record.parts) {
    const key = expected.name.toLowerCase();
    recorded.add(key);
    const found = actual.get(key);
    if (imageParts.has(key)) {
      if (found && found.contentType !== expected.contentType) problems.push({ kind: 'content_type_changed', part: expected.name });
      continue;
    }
    if (!found || found.sha256 !== expected.sha256) problems.push({ kind: 'document_modified', part: expected.name });
    else if (found.contentType !== expected.contentType) problems.push({ kind: 'content_type_changed', part: expected.name });
  }
  for (const [key, found] of actual) if (!recorded.has(key)) problems.push({ kind: 'part_added', part: found.name.slice(0, 300) });
  if (described.packageRelationships !== record.packageRelationships) problems.push({ kind: 'document_modified', part: PACKAGE_RELATIONSHIPS_PART });
  return problems;
}
