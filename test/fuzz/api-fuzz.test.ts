import fc from 'fast-check';
import { Agent, request } from 'node:http';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawTransport } from '../../src/shared/api/client';
import { contract, OP_NAMES, type AgreementRecord, type OpName } from '../../src/shared/api/contract';
import { apiErrorSchema, ERROR_KINDS } from '../../src/shared/api/errors';
import { agreementSchema } from '../../src/shared/model/schema';
import { createCore, type Core } from '../../src/main/core/core';
import { createDirectTransport } from '../../src/main/core/directTransport';
import { newToken } from '../../src/main/http/security';
import { TOKEN_HEADER } from '../../src/shared/security/headers';
import { createHttpHost } from '../../src/main/http/server';
import { recordFigures } from '../support/figures';
import { tempDir } from '../support/tempDirs';
import {
  anyJson,
  bigString,
  brokenJsonText,
  deepValue,
  hostileObject,
  inputKeys,
  nastyString,
  nearValid,
  POLLUTION_MARKER,
  pollutionPayloads,
  toJsonText,
  validFor,
  weirdNumber,
  type FieldOverrides,
} from './arbitraries';

/**
 * Property-based fuzzing of every operation in the contract, through the browser-mode HTTP host and the
 * in-process transport. Properties: the host keeps answering, every reply is a valid Result with a typed
 * error kind and no stack trace, Object.prototype stays clean, and the database stays consistent.
 * FUZZ_RUNS sets the payloads per operation per host (CI: 1,000; `npm run fuzz`: 20,000); FUZZ_SEED replays.
 */
const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS) || 1_000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const HOSTS = ['http', 'direct'] as const;
type FuzzHost = (typeof HOSTS)[number];

/** A payload is a value (sent as JSON) or, now and then, raw text that may not be JSON at all. */
type Payload = { value: unknown } | { text: string };

interface Reply {
  status: number;
  body: unknown;
  text: string;
}

interface Running {
  core: Core;
  dataDir: string;
  send(op: OpName, payload: Payload): Promise<Reply>;
  close(): Promise<void>;
}

const tally = { payloads: 0, crashes: 0, untypedErrors: 0, stackTraces: 0, pollution: 0, accepted: 0, illFormedText: 0, byKind: {} as Record<string, number> };
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const started = performance.now();

