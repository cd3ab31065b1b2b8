import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';

/** A stale save is never merged silently: the user picks which version wins. */
export function ConflictModal() {
  const { t } = useTranslation();
  const conflict = useAppStore((s) => s.session?.save.status === 'conflict');
  const resolveConflict = useAppStore((s) => s.resolveConflict);
  return (
    <Modal opened={conflict} onClose={() => undefined} withCloseButton={false} closeOnClickOutside={false} closeOnEscape={false} title={t('workshop.conflict.title')} centered>
      <Text size="sm" mb="lg">
        {t('workshop.conflict.body')}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => void resolveConflict('reload')}>
          {t('workshop.conflict.reload')}
        </Button>
        <Button onClick={() => void resolveConflict('keepMine')}>{t('workshop.conflict.keepMine')}</Button>
      </Group>
    </Modal>
  );
}
