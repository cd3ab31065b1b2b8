import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AgreementRecord, OpName } from '../../src/shared/api/contract';
import { apiErrorSchema, type ApiError, type ErrorKind, type Result } from '../../src/shared/api/errors';
import { createTranslator, describeError } from '../../src/shared/i18n';
import { LIMITS } from '../../src/shared/model/limits';
import { SLAW_SCHEMA_VERSION } from '../../src/shared/slaw/format';
import { slawFileName } from '../../src/main/core/agreements';
import { createCore, type Core } from '../../src/main/core/core';
import { resolveAppFile } from '../../src/main/electron/appProtocol';
import { safeSlawFileName } from '../../src/main/electron/slawFiles';
import { newToken } from '../../src/main/http/security';
import { TOKEN_HEADER } from '../../src/shared/security/headers';
import { createHttpHost } from '../../src/main/http/server';
import { recordFigures } from '../support/figures';
import { tempDir } from '../support/tempDirs';

/**
 * Hostile input at the boundaries: `.slaw` imports that are malformed, mistyped, huge, deeply nested,
 * prototype-poisoned or from the future; names and paths built from user data; and a data folder that
 * refuses writes (read-only, full). Each must end in a clear, typed, translated error with nothing written
 * and nothing lost. Through `dispatch` itself and through the browser-mode HTTP host.
 */

const en = createTranslator('en');
const es = createTranslator('es');
const tally = { cases: 0, clearErrors: 0, storageScenarios: 0, priorDataIntact: 0, peakRssGrowthMb: 0 };

afterAll(() => {
  recordFigures('hostile', {
    cases: tally.cases,
    clear_errors: tally.clearErrors,
    prior_data_intact: `${tally.priorDataIntact}/${tally.storageScenarios}`,
    storage_scenarios: tally.storageScenarios,
    peak_rss_growth_mb_50mb_request: tally.peakRssGrowthMb,
  });
});

// ---------------------------------------------------------------------------------------------------------
// Hosts: the core's dispatch, and the same core behind the HTTP host.

interface Wire {
  status: number;
  text: string;
  result: Result<unknown>;
}

