import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string;
  /** Raw deflate data, or the bytes themselves for a stored entry. */
  data: Buffer;
  method: 'deflate' | 'store';
  /** What the zip declares: by default the truth. */
  crc: number;
  uncompressedSize: number;
}

/**
 * A zip written by hand, so its declared sizes can be anything: the test files a reader must not trust.
 * Entries in order, one central directory, no ZIP64 (every size below 4 GiB).
 */
export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.method === 'deflate' ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 10); // time and date
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An ordinary entry, compressed and declared truthfully. */
export function entry(name: string, content: string | Buffer): RawEntry {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  return { name, data: deflateRawSync(bytes), method: 'deflate', crc: crc32(bytes), uncompressedSize: bytes.length };
}

/**
 * `mebibytes` MiB of zeros as one deflate entry of about a thousandth of that, made without ever holding or
 * compressing the whole: one sync-flushed block of 1 MiB of zeros, repeated, then an empty final block.
 */
export function zeroBombEntry(name: string, mebibytes: number, declared: 'truth' | 'small' = 'truth'): RawEntry {
  const mib = Buffer.alloc(1024 * 1024);
  const block = deflateRawSync(mib, { finishFlush: constants.Z_SYNC_FLUSH, level: 9 });
  const data = Buffer.concat([...Array.from({ length: mebibytes }, () => block), deflateRawSync(Buffer.alloc(0))]);
  let crc = 0;
  for (let i = 0; i < mebibytes; i++) crc = crc32(mib, crc);
  const size = mebibytes * 1024 * 1024;
  return { name, data, method: 'deflate', crc, uncompressedSize: declared === 'truth' ? size : 1000 };
}
