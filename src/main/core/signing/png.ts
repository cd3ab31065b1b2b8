import { crc32, inflateSync } from 'node:zlib';

/**
 * How large a drawn signature may be. The app crops signatures to at most 1600 px on their longest side;
 * these bounds leave room for other tools while keeping a hostile file from costing much memory or time.
 */
export const SIGNATURE_PNG_LIMITS = {
  maxWidth: 4000,
  maxHeight: 2000,
  /** The PNG file itself. */
  maxBytes: 1.5 * 1024 * 1024,
  /** The inflated image data: 4000 × 2000 RGBA at 8 bits plus one filter byte per row. */
  maxInflatedBytes: 4000 * 2000 * 4 + 2000,
} as const;

/** Why a PNG was refused (kept for logs and tests; users see one translated sentence). */
export type PngProblem = 'not_png' | 'too_large' | 'bad_header' | 'bad_chunk' | 'bad_crc' | 'bad_palette' | 'bad_data' | 'missing_end' | 'trailing_data';

export class PngError extends Error {
  constructor(readonly problem: PngProblem) {
    super(`Not a usable PNG image (${problem})`);
    this.name = 'PngError';
  }
}

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
}

const MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const DATA_URL_PREFIX = 'data:image/png;base64,';
/** Channels per colour type; the bit depths each allows (PNG specification, table 11.1). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Record<number, readonly number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
/** Adam7 passes: first column, first row, column step, row step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

function fail(problem: PngProblem): never {
  throw new PngError(problem);
}

function readHeader(data: Buffer): PngInfo {
  if (data.length !== 13) fail('bad_header');
  const width = data.readUInt32BE(0);
  const height = data.readUInt32BE(4);
  const [bitDepth, colorType, compression, filter, interlace] = [data[8], data[9], data[10], data[11], data[12]] as number[];
  if (width === 0 || height === 0 || compression !== 0 || filter !== 0 || (interlace !== 0 && interlace !== 1)) fail('bad_header');
  if (!DEPTHS[colorType as number]?.includes(bitDepth as number)) fail('bad_header');
  if (width > SIGNATURE_PNG_LIMITS.maxWidth || height > SIGNATURE_PNG_LIMITS.maxHeight) fail('too_large');
  return { width, height, bitDepth: bitDepth as number, colorType: colorType as number, interlaced: interlace === 1 };
}

/** The rows of the image data as the decoder sees them: one per scanline of each (Adam7) pass. */
function scanlines(info: PngInfo): { rows: number; rowBytes: number }[] {
  const bitsPerPixel = (CHANNELS[info.colorType] as number) * info.bitDepth;
  const rowBytes = (pixels: number) => 1 + Math.ceil((pixels * bitsPerPixel) / 8);
  if (!info.interlaced) return [{ rows: info.height, rowBytes: rowBytes(info.width) }];
  return ADAM7.flatMap(([x0, y0, dx, dy]) => {
    const columns = Math.ceil(Math.max(0, info.width - x0) / dx);
    const rows = Math.ceil(Math.max(0, info.height - y0) / dy);
    return columns > 0 && rows > 0 ? [{ rows, rowBytes: rowBytes(columns) }] : [];
  });
}

/** Inflates the image data (never past what the header implies) and checks its size and every row's filter. */
function checkImageData(info: PngInfo, compressed: Buffer): void {
  const passes = scanlines(info);
  const expected = passes.reduce((sum, p) => sum + p.rows * p.rowBytes, 0);
  if (expected > SIGNATURE_PNG_LIMITS.maxInflatedBytes) fail('too_large');
  let inflated: InflateResult;
  try {
    // One byte of headroom so that data longer than the image is seen as such rather than cut to size.
    // `info` adds how much input the stream used, so bytes hidden after its end are noticed too.
    inflated = inflateSync(compressed, { maxOutputLength: expected + 1, info: true }) as unknown as InflateResult;
  } catch {
    fail('bad_data');
  }
  const raw = inflated.buffer;
  if (raw.length !== expected || inflated.engine.bytesWritten !== compressed.length) fail('bad_data');
  let offset = 0;
  for (const pass of passes) {
    for (let row = 0; row < pass.rows; row++, offset += pass.rowBytes) if ((raw[offset] as number) > 4) fail('bad_data');
  }
}

