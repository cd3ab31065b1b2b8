import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../src/main/core/core';
import { newToken } from '../src/main/http/security';
import { createHttpHost } from '../src/main/http/server';
import { tempDir } from './support/hosts';

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Raw HTTP so the test controls Host and Origin exactly (fetch would not let it). */
function raw(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
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
  const api = (headers: Record<string, string>, body = '{}') => raw(port, '/api/agreements.list', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

  beforeAll(async () => {
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>SLA Workshop</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dataDir, 'secret.txt'), 'do not serve');
    core = createCore({ dataDir, appVersion: 'test', host: 'browser' });
    host = createHttpHost({ dispatch: core.dispatch, token, rendererDir });
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
});
