import { Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KeysUnder } from '../../../shared/i18n';
import type { WorkshopStep } from '../../store/route';
import { formatDuration, wholeMinutes } from './sessionClock';
import { useSessionClock } from './useSessionClock';

/** "+4:30" over, "−2:00" under: the sign says which way, the number how much. */
function signed(ms: number): string {
  return `${ms > 0 ? '+' : ms < 0 ? '−' : ''}${formatDuration(Math.abs(ms))}`;
}

/**
 * The session clock in the agenda drawer: planned against actual time for every step, the whole session, and
 * how far behind or ahead of the agenda the room is. The same figures go into the decision log's export.
 */
export function SessionClockTable({ current }: { current: WorkshopStep }) {
  const { t } = useTranslation();
  const { times, totals } = useSessionClock();
  const balance = wholeMinutes(totals.balanceMs);
  const c = (key: KeysUnder<'facilitation.session.columns'>) => t(`facilitation.session.columns.${key}`);
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="session-clock-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="session-clock-title">
          {t('facilitation.session.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('facilitation.session.intro')}
        </Text>
        <Text size="sm" fw={700} c={balance > 0 ? 'red.9' : balance < 0 ? 'teal.9' : undefined} role="status" data-testid="session-summary">
          {balance > 0
            ? t('facilitation.session.behind', { count: balance })
            : balance < 0
              ? t('facilitation.session.ahead', { count: -balance })
              : t('facilitation.session.onTime')}
        </Text>
        <Table withRowBorders verticalSpacing={4} fz="sm" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{c('step')}</Table.Th>
              <Table.Th ta="right">{c('planned')}</Table.Th>
              <Table.Th ta="right">{c('actual')}</Table.Th>
              <Table.Th ta="right">{c('difference')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {times.map((time) => {
              const difference = time.actualMs - time.plannedMs;
              // A step still running has not "saved" time yet: only its overtime is a difference.
              const shown = time.started && !(time.running && difference < 0);
              return (
                <Table.Tr key={time.step} data-step={time.step} fw={time.step === current ? 700 : undefined}>
                  <Table.Td style={{ whiteSpace: 'normal' }}>{t(`common.steps.${time.step}`)}</Table.Td>
                  <Table.Td ta="right">{formatDuration(time.plannedMs)}</Table.Td>
                  <Table.Td ta="right">
                    {time.started ? (
                      formatDuration(time.actualMs)
                    ) : (
                      <>
                        <span aria-hidden>–</span>
                        <VisuallyHidden>{t('facilitation.session.notStarted')}</VisuallyHidden>
                      </>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" c={shown && difference > 0 ? 'red.9' : undefined}>
                    {shown ? signed(difference) : ''}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={700}>
              <Table.Td>{t('facilitation.session.total')}</Table.Td>
              <Table.Td ta="right">{formatDuration(totals.plannedMs)}</Table.Td>
              <Table.Td ta="right">{formatDuration(totals.actualMs)}</Table.Td>
              {/* The session's difference is how far behind or ahead of the agenda the room is, not time still to come. */}
              <Table.Td ta="right" c={totals.balanceMs >= 60_000 ? 'red.9' : undefined}>
                {signed(totals.balanceMs)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Stack>
    </Paper>
  );
}
