/**
 * The operating system's language for the start scripts, which run before (or instead of) Electron:
 * POSIX locale variables first (LC_ALL > LC_MESSAGES > LANG > LANGUAGE), then what the JavaScript
 * runtime reports (that is how Windows, which sets none of them, is covered).
 */
export function osLocale(
  env: NodeJS.ProcessEnv = process.env,
  runtimeLocale: () => string | undefined = () => Intl.DateTimeFormat().resolvedOptions().locale,
): string {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE'] as const) {
    const value = env[name]?.split(':')[0]?.trim();
    if (value && value !== 'C' && value !== 'POSIX' && !value.startsWith('C.')) return value;
  }
  return runtimeLocale() ?? 'en';
}
