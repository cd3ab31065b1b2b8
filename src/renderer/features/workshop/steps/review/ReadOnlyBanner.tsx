import { Alert, Group, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../../store/appStore';
import type { WorkshopStep } from '../../../../store/route';
import { AmendButton } from './AmendButton';

/**
 * Above every step of a version that is no longer a draft: why nothing can be edited and, for a signed
 * version, the way to change it. The review page says the same in its own status card.
 */
export function ReadOnlyBanner({ step }: { step: WorkshopStep }) {
  const { t } = useTranslation();
  const readOnly = useAppStore((s) => s.session?.readOnly ?? false);
  const status = useAppStore((s) => s.session?.draft.meta.status ?? 'draft');
  const signed = useAppStore((s) => s.session?.draft.signatures.length ?? 0);
  const total = useAppStore((s) => s.session?.draft.participants.filter((p) => p.mustSign).length ?? 0);
  if (!readOnly || step === 'review') return null;
  // Half-signed is not "signed": the banner says where signing stands, as the header does.
  const message =
    status === 'superseded'
      ? t('steps.review.readOnly.superseded')
      : signed < total
        ? t('steps.review.readOnly.awaiting', { signed, total })
        : t('steps.review.readOnly.signed');
  return (
    <Alert color={status === 'superseded' ? 'orange' : 'teal'} variant="light" icon={<IconLock size={18} />} data-testid="read-only-banner">
      <Group justify="space-between" wrap="nowrap" gap="md" align="center">
        <Text size="sm">{message}</Text>
        <AmendButton step={step} size="xs" style={{ flexShrink: 0 }} className="chrome" />
      </Group>
    </Alert>
  );
}
