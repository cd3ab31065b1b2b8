import type JSZip from 'jszip';
import { inflateBounded } from '../zipEntry';

/** A part larger than the reader allows: a zip bomb, or not one of our documents. */
export class PartTooLargeError extends Error {
  constructor(readonly part: string) {
    super(`Part ${part} is larger than allowed`);
    this.name = 'PartTooLargeError';
  }
}

/**
 * Reads one part of a zip, stopping as soon as it grows past `limit` bytes: a hostile file that inflates to
 * gigabytes costs no more than the limit. Null when the part is absent.
 */
export async function readPart(zip: JSZip, name: string, limit: number): Promise<Buffer | null> {
  const file = zip.file(name);
  if (!file || file.dir) return null;
  return inflateBounded(file, limit, () => new PartTooLargeError(name), (error) => (error instanceof Error ? error : new Error(String(error))));
}

/** The parts whose bytes the embedded record keeps a digest of: the body, headers, footers and pictures. */
export const DIGESTED_PART = /^word\/(document\.xml|header\d+\.xml|footer\d+\.xml|media\/[^/]+)$/;

export function digestedParts(zip: JSZip): string[] {
  return Object.keys(zip.files)
    .filter((name) => DIGESTED_PART.test(name) && !zip.files[name]?.dir)
    .sort();
}
