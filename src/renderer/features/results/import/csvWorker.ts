import { importCsv } from '../../../../shared/actuals/importCsv';
import { CsvImportError } from '../../../../shared/actuals/types';
import { fromWorkerSchema, pipelineOptions, PROGRESS_INTERVAL_MS, progressThrottle, toWorkerSchema, type FromWorker } from './csvWorkerProtocol';
import { previewHead } from './headPreview';

/**
 * The CSV import, off the page's thread: streams the File given in `start` through the shared pipeline
 * (src/shared/actuals, the same one the CLI runs), posts progress at most every PROGRESS_INTERVAL_MS, and stops between
 * chunks on `cancel`. Also answers `preview` (the file's first rows, see headPreview.ts), so that picking a
 * file never parses on the page. It writes nothing: the page saves the result, or nothing when cancelled or refused.
 */
/** The worker's global, typed by what is used (the page's DOM typings describe a Window). */
const scope = self as unknown as { postMessage(message: unknown): void; onmessage: ((event: MessageEvent<unknown>) => void) | null };
const crashText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);
let running: AbortController | null = null;

function post(message: FromWorker): void {
  // Checked on the way out too: a result the page would refuse is a bug here, better caught as one.
  const checked = fromWorkerSchema.safeParse(message);
  if (checked.success) return scope.postMessage(checked.data);
  // A preview's answer keeps its request number, so the page stops waiting for it.
  const id = 'id' in message ? message.id : undefined;
  scope.postMessage({ type: 'crashed', ...(id === undefined ? {} : { id }), message: `invalid worker message: ${checked.error.issues[0]?.message ?? ''}` });
}

async function* chunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

scope.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = toWorkerSchema.safeParse(event.data);
  if (!parsed.success) return;
  const message = parsed.data;
  if (message.type === 'preview') {
    const { id } = message;
    void previewHead(id, message.file, message.options).then(post, (error: unknown) => post({ type: 'crashed', id, message: crashText(error) }));
    return;
  }
  if (message.type === 'cancel') {
    running?.abort();
    return;
  }
  if (running) return;
  const controller = new AbortController();
  running = controller;
  const due = progressThrottle(PROGRESS_INTERVAL_MS);
  const file = message.file;
  void importCsv(chunks(file.stream()), pipelineOptions(message.options), {
    signal: controller.signal,
    totalBytes: file.size,
    onProgress: (p) => {
      if (due()) post({ type: 'progress', bytesRead: p.bytesRead, totalBytes: p.totalBytes, records: p.records });
    },
  })
    .then((result) => post({ type: 'done', result }))
    .catch((error: unknown) => {
      if (error instanceof CsvImportError) post({ type: 'failed', code: error.code, params: error.params });
      else post({ type: 'crashed', message: crashText(error) });
    })
    .finally(() => {
      running = null;
    });
};
