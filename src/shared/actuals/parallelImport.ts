import type { CsvProgress } from './importCsv';
import { CsvImportJob, type JobDecisions, type JobHost, type PieceOutcome } from './job';
import type { CsvImportOptions, CsvImportResult } from './options';
import { CsvImportError } from './types';

/** A file the host can read anywhere (Node's file handle in the CLI; a byte array in tests). */
export interface RandomAccessFile {
  size: number;
  /**
   * The bytes of [start, end), in chunks that end on multiples of `chunkBytes` (and at `end`): the sequential
   * read's chunks. `reuse`: each chunk may be overwritten by the next (the caller keeps nothing of it).
   */
  chunks(start: number, end: number, reuse?: boolean): AsyncIterable<Uint8Array>;
  /** How many `"` bytes [start, end) holds. */
  countQuotes(start: number, end: number): Promise<number>;
}

/** Runs a job continuing from `decisions` over [start, end) of the file, elsewhere (a worker thread); rejects with its error. */
export interface PieceRunner {
  run(decisions: JobDecisions, start: number, end: number): Promise<PieceOutcome>;
  /**
   * Counts the `"` bytes of each [start, end) segment elsewhere, all at once (a worker thread each, before
   * it gets its piece), while this thread reads the file's start; for `planCuts`. Optional: without it
   * this thread counts them itself once it is ready.
   */
  countQuotes?(segments: readonly (readonly [number, number])[]): Promise<number[]>;
  /** Stops every piece still running. */
  close(): Promise<void>;
}

export interface PiecesPlan {
  /** How many pieces at most (the main thread reads the first, a runner each of the others). */
  pieces: number;
  /** The host's read size: the pieces' chunks end where a sequential read's would (see CsvImportJob.push). */
  chunkBytes: number;
  /** Where to cut instead of `planCuts` (tests: cuts anywhere, which the merge must detect). */
  cutsFor?: (from: number) => number[];
}

export interface PiecesRun extends JobHost {
  signal?: AbortSignal;
  onProgress?: (progress: CsvProgress) => void;
  /** Told, in file order, whether each later piece was merged (true) or had to be read again here (false). */
  onPiece?: (merged: boolean) => void;
}

const QUOTE = 34;

/**
 * Imports a file in pieces read at the same time, with exactly the result of reading it from start to end
 * (`importCsv`). This thread reads the file's start until the job is ready (encoding, dialect, header,
 * mapping, the sample's date order and decimal mark), then cuts the rest at record boundaries (`planCuts`)
 * and hands each later piece to the runner, which reads it with a job continuing from those decisions.
 * Meanwhile this thread reads on up to the first cut. Then, in file order, each piece's outcome is merged
 * (`CsvImportJob.absorb`) when that is exact: this job's bytes end where a record ends (which proves the cut
 * was a record boundary, whatever quotes came before), the piece ended at a record's end too, it shares no
 * record id with what came before, and its medians fit the shared budget (median.ts). Otherwise the piece's
 * bytes are pushed here, as a sequential read would. A piece's import error is the import's error only when
 * the piece's start is proven; the first one in file order wins. Any other failure of a piece (a worker that
 * died) only means this thread reads the piece itself.
 */
