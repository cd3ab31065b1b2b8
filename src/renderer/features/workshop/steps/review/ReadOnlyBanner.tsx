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
  if (!readOnly || step === 'review') return null;
  return (
    <Alert color={status === 'superseded' ? 'orange' : 'teal'} variant="light" icon={<IconLock size={18} />} data-testid="read-only-banner">
      <Group justify="space-between" wrap="nowrap" gap="md" align="center">
        <Text size="sm">{t(status === 'superseded' ? 'steps.review.readOnly.superseded' : 'steps.review.readOnly.signed')}</Text>
        <AmendButton step={step} size="xs" style={{ flexShrink: 0 }} className="chrome" />
      </Group>
    </Alert>
  );
}
