import { z } from 'zod';
import { LIMITS } from '../model/limits';
import { DATE_ORDERS, MAPPED_STAGE_KEYS, type AgreementFacts, type MappedStageKey } from './types';

export const MAPPING_FORMAT = 'sla-workshop/csv-mapping';

const header = z.string().trim().min(1).max(LIMITS.shortText);
/** One column, or several names for it in preference order (exports differ by language and CRM version). */
const columnNames = z.union([header, z.array(header).min(1).max(20)]);

/** A column the mapping reads; `optional` columns may be absent from the file without refusing it. */
const column = z.union([columnNames, z.strictObject({ column: columnNames, optional: z.boolean().optional() })]);

const stageRef = z.union([
  z.strictObject({ key: z.enum(MAPPED_STAGE_KEYS) }),
  z.strictObject({ custom: z.string().trim().min(1).max(LIMITS.shortText) }),
  z.strictObject({ stageId: z.string().min(1).max(64) }),
]);

const stageColumn = z.strictObject({
  stage: stageRef,
  /** The date the record reached the stage. */
  column: columnNames,
  optional: z.boolean().optional(),
  /**
   * Count the date only when another column holds one of these values (e.g. Salesforce's Close Date is a
   * customer date only when the stage is Closed Won). Compared like headers: case and accents ignored.
   */
  when: z.strictObject({ column: columnNames, in: z.array(z.string().max(LIMITS.shortText)).min(1).max(50) }).optional(),
});

/**
 * A saved column mapping (docs/FORMAT.md, "CSV mapping files"). The presets are written in the same
 * format. Strict: an unknown field is an error, so a typo never silently maps nothing.
 */
export const csvMappingSchema = z.strictObject({
  format: z.literal(MAPPING_FORMAT),
  version: z.literal(1),
  name: z.string().trim().min(1).max(LIMITS.shortText),
  stages: z.array(stageColumn).min(1).max(LIMITS.listItems),
  recordId: column.optional(),
  createDate: column.optional(),
  firstContact: column.optional(),
  amount: column.optional(),
  /** How many times sales tried to reach the record (for the protocol's attempts commitment). */
  contactAttempts: column.optional(),
  /** Columns that must be present for the mapping to fit, though it does not read them (they identify the export). */
  requireColumns: z.array(columnNames).max(20).optional(),
  dateOrder: z.enum(DATE_ORDERS).optional(),
  decimalSeparator: z.enum(['.', ',']).optional(),
  timeZone: z.string().min(1).max(64).optional(),
});
export type CsvMapping = z.infer<typeof csvMappingSchema>;
type ColumnSpec = z.infer<typeof column>;

export const FIELD_ROLES = ['recordId', 'createDate', 'firstContact', 'amount', 'contactAttempts'] as const;
export type FieldRole = (typeof FIELD_ROLES)[number];

/** Headers compare without case, accents, quotes or punctuation: `Date entered "MQL"` = `date entered 'mql'`. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const names = (spec: z.infer<typeof columnNames>): readonly string[] => (typeof spec === 'string' ? [spec] : spec);
const specNames = (spec: ColumnSpec) => (typeof spec === 'object' && !Array.isArray(spec) ? names(spec.column) : names(spec));
const specOptional = (spec: ColumnSpec) => typeof spec === 'object' && !Array.isArray(spec) && spec.optional === true;

export interface ResolvedColumn {
  index: number;
  header: string;
}

export interface ResolvedStage extends ResolvedColumn {
  stageId: string;
  key: MappedStageKey | 'custom';
  when: { index: number; header: string; values: ReadonlySet<string> } | null;
}

/** A mapping applied to one header row and one agreement: column indexes per role and per stage id. */
export interface ResolvedMapping {
  name: string;
  stages: ResolvedStage[];
  fields: Partial<Record<FieldRole, ResolvedColumn>>;
  /** Stage columns found in the file that name a stage the agreement does not have: read, never counted. */
  unusedStageColumns: { header: string; stage: string }[];
  dateOrder?: CsvMapping['dateOrder'];
  decimalSeparator?: CsvMapping['decimalSeparator'];
  timeZone?: CsvMapping['timeZone'];
}

