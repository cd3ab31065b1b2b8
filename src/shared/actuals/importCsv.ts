import { CsvImportJob, type JobHost } from './job';
import type { CsvImportOptions, CsvImportResult, CsvPreview } from './options';
import { CsvImportError } from './types';

/**
 * How many bytes a host reads at a time (the CLI's read stream): 1 MiB chunks mean a few hundred reads and
 * record-reader calls for a 150 MB file instead of thousands; still nothing like the whole file in memory.
 */
export const READ_CHUNK_BYTES = 1048576;

export interface CsvProgress {
  bytesRead: number;
  /** The file's size when the host knows it (File.size, fs.stat), else null. */
  totalBytes: number | null;
  records: number;
}

export interface RunOptions extends JobHost {
  signal?: AbortSignal;
  totalBytes?: number | null;
  /** Called after each chunk; hosts throttle what they show. */
  onProgress?: (progress: CsvProgress) => void;
}

/**
 * Runs one import over any async source of byte chunks: a Node read stream in the CLI, a File's
 * `stream()` in a Web Worker. One chunk is handled at a time, so memory is the job's state plus one chunk.
 * An aborted signal stops it between chunks with a `cancelled` CsvImportError: no result, so nothing is
 * written.
 */
export async function importCsv(source: AsyncIterable<Uint8Array>, options: CsvImportOptions, run: RunOptions = {}): Promise<CsvImportResult> {
  const job = new CsvImportJob(options, 0, { ...(run.isUtf8 && { isUtf8: run.isUtf8 }) });
  const cancelled = () => new CsvImportError('cancelled');
  if (run.signal?.aborted) throw cancelled();
  for await (const chunk of source) {
    if (run.signal?.aborted) throw cancelled();
    job.push(chunk);
    run.onProgress?.({ bytesRead: job.bytesRead, totalBytes: run.totalBytes ?? null, records: job.recordsRead });
  }
  if (run.signal?.aborted) throw cancelled();
  return job.finish();
}

/**
 * The first `rows` records with the mapping applied, from the first bytes of a file (a few hundred KB are
 * plenty): what the import will detect and read, before it runs. `isWholeFile` when `head` is the file.
 */
export function previewCsv(head: Uint8Array, isWholeFile: boolean, options: CsvImportOptions, rows = 20): CsvPreview {
  const job = new CsvImportJob(options, rows);
  job.push(head);
  return job.previewResult(isWholeFile);
}

/** Splits one byte array into chunks, as an async source (tests, and hosts that already hold the bytes). */
export async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
