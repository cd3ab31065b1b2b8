import { Button, EmptyState, Paper } from '@mantine/core';
import { IconFilePlus, IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { NewSource } from './NewAgreementModal';

/**
 * First launch: say what the app is for and offer both ways in. The buttons are worded differently from
 * the header's so every control keeps a unique accessible name.
 */
export function EmptyHome({ onNew }: { onNew: (source: NewSource) => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="lg" py={56} px="xl">
      <EmptyState variant="light" size="lg" icon={<IconSparkles size={30} stroke={1.6} />} title={t('ui.empty.title')} description={t('ui.empty.body')}>
        <EmptyState.Actions>
          <Button leftSection={<IconFilePlus size={16} />} onClick={() => onNew('blank')}>
            {t('ui.empty.startBlank')}
          </Button>
          <Button variant="light" onClick={() => onNew('example')}>
            {t('ui.empty.tryExample')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}
