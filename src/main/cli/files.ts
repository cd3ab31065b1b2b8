import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import { LIMITS } from '../../shared/model/limits';
import { CliFailure } from './context';

const errorCode = (error: unknown): string | null =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;

const KNOWN_FS_CODES = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ENOSPC', 'EROFS']);

/** A file-system error as a translatable reason ("it does not exist", "permission denied", …). */
function fsFailure(key: 'cli.errors.cannotRead' | 'cli.errors.cannotWrite', file: string, error: unknown): CliFailure {
  const code = errorCode(error) ?? 'EIO';
  if (key === 'cli.errors.cannotWrite' && code === 'ENOENT') return new CliFailure({ key, params: { file }, nested: { reason: { key: 'cli.fsReason.noFolder' } } });
  const reason = KNOWN_FS_CODES.has(code) ? { key: `cli.fsReason.${code}` } : { key: 'cli.fsReason.other', params: { code: code.slice(0, 32) } };
  return new CliFailure({ key, params: { file }, nested: { reason } });
}

/**
 * Reads a whole file, refusing anything larger than `limit`: the size is checked before anything is read, and
 * the read itself stops one byte past the limit, so a huge (or growing) file never fills memory.
 */
export function readFileBounded(file: string, limit: number, tooLarge: () => CliFailure): Buffer {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw fsFailure('cli.errors.cannotRead', file, error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new CliFailure({ key: 'cli.errors.cannotRead', params: { file }, nested: { reason: { key: 'cli.fsReason.EISDIR' } } });
    if (!stat.isFile()) throw new CliFailure({ key: 'cli.errors.cannotRead', params: { file }, nested: { reason: { key: 'cli.fsReason.notFile' } } });
    if (stat.size > limit) throw tooLarge();
    const buffer = Buffer.alloc(Math.min(stat.size, limit) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > limit) throw tooLarge();
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof CliFailure) throw error;
    throw fsFailure('cli.errors.cannotRead', file, error);
  } finally {
    closeSync(fd);
  }
}

/** Reads an agreement file as UTF-8 text, within the .slaw size limit. */
export function readSlawFile(file: string): string {
  const tooLarge = () => new CliFailure({ apiError: new AppError('too_large', 'File too large', { limit: LIMITS.slawBytes }).toJSON() });
  const bytes = readFileBounded(file, LIMITS.slawBytes, tooLarge);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliFailure({ key: 'cli.errors.notUtf8', params: { file } });
  }
}

/**
 * Writes a whole file. Without `force` an existing file is refused (atomically, with O_EXCL). With `force`
 * the content goes to a temporary sibling first and is renamed over the target, so a crash midway never
 * leaves a half-written file where a good one used to be.
 */
export function writeOutputFile(file: string, content: string | Uint8Array, force: boolean): void {
  if (!force) {
    try {
      writeFileSync(file, content, { flag: 'wx' });
      return;
    } catch (error) {
      if (errorCode(error) === 'EEXIST') throw new CliFailure({ key: 'cli.errors.exists', params: { file } });
      throw fsFailure('cli.errors.cannotWrite', file, error);
    }
  }
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, content, { flag: 'wx' });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw fsFailure('cli.errors.cannotWrite', file, error);
  }
}
