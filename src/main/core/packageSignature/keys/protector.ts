import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../../../../shared/api/errors';
import { scryptInWorker } from './keyWorker';

/**
 * How the private key is kept encrypted at rest. The Electron shell plugs `safeStorage` (the OS keychain:
 * Keychain, DPAPI, libsecret/kwallet) as kind 'safeStorage'; the CLI and browser mode use a passphrase.
 * `decrypt` throws (or rejects with) an AppError when the bytes cannot be opened (wrong passphrase, other user
 * or machine). The passphrase protector answers asynchronously: its key derivation runs in a worker thread.
 */
export interface KeyProtector {
  kind: 'safeStorage' | 'passphrase';
  encrypt(plain: Buffer): Buffer | Promise<Buffer>;
  decrypt(sealed: Buffer): Buffer | Promise<Buffer>;
}

const MAGIC = Buffer.from('SLAK', 'latin1');
const VERSION = 1;
const SALT = 16;
const IV = 12;
const TAG = 16;
/** scrypt cost: 2^15 × 8 × 1 ≈ 32 MiB and ~0.1 s per open — paid once per signing session. */
const LOG_N = 15;
const R = 8;
const P = 1;

/** scrypt in a worker thread (keyWorker.ts): ≈ 0.1 s of CPU that must not stall the server's event loop. */
function keyFrom(passphrase: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** logN;
  return scryptInWorker(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
}

/**
 * A passphrase protector: scrypt derives an AES-256-GCM key from the passphrase and a random salt. Layout:
 * "SLAK" | version | log2 N | r | p | salt (16) | iv (12) | tag (16) | ciphertext — the cost travels with
 * the data, so it can be raised later without breaking older files.
 */
export function createPassphraseProtector(passphrase: string): KeyProtector {
  if (passphrase.length === 0) throw new AppError('invalid_input', 'An empty passphrase cannot protect a key', { reason: 'empty_passphrase' });
  return {
    kind: 'passphrase',
    async encrypt(plain) {
      const salt = randomBytes(SALT);
      const iv = randomBytes(IV);
      const cipher = createCipheriv('aes-256-gcm', await keyFrom(passphrase, salt, LOG_N, R, P), iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([MAGIC, Buffer.from([VERSION, LOG_N, R, P]), salt, iv, cipher.getAuthTag(), body]);
    },
    async decrypt(sealed) {
      const header = MAGIC.length + 4;
      const [version, logN, r, p] = [...sealed.subarray(MAGIC.length, header)];
      const usable =
        sealed.length > header + SALT + IV + TAG &&
        sealed.subarray(0, MAGIC.length).equals(MAGIC) &&
        version === VERSION &&
        logN !== undefined &&
        logN >= 10 &&
        logN <= 20 &&
        r !== undefined &&
        r >= 1 &&
        r <= 32 &&
        p !== undefined &&
        p >= 1 &&
        p <= 4 &&
        // scrypt needs 128·N·r bytes: a file asking for more than 256 MiB is not one we wrote (we use 32 MiB).
        2 ** logN * r <= 2 ** 21;
      if (!usable) throw new AppError('storage', 'The protected key has an unknown format', { reason: 'identity_corrupt' });
      const salt = sealed.subarray(header, header + SALT);
      const iv = sealed.subarray(header + SALT, header + SALT + IV);
      const tag = sealed.subarray(header + SALT + IV, header + SALT + IV + TAG);
      const key = await keyFrom(passphrase, salt, logN, r, p);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(sealed.subarray(header + SALT + IV + TAG)), decipher.final()]);
      } catch {
        throw new AppError('unauthorized', 'The passphrase does not open the signing key', { reason: 'wrong_passphrase' });
      }
    },
  };
}
