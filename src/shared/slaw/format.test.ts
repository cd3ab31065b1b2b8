import { describe, expect, it } from 'vitest';
import { AppError } from '../api/errors';
import { createTranslator, describeError } from '../i18n';
import { createBlank } from '../model/defaults';
import { createExample } from '../model/example';
import { parseSlaw, serializeSlaw, SLAW_SCHEMA_VERSION } from './format';

function errorOf(text: string): AppError {
  try {
    parseSlaw(text);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected parseSlaw to fail');
}

const example = createExample('en', new Date('2026-11-28T10:00:00Z'));
const file = () => JSON.parse(serializeSlaw(example, '1.0.0')) as Record<string, unknown> & { agreement: Record<string, unknown> };

describe('.slaw files', () => {
  it('round-trip an agreement exactly', () => {
    expect(parseSlaw(serializeSlaw(example, '1.0.0')).agreement).toEqual(example);
    const blank = createBlank('es');
    expect(parseSlaw(serializeSlaw(blank, '1.0.0')).agreement).toEqual(blank);
  });

  it('accept a byte-order mark', () => {
    expect(parseSlaw(`\uFEFF${serializeSlaw(example, '1.0.0')}`).agreement.meta.id).toBe(example.meta.id);
  });

  it('migrate schema version 1 (no currency, no agenda) to the current version', () => {
    const v1 = file();
    v1.schemaVersion = 1;
    delete v1.actuals;
    const { currency: _currency, ...meta } = v1.agreement.meta as Record<string, unknown>;
    const { agenda: _agenda, ...rest } = v1.agreement;
    v1.agreement = { ...rest, meta };
    const parsed = parseSlaw(JSON.stringify(v1));
    expect(parsed.schemaVersion).toBe(SLAW_SCHEMA_VERSION);
    expect(parsed.agreement.meta.currency).toBe('USD');
    expect(parsed.agreement.agenda.minutes.icp).toBe(30);
    expect({ ...parsed.agreement, agenda: example.agenda, meta: { ...parsed.agreement.meta, currency: example.meta.currency } }).toEqual(example);
  });

  it('refuse top-level actuals in a file older than version 3 (that version had no such field)', () => {
    const v2 = file();
    v2.schemaVersion = 2;
    const error = errorOf(JSON.stringify(v2));
    expect([error.kind, error.params?.reason]).toEqual(['invalid_file', 'schema']);
    expect(error.issues).toEqual([{ path: '', code: 'unrecognized_keys', params: { keys: 'actuals' } }]);
  });

  it('refuse text that is not JSON', () => {
    const error = errorOf('{"format": "sla-workshop", ');
    expect([error.kind, error.params?.reason]).toEqual(['invalid_file', 'not_json']);
  });

  it('refuse JSON that is not an agreement file', () => {
    expect(errorOf('[1,2,3]').params?.reason).toBe('not_slaw');
    expect(errorOf('{"format":"other"}').params?.reason).toBe('not_slaw');
  });

  it('refuse a future schema version, naming it', () => {
    const future = { ...file(), schemaVersion: SLAW_SCHEMA_VERSION + 7 };
    const error = errorOf(JSON.stringify(future));
    expect(error.kind).toBe('unsupported_version');
    expect(error.params).toMatchObject({ found: SLAW_SCHEMA_VERSION + 7, supported: SLAW_SCHEMA_VERSION });
    expect(describeError(createTranslator('en'), error.toJSON())).toContain(String(SLAW_SCHEMA_VERSION + 7));
  });

  it('refuse a missing or malformed schema version', () => {
    expect(errorOf(JSON.stringify({ ...file(), schemaVersion: '2' })).params?.reason).toBe('bad_schema_version');
    expect(errorOf(JSON.stringify({ ...file(), schemaVersion: 1.5 })).params?.reason).toBe('bad_schema_version');
  });

  it('refuse wrong types, naming the field', () => {
    const f = file();
    (f.agreement.protocol as Record<string, unknown>).contactAttempts = 'six';
    const error = errorOf(JSON.stringify(f));
    expect(error.kind).toBe('invalid_file');
    expect(error.issues?.[0]).toMatchObject({ path: 'agreement.protocol.contactAttempts', code: 'invalid_type' });
    expect(describeError(createTranslator('es'), error.toJSON())).toContain('agreement.protocol.contactAttempts');
  });

  it('refuse unknown fields, naming them', () => {
    const f = file();
    (f.agreement.meta as Record<string, unknown>).secretDiscount = 40;
    const error = errorOf(JSON.stringify(f));
    expect(error.issues?.[0]).toMatchObject({ path: 'agreement.meta', code: 'unrecognized_keys', params: { keys: 'secretDiscount' } });
  });

  it('refuse __proto__ and constructor keys without polluting prototypes', () => {
    const text = serializeSlaw(example, '1.0.0').replace(
      '"meta": {',
      '"meta": { "__proto__": { "polluted": true }, "constructor": { "prototype": { "bad": 1 } },',
    );
    const error = errorOf(text);
    expect(error.issues?.[0]?.code).toBe('unrecognized_keys');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).bad).toBeUndefined();
  });

  it('refuse oversized strings', () => {
    const f = file();
    (f.agreement.icp as { company: Record<string, unknown> }).company.description = 'x'.repeat(50_000);
    const error = errorOf(JSON.stringify(f));
    expect(error.issues?.[0]).toMatchObject({ path: 'agreement.icp.company.description', code: 'too_big', params: { limit: 20_000 } });
  });

  it('refuse files over the size limit before parsing them', () => {
    expect(errorOf(' '.repeat(21 * 1024 * 1024)).kind).toBe('too_large');
  });

  it('refuse deeply nested JSON with a clear error instead of crashing', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(['invalid_file']).toContain(errorOf(deep).kind);
  });
});
