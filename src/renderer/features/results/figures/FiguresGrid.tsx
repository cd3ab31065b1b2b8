import { ActionIcon, Box, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../../shared/model/schema';
import { useActuals } from '../ResultsContext';
import { columnLabel } from './columnLabels';
import { FigureCell } from './FigureCell';
import type { FigureColumn } from './figureColumns';
import { monthName } from './months';

// The month stays in view while the figures scroll under it; its edge shows where they go.
const STICKY = {
  position: 'sticky',
  left: 0,
  zIndex: 2,
  background: 'var(--mantine-color-body)',
  boxShadow: 'inset -1px 0 0 var(--mantine-color-gray-4)',
} as const;

/** "Imported from hubspot.csv on 5 Dec 2026": months an import wrote say so, and stay editable. */
function ImportedMarker({ month }: { month: string }) {
  const { t, i18n } = useTranslation();
  const imported = useActuals((s) => s.months.find((m) => m.month === month)?.imported ?? null);
  if (!imported) return null;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(imported.at));
  return (
    <Text size="xs" c="gray.7" data-testid={`imported-${month}`}>
      {t('results.figures.imported', { file: imported.fileName, date })}
    </Text>
  );
}

export interface FiguresGridProps {
  agreement: Agreement;
  months: string[];
  columns: FigureColumn[];
  onRemove(month: string): void;
}

/**
 * The month × figure grid: a row per month in calendar order, a column per stage and figure. It scrolls
 * sideways inside its own box with the month column kept in view; Tab walks the cells row by row and Enter
 * goes down a column, like a spreadsheet.
 */
export function FiguresGrid({ agreement, months, columns, onRemove }: FiguresGridProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const table = useRef<HTMLTableElement>(null);
  const labels = columns.map((column) => columnLabel(t, column, agreement, locale));

  const onMove = useCallback((row: number, col: number) => {
    const next = table.current?.querySelector<HTMLInputElement>(`input[data-cell="${row}:${col}"]`);
    if (next) {
      next.focus();
      next.select();
    }
  }, []);

  return (
    <Box
      style={{ overflowX: 'auto', maxWidth: '100%', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)' }}
      data-testid="figures-scroll"
    >
      <Table
        ref={table}
        verticalSpacing={6}
        horizontalSpacing="xs"
        style={{ borderCollapse: 'separate', borderSpacing: 0 }}
        aria-label={t('results.figures.gridLabel')}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" style={{ ...STICKY, zIndex: 3, minWidth: 170 }}>
              {t('results.figures.month')}
            </Table.Th>
            {columns.map((column, i) => (
              <Table.Th key={column.id} scope="col" style={{ minWidth: column.unit === 'currency' ? 150 : 132, verticalAlign: 'bottom' }}>
                <Text size="sm" fw={600} lh={1.25}>
                  {labels[i]}
                </Text>
                {column.source.kind === 'kpi' && (
                  <Text size="xs" c="gray.7">
                    {t('results.figures.customKpi')}
                  </Text>
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {months.map((month, row) => {
            const name = monthName(month, locale);
            return (
              <Table.Tr key={month} data-month={month}>
                <Table.Th scope="row" style={{ ...STICKY, verticalAlign: 'top' }}>
                  <Stack gap={2}>
                    <Box style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 4 }}>
                      <Text fw={600} size="sm">
                        {name}
                      </Text>
                      <Tooltip label={t('results.figures.remove.button', { month: name })}>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('results.figures.remove.button', { month: name })}
                          onClick={() => onRemove(month)}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Box>
                    <ImportedMarker month={month} />
                  </Stack>
                </Table.Th>
                {columns.map((column, col) => (
                  <Table.Td key={column.id} style={{ verticalAlign: 'top' }}>
                    <FigureCell
                      agreementId={agreement.meta.id}
                      month={month}
                      column={column}
                      label={`${labels[col]} · ${name}`}
                      row={row}
                      col={col}
                      onMove={onMove}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
