import { RELATIONSHIP_TYPE, SIGNATURE_FOLDER } from './constants';
import { CONTENT_TYPES_PART } from './contentTypes';

/**
 * What a signature leaves out, as Word and LibreOffice do: the content types (they cannot be signed, the
 * signature adds to them; every reference carries its part's content type instead), the document
 * properties Word lets you edit after signing (core.xml: title, author…; app.xml: page and word counts),
 * and the signature parts themselves. Everything else in the package is signed.
 */
const UNSIGNED_PARTS = [CONTENT_TYPES_PART, 'docProps/core.xml', 'docProps/app.xml'].map((name) => name.toLowerCase());

/** The relationships to those unsigned parts, and to the signatures, are left out of the relationship digests. */
const UNSIGNED_RELATIONSHIP_TYPES = new Set<string>([
  'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/metadata/core-properties',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  RELATIONSHIP_TYPE.origin,
  RELATIONSHIP_TYPE.signature,
]);

export function isSignedPart(name: string): boolean {
  const folded = name.toLowerCase();
  return !UNSIGNED_PARTS.includes(folded) && !folded.startsWith(`${SIGNATURE_FOLDER.toLowerCase()}/`);
}

export function isSignedRelationshipType(type: string): boolean {
  return !UNSIGNED_RELATIONSHIP_TYPES.has(type);
}

/** For the documentation and the report: the parts left unsigned by design. */
export const UNSIGNED_BY_DESIGN = [CONTENT_TYPES_PART, 'docProps/core.xml', 'docProps/app.xml', `${SIGNATURE_FOLDER}/*`];
