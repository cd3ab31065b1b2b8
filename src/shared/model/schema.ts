import { z } from 'zod';
import { LIMITS } from './limits';
import { CANONICAL_VERSION } from './version';

/** Short single-line text (names, titles). Strict objects everywhere so unknown fields are reported, not dropped. */
export const shortText = z.string().max(LIMITS.shortText);
export const longText = z.string().max(LIMITS.longText);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.listItems);
const amount = z.number().finite().min(0).max(LIMITS.maxNumber);
const optionalAmount = amount.nullable();
const percent = z.number().finite().min(0).max(100);
const id = z.string().min(1).max(64);
const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

export const LANGUAGES = ['es', 'en'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

export const TEAMS = ['marketing', 'sales', 'other'] as const;
export const teamSchema = z.enum(TEAMS);
export type Team = z.infer<typeof teamSchema>;

export const STATUSES = ['draft', 'signed', 'superseded'] as const;
export const statusSchema = z.enum(STATUSES);
export type AgreementStatus = z.infer<typeof statusSchema>;

/** The workshop's steps, in order. `participants` is step 0; `review` is the sign-off screen. */
export const STEP_IDS = ['participants', 'icp', 'lifecycle', 'goals', 'handoff', 'protocol', 'kpis', 'cadence'] as const;
export const stepIdSchema = z.enum(STEP_IDS);
export type StepId = z.infer<typeof stepIdSchema>;

export const metaSchema = z.strictObject({
  id,
  title: shortText.min(1),
  company: shortText,
  language: languageSchema,
  currency: z.string().regex(/^[A-Z]{3}$/),
  status: statusSchema,
  version: z.number().int().min(1).max(10_000),
  amendsId: id.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const participantSchema = z.strictObject({
  id,
  name: shortText,
  jobTitle: shortText,
  team: teamSchema,
  email: z.union([z.literal(''), z.email().max(LIMITS.shortText)]),
  role: z.enum(['leader', 'member', 'facilitator']),
  mustSign: z.boolean(),
});
export type Participant = z.infer<typeof participantSchema>;

export const personaSchema = z.strictObject({
  id,
  name: shortText,
  demographics: longText,
  role: longText,
  priorities: longText,
  pains: longText,
  goals: longText,
  notes: longText,
});
export type Persona = z.infer<typeof personaSchema>;

export const icpSchema = z.strictObject({
  company: z.strictObject({
    industry: shortText,
    size: shortText,
    region: shortText,
    revenueBand: shortText,
    description: longText,
    competition: longText,
    challenges: longText,
    goals: longText,
  }),
  personas: list(personaSchema),
});

export const STAGE_KEYS = ['lead', 'mql', 'sql', 'opportunity', 'customer', 'custom'] as const;
export const stageSchema = z.strictObject({
  id,
  key: z.enum(STAGE_KEYS),
  name: shortText,
  definition: longText,
  owner: teamSchema,
  entryCriteria: longText,
  optional: z.boolean(),
});
export type Stage = z.infer<typeof stageSchema>;

export const lifecycleSchema = z.strictObject({
  stages: list(stageSchema),
  /** The four qualification criteria a Sales Qualified Lead must meet. */
  sqlCriteria: z.strictObject({
    authority: longText,
    need: longText,
    understanding: longText,
    fit: longText,
  }),
});

export const goalsSchema = z.strictObject({
  /** Monthly target per lifecycle stage, keyed by stage id. */
  targets: list(z.strictObject({ stageId: id, monthly: optionalAmount })),
  basis: longText,
  reviewMeeting: z.strictObject({
    dayOfMonth: z.number().int().min(1).max(28).nullable(),
    description: longText,
  }),
  calculator: z.strictObject({
    revenueGoal: optionalAmount,
    averageDealSize: optionalAmount,
    /** Stage-to-stage conversion rates in percent: leadToMql, mqlToSql, sqlToOpportunity, opportunityToCustomer. */
    rates: z.strictObject({
      leadToMql: percent.nullable(),
      mqlToSql: percent.nullable(),
      sqlToOpportunity: percent.nullable(),
      opportunityToCustomer: percent.nullable(),
    }),
  }),
});

export const ROUTING = ['crm-assignment', 'round-robin', 'notification', 'other'] as const;
export const handoffSchema = z.strictObject({
  stageId: id.nullable(),
  trigger: longText,
  routing: z.enum(ROUTING),
  routingDetails: longText,
  acceptWindowHours: optionalAmount,
  owner: shortText,
});

export const CHANNELS = ['phone', 'email', 'video', 'social', 'meeting', 'chat'] as const;
export const COMMITMENT_UNITS = ['per-month', 'percent', 'hours'] as const;
export const commitmentSchema = z.strictObject({
  id,
  team: teamSchema,
  description: shortText,
  min: optionalAmount,
  max: optionalAmount,
  unit: z.enum(COMMITMENT_UNITS),
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const protocolSchema = z.strictObject({
  firstContactBusinessHours: optionalAmount,
  contactAttempts: z.number().int().min(0).max(1000).nullable(),
  attemptWindowDays: optionalAmount,
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length),
  closedLoop: z.strictObject({ report: longText, frequency: z.enum(['daily', 'weekly', 'monthly']) }),
  rejection: z.strictObject({ reasons: list(shortText), recycling: longText }),
  commitments: list(commitmentSchema),
});

export const KPI_UNITS = ['percent', 'count', 'currency', 'hours', 'days', 'ratio'] as const;
export const FREQUENCIES = ['weekly', 'monthly', 'quarterly'] as const;
export const kpiSchema = z.strictObject({
  id,
  /** Catalog entry this KPI came from, or null for a custom KPI. */
  catalogKey: shortText.nullable(),
  name: shortText,
  definition: longText,
  formula: longText,
  target: z.number().finite().min(-LIMITS.maxNumber).max(LIMITS.maxNumber).nullable(),
  unit: z.enum(KPI_UNITS),
  frequency: z.enum(FREQUENCIES),
  dataSource: shortText,
  owner: teamSchema,
});
export type Kpi = z.infer<typeof kpiSchema>;

export const cadenceSchema = z.strictObject({
  months: z.number().int().min(1).max(24),
  highGrowth: z.boolean(),
  firstReviewDate: isoDate.nullable(),
  participantIds: list(id),
  agenda: list(shortText),
});

/** How long the agreement runs: a number of months, or until a newer signed version replaces it. */
export const TERM_KINDS = ['months', 'until-replaced'] as const;
export const TERM_MONTHS_MAX = 120;
export const ESCALATION_DAYS_MAX = 365;

/**
 * The clauses a legal reviewer expects (model version 4). `null` means "not set": agreements written before
 * version 4 get every clause unset, never a guessed value.
 */
export const termsSchema = z.strictObject({
  effectiveDate: isoDate.nullable(),
  term: z.enum(TERM_KINDS).nullable(),
  /** Only read when `term` is `months`; kept otherwise so switching back loses nothing typed. */
  termMonths: z.number().int().min(1).max(TERM_MONTHS_MAX).nullable(),
  /** A commitment missed two months running: who it goes to, within how many days, and the remedy. */
  escalation: z.strictObject({
    to: shortText,
    withinDays: z.number().int().min(1).max(ESCALATION_DAYS_MAX).nullable(),
    remedy: longText,
  }),
  /** Amendments are always a new signed version (fixed wording); these notes add to it. */
  amendmentNotes: longText,
  confidentiality: z.strictObject({ required: z.boolean().nullable(), text: longText }),
});
export type Terms = z.infer<typeof termsSchema>;

export const decisionSchema = z.strictObject({ id, date: isoDate, text: longText, owner: shortText });
export const parkingItemSchema = z.strictObject({ id, createdAt: isoDateTime, text: longText, resolved: z.boolean() });

export const signatureSchema = z.strictObject({
  id,
  participantId: id,
  name: shortText,
  jobTitle: shortText,
  signedAt: isoDateTime,
  /** PNG as a data URL. */
  image: z
    .string()
    .max(2_000_000)
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/),
  device: shortText,
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  /** The canonical form the fingerprint was computed with (src/shared/signing/canonicalForms.ts). */
  canonicalVersion: z.number().int().min(1).max(CANONICAL_VERSION),
});

/** Time box, in minutes, per step of the workshop agenda. */
export const agendaSchema = z.strictObject({
  minutes: z.strictObject(Object.fromEntries(STEP_IDS.map((s) => [s, z.number().int().min(0).max(600)])) as Record<StepId, z.ZodNumber>),
});

export const agreementSchema = z.strictObject({
  meta: metaSchema,
  participants: list(participantSchema),
  icp: icpSchema,
  lifecycle: lifecycleSchema,
  goals: goalsSchema,
  handoff: handoffSchema,
  protocol: protocolSchema,
  kpis: list(kpiSchema),
  cadence: cadenceSchema,
  terms: termsSchema,
  agenda: agendaSchema,
  notes: z.strictObject(Object.fromEntries(STEP_IDS.map((s) => [s, longText])) as Record<StepId, typeof longText>),
  decisions: list(decisionSchema),
  parkingLot: list(parkingItemSchema),
  signatures: list(signatureSchema),
});

export type Agreement = z.infer<typeof agreementSchema>;
