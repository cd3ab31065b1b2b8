#!/usr/bin/env node
// The `sla-workshop` command. Runs the JavaScript build of src/main/cli (out/node/, scripts/node-build.mjs),
// building it first when it is missing or older than its sources, so it works right after `npm install`
// and after every edit. SLA_WORKSHOP_DEV=1 runs the TypeScript sources through tsx instead (no build), as
// does an installation without devDependencies, which has no build tool.
// All the logic, and every message, is in src/main/cli.
import { pathToFileURL } from 'node:url';
import { BuildToolMissing, ROOT, ensureNodeBuild, entryFile } from '../scripts/node-build.mjs';

/** Only reached when the command itself cannot be loaded or built, so the translations cannot be either. */
function incompleteInstallation(detail) {
  const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  if (detail) process.stderr.write(`${detail}\n`);
  process.stderr.write(
    locale.toLowerCase().startsWith('es')
      ? 'sla-workshop no pudo iniciarse: la instalación está incompleta (ejecuta «npm install»).\n'
      : 'sla-workshop could not start: the installation is incomplete (run "npm install").\n',
  );
  process.exitCode = 2;
}

/** The file to run: the fresh build, or null for the TypeScript sources; undefined when neither will do. */
async function commandEntry() {
  if (process.env.SLA_WORKSHOP_DEV === '1') return null;
  try {
    return pathToFileURL(entryFile(await ensureNodeBuild(), 'sla-workshop')).href;
  } catch (error) {
    if (error instanceof BuildToolMissing) return null;
    // The build's own message (a syntax error in a source, say) is for whoever changed the sources.
    incompleteInstallation(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

const entry = await commandEntry();
if (entry !== undefined) {
  try {
    if (entry === null) {
      const { register } = await import('tsx/esm/api');
      register();
    }
    await import(entry ?? pathToFileURL(`${ROOT}/src/main/cli/main.ts`).href);
  } catch {
    incompleteInstallation();
  }
}
