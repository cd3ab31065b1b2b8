import { describe, expect, it } from 'vitest';
import { resources } from '../src/shared/i18n';

type Tree = { [key: string]: string | Tree | readonly string[] };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' || Array.isArray(value) ? [`${prefix}${key}`] : keys(value as Tree, `${prefix}${key}.`),
  );
}
function placeholders(tree: Tree, path: string): string[] {
  const value = path.split('.').reduce<unknown>((node, key) => (node as Tree)[key], tree);
  // "{{company, noFinalDot}}" is the placeholder "company" with a format.
  return typeof value === 'string' ? [...value.matchAll(/\{\{(\w+)(?:,\s*\w+)?\}\}/g)].map((m) => m[1] ?? '').sort() : [];
}
/**
 * Spanish has a plural form English lacks: "many" (1.000.000 de días). A `_many` key is Spanish-only and
 * stands beside an `_other` key that both languages have.
 */
const spanishOnly = (key: string, all: string[]) => key.endsWith('_many') && all.includes(key.replace(/_many$/, '_other'));

describe('the locale files', () => {
  const en = resources.en.translation as unknown as Tree;
  const es = resources.es.translation as unknown as Tree;

  it('have exactly the same keys in Spanish and English', () => {
    const spanish = keys(es);
    expect(spanish.filter((key) => !spanishOnly(key, spanish)).sort()).toEqual(keys(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of keys(en)) expect(placeholders(es, key), key).toEqual(placeholders(en, key));
    const spanish = keys(es);
    for (const key of spanish.filter((k) => spanishOnly(k, spanish)))
      expect(placeholders(es, key), key).toEqual(placeholders(es, key.replace(/_many$/, '_other')));
  });

  it('have no empty messages', () => {
    for (const [lang, tree] of [
      ['en', en],
      ['es', es],
    ] as const) {
      for (const key of keys(tree)) {
        const value = key.split('.').reduce<unknown>((node, k) => (node as Tree)[k], tree);
        expect(typeof value === 'string' ? value.trim() : 'list', `${lang}:${key}`).not.toBe('');
      }
    }
  });
});
