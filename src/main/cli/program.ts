import { Command, CommanderError } from 'commander';
import type { TFunction } from 'i18next';
import { resolve } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { createTranslator, describeError, type TranslationKey } from '../../shared/i18n';
import type { Language } from '../../shared/model/schema';
import { APP_VERSION } from '../core/appVersion';
import { DATA_DIR_ENV, resolveDataDir } from '../core/dataDir';
import { CliFailure, createContext, EXIT, languageFromEnv, parseLanguage, renderFailure, type CliContext, type CliIo } from './context';

const EXIT_CODES_HELP = `
Exit codes:
  0  success (verify: the document matches what was signed)
  1  validate: the file is valid but the agreement is not complete yet, or a signed
     version was edited after signing (it is named);
     verify: the document differs from what was signed (each difference is listed)
  2  error: bad usage, unreadable or invalid file, unknown agreement, storage problem`;

const VERIFY_EXIT_CODES_HELP = `
Exit codes:
  0  the document matches: its data hashes to the recorded fingerprint, every signature is present, no part
     changed, and its digital signature is the one it was exported with (with --data-dir: and this data
     folder exported exactly this file, or stores that version with the same fingerprint and signatures)
  1  the document differs: data changed, fingerprint mismatch, signature missing, edited after export,
     digital signature invalid, removed or replaced (with --data-dir: or not confirmed by that folder)
  2  the file cannot be read: not a .docx, damaged, too large once inflated, or without SLA Workshop data`;

const IMPORT_CSV_EXIT_CODES_HELP = `
Exit codes:
  0  imported and written (rejected rows, if any, are listed on stderr with their line numbers)
  2  nothing written: the CSV or the .slaw cannot be read, no mapping fits, bad usage`;

const ENVIRONMENT_HELP = `
Environment:
  ${DATA_DIR_ENV}  data folder when --data-dir is not given
                         (default: the per-user folder, e.g. ~/.local/share/sla-workshop)
  LC_ALL, LC_MESSAGES, LANG  language of the messages (es or en) when --lang is not given`;

const EXAMPLES_HELP = `
Examples:
  sla-workshop example --lang es -o ejemplo.slaw
  sla-workshop validate ejemplo.slaw
  sla-workshop export ejemplo.slaw -o acuerdo.docx
  sla-workshop verify acuerdo.docx
  sla-workshop verify acuerdo.docx --data-dir ./data
  sla-workshop import ejemplo.slaw --data-dir ./data
  sla-workshop list --data-dir ./data
  sla-workshop export-slaw <id> -o copy.slaw --data-dir ./data
  sla-workshop import-csv hubspot.csv --agreement ejemplo.slaw --preset hubspot
  sla-workshop review ejemplo.slaw --month 2027-03 -o revision.docx --csv revision.csv`;

const SIGNING_HELP = `
Digital signature:
  sla-workshop export a.slaw -o a.docx --digital-signature --organization "Acme S.L."
      (the installation's key; its passphrase from $SLA_WORKSHOP_KEY_PASSPHRASE; see docs/SIGNING.md)
  P12_PASSWORD=… sla-workshop export a.slaw -o a.docx --p12 acme.p12 --password-env P12_PASSWORD`;

const LANG_HELP = 'language of the messages: es or en (default: from LC_ALL, LC_MESSAGES or LANG)';
const DATA_DIR_HELP = `data folder (default: $${DATA_DIR_ENV} or the per-user folder)`;

/** The language to report usage errors in, found before commander has parsed anything. */
export function prescanLanguage(argv: string[]): Language | undefined {
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    let value: string | undefined;
    if (arg === '--lang') value = argv[++i];
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
    else if (!arg.startsWith('-') && command === undefined) {
      command = arg;
      // `example --lang` and `export --lang` are the language of the content, not of the messages.
      if (command === 'example' || command === 'export') break;
    }
    if (value !== undefined) {
      try {
        return parseLanguage(value);
      } catch {
        // reported properly once commander parses the option
      }
    }
  }
  return undefined;
}

