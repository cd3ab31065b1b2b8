/** Namespaces, algorithms and names of an OOXML package signature (ECMA-376 Part 2 §13, MS-OFFCRYPTO §2.5). */
export const NS = {
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
  mdssi: 'http://schemas.openxmlformats.org/package/2006/digital-signature',
  office: 'http://schemas.microsoft.com/office/2006/digsig',
  xades: 'http://uri.etsi.org/01903/v1.3.2#',
  relationships: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

export const ALGORITHM = {
  c14n: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  relationshipTransform: 'http://schemas.openxmlformats.org/package/2006/RelationshipTransform',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
} as const;

/** Digest algorithms a verifier accepts (Word 2007 wrote SHA-1; we write SHA-256). */
export const DIGESTS: Readonly<Record<string, 'sha1' | 'sha256' | 'sha384' | 'sha512'>> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'sha384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
};

/** RSA PKCS#1 v1.5 signature methods a verifier accepts, by the hash they use. */
export const SIGNATURE_METHODS: Readonly<Record<string, 'sha1' | 'sha256' | 'sha384' | 'sha512'>> = {
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': 'sha1',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': 'sha384',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': 'sha512',
};

export const REFERENCE_TYPE = {
  object: 'http://www.w3.org/2000/09/xmldsig#Object',
  signedProperties: 'http://uri.etsi.org/01903#SignedProperties',
} as const;

export const CONTENT_TYPE = {
  origin: 'application/vnd.openxmlformats-package.digital-signature-origin',
  signature: 'application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;

export const RELATIONSHIP_TYPE = {
  origin: 'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin',
  signature: 'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/signature',
} as const;

/** The Ids Word gives the signature's parts; a verifier finds them through SignedInfo, not by name. */
export const ID = {
  signature: 'idPackageSignature',
  packageObject: 'idPackageObject',
  officeObject: 'idOfficeObject',
  signedProperties: 'idSignedProperties',
  signatureTime: 'idSignatureTime',
  officeDetails: 'idOfficeV1Details',
} as const;

export const SIGNATURE_FOLDER = '_xmlsignatures';
export const ORIGIN_PART = `${SIGNATURE_FOLDER}/origin.sigs`;
