import { C14nCanonicalization, findAncestorNs } from 'xml-crypto';
import type { Element, Node } from '@xmldom/xmldom';

/** `/*[i]/*[j]…`: the element's position among element siblings, from the root down — no names, so no injection. */
function positionalPath(element: Element): string {
  const steps: string[] = [];
  let node: Node | null = element;
  while (node && node.nodeType === node.ELEMENT_NODE) {
    let index = 1;
    for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) {
      if (sibling.nodeType === sibling.ELEMENT_NODE) index++;
    }
    steps.unshift(`*[${index}]`);
    node = node.parentNode;
  }
  return `/${steps.join('/')}`;
}

/**
 * Inclusive Canonical XML 1.0 without comments (the c14n every OOXML signature uses) of the subtree at
 * `element`, with the namespaces in scope from its ancestors, by xml-crypto's canonicalizer.
 */
export function canonicalize(element: Element): string {
  const doc = element.ownerDocument;
  const ancestorNamespaces = doc && element.parentNode !== doc ? findAncestorNs(doc as never, positionalPath(element)) : [];
  return new C14nCanonicalization().process(element as never, { ancestorNamespaces }).toString();
}
