import { CONTENT_TYPE, ORIGIN_PART, RELATIONSHIP_TYPE, SIGNATURE_FOLDER } from './constants';
import { readContentTypes, withSignatureContentTypes, CONTENT_TYPES_PART } from './contentTypes';
import { BadPackageError, findPart } from './opcPackage';
import { addRelationship, readRelationships, relationshipsPartOf } from './relationships';
import { utf8Text } from './xml';

export const ORIGIN_RELS_PART = relationshipsPartOf(ORIGIN_PART);
const PACKAGE_RELS_PART = '_rels/.rels';

/** The first `sigN.xml` not yet in the package. */
export function freeSignaturePart(parts: ReadonlyMap<string, Buffer>): string {
  let n = 1;
  while (findPart(parts, `${SIGNATURE_FOLDER}/sig${n}.xml`)) n++;
  return `${SIGNATURE_FOLDER}/sig${n}.xml`;
}

/**
 * The package parts that announce a signature, as Word writes them: the package relationship to the
 * (empty) origin part, the origin's relationship to `sigN.xml`, and their content types. None of these is
 * signed, so a second signature can be added later without breaking the first.
 */
export function signatureAnnouncements(parts: ReadonlyMap<string, Buffer>, signaturePart: string): Map<string, string | Buffer> {
  const out = new Map<string, string | Buffer>();
  const text = (name: string) => {
    const part = findPart(parts, name);
    return part ? utf8Text(part.bytes) : null;
  };

  const packageRels = text(PACKAGE_RELS_PART);
  if (packageRels === null) throw new BadPackageError('The package has no _rels/.rels');
  if (!readRelationships(packageRels).some((relationship) => relationship.type === RELATIONSHIP_TYPE.origin)) {
    out.set(PACKAGE_RELS_PART, addRelationship(packageRels, RELATIONSHIP_TYPE.origin, ORIGIN_PART).xml);
  }
  if (!findPart(parts, ORIGIN_PART)) out.set(ORIGIN_PART, Buffer.alloc(0));
  out.set(ORIGIN_RELS_PART, addRelationship(text(ORIGIN_RELS_PART), RELATIONSHIP_TYPE.signature, signaturePart.slice(SIGNATURE_FOLDER.length + 1)).xml);

  const types = text(CONTENT_TYPES_PART);
  if (types === null) throw new BadPackageError('The package has no [Content_Types].xml');
  out.set(
    CONTENT_TYPES_PART,
    withSignatureContentTypes(readContentTypes(types), { sigs: CONTENT_TYPE.origin }, { [`/${signaturePart}`]: CONTENT_TYPE.signature }),
  );
  return out;
}
