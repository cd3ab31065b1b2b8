import { MAPPING_FORMAT, type CsvMapping, type FieldRole } from '../../../../shared/actuals/mapping';
import type { DateOrder } from '../../../../shared/actuals/types';
import type { Stage } from '../../../../shared/model/schema';

/** What the mapping builder holds: a column header per stage id and per field role (absent = not in the file). */
export interface MappingDraft {
  name: string;
  stages: Record<string, string>;
  fields: Partial<Record<FieldRole, string>>;
  dateOrder: DateOrder | 'auto';
}

export type DraftProblem = 'name' | 'stage';

/**
 * The saved form of a draft. Stages are named by key (custom ones by name), not by this agreement's ids, so
 * the mapping also works for the other agreements that share the stage. Every chosen column is required: a
 * later file without it is refused by name instead of silently counting nothing.
 */
export function mappingFromDraft(draft: MappingDraft, stages: readonly Pick<Stage, 'id' | 'key' | 'name'>[]): CsvMapping | DraftProblem {
  const name = draft.name.trim();
  if (name === '') return 'name';
  const mapped = stages.flatMap((stage) => {
    const column = draft.stages[stage.id];
    if (!column) return [];
    const ref = stage.key === 'custom' ? { custom: stage.name.trim() || stage.id } : { key: stage.key };
    return [{ stage: ref, column }];
  });
  if (mapped.length === 0) return 'stage';
  const mapping: CsvMapping = { format: MAPPING_FORMAT, version: 1, name, stages: mapped };
  for (const [role, column] of Object.entries(draft.fields) as [FieldRole, string | undefined][]) if (column) mapping[role] = column;
  if (draft.dateOrder !== 'auto') mapping.dateOrder = draft.dateOrder;
  return mapping;
}
