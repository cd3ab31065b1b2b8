import { describe, expect, it } from 'vitest';
import { storageError } from './storageError';

const withCode = (code: string) => Object.assign(new Error('boom'), { code });

describe('storageError', () => {
  it('turns SQLite and file-system codes into a typed storage error that names the code', () => {
    expect(storageError(withCode('SQLITE_READONLY_DIRECTORY'))?.toJSON()).toMatchObject({ kind: 'storage', params: { detail: 'SQLITE_READONLY_DIRECTORY' } });
    expect(storageError(withCode('ENOSPC'))?.toJSON()).toMatchObject({ kind: 'storage', params: { detail: 'ENOSPC' } });
  });

  it('leaves other errors alone', () => {
    expect(storageError(new Error('plain'))).toBeNull();
    expect(storageError(withCode('ERR_SOMETHING'))).toBeNull();
    expect(storageError('not an error')).toBeNull();
  });
});
