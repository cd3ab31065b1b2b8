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

/** The streaming half of TextDecoder (named here: Node's typings declare TextDecoder only as a value). */
export interface StreamDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F (the five it leaves undefined stay as they are). Node 20's
 * TextDecoder decodes the `windows-1252` label as Latin-1, so "€" (0x80) or curly quotes (0x93, 0x94) came
 * out as invisible C1 control codes in the CLI; browsers decode them right, and this changes nothing there.
 */
const CP1252_C1: Readonly<Record<string, string>> = {
  '\u0080': '€',
  '\u0082': '‚',
  '\u0083': 'ƒ',
  '\u0084': '„',
  '\u0085': '…',
  '\u0086': '†',
  '\u0087': '‡',
  '\u0088': 'ˆ',
  '\u0089': '‰',
  '\u008A': 'Š',
  '\u008B': '‹',
  '\u008C': 'Œ',
  '\u008E': 'Ž',
  '\u0091': '‘',
  '\u0092': '’',
  '\u0093': '“',
  '\u0094': '”',
  '\u0095': '•',
  '\u0096': '–',
  '\u0097': '—',
  '\u0098': '˜',
  '\u0099': '™',
  '\u009A': 'š',
  '\u009B': '›',
  '\u009C': 'œ',
  '\u009E': 'ž',
  '\u009F': 'Ÿ',
};
const C1 = /[\u0080-\u009F]/g;
const HAS_C1 = /[\u0080-\u009F]/;

/** A streaming decoder for the file's encoding that reads Windows-1252 as Windows-1252 on every host. */
export function createDecoder(encoding: CsvEncoding): StreamDecoder {
  const decoder = new TextDecoder(encoding);
  if (encoding !== 'windows-1252') return decoder;
  return {
    decode(input, options) {
      const text = decoder.decode(input, options);
      return HAS_C1.test(text) ? text.replace(C1, (c) => CP1252_C1[c] ?? c) : text;
    },
  };
}

/**
 * Decodes one field's bytes in the file's encoding, for the few values kept as text (an id that is not a
 * number, a bad row's value, the header, the preview). Both encodings the byte reader reads keep every
 * ASCII byte as that character and use bytes ≥ 0x80 only for other characters, so the bytes between two
 * delimiters are exactly one field's characters.
 */
export function fieldDecoderFor(encoding: 'utf-8' | 'windows-1252'): (bytes: Uint8Array, from: number, to: number) => string {
  const decoder = createDecoder(encoding);
  return (bytes, from, to) => {
    if (to - from <= 24) {
      // Short ASCII values (ids, numbers) without a TextDecoder call.
      let text = '';
      for (let at = from; at < to; at++) {
        const c = bytes[at]!;
        if (c >= 0x80) return decoder.decode(bytes.subarray(from, to));
        text += String.fromCharCode(c);
      }
      return text;
    }
    return decoder.decode(bytes.subarray(from, to));
  };
}

/** Turns UTF-16LE bytes, arriving in chunks cut anywhere, into UTF-8 bytes for the byte reader. */
export class Utf16ToUtf8 {
  private readonly decoder = new TextDecoder('utf-16le');
  private readonly encoder = new TextEncoder();
  private held = '';

  push(bytes: Uint8Array, last: boolean): Uint8Array {
    let text = this.held + this.decoder.decode(bytes, { stream: !last });
    this.held = '';
    // A high surrogate at the end waits for its pair (encoded alone it would become U+FFFD).
    const tail = text.charCodeAt(text.length - 1);
    if (!last && tail >= 0xd800 && tail <= 0xdbff) {
      this.held = text.slice(-1);
      text = text.slice(0, -1);
    }
    return this.encoder.encode(text);
  }
}
