import type { Agreement } from '../../../../shared/model/schema';

/**
 * The JSON of each top-level part of an agreement, kept by object identity. The store is immutable with
 * structural sharing (immer), so a keystroke replaces only the part it typed into and the agreement around
 * it: the crash copy re-serialises that part and reuses every other part's text.
 */
const partTexts = new WeakMap<object, string>();

function partJson(value: unknown): string | undefined {
  // Only a frozen part is cached: immer freezes what it produces (deeply), so it can never change under its
  // text. A part built by hand (a merge, a test) is serialised afresh each time.
  if (typeof value !== 'object' || value === null || !Object.isFrozen(value)) return JSON.stringify(value);
  let text = partTexts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    partTexts.set(value, text);
  }
  return text;
}

/** Exactly `JSON.stringify(agreement)`, assembled from the parts' texts. */
export function agreementJson(agreement: Agreement): string {
  const members: string[] = [];
  for (const [name, value] of Object.entries(agreement)) {
    const text = partJson(value);
    // JSON.stringify leaves out members whose value has no JSON (undefined, functions): so does this.
    if (text !== undefined) members.push(`${JSON.stringify(name)}:${text}`);
  }
  return `{${members.join(',')}}`;
}
