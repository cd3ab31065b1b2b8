import { writeFileSync } from 'node:fs';
import { slawJsonSchema } from '../src/shared/slaw/jsonSchema';

/** Regenerates docs/slaw.schema.json from the zod schema (a test fails when it is out of date). */
writeFileSync(new URL('../docs/slaw.schema.json', import.meta.url), `${JSON.stringify(slawJsonSchema(), null, 2)}\n`);
console.error('docs/slaw.schema.json written');
