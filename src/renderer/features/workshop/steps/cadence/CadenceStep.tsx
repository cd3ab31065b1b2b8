import { Grid, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toWorkingDay } from '../../../../../shared/model/cadence';
import { formatCalendarDate } from '../../../../../shared/model/calendarFormat';
import { DEFAULT_REVIEW_MONTHS, HIGH_GROWTH_REVIEW_MONTHS } from '../../../../../shared/model/defaults';
import { fieldId } from '../../../../../shared/model/paths';
import { DateField } from '../../fields/DateField';
import { ListEditor } from '../../fields/ListEditor';
import { NumberField } from '../../fields/NumberField';
import { useDraftSelector, useEdit, useReadOnly } from '../../fields/useField';
import { AgendaItemField } from './AgendaItemField';
import { FormalReviewPanel } from './FormalReviewPanel';
import { ParticipantsChoice } from './ParticipantsChoice';
import { ReviewCalendar } from './ReviewCalendar';
import { TermsSection } from './TermsSection';

/** Turning high growth on or off also sets the interval (2 or 6 months), in one edit and one undo step. */
function HighGrowthSwitch() {
  const { t } = useTranslation();
  const edit = useEdit();
  const readOnly = useReadOnly();
  const checked = useDraftSelector((d) => d.cadence.highGrowth) ?? false;
  return (
    <Switch
      id={fieldId(['cadence', 'highGrowth'])}
      label={t('steps.cadence.rhythm.highGrowth')}
      description={t('steps.cadence.rhythm.highGrowthHelp')}
      checked={checked}
      disabled={readOnly}
      size="md"
      onChange={(event) => {
        const on = event.currentTarget.checked;
        edit((draft) => {
          draft.cadence.highGrowth = on;
          draft.cadence.months = on ? HIGH_GROWTH_REVIEW_MONTHS : DEFAULT_REVIEW_MONTHS;
        });
      }}
    />
  );
}

/** Step 7, review cadence: how often the agreement is formally reviewed, by whom, with what agenda, and when; then its terms. */
export function CadenceStep() {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="lg">
      <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="rhythm-title">
        <Title order={3} size="h4" id="rhythm-title" mb="md">
          {t('steps.cadence.rhythm.title')}
        </Title>
        <Grid gap="lg" align="flex-start">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Stack gap="md">
              <HighGrowthSwitch />
              <NumberField
                path={['cadence', 'months']}
                label={t('steps.cadence.rhythm.months')}
                description={t('steps.cadence.rhythm.monthsHelp')}
                min={1}
                max={24}
                nullable={false}
              />
              <DateField
                path={['cadence', 'firstReviewDate']}
                label={t('steps.cadence.rhythm.firstReviewDate')}
                required
                describe={(iso, words) => {
                  const moved = toWorkingDay(iso);
                  return moved.movedFrom ? t('steps.cadence.rhythm.weekend', { date: words, moved: formatCalendarDate(moved.date, i18n.language) }) : words;
                }}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <ParticipantsChoice />
          </Grid.Col>
        </Grid>
      </Paper>

      <ReviewCalendar />

      <FormalReviewPanel />

      <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="agenda-title">
        <Title order={3} size="h4" id="agenda-title">
          {t('steps.cadence.agenda.label')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('steps.cadence.agenda.help')}
        </Text>
        <ListEditor<string>
          path={['cadence', 'agenda']}
          label={t('steps.cadence.agenda.label')}
          addLabel={t('steps.cadence.agenda.add')}
          create={() => ''}
          itemTitle={(item, index) => item?.trim() || t('steps.cadence.agenda.item', { n: index + 1 })}
          renderItem={(index) => <AgendaItemField index={index} />}
          emptyText={t('steps.cadence.agenda.empty')}
          compact
        />
      </Paper>

      <TermsSection />
    </Stack>
  );
}
