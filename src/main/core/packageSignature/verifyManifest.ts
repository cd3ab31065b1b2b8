import type { Element } from '@xmldom/xmldom';
import { ALGORITHM, CONTENT_TYPE, NS } from './constants';
import type { ContentTypes } from './contentTypes';
import { digestMatches, referenceDigest } from './digest';
import { findPart, partNameFromUri } from './opcPackage';
import type { PackageSignatureProblem, ReferenceCheck } from './report';
import { transformRelationships, type RelationshipSelection } from './relationshipTransform';
import { childElements, onlyChild, utf8Text } from './xml';

export const MAX_MANIFEST_REFERENCES = 10_000;

export interface ManifestCheck {
  references: ReferenceCheck[];
  problems: PackageSignatureProblem[];
  /** Parts a reference covers (lower-cased names), valid or not. */
  covered: Set<string>;
  /** For relationships parts signed through the transform: which relationships the signature keeps. */
  selections: Map<string, RelationshipSelection>;
}

type Transforms = { kind: 'none' } | { kind: 'relationships'; selection: RelationshipSelection } | { kind: 'unsupported'; algorithm: string };

/** No transform, or the RelationshipTransform optionally followed by C14N: the only chains OOXML uses. */
function readTransforms(reference: Element): Transforms {
  const container = onlyChild(reference, NS.dsig, 'Transforms');
  if (!container) return { kind: 'none' };
  const transforms = childElements(container, NS.dsig, 'Transform');
  const [first, second, ...rest] = transforms.map((t) => t.getAttribute('Algorithm') ?? '');
  const relationshipChain = first === ALGORITHM.relationshipTransform && (second === undefined || second === ALGORITHM.c14n) && rest.length === 0;
  if (!relationshipChain || !transforms[0])
    return { kind: 'unsupported', algorithm: transforms.length ? transforms.map((t) => t.getAttribute('Algorithm')).join(' ') : '(empty Transforms)' };
  const sourceIds = new Set(childElements(transforms[0], NS.mdssi, 'RelationshipReference').map((e) => e.getAttribute('SourceId') ?? ''));
  const sourceTypes = new Set(childElements(transforms[0], NS.mdssi, 'RelationshipsGroupReference').map((e) => e.getAttribute('SourceType') ?? ''));
  return { kind: 'relationships', selection: { sourceIds, sourceTypes } };
}

/** The `ContentType` a reference URI asserts, or null without one. */
function assertedContentType(uri: string): string | null {
  const query = uri.split('?')[1];
  if (query === undefined) return null;
  const match = /(?:^|&)ContentType=([^&]*)/.exec(query);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1] ?? '');
  } catch {
    return null;
  }
}

/**
 * Checks every Reference of a signed Manifest: the part exists, has the content type the URI asserts
 * ([Content_Types].xml is unsigned, so this is what protects it), and its digest — after the transforms
 * the reference names — matches. Each reference is checked, none stops the others.
 */
export function checkManifest(manifest: Element, parts: ReadonlyMap<string, Buffer>, types: ContentTypes): ManifestCheck {
  const check: ManifestCheck = { references: [], problems: [], covered: new Set(), selections: new Map() };
  const references = childElements(manifest, NS.dsig, 'Reference');
  if (references.length > MAX_MANIFEST_REFERENCES) {
    check.problems.push({ code: 'unreadable_signature', detail: 'too many manifest references' });
    return check;
  }
  for (const reference of references) {
    const uri = reference.getAttribute('URI') ?? '';
    const fail = (problem: PackageSignatureProblem) => {
      check.problems.push(problem);
      check.references.push({ uri, kind: 'manifest', ok: false });
    };
    const name = partNameFromUri(uri);
    const part = name === null ? null : findPart(parts, name);
    if (!part) {
      fail({ code: 'missing_part', detail: uri });
      continue;
    }
    check.covered.add(part.name.toLowerCase());
    const actualType = types.of(part.name);
    if (actualType === null || assertedContentType(uri) !== actualType) {
      fail({ code: 'content_type_mismatch', detail: uri });
      continue;
    }
    const digest = referenceDigest(reference);
    const transforms = readTransforms(reference);
    if (!digest || transforms.kind === 'unsupported') {
      fail({ code: 'unsupported_algorithm', detail: transforms.kind === 'unsupported' ? transforms.algorithm : uri });
      continue;
    }
    let data: string | Buffer = part.bytes;
    if (transforms.kind === 'relationships') {
      if (actualType !== CONTENT_TYPE.relationships) {
        fail({ code: 'content_type_mismatch', detail: uri });
        continue;
      }
      check.selections.set(part.name.toLowerCase(), transforms.selection);
      try {
        data = transformRelationships(utf8Text(part.bytes), transforms.selection);
      } catch {
        fail({ code: 'reference_digest', detail: uri });
        continue;
      }
    }
    if (!digestMatches(digest.algorithm, data, digest.expected)) {
      fail({ code: 'reference_digest', detail: uri });
      continue;
    }
    check.references.push({ uri, kind: 'manifest', ok: true });
  }
  return check;
}
