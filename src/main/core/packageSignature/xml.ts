import { DOMParser, XMLSerializer, onErrorStopParsing, type Document, type Element } from '@xmldom/xmldom';

/** Thrown for XML we refuse to read: malformed, with a DTD, or not what the caller expects. */
export class BadXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadXmlError';
  }
}

/**
 * Parses XML strictly: any parse error stops it, and a document type declaration is refused outright, so no
 * entity can expand and no external resource is named (signature verifiers refuse DTDs for the same reason).
 */
export function parseXml(text: string): Document {
  if (/<!DOCTYPE/i.test(text)) throw new BadXmlError('A document type declaration is not allowed here');
  try {
    const doc = new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, 'text/xml');
    if (!doc.documentElement) throw new BadXmlError('No root element');
    return doc;
  } catch (error) {
    throw error instanceof BadXmlError ? error : new BadXmlError(`Not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** UTF-8 bytes → text, refusing bytes that are not UTF-8 (a part that lies about its encoding). */
export function utf8Text(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new BadXmlError('Not UTF-8 text');
  }
}

export function serializeXml(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

/** Element children of `parent` in namespace `ns`, optionally with a given local name. */
export function childElements(parent: Element, ns: string, localName?: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== node.ELEMENT_NODE) continue;
    const element = node as Element;
    if (element.namespaceURI === ns && (localName === undefined || element.localName === localName)) out.push(element);
  }
  return out;
}

/** The only child `ns:localName` of `parent`; more than one is refused (a wrapping attack hides in duplicates). */
export function onlyChild(parent: Element, ns: string, localName: string): Element | null {
  const found = childElements(parent, ns, localName);
  if (found.length > 1) throw new BadXmlError(`More than one ${localName}`);
  return found[0] ?? null;
}

/** The text of the only child `ns:localName`, trimmed; null when absent. */
export function childText(parent: Element, ns: string, localName: string): string | null {
  const child = onlyChild(parent, ns, localName);
  return child ? (child.textContent ?? '').trim() : null;
}

/** Characters XML 1.0 cannot carry (most C0 controls, lone surrogates, U+FFFE/FFFF) removed, line ends made LF. */
export function xmlSafe(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
  );
}
