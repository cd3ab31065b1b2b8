import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { resolveConfig } from 'electron-vite';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/headers';
import { APP_START_URL, createAppProtocolHandler, resolveAppFile } from './appProtocol';

/** Directive name → its sources. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

/** The sources that govern `new Worker(url)`: worker-src, else child-src, else script-src, else default-src (CSP 3). */
function workerSources(policy: string): string[] {
  const map = directives(policy);
  return map.get('worker-src') ?? map.get('child-src') ?? map.get('script-src') ?? map.get('default-src') ?? ['*'];
}

/** Where a built chunk asks for the worker: `new URL("csvWorker-<hash>.js", import.meta.url)`. */
const WORKER_REFERENCE = /new URL\(\s*["']([^"']*csvWorker-[\w-]+\.js)["']\s*,\s*import\.meta\.url\s*\)/;

/**
 * The CSV import's Web Worker in the Electron build: the renderer bundle electron-vite makes (the same one
 * browser mode serves from out/renderer) must emit the worker as its own module file, referenced by the page's
 * code relative to itself — no blob: or data: URL, which the Content Security Policy would refuse — and the
 * app:// host must serve that file as JavaScript under a policy that lets the page start it.
 * The renderer is built here, with electron.vite.config.ts as is, into a temporary folder.
 */
describe('the Electron renderer build and the CSV import worker', () => {
  let outDir: string;
  let assets: string[];
  let entry: string;
  let entryCode: string;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'sla-renderer-build-'));
    const nodeEnv = process.env.NODE_ENV;
    try {
      const resolved = await resolveConfig({ configFile: resolve('electron.vite.config.ts') }, 'build', 'production');
      const renderer = resolved.config?.renderer;
      if (!renderer) throw new Error('electron.vite.config.ts has no renderer build');
      await build({ ...renderer, logLevel: 'silent', build: { ...renderer.build, outDir, emptyOutDir: true, minify: false, reportCompressedSize: false } });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    assets = readdirSync(join(outDir, 'assets'));
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    entry = /<script type="module"[^>]*src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
    entryCode = entry ? readFileSync(join(outDir, entry), 'utf8') : '';
  }, 240_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('emits the worker as its own ES module file, holding the shared pipeline and none of the page', () => {
    const workers = assets.filter((name) => /^csvWorker-[\w-]+\.js$/.test(name));
    expect(workers).toHaveLength(1);
    const code = readFileSync(join(outDir, 'assets', workers[0]!), 'utf8');
    expect(code).toContain('replace-covered-months');
    expect(code).not.toMatch(/\bimportScripts\(/);
    expect(code).not.toContain('react-dom');
  });

  it('is started by the page’s code from that file, relative to the code itself (no blob: or data: worker)', () => {
    expect(entry).not.toBe('');
    const reference = WORKER_REFERENCE.exec(entryCode);
    expect(reference?.[1]).toBeDefined();
    const workerUrl = new URL(reference![1]!, new URL(entry, APP_START_URL));
    expect(assets).toContain(workerUrl.pathname.split('/').at(-1));
    expect(entryCode).toMatch(/type:\s*["']module["']/);
    expect(entryCode).not.toMatch(/new Worker\(\s*["'](?:blob|data):/);
  });

  it('leaves no CSV parsing on the page: the preview and the import are only in the worker', () => {
    const worker = readFileSync(
      join(
        outDir,
        'assets',
        assets.find((name) => name.startsWith('csvWorker-'))!,
      ),
      'utf8',
    );
    for (const parser of ['function previewCsv', 'function importCsv', 'function headerOf']) {
      expect(worker, parser).toContain(parser);
      expect(entryCode, parser).not.toContain(parser);
    }
  });

  it('is served by app:// as JavaScript, with the policy, and that policy lets the page (same origin) start it', async () => {
    const reference = WORKER_REFERENCE.exec(entryCode)![1]!;
    const workerUrl = new URL(reference, new URL(entry, APP_START_URL));
    expect(workerUrl.origin).toBe(new URL(APP_START_URL).origin);
    expect(resolveAppFile(outDir, workerUrl.href)).toEqual({ kind: 'file', path: join(outDir, workerUrl.pathname) });
    const response = await createAppProtocolHandler(outDir)(new Request(workerUrl.href));
    expect(response.status).toBe(200);
    // Module workers are refused unless served with a JavaScript MIME type.
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(workerSources(CONTENT_SECURITY_POLICY)).toContain("'self'");
    expect(await response.text()).toContain('replace-covered-months');
  });
});
