import { Button } from '@mantine/core';
import { IconDatabaseImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupsDialog } from './BackupsDialog';

/** Opens the backups dialog from the home screen. */
export function BackupsButton() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="subtle" color="gray" leftSection={<IconDatabaseImport size={16} aria-hidden />} onClick={() => setOpened(true)}>
        {t('backups.open')}
      </Button>
      <BackupsDialog opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
