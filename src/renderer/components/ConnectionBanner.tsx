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
      variant="light"
      radius="md"
      mb="md"
      icon={expired ? <IconLinkOff size={20} /> : <IconPlugConnectedX size={20} />}
      title={t(expired ? 'ui.connection.expiredTitle' : 'ui.connection.unreachableTitle')}
      data-testid="connection-banner"
      data-status={status}
      // Stays in view under the header while the page scrolls: the tab is not saving, and must keep saying so.
      style={{ position: 'sticky', top: 'calc(var(--app-shell-header-offset, 0rem) + 8px)', zIndex: 150, boxShadow: 'var(--mantine-shadow-sm)' }}
    >
      {expired ? (
        <Stack gap={6}>
          <Text size="sm">{t('ui.connection.expiredBody')}</Text>
          <Text size="sm">{t('ui.connection.expiredHow')}</Text>
          <Code c="dark.9" bg="white" w="fit-content">
            {WEB_COMMAND}
          </Code>
        </Stack>
      ) : (
        <Text size="sm">{t('ui.connection.unreachableBody')}</Text>
      )}
    </Alert>
  );
}
