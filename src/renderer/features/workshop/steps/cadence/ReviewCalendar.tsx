import { Anchor, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconCalendarRepeat } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localToday, monthlyMeetingDates, reviewDates } from '../../../../../shared/model/cadence';
import { useAppStore } from '../../../../store/appStore';
import { useDraftSelector } from '../../fields/useField';
import { focusField } from '../../focusField';

const REVIEWS_SHOWN = 4;
const MEETINGS_SHOWN = 6;

/** Calendar dates are formatted in UTC so the viewer's time zone cannot shift them by a day. */
function formatIsoDate(iso: string, locale: string, style: 'long' | 'full'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

function DateList({ title, icon, dates, hint }: { title: string; icon: ReactNode; dates: string[]; hint: ReactNode }) {
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
          {dates.map((date) => (
            <List.Item key={date}>
              <Text style={{ fontVariantNumeric: 'tabular-nums' }}>{date}</Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** The dates the cadence produces: the next formal reviews and the next monthly results meetings. */
export function ReviewCalendar() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const first = useDraftSelector((d) => d.cadence.firstReviewDate) ?? null;
  const months = useDraftSelector((d) => d.cadence.months) ?? 6;
  const day = useDraftSelector((d) => d.goals.reviewMeeting.dayOfMonth) ?? null;
  const id = useAppStore((s) => s.session?.id);
  const navigate = useAppStore((s) => s.navigate);

  const reviews = first ? reviewDates(first, months, REVIEWS_SHOWN).map((d) => formatIsoDate(d, locale, 'long')) : [];
  // The weekday matters for a meeting fixed by day of the month: the 5th may fall on a Saturday.
  const meetings = monthlyMeetingDates(day, localToday(), MEETINGS_SHOWN).map((d) => formatIsoDate(d, locale, 'full'));

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
        <DateList title={t('steps.cadence.calendar.reviews')} icon={<IconCalendarEvent size={20} color="var(--mantine-color-indigo-7)" aria-hidden />} dates={reviews} hint={t('steps.cadence.calendar.reviewsHint')} />
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
