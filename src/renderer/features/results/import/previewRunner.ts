import type { CsvPreview } from '../../../../shared/actuals/options';
import { CsvImportError } from '../../../../shared/actuals/types';
import { asPreview, fromWorkerSchema, type WorkerOptions } from './csvWorkerProtocol';
import { createCsvWorker, type WorkerLike } from './importRunner';

export type PreviewOutcome =
  | { kind: 'preview'; preview: CsvPreview; header: string[]; isWholeFile: boolean }
  | { kind: 'failed'; error: CsvImportError; header: string[]; isWholeFile: boolean }
  | { kind: 'crashed'; message: string };

export interface Previewer {
  /** The preview of `file` read with `options`; a newer request makes the older ones resolve as `stale`. */
  request(file: Blob, options: WorkerOptions): Promise<PreviewOutcome | 'stale'>;
  dispose(): void;
}

/**
 * The page's side of the worker's `preview` job: one worker kept for the panel's life (started on the first
 * request, so opening the screen costs nothing), each request numbered, only the latest one's answer used.
 * A worker that dies or answers nonsense is replaced at the next request.
 */
export function createPreviewer(makeWorker: () => WorkerLike = createCsvWorker): Previewer {
  let worker: WorkerLike | null = null;
  let next = 0;
  let pending: { id: number; resolve: (outcome: PreviewOutcome | 'stale') => void } | null = null;

  const finish = (id: number, outcome: PreviewOutcome) => {
    if (!pending || pending.id !== id) return;
    const { resolve } = pending;
    pending = null;
    resolve(outcome);
  };
  const drop = (message: string) => {
    worker?.terminate();
    worker = null;
    if (pending) finish(pending.id, { kind: 'crashed', message });
  };
  const started = (): WorkerLike => {
    if (worker) return worker;
    const created = makeWorker();
    created.onmessage = (event) => {
      const parsed = fromWorkerSchema.safeParse(event.data);
      if (!parsed.success) return drop('The import worker sent an invalid message');
      const data = parsed.data;
      if (data.type === 'preview') finish(data.id, { kind: 'preview', preview: asPreview(data.preview), header: data.header, isWholeFile: data.isWholeFile });
      else if (data.type === 'previewFailed')
        finish(data.id, { kind: 'failed', error: new CsvImportError(data.code, data.params), header: data.header, isWholeFile: data.isWholeFile });
      else if (data.type === 'crashed' && data.id !== undefined) finish(data.id, { kind: 'crashed', message: data.message });
    };
    created.onerror = (event) => drop(event.message || 'The import worker stopped');
    worker = created;
    return created;
  };

  return {
    request(file, options) {
      pending?.resolve('stale');
      const id = next++;
      const answer = new Promise<PreviewOutcome | 'stale'>((resolve) => {
        pending = { id, resolve };
      });
      started().postMessage({ type: 'preview', id, file, options });
      return answer;
    },
    dispose() {
      pending?.resolve('stale');
      pending = null;
      worker?.terminate();
      worker = null;
    },
  };
}
