import { decimalEvidence } from './amounts';
import { dateEvidence } from './dates';
import type { ResolvedMapping } from './mapping';
import { CsvImportError, type CsvDelimiter, type DateOrder, type DecimalSeparator } from './types';

/** How many data records decide the date order and the decimal separator. */
export const SAMPLE_RECORDS = 1000;

export interface ValueConventions {
  dateOrder: DateOrder | null;
  dateOrderDetected: boolean;
  decimalSeparator: DecimalSeparator;
  decimalDetected: boolean;
}

/**
 * Reads the sampled records' date and amount columns to settle day/month order and the decimal separator.
 * A date whose first number is over 12 settles DD/MM, one whose second is over 12 settles MM/DD; when no
 * value settles it the detector does not guess: it stops with `ambiguous_dates` (the caller then asks, or
 * takes --date-format). Both orders in one file stop it too. A file with only ISO dates needs no order.
 */
export function detectConventions(
  sample: readonly string[][],
  mapping: ResolvedMapping,
  delimiter: CsvDelimiter,
  overrides: { dateOrder: DateOrder | null; decimalSeparator: DecimalSeparator | null },
): ValueConventions {
  const dateColumns = [...mapping.stages.map((s) => s.index), ...[mapping.fields.createDate, mapping.fields.firstContact].flatMap((c) => (c ? [c.index] : []))];
  let dmy: string | null = null;
  let mdy: string | null = null;
  let either: string | null = null;
  const marks = { '.': 0, ',': 0 };
  for (const fields of sample) {
    for (const index of dateColumns) {
      const value = fields[index];
      if (!value || !value.trim()) continue;
      const evidence = dateEvidence(value);
      if (evidence === 'dmy') dmy ??= value;
      else if (evidence === 'mdy') mdy ??= value;
      else if (evidence === 'either') either ??= value;
    }
    const amount = mapping.fields.amount ? fields[mapping.fields.amount.index] : undefined;
    const mark = amount ? decimalEvidence(amount) : null;
    if (mark) marks[mark]++;
  }

  let dateOrder = overrides.dateOrder;
  const dateOrderDetected = dateOrder === null;
  if (dateOrder === null) {
    if (dmy !== null && mdy !== null) throw new CsvImportError('inconsistent_dates', { dmy, mdy });
    if (dmy !== null) dateOrder = 'dmy';
    else if (mdy !== null) dateOrder = 'mdy';
    else if (either !== null) throw new CsvImportError('ambiguous_dates', { example: either });
  }

  let decimalSeparator = overrides.decimalSeparator;
  const decimalDetected = decimalSeparator === null;
  if (decimalSeparator === null) {
    // Spanish-locale Excel separates fields with `;` because its decimal mark is the comma.
    const fallback: DecimalSeparator = delimiter === ';' ? ',' : '.';
    decimalSeparator = marks['.'] > marks[','] ? '.' : marks[','] > marks['.'] ? ',' : fallback;
  }
  return { dateOrder, dateOrderDetected, decimalSeparator, decimalDetected };
}
