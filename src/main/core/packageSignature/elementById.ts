import type { Element } from '@xmldom/xmldom';
import { BadXmlError } from './xml';

/**
 * The one element under `root` whose `Id` attribute is `id`. Two are refused: a signature-wrapping attack
 * places a second element with the referenced Id where a careless verifier looks first.
 */
export function elementById(root: Element, id: string): Element | null {
  let found: Element | null = null;
  const visit = (element: Element) => {
    if (element.getAttribute('Id') === id) {
      if (found) throw new BadXmlError(`Two elements have the Id ${id}`);
      found = element;
    }
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === child.ELEMENT_NODE) visit(child as Element);
    }
  };
  visit(root);
  return found;
}
