import i18next, { type i18n, type ParseKeys, type TFunction } from 'i18next';
import type { ApiError } from '../api/errors';
import type { Language } from '../model/schema';
import { actuals as actualsEn } from './locales/en/actuals';
import { backups as backupsEn } from './locales/en/backups';
import { changes as changesEn } from './locales/en/changes';
import { cli as cliEn } from './locales/en/cli';
import { document as documentEn } from './locales/en/document';
import { common as commonEn } from './locales/en/common';
import { errors as errorsEn } from './locales/en/errors';
import { missing as missingEn } from './locales/en/missing';
import { monthReview as monthReviewEn } from './locales/en/monthReview';
import { ui as uiEn } from './locales/en/ui';
import { facilitation as facilitationEn } from './locales/en/facilitation';
import { results as resultsEn } from './locales/en/results';
import { settings as settingsEn } from './locales/en/settings';
import { steps as stepsEn } from './locales/en/steps';
import { verify as verifyEn } from './locales/en/verify';
import { workshop as workshopEn } from './locales/en/workshop';
import { actuals as actualsEs } from './locales/es/actuals';
import { backups as backupsEs } from './locales/es/backups';
import { changes as changesEs } from './locales/es/changes';
import { cli as cliEs } from './locales/es/cli';
import { document as documentEs } from './locales/es/document';
import { common as commonEs } from './locales/es/common';
import { errors as errorsEs } from './locales/es/errors';
import { missing as missingEs } from './locales/es/missing';
import { monthReview as monthReviewEs } from './locales/es/monthReview';
import { ui as uiEs } from './locales/es/ui';
import { facilitation as facilitationEs } from './locales/es/facilitation';
import { results as resultsEs } from './locales/es/results';
import { settings as settingsEs } from './locales/es/settings';
import { steps as stepsEs } from './locales/es/steps';
import { verify as verifyEs } from './locales/es/verify';
import { workshop as workshopEs } from './locales/es/workshop';

/** All messages, one tree per language, under the single i18next namespace `translation`. */
export const resources = {
  en: {
    translation: {
      common: commonEn,
      errors: errorsEn,
      missing: missingEn,
      ui: uiEn,
      cli: cliEn,
      workshop: workshopEn,
      steps: stepsEn,
      facilitation: facilitationEn,
      document: documentEn,
      changes: changesEn,
      backups: backupsEn,
      verify: verifyEn,
      actuals: actualsEn,
      monthReview: monthReviewEn,
      settings: settingsEn,
      results: resultsEn,
    },
  },
  es: {
    translation: {
      common: commonEs,
      errors: errorsEs,
      missing: missingEs,
      ui: uiEs,
      cli: cliEs,
      workshop: workshopEs,
      steps: stepsEs,
      facilitation: facilitationEs,
      document: documentEs,
      changes: changesEs,
      backups: backupsEs,
      verify: verifyEs,
      actuals: actualsEs,
      monthReview: monthReviewEs,
      settings: settingsEs,
      results: resultsEs,
    },
  },
} as const;

/**
 * Keys are typed: the English tree is the source of truth, so `t('no.such.key')` does not compile (Spanish
 * is held to the same keys by test/i18n-keys.test.ts). Keys built at run time come from typed unions
 * (`KeysUnder`), and keys that arrive as data (a stored problem, an error's reason) pass `isTranslationKey`.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof resources)['en'];
    // Keys are checked; parameters are not typed per message: many arrive as records built from data.
    parseInterpolation: false;
  }
}

/** Every message key (plural forms by their base key: `x.count`, not `x.count_one`). */
export type TranslationKey = ParseKeys;

/** The keys one level or more below a prefix: `KeysUnder<'common.teams'>` is `'marketing' | 'sales' | …`. */
export type KeysUnder<Prefix extends string> = TranslationKey extends infer K ? (K extends `${Prefix}.${infer Rest}` ? Rest : never) : never;

/** The names N for which `${Prefix}.N.label` exists: `LabelledUnder<'steps.handoff.fields'>`. */
export type LabelledUnder<Prefix extends string> = KeysUnder<Prefix> extends infer K ? (K extends `${infer Name}.label` ? Name : never) : never;

/** The message for a seal problem code read from a file or a reply; a code this version does not know still reads as one. */
export function sealProblemMessage(t: TFunction, code: string, detail: string): string {
  const key = `verify.seal.problem.${code}`;
  return isTranslationKey(key) ? t(key, { detail }) : t('verify.seal.problem.unknown', { code, detail });
}

/** Translates a key built from data (a path segment, a code) when it names a message, else gives `fallback`. */
export function translateIfKnown(t: TFunction, key: string, fallback: string, params?: Record<string, string | number>): string {
  return isTranslationKey(key) ? t(key, params ?? {}) : fallback;
}

const PLURAL_SUFFIXES = ['_zero', '_one', '_two', '_few', '_many', '_other'];

/** Whether a text that came as data names a message (in the English tree, which all languages share). */
export function isTranslationKey(key: string): key is TranslationKey {
  const parts = key.split('.');
  let node: unknown = resources.en.translation;
  for (const [index, part] of parts.entries()) {
    if (node === null || typeof node !== 'object') return false;
    const children = node as Record<string, unknown>;
    const last = index === parts.length - 1;
    // Like the type: a plural form is named by its base key.
    if (last && PLURAL_SUFFIXES.some((suffix) => part.endsWith(suffix))) return false;
    if (last && typeof children[part] !== 'string' && PLURAL_SUFFIXES.some((suffix) => typeof children[part + suffix] === 'string')) return true;
    if (!Object.prototype.hasOwnProperty.call(children, part)) return false;
    node = children[part];
  }
  return typeof node === 'string';
}

export function pickLanguage(locale: string | undefined | null): Language {
  return locale?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** The options every i18next instance here shares (the CLI's and tests' below, the renderer's own). */
export const I18N_OPTIONS = {
  resources,
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;

/**
 * Text people typed that a message puts right before its own full stop: "{{company, noFinalDot}}." drops the
 * value's one final dot, so "Acme S.L." ends a sentence as "Acme S.L." and never "Acme S.L..". Only that
 * dot goes: an ellipsis keeps reading as one, and nothing else in the value changes.
 */
export function noFinalDot(value: unknown): string {
  return String(value ?? '')
    .trimEnd()
    .replace(/\.$/, '');
}

/** Registers the formats messages may use in their placeholders (see noFinalDot). Call after init. */
export function addFormats(instance: i18n): void {
  instance.services.formatter?.add('noFinalDot', noFinalDot);
}

/** A ready, synchronous i18next instance (CLI, tests, the renderer's initial setup). */
export function createI18n(lang: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init({ ...I18N_OPTIONS, lng: lang });
  addFormats(instance);
  return instance;
}

export function createTranslator(lang: Language): TFunction {
  return createI18n(lang).t;
}

/** One translated sentence for an API error, naming the first offending field when there is one. */
export function describeError(t: TFunction, error: ApiError): string {
  const params = error.params ?? {};
  const reason = typeof params.reason === 'string' ? `errors.reason.${params.reason}` : null;
  const message = reason && isTranslationKey(reason) ? t(reason, params) : t(`errors.${error.kind}`, params);
  const first = error.issues?.[0];
  if (!first) return message;
  const issueKey = `errors.issue.${first.code}`;
  const issue = isTranslationKey(issueKey) ? t(issueKey, { ...first.params }) : t('errors.issue.other', { code: first.code });
  return t('errors.at', { message, path: first.path || '/', issue });
}
