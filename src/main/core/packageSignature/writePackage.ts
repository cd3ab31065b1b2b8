import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Writes a package's parts as a zip file in one pass, in the order given. Why not JSZip, which reads packages
 * here: its DEFLATE is pako, pure JavaScript, about five times slower than zlib on a Word export, and an export
 * built its parts in memory already, so nothing needs its file model. What is written is the plainest zip:
 * no ZIP64, no data descriptors, no extra fields, UTF-8 names flagged — what Word, LibreOffice, python's
 * zipfile and JSZip all read (writePackage.test.ts reads it back with JSZip and python).
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
/** 2.0: DEFLATE, the lowest version that reads it. */
const VERSION = 20;
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;
/** 1980-01-01 00:00, the earliest MS-DOS date: the same parts always give the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;

interface Entry {
  name: Buffer;
  method: number;
  crc: number;
  size: number;
  data: Buffer;
  offset: number;
}

function localHeader(e: Entry): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(LOCAL_HEADER, 0);
  h.writeUInt16LE(VERSION, 4);
  h.writeUInt16LE(UTF8_NAME, 6);
  h.writeUInt16LE(e.method, 8);
  h.writeUInt16LE(DOS_TIME, 10);
  h.writeUInt16LE(DOS_DATE, 12);
  h.writeUInt32LE(e.crc, 14);
  h.writeUInt32LE(e.data.length, 18);
  h.writeUInt32LE(e.size, 22);
  h.writeUInt16LE(e.name.length, 26);
  h.writeUInt16LE(0, 28);
  return h;
}

function centralHeader(e: Entry): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(CENTRAL_HEADER, 0);
  h.writeUInt16LE(VERSION, 4);
  h.writeUInt16LE(VERSION, 6);
  h.writeUInt16LE(UTF8_NAME, 8);
  h.writeUInt16LE(e.method, 10);
  h.writeUInt16LE(DOS_TIME, 12);
  h.writeUInt16LE(DOS_DATE, 14);
  h.writeUInt32LE(e.crc, 16);
  h.writeUInt32LE(e.data.length, 20);
  h.writeUInt32LE(e.size, 24);
  h.writeUInt16LE(e.name.length, 28);
  // Extra field, comment, disk number, internal and external attributes: none.
  h.writeUInt32LE(e.offset, 42);
  return h;
}

/**
 * The zip file of `parts` (name → bytes), each DEFLATEd at `level` unless that would not make it smaller
 * (already-compressed images), then stored. Throws RangeError past what a zip without ZIP64 holds; a Word
 * export is three orders of magnitude below that.
 */
export function writePackage(parts: ReadonlyMap<string, Uint8Array>, level = 6): Uint8Array {
  if (parts.size >= MAX_16) throw new RangeError('Too many parts for a zip file without ZIP64');
  const entries: Entry[] = [];
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const [partName, bytes] of parts) {
    const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = Buffer.from(partName, 'utf8');
    if (name.length > MAX_16 || raw.length > MAX_32) throw new RangeError(`Part ${partName} is too large for a zip file without ZIP64`);
    const deflated = raw.length > 0 ? deflateRawSync(raw, { level }) : raw;
    const method = deflated.length < raw.length ? DEFLATED : STORED;
    const entry: Entry = { name, method, crc: crc32(raw) >>> 0, size: raw.length, data: method === DEFLATED ? deflated : raw, offset };
    const header = localHeader(entry);
    chunks.push(header, name, entry.data);
    offset += header.length + name.length + entry.data.length;
    if (offset > MAX_32) throw new RangeError('The package is too large for a zip file without ZIP64');
    entries.push(entry);
  }
  const directoryStart = offset;
  for (const e of entries) {
    const header = centralHeader(e);
    chunks.push(header, e.name);
    offset += header.length + e.name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - directoryStart, 12);
  end.writeUInt32LE(directoryStart, 16);
  chunks.push(end);
  const zip = Buffer.concat(chunks);
  return new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength);
}
