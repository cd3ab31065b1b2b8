import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { monthName } from './months';

/** Asks before a month's figures go: they cannot be brought back (the review's notes, if any, stay). */
export function RemoveMonthDialog({
  month,
  keepsNotes,
  onConfirm,
  onCancel,
}: {
  month: string | null;
  keepsNotes: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation();
  const name = month ? monthName(month, i18n.language) : '';
  return (
    <Modal
      opened={month !== null}
      onClose={onCancel}
      closeButtonProps={{ 'aria-label': t('results.figures.remove.cancel') }}
      title={t('results.figures.remove.title', { month: name })}
      centered
    >
      <Text size="sm">{t(keepsNotes ? 'results.figures.remove.bodyKeepsNotes' : 'results.figures.remove.body', { month: name })}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onCancel}>
          {t('results.figures.remove.cancel')}
        </Button>
        <Button color="red" onClick={onConfirm}>
          {t('results.figures.remove.confirm')}
        </Button>
      </Group>
    </Modal>
  );
}