async function startFuzzHost(kind: FuzzHost): Promise<Running> {
  const dataDir = tempDir('sla-fuzz-');
  const core = createCore({ dataDir, appVersion: '9.9.9-fuzz', host: kind === 'http' ? 'browser' : 'direct' });
  if (kind === 'direct') {
    const raw: RawTransport = createDirectTransport(core.dispatch);
    return {
      core,
      dataDir,
      async send(op, payload) {
        const body = await raw(op, 'value' in payload ? payload.value : payload.text);
        return { status: 200, body, text: JSON.stringify(body) };
      },
      async close() {
        core.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const token = newToken();
  const host = createHttpHost({ dispatch: core.dispatch, token });
  const port = await host.listen();
  // One kept-alive connection: requests go one after the other, like a page's autosave.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    core,
    dataDir,
    send(op, payload) {
      const bodyText = 'value' in payload ? toJsonText(payload.value) : payload.text;
      return new Promise<Reply>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            agent,
            method: 'POST',
            path: `/api/${encodeURIComponent(op)}`,
            headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token, 'Content-Length': Buffer.byteLength(bodyText) },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              let body: unknown;
              try {
                body = JSON.parse(text);
              } catch {
                body = undefined;
              }
              resolve({ status: res.statusCode ?? 0, body, text });
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(bodyText);
      });
    },
    async close() {
      agent.destroy();
      await host.close();
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// What a reply must look like.

/** Traces of internals: stack frames, file paths, error class names. */
const LEAKS = [
  /\n\s*at /g,
  /\bat [^\s()]+ \([^()]*:\d+:\d+\)/g,
  /file:\/\//g,
  /\/(?:work|home|tmp|usr|src|node_modules)\//g,
  /\.(?:[cm]?[jt]sx?):\d+/g,
  /\b[A-Z]\w*Error:/g,
];

/** Leaks in `reply` that do not simply echo what the request contained (e.g. a title) or the data folder (app.info). */
function leaksIn(reply: string, requestText: string, dataDir: string): string[] {
  const scanned = reply.replaceAll(JSON.stringify(dataDir).slice(1, -1), '<dataDir>');
  return LEAKS.flatMap((pattern) => [...scanned.matchAll(pattern)].map((m) => m[0])).filter((hit) => !requestText.includes(hit.trim()));
}

const ALLOWED_STATUS = new Set([200, 400, 413]);
const isResultShape = (v: unknown): v is { ok: boolean; value?: unknown; error?: unknown } =>
  typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean';

const builtinsBefore = {
  object: Object.getOwnPropertyNames(Object.prototype).sort().join(),
  array: Object.getOwnPropertyNames(Array.prototype).sort().join(),
  fn: Object.getOwnPropertyNames(Function.prototype).sort().join(),
};
function prototypesPolluted(): boolean {
  return (
    POLLUTION_MARKER in {} ||
    Object.getOwnPropertyNames(Object.prototype).sort().join() !== builtinsBefore.object ||
    Object.getOwnPropertyNames(Array.prototype).sort().join() !== builtinsBefore.array ||
    Object.getOwnPropertyNames(Function.prototype).sort().join() !== builtinsBefore.fn ||
    Object.getPrototypeOf({}) !== Object.prototype
  );
}

/** Checks one reply; counts and returns what is wrong with it (empty when all is well). */
function judge(op: OpName, reply: Reply, requestText: string, dataDir: string): string[] {
  const problems: string[] = [];
  if (!ALLOWED_STATUS.has(reply.status)) problems.push(`HTTP status ${reply.status}`);
  const body = reply.body;
  if (!isResultShape(body)) {
    tally.untypedErrors += 1;
    problems.push(`not a Result: ${reply.text.slice(0, 200)}`);
  } else if (body.ok) {
    tally.accepted += 1;
    const parsed = contract[op].output.safeParse(body.value);
    if (!parsed.success) problems.push(`ok reply does not match the output schema: ${parsed.error.issues[0]?.message}`);
  } else {
    const parsed = apiErrorSchema.safeParse(body.error);
    const kind = parsed.success ? parsed.data.kind : 'malformed';
    tally.byKind[kind] = (tally.byKind[kind] ?? 0) + 1;
    if (!parsed.success || kind === 'internal' || !(ERROR_KINDS as readonly string[]).includes(kind)) {
      tally.untypedErrors += 1;
      problems.push(`untyped error: ${reply.text.slice(0, 300)}`);
    }
    // The disk is healthy here: a storage error means some input reached SQLite in a shape it refused.
    if (kind === 'storage') problems.push(`storage error on a healthy disk: ${reply.text.slice(0, 300)}`);
  }
  const leaks = leaksIn(reply.text, requestText, dataDir);
  if (leaks.length) {
    tally.stackTraces += 1;
    problems.push(`reply leaks internals: ${leaks.slice(0, 3).join(' | ')}`);
  }
  if (prototypesPolluted()) {
    tally.pollution += 1;
    problems.push('a prototype was polluted');
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Payloads per operation.

interface Seeds {
  ids: string[];
  records: AgreementRecord[];
  slawTexts: string[];
}

/** Valid-ish slaw file texts: real exports, and real exports with a field or three mutated. */
function slawContent(seeds: Seeds): fc.Arbitrary<unknown> {
  const docs = seeds.slawTexts.map((t) => JSON.parse(t) as unknown);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...seeds.slawTexts) },
    { weight: 6, arbitrary: nearValid(fc.constantFrom(...docs)).map((doc) => toJsonText(doc)) },
    { weight: 1, arbitrary: brokenJsonText(fc.constantFrom(...docs)) },
    { weight: 1, arbitrary: fc.constantFrom(...docs).map((doc) => toJsonText({ ...(doc as object), schemaVersion: 1 })) },
  );
}

/** Real data where it helps the fuzzer get past "not found": ids that exist, agreements, export files. */
function overridesFor(seeds: Seeds): FieldOverrides {
  return {
    id: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...seeds.ids) }, { weight: 1, arbitrary: nastyString }),
    revision: fc.integer({ min: 1, max: 8 }),
    content: slawContent(seeds),
    // Each new organization costs an RSA key generation: a few names (and now and then a hostile one) keep a
    // run to a handful of keys instead of one per payload.
    organization: fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom('Nortia Analytics', 'Acme Corp', 'Compañía Ñandú, S.L.') },
      { weight: 1, arbitrary: nastyString },
    ),
  };
}

