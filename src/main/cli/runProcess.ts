import { createTranslator } from '../../shared/i18n';
import { EXIT, languageFromEnv } from './context';
import { runCli } from './program';

function unexpected(): void {
  try {
    process.stderr.write(`${createTranslator(languageFromEnv(process.env))('cli.errors.unexpected')}\n`);
  } finally {
    process.exit(EXIT.error);
  }
}

/** Settles once what was written to `stream` so far has been handed to the system (or the stream failed). */
const flushed = (stream: NodeJS.WriteStream): Promise<void> => new Promise((done) => stream.write('', () => done()));

/**
 * Runs the command line in this process: its real stdout, stderr, environment and folder. Everything is
 * caught here: the user sees one translated line and an exit code, never a stack trace.
 */
export async function runProcess(argv: string[]): Promise<void> {
  process.on('uncaughtException', unexpected);
  process.on('unhandledRejection', unexpected);
  // `sla-workshop list | head` closes the pipe early: that is not an error worth a message.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
    unexpected();
  });

  process.exitCode = await runCli(argv, {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
  });
  // Every command has awaited its own work by now (its database closed, its files written and synced).
  // Leaving by process.exit once the output is flushed skips Node's tear-down of the whole heap and of
  // SQLite's module, ~50 ms spent on nothing the user asked for.
  await flushed(process.stdout);
  await flushed(process.stderr);
  process.exit();
}