export type MappingFit = { fits: true; resolved: ResolvedMapping; score: number } | { fits: false; missing: string[] };

function finder(headerRow: readonly string[]) {
  const byName = new Map<string, number>();
  headerRow.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key && !byName.has(key)) byName.set(key, i);
  });
  return (candidates: readonly string[]): ResolvedColumn | null => {
    for (const candidate of candidates) {
      const index = byName.get(normalizeHeader(candidate));
      if (index !== undefined) return { index, header: headerRow[index] ?? candidate };
    }
    return null;
  };
}

function stageFor(ref: CsvMapping['stages'][number]['stage'], facts: AgreementFacts) {
  if ('key' in ref) return facts.stages.find((s) => s.key === ref.key) ?? null;
  if ('stageId' in ref) return facts.stages.find((s) => s.id === ref.stageId) ?? null;
  const wanted = normalizeHeader(ref.custom);
  return facts.stages.find((s) => s.key === 'custom' && normalizeHeader(s.name) === wanted) ?? null;
}

const describeRef = (ref: CsvMapping['stages'][number]['stage']) => ('key' in ref ? ref.key : 'custom' in ref ? ref.custom : ref.stageId);

/**
 * Applies a mapping to a header row. It fits when every non-optional column is there and at least one
 * stage column is found for a stage the agreement has; the score (columns found) ranks presets.
 */
export function fitMapping(mapping: CsvMapping, headerRow: readonly string[], facts: AgreementFacts): MappingFit {
  const find = finder(headerRow);
  const missing: string[] = [];
  const stages: ResolvedStage[] = [];
  const unusedStageColumns: ResolvedMapping['unusedStageColumns'] = [];
  const taken = new Set<string>();
  let score = 0;
  for (const entry of mapping.stages) {
    const found = find(names(entry.column));
    if (!found) {
      if (!entry.optional) missing.push(names(entry.column)[0] ?? '');
      continue;
    }
    const when = entry.when ? find(names(entry.when.column)) : null;
    if (entry.when && !when) {
      if (!entry.optional) missing.push(names(entry.when.column)[0] ?? '');
      continue;
    }
    score++;
    const stage = stageFor(entry.stage, facts);
    if (!stage || taken.has(stage.id)) {
      unusedStageColumns.push({ header: found.header, stage: describeRef(entry.stage) });
      continue;
    }
    taken.add(stage.id);
    stages.push({
      ...found,
      stageId: stage.id,
      key: stage.key,
      when: when && entry.when ? { ...when, values: new Set(entry.when.in.map(normalizeHeader)) } : null,
    });
  }
  for (const required of mapping.requireColumns ?? []) if (!find(names(required))) missing.push(names(required)[0] ?? '');
  const fields: ResolvedMapping['fields'] = {};
  for (const role of FIELD_ROLES) {
    const spec = mapping[role];
    if (!spec) continue;
    const found = find(specNames(spec));
    if (found) {
      fields[role] = found;
      score++;
    } else if (!specOptional(spec)) missing.push(specNames(spec)[0] ?? '');
  }
  if (missing.length > 0) return { fits: false, missing };
  if (stages.length === 0) return { fits: false, missing: mapping.stages.map((s) => names(s.column)[0] ?? '') };
  return {
    fits: true,
    score,
    resolved: {
      name: mapping.name,
      stages,
      fields,
      unusedStageColumns,
      dateOrder: mapping.dateOrder,
      decimalSeparator: mapping.decimalSeparator,
      timeZone: mapping.timeZone,
    },
  };
}

/** Reads a mapping file's text; the zod issues say what is wrong. */
export function parseMappingJson(text: string): { ok: true; mapping: CsvMapping } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : 'invalid JSON' };
  }
  const result = csvMappingSchema.safeParse(json);
  if (result.success) return { ok: true, mapping: result.data };
  const issue = result.error.issues[0];
  return { ok: false, problem: issue ? `${issue.path.join('.') || '/'}: ${issue.message}` : 'invalid mapping' };
}
