import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementSummary } from '../../../shared/api/contract';
import type { DialogState } from './useDialog';
import { validateTitle } from './validateTitle';

type Rename = (agreement: AgreementSummary, title: string) => Promise<boolean>;

export function RenameModal({ dialog, onRename }: { dialog: DialogState<AgreementSummary>; onRename: Rename }) {
  const { t } = useTranslation();
  return (
    <Modal opened={dialog.opened} onClose={dialog.close} closeButtonProps={{ 'aria-label': t('ui.common.closeDialog') }} title={t('ui.rename.title')} centered>
      {dialog.value && <RenameForm key={dialog.formKey} agreement={dialog.value} onClose={dialog.close} onRename={onRename} />}
    </Modal>
  );
}

function RenameForm({ agreement, onClose, onRename }: { agreement: AgreementSummary; onClose(): void; onRename: Rename }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(agreement.title);
  const [busy, setBusy] = useState(false);
  const problem = validateTitle(title);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (problem || busy) return;
    // Nothing changed: closing is the honest outcome, no needless write or "renamed" message.
    if (title.trim() === agreement.title) return onClose();
    setBusy(true);
    const renamed = await onRename(agreement, title);
    setBusy(false);
    if (renamed) onClose();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('ui.rename.label')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={problem ? t(problem.key, problem.params) : undefined}
          required
          data-autofocus
          onFocus={(event) => event.currentTarget.select()}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('ui.common.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={problem !== null}>
            {t('ui.rename.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
