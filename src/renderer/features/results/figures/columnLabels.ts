import type { TFunction } from 'i18next';
import type { Agreement } from '../../../../shared/model/schema';
import type { FigureColumn } from './figureColumns';

/** The currency's symbol as the interface writes it ("€", "US$"), or its code when Intl has no symbol. */
export function currencySymbol(currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

/** A column's heading: the agreement's own names for stages and KPIs, the interface's for the fixed figures. */
export function columnLabel(t: TFunction, column: FigureColumn, agreement: Agreement, locale: string): string {
  const source = column.source;
  switch (source.kind) {
    case 'stage':
      return column.name?.trim() || t('results.figures.unnamedStage');
    case 'kpi':
      return column.name?.trim() || t('results.figures.unnamedKpi');
    case 'unmatched':
      return t(`results.figures.fixedStage.${source.key}`);
    case 'figure': {
      if (source.key === 'pctContactedWithinSla') {
        const hours = agreement.protocol.firstContactBusinessHours;
        return hours === null ? t('results.figures.columns.pctContactedWithinSla') : t('results.figures.columns.pctContactedWithinHours', { count: hours });
      }
      return t(`results.figures.columns.${source.key}`, { currency: currencySymbol(agreement.meta.currency, locale) });
    }
  }
}
