import { createHash } from 'node:crypto';
import { CONTENT_TYPE } from './constants';
import type { ContentTypes } from './contentTypes';
import { BadPackageError, partUri } from './opcPackage';
import { isRelationshipsPart, readRelationships } from './relationships';
import { transformRelationships } from './relationshipTransform';
import { isSignedPart, isSignedRelationshipType } from './signedParts';
import { utf8Text } from './xml';

export interface ManifestReference {
  /** `/word/document.xml?ContentType=…`: the part and the content type it must have. */
  uri: string;
  /** For a relationships part: the Ids the RelationshipTransform keeps; null for any other part. */
  sourceIds: string[] | null;
  /** Base64 SHA-256 of the part's bytes, or of the transformed and canonicalized relationships. */
  digest: string;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('base64');

/**
 * One reference per signed part, sorted by URI: other parts are digested as stored; a relationships part
 * is digested after the RelationshipTransform keeps every relationship it signs (those to the signed
 * parts, and external ones such as hyperlinks, so retargeting any of them breaks the signature).
 */
export function manifestReferences(parts: ReadonlyMap<string, Buffer>, types: ContentTypes): ManifestReference[] {
  const references: ManifestReference[] = [];
  for (const [name, bytes] of parts) {
    if (!isSignedPart(name)) continue;
    const contentType = types.of(name);
    if (!contentType) throw new BadPackageError(`The package gives no content type for ${name}`);
    const uri = `${partUri(name)}?ContentType=${contentType}`;
    if (isRelationshipsPart(name) && contentType === CONTENT_TYPE.relationships) {
      const text = utf8Text(bytes);
      const sourceIds = readRelationships(text)
        .filter((relationship) => isSignedRelationshipType(relationship.type) && relationship.id !== '')
        .map((relationship) => relationship.id);
      references.push({ uri, sourceIds, digest: sha256(transformRelationships(text, { sourceIds: new Set(sourceIds) })) });
    } else {
      references.push({ uri, sourceIds: null, digest: sha256(bytes) });
    }
  }
  return references.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}
