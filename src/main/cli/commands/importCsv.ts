import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseMappingJson, type CsvMapping } from '../../../shared/actuals/mapping';
import { describeBadRow } from '../../../shared/actuals/messages';
import { factsOf, type CsvImportOptions, type CsvImportResult } from '../../../shared/actuals/options';
import type { PresetId } from '../../../shared/actuals/presets';
import { applyImport } from '../../../shared/actuals/store';
import { CsvImportError, type CsvDelimiter, type CsvEncoding, type DateOrder } from '../../../shared/actuals/types';
import { isTranslationKey } from '../../../shared/i18n';
import { actualsSchema, type MonthlyActuals } from '../../../shared/model/actuals';
import { LIMITS } from '../../../shared/model/limits';
import type { Agreement } from '../../../shared/model/schema';
import { serializeSlaw } from '../../../shared/slaw/format';
import { APP_VERSION } from '../../core/appVersion';
import { CliFailure, EXIT, sanitize, type CliContext } from '../context';
import { importCsvFile } from '../csvParallel';
import { readFileBounded, writeOutputFile } from '../files';
import { renderTable, truncate } from '../table';
import { loadIntactSlaw } from './validate';

export const CSV_PRESETS = ['hubspot', 'salesforce', 'generic'] as const;
export type CsvPresetChoice = (typeof CSV_PRESETS)[number];

export interface ImportCsvCommandOptions {
  agreement: string;
  preset: string;
  mapping?: string;
  encoding?: string;
  dateFormat?: string;
  timeZone?: string;
  /** When the import happens (stamped on the months it writes); now when not given. */
  now?: Date;
}

const MAPPING_LIMIT = 1024 * 1024;

const ENCODINGS: Record<string, CsvEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'utf-16le': 'utf-16le',
};
const DATE_FORMATS: Record<string, DateOrder> = { dmy: 'dmy', 'dd/mm/yyyy': 'dmy', mdy: 'mdy', 'mm/dd/yyyy': 'mdy' };
const DELIMITER_NAMES: Record<CsvDelimiter, 'comma' | 'semicolon' | 'tab'> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

function choice<T>(table: Record<string, T>, value: string | undefined, key: 'badEncoding' | 'badDateFormat'): T | undefined {
  if (value === undefined) return undefined;
  const found = table[value.trim().toLowerCase()];
  if (found === undefined) throw new CliFailure({ key: `monthReview.importCsv.${key}`, params: { value: sanitize(value).slice(0, 40) } });
  return found;
}

/** The preset's mapping, or the saved mapping file `--preset generic` names. */
function mappingFor(ctx: CliContext, options: ImportCsvCommandOptions): { mapping: PresetId | CsvMapping; preset: CsvPresetChoice } {
  const preset = options.preset.trim().toLowerCase();
  if (!(CSV_PRESETS as readonly string[]).includes(preset)) {
    throw new CliFailure({ key: 'monthReview.importCsv.badPreset', params: { value: sanitize(options.preset).slice(0, 40) } });
  }
  if (preset !== 'generic') {
    if (options.mapping !== undefined) throw new CliFailure({ key: 'monthReview.importCsv.mappingOnlyGeneric' });
    return { mapping: preset as PresetId, preset: preset as PresetId };
  }
  if (options.mapping === undefined) throw new CliFailure({ key: 'monthReview.importCsv.mappingRequired' });
  const file = resolve(ctx.cwd, options.mapping);
  const bytes = readFileBounded(file, MAPPING_LIMIT, () => new CliFailure({ key: 'monthReview.importCsv.mappingTooLarge', params: { file } }));
  const parsed = parseMappingJson(new TextDecoder('utf-8').decode(bytes));
  if (!parsed.ok) throw new CliFailure({ key: 'actuals.error.invalid_mapping', params: { problem: sanitize(parsed.problem).slice(0, 200) } });
  return { mapping: parsed.mapping, preset: 'generic' };
}

/** Checks the CSV is a regular file we can open, so a typo is one clear line. */
function checkCsvFile(file: string): void {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: stat.isDirectory() ? 'EISDIR' : 'notFile' });
  } catch (error) {
    throw readFailure(file, error);
  }
}

function readFailure(file: string, error: unknown): CliFailure {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'other';
  const reasonKey = `cli.fsReason.${code}`;
  return new CliFailure({
    key: 'cli.errors.cannotRead',
    params: { file },
    nested: { reason: isTranslationKey(reasonKey) ? { key: reasonKey } : { key: 'cli.fsReason.other', params: { code: code.slice(0, 32) } } },
  });
}

function csvFailure(error: CsvImportError): CliFailure {
  const params = Object.fromEntries(Object.entries(error.params).map(([k, v]) => [k, typeof v === 'string' ? sanitize(v).slice(0, 300) : v]));
  return new CliFailure({ key: `actuals.error.${error.code}`, params });
}

async function runImport(file: string, options: CsvImportOptions): Promise<CsvImportResult> {
  checkCsvFile(file);
  try {
    // A large file is read on several cores, with exactly the result of one sequential read (csvParallel.ts).
    return await importCsvFile(file, options);
  } catch (error) {
    if (error instanceof CsvImportError) throw csvFailure(error);
    if (error instanceof Error && 'code' in error) throw readFailure(file, error);
    throw error;
  }
}

/** "Marketing Qualified Lead (MQL)" → "MQL": the abbreviation a stage's name ends with keeps the table narrow. */
function shortStageName(name: string): string {
  return /\(([^()]{1,12})\)\s*$/.exec(name)?.[1] ?? name;
}

