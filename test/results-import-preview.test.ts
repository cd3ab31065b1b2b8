import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../scripts/csv-fixtures/fixtures.mjs';
import { buildFixture, fixtureBytes } from '../scripts/generate-csv-fixtures.mjs';
import { fromWorkerSchema, toWorkerSchema, type ToWorker, type WorkerOptions } from '../src/renderer/features/results/import/csvWorkerProtocol';
import { HEAD_BYTES } from '../src/renderer/features/results/import/fileHead';
import { previewHead } from '../src/renderer/features/results/import/headPreview';
import type { WorkerLike } from '../src/renderer/features/results/import/importRunner';
import { createPreviewer } from '../src/renderer/features/results/import/previewRunner';

const OPTIONS: WorkerOptions = {
  facts: {
    stages: [
      { id: 's-lead', key: 'lead', name: 'Lead' },
      { id: 's-mql', key: 'mql', name: 'MQL' },
      { id: 's-sql', key: 'sql', name: 'SQL' },
      { id: 's-customer', key: 'customer', name: 'Customer' },
    ],
    handoffStageId: 's-mql',
    firstContactWindowHours: 4,
  },
  mapping: 'auto',
  encoding: 'auto',
  dateOrder: 'auto',
  decimalSeparator: 'auto',
  timeZone: 'Europe/Madrid',
  requiredAttempts: 3,
};

const fixtureBlob = (name: string) => {
  const spec = (FIXTURES as { file: string }[]).find((f) => f.file === name)!;
  return new Blob([new Uint8Array(fixtureBytes(spec, buildFixture(spec).text) as Uint8Array)]);
};

/** A worker in this thread answering `preview` with the worker's own job (headPreview.ts), or as told. */
function inlineWorker(answer?: (message: ToWorker, send: (data: unknown) => void) => void) {
  const posted: ToWorker[] = [];
  let created = 0;
  let terminated = 0;
  const make = (): WorkerLike => {
    created++;
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      terminate: () => void terminated++,
      postMessage(message) {
        posted.push(message);
        const send = (data: unknown) => queueMicrotask(() => worker.onmessage?.(new MessageEvent('message', { data })));
        if (answer) return answer(message, send);
        if (message.type === 'preview') void previewHead(message.id, message.file, message.options).then(send);
      },
    };
    return worker;
  };
  return { make, posted, created: () => created, terminated: () => terminated };
}

describe('the worker’s preview job (headPreview)', () => {
  it('reads the first rows of a Latin-1, semicolon, decimal-comma file with the mapping applied, and its header', async () => {
    const answer = await previewHead(7, fixtureBlob('salesforce-es-semicolon-latin1.csv'), OPTIONS);
    expect(fromWorkerSchema.safeParse(answer).success).toBe(true);
    expect(answer.type).toBe('preview');
    if (answer.type !== 'preview') return;
    expect(answer.id).toBe(7);
    expect(answer.isWholeFile).toBe(true);
    expect(answer.preview.detected).toMatchObject({ encoding: 'windows-1252', delimiter: ';', decimalSeparator: ',' });
    expect(answer.preview.rows.length).toBeGreaterThan(0);
    expect(answer.preview.columns.stages.map((s) => s.stageId)).toContain('s-sql');
    expect(answer.header).toEqual(answer.preview.header);
  });

  it('answers a file no mapping fits with the import error and still the header for the mapping builder', async () => {
    const answer = await previewHead(1, new Blob(['Cliente;Alta;Cierre\nAcme;03/02/2025;20/03/2025\n']), OPTIONS);
    expect(answer).toMatchObject({ type: 'previewFailed', id: 1, code: 'no_mapping_fits', header: ['Cliente', 'Alta', 'Cierre'], isWholeFile: true });
    expect(fromWorkerSchema.safeParse(answer).success).toBe(true);
  });

  it('reads only the head of a large file', async () => {
    const line = 'Create date,Became a Lead Date\n';
    const big = new Blob([line, '2025-01-02,2025-01-03\n'.repeat(Math.ceil((HEAD_BYTES * 3) / 22))]);
    const answer = await previewHead(2, big, OPTIONS);
    expect(answer.type === 'preview' || answer.type === 'previewFailed').toBe(true);
    if (answer.type === 'preview' || answer.type === 'previewFailed') expect(answer.isWholeFile).toBe(false);
  });
});

