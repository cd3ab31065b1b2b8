import { describe, expect, it } from 'vitest';
import type { AgreementChange } from '../../../../../shared/api/contract';
import { createTranslator } from '../../../../../shared/i18n';
import { fingerprintGroups } from '../../../../../shared/signing/signers';
import { changedSections, changesSinceReview } from './signSummary';

const change = (path: AgreementChange['path']): AgreementChange => ({ kind: 'changed', path, item: null, before: 'a', after: 'b' });

describe('what the sign dialog says changed since the review was opened', () => {
  const changes = [change(['goals', 'basis']), change(['protocol', 'attempts']), change(['goals', 'meeting'])];

  it('names each section once, in order', () => {
    expect(changedSections(changes)).toEqual(['goals', 'protocol']);
  });

  it('reads as one sentence in either language, plural-aware', () => {
    expect(changesSinceReview(createTranslator('en'), 'en', [])).toBe('No changes since you opened the review.');
    expect(changesSinceReview(createTranslator('en'), 'en', changes)).toBe('3 changes since you opened the review: Goals and Lead-handling protocol.');
    expect(changesSinceReview(createTranslator('en'), 'en', [change(['decisions', 0, 'text'])])).toBe('1 change since you opened the review: Decision log.');
    expect(changesSinceReview(createTranslator('es'), 'es', [])).toBe('Ningún cambio desde que abriste la revisión.');
    expect(changesSinceReview(createTranslator('es'), 'es', changes)).toBe('3 cambios desde que abriste la revisión: Metas y Protocolo de gestión de leads.');
    expect(changesSinceReview(createTranslator('es'), 'es', [change(['meta', 'title'])])).toBe('1 cambio desde que abriste la revisión: Acuerdo.');
  });

  it('shows the whole fingerprint in groups of four', () => {
    const groups = fingerprintGroups('0123456789abcdef'.repeat(4));
    expect(groups).toHaveLength(16);
    expect(groups.join('')).toBe('0123456789abcdef'.repeat(4));
    expect(groups[1]).toBe('4567');
  });
});
