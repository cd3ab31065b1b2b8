import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CSP_PLACEHOLDER,
  HEADER_ONLY_DIRECTIVES,
  metaContentSecurityPolicy,
  withMetaContentSecurityPolicy,
} from '../../shared/security/headers';

vi.mock('electron', () => ({}));

/** Directive name → its sources, in order. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

const SOURCE_HTML = readFileSync(join(process.cwd(), 'src', 'renderer', 'index.html'), 'utf8');
/** The page as the renderer build writes it (electron.vite.config.ts fills the placeholder). */
const INDEX_HTML = withMetaContentSecurityPolicy(SOURCE_HTML);

function metaPolicy(html: string): string | null {
  const tag = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i.exec(html);
  return tag?.[1] ?? null;
}

describe('the Content-Security-Policy (header of app:// and browser mode)', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('runs only our own scripts: no eval, no inline scripts, no plugins', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic/);
  });

  it("allows 'unsafe-inline' for styles only (Mantine injects <style> tags)", () => {
    const withInline = [...policy].filter(([, sources]) => sources.includes("'unsafe-inline'")).map(([name]) => name);
    expect(withInline).toEqual(['style-src']);
  });

  it('reaches no other origin: connections, fonts and images stay on our own (images also data:/blob:)', () => {
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('font-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    for (const sources of policy.values()) for (const source of sources) expect(source, source).not.toMatch(/^(https?:|wss?:|\*)/);
  });

  it('cannot be framed, re-based or used to post forms', () => {
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });
});

describe('the renderer page (src/renderer/index.html)', () => {
  it('carries the same policy as a <meta> fallback, minus what a meta tag cannot carry', () => {
    const meta = metaPolicy(INDEX_HTML);
    expect(meta).not.toBeNull();
    const expected = [...directives(CONTENT_SECURITY_POLICY)].filter(([name]) => !HEADER_ONLY_DIRECTIVES.includes(name));
    expect(expected.map(([name]) => name)).toContain('script-src');
    expect([...directives(meta!)]).toEqual(expected);
  });

  it("takes that policy from the hosts' constant at build: the source names it once, no copy to drift", () => {
    expect(metaPolicy(SOURCE_HTML)).toBe(CSP_PLACEHOLDER);
    expect(SOURCE_HTML).not.toMatch(/default-src|script-src/);
    expect(metaContentSecurityPolicy()).not.toMatch(/frame-ancestors/);
    expect(() => withMetaContentSecurityPolicy('<html><head></head></html>')).toThrow(CSP_PLACEHOLDER);
  });

  it('puts the meta policy before any script, stylesheet or link, so it covers all of them', () => {
    const metaAt = INDEX_HTML.search(/<meta\s+http-equiv="Content-Security-Policy"/i);
    const firstResource = INDEX_HTML.search(/<(script|link|style)\b/i);
    expect(metaAt).toBeGreaterThan(-1);
    expect(metaAt).toBeLessThan(firstResource);
  });

  it('has no inline script: every <script> loads a file', () => {
    const scripts = [...INDEX_HTML.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
    expect(INDEX_HTML).not.toMatch(/\son[a-z]+\s*=/i);
  });
});