const USAGE_KEYS: Record<string, TranslationKey> = {
  'commander.unknownCommand': 'cli.usage.unknownCommand',
  'commander.unknownOption': 'cli.usage.unknownOption',
  'commander.missingArgument': 'cli.usage.missingArgument',
  'commander.optionMissingArgument': 'cli.usage.optionMissingArgument',
  'commander.missingMandatoryOptionValue': 'cli.usage.missingMandatoryOption',
  'commander.excessArguments': 'cli.usage.excessArguments',
  'commander.invalidArgument': 'cli.usage.invalidArgument',
  'commander.conflictingOption': 'cli.usage.conflictingOption',
};

/** A commander error (English) as one translated line, keeping the offending name and any suggestion. */
export function usageLine(t: TFunction, error: CommanderError): string {
  const key = USAGE_KEYS[error.code] ?? 'cli.usage.other';
  const name = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  const suggestion = /Did you mean (.+?)\?/.exec(error.message)?.[1];
  const parts = [t(key, { name })];
  if (suggestion) parts.push(t('cli.usage.didYouMean', { suggestion }));
  parts.push(t('cli.usage.seeHelp'));
  return parts.join(' ');
}

/** Any error as the single line the user sees, plus its exit code. Never a stack trace. */
export function failureLine(t: TFunction, error: unknown): { line: string; code: number } {
  if (error instanceof CliFailure) return { line: renderFailure(t, error.failure), code: error.exitCode };
  if (error instanceof AppError) return { line: describeError(t, error.toJSON()), code: EXIT.error };
  return { line: t('cli.errors.unexpected'), code: EXIT.error };
}

