import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../src/shared/api/client';
import { createCore, type Core } from '../../src/main/core/core';
import { MAX_PKCS12_ITERATIONS } from '../../src/main/core/packageSignature/keys/pkcs12Costs';
import { newToken } from '../../src/main/http/security';
import { createHttpHost } from '../../src/main/http/server';
import { createHttpTransport } from '../../src/renderer/api/httpTransport';
import { issueCertificate, withIterationCounts } from '../packageSignature/pki';
import { recordFigures } from '../support/figures';
import { useTempDirs } from '../support/tempDirs';

/**
 * Hostile signing keys: a .p12 that asks for absurd key-derivation work is refused before any is done, and
 * the work a legitimate one asks for (and scrypt, for the passphrase) runs off the event loop, so the
 * browser-mode server keeps answering everyone else meanwhile.
 */
const tempDir = useTempDirs();
const figures: Record<string, number | string> = {};
afterAll(() => recordFigures('hostile-keys', figures));

let core: Core;
let client: ApiClient;
/** Made before the server starts: forge blocks this process while it pays the iterations once. */
let costly: Buffer;
let close: () => Promise<void>;

beforeAll(async () => {
  costly = costlyP12(150_000, 'p12 password');
  core = createCore({ dataDir: tempDir('sla-keys-http-'), appVersion: '9.9.9-hostile', host: 'browser' });
  const token = newToken();
  const host = createHttpHost({ dispatch: core.dispatch, token });
  const port = await host.listen();
  client = createApiClient(createHttpTransport(`http://127.0.0.1:${port}`, token));
  close = async () => {
    await host.close();
    core.close();
  };
}, 120_000);
afterAll(async () => {
  await close();
});

/** A real .p12 whose MAC and key encryption each cost `count` iterations (forge pays them once here, to make it). */
function costlyP12(count: number, password: string): Buffer {
  const holder = issueCertificate('Costly Org');
  const asn1 = forge.pkcs12.toPkcs12Asn1(forge.pki.privateKeyFromPem(holder.privateKeyPem), [forge.pki.certificateFromPem(holder.certificatePem)], password, {
    algorithm: 'aes256',
    count,
  });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

describe('hostile keys', () => {
  it('refuses a .p12 asking for billions of iterations at once, and the server is not held up', async () => {
    const holder = issueCertificate('Hostile Org');
    const asn1 = forge.pkcs12.toPkcs12Asn1(forge.pki.privateKeyFromPem(holder.privateKeyPem), [forge.pki.certificateFromPem(holder.certificatePem)], 'pw', {
      algorithm: 'aes256',
    });
    const file = withIterationCounts(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), { mac: 4_000_000_000n, pbe: 4_000_000_000n });
    const started = performance.now();
    const reply = await client.send('signingKeys.importP12', { base64: file.toString('base64'), password: 'pw', passphrase: 'a passphrase' });
    figures.p12_absurd_iterations_refused_ms = Math.round(performance.now() - started);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid_file', params: { reason: 'p12_too_costly' } } });
    expect(await client.call('signingKeys.list', {})).toMatchObject({ keys: [] });
    figures.p12_iteration_cap = MAX_PKCS12_ITERATIONS;
  });

  it('keeps answering other requests while a legitimate .p12 is being opened', async () => {
    let pending = true;
    const importing = client
      .call('signingKeys.importP12', { base64: costly.toString('base64'), password: 'p12 password', passphrase: 'a passphrase' })
      .finally(() => {
        pending = false;
      });
    let answered = 0;
    let longestWait = 0;
    while (pending) {
      const asked = performance.now();
      await client.call('app.info', {});
      longestWait = Math.max(longestWait, performance.now() - asked);
      if (pending) answered += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await importing).toMatchObject({ source: 'imported', organization: 'Costly Org', subject: expect.stringContaining('Costly Org') });
    figures.requests_answered_during_p12_derivation = answered;
    figures.longest_request_wait_during_derivation_ms = Math.round(longestWait);
    // Derived on the event loop, not one request would have been answered until the import finished.
    expect(answered).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
