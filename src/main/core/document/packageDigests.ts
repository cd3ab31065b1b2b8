import { RELATIONSHIP_TYPE, SIGNATURE_FOLDER } from '../packageSignature/constants';
import { CONTENT_TYPES_PART, readContentTypes } from '../packageSignature/contentTypes';
import { findPart } from '../packageSignature/opcPackage';
import { readRelationships, resolveTarget } from '../packageSignature/relationships';
import { BadXmlError, utf8Text } from '../packageSignature/xml';
import { sha256Hex } from '../signing/fingerprint';
import type { PartDigest } from './embeddedData';

export const PACKAGE_RELATIONSHIPS_PART = '_rels/.rels';

/** A locale-independent order, so export and verify sort alike on every machine. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Rules v2 (docs/FORMAT.md): what the embedded record does not digest, because it cannot change what is read.
 * - `_xmlsignatures/*` (and its relationships): the package signature, added after the record is written;
 *   it is checked on its own, and the record says whether one is expected and with which certificate.
 * - `docProps/*`: title, author, page counts. Word shows them only through fields such as TITLE or
 *   DOCPROPERTY, which our document has none of, and the body that would hold one is digested.
 * - `[Content_Types].xml` and `_rels/.rels`, which the seal rewrites: covered instead by each part's content
 *   type and by the package relationships as a set (see below), not by their bytes.
 * - the embedded part itself, which cannot hold its own digest: its agreement hashes to the fingerprint.
 */
const UNDIGESTED_FOLDERS = [`${SIGNATURE_FOLDER.toLowerCase()}/`, 'docprops/'];

export function isUndigestedFolder(name: string): boolean {
  const folded = name.toLowerCase();
  return UNDIGESTED_FOLDERS.some((folder) => folded.startsWith(folder));
}

/** The package relationships to the undigested parts: only these may differ (the seal adds the first). */
const UNDIGESTED_PACKAGE_RELATIONSHIPS = new Set<string>([
  RELATIONSHIP_TYPE.origin,
  'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/metadata/core-properties',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties',
]);

/**
 * SHA-256 of the package relationships as a set: every relationship (Id, type, target, mode) sorted by Id,
 * except one of the types above that points into an undigested folder. An added main document, a retargeted
 * one, or a document-properties relationship pointed anywhere else all change it.
 */
export function packageRelationshipsDigest(xml: string): string {
  const kept = readRelationships(xml)
    .filter((r) => {
      if (r.external || !UNDIGESTED_PACKAGE_RELATIONSHIPS.has(r.type)) return true;
      const target = resolveTarget(PACKAGE_RELATIONSHIPS_PART, r.target);
      return target === null || !isUndigestedFolder(target);
    })
    .sort((a, b) => byCodeUnits(a.id, b.id))
    .map((r) => [r.id, r.type, r.target, r.external ? 'External' : 'Internal']);
  return sha256Hex(JSON.stringify(kept));
}

/** The content types or the package relationships are missing or cannot be read. */
export class UndescribablePackageError extends Error {
  constructor(readonly part: string) {
    super(`${part} is missing or cannot be read`);
    this.name = 'UndescribablePackageError';
  }
}

export interface PackageDescription {
  /** Every digested part, sorted by name. */
  parts: PartDigest[];
  packageRelationships: string;
}

/**
 * What rules v2 record of a package: every part except the undigested ones (with `ownPart`, the embedded
 * part), its SHA-256 and its content type, and the package relationships digest. Export and verify both call
 * this, so they cannot disagree on what is covered. Throws UndescribablePackageError when the content types
 * or the package relationships are missing or cannot be read.
 */
export function describePackage(parts: ReadonlyMap<string, Buffer>, ownPart: string | null): PackageDescription {
  const read = <T>(name: string, parse: (xml: string) => T): T => {
    const part = findPart(parts, name);
    if (!part) throw new UndescribablePackageError(name);
    try {
      return parse(utf8Text(part.bytes));
    } catch (error) {
      if (error instanceof BadXmlError) throw new UndescribablePackageError(name);
      throw error;
    }
  };
  const types = read(CONTENT_TYPES_PART, readContentTypes);
  const packageRelationships = read(PACKAGE_RELATIONSHIPS_PART, packageRelationshipsDigest);
  const skipped = new Set([CONTENT_TYPES_PART, PACKAGE_RELATIONSHIPS_PART, ...(ownPart ? [ownPart] : [])].map((n) => n.toLowerCase()));
  const digests: PartDigest[] = [];
  for (const [name, bytes] of parts) {
    if (skipped.has(name.toLowerCase()) || isUndigestedFolder(name)) continue;
    digests.push({ name, sha256: sha256Hex(bytes), contentType: types.of(name) ?? '' });
  }
  digests.sort((a, b) => byCodeUnits(a.name, b.name));
  return { parts: digests, packageRelationships };
}
