/**
 * A worker thread of the CLI's parallel CSV import (csvParallel.ts): reads one piece of the file with a job
 * continuing from the main thread's decisions (parallelImport.ts `readPiece`) and answers with what it found,
 * or with its error. Built as its own entry next to the command (scripts/node-build-state.mjs).
 */
import { isUtf8 } from 'node:buffer';
import { parentPort } from 'node:worker_threads';
import { readPiece } from '../../shared/actuals/parallelImport';
import { CsvImportError } from '../../shared/actuals/types';
import { openRandomAccess } from './csvFileAccess';
import { pieceRequestSchema, transferables, type PieceReply } from './csvPieceMessages';

async function answer(message: unknown): Promise<void> {
  const request = pieceRequestSchema.parse(message);
  const file = await openRandomAccess(request.file, request.chunkBytes);
  try {
    if (request.end > file.size) throw Object.assign(new Error('the file shrank while it was read'), { code: 'EIO' });
    const outcome = await readPiece(file, request.options, request.decisions, request.start, request.end, request.chunkBytes, { isUtf8 });
    parentPort!.postMessage({ kind: 'done', outcome } satisfies PieceReply, transferables(outcome));
  } finally {
    await file.close();
  }
}

function failure(error: unknown): PieceReply {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  if (error instanceof CsvImportError) return { kind: 'failed', csv: { code: error.code, params: error.params }, message };
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code.slice(0, 64) : null;
  return { kind: 'failed', ...(code !== null && { io: { code } }), message };
}

parentPort?.on('message', (message: unknown) => {
  answer(message).catch((error: unknown) => parentPort!.postMessage(failure(error)));
});
