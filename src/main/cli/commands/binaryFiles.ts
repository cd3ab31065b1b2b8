import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliFailure } from '../context';

/**
 * Binary counterparts of ../files.ts (which reads and writes UTF-8 text) for .docx files, with the same
 * translated reasons ("it does not exist", "part of the path is not a folder", …).
 */
const KNOWN_FS_CODES = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ENOSPC', 'EROFS']);

const errorCode = (error: unknown): string => (error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'EIO');

function fsFailure(key: 'cli.errors.cannotRead' | 'cli.errors.cannotWrite', file: string, error: unknown): CliFailure {
  const code = errorCode(error);
  if (key === 'cli.errors.cannotWrite' && code === 'ENOENT') return new CliFailure({ key, params: { file }, nested: { reason: { key: 'cli.fsReason.noFolder' } } });
  const reason = KNOWN_FS_CODES.has(code) ? { key: `cli.fsReason.${code}` } : { key: 'cli.fsReason.other', params: { code: code.slice(0, 32) } };
  return new CliFailure({ key, params: { file }, nested: { reason } });
}

/** Reads a whole file, refusing anything larger than `limit` before reading it (and while reading, should it grow). */
export function readBinaryFile(file: string, limit: number, tooLarge: () => CliFailure): Buffer {
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
    const buffer = Buffer.alloc(stat.size + 1);
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

/** Writes a whole file: refuses to replace one without `force`; with it, writes a sibling and renames it over. */
export function writeBinaryFile(file: string, bytes: Uint8Array, force: boolean): void {
  if (!force) {
    try {
      writeFileSync(file, bytes, { flag: 'wx' });
      return;
    } catch (error) {
      if (errorCode(error) === 'EEXIST') throw new CliFailure({ key: 'cli.errors.exists', params: { file } });
      throw fsFailure('cli.errors.cannotWrite', file, error);
    }
  }
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw fsFailure('cli.errors.cannotWrite', file, error);
  }
}
