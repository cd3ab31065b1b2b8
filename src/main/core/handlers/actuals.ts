import type { actualsOps } from '../../../shared/api/ops/actuals';
import type { OpParsedInput } from '../../../shared/api/contract';
import { fileNameFromTitle } from '../../../shared/fileName';
import type { CoreServices, DomainHandlers } from './types';

export function actualsHandlers(services: CoreServices): DomainHandlers<typeof actualsOps> {
  const { actuals } = services;
  return {
    'actuals.get': ({ id }) => actuals.get(id),
    'actuals.save': ({ id, revision, months }) => actuals.save(id, revision, months),
    'actuals.exportReviewDocx': async (input) => {
      // docx loads on first use, like the SLA's own document service.
      const { exportReviewDocx } = await import('../reviewDocument');
      const bytes = await exportReviewDocx(reviewInput(services, input));
      return { fileName: reviewFileName(services, input, '.docx'), base64: Buffer.from(bytes).toString('base64'), bytes: bytes.byteLength };
    },
    'actuals.exportReviewCsv': async (input) => {
      const { exportReviewCsv } = await import('../reviewDocument');
      return { fileName: reviewFileName(services, input, '.csv'), text: exportReviewCsv(reviewInput(services, input)) };
    },
  };
}

type ReviewInput = OpParsedInput<'actuals.exportReviewDocx'>;

function reviewInput({ agreements, actuals }: CoreServices, input: ReviewInput) {
  const { agreement } = agreements.get(input.id);
  return { agreement, months: actuals.get(input.id).months, month: input.month, ...(input.language ? { lang: input.language } : {}) };
}

/** "<title>-2027-03.docx": the agreement's safe file name with the month, so a year of reviews sorts by month. */
function reviewFileName({ agreements }: CoreServices, input: ReviewInput, extension: '.docx' | '.csv'): string {
  return fileNameFromTitle(agreements.get(input.id).agreement.meta.title, `-${input.month}${extension}`);
}
