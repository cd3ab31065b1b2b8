import type { KpiCatalogKey } from '../model/kpiCatalog';
import type { Kpi, Stage } from '../model/schema';

/**
 * The figures of one month that KPIs are computed from. An import (`ImportedMonth`) has all of them;
 * actuals typed by hand may have only the stage counts, revenue and speed to lead: a KPI whose inputs are
 * missing (undefined or null) has no value that month rather than a made-up one.
 */
export interface KpiMonthInput {
  month: string;
  /** How many reached each stage that month, by stage id. */
  stages: readonly { stageId: string; count: number | null }[];
  revenue?: number | null;
  medianHoursToFirstContact?: number | null;
  pctContactedWithinSla?: number | null;
  /** Records created that month. */
  contacts?: number | null;
  /** Records that reached SQL that month having been MQLs. */
  mqlsThatBecameSql?: number | null;
  /** Sum of the deal amounts of the records that reached SQL that month. */
  sqlValue?: number | null;
  medianHoursMqlToSql?: number | null;
  pctWithRequiredAttempts?: number | null;
  /** Values typed for custom KPIs (no catalog key), by KPI id. */
  kpiValues?: readonly { kpiId: string; value: number | null }[];
}

/** `met`/`missed` against the target; `no-data` when the month cannot say; `no-target` when there is none. */
export type TargetStatus = 'met' | 'missed' | 'no-data' | 'no-target';

export interface KpiMonthValue {
  kpiId: string;
  catalogKey: KpiCatalogKey | null;
  unit: Kpi['unit'];
  value: number | null;
  target: number | null;
  /** Whether a smaller value is the better one (time from MQL to SQL, contacts needed per SQL). */
  lowerIsBetter: boolean;
  status: TargetStatus;
}

type StageRef = Pick<Stage, 'id' | 'key'>;

const LOWER_IS_BETTER: ReadonlySet<string> = new Set<KpiCatalogKey>(['mqlToSqlDays', 'contactsPerSql']);

/** a ÷ b, or null when either is unknown or b is 0 (a rate of nothing is not 0 %). */
function ratio(a: number | null | undefined, b: number | null | undefined, scale = 1): number | null {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
  return (a / b) * scale;
}

/** The month's count for the agreement's stage with this key (the first one: keys other than custom are unique). */
function stageCount(month: KpiMonthInput, stages: readonly StageRef[], key: Stage['key']): number | null {
  const stage = stages.find((s) => s.key === key);
  if (!stage) return null;
  return month.stages.find((s) => s.stageId === stage.id)?.count ?? null;
}

/**
 * A catalog KPI's value for one month, by the formula its catalog entry states. Conversions compare the
 * month's own counts (MQLs that month ÷ leads that month): a same-month ratio, not a cohort followed over
 * time, which is what the methodology's monthly meeting reads.
 */
export function catalogKpiValue(key: KpiCatalogKey, month: KpiMonthInput, stages: readonly StageRef[]): number | null {
  const count = (k: Stage['key']) => stageCount(month, stages, k);
  switch (key) {
    case 'leadToMqlRate':
      return ratio(count('mql'), count('lead'), 100);
    case 'mqlToSqlRate':
      return ratio(count('sql'), count('mql'), 100);
    case 'contactsPerSql':
      return ratio(month.contacts, month.mqlsThatBecameSql);
    case 'sqlValue':
      return month.sqlValue ?? null;
    case 'mqlToSqlDays':
      return ratio(month.medianHoursMqlToSql, 24);
    case 'mqlToCustomerRate':
      return ratio(count('customer'), count('mql'), 100);
    case 'speedToLead':
      return month.pctContactedWithinSla ?? null;
  }
}

const isCatalogKey = (key: string | null, known: readonly string[]): key is KpiCatalogKey => key !== null && known.includes(key);
const CATALOG_KEYS: readonly KpiCatalogKey[] = [
  'leadToMqlRate',
  'mqlToSqlRate',
  'contactsPerSql',
  'sqlValue',
  'mqlToSqlDays',
  'mqlToCustomerRate',
  'speedToLead',
];

/** Compares a value with its target in the KPI's direction; equal to the target is met. */
export function targetStatus(value: number | null, target: number | null, lowerIsBetter: boolean): TargetStatus {
  if (target === null) return 'no-target';
  if (value === null || !Number.isFinite(value)) return 'no-data';
  return (lowerIsBetter ? value <= target : value >= target) ? 'met' : 'missed';
}

/**
 * Every KPI of the agreement for one month, next to its target. Catalog KPIs are computed from the
 * month's figures; custom KPIs (no catalog key, or one this version does not know) take the value typed
 * for them in `kpiValues`. A custom KPI in hours or days counts as met at or below its target (a time is
 * better shorter); any other custom KPI at or above it.
 */
export function kpisForMonth(kpis: readonly Kpi[], month: KpiMonthInput, stages: readonly StageRef[]): KpiMonthValue[] {
  return kpis.map((kpi) => {
    const catalogKey = isCatalogKey(kpi.catalogKey, CATALOG_KEYS) ? kpi.catalogKey : null;
    const value = catalogKey ? catalogKpiValue(catalogKey, month, stages) : (month.kpiValues?.find((v) => v.kpiId === kpi.id)?.value ?? null);
    const lowerIsBetter = catalogKey ? LOWER_IS_BETTER.has(catalogKey) : kpi.unit === 'hours' || kpi.unit === 'days';
    return { kpiId: kpi.id, catalogKey, unit: kpi.unit, value, target: kpi.target, lowerIsBetter, status: targetStatus(value, kpi.target, lowerIsBetter) };
  });
}
