import { coversTerms } from '../../signing/canonicalForms';
import type { OutlineBlock } from '../types';
import { maybe, text, yesNo, type OutlineContext } from './context';

/**
 * The clauses of the Terms part (the review-cadence step): effective date and term, what happens when a
 * commitment is missed two months running, how the agreement is amended, and confidentiality. A version whose
 * signatures were made with a form that does not cover them (signed before model version 4) leaves them out:
 * the document must show only what the signers agreed to.
 */
export function termsBlocks(ctx: OutlineContext): OutlineBlock[] {
  const { t, f, agreement } = ctx;
  if (!coversTerms(agreement)) return [];
  const { terms } = agreement;
  const term =
    terms.term === null
      ? t('document.notSet')
      : terms.term === 'until-replaced'
        ? t('document.terms.untilReplaced')
        : terms.termMonths === null
          ? t('document.notSet')
          : t('document.terms.months', { count: terms.termMonths, value: f.number(terms.termMonths) });
  const { escalation, confidentiality } = terms;
  const confidential = confidentiality.required === null ? t('document.notSet') : yesNo(ctx, confidentiality.required);
  return [
    { kind: 'subheading', text: t('document.terms.title') },
    {
      kind: 'fields',
      rows: [
        { label: t('document.terms.effectiveDate'), value: terms.effectiveDate ? f.date(terms.effectiveDate) : t('document.notSet') },
        { label: t('document.terms.term'), value: term },
      ],
    },
    { kind: 'subheading', text: t('document.terms.escalationTitle'), level: 3 },
    { kind: 'paragraph', text: t('document.terms.escalationIntro') },
    {
      kind: 'fields',
      rows: [
        { label: t('document.terms.escalationTo'), value: text(ctx, escalation.to) },
        {
          label: t('document.terms.escalationDays'),
          value: maybe(ctx, escalation.withinDays, (n) => t('document.terms.days', { count: n, value: f.number(n) })),
        },
        { label: t('document.terms.remedy'), value: text(ctx, escalation.remedy) },
      ],
    },
    { kind: 'subheading', text: t('document.terms.amendmentTitle'), level: 3 },
    { kind: 'paragraph', text: t('document.terms.amendmentRule') },
    ...(terms.amendmentNotes.trim() ? [{ kind: 'paragraph', text: terms.amendmentNotes.trim() } as const] : []),
    { kind: 'subheading', text: t('document.terms.confidentialityTitle'), level: 3 },
    {
      kind: 'fields',
      rows: [
        { label: t('document.terms.confidential'), value: confidential },
        ...(confidentiality.required === true ? [{ label: t('document.terms.confidentialityText'), value: text(ctx, confidentiality.text) }] : []),
      ],
    },
  ];
}
