import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { slawJsonSchema } from '../src/shared/slaw/jsonSchema';

describe('docs/slaw.schema.json', () => {
  it('is the schema generated from the zod model (run `node --import tsx scripts/gen-json-schema.ts` after a format change)', () => {
    const committed = JSON.parse(readFileSync('docs/slaw.schema.json', 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(slawJsonSchema())));
  });
});
