import { z } from 'zod';
import { slawEnvelopeSchema, SLAW_SCHEMA_VERSION } from './format';

/** JSON Schema (draft 2020-12) of the current .slaw format, generated from the zod schema: docs/slaw.schema.json. */
export function slawJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(slawEnvelopeSchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
    $id: `https://sla-workshop.invalid/schema/slaw-v${SLAW_SCHEMA_VERSION}.json`,
    title: `SLA Workshop agreement file (.slaw), schema version ${SLAW_SCHEMA_VERSION}`,
  };
}
