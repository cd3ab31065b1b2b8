import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every word a user reads goes through i18n. This walks the renderer's TSX and reports JSX text and
 * user-facing attributes (label, placeholder, title, aria-label…) written as literal words.
 */
const ROOT = 'src/renderer';
const USER_FACING_ATTRIBUTES = new Set([
  'label',
  'placeholder',
  'title',
  'aria-label',
  'description',
  'alt',
  'closeButtonLabel',
  'error',
  'nullLabel',
  'addLabel',
  'emptyText',
]);
/** A literal is fine when it carries no letters (numbers, punctuation, "·", "—", "0.") or is a technical token. */
const ALLOWED = /^[^\p{L}]*$/u;
const TECHNICAL = new Set(['SLA Workshop']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [path] : [];
  });
}

function findings(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${file}:${line + 1}: "${text.trim()}"`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      const text = node.getText().trim();
      if (text && !ALLOWED.test(text) && !TECHNICAL.has(text)) report(node, text);
    }
    if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      const literal = ts.isStringLiteral(init)
        ? init.text
        : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
          ? init.expression.text
          : null;
      if (literal !== null && !ALLOWED.test(literal) && !TECHNICAL.has(literal)) report(node, literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the renderer', () => {
  it('has no hard-coded user-visible text', () => {
    const all = files(ROOT).flatMap(findings);
    expect(all).toEqual([]);
  });

  it('is checked by a scanner that does catch literals', () => {
    const probe = join('test', 'fixtures', 'hardcoded.tsx.fixture');
    expect(findings(probe)).toHaveLength(3);
  });
});
