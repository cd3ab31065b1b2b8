import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { MODEL_VERSION } from '../src/shared/model/version';
import { slawJsonSchema } from '../src/shared/slaw/jsonSchema';

/**
 * Regenerates docs/slaw.schema.json from the zod schema (a test fails when it is out of date) and writes the
 * snapshot of the current model version, src/shared/model/snapshots/v<N>.schema.json, when it does not exist
 * yet. A snapshot is never overwritten: a model that no longer matches its version's snapshot needs a new
 * version and a migration (docs/ARCHITECTURE.md, "Changing the model").
 */
const text = `${JSON.stringify(slawJsonSchema(), null, 2)}\n`;
writeFileSync(new URL('../docs/slaw.schema.json', import.meta.url), text);
console.error('docs/slaw.schema.json written');
const snapshot = new URL(`../src/shared/model/snapshots/v${MODEL_VERSION}.schema.json`, import.meta.url);
if (!existsSync(snapshot)) {
  writeFileSync(snapshot, text);
  console.error(`snapshot of model version ${MODEL_VERSION} written`);
} else if (readFileSync(snapshot, 'utf8') !== text) {
  console.error(`The model no longer matches the snapshot of version ${MODEL_VERSION}: add version ${MODEL_VERSION + 1} and its migration.`);
  process.exitCode = 1;
}
