import { z } from 'zod';
import { LIMITS } from './limits';

const id = z.string().min(1).max(64);
const count = z.number().finite().min(0).max(LIMITS.maxNumber).nullable();

/** The fixed stages monthly actuals were entered for before model version 3 (leads, MQLs, SQLs, …). */
export const FIXED_STAGE_KEYS = ['lead', 'mql', 'sql', 'opportunity', 'customer'] as const;

function unique<T>(key: (item: T) => string, what: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [index], message: `${what} ${k} appears twice` });
      seen.add(k);
    });
  };
}

/**
 * One month of actual figures, entered after signing. Stages are keyed by stage id, like the targets
 * (`goals.targets[].stageId`), so every stage — custom stages included — can be compared with its target.
 * Null means "not entered", never 0.
 */
export const monthlyActualsSchema = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  /** How many entered each stage that month, by stage id. */
  stages: z
    .array(z.strictObject({ stageId: id, count }))
    .max(LIMITS.listItems)
    .superRefine(unique((s) => s.stageId, 'stage')),
  /**
   * Figures recorded (before model version 3) for a fixed stage the agreement had no stage for, e.g.
   * opportunities when the optional Opportunity stage was removed: kept under the stage key, never dropped.
   */
  unmatchedStages: z
    .array(z.strictObject({ key: z.enum(FIXED_STAGE_KEYS), count }))
    .max(FIXED_STAGE_KEYS.length)
    .superRefine(unique((s) => s.key, 'stage key')),
  revenue: count,
  medianHoursToFirstContact: count,
  pctContactedWithinSla: z.number().finite().min(0).max(100).nullable(),
  /** Leads sales rejected that month. */
  rejected: count,
  /** Records created that month (a CRM's create date): the "contacts per MQL that becomes an SQL" KPI. */
  contacts: count,
  /** Records that reached SQL this month having been MQLs. */
  mqlsThatBecameSql: count,
  /** Value of the SQLs of the month (sum of their deal amounts), in the agreement's currency. */
  sqlValue: count,
  medianHoursMqlToSql: count,
  /** Share of the leads handed off that month that got the protocol's number of contact attempts. */
  pctWithRequiredAttempts: z.number().finite().min(0).max(100).nullable(),
  /** Monthly values typed for KPIs without a catalog formula (custom KPIs), by KPI id. */
  kpiValues: z
    .array(z.strictObject({ kpiId: id, value: z.number().finite().min(-LIMITS.maxNumber).max(LIMITS.maxNumber).nullable() }))
    .max(LIMITS.listItems)
    .superRefine(unique((k) => k.kpiId, 'KPI')),
  /** What the monthly review meeting noted about this month. */
  notes: z.string().max(LIMITS.longText),
  /** What the monthly review decided; a decision can later be carried into the agreement's decision log. */
  decisions: z
    .array(z.strictObject({ id, text: z.string().max(LIMITS.longText), owner: z.string().max(LIMITS.shortText) }))
    .max(LIMITS.listItems)
    .superRefine(unique((d) => d.id, 'decision')),
  /** The CSV import that last wrote this month's figures (null: typed by hand only). */
  imported: z
    .strictObject({
      at: z.iso.datetime({ offset: true }),
      fileName: z.string().max(LIMITS.shortText),
      preset: z.string().max(LIMITS.shortText),
    })
    .nullable(),
});
export type MonthlyActuals = z.infer<typeof monthlyActualsSchema>;

/** All months of one lineage (every version of one agreement shares them), at most one entry per month. */
export const actualsSchema = z
  .array(monthlyActualsSchema)
  .max(LIMITS.actualsMonths)
  .superRefine(unique((m) => m.month, 'month'));

/** Months in calendar order. */
export function sortMonths<T extends { month: string }>(months: readonly T[]): T[] {
  return [...months].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

/**
 * Merges two sets of months: `incoming` wins for every month it covers (the whole month is taken from it),
 * `stored` keeps the months `incoming` does not mention. Used by `.slaw` import and by the upgrade of rows.
 */
export function mergeMonths<T extends { month: string }>(stored: readonly T[], incoming: readonly T[]): T[] {
  const byMonth = new Map(stored.map((m) => [m.month, m]));
  for (const m of incoming) byMonth.set(m.month, m);
  return sortMonths([...byMonth.values()]);
}
