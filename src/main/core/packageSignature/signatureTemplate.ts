import { ALGORITHM, ID, NS, REFERENCE_TYPE } from './constants';
import type { ManifestReference } from './manifest';
import { escapeAttribute as attr, escapeText as text, xmlSafe } from './xml';

export interface SignatureContent {
  manifest: ManifestReference[];
  signingTime: Date;
  comment: string;
  /** Base64 DER of the signing certificate, then of the rest of its chain. */
  certificates: string[];
  signingCertificate: { digest: string; issuer: string; serialDecimal: string };
}

/** `2024-05-01T10:20:30Z`: the form Word writes for both signing times. */
export function signatureTimeValue(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const digestMethod = `<DigestMethod Algorithm="${ALGORITHM.sha256}"/>`;

function manifestReference(reference: ManifestReference): string {
  const transforms =
    reference.sourceIds === null
      ? ''
      : `<Transforms><Transform Algorithm="${ALGORITHM.relationshipTransform}">` +
        reference.sourceIds.map((id) => `<mdssi:RelationshipReference xmlns:mdssi="${NS.mdssi}" SourceId="${attr(id)}"/>`).join('') +
        `</Transform><Transform Algorithm="${ALGORITHM.c14n}"/></Transforms>`;
  return `<Reference URI="${attr(reference.uri)}">${transforms}${digestMethod}<DigestValue>${reference.digest}</DigestValue></Reference>`;
}

function packageObject(content: SignatureContent): string {
  return (
    `<Object Id="${ID.packageObject}"><Manifest>${content.manifest.map(manifestReference).join('')}</Manifest>` +
    `<SignatureProperties><SignatureProperty Id="${ID.signatureTime}" Target="#${ID.signature}">` +
    `<mdssi:SignatureTime xmlns:mdssi="${NS.mdssi}"><mdssi:Format>YYYY-MM-DDThh:mm:ssTZD</mdssi:Format>` +
    `<mdssi:Value>${signatureTimeValue(content.signingTime)}</mdssi:Value></mdssi:SignatureTime>` +
    `</SignatureProperty></SignatureProperties></Object>`
  );
}

/**
 * MS-OFFCRYPTO SignatureInfoV1. The machine fields describe no real screen (we are not Word); they carry the
 * values LibreOffice writes, which Word accepts. SignatureType 1 is a plain (non signature-line) signature.
 */
function officeObject(comment: string): string {
  const fields: [string, string][] = [
    ['SetupID', ''],
    ['SignatureText', ''],
    ['SignatureImage', ''],
    ['SignatureComments', text(xmlSafe(comment))],
    ['WindowsVersion', '6.1'],
    ['OfficeVersion', '16.0'],
    ['ApplicationVersion', '16.0'],
    ['Monitors', '1'],
    ['HorizontalResolution', '1280'],
    ['VerticalResolution', '800'],
    ['ColorDepth', '32'],
    ['SignatureProviderId', '{00000000-0000-0000-0000-000000000000}'],
    ['SignatureProviderUrl', ''],
    ['SignatureProviderDetails', '9'],
    ['SignatureType', '1'],
    ['ManifestHashAlgorithm', ALGORITHM.sha256],
  ];
  return (
    `<Object Id="${ID.officeObject}"><SignatureProperties><SignatureProperty Id="${ID.officeDetails}" Target="#${ID.signature}">` +
    `<SignatureInfoV1 xmlns="${NS.office}">${fields.map(([name, value]) => (value ? `<${name}>${value}</${name}>` : `<${name}/>`)).join('')}</SignatureInfoV1>` +
    `</SignatureProperty></SignatureProperties></Object>`
  );
}

/** XAdES (ETSI TS 101 903 v1.3.2) signed properties: when, and with which certificate (digest + issuer/serial). */
function xadesObject(content: SignatureContent): string {
  const { digest, issuer, serialDecimal } = content.signingCertificate;
  return (
    `<Object><xd:QualifyingProperties xmlns:xd="${NS.xades}" Target="#${ID.signature}"><xd:SignedProperties Id="${ID.signedProperties}">` +
    `<xd:SignedSignatureProperties><xd:SigningTime>${signatureTimeValue(content.signingTime)}</xd:SigningTime>` +
    `<xd:SigningCertificate><xd:Cert><xd:CertDigest>${digestMethod}<DigestValue>${digest}</DigestValue></xd:CertDigest>` +
    `<xd:IssuerSerial><X509IssuerName>${text(issuer)}</X509IssuerName><X509SerialNumber>${serialDecimal}</X509SerialNumber></xd:IssuerSerial>` +
    `</xd:Cert></xd:SigningCertificate>` +
    `<xd:SignaturePolicyIdentifier><xd:SignaturePolicyImplied/></xd:SignaturePolicyIdentifier></xd:SignedSignatureProperties>` +
    `</xd:SignedProperties></xd:QualifyingProperties></Object>`
  );
}

function signedInfoReference(uri: string, type: string, transforms: boolean): string {
  const t = transforms ? `<Transforms><Transform Algorithm="${ALGORITHM.c14n}"/></Transforms>` : '';
  return `<Reference Type="${type}" URI="#${uri}">${t}${digestMethod}<DigestValue></DigestValue></Reference>`;
}

/**
 * The whole `sigN.xml` with empty DigestValues in SignedInfo and an empty SignatureValue, laid out as Word
 * does: SignedInfo over the package object, the Office object and the XAdES signed properties.
 */
export function signatureTemplate(content: SignatureContent): string {
  return (
    `<Signature xmlns="${NS.dsig}" Id="${ID.signature}">` +
    `<SignedInfo><CanonicalizationMethod Algorithm="${ALGORITHM.c14n}"/><SignatureMethod Algorithm="${ALGORITHM.rsaSha256}"/>` +
    signedInfoReference(ID.packageObject, REFERENCE_TYPE.object, false) +
    signedInfoReference(ID.officeObject, REFERENCE_TYPE.object, false) +
    signedInfoReference(ID.signedProperties, REFERENCE_TYPE.signedProperties, true) +
    `</SignedInfo><SignatureValue></SignatureValue>` +
    `<KeyInfo><X509Data>${content.certificates.map((der) => `<X509Certificate>${der}</X509Certificate>`).join('')}</X509Data></KeyInfo>` +
    packageObject(content) +
    officeObject(content.comment) +
    xadesObject(content) +
    `</Signature>`
  );
}
