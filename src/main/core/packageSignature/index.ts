/**
 * OOXML package signatures (ECMA-376 Part 2 §13, the `_xmlsignatures/` Word and LibreOffice show as "signed"):
 * signing, verification, and the installation's signing identity. See docs/SIGNING.md.
 */
export { signPackage, type PackageSigner, type SignPackageOptions } from './signPackage';
export { verifyPackageSignature, verifyPackageSignatureOf } from './verifyPackageSignature';
export { readPackage, BadPackageError, PACKAGE_LIMITS, type OpcPackage } from './opcPackage';
export { certificateThumbprint } from './certificate';
export type { PackageSignatureProblem, PackageSignatureProblemCode, PackageSignatureReport, ReferenceCheck, SignatureCheck } from './report';
export { UNSIGNED_BY_DESIGN } from './signedParts';
export { createInstallationIdentity, CERTIFICATE_YEARS } from './keys/createInstallationIdentity';
export { importPkcs12 } from './keys/importPkcs12';
export { createKeyStore, IDENTITY_FOLDER, KEYS_FOLDER, LEGACY_IDENTITY_FILE, type KeyStore, type StoredIdentity, type StoredKey } from './keys/keyStore';
export { organizationKey, organizationName, organizationOfCertificate, thumbprintOf } from './keys/organization';
export { createPassphraseProtector, type KeyProtector } from './keys/protector';
export type { IdentitySummary, SigningIdentity } from './keys/identity';
