import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeBadRow } from '../../../../shared/actuals/messages';
import type { CsvImportResult } from '../../../../shared/actuals/options';
import type { BadRowReason } from '../../../../shared/actuals/types';
import { formatCount, formatMonths } from './format';

/** Rejected rows listed by line; the rest are counted by reason. */
const LISTED_BAD_ROWS = 20;

interface Props {
  result: CsvImportResult;
  changes: { added: string[]; changed: string[] };
  onSave: () => void;
  onDiscard: () => void;
  saving: boolean;
}

/** What an import read, before anything is saved: rows counted and rejected (with lines and reasons) and the months it would add or change. */
export function ImportResultView({ result, changes, onSave, onDiscard, saving }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (value: number) => formatCount(lang, value);
  const reasons = Object.entries(result.badRowsByReason) as [BadRowReason, number][];
  const more = result.badRowsTotal - Math.min(result.badRows.length, LISTED_BAD_ROWS);

  return (
    <Stack gap="sm" component="section" aria-labelledby="csv-result-title" data-testid="csv-result">
      <Title order={3} id="csv-result-title">
        {t('results.import.result.title')}
      </Title>
      <Text data-testid="csv-result-rows">
        {t('results.import.result.rows', {
          records: n(result.rows.records),
          counted: n(result.rows.counted),
          rejected: n(result.rows.rejected),
          blank: n(result.rows.blank),
        })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('results.import.result.format', {
          encoding: result.detected.encoding.toUpperCase(),
          mapping: result.detected.mapping.name,
          zone: result.detected.timeZone,
        })}
      </Text>
      {result.badRowsTotal > 0 && (
        <Stack gap={4} data-testid="csv-bad-rows">
          <Title order={4}>{t('results.import.result.badRowsTitle')}</Title>
          <List size="sm">
            {result.badRows.slice(0, LISTED_BAD_ROWS).map((row) => (
              <List.Item key={`${row.line}-${row.reason}`}>{describeBadRow(t, row)}</List.Item>
            ))}
          </List>
          {more > 0 && <Text size="sm">{t('actuals.badRowsMore', { count: more })}</Text>}
          <Title order={5}>{t('results.import.result.byReasonTitle')}</Title>
          <List size="sm">
            {reasons.map(([reason, count]) => (
              <List.Item key={reason}>{t('results.import.result.byReason', { reason: t(`actuals.reason.${reason}`), count: n(count) })}</List.Item>
            ))}
          </List>
        </Stack>
      )}
      {result.months.length === 0 ? (
        <Alert color="yellow">{t('results.import.result.noMonths')}</Alert>
      ) : (
        <Stack gap={4} data-testid="csv-months">
          {changes.added.length > 0 && <Text>{t('results.import.result.added', { months: formatMonths(lang, changes.added) })}</Text>}
          {changes.changed.length > 0 && <Text>{t('results.import.result.changed', { months: formatMonths(lang, changes.changed) })}</Text>}
          {changes.added.length + changes.changed.length === 0 && <Text>{t('results.import.result.unchanged')}</Text>}
        </Stack>
      )}
      <Group>
        <Button onClick={onSave} data-testid="csv-save" loading={saving} disabled={result.months.length === 0}>
          {t('results.import.result.save')}
        </Button>
        <Button variant="default" onClick={onDiscard} disabled={saving}>
          {t('results.import.result.discard')}
        </Button>
      </Group>
    </Stack>
  );
}
