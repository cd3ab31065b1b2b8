import { z } from 'zod';
import { LIMITS } from '../model/limits';
import type { Commitment } from '../model/schema';
import type { KpiMonthInput } from './kpis';

/**
 * What a commitment of the protocol step is checked against. The agreement stores a commitment as free
 * text with a range and a unit, so which figure it speaks of is stated by whoever links it (the review
 * screen, a saved choice): a stage's monthly count (marketing's volumes), the median hours to first
 * contact (sales' speed), the share of leads contacted within the window, or the share of handed-off leads
 * that got the protocol's attempts.
 */
export type CommitmentMeasure =
  | { kind: 'stage'; stageId: string }
  | { kind: 'revenue' }
  | { kind: 'medianHoursToFirstContact' }
  | { kind: 'pctContactedWithinSla' }
  | { kind: 'pctWithRequiredAttempts' };

/** A measure as it crosses a boundary (the review export's input, the renderer's stored preferences). */
export const commitmentMeasureSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('stage'), stageId: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('revenue') }),
  z.strictObject({ kind: z.literal('medianHoursToFirstContact') }),
  z.strictObject({ kind: z.literal('pctContactedWithinSla') }),
  z.strictObject({ kind: z.literal('pctWithRequiredAttempts') }),
]);

/** The measures linked to commitments, by commitment id. */
export const measureLinksSchema = z
  .record(z.string().min(1).max(64), commitmentMeasureSchema)
  .refine((links) => Object.keys(links).length <= LIMITS.listItems, { message: 'too many linked measures' });

export type ComplianceStatus = 'met' | 'missed' | 'no-data';

export interface CommitmentCompliance {
  commitmentId: string;
  month: string;
  measure: CommitmentMeasure | null;
  value: number | null;
  status: ComplianceStatus;
}

/** The unit a measure is expressed in, which must be the commitment's. */
export function measureUnit(measure: CommitmentMeasure): Commitment['unit'] {
  switch (measure.kind) {
    case 'stage':
    case 'revenue':
      return 'per-month';
    case 'medianHoursToFirstContact':
      return 'hours';
    case 'pctContactedWithinSla':
    case 'pctWithRequiredAttempts':
      return 'percent';
  }
}

/** The month's figure for a measure, or null when the month does not have it. */
export function measureValue(measure: CommitmentMeasure, month: KpiMonthInput): number | null {
  switch (measure.kind) {
    case 'stage':
      return month.stages.find((s) => s.stageId === measure.stageId)?.count ?? null;
    case 'revenue':
      return month.revenue ?? null;
    case 'medianHoursToFirstContact':
      return month.medianHoursToFirstContact ?? null;
    case 'pctContactedWithinSla':
      return month.pctContactedWithinSla ?? null;
    case 'pctWithRequiredAttempts':
      return month.pctWithRequiredAttempts ?? null;
  }
}

/**
 * Met when the value lies within the commitment's range (min and max inclusive, either may be open);
 * missed outside it. No data when there is no value, or no range to hold it to.
 */
export function rangeStatus(range: Pick<Commitment, 'min' | 'max'>, value: number | null): ComplianceStatus {
  if (value === null || !Number.isFinite(value) || (range.min === null && range.max === null)) return 'no-data';
  if (range.min !== null && value < range.min) return 'missed';
  if (range.max !== null && value > range.max) return 'missed';
  return 'met';
}

/**
 * A commitment's standing in one month. Without a linked measure, or with one in another unit than the
 * commitment's (a percentage held to a per-month range), it is no data: nothing is compared that does
 * not compare.
 */
export function commitmentCompliance(commitment: Commitment, measure: CommitmentMeasure | null, month: KpiMonthInput): CommitmentCompliance {
  const base = { commitmentId: commitment.id, month: month.month, measure };
  if (!measure || measureUnit(measure) !== commitment.unit) return { ...base, value: null, status: 'no-data' };
  const value = measureValue(measure, month);
  return { ...base, value, status: rangeStatus(commitment, value) };
}

/**
 * Every commitment in every month given, in the order given. `links` names each commitment's measure by
 * commitment id; a commitment in hours with no link is read as sales' speed (median hours to first
 * contact), the only figure in hours an import gives.
 */
export function complianceByMonth(
  commitments: readonly Commitment[],
  links: Readonly<Record<string, CommitmentMeasure>>,
  months: readonly KpiMonthInput[],
): CommitmentCompliance[][] {
  const measureOf = (c: Commitment): CommitmentMeasure | null => links[c.id] ?? (c.unit === 'hours' ? { kind: 'medianHoursToFirstContact' } : null);
  return months.map((month) => commitments.map((c) => commitmentCompliance(c, measureOf(c), month)));
}
