import { Alert, Code, Stack, Text } from '@mantine/core';
import { IconLinkOff, IconPlugConnectedX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useConnectionCheck, useConnectionStatus } from './useConnectionCheck';

/** A command, the same in every language. */
const WEB_COMMAND = 'npm run web';

/**
 * Browser mode only. After `npm run web` restarts, this tab's token is refused and cannot be renewed from
 * here: say so at once, say the unsaved text is safe on this computer, and say how to continue.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  useConnectionCheck();
  const status = useConnectionStatus();
  if (status === 'ok') return null;
  const expired = status === 'expired';
  return (
    <Alert
      role="alert"
      color={expired ? 'red' : 'orange'}
      variant="filled"
      radius={0}
      icon={expired ? <IconLinkOff size={20} /> : <IconPlugConnectedX size={20} />}
      title={t(expired ? 'ui.connection.expiredTitle' : 'ui.connection.unreachableTitle')}
      data-testid="connection-banner"
      data-status={status}
      style={{ position: 'sticky', top: 0, zIndex: 300 }}
    >
      {expired ? (
        <Stack gap={6}>
          <Text size="sm">{t('ui.connection.expiredBody')}</Text>
          <Text size="sm">{t('ui.connection.expiredHow')}</Text>
          <Code block c="dark.9" bg="red.0">
            {WEB_COMMAND}
          </Code>
        </Stack>
      ) : (
        <Text size="sm">{t('ui.connection.unreachableBody')}</Text>
      )}
    </Alert>
  );
}
