import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../src/main/core/core';
import { createTokenThrottle, DEFAULT_TOKEN_THROTTLE, newToken, type TokenThrottleOptions } from '../src/main/http/security';
import type { Dispatch } from '../src/main/core/dispatch';
import { createHttpHost } from '../src/main/http/server';
import { recordFigures } from './support/figures';
import { tempDir } from './support/tempDirs';

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Raw HTTP so the test controls Host and Origin exactly (fetch would not let it). `host: null` sends none. */
function raw(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; host?: string | null } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const host = options.host === undefined ? { Host: `127.0.0.1:${port}` } : options.host === null ? {} : { Host: options.host };
    // An explicit length: Node sends a GET/DELETE/OPTIONS body unframed otherwise, which breaks keep-alive.
    const length = options.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(options.body)) };
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', setHost: false, headers: { ...host, ...length, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the browser-mode HTTP host', () => {
  const token = newToken();
  const dataDir = tempDir();
  const rendererDir = join(dataDir, 'renderer');
  let core: Core;
  let host: ReturnType<typeof createHttpHost>;
  let port: number;
  const api = (headers: Record<string, string>, body: string | Buffer = '{}') =>
    raw(port, '/api/agreements.list', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

  beforeAll(async () => {
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>SLA Workshop</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dataDir, 'secret.txt'), 'do not serve');
    core = createCore({ dataDir, appVersion: 'test', host: 'browser' });
    // This suite sends many bad tokens on purpose; the slow-down has its own suite below.
    host = createHttpHost({ dispatch: core.dispatch, token, rendererDir, throttle: { maxFailures: 1_000 } });
    port = await host.listen();
  });
  afterAll(async () => {
    await host.close();
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens on the loopback address only', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.url()).toBe(`http://127.0.0.1:${port}/?token=${token}`);
  });

  it('answers API calls that carry the token', async () => {
    const reply = await api({ 'X-SLA-Token': token });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: [] });
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    const attempts: Record<string, string>[] = [{}, { 'X-SLA-Token': 'wrong' }, { 'X-SLA-Token': `${token}x` }, { Cookie: `sla_token=${token}` }];
    for (const headers of attempts) {
      const reply = await api(headers);
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    }
  });

  it('refuses a foreign Host header (DNS rebinding) even with the right token', async () => {
    const reply = await api({ 'X-SLA-Token': token, Host: `evil.example:${port}` });
    expect(reply.status).toBe(403);
    expect((await api({ 'X-SLA-Token': token, Host: '127.0.0.1:1' })).status).toBe(403);
  });

  it('refuses a foreign Origin and cross-site fetches, accepts our own origin', async () => {
    expect((await api({ 'X-SLA-Token': token, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api({ 'X-SLA-Token': token, Origin: `http://127.0.0.1:${port + 1}` })).status).toBe(403);
    expect((await api({ 'X-SLA-Token': token, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await api({ 'X-SLA-Token': token, Origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect((await api({ 'X-SLA-Token': token, Origin: `http://localhost:${port}`, Host: `localhost:${port}` })).status).toBe(200);
  });

  it('sends no permissive CORS headers', async () => {
    const reply = await api({ 'X-SLA-Token': token, Origin: `http://127.0.0.1:${port}` });
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the page only with the token, then the assets through an HttpOnly cookie', async () => {
    expect((await raw(port, '/')).status).toBe(401);
    expect((await raw(port, '/?token=nope')).status).toBe(401);
    const page = await raw(port, `/?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect((await raw(port, '/assets/app.js')).status).toBe(401);
    const asset = await raw(port, '/assets/app.js', { headers: { Cookie: `sla_token=${token}` } });
    expect([asset.status, asset.body]).toEqual([200, 'console.log(1)']);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const reply = await raw(port, path, { headers: { Cookie: `sla_token=${token}` } });
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('do not serve');
    }
  });

  it('answers a body that is not JSON with a typed error, not a crash', async () => {
    const reply = await api({ 'X-SLA-Token': token }, '{oops');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
  });

  it('requires the token on every request, whatever the method or the path', async () => {
    const paths = ['/', '/index.html', '/assets/app.js', '/no-such-file', '/api/agreements.list', '/api/no.such.op', '/../secret.txt'];
    for (const path of paths) {
      for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
        const reply = await raw(port, path, { method, headers: { 'Content-Type': 'application/json' }, ...(method === 'HEAD' ? {} : { body: '{}' }) });
        expect(reply.status, `${method} ${path}`).toBe(401);
        if (method !== 'HEAD') expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
      }
    }
    // A token in the query opens pages only; the API wants its header (a cookie or query token is not enough).
    expect(
      (await raw(port, `/api/agreements.list?token=${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status,
    ).toBe(401);
  });

  it('refuses CORS preflights and never sends an Access-Control-* header', async () => {
    const preflight = { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, x-sla-token' };
    const replies = [
      await raw(port, '/api/agreements.list', { method: 'OPTIONS', headers: { ...preflight, Origin: 'http://evil.example' } }),
      await raw(port, '/api/agreements.list', { method: 'OPTIONS', headers: { ...preflight, Origin: `http://127.0.0.1:${port}` } }),
      await raw(port, '/api/agreements.list', { method: 'OPTIONS', headers: { ...preflight, Origin: `http://127.0.0.1:${port}`, 'X-SLA-Token': token } }),
      await raw(port, '/', { method: 'OPTIONS', headers: { ...preflight, Cookie: `sla_token=${token}` } }),
      await api({ 'X-SLA-Token': token, Origin: `http://127.0.0.1:${port}` }),
      await api({ 'X-SLA-Token': token, Origin: 'http://evil.example' }),
      await raw(port, `/?token=${token}`, { headers: { Origin: `http://127.0.0.1:${port}` } }),
    ];
    expect(replies.map((r) => r.status)).toEqual([403, 401, 405, 405, 200, 403, 200]);
    expect(replies[2]?.headers.allow).toBe('POST');
    for (const reply of replies) expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('refuses a missing Host and look-alike hosts and origins', async () => {
    // Node itself answers 400 to an HTTP/1.1 request without Host, before our handler runs.
    const noHost = await raw(port, '/api/agreements.list', {
      method: 'POST',
      host: null,
      headers: { 'Content-Type': 'application/json', 'X-SLA-Token': token },
      body: '{}',
    });
    expect(noHost.status).toBe(400);
    expect(noHost.body).not.toContain('"ok":true');
    const refused: { host?: string | null; origin?: string }[] = [
      { host: '' },
      { host: '127.0.0.1' },
      { host: `localhost.evil.example:${port}` },
      { host: `127.0.0.1.nip.io:${port}` },
      { host: `[::1]:${port}` },
      { host: `0.0.0.0:${port}` },
      { origin: 'null' },
      { origin: `https://127.0.0.1:${port}` },
      { origin: `http://127.0.0.1:${port}.evil.example` },
      { origin: `http://127.0.0.1:${port}/` },
      { origin: `http://user@127.0.0.1:${port}` },
    ];
    for (const { host: hostHeader, origin } of refused) {
      const reply = await raw(port, '/api/agreements.list', {
        method: 'POST',
        ...(hostHeader === undefined ? {} : { host: hostHeader }),
        headers: { 'Content-Type': 'application/json', 'X-SLA-Token': token, ...(origin ? { Origin: origin } : {}) },
        body: '{}',
      });
      expect(reply.status, JSON.stringify({ hostHeader, origin })).toBe(403);
    }
    expect((await api({ 'X-SLA-Token': token, Host: `LOCALHOST:${port}` })).status).toBe(200);
  });

  it('cannot be reached on any address but 127.0.0.1', async () => {
    const others = ['127.0.0.2', '::1', ...Object.values(networkInterfaces()).flatMap((list) => (list ?? []).filter((i) => !i.internal).map((i) => i.address))];
    for (const address of others) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port }, () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
        socket.setTimeout(2_000, () => {
          socket.destroy();
          resolve('timeout');
        });
      });
      expect(outcome, address).not.toBe('connected');
    }
  });

  it('answers undecodable or odd paths with a typed refusal, never a crash or a file outside', async () => {
    const bad = await raw(port, '/api/%E0%A4%A', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-SLA-Token': token }, body: '{}' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    for (const path of ['/%E0%A4%A', '/assets/%00app.js', '/assets%5capp.js', '/%2e%2e%2fsecret.txt', '//etc/passwd', '/assets/', '/assets/app.js/']) {
      const reply = await raw(port, path, { headers: { Cookie: `sla_token=${token}` } });
      expect(reply.status, path).toBe(404);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    }
    expect((await api({ 'X-SLA-Token': token })).status).toBe(200);
  });

  /** The refusals fixed in #11, for `npm run reliability` (area `http-host`): counted as they happen. */
  const tally = { notFound: { held: 0, of: 0 }, methodNotAllowed: { held: 0, of: 0 }, mediaTypes: { held: 0, of: 0 }, utf8: { held: 0, of: 0 } };
  const count = (entry: { held: number; of: number }, held: boolean) => {
    entry.of += 1;
    if (held) entry.held += 1;
  };
  const fraction = ({ held, of }: { held: number; of: number }) => `${held}/${of}`;
  afterAll(() =>
    recordFigures('http-host', {
      not_found_typed: fraction(tally.notFound),
      method_not_allowed_typed: fraction(tally.methodNotAllowed),
      other_media_types_refused_415: fraction(tally.mediaTypes),
      invalid_utf8_bodies_refused: fraction(tally.utf8),
    }),
  );

  it('answers 404 and 405 with their own kinds, not as if the token were wrong', async () => {
    const missing = await raw(port, '/no-such-file.js', { headers: { Cookie: `sla_token=${token}` } });
    count(tally.notFound, missing.status === 404 && missing.body.includes('"not_found"'));
    expect([missing.status, JSON.parse(missing.body)]).toEqual([404, { ok: false, error: { kind: 'not_found', message: 'Not found' } }]);
    for (const [path, method, allow] of [
      ['/api/agreements.list', 'GET', 'POST'],
      ['/api/agreements.list', 'PUT', 'POST'],
      ['/index.html', 'POST', 'GET, HEAD'],
      ['/', 'DELETE', 'GET, HEAD'],
    ] as const) {
      const reply = await raw(port, path, {
        method,
        headers: { 'X-SLA-Token': token, Cookie: `sla_token=${token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      count(tally.methodNotAllowed, reply.status === 405 && reply.body.includes('"method_not_allowed"'));
      expect(reply.status, `${method} ${path}`).toBe(405);
      expect(reply.headers.allow).toBe(allow);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { kind: 'method_not_allowed' } });
    }
  });

  it('takes application/json only (415 with its own kind), in UTF-8, and refuses a body that is not valid UTF-8', async () => {
    for (const type of [
      'text/plain',
      'application/jsonx',
      'application/json-patch+json',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
      'multipart/form-data; boundary=application/json',
    ]) {
      const reply = await raw(port, '/api/agreements.list', { method: 'POST', headers: { 'Content-Type': type, 'X-SLA-Token': token }, body: '{}' });
      count(tally.mediaTypes, reply.status === 415 && reply.body.includes('"unsupported_media_type"'));
      expect(reply.status, type).toBe(415);
      expect(JSON.parse(reply.body), type).toMatchObject({ ok: false, error: { kind: 'unsupported_media_type' } });
    }
    const noType = await raw(port, '/api/agreements.list', { method: 'POST', headers: { 'X-SLA-Token': token }, body: '{}' });
    expect(noType.status).toBe(415);
    for (const type of ['application/json', 'Application/JSON', 'application/json; charset=utf-8', 'application/json;charset="UTF-8"']) {
      expect(
        (await raw(port, '/api/agreements.list', { method: 'POST', headers: { 'Content-Type': type, 'X-SLA-Token': token }, body: '{}' })).status,
        type,
      ).toBe(200);
    }
    // A search for "caf\xE9" (Latin-1, not UTF-8) and a lone continuation byte: refused, not read as "caf�".
    for (const body of [Buffer.from('{"query":"caf\xe9"}', 'latin1'), Buffer.concat([Buffer.from('{"query":"'), Buffer.from([0x80]), Buffer.from('"}')])]) {
      const reply = await api({ 'X-SLA-Token': token }, body);
      count(tally.utf8, reply.status === 400 && reply.body.includes('Body is not UTF-8'));
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { kind: 'invalid_input', message: 'Body is not UTF-8' } });
    }
    expect((await api({ 'X-SLA-Token': token }, Buffer.from('{"query":"café"}', 'utf8'))).status).toBe(200);
  });
});

describe('browser mode slows down repeated bad tokens', () => {
  const token = newToken();
  const dispatch: Dispatch = async () => ({ ok: true, value: [] });
  const hosts: ReturnType<typeof createHttpHost>[] = [];
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((h) => h.close()));
  });

  async function start(throttle: Partial<TokenThrottleOptions>): Promise<number> {
    const host = createHttpHost({ dispatch, token, throttle });
    hosts.push(host);
    return host.listen();
  }
  const call = (port: number, headers: Record<string, string> = {}) =>
    raw(port, '/api/agreements.list', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });
  async function timed<T>(work: Promise<T>): Promise<[T, number]> {
    const start = performance.now();
    const result = await work;
    return [result, performance.now() - start];
  }

  it('computes a delay that doubles up to the cap and a Retry-After for when the window frees up', () => {
    let now = 0;
    const throttle = createTokenThrottle({ now: () => now });
    const penalties = [];
    for (let i = 0; i < 16; i += 1) {
      penalties.push(throttle.fail('127.0.0.1'));
      now += 1_000;
    }
    expect(penalties.slice(0, 10)).toEqual(Array(10).fill(null));
    expect(penalties.slice(10).map((p) => p?.delayMs)).toEqual([250, 500, 1_000, 2_000, 4_000, 4_000]);
    // 11th failure at t=10 s: the 2nd failure (t=1 s) must leave the 60 s window first → 51 s.
    expect(penalties[10]?.retryAfterSeconds).toBe(51);
    expect(throttle.failures('127.0.0.1')).toBe(16);
    expect(throttle.failures('192.0.2.1')).toBe(0);
    now += 60_000;
    expect(throttle.failures('127.0.0.1')).toBe(0);
    expect(throttle.fail('127.0.0.1')).toBeNull();
  });

  it('by default answers 10 bad tokens a minute at once, then 429 with Retry-After after a delay', async () => {
    expect(DEFAULT_TOKEN_THROTTLE).toMatchObject({ maxFailures: 10, windowMs: 60_000 });
    const port = await start({});
    for (let i = 0; i < 10; i += 1) expect((await call(port, i % 2 ? { 'X-SLA-Token': 'wrong' } : {})).status).toBe(401);
    const [reply, elapsed] = await timed(call(port, { 'X-SLA-Token': 'still-wrong' }));
    expect(reply.status).toBe(429);
    expect(elapsed).toBeGreaterThanOrEqual(DEFAULT_TOKEN_THROTTLE.baseDelayMs - 5);
    const retryAfter = Number(reply.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect((await call(port, { 'X-SLA-Token': token })).status).toBe(200);
  });

  it('delays each further bad attempt longer, up to the cap', async () => {
    const port = await start({ maxFailures: 3, baseDelayMs: 60, maxDelayMs: 240 });
    for (let i = 0; i < 3; i += 1) expect((await call(port, { 'X-SLA-Token': `guess-${i}` })).status).toBe(401);
    const elapsed: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const [reply, ms] = await timed(call(port, { 'X-SLA-Token': `guess-${i}` }));
      expect(reply.status).toBe(429);
      elapsed.push(ms);
    }
    [60, 120, 240, 240].forEach((delay, i) => expect(elapsed[i], `attempt ${i + 4}`).toBeGreaterThanOrEqual(delay - 5));
    expect(elapsed[3]).toBeLessThan(240 + 1_000);
  });

  it('never slows a request that carries the right token, even while bad ones are held back', async () => {
    const port = await start({ maxFailures: 2, baseDelayMs: 800, maxDelayMs: 800 });
    for (let i = 0; i < 2; i += 1) expect((await call(port)).status).toBe(401);
    let badDone = false;
    const bad = call(port, { 'X-SLA-Token': 'wrong' }).then((r) => {
      badDone = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 5; i += 1) {
      const [good, ms] = await timed(call(port, { 'X-SLA-Token': token }));
      expect(good.status).toBe(200);
      expect(ms).toBeLessThan(400);
    }
    expect(badDone).toBe(false);
    expect((await bad).status).toBe(429);
  });

  it('counts and slows bad tokens on pages and assets too', async () => {
    const port = await start({ maxFailures: 3, baseDelayMs: 10, maxDelayMs: 10 });
    expect((await raw(port, '/')).status).toBe(401);
    expect((await raw(port, '/?token=nope')).status).toBe(401);
    expect((await raw(port, '/assets/app.js', { headers: { Cookie: 'sla_token=nope' } })).status).toBe(401);
    const reply = await raw(port, '/?token=again');
    expect(reply.status).toBe(429);
    expect(reply.headers['retry-after']).toMatch(/^\d+$/);
    expect((await call(port)).status).toBe(429);
  });

  it('forgets failures once they leave the window, and says when that will be', async () => {
    let now = 1_000_000;
    const port = await start({ maxFailures: 3, windowMs: 60_000, baseDelayMs: 5, maxDelayMs: 5, now: () => now });
    for (let i = 0; i < 3; i += 1) {
      expect((await call(port)).status).toBe(401);
      now += 1_000;
    }
    const throttled = await call(port);
    expect(throttled.status).toBe(429);
    // Failures at +0, +1, +2 s; the 4th at +3 s waits for the one at +1 s to leave the window: 58 s.
    expect(throttled.headers['retry-after']).toBe('58');
    now += 58_000;
    expect((await call(port)).status).toBe(401);
    // Attempts while throttled keep counting: hammering keeps the brake on.
    for (let i = 0; i < 3; i += 1) await call(port);
    now += 30_000;
    expect((await call(port)).status).toBe(429);
    now += 61_000;
    expect((await call(port)).status).toBe(401);
  });

  it('holds back only a few answers at once: a flood beyond gets 429 at once, and close() does not wait', async () => {
    const port = await start({ maxFailures: 1, baseDelayMs: 5_000, maxDelayMs: 5_000, maxPending: 2 });
    expect((await call(port)).status).toBe(401);
    const held = [call(port).catch(() => null), call(port).catch(() => null)];
    await new Promise((r) => setTimeout(r, 50));
    const [flood, ms] = await timed(call(port));
    expect(flood.status).toBe(429);
    expect(ms).toBeLessThan(1_000);
    const [, closing] = await timed(Promise.all(hosts.splice(0).map((h) => h.close())));
    expect(closing).toBeLessThan(1_000);
    await Promise.all(held);
  });
});
