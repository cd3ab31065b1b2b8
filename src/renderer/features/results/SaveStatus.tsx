import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/i18n';
import { useActuals } from './ResultsContext';

/** Where the figures stand: saved (and when), waiting, saving, or not saved and why, with a way to retry. */
export function SaveStatus() {
  const { t, i18n } = useTranslation();
  const save = useActuals((s) => s.save);
  const flush = useActuals((s) => s.flush);
  let text: string;
  if (save.kind === 'saved')
    text =
      save.at === null
        ? t('results.save.saved')
        : t('results.save.savedAt', { time: new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(save.at) });
  else if (save.kind === 'pending') text = t('results.save.pending');
  else if (save.kind === 'saving') text = t('results.save.saving');
  else text = t('results.save.failed', { reason: describeError(t, save.error) });
  return (
    <Group gap="xs" role="status" aria-live="polite" data-testid="results-save-state">
      <Text size="sm" c={save.kind === 'failed' ? 'red.8' : 'dimmed'}>
        {text}
      </Text>
      {save.kind === 'failed' && (
        <Button size="compact-sm" variant="light" color="red" onClick={() => void flush()}>
          {t('results.save.retry')}
        </Button>
      )}
    </Group>
  );
}
