import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors';
import { createPassphraseProtector } from './protector';

describe('the passphrase protector', () => {
  const secret = Buffer.from('-----BEGIN PRIVATE KEY-----\nsecret\n-----END PRIVATE KEY-----\n');

  it('opens what it sealed, with a fresh salt and IV each time', async () => {
    const protector = createPassphraseProtector('correct horse battery staple');
    const a = await protector.encrypt(secret);
    const b = await protector.encrypt(secret);
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from('secret'))).toBe(false);
    expect((await protector.decrypt(a)).equals(secret)).toBe(true);
    expect((await createPassphraseProtector('correct horse battery staple').decrypt(b)).equals(secret)).toBe(true);
  });

  it('derives its key off the event loop: timers keep firing while scrypt runs', async () => {
    const protector = createPassphraseProtector('a long passphrase');
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    try {
      await protector.encrypt(secret);
    } finally {
      clearInterval(timer);
    }
    // scrypt with 32 MiB takes tens of milliseconds at least; on the event loop no tick could happen meanwhile.
    expect(ticks).toBeGreaterThan(0);
  });

  it('refuses a wrong passphrase, tampered bytes, an absurd cost and an empty passphrase with typed errors', async () => {
    const sealed = await createPassphraseProtector('right').encrypt(secret);
    const kind = async (fn: () => unknown) => {
      try {
        await fn();
        return null;
      } catch (error) {
        return error instanceof AppError ? [error.kind, error.params?.reason] : String(error);
      }
    };
    expect(await kind(() => createPassphraseProtector('wrong').decrypt(sealed))).toEqual(['unauthorized', 'wrong_passphrase']);
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    expect(await kind(() => createPassphraseProtector('right').decrypt(flipped))).toEqual(['unauthorized', 'wrong_passphrase']);
    expect(await kind(() => createPassphraseProtector('right').decrypt(Buffer.from('garbage')))).toEqual(['storage', 'identity_corrupt']);
    // log2 N = 20 with r = 32 would ask scrypt for 4 GiB: not a file we wrote, refused before deriving anything.
    const costly = Buffer.from(sealed);
    costly[5] = 20;
    costly[6] = 32;
    expect(await kind(() => createPassphraseProtector('right').decrypt(costly))).toEqual(['storage', 'identity_corrupt']);
    expect(await kind(() => createPassphraseProtector(''))).toEqual(['invalid_input', 'empty_passphrase']);
  });
});
