import { DOMImplementation, type Element } from '@xmldom/xmldom';
import { canonicalize } from './canonicalize';
import { NS } from './constants';
import { childElements } from './xml';
import { parseRelationshipsDoc } from './relationships';

export interface RelationshipSelection {
  sourceIds: ReadonlySet<string>;
  /** ECMA-376 allows selecting by Type too; Word and LibreOffice write SourceId only, as we do. */
  sourceTypes?: ReadonlySet<string>;
}

/** Ordinal comparison of the UTF-8 bytes, as xmlsec's `xmlStrcmp` and a "case-sensitive Unicode" sort do. */
function byId(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Unprefixed attributes and xml:* survive; markup from any other namespace is unknown to the transform. */
function keptAttributes(element: Element): { name: string; ns: string | null; value: string }[] {
  const out: { name: string; ns: string | null; value: string }[] = [];
  for (let i = 0; i < element.attributes.length; i++) {
    const attr = element.attributes.item(i);
    if (!attr || attr.name === 'xmlns' || attr.prefix === 'xmlns') continue;
    if (attr.namespaceURI === null || attr.namespaceURI === NS.xml) out.push({ name: attr.name, ns: attr.namespaceURI, value: attr.value });
  }
  return out;
}

/**
 * The OPC Relationships Transform (ECMA-376 Part 2 §13.2.4.24) followed by inclusive C14N: the selected
 * Relationship elements sorted by Id, with their unprefixed attributes and TargetMode defaulted to
 * Internal, in a bare Relationships element; everything else (other relationships, text, comments, other
 * namespaces, element content) dropped. The result is the octet string a manifest reference digests.
 */
export function transformRelationships(xml: string, selection: RelationshipSelection): string {
  const source = parseRelationshipsDoc(xml).documentElement;
  if (!source) throw new Error('unreachable: parseRelationshipsDoc checks the root');
  const out = new DOMImplementation().createDocument(NS.relationships, 'Relationships', null);
  const root = out.documentElement;
  if (!root) throw new Error('unreachable: createDocument makes the root');
  for (const attr of keptAttributes(source)) root.setAttributeNS(attr.ns, attr.name, attr.value);

  const selected = childElements(source, NS.relationships, 'Relationship')
    .filter((element) => {
      const id = element.getAttribute('Id');
      if (id === null) return false;
      return selection.sourceIds.has(id) || (selection.sourceTypes?.has(element.getAttribute('Type') ?? '') ?? false);
    })
    .sort((a, b) => byId(a.getAttribute('Id') ?? '', b.getAttribute('Id') ?? ''));

  for (const element of selected) {
    const copy = out.createElementNS(NS.relationships, 'Relationship');
    for (const attr of keptAttributes(element)) copy.setAttributeNS(attr.ns, attr.name, attr.value);
    if (!element.hasAttribute('TargetMode')) copy.setAttribute('TargetMode', 'Internal');
    root.appendChild(copy);
  }
  return canonicalize(root);
}