describe('the preview messages', () => {
  it('carry a request number and a File, and refuse anything else', () => {
    const file = new Blob(['a\n']);
    expect(toWorkerSchema.safeParse({ type: 'preview', id: 3, file, options: OPTIONS }).success).toBe(true);
    expect(toWorkerSchema.safeParse({ type: 'preview', id: -1, file, options: OPTIONS }).success).toBe(false);
    expect(toWorkerSchema.safeParse({ type: 'preview', file, options: OPTIONS }).success).toBe(false);
    expect(toWorkerSchema.safeParse({ type: 'preview', id: 3, file: '/etc/passwd', options: OPTIONS }).success).toBe(false);
  });

  it('refuse a forged preview answer', async () => {
    const real = await previewHead(4, fixtureBlob('hubspot-labels-comma.csv'), OPTIONS);
    expect(real.type).toBe('preview');
    if (real.type !== 'preview') return;
    expect(fromWorkerSchema.safeParse({ ...real, preview: { ...real.preview, rows: [{ line: -1 }] } }).success).toBe(false);
    expect(fromWorkerSchema.safeParse({ ...real, preview: { ...real.preview, extra: true } }).success).toBe(false);
    expect(fromWorkerSchema.safeParse({ ...real, header: 'all' }).success).toBe(false);
  });
});

describe('createPreviewer (the page side)', () => {
  it('keeps one worker for every request and resolves each with the worker’s preview', async () => {
    const fake = inlineWorker();
    const previewer = createPreviewer(fake.make);
    const first = await previewer.request(fixtureBlob('hubspot-labels-comma.csv'), OPTIONS);
    const second = await previewer.request(fixtureBlob('hubspot-labels-comma.csv'), { ...OPTIONS, mapping: 'hubspot' });
    expect(first !== 'stale' && first.kind).toBe('preview');
    expect(second !== 'stale' && second.kind === 'preview' && second.preview.detected.mapping.preset).toBe('hubspot');
    expect(fake.created()).toBe(1);
    previewer.dispose();
    expect(fake.terminated()).toBe(1);
  });

  it('uses only the latest request’s answer: an earlier one resolves as stale, a late answer to it is ignored', async () => {
    const sends: ((data: unknown) => void)[] = [];
    const fake = inlineWorker((_, send) => void sends.push(send));
    const previewer = createPreviewer(fake.make);
    const older = previewer.request(new Blob(['a\n']), OPTIONS);
    const newer = previewer.request(new Blob(['b\n']), OPTIONS);
    expect(await older).toBe('stale');
    const ids = fake.posted.map((m) => (m.type === 'preview' ? m.id : -1));
    expect(ids).toEqual([0, 1]);
    // The old request's answer arrives after the new one was sent: not taken for the new one.
    sends[0]!({ type: 'previewFailed', id: 0, header: ['a'], isWholeFile: true, code: 'no_header', params: {} });
    sends[1]!({ type: 'previewFailed', id: 1, header: ['b'], isWholeFile: true, code: 'no_mapping_fits', params: {} });
    const answer = await newer;
    expect(answer !== 'stale' && answer.kind === 'failed' && [answer.header, answer.error.code]).toEqual([['b'], 'no_mapping_fits']);
  });

  it('treats nonsense from the worker as a crash and starts a fresh worker for the next request', async () => {
    let nonsense = true;
    const fake = inlineWorker((message, send) => {
      if (message.type !== 'preview') return;
      if (nonsense) send({ type: 'preview', id: message.id, preview: 'everything' });
      else void previewHead(message.id, message.file, message.options).then(send);
    });
    const previewer = createPreviewer(fake.make);
    const broken = await previewer.request(new Blob(['a\n']), OPTIONS);
    expect(broken !== 'stale' && broken.kind).toBe('crashed');
    expect(fake.terminated()).toBe(1);
    nonsense = false;
    const fine = await previewer.request(fixtureBlob('hubspot-labels-comma.csv'), OPTIONS);
    expect(fine !== 'stale' && fine.kind).toBe('preview');
    expect(fake.created()).toBe(2);
  });

  it('reports a worker that stops (onerror) as a crash', async () => {
    let fail: (() => void) | null = null;
    const fake = inlineWorker(() => undefined);
    const previewer = createPreviewer(() => {
      const worker = fake.make();
      // Node has no ErrorEvent: the runner reads only its message.
      fail = () => worker.onerror?.({ message: 'boom' } as ErrorEvent);
      return worker;
    });
    const pending = previewer.request(new Blob(['a\n']), OPTIONS);
    fail!();
    expect(await pending).toEqual({ kind: 'crashed', message: 'boom' });
  });
});
