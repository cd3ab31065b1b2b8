import { monthReview, type MonthReview } from '../../../shared/actuals/review';
import { monthReviewCsv } from '../../../shared/actuals/reviewCsv';
import { createTranslator } from '../../../shared/i18n';
import type { MonthlyActuals } from '../../../shared/model/actuals';
import type { Agreement, Language } from '../../../shared/model/schema';
import { reviewDocx } from './buildReviewDocument';

export { buildReviewDocument, reviewDocx } from './buildReviewDocument';

export interface ReviewExportInput {
  agreement: Agreement;
  /** The lineage's stored months. */
  months: readonly MonthlyActuals[];
  month: string;
  /** The document's language; the agreement's own when not given. */
  lang?: Language;
  now?: Date;
}

/** The month's review (monthReview) and the language it is written in. */
export function reviewFor(input: ReviewExportInput): { review: MonthReview; lang: Language } {
  return { review: monthReview(input.agreement, input.months, input.month), lang: input.lang ?? input.agreement.meta.language };
}

/** The month's review as .docx bytes (CLI `review -o`, and the core operation the app's review screen calls). */
export async function exportReviewDocx(input: ReviewExportInput): Promise<Uint8Array> {
  const { review, lang } = reviewFor(input);
  return reviewDocx({ review, agreement: input.agreement, lang, t: createTranslator(lang), now: input.now ?? new Date() });
}

/** The month's review as CSV text (UTF-8 with BOM; `;` and decimal comma in Spanish). */
export function exportReviewCsv(input: ReviewExportInput): string {
  const { review, lang } = reviewFor(input);
  return monthReviewCsv(review, input.agreement, createTranslator(lang), lang);
}
