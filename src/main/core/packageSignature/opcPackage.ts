import JSZip from 'jszip';
import { inflateBudget, inflateEntry, ZipBudgetError } from '../zipEntry';

/** Hostile-input limits: a Word document of ours is well under a megabyte. */
export const PACKAGE_LIMITS = {
  maxPackageBytes: 100 * 1024 * 1024,
  maxParts: 2000,
  maxPartBytes: 64 * 1024 * 1024,
  maxTotalBytes: 128 * 1024 * 1024,
};

export class BadPackageError extends Error {
  constructor(
    message: string,
    /** True when the package (or a part of it) is larger than allowed, rather than damaged. */
    readonly tooLarge = false,
  ) {
    super(message);
    this.name = 'BadPackageError';
  }
}

export interface OpcPackage {
  zip: JSZip;
  /** Part name (zip entry name, no leading slash) → bytes, in zip order. */
  parts: Map<string, Buffer>;
}

/** Entries the End Of Central Directory record announces: JSZip keeps one of two same-named entries silently. */
function announcedEntries(bytes: Uint8Array): number | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = view.length - 22; i >= Math.max(0, view.length - 22 - 0xffff); i--) {
    // The record ends the file after its comment: a signature inside the comment is not the record.
    if (view.readUInt32LE(i) === 0x06054b50 && i + 22 + view.readUInt16LE(i + 20) === view.length) return view.readUInt16LE(i + 10);
  }
  return null;
}

/**
 * Opens a package and inflates every part, refusing what a careful reader must: too big, too many parts,
 * duplicate names (also ignoring case, as OPC part names do), parts that inflate past the per-part limit or,
 * together, past the total (counted as they inflate, whatever sizes the zip declares), and parts whose size
 * or CRC-32 is not what the zip says.
 */
export async function readPackage(bytes: Uint8Array, limits = PACKAGE_LIMITS): Promise<OpcPackage> {
  if (bytes.byteLength > limits.maxPackageBytes) throw new BadPackageError('The package is larger than allowed', true);
  let zip: JSZip;
  try {
    // Not `checkCRC32`: JSZip would inflate every entry first, with no limit. inflateEntry checks each CRC.
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new BadPackageError(`Not a zip package: ${error instanceof Error ? error.message : String(error)}`);
  }
  const files = Object.values(zip.files).filter((file) => !file.dir);
  if (files.length > limits.maxParts) throw new BadPackageError('The package has too many parts', true);
  const announced = announcedEntries(bytes);
  if (announced !== null && announced !== 0xffff && announced !== Object.keys(zip.files).length) {
    throw new BadPackageError('The package has duplicate entries');
  }
  const seen = new Set<string>();
  for (const file of files) {
    const folded = file.name.toLowerCase();
    if (seen.has(folded)) throw new BadPackageError(`Duplicate part name ${file.name}`);
    seen.add(folded);
  }
  const budget = inflateBudget(limits.maxPartBytes, limits.maxTotalBytes);
  const parts = new Map<string, Buffer>();
  for (const file of files) {
    try {
      parts.set(file.name, await inflateEntry(file, budget));
    } catch (error) {
      throw new BadPackageError(error instanceof Error ? error.message : String(error), error instanceof ZipBudgetError);
    }
  }
  return { zip, parts };
}

/** The part named `name`, ignoring case as OPC part-name equivalence does; exact match first. */
export function findPart(parts: ReadonlyMap<string, Buffer>, name: string): { name: string; bytes: Buffer } | null {
  const exact = parts.get(name);
  if (exact) return { name, bytes: exact };
  const folded = name.toLowerCase();
  for (const [candidate, bytes] of parts) if (candidate.toLowerCase() === folded) return { name: candidate, bytes };
  return null;
}

/** `/word/document.xml` for the zip entry `word/document.xml`, each segment percent-encoded. */
export function partUri(name: string): string {
  return `/${name.split('/').map(encodeURIComponent).join('/')}`;
}

/** The zip entry a part URI names (query dropped, percent-decoding undone), or null if it cannot name one. */
export function partNameFromUri(uri: string): string | null {
  const path = uri.split('?')[0] ?? '';
  if (!path.startsWith('/') || path.startsWith('//')) return null;
  try {
    const name = decodeURIComponent(path.slice(1));
    return name.split('/').some((segment) => segment === '' || segment === '.' || segment === '..') ? null : name;
  } catch {
    return null;
  }
}
