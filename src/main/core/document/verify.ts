import { z } from 'zod';
import type { DocumentVerification, SealSummary, UnreadableReason, VerifiedDocument, VerifyProblem } from '../../../shared/document/verification';
import { BadPackageError, readPackage, type OpcPackage } from '../packageSignature/opcPackage';
import type { PackageSignatureReport } from '../packageSignature/report';
import { verifyPackageSignatureOf } from '../packageSignature/verifyPackageSignature';
import { utf8Text } from '../packageSignature/xml';
import { sha256Hex } from '../signing/fingerprint';
import { EmbeddedDataError, looksEmbedded, parseEmbeddedXml, type EmbeddedData, type EmbeddedSignature } from './embeddedData';
import { sealProblems } from './sealBinding';
import { coverageProblemsV2, fingerprintProblems, partProblemsV1, signatureProblems } from './verifyChecks';

export type { DocumentVerification, UnreadableReason, VerifiedDocument, VerifyProblem };
/** The answer for a readable document (status match or mismatch). */
export type VerifyReport = DocumentVerification;

/**
 * Limits that keep a hostile file from costing more than a real document ever could: ours are well under 2 MB
 * (the example with four signatures: ≈ 60 KB). A zip bomb is stopped once 32 MiB came out of one part or
 * 64 MiB out of all of them, whatever sizes it declares: a fraction of a second of inflating.
 */
export const VERIFY_LIMITS = {
  fileBytes: 100 * 1024 * 1024,
  entries: 2000,
  partBytes: 32 * 1024 * 1024,
  /** Inflated bytes over all parts, counted as they inflate. */
  totalBytes: 64 * 1024 * 1024,
} as const;

/** The few fields of the signed content verify reads; the rest is covered by the hash alone. */
const signedContentSchema = z.object({
  meta: z.object({ id: z.string().max(1000), title: z.string().max(1000), version: z.number() }),
  participants: z.array(z.object({ id: z.string().max(1000), name: z.string().max(1000), mustSign: z.boolean() })).max(1000),
});
export type SignedContent = z.infer<typeof signedContentSchema>;

class Unreadable extends Error {
  constructor(readonly reason: UnreadableReason) {
    super(reason);
  }
}

async function open(bytes: Uint8Array): Promise<OpcPackage> {
  if (bytes.byteLength > VERIFY_LIMITS.fileBytes) throw new Unreadable('too_large');
  let pkg: OpcPackage;
  try {
    pkg = await readPackage(bytes, {
      maxPackageBytes: VERIFY_LIMITS.fileBytes,
      maxParts: VERIFY_LIMITS.entries,
      maxPartBytes: VERIFY_LIMITS.partBytes,
      maxTotalBytes: VERIFY_LIMITS.totalBytes,
    });
  } catch (error) {
    // Too big, or a part that fails to inflate (corrupt, truncated, wrong CRC): the file itself is the problem.
    throw new Unreadable(error instanceof BadPackageError && error.tooLarge ? 'too_large' : 'not_zip');
  }
  if (!pkg.parts.has('[Content_Types].xml') || !pkg.parts.has('word/document.xml')) throw new Unreadable('not_docx');
  return pkg;
}

/** Our custom XML part, wherever its index landed, and its name. */
function embedded(pkg: OpcPackage): { data: EmbeddedData; part: string } {
  let found = false;
  for (const [name, bytes] of pkg.parts) {
    if (!/^customXml\/item\d+\.xml$/.test(name)) continue;
    let xml: string;
    try {
      xml = utf8Text(bytes);
    } catch {
      continue;
    }
    if (!looksEmbedded(xml)) continue;
    found = true;
    try {
      return { data: parseEmbeddedXml(xml), part: name };
    } catch (error) {
      if (!(error instanceof EmbeddedDataError)) throw error;
    }
  }
  throw new Unreadable(found ? 'bad_embedded_data' : 'no_embedded_data');
}

function parseContent(text: string): SignedContent | null {
  try {
    const parsed = signedContentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function sealSummary(report: PackageSignatureReport): SealSummary {
  if (report.status === 'none')
    return { status: 'none', subject: '', issuer: '', selfSigned: false, thumbprint: '', signingTime: null, references: 0, problems: [] };
  return {
    status: report.status,
    subject: report.subject.slice(0, 1000),
    issuer: report.issuer.slice(0, 1000),
    selfSigned: report.selfSigned,
    thumbprint: report.thumbprint,
    signingTime: report.signingTime?.slice(0, 1000) ?? null,
    references: report.references.length,
    problems: report.problems.slice(0, 200).map((p) => ({ code: p.code, ...(p.detail !== undefined ? { detail: p.detail.slice(0, 1000) } : {}) })),
  };
}

/**
 * Checks a .docx against the data embedded in it, under the rules that data was written with (v1: body,
 * headers, footers and pictures; v2: every part but a documented few, content types, package relationships,
 * and the seal the export recorded), and checks its digital signature. The agreement must hash to the
 * recorded fingerprint, every signature must carry it, every required signer must have signed, each drawn
 * signature must be the exported picture. The package is read once, within VERIFY_LIMITS. Never throws.
 */
export async function verifyDocx(bytes: Uint8Array): Promise<DocumentVerification> {
  return (await inspectDocx(bytes)).verification;
}

/** verifyDocx, plus the signatures as the document records them (for comparing with a stored agreement). */
export async function inspectDocx(bytes: Uint8Array): Promise<{ verification: DocumentVerification; signatures: EmbeddedSignature[] }> {
  try {
    const pkg = await open(bytes);
    const { data, part } = embedded(pkg);
    const computed = sha256Hex(Buffer.from(data.agreement, 'utf8'));
    const content = parseContent(data.agreement);
    if (!content && computed === data.fingerprint) throw new Unreadable('bad_embedded_data');
    const imageParts = new Set(data.record.signatures.flatMap((s) => (s.imagePart ? [s.imagePart.toLowerCase()] : [])));
    const seal = verifyPackageSignatureOf(pkg);
    const problems: VerifyProblem[] = [
      ...fingerprintProblems(data, computed),
      ...signatureProblems(pkg, data, content),
      ...(data.rules === 1 ? partProblemsV1(pkg, data.record, imageParts) : coverageProblemsV2(pkg, data.record, part, imageParts)),
      ...sealProblems(data.rules === 2 ? data.record.seal : undefined, seal),
    ];
    const summary: Omit<VerifiedDocument, 'status' | 'problems'> = {
      rules: data.rules,
      agreementId: content?.meta.id ?? '',
      title: content?.meta.title ?? '',
      version: content?.meta.version ?? 0,
      fingerprint: data.fingerprint,
      signatures: data.record.signatures.map((s) => ({ name: s.name, signedAt: s.signedAt })),
      signers: content ? content.participants.filter((p) => p.mustSign).length : data.record.signatures.length,
      exportedAt: data.record.exportedAt,
      seal: sealSummary(seal),
      sha256: sha256Hex(bytes),
      anchor: null,
    };
    return { verification: { status: problems.length === 0 ? 'match' : 'mismatch', problems, ...summary }, signatures: data.record.signatures };
  } catch (error) {
    return { verification: { status: 'unreadable', reason: error instanceof Unreadable ? error.reason : 'not_zip' }, signatures: [] };
  }
}
