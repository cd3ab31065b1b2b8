import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementSummary } from '../../../shared/api/contract';
import type { DialogState } from './useDialog';

type Purge = (agreement: AgreementSummary) => Promise<boolean>;

/** The only irreversible action on the home screen, so it asks once more and puts focus on Cancel. */
export function ConfirmPurgeModal({ dialog, onPurge }: { dialog: DialogState<AgreementSummary>; onPurge: Purge }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const agreement = dialog.value;

  async function confirm() {
    if (!agreement) return;
    setBusy(true);
    const purged = await onPurge(agreement);
    setBusy(false);
    if (purged) dialog.close();
  }

  return (
    <Modal
      opened={dialog.opened}
      onClose={dialog.close}
      closeButtonProps={{ 'aria-label': t('ui.common.closeDialog') }}
      title={t('ui.trash.confirmTitle')}
      centered
    >
      <Stack gap="md">
        <Text size="sm">{t('ui.trash.confirmBody', { title: agreement?.title ?? '' })}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={dialog.close} data-autofocus>
            {t('ui.common.cancel')}
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={busy}>
            {t('ui.trash.purge')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