/** Operation-specific valid inputs where a generic one would almost never pass (a save must name its agreement). */
function extraValid(op: OpName, seeds: Seeds): fc.Arbitrary<unknown> | null {
  if (op === 'agreements.save') {
    return fc
      .constantFrom(...seeds.records)
      .chain((record) =>
        fc.record({ id: fc.constant(record.agreement.meta.id), revision: fc.integer({ min: 1, max: 8 }), agreement: fc.constant(record.agreement) }),
      );
  }
  return null;
}

function payloadsFor(op: OpName, seeds: Seeds, host: FuzzHost): fc.Arbitrary<Payload> {
  const schema = contract[op].input;
  const overrides = overridesFor(seeds);
  const generic = validFor(schema, overrides);
  const extra = extraValid(op, seeds);
  const valid = extra ? fc.oneof(generic, extra) : generic;
  const keys = inputKeys(schema);
  const wrongValue = fc.oneof(anyJson, weirdNumber, nastyString, fc.constantFrom(...pollutionPayloads));
  const rightKeysWrongTypes = keys.length
    ? fc.record(Object.fromEntries(keys.map((k) => [k, wrongValue])), { requiredKeys: [] })
    : fc.dictionary(fc.constantFrom('x', '__proto__', 'constructor'), wrongValue, { minKeys: 1, maxKeys: 2 });
  const deepAtKey = fc.tuple(fc.constantFrom('(root)', ...keys), deepValue).map(([key, deep]) => {
    if (key === '(root)') return deep;
    const holder: Record<string, unknown> = {};
    Object.defineProperty(holder, key, { value: deep, enumerable: true, writable: true, configurable: true });
    return holder;
  });
  const bigAtKey = fc.tuple(fc.constantFrom('(root)', ...keys), bigString).map(([key, big]) => (key === '(root)' ? big : { [key]: big }));

  const values = fc.oneof(
    { weight: 10, arbitrary: anyJson },
    { weight: 4, arbitrary: hostileObject },
    { weight: 16, arbitrary: rightKeysWrongTypes },
    { weight: 36, arbitrary: nearValid(valid) },
    { weight: 12, arbitrary: valid },
    { weight: 4, arbitrary: deepAtKey },
    { weight: 1, arbitrary: bigAtKey },
  );
  const asValue = values.map((value): Payload => ({ value }));
  // Raw text bodies matter for the HTTP host, which parses JSON itself; in process they are just strings.
  return fc
    .oneof({ weight: 96, arbitrary: asValue }, { weight: host === 'http' ? 4 : 1, arbitrary: brokenJsonText(valid).map((text): Payload => ({ text })) })
    .map(briefly);
}

/** Counterexamples can be megabytes: fast-check prints this shortened form instead. */
function briefly(payload: Payload): Payload {
  const shown = () => {
    const text = 'value' in payload ? toJsonText(payload.value) : `(raw) ${payload.text}`;
    return text.length > 600 ? `${text.slice(0, 400)} …(${text.length} chars)… ${text.slice(-150)}` : text;
  };
  return Object.defineProperty(payload, fc.toStringMethod, { value: shown, enumerable: false });
}

async function seed(running: Running): Promise<Seeds> {
  const call = async (op: OpName, input: unknown) => {
    const reply = await running.core.dispatch(op, input);
    if (!reply.ok) throw new Error(`seeding ${op} failed: ${reply.error.message}`);
    return reply.value;
  };
  const records: AgreementRecord[] = [];
  for (const [source, language] of [
    ['example', 'es'],
    ['example', 'en'],
    ['blank', 'en'],
    ['blank', 'es'],
  ] as const) {
    records.push((await call('agreements.create', { source, language, title: `Seed ${source} ${language}` })) as AgreementRecord);
  }
  const trashed = records[3]?.agreement.meta.id as string;
  await call('agreements.trash', { id: trashed });
  const slawTexts = [];
  for (const record of records.slice(0, 3)) slawTexts.push(((await call('slaw.export', { id: record.agreement.meta.id })) as { content: string }).content);
  return { ids: [...records.map((r) => r.agreement.meta.id), 'no-such-agreement'], records, slawTexts };
}

