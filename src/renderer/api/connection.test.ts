import { afterEach, describe, expect, it, vi } from 'vitest';
import { connection } from './connection';
import { createHttpTransport } from './httpTransport';

afterEach(() => connection.reset());

const reply = (status: number, body: unknown = { ok: true, value: {} }) => vi.fn(async () => new Response(JSON.stringify(body), { status }));

describe('whether this browser-mode tab can still reach its host', () => {
  it('marks the link expired on the first 401, for good', async () => {
    const seen: string[] = [];
    const off = connection.subscribe(() => seen.push(connection.status()));
    const transport = createHttpTransport(
      'http://127.0.0.1:1',
      'old-token',
      reply(401, { ok: false, error: { kind: 'unauthorized', message: 'Missing or wrong token' } }),
      connection,
    );
    expect(await transport('app.info', {})).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(connection.status()).toBe('expired');
    connection.answered(200);
    connection.unreachable();
    expect(connection.status()).toBe('expired');
    expect(seen).toEqual(['expired']);
    off();
  });

  it('treats the throttle’s 429 (repeated wrong tokens) as expired too', async () => {
    await createHttpTransport(
      'http://127.0.0.1:1',
      't',
      reply(429, { ok: false, error: { kind: 'unauthorized', message: 'Too many attempts' } }),
      connection,
    )('app.info', {});
    expect(connection.status()).toBe('expired');
  });

  it('says unreachable while the server is down, and ok again once it answers', async () => {
    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(createHttpTransport('http://127.0.0.1:1', 't', down, connection)('app.info', {})).rejects.toThrow('Failed to fetch');
    expect(connection.status()).toBe('unreachable');
    await createHttpTransport('http://127.0.0.1:1', 't', reply(200), connection)('app.info', {});
    expect(connection.status()).toBe('ok');
  });

  it('keeps ok for ordinary answers, errors included', async () => {
    await createHttpTransport(
      'http://127.0.0.1:1',
      't',
      reply(200, { ok: false, error: { kind: 'not_found', message: 'x' } }),
      connection,
    )('agreements.get', { id: 'x' });
    expect(connection.status()).toBe('ok');
  });
});