/** The month table: every stage of the agreement by its own name, the rows rejected, and what the import did to the month. */
function monthTable(ctx: CliContext, agreement: Agreement, result: CsvImportResult, added: string[], changed: string[]): string[] {
  const { t } = ctx;
  const stages = agreement.lifecycle.stages;
  const count = new Intl.NumberFormat(ctx.lang === 'es' ? 'es-ES' : 'en-US');
  const header = [
    t('monthReview.importCsv.columns.month'),
    ...stages.map((s) => truncate(shortStageName(s.name), 24)),
    t('monthReview.importCsv.columns.rejected'),
    t('monthReview.importCsv.columns.change'),
  ];
  const rows = result.months.map((m) => {
    const change = added.includes(m.month) ? 'added' : changed.includes(m.month) ? 'changed' : 'same';
    const cells = stages.map((s) => {
      const value = m.stages.find((x) => x.stageId === s.id)?.count ?? null;
      return value === null ? '–' : count.format(value);
    });
    return [m.month, ...cells, count.format(m.rejectedRows), t(`monthReview.importCsv.change.${change}`)];
  });
  return renderTable(header, rows);
}

/**
 * `import-csv`: streams a CRM export (or a spreadsheet) through the one import pipeline (src/shared/actuals),
 * replaces the months it covers in the `.slaw` file's actuals (`applyImport`), and writes the file back
 * atomically. The agreement inside, and so its fingerprint and signatures, is written back as it was read:
 * actuals live beside it. Exit 0 once written, rejected rows or not (they go to stderr with their lines);
 * 2 when the file cannot be read or no mapping fits, and then nothing is written.
 */
export async function runImportCsv(ctx: CliContext, csvPath: string, options: ImportCsvCommandOptions): Promise<number> {
  const { t } = ctx;
  const slawFile = resolve(ctx.cwd, options.agreement);
  const { envelope } = loadIntactSlaw(ctx, options.agreement);
  const { agreement } = envelope;
  const { mapping, preset } = mappingFor(ctx, options);
  const encoding = choice(ENCODINGS, options.encoding, 'badEncoding');
  const dateOrder = choice(DATE_FORMATS, options.dateFormat, 'badDateFormat');
  const csvFile = resolve(ctx.cwd, csvPath);

  const result = await runImport(csvFile, {
    facts: factsOf(agreement),
    mapping,
    ...(encoding ? { encoding } : {}),
    ...(dateOrder ? { dateOrder } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    requiredAttempts: agreement.protocol.contactAttempts,
  });

  const now = options.now ?? new Date();
  const applied = applyImport(envelope.actuals, result.months, { at: now.toISOString(), fileName: basename(csvFile), preset });
  writeActuals(slawFile, agreement, applied.months, now);

  const d = result.detected;
  ctx.out(
    t('monthReview.importCsv.read', {
      file: sanitize(basename(csvFile)),
      encoding: d.encoding + (d.bom ? ' (BOM)' : ''),
      delimiter: t(`monthReview.importCsv.delimiter.${DELIMITER_NAMES[d.delimiter]}`),
      mapping: sanitize(d.mapping.name),
      dateOrder: t(`monthReview.importCsv.dateOrder.${d.dateOrder ?? 'iso'}`),
      zone: sanitize(d.timeZone),
    }),
  );
  ctx.out(t('monthReview.importCsv.rows', { records: result.rows.records, counted: result.rows.counted, rejected: result.rows.rejected }));
  ctx.out();
  for (const line of monthTable(ctx, agreement, result, applied.added, applied.changed)) ctx.out(line);
  ctx.out();
  if (applied.added.length > 0) ctx.out(t('monthReview.importCsv.added', { count: applied.added.length, months: applied.added.join(', ') }));
  if (applied.changed.length > 0) ctx.out(t('monthReview.importCsv.changed', { count: applied.changed.length, months: applied.changed.join(', ') }));
  if (applied.added.length === 0 && applied.changed.length === 0) ctx.out(t('monthReview.importCsv.nothingChanged'));
  ctx.out(t('monthReview.importCsv.written', { file: slawFile }));
  reportRejected(ctx, result);
  return EXIT.ok;
}

/** The `.slaw` file with its new actuals, written whole or not at all (temp file, fsync, rename). */
function writeActuals(file: string, agreement: Agreement, months: MonthlyActuals[], now: Date): void {
  if (!actualsSchema.safeParse(months).success) throw new CliFailure({ key: 'monthReview.importCsv.tooManyMonths', params: { limit: LIMITS.actualsMonths } });
  const text = serializeSlaw(agreement, APP_VERSION, now, months);
  if (new TextEncoder().encode(text).byteLength > LIMITS.slawBytes) throw new CliFailure({ key: 'monthReview.importCsv.tooLarge' });
  writeOutputFile(file, text, true);
}

function reportRejected(ctx: CliContext, result: CsvImportResult): void {
  if (result.badRowsTotal === 0) return;
  const { t } = ctx;
  const lines: string[] = [t('monthReview.importCsv.rejectedHeader', { count: result.badRowsTotal })];
  for (const row of result.badRows) lines.push(`  ${sanitize(describeBadRow(t, row))}`);
  const unlisted = result.badRowsTotal - result.badRows.length;
  if (unlisted > 0) lines.push(`  ${t('actuals.badRowsMore', { count: unlisted })}`);
  ctx.stderr(`${lines.join('\n')}\n`);
}