function post(port: number, token: string, op: string, body: string): Promise<Wire> {
  return new Promise((resolvePost, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${op}`,
        headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', [TOKEN_HEADER]: token, 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolvePost({ status: res.statusCode ?? 0, text, result: JSON.parse(text) as Result<unknown> });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface Harness {
  parent: string;
  dataDir: string;
  core: Core;
  port: number;
  token: string;
  /** Stops the HTTP host and closes the database, leaving the data folder in place. */
  stop(): Promise<void>;
  /** stop(), then removes the folder. */
  close(): Promise<void>;
  /** One operation through `dispatch` or HTTP; `body` is raw JSON text for HTTP (default: the input's JSON). */
  call(via: 'dispatch' | 'http', op: string, input: unknown, body?: string): Promise<Wire>;
}

async function startHarness(): Promise<Harness> {
  const parent = tempDir('sla-hostile-');
  const dataDir = join(parent, 'data');
  const core = createCore({ dataDir, appVersion: '9.9.9-hostile', host: 'browser' });
  const token = newToken();
  const host = createHttpHost({ dispatch: core.dispatch, token });
  const port = await host.listen();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await host.close();
    core.close();
  };
  return {
    parent,
    dataDir,
    core,
    port,
    token,
    stop,
    async close() {
      await stop();
      rmSync(parent, { recursive: true, force: true });
    },
    async call(via, op, input, body) {
      if (via === 'http') return post(port, token, op, body ?? JSON.stringify(input));
      const result = await core.dispatch(op, input);
      return { status: 200, text: JSON.stringify(result), result };
    },
  };
}

async function ok<T>(h: Harness, op: OpName, input: unknown): Promise<T> {
  const reply = await h.core.dispatch(op, input);
  if (!reply.ok) throw new Error(`${op}: ${reply.error.message}`);
  return reply.value as T;
}

/** Creates an example and a blank agreement, edits one, trashes another: data worth protecting. */
async function seed(h: Harness): Promise<{ draft: AgreementRecord; trashedId: string; slaw: string }> {
  const example = await ok<AgreementRecord>(h, 'agreements.create', { source: 'example', language: 'es' });
  const blank = await ok<AgreementRecord>(h, 'agreements.create', { source: 'blank', language: 'en', title: 'Q3 alignment' });
  const edited = { ...blank.agreement, notes: { ...blank.agreement.notes, icp: 'Retail, 50–500 employees' } };
  const saved = await ok<{ revision: number }>(h, 'agreements.save', { id: blank.agreement.meta.id, revision: 1, agreement: edited });
  const third = await ok<AgreementRecord>(h, 'agreements.create', { source: 'blank', language: 'es', title: 'Papelera' });
  await ok(h, 'agreements.trash', { id: third.agreement.meta.id });
  const { content } = await ok<{ content: string }>(h, 'slaw.export', { id: example.agreement.meta.id });
  return { draft: { agreement: edited, revision: saved.revision }, trashedId: third.agreement.meta.id, slaw: content };
}

type Row = Record<string, unknown>;
const rowsOf = (db: Database.Database): Row[] => db.prepare('SELECT * FROM agreements ORDER BY id').all() as Row[];
const changesOf = (db: Database.Database): number => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

// ---------------------------------------------------------------------------------------------------------
// What "a clear typed error" means.

const LEAK = /\n\s*at |\bat [^\s()]+ \([^()]*:\d+:\d+\)|file:\/\/|node_modules|\.[cm]?[jt]s:\d+|\b[A-Z]\w*Error:/;

/** The reply is a typed error of `kind`, clean of internals, and reads as a sentence in English and Spanish. */
function expectClearError(wire: Wire, kind: ErrorKind, label: string): ApiError {
  expect(wire.result.ok, `${label}: ${wire.text.slice(0, 300)}`).toBe(false);
  if (wire.result.ok) throw new Error('unreachable');
  const error = apiErrorSchema.parse(wire.result.error);
  expect(error.kind, `${label}: ${error.message}`).toBe(kind);
  expect(wire.text, label).not.toMatch(LEAK);
  const english = describeError(en, error);
  const spanish = describeError(es, error);
  for (const sentence of [english, spanish]) {
    expect(sentence, label).not.toMatch(/errors\.|\{\{|undefined/);
    expect(sentence.length, label).toBeGreaterThan(10);
  }
  expect(spanish, label).not.toBe(english);
  return error;
}

// ---------------------------------------------------------------------------------------------------------
// Hostile .slaw files.

const deepArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObjects = (depth: number, key = 'a') => `${`{"${key}":`.repeat(depth)}1${'}'.repeat(depth)}`;

interface Expectation {
  kind: ErrorKind;
  status?: number;
  reason?: string;
  check?: (error: ApiError) => void;
}
interface HostileCase {
  name: string;
  /** The whole input of slaw.import (usually `{ content }`). */
  input: () => unknown;
  /** Raw HTTP body, when it is not simply JSON.stringify(input). */
  body?: () => string;
  dispatch: Expectation;
  http?: Expectation;
}

const file = (kind: ErrorKind, reason?: string): Expectation => ({ kind, ...(reason ? { reason } : {}) });

function hostileCases(slaw: string): HostileCase[] {
  const good = JSON.parse(slaw) as Record<string, unknown> & {
    agreement: Record<string, unknown> & { meta: Record<string, unknown>; participants: Record<string, unknown>[] };
  };
  const withFile = (name: string, content: () => string, expectation: Expectation): HostileCase => ({
    name,
    input: () => ({ content: content() }),
    dispatch: expectation,
  });
  const edit = (mutate: (doc: typeof good) => void) => () => {
    const doc = JSON.parse(slaw) as typeof good;
    mutate(doc);
    return JSON.stringify(doc);
  };
  /** Adds an own key (even `__proto__`) to the JSON text of an object, as a hostile file would spell it. */
  const injectKey = (json: string, key: string, value: string) => `{"${key}":${value},${json.trim().slice(1)}`;
  const agreementText = JSON.stringify(good.agreement);
  const metaText = JSON.stringify(good.agreement.meta);
  const envelopeWith = (agreement: string) =>
    `{"format":"sla-workshop","schemaVersion":${SLAW_SCHEMA_VERSION},"exportedAt":"2027-01-01T00:00:00.000Z","appVersion":"1","agreement":${agreement},"actuals":[]}`;
  const schemaIssue = (path: string, code: string) => (error: ApiError) => expect(error.issues?.[0]).toMatchObject({ path, code });
  const pollution = `{"polluted_by_hostile":true}`;

  return [
    // Malformed JSON.
    ...[
      'not json at all',
      '',
      '{',
      '{"format":"sla-workshop",',
      '\uFEFF',
      '\uFEFF{oops',
      "{'format':'sla-workshop'}",
      `${slaw}}`,
      'NaN',
      '{"a":1,}',
      '/* comment */ {}',
      '\u0000',
      slaw.slice(0, slaw.length / 2),
    ].map((text, i) => withFile(`malformed JSON #${i + 1}`, () => text, file('invalid_file', 'not_json'))),
    // JSON, but not an agreement file.
    ...['null', '[]', '"sla-workshop"', '42', 'true', '{}', '{"format":"other"}', '{"format":["sla-workshop"]}'].map((text) =>
      withFile(`not a .slaw: ${text}`, () => text, file('invalid_file', 'not_slaw')),
    ),
    // Wrong types inside the file.
    withFile(
      'schemaVersion as a string',
      edit((d) => (d.schemaVersion = '2')),
      file('invalid_file', 'bad_schema_version'),
    ),
    withFile(
      'agreement is an array',
      edit((d) => (d.agreement = [] as never)),
      { ...file('invalid_file', 'schema'), check: schemaIssue('agreement', 'invalid_type') },
    ),
    withFile(
      'title is a number',
      edit((d) => (d.agreement.meta.title = 42)),
      { ...file('invalid_file', 'schema'), check: schemaIssue('agreement.meta.title', 'invalid_type') },
    ),
    withFile(
      'participants is a string',
      edit((d) => (d.agreement.participants = 'many' as never)),
      file('invalid_file', 'schema'),
    ),
    withFile(
      'kpis is an object',
      edit((d) => (d.agreement.kpis = {})),
      file('invalid_file', 'schema'),
    ),
    withFile(
      'version is a string',
      edit((d) => (d.agreement.meta.version = '1')),
      file('invalid_file', 'schema'),
    ),
    withFile(
      'createdAt is a number',
      edit((d) => (d.agreement.meta.createdAt = 0)),
      file('invalid_file', 'schema'),
    ),
    withFile(
      'exportedAt is null',
      edit((d) => (d.exportedAt = null)),
      file('invalid_file', 'schema'),
    ),
    withFile(
      'a negative amount',
      edit((d) => ((d.agreement.goals as { calculator: { revenueGoal: number } }).calculator.revenueGoal = -5)),
      file('invalid_file', 'schema'),
    ),
    withFile(
      'a title of 5,000 characters',
      edit((d) => (d.agreement.meta.title = 'x'.repeat(5_000))),
      { ...file('invalid_file', 'schema'), check: schemaIssue('agreement.meta.title', 'too_big') },
    ),
    withFile(
      'a script as a signature image',
      edit(
        (d) =>
          (d.agreement.signatures = [
            {
              id: 's',
              participantId: 'p',
              name: 'n',
              jobTitle: 'j',
              signedAt: '2027-01-01T00:00:00Z',
              image: 'javascript:alert(1)',
              device: 'd',
              fingerprint: 'f'.repeat(64),
            },
          ]),
      ),
      file('invalid_file', 'schema'),
    ),
    // The content itself of the wrong type: refused by the contract before the importer runs.
    ...[42, null, {}, [], true].map((content) => ({
      name: `content is ${JSON.stringify(content)}`,
      input: () => ({ content }),
      dispatch: file('invalid_input'),
    })),
    { name: 'no content at all', input: () => ({}), dispatch: file('invalid_input') },
    {
      name: 'an extra field next to content',
      input: () => ({ content: slaw, path: '../../etc/passwd' }),
      dispatch: { kind: 'invalid_input', check: schemaIssue('', 'unrecognized_keys') },
    },
    // Too large.
    {
      name: 'a 50 MB string',
      input: () => ({ content: 'x'.repeat(50 * 1024 * 1024) }),
      dispatch: { kind: 'invalid_input', check: schemaIssue('content', 'too_big') },
      http: { kind: 'too_large', status: 413 },
    },
    withFile('21 MB of UTF-8 in 10.5 M characters (under the character limit, over the byte limit)', () => 'é'.repeat(10_500_000), {
      kind: 'too_large',
      check: (e) => expect(e.params?.limit).toBe(LIMITS.slawBytes),
    }),
    withFile('a valid file padded to one byte over the limit', () => slaw + ' '.repeat(LIMITS.slawBytes - Buffer.byteLength(slaw) + 1), file('too_large')),
    // Deep nesting.
    withFile('100k nested arrays as the agreement', () => envelopeWith(deepArrays(100_000)), file('invalid_file', 'schema')),
    withFile('100k nested objects as the whole file', () => deepObjects(100_000), file('invalid_file', 'not_slaw')),
    withFile('100k nested objects as the meta', () => envelopeWith(`{"meta":${deepObjects(100_000)}}`), file('invalid_file', 'schema')),
    withFile('1M nested arrays as the whole file', () => deepArrays(1_000_000), file('invalid_file', 'not_slaw')),
    withFile('100k nested __proto__ objects as the agreement', () => envelopeWith(deepObjects(100_000, '__proto__')), file('invalid_file', 'schema')),
    {
      name: 'content is 100k nested arrays (not a string)',
      input: () => ({ content: JSON.parse(deepArrays(100_000)) as unknown }),
      body: () => `{"content":${deepArrays(100_000)}}`,
      dispatch: file('invalid_input'),
    },
    {
      name: 'the request itself is 100k nested arrays',
      input: () => JSON.parse(deepArrays(100_000)) as unknown,
      body: () => deepArrays(100_000),
      dispatch: file('invalid_input'),
    },
    {
      name: 'the request itself is 100k nested __proto__ objects',
      input: () => JSON.parse(deepObjects(100_000, '__proto__')) as unknown,
      body: () => deepObjects(100_000, '__proto__'),
      dispatch: file('invalid_input'),
    },
    // __proto__ / constructor / prototype keys.
    withFile('__proto__ at the top of the file', () => injectKey(slaw, '__proto__', pollution), {
      ...file('invalid_file', 'schema'),
      check: schemaIssue('', 'unrecognized_keys'),
    }),
    withFile('__proto__ in the agreement', () => envelopeWith(injectKey(agreementText, '__proto__', pollution)), {
      ...file('invalid_file', 'schema'),
      check: schemaIssue('agreement', 'unrecognized_keys'),
    }),
    withFile(
      'constructor.prototype in the agreement',
      () => envelopeWith(injectKey(agreementText, 'constructor', `{"prototype":${pollution}}`)),
      file('invalid_file', 'schema'),
    ),
    withFile('prototype in the meta', () => envelopeWith(agreementText.replace(metaText, injectKey(metaText, 'prototype', pollution))), {
      ...file('invalid_file', 'schema'),
      check: schemaIssue('agreement.meta', 'unrecognized_keys'),
    }),
    withFile(
      '__proto__ in a participant',
      () => envelopeWith(agreementText.replace('"participants":[{', `"participants":[{"__proto__":${pollution},`)),
      file('invalid_file', 'schema'),
    ),
    withFile(
      '__proto__ claiming the format (not an own field)',
      () => `{"__proto__":{"format":"sla-workshop","schemaVersion":2}}`,
      file('invalid_file', 'not_slaw'),
    ),
    withFile(
      '__proto__ in a version-1 file (goes through the migration)',
      () => {
        // A version-1 file as it was: no top-level actuals (they arrived with version 3).
        const { actuals: _actuals, ...v1 } = JSON.parse(slaw) as Record<string, unknown>;
        return injectKey(JSON.stringify({ ...v1, schemaVersion: 1 }), '__proto__', pollution);
      },
      { ...file('invalid_file', 'schema'), check: schemaIssue('', 'unrecognized_keys') },
    ),
    {
      name: '__proto__ next to content in the request',
      input: () => JSON.parse(`{"__proto__":${pollution},"content":${JSON.stringify(slaw)}}`) as unknown,
      dispatch: file('invalid_input'),
    },
    {
      name: 'constructor next to content in the request',
      input: () => JSON.parse(`{"constructor":{"prototype":${pollution}},"content":"x"}`) as unknown,
      dispatch: file('invalid_input'),
    },
    // Schema versions from the future or from nowhere.
    ...[SLAW_SCHEMA_VERSION + 1, 99, 2 ** 53, 1e308].map((version) =>
      withFile(
        `schemaVersion ${version}`,
        edit((d) => (d.schemaVersion = version)),
        {
          kind: 'unsupported_version',
          check: (e) => expect(e.params).toMatchObject({ found: version, supported: SLAW_SCHEMA_VERSION }),
        },
      ),
    ),
    ...[0, -1, 1.5, '3', null, true, [2]].map((version) =>
      withFile(
        `schemaVersion ${JSON.stringify(version)}`,
        edit((d) => (d.schemaVersion = version)),
        file('invalid_file', 'bad_schema_version'),
      ),
    ),
    withFile(
      'no schemaVersion',
      edit((d) => delete d.schemaVersion),
      file('invalid_file', 'bad_schema_version'),
    ),
  ];
}

describe('hostile .slaw imports end in a clear typed error with nothing written', () => {
  let h: Harness;
  let slaw = '';
  let rowsBefore: Row[];
  beforeAll(async () => {
    h = await startHarness();
    slaw = (await seed(h)).slaw;
    rowsBefore = rowsOf(h.core.db);
  });
  afterAll(async () => {
    await h.close();
  });
  afterEach(() => {
    expect('polluted_by_hostile' in {}).toBe(false);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('a valid file is imported (the cases below fail for their own reason, not a broken import)', async () => {
    const reply = await h.call('dispatch', 'slaw.import', { content: slaw });
    expect(reply.result.ok).toBe(true);
    await ok(h, 'agreements.purge', {
      id: (await ok<{ id: string }>(h, 'agreements.trash', { id: (reply.result as { value: { summary: { id: string } } }).value.summary.id })).id,
    });
    // Import, trash and purge leave the table as it was.
    expect(rowsOf(h.core.db)).toEqual(rowsBefore);
  });

  // The cases need the seeded file; they are built lazily inside each test.
  const names = hostileCases('{"agreement":{"meta":{},"participants":[]}}').map((c) => c.name);
  it.each(names.map((name, index) => [name, index] as const))('%s', async (_name, index) => {
    const hostile = hostileCases(slaw)[index] as HostileCase;
    for (const via of ['dispatch', 'http'] as const) {
      const expectation = (via === 'http' && hostile.http) || hostile.dispatch;
      const changes = changesOf(h.core.db);
      const list = await ok<unknown[]>(h, 'agreements.list', {});
      const rssBefore = process.memoryUsage().rss;
      const input = hostile.input();
      const body = via === 'http' ? (hostile.body?.() ?? JSON.stringify(input)) : undefined;
      const wire = await h.call(via, 'slaw.import', input, body);
      tally.cases += 1;
      if (hostile.name.startsWith('a 50 MB')) {
        const growthMb = Math.round((process.memoryUsage().rss - rssBefore) / 2 ** 20);
        tally.peakRssGrowthMb = Math.max(tally.peakRssGrowthMb, growthMb);
        // The 50 MB input itself plus its JSON copy; the server drops what is past its limit.
        expect(growthMb, `${hostile.name} via ${via}: memory`).toBeLessThan(1_024);
      }
      const label = `${hostile.name} via ${via}`;
      expect(wire.status, label).toBe(expectation.status ?? 200);
      const error = expectClearError(wire, expectation.kind, label);
      if (expectation.reason) expect(error.params?.reason, label).toBe(expectation.reason);
      expectation.check?.(error);
      // Nothing written: no row changed by this connection, the list and the table as before.
      expect(changesOf(h.core.db), label).toBe(changes);
      expect(await ok<unknown[]>(h, 'agreements.list', {}), label).toEqual(list);
      expect(rowsOf(h.core.db), label).toEqual(rowsBefore);
      tally.clearErrors += 1;
    }
  });

  it('keeps serving, with the database intact, after all of it', async () => {
    expect(h.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await h.call('http', 'app.info', {})).result.ok).toBe(true);
    expect(process.memoryUsage().rss).toBeLessThan(2 * 2 ** 30);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Paths built from user data.

const SEGMENTS = [
  '..',
  '.',
  '%2e%2e',
  '%2E%2E',
  '%2f',
  '%5c',
  '..%2f',
  '..%5c',
  '%00',
  '%252e%252e',
  'secret.txt',
  'assets',
  'index.html',
  '',
  '~',
  'C:',
  '\u2025',
  '%c0%ae%c0%ae',
  '%E0%A4%A',
];

describe('names and paths built from user data never leave their folder', () => {
  it('export file names are plain, safe names whatever the title', () => {
    const dir = resolve('/data/exports');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.array(fc.constantFrom('..', '/', '\\', '.', 'CON', 'a', ' ', '\u0000', ':', 'é', '😀', '%2f'), { maxLength: 20 }).map((p) => p.join('')),
        ),
        (title) => {
          const name = slawFileName(title);
          expect(name).toMatch(/^[A-Za-z0-9_-]{1,80}\.slaw$/);
          expect(name.startsWith('-') || name.startsWith('.')).toBe(false);
          expect(dirname(join(dir, name))).toBe(dir);
          expect(basename(name)).toBe(name);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('the desktop save dialog suggests plain names whatever the renderer sends', () => {
    const dir = resolve('/home/user/Documents');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.array(fc.constantFrom('..', '/', '\\', '.', 'a', ' ', '\u0000', ':', '.slaw', 'C:'), { maxLength: 20 }).map((p) => p.join('')),
        ),
        (name) => {
          const safe = safeSlawFileName(name);
          // eslint-disable-next-line no-control-regex
          expect(safe).not.toMatch(/[\\/\u0000-\u001f<>:"|?*]/);
          expect(safe.endsWith('.slaw')).toBe(true);
          expect(safe.startsWith('.')).toBe(false);
          expect(dirname(join(dir, safe))).toBe(dir);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("the desktop app's protocol resolves every URL inside the renderer folder or refuses it", () => {
    const root = resolve('/opt/sla/renderer');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SEGMENTS), { maxLength: 8 }), fc.constantFrom('/', '//', '/./'), (segments, lead) => {
        const resolved = resolveAppFile(root, `app://renderer${lead}${segments.join('/')}`);
        if (resolved.kind === 'file') expect(resolved.path.startsWith(root + sep)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  describe('through the hosts', () => {
    let h: Harness;
    let draftId = '';
    beforeAll(async () => {
      h = await startHarness();
      draftId = (await seed(h)).draft.agreement.meta.id;
    });
    afterAll(async () => {
      await h.close();
    });

    it('exports of agreements with hostile titles get safe file names, through dispatch and HTTP', async () => {
      const titles = [
        '../../../../etc/passwd',
        '..\\..\\Windows\\system32\\config',
        '/absolute/path',
        'C:\\Users\\x\\evil',
        '\u0000hidden',
        '.bashrc',
        '~/.ssh/authorized_keys',
        '%2e%2e%2fescape',
        'CON',
        'a/../../b',
      ];
      for (const title of titles) {
        await ok(h, 'agreements.rename', { id: draftId, title });
        for (const via of ['dispatch', 'http'] as const) {
          const reply = await h.call(via, 'slaw.export', { id: draftId });
          expect(reply.result.ok).toBe(true);
          const { fileName } = (reply.result as { value: { fileName: string } }).value;
          expect(fileName, title).toMatch(/^[A-Za-z0-9_-]+\.slaw$/);
          expect(dirname(join(h.dataDir, fileName))).toBe(h.dataDir);
        }
      }
    });

    it('agreement ids that look like paths are opaque: nothing is created outside the data folder', async () => {
      const before = readdirSync(h.parent);
      const source = await ok<{ content: string }>(h, 'slaw.export', { id: draftId });
      for (const id of ['../../../../tmp/evil', '..\\..\\evil', '/etc/passwd', 'C:\\Windows\\evil', 'a/../../b', '%2e%2e%2fx', '.', '..']) {
        const doc = JSON.parse(source.content) as { agreement: { meta: { id: string } } };
        doc.agreement.meta.id = id;
        for (const via of ['dispatch', 'http'] as const) {
          const reply = await h.call(via, 'slaw.import', { content: JSON.stringify(doc) });
          expect(reply.result.ok, `${id} via ${via}`).toBe(true);
          const imported = (reply.result as { value: { summary: { id: string } } }).value.summary.id;
          expect((await h.call(via, 'slaw.export', { id: imported })).result.ok).toBe(true);
        }
      }
      expect(readdirSync(h.parent)).toEqual(before);
      expect(readdirSync(h.dataDir).every((name) => /^(sla-workshop\.db(-wal|-shm)?|backups|damaged)$/.test(name))).toBe(true);
    });

    it('the HTTP host serves nothing outside its renderer folder, however the path is spelled', async () => {
      const root = join(h.parent, 'renderer');
      mkdirSync(join(root, 'assets'), { recursive: true });
      writeFileSync(join(root, 'index.html'), '<!doctype html>');
      writeFileSync(join(h.parent, 'secret.txt'), 'TOP-SECRET');
      const token = newToken();
      const host = createHttpHost({ dispatch: h.core.dispatch, token, rendererDir: root });
      const port = await host.listen();
      try {
        await fc.assert(
          fc.asyncProperty(fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 6 }), async (segments) => {
            // Non-ASCII goes percent-encoded (Node refuses raw), everything else exactly as generated.
            const path = `/${segments.join('/')}`.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
            const reply = await new Promise<{ status: number; body: string }>((resolveGet, reject) => {
              const req = request({ host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}`, Cookie: `sla_token=${token}` } }, (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (c: Buffer) => chunks.push(c));
                res.on('end', () => resolveGet({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
              });
              req.on('error', reject);
              req.end();
            });
            expect([200, 400, 404], path).toContain(reply.status);
            expect(reply.body, path).not.toContain('TOP-SECRET');
          }),
          { numRuns: 500 },
        );
      } finally {
        await host.close();
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// A data folder that refuses writes.

const WRITES = /^\s*(INSERT|UPDATE|DELETE)\b[\s\S]*\bagreements\b/i;

interface StorageScenario {
  h: Harness;
  draft: AgreementRecord;
  trashedId: string;
  slaw: string;
  rows: Row[];
}

async function storageScenario(): Promise<StorageScenario> {
  const h = await startHarness();
  const seeded = await seed(h);
  return { h, ...seeded, rows: rowsOf(h.core.db) };
}

/** Every operation that writes, with inputs that would succeed on a healthy disk. */
function writeOps(s: StorageScenario): [OpName, unknown][] {
  const id = s.draft.agreement.meta.id;
  const bigger = { ...s.draft.agreement, notes: { ...s.draft.agreement.notes, goals: 'más contenido '.repeat(1_400) } };
  return [
    ['agreements.create', { source: 'example', language: 'en' }],
    ['agreements.save', { id, revision: s.draft.revision, agreement: bigger }],
    ['agreements.rename', { id, title: 'Renamed while the disk refuses' }],
    ['agreements.duplicate', { id }],
    ['agreements.trash', { id }],
    ['agreements.restore', { id: s.trashedId }],
    ['agreements.purge', { id: s.trashedId }],
    ['slaw.import', { content: s.slaw }],
  ];
}

/** What the user reads for each code: read-only and full disks in their own words, anything else in general terms. */
const STORAGE_WORDS: Record<string, { en: string; es: string }> = {
  SQLITE_READONLY: {
    en: 'The data folder or its database file is read-only (SQLITE_READONLY), so nothing can be saved. Make it writable again; nothing already saved was lost.',
    es: 'La carpeta de datos o el archivo de la base de datos es de solo lectura (SQLITE_READONLY), así que no se puede guardar nada. Vuelve a permitir la escritura; no se perdió nada de lo ya guardado.',
  },
  SQLITE_FULL: {
    en: 'The disk is full (SQLITE_FULL), so nothing more can be saved. Free some space and try again; nothing already saved was lost.',
    es: 'El disco está lleno (SQLITE_FULL), así que no se puede guardar nada más. Libera espacio y vuelve a intentarlo; no se perdió nada de lo ya guardado.',
  },
};

/** The storage error names the SQLite code and reads well in both languages. */
function expectStorageError(wire: Wire, code: string, label: string): void {
  const error = expectClearError(wire, 'storage', label);
  expect(error.params?.detail, label).toBe(code);
  const words = STORAGE_WORDS[code] ?? {
    en: `The data could not be saved or read (${code}). Nothing already saved was lost.`,
    es: `No se pudieron guardar o leer los datos (${code}). No se perdió nada de lo ya guardado.`,
  };
  expect(describeError(en, error), label).toBe(words.en);
  expect(describeError(es, error), label).toBe(words.es);
}

/** Stops the hosts, opens the data folder again with a new core, and compares every row with `rows`. */
function expectIntactAfterReopen(dataDir: string, rows: Row[], label: string): void {
  const reopened = createCore({ dataDir, appVersion: '9.9.9-hostile', host: 'direct' });
  try {
    expect(reopened.db.pragma('integrity_check', { simple: true }), label).toBe('ok');
    expect(rowsOf(reopened.db), `${label}: rows after re-open`).toEqual(rows);
  } finally {
    reopened.close();
  }
  tally.priorDataIntact += 1;
}

async function faultScenario(
  label: string,
  inject: (s: StorageScenario) => () => void,
  ops: (s: StorageScenario) => [OpName, unknown][],
  code: string,
): Promise<void> {
  const s = await storageScenario();
  tally.storageScenarios += 1;
  try {
    const restore = inject(s);
    try {
      for (const [op, input] of ops(s)) {
        for (const via of ['dispatch', 'http'] as const) {
          const wire = await s.h.call(via, op, input);
          tally.cases += 1;
          expectStorageError(wire, code, `${label}: ${op} via ${via}`);
          // Rows as before (a failed commit did run its statements, so total_changes() moves: compare rows).
          expect(rowsOf(s.h.core.db), `${label}: ${op} via ${via} changed rows`).toEqual(s.rows);
          tally.clearErrors += 1;
        }
      }
      // Reads still work while writes are refused, and nothing changed.
      expect((await s.h.call('http', 'agreements.list', {})).result.ok).toBe(true);
      expect((await s.h.call('dispatch', 'agreements.get', { id: s.draft.agreement.meta.id })).result.ok).toBe(true);
      expect(rowsOf(s.h.core.db)).toEqual(s.rows);
    } finally {
      restore();
    }
    await s.h.stop();
    expectIntactAfterReopen(s.h.dataDir, s.rows, label);
  } finally {
    await s.h.close();
  }
}

/** Makes better-sqlite3 statements throw `code` the way SQLite does, for the statements `matches` picks. */
function failStatements(matches: (source: string) => boolean, code: string, message: string): () => void {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as { run: (...args: unknown[]) => unknown };
  probe.close();
  const original = proto.run;
  const spy = vi.spyOn(proto, 'run').mockImplementation(function (this: { source: string }, ...args: unknown[]) {
    if (matches(this.source)) throw new Database.SqliteError(message, code);
    return original.apply(this, args);
  });
  return () => spy.mockRestore();
}

describe('a data folder that refuses writes: a clear storage error, and nothing already saved is lost', () => {
  it('read-only folder (simulated: SQLite query_only, which refuses every write with SQLITE_READONLY even as root)', async () => {
    await faultScenario(
      'read-only',
      (s) => {
        s.h.core.db.pragma('query_only = ON');
        return () => s.h.core.db.pragma('query_only = OFF');
      },
      writeOps,
      'SQLITE_READONLY',
    );
  });

  it('full disk (real SQLITE_FULL: the database may not grow by a single page)', async () => {
    await faultScenario(
      'full disk',
      (s) => {
        const pages = s.h.core.db.pragma('page_count', { simple: true }) as number;
        const max = s.h.core.db.pragma('max_page_count', { simple: true }) as number;
        s.h.core.db.pragma(`max_page_count = ${pages}`);
        return () => s.h.core.db.pragma(`max_page_count = ${max}`);
      },
      // Only writes that need a new page; a rename or a trash fits in the pages the row already has.
      (s) => writeOps(s).filter(([op]) => ['agreements.create', 'agreements.save', 'agreements.duplicate', 'slaw.import'].includes(op)),
      'SQLITE_FULL',
    );
  });

  for (const [code, message] of [
    ['SQLITE_FULL', 'database or disk is full'],
    ['SQLITE_READONLY', 'attempt to write a readonly database'],
    ['SQLITE_IOERR_WRITE', 'disk I/O error'],
  ] as const) {
    it(`every write statement fails with ${code} (injected): each write op reports it, nothing changes`, async () => {
      await faultScenario(`${code} on write`, () => failStatements((source) => WRITES.test(source), code, message), writeOps, code);
    });
  }

  it('the commit fails with SQLITE_FULL (injected): the transaction is rolled back, nothing changes', async () => {
    await faultScenario(
      'full at commit',
      () => failStatements((source) => source === 'COMMIT', 'SQLITE_FULL', 'database or disk is full'),
      // Operations that write inside a transaction (a save is one conditional UPDATE, covered above).
      (s) => writeOps(s).filter(([op]) => op !== 'agreements.save'),
      'SQLITE_FULL',
    );
  });
});
