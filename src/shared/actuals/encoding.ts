import type { CsvEncoding } from './types';

/** How many leading bytes decide the encoding (and, decoded, the delimiter and line ending). */
export const SNIFF_BYTES = 64 * 1024;

export interface EncodingGuess {
  encoding: CsvEncoding;
  /** Bytes of byte-order mark to skip. */
  bom: number;
  /** True when the bytes decided it; false when the caller's override did. */
  detected: boolean;
}

/**
 * Decides the encoding from the first bytes: a byte-order mark wins; otherwise the bytes are UTF-8 if they
 * decode as UTF-8 (a character cut at the end of the sample is not an error unless the file ends there),
 * else Windows-1252 — what Excel writes on Spanish and English Windows.
 */
export function sniffEncoding(head: Uint8Array, isWholeFile: boolean, override: CsvEncoding | 'auto' = 'auto'): EncodingGuess {
  const utf8Bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const utf16Bom = head[0] === 0xff && head[1] === 0xfe;
  if (override !== 'auto') {
    const bom = override === 'utf-8' && utf8Bom ? 3 : override === 'utf-16le' && utf16Bom ? 2 : 0;
    return { encoding: override, bom, detected: false };
  }
  if (utf8Bom) return { encoding: 'utf-8', bom: 3, detected: true };
  if (utf16Bom) return { encoding: 'utf-16le', bom: 2, detected: true };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !isWholeFile });
    return { encoding: 'utf-8', bom: 0, detected: true };
  } catch {
    return { encoding: 'windows-1252', bom: 0, detected: true };
  }
}

/** Accepts the names people type for the encodings (`latin1`, `cp1252`, `UTF8`…); null when unknown. */
export function parseEncodingName(name: string): CsvEncoding | null {
  const n = name.trim().toLowerCase().replace(/[_\s]/g, '-');
  if (['utf-8', 'utf8'].includes(n)) return 'utf-8';
  if (['windows-1252', 'cp1252', 'latin1', 'latin-1', 'iso-8859-1', 'iso8859-1', 'ansi'].includes(n)) return 'windows-1252';
  if (['utf-16le', 'utf16le', 'utf-16', 'unicode'].includes(n)) return 'utf-16le';
  return null;
}
