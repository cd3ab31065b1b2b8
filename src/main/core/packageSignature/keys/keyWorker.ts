import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Key derivation off the event loop. scrypt (the passphrase protector) and PKCS#12 decryption (node-forge, pure
 * JavaScript, a MAC and one or two PBE decryptions, each up to a million iterations) would otherwise stall the
 * browser-mode server, the IPC host and every other request for as long as they run. Each job runs in its own
 * short-lived worker thread, which is terminated if it outlives JOB_TIMEOUT_MS.
 *
 * The worker's source is inline (`eval`) rather than a file: the same code then runs under tsx, vitest, the
 * bundled Electron main process and the CLI, with no worker file to locate. It needs only node:crypto and
 * node-forge, whose path the main thread resolves and hands over.
 */
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');

function pkcs12(forge, der, password) {
  const asn1 = () => forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(der).toString('binary')), { strict: false });
  let p12;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1(), false, password);
  } catch (error) {
    const message = error && error.message ? String(error.message) : '';
    // PBES2 derives its key from the password's UTF-8 bytes while the MAC uses its BMPString; forge feeds one
    // string to both, so a non-ASCII password passes the MAC (checked first) and fails decryption. Decrypt
    // again with the UTF-8 form, the MAC (already verified) left out.
    if (/[^\u0020-\u007E]/.test(password) && /decrypt/i.test(message)) {
      const withoutMac = asn1();
      if (Array.isArray(withoutMac.value)) withoutMac.value.splice(2);
      try {
        p12 = forge.pkcs12.pkcs12FromAsn1(withoutMac, false, forge.util.encodeUtf8(password));
      } catch {
        // fall through to the first error
      }
    }
    if (!p12) return { failure: /password|MAC could not be verified|decrypt/i.test(message) ? 'wrong_password' : 'unreadable', message: message.slice(0, 200) };
  }
  const derOf = (node) => Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
  const KEY = '1.2.840.113549.1.12.10.1.1', SHROUDED = '1.2.840.113549.1.12.10.1.2', CERT = '1.2.840.113549.1.12.10.1.3';
  const bags = (type) => p12.getBags({ bagType: type })[type] || [];
  const keys = [...bags(SHROUDED), ...bags(KEY)].flatMap((bag) =>
    bag.key ? [derOf(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)))] : bag.asn1 ? [derOf(bag.asn1)] : []);
  const certificates = bags(CERT).flatMap((bag) => {
    const node = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
    return node ? [derOf(node)] : [];
  });
  return { keys, certificates };
}

const job = workerData.job;
try {
  if (job.kind === 'scrypt') {
    parentPort.postMessage({ ok: true, value: scryptSync(job.passphrase, Buffer.from(job.salt), job.length, job.options) });
  } else if (job.kind === 'pkcs12') {
    parentPort.postMessage({ ok: true, value: pkcs12(require(workerData.forge), job.der, job.password) });
  } else {
    parentPort.postMessage({ ok: false, message: 'unknown job' });
  }
} catch (error) {
  parentPort.postMessage({ ok: false, message: String(error && error.message ? error.message : error).slice(0, 200) });
}
`;

/** Longer than the costliest input we accept (three PKCS#12 derivations at the iteration cap take ≈ 6 s here). */
export const JOB_TIMEOUT_MS = 30_000;

export type ScryptJob = { kind: 'scrypt'; passphrase: string; salt: Uint8Array; length: number; options: { N: number; r: number; p: number; maxmem: number } };
export type Pkcs12Job = { kind: 'pkcs12'; der: Uint8Array; password: string };
export type Pkcs12Contents = { keys: Uint8Array[]; certificates: Uint8Array[] } | { failure: 'wrong_password' | 'unreadable'; message: string };

/** The job failed inside the worker, the worker died, or it ran out of time. */
export class KeyJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyJobError';
  }
}

let forgeEntry: string | null = null;
/** node-forge's entry file. In a packaged app it is unpacked from the asar archive (electron-builder.config.cjs), as a worker may not read inside one. */
function forgePath(): string {
  if (forgeEntry) return forgeEntry;
  const resolved = createRequire(import.meta.url).resolve('node-forge');
  const unpacked = resolved.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
  forgeEntry = unpacked !== resolved && existsSync(unpacked) ? unpacked : resolved;
  return forgeEntry;
}

function run<T>(job: ScryptJob | Pkcs12Job): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { job, forge: job.kind === 'pkcs12' ? forgePath() : null } });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(new KeyJobError('Key derivation took too long'))), JOB_TIMEOUT_MS);
    worker.once('message', (reply: { ok: boolean; value?: T; message?: string }) =>
      settle(() => (reply.ok ? resolve(reply.value as T) : reject(new KeyJobError(reply.message ?? 'failed')))),
    );
    worker.once('error', (error) => settle(() => reject(new KeyJobError(error.message))));
    worker.once('exit', (code) => settle(() => reject(new KeyJobError(`The key worker stopped (${code})`))));
  });
}

/** scrypt in a worker thread; resolves to the derived key. */
export async function scryptInWorker(passphrase: string, salt: Uint8Array, length: number, options: ScryptJob['options']): Promise<Buffer> {
  const key = await run<Uint8Array>({ kind: 'scrypt', passphrase, salt, length, options });
  return Buffer.from(key);
}

/** Opens a PKCS#12 file in a worker thread: its keys (PKCS#8 DER) and certificates (DER), or why not. */
export function openPkcs12InWorker(der: Uint8Array, password: string): Promise<Pkcs12Contents> {
  return run<Pkcs12Contents>({ kind: 'pkcs12', der, password });
}
