import JSZip from 'jszip';
import { z } from 'zod';
import { sha256Hex } from '../signing/fingerprint';
import { EmbeddedDataError, looksEmbedded, parseEmbeddedXml, type EmbeddedData } from './embeddedData';
import { PartTooLargeError, readPart } from './zipParts';

/** What can differ between a document and the data it was exported with; `name` is a signer's name. */
export type VerifyProblem =
  /** The embedded agreement no longer hashes to the recorded fingerprint. */
  | { kind: 'data_changed' }
  /** The recorded fingerprint was changed (`where: 'record'`), or a signature carries another one (`'signature'`). */
  | { kind: 'fingerprint_mismatch'; where: 'record' | 'signature'; name?: string }
  /** Nobody has signed. */
  | { kind: 'not_signed' }
  /** A participant who must sign has no signature. */
  | { kind: 'signature_missing'; name: string }
  /** A signature from someone the agreement does not name as a signer. */
  | { kind: 'signature_unknown'; name: string }
  | { kind: 'signature_image_missing'; name: string }
  | { kind: 'signature_image_changed'; name: string }
  /** A part of the document (body, header, footer, picture) is not the one exported. */
  | { kind: 'document_modified'; part: string };

export type UnreadableReason = 'too_large' | 'not_zip' | 'not_docx' | 'no_embedded_data' | 'bad_embedded_data';

export interface VerifiedAgreement {
  title: string;
  version: number;
  fingerprint: string;
  signatures: { name: string; signedAt: string }[];
  /** How many participants must sign. */
  signers: number;
}

export type VerifyReport =
  | ({ status: 'match' } & VerifiedAgreement)
  | ({ status: 'mismatch'; problems: VerifyProblem[] } & VerifiedAgreement)
  | { status: 'unreadable'; reason: UnreadableReason };

/** Limits that keep a hostile file from costing more than a real document ever could. */
export const VERIFY_LIMITS = {
  fileBytes: 100 * 1024 * 1024,
  entries: 5000,
  partBytes: 64 * 1024 * 1024,
  embeddedBytes: 64 * 1024 * 1024,
} as const;

/** The few fields of the signed content verify reads; the rest is covered by the hash alone. */
const signedContentSchema = z.object({
  meta: z.object({ title: z.string().max(1000), version: z.number() }),
  participants: z.array(z.object({ id: z.string().max(1000), name: z.string().max(1000), mustSign: z.boolean() })).max(1000),
});

class Unreadable extends Error {
  constructor(readonly reason: UnreadableReason) {
    super(reason);
  }
}

async function open(bytes: Uint8Array): Promise<JSZip> {
  if (bytes.byteLength > VERIFY_LIMITS.fileBytes) throw new Unreadable('too_large');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new Unreadable('not_zip');
  }
  if (Object.keys(zip.files).length > VERIFY_LIMITS.entries) throw new Unreadable('too_large');
  if (!zip.file('[Content_Types].xml') || !zip.file('word/document.xml')) throw new Unreadable('not_docx');
  return zip;
}

/** Our custom XML part, wherever its index landed. */
async function embedded(zip: JSZip): Promise<EmbeddedData> {
  const candidates = Object.keys(zip.files).filter((name) => /^customXml\/item\d+\.xml$/.test(name));
  let found = false;
  for (const name of candidates) {
    const bytes = await readPart(zip, name, VERIFY_LIMITS.embeddedBytes);
    if (!bytes) continue;
    const xml = bytes.toString('utf8');
    if (!looksEmbedded(xml)) continue;
    found = true;
    try {
      return parseEmbeddedXml(xml);
    } catch (error) {
      if (!(error instanceof EmbeddedDataError)) throw error;
    }
  }
  throw new Unreadable(found ? 'bad_embedded_data' : 'no_embedded_data');
}

function fingerprintProblems(data: EmbeddedData, computed: string): VerifyProblem[] {
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

async function signatureProblems(zip: JSZip, data: EmbeddedData, content: z.infer<typeof signedContentSchema> | null): Promise<VerifyProblem[]> {
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
    const bytes = s.imagePart ? await readPart(zip, s.imagePart, VERIFY_LIMITS.partBytes) : null;
    if (!bytes) problems.push({ kind: 'signature_image_missing', name: s.name });
    else if (sha256Hex(bytes) !== s.imageSha256) problems.push({ kind: 'signature_image_changed', name: s.name });
  }
  return problems;
}

async function partProblems(zip: JSZip, data: EmbeddedData, reported: Set<string>): Promise<VerifyProblem[]> {
  const problems: VerifyProblem[] = [];
  for (const [part, digest] of Object.entries(data.record.parts).sort(([a], [b]) => a.localeCompare(b))) {
    if (reported.has(part)) continue;
    const bytes = await readPart(zip, part, VERIFY_LIMITS.partBytes);
    if (!bytes || sha256Hex(bytes) !== digest) problems.push({ kind: 'document_modified', part });
  }
  return problems;
}

function parseContent(text: string): z.infer<typeof signedContentSchema> | null {
  try {
    const parsed = signedContentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Checks a .docx against the data embedded in it: the agreement must hash to the recorded fingerprint,
 * every signature must carry that fingerprint, every required signer must have signed, each drawn
 * signature must be the picture that was exported, and the body, headers and footers must be unchanged.
 * Never throws: anything unreadable is reported as such.
 */
export async function verifyDocx(bytes: Uint8Array): Promise<VerifyReport> {
  try {
    const zip = await open(bytes);
    const data = await embedded(zip);
    const computed = sha256Hex(Buffer.from(data.agreement, 'utf8'));
    const content = parseContent(data.agreement);
    if (!content && computed === data.fingerprint) throw new Unreadable('bad_embedded_data');
    const signatureIssues = await signatureProblems(zip, data, content);
    const imageParts = new Set(data.record.signatures.flatMap((s) => (s.imagePart ? [s.imagePart] : [])));
    const problems = [...fingerprintProblems(data, computed), ...signatureIssues, ...(await partProblems(zip, data, imageParts))];
    const summary: VerifiedAgreement = {
      title: content?.meta.title ?? '',
      version: content?.meta.version ?? 0,
      fingerprint: data.fingerprint,
      signatures: data.record.signatures.map((s) => ({ name: s.name, signedAt: s.signedAt })),
      signers: content ? content.participants.filter((p) => p.mustSign).length : data.record.signatures.length,
    };
    return problems.length === 0 ? { status: 'match', ...summary } : { status: 'mismatch', problems, ...summary };
  } catch (error) {
    if (error instanceof Unreadable) return { status: 'unreadable', reason: error.reason };
    if (error instanceof PartTooLargeError) return { status: 'unreadable', reason: 'too_large' };
    // A part that fails to inflate (corrupt or truncated entry) means the file itself is damaged.
    return { status: 'unreadable', reason: 'not_zip' };
  }
}
