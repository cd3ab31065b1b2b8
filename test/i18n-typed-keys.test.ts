import { describe, expect, it } from 'vitest';
import { createTranslator, isTranslationKey, translateIfKnown } from '../src/shared/i18n';

/**
 * Message keys are typed from the English tree. Each line below must not compile (checked by
 * `npm run typecheck`; an expect-error with no error fails it). Never called: only its types matter.
 */
export function typedKeyMistakes(): void {
  const t = createTranslator('en');
  // @ts-expect-error — no such key.
  t('nope.key');
  // @ts-expect-error — a typo in a real key.
  t('workshop.save.savd');
  // @ts-expect-error — a key built from any text is not a key.
  t(`common.teams.${String(Math.random())}`);
  t('workshop.save.saved');
}

describe('keys that arrive as data', () => {
  it('are recognised only when they name a message, plural forms by their base key', () => {
    expect(isTranslationKey('workshop.save.saved')).toBe(true);
    expect(isTranslationKey('workshop.fieldDrafts.notSaved')).toBe(true);
    expect(isTranslationKey('workshop.fieldDrafts.notSaved_one')).toBe(false);
    expect(isTranslationKey('workshop.save')).toBe(false);
    expect(isTranslationKey('workshop.save.saved.more')).toBe(false);
    expect(isTranslationKey('nope.key')).toBe(false);
    expect(isTranslationKey('constructor')).toBe(false);
    expect(isTranslationKey('__proto__.toString')).toBe(false);
  });

  it('fall back to the given text when they name none, in both languages', () => {
    for (const lang of ['en', 'es'] as const) {
      const t = createTranslator(lang);
      expect(translateIfKnown(t, 'common.teams.sales', 'x')).toBe(t('common.teams.sales'));
      expect(translateIfKnown(t, 'common.teams.nobody', 'nobody')).toBe('nobody');
    }
  });
});
