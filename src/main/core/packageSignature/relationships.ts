import type { Document } from '@xmldom/xmldom';
import { NS } from './constants';
import { BadXmlError, childElements, parseXml, serializeXml } from './xml';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const RELS_PART = /^(?:(.*)\/)?_rels\/([^/]*)\.rels$/;

/** Whether a zip entry is a relationships part (`…/_rels/<source>.rels`). */
export function isRelationshipsPart(name: string): boolean {
  return RELS_PART.test(name);
}

/** The relationships part of a source part: `word/document.xml` → `word/_rels/document.xml.rels`; '' is the package. */
export function relationshipsPartOf(source: string): string {
  const slash = source.lastIndexOf('/');
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

/** The folder a relationships part's targets are relative to: `word/_rels/document.xml.rels` → `word/`. */
function baseFolder(relsPart: string): string {
  const match = RELS_PART.exec(relsPart);
  return match?.[1] ? `${match[1]}/` : '';
}

/** The part an internal target names, as a zip entry name; null if it leaves the package. */
export function resolveTarget(relsPart: string, target: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(target.split('#')[0]?.split('?')[0] ?? '');
  } catch {
    return null;
  }
  const segments = (path.startsWith('/') ? path.slice(1) : `${baseFolder(relsPart)}${path}`).split('/');
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(segment);
  }
  return out.length ? out.join('/') : null;
}

export function parseRelationshipsDoc(xml: string): Document {
  const doc = parseXml(xml);
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== NS.relationships || root.localName !== 'Relationships') throw new BadXmlError('Not a relationships part');
  return doc;
}

export function readRelationships(xml: string): Relationship[] {
  const root = parseRelationshipsDoc(xml).documentElement;
  if (!root) return [];
  return childElements(root, NS.relationships, 'Relationship').map((element) => ({
    id: element.getAttribute('Id') ?? '',
    type: element.getAttribute('Type') ?? '',
    target: element.getAttribute('Target') ?? '',
    external: element.getAttribute('TargetMode') === 'External',
  }));
}

/** The relationships XML with one more internal relationship, under the first free `rIdN`; also returns that Id. */
export function addRelationship(xml: string | null, type: string, target: string): { xml: string; id: string } {
  const doc = parseRelationshipsDoc(xml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.relationships}"/>`);
  const root = doc.documentElement;
  if (!root) throw new BadXmlError('Not a relationships part');
  const taken = new Set(childElements(root, NS.relationships, 'Relationship').map((element) => element.getAttribute('Id')));
  let n = 1;
  while (taken.has(`rId${n}`)) n++;
  const element = doc.createElementNS(NS.relationships, 'Relationship');
  element.setAttribute('Id', `rId${n}`);
  element.setAttribute('Type', type);
  element.setAttribute('Target', target);
  root.appendChild(element);
  return { xml: serializeXml(doc), id: `rId${n}` };
}
