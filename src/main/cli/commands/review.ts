import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isReviewMonth, monthReview } from '../../../shared/actuals/review';
import { monthReviewCsv } from '../../../shared/actuals/reviewCsv';
import { monthLabel, reviewTables, type TextTable } from '../../../shared/actuals/reviewTables';
import { createTranslator, type KeysUnder } from '../../../shared/i18n';
import type { Language } from '../../../shared/model/schema';
import { reviewDocx } from '../../core/reviewDocument/buildReviewDocument';
import { CliFailure, EXIT, sanitize, type CliContext } from '../context';
import { writeOutputFile } from '../files';
import { renderTable, truncate } from '../table';
import { loadSlaw } from './validate';

export interface ReviewCommandOptions {
  month: string;
  /** A .docx to write the review to. */
  output?: string;
  /** A CSV to write the month's figures to. */
  csv?: string;
  force: boolean;
  /** Language of the review (printed and written); the agreement's own when not given. */
  language?: Language;
  now?: Date;
}

const CELL_LIMIT = 48;

function printTable(ctx: CliContext, title: string, table: TextTable): void {
  ctx.out(title);
  const rows = table.rows.map((row) => row.map((cell) => truncate(cell, CELL_LIMIT)));
  for (const line of renderTable(table.columns, rows)) ctx.out(`  ${line}`);
  ctx.out();
}

/**
 * `review`: one month of a `.slaw` file's actuals against its agreement (monthReview in src/shared/actuals):
 * stages against their targets, the KPIs, each commitment met / missed / no data, other figures, the
 * 12-month trend, notes and decisions — printed, and with `-o` as a .docx, with `--csv` as a CSV file.
 * Reads the file only; the agreement and its signatures are not touched.
 */
export async function runReview(ctx: CliContext, path: string, options: ReviewCommandOptions): Promise<number> {
  if (!isReviewMonth(options.month.trim())) throw new CliFailure({ key: 'monthReview.cli.badMonth', params: { value: sanitize(options.month).slice(0, 40) } });
  const month = options.month.trim();
  const { agreement, actuals } = loadSlaw(ctx, path).envelope;
  const lang = options.language ?? agreement.meta.language;
  const t = lang === ctx.lang ? ctx.t : createTranslator(lang);
  const outputs = [options.output, options.csv].filter((o): o is string => o !== undefined).map((o) => resolve(ctx.cwd, o));
  // Both refused before anything is written, so a second file that exists never leaves the first one half-done.
  if (!options.force) for (const file of outputs) if (existsSync(file)) throw new CliFailure({ key: 'cli.errors.exists', params: { file } });

  const review = monthReview(agreement, actuals, month);
  const tables = reviewTables(review, agreement, t, lang, 'display');
  const s = (key: KeysUnder<'monthReview.sections'>): string => t(`monthReview.sections.${key}`);
  const label = monthLabel(month, lang);

  ctx.out(t('monthReview.title', { month: label }));
  ctx.out(
    sanitize(t('monthReview.agreementLine', { title: agreement.meta.title, company: agreement.meta.company.trim() || '—', version: agreement.meta.version })),
  );
  if (!review.entered) ctx.out(t('monthReview.noData', { month: label }));
  ctx.out();
  printTable(ctx, s('stages'), tables.stages);
  printTable(ctx, s('kpis'), tables.kpis);
  printTable(ctx, s('commitments'), tables.commitments);
  printTable(ctx, s('figures'), tables.figures);
  printTable(ctx, s('trend'), tables.trend);
  ctx.out(s('notes'));
  ctx.out(`  ${review.notes.trim() ? sanitize(review.notes.trim()) : t('monthReview.noNotes')}`);
  ctx.out();
  if (review.decisions.length > 0) printTable(ctx, s('decisions'), tables.decisions);
  else {
    ctx.out(s('decisions'));
    ctx.out(`  ${t('monthReview.noDecisions')}`);
  }

  const now = options.now ?? new Date();
  if (options.output) {
    const file = resolve(ctx.cwd, options.output);
    writeOutputFile(file, await reviewDocx({ review, agreement, lang, t, now }), options.force);
    ctx.out(ctx.t('monthReview.cli.written', { month, file }));
  }
  if (options.csv) {
    const file = resolve(ctx.cwd, options.csv);
    writeOutputFile(file, monthReviewCsv(review, agreement, t, lang), options.force);
    ctx.out(ctx.t('monthReview.cli.csvWritten', { month, file }));
  }
  return EXIT.ok;
}
