import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePngDataUrl, inspectPng, PngError, SIGNATURE_PNG_LIMITS, type PngProblem } from './png';

const MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer = Buffer.alloc(0), corruptCrc = false): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE((crc32(data, crc32(head.subarray(4))) ^ (corruptCrc ? 1 : 0)) >>> 0);
  return Buffer.concat([head, data, crc]);
}

function ihdr(width: number, height: number, bitDepth = 8, colorType = 6, interlace = 0): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([bitDepth, colorType, 0, 0, interlace], 8);
  return chunk('IHDR', data);
}

/** An RGBA image of `width × height` whose rows all use filter 0 (raw data of the exact size). */
const rgbaRows = (width: number, height: number) => Buffer.alloc((1 + width * 4) * height);
const png = (...chunks: Buffer[]) => Buffer.concat([MAGIC, ...chunks]);
const simple = (width = 20, height = 10, raw = rgbaRows(width, height)) => png(ihdr(width, height), chunk('IDAT', deflateSync(raw)), chunk('IEND'));

function problemOf(bytes: Buffer): PngProblem | 'accepted' {
  try {
    inspectPng(bytes);
    return 'accepted';
  } catch (error) {
    if (error instanceof PngError) return error.problem;
    throw error;
  }
}

describe('a signature image is decoded as a whole PNG', () => {
  it('accepts a real signature drawn with signature_pad in Chromium (RGBA, 8 bits, many IDAT chunks)', () => {
    // Drawn with the mouse in headless Chromium on signature_pad 5.1 at device pixel ratio 2, cropped the
    // way the app crops it (signatureImage.ts), saved from canvas.toDataURL('image/png').
    const bytes = readFileSync(new URL('../../../../test/fixtures/signature-pad-chromium.png', import.meta.url));
    expect(inspectPng(bytes)).toEqual({ width: 1028, height: 241, bitDepth: 8, colorType: 6, interlaced: false });
    expect(decodePngDataUrl(`data:image/png;base64,${bytes.toString('base64')}`)).toMatchObject({ width: 1028, height: 241 });
  });

  it('accepts the other legal forms: grey 1-bit, palette, an ancillary chunk, an interlaced image', () => {
    const grey = png(ihdr(17, 3, 1, 0), chunk('IDAT', deflateSync(Buffer.alloc((1 + 3) * 3))), chunk('IEND'));
    expect(problemOf(grey)).toBe('accepted');
    const palette = png(ihdr(5, 2, 8, 3), chunk('PLTE', Buffer.alloc(6)), chunk('IDAT', deflateSync(Buffer.alloc((1 + 5) * 2))), chunk('IEND'));
    expect(problemOf(palette)).toBe('accepted');
    const withText = png(
      ihdr(4, 4),
      chunk('tEXt', Buffer.from('Software\0test')),
      chunk('IDAT', deflateSync(rgbaRows(4, 4))),
      chunk('tIME', Buffer.alloc(7)),
      chunk('IEND'),
    );
    expect(problemOf(withText)).toBe('accepted');
    // 3 × 3 RGBA, Adam7: passes 1, 4, 5, 6 and 7 hold 1, 1, 2, 1×2 and 3 pixels → 5 + 5 + 9 + 10 + 13 bytes.
    const interlaced = (size: number) => png(ihdr(3, 3, 8, 6, 1), chunk('IDAT', deflateSync(Buffer.alloc(size))), chunk('IEND'));
    expect(problemOf(interlaced(42))).toBe('accepted');
    expect(problemOf(interlaced(41))).toBe('bad_data');
    expect(problemOf(interlaced(43))).toBe('bad_data');
  });

  it('refuses a file whose chunks are damaged, out of order or incomplete', () => {
    const idat = chunk('IDAT', deflateSync(rgbaRows(20, 10)));
    const cases: [string, Buffer, PngProblem][] = [
      ['a JPEG', Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), 'not_png'],
      ['the PNG signature alone', MAGIC, 'not_png'],
      ['a flipped bit in the image data (CRC)', png(ihdr(20, 10), chunk('IDAT', deflateSync(rgbaRows(20, 10)), true), chunk('IEND')), 'bad_crc'],
      ['a damaged header CRC', png(chunk('IHDR', ihdr(20, 10).subarray(8, 21), true), idat, chunk('IEND')), 'bad_crc'],
      ['no IHDR first', png(idat, ihdr(20, 10), chunk('IEND')), 'bad_header'],
      ['a second IHDR', png(ihdr(20, 10), ihdr(20, 10), idat, chunk('IEND')), 'bad_chunk'],
      ['zero width', png(ihdr(0, 10), idat, chunk('IEND')), 'bad_header'],
      ['RGBA at 4 bits', png(ihdr(20, 10, 4, 6), idat, chunk('IEND')), 'bad_header'],
      ['colour type 5', png(ihdr(20, 10, 8, 5), idat, chunk('IEND')), 'bad_header'],
      ['interlace method 2', png(ihdr(20, 10, 8, 6, 2), idat, chunk('IEND')), 'bad_header'],
      ['no image data', png(ihdr(20, 10), chunk('IEND')), 'bad_data'],
      [
        'IDAT chunks that are not consecutive',
        png(ihdr(20, 10), idat, chunk('tEXt', Buffer.from('a\0b')), chunk('IDAT', Buffer.alloc(0)), chunk('IEND')),
        'bad_chunk',
      ],
      ['an unknown critical chunk', png(ihdr(20, 10), chunk('ABCD', Buffer.alloc(2)), idat, chunk('IEND')), 'bad_chunk'],
      ['a chunk type that is not letters', png(ihdr(20, 10), chunk('a1b2', Buffer.alloc(2)), idat, chunk('IEND')), 'bad_chunk'],
      ['no IEND', png(ihdr(20, 10), idat), 'missing_end'],
      ['an IEND with data', png(ihdr(20, 10), idat, chunk('IEND', Buffer.alloc(1))), 'bad_chunk'],
      ['bytes after IEND', Buffer.concat([simple(), Buffer.from('<script>')]), 'trailing_data'],
      ['a second image after IEND', Buffer.concat([simple(), simple().subarray(8)]), 'trailing_data'],
      ['a file cut in the middle of a chunk', simple().subarray(0, 60), 'bad_chunk'],
      ['a chunk length past the end', png(ihdr(20, 10), Buffer.from([0x7f, 0, 0, 0, 0x49, 0x44, 0x41, 0x54])), 'bad_chunk'],
      ['a palette image without PLTE', png(ihdr(5, 2, 8, 3), chunk('IDAT', deflateSync(Buffer.alloc(12))), chunk('IEND')), 'bad_palette'],
      [
        'a PLTE in a grey image',
        png(ihdr(5, 2, 8, 0), chunk('PLTE', Buffer.alloc(6)), chunk('IDAT', deflateSync(Buffer.alloc(12))), chunk('IEND')),
        'bad_palette',
      ],
      ['a PLTE of 4 bytes', png(ihdr(5, 2, 8, 3), chunk('PLTE', Buffer.alloc(4)), chunk('IDAT', deflateSync(Buffer.alloc(12))), chunk('IEND')), 'bad_palette'],
      [
        'a PLTE with more entries than the bit depth allows',
        png(ihdr(5, 2, 1, 3), chunk('PLTE', Buffer.alloc(9)), chunk('IDAT', deflateSync(Buffer.alloc(4))), chunk('IEND')),
        'bad_palette',
      ],
    ];
    for (const [name, bytes, problem] of cases) expect(problemOf(bytes), name).toBe(problem);
  });

  it('refuses image data that does not inflate to exactly the size the header implies', () => {
    const raw = rgbaRows(20, 10);
    expect(problemOf(simple(20, 10, raw.subarray(1)))).toBe('bad_data');
    expect(problemOf(simple(20, 10, Buffer.concat([raw, Buffer.alloc(1)])))).toBe('bad_data');
    expect(problemOf(png(ihdr(20, 10), chunk('IDAT', Buffer.from('not deflate data')), chunk('IEND')))).toBe('bad_data');
    expect(problemOf(png(ihdr(20, 10), chunk('IDAT', deflateSync(raw).subarray(0, -4)), chunk('IEND')))).toBe('bad_data');
    // Bytes hidden after the end of the compressed stream.
    expect(problemOf(png(ihdr(20, 10), chunk('IDAT', Buffer.concat([deflateSync(raw), Buffer.from('hidden')])), chunk('IEND')))).toBe('bad_data');
    // A filter type that does not exist (0–4 only).
    const badFilter = Buffer.from(raw);
    badFilter[(1 + 20 * 4) * 3] = 5;
    expect(problemOf(simple(20, 10, badFilter))).toBe('bad_data');
  });

  it('stops a decompression bomb at the size the header implies instead of inflating it', () => {
    // 40 KB of compressed zeros that would inflate to 40 MB, behind a 64 × 64 header (16 KB of pixels).
    const bomb = deflateSync(Buffer.alloc(40_000_000), { level: 9 });
    expect(bomb.length).toBeLessThan(SIGNATURE_PNG_LIMITS.maxBytes);
    const before = process.memoryUsage().arrayBuffers;
    expect(problemOf(png(ihdr(64, 64), chunk('IDAT', bomb), chunk('IEND')))).toBe('bad_data');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(10_000_000);
  });

  it('bounds the dimensions, the file size and the inflated size before inflating', () => {
    expect(problemOf(png(ihdr(4001, 10), chunk('IDAT', deflateSync(rgbaRows(1, 1))), chunk('IEND')))).toBe('too_large');
    expect(problemOf(png(ihdr(10, 2001), chunk('IDAT', deflateSync(rgbaRows(1, 1))), chunk('IEND')))).toBe('too_large');
    // The largest size at 16 bits per channel would inflate to 64 MB: refused from the header alone.
    expect(problemOf(png(ihdr(4000, 2000, 16, 6), chunk('IDAT', deflateSync(rgbaRows(1, 1))), chunk('IEND')))).toBe('too_large');
    const padded = png(ihdr(20, 10), chunk('tEXt', Buffer.alloc(SIGNATURE_PNG_LIMITS.maxBytes)), chunk('IDAT', deflateSync(rgbaRows(20, 10))), chunk('IEND'));
    expect(problemOf(padded)).toBe('too_large');
    // The largest allowed image, all of it, is accepted.
    expect(problemOf(simple(4000, 2000))).toBe('accepted');
  });

  it('reads only canonical base64 PNG data URLs', () => {
    const base64 = simple().toString('base64');
    expect(decodePngDataUrl(`data:image/png;base64,${base64}`)).toMatchObject({ width: 20, height: 10 });
    const refused = (url: string) => {
      try {
        decodePngDataUrl(url);
        return 'accepted';
      } catch (error) {
        return error instanceof PngError ? error.problem : 'other';
      }
    };
    expect(refused(`data:image/jpeg;base64,${base64}`)).toBe('not_png');
    expect(refused(`data:image/png;base64,${base64.slice(0, 20)}=${base64.slice(20)}`)).toBe('not_png');
    expect(refused(`data:image/png;base64,${base64.replace(/=+$/, '')}`)).toBe(base64.endsWith('=') ? 'not_png' : 'accepted');
    expect(refused(`data:image/png;base64,${'A'.repeat(2_100_000)}`)).toBe('too_large');
  });
});
