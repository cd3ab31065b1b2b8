import { DEFAULT_AGENDA_MINUTES } from '../agenda';
import { DEFAULT_CURRENCY } from '../defaults';
import { isRecord, type ModelMigration } from './types';

/** Version 2: agreements gained a currency (EUR for Spanish, USD for English ones) and the workshop agenda. */
export const m002: ModelMigration = {
  version: 2,
  description: 'meta.currency (EUR for Spanish, USD for English agreements) and agenda (the default three-hour workshop)',
  agreement(agreement) {
    if (!isRecord(agreement)) return { agreement };
    const meta = isRecord(agreement.meta) ? agreement.meta : {};
    const language = meta.language === 'es' || meta.language === 'en' ? meta.language : 'en';
    return {
      agreement: {
        ...agreement,
        meta: { ...meta, currency: meta.currency ?? DEFAULT_CURRENCY[language] },
        agenda: agreement.agenda ?? { minutes: { ...DEFAULT_AGENDA_MINUTES } },
      },
    };
  },
};
