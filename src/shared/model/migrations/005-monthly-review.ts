import { isRecord, type ModelMigration } from './types';

/**
 * Version 5: a month of actuals holds what the monthly review needs besides the stage counts — the figures a
 * CRM import measures for the KPIs (records created, MQLs that became SQLs, the SQLs' value, median MQL → SQL
 * time, the share of leads given the required attempts), typed values of custom KPIs, the meeting's notes and
 * decisions, and which import last wrote the month. Months written before measured none of it: every figure
 * starts unknown (null, never 0), notes empty, no decisions, typed by hand. Actuals are outside what was
 * signed, so no fingerprint is touched. The unset values are written out here: a published step never changes.
 */
export const m005: ModelMigration = {
  version: 5,
  description: 'monthly actuals gain the KPI figures of a CRM import, custom KPI values, review notes and decisions, import provenance',
  agreement(agreement) {
    return { agreement };
  },
  actuals(months) {
    return months.map((month) => {
      if (!isRecord(month)) return month;
      return {
        contacts: null,
        mqlsThatBecameSql: null,
        sqlValue: null,
        medianHoursMqlToSql: null,
        pctWithRequiredAttempts: null,
        kpiValues: [],
        notes: '',
        decisions: [],
        imported: null,
        ...month,
      };
    });
  },
};