/**
 * Runs the command line `argv` (without node and the script) and resolves to the exit code. Writes only
 * through `io`; never throws.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const envLang = languageFromEnv(io.env);
  const early = createTranslator(prescanLanguage(argv) ?? envLang);
  let exitCode: number = EXIT.ok;

  const program = new Command('sla-workshop');
  const context = (local?: Language): CliContext => {
    const lang = local ?? program.opts<{ lang?: Language }>().lang;
    return createContext(io, lang ?? envLang, lang !== undefined);
  };
  const execute = async (ctx: CliContext, fn: () => number | Promise<number>): Promise<void> => {
    try {
      exitCode = await fn();
    } catch (error) {
      const failure = failureLine(ctx.t, error);
      io.stderr(`${failure.line}\n`);
      exitCode = failure.code;
    }
  };
  const dataDir = (flag: string | undefined) => resolveDataDir(flag ? resolve(io.cwd, flag) : undefined, io.env);

  program
    .description('SLA Workshop on the command line: example agreements, validation, import and export of .slaw files, Word export and verification.')
    .version(APP_VERSION, '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'show help')
    .option('--lang <lang>', LANG_HELP, parseLanguage)
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .addHelpText('after', `${EXAMPLES_HELP}\n${EXIT_CODES_HELP}\n${ENVIRONMENT_HELP}`);

  program
    .command('example')
    .description("write the methodology's complete example agreement to a .slaw file")
    .requiredOption('-o, --output <file>', 'file to write (e.g. example.slaw)')
    .option('--lang <lang>', "language of the example's content: es or en (default: the messages' language)", parseLanguage)
    .option('-f, --force', 'overwrite the file if it exists')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (opts: { output: string; lang?: Language; force?: boolean }) => {
      const ctx = context();
      await execute(ctx, async () =>
        (await import('./commands/example')).runExample(ctx, {
          output: opts.output,
          force: opts.force === true,
          ...(opts.lang ? { language: opts.lang } : {}),
        }),
      );
    });

  program
    .command('validate')
    .description("check a .slaw file and list what is still missing, step by step, in the agreement's language")
    .argument('<file>', 'the .slaw file to check')
    .option('--lang <lang>', "language of the report and messages: es or en (default: the agreement's language)", parseLanguage)
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (file: string, opts: { lang?: Language }) => {
      const ctx = context(opts.lang);
      await execute(ctx, async () => (await import('./commands/validate')).runValidate(ctx, file));
    });

  program
    .command('export')
    .description('write a .slaw file as a Word document (.docx), its signed data embedded so `verify` can check it')
    .argument('<file>', 'the .slaw file to export')
    .requiredOption('-o, --output <file>', 'file to write (e.g. agreement.docx)')
    .option('--lang <lang>', "language of the document: es or en (default: the agreement's language)", parseLanguage)
    .option('-f, --force', 'overwrite the file if it exists')
    .option('--digital-signature', "seal the .docx with an OOXML digital signature (the installation's key, created on first use)")
    .option('--p12 <file>', 'sign with this organization certificate (.p12/.pfx) instead; implies --digital-signature')
    .option('--password-env <var>', 'environment variable holding the .p12 password')
    .option('--organization <name>', "seal with this organization's key, created on first use (default: the key of the agreement's company)")
    .option('--passphrase-env <var>', "environment variable holding the installation key's passphrase (default: SLA_WORKSHOP_KEY_PASSPHRASE)")
    .option(
      '--data-dir <dir>',
      `data folder whose database records the export and which holds the installation's signing key (${DATA_DIR_HELP.replace(/^data folder /, '')})`,
    )
    .addHelpText('after', `${EXIT_CODES_HELP}\n${SIGNING_HELP}`)
    .action(
      async (
        file: string,
        opts: {
          output: string;
          lang?: Language;
          force?: boolean;
          digitalSignature?: boolean;
          p12?: string;
          passwordEnv?: string;
          organization?: string;
          passphraseEnv?: string;
          dataDir?: string;
        },
      ) => {
        const ctx = context();
        await execute(ctx, async () =>
          (await import('./commands/exportDocx')).runExportDocx(ctx, file, {
            output: opts.output,
            force: opts.force === true,
            digitalSignature: opts.digitalSignature === true,
            dataDir: dataDir(opts.dataDir),
            ...(opts.lang ? { language: opts.lang } : {}),
            ...(opts.p12 ? { p12: opts.p12 } : {}),
            ...(opts.passwordEnv ? { passwordEnv: opts.passwordEnv } : {}),
            ...(opts.organization ? { organization: opts.organization } : {}),
            ...(opts.passphraseEnv ? { passphraseEnv: opts.passphraseEnv } : {}),
          }),
        );
      },
    );

  program
    .command('verify')
    .description('check that a Word document exported by SLA Workshop still matches what was signed')
    .argument('<file>', 'the .docx file to check')
    .option(
      '--data-dir <dir>',
      'also ask this data folder whether it exported exactly this file, or how the file differs from the version it stores (without it, verify proves internal consistency only)',
    )
    .option('--lang <lang>', LANG_HELP, parseLanguage)
    .addHelpText('after', VERIFY_EXIT_CODES_HELP)
    .action(async (file: string, opts: { lang?: Language; dataDir?: string }) => {
      const ctx = context(opts.lang);
      await execute(ctx, async () => (await import('./commands/verify')).runVerify(ctx, file, opts.dataDir ? { dataDir: resolve(io.cwd, opts.dataDir) } : {}));
    });

  program
    .command('list')
    .description('list the agreements stored in a data folder')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .option('--trash', 'list the agreements in the trash instead')
    .option('--json', 'print JSON (an array of summaries) instead of a table')
    .option('--lang <lang>', LANG_HELP, parseLanguage)
    .addHelpText('after', `${EXIT_CODES_HELP}\n${ENVIRONMENT_HELP}`)
    .action(async (opts: { dataDir?: string; trash?: boolean; json?: boolean; lang?: Language }) => {
      const ctx = context(opts.lang);
      await execute(ctx, async () =>
        (await import('./commands/list')).runList(ctx, { dataDir: dataDir(opts.dataDir), trash: opts.trash === true, json: opts.json === true }),
      );
    });

  program
    .command('import')
    .description('add a .slaw file to a data folder as a new agreement')
    .argument('<file>', 'the .slaw file to import')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print the new agreement summary as JSON')
    .option('--lang <lang>', LANG_HELP, parseLanguage)
    .addHelpText('after', `${EXIT_CODES_HELP}\n${ENVIRONMENT_HELP}`)
    .action(async (file: string, opts: { dataDir?: string; json?: boolean; lang?: Language }) => {
      const ctx = context(opts.lang);
      await execute(ctx, async () => (await import('./commands/import')).runImport(ctx, file, { dataDir: dataDir(opts.dataDir), json: opts.json === true }));
    });

  program
    .command('export-slaw')
    .description('write a stored agreement to a .slaw file')
    .argument('<id>', 'id of the agreement (see "list")')
    .requiredOption('-o, --output <file>', 'file to write (e.g. agreement.slaw)')
    .option('-f, --force', 'overwrite the file if it exists')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .option('--lang <lang>', LANG_HELP, parseLanguage)
    .addHelpText('after', `${EXIT_CODES_HELP}\n${ENVIRONMENT_HELP}`)
    .action(async (id: string, opts: { output: string; force?: boolean; dataDir?: string; lang?: Language }) => {
      const ctx = context(opts.lang);
      await execute(ctx, async () =>
        (await import('./commands/exportSlaw')).runExportSlaw(ctx, id, { dataDir: dataDir(opts.dataDir), output: opts.output, force: opts.force === true }),
      );
    });

  program
    .command('import-csv')
    .description("read a CRM export or spreadsheet (CSV) into a .slaw file's monthly actuals; the signed agreement in it is unchanged")
    .argument('<file>', 'the CSV file to import')
    .requiredOption('--agreement <file>', 'the .slaw file whose actuals receive the months (written back in place)')
    .requiredOption('--preset <preset>', 'hubspot, salesforce, or generic (then --mapping is required)')
    .option('--mapping <file>', 'a saved column mapping (JSON, see docs/FORMAT.md) for --preset generic')
    .option('--encoding <encoding>', 'utf-8, windows-1252 (latin1) or utf-16le (default: detected)')
    .option('--date-format <format>', 'dmy (DD/MM/YYYY) or mdy (MM/DD/YYYY) when the dates cannot tell (default: detected)')
    .option('--time-zone <zone>', "IANA time zone of dates without an offset, e.g. Europe/Madrid (default: the mapping's, else this computer's)")
    .option('--lang <lang>', LANG_HELP, parseLanguage)
    .addHelpText('after', IMPORT_CSV_EXIT_CODES_HELP)
    .action(
      async (
        file: string,
        opts: { agreement: string; preset: string; mapping?: string; encoding?: string; dateFormat?: string; timeZone?: string; lang?: Language },
      ) => {
        const ctx = context(opts.lang);
        await execute(ctx, async () =>
          (await import('./commands/importCsv')).runImportCsv(ctx, file, {
            agreement: opts.agreement,
            preset: opts.preset,
            ...(opts.mapping !== undefined ? { mapping: opts.mapping } : {}),
            ...(opts.encoding !== undefined ? { encoding: opts.encoding } : {}),
            ...(opts.dateFormat !== undefined ? { dateFormat: opts.dateFormat } : {}),
            ...(opts.timeZone !== undefined ? { timeZone: opts.timeZone } : {}),
          }),
        );
      },
    );

  program
    .command('review')
    .description("print one month's review of a .slaw file's actuals (stages, KPIs, commitments, trend, notes), or write it as .docx / CSV")
    .argument('<file>', 'the .slaw file')
    .requiredOption('--month <month>', 'the month to review, YYYY-MM')
    .option('-o, --output <file>', 'also write the review as a Word document (.docx)')
    .option('--csv <file>', "also write the month's figures as CSV (UTF-8 with BOM; ';' and decimal comma in Spanish)")
    .option('-f, --force', 'overwrite the output files if they exist')
    .option('--lang <lang>', "language of the review and messages: es or en (default: the agreement's language)", parseLanguage)
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (file: string, opts: { month: string; output?: string; csv?: string; force?: boolean; lang?: Language }) => {
      const ctx = context(opts.lang);
      await execute(ctx, async () =>
        (await import('./commands/review')).runReview(ctx, file, {
          month: opts.month,
          force: opts.force === true,
          ...(opts.output !== undefined ? { output: opts.output } : {}),
          ...(opts.csv !== undefined ? { csv: opts.csv } : {}),
          ...(opts.lang ? { language: opts.lang } : {}),
        }),
      );
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      // Help printed because no command was given (exit code 1 from commander) is a usage error.
      if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT.ok : EXIT.error;
      io.stderr(`${usageLine(early, error)}\n`);
      return EXIT.error;
    }
    const failure = failureLine(early, error);
    io.stderr(`${failure.line}\n`);
    return failure.code;
  }
}