/** The database after the run: intact, and every row a valid agreement that matches its summary columns. */
function checkDatabase(core: Core): string[] {
  const problems: string[] = [];
  const integrity = core.db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  if ((core.db.pragma('foreign_key_check') as unknown[]).length) problems.push('foreign_key_check failed');
  const rows = core.db.prepare('SELECT id, title, company, revision, status, data FROM agreements').all() as {
    id: string;
    title: string;
    company: string;
    revision: number;
    status: string;
    data: string;
  }[];
  for (const row of rows) {
    const parsed = agreementSchema.safeParse(JSON.parse(row.data));
    if (!parsed.success) {
      problems.push(`row ${row.id}: stored data is not a valid agreement`);
      continue;
    }
    const { meta } = parsed.data;
    if (meta.id !== row.id || meta.status !== row.status) problems.push(`row ${row.id}: columns do not match the data`);
    // Known gap (reported, not ours to fix here): a lone UTF-16 surrogate cannot be stored as UTF-8 in the
    // summary columns, so those differ from the JSON data, which keeps it escaped. Counted, not failed.
    for (const [column, value] of [
      [row.title, meta.title],
      [row.company, meta.company],
    ] as const) {
      if (column === value) continue;
      if (LONE_SURROGATE.test(value)) tally.illFormedText += 1;
      else problems.push(`row ${row.id}: summary column ${JSON.stringify(column)} differs from the data ${JSON.stringify(value)}`);
    }
    if (row.revision < 1) problems.push(`row ${row.id}: revision ${row.revision}`);
  }
  return problems;
}

const opsFuzzed = new Set<OpName>();

describe.each(HOSTS)('fuzzing every API operation through the %s host', (kind) => {
  let running: Running;
  let seeds: Seeds;
  beforeAll(async () => {
    running = await startFuzzHost(kind);
    seeds = await seed(running);
  });
  afterAll(async () => {
    await running.close();
  });

  it.each(OP_NAMES)(
    '%s: answers every payload with a valid, typed Result and keeps answering',
    async (op) => {
      opsFuzzed.add(op);
      await fc.assert(
        fc.asyncProperty(payloadsFor(op, seeds, kind), async (payload) => {
          tally.payloads += 1;
          const requestText = 'value' in payload ? toJsonText(payload.value) : payload.text;
          let reply: Reply;
          try {
            reply = await running.send(op, payload);
          } catch (error) {
            tally.crashes += 1;
            throw new Error(`the host did not answer: ${String(error)}`);
          }
          const problems = judge(op, reply, requestText, running.dataDir);
          if (problems.length) throw new Error(problems.join('\n'));
        }),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
      // Still serving after the storm.
      const info = await running.send('app.info', { value: {} });
      if (!isResultShape(info.body) || !info.body.ok) tally.crashes += 1;
      expect(info.body).toMatchObject({ ok: true });
    },
    Math.max(60_000, RUNS * 40),
  );

  it('leaves the database consistent and Object.prototype clean', () => {
    expect(checkDatabase(running.core)).toEqual([]);
    expect(prototypesPolluted()).toBe(false);
  });
});

afterAll(() => {
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  recordFigures('fuzz', {
    operations: opsFuzzed.size,
    payloads_per_operation: RUNS,
    payloads_total: tally.payloads,
    crashes: tally.crashes,
    untyped_errors: tally.untypedErrors,
    stack_traces: tally.stackTraces,
    prototype_pollution: tally.pollution,
    hosts: 'http+direct',
    accepted_as_valid: tally.accepted,
    errors_by_kind: Object.entries(tally.byKind)
      .sort(([, a], [, b]) => b - a)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', '),
    rows_with_lone_surrogates: tally.illFormedText,
    seconds,
  });
});
