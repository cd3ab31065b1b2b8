import { Badge, Group, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgreementSummary } from '../../../shared/api/contract';
import { displayStatus, statusLabel } from '../../../shared/signing/displayStatus';

const STATUS_COLORS = { draft: 'gray', awaiting: 'indigo', signed: 'teal', superseded: 'orange' } as const;

/** The agreement's document language (a short code, with the full name for screen readers) and its status. */
export function AgreementBadges({ agreement }: { agreement: AgreementSummary }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" className="agreement-badges">
      <Badge variant="outline" color="indigo" size="sm" radius="sm" title={t(`common.language.${agreement.language}`)}>
        <span aria-hidden>{agreement.language.toUpperCase()}</span>
        <VisuallyHidden>{t(`common.language.${agreement.language}`)}</VisuallyHidden>
      </Badge>
      <Badge variant="light" color={STATUS_COLORS[displayStatus(agreement.status, agreement.signatures)]} size="sm" radius="sm" data-testid="agreement-status">
        {statusLabel(t, agreement.status, agreement.signatures)}
      </Badge>
    </Group>
  );
}
