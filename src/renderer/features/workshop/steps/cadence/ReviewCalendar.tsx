import { Anchor, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconCalendarRepeat } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localToday, meetingSchedule, reviewSchedule, type ScheduledDate } from '../../../../../shared/model/cadence';
import { formatCalendarDate, weekdayName } from '../../../../../shared/model/calendarFormat';
import { useAppStore } from '../../../../store/appStore';
import { useDraftSelector } from '../../fields/useField';
import { focusField } from '../../focusField';

const REVIEWS_SHOWN = 4;
const MEETINGS_SHOWN = 6;

function DateList({ title, icon, dates, hint }: { title: string; icon: ReactNode; dates: ScheduledDate[]; hint: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="xs">
      <Group gap={8} wrap="nowrap">
        {icon}
        <Text fw={600}>{title}</Text>
      </Group>
      {dates.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          {hint}
        </Text>
      ) : (
        <List spacing={6} listStyleType="none" ml={0} pl={0}>
          {dates.map(({ date, movedFrom }) => (
            <List.Item key={date}>
              <Text style={{ fontVariantNumeric: 'tabular-nums' }}>
                <time dateTime={date}>{formatCalendarDate(date, i18n.language)}</time>
                {movedFrom && (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    {t('steps.cadence.calendar.moved', { weekday: weekdayName(movedFrom, i18n.language) })}
                  </Text>
                )}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** The dates the cadence produces: the next formal reviews and the next monthly results meetings. */
export function ReviewCalendar() {
  const { t } = useTranslation();
  const first = useDraftSelector((d) => d.cadence.firstReviewDate) ?? null;
  const months = useDraftSelector((d) => d.cadence.months) ?? 6;
  const day = useDraftSelector((d) => d.goals.reviewMeeting.dayOfMonth) ?? null;
  const id = useAppStore((s) => s.session?.id);
  const navigate = useAppStore((s) => s.navigate);

  // Both lists fall on working days: a date the rule puts on a weekend moves to the Monday, with a note.
  const reviews = first ? reviewSchedule(first, months, REVIEWS_SHOWN) : [];
  const meetings = meetingSchedule(day, localToday(), MEETINGS_SHOWN);

  const goToDay = () => {
    if (!id) return;
    navigate({ name: 'workshop', id, step: 'goals' });
    focusField(['goals', 'reviewMeeting', 'dayOfMonth']);
  };

  return (
    <Paper withBorder radius="lg" p="lg" bg="gray.0" component="section" aria-labelledby="calendar-title">
      <Title order={3} size="h4" id="calendar-title" mb="md">
        {t('steps.cadence.calendar.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
        <DateList
          title={t('steps.cadence.calendar.reviews')}
          icon={<IconCalendarEvent size={20} color="var(--mantine-color-indigo-7)" aria-hidden />}
          dates={reviews}
          hint={t('steps.cadence.calendar.reviewsHint')}
        />
        <DateList
          title={t('steps.cadence.calendar.meetings')}
          icon={<IconCalendarRepeat size={20} color="var(--mantine-color-indigo-7)" aria-hidden />}
          dates={meetings}
          hint={
            <>
              {t('steps.cadence.calendar.meetingsHint')}{' '}
              <Anchor component="button" type="button" size="sm" onClick={goToDay}>
                {t('steps.cadence.calendar.goToDay')}
              </Anchor>
            </>
          }
        />
      </SimpleGrid>
    </Paper>
  );
}
