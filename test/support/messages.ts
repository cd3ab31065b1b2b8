import type { TFunction } from 'i18next';
import { isTranslationKey } from '../../src/shared/i18n';

/**
 * For tests that build keys from their own data (`steps.icp.company.${field}.label`): translates, and throws
 * on a key that names no message, so a typo fails the test instead of matching the key's own text.
 */
export function knownMessage(t: TFunction, key: string, params?: Record<string, string | number>): string {
  if (!isTranslationKey(key)) throw new Error(`No message has the key ${key}`);
  return t(key, params ?? {});
}
