import { describe, expect, it } from 'vitest';
import { chunksOf, importCsv } from '../src/shared/actuals/importCsv';
import { PRESET_IDS } from '../src/shared/actuals/presets';
import { FIXTURES } from '../scripts/csv-fixtures/fixtures.mjs';
import { buildFixture, fixtureBytes } from '../scripts/generate-csv-fixtures.mjs';
import {
  fromWorkerSchema,
  pipelineOptions,
  progressThrottle,
  toWorkerSchema,
  type ToWorker,
  type WorkerOptions,
} from '../src/renderer/features/results/import/csvWorkerProtocol';
import { headerOf } from '../src/renderer/features/results/import/fileHead';
import { runImport, type WorkerLike } from '../src/renderer/features/results/import/importRunner';
import { mappingFromDraft } from '../src/renderer/features/results/import/mappingDraft';

const STAGES = [
  { id: 's-lead', key: 'lead', name: 'Lead' },
  { id: 's-mql', key: 'mql', name: 'MQL' },
  { id: 's-sql', key: 'sql', name: 'SQL' },
  { id: 's-demo', key: 'custom', name: 'Demo' },
  { id: 's-customer', key: 'customer', name: 'Customer' },
] as const;

const OPTIONS: WorkerOptions = {
  facts: { stages: STAGES.map((s) => ({ ...s })), handoffStageId: 's-mql', firstContactWindowHours: 4 },
  mapping: 'auto',
  encoding: 'auto',
  dateOrder: 'auto',
  decimalSeparator: 'auto',
  timeZone: 'Europe/Madrid',
  requiredAttempts: 3,
};

const hubspotBytes = () => {
  const spec = (FIXTURES as { file: string }[]).find((f) => f.file === 'hubspot-labels-comma.csv')!;
  return fixtureBytes(spec, buildFixture(spec).text) as Uint8Array;
};

/** A worker in the same thread: runs the real pipeline on what the runner posts, answering like csvWorker.ts. */
function inlineWorker(behaviour: { answer?: (message: ToWorker, send: (data: unknown) => void) => void } = {}) {
  const posted: ToWorker[] = [];
  let terminated = false;
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => void (terminated = true),
    postMessage(message) {
      posted.push(message);
      const send = (data: unknown) => queueMicrotask(() => worker.onmessage?.(new MessageEvent('message', { data })));
      if (behaviour.answer) return behaviour.answer(message, send);
      if (message.type !== 'start') return;
      void message.file.arrayBuffer().then(async (buffer) => {
        const result = await importCsv(chunksOf(new Uint8Array(buffer), 4096), pipelineOptions(message.options));
        send({ type: 'progress', bytesRead: buffer.byteLength, totalBytes: buffer.byteLength, records: result.rows.records });
        send({ type: 'done', result });
      });
    },
  };
  return { worker, posted, terminated: () => terminated };
}

describe('the import worker protocol', () => {
  it('carries a File and the chosen options, and refuses anything else the page could post', () => {
    const file = new Blob(['a,b\n']);
    expect(toWorkerSchema.safeParse({ type: 'start', file, options: OPTIONS }).success).toBe(true);
    expect(toWorkerSchema.safeParse({ type: 'start', file: 'C:/secret.csv', options: OPTIONS }).success).toBe(false);
    expect(toWorkerSchema.safeParse({ type: 'start', file, options: { ...OPTIONS, timeZone: '' } }).success).toBe(false);
    expect(toWorkerSchema.safeParse({ type: 'start', file, options: { ...OPTIONS, mapping: 'zoho' } }).success).toBe(false);
    expect(toWorkerSchema.safeParse({ type: 'cancel', extra: 1 }).success).toBe(false);
  });

  it('names every preset the pipeline has', () => {
    for (const preset of PRESET_IDS)
      expect(toWorkerSchema.safeParse({ type: 'start', file: new Blob([]), options: { ...OPTIONS, mapping: preset } }).success).toBe(true);
  });

  it('accepts a real import result from the worker and refuses a forged one', async () => {
    const result = await importCsv(chunksOf(hubspotBytes(), 1000), pipelineOptions(OPTIONS));
    expect(fromWorkerSchema.safeParse({ type: 'done', result }).success).toBe(true);
    const forged = { ...result, rows: { ...result.rows, counted: -1 } };
    expect(fromWorkerSchema.safeParse({ type: 'done', result: forged }).success).toBe(false);
    expect(fromWorkerSchema.safeParse({ type: 'failed', code: 'rm -rf', params: {} }).success).toBe(false);
  });

  it('posts progress at most once per interval', () => {
    let now = 0;
    const due = progressThrottle(100, () => now);
    const sent = [0, 10, 50, 99, 100, 150, 200, 201].map((at) => ((now = at), due()));
    expect(sent).toEqual([true, false, false, false, true, false, true, false]);
  });
});

