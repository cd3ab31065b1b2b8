#!/usr/bin/env node
// The `sla-workshop` command. Runs the TypeScript sources through tsx, so it works right after
// `npm install`, without a build. All the logic (and every message) is in src/main/cli.
import { register } from 'tsx/esm/api';

try {
  register();
  await import('../src/main/cli/main.ts');
} catch {
  // Only reached when the sources themselves cannot be loaded (broken install), so the translations
  // cannot be either: one line in the user's language, no stack trace.
  const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  process.stderr.write(
    locale.toLowerCase().startsWith('es')
      ? 'sla-workshop no pudo iniciarse: la instalación está incompleta (ejecuta «npm install»).\n'
      : 'sla-workshop could not start: the installation is incomplete (run "npm install").\n',
  );
  process.exitCode = 2;
}
