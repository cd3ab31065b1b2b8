import { Badge, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldRole } from '../../../../shared/actuals/mapping';
import type { CsvPreview } from '../../../../shared/actuals/options';
import type { Stage } from '../../../../shared/model/schema';

/** The first rows with the mapping applied: each mapped column under its stage or role, and why a row would be left out. */
export function PreviewTable({ preview, fileName, stages }: { preview: CsvPreview; fileName: string; stages: readonly Pick<Stage, 'id' | 'name'>[] }) {
  const { t } = useTranslation();
  const stageName = (id: string) => stages.find((s) => s.id === id)?.name || id;
  const fieldRoles = Object.keys(preview.columns.fields) as FieldRole[];
  const { rows, columns } = preview;

  return (
    <Stack gap="xs" component="section" aria-labelledby="csv-preview-title">
      <Title order={3} id="csv-preview-title">
        {t('results.import.preview.title')}
      </Title>
      {columns.unusedStageColumns.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('results.import.preview.unused', { columns: columns.unusedStageColumns.map((c) => c.header).join(', ') })}
        </Text>
      )}
      {rows.length === 0 ? (
        <Text size="sm">{t('results.import.preview.noRows')}</Text>
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <Table striped withTableBorder withColumnBorders fz="sm" data-testid="csv-preview" captionSide="top">
            <Table.Caption>{t('results.import.preview.caption', { count: rows.length, file: fileName, mapping: preview.detected.mapping.name })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('results.import.preview.line')}</Table.Th>
                {columns.stages.map((s) => (
                  <Table.Th scope="col" key={s.stageId}>
                    {stageName(s.stageId)}
                    <Text size="xs" c="dimmed" component="span" display="block">
                      {s.header}
                    </Text>
                  </Table.Th>
                ))}
                {fieldRoles.map((role) => (
                  <Table.Th scope="col" key={role}>
                    {t(`results.import.field.${role}`)}
                    <Text size="xs" c="dimmed" component="span" display="block">
                      {columns.fields[role]}
                    </Text>
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('results.import.preview.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.line} data-problem={row.problem ?? undefined}>
                  <Table.Th scope="row">{row.line}</Table.Th>
                  {columns.stages.map((s) => {
                    // Shown only when the date is read differently from how it is written (another order, a zone, no time).
                    const read = row.readDates[s.stageId]?.replace('T', ' ');
                    return (
                      <Table.Td key={s.stageId}>
                        {row.stages[s.stageId]}
                        {read && row.stages[s.stageId] !== read && (
                          <Text size="xs" c="dimmed" component="span" display="block">
                            {t('results.import.preview.read', { date: read })}
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                  {fieldRoles.map((role) => (
                    <Table.Td key={role}>{row.fields[role]}</Table.Td>
                  ))}
                  <Table.Td>
                    {row.problem ? (
                      <Badge color="red" variant="light" tt="none">
                        {t(`actuals.reason.${row.problem}`)}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed" component="span">
                        {t('results.import.preview.ok')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Stack>
  );
}
