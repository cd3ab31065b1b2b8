import { describe, expect, it } from 'vitest';
import { createTranslator, describeError } from '../../shared/i18n';
import { storageError } from './storageError';

const withCode = (code: string) => Object.assign(new Error('boom'), { code });

describe('storageError', () => {
  it('turns SQLite and file-system codes into a typed storage error that names the code', () => {
    expect(storageError(withCode('SQLITE_READONLY_DIRECTORY'))?.toJSON()).toMatchObject({ kind: 'storage', params: { detail: 'SQLITE_READONLY_DIRECTORY' } });
    expect(storageError(withCode('ENOSPC'))?.toJSON()).toMatchObject({ kind: 'storage', params: { detail: 'ENOSPC' } });
  });

  it('says in words when the folder or file is read-only, or the disk full — not a bare code', () => {
    const en = createTranslator('en');
    const es = createTranslator('es');
    const say = (code: string) => describeError(en, storageError(withCode(code))!.toJSON());
    for (const code of ['SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY', 'EROFS', 'EACCES', 'EPERM']) {
      expect(storageError(withCode(code))?.toJSON(), code).toMatchObject({ params: { detail: code, reason: 'storage_read_only' } });
      expect(say(code), code).toBe(
        `The data folder or its database file is read-only (${code}), so nothing can be saved. Make it writable again; nothing already saved was lost.`,
      );
    }
    for (const code of ['SQLITE_FULL', 'ENOSPC', 'EDQUOT'])
      expect(say(code), code).toBe(`The disk is full (${code}), so nothing more can be saved. Free some space and try again; nothing already saved was lost.`);
    expect(describeError(es, storageError(withCode('SQLITE_READONLY'))!.toJSON())).toBe(
      'La carpeta de datos o el archivo de la base de datos es de solo lectura (SQLITE_READONLY), así que no se puede guardar nada. Vuelve a permitir la escritura; no se perdió nada de lo ya guardado.',
    );
    expect(say('SQLITE_IOERR_WRITE')).toBe('The data could not be saved or read (SQLITE_IOERR_WRITE). Nothing already saved was lost.');
  });

  it('leaves other errors alone', () => {
    expect(storageError(new Error('plain'))).toBeNull();
    expect(storageError(withCode('ERR_SOMETHING'))).toBeNull();
    expect(storageError('not an error')).toBeNull();
  });
});
