import { detectDelimiter, detectNewline } from '../../../../shared/actuals/dialect';
import { fieldDecoderFor, sniffEncoding, Utf16ToUtf8 } from '../../../../shared/actuals/encoding';
import { CsvRecordReader } from '../../../../shared/actuals/records';
import type { CsvEncoding } from '../../../../shared/actuals/types';

/** How much of a file the panel reads before the import: the preview's rows and the header come from it. */
export const HEAD_BYTES = 128 * 1024;

/**
 * The header row of a file's first bytes, read the way the pipeline reads it (same encoding sniffing,
 * delimiter and record reader): the columns the mapping builder offers, also when no mapping fits the file.
 * Empty when the bytes hold no complete first line.
 */
export function headerOf(head: Uint8Array, isWholeFile: boolean, encoding: CsvEncoding | 'auto'): string[] {
  const guess = sniffEncoding(head, isWholeFile, encoding);
  const text = new TextDecoder(guess.encoding).decode(head.subarray(guess.bom));
  const newline = detectNewline(text);
  const delimiter = detectDelimiter(text, newline, isWholeFile) ?? ',';
  // The record reader reads UTF-8 or Windows-1252 bytes (as the import does, UTF-16 is turned into UTF-8).
  const utf16 = guess.encoding === 'utf-16le';
  const bytes = utf16 ? new Utf16ToUtf8().push(head, isWholeFile) : head.subarray(guess.bom);
  const readAs = guess.encoding === 'utf-16le' ? 'utf-8' : guess.encoding;
  const reader = new CsvRecordReader(delimiter, newline, fieldDecoderFor(readAs), readAs === 'utf-8');
  let header: string[] | null = null;
  const take = (record: { toArray(): string[] }) => {
    header ??= record.toArray();
  };
  try {
    reader.push(bytes, take);
    if (isWholeFile) reader.end(take);
  } catch {
    // A first record too long to be a header: no columns to offer.
  }
  const found: string[] = header ?? [];
  return found.map((h) => h.trim()).filter((h, i, all) => h !== '' && all.indexOf(h) === i);
}
