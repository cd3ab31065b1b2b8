import type { PackageSignatureProblem } from './report';
import { isRelationshipsPart, readRelationships } from './relationships';
import { isSignedPart, isSignedRelationshipType } from './signedParts';
import type { ManifestCheck } from './verifyManifest';
import { utf8Text } from './xml';

/**
 * What the signature leaves open, beyond what is unsigned by design: a part no reference covers (added
 * after signing), or a relationship a signed relationships part holds but the transform does not keep
 * (added after signing — Word finds parts such as styles or numbering by relationship type alone, so an
 * added relationship can change the document without touching a signed byte).
 */
export function checkCoverage(parts: ReadonlyMap<string, Buffer>, checks: ManifestCheck[]): PackageSignatureProblem[] {
  const problems: PackageSignatureProblem[] = [];
  const covered = new Set(checks.flatMap((check) => [...check.covered]));
  for (const [name, bytes] of parts) {
    if (!isSignedPart(name)) continue;
    if (!covered.has(name.toLowerCase())) {
      problems.push({ code: 'unsigned_part', detail: name });
      continue;
    }
    const selection = checks.map((check) => check.selections.get(name.toLowerCase())).find(Boolean);
    if (!selection || !isRelationshipsPart(name)) continue;
    let relationships: ReturnType<typeof readRelationships>;
    try {
      relationships = readRelationships(utf8Text(bytes));
    } catch {
      continue; // its reference already failed: the transform could not read it either
    }
    for (const relationship of relationships) {
      if (!isSignedRelationshipType(relationship.type)) continue;
      if (selection.sourceIds.has(relationship.id) || selection.sourceTypes?.has(relationship.type)) continue;
      problems.push({ code: 'unsigned_relationship', detail: `${name}#${relationship.id}` });
    }
  }
  return problems;
}
