import { DEFAULT_AGENDA_MINUTES } from './agenda';
import { DEFAULT_CONTENT } from './content';
import { newId } from './ids';
import { STEP_IDS, type Agreement, type Language, type Stage, type StepId } from './schema';

export const DEFAULT_CURRENCY: Record<Language, string> = { es: 'EUR', en: 'USD' };
export const DEFAULT_REVIEW_MONTHS = 6;
export const HIGH_GROWTH_REVIEW_MONTHS = 2;

export function defaultStages(lang: Language): Stage[] {
  const text = DEFAULT_CONTENT[lang].stages;
  const stage = (key: keyof typeof text, owner: Stage['owner'], optional: boolean): Stage => ({
    id: newId(),
    key,
    ...text[key],
    owner,
    entryCriteria: '',
    optional,
  });
  return [
    stage('lead', 'marketing', false),
    stage('mql', 'marketing', false),
    stage('sql', 'sales', false),
    stage('opportunity', 'sales', true),
    stage('customer', 'sales', true),
  ];
}

export interface BlankOptions {
  id?: string;
  title?: string;
  company?: string;
  now?: Date;
}

/** A fresh agreement: default stages, an empty target per stage, a 6-month review cadence, a 3-hour agenda. */
export function createBlank(lang: Language, options: BlankOptions = {}): Agreement {
  const now = (options.now ?? new Date()).toISOString();
  const stages = defaultStages(lang);
  return {
    meta: {
      id: options.id ?? newId(),
      title: options.title?.trim() || DEFAULT_CONTENT[lang].untitled,
      company: options.company ?? '',
      language: lang,
      currency: DEFAULT_CURRENCY[lang],
      status: 'draft',
      version: 1,
      amendsId: null,
      createdAt: now,
      updatedAt: now,
    },
    participants: [],
    icp: {
      company: { industry: '', size: '', region: '', revenueBand: '', description: '', competition: '', challenges: '', goals: '' },
      personas: [],
    },
    lifecycle: { stages, sqlCriteria: { authority: '', need: '', understanding: '', fit: '' } },
    goals: {
      targets: stages.map((s) => ({ stageId: s.id, monthly: null })),
      basis: '',
      reviewMeeting: { dayOfMonth: null, description: '' },
      calculator: {
        revenueGoal: null,
        averageDealSize: null,
        rates: { leadToMql: null, mqlToSql: null, sqlToOpportunity: null, opportunityToCustomer: null },
      },
    },
    handoff: {
      stageId: stages.find((s) => s.key === 'sql')?.id ?? null,
      trigger: '',
      routing: 'crm-assignment',
      routingDetails: '',
      acceptWindowHours: null,
      owner: '',
    },
    protocol: {
      firstContactBusinessHours: null,
      contactAttempts: null,
      attemptWindowDays: null,
      channels: [],
      closedLoop: { report: '', frequency: 'weekly' },
      rejection: { reasons: [], recycling: '' },
      commitments: [],
    },
    kpis: [],
    cadence: {
      months: DEFAULT_REVIEW_MONTHS,
      highGrowth: false,
      firstReviewDate: null,
      participantIds: [],
      agenda: [...DEFAULT_CONTENT[lang].reviewAgenda],
    },
    agenda: { minutes: { ...DEFAULT_AGENDA_MINUTES } },
    notes: Object.fromEntries(STEP_IDS.map((s) => [s, ''])) as Record<StepId, string>,
    decisions: [],
    parkingLot: [],
    signatures: [],
  };
}
