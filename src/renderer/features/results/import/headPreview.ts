import { previewCsv } from '../../../../shared/actuals/importCsv';
import { CsvImportError } from '../../../../shared/actuals/types';
import { pipelineOptions, type FromWorker, type WorkerOptions } from './csvWorkerProtocol';
import { HEAD_BYTES, headerOf } from './fileHead';

/**
 * The worker's `preview` job: the file's first HEAD_BYTES read with the chosen options, as the pipeline would
 * read them (its first rows with the mapping applied, and the header the mapping builder offers). Runs in the
 * worker so that an odd or huge first record never blocks the page. An import error (no mapping fits, dates
 * ambiguous…) is an answer, not a crash: the header still comes with it.
 */
export async function previewHead(id: number, file: Blob, options: WorkerOptions): Promise<FromWorker> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const isWholeFile = head.length >= file.size;
  const header = headerOf(head, isWholeFile, options.encoding);
  try {
    return { type: 'preview', id, header, isWholeFile, preview: previewCsv(head, isWholeFile, pipelineOptions(options)) };
  } catch (error) {
    if (error instanceof CsvImportError) return { type: 'previewFailed', id, header, isWholeFile, code: error.code, params: error.params };
    throw error;
  }
}
