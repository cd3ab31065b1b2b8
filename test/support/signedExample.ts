import { deflateSync } from 'node:zlib';
import { fingerprintOf } from '../../src/main/core/signing/fingerprint';
import { createExample } from '../../src/shared/model/example';
import { newId } from '../../src/shared/model/ids';
import type { Agreement, Language } from '../../src/shared/model/schema';
import { CANONICAL_VERSION } from '../../src/shared/model/version';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A small real PNG that looks like a handwritten stroke (a loop and a tail, dark blue on transparent);
 * `seed` changes its shape, so each signer's image is a different file.
 */
export function signaturePng(seed: number, width = 360, height = 120): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  const ink = (x: number, y: number) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const o = Math.floor(y) * (width * 4 + 1) + 1 + Math.floor(x) * 4;
    raw[o] = 18;
    raw[o + 1] = 38;
    raw[o + 2] = 92;
    raw[o + 3] = 255;
  };
  for (let i = 0; i <= 4000; i++) {
    const s = i / 4000;
    const x = 20 + s * (width - 40);
    const y = height / 2 + Math.sin(s * Math.PI * (3 + (seed % 4)) + seed) * height * 0.28 * (1 - s * 0.5) + Math.cos(s * 17 + seed * 2) * 6;
    for (let dx = -1.2; dx <= 1.2; dx += 0.6) for (let dy = -1.2; dy <= 1.2; dy += 0.6) ink(x + dx, y + dy);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface SignedExampleOptions {
  /** How many participants must sign (the first N listed); the example's two leaders by default. */
  signers?: number;
  /** How many of them have signed, in order; all by default. */
  signed?: number;
  now?: Date;
}

/**
 * The methodology's example, signed the way the app signs it: every signature carries the content's
 * fingerprint, a drawn PNG, the signer's time with its offset and a device name.
 */
export function signedExample(lang: Language, options: SignedExampleOptions = {}): Agreement {
  const now = options.now ?? new Date('2026-03-10T09:00:00Z');
  const example = createExample(lang, now);
  const count = options.signers ?? 2;
  const participants = example.participants.map((p, i) => ({ ...p, mustSign: i < count }));
  const agreement: Agreement = { ...example, participants };
  const fingerprint = fingerprintOf(agreement);
  const signers = participants.filter((p) => p.mustSign).slice(0, options.signed ?? count);
  const signatures = signers.map((p, i) => ({
    id: newId(),
    participantId: p.id,
    name: p.name,
    jobTitle: p.jobTitle,
    signedAt: `2026-03-10T1${i}:${String(15 + i * 7).padStart(2, '0')}:00+01:00`,
    image: `data:image/png;base64,${signaturePng(i + 1).toString('base64')}`,
    device: `workshop-laptop-${i + 1}`,
    fingerprint,
    canonicalVersion: CANONICAL_VERSION,
  }));
  return { ...agreement, meta: { ...agreement.meta, status: signatures.length > 0 ? 'signed' : 'draft' }, signatures };
}
