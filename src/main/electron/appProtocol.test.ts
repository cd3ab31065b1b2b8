import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/headers';
import { APP_SCHEME_PRIVILEGES, APP_START_URL, createAppProtocolHandler, mimeTypeFor, resolveAppFile } from './appProtocol';
import { useTempDirs } from '../../../test/support/tempDirs';

const tempDir = useTempDirs();

vi.mock('electron', () => ({}));

let root: string;
beforeAll(() => {
  const parent = tempDir('sla-proto-');
  root = join(parent, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>SLA</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(parent, 'secret.txt'), 'outside the renderer');
});

describe('the app: scheme', () => {
  it('is standard and secure, with fetch, and no CSP bypass, service workers or CORS opening', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeFalsy();
    expect(APP_SCHEME_PRIVILEGES.privileges?.allowServiceWorkers).toBeFalsy();
    expect(APP_SCHEME_PRIVILEGES.privileges?.corsEnabled).toBeFalsy();
    expect(APP_START_URL).toBe('app://sla/index.html');
  });
});

describe('the protocol file resolver', () => {
  it('maps our URLs to files inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://sla/index.html')).toEqual({ kind: 'file', path: join(root, 'index.html') });
    expect(resolveAppFile(root, 'app://sla/')).toEqual({ kind: 'file', path: join(root, 'index.html') });
    expect(resolveAppFile(root, 'app://sla/assets/app.js?v=1#x')).toEqual({ kind: 'file', path: join(root, 'assets', 'app.js') });
  });

  it('serves index.html for client-side routes (paths without an extension)', () => {
    expect(resolveAppFile(root, 'app://sla/workshop/42')).toEqual({ kind: 'file', path: join(root, 'index.html') });
  });

  it('refuses to leave the renderer folder, however the path is spelled', () => {
    for (const url of [
      'app://sla/..%2fsecret.txt',
      'app://sla/%2e%2e%2fsecret.txt',
      'app://sla/assets/..%2f..%2fsecret.txt',
      'app://sla/..%5csecret.txt',
      'app://sla/%2e%2e/%2e%2e/etc/passwd',
      'app://sla/index.html%00.png',
      'app://sla/%E0%A4%A',
    ]) {
      const resolved = resolveAppFile(root, url);
      if (resolved.kind === 'file') expect(resolved.path.startsWith(root), url).toBe(true);
      expect(resolved.kind === 'file' && resolved.path.endsWith('secret.txt'), url).toBe(false);
    }
    expect(resolveAppFile(root, 'app://sla/..%2fsecret.txt').kind).toBe('forbidden');
    expect(resolveAppFile(root, 'app://sla/index.html%00.png').kind).toBe('forbidden');
  });

  it('refuses other hosts, other schemes and methods other than GET and HEAD', () => {
    expect(resolveAppFile(root, 'app://other/index.html').kind).toBe('forbidden');
    expect(resolveAppFile(root, 'file:///index.html').kind).toBe('forbidden');
    expect(resolveAppFile(root, 'app://sla/index.html', 'POST').kind).toBe('forbidden');
    expect(resolveAppFile(root, 'app://sla/index.html', 'HEAD').kind).toBe('file');
  });

  it('labels content by extension, with a safe default', () => {
    expect(mimeTypeFor('a.js')).toMatch(/^text\/javascript/);
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});

describe('the protocol handler', () => {
  it('serves the page with the same Content-Security-Policy as browser mode, and nosniff', async () => {
    const response = await createAppProtocolHandler(root)(new Request('app://sla/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>SLA</title>');
  });

  it('answers 404 for missing files and 403 for refused requests, never the file outside', async () => {
    const handle = createAppProtocolHandler(root);
    expect((await handle(new Request('app://sla/assets/missing.js'))).status).toBe(404);
    const escape = await handle(new Request('app://sla/..%2fsecret.txt'));
    expect(escape.status).toBe(403);
    expect(await escape.text()).not.toContain('outside the renderer');
  });
});
