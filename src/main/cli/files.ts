import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import { LIMITS } from '../../shared/model/limits';
import { CliFailure, type Message } from './context';
import { isTranslationKey, type TranslationKey } from '../../shared/i18n';

const errorCode = (error: unknown): string | null => (error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null);

const KNOWN_FS_CODES = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ENOSPC', 'EROFS', 'EFBIG', 'EDQUOT']);

/** A file-system error as a translatable reason ("it does not exist", "permission denied", …). */
function fsFailure(key: 'cli.errors.cannotRead' | 'cli.errors.cannotWrite', file: string, error: unknown): CliFailure {
  const code = errorCode(error) ?? 'EIO';
  if (key === 'cli.errors.cannotWrite' && code === 'ENOENT')
    return new CliFailure({ key, params: { file }, nested: { reason: { key: 'cli.fsReason.noFolder' } } });
  const known = `cli.fsReason.${code}`;
  const reason: Message =
    KNOWN_FS_CODES.has(code) && isTranslationKey(known) ? { key: known } : { key: 'cli.fsReason.other', params: { code: code.slice(0, 32) } };
  return new CliFailure({ key, params: { file }, nested: { reason } });
}

/** What a path is when it is not a regular file, as a reason key: a folder, a named pipe, a device, a socket, a link. */
function notFileReason(stat: Stats): TranslationKey {
  if (stat.isDirectory()) return 'cli.fsReason.EISDIR';
  if (stat.isFIFO()) return 'cli.fsReason.fifo';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'cli.fsReason.device';
  if (stat.isSocket()) return 'cli.fsReason.socket';
  if (stat.isSymbolicLink()) return 'cli.fsReason.symlink';
  return 'cli.fsReason.notFile';
}

const notAFile = (key: 'cli.errors.cannotRead' | 'cli.errors.notRegularOutput', file: string, stat: Stats) =>
  new CliFailure({ key, params: { file }, nested: { reason: { key: notFileReason(stat) } } });

/** O_NONBLOCK where the platform has it: opening a FIFO for reading then returns at once instead of waiting for a writer. */
const OPEN_READ = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a whole file, refusing anything larger than `limit`: the size is checked before anything is read, and
 * the read itself stops one byte past the limit, so a huge (or growing) file never fills memory.
 */
export function readFileBounded(file: string, limit: number, tooLarge: () => CliFailure): Buffer {
  // A named pipe, a device or a socket is refused before it is opened (opening some has effects of its own)…
  let before: Stats;
  try {
    before = statSync(file);
  } catch (error) {
    throw fsFailure('cli.errors.cannotRead', file, error);
  }
  if (!before.isFile()) throw notAFile('cli.errors.cannotRead', file, before);
  // …and checked again on what was actually opened, without blocking, in case it was swapped meanwhile.
  let fd: number;
  try {
    fd = openSync(file, OPEN_READ);
  } catch (error) {
    throw fsFailure('cli.errors.cannotRead', file, error);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw notAFile('cli.errors.cannotRead', file, stat);
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
 * Writes a whole file, never leaving half of one behind and never replacing anything but a regular file.
 *
 * The content goes to a temporary file in the same folder, is flushed to disk (fsync), and only then takes
 * the target's name: with `force` by a rename (atomic: readers see the old file or the new one), without it
 * by a hard link, which fails if the name was taken meanwhile (so an existing file is never overwritten,
 * even by a race). If anything fails — a full disk, a size limit — the temporary file is removed and the
 * target is as it was. `force` refuses a target that is a folder, a device (`/dev/full`), a named pipe, a
 * socket or a symbolic link: those are not files this command made, and replacing them would break
 * something else.
 */
export function writeOutputFile(file: string, content: string | Uint8Array, force: boolean): void {
  let existing: Stats | null = null;
  try {
    existing = lstatSync(file);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw fsFailure('cli.errors.cannotWrite', file, error);
  }
  if (existing && !force) throw new CliFailure({ key: 'cli.errors.exists', params: { file } });
  if (existing && !existing.isFile()) throw notAFile('cli.errors.notRegularOutput', file, existing);

  const folder = dirname(file);
  const temp = join(folder, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeDurably(temp, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    if (force) renameSync(temp, file);
    else placeWithoutReplacing(temp, file);
    syncFolder(folder);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw new CliFailure({ key: 'cli.errors.exists', params: { file } });
    throw fsFailure('cli.errors.cannotWrite', file, error);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Creates `path` (it must not exist), writes every byte, and flushes it to disk before returning. */
function writeDurably(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'wx');
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Gives `temp` the name `file` only if that name is free; file systems without hard links get a checked rename. */
function placeWithoutReplacing(temp: string, file: string): void {
  try {
    linkSync(temp, file);
    unlinkSync(temp);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST' || (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV')) throw error;
    if (lstatExists(file)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    renameSync(temp, file);
  }
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Makes the new name durable; platforms that cannot open a folder for that (Windows) skip it. */
function syncFolder(folder: string): void {
  let fd: number;
  try {
    fd = openSync(folder, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // EISDIR / EINVAL where folders cannot be synced.
  } finally {
    closeSync(fd);
  }
}
