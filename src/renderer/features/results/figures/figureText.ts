import { formatLocaleNumber } from '../../../../shared/numbers/localeNumber';
import { readNumber } from '../../workshop/fields/numberRead';
import type { FieldRead } from '../../workshop/fields/useDraftedField';
import type { FigureColumn } from './figureColumns';

/**
 * A cell's text read the workshop's way (the interface's separators, ambiguous text asked about, nothing
 * clamped); an empty cell is "not entered" (null), never 0.
 */
export function readFigure(raw: string, final: boolean, locale: string, column: Pick<FigureColumn, 'limits'>): FieldRead<number | null> {
  return readNumber(raw, final, locale, { ...column.limits, nullable: true });
}

/** A stored value as its cell shows it: amounts of money with their cents, nothing rounded away. */
export function formatFigure(value: number | null, locale: string, column: Pick<FigureColumn, 'unit'>): string {
  return value === null ? '' : formatLocaleNumber(value, locale, { cents: column.unit === 'currency' });
}
