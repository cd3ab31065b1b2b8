import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { MODEL_MIGRATIONS } from '../src/shared/model/migrations';
import { agreementSchema } from '../src/shared/model/schema';
import { MODEL_VERSION } from '../src/shared/model/version';
import { slawEnvelopeSchema, SLAW_SCHEMA_VERSION } from '../src/shared/slaw/format';
import { slawJsonSchema } from '../src/shared/slaw/jsonSchema';

const SNAPSHOTS = 'src/shared/model/snapshots';
const MIGRATIONS_DIR = 'src/shared/model/migrations';
const snapshot = (version: number) => JSON.parse(readFileSync(`${SNAPSHOTS}/v${version}.schema.json`, 'utf8')) as unknown;
const generated = () => JSON.parse(JSON.stringify(slawJsonSchema())) as unknown;

/**
 * The schema guard (as Actual Budget keeps one): the model may not change without a new model version, its
 * migration and its snapshot. If this fails after you changed src/shared/model/*: bump MODEL_VERSION, add
 * src/shared/model/migrations/NNN-….ts with its test, run `node --import tsx scripts/gen-json-schema.ts`
 * (it writes the new snapshot and docs/slaw.schema.json), and follow docs/ARCHITECTURE.md, "Changing the model".
 */
describe('model snapshots', () => {
  it('the current model is exactly the committed snapshot of the current model version', () => {
    expect(generated(), `the model changed without a new model version (snapshot v${MODEL_VERSION})`).toEqual(snapshot(MODEL_VERSION));
  });

  it('a change to the agreement model is caught: an extra field no longer matches the snapshot', () => {
    const changed = slawEnvelopeSchema.extend({ agreement: agreementSchema.extend({ region: z.string() }) });
    const json = {
      ...z.toJSONSchema(changed, { target: 'draft-2020-12', unrepresentable: 'any' }),
      $id: (generated() as { $id: string }).$id,
      title: (generated() as { title: string }).title,
    };
    expect(JSON.parse(JSON.stringify(json))).not.toEqual(snapshot(MODEL_VERSION));
  });

  it('every version from 1 to the current one has a snapshot, and none beyond it', () => {
    const versions = readdirSync(SNAPSHOTS)
      .map((name) => /^v(\d+)\.schema\.json$/.exec(name)?.[1])
      .filter((v): v is string => v !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: MODEL_VERSION }, (_, i) => i + 1));
    for (const version of versions)
      expect((snapshot(version) as { properties: { schemaVersion: { const: number } } }).properties.schemaVersion.const).toBe(version);
  });

  it('every step to a version has its own file and its own test, and the file version is the model version', () => {
    expect(SLAW_SCHEMA_VERSION).toBe(MODEL_VERSION);
    const files = readdirSync(MIGRATIONS_DIR);
    for (const { version } of MODEL_MIGRATIONS) {
      const prefix = String(version).padStart(3, '0');
      const source = files.find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.ts') && !f.endsWith('.test.ts'));
      expect(source, `migration to model version ${version}`).toBeDefined();
      expect(existsSync(`${MIGRATIONS_DIR}/${source!.replace(/\.ts$/, '.test.ts')}`), `test of ${source}`).toBe(true);
    }
  });
});
