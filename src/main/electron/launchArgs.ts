/**
 * The renderer learns the system locale from a command-line switch that main adds through
 * `webPreferences.additionalArguments`: a sandboxed preload has `process.argv` but no `app` API.
 * src/preload/index.ts reads it back (it may not import this file: the lint rule keeps main out of it).
 */
export const LOCALE_SWITCH = '--sla-locale=';

/** BCP 47-ish tags only ("es", "es-ES", "zh-Hant-TW"): nothing else reaches the renderer's argv. */
const LOCALE_PATTERN = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}$/;

export function normalizeLocale(value: string | undefined | null): string | null {
  if (!value || !LOCALE_PATTERN.test(value)) return null;
  return value.replace(/_/g, '-');
}

/** The first usable locale among the system's preferred languages, then Electron's own locale, then "en". */
export function pickSystemLocale(preferred: readonly string[], fallback: string | undefined): string {
  for (const candidate of [...preferred, fallback]) {
    const locale = normalizeLocale(candidate);
    if (locale) return locale;
  }
  return 'en';
}

export function localeArgument(locale: string): string {
  return `${LOCALE_SWITCH}${normalizeLocale(locale) ?? 'en'}`;
}
