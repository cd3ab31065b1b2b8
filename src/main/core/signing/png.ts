import { AppError } from '../../../shared/api/errors';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PREFIX = 'data:image/png;base64,';

/** The PNG inside a data URL, checked to really be a PNG (signature and IHDR) of a sensible size. */
export function decodePngDataUrl(dataUrl: string): { bytes: Buffer; width: number; height: number } {
  const bytes = dataUrl.startsWith(PREFIX) ? Buffer.from(dataUrl.slice(PREFIX.length), 'base64') : Buffer.alloc(0);
  const isPng = bytes.length > 33 && bytes.subarray(0, 8).equals(PNG_MAGIC) && bytes.subarray(12, 16).toString('latin1') === 'IHDR';
  if (!isPng) throw new AppError('invalid_input', 'The signature is not a PNG image', { reason: 'bad_signature_image' });
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 16 || height < 16 || width > 4096 || height > 4096) {
    throw new AppError('invalid_input', 'The signature image has an unusable size', { reason: 'bad_signature_image' });
  }
  return { bytes, width, height };
}
