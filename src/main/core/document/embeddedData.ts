import { DOMParser } from '@xmldom/xmldom';
import { z } from 'zod';
import { languageSchema } from '../../../shared/model/schema';

/**
 * The signed agreement as it travels inside the .docx (a custom XML part), so the file can be checked
 * without the database:
 *
 *   <signedAgreement xmlns="urn:sla-workshop:signed-agreement:1" formatVersion="2">
 *     <fingerprint algorithm="SHA-256">64 hex digits</fingerprint>
 *     <agreement encoding="base64" mediaType="application/json">the canonical JSON that was hashed</agreement>
 *     <record encoding="base64" mediaType="application/json">signatures, part digests, export details</record>
 *   </signedAgreement>
 *
 * Both payloads are base64 of UTF-8 JSON: the canonical text must survive byte for byte, and XML would
 * normalise line ends and refuse some characters users can type.
 *
 * `formatVersion` names the rules the record was written under, and `verify` checks a document by its own
 * rules, so a document exported years ago verifies as it did then (docs/FORMAT.md):
 *   1 — digests of the body, headers, footers and pictures only;
 *   2 — every part but a short documented list, each with its content type, the package relationships,
 *       and whether (and with which certificate) the export was sealed.
 */
export const EMBEDDED_NAMESPACE = 'urn:sla-workshop:signed-agreement:1';
export const EMBEDDED_FORMAT_VERSION = 2;
export type EmbeddedRules = 1 | 2;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const text = z.string().max(1000);

export const embeddedSignatureSchema = z.object({
  id: text,
  participantId: text,
  name: text,
  jobTitle: text,
  signedAt: text,
  device: text,
  fingerprint: hex64,
  /** The media part holding the drawn signature, and the SHA-256 of its bytes; null when the image was unusable. */
  imagePart: z
    .string()
    .regex(/^word\/media\/[^/]{1,200}$/)
    .nullable(),
  imageSha256: hex64.nullable(),
});
export type EmbeddedSignature = z.infer<typeof embeddedSignatureSchema>;

const recordBase = {
  appVersion: z.string().max(50),
  exportedAt: z.iso.datetime({ offset: true }),
  language: languageSchema,
  signatures: z.array(embeddedSignatureSchema).max(200),
};

/** Rules v1: SHA-256 of the body, headers, footers and media as exported, by part name. */
export const embeddedRecordV1Schema = z.object({
  ...recordBase,
  parts: z.record(z.string().regex(/^word\/[A-Za-z0-9_./-]{1,200}$/), hex64).refine((parts) => Object.keys(parts).length <= 1000),
});
export type EmbeddedRecordV1 = z.infer<typeof embeddedRecordV1Schema>;

export const partDigestSchema = z.strictObject({
  /** The zip entry name, as exported. */
  name: z.string().min(1).max(300),
  sha256: hex64,
  /** What `[Content_Types].xml` said the part is. */
  contentType: z.string().max(300),
});
export type PartDigest = z.infer<typeof partDigestSchema>;

/** Rules v2: every part a reader can be shown, the package relationships, and the seal. */
export const embeddedRecordV2Schema = z.object({
  ...recordBase,
  parts: z.array(partDigestSchema).max(2000),
  /** SHA-256 of `_rels/.rels` as a relationship set, leaving out the ones to the parts no digest covers. */
  packageRelationships: hex64,
  /** Null: exported without a digital signature. Otherwise the SHA-256 of the certificate (DER) that sealed it. */
  seal: z.strictObject({ thumbprint: hex64 }).nullable(),
});
export type EmbeddedRecordV2 = z.infer<typeof embeddedRecordV2Schema>;

interface EmbeddedCommon {
  fingerprint: string;
  /** The canonical agreement JSON, exactly the text whose SHA-256 is the fingerprint. */
  agreement: string;
}
export type EmbeddedData = EmbeddedCommon & ({ rules: 1; record: EmbeddedRecordV1 } | { rules: 2; record: EmbeddedRecordV2 });
/** What export writes: always the current rules. */
export type EmbeddedDataV2 = EmbeddedCommon & { record: EmbeddedRecordV2 };

/** The embedded part is missing, malformed or not ours. */
export class EmbeddedDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedDataError';
  }
}

const base64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');

export function embeddedXml(data: EmbeddedDataV2): string {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<signedAgreement xmlns="${EMBEDDED_NAMESPACE}" formatVersion="${EMBEDDED_FORMAT_VERSION}">`,
    `<fingerprint algorithm="SHA-256">${data.fingerprint}</fingerprint>`,
    `<agreement encoding="base64" mediaType="application/json">${base64(data.agreement)}</agreement>`,
    `<record encoding="base64" mediaType="application/json">${base64(JSON.stringify(data.record))}</record>`,
    '</signedAgreement>',
  ].join('\n');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64Utf8(value: string, what: string): string {
  const compact = value.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw new EmbeddedDataError(`${what} is not base64`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(compact, 'base64'));
  } catch {
    throw new EmbeddedDataError(`${what} is not UTF-8`);
  }
}

/** True when the XML's root element is ours (checked before the full parse, to skip other custom parts). */
export function looksEmbedded(xml: string): boolean {
  return xml.includes(EMBEDDED_NAMESPACE);
}

/** Parses and validates the embedded part; every defect is an EmbeddedDataError, never a crash. */
export function parseEmbeddedXml(xml: string): EmbeddedData {
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml');
  } catch {
    throw new EmbeddedDataError('The embedded part is not well-formed XML');
  }
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== EMBEDDED_NAMESPACE || root.localName !== 'signedAgreement') throw new EmbeddedDataError('Not an SLA Workshop part');
  const version = root.getAttribute('formatVersion');
  if (version !== '1' && version !== '2') throw new EmbeddedDataError('Unknown format version');
  const only = (name: string): string => {
    const found = root.getElementsByTagNameNS(EMBEDDED_NAMESPACE, name);
    if (found.length !== 1) throw new EmbeddedDataError(`Expected one <${name}>`);
    return found.item(0)?.textContent ?? '';
  };
  const fingerprint = only('fingerprint').trim();
  if (!/^[0-9a-f]{64}$/.test(fingerprint)) throw new EmbeddedDataError('The fingerprint is not 64 hex digits');
  const agreement = decodeBase64Utf8(only('agreement'), 'agreement');
  let recordJson: unknown;
  try {
    recordJson = JSON.parse(decodeBase64Utf8(only('record'), 'record'));
  } catch (error) {
    if (error instanceof EmbeddedDataError) throw error;
    throw new EmbeddedDataError('The record is not JSON');
  }
  if (version === '1') {
    const record = embeddedRecordV1Schema.safeParse(recordJson);
    if (!record.success) throw new EmbeddedDataError('The record does not match its schema');
    return { rules: 1, fingerprint, agreement, record: record.data };
  }
  const record = embeddedRecordV2Schema.safeParse(recordJson);
  if (!record.success) throw new EmbeddedDataError('The record does not match its schema');
  return { rules: 2, fingerprint, agreement, record: record.data };
}
