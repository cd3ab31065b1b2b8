import { createTranslator, pickLanguage } from '../../../shared/i18n';

/**
 * The one-line, translated messages of the .mjs start scripts (printed by print.ts, since .mjs files
 * cannot import TypeScript). Only the start-script keys are accepted; a message never spans lines.
 */
export const LAUNCHER_KEYS = ['cli.start.noElectron', 'cli.start.nativeSkipped'] as const;

export function launcherMessage(key: string, pairs: readonly string[], locale: string): string | null {
  const known = LAUNCHER_KEYS.find((k) => k === key);
  if (!known) return null;
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at > 0) params[pair.slice(0, at)] = pair.slice(at + 1).slice(0, 300);
  }
  const t = createTranslator(pickLanguage(locale));
  return t(known, { replace: params })
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
}
