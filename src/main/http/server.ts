import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { LIMITS } from '../../shared/model/limits';
import type { ApiError, Result } from '../../shared/api/errors';
import type { Dispatch } from '../core/dispatch';
import { CONTENT_SECURITY_POLICY, TOKEN_HEADER } from '../../shared/security/headers';
import { TOKEN_COOKIE, checkHostAndOrigin, cookieValue, createTokenThrottle, tokensEqual, type TokenThrottleOptions } from './security';

export interface HttpHostOptions {
  dispatch: Dispatch;
  token: string;
  /** Folder with the built renderer (index.html + assets); API only when absent. */
  rendererDir?: string;
  port?: number;
  /** How repeated bad tokens are slowed down (defaults: DEFAULT_TOKEN_THROTTLE); tests shorten it. */
  throttle?: Partial<TokenThrottleOptions>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

/** JSON bodies may carry a whole .slaw (escaped, so up to ~2× its size) plus the envelope. */
const MAX_BODY_BYTES = LIMITS.slawBytes * 2 + 64 * 1024;

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...extra,
  });
  res.end(body);
}

function sendResult(res: ServerResponse, status: number, result: Result<unknown>): void {
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
}

const refusal = (message: string): Result<unknown> => ({ ok: false, error: { kind: 'unauthorized', message } satisfies ApiError });
/** Each refusal that is not about who is asking says what it is about: a client can tell them apart. */
const failure = (kind: ApiError['kind'], message: string): Result<unknown> => ({ ok: false, error: { kind, message } satisfies ApiError });
const NOT_FOUND = failure('not_found', 'Not found');

/**
 * The API takes `application/json` only (a form or `text/plain` body could be sent by any page without a
 * preflight); parameters are allowed, but a charset other than UTF-8 is not what we decode.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => !param.startsWith('charset=') || /^charset="?utf-8"?$/.test(param));
}

/** Strict UTF-8: a body with an invalid byte is refused, never decoded with replacement characters. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    let ended = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped (not kept), so the client still gets its 413.
      if (size > MAX_BODY_BYTES) {
        tooBig = true;
        chunks.length = 0;
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      ended = true;
      resolveBody(tooBig ? null : Buffer.concat(chunks));
    });
    req.on('error', reject);
    req.on('close', () => {
      if (!ended) reject(new Error('Request aborted'));
    });
  });
}

/** A percent-decoded URL path, or null when it is not valid percent-encoding (never a thrown URIError). */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/**
 * Browser mode: the renderer and the API on 127.0.0.1 only. Every request needs the per-launch token
 * (query on first load → HttpOnly cookie for assets; header for the API) and our own Host / Origin.
 */
export function createHttpHost(options: HttpHostOptions) {
  let port = 0;
  const rendererDir = options.rendererDir ? resolve(options.rendererDir) : undefined;

  const throttle = createTokenThrottle(options.throttle);
  /** Answers to bad tokens currently held back by the throttle. */
  const held = new Set<NodeJS.Timeout>();

  /** A missing or wrong token: 401 at once, or — after too many — 429 with Retry-After, after a delay. */
  function refuseToken(req: IncomingMessage, res: ServerResponse): void {
    const penalty = throttle.fail(req.socket.remoteAddress ?? 'unknown');
    if (!penalty) return sendResult(res, 401, refusal('Missing or wrong token'));
    const answer = () =>
      send(res, 429, JSON.stringify(refusal('Too many attempts with a wrong token')), 'application/json; charset=utf-8', {
        'Retry-After': String(penalty.retryAfterSeconds),
      });
    if (held.size >= throttle.options.maxPending) return answer();
    const timer = setTimeout(() => {
      held.delete(timer);
      if (!res.destroyed && !res.headersSent) answer();
    }, penalty.delayMs);
    held.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      held.delete(timer);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!checkHostAndOrigin(req, port)) return sendResult(res, 403, refusal('Foreign host or origin'));
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return sendResult(res, 400, { ok: false, error: { kind: 'invalid_input', message: 'Bad request URL' } });
    }
    const isApi = url.pathname.startsWith('/api/');
    // The token first, on every request whatever its method or path: nothing is answered without it.
    // The API takes it from a header only (a cookie would let other pages' forms ride along).
    const fromQuery = !isApi && tokensEqual(url.searchParams.get('token'), options.token);
    const authorised = isApi
      ? tokensEqual(req.headers[TOKEN_HEADER] as string | undefined, options.token)
      : fromQuery || tokensEqual(cookieValue(req, TOKEN_COOKIE), options.token);
    if (!authorised) return refuseToken(req, res);

    if (isApi) {
      // No CORS: a preflight (OPTIONS) or any other method is refused, and no Access-Control-* header is sent.
      if (req.method !== 'POST')
        return send(res, 405, JSON.stringify(failure('method_not_allowed', 'Method not allowed')), 'application/json; charset=utf-8', { Allow: 'POST' });
      if (!isJsonContentType(req.headers['content-type'])) return sendResult(res, 415, failure('unsupported_media_type', 'application/json only'));
      const bytes = await readBody(req);
      if (bytes === null)
        return sendResult(res, 413, { ok: false, error: { kind: 'too_large', message: 'Request too large', params: { limit: MAX_BODY_BYTES } } });
      let body: string;
      try {
        body = utf8.decode(bytes);
      } catch {
        return sendResult(res, 400, failure('invalid_input', 'Body is not UTF-8'));
      }
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        return sendResult(res, 400, { ok: false, error: { kind: 'invalid_input', message: 'Body is not JSON' } });
      }
      const name = decodePath(url.pathname.slice('/api/'.length));
      if (name === null) return sendResult(res, 400, { ok: false, error: { kind: 'invalid_input', message: 'Unknown operation' } });
      return sendResult(res, 200, await options.dispatch(name, input));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, JSON.stringify(failure('method_not_allowed', 'Method not allowed')), 'application/json; charset=utf-8', { Allow: 'GET, HEAD' });
    if (!rendererDir) return sendResult(res, 404, NOT_FOUND);

    const decoded = url.pathname === '/' ? 'index.html' : decodePath(url.pathname);
    if (decoded === null || decoded.includes('\0') || decoded.includes('\\')) return sendResult(res, 404, NOT_FOUND);
    const relative = decoded.replace(/^\/+/, '');
    const file = normalize(join(rendererDir, relative));
    if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) return sendResult(res, 404, NOT_FOUND);
    const headers: Record<string, string> = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Frame-Options': 'DENY' };
    if (fromQuery) headers['Set-Cookie'] = `${TOKEN_COOKIE}=${options.token}; HttpOnly; SameSite=Strict; Path=/`;
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      ...headers,
    });
    if (req.method === 'HEAD') return void res.end();
    // A file that vanishes between the check and the read must not become an unhandled 'error' (a crash).
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendResult(res, 500, { ok: false, error: { kind: 'internal', message: 'Unexpected internal error' } });
      else res.destroy();
    });
  });

  return {
    server,
    /** Listens on 127.0.0.1 only. Port 0 picks a free port. */
    listen(): Promise<number> {
      return new Promise((resolveListen, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, '127.0.0.1', () => {
          port = (server.address() as AddressInfo).port;
          resolveListen(port);
        });
      });
    },
    close(): Promise<void> {
      for (const timer of held) clearTimeout(timer);
      held.clear();
      return new Promise((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      });
    },
    url: () => `http://127.0.0.1:${port}/?token=${options.token}`,
  };
}
