import type { Document } from '@xmldom/xmldom';
import { NS } from './constants';
import { BadXmlError, childElements, parseXml, serializeXml } from './xml';

export const CONTENT_TYPES_PART = '[Content_Types].xml';

export interface ContentTypes {
  doc: Document;
  /** The content type of a part (zip entry name), Override first, then Default by extension; null if none. */
  of(name: string): string | null;
}

/** Reads `[Content_Types].xml`; part names and extensions compare ignoring ASCII case, as OPC says. */
export function readContentTypes(xml: string): ContentTypes {
  const doc = parseXml(xml);
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== NS.contentTypes || root.localName !== 'Types') throw new BadXmlError('Not a content types part');
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const element of childElements(root, NS.contentTypes, 'Default')) {
    defaults.set((element.getAttribute('Extension') ?? '').toLowerCase(), element.getAttribute('ContentType') ?? '');
  }
  for (const element of childElements(root, NS.contentTypes, 'Override')) {
    overrides.set((element.getAttribute('PartName') ?? '').toLowerCase(), element.getAttribute('ContentType') ?? '');
  }
  return {
    doc,
    of(name) {
      const override = overrides.get(`/${name}`.toLowerCase());
      if (override !== undefined) return override;
      const slash = name.lastIndexOf('/');
      const dot = name.lastIndexOf('.');
      if (dot <= slash) return null;
      return defaults.get(name.slice(dot + 1).toLowerCase()) ?? null;
    },
  };
}

/** `[Content_Types].xml` with a Default for `extension` and Overrides for `overrides` (part name → type) added when missing. */
export function withSignatureContentTypes(types: ContentTypes, defaults: Record<string, string>, overrides: Record<string, string>): string {
  const { doc } = types;
  const root = doc.documentElement;
  if (!root) throw new BadXmlError('Not a content types part');
  const hasDefault = (extension: string) =>
    childElements(root, NS.contentTypes, 'Default').some((element) => (element.getAttribute('Extension') ?? '').toLowerCase() === extension.toLowerCase());
  const hasOverride = (partName: string) =>
    childElements(root, NS.contentTypes, 'Override').some((element) => (element.getAttribute('PartName') ?? '').toLowerCase() === partName.toLowerCase());
  for (const [extension, contentType] of Object.entries(defaults)) {
    if (hasDefault(extension)) continue;
    const element = doc.createElementNS(NS.contentTypes, 'Default');
    element.setAttribute('Extension', extension);
    element.setAttribute('ContentType', contentType);
    root.appendChild(element);
  }
  for (const [partName, contentType] of Object.entries(overrides)) {
    if (hasOverride(partName)) continue;
    const element = doc.createElementNS(NS.contentTypes, 'Override');
    element.setAttribute('PartName', partName);
    element.setAttribute('ContentType', contentType);
    root.appendChild(element);
  }
  return serializeXml(doc);
}