export async function importInPieces(
  file: RandomAccessFile,
  options: CsvImportOptions,
  plan: PiecesPlan,
  runner: PieceRunner,
  run: PiecesRun = {},
): Promise<CsvImportResult> {
  const job = new CsvImportJob(options, 0, { ...(run.isUtf8 && { isUtf8: run.isUtf8 }) });
  const { size } = file;
  let at = 0;
  const cancelled = () => new CsvImportError('cancelled');
  const pushChunk = (chunk: Uint8Array) => {
    if (run.signal?.aborted) throw cancelled();
    at += chunk.length;
    job.push(chunk, at % plan.chunkBytes === 0 || at === size);
    run.onProgress?.({ bytesRead: job.bytesRead, totalBytes: size, records: job.recordsRead });
  };
  const feed = async (to: number) => {
    // Once the job reads records, it keeps no chunk (only copies of an unfinished record's bytes).
    for await (const chunk of file.chunks(at, to, true)) pushChunk(chunk);
  };
  // The cut targets do not depend on what this thread reads first (unless the file is tiny): their quotes
  // are counted elsewhere meanwhile. A failed count only means planCuts counts them here.
  const targets = cutTargets(size, 0, plan.pieces);
  const early =
    !plan.cutsFor && runner.countQuotes && targets.length > 0
      ? runner.countQuotes(targets.map((t, k) => [k === 0 ? 0 : targets[k - 1]!, t] as const)).then(
          (counts) => ({ targets, counts }),
          () => null,
        )
      : null;
  try {
    if (run.signal?.aborted) throw cancelled();
    for await (const chunk of file.chunks(0, size)) {
      pushChunk(chunk);
      if (job.isReady) break;
    }
    const decisions = job.decisions();
    const planned = plan.cutsFor ? plan.cutsFor(at) : decisions ? await planCuts(file, at, plan.pieces, decisions, early && (await early)) : [];
    // Increasing, after what this thread has read, before the end.
    const cuts = decisions ? [...new Set(planned)].filter((c) => c > at && c < size).sort((a, b) => a - b) : [];
    const ends = [...cuts.slice(1), size];
    // Settled here (not left to reject unobserved): each is awaited in file order below.
    const outcomes = cuts.map((start, i) =>
      runner.run(decisions!, start, ends[i]!).then(
        (piece) => ({ piece }),
        (error: unknown) => ({ error }),
      ),
    );
    for (let i = 0; i < cuts.length; i++) {
      await feed(cuts[i]!);
      const outcome = await outcomes[i]!;
      if (run.signal?.aborted) throw cancelled();
      // The piece's own import error is the file's; anything else (a worker that died, a read that failed)
      // is left to this thread's read of the piece, which meets the same problem if it is the file's.
      if (job.atRecordStart && 'error' in outcome && outcome.error instanceof CsvImportError) throw shiftLines(outcome.error, job.nextLine - 1);
      const merged = job.atRecordStart && 'piece' in outcome && job.absorb(outcome.piece, ends[i] === size);
      run.onPiece?.(merged);
      if (merged) {
        at = ends[i]!;
        run.onProgress?.({ bytesRead: job.bytesRead, totalBytes: size, records: job.recordsRead });
      }
    }
    await feed(size);
    if (run.signal?.aborted) throw cancelled();
    return job.finish();
  } finally {
    await runner.close();
  }
}

/** A piece's error names the line of a too-large record from the piece's start: from the file's, here. */
function shiftLines(error: CsvImportError, lineOffset: number): CsvImportError {
  if (error.code !== 'record_too_large' || typeof error.params.line !== 'number') return error;
  return new CsvImportError(error.code, { ...error.params, line: error.params.line + lineOffset });
}

/** Where `planCuts` aims the cuts when this thread has read up to `from`: one target per later piece. */
export function cutTargets(size: number, from: number, pieces: number): number[] {
  if (pieces < 2) return [];
  const first = Math.max(from, Math.ceil(size / pieces));
  return Array.from({ length: pieces - 1 }, (_, k) => Math.floor(first + ((size - first) * k) / (pieces - 1)));
}

/** Quotes counted ahead (PieceRunner.countQuotes): `counts[k]` in [targets[k - 1] (or 0), targets[k]). */
export interface QuoteCounts {
  targets: number[];
  counts: number[];
}

/**
 * Where to cut the rest of the file (after `from`, what this thread has read) so that each of `pieces`
 * parties reads about as much: just after the first line break at or past each target that is outside
 * quotes. A line break is inside a quoted field exactly when an odd number of `"` bytes come before it
 * (RFC 4180's doubled quotes keep the parity), counted from the file's first byte — ahead, elsewhere
 * (`counted`, when its targets are these), or here. A file whose quotes are malformed, or a wrong count,
 * may fool this; the merge then finds the cut is not a record's end and reads the piece itself.
 */
