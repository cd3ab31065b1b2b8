import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelativeDate } from '../../lib/formatDate';
import type { TranslationKey } from '../../../shared/i18n';

/** A <time> whose visible text is short ("2 hours ago") and whose tooltip is the exact date and time. */
export function RelativeTime({ iso, labelKey }: { iso: string; labelKey: TranslationKey }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <time dateTime={iso} title={formatDateTime(iso, locale)}>
      {t(labelKey, { when: formatRelativeDate(iso, locale) })}
    </time>
  );
}
