import type { TFunction } from 'i18next';
import type { AgreementChange } from '../../../../../shared/api/contract';
import { translateIfKnown } from '../../../../../shared/i18n';

/** The sections (steps, decision log, parking lot) that changes fall in, in the order they first appear. */
export function changedSections(changes: readonly AgreementChange[]): string[] {
  const sections: string[] = [];
  for (const change of changes) {
    const section = String(change.path[0] ?? 'meta');
    if (!sections.includes(section)) sections.push(section);
  }
  return sections;
}

/** "No changes since you opened the review." / "2 changes since you opened the review: Goals, Protocol." */
export function changesSinceReview(t: TFunction, language: string, changes: readonly AgreementChange[]): string {
  if (changes.length === 0) return t('steps.review.sign.what.noChanges');
  const names = changedSections(changes).map((section) => translateIfKnown(t, `changes.section.${section}`, String(section)));
  const sections = new Intl.ListFormat(language, { type: 'conjunction' }).format(names);
  return t('steps.review.sign.what.changes', { count: changes.length, sections });
}
