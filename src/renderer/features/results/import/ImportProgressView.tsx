import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatCount } from './format';
import type { ImportProgress } from './importRunner';

/** The latest progress of a running import, held outside React state so only the progress bar re-renders. */
export interface ProgressStore {
  get(): ImportProgress;
  set(progress: ImportProgress): void;
  subscribe(listener: () => void): () => void;
}

export function createProgressStore(initial: ImportProgress): ProgressStore {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(progress) {
      value = progress;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The bar, the figures and Cancel while the worker imports. Each progress message re-renders this alone,
 * never the panel around it: the page's thread stays free while a large file is read (see bench/csvBrowser.ts).
 */
export function ImportProgressView({ store, onCancel }: { store: ProgressStore; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const progress = useSyncExternalStore(store.subscribe, store.get);
  const lang = i18n.language;
  return (
    <Stack gap="xs" data-testid="csv-progress">
      <Progress
        value={progress.totalBytes ? Math.min(100, (progress.bytesRead / progress.totalBytes) * 100) : 0}
        aria-label={t('results.import.run.progressLabel')}
        size="lg"
        striped
      />
      <Text size="sm" aria-live="polite">
        {t('results.import.run.progress', {
          read: formatBytes(lang, progress.bytesRead),
          total: formatBytes(lang, progress.totalBytes ?? progress.bytesRead),
          records: formatCount(lang, progress.records),
        })}
      </Text>
      <Group>
        <Button variant="default" color="red" onClick={onCancel}>
          {t('results.import.run.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
