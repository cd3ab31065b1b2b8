import { Button, Paper, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Where a file comes in: a button (the keyboard way) opening the system's file picker, or a file dropped on
 * the zone. Only the first file of a drop is taken.
 */
export function FileDropZone({ onFile, disabled }: { onFile: (file: File) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file && !disabled) onFile(file);
  };
  const onDragOver = (event: DragEvent) => {
    if (disabled || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    take(event.dataTransfer.files);
  };

  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      data-testid="csv-drop-zone"
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: over ? 'var(--mantine-color-blue-6)' : undefined }}
      bg={over ? 'var(--mantine-color-blue-light)' : undefined}
    >
      <Stack align="center" gap="xs">
        <IconFileUpload size={32} aria-hidden />
        <Text fw={600}>{t('results.import.drop.title')}</Text>
        <Text size="sm">{t('results.import.drop.or')}</Text>
        <Button onClick={() => input.current?.click()} disabled={disabled}>
          {t('results.import.drop.choose')}
        </Button>
        <Text size="sm" c="dimmed" ta="center">
          {t('results.import.drop.hint')}
        </Text>
        <input
          ref={input}
          type="file"
          accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values"
          hidden
          tabIndex={-1}
          aria-label={t('results.import.drop.choose')}
          data-testid="csv-file-input"
          onChange={(event) => {
            take(event.currentTarget.files);
            // The same file chosen again (after fixing it in Excel) must fire again.
            event.currentTarget.value = '';
          }}
        />
      </Stack>
    </Paper>
  );
}
