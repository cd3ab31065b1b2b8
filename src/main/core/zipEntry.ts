import { promisify } from 'node:util';
import { crc32, inflateRaw, inflateRawSync, type ZlibOptions } from 'node:zlib';
import type JSZip from 'jszip';

const inflateRawAsync = promisify<Uint8Array, ZlibOptions, Buffer>(inflateRaw);

/** How many inflated bytes a reader may still spend: per part, and in total over the whole package. */
export interface InflateBudget {
  readonly partBytes: number;
  /** Decremented by every part read; shared by all the reads of one package. */
  remaining: number;
}

export function inflateBudget(partBytes: number, totalBytes: number): InflateBudget {
  return { partBytes, remaining: totalBytes };
}

/** A part that inflates past the budget: a zip bomb, or not one of our documents. */
export class ZipBudgetError extends Error {
  constructor(readonly part: string) {
    super(`Part ${part} is larger than allowed (it inflates past the budget)`);
    this.name = 'ZipBudgetError';
  }
}

/** A part that cannot be read: unknown compression, corrupt data, or sizes and checksum that do not match. */
export class ZipEntryError extends Error {
  constructor(
    readonly part: string,
    why: string,
  ) {
    super(`Part ${part} cannot be read: ${why}`);
    this.name = 'ZipEntryError';
  }
}

/** What JSZip keeps of an entry it loaded from a file: the compressed bytes as found there, and what the zip declares. */
interface LoadedEntry {
  uncompressedSize: number;
  crc32: number;
  compression: { magic: string };
  compressedContent: Uint8Array;
}

/**
 * Parts whose compressed data and inflated budget are both this small are inflated on the spot: a trip to
 * zlib's thread pool costs more than inflating 256 KiB (about a millisecond), and on a loaded machine each trip
 * waits for a free thread — one Word export reads ~30 parts. Bigger ones still go to the thread pool.
 */
const INLINE_INFLATE_BYTES = 256 * 1024;

/** Inflates raw DEFLATE data, never past `limit` bytes (RangeError ERR_BUFFER_TOO_LARGE past it). */
async function inflateBounded(compressed: Uint8Array, declaredSize: number, limit: number): Promise<Buffer> {
  if (compressed.length <= INLINE_INFLATE_BYTES && declaredSize <= INLINE_INFLATE_BYTES) {
    const inline = Math.min(limit, INLINE_INFLATE_BYTES);
    try {
      return inflateRawSync(compressed, { maxOutputLength: Math.max(1, inline) });
    } catch (error) {
      // More than declared (or corrupt): the thread pool, with the whole budget, decides what it is.
      if ((error as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE' || inline === limit) throw error;
    }
  }
  return inflateRawAsync(compressed, { maxOutputLength: Math.max(1, limit) });
}

const STORED = '\x00\x00';
const DEFLATED = '\x08\x00';

/**
 * JSZip only inflates through its own pure-JavaScript streams, which cannot be given a budget and run at a
 * few tens of MB/s. Its loaded entries keep the raw compressed bytes (`_data`, a CompressedObject); we take
 * them from there and inflate with zlib, which stops at `maxOutputLength`. The shape is checked, so a
 * JSZip that changes it makes every read fail loudly (zipEntry.test.ts), never silently unbounded.
 */
function loadedEntry(file: JSZip.JSZipObject): LoadedEntry | null {
  const data: unknown = (file as unknown as { _data?: unknown })._data;
  if (typeof data !== 'object' || data === null) return null;
  const entry = data as Partial<Record<keyof LoadedEntry, unknown>>;
  const compression = entry.compression as { magic?: unknown } | undefined;
  if (typeof entry.uncompressedSize !== 'number' || typeof entry.crc32 !== 'number' || !(entry.compressedContent instanceof Uint8Array)) return null;
  if (typeof compression?.magic !== 'string') return null;
  return data as LoadedEntry;
}

/**
 * Inflates one entry of a zip loaded by JSZip, never past `budget` (the smaller of the per-part limit and what
 * the package may still spend): the zip's declared sizes are not trusted for that, only checked afterwards,
 * with the CRC-32, against what actually came out. Small parts inflate on the spot, bigger ones on zlib's thread
 * pool, off the event loop.
 */
export async function inflateEntry(file: JSZip.JSZipObject, budget: InflateBudget): Promise<Buffer> {
  const entry = loadedEntry(file);
  if (!entry) {
    // JSZip keeps no compressed data for an entry that declares itself empty (it stores "" instead, object.js):
    // what it holds then is that empty string. Anything else here is not a loaded entry.
    const content = await file.async('uint8array');
    if (content.length !== 0) throw new ZipEntryError(file.name, 'not an entry loaded from a zip file');
    return Buffer.alloc(0);
  }
  const limit = Math.min(budget.partBytes, budget.remaining);
  let data: Buffer;
  if (entry.compression.magic === STORED) {
    if (entry.compressedContent.length > limit) throw new ZipBudgetError(file.name);
    data = Buffer.from(entry.compressedContent);
  } else if (entry.compression.magic === DEFLATED) {
    try {
      data = await inflateBounded(entry.compressedContent, entry.uncompressedSize, limit);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipBudgetError(file.name);
      throw new ZipEntryError(file.name, 'corrupt compressed data');
    }
    if (data.length > limit) throw new ZipBudgetError(file.name);
  } else {
    throw new ZipEntryError(file.name, 'unsupported compression');
  }
  if (data.length !== entry.uncompressedSize || crc32(data) >>> 0 !== entry.crc32 >>> 0) throw new ZipEntryError(file.name, 'size or CRC-32 mismatch');
  budget.remaining -= data.length;
  return data;
}
