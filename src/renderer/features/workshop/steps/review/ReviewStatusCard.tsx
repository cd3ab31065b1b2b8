import { Anchor, Group, Paper, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArchive, IconCertificate, IconCircleCheck, IconFilePencil, IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../../../shared/model/schema';
import type { SigningState } from '../../../../../shared/signing/signers';
import { AmendButton } from './AmendButton';
import { ExportButton } from './ExportButton';
import { FingerprintLine } from './FingerprintLine';
import type { ReviewStatus } from './reviewState';
import { useAppStore } from '../../../../store/appStore';

const LOOK: Record<ReviewStatus, { color: string; icon: typeof IconCircleCheck }> = {
  draft: { color: 'gray', icon: IconFilePencil },
  awaiting: { color: 'indigo', icon: IconSignature },
  signed: { color: 'teal', icon: IconCircleCheck },
  superseded: { color: 'orange', icon: IconArchive },
};

/** Where this version stands, its fingerprint once signed, and what can be done with it. */
export function ReviewStatusCard({ agreement, status, signing, ready }: { agreement: Agreement; status: ReviewStatus; signing: SigningState; ready: boolean }) {
  const { t } = useTranslation();
  // Keys are managed in Settings, before the workshop, not in front of the signers.
  const navigate = useAppStore((s) => s.navigate);
  const openKeySettings = () => navigate({ name: 'settings' });
  const { color, icon: Icon } = LOOK[status];
  const total = signing.signers.length;
  const signed = signing.signed.length;
  // The same words as the header and the home list: "Awaiting signatures (1 of 2)" until everyone has signed.
  const headline = status === 'awaiting' ? t('common.statusAwaiting', { signed, count: total }) : t(`steps.review.status.${status}`);
  return (
    <Paper withBorder radius="lg" p="lg" data-testid="review-status" data-status={status} className={`review-status review-status-${status}`}>
      <Group justify="space-between" align="flex-start" gap="lg">
        <Group align="flex-start" wrap="nowrap" gap="md" style={{ flex: '1 1 320px', minWidth: 0 }}>
          <ThemeIcon size={44} radius="xl" variant="light" color={color} aria-hidden>
            <Icon size={24} />
          </ThemeIcon>
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Text size="xs" tt="uppercase" fw={600} c="dimmed">
              {t('steps.review.status.label')} · {t('steps.review.status.version', { version: agreement.meta.version })}
            </Text>
            <Title order={3} size="h3" aria-live="polite">
              {headline}
            </Title>
            <Text size="sm" c="dimmed">
              {t(status === 'draft' && ready ? 'steps.review.status.draftReadyHint' : `steps.review.status.${status}Hint`)}
            </Text>
          </Stack>
        </Group>
        <Stack gap={6} align="flex-end" className="chrome">
          <Group gap="sm" justify="flex-end">
            {status !== 'draft' && <AmendButton step="review" />}
            <ExportButton language={agreement.meta.language} primary={status === 'signed'} sealed={signing.complete} onKeySettings={openKeySettings} />
          </Group>
          {status === 'draft' && (
            <Text size="xs" c="dimmed">
              {t('steps.review.export.draftNote')}
            </Text>
          )}
          {signing.complete && (
            <Group gap={6} justify="flex-end">
              <IconCertificate size={14} aria-hidden color="var(--mantine-color-teal-8)" />
              <Text size="xs" c="dimmed">
                {t('steps.review.export.sealedNote')}
              </Text>
              <Anchor component="button" type="button" size="xs" onClick={openKeySettings}>
                {t('steps.review.export.keySettings')}
              </Anchor>
            </Group>
          )}
        </Stack>
      </Group>
      {total > 0 && status !== 'superseded' && (
        <Group gap="sm" mt="md" wrap="nowrap">
          <Progress value={(signed / total) * 100} color={signing.complete ? 'teal' : 'indigo'} radius="xl" size="sm" style={{ flex: 1 }} aria-hidden />
          {status === 'awaiting' || status === 'draft' ? (
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => document.getElementById('review-signers')?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
            >
              {t('steps.review.status.signatures', { signed, count: total })}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              {t('steps.review.status.signatures', { signed, count: total })}
            </Text>
          )}
        </Group>
      )}
      {signing.fingerprint && (
        <Group mt="sm">
          <FingerprintLine fingerprint={signing.fingerprint} />
        </Group>
      )}
    </Paper>
  );
}
