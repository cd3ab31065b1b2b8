import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

/**
 * Checks an SQLite file's 100-byte header and size before SQLite reads it (https://sqlite.org/fileformat.html),
 * so a cut or overwritten file is named for what it is rather than discovered by a failing query.
 */

export const SQLITE_MAGIC = 'SQLite format 3\u0000';
export const HEADER_BYTES = 100;

export type FileInspection =
  | { state: 'missing' }
  /** Zero bytes: what SQLite leaves before its first write. */
  | { state: 'empty' }
  | { state: 'sound'; pageSize: number; userVersion: number; size: number }
  /** A truncated file keeps `userVersion` when its header's first 64 bytes survived (a newer app's file is refused, not recovered). */
  | { state: 'damaged'; reason: 'truncated' | 'bad_header'; detail: string; userVersion?: number };

/** True when the write-ahead log next to `file` holds frames SQLite will replay on open. */
export function hasHotWal(file: string): boolean {
  try {
    return statSync(`${file}-wal`).size > 0;
  } catch {
    return false;
  }
}

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, buffer, 0, HEADER_BYTES, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * What the file looks like from the outside: the magic string, a sane page size and fixed header fields,
 * and — when no write-ahead log is waiting to be replayed — a length that is a whole number of pages and
 * at least what the header says the database holds.
 */
export function inspectDatabaseFile(file: string): FileInspection {
  if (!existsSync(file)) return { state: 'missing' };
  const size = statSync(file).size;
  if (size === 0) return { state: 'empty' };
  const header = readHeader(file);
  const magicOk = header.subarray(0, 16).toString('latin1') === SQLITE_MAGIC.slice(0, Math.min(16, header.length));
  if (header.length < HEADER_BYTES) {
    return magicOk
      ? {
          state: 'damaged',
          reason: 'truncated',
          detail: `file is ${size} bytes, shorter than the 100-byte header`,
          ...(header.length >= 64 ? { userVersion: header.readUInt32BE(60) } : {}),
        }
      : { state: 'damaged', reason: 'bad_header', detail: `file is ${size} bytes and does not start with the SQLite header` };
  }
  if (!magicOk) {
    return { state: 'damaged', reason: 'bad_header', detail: 'the file does not start with "SQLite format 3"' };
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    return { state: 'damaged', reason: 'bad_header', detail: `invalid page size ${rawPageSize}` };
  }
  const writeVersion = header[18];
  const readVersion = header[19];
  if ((writeVersion !== 1 && writeVersion !== 2) || (readVersion !== 1 && readVersion !== 2)) {
    return { state: 'damaged', reason: 'bad_header', detail: `invalid file format versions ${writeVersion}/${readVersion}` };
  }
  if (header[21] !== 64 || header[22] !== 32 || header[23] !== 32) {
    return { state: 'damaged', reason: 'bad_header', detail: 'invalid payload fractions' };
  }
  const userVersion = header.readUInt32BE(60);
  if (!hasHotWal(file)) {
    if (size % pageSize !== 0) {
      return { state: 'damaged', reason: 'truncated', detail: `file is ${size} bytes, not a whole number of ${pageSize}-byte pages`, userVersion };
    }
    const pages = header.readUInt32BE(28);
    const headerPagesValid = pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
    if (headerPagesValid && size < pages * pageSize) {
      return { state: 'damaged', reason: 'truncated', detail: `file is ${size} bytes; its header says ${pages} pages of ${pageSize} bytes`, userVersion };
    }
  }
  return { state: 'sound', pageSize, userVersion, size };
}
