import type { CsvImportResult } from '../../../../shared/actuals/options';
import type { CsvErrorCode } from '../../../../shared/actuals/types';
import { asImportResult, fromWorkerSchema, type ToWorker, type WorkerOptions } from './csvWorkerProtocol';

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number | null;
  records: number;
}

export type ImportOutcome =
  | { kind: 'done'; result: CsvImportResult }
  | { kind: 'failed'; code: CsvErrorCode; params: Record<string, string | number> }
  | { kind: 'crashed'; message: string };

export interface RunningImport {
  outcome: Promise<ImportOutcome>;
  cancel(): void;
}

/** The part of a Worker the runner uses (tests give a fake). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export function createCsvWorker(): WorkerLike {
  return new Worker(new URL('./csvWorker.ts', import.meta.url), { type: 'module', name: 'csv-import' });
}

/**
 * Runs one import in a fresh worker and resolves with its outcome. Cancel asks the worker to stop between
 * chunks and resolves at once as `cancelled`: the page never waits on a busy worker, and whatever it would
 * still answer is ignored. The worker is terminated when the import ends either way.
 */
export function runImport(
  file: Blob,
  options: WorkerOptions,
  onProgress: (progress: ImportProgress) => void,
  makeWorker: () => WorkerLike = createCsvWorker,
): RunningImport {
  const worker = makeWorker();
  let settle: (outcome: ImportOutcome) => void = () => undefined;
  let settled = false;
  const outcome = new Promise<ImportOutcome>((resolve) => {
    settle = (value) => {
      if (settled) return;
      settled = true;
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      resolve(value);
    };
  });
  worker.onmessage = (event) => {
    const message = fromWorkerSchema.safeParse(event.data);
    if (!message.success) return settle({ kind: 'crashed', message: 'The import worker sent an invalid message' });
    const data = message.data;
    if (data.type === 'progress') {
      if (!settled) onProgress({ bytesRead: data.bytesRead, totalBytes: data.totalBytes, records: data.records });
    } else if (data.type === 'done') settle({ kind: 'done', result: asImportResult(data.result) });
    else if (data.type === 'failed') settle({ kind: 'failed', code: data.code, params: data.params });
    else if (data.type === 'crashed') settle({ kind: 'crashed', message: data.message });
    // A preview's answer has no place in an import: ignored.
  };
  worker.onerror = (event) => settle({ kind: 'crashed', message: event.message || 'The import worker stopped' });
  worker.postMessage({ type: 'start', file, options });
  return {
    outcome,
    cancel() {
      if (settled) return;
      worker.postMessage({ type: 'cancel' });
      settle({ kind: 'failed', code: 'cancelled', params: {} });
    },
  };
}
