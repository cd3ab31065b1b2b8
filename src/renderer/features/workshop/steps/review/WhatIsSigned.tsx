import { Alert, Anchor, Button, Code, Group, Loader, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDeviceLaptop, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../../../shared/i18n';
import { fingerprintGroups } from '../../../../../shared/signing/signers';
import { useAppStore } from '../../../../store/appStore';
import { changesSinceReview } from './signSummary';
import type { PreviewState } from './useSignPreview';

/**
 * Exactly what the signature will cover, before anyone signs: the version, its whole fingerprint in groups of
 * four (the Word document prints the same), what changed since the review was opened, and the device name.
 */
export function WhatIsSigned({ state, onRetry }: { state: PreviewState; onRetry(): void }) {
  const { t, i18n } = useTranslation();
  const navigate = useAppStore((s) => s.navigate);
  if (state.status === 'failed') {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('steps.review.sign.what.failed')} role="alert" data-testid="sign-what">
        <Stack gap="xs" align="flex-start">
          <span>{state.error === 'notSaved' ? t('steps.review.sign.notSaved') : describeError(t, state.error)}</span>
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('ui.common.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  const shown = state.status === 'ready' ? state : state.last;
  const updating = state.status === 'loading';
  if (!shown) {
    return (
      <Group gap="xs" data-testid="sign-what" data-state="loading">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          {t('steps.review.sign.what.loading')}
        </Text>
      </Group>
    );
  }
  const { preview, changes } = shown;
  const groups = fingerprintGroups(preview.fingerprint);
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      className="sign-what"
      data-testid="sign-what"
      data-state={updating ? 'loading' : 'ready'}
      data-fingerprint={preview.fingerprint}
      aria-busy={updating}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {t('steps.review.sign.what.title', { version: preview.version })}
          </Text>
          {updating && <Loader size="xs" aria-label={t('steps.review.sign.what.loading')} />}
        </Group>
        <div>
          <Text size="xs" c="dimmed" id="sign-fingerprint-label">
            {t('steps.review.sign.what.fingerprint')}
          </Text>
          <Code block className="sign-fingerprint" aria-labelledby="sign-fingerprint-label" data-testid="sign-fingerprint">
            {groups.slice(0, 8).join(' ')}
            {'\n'}
            {groups.slice(8).join(' ')}
          </Code>
        </div>
        <Group gap={6} wrap="nowrap" align="flex-start" data-testid="sign-changes" data-count={changes.length}>
          <ThemeIcon size={20} radius="xl" variant="light" color={changes.length === 0 ? 'teal' : 'orange'} aria-hidden>
            {changes.length === 0 ? <IconCircleCheck size={13} /> : <IconPencil size={13} />}
          </ThemeIcon>
          <Text size="sm">{changesSinceReview(t, i18n.language, changes)}</Text>
        </Group>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <ThemeIcon size={20} radius="xl" variant="light" color="gray" aria-hidden>
            <IconDeviceLaptop size={13} />
          </ThemeIcon>
          <Text size="sm" data-testid="sign-device">
            {t('steps.review.sign.what.device', { device: preview.device })}{' '}
            <Anchor component="button" type="button" size="sm" onClick={() => navigate({ name: 'settings' })}>
              {t('steps.review.sign.what.deviceChange')}
            </Anchor>
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
