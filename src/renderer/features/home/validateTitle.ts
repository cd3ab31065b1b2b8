import { LIMITS } from '../../../shared/model/limits';
import type { TranslationKey } from '../../../shared/i18n';

export interface TitleProblem {
  key: TranslationKey;
  params?: Record<string, number>;
}

/** Same rule as the API's rename input, checked first so the user gets an inline message, not a round trip. */
export function validateTitle(title: string): TitleProblem | null {
  const trimmed = title.trim();
  if (trimmed.length === 0) return { key: 'ui.validation.titleRequired' };
  if (trimmed.length > LIMITS.shortText) return { key: 'ui.validation.titleTooLong', params: { max: LIMITS.shortText } };
  return null;
}
