import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import { canonicalize } from './canonicalize';
import { certificateDigest, certificateInfo, pemBody } from './certificate';
import { NS } from './constants';
import { CONTENT_TYPES_PART, readContentTypes } from './contentTypes';
import { elementById } from './elementById';
import { manifestReferences } from './manifest';
import { BadPackageError, findPart, readPackage } from './opcPackage';
import { freeSignaturePart, signatureAnnouncements } from './packageParts';
import { signatureTemplate } from './signatureTemplate';
import { BadXmlError, childElements, onlyChild, parseXml, serializeXml, utf8Text } from './xml';

export interface PackageSigner {
  privateKeyPem: string;
  certificatePem: string;
  /** Intermediate certificates, signer's issuer first; published in KeyInfo so a verifier can build the chain. */
  chainPems?: string[];
}

export interface SignPackageOptions {
  /** Shown by Word as the purpose of the signature: name the signers and the agreement's fingerprint. */
  comment: string;
  now?: Date;
}

function rsaKey(signer: PackageSigner): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(signer.privateKeyPem);
  } catch {
    throw new AppError('invalid_input', 'The signing key cannot be read', { reason: 'unsupported_key' });
  }
  if (key.asymmetricKeyType !== 'rsa') throw new AppError('invalid_input', 'Only RSA keys can sign an OOXML package here', { reason: 'unsupported_key' });
  return key;
}

function checkedCertificate(signer: PackageSigner, key: KeyObject) {
  let info: ReturnType<typeof certificateInfo>;
  try {
    info = certificateInfo(signer.certificatePem);
  } catch {
    throw new AppError('invalid_input', 'The signing certificate cannot be read', { reason: 'bad_certificate' });
  }
  if (!info.x509.checkPrivateKey(key))
    throw new AppError('invalid_input', 'The signing certificate does not belong to the key', { reason: 'key_certificate_mismatch' });
  return info;
}

const digestOf = (element: Parameters<typeof canonicalize>[0]) => createHash('sha256').update(canonicalize(element)).digest('base64');

/** Fills the SignedInfo digests and the SignatureValue of a parsed template. */
function completeSignature(xml: string, key: KeyObject): string {
  const doc = parseXml(xml);
  const root = doc.documentElement;
  const signedInfo = root && onlyChild(root, NS.dsig, 'SignedInfo');
  const signatureValue = root && onlyChild(root, NS.dsig, 'SignatureValue');
  if (!root || !signedInfo || !signatureValue) throw new BadXmlError('The signature template is incomplete');
  for (const reference of childElements(signedInfo, NS.dsig, 'Reference')) {
    const target = elementById(root, (reference.getAttribute('URI') ?? '').slice(1));
    const digestValue = onlyChild(reference, NS.dsig, 'DigestValue');
    if (!target || !digestValue) throw new BadXmlError('The signature template is incomplete');
    digestValue.textContent = digestOf(target);
  }
  signatureValue.textContent = sign('sha256', Buffer.from(canonicalize(signedInfo), 'utf8'), key).toString('base64');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${serializeXml(doc)}`;
}

/** What sealing adds or rewrites: each part by name, in the order they should follow the package's own. */
export type SealedParts = Map<string, Buffer>;

/**
 * The parts an ECMA-376 Part 2 digital signature adds to a package given as its parts: `_xmlsignatures/sigN.xml`
 * signing every part but the unsigned-by-design ones (see signedParts.ts), the origin part, and the
 * relationships and content types that announce it (under the package's own spelling of their names). Throws
 * BadXmlError or BadPackageError for a package that cannot be signed, AppError for an unusable key.
 */
export function signatureParts(parts: ReadonlyMap<string, Buffer>, signer: PackageSigner, options: SignPackageOptions): SealedParts {
  const key = rsaKey(signer);
  const certificate = checkedCertificate(signer, key);
  const chain = (signer.chainPems ?? []).map(pemBody);
  const signingTime = options.now ?? new Date();
  const signaturePart = freeSignaturePart(parts);
  const announcements = signatureAnnouncements(parts, signaturePart);
  const added: SealedParts = new Map();
  // The package relationship to the origin goes in first: the signature leaves that relationship out.
  for (const [name, data] of announcements) added.set(findPart(parts, name)?.name ?? name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  const updated = new Map([...parts, ...added]);
  const types = findPart(updated, CONTENT_TYPES_PART);
  if (!types) throw new BadPackageError('The package has no [Content_Types].xml');
  const template = signatureTemplate({
    manifest: manifestReferences(updated, readContentTypes(utf8Text(types.bytes))),
    signingTime,
    comment: options.comment,
    certificates: [certificate.der.toString('base64'), ...chain],
    signingCertificate: { digest: certificateDigest(certificate.der), issuer: certificate.issuer, serialDecimal: certificate.serialDecimal },
  });
  added.set(signaturePart, Buffer.from(completeSignature(template, key), 'utf8'));
  return added;
}

/** Bad XML or a package that is not one, as the error every signing path reports. */
export function unsignablePackage(error: unknown): unknown {
  if (error instanceof BadXmlError || error instanceof BadPackageError) {
    return new AppError('invalid_file', `The package cannot be signed: ${error.message}`, { reason: 'bad_package' });
  }
  return error;
}

/**
 * Adds an ECMA-376 Part 2 digital signature (signatureParts) to a .docx (or any OPC package) given as a file.
 * Unchanged parts keep their compressed bytes.
 */
export async function signPackage(docx: Uint8Array, signer: PackageSigner, options: SignPackageOptions): Promise<Uint8Array> {
  // The key and certificate are checked before the package is read, so a bad key is reported as one.
  checkedCertificate(signer, rsaKey(signer));
  try {
    const { zip, parts } = await readPackage(docx);
    const written = { createFolders: false, compression: 'DEFLATE' as const };
    for (const [name, data] of signatureParts(parts, signer, options)) zip.file(name, data, written);
    return await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  } catch (error) {
    throw unsignablePackage(error);
  }
}
