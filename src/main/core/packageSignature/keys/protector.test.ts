import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors';
import { createPassphraseProtector } from './protector';

describe('the passphrase protector', () => {
  const secret = Buffer.from('-----BEGIN PRIVATE KEY-----\nsecret\n-----END PRIVATE KEY-----\n');

  it('opens what it sealed, with a fresh salt and IV each time', () => {
    const protector = createPassphraseProtector('correct horse battery staple');
    const a = protector.encrypt(secret);
    const b = protector.encrypt(secret);
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from('secret'))).toBe(false);
    expect(protector.decrypt(a).equals(secret)).toBe(true);
    expect(createPassphraseProtector('correct horse battery staple').decrypt(b).equals(secret)).toBe(true);
  });

  it('refuses a wrong passphrase, tampered bytes and an empty passphrase with typed errors', () => {
    const sealed = createPassphraseProtector('right').encrypt(secret);
    const kind = (fn: () => unknown) => {
      try {
        fn();
        return null;
      } catch (error) {
        return error instanceof AppError ? [error.kind, error.params?.reason] : String(error);
      }
    };
    expect(kind(() => createPassphraseProtector('wrong').decrypt(sealed))).toEqual(['unauthorized', 'wrong_passphrase']);
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    expect(kind(() => createPassphraseProtector('right').decrypt(flipped))).toEqual(['unauthorized', 'wrong_passphrase']);
    expect(kind(() => createPassphraseProtector('right').decrypt(Buffer.from('garbage')))).toEqual(['storage', 'identity_corrupt']);
    expect(kind(() => createPassphraseProtector(''))).toEqual(['invalid_input', 'empty_passphrase']);
  });
});
