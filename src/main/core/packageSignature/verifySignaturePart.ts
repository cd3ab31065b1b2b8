import { createHash, verify } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { canonicalize } from './canonicalize';
import { certificateInfo, type CertificateInfo } from './certificate';
import { ALGORITHM, NS, SIGNATURE_METHODS } from './constants';
import type { ContentTypes } from './contentTypes';
import { checkCoverage } from './coverage';
import { digestMatches, referenceDigest } from './digest';
import { elementById } from './elementById';
import { checkManifest } from './verifyManifest';
import type { PackageSignatureProblem, ReferenceCheck, SignatureCheck } from './report';
import { BadXmlError, childElements, onlyChild, parseXml, utf8Text } from './xml';

function isInside(node: Element, ancestor: Element): boolean {
  for (let n = node.parentNode; n; n = n.parentNode) if (n === ancestor) return true;
  return false;
}

/** The signing certificate: the KeyInfo certificate the XAdES SigningCertificate names, else the first one. */
function signingCertificate(root: Element, signedProperties: Element | null, problems: PackageSignatureProblem[]): CertificateInfo | null {
  const keyInfo = onlyChild(root, NS.dsig, 'KeyInfo');
  const certificates: CertificateInfo[] = [];
  for (const data of keyInfo ? childElements(keyInfo, NS.dsig, 'X509Data') : []) {
    for (const element of childElements(data, NS.dsig, 'X509Certificate')) {
      try {
        certificates.push(certificateInfo(Buffer.from((element.textContent ?? '').replace(/\s+/g, ''), 'base64')));
      } catch {
        problems.push({ code: 'missing_certificate', detail: 'an X509Certificate cannot be read' });
      }
    }
  }
  if (certificates.length === 0) {
    problems.push({ code: 'missing_certificate' });
    return null;
  }
  const certDigest = signedProperties?.getElementsByTagNameNS(NS.xades, 'CertDigest').item(0);
  if (!certDigest) return certificates[0] ?? null;
  const digest = referenceDigest(certDigest);
  const named = digest ? certificates.find((c) => digestMatches(digest.algorithm, c.der, digest.expected)) : undefined;
  if (!named) {
    problems.push({ code: 'signing_certificate_mismatch' });
    return certificates[0] ?? null;
  }
  return named;
}

/**
 * Verifies one `sigN.xml` against the package: every SignedInfo reference (to elements inside this
 * signature only), every reference of the signed Manifest, the coverage of the package, and the signature
 * value with the certificate in KeyInfo. Throws only on unreadable XML; the caller reports that.
 */
export function verifySignaturePart(part: string, bytes: Buffer, parts: ReadonlyMap<string, Buffer>, types: ContentTypes): SignatureCheck {
  const root = parseXml(utf8Text(bytes)).documentElement;
  if (!root || root.namespaceURI !== NS.dsig || root.localName !== 'Signature') throw new BadXmlError('Not an XML signature');
  const signedInfo = onlyChild(root, NS.dsig, 'SignedInfo');
  if (!signedInfo) throw new BadXmlError('No SignedInfo');
  const problems: PackageSignatureProblem[] = [];
  const references: ReferenceCheck[] = [];

  if (onlyChild(signedInfo, NS.dsig, 'CanonicalizationMethod')?.getAttribute('Algorithm') !== ALGORITHM.c14n) {
    problems.push({ code: 'unsupported_algorithm', detail: 'CanonicalizationMethod' });
  }
  const signatureHash = SIGNATURE_METHODS[onlyChild(signedInfo, NS.dsig, 'SignatureMethod')?.getAttribute('Algorithm') ?? ''];
  if (!signatureHash) problems.push({ code: 'unsupported_algorithm', detail: 'SignatureMethod' });

  const signed: Element[] = [];
  for (const reference of childElements(signedInfo, NS.dsig, 'Reference')) {
    const uri = reference.getAttribute('URI') ?? '';
    const target: Element | null = uri.startsWith('#') ? elementById(root, uri.slice(1)) : null;
    const transforms = onlyChild(reference, NS.dsig, 'Transforms');
    const transformList = transforms ? childElements(transforms, NS.dsig, 'Transform').map((t) => t.getAttribute('Algorithm')) : [];
    const digest = referenceDigest(reference);
    let ok = false;
    if (!target || target === signedInfo || isInside(target, signedInfo) || target === root) {
      problems.push({ code: 'reference_digest', detail: `${uri} (no such element in the signature's objects)` });
    } else if (!digest || transformList.some((t) => t !== ALGORITHM.c14n)) {
      problems.push({ code: 'unsupported_algorithm', detail: uri });
    } else if (!digestMatches(digest.algorithm, canonicalize(target), digest.expected)) {
      problems.push({ code: 'reference_digest', detail: uri });
    } else {
      ok = true;
      signed.push(target);
    }
    references.push({ uri, kind: 'signedInfo', ok });
  }

  // Only a Manifest inside a SignedInfo-referenced element counts: an unsigned one proves nothing.
  const manifests = signed.flatMap((element) =>
    element.namespaceURI === NS.dsig && element.localName === 'Manifest' ? [element] : childElements(element, NS.dsig, 'Manifest'),
  );
  if (manifests.length === 0) problems.push({ code: 'no_manifest' });
  const checks = manifests.map((manifest) => checkManifest(manifest, parts, types));
  for (const check of checks) {
    problems.push(...check.problems);
    references.push(...check.references);
  }
  if (checks.length) problems.push(...checkCoverage(parts, checks));

  const signedProperties = signed.find((e) => e.namespaceURI === NS.xades && e.localName === 'SignedProperties') ?? null;
  const certificate = signingCertificate(root, signedProperties, problems);
  const signatureValue = Buffer.from((onlyChild(root, NS.dsig, 'SignatureValue')?.textContent ?? '').replace(/\s+/g, ''), 'base64');
  if (certificate && signatureHash) {
    const rsa = certificate.x509.publicKey.asymmetricKeyType === 'rsa';
    if (!rsa) problems.push({ code: 'unsupported_algorithm', detail: 'the certificate key is not RSA' });
    else if (!verify(signatureHash, Buffer.from(canonicalize(signedInfo), 'utf8'), certificate.x509.publicKey, signatureValue)) {
      problems.push({ code: 'signature_value' });
    }
  } else if (!certificate) {
    problems.push({ code: 'signature_value', detail: 'no certificate to check it with' });
  }

  const firstText = (ns: string, localName: string) => {
    for (const element of signed) {
      const found = element.getElementsByTagNameNS(ns, localName).item(0);
      if (found) return (found.textContent ?? '').trim();
    }
    return null;
  };
  const signingTime = firstText(NS.xades, 'SigningTime') ?? firstText(NS.mdssi, 'Value');
  const comment = firstText(NS.office, 'SignatureComments');
  return {
    part,
    status: problems.length === 0 ? 'valid' : 'invalid',
    problems,
    subject: certificate?.subject ?? '',
    issuer: certificate?.issuer ?? '',
    selfSigned: certificate?.selfSigned ?? false,
    thumbprint: certificate ? createHash('sha256').update(certificate.der).digest('hex') : '',
    ...(signingTime ? { signingTime } : {}),
    ...(comment !== null ? { comment } : {}),
    references,
  };
}
