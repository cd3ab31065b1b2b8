import { isRecord, type ModelMigration } from './types';

/**
 * Version 4: the clauses a legal reviewer expects (`terms`: effective date and term, escalation of a commitment
 * missed two months running, amendment notes, confidentiality). Agreements written before have none of them,
 * so every clause starts unset — a guessed date or term would put words in the signers' mouths. Signatures
 * keep the canonical form they recorded (form 1 does not cover `terms`), so every fingerprint stays the same.
 * The unset value is written out here, not taken from the live defaults: a published step never changes.
 */
export const m004: ModelMigration = {
  version: 4,
  description: 'terms (effective date, term, escalation, amendment notes, confidentiality), every clause unset',
  agreement(agreement) {
    if (!isRecord(agreement)) return { agreement };
    if (agreement.terms !== undefined) return { agreement };
    return {
      agreement: {
        ...agreement,
        terms: {
          effectiveDate: null,
          term: null,
          termMonths: null,
          escalation: { to: '', withinDays: null, remedy: '' },
          amendmentNotes: '',
          confidentiality: { required: null, text: '' },
        },
      },
    };
  },
};
