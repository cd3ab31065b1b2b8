import type { CustomScheme } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/headers';

/**
 * The bundled renderer is served from `app://sla/` rather than file://: a standard, secure origin of its
 * own (so CSP 'self', fetch and module scripts behave as on the web) that can only reach files inside
 * out/renderer.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sla';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Must be registered before `app` is ready. No bypassCSP, no service workers, no CORS opening. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function mimeTypeFor(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type AppFileResolution = { kind: 'file'; path: string } | { kind: 'forbidden' };

/**
 * Maps a request URL to a file inside `rootDir`, or refuses it. Refused: other schemes or hosts, methods
 * other than GET/HEAD, undecodable or NUL/backslash-bearing paths, and anything resolving outside the
 * root (e.g. an encoded `..%2f`). Extension-less paths are client-side routes and get index.html.
 */
export function resolveAppFile(rootDir: string, requestUrl: string, method = 'GET'): AppFileResolution {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'forbidden' };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'forbidden' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { kind: 'forbidden' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'forbidden' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { kind: 'forbidden' };
  const root = resolve(rootDir);
  const relative = pathname === '' || pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const target = resolve(root, relative);
  if (!target.startsWith(root + sep)) return { kind: 'forbidden' };
  if (extname(target) === '') return { kind: 'file', path: resolve(root, 'index.html') };
  return { kind: 'file', path: target };
}

/** Headers on everything we serve; the CSP is the same one browser mode sends. */
export function appResponseHeaders(mime: string): Record<string, string> {
  return {
    'Content-Type': mime,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

/** The `protocol.handle` callback, free of electron imports so it runs under plain Node in tests. */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const resolved = resolveAppFile(rootDir, request.url, request.method);
    if (resolved.kind === 'forbidden') return new Response('Forbidden', { status: 403, headers: appResponseHeaders('text/plain; charset=utf-8') });
    try {
      const body = await readFile(resolved.path);
      const headers = appResponseHeaders(mimeTypeFor(resolved.path));
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
    } catch {
      return new Response('Not found', { status: 404, headers: appResponseHeaders('text/plain; charset=utf-8') });
    }
  };
}
