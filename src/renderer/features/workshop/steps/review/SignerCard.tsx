import { Badge, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconClock, IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../../../shared/model/schema';
import type { Signature } from '../../../../../shared/signing/signers';
import { formatDateTime } from '../../../../lib/formatDate';
import type { SignBlock } from './reviewState';

interface Props {
  participant: Participant;
  signature: Signature | null;
  /** Why this pending signer cannot sign now (null: they can). */
  block: SignBlock;
  onSign(): void;
}

/** One required signer: their drawn signature, when and where it was recorded — or the way to sign. */
export function SignerCard({ participant, signature, block, onSign }: Props) {
  const { t, i18n } = useTranslation();
  const name = signature?.name || participant.name || t('steps.review.signers.unnamed');
  const jobTitle = signature?.jobTitle ?? participant.jobTitle;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="li"
      className="signer-card"
      id={`signer-${participant.id}`}
      tabIndex={-1}
      data-testid="signer-card"
      data-signed={signature ? 'true' : 'false'}
      aria-label={name}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={600} truncate>
            {name}
          </Text>
          <Text size="sm" c="dimmed" lineClamp={2}>
            {[jobTitle, t(`common.teams.${participant.team}`)].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        {signature ? (
          <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={13} />} style={{ flexShrink: 0 }}>
            {t('steps.review.signers.signed')}
          </Badge>
        ) : (
          <Badge color="gray" variant="light" leftSection={<IconClock size={13} />} style={{ flexShrink: 0 }}>
            {t('steps.review.signers.pending')}
          </Badge>
        )}
      </Group>
      {signature ? (
        <>
          <Box className="signer-signature">
            <img src={signature.image} alt={t('steps.review.signers.imageAlt', { name })} />
          </Box>
          <Text size="xs" c="dimmed">
            {t('steps.review.signers.signedOn', { date: formatDateTime(signature.signedAt, i18n.language) })}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {t('steps.review.signers.device', { device: signature.device })}
          </Text>
        </>
      ) : (
        <Stack gap={6} mt="md">
          <Button
            leftSection={<IconSignature size={16} />}
            onClick={onSign}
            disabled={block !== null}
            fullWidth
            aria-describedby={block ? `sign-block-${participant.id}` : undefined}
          >
            {t('steps.review.signers.signAs', { name })}
          </Button>
          {block && (
            <Text size="xs" c="dimmed" id={`sign-block-${participant.id}`}>
              {t(`steps.review.signers.blocked.${block}`)}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}
