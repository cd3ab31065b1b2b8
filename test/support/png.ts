import { signaturePng } from './signedExample';

/** A real PNG standing in for a drawn signature (see signaturePng); `seed` changes its shape. */
export function strokePng(width = 120, height = 40, seed = 0): Buffer {
  return signaturePng(seed, width, height);
}

export const strokePngDataUrl = (seed = 0) => `data:image/png;base64,${strokePng(120, 40, seed).toString('base64')}`;
