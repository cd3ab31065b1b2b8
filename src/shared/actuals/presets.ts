import { fitMapping, MAPPING_FORMAT, type CsvMapping, type ResolvedMapping } from './mapping';
import type { AgreementFacts, MappedStageKey } from './types';

/**
 * HubSpot's lifecycle-stage date properties, per stage key: the label of the classic property, its
 * internal name, and the newer "Date entered" property of the lifecycle-stage pipeline (label and name).
 */
const HUBSPOT_STAGES: Record<MappedStageKey, { label: string; internal: string; pipeline: string }> = {
  lead: { label: 'Became a Lead Date', internal: 'lead', pipeline: 'Lead' },
  mql: { label: 'Became a Marketing Qualified Lead Date', internal: 'marketingqualifiedlead', pipeline: 'Marketing Qualified Lead' },
  sql: { label: 'Became a Sales Qualified Lead Date', internal: 'salesqualifiedlead', pipeline: 'Sales Qualified Lead' },
  opportunity: { label: 'Became an Opportunity Date', internal: 'opportunity', pipeline: 'Opportunity' },
  customer: { label: 'Became a Customer Date', internal: 'customer', pipeline: 'Customer' },
};

/** A HubSpot contacts export (labels or internal names as headers). Every column optional: exports carry only the chosen properties. */
export const HUBSPOT_PRESET: CsvMapping = {
  format: MAPPING_FORMAT,
  version: 1,
  name: 'HubSpot',
  stages: (Object.keys(HUBSPOT_STAGES) as MappedStageKey[]).map((key) => {
    const s = HUBSPOT_STAGES[key];
    return {
      stage: { key },
      column: [s.label, `hs_lifecyclestage_${s.internal}_date`, `Date entered "${s.pipeline} (Lifecycle Stage Pipeline)"`, `hs_v2_date_entered_${s.internal}`],
      optional: true,
    };
  }),
  recordId: { column: ['Record ID', 'hs_object_id', 'Contact ID', 'vid'], optional: true },
  createDate: { column: ['Create Date', 'createdate'], optional: true },
  firstContact: {
    column: [
      'First outreach date',
      'hs_first_outreach_date',
      'First Engagement Date',
      'Date of first engagement',
      'hs_sa_first_engagement_date',
      'First Contact Date',
    ],
    optional: true,
  },
  amount: { column: ['Amount', 'Deal Amount', 'Recent Deal Amount', 'recent_deal_amount', 'Total Revenue', 'total_revenue'], optional: true },
  contactAttempts: { column: ['Number of times contacted', 'num_contacted_notes', 'Number of Sales Activities', 'num_notes'], optional: true },
};

/**
 * A Salesforce "Leads with converted lead information" report. Lead Status identifies it; the lead's
 * Created Date is the lead date, Converted Date the SQL date (conversion is sales accepting the lead),
 * the converted opportunity's Created Date the opportunity date and its Close Date the customer date —
 * only when its stage is Closed Won (an open opportunity's Close Date is a forecast).
 */
export const SALESFORCE_PRESET: CsvMapping = {
  format: MAPPING_FORMAT,
  version: 1,
  name: 'Salesforce',
  requireColumns: [['Lead Status', 'Lead: Lead Status']],
  stages: [
    { stage: { key: 'lead' }, column: ['Created Date', 'Lead: Created Date'] },
    { stage: { key: 'mql' }, column: ['MQL Date', 'Marketing Qualified Date', 'Lead: MQL Date'], optional: true },
    { stage: { key: 'sql' }, column: ['Converted Date', 'Lead: Converted Date'], optional: true },
    { stage: { key: 'opportunity' }, column: ['Opportunity: Created Date', 'Opportunity Created Date'], optional: true },
    {
      stage: { key: 'customer' },
      column: ['Opportunity: Close Date', 'Close Date'],
      optional: true,
      when: { column: ['Opportunity: Stage', 'Stage'], in: ['Closed Won', 'Closed/Won', 'Won', 'Cerrada ganada', 'Ganada'] },
    },
  ],
  recordId: { column: ['Lead ID', 'Lead: Lead ID'], optional: true },
  firstContact: { column: ['First Response', 'First Response Date', 'First Call Date/Time', 'First Email Date/Time', 'First Contact Date'], optional: true },
  amount: { column: ['Opportunity: Amount', 'Amount'], optional: true },
};

export const PRESETS = { hubspot: HUBSPOT_PRESET, salesforce: SALESFORCE_PRESET } as const;
export type PresetId = keyof typeof PRESETS;
export const PRESET_IDS = Object.keys(PRESETS) as PresetId[];

/** Which preset fits a header row best (most columns recognised), or null: the file is then refused. */
export function detectPreset(headerRow: readonly string[], facts: AgreementFacts): { preset: PresetId; resolved: ResolvedMapping } | null {
  let best: { preset: PresetId; resolved: ResolvedMapping; score: number } | null = null;
  for (const preset of PRESET_IDS) {
    const fit = fitMapping(PRESETS[preset], headerRow, facts);
    if (fit.fits && (!best || fit.score > best.score)) best = { preset, resolved: fit.resolved, score: fit.score };
  }
  return best && { preset: best.preset, resolved: best.resolved };
}
