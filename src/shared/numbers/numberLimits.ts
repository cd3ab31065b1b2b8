import type { NumberValue } from './localeNumber';

/** What a number field accepts: the schema's bounds and how many decimals the value may carry. */
export interface NumberLimits {
  min: number;
  max: number;
  /** 0 for whole numbers (counts, days). */
  decimals: number;
}

/** Why a number that was read cannot be stored; the field shows it and keeps the text. */
export type LimitProblem =
  { key: 'outOfRange'; min: number; max: number; below: boolean } | { key: 'wholeNumber' } | { key: 'tooManyDecimals'; decimals: number };

/** Checks a value against the limits without changing it: nothing is clamped or rounded. */
export function checkLimits({ value, decimals }: NumberValue, limits: NumberLimits): LimitProblem | null {
  if (value < limits.min || value > limits.max) return { key: 'outOfRange', min: limits.min, max: limits.max, below: value < limits.min };
  if (decimals > limits.decimals) return limits.decimals === 0 ? { key: 'wholeNumber' } : { key: 'tooManyDecimals', decimals: limits.decimals };
  return null;
}
