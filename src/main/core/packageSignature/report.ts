/** Why a package signature is not valid; `detail` names the part, reference or algorithm concerned. */
export type PackageSignatureProblemCode =
  | 'unreadable_package'
  | 'unreadable_signature'
  | 'unsupported_algorithm'
  | 'missing_certificate'
  | 'signing_certificate_mismatch'
  | 'no_manifest'
  | 'reference_digest'
  | 'missing_part'
  | 'content_type_mismatch'
  | 'signature_value'
  | 'unsigned_part'
  | 'unsigned_relationship';

export interface PackageSignatureProblem {
  code: PackageSignatureProblemCode;
  detail?: string;
}

export interface ReferenceCheck {
  /** `#idPackageObject` for a SignedInfo reference, `/word/document.xml?ContentType=…` for a manifest one. */
  uri: string;
  kind: 'signedInfo' | 'manifest';
  ok: boolean;
}

export interface SignatureCheck {
  /** The signature part, e.g. `_xmlsignatures/sig1.xml`. */
  part: string;
  status: 'valid' | 'invalid';
  problems: PackageSignatureProblem[];
  /** The signing certificate's subject, RFC 4514 order (`CN=…, O=…`); '' when there is none to read. */
  subject: string;
  issuer: string;
  selfSigned: boolean;
  /** SHA-256 of the signing certificate (DER), lowercase hex; '' when there is none to read. */
  thumbprint: string;
  /** The signed signing time (XAdES SigningTime, else the package signature time), as written. */
  signingTime?: string;
  /** The signed SignatureComments of the Office object. */
  comment?: string;
  references: ReferenceCheck[];
}

/**
 * `none`: the package announces no signature. Otherwise the first signature's details at the top level
 * (our exports carry one), every signature in `signatures`, and `valid` only if all of them are.
 */
export type PackageSignatureReport =
  { status: 'none' } | ({ status: 'valid' | 'invalid'; signatures: SignatureCheck[] } & Omit<SignatureCheck, 'part' | 'status'>);