describe('runImport (the page side)', () => {
  it('resolves with the pipeline’s result, reports progress, and ends the worker', async () => {
    const fake = inlineWorker();
    const progress: number[] = [];
    const run = runImport(
      new Blob([new Uint8Array(hubspotBytes())]),
      OPTIONS,
      (p) => progress.push(p.records),
      () => fake.worker,
    );
    const outcome = await run.outcome;
    expect(outcome.kind).toBe('done');
    if (outcome.kind === 'done') expect(outcome.result.rows.counted).toBe(120);
    expect(progress).toEqual([120]);
    expect(fake.terminated()).toBe(true);
  });

  it('cancel resolves as cancelled at once, asks the worker to stop, and ignores what it still answers', async () => {
    let late: ((data: unknown) => void) | null = null;
    const fake = inlineWorker({ answer: (message, send) => message.type === 'start' && (late = send) });
    const progress: number[] = [];
    const run = runImport(
      new Blob(['x']),
      OPTIONS,
      (p) => progress.push(p.records),
      () => fake.worker,
    );
    run.cancel();
    expect(await run.outcome).toEqual({ kind: 'failed', code: 'cancelled', params: {} });
    expect(fake.posted.map((m) => m.type)).toEqual(['start', 'cancel']);
    expect(fake.terminated()).toBe(true);
    late!({ type: 'progress', bytesRead: 1, totalBytes: 1, records: 1 });
    await Promise.resolve();
    expect(progress).toEqual([]);
  });

  it('treats a malformed answer as a crash, never as a result', async () => {
    const fake = inlineWorker({ answer: (message, send) => message.type === 'start' && send({ type: 'done', result: { months: 'all' } }) });
    const outcome = await runImport(
      new Blob(['x']),
      OPTIONS,
      () => undefined,
      () => fake.worker,
    ).outcome;
    expect(outcome.kind).toBe('crashed');
  });
});

describe('the mapping builder’s pure parts', () => {
  it('reads the header of a Latin-1, semicolon file', () => {
    const bytes = Uint8Array.from([...'Fecha de alta;Año;"Importe, también"\n1;2;3\n'].map((c) => c.charCodeAt(0)));
    expect(headerOf(bytes, true, 'auto')).toEqual(['Fecha de alta', 'Año', 'Importe, también']);
  });

  it('names stages by key (custom ones by name), keeps only chosen columns, and says what is missing', () => {
    const draft = { name: ' Hoja ', stages: { 's-lead': 'Alta', 's-demo': 'Demo hecha' }, fields: { amount: 'Importe' }, dateOrder: 'dmy' as const };
    expect(mappingFromDraft(draft, STAGES)).toEqual({
      format: 'sla-workshop/csv-mapping',
      version: 1,
      name: 'Hoja',
      stages: [
        { stage: { key: 'lead' }, column: 'Alta' },
        { stage: { custom: 'Demo' }, column: 'Demo hecha' },
      ],
      amount: 'Importe',
      dateOrder: 'dmy',
    });
    expect(mappingFromDraft({ ...draft, name: '  ' }, STAGES)).toBe('name');
    expect(mappingFromDraft({ ...draft, stages: {} }, STAGES)).toBe('stage');
  });
});
