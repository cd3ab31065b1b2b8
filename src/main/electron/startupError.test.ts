import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { startupApiError, startupErrorText } from './startupError';

vi.mock('electron', () => ({}));

const newer = new AppError('db_newer_version', 'Database version 9 is newer than this app supports (2)', { found: 9, supported: 2 });
const sqlite = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('a start-up failure', () => {
  it('from a newer database is explained in the system language, with both versions', () => {
    const en = startupErrorText(newer, 'en-US');
    expect(en.title).toBe('SLA Workshop');
    expect(en.message).toContain('newer version');
    expect(en.message).toContain('9');
    const es = startupErrorText(newer, 'es-ES');
    expect(es.message).not.toBe(en.message);
    expect(es.message).toContain('9');
  });

  it('from SQLite, the file system or a native module for the wrong ABI is a storage error naming the code', () => {
    expect(startupApiError(sqlite)).toMatchObject({ kind: 'storage', params: { detail: 'SQLITE_BUSY' } });
    expect(startupApiError(Object.assign(new Error('x'), { code: 'EACCES' }))).toMatchObject({ kind: 'storage', params: { detail: 'EACCES' } });
    expect(startupApiError(Object.assign(new Error('x'), { code: 'ERR_DLOPEN_FAILED' }))).toMatchObject({
      kind: 'storage',
      params: { detail: 'ERR_DLOPEN_FAILED' },
    });
    expect(startupErrorText(sqlite, 'en').message).toContain('SQLITE_BUSY');
  });

  it('of any other kind says nothing internal', () => {
    expect(startupApiError(new Error('secret stack detail'))).toEqual({ kind: 'internal', message: 'Unexpected internal error' });
    expect(startupErrorText(new Error('secret stack detail'), 'en').message).not.toContain('secret');
  });
});