export async function planCuts(
  file: RandomAccessFile,
  from: number,
  pieces: number,
  decisions: JobDecisions,
  counted: QuoteCounts | null = null,
): Promise<number[]> {
  const targets = cutTargets(file.size, from, pieces);
  const lineByte = decisions.dialect.newline === '\r' ? 13 : 10;
  const crlf = decisions.dialect.newline === '\r\n';
  const ahead = counted && counted.counts.length === targets.length && counted.targets.every((t, k) => t === targets[k]) ? counted.counts : null;
  const cuts: number[] = [];
  let scanned = 0;
  let quotes = 0;
  for (let k = 0; k < targets.length; k++) {
    const target = targets[k]!;
    if (ahead) quotes += ahead[k]!;
    else {
      if (target < scanned) continue;
      quotes += await file.countQuotes(scanned, target);
      scanned = target;
    }
    const cut = await recordStartFrom(file, target, quotes % 2 === 1, lineByte, crlf);
    if (cut === null) break;
    if (!ahead) {
      quotes += cut.quotes;
      scanned = cut.at;
    }
    if (cut.at > from && cut.at < file.size && (cuts.length === 0 || cut.at > cuts.at(-1)!)) cuts.push(cut.at);
  }
  return cuts;
}

/** The first record start after `start` (just past a line break outside quotes), and the quotes passed on the way. */
async function recordStartFrom(
  file: RandomAccessFile,
  start: number,
  inQuotes: boolean,
  lineByte: number,
  crlf: boolean,
): Promise<{ at: number; quotes: number } | null> {
  let quoted = inQuotes;
  let quotes = 0;
  let previous = -1;
  let offset = start;
  for await (const chunk of file.chunks(start, file.size)) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c === QUOTE) {
        quoted = !quoted;
        quotes++;
      } else if (c === lineByte && !quoted && (!crlf || previous === 13)) return { at: offset + i + 1, quotes };
      previous = c;
    }
    offset += chunk.length;
  }
  return null;
}

/** Reads [start, end) of the file with a job continuing from `decisions`: what a PieceRunner runs, in its thread. */
export async function readPiece(
  file: RandomAccessFile,
  options: CsvImportOptions,
  decisions: JobDecisions,
  start: number,
  end: number,
  chunkBytes: number,
  host: JobHost = {},
): Promise<PieceOutcome> {
  const job = CsvImportJob.continuing(options, decisions, host);
  let at = start;
  for await (const chunk of file.chunks(start, end, true)) {
    at += chunk.length;
    job.push(chunk, at % chunkBytes === 0 || at === file.size);
  }
  return job.finishPiece(end === file.size);
}

/** A file held in memory as a RandomAccessFile (tests, and hosts that hold the bytes already). */
export function bytesAsFile(bytes: Uint8Array, chunkBytes: number): RandomAccessFile {
  return {
    size: bytes.length,
    async *chunks(start, end, reuse = false) {
      // Reused chunks are copies in one buffer, overwritten as a file read would: a reader keeping one shows.
      const shared = reuse ? new Uint8Array(chunkBytes) : null;
      for (let at = start; at < end; at = Math.min(end, (Math.floor(at / chunkBytes) + 1) * chunkBytes)) {
        const piece = bytes.subarray(at, Math.min(end, (Math.floor(at / chunkBytes) + 1) * chunkBytes));
        if (!shared) yield piece;
        else {
          shared.set(piece);
          yield shared.subarray(0, piece.length);
          shared.fill(0);
        }
      }
    },
    countQuotes(start, end) {
      let count = 0;
      for (let i = start; i < end; i++) if (bytes[i] === QUOTE) count++;
      return Promise.resolve(count);
    },
  };
}

/** Runs every piece in this thread, one after the other (tests of the cut and merge logic). */
export function inThisThread(file: RandomAccessFile, options: CsvImportOptions, chunkBytes: number, host: JobHost = {}): PieceRunner {
  return {
    run: (decisions, start, end) => readPiece(file, options, decisions, start, end, chunkBytes, host),
    countQuotes: (segments) => Promise.all(segments.map(([start, end]) => file.countQuotes(start, end))),
    close: () => Promise.resolve(),
  };
}
