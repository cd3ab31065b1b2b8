import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SigningKeyDto, SigningKeysDto } from '../../../shared/api/keysAndSettings';
import { describeError } from '../../../shared/i18n';
import { api } from '../../api/apiClient';

interface Props {
  signingKey: SigningKeyDto | null;
  opened: boolean;
  onClose(): void;
  onRemoved(keys: SigningKeysDto, removed: SigningKeyDto): void;
}

/** Asks once more before a key stops being used; the focus starts on Cancel. */
export function RemoveKeyModal({ signingKey, opened, onClose, onRemoved }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const organization = signingKey?.organization ?? '';

  async function confirm() {
    if (!signingKey) return;
    setBusy(true);
    setError(null);
    const result = await api().send('signingKeys.remove', { id: signingKey.id });
    setBusy(false);
    if (result.ok) onRemoved(result.value, signingKey);
    else setError(describeError(t, result.error));
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('settings.keys.removeTitle')} centered closeButtonProps={{ 'aria-label': t('ui.common.cancel') }}>
      <Stack gap="md">
        <Text size="sm">{t('settings.keys.removeBody', { organization })}</Text>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('ui.common.cancel')}
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={busy}>
            {t('settings.keys.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
