import { newId } from './ids';
import type { Kpi, Language } from './schema';

/** The methodology's KPIs plus speed-to-lead compliance, prefilled in the agreement's language. */
export const KPI_CATALOG_KEYS = ['leadToMqlRate', 'mqlToSqlRate', 'contactsPerSql', 'sqlValue', 'mqlToSqlDays', 'mqlToCustomerRate', 'speedToLead'] as const;
export type KpiCatalogKey = (typeof KPI_CATALOG_KEYS)[number];

type Entry = Pick<Kpi, 'unit' | 'frequency' | 'owner'> & Record<Language, Pick<Kpi, 'name' | 'definition' | 'formula' | 'dataSource'>>;

export const KPI_CATALOG: Record<KpiCatalogKey, Entry> = {
  leadToMqlRate: {
    unit: 'percent',
    frequency: 'monthly',
    owner: 'marketing',
    en: {
      name: 'Lead → MQL conversion',
      definition: 'Share of new leads that reach marketing qualification in the month.',
      formula: 'MQLs created ÷ leads created × 100',
      dataSource: 'CRM',
    },
    es: {
      name: 'Conversión de lead a MQL',
      definition: 'Porcentaje de leads nuevos que alcanzan la calificación de marketing en el mes.',
      formula: 'MQLs creados ÷ leads creados × 100',
      dataSource: 'CRM',
    },
  },
  mqlToSqlRate: {
    unit: 'percent',
    frequency: 'monthly',
    owner: 'sales',
    en: {
      name: 'MQL → SQL conversion',
      definition: 'Share of MQLs that sales accepts as sales qualified.',
      formula: 'SQLs created ÷ MQLs created × 100',
      dataSource: 'CRM',
    },
    es: {
      name: 'Conversión de MQL a SQL',
      definition: 'Porcentaje de MQLs que ventas acepta como calificados para ventas.',
      formula: 'SQLs creados ÷ MQLs creados × 100',
      dataSource: 'CRM',
    },
  },
  contactsPerSql: {
    unit: 'count',
    frequency: 'monthly',
    owner: 'marketing',
    en: {
      name: 'Contacts needed for an MQL that becomes an SQL',
      definition: 'How many contacts the funnel needs to produce one MQL that ends up sales qualified.',
      formula: 'contacts created ÷ MQLs that became SQLs',
      dataSource: 'CRM',
    },
    es: {
      name: 'Contactos necesarios para un MQL que llega a SQL',
      definition: 'Cuántos contactos necesita el embudo para producir un MQL que termina calificado por ventas.',
      formula: 'contactos creados ÷ MQLs que pasaron a SQL',
      dataSource: 'CRM',
    },
  },
  sqlValue: {
    unit: 'currency',
    frequency: 'monthly',
    owner: 'sales',
    en: {
      name: 'Monetary value of SQLs',
      definition: 'Pipeline value of the SQLs created in the month.',
      formula: 'sum of expected deal value of new SQLs',
      dataSource: 'CRM',
    },
    es: {
      name: 'Valor monetario de los SQLs',
      definition: 'Valor de pipeline de los SQLs creados en el mes.',
      formula: 'suma del valor esperado de los SQLs nuevos',
      dataSource: 'CRM',
    },
  },
  mqlToSqlDays: {
    unit: 'days',
    frequency: 'monthly',
    owner: 'sales',
    en: {
      name: 'Time from MQL to SQL',
      definition: 'Median days between a lead becoming an MQL and sales qualifying it.',
      formula: 'median(SQL date − MQL date)',
      dataSource: 'CRM',
    },
    es: {
      name: 'Tiempo de MQL a SQL',
      definition: 'Mediana de días entre que un lead pasa a MQL y ventas lo califica.',
      formula: 'mediana(fecha SQL − fecha MQL)',
      dataSource: 'CRM',
    },
  },
  mqlToCustomerRate: {
    unit: 'percent',
    frequency: 'monthly',
    owner: 'sales',
    en: {
      name: 'MQL → customer conversion',
      definition: 'Share of MQLs that end up as paying customers.',
      formula: 'new customers ÷ MQLs × 100',
      dataSource: 'CRM',
    },
    es: {
      name: 'Conversión de MQL a cliente',
      definition: 'Porcentaje de MQLs que terminan como clientes que pagan.',
      formula: 'clientes nuevos ÷ MQLs × 100',
      dataSource: 'CRM',
    },
  },
  speedToLead: {
    unit: 'percent',
    frequency: 'weekly',
    owner: 'sales',
    en: {
      name: 'Speed-to-lead compliance',
      definition: 'Share of handed-off leads that sales contacted within the agreed window.',
      formula: 'leads contacted within the window ÷ leads handed off × 100',
      dataSource: 'CRM activity log',
    },
    es: {
      name: 'Cumplimiento de velocidad de contacto',
      definition: 'Porcentaje de leads traspasados que ventas contactó dentro del plazo acordado.',
      formula: 'leads contactados en plazo ÷ leads traspasados × 100',
      dataSource: 'Registro de actividad del CRM',
    },
  },
};

export function kpiFromCatalog(key: KpiCatalogKey, lang: Language, target: number | null = null): Kpi {
  const entry = KPI_CATALOG[key];
  return { id: newId(), catalogKey: key, ...entry[lang], target, unit: entry.unit, frequency: entry.frequency, owner: entry.owner };
}
