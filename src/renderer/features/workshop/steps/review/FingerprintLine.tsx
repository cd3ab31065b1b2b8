import { ActionIcon, Code, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { shortFingerprint } from '../../../../../shared/signing/signers';

/** The signed content's fingerprint, short enough to read aloud, with the full one a click away. */
export function FingerprintLine({ fingerprint }: { fingerprint: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" data-testid="fingerprint">
      <Text size="sm" c="dimmed">
        {t('steps.review.fingerprint.label')}
      </Text>
      <Code fz="sm" title={fingerprint} data-full={fingerprint}>
        {shortFingerprint(fingerprint)}
      </Code>
      <CopyButton value={fingerprint} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('steps.review.fingerprint.copied') : t('steps.review.fingerprint.copy')} withArrow>
            <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} size="sm" onClick={copy} aria-label={t('steps.review.fingerprint.copy')}>
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
      <Tooltip label={t('steps.review.fingerprint.help')} multiline w={300} withArrow>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('steps.review.fingerprint.help')}>
          <IconInfoCircle size={14} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
