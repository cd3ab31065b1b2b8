/**
 * Entry point of the `sla-workshop` command. bin/sla-workshop.mjs runs its build (out/node/, made by
 * scripts/node-build.mjs), or these sources through tsx when SLA_WORKSHOP_DEV=1.
 *
 * Modules load per command, so each pays only for what it uses: `--version` alone (what scripts and
 * installers ask most) is answered from package.json before the command table, the translations or the
 * schemas load; each command's module (and the packages it needs: docx, node-forge, xml-crypto, SQLite)
 * loads only when that command runs (program.ts).
 */
import { APP_VERSION } from '../core/appVersion';

const VERSION_FLAGS: readonly string[] = ['--version', '-V'];

function main(argv: string[]): Promise<void> {
  if (argv.length === 1 && VERSION_FLAGS.includes(argv[0] ?? '')) {
    // Same answer as commander's --version (program.ts); a pipe closed early is not an error.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 2)); // 2 = EXIT.error (context.ts loads the translations)
    process.stdout.write(`${APP_VERSION}\n`);
    return Promise.resolve();
  }
  return import('./runProcess').then(({ runProcess }) => runProcess(argv));
}

/**
 * Settles when the command has run; bin/sla-workshop.mjs awaits it. Not a top-level await: the command is
 * built as CommonJS (scripts/node-build-state.mjs), which has none.
 */
export const done: Promise<void> = main(process.argv.slice(2));