/** What `inflateSync(…, { info: true })` returns (Node's types only describe the plain buffer). */
interface InflateResult {
  buffer: Buffer;
  engine: { bytesWritten: number };
}

const isLetter = (byte: number) => (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);

/**
 * Decodes a whole PNG the way a viewer would, without keeping the pixels: the signature, every chunk's
 * length and CRC, a sane IHDR within the size limits, chunk order (PLTE before the consecutive IDATs, IEND
 * last with nothing after it), no unknown critical chunk, and image data that inflates to exactly the size
 * the header implies. Throws a PngError naming the first problem.
 */
export function inspectPng(bytes: Uint8Array): PngInfo {
  const png = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (png.length > SIGNATURE_PNG_LIMITS.maxBytes) fail('too_large');
  if (png.length < MAGIC.length + 12 || !png.subarray(0, 8).equals(MAGIC)) fail('not_png');
  let info: PngInfo | null = null;
  let palette = false;
  const idat: Buffer[] = [];
  let idatClosed = false;
  let offset = MAGIC.length;
  while (offset < png.length) {
    if (offset + 12 > png.length) fail('bad_chunk');
    const length = png.readUInt32BE(offset);
    if (length > 0x7fffffff || offset + 12 + length > png.length) fail('bad_chunk');
    const typeBytes = png.subarray(offset + 4, offset + 8);
    if (!typeBytes.every(isLetter)) fail('bad_chunk');
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (crc32(data, crc32(typeBytes)) !== png.readUInt32BE(offset + 8 + length)) fail('bad_crc');
    offset += 12 + length;
    const type = typeBytes.toString('latin1');
    if (info === null) {
      if (type !== 'IHDR') fail('bad_header');
      info = readHeader(data);
      continue;
    }
    if (type === 'IEND') {
      if (length !== 0) fail('bad_chunk');
      if (offset !== png.length) fail('trailing_data');
      if (idat.length === 0) fail('bad_data');
      if (info.colorType === 3 && !palette) fail('bad_palette');
      checkImageData(info, Buffer.concat(idat));
      return info;
    }
    if (type === 'IDAT') {
      if (idatClosed) fail('bad_chunk');
      idat.push(data);
    } else {
      if (idat.length > 0) idatClosed = true;
      if (type === 'IHDR') fail('bad_chunk');
      if (type === 'PLTE') {
        const entries = length / 3;
        const grey = info.colorType === 0 || info.colorType === 4;
        if (palette || idat.length > 0 || grey || !Number.isInteger(entries) || entries < 1 || entries > 2 ** Math.min(8, info.bitDepth)) fail('bad_palette');
        palette = true;
      } else if (((typeBytes[0] as number) & 0x20) === 0) {
        // An unknown critical chunk (upper-case first letter): a decoder must refuse the image.
        fail('bad_chunk');
      }
    }
  }
  fail('missing_end');
}

/**
 * The PNG inside a `data:image/png;base64,…` URL, fully checked (see inspectPng). The base64 must be the
 * canonical encoding of the bytes, so the text stored and signed is exactly one image.
 */
export function decodePngDataUrl(dataUrl: string): { bytes: Buffer; width: number; height: number } {
  if (!dataUrl.startsWith(DATA_URL_PREFIX)) fail('not_png');
  const payload = dataUrl.slice(DATA_URL_PREFIX.length);
  // Checked before decoding: base64 is 4/3 the size of the bytes.
  if (payload.length > Math.ceil(SIGNATURE_PNG_LIMITS.maxBytes / 3) * 4) fail('too_large');
  const bytes = Buffer.from(payload, 'base64');
  if (bytes.toString('base64') !== payload) fail('not_png');
  const { width, height } = inspectPng(bytes);
  return { bytes, width, height };
}
