import { Button, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconTableOptions, IconTrash } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DetectedFormat } from '../../../../shared/actuals/options';
import type { CsvEncoding, DateOrder, DecimalSeparator } from '../../../../shared/actuals/types';
import type { SavedCsvMapping } from '../../../../shared/api/ops/csvMappings';

/** What the user chose; `auto` keeps what the pipeline detects. `source`: auto, a preset id, or `saved:<id>`. */
export interface ImportChoices {
  source: string;
  encoding: Extract<CsvEncoding, 'utf-8' | 'windows-1252'> | 'auto';
  dateOrder: DateOrder | 'auto';
  decimal: DecimalSeparator | 'auto';
  timeZone: string;
}

export const SAVED_PREFIX = 'saved:';

export function defaultChoices(): ImportChoices {
  return { source: 'auto', encoding: 'auto', dateOrder: 'auto', decimal: 'auto', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' };
}

function zones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

interface Props {
  choices: ImportChoices;
  onChange: (next: ImportChoices) => void;
  saved: readonly SavedCsvMapping[];
  detected: DetectedFormat | null;
  needsDateOrder: boolean;
  canBuild: boolean;
  onBuild: () => void;
  onDelete: (id: string) => void;
  disabled: boolean;
}

/** The ways of reading the file, each showing what was detected and letting the user override it. */
export function ImportOptions({ choices, onChange, saved, detected, needsDateOrder, canBuild, onBuild, onDelete, disabled }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof ImportChoices>(key: K, value: ImportChoices[K]) => onChange({ ...choices, [key]: value });
  const auto = (value: string | null | undefined) => (value ? t('results.import.options.detected', { value }) : t('results.import.options.auto'));

  const encodingName = detected ? (detected.encoding === 'windows-1252' ? t('results.import.options.windows1252') : detected.encoding.toUpperCase()) : null;
  const dateName = detected?.dateOrder ? t(`results.import.options.${detected.dateOrder}`) : null;
  const decimalName = detected ? t(detected.decimalSeparator === ',' ? 'results.import.options.comma' : 'results.import.options.point') : null;
  const timeZones = useMemo(() => zones(choices.timeZone), [choices.timeZone]);
  const savedId = choices.source.startsWith(SAVED_PREFIX) ? choices.source.slice(SAVED_PREFIX.length) : null;

  const sources = [
    { value: 'auto', label: choices.source === 'auto' && detected ? auto(detected.mapping.name) : t('results.import.options.auto') },
    {
      group: t('results.import.options.crmGroup'),
      items: [
        { value: 'hubspot', label: t('results.import.options.hubspot') },
        { value: 'salesforce', label: t('results.import.options.salesforce') },
      ],
    },
    ...(saved.length
      ? [{ group: t('results.import.options.savedGroup'), items: saved.map((s) => ({ value: `${SAVED_PREFIX}${s.id}`, label: s.mapping.name })) }]
      : []),
  ];

  return (
    <Stack gap="sm" component="section" aria-labelledby="csv-options-title">
      <Title order={3} id="csv-options-title">
        {t('results.import.options.title')}
      </Title>
      <Group align="end" gap="sm">
        <Select
          label={t('results.import.options.source')}
          data={sources}
          value={choices.source}
          onChange={(v) => typeof v === 'string' && set('source', v)}
          allowDeselect={false}
          disabled={disabled}
          w={320}
        />
        {savedId && (
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => onDelete(savedId)} disabled={disabled}>
            {t('results.import.options.deleteMapping')}
          </Button>
        )}
        <Button variant="light" leftSection={<IconTableOptions size={16} aria-hidden />} onClick={onBuild} disabled={disabled || !canBuild}>
          {t('results.import.options.build')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <Select
          label={t('results.import.options.encoding')}
          data={[
            { value: 'auto', label: auto(encodingName) },
            { value: 'utf-8', label: t('results.import.options.utf8') },
            { value: 'windows-1252', label: t('results.import.options.windows1252') },
          ]}
          value={choices.encoding}
          onChange={(v) => typeof v === 'string' && set('encoding', v as ImportChoices['encoding'])}
          allowDeselect={false}
          disabled={disabled}
        />
        <Select
          label={t('results.import.options.dateOrder')}
          data={[
            ...(needsDateOrder && choices.dateOrder === 'auto' ? [] : [{ value: 'auto', label: auto(dateName) }]),
            { value: 'dmy', label: t('results.import.options.dmy') },
            { value: 'mdy', label: t('results.import.options.mdy') },
          ]}
          value={needsDateOrder && choices.dateOrder === 'auto' ? null : choices.dateOrder}
          onChange={(v) => typeof v === 'string' && set('dateOrder', v as ImportChoices['dateOrder'])}
          allowDeselect={false}
          required={needsDateOrder}
          error={needsDateOrder && choices.dateOrder === 'auto' ? t('results.import.options.dateOrderRequired') : undefined}
          disabled={disabled}
        />
        <Select
          label={t('results.import.options.decimal')}
          data={[
            { value: 'auto', label: auto(decimalName) },
            { value: '.', label: t('results.import.options.point') },
            { value: ',', label: t('results.import.options.comma') },
          ]}
          value={choices.decimal}
          onChange={(v) => typeof v === 'string' && set('decimal', v as ImportChoices['decimal'])}
          allowDeselect={false}
          disabled={disabled}
        />
        <Select
          label={t('results.import.options.timeZone')}
          data={timeZones}
          value={choices.timeZone}
          onChange={(v) => typeof v === 'string' && set('timeZone', v)}
          allowDeselect={false}
          searchable
          limit={50}
          disabled={disabled}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed" data-testid="csv-time-zone-note">
        {t('results.import.options.timeZoneNote', { zone: choices.timeZone })}
      </Text>
    </Stack>
  );
}
